/**
 * `ev_occurrences.cancel_reason` holds either what an organiser wrote ("Die Referentin ist erkrankt") or one of
 * these codes set by the system; codes are never shown to people as they are.
 */
export const SYSTEM_CANCEL_REASONS = {
  /** The date dropped out of the series while people were registered (service.ts). */
  removedFromSeries: 'removed_from_series',
  /** The external calendar the event is imported from cancelled it (import.ts). */
  cancelledInSource: 'cancelled_in_source',
} as const;

const CODES: ReadonlySet<string> = new Set(Object.values(SYSTEM_CANCEL_REASONS));

/** The organiser's own words, or '' for none and for system codes. */
export function organiserCancelReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  return CODES.has(text) ? '' : text;
}
