import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, like } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../../db/client.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails, regions } from '../../platform/schema.js';
import { acceptOffer, approveRequest, assignmentIcs, cancelRequest, declineOffer, markNoShow, rejectRequest, releaseAssignment, sendOffers } from './lifecycle.js';
import { BASE, buildMediatorWithAccount, buildPool, buildPoolRequest, calendarOf, mailsTo, tokenOf, type Pool } from './requests-fixtures.js';
import { reviewMediator } from './mediators.js';
import { assignments, offers, requests } from './schema.js';
import { buildAgency, buildMediator, buildRequest, dateInDays } from './test-support.js';

const HOUR = 3_600_000;

/** Runs `fn` and returns the AppError it threw (failing when it did not throw one of that class). */
async function refused<E extends Error>(cls: new (...args: never[]) => E, fn: () => Promise<unknown>): Promise<E> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof cls, `expected ${cls.name}, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${cls.name}, nothing was thrown`);
}

describe('request lifecycle', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Database['db'];
  let pool: Pool;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    pool = await buildPool(db);
  });
  after(async () => database.drop());

  const requestRow = async (id: string) => {
    const [r] = await db.select().from(requests).where(eq(requests.id, id));
    assert.ok(r);
    return r;
  };
  const offersOf = async (requestId: string) => db.select().from(offers).where(eq(offers.requestId, requestId)).orderBy(asc(offers.createdAt));
  const assignmentsOf = async (requestId: string) => db.select().from(assignments).where(eq(assignments.requestId, requestId));
  const actionsOf = async (requestId: string) =>
    (
      await db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'sp_request'), eq(auditEvents.entityId, requestId)))
        .orderBy(asc(auditEvents.id))
    ).map((a) => a.action);
  const offer = (requestId: string, mediatorIds: string[], now?: Date) => sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId, mediatorIds, baseUrl: BASE, ...(now ? { now } : {}) });

  it('approve: requested → approved, audited; a stale revision or a second approval is refused', async () => {
    const r = await buildPoolRequest(db, pool);
    await refused(ConflictError, () => approveRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, revision: r.revision + 1 }));
    assert.equal((await requestRow(r.id)).status, 'requested', 'nothing changed');
    const approved = await approveRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, revision: r.revision });
    assert.equal(approved.status, 'approved');
    assert.ok(approved.approvedAt);
    assert.equal(approved.revision, r.revision + 1);
    const again = await refused(ConflictError, () => approveRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, revision: approved.revision }));
    assert.equal(again.code, 'request_not_requested');
    assert.deepEqual(await actionsOf(r.id), ['sprachpool.request.approve']);
    // Only coordinators approve; another region's id is not found.
    await refused(ForbiddenError, () => approveRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: r.id, revision: approved.revision }));
    const other = await buildPool(db);
    await refused(NotFoundError, () => approveRequest(db, other.coordinator, { regionId: other.region.id, requestId: r.id, revision: approved.revision }));
  });

  it('sendOffers: approves a new request, one offer per mediator with a hashed token, mails without address; expiry never after the start', async () => {
    const a = await buildMediator(db, pool.region.id, { language: 'ar' });
    const b = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { street: 'Geheimweg 7', joinInfo: '' });
    const now = new Date();
    const sent = await offer(r.id, [a.id, b.id, a.id], now);
    assert.equal(sent.length, 2, 'duplicates in the choice count once');
    const stored = await offersOf(r.id);
    assert.equal(stored.length, 2);
    for (const s of sent) {
      const row = stored.find((o) => o.id === s.id);
      assert.ok(row);
      assert.equal(row.tokenHash, hashToken(s.token), 'only the hash is stored');
      assert.notEqual(row.tokenHash, s.token);
      assert.equal(row.status, 'open');
      assert.equal(row.expiresAt.getTime(), now.getTime() + 48 * HOUR, 'the region default of 48 hours');
    }
    const after = await requestRow(r.id);
    assert.equal(after.status, 'offered');
    assert.ok(after.approvedAt, 'approved on the way');
    assert.deepEqual(await actionsOf(r.id), ['sprachpool.request.approve', 'sprachpool.request.offer']);

    const [mailA] = await mailsTo(db, a.email);
    assert.ok(mailA);
    assert.match(mailA.subject, /^طلب مهمة: /, 'in the mediator’s language (Arabic)');
    assert.ok(mailA.text.includes(`${BASE}/${pool.region.slug}/ar/sprachpool/offers/${sent.find((s) => s.mediatorId === a.id)?.token}?answer=accept`));
    assert.ok(mailA.text.includes('?answer=decline'));
    assert.ok(mailA.text.includes('Musterstadt'), 'the town');
    assert.ok(!mailA.text.includes('Geheimweg'), 'no street before accepting');
    assert.ok(!mailA.text.includes('Raum 12') && !mailA.text.includes('Haupteingang'), 'no contact or notes before accepting');
    const [mailB] = await mailsTo(db, b.email);
    assert.ok(mailB);
    assert.match(mailB.subject, /^Einsatzanfrage: Arabisch, /);
    assert.equal(tokenOf(mailB), sent.find((s) => s.mediatorId === b.id)?.token);

    // Soon: the offer expires at the start, not after it.
    const soon = await buildPoolRequest(db, pool, { status: 'approved', startLocal: '2099-01-01T10:00' });
    const early = new Date(soon.startsAt.getTime() - 5 * HOUR);
    const [first] = await offer(soon.id, [a.id], early);
    assert.ok(first);
    assert.equal(first.expiresAt.getTime(), soon.startsAt.getTime());
  });

  it('sendOffers refuses ineligible mediators, offers made before, past and closed requests; nothing is created', async () => {
    const ok = await buildMediator(db, pool.region.id);
    const paused = await buildMediator(db, pool.region.id, { status: 'paused' });
    const noArabic = await buildMediator(db, pool.region.id, { languages: [{ language: 'tr' }] });
    const elsewhere = await buildMediator(db, (await buildPool(db)).region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    for (const bad of [paused.id, noArabic.id, elsewhere.id, '00000000-0000-4000-8000-000000000000']) {
      const err = await refused(ValidationError, () => offer(r.id, [ok.id, bad]));
      assert.equal(err.fields.mediatorIds?.key, 'sprachpool-requests.error_mediator_not_eligible');
    }
    assert.equal((await refused(ValidationError, () => offer(r.id, []))).fields.mediatorIds?.key, 'sprachpool-requests.error_choose_mediator');
    assert.equal((await refused(ValidationError, () => offer(r.id, ['x']))).fields.mediatorIds?.key, 'validation.choose_valid');
    assert.equal((await offersOf(r.id)).length, 0);
    assert.equal((await requestRow(r.id)).status, 'approved');
    assert.equal((await mailsTo(db, ok.email)).length, 0, 'no mail');

    const [o] = await offer(r.id, [ok.id]);
    assert.ok(o);
    await declineOffer(db, { token: o.token }, { reason: 'keine Zeit' });
    const again = await refused(ValidationError, () => offer(r.id, [ok.id]));
    assert.equal(again.fields.mediatorIds?.key, 'sprachpool-requests.error_already_offered', 'a declined offer is not sent again');
    assert.match(String(again.fields.mediatorIds?.params?.names), /^Mira-/);

    const past = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${dateInDays(-2)}T10:00` });
    assert.equal((await refused(ConflictError, () => offer(past.id, [ok.id]))).code, 'request_past');
    const rejected = await buildPoolRequest(db, pool, { status: 'rejected' });
    assert.equal((await refused(ConflictError, () => offer(rejected.id, [ok.id]))).code, 'request_closed');
  });

  it('accept by link: assignment, others withdrawn and told, request assigned; confirmations with .ics and contact', async () => {
    const first = await buildMediator(db, pool.region.id, { phone: '+49 151 2345678', firstName: 'Amina', lastName: 'Haddad' });
    const second = await buildMediator(db, pool.region.id);
    const third = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved', street: 'Schulweg 1', startLocal: `${dateInDays(12)}T16:30`, durationMinutes: 90 });
    const sent = await offer(r.id, [first.id, second.id, third.id]);
    const token = sent.find((s) => s.mediatorId === first.id)?.token;
    assert.ok(token);
    const { assignment } = await acceptOffer(db, { token }, { baseUrl: BASE });
    assert.equal(assignment.mediatorId, first.id);
    assert.equal(assignment.status, 'active');
    assert.equal(assignment.startsAt.getTime(), r.startsAt.getTime());
    assert.equal(assignment.endsAt.getTime(), r.endsAt.getTime());

    const states = Object.fromEntries((await offersOf(r.id)).map((o) => [o.mediatorId, o.status]));
    assert.deepEqual(states, { [first.id]: 'accepted', [second.id]: 'withdrawn', [third.id]: 'withdrawn' });
    const after = await requestRow(r.id);
    assert.equal(after.status, 'assigned');
    assert.ok(after.assignedAt);
    assert.deepEqual((await actionsOf(r.id)).slice(-1), ['sprachpool.request.assign']);

    for (const other of [second, third]) {
      const got = await mailsTo(db, other.email);
      assert.equal(got.length, 2, 'the offer and the withdrawal');
      assert.match(got[1]?.subject ?? '', /^Nicht mehr nötig/);
    }
    const toMediator = await mailsTo(db, first.email);
    const confirmation = toMediator.at(-1);
    assert.ok(confirmation);
    assert.match(confirmation.subject, /^Einsatz bestätigt/);
    assert.ok(confirmation.text.includes('Schulweg 1, 12345 Musterstadt'), 'the full address after accepting');
    assert.ok(confirmation.text.includes('Frau Lehrerin, Raum 12'));
    assert.ok(confirmation.text.includes(pool.agency.name));
    const ics = calendarOf(confirmation);
    assert.equal(ics.method, 'REQUEST');
    assert.match(ics.contentType, /method=REQUEST/);
    assert.equal(ics.vevent.getFirstPropertyValue('uid'), `sp-assignment-${assignment.id}@wegweiser.test`);
    const start = ics.vevent.getFirstProperty('dtstart');
    assert.equal(start?.getParameter('tzid'), 'Europe/Berlin');
    assert.equal(String(start?.getFirstValue()).slice(0, 16), `${dateInDays(12)}T16:30`);
    assert.equal(String(ics.vevent.getFirstPropertyValue('dtend')).slice(11, 16), '18:00');
    assert.equal(ics.vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.match(String(ics.vevent.getFirstPropertyValue('location')), /Schulweg 1/);
    assert.match(String(ics.vevent.getFirstPropertyValue('attendee')), new RegExp(`mailto:${first.email}`));

    const [toInstitution] = (await mailsTo(db, pool.contact.email)).filter((m) => m.subject.startsWith('Sprachmittlung zugesagt'));
    assert.ok(toInstitution, 'the institution is told');
    assert.ok(toInstitution.text.includes('Amina'));
    assert.ok(!toInstitution.text.includes('Haddad'), 'first name only');
    assert.ok(toInstitution.text.includes('+49 151 2345678') && toInstitution.text.includes(first.email));
    assert.equal(toInstitution.attachments.length, 0);
  });

  it('bad input: re-accept, accepting a taken, withdrawn or expired offer, a forged link — clear codes, nothing changed', async () => {
    const a = await buildMediator(db, pool.region.id);
    const b = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const now = new Date();
    const [oa, ob] = await offer(r.id, [a.id, b.id], now);
    assert.ok(oa && ob);

    // Expired (the job has not run yet): refused, the offer stays as it is.
    const late = new Date(oa.expiresAt.getTime() + 1000);
    assert.equal((await refused(ConflictError, () => acceptOffer(db, { token: oa.token }, { baseUrl: BASE, now: late }))).code, 'offer_expired');
    assert.equal((await refused(ConflictError, () => declineOffer(db, { token: oa.token }, { now: late }))).code, 'offer_expired');
    assert.equal((await assignmentsOf(r.id)).length, 0);
    assert.equal((await offersOf(r.id)).filter((o) => o.status === 'open').length, 2);

    await acceptOffer(db, { token: oa.token }, { baseUrl: BASE });
    assert.equal((await refused(ConflictError, () => acceptOffer(db, { token: oa.token }, { baseUrl: BASE }))).code, 'offer_already_accepted');
    assert.equal((await refused(ConflictError, () => acceptOffer(db, { token: ob.token }, { baseUrl: BASE }))).code, 'offer_taken');
    assert.equal((await refused(ConflictError, () => declineOffer(db, { token: ob.token }, {}))).code, 'offer_taken');
    assert.equal((await assignmentsOf(r.id)).length, 1);

    // Withdrawn by a cancellation.
    const c = await buildPoolRequest(db, pool, { status: 'approved' });
    const [oc] = await offer(c.id, [b.id]);
    assert.ok(oc);
    await cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: c.id, by: 'coordinator', reason: 'Termin entfällt', revision: (await requestRow(c.id)).revision, baseUrl: BASE });
    assert.equal((await refused(ConflictError, () => acceptOffer(db, { token: oc.token }, { baseUrl: BASE }))).code, 'offer_withdrawn');
    assert.equal((await assignmentsOf(c.id)).length, 0);

    // Forged or mistyped links.
    for (const token of ['x', `${oa.token.slice(0, -2)}zz`, 'a'.repeat(43)]) await refused(NotFoundError, () => acceptOffer(db, { token }, { baseUrl: BASE }));
  });

  it('a mediator never holds two overlapping assignments: the second accept is refused and the offer stays open for others', async () => {
    const busy = await buildMediator(db, pool.region.id);
    const other = await buildMediator(db, pool.region.id);
    const day = dateInDays(14);
    const r1 = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T10:00`, durationMinutes: 120 });
    const r2 = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T11:00`, durationMinutes: 60 });
    const [o1] = await offer(r1.id, [busy.id]);
    const sent2 = await offer(r2.id, [busy.id, other.id]);
    assert.ok(o1);
    await acceptOffer(db, { token: o1.token }, { baseUrl: BASE });
    const clash = sent2.find((s) => s.mediatorId === busy.id);
    assert.ok(clash);
    const mailsBefore = (await db.select().from(mails)).length;
    const err = await refused(ConflictError, () => acceptOffer(db, { token: clash.token }, { baseUrl: BASE }));
    assert.equal(err.code, 'assignment_overlap');
    assert.equal(err.messageKey, 'sprachpool-requests.error_assignment_overlap');
    assert.equal((await assignmentsOf(r2.id)).length, 0);
    assert.equal((await requestRow(r2.id)).status, 'offered');
    assert.deepEqual((await offersOf(r2.id)).map((o) => o.status), ['open', 'open'], 'both offers stay open');
    assert.equal((await db.select().from(mails)).length, mailsBefore, 'no mail');
    const theirs = sent2.find((s) => s.mediatorId === other.id);
    assert.ok(theirs);
    const { assignment } = await acceptOffer(db, { token: theirs.token }, { baseUrl: BASE });
    assert.equal(assignment.mediatorId, other.id);
    // Back to back is fine: [10:00, 12:00) and [12:00, 13:00) do not overlap.
    const r3 = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T12:00`, durationMinutes: 60 });
    const [o3] = await offer(r3.id, [busy.id]);
    assert.ok(o3);
    await acceptOffer(db, { token: o3.token }, { baseUrl: BASE });
  });

  it('in the portal a mediator answers only their own offers', async () => {
    const me = await buildMediatorWithAccount(db, pool.region.id);
    const someone = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const sent = await offer(r.id, [me.mediator.id, someone.id]);
    const mine = sent.find((s) => s.mediatorId === me.mediator.id);
    const theirs = sent.find((s) => s.mediatorId === someone.id);
    assert.ok(mine && theirs);
    await refused(NotFoundError, () => acceptOffer(db, { actor: me.actor, regionId: pool.region.id, offerId: theirs.id }, { baseUrl: BASE }));
    await refused(ForbiddenError, () => acceptOffer(db, { actor: pool.agencyActor, regionId: pool.region.id, offerId: mine.id }, { baseUrl: BASE }));
    const { assignment } = await acceptOffer(db, { actor: me.actor, regionId: pool.region.id, offerId: mine.id }, { baseUrl: BASE });
    assert.equal(assignment.mediatorId, me.mediator.id);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'sprachpool.request.assign')));
    assert.equal(audit[0]?.actorId, me.actor.id, 'the portal accept is audited as the mediator');

    const ics = await assignmentIcs(db, me.actor, { regionId: pool.region.id, assignmentId: assignment.id, baseUrl: BASE });
    assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics.body, new RegExp(`UID:sp-assignment-${assignment.id}@wegweiser.test`));
    assert.match(ics.filename, /^sprachmittlung-\d{4}-\d{2}-\d{2}\.ics$/);
    const stranger = await buildMediatorWithAccount(db, pool.region.id);
    await refused(NotFoundError, () => assignmentIcs(db, stranger.actor, { regionId: pool.region.id, assignmentId: assignment.id, baseUrl: BASE }));
  });

  it('decline with a reason; the last open offer declined sends the request back to approved and tells the coordinators', async () => {
    const a = await buildMediator(db, pool.region.id);
    const b = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const [oa, ob] = await offer(r.id, [a.id, b.id]);
    assert.ok(oa && ob);
    const tooLong = await refused(ValidationError, () => declineOffer(db, { token: oa.token }, { reason: 'x'.repeat(501) }));
    assert.equal(tooLong.fields.reason?.key, 'validation.too_long');
    const coordinatorMails = async () => (await mailsTo(db, pool.coordinator.email)).filter((m) => m.subject.startsWith('Keine offenen Angebote') && m.text.includes(r.id));
    const first = await declineOffer(db, { token: oa.token }, { reason: '  Arzttermin  ', baseUrl: BASE });
    assert.equal(first.offer.status, 'declined');
    assert.equal(first.offer.declineReason, 'Arzttermin');
    assert.equal(first.request.status, 'offered', 'one offer still open');
    assert.equal((await coordinatorMails()).length, 0);
    const second = await declineOffer(db, { token: ob.token }, { baseUrl: BASE });
    assert.equal(second.offer.declineReason, null);
    assert.equal(second.request.status, 'approved');
    const [told] = await coordinatorMails();
    assert.ok(told, 'the coordinator hears about it');
    assert.ok(told.text.includes(`${BASE}/admin/regions/${pool.region.id}/sprachpool/requests/${r.id}`));
    assert.deepEqual((await actionsOf(r.id)).slice(-3), ['sprachpool.request.decline', 'sprachpool.request.decline', 'sprachpool.request.reopen']);
    assert.equal((await refused(ConflictError, () => declineOffer(db, { token: oa.token }, {}))).code, 'offer_declined');
  });

  it('reject: reason required, open offers withdrawn, the institution is told why; not once assigned', async () => {
    const a = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool);
    await offer(r.id, [a.id]);
    const { revision } = await requestRow(r.id);
    const empty = await refused(ValidationError, () => rejectRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, revision, reason: '   ' }));
    assert.equal(empty.fields.reason?.key, 'validation.required');
    const rejected = await rejectRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, revision, reason: 'Gerichtstermin: bitte beeidigte Dolmetscher anfragen', baseUrl: BASE });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, 'Gerichtstermin: bitte beeidigte Dolmetscher anfragen');
    assert.deepEqual((await offersOf(r.id)).map((o) => o.status), ['withdrawn']);
    assert.match((await mailsTo(db, a.email)).at(-1)?.subject ?? '', /^Nicht mehr nötig/);
    const [told] = (await mailsTo(db, pool.contact.email)).filter((m) => m.subject.startsWith('Anfrage abgelehnt'));
    assert.ok(told?.text.includes('Gerichtstermin: bitte beeidigte Dolmetscher anfragen'));

    const assigned = await buildPoolRequest(db, pool, { status: 'approved' });
    const [o] = await offer(assigned.id, [a.id]);
    assert.ok(o);
    await acceptOffer(db, { token: o.token }, { baseUrl: BASE });
    const { revision: now } = await requestRow(assigned.id);
    const err = await refused(ConflictError, () => rejectRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: assigned.id, revision: now, reason: 'x' }));
    assert.equal(err.code, 'request_assigned');
  });

  it('cancel by the coordinator: assignment cancelled, the mediator gets a METHOD:CANCEL .ics with the same UID, the institution is told', async () => {
    const a = await buildMediator(db, pool.region.id, { language: 'uk' });
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const [o] = await offer(r.id, [a.id]);
    assert.ok(o);
    const { assignment } = await acceptOffer(db, { token: o.token }, { baseUrl: BASE });
    const current = await requestRow(r.id);
    assert.equal((await refused(ValidationError, () => cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, by: 'coordinator', reason: '', revision: current.revision, baseUrl: BASE }))).fields.reason?.key, 'validation.required');
    assert.equal((await refused(ConflictError, () => cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, by: 'coordinator', reason: 'x', revision: current.revision - 1, baseUrl: BASE }))).code, 'revision_conflict');
    const result = await cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, by: 'coordinator', reason: 'Schule geschlossen', revision: current.revision, baseUrl: BASE });
    assert.equal(result.late, false, 'only the institution cancels late');
    assert.equal(result.request.status, 'cancelled');
    assert.equal(result.request.cancelledBy, 'coordinator');
    assert.equal(result.request.cancelReason, 'Schule geschlossen');
    const [row] = await assignmentsOf(r.id);
    assert.equal(row?.status, 'cancelled');
    assert.ok(row?.cancelledAt);

    const mediatorMails = await mailsTo(db, a.email);
    const confirmation = mediatorMails.find((m) => calendarOfOrNull(m)?.method === 'REQUEST');
    const cancellation = mediatorMails.at(-1);
    assert.ok(confirmation && cancellation);
    assert.match(cancellation.subject, /^Виконання скасовано/, 'in the mediator’s language (Ukrainian)');
    const ics = calendarOf(cancellation);
    assert.equal(ics.method, 'CANCEL');
    assert.match(ics.contentType, /method=CANCEL/);
    assert.equal(ics.vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(ics.vevent.getFirstPropertyValue('uid'), `sp-assignment-${assignment.id}@wegweiser.test`);
    assert.equal(ics.vevent.getFirstPropertyValue('uid'), calendarOf(confirmation).vevent.getFirstPropertyValue('uid'), 'the same calendar entry');
    assert.ok(Number(ics.vevent.getFirstPropertyValue('sequence')) > Number(calendarOf(confirmation).vevent.getFirstPropertyValue('sequence')));
    const told = (await mailsTo(db, pool.contact.email)).filter((m) => m.subject.startsWith('Anfrage storniert') && m.text.includes('Schule geschlossen'));
    assert.equal(told.length, 1, 'the institution is told why');
    assert.deepEqual((await actionsOf(r.id)).slice(-1), ['sprachpool.request.cancel']);

    // Cancelled is closed; so is done (set when the hours are reported).
    assert.equal((await refused(ConflictError, () => cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, by: 'coordinator', reason: 'x', revision: result.request.revision, baseUrl: BASE }))).code, 'request_closed');
    const done = await buildPoolRequest(db, pool, { status: 'done' });
    assert.equal((await refused(ConflictError, () => cancelRequest(db, pool.coordinator, { regionId: pool.region.id, requestId: done.id, by: 'coordinator', reason: 'x', revision: done.revision, baseUrl: BASE }))).code, 'request_closed');
    assert.equal((await requestRow(done.id)).status, 'done');
  });

  it('cancel by the institution: its own requests only, before the start; inside the free-cancellation hours it is late', async () => {
    const a = await buildMediator(db, pool.region.id);
    const inTwoWeeks = await buildPoolRequest(db, pool);
    const free = await cancelRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: inTwoWeeks.id, by: 'agency', reason: '', revision: inTwoWeeks.revision, baseUrl: BASE });
    assert.equal(free.late, false);
    assert.equal(free.request.cancelledBy, 'agency');
    assert.equal(free.request.lateCancellation, false);

    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const [o] = await offer(r.id, [a.id]);
    assert.ok(o);
    await acceptOffer(db, { token: o.token }, { baseUrl: BASE });
    const now = new Date(r.startsAt.getTime() - 24 * HOUR);
    const late = await cancelRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: r.id, by: 'agency', reason: 'Familie krank', revision: (await requestRow(r.id)).revision, baseUrl: BASE, now });
    assert.equal(late.late, true, '24 h before the start, the region allows 48 h');
    assert.equal(late.request.lateCancellation, true);
    assert.match((await mailsTo(db, a.email)).at(-1)?.subject ?? '', /^Einsatz abgesagt/);
    const [told] = (await mailsTo(db, pool.contact.email)).filter((m) => m.subject.startsWith('Anfrage storniert') && m.text.includes('kurzfristige Absage'));
    assert.ok(told, 'the institution reads that it was late');

    const otherAgency = await buildPool(db);
    const foreign = await buildPoolRequest(db, otherAgency);
    await refused(ForbiddenError, () => cancelRequest(db, pool.agencyActor, { regionId: otherAgency.region.id, requestId: foreign.id, by: 'agency', reason: '', revision: 1, baseUrl: BASE }));
    const neighbour = await buildAgency(db, pool.region.id);
    const theirs = await buildRequest(db, pool.region.id, neighbour.agency.id, { contactId: neighbour.contact.id });
    await refused(NotFoundError, () => cancelRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: theirs.id, by: 'agency', reason: '', revision: theirs.revision, baseUrl: BASE }));
    assert.equal((await requestRow(theirs.id)).status, 'requested');
    const started = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${dateInDays(-1)}T10:00` });
    assert.equal((await refused(ConflictError, () => cancelRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: started.id, by: 'agency', reason: '', revision: started.revision, baseUrl: BASE }))).code, 'request_started');
  });

  it('no-show: only after the start of an assigned request', async () => {
    const a = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const [o] = await offer(r.id, [a.id]);
    assert.ok(o);
    const { assignment } = await acceptOffer(db, { token: o.token }, { baseUrl: BASE });
    assert.equal((await refused(ConflictError, () => markNoShow(db, pool.coordinator, { regionId: pool.region.id, assignmentId: assignment.id }))).code, 'request_not_started');
    const after = new Date(r.startsAt.getTime() + 10 * 60_000);
    const updated = await markNoShow(db, pool.coordinator, { regionId: pool.region.id, assignmentId: assignment.id, now: after });
    assert.equal(updated.status, 'no_show');
    assert.equal((await assignmentsOf(r.id))[0]?.status, 'no_show');
    assert.equal((await refused(ConflictError, () => markNoShow(db, pool.coordinator, { regionId: pool.region.id, assignmentId: assignment.id, now: after }))).code, 'request_closed');
    await refused(ForbiddenError, () => markNoShow(db, pool.agencyActor, { regionId: pool.region.id, assignmentId: assignment.id, now: after }));
    assert.deepEqual(await actionsOf(r.id), ['sprachpool.request.offer', 'sprachpool.request.assign', 'sprachpool.request.no_show']);
  });

  it('mails go to the region: the pool contact address appears, links use a language the region serves', async () => {
    const [region] = await db
      .update(regions)
      .set({ settings: { sprachpool: { contactEmail: 'sprachpool@kreis.example', offerExpiryHours: 24 } } })
      .where(eq(regions.id, pool.region.id))
      .returning();
    assert.ok(region);
    const persian = await buildMediator(db, pool.region.id, { language: 'fa' });
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    const now = new Date();
    const [o] = await offer(r.id, [persian.id], now);
    assert.ok(o);
    assert.equal(o.expiresAt.getTime(), now.getTime() + 24 * HOUR, 'the region setting');
    const [mail] = await mailsTo(db, persian.email);
    assert.ok(mail);
    assert.ok(mail.text.includes(`/${pool.region.slug}/de/sprachpool/offers/`), 'the region has no Persian pages: its source language');
    assert.ok(mail.text.includes('sprachpool@kreis.example'));
    assert.match(mail.html ?? '', /dir="rtl"/);
    const exhausted = await declineOffer(db, { token: o.token }, { baseUrl: BASE });
    assert.equal(exhausted.request.status, 'approved');
    assert.equal((await db.select().from(mails).where(and(eq(mails.to, 'sprachpool@kreis.example'), like(mails.subject, 'Keine offenen Angebote%')))).length, 1, 'coordinators through the pool address');
    await db.update(regions).set({ settings: {} }).where(eq(regions.id, pool.region.id));
  });
  it('a paused mediator loses their open offers (a request left without offers goes back to the coordinators); retiring one with a coming assignment is refused', async () => {
    const only = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved' });
    await offer(r.id, [only.id]);
    assert.equal((await requestRow(r.id)).status, 'offered');
    const paused = await reviewMediator(db, pool.coordinator, { regionId: pool.region.id, mediatorId: only.id, revision: only.revision, action: 'pause', baseUrl: BASE });
    assert.equal(paused.status, 'paused');
    assert.deepEqual((await offersOf(r.id)).map((o) => o.status), ['withdrawn']);
    assert.equal((await requestRow(r.id)).status, 'approved', 'back to the coordinators');
    assert.ok((await actionsOf(r.id)).includes('sprachpool.request.withdraw_offer'));

    const busy = await buildMediator(db, pool.region.id);
    const r2 = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${dateInDays(12)}T09:00` });
    const [sent] = await offer(r2.id, [busy.id]);
    assert.ok(sent);
    await acceptOffer(db, { token: sent.token }, { baseUrl: BASE });
    const err = await refused(ConflictError, () => reviewMediator(db, pool.coordinator, { regionId: pool.region.id, mediatorId: busy.id, revision: busy.revision, action: 'retire', baseUrl: BASE }));
    assert.equal(err.code, 'mediator_has_assignments');
    assert.equal((await assignmentsOf(r2.id))[0]?.status, 'active', 'nothing changed');
  });
  it('release: the coordinator takes an assignment back before the appointment; the mediator gets a CANCEL, the institution is told, new offers can go out', async () => {
    const first = await buildMediator(db, pool.region.id);
    const second = await buildMediator(db, pool.region.id);
    const r = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${dateInDays(15)}T10:00` });
    const [sent] = await offer(r.id, [first.id]);
    assert.ok(sent);
    await acceptOffer(db, { token: sent.token }, { baseUrl: BASE });
    const assigned = await requestRow(r.id);
    await refused(ValidationError, () => releaseAssignment(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, reason: ' ', revision: assigned.revision, baseUrl: BASE }));
    await refused(ConflictError, () => releaseAssignment(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, reason: 'krank', revision: assigned.revision + 1, baseUrl: BASE }));
    await refused(ForbiddenError, () => releaseAssignment(db, pool.agencyActor, { regionId: pool.region.id, requestId: r.id, reason: 'krank', revision: assigned.revision, baseUrl: BASE }));
    assert.equal((await assignmentsOf(r.id))[0]?.status, 'active', 'nothing changed');

    const released = await releaseAssignment(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, reason: 'Erkrankt', revision: assigned.revision, baseUrl: BASE });
    assert.equal(released.status, 'approved');
    assert.equal(released.assignedAt, null);
    assert.equal((await assignmentsOf(r.id))[0]?.status, 'cancelled');
    assert.ok((await actionsOf(r.id)).includes('sprachpool.request.release'));
    const [cancelMail] = (await mailsTo(db, first.email)).filter((mail) => mail.attachments.length && calendarOf(mail).method === 'CANCEL');
    assert.ok(cancelMail, 'the released mediator gets the cancellation with the calendar entry');
    assert.match(cancelMail.text, /Erkrankt/);
    const institution = await mailsTo(db, pool.contact.email);
    assert.ok(institution.some((mail) => /neue Sprachmittlung/.test(mail.subject)), 'the institution learns a new mediator is being found');

    // The appointment goes to someone else; the released mediator's slot is free again.
    const [again] = await offer(r.id, [second.id]);
    assert.ok(again);
    const { assignment } = await acceptOffer(db, { token: again.token }, { baseUrl: BASE });
    assert.equal(assignment.mediatorId, second.id);
    await refused(ConflictError, async () => releaseAssignment(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, reason: 'x', revision: (await requestRow(r.id)).revision, baseUrl: BASE, now: new Date(assignment.startsAt.getTime() + 60_000) }));
  });
});

function calendarOfOrNull(mail: Parameters<typeof calendarOf>[0]): ReturnType<typeof calendarOf> | null {
  return mail.attachments.length ? calendarOf(mail) : null;
}
