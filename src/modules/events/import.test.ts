import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { ics, startIcalServer, type FakeIcalServer } from '../../../test/support/ical-server.js';
import type { Database } from '../../db/client.js';
import { ForbiddenError } from '../../platform/errors.js';
import { mails, regions } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { createFeed, type FeedRow } from './feed-service.js';
import { allowPrivateFeedHosts, FEED_CANCEL_REASON, fetchFeed, FeedFetchError, importDueFeeds, importFeed, inputOfRow, type FeedReport } from './import.js';
import { register } from './registration.js';
import { eventFeeds, events, occurrences, registrations } from './schema.js';
import { saveEvent, type EventRow } from './service.js';
import { localInDays } from './test-support.js';

const SYSTEM = { system: 'test' };
const BASE = 'http://localhost:3000';

/** "2026-12-18T18:00" → "20261218T180000"; a DATE → "20261218". */
const dt = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const date = (local: string) => local.slice(0, 10).replace(/-/g, '');
const utc = (at: Date) => `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
const addDays = (local: string, days: number) => `${new Date(Date.parse(`${local}:00Z`) + days * 86_400_000).toISOString().slice(0, 16)}`;

const calendar = (...events: string[][]) => ics(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Stadt Beispiel//Veranstaltungen//DE', ...events.flat(), 'END:VCALENDAR']);
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', `DTSTAMP:${utc(new Date())}`, ...lines, 'END:VEVENT'];

describe('iCal feed import', () => {
  let database: Database & { drop(): Promise<void> };
  let server: FakeIcalServer;
  let region: RegionRow;
  before(async () => {
    allowPrivateFeedHosts(true);
    database = await createTestDatabase();
    server = await startIcalServer();
    region = await buildRegion(database.db, { timezone: 'Europe/Berlin' });
  });
  after(async () => {
    await server.close();
    await database.drop();
  });
  beforeEach(() => server.reset());

  const db = () => database.db;
  const addFeed = (path: string, extra: Record<string, string> = {}, regionId = region.id) =>
    createFeed(db(), SYSTEM, { regionId, values: { name: `Feed ${path}`, url: server.url(path), category: 'leisure', publish: 'publish', enabled: '1', ...extra } });
  const run = (feed: FeedRow, opts: { now?: Date; timeoutMs?: number; maxBytes?: number } = {}) =>
    importFeed(db(), SYSTEM, { regionId: feed.regionId, feedId: feed.id, baseUrl: BASE, ...(opts.now ? { now: opts.now } : {}), fetch: { ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) } });
  const imported = async (feed: FeedRow): Promise<Map<string, EventRow>> =>
    new Map((await db().select().from(events).where(eq(events.feedId, feed.id))).map((e) => [e.sourceUid ?? '', e]));
  const datesOf = (eventId: string) => db().select().from(occurrences).where(eq(occurrences.eventId, eventId)).orderBy(asc(occurrences.startsAt));
  const actions = (report: FeedReport) => Object.fromEntries(report.lines.map((l) => [l.uid, l.action]));
  const snapshot = async (feed: FeedRow) => (await db().select({ id: events.id, revision: events.revision, status: events.status, updatedAt: events.updatedAt }).from(events).where(eq(events.feedId, feed.id))).sort((a, b) => a.id.localeCompare(b.id));

  // The feed of "Stadt Beispiel", as the dates come relative to today.
  const cafe = localInDays(3, '18:00');
  const online = localInDays(5, '19:00');
  const utcLocal = localInDays(7, '18:00');
  const allDay = localInDays(8, '00:00');
  const floating = localInDays(9, '10:00');
  const cafeEvent = (opts: { title?: string; cancelledOverride?: boolean } = {}) =>
    vevent(
      'UID:cafe@stadt.example',
      `SUMMARY:${opts.title ?? 'Sprachcafé'}`,
      'DESCRIPTION:Deutsch üben.\\n\\nMit <b>Kaffee</b> & Tee\\; für alle\\, kostenlos.',
      'LOCATION:Stadtbibliothek\\, Markt 1\\, 12345 Musterstadt',
      'URL:https://stadt.example/sprachcafe',
      `DTSTART;TZID=Europe/Berlin:${dt(cafe)}`,
      `DTEND;TZID=Europe/Berlin:${dt(cafe.slice(0, 11) + '20:00')}`,
      'RRULE:FREQ=WEEKLY;COUNT=6',
      `EXDATE;TZID=Europe/Berlin:${dt(addDays(cafe, 7))}`,
      'SEQUENCE:0',
    ).concat(opts.cancelledOverride === false ? [] : vevent('UID:cafe@stadt.example', `RECURRENCE-ID;TZID=Europe/Berlin:${dt(addDays(cafe, 14))}`, `DTSTART;TZID=Europe/Berlin:${dt(addDays(cafe, 14))}`, `DTEND;TZID=Europe/Berlin:${dt(addDays(cafe, 14).slice(0, 11) + '20:00')}`, 'SUMMARY:Sprachcafé', 'STATUS:CANCELLED'));
  const onlineEvent = vevent('UID:online@stadt.example', 'SUMMARY:Online-Beratung zur Anerkennung', `DTSTART;TZID=Europe/Istanbul:${dt(online)}`, 'DURATION:PT1H30M', 'URL:https://meet.jit.si/anerkennung-beratung');
  const utcEvent = (status = 'CONFIRMED') => {
    const start = zonedLocalToUtc(utcLocal, 'Europe/Berlin');
    assert.ok(start);
    return vevent('UID:utc@stadt.example', 'SUMMARY:Infoabend Ausbildung', `DTSTART:${utc(start)}`, `DTEND:${utc(new Date(start.getTime() + 7_200_000))}`, 'LOCATION:Rathaus', `STATUS:${status}`);
  };
  const allDayEvent = vevent('UID:allday@stadt.example', 'SUMMARY:Interkulturelle Woche', `DTSTART;VALUE=DATE:${date(allDay)}`, `DTEND;VALUE=DATE:${date(addDays(allDay, 2))}`, 'LOCATION:Innenstadt');
  const floatingEvent = vevent('UID:floating@stadt.example', 'SUMMARY:Stadtführung', `DTSTART:${dt(floating)}`, `DTEND:${dt(floating.slice(0, 11) + '12:00')}`, 'LOCATION:Treffpunkt Bahnhof');
  const pastEvent = vevent('UID:past@stadt.example', 'SUMMARY:Vorbei', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(-20, '10:00'))}`, `DTEND;TZID=Europe/Berlin:${dt(localInDays(-20, '11:00'))}`, 'LOCATION:Rathaus');
  const cityFeed = () => calendar(cafeEvent(), onlineEvent, utcEvent(), allDayEvent, floatingEvent, pastEvent);

  it('creates the events of a feed, mapped to wall-clock times, places, links and series, then leaves them alone when nothing changed', async () => {
    server.set('/city.ics', cityFeed());
    server.validators = false;
    const feed = await addFeed('/city.ics');
    const first = await run(feed);
    assert.equal(first.outcome, 'applied');
    assert.deepEqual(first.counts, { created: 5, updated: 0, unchanged: 0, cancelled: 0, refused: 0, skipped: 1 });
    const rows = await imported(feed);
    assert.deepEqual([...rows.keys()].sort(), ['allday@stadt.example', 'cafe@stadt.example', 'floating@stadt.example', 'online@stadt.example', 'utc@stadt.example']);

    const series = rows.get('cafe@stadt.example');
    assert.ok(series);
    assert.equal(series.status, 'published', 'this feed publishes at once');
    assert.equal(series.category, 'leisure');
    assert.equal(series.timeZone, 'Europe/Berlin');
    assert.equal(series.startLocal, cafe);
    assert.equal(series.rrule, 'FREQ=WEEKLY;COUNT=6');
    assert.deepEqual(series.exdates, [addDays(cafe, 7)]);
    assert.equal(series.descriptionHtml, '<p>Deutsch üben.</p><p>Mit &lt;b&gt;Kaffee&lt;/b&gt; &amp; Tee; für alle, kostenlos.</p>', 'plain text, escaped into paragraphs');
    assert.deepEqual([series.placeName, series.street, series.postalCode, series.city], ['Stadtbibliothek', 'Markt 1', '12345', 'Musterstadt']);
    assert.equal(series.sourceUrl, 'https://stadt.example/sprachcafe');
    assert.equal(series.onlineUrl, null);
    const dates = await datesOf(series.id);
    assert.equal(dates.length, 5, 'six weeks minus the EXDATE');
    const cancelled = dates.filter((o) => o.status === 'cancelled');
    assert.deepEqual(cancelled.map((o) => [o.recurrenceId, o.cancelReason]), [[addDays(cafe, 14), FEED_CANCEL_REASON]], 'the cancelled override cancels that date');

    const onlineRow = rows.get('online@stadt.example');
    assert.equal(onlineRow?.timeZone, 'Europe/Istanbul', 'a zone Intl knows is kept');
    assert.equal(onlineRow?.startLocal, online);
    assert.equal(onlineRow?.endLocal, addDays(online, 0).slice(0, 11) + '20:30', 'DURATION');
    assert.equal(onlineRow?.onlineUrl, 'https://meet.jit.si/anerkennung-beratung', 'a meeting link is where it happens');
    assert.equal(onlineRow?.sourceUrl, null);
    assert.equal(rows.get('utc@stadt.example')?.timeZone, 'Europe/Berlin', 'UTC becomes the region’s zone');
    assert.equal(rows.get('utc@stadt.example')?.startLocal, utcLocal);
    assert.equal(rows.get('utc@stadt.example')?.placeName, 'Rathaus');
    const allDayRow = rows.get('allday@stadt.example');
    assert.deepEqual([allDayRow?.allDay, allDayRow?.startLocal, allDayRow?.endLocal], [true, allDay, addDays(allDay, 2)], 'VALUE=DATE: all-day, end exclusive');
    assert.deepEqual([rows.get('floating@stadt.example')?.timeZone, rows.get('floating@stadt.example')?.startLocal], ['Europe/Berlin', floating], 'floating time in the region’s zone');

    const [stored] = await db().select().from(eventFeeds).where(eq(eventFeeds.id, feed.id));
    assert.equal(stored?.lastStatus, 'ok');
    assert.equal((stored?.lastReport as FeedReport | null)?.counts.created, 5);

    // The same feed again: nothing is rewritten.
    const before = await snapshot(feed);
    const second = await run(feed);
    assert.deepEqual(second.counts, { created: 0, updated: 0, unchanged: 5, cancelled: 0, refused: 0, skipped: 1 });
    assert.deepEqual(await snapshot(feed), before, 'no revision, status or timestamp changed');
  });

  it('sends If-None-Match and If-Modified-Since, and a 304 changes nothing', async () => {
    server.set('/etag.ics', calendar(allDayEvent));
    const feed = await addFeed('/etag.ics');
    assert.equal((await run(feed)).counts.created, 1);
    const before = await snapshot(feed);
    const again = await run(feed);
    assert.equal(again.outcome, 'not_modified');
    const last = server.requests.at(-1);
    assert.ok(last?.headers['if-none-match'], 'the ETag is sent back');
    assert.ok(last?.headers['if-modified-since'], 'so is Last-Modified');
    assert.deepEqual(await snapshot(feed), before);
    const [stored] = await db().select().from(eventFeeds).where(eq(eventFeeds.id, feed.id));
    assert.equal(stored?.lastStatus, 'not_modified');
  });

  it('updates what changed, cancels what is cancelled or gone (keeping registrations), refuses bad events and applies the rest', async () => {
    server.set('/change.ics', cityFeed());
    server.validators = false;
    const feed = await addFeed('/change.ics');
    await run(feed);
    let rows = await imported(feed);
    // Editors add what the feed does not carry: languages on the café, registration on the online event.
    const cafeRow = rows.get('cafe@stadt.example');
    const onlineRow = rows.get('online@stadt.example');
    assert.ok(cafeRow && onlineRow);
    await saveEvent(db(), SYSTEM, { regionId: region.id, id: cafeRow.id, input: { ...inputOfRow(cafeRow), languages: ['de', 'ar'], category: 'welcome' } });
    await saveEvent(db(), SYSTEM, { regionId: region.id, id: onlineRow.id, input: { ...inputOfRow(onlineRow), registrationRequired: true, capacity: 5 } });
    const [onlineDate] = await datesOf(onlineRow.id);
    assert.ok(onlineDate);
    await register(db(), { regionId: region.id, occurrenceId: onlineDate.id, form: { name: 'Olena', email: 'olena@example.org', language: 'uk' }, baseUrl: BASE });

    const bad = vevent('UID:bad@stadt.example', 'SUMMARY:Falsch herum', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(12, '18:00'))}`, `DTEND;TZID=Europe/Berlin:${dt(localInDays(12, '17:00'))}`, 'LOCATION:Rathaus');
    const runaway = vevent('UID:runaway@stadt.example', 'SUMMARY:Jeden Tag', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(12, '08:00'))}`, `DTEND;TZID=Europe/Berlin:${dt(localInDays(12, '09:00'))}`, 'RRULE:FREQ=DAILY;COUNT=2000', 'LOCATION:Rathaus');
    const noUid = ['BEGIN:VEVENT', 'SUMMARY:Ohne Kennung', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(12, '10:00'))}`, 'END:VEVENT'];
    const newOne = vevent('UID:neu@stadt.example', 'SUMMARY:Neu im Kalender', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(13, '10:00'))}`, `DTEND;TZID=Europe/Berlin:${dt(localInDays(13, '11:00'))}`, 'LOCATION:Rathaus');
    // The café is renamed and its cancelled date is back; the online event is gone; the UTC event is cancelled.
    server.set('/change.ics', calendar(cafeEvent({ title: 'Sprachcafé am Markt', cancelledOverride: false }), utcEvent('CANCELLED'), allDayEvent, floatingEvent, pastEvent, bad, runaway, noUid, newOne));
    const report = await run(feed);
    assert.equal(report.outcome, 'applied');
    assert.deepEqual(report.counts, { created: 1, updated: 1, unchanged: 2, cancelled: 2, refused: 3, skipped: 1 });
    const byUid = actions(report);
    assert.equal(byUid['cafe@stadt.example'], 'updated');
    assert.equal(byUid['online@stadt.example'], 'cancelled');
    assert.equal(byUid['utc@stadt.example'], 'cancelled');
    assert.equal(byUid['neu@stadt.example'], 'created');
    const refused = report.lines.filter((l) => l.action === 'refused');
    assert.deepEqual(refused.find((l) => l.uid === 'bad@stadt.example')?.messages?.map((m) => m.key), ['events.error_end_before_start']);
    assert.deepEqual(refused.find((l) => l.uid === 'runaway@stadt.example')?.messages?.map((m) => m.key), ['events.error_too_many']);
    assert.deepEqual(refused.find((l) => l.title === 'Ohne Kennung')?.messages?.map((m) => m.key), ['events-feeds.error_no_uid']);
    const [stored] = await db().select().from(eventFeeds).where(eq(eventFeeds.id, feed.id));
    assert.equal(stored?.lastStatus, 'partial');

    rows = await imported(feed);
    const cafeNow = rows.get('cafe@stadt.example');
    assert.equal(cafeNow?.title, 'Sprachcafé am Markt');
    assert.deepEqual(cafeNow?.languages, ['de', 'ar'], 'what editors added stays');
    assert.equal(cafeNow?.category, 'welcome');
    assert.ok(cafeNow && (await datesOf(cafeNow.id)).every((o) => o.status === 'scheduled'), 'the date the feed no longer cancels is back');
    assert.equal(rows.get('online@stadt.example')?.status, 'cancelled', 'gone from the feed: cancelled, not deleted');
    assert.equal((await db().select().from(registrations).where(eq(registrations.occurrenceId, onlineDate.id))).length, 1, 'the registration is still there');
    const told = await db().select().from(mails).where(eq(mails.to, 'olena@example.org'));
    assert.equal(told.length, 2, 'Olena got her confirmation and, now, the cancellation');
    assert.ok(told.some((m) => m.attachments.some((a) => Buffer.from(a.content, 'base64').toString('utf8').includes('STATUS:CANCELLED'))), 'with the calendar entry marked cancelled');
    assert.equal(rows.get('utc@stadt.example')?.status, 'cancelled');
    assert.equal(rows.has('bad@stadt.example') || rows.has('runaway@stadt.example'), false, 'nothing half-written');

    // The UTC event is confirmed again: reinstated as it was (published).
    server.set('/change.ics', calendar(cafeEvent({ title: 'Sprachcafé am Markt', cancelledOverride: false }), utcEvent(), allDayEvent, floatingEvent, newOne));
    const back = await run(feed);
    assert.equal(actions(back)['utc@stadt.example'], 'updated');
    assert.equal((await imported(feed)).get('utc@stadt.example')?.status, 'published');
  });

  it('never makes a draft public by cancelling it, and does not import what was cancelled before we had it', async () => {
    server.validators = false;
    const cancelledNew = vevent('UID:abgesagt@stadt.example', 'SUMMARY:Fällt aus', `DTSTART;TZID=Europe/Berlin:${dt(localInDays(4, '10:00'))}`, `DTEND;TZID=Europe/Berlin:${dt(localInDays(4, '11:00'))}`, 'LOCATION:Rathaus', 'STATUS:CANCELLED');
    server.set('/drafts.ics', calendar(floatingEvent, cancelledNew));
    const feed = await addFeed('/drafts.ics', { publish: 'draft' });
    const first = await run(feed);
    assert.deepEqual([first.counts.created, first.counts.skipped], [1, 1]);
    assert.deepEqual([...(await imported(feed)).keys()], ['floating@stadt.example']);
    assert.equal((await imported(feed)).get('floating@stadt.example')?.status, 'draft');

    const cancelledFloating = floatingEvent.map((l) => (l === 'END:VEVENT' ? 'STATUS:CANCELLED\r\nEND:VEVENT' : l));
    server.set('/drafts.ics', calendar(cancelledFloating));
    await run(feed);
    assert.equal((await imported(feed)).get('floating@stadt.example')?.status, 'draft', 'cancelled at the source, still a draft here');

    server.set('/drafts.ics', calendar(allDayEvent));
    const gone = await run(feed);
    const line = gone.lines.find((l) => l.uid === 'floating@stadt.example');
    assert.deepEqual([line?.action, line?.messages?.[0]?.key], ['unchanged', 'events-feeds.line_gone_draft']);
    assert.equal((await imported(feed)).get('floating@stadt.example')?.status, 'draft');
  });

  it('changes nothing when the feed is malformed, unreachable, too slow or too large, and says why', async () => {
    server.set('/broken.ics', cityFeed());
    server.validators = false;
    const feed = await addFeed('/broken.ics');
    await run(feed);
    const before = await snapshot(feed);
    const expectFailure = async (key: string, opts: Parameters<typeof run>[1] = {}) => {
      const report = await run(feed, opts);
      assert.equal(report.outcome, 'failed', key);
      assert.equal(report.error?.key, key);
      const [stored] = await db().select().from(eventFeeds).where(eq(eventFeeds.id, feed.id));
      assert.equal(stored?.lastStatus, 'failed');
      assert.equal((stored?.lastReport as FeedReport | null)?.error?.key, key);
      assert.deepEqual(await snapshot(feed), before, `${key}: nothing changed`);
      return report;
    };
    server.set('/broken.ics', '<!doctype html><html><body>Wartungsarbeiten</body></html>');
    await expectFailure('events-feeds.error_malformed');
    server.set('/broken.ics', cityFeed().slice(0, 400));
    await expectFailure('events-feeds.error_malformed');
    server.set('/broken.ics', '');
    await expectFailure('events-feeds.error_not_calendar');
    server.set('/broken.ics', cityFeed());
    server.mode = 'error';
    assert.deepEqual((await expectFailure('events-feeds.error_http')).error?.params, { status: 500 });
    server.mode = 'slow';
    server.delayMs = 1500;
    await expectFailure('events-feeds.error_timeout', { timeoutMs: 300 });
    server.mode = 'stall';
    await expectFailure('events-feeds.error_timeout', { timeoutMs: 300 });
    server.mode = 'huge';
    server.hugeBytes = 512 * 1024;
    await expectFailure('events-feeds.error_too_large', { maxBytes: 64 * 1024 });
    server.mode = 'ok';
    await expectFailure('events-feeds.error_too_large', { maxBytes: 1024 });
    // And it recovers once the source is fine again.
    assert.equal((await run(feed)).outcome, 'applied');
  });

  it('anchors a series that has run for years at a recent date, and keeps that anchor on the next import', async () => {
    server.set('/old.ics', calendar(vevent('UID:old@stadt.example', 'SUMMARY:Sprechstunde', 'DTSTART;TZID=Europe/Berlin:20190107T090000', 'DTEND;TZID=Europe/Berlin:20190107T120000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE', 'EXDATE;TZID=Europe/Berlin:20190109T090000', 'LOCATION:Rathaus')));
    server.validators = false;
    const feed = await addFeed('/old.ics');
    assert.equal((await run(feed)).counts.created, 1);
    const row = (await imported(feed)).get('old@stadt.example');
    assert.ok(row);
    assert.ok(row.startLocal >= localInDays(-62, '00:00') && row.startLocal <= localInDays(-29, '23:59'), `anchored within the last two months (${row.startLocal})`);
    assert.deepEqual(row.exdates, [], 'exceptions before the anchor are dropped');
    const dates = await datesOf(row.id);
    assert.ok(dates.length > 100 && dates.length < 150, `a year and a bit of Mondays and Wednesdays, not seven years (${dates.length})`);
    assert.ok(dates.every((o) => o.recurrenceId.endsWith('T09:00')));
    const again = await run(feed, { now: new Date(Date.now() + 40 * 86_400_000) });
    assert.deepEqual(actions(again), { 'old@stadt.example': 'unchanged' }, 'the anchor is stable');
  });

  it('runs one import of a feed at a time, and only people who may edit events', async () => {
    server.set('/lock.ics', calendar(allDayEvent));
    const feed = await addFeed('/lock.ics');
    await db().update(eventFeeds).set({ lastStatus: 'running', lastRunAt: new Date() }).where(eq(eventFeeds.id, feed.id));
    await assert.rejects(run(feed), (e: { code?: string }) => e.code === 'feed_import_running');
    // A run that never finished (the process died) does not block forever.
    await db().update(eventFeeds).set({ lastRunAt: new Date(Date.now() - 3_600_000) }).where(eq(eventFeeds.id, feed.id));
    assert.equal((await run(feed)).outcome, 'applied');
    const translator = { id: '00000000-0000-4000-8000-000000000001', email: 't@example.org', name: 'T', isAdmin: false, memberships: [{ regionId: region.id, role: 'translator' as const, languages: [] }] };
    await assert.rejects(importFeed(db(), translator, { regionId: region.id, feedId: feed.id, baseUrl: BASE }), ForbiddenError);
  });

  it('imports enabled feeds on schedule, each when its region’s interval has passed', async () => {
    const other = await buildRegion(db(), { timezone: 'Europe/Berlin' });
    await db()
      .update(regions)
      .set({ settings: { events: { feedIntervalHours: 6 } } })
      .where(eq(regions.id, other.id));
    server.set('/job.ics', calendar(floatingEvent));
    server.set('/off.ics', calendar(floatingEvent));
    const on = await addFeed('/job.ics', {}, other.id);
    const off = await addFeed('/off.ics', { enabled: '' }, other.id);
    const lastRun = async (f: FeedRow) => (await db().select().from(eventFeeds).where(and(eq(eventFeeds.id, f.id)))).at(0)?.lastRunAt?.getTime() ?? null;
    const start = new Date();
    await importDueFeeds(db(), { baseUrl: BASE, now: start });
    assert.equal(await lastRun(on), start.getTime(), 'a feed never run is due');
    assert.equal(await lastRun(off), null, 'a disabled feed is not imported');
    assert.equal((await imported(on)).size, 1);
    await importDueFeeds(db(), { baseUrl: BASE, now: new Date(start.getTime() + 3_600_000) });
    assert.equal(await lastRun(on), start.getTime(), 'not again after an hour');
    const later = new Date(start.getTime() + 6 * 3_600_000 - 60_000);
    await importDueFeeds(db(), { baseUrl: BASE, now: later });
    assert.equal(await lastRun(on), later.getTime(), 'again once six hours have passed (the hourly tick may come a little early)');
  });
});

describe('feed addresses in internal networks', () => {
  it('are refused unless the operator allows them (loopback, private ranges, cloud metadata, IPv6 loopback)', async () => {
    allowPrivateFeedHosts(false);
    try {
      for (const url of ['http://127.0.0.1:9/x.ics', 'http://10.1.2.3/x.ics', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x.ics', 'http://192.168.178.1/cal.ics', 'http://localhost:9/x.ics']) {
        await assert.rejects(fetchFeed(url, { etag: null, lastModified: null }), (e) => e instanceof FeedFetchError && e.key === 'events-feeds.error_private_host', url);
      }
    } finally {
      allowPrivateFeedHosts(true);
    }
  });
});
