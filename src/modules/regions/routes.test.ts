import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, signedIn } from '../../../test/fixtures.js';
import { regions } from '../../platform/schema.js';

const fields = (slug: string, extra: Record<string, string | string[]> = {}) => ({
  name: `Landkreis ${slug}`,
  slug,
  kind: 'county',
  timezone: 'Europe/Berlin',
  languages: ['de', 'en', 'ar'],
  sourceLanguage: 'de',
  contact: 'Integrationsbüro\nTelefon 0123',
  imprint: '',
  privacy: '',
  accessibilityStatement: '',
  ...extra,
});

describe('regions: admin pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('creates a region through the form, shows it, and its Arabic page is right-to-left', async () => {
    const admin = (await signedIn(t, { isAdmin: true, uiLanguage: 'de' })).browser;
    const form = await admin.get('/admin/regions/new');
    assert.equal(form.statusCode, 200);
    for (const name of ['slug', 'name', 'kind', 'timezone', 'languages', 'sourceLanguage', 'contact', 'imprint', 'privacy', 'accessibilityStatement'])
      assert.match(form.body, new RegExp(`name="${name}"`), name);
    assert.match(form.body, /العربية/, 'languages show their native names');
    const res = await admin.submit('/admin/regions/new', fields('kreis-neu'));
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    assert.match(location, /^\/admin\/regions\/[0-9a-f-]{36}$/);
    const overview = await admin.get(location);
    assert.match(overview.body, /Die Region „Landkreis kreis-neu“ wurde angelegt/);
    const ar = await t.app.inject('/kreis-neu/ar/');
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /Integrationsbüro<br\/?>Telefon 0123/);
  });

  it('refuses empty and duplicate input with 422, keeps the values and changes nothing', async () => {
    const admin = (await signedIn(t, { isAdmin: true, uiLanguage: 'en' })).browser;
    await buildRegion(t.db, { slug: 'schon-da' });
    const count = (await t.db.select().from(regions)).length;
    const dup = await admin.submit('/admin/regions/new', fields('schon-da', { name: 'Mein Kreis' }));
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /This short name is already taken|bereits vergeben/);
    assert.match(dup.body, /value="Mein Kreis"/);
    assert.match(dup.body, /href="#f-slug"/, 'the error summary links to the field');
    const empty = await admin.submit('/admin/regions/new', { name: '', slug: '', kind: 'county', timezone: 'Europe/Berlin', sourceLanguage: 'de' }, { formUrl: '/admin/regions/new' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /error-summary/);
    assert.equal((await t.db.select().from(regions)).length, count);
  });

  it('lets a region admin create a child below their county, but not a root region', async () => {
    const county = await buildRegion(t.db);
    const ra = (await signedIn(t, { roles: [{ regionId: county.id, role: 'region_admin' }] })).browser;
    assert.equal((await ra.get('/admin/regions/new')).statusCode, 403);
    const form = await ra.get(`/admin/regions/new?parent=${county.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`name="parent" value="${county.id}"`));
    const res = await ra.submit('/admin/regions/new', { ...fields('gemeinde-kind', { kind: 'municipality' }), parent: county.id }, { formUrl: `/admin/regions/new?parent=${county.id}` });
    assert.equal(res.statusCode, 303);
    const [child] = await t.db.select().from(regions).where(eq(regions.slug, 'gemeinde-kind'));
    assert.equal(child?.parentId, county.id);
    const list = await ra.get('/admin/regions');
    assert.match(list.body, /gemeinde-kind/);
  });

  it('on a second tab’s save: 409, the unsaved values in the form and the stored version beside them; nothing lost', async () => {
    const county = await buildRegion(t.db, { name: 'Kreis Original' });
    const admin = (await signedIn(t, { isAdmin: true, uiLanguage: 'de' })).browser;
    const editUrl = `/admin/regions/${county.id}/edit`;
    const tabA = await admin.get(editUrl);
    assert.match(tabA.body, /name="revision" value="1"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(tabA.body)?.[1] ?? '';
    const base = fields(county.slug, { languages: county.languages, name: 'Kreis aus Tab A' });
    assert.equal((await admin.submit(editUrl, { ...base, revision: '1' }, { csrf })).statusCode, 303);
    const conflict = await admin.submit(editUrl, { ...base, name: 'Kreis aus Tab B', contact: 'Neuer Kontakt aus B', revision: '1' }, { csrf });
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /Jemand anderes hat diesen Eintrag inzwischen geändert/);
    assert.match(conflict.body, /value="Kreis aus Tab B"/, 'the unsaved value stays in the form');
    assert.match(conflict.body, /Neuer Kontakt aus B/);
    assert.match(conflict.body, /<dd>Kreis aus Tab A<\/dd>/, 'the stored version is shown');
    assert.match(conflict.body, /name="revision" value="2"/);
    const [stored] = await t.db.select().from(regions).where(eq(regions.id, county.id));
    assert.equal(stored?.name, 'Kreis aus Tab A');
    // Saving the reviewed form again replaces the stored version deliberately.
    assert.equal((await admin.submit(editUrl, { ...base, name: 'Kreis aus Tab B', revision: '2' }, { csrf })).statusCode, 303);
    const [after] = await t.db.select().from(regions).where(eq(regions.id, county.id));
    assert.equal(after?.name, 'Kreis aus Tab B');
    assert.equal(after?.revision, 3);
  });

  it('archives: refused with a message while children are active; then the public page answers 410', async () => {
    const county = await buildRegion(t.db);
    const town = await buildRegion(t.db, { parentId: county.id, kind: 'municipality' });
    const admin = (await signedIn(t, { isAdmin: true, uiLanguage: 'en' })).browser;
    const overview = await admin.get(`/admin/regions/${county.id}`);
    assert.match(overview.body, /data-confirm="Really archive/);
    const refused = await admin.submit(`/admin/regions/${county.id}/archive`, {}, { formUrl: `/admin/regions/${county.id}` });
    assert.equal(refused.statusCode, 303);
    assert.match((await admin.get(`/admin/regions/${county.id}`)).body, /still has sub-regions that are not archived/);
    const [still] = await t.db.select().from(regions).where(eq(regions.id, county.id));
    assert.equal(still?.archivedAt, null);
    assert.equal((await admin.submit(`/admin/regions/${town.id}/archive`, {}, { formUrl: `/admin/regions/${town.id}` })).statusCode, 303);
    const gone = await t.app.inject({ url: `/${town.slug}/de/`, headers: { 'accept-language': 'en' } });
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /archived/);
    assert.equal((await admin.submit(`/admin/regions/${town.id}/unarchive`, {}, { formUrl: `/admin/regions/${town.id}` })).statusCode, 303);
    assert.equal((await t.app.inject(`/${town.slug}/de/`)).statusCode, 200);
  });
});

describe('regions: public pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const county = await buildRegion(t.db, {
      slug: 'landkreis-test',
      name: 'Landkreis Test',
      languages: ['de', 'en', 'ar', 'de-x-ls'],
      contact: 'Amt <script>alert(1)</script>\nZimmer 4',
      imprint: 'Impressumstext',
    });
    await buildRegion(t.db, { slug: 'dorf-test', name: 'Dorf Test', kind: 'municipality', parentId: county.id });
    await buildRegion(t.db, { slug: 'anderer-kreis', name: 'Anderer Kreis' });
    await buildRegion(t.db, { slug: 'alt-kreis', name: 'Alter Kreis', archivedAt: new Date() });
  });
  after(() => t.close());

  it('/ lists the public regions as a tree in the negotiated UI language', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'ar,en;q=0.5' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /href="\/landkreis-test\/"/);
    assert.match(res.body, /href="\/dorf-test\/"/);
    assert.doesNotMatch(res.body, /alt-kreis/);
    assert.match(String(res.headers.vary), /Accept-Language/);
    const en = await t.app.inject({ url: '/?lang=en', headers: { 'accept-language': 'ar' } });
    assert.match(en.body, /<html lang="en" dir="ltr">/);
    assert.match(en.body, /href="\/\?lang=uk"/, 'the language switcher links the other UI languages');
  });

  it('/ filters by ?q= on the server (no JavaScript needed)', async () => {
    const res = await t.app.inject({ url: '/?q=DORF&lang=de' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /1 Treffer für „DORF“/);
    assert.match(res.body, /href="\/dorf-test\/"/);
    assert.doesNotMatch(res.body, /href="\/anderer-kreis\/"/);
    assert.match(res.body, /name="lang" value="de"/);
    assert.match(res.body, /data-module="live-filter"/);
  });

  it('/{region}/ redirects to the best of the region’s languages, else its source language', async () => {
    const ar = await t.app.inject({ url: '/landkreis-test/', headers: { 'accept-language': 'ar-SY,ar;q=0.9,en;q=0.5' } });
    assert.equal(ar.statusCode, 303);
    assert.equal(ar.headers.location, '/landkreis-test/ar/');
    const fr = await t.app.inject({ url: '/landkreis-test/', headers: { 'accept-language': 'fr' } });
    assert.equal(fr.headers.location, '/landkreis-test/de/');
    const bare = await t.app.inject({ url: '/landkreis-test', headers: { 'accept-language': 'en' } });
    assert.equal(bare.headers.location, '/landkreis-test/en/');
  });

  it('/{region}/ar/ is right-to-left with a language switcher, child links and escaped contact text', async () => {
    const res = await t.app.inject('/landkreis-test/ar/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /<h1 lang="de">Landkreis Test<\/h1>/);
    assert.match(res.body, /href="\/landkreis-test\/de\/" hreflang="de"/);
    assert.match(res.body, /href="\/landkreis-test\/de-x-ls\/" hreflang="de-x-ls"/);
    assert.match(res.body, /href="\/dorf-test\/ar\/"/);
    assert.match(res.body, /href="\/landkreis-test\/ar\/imprint"/);
    assert.match(res.body, /Amt &lt;script>alert\(1\)&lt;\/script><br\/?>Zimmer 4/);
    assert.doesNotMatch(res.body, /<script>alert/);
    const easy = await t.app.inject('/landkreis-test/de-x-ls/');
    assert.match(easy.body, /<html lang="de-x-ls" dir="ltr">/);
    assert.match(easy.body, /Zum Inhalt springen/, 'Easy German uses the German UI strings');
  });

  it('answers 404 for an unknown region, and for a missing language lists the region’s languages', async () => {
    assert.equal((await t.app.inject('/gibt-es-nicht/de/')).statusCode, 404);
    assert.equal((await t.app.inject('/gibt-es-nicht/')).statusCode, 404);
    const res = await t.app.inject({ url: '/landkreis-test/tr/', headers: { 'accept-language': 'en' } });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Language not available/);
    assert.match(res.body, /href="\/landkreis-test\/ar\/"/);
    assert.equal((await t.app.inject('/landkreis-test/tr/imprint')).statusCode, 404);
  });

  it('shows the imprint, privacy, contact and accessibility texts', async () => {
    const imprint = await t.app.inject('/landkreis-test/en/imprint');
    assert.equal(imprint.statusCode, 200);
    assert.match(imprint.body, /Impressumstext/);
    const privacy = await t.app.inject('/landkreis-test/de/privacy');
    assert.match(privacy.body, /Hierzu liegen noch keine Angaben vor/);
    for (const page of ['contact', 'accessibility']) assert.equal((await t.app.inject(`/landkreis-test/de/${page}`)).statusCode, 200);
  });

  it('sends a strong ETag and answers 304 when unchanged; the home page stays small', async () => {
    const first = await t.app.inject('/landkreis-test/de/');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[^"]+"$/);
    const again = await t.app.inject({ url: '/landkreis-test/de/', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const home = await t.app.inject({ url: '/', headers: { 'accept-language': 'de' } });
    assert.equal((await t.app.inject({ url: '/', headers: { 'accept-language': 'de', 'if-none-match': String(home.headers.etag) } })).statusCode, 304);
    assert.ok(brotliCompressSync(first.body).length <= 14 * 1024);
    assert.ok(brotliCompressSync(home.body).length <= 14 * 1024);
  });
});
