/**
 * Retention (issue 7 §6): after the region's `retentionDays` past an appointment's end, its request is reduced to
 * anonymous statistics. Emptied: the notes, place name, street, join information, on-site contact, coordinates,
 * the contact person and the account that made it, cancellation and rejection reasons; the offers' decline reasons;
 * the timesheet's note, dispute reason and resolution note. Kept: language, dialect, mode, setting, topic, times,
 * postal code and town, institution, status, mediator, minutes and kilometres — the billing history and the
 * statistics. `anonymised_at` marks a request done, so the job is idempotent; each region's run is audited as a
 * system action with its counts.
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { regions } from '../../platform/schema.js';
import { assignments, offers, requests, timesheets } from './schema.js';
import { poolSettings } from './settings.js';

export const RETENTION_JOB = 'sprachpool.retention';
const DAY = 86_400_000;
/** The shortest retention a region can set (settings.ts); requests younger than this are never looked at. */
const MIN_RETENTION_DAYS = 30;

export type RetentionResult = { regions: number; requests: number; offers: number; timesheets: number };

/** Anonymises the due requests of one region (in one transaction); returns the counts. */
export async function anonymiseRegionRequests(db: Db, input: { regionId: string; retentionDays: number; now: Date }): Promise<Omit<RetentionResult, 'regions'>> {
  const cutoff = new Date(input.now.getTime() - input.retentionDays * DAY);
  return db.transaction(async (tx) => {
    const done = await tx
      .update(requests)
      .set({
        notes: '',
        placeName: '',
        street: '',
        joinInfo: '',
        onSiteContact: '',
        lat: null,
        lon: null,
        contactId: null,
        createdBy: null,
        cancelReason: null,
        rejectReason: null,
        anonymisedAt: input.now,
        revision: sql`${requests.revision} + 1`,
        updatedAt: input.now,
      })
      .where(and(eq(requests.regionId, input.regionId), isNull(requests.anonymisedAt), lt(requests.endsAt, cutoff)))
      .returning({ id: requests.id });
    if (!done.length) return { requests: 0, offers: 0, timesheets: 0 };
    const ids = done.map((r) => r.id);
    const offerRows = await tx
      .update(offers)
      .set({ declineReason: null })
      .where(and(inArray(offers.requestId, ids), sql`${offers.declineReason} IS NOT NULL`))
      .returning({ id: offers.id });
    const sheetRows = await tx
      .update(timesheets)
      .set({ note: '', disputeReason: null, resolutionNote: null })
      .where(inArray(timesheets.assignmentId, tx.select({ id: assignments.id }).from(assignments).where(inArray(assignments.requestId, ids))))
      .returning({ id: timesheets.id });
    const counts = { requests: ids.length, offers: offerRows.length, timesheets: sheetRows.length };
    await recordAudit(tx, { system: RETENTION_JOB }, { regionId: input.regionId, action: 'sprachpool.retention.anonymise', entityType: 'region', entityId: input.regionId, after: counts });
    return counts;
  });
}

/** Anonymises, in every region, the requests whose end lies more than the region's retention days back. */
export async function anonymiseExpiredRequests(db: Db, now = new Date()): Promise<RetentionResult> {
  const due = await db
    .selectDistinct({ id: regions.id, settings: regions.settings })
    .from(requests)
    .innerJoin(regions, eq(regions.id, requests.regionId))
    .where(and(isNull(requests.anonymisedAt), lt(requests.endsAt, new Date(now.getTime() - MIN_RETENTION_DAYS * DAY))));
  const total: RetentionResult = { regions: 0, requests: 0, offers: 0, timesheets: 0 };
  for (const region of due) {
    const counts = await anonymiseRegionRequests(db, { regionId: region.id, retentionDays: poolSettings(region.settings).retentionDays, now });
    if (counts.requests === 0) continue;
    total.regions += 1;
    total.requests += counts.requests;
    total.offers += counts.offers;
    total.timesheets += counts.timesheets;
  }
  return total;
}

/** Registers the daily anonymisation job (the lead wires this into the module's start-up). */
export function registerRetentionJob(): void {
  registerRecurringJob(RETENTION_JOB, DAY, async (_payload, { db }) => {
    await anonymiseExpiredRequests(db);
  });
}
