// The demo guide's page on sports clubs embeds the live list of the directory's sports-clubs category: readers see the
// demo directory's sports clubs there, and the page editor keeps the placeholder, offers the region's categories for
// the toolbar and tells people without JavaScript how to write one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../test/helpers.js';
import { buildAccount, sessionCookieFor } from '../../test/fixtures.js';
import { pageTranslations } from '../modules/guide/schema.js';
import { slugify } from '../modules/guide/service.js';
import type { EditorConfig } from '../web/islands/editor/config.js';
import { seedDemo } from './demo.js';
import { SERVICES } from './directory/index.js';

const PLACEHOLDER = '<div data-embed="services" data-category="sports-clubs"></div>';

/** Text of HTML as the browser reads it (the few entities the renderer writes). */
function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The public address of the sports clubs page in a language. */
function pageUrl(lang: string, parent: string, title: string): string {
  return `/landkreis-beispiel/${lang}/${encodeURIComponent(slugify(parent, lang))}/${encodeURIComponent(slugify(title, lang))}`;
}

describe('demo guide: the live list of sports clubs', () => {
  let t: TestApp;
  let pageId: string;
  const sportsClubs = SERVICES.filter((s) => s.cats.includes('sports-clubs')).map((s) => s.name);

  before(async () => {
    t = await createTestApp();
    const demo = await seedDemo(t.db);
    assert.equal(demo.created, true);
    const [row] = await t.db
      .select()
      .from(pageTranslations)
      .where(and(eq(pageTranslations.language, 'de'), eq(pageTranslations.title, 'Sportvereine')));
    assert.ok(row);
    pageId = row.pageId;
  });
  after(() => t.close());

  it('has services of the category in the demo directory, few enough to show all', () => {
    assert.ok(sportsClubs.length >= 3 && sportsClubs.length <= 10, `${sportsClubs.length} sports clubs`);
  });

  it('shows the sports clubs of the directory on the public page, where the placeholder stands', async () => {
    const res = await t.app.inject({ url: pageUrl('de', 'Freizeit und Sport', 'Sportvereine') });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-embed-rendered="services"/);
    for (const name of sportsClubs) assert.ok(res.body.includes(name), `${name} is in the list`);
    assert.ok(!res.body.includes('Deutsch-Arabischer Kulturverein'), 'services of other categories are not');
    assert.match(res.body, /href="\/landkreis-beispiel\/de\/services\?category=sports-clubs"/);
    assert.ok(!res.body.includes('data-embed="services"'), 'the placeholder itself is replaced');
    const [text, list, card] = ['Es gibt eigene Schwimm', 'data-embed-rendered', 'class="contact-card"'].map((s) => res.body.indexOf(s));
    assert.ok(text !== undefined && list !== undefined && card !== undefined && text > 0 && text < list && list < card, 'between the text on sport for women and the contact card');
  });

  it('shows the list in the translations too', async () => {
    const res = await t.app.inject({ url: pageUrl('ar', 'أوقات الفراغ والرياضة', 'النوادي الرياضية') });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-embed-rendered="services"/);
    assert.match(res.body, /href="\/landkreis-beispiel\/ar\/services\?category=sports-clubs"/);
  });

  it('the page editor keeps the placeholder, offers the categories and explains the HTML for people without JavaScript', async () => {
    const admin = await buildAccount(t.db, { isAdmin: true });
    const browser = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, admin.id)).split('=');
    browser.cookies.set(name ?? '', value ?? '');
    const res = await browser.get(`/admin/pages/${pageId}/edit?lang=de`);
    assert.equal(res.statusCode, 200);
    const textarea = /<textarea[^>]*name="contentHtml"[^>]*>([\s\S]*?)<\/textarea>/.exec(res.body)?.[1] ?? '';
    assert.ok(decode(textarea).includes(PLACEHOLDER), textarea);
    const json = /<script type="application\/json" data-js-editor-labels="true">([\s\S]*?)<\/script>/.exec(res.body)?.[1];
    assert.ok(json);
    const config = JSON.parse(json) as EditorConfig;
    assert.deepEqual(
      config.embeds.find((c) => c.category === 'sports-clubs'),
      { category: 'sports-clubs', label: 'Sportvereine', depth: 1, name: 'services' },
    );
    assert.ok(config.embeds.some((c) => c.category === 'leisure' && c.depth === 0), 'parent categories too');
    assert.equal(config.labels.embed_services, 'Live-Liste: Angebote der Kategorie {category}');
    // The hint for the textarea, named by the textarea's aria-describedby.
    const hint = /<p class="hint" id="h-contentHtml-embed" data-js-editor-html-hint="true">([\s\S]*?)<\/p>/.exec(res.body)?.[1] ?? '';
    assert.match(hint, /^Eine Live-Liste der Angebote einer Kategorie/);
    assert.ok(decode(hint).includes(`<code dir="ltr" lang="en">${PLACEHOLDER}</code>`), hint);
    assert.match(res.body, /<textarea[^>]*aria-describedby="h-contentHtml h-contentHtml-embed"/);
  });
});
