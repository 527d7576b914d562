import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { auditEvents, mails, regions } from '../../platform/schema.js';
import { eventFormValues } from './forms.js';
import { purgeAttendeeData, register } from './registration.js';
import { eventTranslations, events, occurrences, registrations } from './schema.js';
import type { EventRow } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

type Fields = Record<string, string | string[]>;
const BASE_URL = 'http://localhost:3000';

/** The edit form of a stored event, as the browser would send it back. */
function formOf(event: EventRow, changes: Fields = {}): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(eventFormValues(event))) if (v !== undefined) out[k] = v;
  return { ...out, ...changes };
}

describe('events admin pages (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let editor: { browser: Browser; actor: Actor };
  let admin: { browser: Browser; actor: Actor };
  let translator: { browser: Browser; actor: Actor };
  let B: string;

  const reg = async (occurrenceId: string, form: { name?: string; email?: string; phone?: string; partySize?: number; accessibilityNeeds?: string }) =>
    register(t.db, { regionId: region.id, occurrenceId, form: { name: form.name ?? 'Gast', email: form.email ?? null, phone: form.phone ?? null, language: 'ar', partySize: form.partySize ?? 1, accessibilityNeeds: form.accessibilityNeeds ?? '' }, baseUrl: BASE_URL });
  const mailsTo = async (to: string) => t.db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt));
  const occurrencesOf = async (eventId: string) => t.db.select().from(occurrences).where(eq(occurrences.eventId, eventId)).orderBy(asc(occurrences.startsAt));
  const eventById = async (id: string) => (await t.db.select().from(events).where(eq(events.id, id)))[0];

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    B = `/admin/regions/${region.id}/events`;
    editor = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] });
    admin = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'region_admin' }] });
    translator = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'translator', languages: ['en'] }] });
  });
  after(() => t.close());

  it('is linked from the region overview and creates a recurring event through the form', async () => {
    const overview = await editor.browser.get(`/admin/regions/${region.id}`);
    assert.match(overview.body, new RegExp(`href="${B}">Veranstaltungen<`));
    const form = await editor.browser.get(`${B}/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /data-module="rich-editor"/, 'the description uses the editor island');
    assert.match(form.body, /<input type="datetime-local" id="f-startLocal"/);

    const start = localInDays(7, '18:00');
    const fields: Fields = {
      title: 'Sprachcafé am Abend',
      category: 'leisure',
      descriptionHtml: '<p>Deutsch üben</p><script>alert(1)</script>',
      startLocal: start,
      endLocal: `${start.slice(0, 10)}T20:00`,
      'recurrence.freq': 'weekly',
      'recurrence.interval': '1',
      'recurrence.endMode': 'count',
      'recurrence.count': '6',
      placeName: 'Stadtbibliothek',
      city: 'Musterstadt',
      languages: ['de', 'ar'],
      registrationRequired: '1',
      capacity: '12',
      status: 'published',
    };
    // "Show the dates" without JavaScript: the form comes back with the dates, nothing saved.
    const preview = await editor.browser.submit(`${B}/new`, { ...fields, add: 'preview' });
    assert.equal(preview.statusCode, 200);
    assert.equal((preview.body.match(/<li>[^<]*<\/li>/g) ?? []).length >= 6, true);
    assert.match(preview.body, /Insgesamt 6 Termine/);
    assert.equal((await t.db.select().from(events).where(eq(events.title, 'Sprachcafé am Abend'))).length, 0);

    const res = await editor.browser.submit(`${B}/new`, fields);
    assert.equal(res.statusCode, 303);
    const [event] = await t.db.select().from(events).where(eq(events.title, 'Sprachcafé am Abend'));
    assert.ok(event);
    assert.equal(res.headers.location, `${B}/${event.id}`);
    assert.equal(event.status, 'published');
    assert.doesNotMatch(event.descriptionHtml, /script/, 'the server sanitises the description');
    assert.equal((await occurrencesOf(event.id)).length, 6);

    const page = await editor.browser.get(String(res.headers.location));
    assert.match(page.body, /Die Veranstaltung wurde angelegt/);
    assert.match(page.body, /Jede Woche am/);
    assert.match(page.body, /6 kommend, 0 abgesagt/);
    assert.equal(inputValue(page.body, 'recurrence.count'), '6');

    const dates = await editor.browser.get(`${B}/${event.id}/dates`);
    assert.equal(dates.statusCode, 200);
    assert.equal((dates.body.match(/<tr id="date-/g) ?? []).length, 6);
    assert.match(dates.body, /0 von 12/);

    // Leave the second date out: "add" shows it ticked without saving; saving removes the date.
    const second = (await occurrencesOf(event.id))[1];
    assert.ok(second);
    const url = `${B}/${event.id}`;
    const added = await editor.browser.submit(url, formOf(event, { exdatesNew: second.recurrenceId.slice(0, 10), add: 'exdates' }));
    assert.equal(added.statusCode, 200);
    assert.match(added.body, new RegExp(`name="exdates" value="${second.recurrenceId}" checked`));
    assert.equal((await eventById(event.id))?.revision, event.revision, 'nothing saved yet');
    const saved = await editor.browser.submit(url, formOf(event, { exdates: [second.recurrenceId] }));
    assert.equal(saved.statusCode, 303);
    const after = await occurrencesOf(event.id);
    assert.equal(after.length, 5);
    assert.ok(!after.some((o) => o.recurrenceId === second.recurrenceId));
  });

  it('keeps the input and names each problem at its field', async () => {
    const start = localInDays(10, '18:00');
    const base: Fields = { title: 'Elterncafé', category: 'welcome', startLocal: start, endLocal: `${start.slice(0, 10)}T20:00`, placeName: 'Rathaus', organizerName: 'Integrationsbüro' };
    const check = async (fields: Fields, field: string, text: RegExp) => {
      const res = await editor.browser.submit(`${B}/new`, fields);
      assert.equal(res.statusCode, 422, `${field}: ${res.statusCode}`);
      assert.match(res.body, /class="error-summary"/);
      assert.ok(res.body.includes(`href="#f-${field}"`), `summary links to ${field}`);
      assert.ok(res.body.includes(`id="f-${field}"`), `the field ${field} is on the page`);
      assert.match(res.body, text);
      assert.equal(inputValue(res.body, 'organizerName'), 'Integrationsbüro', 'input kept');
      return res;
    };
    await check({ ...base, endLocal: `${start.slice(0, 10)}T17:00` }, 'endLocal', /Das Ende muss nach dem Beginn liegen/);
    const until = await check({ ...base, 'recurrence.freq': 'weekly', 'recurrence.endMode': 'until', 'recurrence.until': '' }, 'recurrence.until', /bis wann die Reihe läuft/);
    assert.match(until.body, /<option value="weekly" selected/);
    await check({ ...base, 'recurrence.freq': 'daily', 'recurrence.endMode': 'until', 'recurrence.until': localInDays(900).slice(0, 10) }, 'recurrence.freq', /mehr als 500 Termine/);
    await check({ ...base, exdates: [start] }, 'recurrence.freq', /keinen einzigen Termin/);
    await check({ ...base, startLocal: start.slice(0, 10) }, 'startLocal', /auch eine Uhrzeit/);
    // Form and service problems at once.
    const both = await check({ ...base, title: '', price: 'zehn' }, 'price', /Betrag zwischen 0 und 100/);
    assert.ok(both.body.includes('href="#f-title"'));
    assert.equal((await t.db.select().from(events).where(eq(events.organizerName, 'Integrationsbüro'))).length, 0, 'nothing saved');
  });

  it('refuses a stale save with 409, shows what is stored and keeps the user’s values', async () => {
    const { event } = await buildEvent(t.db, region.id, { title: 'Runder Tisch Migration', organizerName: 'Kreis' });
    const url = `${B}/${event.id}`;
    const page = await editor.browser.get(url);
    const revision = inputValue(page.body, 'revision') ?? '';
    assert.equal(revision, String(event.revision));
    const first = await editor.browser.submit(url, formOf(event, { organizerName: 'Kollegin', revision }));
    assert.equal(first.statusCode, 303);
    const second = await editor.browser.submit(url, formOf(event, { title: 'Runder Tisch Integration', revision }));
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Jemand hat diese Veranstaltung inzwischen geändert/);
    assert.match(second.body, /<dt>Veranstalter<\/dt><dd><bdi>Kollegin<\/bdi><\/dd>/);
    assert.equal(inputValue(second.body, 'title'), 'Runder Tisch Integration');
    assert.equal(inputValue(second.body, 'revision'), String(event.revision + 1));
    assert.equal((await eventById(event.id))?.title, 'Runder Tisch Migration');
    // Saving again on purpose replaces it.
    const third = await editor.browser.submit(url, formOf(event, { title: 'Runder Tisch Integration', revision: String(event.revision + 1) }));
    assert.equal(third.statusCode, 303);
    assert.equal((await eventById(event.id))?.title, 'Runder Tisch Integration');
  });

  it('refuses fewer places than people registered, at the capacity field', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { registrationRequired: true, capacity: 5 });
    assert.ok(o);
    await reg(o.id, { email: 'familie@example.org', partySize: 3 });
    const res = await editor.browser.submit(`${B}/${event.id}`, formOf(event, { capacity: '2' }));
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('href="#f-capacity"'));
    assert.match(res.body, /sind schon 3 Personen angemeldet/);
    assert.equal(inputValue(res.body, 'capacity'), '2');
    assert.equal((await eventById(event.id))?.capacity, 5);
  });

  it('cancels a date after confirming, tells its registrants by mail, and then the whole event', async () => {
    const start = localInDays(20, '10:00');
    const { event, occurrences: dates } = await buildEvent(t.db, region.id, {
      title: 'Bewerbungstraining',
      startLocal: start,
      endLocal: `${start.slice(0, 10)}T12:00`,
      recurrence: { freq: 'weekly', interval: 1, byDay: [], monthlyMode: 'day', setPos: 1, endMode: 'count', until: '', count: 3 },
      registrationRequired: true,
      capacity: 10,
    });
    const [first, second] = dates;
    assert.ok(first && second);
    await reg(first.id, { name: 'Amira', email: 'amira@example.org' });
    await reg(first.id, { name: 'Omid', phone: '0176 1234567' });
    await reg(second.id, { name: 'Olena', email: 'olena@example.org' });
    const before = (await mailsTo('amira@example.org')).length;

    const statusUrl = `${B}/${event.id}/dates/${first.id}/status`;
    const confirm = await editor.browser.submit(statusUrl, { action: 'cancel' }, { formUrl: `${B}/${event.id}/dates` });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Eine angemeldete Person bekommt eine E-Mail/);
    assert.match(confirm.body, /Eine Anmeldung hat nur eine Telefonnummer/);
    assert.match(confirm.body, /name="confirmed" value="1"/);
    assert.equal((await occurrencesOf(event.id))[0]?.status, 'scheduled', 'nothing happens before the confirmation');

    const done = await editor.browser.submit(statusUrl, { action: 'cancel', confirmed: '1', reason: 'Die Referentin ist erkrankt.' }, { formUrl: `${B}/${event.id}/dates` });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${B}/${event.id}/dates#date-${first.id}`);
    const [cancelled] = await occurrencesOf(event.id);
    assert.equal(cancelled?.status, 'cancelled');
    assert.equal(cancelled?.cancelReason, 'Die Referentin ist erkrankt.');
    const amira = await mailsTo('amira@example.org');
    assert.equal(amira.length, before + 1, 'one cancellation mail queued');
    assert.match(amira.at(-1)?.text ?? '', /Die Referentin ist erkrankt/);
    const page = await editor.browser.get(`${B}/${event.id}/dates`);
    assert.match(page.body, /Der Termin ist abgesagt/);
    assert.match(page.body, /Eine angemeldete Person wird per E-Mail benachrichtigt/);

    // Cancelling it again changes nothing and mails nobody.
    await editor.browser.submit(statusUrl, { action: 'cancel', confirmed: '1' }, { formUrl: `${B}/${event.id}/dates` });
    assert.equal((await mailsTo('amira@example.org')).length, before + 1);

    // The whole event: the dates still on are announced (Olena), the one cancelled before is not again.
    const olenaBefore = (await mailsTo('olena@example.org')).length;
    const eventConfirm = await editor.browser.submit(`${B}/${event.id}/status`, { action: 'cancel' }, { formUrl: `${B}/${event.id}` });
    assert.equal(eventConfirm.statusCode, 200);
    assert.match(eventConfirm.body, /Bewerbungstraining/);
    const cancelEvent = await editor.browser.submit(`${B}/${event.id}/status`, { action: 'cancel', confirmed: '1' }, { formUrl: `${B}/${event.id}` });
    assert.equal(cancelEvent.statusCode, 303);
    assert.equal((await eventById(event.id))?.status, 'cancelled');
    assert.equal((await mailsTo('olena@example.org')).length, olenaBefore + 1);
    assert.equal((await mailsTo('amira@example.org')).length, before + 1);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, event.id), eq(auditEvents.action, 'event.cancel')));
    assert.equal(audit.length, 1);
  });

  it('tells registrants when a rule change drops their date, and gives raised places to the waiting list', async () => {
    const start = localInDays(30, '17:00');
    const { event, occurrences: dates } = await buildEvent(t.db, region.id, {
      startLocal: start,
      endLocal: `${start.slice(0, 10)}T19:00`,
      recurrence: { freq: 'weekly', interval: 1, byDay: [], monthlyMode: 'day', setPos: 1, endMode: 'count', until: '', count: 3 },
      registrationRequired: true,
      capacity: 1,
    });
    const [first, , third] = dates;
    assert.ok(first && third);
    await reg(third.id, { email: 'dritter@example.org' });
    await reg(first.id, { email: 'platz@example.org' });
    const waiting = await reg(first.id, { email: 'wartet@example.org' });
    assert.equal(waiting.status, 'waitlisted');
    const before = (await mailsTo('dritter@example.org')).length;

    const res = await editor.browser.submit(`${B}/${event.id}`, formOf(event, { 'recurrence.count': '2', capacity: '2' }));
    assert.equal(res.statusCode, 303);
    const after = await occurrencesOf(event.id);
    assert.deepEqual(
      after.map((o) => [o.status, o.cancelReason]),
      [
        ['scheduled', null],
        ['scheduled', null],
        ['cancelled', 'removed_from_series'],
      ],
    );
    assert.equal((await mailsTo('dritter@example.org')).length, before + 1, 'the dropped date is announced');
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, waiting.registration.id));
    assert.equal(promoted?.status, 'confirmed', 'the raised capacity went to the waiting party');
    const page = await editor.browser.get(String(res.headers.location));
    assert.match(page.body, /Ein Termin mit Anmeldungen ist aus der Reihe gefallen und wurde abgesagt/);
    assert.match(page.body, /Eine Anmeldung ist von der Warteliste nachgerückt/);
    const datesPage = await editor.browser.get(`${B}/${event.id}/dates`);
    assert.match(datesPage.body, /nicht mehr Teil der Reihe/);
  });

  it('exports the registrations of a date as CSV with formulas defused', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { registrationRequired: true, capacity: 20 });
    assert.ok(o);
    await reg(o.id, { name: '=HYPERLINK("http://evil.example","klick")', email: 'csv@example.org', partySize: 2, accessibilityNeeds: '+Rollstuhl' });
    await reg(o.id, { name: 'Zeynep Kaya', phone: '+49 211 987654' });
    const res = await editor.browser.get(`${B}/${event.id}/dates/${o.id}/registrations.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="registrations-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0], 'Name,E-Mail,Telefon,Sprache,Personen,Bedarf an Barrierefreiheit,Status,Angemeldet am,Eingecheckt am');
    assert.ok(lines[1]?.startsWith(`"'=HYPERLINK(""http://evil.example"",""klick"")",csv@example.org,,ar,2,'+Rollstuhl,Bestätigt,`), lines[1]);
    assert.ok(lines[2]?.startsWith("Zeynep Kaya,,'+49211987654,ar,1,,Bestätigt,"), lines[2]);
    // The page lists them, with the name escaped.
    const page = await editor.browser.get(`${B}/${event.id}/dates/${o.id}`);
    assert.match(page.body, /=HYPERLINK\(&quot;http/);
    assert.match(page.body, /registrations\.csv/);
  });

  it('checks people in and out with plain forms; only confirmed ones', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { registrationRequired: true, capacity: 1 });
    assert.ok(o);
    const yes = await reg(o.id, { name: 'Ahmad', email: 'ahmad@example.org' });
    const waiting = await reg(o.id, { name: 'Lina', email: 'lina@example.org' });
    assert.equal(waiting.status, 'waitlisted');
    const page = `${B}/${event.id}/dates/${o.id}`;
    const res = await editor.browser.submit(`${page}/registrations/${yes.registration.id}/check-in`, { present: '1' }, { formUrl: page });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${page}#reg-${yes.registration.id}`);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, yes.registration.id));
    assert.ok(row?.checkedInAt);
    assert.equal((await occurrencesOf(event.id))[0]?.checkedIn, 1);
    assert.match((await editor.browser.get(page)).body, /Check-in zurücknehmen/);
    await editor.browser.submit(`${page}/registrations/${yes.registration.id}/check-in`, { present: '0' }, { formUrl: page });
    assert.equal((await occurrencesOf(event.id))[0]?.checkedIn, 0);

    await editor.browser.submit(`${page}/registrations/${waiting.registration.id}/check-in`, { present: '1' }, { formUrl: page });
    assert.match((await editor.browser.get(page)).body, /Nur bestätigte Anmeldungen können eingecheckt werden/);

    // A registration of another date is not reachable through this one.
    const other = await buildEvent(t.db, region.id, { registrationRequired: true });
    const [otherDate] = other.occurrences;
    assert.ok(otherDate);
    const foreign = await reg(otherDate.id, { email: 'foreign@example.org' });
    const wrong = await editor.browser.submit(`${page}/registrations/${foreign.registration.id}/check-in`, { present: '1' }, { formUrl: page });
    assert.equal(wrong.statusCode, 404);
  });

  it('cancels a registration for the registrant after confirming; the waiting list moves up', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { registrationRequired: true, capacity: 1 });
    assert.ok(o);
    const first = await reg(o.id, { name: 'Erster', email: 'erster@example.org' });
    const next = await reg(o.id, { name: 'Zweite', email: 'zweite@example.org' });
    const page = `${B}/${event.id}/dates/${o.id}`;
    const url = `${page}/registrations/${first.registration.id}/cancel`;
    const confirm = await editor.browser.submit(url, {}, { formUrl: page });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Anmeldung von Erster stornieren/);
    const done = await editor.browser.submit(url, { confirmed: '1' }, { formUrl: page });
    assert.equal(done.statusCode, 303);
    const rows = await t.db.select().from(registrations).where(eq(registrations.occurrenceId, o.id));
    assert.deepEqual(rows.map((r) => [r.name, r.status]).sort(), [['Erster', 'cancelled'], ['Zweite', 'confirmed']]);
    assert.match((await editor.browser.get(page)).body, /eine Anmeldung ist von der Warteliste nachgerückt/);
    void next;
  });

  it('shows only the counts once attendee data is deleted', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { registrationRequired: true });
    assert.ok(o);
    await reg(o.id, { email: 'purge@example.org', partySize: 2 });
    await purgeAttendeeData(t.db, { regionId: region.id, days: 30, now: new Date(o.endsAt.getTime() + 31 * 86_400_000) });
    const page = await editor.browser.get(`${B}/${event.id}/dates/${o.id}`);
    assert.match(page.body, /Die Daten der Angemeldeten wurden am .+ gelöscht \(Aufbewahrungsfrist\)\. Geblieben sind die Zahlen: 2 Personen angemeldet, 0 Anmeldungen eingecheckt\./);
    assert.doesNotMatch(page.body, /purge@example\.org/);
  });

  it('publishes and refuses to unpublish while people are registered', async () => {
    const { event, occurrences: [o] } = await buildEvent(t.db, region.id, { status: 'draft', registrationRequired: true });
    assert.ok(o);
    const url = `${B}/${event.id}`;
    assert.equal((await editor.browser.submit(`${url}/status`, { action: 'publish' }, { formUrl: url })).statusCode, 303);
    assert.equal((await eventById(event.id))?.status, 'published');
    assert.match((await editor.browser.get(url)).body, /Die Veranstaltung ist veröffentlicht/);
    await reg(o.id, { email: 'bleibt@example.org' });
    await editor.browser.submit(`${url}/status`, { action: 'unpublish' }, { formUrl: url });
    assert.match((await editor.browser.get(url)).body, /Für kommende Termine gibt es Anmeldungen/);
    assert.equal((await eventById(event.id))?.status, 'published');
  });

  it('lets a translator translate side by side; a major change makes it outdated, a minor one does not', async () => {
    const { event } = await buildEvent(t.db, region.id, { title: 'Sprachcafé im Rathaus', descriptionHtml: '<p>Deutsch sprechen</p>' });
    assert.equal((await translator.browser.get(B)).statusCode, 403, 'translators do not edit events');
    const list = await translator.browser.get(`${B}/translations`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Sprachcafé im Rathaus/);
    assert.doesNotMatch(list.body, new RegExp(`${event.id}/translations/ar`), 'only their languages');
    assert.equal((await translator.browser.get(`${B}/${event.id}/translations/ar`)).statusCode, 403);
    assert.equal((await translator.browser.get(`${B}/${event.id}/translations/de`)).statusCode, 404, 'the source is not translated');

    const url = `${B}/${event.id}/translations/en`;
    const form = await translator.browser.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /class="translate-side__source"/);
    assert.match(form.body, /<p>Deutsch sprechen<\/p>/);
    assert.match(form.body, /fehlt/);
    const empty = await translator.browser.submit(url, { title: '', descriptionHtml: '<p>x</p>', sourceRevision: String(event.majorRevision) });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.body.includes('href="#f-title"'));
    const saved = await translator.browser.submit(url, { title: 'Language café at the town hall', descriptionHtml: '<p>Speak German</p><img src=x onerror=alert(1)>', sourceRevision: String(event.majorRevision) });
    assert.equal(saved.statusCode, 303);
    const [row] = await t.db.select().from(eventTranslations).where(and(eq(eventTranslations.eventId, event.id), eq(eventTranslations.language, 'en')));
    assert.equal(row?.title, 'Language café at the town hall');
    assert.equal(row?.sourceRevision, event.majorRevision);
    assert.equal(row?.machineProvider, null);
    assert.doesNotMatch(row?.descriptionHtml ?? '', /onerror/);
    assert.equal((await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, event.id), eq(auditEvents.action, 'event.translation_save')))).length, 1);

    // Machine output is flagged until a person saves it.
    await t.db.update(eventTranslations).set({ machineProvider: 'test-mt' }).where(eq(eventTranslations.eventId, event.id));
    assert.match((await translator.browser.get(url)).body, /Maschinelle Übersetzung/);
    await translator.browser.submit(url, { title: 'Language café', descriptionHtml: '<p>Speak German</p>', sourceRevision: String(event.majorRevision) });
    assert.match((await translator.browser.get(url)).body, /aktuell/);

    const current = await eventById(event.id);
    assert.ok(current);
    const minor = await editor.browser.submit(`${B}/${event.id}`, formOf(current, { title: 'Sprachcafé im Rathaus!', minor: '1' }));
    assert.equal(minor.statusCode, 303);
    assert.match((await translator.browser.get(url)).body, /aktuell/, 'a minor change keeps translations up to date');
    const afterMinor = await eventById(event.id);
    assert.ok(afterMinor);
    const major = await editor.browser.submit(`${B}/${event.id}`, formOf(afterMinor, { descriptionHtml: '<p>Deutsch sprechen, jeden Dienstag</p>' }));
    assert.equal(major.statusCode, 303);
    const outdated = await translator.browser.get(url);
    assert.match(outdated.body, /veraltet/);
    assert.match(outdated.body, /Der Ausgangstext wurde geändert/);
    assert.match(outdated.body, /jeden Dienstag/);
    const states = await editor.browser.get(`${B}/${event.id}`);
    assert.match(states.body, /lang-state--outdated/);
  });

  it('saves the events settings for region admins only, audited and guarded by the region revision', async () => {
    await t.db.update(regions).set({ settings: sql`jsonb_set(${regions.settings}, '{directory}', '{"verifyAfterMonths": 9}'::jsonb, true)` }).where(eq(regions.id, region.id));
    const url = `${B}/settings`;
    const readonly = await editor.browser.get(url);
    assert.equal(readonly.statusCode, 200);
    assert.match(readonly.body, /Nur die Regionsverwaltung kann diese Einstellungen ändern/);
    assert.doesNotMatch(readonly.body, /name="retentionDays"/);

    const page = await admin.browser.get(url);
    const revision = inputValue(page.body, 'revision') ?? '';
    assert.equal(inputValue(page.body, 'retentionDays'), '30');
    assert.equal((await editor.browser.submit(url, { retentionDays: '14', feedIntervalHours: '12', revision }, { formUrl: `${B}` })).statusCode, 403);

    const bad = await admin.browser.submit(url, { retentionDays: '0', feedIntervalHours: '12', revision });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /ganze Zahl von 1 bis 730/);
    assert.equal(inputValue(bad.body, 'feedIntervalHours'), '12');

    const ok = await admin.browser.submit(url, { retentionDays: '14', feedIntervalHours: '12', revision });
    assert.equal(ok.statusCode, 303);
    const [stored] = await t.db.select().from(regions).where(eq(regions.id, region.id));
    assert.deepEqual(stored?.settings.events, { retentionDays: 14, reminders: false, feedIntervalHours: 12 });
    assert.deepEqual(stored?.settings.directory, { verifyAfterMonths: 9 }, 'other settings are kept');
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.regionId, region.id), eq(auditEvents.action, 'event.settings.update')));
    assert.deepEqual(audit?.changes.retentionDays, [30, 14]);

    const stale = await admin.browser.submit(url, { retentionDays: '60', reminders: '1', feedIntervalHours: '6', revision });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Jemand hat die Einstellungen der Region inzwischen geändert/);
    assert.match(stale.body, /<dd>14<\/dd>/);
    assert.equal(inputValue(stale.body, 'retentionDays'), '60');
  });
});
