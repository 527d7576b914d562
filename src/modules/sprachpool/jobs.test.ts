import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../../db/client.js';
import { ConflictError } from '../../platform/errors.js';
import { ensureRecurringJobs } from '../../platform/jobs/jobs.js';
import { auditEvents, jobs } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { EXPIRY_JOB, expireOffers, isDayBefore, registerRequestJobs, REMINDER_JOB, sendAssignmentReminders } from './jobs.js';
import { acceptOffer, cancelRequest, sendOffers } from './lifecycle.js';
import { BASE, buildPool, buildPoolRequest, mailsTo, type Pool } from './requests-fixtures.js';
import { assignments, offers, requests } from './schema.js';
import { buildMediator, dateInDays } from './test-support.js';

const HOUR = 3_600_000;

function berlin(local: string): Date {
  const at = zonedLocalToUtc(local, 'Europe/Berlin');
  if (!at) throw new Error(`bad local time ${local}`);
  return at;
}

describe('isDayBefore (request reminders)', () => {
  it('is true from 08:00 on the local day before, in the region zone', () => {
    const start = berlin('2027-03-28T09:00'); // first day of summer time
    assert.equal(isDayBefore(start, 'Europe/Berlin', berlin('2027-03-27T07:59')), false, 'too early in the morning');
    assert.equal(isDayBefore(start, 'Europe/Berlin', berlin('2027-03-27T08:00')), true);
    assert.equal(isDayBefore(start, 'Europe/Berlin', berlin('2027-03-27T23:59')), true);
    assert.equal(isDayBefore(start, 'Europe/Berlin', berlin('2027-03-26T12:00')), false, 'two days before');
    assert.equal(isDayBefore(start, 'Europe/Berlin', berlin('2027-03-28T08:00')), false, 'the day itself');
    // 08:30 in Berlin on 10 Dec is 07:30 UTC: still "before 8" in UTC, but the region's clock counts.
    assert.equal(isDayBefore(berlin('2026-12-11T10:00'), 'Europe/Berlin', new Date('2026-12-10T07:30:00Z')), true);
  });
});

describe('request jobs', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Database['db'];
  let pool: Pool;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    pool = await buildPool(db);
  });
  after(async () => database.drop());

  const statusOf = async (id: string) => (await db.select({ status: requests.status }).from(requests).where(eq(requests.id, id)))[0]?.status;
  const offerStates = async (requestId: string) => (await db.select().from(offers).where(eq(offers.requestId, requestId)).orderBy(asc(offers.createdAt))).map((o) => o.status);

  it('expires open offers past their time; a request left without an open offer goes back to approved and the coordinators hear of it', async () => {
    const a = await buildMediator(db, pool.region.id);
    const b = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const sentAt = new Date();
    const [oa] = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, mediatorIds: [a.id], baseUrl: BASE, now: sentAt });
    const [ob] = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, mediatorIds: [b.id], baseUrl: BASE, now: new Date(sentAt.getTime() + 10 * HOUR) });
    assert.ok(oa && ob);

    assert.deepEqual(await expireOffers(db, { baseUrl: BASE, now: new Date(oa.expiresAt.getTime() - 1000) }), { offers: 0, reopened: 0 }, 'nothing is due yet');
    const first = await expireOffers(db, { baseUrl: BASE, now: new Date(oa.expiresAt.getTime() + 1000) });
    assert.deepEqual(first, { offers: 1, reopened: 0 });
    assert.deepEqual(await offerStates(r.id), ['expired', 'open']);
    assert.equal(await statusOf(r.id), 'offered', 'one offer is still open');
    // The expired one cannot be accepted any more, even by someone holding the link.
    const refused = await acceptOffer(db, { token: oa.token }, { baseUrl: BASE }).catch((err: unknown) => err);
    assert.ok(refused instanceof ConflictError && refused.code === 'offer_expired');

    const second = await expireOffers(db, { baseUrl: BASE, now: new Date(ob.expiresAt.getTime() + 1000) });
    assert.deepEqual(second, { offers: 1, reopened: 1 });
    assert.deepEqual(await offerStates(r.id), ['expired', 'expired']);
    assert.equal(await statusOf(r.id), 'approved');
    const told = (await mailsTo(db, pool.coordinator.email)).filter((m) => m.text.includes(r.id));
    assert.equal(told.length, 1);
    assert.match(told[0]?.subject ?? '', /^Keine offenen Angebote mehr/);
    const actions = await db
      .select({ action: auditEvents.action, label: auditEvents.actorLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'sp_request'), eq(auditEvents.entityId, r.id)))
      .orderBy(asc(auditEvents.id));
    assert.deepEqual(
      actions.map((x) => x.action),
      ['sprachpool.request.offer', 'sprachpool.request.offer', 'sprachpool.request.expire', 'sprachpool.request.expire', 'sprachpool.request.reopen'],
    );
    assert.equal(actions.at(-1)?.label, `system:${EXPIRY_JOB}`);

    assert.deepEqual(await expireOffers(db, { baseUrl: BASE, now: new Date(ob.expiresAt.getTime() + 2 * HOUR) }), { offers: 0, reopened: 0 }, 'a second run changes nothing');
    assert.equal(told.length, (await mailsTo(db, pool.coordinator.email)).filter((m) => m.text.includes(r.id)).length);
  });

  it('an expired offer of an assigned request does not reopen it', async () => {
    const a = await buildMediator(db, pool.region.id);
    const b = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const sent = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, mediatorIds: [a.id, b.id], baseUrl: BASE });
    const [first] = sent;
    assert.ok(first);
    await acceptOffer(db, { token: first.token }, { baseUrl: BASE });
    assert.deepEqual(await expireOffers(db, { baseUrl: BASE, now: new Date(first.expiresAt.getTime() + 1000) }), { offers: 0, reopened: 0 }, 'the other offer was withdrawn, not left open');
    assert.equal(await statusOf(r.id), 'assigned');
  });

  it('reminds the mediator and the institution the day before, once per assignment; cancelled ones are not reminded', async () => {
    const m = await buildMediator(db, pool.region.id, { language: 'tr' });
    const day = dateInDays(20);
    const r = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T15:00` });
    const [o] = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, mediatorIds: [m.id], baseUrl: BASE });
    assert.ok(o);
    const { assignment } = await acceptOffer(db, { token: o.token }, { baseUrl: BASE });
    const gone = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T08:00`, durationMinutes: 60 });
    const [og] = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: gone.id, mediatorIds: [m.id], baseUrl: BASE });
    assert.ok(og);
    await acceptOffer(db, { token: og.token }, { baseUrl: BASE });
    const [current] = await db.select().from(requests).where(eq(requests.id, gone.id));
    assert.ok(current);
    await cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: gone.id, by: 'coordinator', reason: 'entfällt', revision: current.revision, baseUrl: BASE });

    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(await sendAssignmentReminders(db, { baseUrl: BASE, now: berlin(`${dayBefore}T07:00`) }), { assignments: 0 }, 'not before 8 o’clock');
    const before = (await mailsTo(db, m.email)).length;
    const run = await sendAssignmentReminders(db, { baseUrl: BASE, now: berlin(`${dayBefore}T09:00`) });
    assert.deepEqual(run, { assignments: 1 });
    const toMediator = (await mailsTo(db, m.email)).slice(before);
    assert.equal(toMediator.length, 1);
    assert.match(toMediator[0]?.subject ?? '', /^Hatırlatma: yarın saat 15:00/, 'in the mediator’s language, at the local time');
    assert.ok(toMediator[0]?.text.includes('Schulweg 1'), 'with all details');
    const toInstitution = (await mailsTo(db, pool.contact.email)).filter((x) => x.subject.startsWith('Erinnerung: Sprachmittlung morgen um 15:00'));
    assert.equal(toInstitution.length, 1);
    assert.ok(toInstitution[0]?.text.includes(m.firstName));
    const [row] = await db.select().from(assignments).where(eq(assignments.id, assignment.id));
    assert.ok(row?.remindedAt);
    assert.deepEqual(await sendAssignmentReminders(db, { baseUrl: BASE, now: berlin(`${dayBefore}T10:00`) }), { assignments: 0 }, 'once');
  });

  it('registers both jobs as recurring', async () => {
    registerRequestJobs(BASE);
    await ensureRecurringJobs(db);
    const types = (await db.select({ type: jobs.type }).from(jobs)).map((j) => j.type);
    assert.ok(types.includes(EXPIRY_JOB));
    assert.ok(types.includes(REMINDER_JOB));
  });
});
