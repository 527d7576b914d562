/**
 * The Sprachpool settings of a region, kept in `regions.settings.sprachpool` (JSON). Missing or invalid values fall
 * back to the defaults, so an older region or a hand-edited row never breaks a page. Money is in cents.
 */
import { z } from 'zod';
import { QUALIFICATION_KINDS, SETTINGS } from './schema.js';

const cents = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).catch(fallback).default(fallback);

export const poolSettingsSchema = z.object({
  /** Requests must come at least this many working days (Mon–Fri without public holidays) ahead. */
  leadTimeWorkingDays: z.coerce.number().int().min(0).max(30).catch(3).default(3),
  /** Settings the pool does not serve (court and police need sworn interpreters). */
  excludedSettings: z.array(z.enum(SETTINGS)).catch(['court', 'police']).default(['court', 'police']),
  /** Settings that only mediators with a qualification of this kind may take. */
  requiredQualifications: z
    .partialRecord(z.enum(SETTINGS), z.enum(QUALIFICATION_KINDS))
    .catch({ health: 'health', psychosocial: 'psychosocial' })
    .default({ health: 'health', psychosocial: 'psychosocial' }),
  /** An institution may cancel free of charge until this many hours before the start; later is a late cancellation. */
  freeCancellationHours: z.coerce.number().int().min(0).max(336).catch(48).default(48),
  /** Billed for a late cancellation (0 = nothing). */
  lateCancellationFeeCents: cents(0),
  /** Offers not answered within this many hours expire. */
  offerExpiryHours: z.coerce.number().int().min(1).max(336).catch(48).default(48),
  /** Minutes kept free before and after an on-site assignment when ranking (travel). */
  travelBufferMinutes: z.coerce.number().int().min(0).max(240).catch(30).default(30),
  /** Days after the appointment at which request details are reduced to anonymous statistics. */
  retentionDays: z.coerce.number().int().min(30).max(3650).catch(365).default(365),
  /** Days before a document expires at which the mediator and the coordinators are reminded. */
  documentReminderDays: z.coerce.number().int().min(1).max(180).catch(30).default(30),
  /** Rates: per hour, billed to the minute and at least the minimum duration; per km (on-site travel); flat fee per assignment. */
  hourlyRateCents: cents(2500),
  minimumMinutes: z.coerce.number().int().min(0).max(480).catch(60).default(60),
  perKmCents: cents(30),
  flatFeeCents: cents(0),
  /** What the mediator is paid per hour (volunteers: an expense allowance). */
  mediatorHourlyCents: cents(2000),
  /** Address coordinators are reached at (mails to institutions and mediators). */
  contactEmail: z.string().trim().max(200).catch('').default(''),
});

export type PoolSettings = z.infer<typeof poolSettingsSchema>;

/** The Sprachpool settings of a region row (`regions.settings`). */
export function poolSettings(settings: Record<string, unknown> | null | undefined): PoolSettings {
  const raw = settings?.sprachpool;
  return poolSettingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
