import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { foldLine } from '../../platform/time/icalendar.js';
import { buildCalendar, type IcsEvent } from './ics.js';
import { regionFeed } from './ics-data.js';
import { register } from './registration.js';
import { eventTranslations, occurrences } from './schema.js';
import { saveEvent, setOccurrenceStatus } from './service.js';
import { buildEvent } from './test-support.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const BASE = 'https://wegweiser.example.org';
const ARABIC = 'مقهى اللغة: لقاء أسبوعي للتعارف وتبادل اللغات والحديث في المكتبة العامة للمدينة مع متطوعين';
const UKRAINIAN = 'Всеукраїнський семінар з питань інтеграції, визнання кваліфікацій та пошуку роботи в Німеччині';

/** The content lines of a calendar, unfolded (RFC 5545 3.1). */
const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

/** Structural checks every calendar we write must pass. */
function assertValidCalendar(text: string): void {
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'starts with BEGIN:VCALENDAR');
  assert.ok(text.endsWith('END:VCALENDAR\r\n'), 'ends with END:VCALENDAR and a final CRLF');
  assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
  assert.doesNotMatch(text, /\r[^\n]/, 'no bare CR');
  const long = text.split('\r\n').filter((l) => octets(l) > 75);
  assert.deepEqual(long, [], 'no line longer than 75 octets');
  const lines = unfolded(text);
  assert.ok(lines.includes('VERSION:2.0') && lines.some((l) => l.startsWith('PRODID:')), 'VERSION and PRODID');
  // Every VEVENT has a UID and a DTSTAMP in UTC.
  const blocks = text.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1);
  for (const block of blocks) {
    assert.match(block, /\r\nUID:[^\r]+\r\n/, 'UID on every VEVENT');
    assert.match(block, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/, 'DTSTAMP in UTC on every VEVENT');
  }
  // A VTIMEZONE for every TZID used, and no VTIMEZONE nobody uses.
  const used = new Set(lines.flatMap((l) => [...l.matchAll(/;TZID=([^;:]+)/g)].map((m) => m[1] ?? '')));
  const defined = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
  assert.deepEqual([...used].sort(), [...defined].sort(), 'VTIMEZONE for every TZID');
}

function icsEvent(overrides: Partial<IcsEvent>): IcsEvent {
  return {
    id: 'e1',
    title: 'Sprachcafé',
    description: '',
    url: `${BASE}/kreis/de/events/e1`,
    status: 'published',
    category: 'Freizeit',
    startLocal: '2026-12-08T18:00',
    endLocal: '2026-12-08T20:00',
    timeZone: 'Europe/Berlin',
    allDay: false,
    rrule: null,
    exdates: [],
    rdates: [],
    location: '',
    revision: 1,
    updatedAt: NOW,
    createdAt: NOW,
    cancelled: [],
    ...overrides,
  };
}

describe('iCalendar output (RFC 5545)', () => {
  it('folds at 75 octets, continuation space included, never inside a UTF-8 character', () => {
    for (const text of [`DESCRIPTION:${'a'.repeat(300)}`, `SUMMARY:${ARABIC}`, `SUMMARY:${UKRAINIAN}`, `SUMMARY:${'🎉ü'.repeat(60)}`]) {
      const folded = foldLine(text);
      const lines = folded.split('\r\n');
      assert.ok(lines.length > 1, 'long lines are folded');
      for (const [i, line] of lines.entries()) {
        assert.ok(octets(line) <= 75, `line ${i} has ${octets(line)} octets`);
        if (i > 0) assert.ok(line.startsWith(' '), 'continuation lines start with a space');
        // A split inside a character would show up as U+FFFD after a round trip through bytes.
        assert.doesNotMatch(Buffer.from(line, 'utf8').toString('utf8'), /\uFFFD/);
      }
      assert.equal(folded.replace(/\r\n /g, ''), text, 'unfolding gives the line back');
    }
    assert.equal(foldLine('SUMMARY:short'), 'SUMMARY:short');
  });

  it('writes CRLF lines, UIDs, UTC stamps, DATE values for all-day events, escaped text and a VTIMEZONE per TZID', async () => {
    const text = buildCalendar({
      name: 'Kreis, Süd; Nord',
      host: 'wegweiser.example.org',
      now: NOW,
      ttlHours: 6,
      events: [
        icsEvent({ id: 'a', title: ARABIC, description: 'Zeile 1\nZeile 2; mit, Komma \\ und Backslash', location: 'Kreishaus, Markt 1, 12345 Musterstadt', organizer: { name: 'Amt für Integration, Team Süd', email: 'team@example.org' }, geo: { lat: 51.2, lon: 6.7 } }),
        icsEvent({ id: 'b', title: UKRAINIAN, allDay: true, startLocal: '2026-12-10T00:00', endLocal: '2026-12-12T00:00' }),
        icsEvent({ id: 'c', title: 'Online: Anerkennung', timeZone: 'Europe/Istanbul', startLocal: '2026-12-10T19:00', endLocal: '2026-12-10T20:30', location: 'https://meet.jit.si/anerkennung' }),
        icsEvent({ id: 'd', title: 'Alias zone', timeZone: 'Europe/Kiev' }),
      ],
    });
    assertValidCalendar(text);
    const lines = unfolded(text);
    assert.ok(lines.includes('DTSTART;VALUE=DATE:20261210') && lines.includes('DTEND;VALUE=DATE:20261212'), 'all-day: VALUE=DATE, end exclusive');
    assert.ok(lines.includes('DTSTART;TZID=Europe/Istanbul:20261210T190000'), 'an event in another zone keeps it');
    assert.ok(lines.includes('DTSTART;TZID=Europe/Kiev:20261208T180000'), 'an alias zone is written as used');
    assert.ok(lines.includes('DESCRIPTION:Zeile 1\\nZeile 2\\; mit\\, Komma \\\\ und Backslash'), 'TEXT escaping');
    assert.ok(lines.includes('LOCATION:Kreishaus\\, Markt 1\\, 12345 Musterstadt'));
    assert.ok(lines.includes('X-WR-CALNAME:Kreis\\, Süd\\; Nord'));
    assert.ok(lines.includes('REFRESH-INTERVAL;VALUE=DURATION:PT6H'), 'RFC 7986 refresh interval, VALUE given once');
    assert.equal(lines.filter((l) => l.startsWith('BEGIN:VTIMEZONE')).length, 3, 'Berlin, Istanbul and Kiev once each');

    // ical.js reads back exactly what was written.
    const cal = new ICAL.Component(ICAL.parse(text));
    const byUid = new Map(cal.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]));
    assert.equal(byUid.get('a@wegweiser.example.org')?.getFirstPropertyValue('summary'), ARABIC);
    assert.equal(byUid.get('b@wegweiser.example.org')?.getFirstPropertyValue('summary'), UKRAINIAN);
    assert.equal(byUid.get('a@wegweiser.example.org')?.getFirstPropertyValue('description'), 'Zeile 1\nZeile 2; mit, Komma \\ und Backslash');
    const istanbul = byUid.get('c@wegweiser.example.org')?.getFirstPropertyValue('dtstart');
    assert.ok(istanbul instanceof ICAL.Time);
    assert.equal(istanbul.toJSDate().toISOString(), '2026-12-10T16:00:00.000Z', 'Istanbul is UTC+3');
  });
});

describe('the region feed from the database', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(database.db, { timezone: 'Europe/Berlin', languages: ['de', 'ar'] });
  });
  after(async () => database.drop());

  const system = { system: 'test' };
  const feed = (opts: { lang?: string; category?: 'round_table'; now?: Date } = {}) =>
    regionFeed(database.db, { region: { id: region.id, slug: region.slug, name: region.name, sourceLanguage: 'de' }, lang: opts.lang ?? 'de', baseUrl: BASE, host: 'wegweiser.example.org', now: opts.now ?? NOW, ...(opts.category ? { category: opts.category } : {}) });

  it('writes a weekly series across both DST changes as RRULE + EXDATE, with cancelled dates as overrides, and ical.js expands it to the stored instants', async () => {
    const series = {
      title: 'Sprachcafé, jeden Dienstag; offen für alle',
      descriptionHtml: '<p>Deutsch üben.</p><p>Mit Kaffee, Tee; und Kuchen.</p>',
      category: 'leisure' as const,
      startLocal: '2026-10-20T18:00',
      endLocal: '2026-10-20T20:00',
      recurrence: { freq: 'weekly' as const, endMode: 'until' as const, until: '2027-04-27' },
      exdates: ['2026-12-22T18:00'],
      placeName: 'Stadtbibliothek',
      street: 'Markt 1',
      postalCode: '12345',
      city: 'Musterstadt',
      registrationRequired: true,
      capacity: 10,
      status: 'published' as const,
    };
    const { event } = await saveEvent(database.db, system, { regionId: region.id, input: series, now: NOW });
    const dates = async () => database.db.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt));
    const byLocal = new Map((await dates()).map((o) => [o.recurrenceId, o]));
    // 2027-01-05 is cancelled by staff; 2027-01-12 had a registration and then left the series (EXDATE): both stay,
    // cancelled, and the feed shows both as cancelled overrides.
    const jan5 = byLocal.get('2027-01-05T18:00');
    const jan12 = byLocal.get('2027-01-12T18:00');
    assert.ok(jan5 && jan12);
    await setOccurrenceStatus(database.db, system, { regionId: region.id, occurrenceId: jan5.id, cancel: true, now: NOW });
    await register(database.db, { regionId: region.id, occurrenceId: jan12.id, form: { name: 'Amal', email: 'amal@example.org', language: 'ar' }, baseUrl: BASE, now: NOW });
    await saveEvent(database.db, system, { regionId: region.id, id: event.id, input: { ...series, exdates: ['2026-12-22T18:00', '2027-01-12T18:00'] }, now: NOW });
    const stored = await dates();
    assert.equal(stored.find((o) => o.recurrenceId === '2027-01-12T18:00')?.cancelReason, 'removed_from_series');

    const text = await feed();
    assertValidCalendar(text);
    const lines = unfolded(text);
    assert.ok(lines.includes('DTSTART;TZID=Europe/Berlin:20261020T180000'));
    assert.ok(lines.some((l) => /^RRULE:FREQ=WEEKLY;.*UNTIL=\d{8}T\d{6}Z/.test(l)), 'RRULE with UNTIL in UTC');
    assert.ok(lines.includes('EXDATE;TZID=Europe/Berlin:20261222T180000'), 'EXDATE with TZID');
    assert.ok(!lines.includes('EXDATE;TZID=Europe/Berlin:20270112T180000'), 'a date kept as cancelled is an instance, not an EXDATE');
    assert.ok(lines.includes('SUMMARY:Sprachcafé\\, jeden Dienstag\\; offen für alle'));
    assert.ok(lines.includes('DESCRIPTION:Deutsch üben.\\nMit Kaffee\\, Tee\\; und Kuchen.'));
    assert.ok(lines.includes('LOCATION:Stadtbibliothek\\, Markt 1\\, 12345 Musterstadt'));
    assert.ok(lines.includes('CATEGORIES:Freizeit'), 'the category in the reader’s language');

    const cal = new ICAL.Component(ICAL.parse(text));
    const uid = `${event.id}@wegweiser.example.org`;
    const parts = cal.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('uid') === uid);
    const master = parts.find((v) => !v.hasProperty('recurrence-id'));
    assert.ok(master);
    const overrides = parts.filter((v) => v.hasProperty('recurrence-id'));
    assert.deepEqual(overrides.map((v) => v.getFirstPropertyValue('status')), ['CANCELLED', 'CANCELLED']);
    const icalEvent = new ICAL.Event(master, { exceptions: overrides });
    const expanded: { at: string; status: string }[] = [];
    const it = icalEvent.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const details = icalEvent.getOccurrenceDetails(next);
      expanded.push({ at: details.startDate.toJSDate().toISOString(), status: String(details.item.component.getFirstPropertyValue('status')) });
    }
    assert.deepEqual(
      expanded.map((x) => x.at),
      stored.map((o) => o.startsAt.toISOString()),
      'ical.js expands the series to exactly the stored occurrences',
    );
    assert.deepEqual(
      expanded.filter((x) => x.status === 'CANCELLED').map((x) => x.at),
      stored.filter((o) => o.status === 'cancelled').map((o) => o.startsAt.toISOString()),
    );
    // 18:00 in Berlin is 16:00 UTC in summer time and 17:00 UTC in winter, on both sides of each change.
    const at = (local: string) => stored.find((o) => o.recurrenceId === local)?.startsAt.toISOString();
    assert.equal(at('2026-10-20T18:00'), '2026-10-20T16:00:00.000Z');
    assert.equal(at('2026-10-27T18:00'), '2026-10-27T17:00:00.000Z');
    assert.equal(at('2027-03-23T18:00'), '2027-03-23T17:00:00.000Z');
    assert.equal(at('2027-03-30T18:00'), '2027-03-30T16:00:00.000Z');
    assert.equal(expanded.at(-1)?.at, '2027-04-27T16:00:00.000Z', 'UNTIL includes the last day');

    // Nothing changed: the same bytes a minute later (strong ETags work).
    assert.equal(await feed({ now: new Date(NOW.getTime() + 60_000) }), text);
  });

  it('leaves drafts out, keeps cancelled events as cancelled, filters by category and speaks the reader’s language', async () => {
    const day = '2026-12-15';
    const draft = await buildEvent(database.db, region.id, { title: 'Entwurf', status: 'draft', startLocal: `${day}T10:00`, endLocal: `${day}T11:00` });
    const table = await buildEvent(database.db, region.id, { title: 'Runder Tisch Migration', category: 'round_table', startLocal: `${day}T17:00`, endLocal: `${day}T19:00` });
    const online = await buildEvent(database.db, region.id, { title: 'Online-Beratung', timeZone: 'Europe/Istanbul', startLocal: `${day}T19:00`, endLocal: `${day}T20:00`, placeName: null, street: null, postalCode: null, city: null, onlineUrl: 'https://meet.jit.si/beratung' });
    const single = await buildEvent(database.db, region.id, { title: 'Abgesagter Termin', startLocal: `${day}T09:00`, endLocal: `${day}T10:00` });
    const [only] = single.occurrences;
    assert.ok(only);
    await setOccurrenceStatus(database.db, system, { regionId: region.id, occurrenceId: only.id, cancel: true, now: NOW });
    await database.db.insert(eventTranslations).values({ regionId: region.id, eventId: table.event.id, language: 'ar', title: 'طاولة مستديرة حول الهجرة', descriptionHtml: '', sourceRevision: table.event.revision });

    const all = unfolded(await feed());
    const has = (id: string, lines: string[]) => lines.includes(`UID:${id}@wegweiser.example.org`);
    assert.ok(!has(draft.event.id, all), 'drafts never appear');
    assert.ok(has(table.event.id, all) && has(online.event.id, all));
    assert.ok(all.includes('DTSTART;TZID=Europe/Istanbul:20261215T190000'));
    const singleBlock = (await feed()).replace(/\r\n /g, '').split('BEGIN:VEVENT').find((b) => b.includes(`UID:${single.event.id}@`));
    assert.match(singleBlock ?? '', /\r\nSTATUS:CANCELLED\r\n/, 'a single cancelled date cancels the entry');

    const tables = await feed({ category: 'round_table' });
    assertValidCalendar(tables);
    const uids = unfolded(tables).filter((l) => l.startsWith('UID:'));
    assert.deepEqual(uids, [`UID:${table.event.id}@wegweiser.example.org`], 'only the category asked for');
    assert.ok(unfolded(tables).includes(`X-WR-CALNAME:${region.name} – Runder Tisch`));

    const arabic = unfolded(await feed({ lang: 'ar', category: 'round_table' }));
    assert.ok(arabic.includes('SUMMARY:طاولة مستديرة حول الهجرة'), 'the translation in the reader’s language');
  });
});
