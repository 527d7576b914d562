/**
 * Recurring jobs of the request lifecycle: open offers past their `expiresAt` expire (a request left without an open
 * offer goes back to `approved` and the coordinators are told), and the day before an assignment the mediator and
 * the institution are reminded (once per assignment, claimed through `reminded_at`). The functions are exported so
 * tests and the CLI run them with a chosen `now`.
 */
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { regions } from '../../platform/schema.js';
import { isDayBefore as isZonedDayBefore } from '../../platform/time/zoned-time.js';
import { openPool } from './context.js';
import { loadParty, reopenIfNoOpenOffers } from './lifecycle.js';
import { queueReminderMails, type MailContext } from './mails.js';
import { assignments, mediators, offers, requests } from './schema.js';

export const EXPIRY_JOB = 'sprachpool.offer_expiry';
export const REMINDER_JOB = 'sprachpool.reminders';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Reminders go out on the day before from this local hour on (nobody gets a mail at 2 a.m.). */
export const REMINDER_FROM_HOUR = 8;

/** Whether `now` is the day before `startsAt` in the zone, from REMINDER_FROM_HOUR o'clock on. */
export function isDayBefore(startsAt: Date, timeZone: string, now: Date): boolean {
  return isZonedDayBefore(startsAt, timeZone, now, REMINDER_FROM_HOUR);
}

/**
 * Marks open offers past `expiresAt` as expired, one request at a time with its row locked (an accept at the same
 * moment either wins before or finds the offer expired). Returns how many offers expired and how many requests went
 * back to `approved`.
 */
export async function expireOffers(db: Db, opts: { baseUrl: string; now?: Date }): Promise<{ offers: number; reopened: number }> {
  const now = opts.now ?? new Date();
  const due = await db
    .selectDistinct({ requestId: offers.requestId, regionId: offers.regionId })
    .from(offers)
    .where(and(eq(offers.status, 'open'), lte(offers.expiresAt, now)));
  let expired = 0;
  let reopened = 0;
  for (const { requestId, regionId } of due) {
    const ctx = await openPool(db, null, regionId, null);
    const m: MailContext = { ctx, baseUrl: opts.baseUrl };
    await db.transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
      if (!request) return;
      const rows = await tx
        .update(offers)
        .set({ status: 'expired', respondedAt: now })
        .where(and(eq(offers.requestId, requestId), eq(offers.status, 'open'), lte(offers.expiresAt, now)))
        .returning({ id: offers.id, mediatorId: offers.mediatorId });
      if (rows.length === 0) return;
      expired += rows.length;
      await recordAudit(tx, { system: EXPIRY_JOB }, { regionId, action: 'sprachpool.request.expire', entityType: 'sp_request', entityId: requestId, after: { offersExpired: rows.length, mediatorIds: rows.map((r) => r.mediatorId) } });
      const after = await reopenIfNoOpenOffers(tx, m, request, { system: EXPIRY_JOB }, now);
      if (after.status !== request.status) reopened += 1;
    });
  }
  return { offers: expired, reopened };
}

/**
 * Reminds the mediator and the institution of each active assignment that is tomorrow (region time). Each assignment
 * is claimed once (`reminded_at`, set by an UPDATE that only matches while it is empty) in the transaction that
 * queues its mails: two runs at once remind once.
 */
export async function sendAssignmentReminders(db: Db, opts: { baseUrl: string; now?: Date }): Promise<{ assignments: number }> {
  const now = opts.now ?? new Date();
  const candidates = await db
    .select({ id: assignments.id, regionId: assignments.regionId, startsAt: assignments.startsAt, timeZone: regions.timezone })
    .from(assignments)
    .innerJoin(regions, eq(regions.id, assignments.regionId))
    .where(and(eq(assignments.status, 'active'), isNull(assignments.remindedAt), gt(assignments.startsAt, now), lte(assignments.startsAt, new Date(now.getTime() + 2 * DAY)), isNull(regions.archivedAt)))
    .orderBy(asc(assignments.startsAt));
  let claimed = 0;
  for (const c of candidates) {
    if (!isDayBefore(c.startsAt, c.timeZone, now)) continue;
    const ctx = await openPool(db, null, c.regionId, null);
    await db.transaction(async (tx) => {
      const [assignment] = await tx
        .update(assignments)
        .set({ remindedAt: now })
        .where(and(eq(assignments.id, c.id), isNull(assignments.remindedAt), eq(assignments.status, 'active')))
        .returning();
      if (!assignment) return;
      const [request] = await tx.select().from(requests).where(eq(requests.id, assignment.requestId));
      const [mediator] = await tx.select().from(mediators).where(eq(mediators.id, assignment.mediatorId));
      if (!request || !mediator || request.status !== 'assigned') return;
      await queueReminderMails(tx, { ctx, baseUrl: opts.baseUrl }, { ...(await loadParty(tx, request)), mediator, assignment });
      await recordAudit(tx, { system: REMINDER_JOB }, { regionId: c.regionId, action: 'sprachpool.request.remind', entityType: 'sp_request', entityId: request.id, after: { assignmentId: assignment.id } });
      claimed += 1;
    });
  }
  return { assignments: claimed };
}

/** Registers the request jobs (links in mails point to `baseUrl`): offer expiry every 5 minutes, reminders hourly. */
export function registerRequestJobs(baseUrl: string): void {
  registerRecurringJob(EXPIRY_JOB, 5 * MINUTE, async (_payload, { db }) => {
    await expireOffers(db, { baseUrl });
  });
  registerRecurringJob(REMINDER_JOB, HOUR, async (_payload, { db }) => {
    await sendAssignmentReminders(db, { baseUrl });
  });
}

