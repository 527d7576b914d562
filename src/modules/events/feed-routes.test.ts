import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { type Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import { ics, startIcalServer, type FakeIcalServer } from '../../../test/support/ical-server.js';
import { eventFeeds, events } from './schema.js';
import { saveEvent } from './service.js';
import { inputOfRow } from './import.js';
import { buildEvent, localInDays } from './test-support.js';

const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('calendar feeds /{region}/{lang}/events.ics', () => {
  let t: TestApp;
  let region: RegionRow;
  let url: string;
  before(async () => {
    t = await createTestApp({ BASE_URL: 'https://wegweiser.example.org' });
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], timezone: 'Europe/Berlin' });
    url = `/${region.slug}/de/events.ics`;
  });
  after(() => t.close());

  it('serves valid iCalendar with a strong ETag, answers 304 to it, and a new ETag after a change', async () => {
    const start = localInDays(10);
    const { event } = await buildEvent(t.db, region.id, { title: 'Willkommensabend, mit Imbiss; alle sind eingeladen', recurrence: { freq: 'weekly', endMode: 'count', count: 4 }, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00` });
    const draft = await buildEvent(t.db, region.id, { title: 'Noch geheim', status: 'draft' });
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
    const maxAge = Number(/max-age=(\d+)/.exec(String(res.headers['cache-control']))?.[1]);
    assert.ok(maxAge >= 60 && maxAge <= 900, 'cached for a few minutes');
    assert.ok(res.body.endsWith('END:VCALENDAR\r\n'));
    assert.ok(res.body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
    const lines = unfolded(res.body);
    assert.ok(lines.includes(`UID:${event.id}@wegweiser.example.org`));
    assert.ok(!lines.includes(`UID:${draft.event.id}@wegweiser.example.org`), 'drafts never appear');
    assert.ok(lines.includes('SUMMARY:Willkommensabend\\, mit Imbiss\\; alle sind eingeladen'));
    assert.ok(lines.some((l) => l.startsWith('RRULE:FREQ=WEEKLY') && l.includes('COUNT=4')));
    assert.ok(lines.includes(`URL:https://wegweiser.example.org/${region.slug}/de/events/${event.id}`));
    // ical.js reads it.
    assert.equal(new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').length, 1);

    const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const head = await t.app.inject({ method: 'HEAD', url });
    assert.equal(head.statusCode, 200);

    const [row] = await t.db.select().from(events).where(eq(events.id, event.id));
    assert.ok(row);
    await saveEvent(t.db, { system: 'test' }, { regionId: region.id, id: event.id, input: { ...inputOfRow(row), title: 'Willkommensabend' } });
    const changed = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200, 'the old ETag no longer matches');
    assert.notEqual(changed.headers.etag, etag);
    assert.ok(unfolded(changed.body).includes('SUMMARY:Willkommensabend'));
  });

  it('filters by category; an unknown category is a 400 problem, a language the region does not offer a 404', async () => {
    const breakfast = await buildEvent(t.db, region.id, { title: 'Unternehmensfrühstück', category: 'company_breakfast' });
    const only = await t.app.inject({ method: 'GET', url: `${url}?category=company_breakfast` });
    assert.equal(only.statusCode, 200);
    assert.deepEqual(unfolded(only.body).filter((l) => l.startsWith('UID:')), [`UID:${breakfast.event.id}@wegweiser.example.org`]);
    const empty = await t.app.inject({ method: 'GET', url: `${url}?category=exchange_visit` });
    assert.equal(empty.statusCode, 200, 'a category without events is an empty calendar');
    assert.ok(!empty.body.includes('BEGIN:VEVENT'));

    const unknown = await t.app.inject({ method: 'GET', url: `${url}?category=party` });
    assert.equal(unknown.statusCode, 400);
    assert.match(String(unknown.headers['content-type']), /^application\/problem\+json/);
    assert.equal((unknown.json() as { code: string }).code, 'feed_category_unknown');
    const french = await t.app.inject({ method: 'GET', url: `/${region.slug}/fr/events.ics` });
    assert.equal(french.statusCode, 404);
    assert.equal((french.json() as { code: string }).code, 'language_not_offered');
    const nowhere = await t.app.inject({ method: 'GET', url: '/no-such-region/de/events.ics' });
    assert.equal(nowhere.statusCode, 404);
    const arabic = await t.app.inject({ method: 'GET', url: `/${region.slug}/ar/events.ics` });
    assert.equal(arabic.statusCode, 200);
    assert.ok(unfolded(arabic.body).includes(`URL:https://wegweiser.example.org/${region.slug}/ar/events/${breakfast.event.id}`), 'links in the feed’s language');
  });
});

describe('admin pages of imported feeds (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let server: FakeIcalServer;
  let editor: Browser;
  let base: string;
  before(async () => {
    // The test's calendar server runs on 127.0.0.1, which the import refuses unless the operator allows it.
    t = await createTestApp({ FEEDS_ALLOW_PRIVATE_HOSTS: 'true' });
    server = await startIcalServer();
    region = await buildRegion(t.db, { timezone: 'Europe/Berlin' });
    base = `/admin/regions/${region.id}/events/feeds`;
    editor = (await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] })).browser;
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('adds a feed (422 with the input kept, then 303), imports it now and shows the report', async () => {
    const list = await editor.get(base);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Noch keine Feeds/);
    assert.match(list.body, new RegExp(`href="${base}/new"`));

    const bad = await editor.submit(`${base}/new`, { name: 'Stadtkalender', url: 'ftp://stadt.example/kalender.ics', category: 'leisure', publish: 'draft', enabled: '1' }, { formUrl: `${base}/new` });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-url"/);
    assert.match(bad.body, /value="ftp:\/\/stadt.example\/kalender.ics"/, 'the input is kept');
    assert.match(bad.body, /value="Stadtkalender"/);

    const day = localInDays(6, '17:00');
    const stamp = `${day.replace(/[-:]/g, '')}00`;
    server.set('/stadt.ics', ics(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Stadt//DE', 'BEGIN:VEVENT', 'UID:fest@stadt.example', 'DTSTAMP:20261201T000000Z', 'SUMMARY:Nachbarschaftsfest', `DTSTART;TZID=Europe/Berlin:${stamp}`, 'DURATION:PT3H', 'LOCATION:Stadtpark', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:kaputt@stadt.example', 'DTSTAMP:20261201T000000Z', 'SUMMARY:Ohne Beginn', 'END:VEVENT', 'END:VCALENDAR']));
    const created = await editor.submit(`${base}/new`, { name: 'Stadtkalender', url: server.url('/stadt.ics'), category: 'leisure', publish: 'draft', enabled: '1' }, { formUrl: `${base}/new` });
    assert.equal(created.statusCode, 303);
    const feedUrl = String(created.headers.location);
    const [feed] = await t.db.select().from(eventFeeds).where(eq(eventFeeds.regionId, region.id));
    assert.ok(feed);
    assert.equal(feedUrl, `${base}/${feed.id}`);
    assert.equal(feed.publish, false);

    const dup = await editor.submit(`${base}/new`, { name: 'Noch einmal', url: server.url('/stadt.ics'), category: 'other', publish: 'draft', enabled: '1' }, { formUrl: `${base}/new` });
    assert.equal(dup.statusCode, 422, 'one URL once per region');

    const imported = await editor.submit(`${feedUrl}/import`, {}, { formUrl: feedUrl });
    assert.equal(imported.statusCode, 303);
    assert.equal(imported.headers.location, `${feedUrl}#feed-report`);
    const page = await editor.get(feedUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /1 neu, 0 geändert, 0 unverändert, 0 abgesagt, 1 abgelehnt/);
    assert.match(page.body, /Die Veranstaltung hat keinen Beginn \(DTSTART\)/, 'the reason per event');
    assert.match(page.body, /Nachbarschaftsfest/);
    const [event] = await t.db.select().from(events).where(eq(events.feedId, feed.id));
    assert.equal(event?.status, 'draft', 'this feed creates drafts');
    assert.match(page.body, new RegExp(`href="/admin/regions/${region.id}/events/${event?.id}"`));

    const listed = await editor.get(base);
    assert.match(listed.body, /Stadtkalender/);
    assert.match(listed.body, /teilweise abgelehnt/);
  });

  it('saves changes with a revision check: a stale form answers 409 and keeps what was typed', async () => {
    const [feed] = await t.db.select().from(eventFeeds).where(eq(eventFeeds.regionId, region.id));
    assert.ok(feed);
    const url = `${base}/${feed.id}`;
    const fields = { name: 'Stadtkalender (alle)', url: feed.url, category: 'other', publish: 'publish', revision: String(feed.revision) };
    const saved = await editor.submit(url, fields);
    assert.equal(saved.statusCode, 303);
    const [after1] = await t.db.select().from(eventFeeds).where(eq(eventFeeds.id, feed.id));
    assert.deepEqual([after1?.name, after1?.publish, after1?.enabled, after1?.category], ['Stadtkalender (alle)', true, false, 'other'], 'an unticked checkbox switches the import off');

    const stale = await editor.submit(url, { ...fields, name: 'Meine Fassung' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Jemand anderes hat diesen Feed inzwischen geändert/);
    assert.match(stale.body, /value="Meine Fassung"/);
    assert.match(stale.body, new RegExp(`name="revision" value="${after1?.revision}"`), 'a second save goes through deliberately');

    const missing = await editor.get(`${base}/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.statusCode, 404);
    const notUuid = await editor.get(`${base}/nope`);
    assert.equal(notUuid.statusCode, 404);
  });

  it('is for people who may edit the region’s events', async () => {
    const translator = (await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'translator' }] })).browser;
    assert.equal((await translator.get(base)).statusCode, 403);
    const anonymous = await t.app.inject({ method: 'GET', url: base });
    assert.equal(anonymous.statusCode, 303);
  });
});
