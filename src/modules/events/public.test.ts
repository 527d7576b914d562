// Events for readers, through HTTP on a real database: the list with its filters, the month calendar, an event's and
// a date's page (fallback and machine notices, right-to-left, JSON-LD, add to calendar), the registration without
// JavaScript (422 keeps the input, duplicates and a full date), the cancel link promoting the waitlist, the region
// search in German and Arabic, the region home, and the rate limit on registrations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { writeLocation, writeOrganization, writeService } from '../directory/index.js';
import { media } from '../guide/schema.js';
import { eventTranslations, events, occurrences, registrations } from './schema.js';
import { setOccurrenceStatus, type EventRow, type OccurrenceRow } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

type Ld = Record<string, unknown> & { location?: unknown; offers?: Record<string, unknown> };

/** The JSON-LD of a page, parsed. */
function jsonLdOf(html: string): Ld {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m?.[1], 'the page has JSON-LD');
  return JSON.parse(m[1]) as Ld;
}

/** Ids of the dates listed on a page, in order. */
const listed = (html: string) => [...html.matchAll(/data-occurrence-id="([0-9a-f-]+)"/g)].map((m) => m[1]);

describe('events: public pages, registration and search', () => {
  let t: TestApp;
  let region: RegionRow;
  let other: RegionRow;
  let cafe: { event: EventRow; occurrences: OccurrenceRow[] };
  let breakfast: { event: EventRow; occurrences: OccurrenceRow[] };
  let draft: { event: EventRow; occurrences: OccurrenceRow[] };
  let elsewhere: { event: EventRow; occurrences: OccurrenceRow[] };
  let forum: { event: EventRow; occurrences: OccurrenceRow[] };
  const at = (slug: string, lang: string, rest: string) => `/${slug}/${lang}/events${rest}`;
  const page = (lang: string, rest = '') => at(region.slug, lang, rest);

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'kreis-termine', name: 'Kreis Termine', languages: ['de', 'en', 'ar'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    other = await buildRegion(t.db, { slug: 'kreis-anderswo', name: 'Kreis Anderswo', languages: ['de'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    const start = localInDays(7);
    cafe = await buildEvent(t.db, region.id, {
      title: 'Sprachcafé am Markt',
      descriptionHtml: '<p>Deutsch üben bei Kaffee und Kuchen.</p>',
      category: 'leisure',
      startLocal: start,
      endLocal: `${start.slice(0, 10)}T20:00`,
      recurrence: { freq: 'weekly', endMode: 'count', count: 3 },
      languages: ['de', 'ar'],
      mediationAvailable: true,
      city: 'Musterstadt',
      organizerName: 'Integrationsbüro Kreis Termine',
      contactEmail: 'buero@example.org',
      contactPhone: '+49 211 12345',
      accessibility: 'Eingang ohne Stufen.',
    });
    const bStart = localInDays(10, '08:30');
    breakfast = await buildEvent(t.db, region.id, {
      title: 'Unternehmensfrühstück Fachkräfte',
      descriptionHtml: '<p>Betriebe und Fachkräfte lernen sich kennen.</p>',
      category: 'company_breakfast',
      startLocal: bStart,
      endLocal: `${bStart.slice(0, 10)}T10:30`,
      languages: ['de', 'en'],
      price: 12.5,
      costNote: 'Frühstück inklusive.',
      registrationRequired: true,
      capacity: 2,
      maxPartySize: 3,
      placeName: 'Rathaus Neuhausen',
      street: 'Lindenweg 2',
      postalCode: '12351',
      city: 'Neuhausen',
    });
    draft = await buildEvent(t.db, region.id, { title: 'Geheimer Entwurf Sprachcafé', status: 'draft' });
    elsewhere = await buildEvent(t.db, other.id, { title: 'Sprachcafé anderswo' });
    const fStart = localInDays(-14, '17:00');
    forum = await buildEvent(t.db, region.id, { title: 'Runder Tisch Migration', category: 'round_table', startLocal: fStart, endLocal: `${fStart.slice(0, 10)}T19:00`, recurrence: { freq: 'weekly', interval: 4, endMode: 'count', count: 3 } });
    const past = forum.occurrences[0];
    assert.ok(past && past.endsAt < new Date(), 'the forum has a past date');
    await t.db.update(occurrences).set({ documentationPublishedAt: new Date(), minutesHtml: '<p>Protokoll</p>' }).where(eq(occurrences.id, past.id));
    // The second café date is cancelled; the café speaks Arabic too (machine translation).
    const second = cafe.occurrences[1];
    assert.ok(second);
    await setOccurrenceStatus(t.db, { system: 'test' }, { regionId: region.id, occurrenceId: second.id, cancel: true, reason: 'Die Bücherei ist wegen Wasserschaden geschlossen.' });
    await t.db.insert(eventTranslations).values({ regionId: region.id, eventId: cafe.event.id, language: 'ar', title: 'مقهى اللغة في السوق', descriptionHtml: '<p>تدرّب على الألمانية مع القهوة والكعك.</p>', sourceRevision: cafe.event.majorRevision, machineProvider: 'libretranslate' });
  });

  after(async () => t.close());

  describe('the list', () => {
    it('shows dates of published events soonest first, cancelled ones marked, never drafts or other regions', async () => {
      const res = await t.app.inject({ url: page('de') });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate');
      const ids = listed(res.body);
      const [c1, c2, c3] = cafe.occurrences;
      assert.deepEqual(ids, [c1?.id, breakfast.occurrences[0]?.id, forum.occurrences[1]?.id, c2?.id, c3?.id, forum.occurrences[2]?.id].filter(Boolean), 'past forum date left out');
      assert.doesNotMatch(res.body, /Geheimer Entwurf/);
      assert.doesNotMatch(res.body, /anderswo/);
      const cancelledItem = new RegExp(`class="ev-item ev-item--cancelled" data-occurrence-id="${c2?.id}"[\\s\\S]*?Abgesagt`);
      assert.match(res.body, cancelledItem);
      assert.match(res.body, /Noch 2 Plätze frei/);
      assert.match(res.body, /Kostenlos/);
      assert.match(res.body, /Mit Sprachmittlung/);
      assert.match(res.body, /href="\/kreis-termine\/de\/events\.ics"/, 'calendar feed');
      assert.match(res.body, /in Ihrer Kalender-App/);
      assert.match(res.body, /href="\/kreis-termine\/de\/events\/month\/\d{4}-\d{2}"/, 'month view');
      assert.match(res.body, /<form method="get" action="\/kreis-termine\/de\/events"/);
    });

    it('formats dates in the reader language and the region zone', async () => {
      const c1 = cafe.occurrences[0];
      assert.ok(c1);
      const dayDe = new Intl.DateTimeFormat('de', { dateStyle: 'full', timeZone: 'Europe/Berlin' }).format(c1.startsAt);
      const de = await t.app.inject({ url: page('de') });
      assert.ok(de.body.includes(dayDe), `German day heading ${dayDe}`);
      assert.match(de.body, /18:00–20:00 Uhr/);
      const ar = await t.app.inject({ url: page('ar') });
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.ok(ar.body.includes(new Intl.DateTimeFormat('ar', { dateStyle: 'full', timeZone: 'Europe/Berlin', calendar: 'gregory' }).format(c1.startsAt)), 'Arabic day heading');
      assert.match(ar.body, /مقهى اللغة في السوق/, 'translated title');
      assert.match(ar.body, /<span lang="de" dir="ltr">Unternehmensfrühstück Fachkräfte<\/span>/, 'untranslated title marked as German');
    });

    it('filters by category, language, date range and place, and offers the feed of the category', async () => {
      const ids = async (q: string) => listed((await t.app.inject({ url: page('de', `?${q}`) })).body);
      assert.deepEqual(await ids('category=company_breakfast'), [breakfast.occurrences[0]?.id]);
      const byCategory = await t.app.inject({ url: page('de', '?category=company_breakfast') });
      assert.match(byCategory.body, /href="\/kreis-termine\/de\/events\.ics\?category=company_breakfast"/);
      assert.match(byCategory.body, /<details class="filter-panel__toggle ev-filter-toggle">/, 'filters in effect: the form is folded');
      assert.deepEqual(await ids('language=ar'), cafe.occurrences.map((o) => o.id));
      assert.deepEqual(await ids('language=en'), [breakfast.occurrences[0]?.id]);
      assert.deepEqual(await ids(`from=${localInDays(9).slice(0, 10)}&to=${localInDays(12).slice(0, 10)}`), [breakfast.occurrences[0]?.id]);
      assert.deepEqual(await ids(`from=${localInDays(12).slice(0, 10)}&to=${localInDays(9).slice(0, 10)}`), [breakfast.occurrences[0]?.id], 'a reversed range is read the right way round');
      assert.deepEqual(await ids('place=neuhausen'), [breakfast.occurrences[0]?.id]);
      assert.deepEqual(await ids('category=nonsense&language=%3Cx%3E&from=2026-13-45&page=-3').then((x) => x.length), 6, 'wrong values are ignored');
      const none = await t.app.inject({ url: page('de', '?category=exchange_visit') });
      assert.match(none.body, /Keine Termine gefunden/);
    });
  });

  describe('the month calendar', () => {
    it('is a table of weeks from Monday with weekday names, each day listing its dates as links', async () => {
      const c1 = cafe.occurrences[0];
      assert.ok(c1);
      const month = cafe.event.startLocal.slice(0, 7);
      const res = await t.app.inject({ url: page('de', `/month/${month}`) });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<table class="ev-month"/);
      const heads = [...res.body.matchAll(/<th scope="col"><abbr title="([^"]+)">/g)].map((m) => m[1]);
      assert.deepEqual(heads, ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
      const day = cafe.event.startLocal.slice(0, 10);
      assert.match(res.body, new RegExp(`data-date="${day}"[^>]*>[\\s\\S]*?href="/kreis-termine/de/events/${cafe.event.id}/${c1.id}"`));
      assert.match(res.body, /rel="prev"/);
      assert.match(res.body, /rel="next"/);
      const ar = await t.app.inject({ url: page('ar', `/month/${month}`) });
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.match(ar.body, /<abbr title="الاثنين">/);
      const filtered = await t.app.inject({ url: page('de', `/month/${month}?category=company_breakfast`) });
      assert.doesNotMatch(filtered.body, new RegExp(`/events/${cafe.event.id}/`));
    });

    it('answers 404 for a month that is not one', async () => {
      for (const m of ['2026-13', 'dezember', '1850-01']) assert.equal((await t.app.inject({ url: page('de', `/month/${m}`) })).statusCode, 404, m);
    });
  });

  describe('an event and a date', () => {
    it('shows the event with description, dates, place, organiser, languages and costs', async () => {
      const res = await t.app.inject({ url: page('de', `/${cafe.event.id}`) });
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.match(html, /<h1 id="ev-title">Sprachcafé am Markt<\/h1>/);
      assert.match(html, /<p>Deutsch üben bei Kaffee und Kuchen.<\/p>/);
      assert.match(html, /Kreishaus/);
      assert.match(html, /Integrationsbüro Kreis Termine/);
      assert.match(html, /href="mailto:buero@example.org"/);
      assert.match(html, /href="tel:\+4921112345"/);
      assert.match(html, /<li>Arabisch<\/li>/, 'language names in the reader language');
      assert.match(html, /Es gibt Sprachmittlung/);
      assert.match(html, /Eingang ohne Stufen/);
      assert.match(html, /Die Teilnahme ist kostenlos/);
      assert.equal(listed(html).length, 3);
      const graph = jsonLdOf(html) as unknown as { name: string; startDate: string; eventStatus: string; url: string }[];
      assert.ok(Array.isArray(graph), 'one schema.org Event per coming date');
      assert.deepEqual(graph.map((g) => g.url.split('/').at(-1)), listed(html), 'the same dates as the list, in order');
      assert.equal(graph[0]?.name, 'Sprachcafé am Markt');
      assert.deepEqual(graph.map((g) => g.eventStatus.split('/').at(-1)), ['EventScheduled', 'EventCancelled', 'EventScheduled']);
      const paid = await t.app.inject({ url: page('de', `/${breakfast.event.id}`) });
      assert.match(paid.body, /Preis: 12,50\s€/);
      assert.match(paid.body, /Frühstück inklusive/);
    });

    it('links the documentation of past forum dates', async () => {
      const res = await t.app.inject({ url: page('de', `/${forum.event.id}`) });
      assert.match(res.body, new RegExp(`href="/kreis-termine/de/events/${forum.event.id}/${forum.occurrences[0]?.id}/documentation"`));
    });

    it('answers 404 for drafts, other regions and unknown ids', async () => {
      const cases = [`/${draft.event.id}`, `/${draft.event.id}/${draft.occurrences[0]?.id}`, `/${elsewhere.event.id}`, `/${cafe.event.id}/${breakfast.occurrences[0]?.id}`, '/00000000-0000-0000-0000-000000000000', '/kein-termin', `/${cafe.event.id}/nonsense.ics`];
      for (const rest of cases) {
        const res = await t.app.inject({ url: page('de', rest) });
        assert.equal(res.statusCode, 404, rest);
        assert.match(res.body, /Veranstaltung nicht gefunden/);
      }
    });

    it('shows the source text with a notice in a language without translation, and a machine notice for machine output', async () => {
      const en = await t.app.inject({ url: page('en', `/${breakfast.event.id}`) });
      assert.match(en.body, /data-notice="fallback"/);
      assert.match(en.body, /<h1 id="ev-title" lang="de" dir="ltr">Unternehmensfrühstück Fachkräfte<\/h1>/);
      assert.match(en.body, /German/);
      const ar = await t.app.inject({ url: page('ar', `/${cafe.event.id}`) });
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.match(ar.body, /<h1 id="ev-title">مقهى اللغة في السوق<\/h1>/);
      assert.match(ar.body, /data-notice="machine"/);
      assert.doesNotMatch(ar.body, /data-notice="fallback"/);
    });

    it('shows a directory place with the services there, and the image from the media library', async () => {
      const org = await writeOrganization(t.db, region.id, { name: 'Caritas Beispiel', status: 'published' });
      const locationId = await writeLocation(t.db, region.id, { name: 'Haus der Begegnung', address1: 'Bahnhofstraße 3', postalCode: '12345', city: 'Musterstadt', latitude: 51.2, longitude: 6.7 });
      const serviceId = await writeService(t.db, region.id, { organizationId: org, name: 'Migrationsberatung für Erwachsene', status: 'published', locations: [{ locationId }] });
      const [image] = await t.db.insert(media).values({ regionId: region.id, filename: 'cafe.jpg', alt: 'Menschen am Tisch', width: 1600, height: 900, widths: [320, 640, 1024], bytes: 1000 }).returning();
      assert.ok(image);
      const s = localInDays(20);
      const meet = await buildEvent(t.db, region.id, { title: 'Begegnungsabend', startLocal: s, endLocal: `${s.slice(0, 10)}T21:00`, locationId, placeName: null, street: null, postalCode: null, city: null, imageId: image.id, onlineUrl: 'https://meet.example.org/abend' });
      const o = meet.occurrences[0];
      const html = (await t.app.inject({ url: page('de', `/${meet.event.id}/${o?.id}`) })).body;
      assert.match(html, /Haus der Begegnung/);
      assert.match(html, new RegExp(`href="/kreis-termine/de/services/${serviceId}-migrationsberatung-fur-erwachsene"`), 'link to the service at the place');
      assert.match(html, /openstreetmap\.org\/directions\?to=51\.200000%2C6\.700000/);
      assert.match(html, new RegExp(`<img class="ev-image" src="/media/${image.id}/1024\\.webp" srcset="[^"]+640w[^"]*" [^>]*alt="Menschen am Tisch"`));
      const ld = jsonLdOf(html);
      assert.equal(ld.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode');
      assert.deepEqual(ld.location, [
        { '@type': 'Place', name: 'Haus der Begegnung', address: { '@type': 'PostalAddress', streetAddress: 'Bahnhofstraße 3', postalCode: '12345', addressLocality: 'Musterstadt' }, geo: { '@type': 'GeoCoordinates', latitude: 51.2, longitude: 6.7 } },
        { '@type': 'VirtualLocation', url: 'https://meet.example.org/abend' },
      ]);
      assert.deepEqual(ld.image, [`${t.config.baseUrl}/media/${image.id}/1024.webp`]);
      const byPlace = listed((await t.app.inject({ url: page('de', `?place=${locationId}`) })).body);
      assert.deepEqual(byPlace, [o?.id], 'the place filter takes a directory location');
      await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, meet.event.id));
    });

    it('has schema.org Event JSON-LD with offset, status, location and offers', async () => {
      const c1 = cafe.occurrences[0];
      assert.ok(c1);
      const ld = jsonLdOf((await t.app.inject({ url: page('de', `/${cafe.event.id}/${c1.id}`) })).body);
      assert.equal(ld['@context'], 'https://schema.org');
      assert.equal(ld['@type'], 'Event');
      assert.equal(ld.name, 'Sprachcafé am Markt');
      assert.equal(ld.description, 'Deutsch üben bei Kaffee und Kuchen.');
      const startDate = String(ld.startDate);
      assert.match(startDate, new RegExp(`^${cafe.event.startLocal}:00\\+0[12]:00$`), 'local time with the offset, not Z');
      assert.equal(Date.parse(startDate), c1.startsAt.getTime());
      assert.equal(Date.parse(String(ld.endDate)), c1.endsAt.getTime());
      assert.equal(ld.eventStatus, 'https://schema.org/EventScheduled');
      assert.equal(ld.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
      assert.deepEqual(ld.location, { '@type': 'Place', name: 'Kreishaus', address: { '@type': 'PostalAddress', streetAddress: 'Markt 1', postalCode: '12345', addressLocality: 'Musterstadt' } });
      assert.deepEqual(ld.organizer, { '@type': 'Organization', name: 'Integrationsbüro Kreis Termine', email: 'buero@example.org', telephone: '+49 211 12345' });
      assert.deepEqual(ld.inLanguage, ['de', 'ar']);
      assert.equal(ld.isAccessibleForFree, true);
      assert.equal(ld.offers, undefined);
      assert.equal(ld.url, `${t.config.baseUrl}/kreis-termine/de/events/${cafe.event.id}/${c1.id}`);

      const cancelled = jsonLdOf((await t.app.inject({ url: page('de', `/${cafe.event.id}/${cafe.occurrences[1]?.id}`) })).body);
      assert.equal(cancelled.eventStatus, 'https://schema.org/EventCancelled');

      const b = breakfast.occurrences[0];
      const paid = jsonLdOf((await t.app.inject({ url: page('en', `/${breakfast.event.id}/${b?.id}`) })).body);
      assert.deepEqual(paid.offers, { '@type': 'Offer', price: '12.50', priceCurrency: 'EUR', url: `${t.config.baseUrl}/kreis-termine/en/events/${breakfast.event.id}/${b?.id}` });
      assert.equal(paid.isAccessibleForFree, undefined);
    });

    it('shows a cancelled date as cancelled, without registration or calendar link', async () => {
      const res = await t.app.inject({ url: page('de', `/${cafe.event.id}/${cafe.occurrences[1]?.id}`) });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /data-status="cancelled"/);
      assert.match(res.body, /Dieser Termin findet nicht statt/);
      assert.match(res.body, /<p class="ev-when__reason" data-cancel-reason="true" lang="de"><bdi>Die Bücherei ist wegen Wasserschaden geschlossen\.<\/bdi>/, 'the organiser says why');
      assert.doesNotMatch(res.body, /\.ics"/);
    });

    it('offers the date as an .ics with one VEVENT in the event zone', async () => {
      const c1 = cafe.occurrences[0];
      assert.ok(c1);
      const res = await t.app.inject({ url: page('de', `/${cafe.event.id}/${c1.id}.ics`) });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
      assert.equal(res.headers['content-disposition'], `attachment; filename="sprachcafe-am-markt-${c1.recurrenceId.slice(0, 10)}.ics"`);
      const cal = new ICAL.Component(ICAL.parse(res.body) as unknown as unknown[]);
      const vevents = cal.getAllSubcomponents('vevent');
      assert.equal(vevents.length, 1);
      const dtstart = vevents[0]?.getFirstProperty('dtstart');
      assert.equal(dtstart?.getParameter('tzid'), 'Europe/Berlin');
      assert.equal(String(dtstart?.getFirstValue()), `${c1.recurrenceId}:00`);
      assert.equal(vevents[0]?.getFirstPropertyValue('summary'), 'Sprachcafé am Markt');
      assert.ok(cal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === 'Europe/Berlin'));
    });
  });

  describe('registration without JavaScript', () => {
    const b = () => breakfast.occurrences[0]?.id ?? '';
    const dateUrl = () => page('de', `/${breakfast.event.id}/${b()}`);
    const tokenOf = (location: string) => /\/events\/cancel\/([A-Za-z0-9_-]+)\?new=1$/.exec(location)?.[1] ?? '';
    let first = '';
    let waiting = '';

    it('shows the form with the places left, never stored for other readers', async () => {
      const res = await t.app.inject({ url: dateUrl() });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Es sind noch 2 Plätze frei/);
      assert.match(res.body, /<form method="post" action="\/kreis-termine\/de\/events\/[0-9a-f-]+\/[0-9a-f-]+" class="ev-register"/);
      assert.match(res.body, /name="_csrf"/);
      assert.match(res.body, /name="website"/, 'honeypot');
      assert.equal(res.headers['cache-control'], 'private, no-store');
    });

    it('answers 422 with messages at the fields and keeps the input', async () => {
      const browser = new Browser(t.app);
      const res = await browser.submit(dateUrl(), { name: '', email: 'keine-adresse', phone: '', language: 'ar', partySize: '2', accessibilityNeeds: 'Rollstuhlplatz' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /href="#f-name"/);
      assert.match(res.body, /id="e-email"/);
      assert.match(res.body, /value="keine-adresse"/);
      assert.match(res.body, /<option value="ar" selected>/);
      assert.match(res.body, /<option value="2" selected>/);
      assert.match(res.body, />Rollstuhlplatz<\/textarea>/);
      const none = await browser.submit(dateUrl(), { name: 'Amal', email: '', phone: '', language: 'de', partySize: '1' });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben/);
      assert.equal((await t.db.select().from(registrations).where(eq(registrations.occurrenceId, b()))).length, 0);
    });

    it('registers, redirects to the confirmation behind the cancel link, and refuses a duplicate with a message', async () => {
      const browser = new Browser(t.app);
      const res = await browser.submit(dateUrl(), { name: 'Amal Haddad', email: 'Amal@example.org', phone: '', language: 'ar', partySize: '2', accessibilityNeeds: '', website: '' });
      assert.equal(res.statusCode, 303);
      const location = String(res.headers.location);
      first = tokenOf(location);
      assert.ok(first, location);
      const confirmation = await browser.get(location);
      assert.equal(confirmation.statusCode, 200);
      assert.match(confirmation.body, /data-booking="confirmed"/);
      assert.match(confirmation.body, /Sie sind angemeldet/);
      assert.match(confirmation.body, /Bestätigung an \u2068amal@example.org\u2069/);
      assert.match(confirmation.body, /Anmeldung absagen/);
      assert.equal(confirmation.headers['x-robots-tag'], 'noindex');
      assert.equal(confirmation.headers['referrer-policy'], 'no-referrer');
      assert.equal(confirmation.headers['cache-control'], 'private, no-store');

      const again = await browser.submit(dateUrl(), { name: 'Amal H.', email: 'amal@example.org', language: 'de', partySize: '1' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /data-notice="registration-problem"/);
      assert.match(again.body, /schon jemand angemeldet/);
      assert.match(again.body, /value="Amal H."/, 'input kept');
    });

    it('puts the next party on the waitlist when the date is full, with its place in the queue', async () => {
      const page1 = await t.app.inject({ url: dateUrl() });
      assert.match(page1.body, /data-registration="waitlist"/);
      assert.match(page1.body, /Auf die Warteliste setzen/);
      const browser = new Browser(t.app);
      const res = await browser.submit(dateUrl(), { name: 'Olena', email: '', phone: '0151 2345678', language: 'de', partySize: '1' });
      assert.equal(res.statusCode, 303);
      waiting = tokenOf(String(res.headers.location));
      const confirmation = await browser.get(String(res.headers.location));
      assert.match(confirmation.body, /data-booking="waitlisted"/);
      assert.match(confirmation.body, /auf Platz 1/);
      assert.match(confirmation.body, /data-booking-mail="none"/, 'no e-mail: keep this link');
      const later = await new Browser(t.app).get(String(res.headers.location).replace(/\?.*$/, ''));
      assert.match(later.body, /data-booking="waitlisted"[\s\S]*auf Platz 1/, 'a later visit of the link still says the place in the queue');
      assert.doesNotMatch(later.body, /data-booking-mail=/, 'but not "a mail was sent"');
      const list = await t.app.inject({ url: page('de', '?category=company_breakfast') });
      assert.match(list.body, /Ausgebucht – Warteliste/);
    });

    it('ignores a form a bot filled in, storing nothing', async () => {
      const before = await t.db.select().from(registrations).where(eq(registrations.occurrenceId, b()));
      const browser = new Browser(t.app);
      const res = await browser.submit(dateUrl(), { name: 'Bot', email: 'bot@example.org', language: 'de', partySize: '1', website: 'https://spam.example' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, dateUrl());
      assert.equal((await t.db.select().from(registrations).where(eq(registrations.occurrenceId, b()))).length, before.length);
    });

    it('refuses a post without CSRF token', async () => {
      const res = await t.app.inject({ method: 'POST', url: dateUrl(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=X&email=x%40example.org&language=de' });
      assert.equal(res.statusCode, 403);
    });

    it('cancels through the link (twice is harmless) and moves the waiting party up', async () => {
      const cancelUrl = page('de', `/cancel/${first}`);
      const browser = new Browser(t.app);
      const view = await browser.get(cancelUrl);
      assert.equal(view.statusCode, 200);
      assert.match(view.body, /Amal Haddad/);
      assert.match(view.body, /data-status="confirmed"/);
      const res = await browser.submit(cancelUrl, {});
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${cancelUrl}?done=1`);
      const done = await browser.get(String(res.headers.location));
      assert.match(done.body, /data-booking="cancelled"/);
      assert.match(done.body, /Ihre Anmeldung ist abgesagt/);
      assert.doesNotMatch(done.body, /Anmeldung absagen/);
      const twice = await browser.submit(cancelUrl, {}, { csrf: /name="_csrf" value="([^"]+)"/.exec(view.body)?.[1] ?? '' });
      assert.equal(twice.statusCode, 303);

      const [promoted] = await t.db.select().from(registrations).where(and(eq(registrations.occurrenceId, b()), eq(registrations.phone, '01512345678')));
      assert.equal(promoted?.status, 'confirmed');
      const theirs = await t.app.inject({ url: page('de', `/cancel/${waiting}`) });
      assert.match(theirs.body, /data-status="confirmed"/);
      const [o] = await t.db.select().from(occurrences).where(eq(occurrences.id, b()));
      assert.deepEqual([o?.confirmed, o?.waitlisted], [1, 0]);
    });

    it('says a link is invalid for an unknown token or another region', async () => {
      for (const url of [page('de', '/cancel/abcdefghijklmnopqrstuvwxyz012345'), page('de', '/cancel/x'), at(other.slug, 'de', `/cancel/${waiting}`)]) {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /Dieser Link ist ungültig/);
      }
    });

    it('limits registrations per address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i += 1) {
        const res = await t.app.inject({ method: 'POST', url: dateUrl(), remoteAddress: '203.0.113.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=X' });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.at(-1), 429);
      assert.ok(statuses.slice(0, 20).every((s) => s === 403), 'the first twenty reach the CSRF check');
    });
  });

  describe('search and the region home', () => {
    it('finds published events by a word of the title in German and in an Arabic translation', async () => {
      const search = async (lang: string, q: string) => (await t.app.inject({ url: `/${region.slug}/${lang}/search?q=${encodeURIComponent(q)}` })).body;
      const de = await search('de', 'Sprachcafé');
      assert.match(de, new RegExp(`href="/kreis-termine/de/events/${cafe.event.id}"`));
      assert.doesNotMatch(de, /Geheimer Entwurf/);
      assert.doesNotMatch(de, /anderswo/);
      const skilled = await search('de', 'Fachkräfte');
      assert.match(skilled, new RegExp(`/de/events/${breakfast.event.id}"`));
      assert.match(skilled, /Betriebe und <mark>Fachkräfte<\/mark> lernen sich kennen/, 'excerpt of the description, the word marked');
      const ar = await search('ar', 'مقهى');
      assert.match(ar, new RegExp(`href="/kreis-termine/ar/events/${cafe.event.id}"`));
      assert.match(ar, /مقهى اللغة في السوق/);
      assert.match(ar, /class="tag search-hit__kind">فعالية</);
    });

    it('shows the next dates on the region home with a link to all events', async () => {
      const res = await t.app.inject({ url: `/${region.slug}/de/` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Nächste Veranstaltungen/);
      assert.match(res.body, /href="\/kreis-termine\/de\/events"/);
      assert.match(res.body, new RegExp(`href="/kreis-termine/de/events/${cafe.event.id}/${cafe.occurrences[0]?.id}"`));
      const bare = await buildRegion(t.db, { languages: ['de'] });
      const empty = await t.app.inject({ url: `/${bare.slug}/de/` });
      assert.equal(empty.statusCode, 200);
      assert.doesNotMatch(empty.body, /Nächste Veranstaltungen/, 'a region without dates has no block');
    });
  });
});
