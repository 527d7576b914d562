// No date is ever over-filled, also under many parallel registrations and cancellations: proved on PostgreSQL with a
// real connection pool (PGlite has one connection, so nothing there runs in parallel). CI runs the suite with
// TEST_DATABASE_URL; without it this file is skipped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { openPostgres, type Database } from '../../db/client.js';
import { ConflictError } from '../../platform/errors.js';
import { mails } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { sendEventReminders } from './jobs.js';
import { cancelByToken, register, type RegisterResult } from './registration.js';
import { occurrences, registrations } from './schema.js';
import { buildEvent, localInDays } from './test-support.js';

const BASE = 'https://wegweiser.test';
const skip = process.env.TEST_DATABASE_URL ? false : 'needs PostgreSQL: set TEST_DATABASE_URL (CI does)';

describe('registration under concurrency (PostgreSQL)', { skip }, () => {
  let database: Database & { drop(): Promise<void> };
  /** A second pool of 20 connections on the same database: the parallel requests go through it. */
  let pool: Database;
  let region: RegionRow;
  before(async () => {
    database = await createTestDatabase();
    const url = database.pool?.options.connectionString;
    assert.ok(url, 'the test database has a connection string');
    pool = await openPostgres(url, 20);
    region = await buildRegion(database.db);
  });
  after(async () => {
    await pool?.close();
    await database?.drop();
  });

  const reg = (occurrenceId: string, email: string) =>
    register(pool.db, { regionId: region.id, occurrenceId, form: { name: email.split('@')[0] ?? 'x', email, language: 'de', partySize: 1 }, baseUrl: BASE });

  /** The counts on the occurrence row and the sums over its registrations, read in one statement (one snapshot). */
  async function tally(occurrenceId: string) {
    const result = await database.db.execute(sql`
      SELECT o.confirmed, o.waitlisted,
             (SELECT coalesce(sum(party_size), 0)::int FROM ev_registrations WHERE occurrence_id = o.id AND status = 'confirmed') AS rows_confirmed,
             (SELECT coalesce(sum(party_size), 0)::int FROM ev_registrations WHERE occurrence_id = o.id AND status = 'waitlisted') AS rows_waitlisted
      FROM ev_occurrences o WHERE o.id = ${occurrenceId}`);
    const row = (result as unknown as { rows: { confirmed: number; waitlisted: number; rows_confirmed: number; rows_waitlisted: number }[] }).rows[0];
    assert.ok(row);
    return { confirmed: row.confirmed, waitlisted: row.waitlisted, rowsConfirmed: row.rows_confirmed, rowsWaitlisted: row.rows_waitlisted };
  }

  /** Polls the tally while `work` runs and returns the largest confirmed count seen (in the row and in the table). */
  async function watch<T>(occurrenceId: string, work: Promise<T>): Promise<{ result: T; maxConfirmed: number; samples: number }> {
    let done = false;
    let maxConfirmed = 0;
    let samples = 0;
    const sampler = (async () => {
      while (!done) {
        const t = await tally(occurrenceId);
        maxConfirmed = Math.max(maxConfirmed, t.confirmed, t.rowsConfirmed);
        samples += 1;
      }
    })();
    try {
      return { result: await work, maxConfirmed, samples };
    } finally {
      done = true;
      await sampler;
    }
  }

  let tokens: RegisterResult[] = [];
  let occurrenceId = '';

  it('200 parallel registrations for 50 places: exactly 50 confirmed, 150 waiting, no error', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 50 });
    assert.ok(o);
    occurrenceId = o.id;
    const { result: settled, maxConfirmed, samples } = await watch(o.id, Promise.allSettled(Array.from({ length: 200 }, (_, i) => reg(o.id, `p${i}@example.org`))));
    const failed = settled.filter((s) => s.status === 'rejected');
    assert.deepEqual(failed.map((f) => String((f as PromiseRejectedResult).reason)), [], 'every request succeeded');
    tokens = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    assert.equal(tokens.filter((r) => r.status === 'confirmed').length, 50);
    assert.equal(tokens.filter((r) => r.status === 'waitlisted').length, 150);
    assert.deepEqual(await tally(o.id), { confirmed: 50, waitlisted: 150, rowsConfirmed: 50, rowsWaitlisted: 150 });
    assert.ok(maxConfirmed <= 50, `never more than 50 confirmed while it ran (${samples} samples, max ${maxConfirmed})`);
    const queued = await database.db.select({ n: sql<number>`count(*)::int` }).from(mails).where(eq(mails.regionId, region.id));
    assert.equal(queued[0]?.n, 200, 'one mail per registration, committed with it');
  });

  it('100 parallel cancellations mixed with 50 new registrations: never over 50, counts match the rows', async () => {
    assert.ok(occurrenceId, 'runs after the registrations above');
    const waiting = await database.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'waitlisted')))
      .orderBy(registrations.createdAt, registrations.id);
    const firstWaiting = new Set(waiting.slice(0, 50).map((w) => w.id));
    // The 50 confirmed, and the first 50 in the queue (by the time their cancellation runs, most have been promoted).
    const leaving = tokens.filter((r) => r.status === 'confirmed' || firstWaiting.has(r.registration.id));
    assert.equal(leaving.length, 100);
    const work: Promise<unknown>[] = [];
    leaving.forEach((r, i) => {
      work.push(cancelByToken(pool.db, { token: r.token, baseUrl: BASE }));
      if (i % 2 === 1) work.push(reg(occurrenceId, `late${i}@example.org`));
    });
    const { result: settled, maxConfirmed, samples } = await watch(occurrenceId, Promise.allSettled(work));
    const failed = settled.filter((s) => s.status === 'rejected');
    assert.deepEqual(failed.map((f) => String((f as PromiseRejectedResult).reason)), [], 'no deadlock, no lost update, no error');
    assert.ok(maxConfirmed <= 50, `never more than 50 confirmed while it ran (${samples} samples, max ${maxConfirmed})`);
    // 200 − 100 + 50 = 150 still registered: the 50 places are full and 100 wait.
    assert.deepEqual(await tally(occurrenceId), { confirmed: 50, waitlisted: 100, rowsConfirmed: 50, rowsWaitlisted: 100 });
    const [cancelled] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, 'cancelled')));
    assert.equal(cancelled?.n, 100);
  });

  it('parallel duplicate registrations with one e-mail: exactly one succeeds, the others get registration_duplicate', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 10 });
    assert.ok(o);
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => reg(o.id, i % 2 ? 'same@example.org' : 'SAME@example.org')));
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
    const reasons = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    assert.equal(reasons.length, 19);
    for (const reason of reasons) assert.ok(reason instanceof ConflictError && reason.code === 'registration_duplicate', `a duplicate conflict, not ${String(reason)}`);
    assert.deepEqual(await tally(o.id), { confirmed: 1, waitlisted: 0, rowsConfirmed: 1, rowsWaitlisted: 0 });
  });

  it('the reminder job run five times at once reminds each registrant once', async () => {
    const start = localInDays(3, '18:00');
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 10, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00` });
    assert.ok(o);
    for (let i = 0; i < 5; i++) await reg(o.id, `remind${i}@example.org`);
    const now = zonedLocalToUtc(`${localInDays(2).slice(0, 10)}T09:00`, 'Europe/Berlin');
    assert.ok(now);
    const runs = await Promise.all(Array.from({ length: 5 }, () => sendEventReminders(pool.db, { baseUrl: BASE, now })));
    assert.equal(runs.reduce((n, r) => n + r.occurrences, 0), 1, 'one run claimed the date');
    const reminders = await database.db.select().from(mails).where(and(eq(mails.regionId, region.id), sql`${mails.subject} LIKE 'Erinnerung%'`));
    assert.equal(reminders.length, 5);
    assert.equal(new Set(reminders.map((m) => m.to)).size, 5);
    const [row] = await database.db.select().from(occurrences).where(eq(occurrences.id, o.id));
    assert.ok(row?.remindersSentAt);
  });
});
