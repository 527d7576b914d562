import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { type Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { dirLocations, dirOrganizations, dirServices } from './schema.js';
import { addOrganizationEditor, saveObject } from './service.js';


describe('directory admin pages (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let editor: { browser: Browser; actor: Actor };
  let partner: { browser: Browser; actor: Actor };
  let orgId: string;
  let base: string;

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en'], sourceLanguage: 'de' });
    base = `/admin/regions/${region.id}/directory`;
    editor = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] });
    partner = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'partner' }] });
    orgId = (await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'organization', values: { name: 'Caritas Beispielkreis' } })).id;
  });
  after(() => t.close());

  it('links the directory from the region overview and lists services with filters', async () => {
    const overview = await editor.browser.get(`/admin/regions/${region.id}`);
    assert.match(overview.body, new RegExp(`href="${base}">Angebotsverzeichnis<`));
    const list = await editor.browser.get(base);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Migrationsberatung für Erwachsene/, 'default categories in the filter');
    assert.match(list.body, /Keine Angebote gefunden/);
  });

  it('creates a service through the form: 422 with values kept, more rows without data loss, then 303', async () => {
    const url = `${base}/services/new`;
    const bad = await editor.browser.submit(url, { organizationId: orgId, name: 'Sprachcafé', description: 'Deutsch üben', url: 'ftp://x', 'phones.0.number': '0211 12 34 56', 'phones.1.number': 'abc', 'weekly.0.days': ['MO', 'WE'], 'weekly.0.opens': '18:00', 'weekly.0.closes': '20:00' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-url"/);
    assert.match(bad.body, /href="#f-phones.1.number"/);
    assert.match(bad.body, /mit http:\/\/ oder https:\/\//);
    assert.equal(inputValue(bad.body, 'name'), 'Sprachcafé');
    assert.equal(inputValue(bad.body, 'phones.0.number'), '0211 12 34 56');
    assert.match(bad.body, /name="weekly.0.days" value="WE" checked/);

    const more = await editor.browser.submit(url, { organizationId: orgId, name: 'Sprachcafé', 'rows.phones': '2', 'phones.0.number': '0211 123456', add: 'phones' });
    assert.equal(more.statusCode, 200);
    assert.ok(more.body.includes('name="phones.3.number"'), 'two more phone rows');
    assert.equal(inputValue(more.body, 'phones.0.number'), '0211 123456');

    const ok = await editor.browser.submit(url, { organizationId: orgId, name: 'Sprachcafé', description: 'Deutsch üben', hsdsStatus: 'active', 'phones.0.number': '0211 12 34 56', 'weekly.0.days': ['MO', 'WE'], 'weekly.0.opens': '18:00', 'weekly.0.closes': '20:00', status: 'published' });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.db.select().from(dirServices).where(eq(dirServices.name, 'Sprachcafé'));
    assert.ok(row);
    assert.equal(ok.headers.location, `${base}/services/${row.id}`);
    const page = await editor.browser.get(String(ok.headers.location));
    assert.match(page.body, /Der Eintrag wurde angelegt/);
    assert.equal(inputValue(page.body, 'phones.0.number'), '+49211123456');
    assert.equal(inputValue(page.body, 'weekly.0.opens'), '18:00');

    // A second one with the same phone: the duplicate warning, then "create anyway".
    const dup = await editor.browser.submit(url, { organizationId: orgId, name: 'Sprachtreff', hsdsStatus: 'active', 'phones.0.number': '+49 211 123456' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, new RegExp(`href="${base}/services/${row.id}">Sprachcafé</a> \\(gleiche Telefonnummer\\)`));
    assert.match(dup.body, /name="createAnyway"/);
    const anyway = await editor.browser.submit(url, { organizationId: orgId, name: 'Sprachtreff', hsdsStatus: 'active', 'phones.0.number': '+49 211 123456', createAnyway: '1' });
    assert.equal(anyway.statusCode, 303);
  });

  it('refuses a stale save with 409, keeps the values and names what changed', async () => {
    const { id } = await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId: orgId, name: 'Jobcenter', description: 'Alt' } });
    const url = `${base}/services/${id}`;
    const form = await editor.browser.get(url);
    const revision = inputValue(form.body, 'revision') ?? '';
    const first = await editor.browser.submit(url, { organizationId: orgId, name: 'Jobcenter', description: 'Neu von Kollegin', revision });
    assert.equal(first.statusCode, 303);
    const second = await editor.browser.submit(url, { organizationId: orgId, name: 'Jobcenter Kreis', description: 'Alt', revision });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Jemand hat diesen Eintrag inzwischen geändert/);
    assert.match(second.body, /<dt>Beschreibung<\/dt><dd>Neu von Kollegin<\/dd>/);
    assert.equal(inputValue(second.body, 'name'), 'Jobcenter Kreis', 'the user’s value is kept');
    assert.equal(inputValue(second.body, 'revision'), String(Number(revision) + 1));
  });

  it('finds coordinates through the geocoder only when configured; manual coordinates always work', async () => {
    const url = `${base}/locations/new`;
    const page = await editor.browser.get(url);
    assert.match(page.body, /keine Koordinatensuche eingerichtet/);
    const res = await editor.browser.submit(url, { name: 'Rathaus', address1: 'Markt 2', postalCode: '41460', city: 'Neuss', geocode: '1' });
    assert.equal(res.statusCode, 422);
    assert.equal(inputValue(res.body, 'address1'), 'Markt 2');
    const saved = await editor.browser.submit(url, { name: 'Rathaus', address1: 'Markt 2', postalCode: '41460', city: 'Neuss', latitude: '51,1982', longitude: '6.6918' });
    assert.equal(saved.statusCode, 303);
    const [loc] = await t.db.select().from(dirLocations).where(eq(dirLocations.name, 'Rathaus'));
    assert.equal(loc?.latitude, 51.1982);
    assert.equal(loc?.geoSource, 'manual');
  });

  it('lets a partner propose a change and the editor accept it from the review queue', async () => {
    await addOrganizationEditor(t.db, editor.actor, { regionId: region.id, organizationId: orgId, email: partner.actor.email });
    const other = (await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'organization', values: { name: 'Stadtverwaltung' } })).id;
    const foreign = await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId: other, name: 'Standesamt Trauungen' } });
    const { id } = await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId: orgId, name: 'Frauenberatung' } });

    const list = await partner.browser.get(base);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Frauenberatung/);
    assert.doesNotMatch(list.body, /Standesamt Trauungen/, 'only their organisations');
    assert.equal((await partner.browser.get(`${base}/services/${foreign.id}`)).statusCode, 404);
    assert.equal((await partner.browser.get(`${base}/categories`)).statusCode, 403);

    const url = `${base}/services/${id}`;
    const form = await partner.browser.get(url);
    const res = await partner.browser.submit(url, { organizationId: orgId, name: 'Frauen- und Mädchenberatung', revision: inputValue(form.body, 'revision') ?? '' });
    assert.equal(res.statusCode, 303);
    const [row] = await t.db.select().from(dirServices).where(eq(dirServices.id, id));
    assert.equal(row?.name, 'Frauenberatung');

    const queue = await editor.browser.get(`${base}/review`);
    assert.match(queue.body, new RegExp(`href="${base}/review/service/${id}">Frauenberatung<`));
    const review = await editor.browser.get(`${base}/review/service/${id}`);
    assert.match(review.body, /<del>Frauenberatung<\/del>/);
    assert.match(review.body, /<ins>Frauen- und Mädchenberatung<\/ins>/);
    const rejectWithoutNote = await editor.browser.submit(`${base}/review/service/${id}`, { decision: 'reject', note: '' });
    assert.equal(rejectWithoutNote.statusCode, 422);
    const accept = await editor.browser.submit(`${base}/review/service/${id}`, { decision: 'accept' });
    assert.equal(accept.statusCode, 303);
    const [after] = await t.db.select().from(dirServices).where(eq(dirServices.id, id));
    assert.equal(after?.name, 'Frauen- und Mädchenberatung');
    assert.equal(after?.status, 'published');
  });

  it('bulk-verifies and archives from the list', async () => {
    const a = await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId: orgId, name: 'Schuldnerberatung' } });
    const res = await editor.browser.submit(`${base}/services/bulk`, { action: 'verify', ids: [a.id] }, { formUrl: base });
    assert.equal(res.statusCode, 303);
    const [row] = await t.db.select().from(dirServices).where(eq(dirServices.id, a.id));
    assert.equal(row?.verifiedBy, editor.actor.id);
    const none = await editor.browser.submit(`${base}/services/bulk`, { action: 'verify' }, { formUrl: base });
    assert.equal(none.statusCode, 303);
    assert.match((await editor.browser.get(base)).body, /Bitte mindestens einen Eintrag auswählen/);
    await editor.browser.submit(`${base}/services/bulk`, { action: 'archive', ids: [a.id] }, { formUrl: base });
    const [archived] = await t.db.select().from(dirServices).where(eq(dirServices.id, a.id));
    assert.equal(archived?.status, 'archived');
    const filtered = await editor.browser.get(`${base}?status=archived`);
    assert.match(filtered.body, /Schuldnerberatung/);
  });

  it('translates an organisation with the source text beside it', async () => {
    const url = `${base}/translations/organization/${orgId}/en`;
    const page = await editor.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Caritas Beispielkreis/);
    const res = await editor.browser.submit(url, { name: 'Caritas Example County', description: 'Charity' });
    assert.equal(res.statusCode, 303);
    const orgs = await editor.browser.get(`${base}/organizations`);
    assert.match(orgs.body, /dir-lang-state--up_to_date/);
    assert.equal((await editor.browser.get(`${base}/translations/organization/${orgId}/de`)).statusCode, 404, 'not the source language');
    const [org] = await t.db.select().from(dirOrganizations).where(eq(dirOrganizations.id, orgId));
    assert.ok(org);
  });

  it('edits the category tree; a used category cannot be deleted', async () => {
    const add = await editor.browser.submit(`${base}/categories`, { name: 'Wohnungssuche', parentId: '' });
    assert.equal(add.statusCode, 303);
    const page = await editor.browser.get(`${base}/categories`);
    assert.match(page.body, /Wohnungssuche/);
    const termId = /id="term-([0-9a-f-]+)" class="dir-term"><details[^>]*><summary>Wohnungssuche/.exec(page.body)?.[1] ?? '';
    assert.ok(termId);
    await saveObject(t.db, editor.actor, { regionId: region.id, kind: 'service', values: { organizationId: orgId, name: 'Wohnraumberatung', termIds: [termId] } });
    const del = await editor.browser.submit(`${base}/categories/${termId}/delete`, {}, { formUrl: `${base}/categories` });
    assert.equal(del.statusCode, 409);
    assert.match(del.body, /wird noch von 1 Angeboten verwendet/);
    const rename = await editor.browser.submit(`${base}/categories/${termId}`, { name: '' }, { formUrl: `${base}/categories` });
    assert.equal(rename.statusCode, 422);
  });
});
