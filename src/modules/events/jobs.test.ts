import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { ensureRecurringJobs, runNextJob } from '../../platform/jobs/jobs.js';
import { auditEvents, jobs, mails } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { EXTEND_JOB, extendEventSeries, isDayBefore, purgeEventAttendees, registerEventJobs, REMINDER_JOB, RETENTION_JOB, sendEventReminders } from './jobs.js';
import { register } from './registration.js';
import { occurrences, registrations } from './schema.js';
import { setOccurrenceStatus } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

const BASE = 'https://wegweiser.test';
const DAY = 86_400_000;

/** An instant given as Berlin wall-clock time. */
function berlin(local: string): Date {
  const at = zonedLocalToUtc(local, 'Europe/Berlin');
  if (!at) throw new Error(`bad local time ${local}`);
  return at;
}

describe('isDayBefore', () => {
  it('is true from 08:00 on the local day before, in the event zone, across the spring clock change', () => {
    const date = berlin('2027-03-28T18:00'); // first day of summer time
    assert.equal(isDayBefore(date, 'Europe/Berlin', berlin('2027-03-27T07:59')), false, 'too early in the morning');
    assert.equal(isDayBefore(date, 'Europe/Berlin', berlin('2027-03-27T08:00')), true);
    assert.equal(isDayBefore(date, 'Europe/Berlin', berlin('2027-03-27T23:30')), true);
    assert.equal(isDayBefore(date, 'Europe/Berlin', berlin('2027-03-26T12:00')), false, 'two days before');
    assert.equal(isDayBefore(date, 'Europe/Berlin', berlin('2027-03-28T09:00')), false, 'the day itself');
    assert.equal(isDayBefore(berlin('2027-03-29T00:30'), 'Europe/Berlin', berlin('2027-03-27T12:00')), false, 'just after midnight the day after tomorrow');
  });

  it('uses the event zone, not UTC', () => {
    // 20:00 in New York on 8 Dec is 01:00 UTC on 9 Dec; the day before in New York is 7 Dec.
    const date = new Date('2026-12-09T01:00:00Z');
    assert.equal(isDayBefore(date, 'America/New_York', new Date('2026-12-07T15:00:00Z')), true);
    assert.equal(isDayBefore(date, 'America/New_York', new Date('2026-12-08T15:00:00Z')), false);
  });
});

describe('events jobs', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(database.db);
  });
  after(async () => database.drop());

  const reg = (regionId: string, occurrenceId: string, email: string | null, partySize = 1, phone: string | null = null) =>
    register(database.db, { regionId, occurrenceId, form: { name: email ?? 'Telefon', email, phone, language: 'de', partySize }, baseUrl: BASE });
  const occurrence = async (id: string) => {
    const [o] = await database.db.select().from(occurrences).where(eq(occurrences.id, id));
    assert.ok(o);
    return o;
  };

  it('registers the three recurring jobs and each runs through its handler', async () => {
    registerEventJobs(BASE);
    await ensureRecurringJobs(database.db);
    while (await runNextJob(database.db)) {
      /* run what is due */
    }
    const rows = await database.db.select().from(jobs).where(inArray(jobs.type, [REMINDER_JOB, RETENTION_JOB, EXTEND_JOB])).orderBy(asc(jobs.type));
    assert.deepEqual(rows.map((j) => j.type), [EXTEND_JOB, REMINDER_JOB, RETENTION_JOB]);
    for (const j of rows) {
      assert.equal(j.lastError, null, `${j.type} ran without error`);
      assert.ok(j.finishedAt, `${j.type} ran`);
      assert.equal(j.status, 'pending', `${j.type} waits for its next run`);
      assert.ok(j.runAt.getTime() > Date.now() + 50 * 60_000, `${j.type} next runs in an hour or a day`);
    }
    await database.db.delete(jobs);
  });

  it('reminds dates of tomorrow from 8 a.m., only in regions with reminders on, not cancelled dates, each once', async () => {
    const quiet = await buildRegion(database.db, { settings: { events: { reminders: false } } });
    const day2 = localInDays(2).slice(0, 10);
    const day3 = localInDays(3).slice(0, 10);
    const { occurrences: [tomorrow] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5, startLocal: `${day3}T18:00`, endLocal: `${day3}T20:00` });
    const { occurrences: [later] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5, startLocal: localInDays(4, '10:00'), endLocal: localInDays(4, '12:00') });
    const { occurrences: [elsewhere] } = await buildEvent(database.db, quiet.id, { registrationRequired: true, capacity: 5, startLocal: `${day3}T18:00`, endLocal: `${day3}T20:00` });
    const { occurrences: [calledOff] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5, startLocal: `${day3}T09:00`, endLocal: `${day3}T11:00` });
    assert.ok(tomorrow && later && elsewhere && calledOff);
    await reg(region.id, tomorrow.id, 'r-tomorrow@example.org', 2);
    await reg(region.id, tomorrow.id, null, 1, '+49 170 5550001');
    await reg(region.id, later.id, 'r-later@example.org');
    await reg(quiet.id, elsewhere.id, 'r-elsewhere@example.org');
    await reg(region.id, calledOff.id, 'r-called-off@example.org');
    await setOccurrenceStatus(database.db, { system: 'test' }, { regionId: region.id, occurrenceId: calledOff.id, cancel: true });
    const everyone = ['r-tomorrow@example.org', 'r-later@example.org', 'r-elsewhere@example.org', 'r-called-off@example.org'];
    const reminders = async () => (await database.db.select().from(mails).where(inArray(mails.to, everyone))).filter((m) => m.subject.startsWith('Erinnerung')).map((m) => m.to).sort();

    assert.equal((await sendEventReminders(database.db, { baseUrl: BASE, now: berlin(`${day2}T07:00`) })).occurrences, 0, 'not before 8 a.m.');
    const first = await sendEventReminders(database.db, { baseUrl: BASE, now: berlin(`${day2}T08:00`) });
    assert.deepEqual(first, { occurrences: 1, mails: 1 }, 'one date, one mail (the phone-only registrant is called)');
    assert.deepEqual(await reminders(), ['r-tomorrow@example.org']);
    assert.ok((await occurrence(tomorrow.id)).remindersSentAt);
    assert.equal((await occurrence(elsewhere.id)).remindersSentAt, null, 'reminders are off in that region');

    await sendEventReminders(database.db, { baseUrl: BASE, now: berlin(`${day2}T21:00`) });
    await sendEventReminders(database.db, { baseUrl: BASE, now: berlin(`${day3}T08:00`) });
    assert.deepEqual(await reminders(), ['r-later@example.org', 'r-tomorrow@example.org'], 'the next day reminds the next dates, nobody twice');
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'event.reminders_sent'), eq(auditEvents.entityId, tomorrow.id)));
    assert.ok(audit, 'the reminder run is in the audit log');
  });

  it("deletes attendee data after the region's retention days and keeps the counts", async () => {
    const short = await buildRegion(database.db, { settings: { events: { retentionDays: 10 } } });
    const standard = await buildRegion(database.db);
    const start = localInDays(5);
    const built = await Promise.all([short, standard].map((r) => buildEvent(database.db, r.id, { registrationRequired: true, capacity: 2, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00` })));
    const [s, d] = built.map((b) => b.occurrences[0]);
    assert.ok(s && d);
    for (const [r, o] of [[short, s], [standard, d]] as const) {
      await reg(r.id, o.id, `keep-${r.id}@example.org`, 2);
      await reg(r.id, o.id, `wait-${r.id}@example.org`, 1);
    }
    const left = async (occurrenceId: string) => (await database.db.select().from(registrations).where(eq(registrations.occurrenceId, occurrenceId))).length;

    await purgeEventAttendees(database.db, new Date(s.endsAt.getTime() + 9 * DAY));
    assert.deepEqual([await left(s.id), await left(d.id)], [2, 2], 'nothing before 10 days');

    assert.equal(await purgeEventAttendees(database.db, new Date(s.endsAt.getTime() + 11 * DAY)), 2);
    assert.deepEqual([await left(s.id), await left(d.id)], [0, 2], 'the 10-day region is purged, the 30-day region not yet');
    const purged = await occurrence(s.id);
    assert.deepEqual([purged.confirmed, purged.waitlisted], [2, 1], 'the counts stay');
    assert.ok(purged.attendeesPurgedAt);

    // (Dates of the other tests in this file are past their 30 days by now as well.)
    assert.ok((await purgeEventAttendees(database.db, new Date(d.endsAt.getTime() + 31 * DAY))) >= 2);
    assert.equal(await left(d.id), 0);
    assert.deepEqual([(await occurrence(d.id)).confirmed, (await occurrence(d.id)).waitlisted], [2, 1]);
    assert.equal(await purgeEventAttendees(database.db, new Date(d.endsAt.getTime() + 32 * DAY)), 0, 'a second run finds nothing');
  });

  it('extends an open-ended series as time goes on, keeping the existing dates', async () => {
    const { event, occurrences: initial } = await buildEvent(database.db, region.id, { startLocal: localInDays(1, '15:00'), endLocal: localInDays(1, '17:00'), recurrence: { freq: 'weekly', endMode: 'never' } });
    const last = initial.at(-1);
    assert.ok(last && initial.length >= 55);
    const later = new Date(Date.now() + 60 * DAY);
    assert.ok((await extendEventSeries(database.db, later)) >= 1);
    const rows = await database.db.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt));
    assert.ok(rows.length >= initial.length + 8, `about 60 days more of weekly dates (${initial.length} → ${rows.length})`);
    assert.deepEqual(rows.slice(0, initial.length).map((o) => o.id), initial.map((o) => o.id), 'existing dates (and their registrations) stay');
    assert.ok((rows.at(-1)?.startsAt.getTime() ?? 0) > later.getTime() + 390 * DAY, 'dates reach the horizon again');
    assert.ok(rows.every((o) => o.recurrenceId.endsWith('T15:00')), 'the same local time across clock changes');
    await extendEventSeries(database.db, later);
    assert.equal((await database.db.select().from(occurrences).where(eq(occurrences.eventId, event.id))).length, rows.length, 'running twice adds nothing');
  });
});
