/**
 * The events settings of a region, kept in `regions.settings.events` (JSON). Missing or invalid values fall back to
 * the defaults, so an older region or a hand-edited row never breaks a page.
 */
import { z } from 'zod';
import { DEFAULT_RETENTION_DAYS } from './schema.js';

export const eventSettingsSchema = z.object({
  /** Days after an occurrence at which attendee data is deleted (counts stay). */
  retentionDays: z.coerce.number().int().min(1).max(730).catch(DEFAULT_RETENTION_DAYS).default(DEFAULT_RETENTION_DAYS),
  /** Send registrants a reminder the day before. */
  reminders: z.boolean().catch(true).default(true),
  /** Hours between two imports of an external iCal feed. */
  feedIntervalHours: z.coerce.number().int().min(1).max(168).catch(6).default(6),
});

export type EventSettings = z.infer<typeof eventSettingsSchema>;

/** The events settings of a region row (`regions.settings`). */
export function eventSettings(settings: Record<string, unknown> | null | undefined): EventSettings {
  const raw = settings?.events;
  return eventSettingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
