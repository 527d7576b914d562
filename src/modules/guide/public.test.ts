// Public guide pages and the pages API, through HTTP (app.inject): URLs per language, redirects to the canonical
// path, visibility, fallbacks and notices, escaping, caching, ETags and the OpenAPI document.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { createPage, savePageText, type PageRow } from './service.js';
import { buildReaderGuide, excerptOf } from './public.js';

const system = { system: 'test' };
const day = 24 * 60 * 60 * 1000;

async function publish(t: TestApp, title: string, opts: { parentId?: string | null; contentHtml?: string; slug?: string; icon?: string } = {}): Promise<PageRow> {
  const { page } = await createPage(t.db, system, {
    regionId: regionOf(t).id,
    parentId: opts.parentId ?? null,
    title,
    slug: opts.slug,
    contentHtml: opts.contentHtml ?? `<p>${title}: Text.</p>`,
    status: 'published',
    icon: opts.icon ?? null,
  });
  return page;
}

async function translate(t: TestApp, pageId: string, language: string, title: string, contentHtml: string, extra: { machineProvider?: string; sourceRevision?: number } = {}) {
  const { translation } = await savePageText(t.db, system, { pageId, language, baseRevision: await nextBase(t, pageId, language), title, contentHtml, ...extra });
  return translation;
}

async function nextBase(t: TestApp, pageId: string, language: string): Promise<number> {
  const { latestRevisionNumber } = await import('./queries.js');
  return latestRevisionNumber(t.db, pageId, language);
}

const regions = new WeakMap<TestApp, RegionRow>();
const regionOf = (t: TestApp): RegionRow => {
  const r = regions.get(t);
  if (!r) throw new Error('no region');
  return r;
};

describe('guide: public pages', () => {
  let t: TestApp;
  let region: RegionRow;
  let living: PageRow; // Wohnen (de, ar, uk)
  let register: PageRow; // Wohnen › Wohnsitz anmelden (de, ar outdated, uk machine)

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'kreis-lesen', name: 'Kreis Lesen', languages: ['de', 'en', 'ar', 'uk'], sourceLanguage: 'de' });
    regions.set(t, region);
    living = await publish(t, 'Wohnen', { icon: 'housing' });
    register = await publish(t, 'Wohnsitz anmelden', { parentId: living.id, slug: 'alter-name', contentHtml: '<p>Gehen Sie innerhalb von <strong>zwei Wochen</strong> zum Bürgerbüro.</p>' });
    await publish(t, 'Arbeit'); // German only
    await translate(t, living.id, 'ar', 'السكن', '<p>معلومات عن السكن.</p>');
    await translate(t, living.id, 'uk', 'Житло', '<p>Інформація про житло.</p>');
    await translate(t, register.id, 'ar', 'تسجيل السكن', '<p>اذهب إلى مكتب المواطنين.</p>');
    await translate(t, register.id, 'uk', 'Реєстрація місця проживання', '<p>Машинний текст.</p>', { machineProvider: 'deepl' });
    // A major change of the German text after the Arabic translation: Arabic is outdated now.
    await savePageText(t.db, system, { pageId: register.id, language: 'de', baseRevision: 1, title: 'Wohnsitz anmelden', contentHtml: '<p>Neu: innerhalb von zwei Wochen, mit Termin.</p>' });
    // uk was machine-translated from revision 1 too: mark it as made from the new revision so only the machine flag shows.
    await translate(t, register.id, 'uk', 'Реєстрація місця проживання', '<p>Машинний текст, новий.</p>', { machineProvider: 'deepl', sourceRevision: 2 });
  });
  after(() => t.close());

  it('serves a page in German at its slug path, with breadcrumbs, content, date and share link', async () => {
    const res = await t.app.inject({ url: '/kreis-lesen/de/wohnen/wohnsitz-anmelden' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 id="guide-title">Wohnsitz anmelden<\/h1>/);
    assert.match(res.body, /<nav class="breadcrumbs guide-breadcrumbs" aria-label="Sie sind hier">/);
    assert.match(res.body, /<a href="\/kreis-lesen\/de\/wohnen">Wohnen<\/a>/);
    assert.match(res.body, /<li aria-current="page">Wohnsitz anmelden<\/li>/);
    assert.match(res.body, /<div class="guide-content" lang="de" dir="ltr"><p>Neu: innerhalb von zwei Wochen, mit Termin.<\/p><\/div>/);
    assert.match(res.body, /Zuletzt geändert: <time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2}\. \p{L}+ \d{4}<\/time>/u);
    assert.match(res.body, /<a href="http:\/\/[^"]+\/kreis-lesen\/de\/wohnen\/wohnsitz-anmelden" data-js-share-link/);
    assert.match(res.body, /<link rel="canonical" href="http:\/\/[^"]+\/kreis-lesen\/de\/wohnen\/wohnsitz-anmelden"/);
    assert.match(res.body, /<meta name="description" content="Neu: innerhalb von zwei Wochen, mit Termin\."\/>/);
    assert.match(res.body, /<meta property="og:title" content="Wohnsitz anmelden"\/>/);
    assert.match(res.body, /<link rel="alternate" hreflang="ar" href="http:\/\/[^"]+\/kreis-lesen\/ar\/%D8/);
    assert.doesNotMatch(res.body, /hreflang="en" href="http/, 'no alternate for a language the page is only a fallback in');
    assert.doesNotMatch(res.body, /data-notice=/, 'the source text has no notices');
    // The feedback box: a plain form to the region's feedback route with the page id, and no session token.
    assert.match(res.body, /<form method="post" action="\/kreis-lesen\/de\/feedback">/);
    assert.match(res.body, new RegExp(`name="pageId" value="${register.id}"`));
    assert.doesNotMatch(res.body, /name="_csrf"/);
  });

  it('serves the Arabic translation right-to-left at its Arabic slugs; the switcher links to each language’s own URL', async () => {
    const path = `/kreis-lesen/ar/${encodeURIComponent('السكن')}/${encodeURIComponent('تسجيل-السكن')}`;
    const res = await t.app.inject({ url: path });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /<h1 id="guide-title">تسجيل السكن<\/h1>/);
    assert.match(res.body, /<div class="guide-content" lang="ar" dir="rtl">/);
    assert.match(res.body, /aria-label="أنت هنا"/);
    // Language switcher: German and Ukrainian slugs, English falls back to the German slugs under /en/.
    assert.match(res.body, /href="\/kreis-lesen\/de\/wohnen\/wohnsitz-anmelden" hreflang="de"/);
    assert.match(res.body, new RegExp(`href="/kreis-lesen/uk/${encodeURIComponent('житло')}/${encodeURIComponent('реєстрація-місця-проживання')}" hreflang="uk"`));
    assert.match(res.body, /href="\/kreis-lesen\/en\/wohnen\/wohnsitz-anmelden" hreflang="en"/);
  });

  it('serves the Ukrainian page with the machine-translation notice', async () => {
    const res = await t.app.inject({ url: `/kreis-lesen/uk/${encodeURIComponent('житло')}/${encodeURIComponent('реєстрація-місця-проживання')}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 id="guide-title">Реєстрація місця проживання<\/h1>/);
    assert.match(res.body, /data-notice="machine"><p>Машинний переклад, ще не перевірений людиною\.<\/p>/);
    assert.doesNotMatch(res.body, /data-notice="outdated"/);
  });

  it('says when a translation is older than the German text, with a link to the German page (journey 2)', async () => {
    const res = await t.app.inject({ url: `/kreis-lesen/ar/${encodeURIComponent('السكن')}/${encodeURIComponent('تسجيل-السكن')}` });
    assert.match(res.body, /data-notice="outdated"><p>النسخة باللغة الألمانية أحدث من هذه الترجمة\./);
    assert.match(res.body, /<a href="\/kreis-lesen\/de\/wohnen\/wohnsitz-anmelden" hreflang="de">اقرأ النسخة الأحدث باللغة الألمانية<\/a>/);
    assert.doesNotMatch(res.body, /data-notice="machine"/);
  });

  it('redirects a wrong or foreign-language path to the canonical one (301)', async () => {
    const cases: [string, string][] = [
      ['/kreis-lesen/de/wohnsitz-anmelden', '/kreis-lesen/de/wohnen/wohnsitz-anmelden'],
      ['/kreis-lesen/de/arbeit/wohnsitz-anmelden', '/kreis-lesen/de/wohnen/wohnsitz-anmelden'],
      ['/kreis-lesen/de/wohnen/wohnsitz-anmelden/', '/kreis-lesen/de/wohnen/wohnsitz-anmelden'],
      ['/kreis-lesen/de/Wohnen', '/kreis-lesen/de/wohnen'],
      // A slug from before a title change still leads to the page.
      ['/kreis-lesen/de/wohnen/alter-name', '/kreis-lesen/de/wohnen/wohnsitz-anmelden'],
      // German slugs under /ar/: the Arabic page.
      ['/kreis-lesen/ar/wohnen/wohnsitz-anmelden', `/kreis-lesen/ar/${encodeURIComponent('السكن')}/${encodeURIComponent('تسجيل-السكن')}`],
    ];
    for (const [from, to] of cases) {
      const res = await t.app.inject({ url: from });
      assert.equal(res.statusCode, 301, from);
      assert.equal(res.headers.location, to, from);
      assert.equal(res.headers['cache-control'], 'public, max-age=3600');
    }
    const withQuery = await t.app.inject({ url: '/kreis-lesen/de/wohnsitz-anmelden?x=1' });
    assert.equal(withQuery.headers.location, '/kreis-lesen/de/wohnen/wohnsitz-anmelden?x=1');
  });

  it('falls back to the German text where a translation is missing, with a notice and the languages that have it', async () => {
    const res = await t.app.inject({ url: '/kreis-lesen/ar/arbeit' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /<h1 id="guide-title" lang="de" dir="ltr">Arbeit<\/h1>/);
    assert.match(res.body, /<div class="guide-content" lang="de" dir="ltr">/);
    assert.match(res.body, /data-notice="fallback"><p>لم تُترجم هذه الصفحة إلى لغتك بعد\. أنت تقرؤها باللغة الألمانية\.<\/p>/);
    assert.match(res.body, /<a href="\/kreis-lesen\/de\/arbeit" hreflang="de" lang="de" dir="ltr">Deutsch<\/a>/);
    // The untranslated child under a translated parent: Arabic parent slug, German own slug.
    const child = await t.app.inject({ url: `/kreis-lesen/en/wohnen` });
    assert.equal(child.statusCode, 200);
    assert.match(child.body, /data-notice="fallback"/);
    assert.match(child.body, /This page has not been translated into your language yet\. You are reading it in German\./);
  });

  it('answers 404 for unpublished pages, pages before publishFrom or after publishUntil, and below hidden parents', async () => {
    await createPage(t.db, system, { regionId: region.id, title: 'Entwurf', contentHtml: '<p>x</p>' });
    const future = await publish(t, 'Zukunft');
    const expired = await publish(t, 'Vorbei');
    const hiddenParent = (await createPage(t.db, system, { regionId: region.id, title: 'Versteckt', contentHtml: '<p>x</p>' })).page;
    await publish(t, 'Darunter', { parentId: hiddenParent.id });
    const { pages } = await import('./schema.js');
    const { eq } = await import('drizzle-orm');
    await t.db.update(pages).set({ publishFrom: new Date(Date.now() + day) }).where(eq(pages.id, future.id));
    await t.db.update(pages).set({ publishUntil: new Date(Date.now() - 1000) }).where(eq(pages.id, expired.id));
    for (const url of ['/kreis-lesen/de/entwurf', '/kreis-lesen/de/zukunft', '/kreis-lesen/de/vorbei', '/kreis-lesen/de/versteckt/darunter', '/kreis-lesen/de/darunter', '/kreis-lesen/de/gibt-es-nicht']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Seite nicht gefunden/);
      assert.match(res.body, /href="\/kreis-lesen\/de\/"/);
    }
  });

  it('escapes titles and serves only sanitised content', async () => {
    await publish(t, 'Böse <script>alert(1)</script>', { slug: 'boese', contentHtml: '<p onclick="x()">Hallo<script>alert(2)</script><img src="x" onerror="y()"></p>' });
    const res = await t.app.inject({ url: '/kreis-lesen/de/boese' });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<script>alert'), 'no script from the data');
    assert.match(res.body, /Böse &lt;script>alert\(1\)&lt;\/script>/);
    assert.doesNotMatch(res.body, /onclick|onerror/);
  });

  it('lists the top-level pages with their titles on the region home, in the reader’s language', async () => {
    const de = await t.app.inject({ url: '/kreis-lesen/de/' });
    assert.match(de.body, /<h2 id="guide-topics-title">Themen<\/h2>/);
    assert.match(de.body, /href="\/kreis-lesen\/de\/wohnen"/);
    assert.match(de.body, /<a href="\/kreis-lesen\/de\/wohnen" class="guide-list__link"><svg class="guide-icon"[^>]*aria-hidden="true"[^>]*data-icon="housing"/);
    assert.match(de.body, /href="\/kreis-lesen\/de\/arbeit"/);
    const ar = await t.app.inject({ url: '/kreis-lesen/ar/' });
    assert.match(ar.body, new RegExp(`href="/kreis-lesen/ar/${encodeURIComponent('السكن')}"`));
    assert.match(ar.body, /<span lang="de" dir="ltr">Arbeit<\/span>/, 'an untranslated title is marked as German');
  });

  it('is served from the page cache to anonymous readers, with a strong ETag and no cookies', async () => {
    const first = await t.app.inject({ url: '/kreis-lesen/de/wohnen' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['set-cookie'], undefined, 'no CSRF or session cookie on a cached public page');
    assert.match(String(first.headers.etag), /^"[\w-]+"$/);
    const second = await t.app.inject({ url: '/kreis-lesen/de/wohnen' });
    assert.equal(second.headers['x-cache'], 'hit');
    const revalidate = await t.app.inject({ url: '/kreis-lesen/de/wohnen', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(revalidate.statusCode, 304);
  });

  it('has a print stylesheet for guide pages', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'web', 'styles', '31-guide-public.css'), 'utf8');
    assert.match(css, /@media print/);
    assert.match(css, /\.guide-share/);
  });

  it('lets the static routes of other features win over page slugs (reserved slugs)', async () => {
    const res = await t.app.inject({ url: '/kreis-lesen/de/imprint' });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /guide-page/);
  });

  it('leaves unknown addresses of the app itself (/api/…, /admin/…) a plain 404', async () => {
    const api = await t.app.inject({ url: '/api/v1/nothing/here' });
    assert.equal(api.statusCode, 404);
    assert.equal((api.json() as { code: string }).code, 'not_found');
    const admin = await t.app.inject({ url: '/admin/x/y' });
    assert.equal(admin.statusCode, 404);
  });

  it('a language the region does not offer is a 404 listing the region’s languages', async () => {
    const res = await t.app.inject({ url: '/kreis-lesen/fa/wohnen' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /href="\/kreis-lesen\/de\/"/);
  });
});

describe('guide: pages API', () => {
  let t: TestApp;
  let living: PageRow;
  let register: PageRow;

  before(async () => {
    t = await createTestApp();
    const region = await buildRegion(t.db, { slug: 'kreis-api', languages: ['de', 'ar', 'uk'], sourceLanguage: 'de' });
    regions.set(t, region);
    living = await publish(t, 'Wohnen', { icon: 'housing', contentHtml: `<p>${'Wort '.repeat(80)}</p>` });
    register = await publish(t, 'Wohnsitz anmelden', { parentId: living.id });
    await publish(t, 'Arbeit');
    await translate(t, living.id, 'ar', 'السكن', '<p>معلومات.</p>');
    await translate(t, register.id, 'uk', 'Реєстрація', '<p>Текст.</p>', { machineProvider: 'deepl' });
    await createPage(t.db, system, { regionId: region.id, title: 'Entwurf', contentHtml: '<p>x</p>' });
  });
  after(() => t.close());

  it('lists the visible tree with paths, excerpts, hashes, languages and fallbacks', async () => {
    const res = await t.app.inject({ url: '/api/v1/regions/kreis-api/languages/ar/pages' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const body = res.json() as { region: string; language: string; sourceLanguage: string; pages: Record<string, unknown>[] };
    assert.equal(body.region, 'kreis-api');
    assert.equal(body.language, 'ar');
    assert.deepEqual(
      body.pages.map((p) => [p.title, p.parent === null ? null : 'child', p.position, p.language, p.fallback]),
      [
        ['السكن', null, 0, 'ar', false],
        ['Wohnsitz anmelden', 'child', 0, 'de', true],
        ['Arbeit', null, 1, 'de', true],
      ],
    );
    const first = body.pages[0] ?? {};
    assert.equal(first.path, `/kreis-api/ar/${encodeURIComponent('السكن')}`);
    assert.equal(first.icon, 'housing');
    assert.match(String(first.contentHash), /^[0-9a-f]{64}$/);
    assert.deepEqual(first.languages, [
      { language: 'de', state: 'up_to_date', path: '/kreis-api/de/wohnen' },
      { language: 'ar', state: 'up_to_date', path: `/kreis-api/ar/${encodeURIComponent('السكن')}` },
    ]);
    const second = body.pages[1] ?? {};
    assert.deepEqual(
      (second.languages as { language: string; state: string }[]).map((l) => [l.language, l.state]),
      [
        ['de', 'up_to_date'],
        ['uk', 'machine'],
      ],
    );
    assert.match(String(second.updatedAt), /^\d{4}-\d\d-\d\dT/);
  });

  it('cuts excerpts at about 200 characters', async () => {
    const res = await t.app.inject({ url: '/api/v1/regions/kreis-api/languages/de/pages' });
    const page = (res.json() as { pages: { excerpt: string; contentHtml: string }[] }).pages[0];
    assert.ok(page && page.excerpt.length <= 201 && page.excerpt.endsWith('…'));
    assert.equal(excerptOf('<p>Kurz.</p>'), 'Kurz.');
  });

  it('returns one page, with the machine flag in Ukrainian', async () => {
    const res = await t.app.inject({ url: `/api/v1/regions/kreis-api/languages/uk/pages/${register.id}` });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { title: string; machine: boolean; fallback: boolean; contentHtml: string };
    assert.equal(body.title, 'Реєстрація');
    assert.equal(body.machine, true);
    assert.equal(body.fallback, false);
    assert.equal(body.contentHtml, '<p>Текст.</p>');
  });

  it('answers 304 to If-None-Match with the strong ETag', async () => {
    for (const url of ['/api/v1/regions/kreis-api/languages/de/pages', `/api/v1/regions/kreis-api/languages/de/pages/${living.id}`]) {
      const first = await t.app.inject({ url });
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]{43}"$/);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      const other = await t.app.inject({ url, headers: { 'if-none-match': '"nope"' } });
      assert.equal(other.statusCode, 200);
    }
  });

  it('answers problem+json 404 for unknown regions, languages and pages (drafts included)', async () => {
    const { pages } = await import('./schema.js');
    const { eq } = await import('drizzle-orm');
    const [draft] = await t.db.select().from(pages).where(eq(pages.status, 'draft'));
    for (const [url, code] of [
      ['/api/v1/regions/gibt-es-nicht/languages/de/pages', 'region_not_found'],
      ['/api/v1/regions/kreis-api/languages/fa/pages', 'language_not_available'],
      ['/api/v1/regions/kreis-api/languages/de/pages/00000000-0000-0000-0000-000000000000', 'page_not_found'],
      [`/api/v1/regions/kreis-api/languages/de/pages/${draft?.id ?? 'x'}`, 'page_not_found'],
      ['/api/v1/regions/kreis-api/languages/de/pages/kein-uuid', 'page_not_found'],
    ] as const) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal((res.json() as { code: string }).code, code, url);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>> };
    const list = doc.paths['/api/v1/regions/{slug}/languages/{lang}/pages'];
    const one = doc.paths['/api/v1/regions/{slug}/languages/{lang}/pages/{id}'];
    assert.ok(list?.get?.summary);
    assert.ok(one?.get?.summary);
    assert.ok(list?.get?.responses?.['200']);
    assert.match(JSON.stringify(list), /fallback/);
  });
});

describe('guide: reader tree (unit)', () => {
  it('hides a page and its subtree when it or an ancestor is not visible', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const row = (id: string, parentId: string | null, extra: Partial<{ status: 'draft' | 'published'; publishFrom: Date | null; publishUntil: Date | null }> = {}) => ({
      id,
      parentId,
      position: 0,
      status: 'published' as const,
      publishFrom: null,
      publishUntil: null,
      icon: null,
      createdAt: now,
      ...extra,
    });
    const text = (pageId: string, slug: string) => ({ pageId, language: 'de', title: slug, slug, revision: 1, majorRevision: 1, sourceRevision: null, machineProvider: null, updatedAt: now });
    const guide = buildReaderGuide(
      { slug: 'r', languages: ['de'], sourceLanguage: 'de' },
      [row('a', null), row('b', 'a', { status: 'draft' }), row('c', 'b'), row('d', null, { publishUntil: new Date('2026-05-01T00:00:00Z') }), row('e', 'a', { publishFrom: new Date('2026-05-01T00:00:00Z') })],
      [text('a', 'a'), text('b', 'b'), text('c', 'c'), text('d', 'd'), text('e', 'e')],
      now,
    );
    assert.deepEqual([...guide.byId.keys()], ['a', 'e']);
    assert.equal(guide.resolve('de', ['a', 'e'])?.canonical, true);
    assert.equal(guide.resolve('de', ['c']), undefined);
  });

  it('gives an untranslated page its own address when its source slug is another page’s translated slug', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const row = (id: string, position: number) => ({ id, parentId: null, position, status: 'published' as const, publishFrom: null, publishUntil: null, icon: null, createdAt: now });
    const text = (pageId: string, language: string, slug: string) => ({ pageId, language, title: slug, slug, revision: 1, majorRevision: 1, sourceRevision: 1, machineProvider: null, updatedAt: now });
    // x: German "wlan", English "internet"; y: German "internet", not translated into English.
    const guide = buildReaderGuide({ slug: 'r', languages: ['de', 'en'], sourceLanguage: 'de' }, [row('x', 0), row('y', 1)], [text('x', 'de', 'wlan'), text('x', 'en', 'internet'), text('y', 'de', 'internet')], now);
    const y = guide.byId.get('y');
    assert.ok(y);
    assert.equal(guide.pathOf(y, 'en'), '/r/en/internet.de');
    assert.equal(guide.resolve('en', ['internet'])?.node.page.id, 'x');
    assert.deepEqual(guide.resolve('en', ['internet.de']), { node: y, canonical: true });
    assert.equal(guide.resolve('de', ['internet'])?.node.page.id, 'y');
    assert.equal(guide.resolve('de', ['wlan'])?.node.page.id, 'x');
  });
});
