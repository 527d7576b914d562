import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { accountTokens, jobs, loginThrottles, mails, sessions } from '../schema.js';
import { createSession } from '../auth/sessions.js';
import { hashToken } from '../auth/tokens.js';
import { enqueueJob, ensureRecurringJobs, enqueueUniqueJob, registerRecurringJob, runNextJob } from '../jobs/jobs.js';
import { purgeExpiredData } from './retention.js';
import { feedback } from '../../modules/guide/schema.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe('data retention', () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  it('deletes expired sessions, old tokens, idle throttles, old jobs and mails — and keeps what is current', async () => {
    const db = database.db;
    const person = await buildAccount(db);
    await createSession(db, person.id, { verified: true }); // current
    await db.insert(sessions).values({ id: 'old-session', accountId: person.id, expiresAt: daysAgo(1) });
    await db.insert(accountTokens).values([
      { kind: 'password_reset', tokenHash: hashToken('old'), email: person.email, expiresAt: daysAgo(31) },
      { kind: 'password_reset', tokenHash: hashToken('new'), email: person.email, expiresAt: new Date(Date.now() + DAY) },
    ]);
    await db.insert(loginThrottles).values([
      { key: 'acct:idle@example.org', failures: 3, updatedAt: daysAgo(2) },
      { key: 'acct:blocked@example.org', failures: 9, updatedAt: daysAgo(2), blockedUntil: new Date(Date.now() + DAY) },
      { key: 'ip:192.0.2.1', failures: 1, updatedAt: new Date() },
    ]);
    await db.insert(jobs).values([
      { type: 'x', status: 'done', finishedAt: daysAgo(15) },
      { type: 'x', status: 'done', finishedAt: daysAgo(1) },
      { type: 'x', status: 'failed', finishedAt: daysAgo(15) },
    ]);
    await db.insert(mails).values([
      { to: 'a@example.org', subject: 'old', text: 'link', status: 'sent', createdAt: daysAgo(31) },
      { to: 'a@example.org', subject: 'queued long ago', text: 'link', status: 'queued', createdAt: daysAgo(31) },
      { to: 'a@example.org', subject: 'recent', text: 'link', status: 'kept', createdAt: daysAgo(2) },
    ]);

    const region = await buildRegion(db);
    await db.insert(feedback).values([
      { regionId: region.id, language: 'de', helpful: true, createdAt: daysAgo(366) },
      { regionId: region.id, language: 'de', helpful: false, comment: 'recent', createdAt: daysAgo(30) },
    ]);

    const result = await purgeExpiredData(db);
    assert.deepEqual(result, { sessions: 1, tokens: 1, throttles: 1, jobs: 1, mails: 1, feedback: 1 });
    assert.deepEqual((await db.select({ c: feedback.comment }).from(feedback)).map((r) => r.c), ['recent']);

    const count = async (q: ReturnType<typeof sql>) => Number(((await db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]?.n);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM sessions WHERE account_id = ${person.id}`), 1);
    assert.deepEqual((await db.select({ key: loginThrottles.key }).from(loginThrottles)).map((r) => r.key).sort(), ['acct:blocked@example.org', 'ip:192.0.2.1']);
    assert.deepEqual((await db.select({ s: mails.subject }).from(mails)).map((r) => r.s).sort(), ['queued long ago', 'recent'], 'unsent mail is never dropped');
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'failed'`), 1, 'failed jobs stay longer');
    assert.equal((await purgeExpiredData(db)).sessions, 0, 'idempotent');
  });
});

describe('unique and recurring jobs', () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  it('enqueues a keyed job only once while one is pending', async () => {
    const db = database.db;
    const first = await enqueueUniqueJob(db, 'test.remind', { n: 1 }, { uniqueKey: 'remind:1' });
    const second = await enqueueUniqueJob(db, 'test.remind', { n: 2 }, { uniqueKey: 'remind:1' });
    assert.ok(first);
    assert.equal(second, null);
    await db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, first));
    assert.ok(await enqueueUniqueJob(db, 'test.remind', { n: 3 }, { uniqueKey: 'remind:1' }), 'a new one once the first is finished');
  });

  it('runs a recurring job and puts the same row back for its next time; ensureRecurringJobs never doubles it', async () => {
    const db = database.db;
    let runs = 0;
    registerRecurringJob('test.every-hour', 60 * 60 * 1000, async () => {
      runs += 1;
    });
    await ensureRecurringJobs(db);
    await ensureRecurringJobs(db);
    const rows = await db.select().from(jobs).where(eq(jobs.type, 'test.every-hour'));
    assert.equal(rows.length, 1);
    // Run due jobs until the recurring one has run (other recurring types registered by the app may be there too).
    while (runs === 0 && (await runNextJob(db))) {
      /* next */
    }
    assert.equal(runs, 1);
    const [row] = await db.select().from(jobs).where(eq(jobs.type, 'test.every-hour'));
    assert.equal(row?.status, 'pending');
    assert.ok(row && row.runAt.getTime() > Date.now() + 59 * 60 * 1000, 'next run in an hour');
    assert.equal(await runNextJob(db).then(async () => runs), 1, 'not due again yet');
    await ensureRecurringJobs(db);
    assert.equal((await db.select().from(jobs).where(eq(jobs.type, 'test.every-hour'))).length, 1);
  });

  it('a plain job is unaffected by keys', async () => {
    const id = await enqueueJob(database.db, 'test.plain', {});
    assert.ok(id > 0);
  });
});
