// Guide pages as readers see them in a real browser: no serious axe violations in German and Arabic (translated,
// outdated, fallback), the language switcher goes to the page's own address in the other language, the share
// buttons appear only with JavaScript, and the page works without it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { findRegionBySlug } from '../../src/modules/regions/index.js';
import { createPage, savePageText } from '../../src/modules/guide/index.js';
import { describeViolations, seriousAxeViolations, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let page: Page;
const ar = (s: string) => encodeURIComponent(s);
const arrivalAr = 'الوصول';
const registerAr = 'تسجيل-السكن';

before(async () => {
  e2e = await startE2e();
  page = await (await e2e.context({ bypassCSP: true })).newPage();
  const region = await findRegionBySlug(e2e.db, 'landkreis-beispiel');
  assert.ok(region, 'the demo county exists');
  const sys = { system: 'e2e' };
  const { page: arrival } = await createPage(e2e.db, sys, { regionId: region.id, title: 'Ankommen', slug: 'ankommen-e2e', icon: 'arrival', status: 'published', contentHtml: '<p>Die ersten Schritte.</p>' });
  const { page: register } = await createPage(e2e.db, sys, {
    regionId: region.id,
    parentId: arrival.id,
    title: 'Wohnsitz anmelden',
    slug: 'wohnsitz-anmelden-e2e',
    status: 'published',
    contentHtml: '<p>Innerhalb von <strong>zwei Wochen</strong>.</p><aside class="contact-card"><h3>Bürgerbüro</h3><p><a href="tel:+49123456789">0123 456789</a></p></aside>',
  });
  await createPage(e2e.db, sys, { regionId: region.id, parentId: arrival.id, title: 'Bankkonto', slug: 'bankkonto-e2e', status: 'published', contentHtml: '<p>Ein Basiskonto.</p>' });
  await savePageText(e2e.db, sys, { pageId: arrival.id, language: 'ar', baseRevision: 0, title: 'الوصول', slug: arrivalAr, contentHtml: '<p>الخطوات الأولى.</p>' });
  await savePageText(e2e.db, sys, { pageId: register.id, language: 'ar', baseRevision: 0, title: 'تسجيل السكن', slug: registerAr, contentHtml: '<p>خلال <strong>أسبوعين</strong>.</p>' });
  // A major change of the German text: the Arabic page is outdated now.
  await savePageText(e2e.db, sys, { pageId: register.id, language: 'de', baseRevision: 1, title: 'Wohnsitz anmelden', slug: 'wohnsitz-anmelden-e2e', contentHtml: '<p>Neu: mit Termin, innerhalb von zwei Wochen.</p>' });
});
after(async () => {
  await e2e.stop();
});

const pages = [
  '/landkreis-beispiel/ar/',
  '/landkreis-beispiel/de/ankommen-e2e',
  '/landkreis-beispiel/de/ankommen-e2e/wohnsitz-anmelden-e2e',
  `/landkreis-beispiel/ar/${ar(arrivalAr)}/${ar(registerAr)}`,
  `/landkreis-beispiel/ar/${ar(arrivalAr)}/bankkonto-e2e`,
];
for (const path of pages) {
  test(`axe: ${decodeURIComponent(path)}`, async () => {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200);
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `serious/critical violations on ${path}:\n${describeViolations(violations)}`);
  });
}

test('the language switcher leads to the same page at its Arabic address, right to left, with the outdated notice', async () => {
  await page.goto('/landkreis-beispiel/de/ankommen-e2e/wohnsitz-anmelden-e2e');
  await page.locator('.lang-switch summary').click();
  await Promise.all([page.waitForEvent('load'), page.locator('.lang-switch a[hreflang="ar"]').click()]);
  assert.equal(new URL(page.url()).pathname, `/landkreis-beispiel/ar/${ar(arrivalAr)}/${ar(registerAr)}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('h1').textContent(), 'تسجيل السكن');
  assert.equal(await page.locator('[data-notice="outdated"]').count(), 1);
});

test('share: the link is there without JavaScript; the copy button only with it', async () => {
  const noJs = await (await e2e.context({ javaScriptEnabled: false })).newPage();
  await noJs.goto('/landkreis-beispiel/de/ankommen-e2e');
  assert.ok(await noJs.locator('[data-js-share-link]').isVisible());
  assert.equal(await noJs.locator('[data-js-share-copy]').isVisible(), false);
  const context = await e2e.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const withJs = await context.newPage();
  await withJs.goto('/landkreis-beispiel/de/ankommen-e2e');
  await withJs.locator('[data-js-share-copy]').click();
  await withJs.locator('[data-js-share-status]', { hasText: 'Link kopiert.' }).waitFor();
  const copied = await withJs.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\/landkreis-beispiel\/de\/ankommen-e2e$/);
});

test('the region home lists the guide’s topics with icons', async () => {
  await page.goto('/landkreis-beispiel/ar/');
  const topic = page.locator('.guide-topics a', { hasText: 'الوصول' });
  assert.equal(await topic.count(), 1);
  assert.equal(await topic.locator('svg[aria-hidden="true"]').count(), 1);
});
