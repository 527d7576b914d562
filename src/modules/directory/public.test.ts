// The directory for readers, on a real database: every filter of the list (service functions with a fixed `at`),
// distance order through the local Nominatim server and the postcode fallback, the pages through HTTP (list, detail,
// 404s, caching), the list embedded in a guide page, and the search provider in German and English.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { startFakeNominatim, type FakeNominatim } from '../../../test/support/nominatim-server.js';
import { regions } from '../../platform/schema.js';
import { createPage } from '../guide/service.js';
import { ensureDefaultTaxonomy } from './default-taxonomy.js';
import { collectRows } from './forms.js';
import { filtersSchema, listServicesForReaders, type Filters } from './public.js';
import { findServices } from './public-queries.js';
import { dirLocations, dirTaxonomyTerms, dirTranslations } from './schema.js';
import { refreshServiceSearch, writeLocation, writeOrganization, writeService } from './store.js';

// Monday 2 March 2026, 10:00 in Berlin (CET, UTC+1); Saturday 7 March 2026, 11:00.
const MONDAY_10 = new Date('2026-03-02T09:00:00Z');
const SATURDAY_11 = new Date('2026-03-07T10:00:00Z');
const weekdays = (byday: string, opensAt: string, closesAt: string) => ({ freq: 'WEEKLY' as const, byday, opensAt, closesAt });

describe('directory: public list, detail, embed and search', () => {
  let t: TestApp;
  let region: RegionRow;
  let other: RegionRow;
  let nominatim: FakeNominatim;
  const ids: Record<string, string> = {};
  let term: (code: string) => string;

  const filters = (raw: Record<string, string> = {}): Filters => filtersSchema.parse(raw);
  const names = async (raw: Record<string, string>, at = MONDAY_10, lang = 'de') => {
    const current = (await t.db.select().from(regions).where(eq(regions.id, region.id)))[0] ?? region;
    const list = await listServicesForReaders(t.db, current, lang, filters(raw), at);
    return list.cards.map((c) => c.name.text);
  };

  before(async () => {
    t = await createTestApp();
    nominatim = await startFakeNominatim();
    region = await buildRegion(t.db, { slug: 'kreis-angebote', name: 'Kreis Angebote', languages: ['de', 'en', 'ar'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    other = await buildRegion(t.db, { slug: 'kreis-anders', name: 'Kreis Anders', languages: ['de'], sourceLanguage: 'de' });
    await ensureDefaultTaxonomy(t.db, region);
    await ensureDefaultTaxonomy(t.db, other);
    const terms = await t.db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id));
    term = (code) => terms.find((x) => x.code === code)?.id ?? '';
    const checker = await buildAccount(t.db, { name: 'Integrationsbüro Beispiel' });

    const caritas = await writeOrganization(t.db, region.id, { name: 'Caritasverband Beispiel', status: 'published', phones: [{ number: '+4921110' }] });
    const city = await writeOrganization(t.db, region.id, { name: 'Stadtverwaltung Beispielstadt', status: 'published' });
    const hidden = await writeOrganization(t.db, region.id, { name: 'Entwurf e. V.', status: 'draft' });
    const center = await writeLocation(t.db, region.id, { name: 'Haus der Beratung', address1: 'Bahnhofstraße 3', postalCode: '12345', city: 'Beispielstadt', latitude: 51.2, longitude: 6.7, wheelchair: true, languages: ['ar'] });
    const village = await writeLocation(t.db, region.id, { name: 'Rathaus Musterdorf', address1: 'Markt 1', postalCode: '12349', city: 'Musterdorf', latitude: 51.256, longitude: 6.785 });
    const south = await writeLocation(t.db, region.id, { name: 'Café International', address1: 'Lindenweg 2', postalCode: '12351', city: 'Neuhausen', latitude: 51.148, longitude: 6.615 });

    ids.counselling = await writeService(t.db, region.id, {
      organizationId: caritas,
      name: 'Migrationsberatung für Erwachsene',
      description: 'Beratung zu Aufenthalt, Arbeit und Familie.',
      status: 'published',
      free: true,
      languages: ['de', 'ru'],
      termIds: [term('migration-counselling')],
      phones: [{ number: '+49211123456', languages: ['de'] }],
      email: 'mbe@example.org',
      verifiedAt: new Date('2026-03-03T10:00:00Z'),
      verifiedBy: checker.id,
      locations: [{ locationId: center }],
      schedules: [weekdays('MO,TU,WE,TH,FR', '09:00', '16:00')],
    });
    ids.jobcenter = await writeService(t.db, region.id, {
      organizationId: city,
      name: 'Arbeit und Leistungen',
      status: 'published',
      languages: ['de', 'en'],
      termIds: [term('jobcenter')],
      locations: [{ locationId: village }],
      schedules: [weekdays('MO,TU', '08:00', '12:00')],
    });
    ids.cafe = await writeService(t.db, region.id, {
      organizationId: caritas,
      name: 'Treffpunkt Neuhausen',
      status: 'published',
      languages: ['fa'],
      termIds: [term('refugee-counselling')],
      phones: [{ number: '+4921199', languages: ['uk'] }],
      locations: [{ locationId: south }],
      schedules: [weekdays('SA', '10:00', '14:00')],
    });
    ids.draft = await writeService(t.db, region.id, { organizationId: caritas, name: 'Geheimer Entwurf', status: 'draft', termIds: [term('migration-counselling')], locations: [{ locationId: center }] });
    ids.ofDraftOrg = await writeService(t.db, region.id, { organizationId: hidden, name: 'Angebot eines Entwurfs', status: 'published', termIds: [term('migration-counselling')] });
    const otherOrg = await writeOrganization(t.db, other.id, { name: 'Anderer Träger', status: 'published' });
    ids.otherRegion = await writeService(t.db, other.id, { organizationId: otherOrg, name: 'Migrationsberatung anderswo', status: 'published' });

    await t.db.insert(dirTranslations).values({ regionId: region.id, kind: 'service', entityId: ids.counselling, language: 'en', fields: { name: 'Migration counselling for adults', description: 'Advice on residence, work and family.' }, sourceRevision: 1, machineProvider: 'libretranslate' });
    await refreshServiceSearch(t.db, ids.counselling);
  });

  after(async () => {
    await nominatim.close();
    await t.close();
  });

  it('lists only published services of published organisations of the region, sorted by name', async () => {
    assert.deepEqual(await names({}), ['Arbeit und Leistungen', 'Migrationsberatung für Erwachsene', 'Treffpunkt Neuhausen']);
  });

  it('filters by category, a parent category including its children', async () => {
    assert.deepEqual(await names({ category: 'migration-counselling' }), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names({ category: 'counselling' }), ['Migrationsberatung für Erwachsene', 'Treffpunkt Neuhausen']);
    assert.deepEqual(await names({ category: 'gibt-es-nicht' }), []);
  });

  it('filters by a language spoken by the service, at its place or on its phone line', async () => {
    assert.deepEqual(await names({ language: 'ru' }), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names({ language: 'ar' }), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names({ language: 'uk' }), ['Treffpunkt Neuhausen']);
    assert.deepEqual(await names({ language: 'en' }), ['Arbeit und Leistungen']);
  });

  it('a language added to a place reaches the services there (derived filter column kept by the store)', async () => {
    const [place] = await t.db.select().from(dirLocations).where(eq(dirLocations.name, 'Haus der Beratung'));
    assert.ok(place);
    const fields = { name: place.name, address1: place.address1, postalCode: place.postalCode, city: place.city, latitude: place.latitude, longitude: place.longitude, wheelchair: place.wheelchair };
    assert.deepEqual(await names({ language: 'tr' }), []);
    await writeLocation(t.db, region.id, { ...fields, languages: ['ar', 'tr'] }, { existingId: place.id });
    assert.deepEqual(await names({ language: 'tr' }), ['Migrationsberatung für Erwachsene']);
    await writeLocation(t.db, region.id, { ...fields, languages: ['ar'] }, { existingId: place.id });
    assert.deepEqual(await names({ language: 'tr' }), []);
  });

  it('filters by open now at a given moment in the region time zone', async () => {
    assert.deepEqual(await names({ open: '1' }, MONDAY_10), ['Arbeit und Leistungen', 'Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names({ open: '1' }, SATURDAY_11), ['Treffpunkt Neuhausen']);
    assert.deepEqual(await names({ open: '1' }, new Date('2026-03-02T12:30:00Z')), ['Migrationsberatung für Erwachsene'], '13:30: the Jobcenter closed at 12');
  });

  it('filters by wheelchair access and free of charge', async () => {
    assert.deepEqual(await names({ wheelchair: '1' }), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names({ free: '1' }), ['Migrationsberatung für Erwachsene']);
  });

  it('finds services near a place through the geocoder, nearest first, within the radius', async () => {
    await t.db.update(regions).set({ settings: { directory: { geocoderUrl: nominatim.url } } }).where(eq(regions.id, region.id));
    try {
      assert.deepEqual(await names({ place: 'Musterdorf', radius: '2' }), ['Arbeit und Leistungen']);
      assert.deepEqual(await names({ place: 'Musterdorf', radius: '10' }), ['Arbeit und Leistungen', 'Migrationsberatung für Erwachsene']);
      assert.deepEqual(await names({ place: 'Musterdorf', radius: '25' }), ['Arbeit und Leistungen', 'Migrationsberatung für Erwachsene', 'Treffpunkt Neuhausen']);
      assert.ok(nominatim.requests.some((r) => r.params.q === 'Musterdorf'), 'the geocoder was asked');
    } finally {
      await t.db.update(regions).set({ settings: {} }).where(eq(regions.id, region.id));
    }
  });

  it('without a geocoder, uses the middle of the region places with that postcode or town', async () => {
    assert.deepEqual(await names({ place: '12351', radius: '5' }), ['Treffpunkt Neuhausen']);
    assert.deepEqual(await names({ place: 'neuhausen', radius: '25' }), ['Treffpunkt Neuhausen', 'Migrationsberatung für Erwachsene', 'Arbeit und Leistungen']);
    const list = await listServicesForReaders(t.db, region, 'de', filters({ place: 'Nirgendwo' }), MONDAY_10);
    assert.equal(list.placeProblem, 'not_found');
    assert.equal(list.cards.length, 0);
  });

  it('device coordinates work like a place, and distances come back from findServices', async () => {
    const found = await findServices(t.db, { regionId: region.id, language: 'de', termIds: [term('migration-counselling'), term('jobcenter')], languages: ['de'], openNow: true, near: { lat: 51.2, lon: 6.7, km: 10 }, limit: 10, offset: 0, at: MONDAY_10 });
    assert.deepEqual(found.rows.map((r) => r.id), [ids.counselling, ids.jobcenter]);
    assert.ok((found.rows[0]?.km ?? 1) < 0.01);
    assert.ok((found.rows[1]?.km ?? 0) > 8 && (found.rows[1]?.km ?? 0) < 10);
    assert.equal(found.total, 2);
  });

  it('shows the list as a GET form page that works without JavaScript', async () => {
    const res = await t.app.inject({ url: `/${region.slug}/de/services?category=jobcenter` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Arbeit und Leistungen/);
    assert.doesNotMatch(res.body, /Migrationsberatung für Erwachsene<\/a>/);
    assert.match(res.body, /<form method="get" action="\/kreis-angebote\/de\/services"/);
    assert.match(res.body, /<option value="jobcenter" selected/);
    const open = await t.app.inject({ url: `/${region.slug}/de/services?open=1` });
    assert.equal(open.headers['cache-control'], 'private, no-store', 'open-now answers are never stored');
    const unknown = await t.app.inject({ url: `/${region.slug}/de/services?place=Nirgendwo` });
    assert.match(unknown.body, /data-notice="place-not-found"/);
  });

  it('shows a map of the results when the region has a tile server, allowing its tiles in the CSP', async () => {
    await t.db.update(regions).set({ settings: { directory: { tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© OpenStreetMap' } } }).where(eq(regions.id, region.id));
    try {
      const res = await t.app.inject({ url: `/${region.slug}/de/services` });
      assert.match(res.body, /data-module="map"/);
      assert.match(res.body, /<script type="module" src="\/assets\/map\.[0-9a-f]+\.js">/);
      assert.match(res.body, /<link rel="stylesheet" href="\/assets\/map\.[0-9a-f]+\.css"/);
      assert.match(String(res.headers['content-security-policy']), /img-src [^;]*https:\/\/tiles\.example\.org/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const css = await t.app.inject({ url: /href="(\/assets\/map\.[0-9a-f]+\.css)"/.exec(res.body)?.[1] ?? '' });
      assert.match(css.body, /\.leaflet-container/, 'Leaflet stylesheet served');
    } finally {
      await t.db.update(regions).set({ settings: {} }).where(eq(regions.id, region.id));
    }
    const plain = await t.app.inject({ url: `/${region.slug}/de/services` });
    assert.doesNotMatch(plain.body, /data-module="map"/, 'no tiles: the list alone');
  });

  it('shows a detail page with call link, hours, languages, directions and last verification', async () => {
    const res = await t.app.inject({ url: `/${region.slug}/de/services/${ids.counselling}` });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1 id="dir-title">Migrationsberatung für Erwachsene<\/h1>/);
    assert.match(html, /Caritasverband Beispiel/);
    assert.match(html, /href="tel:\+49211123456"/);
    assert.match(html, /href="mailto:mbe@example.org"/);
    assert.match(html, /openstreetmap\.org\/directions\?to=51\.200000%2C6\.700000/);
    assert.match(html, /class="dir-hours"/);
    assert.match(html, /Montag/);
    assert.match(html, /Русский/, 'languages by their native names');
    assert.match(html, /العربية/);
    assert.match(html, /Zuletzt geprüft am 3\. März 2026 von Integrationsbüro Beispiel/);
    assert.match(html, /Das Angebot ist kostenlos/);
    assert.match(html, /Mit dem Rollstuhl erreichbar/);
  });

  it('shows translations with a machine notice, and the source text with a fallback notice', async () => {
    const en = await t.app.inject({ url: `/${region.slug}/en/services/${ids.counselling}` });
    assert.match(en.body, /Migration counselling for adults/);
    assert.match(en.body, /data-notice="machine"/);
    assert.match(en.body, /Last checked on March 3, 2026 by Integrationsbüro Beispiel/);
    const fallback = await t.app.inject({ url: `/${region.slug}/en/services/${ids.jobcenter}` });
    assert.match(fallback.body, /data-notice="fallback"/);
    assert.match(fallback.body, /<h1 id="dir-title" lang="de" dir="ltr">Arbeit und Leistungen<\/h1>/);
  });

  it('answers 404 for unpublished, other-region and unknown services', async () => {
    for (const id of [ids.draft, ids.ofDraftOrg, ids.otherRegion, '00000000-0000-0000-0000-000000000000', 'nonsense']) {
      const res = await t.app.inject({ url: `/${region.slug}/de/services/${id}` });
      assert.equal(res.statusCode, 404, String(id));
      assert.match(res.body, /Angebot nicht gefunden/);
    }
    const slugged = await t.app.inject({ url: `/${region.slug}/de/services/${ids.counselling}-migrationsberatung` });
    assert.equal(slugged.statusCode, 200, 'a readable slug after the id is fine');
  });

  it('renders a live list of a category in a guide page', async () => {
    await createPage(t.db, { system: 'test' }, {
      regionId: region.id,
      title: 'Beratung finden',
      slug: 'beratung-finden',
      contentHtml: '<p>Hier helfen Fachleute:</p><div data-embed="services" data-category="counselling"></div><p>Ende.</p>',
      status: 'published',
    });
    const res = await t.app.inject({ url: `/${region.slug}/de/beratung-finden` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-embed-rendered="services"/);
    assert.match(res.body, /Migrationsberatung für Erwachsene/);
    assert.match(res.body, /Treffpunkt Neuhausen/);
    assert.doesNotMatch(res.body, /Geheimer Entwurf/);
    assert.match(res.body, /href="\/kreis-angebote\/de\/services\?category=counselling"/);
    const [before, embed, end] = ['<p>Hier helfen', 'data-embed-rendered', '<p>Ende.</p>'].map((s) => res.body.indexOf(s));
    assert.ok(before !== undefined && embed !== undefined && end !== undefined && before < embed && embed < end, 'the list stands where the placeholder was');
  });

  it('links the list from the region home', async () => {
    const res = await t.app.inject({ url: `/${region.slug}/de/` });
    assert.match(res.body, /href="\/kreis-angebote\/de\/services"/);
  });

  it('finds services in the region search by name, category and organisation, in German and English', async () => {
    const search = async (lang: string, q: string) => (await t.app.inject({ url: `/${region.slug}/${lang}/search?q=${encodeURIComponent(q)}` })).body;
    assert.match(await search('de', 'Migrationsberatung'), new RegExp(`/services/${ids.counselling}`));
    assert.match(await search('de', 'Flüchtlingsberatung'), new RegExp(`/services/${ids.cafe}`), 'by category name');
    assert.match(await search('de', 'Stadtverwaltung'), new RegExp(`/services/${ids.jobcenter}`), 'by organisation name');
    const en = await search('en', 'counselling adults');
    assert.match(en, new RegExp(`/en/services/${ids.counselling}`));
    assert.match(en, /Migration counselling for adults/);
    assert.match(en, /class="tag search-hit__kind">Service</);
    assert.doesNotMatch(await search('de', 'Geheimer Entwurf'), /Geheimer Entwurf<\/a>/);
    // Services without an Arabic text are found by their German text, with its excerpt.
    const ar = await search('ar', 'Migrationsberatung');
    assert.match(ar, new RegExp(`/ar/services/${ids.counselling}`));
    assert.match(ar, /<mark>Migrationsberatung<\/mark>/);
    assert.doesNotMatch(await search('ar', 'Geheimer Entwurf'), /Geheimer Entwurf<\/a>/);
  });
});

describe('reading the filter form', () => {
  it('empty hidden lat/lon fields mean "no position", not 0°, 0°', () => {
    const f = filtersSchema.parse({ category: 'migration-counselling', lat: '', lon: '', radius: '10' });
    assert.equal(f.lat, undefined);
    assert.equal(f.lon, undefined);
    assert.equal(filtersSchema.parse({ lat: '51.2', lon: '6.7' }).lat, 51.2);
  });
});

describe('form rows', () => {
  it('a phone row with only the preselected type is empty; another type alone is kept (and then refused for its number)', () => {
    assert.deepEqual(collectRows({ 'phones.0.number': '', 'phones.0.type': 'voice', 'phones.1.number': '0123 45', 'phones.1.type': 'voice' }, 'phones').map((r) => r.index), [1]);
    assert.deepEqual(collectRows({ 'phones.0.number': '', 'phones.0.type': 'fax' }, 'phones').map((r) => r.index), [0]);
  });
});
