// Machine translation in a real browser without JavaScript: the region admin switches machine translation on
// (LibreTranslate, a real local server speaking its API), enters a key and a budget, ticks a language pair, and has
// the missing English pages translated; the in-process worker runs the jobs and the page shows the usage. The key is
// never shown again. axe finds no serious or critical violations on the page (German and Arabic UI).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { startFakeMtServer, type FakeMtServer } from '../support/libretranslate-server.js';
import { describeViolations, login, seriousAxeViolations, startE2e, submitFormOf, type E2e } from './harness.js';

let e2e: E2e;
let server: FakeMtServer;
let context: BrowserContext;
let page: Page;
let regionId = '';

before(async () => {
  e2e = await startE2e();
  server = await startFakeMtServer({ apiKey: 'e2e-key-31337' });
  context = await e2e.context({ javaScriptEnabled: false });
  page = await context.newPage();
  await login(page, e2e.demoAdmin.email, e2e.demoAdmin.password);
  await page.goto('/admin/regions');
  const href = await page.locator('a', { hasText: 'Landkreis Beispiel' }).first().getAttribute('href');
  regionId = href?.split('/').pop() ?? '';
  assert.ok(regionId);
});
after(async () => {
  await e2e.stop();
  await server.close();
});

test('the region admin switches machine translation on and has the missing English pages translated', async () => {
  const url = `/admin/regions/${regionId}/machine-translation`;
  await page.goto(url);
  assert.equal(await page.locator('#f-enabled').isChecked(), false, 'off by default');
  const axe = await (await e2e.context({ bypassCSP: true })).newPage();
  await login(axe, e2e.demoAdmin.email, e2e.demoAdmin.password);
  await axe.goto(url);
  let violations = await seriousAxeViolations(axe);
  assert.deepEqual(violations, [], describeViolations(violations));

  await page.locator('#f-enabled').check();
  await page.locator('#f-provider').selectOption('libretranslate');
  await page.locator('#f-endpoint').fill(server.url);
  await page.locator('#f-apiKey').fill('e2e-key-31337');
  await page.locator('#f-yearlyWordBudget').fill('1000000');
  await page.locator('input[name="pairs"][value="de>en"]').check();
  await submitFormOf(page, 'yearlyWordBudget');
  assert.match(await page.locator('.flashes').innerText(), /gespeichert/);
  assert.ok(!(await page.content()).includes('e2e-key-31337'), 'the key is never shown again');
  assert.match(await page.locator('#f-apiKey').getAttribute('value').then((v) => v ?? ''), /^$/);

  const bulk = page.locator('ul.mt-bulk form', { has: page.locator('input[name="language"][value="en"]') });
  const missing = await bulk.locator('p').innerText();
  assert.match(missing, /fehl/);
  await Promise.all([page.waitForEvent('load'), bulk.locator('button').click()]);
  assert.match(await page.locator('.flashes').innerText(), /übersetzt/);

  // The in-process worker runs the jobs.
  for (let i = 0; i < 100 && !(await page.locator('.mt-status--done').count()); i += 1) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  assert.ok((await page.locator('.mt-status--done').count()) > 0, 'jobs done');
  assert.ok(server.requests > 0);
  assert.doesNotMatch(await page.locator('.mt-usage').innerText(), /Verbraucht\s*0 Wörter/);

  // Arabic UI, right to left.
  const ar = await (await e2e.context({ bypassCSP: true, locale: 'ar' })).newPage();
  await login(ar, e2e.demoAdmin.email, e2e.demoAdmin.password);
  await ar.goto(`${url}?lang=ar`);
  violations = await seriousAxeViolations(ar);
  assert.deepEqual(violations, [], describeViolations(violations));
  if (process.env.MT_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${process.env.MT_SCREENSHOTS}/mt-de.png`, fullPage: true });
    await ar.setViewportSize({ width: 360, height: 740 });
    await ar.screenshot({ path: `${process.env.MT_SCREENSHOTS}/mt-ar-phone.png`, fullPage: true });
  }
});
