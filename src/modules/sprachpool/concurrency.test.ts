// First accept wins, and no mediator ever holds two overlapping assignments — also under parallel accepts: proved on
// PostgreSQL with a real connection pool (PGlite has one connection, so nothing there runs in parallel). CI runs the
// suite with TEST_DATABASE_URL; without it this file is skipped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { openPostgres, type Database } from '../../db/client.js';
import { ConflictError } from '../../platform/errors.js';
import { acceptOffer, declineOffer, sendOffers, type SentOffer } from './lifecycle.js';
import { BASE, buildPool, buildPoolRequest, type Pool } from './requests-fixtures.js';
import { assignments, offers, requests } from './schema.js';
import { buildMediator, dateInDays } from './test-support.js';

const skip = process.env.TEST_DATABASE_URL ? false : 'needs PostgreSQL: set TEST_DATABASE_URL (CI does)';

describe('accepting offers under concurrency (PostgreSQL)', { skip }, () => {
  let database: Database & { drop(): Promise<void> };
  /** A second pool of 20 connections on the same database: the parallel accepts go through it. */
  let pg: Database;
  let pool: Pool;
  before(async () => {
    database = await createTestDatabase();
    const url = database.pool?.options.connectionString;
    assert.ok(url, 'the test database has a connection string');
    pg = await openPostgres(url, 20);
    pool = await buildPool(database.db);
  });
  after(async () => {
    await pg?.close();
    await database?.drop();
  });

  const offer = (requestId: string, mediatorIds: string[]) => sendOffers(database.db, pool.coordinator, { regionId: pool.region.id, requestId, mediatorIds, baseUrl: BASE });
  const codes = (settled: PromiseSettledResult<unknown>[]) =>
    settled.flatMap((s) => {
      if (s.status === 'fulfilled') return [];
      const reason = s.reason as unknown;
      return [reason instanceof ConflictError ? reason.code : `unexpected: ${String(reason)}`];
    });

  it('20 mediators accept one request at the same moment: exactly one assignment, the others are told it is taken', async () => {
    const people = await Promise.all(Array.from({ length: 20 }, () => buildMediator(database.db, pool.region.id)));
    const r = await buildPoolRequest(database.db, pool, { status: 'approved' });
    const sent = await offer(r.id, people.map((p) => p.id));
    const settled = await Promise.allSettled(sent.map((o) => acceptOffer(pg.db, { token: o.token }, { baseUrl: BASE })));
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1, 'one accept wins');
    const lost = codes(settled);
    assert.equal(lost.length, 19);
    assert.deepEqual([...new Set(lost)], ['offer_taken'], 'the others: taken, no deadlock, no other error');
    const rows = await database.db.select().from(assignments).where(eq(assignments.requestId, r.id));
    assert.equal(rows.length, 1);
    const states = await database.db.select({ status: offers.status, n: sql<number>`count(*)::int` }).from(offers).where(eq(offers.requestId, r.id)).groupBy(offers.status);
    assert.deepEqual(Object.fromEntries(states.map((s) => [s.status, s.n])), { accepted: 1, withdrawn: 19 });
    const [row] = await database.db.select().from(requests).where(eq(requests.id, r.id));
    assert.equal(row?.status, 'assigned');
  });

  it('one mediator accepts 10 overlapping requests at once: exactly one assignment, the rest refused as overlapping and left open', async () => {
    const busy = await buildMediator(database.db, pool.region.id);
    const day = dateInDays(15);
    const slots = Array.from({ length: 10 }, (_, i) => `${day}T${String(9 + (i % 3)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
    const reqs = await Promise.all(slots.map((startLocal) => buildPoolRequest(database.db, pool, { status: 'approved', startLocal, durationMinutes: 180 })));
    const sent: SentOffer[] = [];
    for (const r of reqs) sent.push(...(await offer(r.id, [busy.id])));
    const settled = await Promise.allSettled(sent.map((o) => acceptOffer(pg.db, { token: o.token }, { baseUrl: BASE })));
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
    assert.deepEqual([...new Set(codes(settled))], ['assignment_overlap']);
    const mine = await database.db.select().from(assignments).where(and(eq(assignments.mediatorId, busy.id), eq(assignments.status, 'active')));
    assert.equal(mine.length, 1);
    const open = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(offers)
      .where(and(inArray(offers.requestId, reqs.map((r) => r.id)), eq(offers.status, 'open')));
    assert.equal(open[0]?.n, 9, 'the refused offers stay open for others');
  });

  it('100 concurrent accepts on overlapping offers: one assignment per mediator and slot, never two per request', async () => {
    // 10 mediators, 10 requests at the same time; every mediator has an offer for every request.
    const people = await Promise.all(Array.from({ length: 10 }, () => buildMediator(database.db, pool.region.id)));
    const day = dateInDays(16);
    const reqs = await Promise.all(Array.from({ length: 10 }, () => buildPoolRequest(database.db, pool, { status: 'approved', startLocal: `${day}T14:00`, durationMinutes: 90 })));
    const sent: SentOffer[] = [];
    for (const r of reqs) sent.push(...(await offer(r.id, people.map((p) => p.id))));
    assert.equal(sent.length, 100);
    const shuffled = sent.map((o) => ({ o, k: Math.random() })).sort((a, b) => a.k - b.k).map((x) => x.o);
    const settled = await Promise.allSettled(shuffled.map((o) => acceptOffer(pg.db, { token: o.token }, { baseUrl: BASE })));
    const unexpected = codes(settled).filter((c) => !['offer_taken', 'assignment_overlap'].includes(c));
    assert.deepEqual(unexpected, [], 'only the two expected refusals');
    const rows = await database.db
      .select()
      .from(assignments)
      .where(and(inArray(assignments.requestId, reqs.map((r) => r.id)), eq(assignments.status, 'active')));
    assert.equal(new Set(rows.map((a) => a.mediatorId)).size, rows.length, 'no mediator twice in the slot');
    assert.equal(new Set(rows.map((a) => a.requestId)).size, rows.length, 'no request twice');
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, rows.length);
    assert.ok(rows.length >= 1 && rows.length <= 10);
  });

  it('an accept and a decline of the same offer at once: one of them, never both', async () => {
    const a = await buildMediator(database.db, pool.region.id);
    const b = await buildMediator(database.db, pool.region.id);
    const r = await buildPoolRequest(database.db, pool, { status: 'approved' });
    const [oa] = await offer(r.id, [a.id, b.id]);
    assert.ok(oa);
    const settled = await Promise.allSettled([acceptOffer(pg.db, { token: oa.token }, { baseUrl: BASE }), declineOffer(pg.db, { token: oa.token }, { baseUrl: BASE })]);
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
    const [row] = await database.db.select().from(offers).where(eq(offers.id, oa.id));
    const rows = await database.db.select().from(assignments).where(eq(assignments.requestId, r.id));
    assert.equal(rows.length, row?.status === 'accepted' ? 1 : 0);
  });
});
