import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { type Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import { DEMO_ADDRESSES, startFakeNominatim, type FakeNominatim } from '../../../test/support/nominatim-server.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError } from '../../platform/errors.js';
import { auditEvents, regions } from '../../platform/schema.js';
import { updateRegion } from '../regions/index.js';
import { dirLocations } from './schema.js';
import { saveDirectorySettings, saveObject } from './service.js';
import { directorySettings, directorySettingsSchema } from './settings.js';
import { isTileUrl, parseDirectorySettingsForm } from './settings-form.js';


const VALID = {
  verifyAfterMonths: '12',
  tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
  tileAttribution: '© OpenStreetMap-Mitwirkende',
  geocoderUrl: '',
  centerLat: '51,2',
  centerLon: '6.7',
  holidayState: 'DE-NW',
};

describe('directory settings form (strict parsing)', () => {
  it('accepts what the lenient reader reads back unchanged', () => {
    const parsed = parseDirectorySettingsForm({ ...VALID, geocoderUrl: 'https://nominatim.openstreetmap.org/search' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.settings, { verifyAfterMonths: 12, tileUrl: VALID.tileUrl, tileAttribution: VALID.tileAttribution, geocoderUrl: 'https://nominatim.openstreetmap.org/search', centerLat: 51.2, centerLon: 6.7, holidayState: 'DE-NW' });
    assert.deepEqual(directorySettingsSchema.parse(parsed.settings), parsed.settings);
    const empty = parseDirectorySettingsForm({ verifyAfterMonths: '6' });
    assert.ok(empty.ok);
    assert.deepEqual(empty.settings, directorySettings({}), 'an empty form is the defaults');
  });

  it('knows tile URL templates', () => {
    assert.ok(isTileUrl('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png'));
    assert.ok(!isTileUrl('https://tile.example.org/{z}/{x}.png'), 'no {y}');
    assert.ok(!isTileUrl('tile.example.org/{z}/{x}/{y}.png'), 'no scheme');
    assert.ok(!isTileUrl('javascript://x/{z}/{x}/{y}'));
    assert.ok(!isTileUrl('https://tile.example.org/{zoom}/{z}/{x}/{y}.png'), 'unknown placeholder');
  });

  it('refuses each bad value with a field error, all in one round', () => {
    const parsed = parseDirectorySettingsForm({ verifyAfterMonths: '0', tileUrl: 'https://tiles.example.org/tile.png', tileAttribution: '', geocoderUrl: 'ftp://geo.example.org/search', centerLat: '51.2', centerLon: '', holidayState: 'DE-XX' });
    assert.ok(!parsed.ok);
    assert.deepEqual(Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, v.key])), {
      verifyAfterMonths: 'directory-admin.error_months',
      tileUrl: 'directory-admin.error_tile_url',
      tileAttribution: 'directory-admin.error_attribution_required',
      geocoderUrl: 'directory-admin.error_url',
      centerLon: 'directory-admin.error_coordinates_both',
      holidayState: 'validation.choose_valid',
    });
    const more = parseDirectorySettingsForm({ verifyAfterMonths: '61', centerLat: '95', centerLon: '6.7' });
    assert.ok(!more.ok);
    assert.equal(more.errors.verifyAfterMonths?.key, 'directory-admin.error_months');
    assert.equal(more.errors.centerLat?.key, 'directory-admin.error_coordinates');
    const missing = parseDirectorySettingsForm({ verifyAfterMonths: '' });
    assert.ok(!missing.ok);
    assert.equal(missing.errors.verifyAfterMonths?.key, 'validation.required');
  });
});

describe('directory settings page and location duplicates (no JavaScript)', () => {
  let t: TestApp;
  let nominatim: FakeNominatim;
  let region: RegionRow;
  let regionAdmin: { browser: Browser; actor: Actor };
  let editor: { browser: Browser; actor: Actor };
  let partner: { browser: Browser; actor: Actor };
  let base: string;
  let url: string;

  before(async () => {
    t = await createTestApp();
    nominatim = await startFakeNominatim();
    // Another module's settings live beside the directory's and must survive a save.
    region = await buildRegion(t.db, { languages: ['de', 'en'], sourceLanguage: 'de', settings: { other: { keep: true } } });
    base = `/admin/regions/${region.id}/directory`;
    url = `${base}/settings`;
    regionAdmin = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'region_admin' }] });
    editor = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] });
    partner = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'partner' }] });
    // One published service at a place with coordinates: the public list has a result to put on the map.
    const organizationId = (await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'organization', values: { name: 'Caritas Beispielkreis' } })).id;
    const locationId = (await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'location', values: { name: 'Beratungszentrum Nord', address1: 'Nordstraße 1', postalCode: '12353', city: 'Lindenau', latitude: '51.235', longitude: '6.591' } })).id;
    await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId, name: 'Migrationsberatung', locationIds: [locationId], status: 'published' } });
  });
  after(async () => {
    await nominatim.close();
    await t.close();
  });

  const stored = async () => {
    const [row] = await t.db.select().from(regions).where(eq(regions.id, region.id));
    assert.ok(row);
    return row;
  };
  const settingsAudits = () => t.db.select().from(auditEvents).where(and(eq(auditEvents.regionId, region.id), eq(auditEvents.action, 'directory.settings.update')));

  it('links the page from the directory home; the region admin gets the form with hints and the sixteen states', async () => {
    const home = await regionAdmin.browser.get(base);
    assert.match(home.body, new RegExp(`href="${url}">Einstellungen<`));
    const page = await regionAdmin.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Einstellungen des Angebotsverzeichnisses<\/h1>/);
    assert.match(page.body, new RegExp(`<form method="post" action="${url}"`));
    assert.equal(inputValue(page.body, 'verifyAfterMonths'), '6', 'the default');
    assert.equal(inputValue(page.body, 'revision'), String(region.revision));
    assert.ok(page.body.includes('https://tile.openstreetmap.org/{z}/{x}/{y}.png'), 'tile URL example in the hint');
    assert.ok(page.body.includes('https://nominatim.openstreetmap.org/search'), 'geocoder example in the hint');
    assert.match(page.body, /Nutzungsbedingungen des Kachel-Servers/);
    assert.match(page.body, /<option value(="")? selected[^>]*>Nur bundesweite Feiertage<\/option>/);
    assert.equal((page.body.match(/<option value="DE-[A-Z]{2}"/g) ?? []).length, 16);
    assert.match(page.body, /<option value="DE-NW">Nordrhein-Westfalen<\/option>/);
  });

  it('shows editors the settings without a form, refuses their save (403) and keeps partners out', async () => {
    const page = await editor.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nur die Administration der Region kann diese Einstellungen ändern/);
    assert.doesNotMatch(page.body, new RegExp(`action="${url}"`));
    const csrf = await editor.browser.csrfFrom(base);
    const res = await editor.browser.submit(url, { ...VALID, revision: String(region.revision) }, { csrf });
    assert.equal(res.statusCode, 403);
    await assert.rejects(saveDirectorySettings(t.db, editor.actor, { regionId: region.id, values: { ...VALID, revision: String(region.revision) } }), ForbiddenError);
    assert.equal((await partner.browser.get(url)).statusCode, 403);
    assert.deepEqual((await stored()).settings, { other: { keep: true } }, 'nothing saved');
    assert.equal((await settingsAudits()).length, 0);
  });

  it('answers invalid input with 422: a summary, a message at each field, the values kept, nothing saved', async () => {
    const bad = { verifyAfterMonths: '61', tileUrl: 'https://tiles.example.org/tile.png', tileAttribution: '', geocoderUrl: 'nominatim.example.org/search', centerLat: '51.2', centerLon: '', holidayState: 'DE-XX', revision: String(region.revision) };
    const res = await regionAdmin.browser.submit(url, bad);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    for (const field of ['verifyAfterMonths', 'tileUrl', 'tileAttribution', 'geocoderUrl', 'centerLon', 'holidayState']) {
      assert.match(res.body, new RegExp(`href="#f-${field}"`), `${field} in the summary`);
      assert.match(res.body, new RegExp(`id="e-${field}"`), `${field} has its message`);
    }
    assert.match(res.body, /Bitte eine ganze Zahl von 1 bis 60 angeben/);
    assert.ok(res.body.includes('die die Platzhalter {z}, {x} und {y} enthält'));
    assert.match(res.body, /Bitte Breite und Länge angeben/);
    assert.match(res.body, /Bitte geben Sie die Quellenangabe der Karte an/);
    assert.equal(inputValue(res.body, 'verifyAfterMonths'), '61');
    assert.equal(inputValue(res.body, 'tileUrl'), 'https://tiles.example.org/tile.png');
    assert.equal(inputValue(res.body, 'geocoderUrl'), 'nominatim.example.org/search');
    assert.equal(inputValue(res.body, 'centerLat'), '51.2');
    assert.deepEqual((await stored()).settings, { other: { keep: true } });
    assert.equal((await stored()).revision, region.revision);
  });

  it('saves with 303 and a flash message, keeps other settings, audits before/after, and the public list shows the map', async () => {
    const before = await regionAdmin.browser.get(`/${region.slug}/de/services`);
    assert.equal(before.statusCode, 200);
    assert.doesNotMatch(before.body, /data-module="map"/, 'no tiles yet: no map');

    const res = await regionAdmin.browser.submit(url, { ...VALID, revision: String(region.revision) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, url);
    const page = await regionAdmin.browser.get(url);
    assert.match(page.body, /Die Einstellungen wurden gespeichert/);
    assert.equal(inputValue(page.body, 'verifyAfterMonths'), '12');
    assert.equal(inputValue(page.body, 'centerLat'), '51.2');
    assert.match(page.body, /<option value="DE-NW" selected[^>]*>/);

    const row = await stored();
    assert.equal(row.revision, region.revision + 1);
    assert.deepEqual(row.settings, {
      other: { keep: true },
      directory: { verifyAfterMonths: 12, tileUrl: VALID.tileUrl, tileAttribution: VALID.tileAttribution, geocoderUrl: null, centerLat: 51.2, centerLon: 6.7, holidayState: 'DE-NW' },
    });
    const audits = await settingsAudits();
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.actorId, regionAdmin.actor.id);
    assert.equal(audits[0]?.entityType, 'region');
    assert.deepEqual(audits[0]?.changes, {
      verifyAfterMonths: [6, 12],
      tileUrl: [null, VALID.tileUrl],
      tileAttribution: ['', VALID.tileAttribution],
      centerLat: [null, 51.2],
      centerLon: [null, 6.7],
      holidayState: [null, 'DE-NW'],
    });

    const list = await t.app.inject({ url: `/${region.slug}/de/services` });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /data-module="map"/);
    assert.match(String(list.headers['content-security-policy']), /img-src [^;]*https:\/\/tiles\.example\.org/);
    region = row;
  });

  it('uses the saved geocoder in the location form', async () => {
    const locationForm = `${base}/locations/new`;
    assert.match((await editor.browser.get(locationForm)).body, /keine Koordinatensuche eingerichtet/);
    const res = await regionAdmin.browser.submit(url, { ...VALID, geocoderUrl: nominatim.url, revision: String(region.revision) });
    assert.equal(res.statusCode, 303);
    region = await stored();
    assert.equal(directorySettings(region.settings).geocoderUrl, nominatim.url);

    const address = DEMO_ADDRESSES.at(-1);
    assert.ok(address?.street);
    nominatim.reset();
    const found = await editor.browser.submit(locationForm, { name: 'Wasserturm', address1: address.street, postalCode: address.postalCode, city: address.city, geocode: '1' });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Koordinaten gefunden für/);
    assert.equal(inputValue(found.body, 'latitude'), address.lat.toFixed(6));
    assert.equal(inputValue(found.body, 'longitude'), address.lon.toFixed(6));
    assert.ok(nominatim.requests.length > 0, 'the configured geocoder was asked');
  });

  it('refuses a save from a stale tab with 409, keeps the values, names what changed; a second save goes through', async () => {
    const tabA = await regionAdmin.browser.get(url);
    const tabB = await regionAdmin.browser.get(url);
    const revision = inputValue(tabA.body, 'revision') ?? '';
    assert.equal(inputValue(tabB.body, 'revision'), revision);
    const values = { ...VALID, geocoderUrl: nominatim.url };

    const first = await regionAdmin.browser.submit(url, { ...values, verifyAfterMonths: '3', revision });
    assert.equal(first.statusCode, 303);
    const second = await regionAdmin.browser.submit(url, { ...values, holidayState: 'DE-BY', revision });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Jemand hat die Einstellungen oder die Region inzwischen geändert/);
    assert.match(second.body, /<dt>Prüfen nach \(Monaten\)<\/dt><dd><bdi>3<\/bdi><\/dd>/);
    assert.match(second.body, /<dt>Bundesland für Feiertage<\/dt><dd><bdi>Nordrhein-Westfalen<\/bdi><\/dd>/);
    assert.match(second.body, /<option value="DE-BY" selected[^>]*>/, 'the user’s choice is kept');
    assert.equal(inputValue(second.body, 'revision'), String(Number(revision) + 1));
    const afterConflict = directorySettings((await stored()).settings);
    assert.equal(afterConflict.verifyAfterMonths, 3);
    assert.equal(afterConflict.holidayState, 'DE-NW', 'the stale save changed nothing');

    // An edit of the region itself (same revision counter) also makes an open settings form stale.
    await updateRegion(t.db, regionAdmin.actor, { id: region.id, revision: Number(revision) + 1, name: 'Kreis Umbenannt' });
    const stale = await regionAdmin.browser.submit(url, { ...values, verifyAfterMonths: '3', holidayState: 'DE-BY', revision: String(Number(revision) + 1) });
    assert.equal(stale.statusCode, 409);

    const deliberate = await regionAdmin.browser.submit(url, { ...values, verifyAfterMonths: '3', holidayState: 'DE-BY', revision: inputValue(stale.body, 'revision') ?? '' });
    assert.equal(deliberate.statusCode, 303);
    const final = directorySettings((await stored()).settings);
    assert.equal(final.holidayState, 'DE-BY');
    assert.equal(final.verifyAfterMonths, 3);
  });

  it('warns about a duplicate place on create (same name and address, or within 25 m) until "create anyway"', async () => {
    const newPlace = `${base}/locations/new`;
    const first = await editor.browser.submit(newPlace, { name: 'Haus der Vereine', address1: 'Lindenstraße 4', postalCode: '12345', city: 'Beispielstadt', latitude: '51.20000', longitude: '6.70000' });
    assert.equal(first.statusCode, 303);
    const [original] = await t.db.select().from(dirLocations).where(eq(dirLocations.name, 'Haus der Vereine'));
    assert.ok(original);
    const href = `${base}/locations/${original.id}`;

    const sameAddress = await editor.browser.submit(newPlace, { name: 'Haus der  vereine', address1: 'Lindenstr. 4', postalCode: '12345', city: 'Beispielstadt' });
    assert.equal(sameAddress.statusCode, 409);
    assert.match(sameAddress.body, new RegExp(`href="${href}">Haus der Vereine</a> \\(gleicher Name und gleiche Adresse\\)`));
    assert.match(sameAddress.body, /name="createAnyway"/);
    assert.equal(inputValue(sameAddress.body, 'address1'), 'Lindenstr. 4', 'the values are kept');

    // About 11 m north of the first place, under another name.
    const near = await editor.browser.submit(newPlace, { name: 'Jugendtreff Linde', latitude: '51.20010', longitude: '6.70000' });
    assert.equal(near.statusCode, 409);
    assert.match(near.body, new RegExp(`href="${href}">Haus der Vereine</a> \\(weniger als 25 m entfernt\\)`));

    // About 100 m away: a different place.
    const farther = await editor.browser.submit(newPlace, { name: 'Sporthalle Linde', latitude: '51.20090', longitude: '6.70000' });
    assert.equal(farther.statusCode, 303);
    const sameStreetOtherTown = await editor.browser.submit(newPlace, { name: 'Haus der Vereine', address1: 'Lindenstraße 4', postalCode: '12349', city: 'Musterdorf' });
    assert.equal(sameStreetOtherTown.statusCode, 303, 'another postcode is another address');

    const anyway = await editor.browser.submit(newPlace, { name: 'Jugendtreff Linde', latitude: '51.20010', longitude: '6.70000', createAnyway: '1' });
    assert.equal(anyway.statusCode, 303);
    assert.equal((await t.db.select().from(dirLocations).where(eq(dirLocations.name, 'Jugendtreff Linde'))).length, 1);
  });
});
