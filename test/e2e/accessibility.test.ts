// axe-core finds no serious or critical violations on the main public pages and the login page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describeViolations, seriousAxeViolations, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let page: Page;
before(async () => {
  e2e = await startE2e();
  // The app's CSP refuses injected scripts (rightly); only this test context bypasses it to load axe.
  page = await (await e2e.context({ bypassCSP: true })).newPage();
});
after(async () => {
  await e2e.stop();
});

// Guide pages of the demo: German, and Arabic with the "German version is newer" notice.
const guidePages = ['/landkreis-beispiel/de/aufenthalt-und-behoerden/auslaenderbehoerde', `/landkreis-beispiel/ar/${encodeURIComponent('الإقامة-والدوائر-الرسمية')}/${encodeURIComponent('دائرة-الأجانب')}`];
for (const path of ['/', '/landkreis-beispiel/de/', '/landkreis-beispiel/ar/', ...guidePages, '/login']) {
  test(`axe: ${path}`, async () => {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200);
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `serious/critical violations on ${path}:\n${describeViolations(violations)}`);
  });
}

test('axe: the login page with an error summary', async () => {
  await page.goto('/login');
  await page.locator('[name="email"]').fill('niemand@example.org');
  await page.locator('[name="password"]').fill('falsches Passwort');
  await Promise.all([page.waitForEvent('load'), page.locator('form:has([name="password"]) button').last().click()]);
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
});
