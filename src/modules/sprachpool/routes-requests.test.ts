import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, sessionCookieFor, signedIn } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { acceptOffer, sendOffers } from './lifecycle.js';
import { buildPool, buildPoolRequest, mailsTo, tokenOf, type Pool } from './requests-fixtures.js';
import { assignments, offers, requests } from './schema.js';
import { buildMediator, dateInDays, isoWeekday } from './test-support.js';

/** A weekday (Mon–Fri) at least `days` ahead: the mediators' default availability. */
function weekdayInDays(days: number): string {
  let d = days;
  while (isoWeekday(dateInDays(d)) > 5) d += 1;
  return dateInDays(d);
}

describe('request pages (no JavaScript)', () => {
  let t: TestApp;
  let pool: Pool;
  let coordinator: { browser: Browser; actor: Actor };
  let B: string;

  before(async () => {
    t = await createTestApp();
    pool = await buildPool(t.db);
    coordinator = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: pool.region.id, role: 'pool_coordinator' }] });
    B = `/admin/regions/${pool.region.id}/sprachpool`;
  });
  after(() => t.close());

  /** A browser signed in as this account. */
  async function browserFor(accountId: string): Promise<Browser> {
    const browser = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, accountId)).split('=');
    browser.cookies.set(name ?? '', value ?? '');
    return browser;
  }
  const requestRow = async (id: string) => (await t.db.select().from(requests).where(eq(requests.id, id)))[0];

  it('the list: counts per state, "needs action", language and flag filters, flags visible', async () => {
    const flagged = await buildPoolRequest(t.db, pool, { language: 'ti', flags: ['no_speaker'], startLocal: `${dateInDays(30)}T09:00` });
    const approved = await buildPoolRequest(t.db, pool, { status: 'approved', startLocal: `${dateInDays(31)}T09:00` });
    const done = await buildPoolRequest(t.db, pool, { status: 'done', startLocal: `${dateInDays(-20)}T09:00` });
    const all = await coordinator.browser.get(`${B}/requests`);
    assert.equal(all.statusCode, 200);
    for (const r of [flagged, approved, done]) assert.match(all.body, new RegExp(`data-request="${r.id}"`));
    assert.match(all.body, /Niemand im Pool spricht diese Sprache/, 'the flag shows');
    assert.match(all.body, /Zu erledigen<span class="sp-req-count"> 2</);

    const needsAction = await coordinator.browser.get(`${B}/requests?status=needs_action`);
    assert.match(needsAction.body, new RegExp(`data-request="${flagged.id}"`));
    assert.match(needsAction.body, new RegExp(`data-request="${approved.id}"`));
    assert.doesNotMatch(needsAction.body, new RegExp(`data-request="${done.id}"`));
    assert.match(needsAction.body, /aria-current="page">Zu erledigen/);

    const tigrinya = await coordinator.browser.get(`${B}/requests?language=ti`);
    assert.match(tigrinya.body, new RegExp(`data-request="${flagged.id}"`));
    assert.doesNotMatch(tigrinya.body, new RegExp(`data-request="${approved.id}"`));
    const onlyFlagged = await coordinator.browser.get(`${B}/requests?flagged=1`);
    assert.match(onlyFlagged.body, new RegExp(`data-request="${flagged.id}"`));
    assert.doesNotMatch(onlyFlagged.body, new RegExp(`data-request="${approved.id}"`));
    const window = await coordinator.browser.get(`${B}/requests?from=${dateInDays(31)}&to=${dateInDays(31)}`);
    assert.match(window.body, new RegExp(`data-request="${approved.id}"`));
    assert.doesNotMatch(window.body, new RegExp(`data-request="${flagged.id}"`));
  });

  it('the request page: details, ranking in a form, offers sent without script; 422 without a choice', async () => {
    const m = await buildMediator(t.db, pool.region.id, { firstName: 'Leyla', lastName: 'Yilmaz' });
    const r = await buildPoolRequest(t.db, pool, { startLocal: `${weekdayInDays(12)}T10:00`, flags: ['short_notice'] });
    const url = `${B}/requests/${r.id}`;
    const page = await coordinator.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Schulweg 1, 12345 Musterstadt/, 'the full address for the coordinator');
    assert.match(page.body, /kurzfristig/, 'the flag');
    assert.match(page.body, new RegExp(`<form method="post" action="${url}/offers"`));
    assert.match(page.body, new RegExp(`name="mediatorIds" value="${m.id}"`), 'the ranked mediator can be ticked');
    assert.match(page.body, new RegExp(`action="${url}/approve"`));

    const none = await coordinator.browser.submit(`${url}/offers`, {}, { formUrl: url });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /class="error-summary"/);
    assert.match(none.body, /Wählen Sie mindestens eine Person aus der Liste\./);
    assert.equal((await t.db.select().from(offers).where(eq(offers.requestId, r.id))).length, 0);

    const sent = await coordinator.browser.submit(`${url}/offers`, { mediatorIds: [m.id] }, { formUrl: url });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, url);
    const after = await coordinator.browser.get(url);
    assert.match(after.body, /Ein Angebot gesendet\./, 'flash');
    assert.match(after.body, /<span class="badge sp-req-status sp-req-status--offered">angeboten</);
    assert.match(after.body, /<span class="badge sp-offer-state sp-offer-state--open">offen</);
    assert.match(after.body, /Angebote gesendet/, 'the history');
    assert.match(after.body, /Freigegeben/, 'approved on the way, in the history');
    assert.equal((await mailsTo(t.db, m.email)).length, 1);

    const again = await coordinator.browser.submit(`${url}/offers`, { mediatorIds: [m.id] }, { formUrl: url });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /Diese Person hat für diese Anfrage schon ein Angebot bekommen/);
  });

  it('approve with a stale revision: 409 with a message; reject needs a reason (422), then works', async () => {
    const r = await buildPoolRequest(t.db, pool);
    const url = `${B}/requests/${r.id}`;
    const stale = await coordinator.browser.submit(`${url}/approve`, { revision: String(r.revision + 5) }, { formUrl: url });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Die Anfrage wurde inzwischen geändert/);
    assert.equal((await requestRow(r.id))?.status, 'requested');

    const noReason = await coordinator.browser.submit(`${url}/reject`, { revision: String(r.revision), reason: '' }, { formUrl: url });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /<a href="#f-reason">/);
    const rejected = await coordinator.browser.submit(`${url}/reject`, { revision: String(r.revision), reason: 'Bitte Dolmetscherdienst beauftragen' }, { formUrl: url });
    assert.equal(rejected.statusCode, 303);
    const page = await coordinator.browser.get(url);
    assert.match(page.body, /sp-req-status--rejected/);
    assert.match(page.body, /Bitte Dolmetscherdienst beauftragen/);
    assert.doesNotMatch(page.body, /action="[^"]*\/reject"/, 'no more actions on a closed request');
  });

  it('cancel: a confirmation page with the reason first, 422 without one, then cancelled', async () => {
    const r = await buildPoolRequest(t.db, pool, { status: 'approved' });
    const url = `${B}/requests/${r.id}`;
    const confirm = await coordinator.browser.submit(`${url}/cancel`, { revision: String(r.revision) }, { formUrl: url });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Anfrage stornieren\?/);
    assert.match(confirm.body, /name="confirmed" value="1"/);
    assert.equal((await requestRow(r.id))?.status, 'approved', 'nothing yet');
    const empty = await coordinator.browser.submit(`${url}/cancel`, { revision: String(r.revision), confirmed: '1', reason: '' }, { formUrl: url });
    assert.equal(empty.statusCode, 422);
    const done = await coordinator.browser.submit(`${url}/cancel`, { revision: String(r.revision), confirmed: '1', reason: 'Elterngespräch verschoben' }, { formUrl: url });
    assert.equal(done.statusCode, 303);
    const row = await requestRow(r.id);
    assert.equal(row?.status, 'cancelled');
    assert.equal(row?.cancelReason, 'Elterngespräch verschoben');
    const page = await coordinator.browser.get(url);
    assert.match(page.body, /von der Koordination/);
  });

  it('no-show after the start of an assigned request', async () => {
    const m = await buildMediator(t.db, pool.region.id);
    const r = await buildPoolRequest(t.db, pool, { status: 'approved' });
    const [o] = await sendOffers(t.db, coordinator.actor, { regionId: pool.region.id, requestId: r.id, mediatorIds: [m.id], baseUrl: t.config.baseUrl });
    assert.ok(o);
    const { assignment } = await acceptOffer(t.db, { token: o.token }, { baseUrl: t.config.baseUrl });
    const url = `${B}/requests/${r.id}`;
    const before = await coordinator.browser.get(url);
    assert.doesNotMatch(before.body, /action="[^"]*\/no-show"/, 'not before the start');
    const early = await coordinator.browser.submit(`${url}/no-show`, { assignmentId: assignment.id, revision: String((await requestRow(r.id))?.revision) }, { formUrl: url });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /Der Termin hat noch nicht begonnen\./);
    // Move the appointment into the past (as time would).
    const past = new Date(Date.now() - 3_600_000);
    await t.db.update(requests).set({ startsAt: past, endsAt: new Date(past.getTime() + 90 * 60_000) }).where(eq(requests.id, r.id));
    await t.db.update(assignments).set({ startsAt: past, endsAt: new Date(past.getTime() + 90 * 60_000) }).where(eq(assignments.id, assignment.id));
    const page = await coordinator.browser.get(url);
    assert.match(page.body, /action="[^"]*\/no-show"/);
    const res = await coordinator.browser.submit(`${url}/no-show`, { assignmentId: assignment.id, revision: String((await requestRow(r.id))?.revision) }, { formUrl: url });
    assert.equal(res.statusCode, 303);
    assert.equal((await requestRow(r.id))?.status, 'no_show');
  });

  it('the one-time link: the offer without address, accept and decline without an account; no-store, noindex', async () => {
    const m = await buildMediator(t.db, pool.region.id, { firstName: 'Olena', language: 'uk' });
    const other = await buildMediator(t.db, pool.region.id);
    const r = await buildPoolRequest(t.db, pool, { status: 'approved', street: 'Geheimweg 9' });
    await sendOffers(t.db, coordinator.actor, { regionId: pool.region.id, requestId: r.id, mediatorIds: [m.id, other.id], baseUrl: t.config.baseUrl });
    const [mail] = await mailsTo(t.db, m.email);
    assert.ok(mail);
    const token = tokenOf(mail);
    const [otherMail] = await mailsTo(t.db, other.email);
    assert.ok(otherMail);
    const otherToken = tokenOf(otherMail);
    const link = new URL(/https?:\/\/\S+\?answer=accept/.exec(mail.text)?.[0] ?? '');
    assert.equal(link.pathname, `/${pool.region.slug}/de/sprachpool/offers/${token}`, 'Ukrainian is not a page language of this region: German pages');

    const visitor = new Browser(t.app);
    const page = await visitor.get(`${link.pathname}?answer=accept`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(String(page.headers['x-robots-tag']), /noindex/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.match(page.body, /<meta name="robots" content="noindex, nofollow"/);
    assert.match(page.body, /Olena/);
    assert.match(page.body, /Musterstadt/);
    assert.doesNotMatch(page.body, /Geheimweg/, 'no street before accepting');
    assert.match(page.body, /name="answer" value="accept"/);
    assert.match(page.body, /name="answer" value="decline"/);

    // The token of the open page's forms; later pages have no form to take one from.
    const csrf = await visitor.csrfFrom(link.pathname);
    const accepted = await visitor.submit(link.pathname, { answer: 'accept' }, { csrf });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, `${link.pathname}?done=accepted`);
    const thanks = await visitor.get(`${link.pathname}?done=accepted`);
    assert.match(thanks.body, /Danke, Olena! Der Einsatz gehört Ihnen\./);
    assert.equal((await t.db.select().from(assignments).where(eq(assignments.requestId, r.id))).length, 1);

    const twice = await visitor.submit(link.pathname, { answer: 'accept' }, { csrf });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /Sie haben dieses Angebot schon angenommen/);

    // The other mediator's link now says it is taken; answering changes nothing.
    const otherPath = `/${pool.region.slug}/de/sprachpool/offers/${otherToken}`;
    const taken = await visitor.get(otherPath);
    assert.equal(taken.statusCode, 200);
    assert.match(taken.body, /Jemand anderes hat schneller zugesagt/);
    assert.doesNotMatch(taken.body, /name="answer"/, 'nothing to press');
    const late = await visitor.submit(otherPath, { answer: 'accept' }, { csrf });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Jemand anderes hat schneller zugesagt; der Einsatz ist vergeben\. Es wurde nichts geändert\./);

    // Forged links: a clear 404, nothing changed.
    const forged = await visitor.get(`/${pool.region.slug}/de/sprachpool/offers/${token.slice(0, -3)}abc`);
    assert.equal(forged.statusCode, 404);
    assert.match(forged.body, /Dieser Link ist ungültig/);
    const forgedPost = await visitor.submit(`/${pool.region.slug}/de/sprachpool/offers/${'x'.repeat(43)}`, { answer: 'accept' }, { csrf });
    assert.equal(forgedPost.statusCode, 404);
    const elsewhere = await buildPool(t.db);
    const wrongRegion = await visitor.get(`/${elsewhere.region.slug}/de/sprachpool/offers/${token}`);
    assert.equal(wrongRegion.statusCode, 404, 'a token only works in its own region');
  });

  it('the one-time link: decline with a reason; too long a reason is 422 with the form again; a missing answer is 422', async () => {
    const m = await buildMediator(t.db, pool.region.id);
    const r = await buildPoolRequest(t.db, pool, { status: 'approved' });
    const [o] = await sendOffers(t.db, coordinator.actor, { regionId: pool.region.id, requestId: r.id, mediatorIds: [m.id], baseUrl: t.config.baseUrl });
    assert.ok(o);
    const path = `/${pool.region.slug}/de/sprachpool/offers/${o.token}`;
    const visitor = new Browser(t.app);
    const none = await visitor.submit(path, {});
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Bitte wählen Sie: zusagen oder absagen\./);
    const long = await visitor.submit(path, { answer: 'decline', reason: 'x'.repeat(600) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /<a href="#f-reason">/);
    assert.equal((await t.db.select().from(offers).where(eq(offers.id, o.id)))[0]?.status, 'open');
    const declined = await visitor.submit(path, { answer: 'decline', reason: 'Urlaub' });
    assert.equal(declined.statusCode, 303);
    const [row] = await t.db.select().from(offers).where(eq(offers.id, o.id));
    assert.equal(row?.status, 'declined');
    assert.equal(row?.declineReason, 'Urlaub');
    const page = await visitor.get(`${path}?done=declined`);
    assert.match(page.body, /Sie haben abgesagt\./);
    assert.equal((await requestRow(r.id))?.status, 'approved', 'no offer left: back to the coordinators');
  });

  it('the mediator portal: offers to answer by POST, assignments with .ics, the hours link after the end; overlapping accept is 409', async () => {
    const mediator = await buildMediator(t.db, pool.region.id, { firstName: 'Samir' });
    const account = await buildAccount(t.db, { email: mediator.email, roles: [{ regionId: pool.region.id, role: 'mediator' }], uiLanguage: 'de' });
    const browser = await browserFor(account.id);
    const day = weekdayInDays(18);
    const r1 = await buildPoolRequest(t.db, pool, { status: 'approved', startLocal: `${day}T10:00`, street: 'Lindenstraße 4' });
    const r2 = await buildPoolRequest(t.db, pool, { status: 'approved', startLocal: `${day}T10:30` });
    const r3 = await buildPoolRequest(t.db, pool, { status: 'approved', startLocal: `${weekdayInDays(25)}T10:00` });
    for (const r of [r1, r2, r3]) await sendOffers(t.db, coordinator.actor, { regionId: pool.region.id, requestId: r.id, mediatorIds: [mediator.id], baseUrl: t.config.baseUrl });
    const mine = await t.db.select().from(offers).where(eq(offers.mediatorId, mediator.id)).orderBy(asc(offers.createdAt));
    const [o1, o2, o3] = mine;
    assert.ok(o1 && o2 && o3);

    const inbox = await browser.get(`${B}/me/offers`);
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, /3 offene Angebote/);
    assert.doesNotMatch(inbox.body, /Lindenstraße/, 'no address before accepting');
    assert.match(inbox.body, new RegExp(`action="${B}/me/offers/${o1.id}/accept"`));

    const accepted = await browser.submit(`${B}/me/offers/${o1.id}/accept`, {}, { formUrl: `${B}/me/offers` });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, `${B}/me/assignments`);
    assert.match((await browser.get(`${B}/me/assignments`)).body, /Danke für Ihre Zusage!/, 'flash');
    const clash = await browser.submit(`${B}/me/offers/${o2.id}/accept`, {}, { formUrl: `${B}/me/offers` });
    assert.equal(clash.statusCode, 409);
    assert.match(clash.body, /Sie haben zu dieser Zeit schon einen anderen Einsatz/);
    const declined = await browser.submit(`${B}/me/offers/${o3.id}/decline`, { reason: 'Prüfung' }, { formUrl: `${B}/me/offers` });
    assert.equal(declined.statusCode, 303);

    const list = await browser.get(`${B}/me/assignments`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Lindenstraße 4/, 'the full address once assigned');
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.requestId, r1.id));
    assert.ok(assignment);
    assert.match(list.body, new RegExp(`href="${B}/me/assignments/${assignment.id}.ics"`));
    const ics = await browser.get(`${B}/me/assignments/${assignment.id}.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    assert.match(ics.body, new RegExp(`UID:sp-assignment-${assignment.id}@`));
    assert.match(ics.body, /METHOD:REQUEST/);

    const answered = await browser.get(`${B}/me/offers`);
    assert.match(answered.body, /sp-offer-state--declined/);
    assert.match(answered.body, /sp-offer-state--accepted/);

    // After the end: the hours link (the billing pages take it from there).
    const past = new Date(Date.now() - 5 * 3_600_000);
    await t.db.update(assignments).set({ startsAt: past, endsAt: new Date(past.getTime() + 90 * 60_000) }).where(eq(assignments.id, assignment.id));
    const later = await browser.get(`${B}/me/assignments`);
    assert.match(later.body, new RegExp(`href="${B}/me/assignments/${assignment.id}/hours"`));

    // Someone else's assignment and offers are not theirs.
    const stranger = await buildMediator(t.db, pool.region.id);
    const strangerAccount = await buildAccount(t.db, { email: stranger.email, roles: [{ regionId: pool.region.id, role: 'mediator' }] });
    const strangerBrowser = await browserFor(strangerAccount.id);
    assert.equal((await strangerBrowser.get(`${B}/me/assignments/${assignment.id}.ics`)).statusCode, 404);
    const steal = await strangerBrowser.submit(`${B}/me/offers/${o2.id}/accept`, {}, { formUrl: `${B}/me/offers` });
    assert.equal(steal.statusCode, 404);
    // A coordinator is not a mediator.
    assert.equal((await coordinator.browser.get(`${B}/me/offers`)).statusCode, 403);
  });
});
