import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, signedIn, type RegionRow } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { mails } from '../../platform/schema.js';
import { absences, availability, mediatorDocuments, mediators } from './schema.js';
import { buildMediator, dateInDays } from './test-support.js';

type Fields = Record<string, string | string[]>;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** The application as a browser sends it (German page). */
function application(overrides: Fields = {}): Fields {
  return {
    firstName: 'Hamid',
    lastName: 'Rahimi',
    email: `hamid-${randomUUID().slice(0, 8)}@example.org`,
    phone: '0171 2223334',
    germanLevel: 'B2',
    langRows: '4',
    'lang.0.code': 'prs',
    'lang.0.level': 'native',
    'lang.1.code': 'ar:iraqi',
    'lang.1.level': 'C1',
    'lang.2.code': '',
    'lang.2.level': '',
    modes: ['on_site', 'video'],
    postalCode: '33100',
    city: 'Paderborn',
    maxTravelKm: '15',
    availRows: '4',
    'avail.0.weekday': '2',
    'avail.0.from': '09:00',
    'avail.0.to': '12:00',
    'avail.1.weekday': '',
    'avail.1.from': '',
    'avail.1.to': '',
    qualRows: '2',
    'qual.0.kind': 'basic_training',
    'qual.0.title': 'Grundkurs',
    'qual.0.date': '2025-02-01',
    consent: '1',
    website: '',
    ...overrides,
  };
}

/** A multipart body: the CSRF token first (the app only reads files after it), then fields, then files. */
function multipart(csrf: string, fields: Fields, files: { name: string; filename: string; type: string; data: Buffer }[]): { body: Buffer; contentType: string } {
  const boundary = `----sp${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  const field = (name: string, value: string) => chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  field('_csrf', csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) field(k, one);
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('mediator pages (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let coordinator: { browser: Browser; actor: Actor };
  let apply: string;
  let M: string;
  let ME: string;

  const cookieOf = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const postMultipart = async (b: Browser, url: string, formUrl: string, fields: Fields, files: Parameters<typeof multipart>[2]) => {
    const csrf = await b.csrfFrom(formUrl);
    const { body, contentType } = multipart(csrf, fields, files);
    return t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(b), 'content-type': contentType }, payload: body });
  };
  const byEmail = async (email: string) => (await t.db.select().from(mediators).where(and(eq(mediators.regionId, region.id), eq(mediators.email, email))))[0];
  /** A mediator with a signed-in browser (role mediator, linked by e-mail on the first visit). */
  const signedInMediator = async (overrides: Parameters<typeof buildMediator>[2] = {}) => {
    const person = await signedIn(t, { roles: [{ regionId: region.id, role: 'mediator' }] });
    const mediator = await buildMediator(t.db, region.id, { email: person.account.email, ...overrides });
    return { ...person, mediator };
  };

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    coordinator = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'pool_coordinator' }] });
    apply = `/${region.slug}/de/sprachpool/become`;
    M = `/admin/regions/${region.id}/sprachpool/mediators`;
    ME = `/admin/regions/${region.id}/sprachpool/me`;
  });
  after(() => t.close());

  it('shows four language rows and adds one with the "add a row" button, keeping what was typed', async () => {
    const visitor = new Browser(t.app);
    const page = await visitor.get(apply);
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['cache-control'] as string, /no-store/, 'the form carries a CSRF token');
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /name="lang\.3\.code"/);
    assert.doesNotMatch(page.body, /name="lang\.4\.code"/);
    assert.match(page.body, new RegExp(`href="/${region.slug}/de/privacy"`));

    const fields = application({ firstName: 'Zahra', add: 'lang' });
    const more = await visitor.submit(apply, fields);
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /name="lang\.4\.code"/);
    assert.doesNotMatch(more.body, /name="lang\.5\.code"/);
    assert.match(more.body, /name="langRows" value="5"/);
    assert.match(more.body, /data-notice="row-added"/);
    assert.equal(inputValue(more.body, 'firstName'), 'Zahra');
    assert.match(more.body, /<option value="ar:iraqi" selected/);
    assert.equal(await byEmail(String(fields.email)), undefined, 'nothing stored');
  });

  it('answers bad input with 422, the values kept, a summary and the message at the row', async () => {
    const visitor = new Browser(t.app);
    const fields = application({ 'avail.1.weekday': '2', 'avail.1.from': '11:30', 'avail.1.to': '14:00', consent: [] });
    const res = await visitor.submit(apply, fields);
    assert.equal(res.statusCode, 422);
    assert.equal(inputValue(res.body, 'lastName'), 'Rahimi');
    assert.equal(inputValue(res.body, 'avail.1.from'), '11:30');
    assert.match(res.body, /href="#f-avail\.1\.from"/);
    assert.match(res.body, /id="e-avail\.1\.from"[^>]*>.*Überschneidet sich mit Zeile 1 \(09:00–12:00\)/s);
    assert.match(res.body, /Ohne Ihre Einwilligung/);
    assert.equal(await byEmail(String(fields.email)), undefined);
  });

  it('stores a valid application and thanks; a second one with the address says so; bots get nothing stored', async () => {
    const visitor = new Browser(t.app);
    const fields = application();
    const res = await visitor.submit(apply, fields);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${apply}/thanks`);
    const stored = await byEmail(String(fields.email));
    assert.equal(stored?.status, 'applied');
    assert.equal(stored?.language, 'de');
    const thanks = await visitor.get(String(res.headers.location));
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, /Vielen Dank für Ihre Bewerbung/);
    assert.equal((await t.db.select().from(mails).where(eq(mails.to, String(fields.email)))).length, 1);

    const again = await visitor.submit(apply, { ...fields, firstName: 'Noch einmal' });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /gibt es schon eine Bewerbung/);
    assert.equal(inputValue(again.body, 'firstName'), 'Noch einmal');

    const bot = application({ website: 'http://spam.example' });
    const trap = await visitor.submit(apply, bot);
    assert.equal(trap.statusCode, 303);
    assert.equal(await byEmail(String(bot.email)), undefined);
  });

  it('takes documents with the application as multipart, by their bytes, not their names', async () => {
    const visitor = new Browser(t.app);
    const fake = application();
    const refused = await postMultipart(visitor, apply, apply, fake, [{ name: 'policeClearanceFile', filename: 'zeugnis.pdf', type: 'application/pdf', data: Buffer.from('<script>alert(1)</script>') }]);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /PDF-, JPEG- oder PNG-Datei/);
    assert.equal(inputValue(refused.body, 'email'), String(fake.email));
    assert.equal(await byEmail(String(fake.email)), undefined);

    const real = application();
    const ok = await postMultipart(visitor, apply, apply, real, [
      { name: 'policeClearanceFile', filename: 'führungszeugnis.pdf', type: 'application/pdf', data: PDF },
      { name: 'qualificationFile', filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
    ]);
    assert.equal(ok.statusCode, 303);
    const stored = await byEmail(String(real.email));
    assert.ok(stored);
    const docs = await t.db.select().from(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, stored.id));
    assert.deepEqual(docs.map((d) => [d.kind, d.fileName]), [['police_clearance', 'führungszeugnis.pdf']]);
  });

  it('lets the coordinator list, filter, edit and activate — activation asks for the papers first', async () => {
    const b = coordinator.browser;
    const applied = await buildMediator(t.db, region.id, { status: 'applied', lastName: 'Bewerberin', confidentialitySignedOn: null, policeClearanceIssuedOn: null, policeClearanceExpiresOn: null, languages: [{ language: 'ti' }] });
    const list = await b.get(`${M}?status=applied`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`data-mediator-id="${applied.id}"`));
    const byLanguage = await b.get(`${M}?language=so`);
    assert.doesNotMatch(byLanguage.body, new RegExp(`data-mediator-id="${applied.id}"`));

    const url = `${M}/${applied.id}`;
    const page = await b.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Freischalten/);
    const activate = await b.submit(`${url}/status`, { action: 'activate', revision: String(applied.revision) }, { formUrl: url });
    assert.equal(activate.statusCode, 422);
    assert.match(activate.body, /Freischalten geht erst mit gültiger Verschwiegenheitserklärung/);
    assert.match(activate.body, /href="#f-policeClearanceIssuedOn"/);
    assert.equal((await byEmail(applied.email))?.status, 'applied');

    // "Add a row" in the edit form: the form comes back with one more weekly row, nothing saved.
    const form = { firstName: applied.firstName, lastName: applied.lastName, email: applied.email, phone: applied.phone, gender: 'female', language: 'de', germanLevel: 'C1', 'lang.0.code': 'ti', 'lang.0.level': 'native', modes: ['on_site'], postalCode: '12345', city: 'Musterstadt', maxTravelKm: '30', revision: String(applied.revision), availRows: '4' };
    const added = await b.submit(url, { ...form, add: 'avail' }, { formUrl: url });
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="avail\.4\.from"/);

    const papers = { confidentialitySignedOn: dateInDays(-2), policeClearanceIssuedOn: dateInDays(-10), policeClearanceExpiresOn: dateInDays(800) };
    const saved = await b.submit(url, { ...form, ...papers }, { formUrl: url });
    assert.equal(saved.statusCode, 303);
    const stale = await b.submit(url, { ...form, ...papers, city: 'Anderswo' }, { formUrl: url });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /inzwischen geändert/);
    assert.equal(inputValue(stale.body, 'city'), 'Anderswo', 'the input stays');

    const fresh = await byEmail(applied.email);
    assert.ok(fresh);
    const ok = await b.submit(`${url}/status`, { action: 'activate', revision: String(fresh.revision) }, { formUrl: url });
    assert.equal(ok.statusCode, 303);
    assert.equal((await byEmail(applied.email))?.status, 'active');
    const after = await b.get(url);
    assert.match(after.body, /ist jetzt freigeschaltet/);
  });

  it('serves documents to coordinators only, as downloads that are never stored', async () => {
    const owner = await signedInMediator();
    const other = await signedInMediator();
    const url = `${M}/${owner.mediator.id}`;
    const upload = await postMultipart(coordinator.browser, `${url}/documents`, url, { kind: 'police_clearance', expiresOn: dateInDays(100) }, [{ name: 'file', filename: 'fz.pdf', type: 'application/pdf', data: PDF }]);
    assert.equal(upload.statusCode, 303);
    const [doc] = await t.db.select().from(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, owner.mediator.id));
    assert.ok(doc);
    const download = await coordinator.browser.get(`${url}/documents/${doc.id}`);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="fz\.pdf"/);
    assert.match(String(download.headers['cache-control']), /no-store/);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.ok(download.rawPayload.equals(PDF));
    for (const person of [owner, other]) assert.equal((await person.browser.get(`${url}/documents/${doc.id}`)).statusCode, 403);
    assert.equal((await new Browser(t.app).get(`${url}/documents/${doc.id}`)).statusCode, 303, 'the public is sent to the login');

    const fake = await postMultipart(coordinator.browser, `${url}/documents`, url, { kind: 'other', expiresOn: '' }, [{ name: 'file', filename: 'x.png', type: 'image/png', data: Buffer.from('GIF89a') }]);
    assert.equal(fake.statusCode, 422);
    assert.match(fake.body, /id="e-file"/);
  });

  it('gives the mediator their profile, availability, absences, export and deletion request', async () => {
    const me = await signedInMediator();
    const b = me.browser;
    const profile = await b.get(ME);
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /Mein Profil/);
    assert.equal(inputValue(profile.body, 'phone'), me.mediator.phone);

    const av = `${ME}/availability`;
    const overlap = await b.submit(av, { 'avail.0.weekday': '4', 'avail.0.from': '08:00', 'avail.0.to': '12:00', 'avail.1.weekday': '4', 'avail.1.from': '11:00', 'avail.1.to': '13:00' });
    assert.equal(overlap.statusCode, 422);
    assert.match(overlap.body, /Überschneidet sich mit Zeile 1/);
    assert.equal((await t.db.select().from(availability).where(eq(availability.mediatorId, me.mediator.id))).length, 5, 'nothing changed');
    const more = await b.submit(av, { 'avail.0.weekday': '4', 'avail.0.from': '08:00', 'avail.0.to': '12:00', availRows: '4', add: 'avail' });
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /name="avail\.4\.weekday"/);
    const saved = await b.submit(av, { 'avail.0.weekday': '4', 'avail.0.from': '08:00', 'avail.0.to': '12:00', 'avail.1.weekday': '4', 'avail.1.from': '12:00', 'avail.1.to': '13:00' });
    assert.equal(saved.statusCode, 303);
    assert.equal((await t.db.select().from(availability).where(eq(availability.mediatorId, me.mediator.id))).length, 2);

    const past = await b.submit(`${ME}/absences`, { fromDate: dateInDays(-1), toDate: dateInDays(2) }, { formUrl: av });
    assert.equal(past.statusCode, 422);
    assert.equal(inputValue(past.body, 'fromDate'), dateInDays(-1));
    const added = await b.submit(`${ME}/absences`, { fromDate: dateInDays(7), toDate: dateInDays(8), note: 'Urlaub' }, { formUrl: av });
    assert.equal(added.statusCode, 303);
    const [absence] = await t.db.select().from(absences).where(eq(absences.mediatorId, me.mediator.id));
    assert.ok(absence);
    const other = await signedInMediator();
    const foreign = await other.browser.submit(`${ME}/absences/${absence.id}/delete`, {}, { formUrl: av });
    assert.equal(foreign.statusCode, 404, 'another mediator cannot delete it');
    assert.equal((await b.submit(`${ME}/absences/${absence.id}/delete`, {}, { formUrl: av })).statusCode, 303);

    const exported = await b.get(`${ME}/export`);
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-disposition']), /^attachment; filename="sprachpool-/);
    assert.match(String(exported.headers['cache-control']), /no-store/);
    assert.equal((JSON.parse(exported.body) as { profile: { email: string } }).profile.email, me.mediator.email);

    const unconfirmed = await b.submit(`${ME}/delete-request`, {}, { formUrl: ME });
    assert.equal(unconfirmed.statusCode, 303);
    assert.doesNotMatch((await b.get(ME)).body, /data-notice="deletion-requested"/, 'without the tick nothing is filed');
    const asked = await b.submit(`${ME}/delete-request`, { confirmed: '1' }, { formUrl: ME });
    assert.equal(asked.statusCode, 303);
    assert.match((await b.get(ME)).body, /data-notice="deletion-requested"/);
    const detail = await coordinator.browser.get(`${M}/${me.mediator.id}`);
    assert.match(detail.body, /data-notice="deletion-requested"/);
    const gone = await coordinator.browser.submit(`${M}/${me.mediator.id}/delete`, {}, { formUrl: `${M}/${me.mediator.id}` });
    assert.equal(gone.statusCode, 303);
    assert.equal(await byEmail(me.mediator.email), undefined, 'no assignments: the row is deleted');
    assert.equal((await b.get(ME)).statusCode, 403, 'the portal is closed afterwards');
  });
});
