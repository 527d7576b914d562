import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, signedIn, type RegionRow } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { mails } from '../../platform/schema.js';
import { agencies, agencyContacts, assignments, mediators, requests } from './schema.js';
import { buildAgency, buildMediator, buildRequest, dateInDays, isoWeekday } from './test-support.js';

type Fields = Record<string, string | string[]>;

/** A weekday at least `days` ahead (a Monday to Friday date, so the lead time never depends on the calendar). */
function weekdayIn(days: number): string {
  for (let d = days; ; d += 1) {
    const date = dateInDays(d);
    if (isoWeekday(date) <= 5) return date;
  }
}

describe('Sprachpool institutions over HTTP (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let coordinator: { browser: Browser; actor: Actor };
  let contact: { browser: Browser; actor: Actor };
  let agencyId: string;
  let R: string;
  let A: string;
  let C: string;

  const requestFields = (overrides: Fields = {}): Fields => ({
    language: 'ar',
    dialect: '',
    genderPreference: 'none',
    date: weekdayIn(20),
    time: '10:00',
    durationMinutes: '60',
    mode: 'on_site',
    placeName: '',
    street: '',
    postalCode: '',
    city: '',
    joinInfo: '',
    setting: 'school',
    topic: 'parents_meeting',
    notes: 'Elterngespräch zum Übergang in die 5. Klasse.',
    onSiteContact: 'Sekretariat',
    ...overrides,
  });
  const requestCount = async () => (await t.db.select({ id: requests.id }).from(requests).where(eq(requests.agencyId, agencyId))).length;

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], settings: { sprachpool: { leadTimeWorkingDays: 2, excludedSettings: ['court', 'police'], freeCancellationHours: 48 } } });
    R = `/${region.slug}`;
    A = `/admin/regions/${region.id}/sprachpool/agency`;
    C = `/admin/regions/${region.id}/sprachpool/agencies`;
    coordinator = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'pool_coordinator' }] });
    contact = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'agency' }] });
    const built = await buildAgency(t.db, region.id, { name: 'Grundschule am Park', contactAccountId: contact.actor.id, contactEmail: contact.actor.email });
    agencyId = built.agency.id;
    await buildMediator(t.db, region.id, { firstName: 'Samira', phone: '+49 170 5550101', languages: [{ language: 'ar' }] });
  });
  after(() => t.close());

  it('explains language mediation publicly, in the region’s languages', async () => {
    const de = await t.app.inject({ method: 'GET', url: `${R}/de/sprachpool` });
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /<h1>Sprachmittlung<\/h1>/);
    assert.match(de.body, /data-landing="lead-time">Bitte fragen Sie mindestens 2 Werktage vor dem Termin an/);
    assert.match(de.body, /data-landing="excluded">[^<]*Gericht und Polizei/);
    assert.match(de.body, /data-landing="no-private-persons"/);
    assert.match(de.body, new RegExp(`href="${R}/de/sprachpool/institutions/register"`));
    assert.match(de.body, new RegExp(`href="${A}"`), 'sign-in link to the institution portal');
    assert.match(de.body, new RegExp(`href="${R}/de/sprachpool/become"`), 'and to the mediators’ application');
    const ar = await t.app.inject({ method: 'GET', url: `${R}/ar/sprachpool` });
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /الوساطة اللغوية/);
    assert.equal((await t.app.inject({ method: 'GET', url: `${R}/fa/sprachpool` })).statusCode, 404, 'a language the region does not offer');
  });

  it('registers an institution without JavaScript: add a row, 422 keeps the input, honeypot, receipt', async () => {
    const browser = new Browser(t.app);
    const url = `${R}/de/sprachpool/institutions/register`;
    const form = await browser.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /data-contact-row="2"/);
    assert.doesNotMatch(form.body, /data-contact-row="3"/);
    assert.match(form.body, /name="website"/, 'honeypot');

    const typed: Fields = { name: 'Familienzentrum Nord', kind: 'counselling', street: 'Nordring 5', postalCode: '33102', city: 'Paderborn', email: 'info@fz-nord.example', phone: '', billingReference: '', rows: '3', 'contacts.0.name': 'Petra Nord', 'contacts.0.email': 'petra@fz-nord.example' };
    const more = await browser.submit(url, { ...typed, add: 'contact' });
    assert.equal(more.statusCode, 200, 'another row, nothing saved');
    assert.match(more.body, /data-contact-row="3"/);
    assert.equal(inputValue(more.body, 'contacts.0.name'), 'Petra Nord');
    assert.equal((await t.db.select().from(agencies).where(eq(agencies.email, 'info@fz-nord.example'))).length, 0);

    const bad = await browser.submit(url, { ...typed, postalCode: '331', rows: '4' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-postalCode"/);
    assert.match(bad.body, /href="#f-consent"/);
    assert.equal(inputValue(bad.body, 'name'), 'Familienzentrum Nord', 'the input is kept');
    assert.equal(inputValue(bad.body, 'contacts.0.email'), 'petra@fz-nord.example');
    assert.match(bad.body, /data-contact-row="3"/, 'the rows stay');

    const bot = await browser.submit(url, { ...typed, consent: '1', website: 'https://spam.example' });
    assert.equal(bot.statusCode, 303);
    assert.equal((await t.db.select().from(agencies).where(eq(agencies.email, 'info@fz-nord.example'))).length, 0, 'bots store nothing');

    const ok = await browser.submit(url, { ...typed, consent: '1' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${url}?done=1`);
    const done = await browser.get(`${url}?done=1`);
    assert.match(done.body, /data-registration="received"/);
    const [stored] = await t.db.select().from(agencies).where(eq(agencies.email, 'info@fz-nord.example'));
    assert.equal(stored?.status, 'pending');
    assert.equal((await t.db.select().from(mails).where(eq(mails.to, 'info@fz-nord.example'))).length, 1, 'a receipt');
  });

  it('lets the coordination approve (inviting the contacts), edit with a revision check and reject with a reason', async () => {
    const [pending] = await t.db.select().from(agencies).where(eq(agencies.email, 'info@fz-nord.example'));
    assert.ok(pending, 'registered in the test before');
    const list = await coordinator.browser.get(`${C}?status=pending`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Familienzentrum Nord/);
    assert.doesNotMatch(list.body, /Grundschule am Park/, 'approved ones are not in the pending filter');

    const detailUrl = `${C}/${pending.id}`;
    const detail = await coordinator.browser.get(detailUrl);
    assert.match(detail.body, new RegExp(`action="${detailUrl}/approve"`));
    const approved = await coordinator.browser.submit(`${detailUrl}/approve`, { revision: String(pending.revision) }, { formUrl: detailUrl });
    assert.equal(approved.statusCode, 303);
    const after = await coordinator.browser.get(detailUrl);
    assert.match(after.body, /Die Einrichtung ist freigegeben; 1 Ansprechperson wurde eingeladen/);
    const invitation = (await t.db.select().from(mails).where(eq(mails.to, 'petra@fz-nord.example'))).find((m) => m.text.includes('/invitation/'));
    assert.ok(invitation, 'the contact is invited');

    // An edit against the old revision: 409, the person's values stay.
    const stale = await coordinator.browser.submit(detailUrl, { name: 'Familienzentrum Nord-Ost', kind: 'counselling', street: 'Nordring 5', postalCode: '33102', city: 'Paderborn', email: 'info@fz-nord.example', revision: String(pending.revision) }, { formUrl: detailUrl });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /data-notice="conflict"/);
    assert.equal(inputValue(stale.body, 'name'), 'Familienzentrum Nord-Ost');
    const current = (await t.db.select().from(agencies).where(eq(agencies.id, pending.id)))[0];
    assert.equal(current?.name, 'Familienzentrum Nord');
    assert.equal(inputValue(stale.body, 'revision'), String(current?.revision), 'saving again goes through deliberately');

    const other = await buildAgency(t.db, region.id, { status: 'pending', name: 'Kita Wolke' });
    const rejectUrl = `${C}/${other.agency.id}/reject`;
    const noReason = await coordinator.browser.submit(rejectUrl, { revision: String(other.agency.revision), reason: '' }, { formUrl: `${C}/${other.agency.id}` });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#f-reason"/);
    const rejected = await coordinator.browser.submit(rejectUrl, { revision: String(other.agency.revision), reason: 'Nicht im Kreis' }, { formUrl: `${C}/${other.agency.id}` });
    assert.equal(rejected.statusCode, 303);
    assert.equal((await t.db.select().from(agencies).where(eq(agencies.id, other.agency.id)))[0]?.status, 'rejected');
  });

  it('takes a request through the portal form: 422 keeps the input, personal data needs a confirmation', async () => {
    const form = await contact.browser.get(`${A}/requests/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /data-notice="no-personal-data"/, 'the form says: no personal data');
    assert.equal(inputValue(form.body, 'street'), 'Schulweg 1', 'the institution’s address is the default place');
    const before = await requestCount();

    const tooSoon = await contact.browser.submit(`${A}/requests/new`, requestFields({ date: dateInDays(1), notes: 'Bitte Termin bestätigen.' }));
    assert.equal(tooSoon.statusCode, 422);
    assert.match(tooSoon.body, /Anfragen brauchen mindestens 2 Werktage Vorlauf/);
    assert.match(tooSoon.body, /<textarea id="f-notes"[^>]*>Bitte Termin bestätigen.<\/textarea>/, 'the input is kept');
    assert.match(tooSoon.body, /<option value="ar" selected/);

    const court = await contact.browser.submit(`${A}/requests/new`, requestFields({ setting: 'court' }));
    assert.equal(court.statusCode, 422);
    assert.match(court.body, /Termine bei Gericht vermittelt der Sprachpool nicht/);

    const personal = requestFields({ notes: 'Vater: Herr Haddad, Sohn geb. 03.04.2015' });
    const warned = await contact.browser.submit(`${A}/requests/new`, personal);
    assert.equal(warned.statusCode, 422);
    assert.match(warned.body, /data-notice="personal-data"/);
    assert.match(warned.body, /data-pii="salutation"/);
    assert.match(warned.body, /Herr Haddad/);
    assert.match(warned.body, /name="confirmPersonalData" value="1"/);
    assert.equal(await requestCount(), before, 'nothing saved');

    const confirmed = await contact.browser.submit(`${A}/requests/new`, { ...personal, confirmPersonalData: '1' });
    assert.equal(confirmed.statusCode, 303);
    const location = String(confirmed.headers.location);
    assert.match(location, new RegExp(`^${A}/requests/[0-9a-f-]{36}$`));
    const page = await contact.browser.get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ihre Anfrage ist eingegangen/);
    assert.match(page.body, /Hinweis auf persönliche Daten/);
    assert.equal(await requestCount(), before + 1);

    const list = await contact.browser.get(A);
    assert.match(list.body, new RegExp(`href="${location}"`));
  });

  it('shows each institution only its own requests', async () => {
    const foreign = await buildAgency(t.db, region.id, { name: 'Andere Schule' });
    const theirs = await buildRequest(t.db, region.id, foreign.agency.id);
    assert.equal((await contact.browser.get(`${A}/requests/${theirs.id}`)).statusCode, 404);
    const csrf = await contact.browser.csrfFrom(A);
    assert.equal((await contact.browser.submit(`${A}/requests/${theirs.id}/cancel`, { revision: '1', confirmed: '1' }, { csrf })).statusCode, 404);
    assert.equal((await t.db.select().from(requests).where(eq(requests.id, theirs.id)))[0]?.status, 'requested');
    const list = await contact.browser.get(A);
    assert.doesNotMatch(list.body, new RegExp(theirs.id));
    const institution = await contact.browser.get(`${A}/institution`);
    assert.match(institution.body, /Grundschule am Park/);
    assert.doesNotMatch(institution.body, /Andere Schule/);
  });

  it('shows the assigned mediator’s first name and phone, and cancels with a confirm step (free or late)', async () => {
    const soon = await buildRequest(t.db, region.id, agencyId, { startLocal: `${dateInDays(1)}T12:00`, status: 'assigned' });
    const [mediator] = await t.db.select().from(mediators).where(eq(mediators.firstName, 'Samira'));
    assert.ok(mediator);
    await t.db.insert(assignments).values({ regionId: region.id, requestId: soon.id, mediatorId: mediator.id, startsAt: soon.startsAt, endsAt: soon.endsAt });
    const detailUrl = `${A}/requests/${soon.id}`;
    const detail = await contact.browser.get(detailUrl);
    assert.match(detail.body, /data-mediator="assigned"/);
    assert.match(detail.body, /<bdi>Samira<\/bdi>/);
    assert.match(detail.body, /\+49 170 5550101/);
    assert.doesNotMatch(detail.body, /Beispiel/, 'no last name');

    const confirm = await contact.browser.submit(`${detailUrl}/cancel`, { revision: String(soon.revision), reason: 'Familie krank' }, { formUrl: detailUrl });
    assert.equal(confirm.statusCode, 200, 'first the confirmation');
    assert.match(confirm.body, /data-confirm="late"/);
    assert.equal((await t.db.select().from(requests).where(eq(requests.id, soon.id)))[0]?.status, 'assigned', 'nothing changed yet');

    const later = await buildRequest(t.db, region.id, agencyId, { startLocal: `${weekdayIn(14)}T09:00` });
    const laterUrl = `${A}/requests/${later.id}`;
    const free = await contact.browser.submit(`${laterUrl}/cancel`, { revision: String(later.revision), reason: '' }, { formUrl: laterUrl });
    assert.match(free.body, /data-confirm="free"/);
    const done = await contact.browser.submit(`${laterUrl}/cancel`, { revision: String(later.revision), reason: '', confirmed: '1' }, { formUrl: laterUrl });
    assert.equal(done.statusCode, 303);
    const [cancelled] = await t.db.select().from(requests).where(eq(requests.id, later.id));
    assert.equal(cancelled?.status, 'cancelled');
    assert.equal(cancelled?.lateCancellation, false);
    const page = await contact.browser.get(laterUrl);
    assert.match(page.body, /Die Anfrage ist kostenlos abgesagt/);
  });

  it('keeps contact people of unapproved institutions and removed contacts out', async () => {
    const outsider = await signedIn(t, { roles: [{ regionId: region.id, role: 'agency' }] });
    await buildAgency(t.db, region.id, { status: 'pending', contactAccountId: outsider.actor.id, contactEmail: outsider.actor.email });
    assert.equal((await outsider.browser.get(A)).statusCode, 403, 'pending institution');

    const colleague = await signedIn(t, { roles: [{ regionId: region.id, role: 'agency' }] });
    const [row] = await t.db.insert(agencyContacts).values({ agencyId, accountId: colleague.actor.id, name: 'Kollegin', email: colleague.actor.email }).returning();
    assert.ok(row);
    assert.equal((await colleague.browser.get(A)).statusCode, 200);
    const detailUrl = `${C}/${agencyId}`;
    const removed = await coordinator.browser.submit(`${detailUrl}/contacts/${row.id}/remove`, {}, { formUrl: detailUrl });
    assert.equal(removed.statusCode, 303);
    assert.equal((await colleague.browser.get(A)).statusCode, 403, 'a removed contact no longer acts for the institution');
    assert.equal((await contact.browser.get(A)).statusCode, 200);
  });
});
