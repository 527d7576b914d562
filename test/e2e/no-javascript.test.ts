// Every page works without JavaScript: log in, submit a form, see the server's answer (success and error).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { regions } from '../../src/platform/schema.js';
import { login, startE2e, submitFormOf, type E2e } from './harness.js';

let e2e: E2e;
let page: Page;
before(async () => {
  e2e = await startE2e();
  page = await (await e2e.context({ javaScriptEnabled: false })).newPage();
});
after(async () => {
  await e2e.stop();
});

test('without JavaScript: log in, create a region, get the error page for a taken slug', async () => {
  await login(page, e2e.demoAdmin.email, e2e.demoAdmin.password);
  assert.equal(await page.locator('form[action="/logout"]').count(), 1, 'signed in');

  await page.goto('/admin/regions/new');
  await page.locator('[name="name"]').fill('Landkreis Ohne Skript');
  await page.locator('[name="slug"]').fill('ohne-skript');
  await page.locator('[name="kind"]').selectOption('county');
  await page.locator('input[name="languages"][value="de"]').check();
  await page.locator('[name="sourceLanguage"]').selectOption('de');
  await submitFormOf(page, 'sourceLanguage');
  assert.match(new URL(page.url()).pathname, /^\/admin\/regions\/[0-9a-f-]{36}$/);
  assert.match(await page.locator('main').innerText(), /Landkreis Ohne Skript/);
  const [row] = await e2e.db.select().from(regions).where(eq(regions.slug, 'ohne-skript'));
  assert.equal(row?.name, 'Landkreis Ohne Skript');

  // The same slug again: the server answers 422 with the error summary and keeps the values.
  await page.goto('/admin/regions/new');
  await page.locator('[name="name"]').fill('Noch einmal');
  await page.locator('[name="slug"]').fill('ohne-skript');
  await page.locator('input[name="languages"][value="de"]').check();
  await page.locator('[name="sourceLanguage"]').selectOption('de');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submitFormOf(page, 'sourceLanguage')]);
  assert.equal(response.status(), 422);
  assert.equal(await page.locator('#error-summary-title').count(), 1, 'error summary at the top');
  assert.equal(await page.locator('[name="name"]').inputValue(), 'Noch einmal', 'values kept');
  const errorLink = page.locator('.error-summary a[href="#f-slug"], [aria-labelledby="error-summary-title"] a[href="#f-slug"]');
  assert.equal(await errorLink.count(), 1, 'the summary links to the slug field');
});

test('without JavaScript: the public language switcher works (details/summary)', async () => {
  await page.goto('/landkreis-beispiel/de/');
  await page.locator('nav.lang-switch summary').click();
  await Promise.all([page.waitForURL('**/landkreis-beispiel/ar/'), page.locator('nav.lang-switch a[hreflang="ar"]').click()]);
  assert.equal(await page.locator('html[dir="rtl"][lang="ar"]').count(), 1);
});
