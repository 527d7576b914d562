/**
 * Recurring jobs of the events module: the reminder mail the day before (hourly), deleting attendee data after the
 * region's retention period (daily) and extending open-ended series (daily). The job functions are exported so
 * tests (and the CLI) run them with a chosen `now`.
 */
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { regions } from '../../platform/schema.js';
import { isDayBefore as isZonedDayBefore } from '../../platform/time/zoned-time.js';
import { listMailableRegistrations, queueRegistrationMail } from './mails.js';
import { purgeAttendeeData } from './registration.js';
import { events, occurrences } from './schema.js';
import { extendOpenSeries } from './service.js';
import { eventSettings } from './settings.js';

export const REMINDER_JOB = 'events.reminders';
export const RETENTION_JOB = 'events.retention';
export const EXTEND_JOB = 'events.extend_series';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Reminders go out on the day before a date from this local hour on (nobody gets a mail at 2 a.m.). */
export const REMINDER_FROM_HOUR = 8;

/**
 * Whether `now` is "the day before" a date that starts at `startsAt`, in the event's time zone, from
 * REMINDER_FROM_HOUR o'clock on. With the hourly job a date is reminded at the first run from 8 a.m. on the day
 * before, i.e. 16–40 hours ahead ("tomorrow at 18:00": 34 h).
 */
export function isDayBefore(startsAt: Date, timeZone: string, now: Date): boolean {
  return isZonedDayBefore(startsAt, timeZone, now, REMINDER_FROM_HOUR);
}

/**
 * Sends the reminder to every confirmed registrant with an e-mail of the dates that are tomorrow, in regions that
 * have reminders on. Each date is claimed once (`reminders_sent_at`, set by an UPDATE that only matches while it is
 * still empty) in the transaction that queues its mails: two runs at once, or one run twice, remind once.
 */
export async function sendEventReminders(db: Db, opts: { baseUrl: string; now?: Date }): Promise<{ occurrences: number; mails: number }> {
  const now = opts.now ?? new Date();
  const candidates = await db
    .select({ occurrence: occurrences, event: events, settings: regions.settings })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .innerJoin(regions, eq(regions.id, occurrences.regionId))
    .where(
      and(
        isNull(occurrences.remindersSentAt),
        eq(occurrences.status, 'scheduled'),
        eq(events.status, 'published'),
        eq(events.registrationRequired, true),
        gt(occurrences.confirmed, 0),
        gt(occurrences.startsAt, now),
        lte(occurrences.startsAt, new Date(now.getTime() + 2 * DAY)),
        isNull(regions.archivedAt),
      ),
    );
  let claimedCount = 0;
  let mails = 0;
  for (const { occurrence, event, settings } of candidates) {
    if (!eventSettings(settings).reminders || !isDayBefore(occurrence.startsAt, event.timeZone, now)) continue;
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(occurrences)
        .set({ remindersSentAt: now })
        .where(and(eq(occurrences.id, occurrence.id), isNull(occurrences.remindersSentAt), eq(occurrences.status, 'scheduled')))
        .returning();
      if (!claimed) return;
      const people = await listMailableRegistrations(tx, claimed.id, ['confirmed']);
      for (const registration of people) await queueRegistrationMail(tx, { kind: 'reminder', registration, event, occurrence: claimed, baseUrl: opts.baseUrl });
      await recordAudit(tx, { system: REMINDER_JOB }, { regionId: claimed.regionId, action: 'event.reminders_sent', entityType: 'event_occurrence', entityId: claimed.id, after: { mails: people.length } });
      claimedCount += 1;
      mails += people.length;
    });
  }
  return { occurrences: claimedCount, mails };
}

/**
 * Deletes attendee data of past dates in every region after its `events.retentionDays`, keeping the counts. Returns
 * how many registrations were deleted.
 */
export async function purgeEventAttendees(db: Db, now = new Date()): Promise<number> {
  // Only regions with a date that ended at least a day ago (the shortest retention) and still holds attendee data.
  const due = await db
    .selectDistinct({ id: regions.id, settings: regions.settings })
    .from(occurrences)
    .innerJoin(regions, eq(regions.id, occurrences.regionId))
    .where(and(isNull(occurrences.attendeesPurgedAt), sql`${occurrences.endsAt} < ${new Date(now.getTime() - DAY)}`));
  let deleted = 0;
  for (const region of due) deleted += await purgeAttendeeData(db, { regionId: region.id, days: eventSettings(region.settings).retentionDays, now });
  return deleted;
}

/** Materialises the next dates of open-ended series (they are kept HORIZON_DAYS ahead). */
export async function extendEventSeries(db: Db, now = new Date()): Promise<number> {
  return extendOpenSeries(db, now);
}

/** Registers the events module's recurring jobs (links in mails point to `baseUrl`). */
export function registerEventJobs(baseUrl: string): void {
  registerRecurringJob(REMINDER_JOB, HOUR, async (_payload, { db }) => {
    await sendEventReminders(db, { baseUrl });
  });
  registerRecurringJob(RETENTION_JOB, DAY, async (_payload, { db }) => {
    await purgeEventAttendees(db);
  });
  registerRecurringJob(EXTEND_JOB, DAY, async (_payload, { db }) => {
    await extendEventSeries(db);
  });
}
