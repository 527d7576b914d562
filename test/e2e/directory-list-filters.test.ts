// The services list's filters in the browser: on a 360 px phone with filters in effect the first screen shows the
// line naming them, the "change filters" control and the result count with the first result; the folded form opens
// from the keyboard without JavaScript; on a wide screen the filters are a sidebar (at the start side, also in
// Arabic); axe finds no serious violations, folded or unfolded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describeViolations, seriousAxeViolations, startE2e, type E2e } from './harness.js';

const REGION = 'landkreis-beispiel';
const FILTERED_AR = `/${REGION}/ar/services?category=counselling&language=ar&open=1`;
const PHONE = { viewport: { width: 360, height: 780 } };

let e2e: E2e;
before(async () => {
  e2e = await startE2e();
});
after(async () => {
  await e2e.stop();
});

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is rendered`);
  return b;
};

test('phone without JavaScript: with filters the result count and the first result are on the first screen; the form opens from the keyboard', async () => {
  const page = await (await e2e.context({ ...PHONE, javaScriptEnabled: false })).newPage();
  await page.goto(`/${REGION}/de/services?category=counselling`);
  assert.equal(await page.locator('details.dir-filter-toggle').getAttribute('open'), null, 'the form is folded');
  assert.equal(await page.locator('#dir-category').isVisible(), false);
  const count = await box(page, '.result-count');
  const card = await box(page, '.dir-card .dir-card__title');
  assert.ok(count.y + count.height <= 780 && card.y + card.height <= 780, `count ends at ${count.y + count.height}, first title at ${card.y + card.height}`);
  assert.match((await page.locator('.dir-active').textContent()) ?? '', /1 Filter:\s*Beratung/);

  // Keyboard: from the reset link the next stop is the "Filter ändern" control; Enter unfolds the form.
  await page.locator('.dir-active__reset').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Filter ändern');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.dir-filter-toggle').getAttribute('open'), '');
  assert.ok(await page.locator('#dir-category').isVisible(), 'the unfolded form shows its fields');
  await page.locator('#dir-free').check();
  await Promise.all([page.waitForURL((u) => u.searchParams.get('free') === '1'), page.getByRole('button', { name: 'Angebote anzeigen' }).click()]);
  assert.equal(new URL(page.url()).searchParams.get('category'), 'counselling', 'the folded form kept the category');
  assert.match((await page.locator('.dir-active').textContent()) ?? '', /2 Filter:/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing sideways on the phone');

  await page.goto(`/${REGION}/de/services`);
  assert.equal(await page.locator('details.dir-filter-toggle').getAttribute('open'), '', 'without filters the form is open');
  assert.equal(await page.locator('[data-js-locate]').isVisible(), false, 'no "use my location" button without JavaScript');
});

test('phone in Arabic: right to left, the filters named in Arabic, the count on the first screen', async () => {
  const page = await (await e2e.context({ ...PHONE, locale: 'ar' })).newPage();
  await page.goto(FILTERED_AR);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.match((await page.locator('.dir-active').textContent()) ?? '', /3 عوامل تصفية:/);
  const count = await box(page, '.result-count');
  assert.ok(count.y + count.height <= 780, `the count ends at ${count.y + count.height}`);
  const bar = await box(page, '.dir-filterbar');
  const summary = await box(page, 'details.dir-filter-toggle > summary');
  assert.ok(bar.x + bar.width - (summary.x + summary.width) < summary.x - bar.x, 'the control stands at the right edge (inline start)');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
});

test('wide screen: the filters are a sidebar at the inline start, beside the results', async () => {
  const page = await (await e2e.context({ viewport: { width: 1280, height: 900 } })).newPage();
  for (const [path, rtl] of [[`/${REGION}/de/services?category=counselling`, false], [FILTERED_AR, true]] as const) {
    await page.goto(path);
    const bar = await box(page, '.dir-filterbar');
    const results = await box(page, '.dir-results');
    assert.ok(Math.abs(bar.y - results.y) < 2, `${path}: side by side`);
    assert.ok(rtl ? bar.x > results.x : bar.x < results.x, `${path}: the sidebar is at the inline start`);
  }
});

test('axe: the list without filters, with filters folded and unfolded (German, Arabic)', async () => {
  const page = await (await e2e.context({ ...PHONE, bypassCSP: true })).newPage();
  for (const path of [`/${REGION}/de/services`, `/${REGION}/de/services?category=counselling&open=1`, FILTERED_AR]) {
    await page.goto(path);
    let violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${path}:\n${describeViolations(violations)}`);
    await page.locator('details.dir-filter-toggle > summary').click();
    violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${path} (toggled):\n${describeViolations(violations)}`);
  }
});
