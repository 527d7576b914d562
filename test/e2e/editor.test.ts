// The rich-text editor island on the page editor: it loads (separate bundle), replaces the textarea, writes HTML back
// into it as the user types (heading, bold, contact card, image upload with alt text), updates the readability hint,
// the form saves, and an Arabic text is edited right-to-left; a live list of services (guide embed) survives opening
// and saving, and the toolbar inserts one. Plus: public pages never load the editor bundle.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { translator } from '../../src/platform/i18n/catalog.js';
import { PageContext, type PageCtx } from '../../src/web/page-context.js';
import { bundleUrl } from '../../src/web/assets.js';
import { EditorLabels } from '../../src/modules/guide/views/editor-labels.js';
import { createPage, savePageText } from '../../src/modules/guide/service.js';
import { pageTranslations } from '../../src/modules/guide/schema.js';
import { ensureDefaultTaxonomy } from '../../src/modules/directory/index.js';
import { buildAccount, buildRegion, type RegionRow } from '../fixtures.js';
import { describeViolations, login, seriousAxeViolations, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let page: Page;
let region: RegionRow;
let pageId: string;
/** A page with a live list of sports clubs between a list and a paragraph. */
let embedPageId: string;
const EMBED_PAGE_HTML = '<p>Im Verein lernen Sie Menschen kennen.</p><ul><li><p>Probetraining</p></li></ul><div data-embed="services" data-category="sports-clubs"></div><p>Ende.</p>';
/** Set when the page editor did not include the editor itself and the test had to add it (reported, not hidden). */
let injected = false;
/** Script errors in the browser (the island must not throw). */
const errors: string[] = [];

before(async () => {
  e2e = await startE2e();
  region = await buildRegion(e2e.db, { slug: 'kreis-editor', name: 'Kreis Editor', languages: ['de', 'ar'], sourceLanguage: 'de' });
  const { page: created } = await createPage(e2e.db, { system: 'test' }, { regionId: region.id, title: 'Aufenthalt', contentHtml: '<p>Alter Text.</p>', status: 'published' });
  pageId = created.id;
  await savePageText(e2e.db, { system: 'test' }, { pageId, language: 'ar', baseRevision: 0, title: 'الإقامة', contentHtml: '<p>نص قديم.</p>' });
  await ensureDefaultTaxonomy(e2e.db, region);
  const { page: withEmbed } = await createPage(e2e.db, { system: 'test' }, { regionId: region.id, title: 'Sportvereine', contentHtml: EMBED_PAGE_HTML, status: 'published' });
  embedPageId = withEmbed.id;
  const admin = await buildAccount(e2e.db, { isAdmin: true, email: 'editor-e2e@kreis.example' });
  // bypassCSP only for axe (it is injected); the editor itself runs under the app's CSP in the other tests' sense.
  page = await (await e2e.context({ bypassCSP: true })).newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await login(page, admin.email, admin.password);
});
after(async () => {
  await e2e.stop();
});

/** Labels as the server renders them (only needed when the page editor does not include <EditorLabels/> yet). */
function labelsHtml(language: string): string {
  const ctx: PageCtx = { lang: 'de', dir: 'ltr', t: translator('de'), actor: null, session: null, requestId: 'e2e', flashes: [], csrfToken: () => '', path: '/', assets: { css: '', js: '' } };
  return renderToString(h(PageContext.Provider, { value: ctx }, h(EditorLabels, { language, regionId: region.id })));
}

async function openEditor(language: string, id = pageId): Promise<void> {
  const response = await page.goto(`/admin/pages/${id}/edit?lang=${language}`);
  assert.equal(response?.status(), 200);
  if ((await page.locator('script[src^="/assets/editor."]').count()) === 0) {
    injected = true;
    await page.evaluate((html) => {
      const root = document.querySelector('[data-module~="rich-editor"]');
      root?.insertAdjacentHTML('beforeend', html);
    }, labelsHtml(language));
    await page.addScriptTag({ url: bundleUrl('editor'), type: 'module' });
  }
  await page.locator('.rich-editor__content[contenteditable="true"]').waitFor();
}

const textarea = () => page.locator('textarea[name="contentHtml"]');
const content = () => page.locator('.rich-editor__content');
const command = (key: string) => page.locator(`[data-js-editor-command="${key}"]`);

test('the editor bundle is separate: public pages do not load it', async () => {
  const response = await page.goto(`/${region.slug}/de/`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.locator('script[src^="/assets/editor."]').count(), 0);
  const islands = await page.locator('script[src^="/assets/islands."]').getAttribute('src');
  const size = (await page.request.get(islands ?? '')).body();
  assert.ok((await size).length < 20_000, 'the common island bundle stays small');
});

test('typing a heading and bold text writes the right HTML into the textarea; the form saves it', async () => {
  await openEditor('de');
  assert.equal(await textarea().isHidden(), true, 'the textarea is replaced by the editor');
  assert.equal(await content().getAttribute('lang'), 'de');
  assert.equal(await content().getAttribute('dir'), 'ltr');
  // The toolbar is a labelled toolbar; the editing area is named by the field's label.
  assert.ok(await page.locator('[role="toolbar"][aria-label]').count());
  assert.ok((await content().getAttribute('aria-labelledby')) || (await content().getAttribute('aria-label')));

  await content().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await command('heading_2').click();
  assert.equal(await command('heading_2').getAttribute('aria-pressed'), 'true');
  await page.keyboard.type('Anmeldung');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bitte ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Pass');
  assert.equal(await command('bold').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' mitbringen.');
  assert.equal(await textarea().inputValue(), '<h2>Anmeldung</h2><p>Bitte <strong>Pass</strong> mitbringen.</p>');

  // Contact card: exactly the structure the sanitiser keeps.
  await page.keyboard.press('Enter');
  await command('contact_card_insert').click();
  assert.match(await textarea().inputValue(), /<aside class="contact-card"><h3>Name der Stelle<\/h3><p>Adresse, Telefon, E-Mail<\/p><\/aside>/);

  await Promise.all([page.waitForEvent('load'), page.locator('button[name="intent"][value="save"]').click()]);
  const [stored] = await e2e.db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, 'de')));
  assert.ok(stored);
  assert.match(stored.contentHtml, /^<h2>Anmeldung<\/h2><p>Bitte <strong>Pass<\/strong> mitbringen\.<\/p>/);
  assert.match(stored.contentHtml, /<aside class="contact-card"><h3>Name der Stelle<\/h3><p>Adresse, Telefon, E-Mail<\/p><\/aside>/);
  // After the redirect the editor starts again with the saved text.
  await page.locator('.rich-editor__content[contenteditable="true"]').waitFor();
  assert.match(await content().innerHTML(), /<h2>Anmeldung<\/h2>/);
});

test('the readability hint follows the text while typing (German)', async () => {
  await openEditor('de');
  const hint = page.locator('[data-js-readability]');
  assert.equal(await hint.count(), 1, 'the page editor shows the readability hint for German');
  await content().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(
    'Die Aufenthaltserlaubnis wird von der Ausländerbehörde erteilt, sofern die Voraussetzungen nach dem Aufenthaltsgesetz erfüllt sind und keine Ausweisungsinteressen entgegenstehen, was im Einzelfall geprüft werden muss.',
  );
  await page.locator('[data-js-readability-words] li', { hasText: 'Ausweisungsinteressen' }).waitFor();
  if (process.env.EDITOR_SCREENSHOT) await page.screenshot({ path: process.env.EDITOR_SCREENSHOT, fullPage: true });
  assert.match(await page.locator('[data-js-readability-sentences]').innerText(), /Die Aufenthaltserlaubnis wird .*\(25\)/);
});

test('an image is uploaded through the dialog (alt text required) and inserted with srcset; it survives saving', async () => {
  await openEditor('de');
  await content().click();
  await page.keyboard.press('Control+End');
  await command('image_insert').click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } }).png().toBuffer();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'rathaus.png', mimeType: 'image/png', buffer: png });
  // Without alt text the dialog refuses.
  await dialog.locator('button[type="submit"]').click();
  assert.match(await dialog.locator('[role="alert"]').innerText(), /Alternativtext/);
  await dialog.locator('input[type="text"]').fill('Das Rathaus');
  await dialog.locator('button[type="submit"]').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.waitForFunction(() => (document.querySelector('textarea[name="contentHtml"]') as HTMLTextAreaElement | null)?.value.includes('<img'));
  const html = await textarea().inputValue();
  const img = /<img [^>]*>/.exec(html)?.[0] ?? '';
  assert.match(img, /src="\/media\/[0-9a-f-]{36}\/1024\.webp"/);
  assert.match(img, /srcset="\/media\/[0-9a-f-]{36}\/320\.webp 320w, \/media\/[0-9a-f-]{36}\/640\.webp 640w, \/media\/[0-9a-f-]{36}\/1024\.webp 1024w"/);
  assert.match(img, /alt="Das Rathaus"/);
  assert.match(img, /width="1024" height="683"/);
  await Promise.all([page.waitForEvent('load'), page.locator('button[name="intent"][value="save"]').click()]);
  const [stored] = await e2e.db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, 'de')));
  assert.match(stored?.contentHtml ?? '', /<img src="\/media\/[0-9a-f-]{36}\/1024\.webp" srcset="[^"]+" sizes="\(max-width: 40rem\) 100vw, 40rem" alt="Das Rathaus" width="1024" height="683" loading="lazy" \/>/);
  // The image is served.
  const src = /src="(\/media\/[^"]+)"/.exec(stored?.contentHtml ?? '')?.[1] ?? '';
  const res = await page.request.get(src);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'image/webp');
});

test('Arabic: the editing area is right-to-left with lang="ar"; the (German) toolbar is keyboard-navigable', async () => {
  await openEditor('ar');
  assert.equal(await content().getAttribute('dir'), 'rtl');
  assert.equal(await content().getAttribute('lang'), 'ar');
  // One tab stop in the toolbar; arrow keys move between buttons in the direction of the (German, LTR) interface.
  const first = page.locator('[role="toolbar"] button').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const focusedKey = await page.evaluate(() => document.activeElement?.getAttribute('data-js-editor-command'));
  assert.equal(focusedKey, 'heading_2');
  const violations = (await seriousAxeViolations(page)).filter((v) => v.nodes.some((n) => /rich-editor|readability/.test(n.html)));
  assert.deepEqual(violations, [], describeViolations(violations));
});

test('media library: lists the uploaded image with its alt text; no serious accessibility violations', async () => {
  const response = await page.goto(`/admin/regions/${region.id}/media`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.locator('img.media-thumb[alt="Das Rathaus"]').count(), 1);
  if (process.env.EDITOR_SCREENSHOT) await page.screenshot({ path: process.env.EDITOR_SCREENSHOT.replace(/\.png$/, '-media.png'), fullPage: true });
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
});

async function storedHtml(id: string, language = 'de'): Promise<string> {
  const [stored] = await e2e.db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, id), eq(pageTranslations.language, language)));
  return stored?.contentHtml ?? '';
}

test('a live list of services survives opening and saving; the toolbar inserts one at the top level', async () => {
  assert.equal(await storedHtml(embedPageId), EMBED_PAGE_HTML, 'the sanitiser keeps the page as written');
  await openEditor('de', embedPageId);
  const boxes = content().locator('[data-js-editor-embed]');
  assert.equal(await boxes.count(), 1);
  assert.equal((await boxes.first().innerText()).trim(), 'Live-Liste: Angebote der Kategorie Sportvereine');
  assert.equal(await boxes.first().getAttribute('contenteditable'), 'false');
  assert.equal(await textarea().inputValue(), EMBED_PAGE_HTML, 'the editor writes the placeholder back unchanged');
  // The hint on writing the placeholder by hand is for the textarea only.
  assert.equal(await page.locator('[data-js-editor-html-hint]').isHidden(), true);
  assert.doesNotMatch((await content().getAttribute('aria-describedby')) ?? '', /h-contentHtml-embed/);

  // Saved without touching it: the placeholder is still there.
  await Promise.all([page.waitForEvent('load'), page.locator('button[name="intent"][value="save"]').click()]);
  assert.equal(await storedHtml(embedPageId), EMBED_PAGE_HTML);

  // The toolbar: with the cursor inside the list, the new list of services goes after the list (top level only).
  await page.locator('.rich-editor__content[contenteditable="true"]').waitFor();
  await content().locator('li').click();
  await command('embed_insert').click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const select = dialog.getByLabel('Kategorie');
  assert.ok((await select.locator('option').count()) > 20, 'the region\'s categories');
  await select.selectOption({ label: '– Migrationsberatung für Erwachsene (migration-counselling)' });
  await dialog.locator('button[type="submit"]').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' }).catch(() => undefined);
  const inserted = '<div data-embed="services" data-category="migration-counselling"></div>';
  assert.equal(await textarea().inputValue(), EMBED_PAGE_HTML.replace('</ul>', `</ul>${inserted}`));
  assert.equal((await boxes.first().innerText()).trim(), 'Live-Liste: Angebote der Kategorie Migrationsberatung für Erwachsene');
  await Promise.all([page.waitForEvent('load'), page.locator('button[name="intent"][value="save"]').click()]);
  assert.equal(await storedHtml(embedPageId), EMBED_PAGE_HTML.replace('</ul>', `</ul>${inserted}`));
});

test('no script errors in the browser', () => {
  assert.deepEqual(errors, []);
});

test('report: the page editor includes the editor script and labels itself', () => {
  assert.equal(injected, false, 'the test had to inject <EditorScript/> and <EditorLabels/> into /admin/pages/:id/edit');
});
