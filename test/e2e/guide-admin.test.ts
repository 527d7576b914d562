// The guide's admin pages in a real browser without JavaScript: create pages, move one with the tree's buttons, two
// tabs save the same page (the second sees both versions), history compare — and axe finds no serious or critical
// violations on any of these pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { describeViolations, login, seriousAxeViolations, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;
/** axe needs JavaScript: a second signed-in context (with the islands running) looks at the same pages. */
let axePage: Page;
let regionId = '';

/** Runs axe on what `p` shows: the same URL in the axe context, or (after a POST) the same HTML served back. */
async function axeClean(p: Page, label: string, opts: { html?: boolean } = {}): Promise<void> {
  if (opts.html) {
    const html = await p.content();
    await axePage.route('**/__snapshot', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await axePage.goto('/__snapshot');
    await axePage.unroute('**/__snapshot');
  } else {
    await axePage.goto(p.url());
  }
  const violations = await seriousAxeViolations(axePage);
  assert.deepEqual(violations, [], `serious/critical violations on ${label}:\n${describeViolations(violations)}`);
}

async function createPage(title: string, html: string, parent?: string): Promise<string> {
  await page.goto(`/admin/regions/${regionId}/pages/new${parent ? `?parent=${parent}` : ''}`);
  await page.locator('[name="title"]').fill(title);
  await page.locator('textarea[name="contentHtml"]').fill(html);
  await Promise.all([page.waitForURL(/\/admin\/pages\/[0-9a-f-]{36}\/edit/), page.locator('main form button[type="submit"]').last().click()]);
  const id = /\/admin\/pages\/([0-9a-f-]{36})\/edit/.exec(page.url())?.[1];
  assert.ok(id);
  return id;
}

before(async () => {
  e2e = await startE2e();
  // Without JavaScript: every form must work as plain HTML.
  context = await e2e.context({ javaScriptEnabled: false });
  page = await context.newPage();
  await login(page, e2e.demoAdmin.email, e2e.demoAdmin.password);
  // The app's CSP (rightly) refuses injected scripts; only the axe context bypasses it.
  axePage = await (await e2e.context({ bypassCSP: true })).newPage();
  await login(axePage, e2e.demoAdmin.email, e2e.demoAdmin.password);
  await page.goto('/admin/regions');
  const href = await page.locator('a', { hasText: 'Landkreis Beispiel' }).first().getAttribute('href');
  regionId = href?.split('/').pop() ?? '';
  assert.ok(regionId);
});
after(async () => {
  await e2e.stop();
});

test('tree: create pages, move one down with its button, all without JavaScript; axe on tree and forms', async () => {
  await page.goto(`/admin/regions/${regionId}`);
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Wegweiser-Seiten' }).click()]);
  await axeClean(page, 'the tree');
  await page.goto(`/admin/regions/${regionId}/pages/new`);
  await axeClean(page, 'the new-page form');

  // Titles the demo guide does not use (their addresses must be free).
  const first = await createPage('Probe Alpha', '<p>Willkommen im Landkreis.</p>');
  await createPage('Probe Beta', '<p>Gehen Sie zum Bürgerbüro.</p>', first);
  await createPage('Probe Gamma', '<p>Kurse an der Volkshochschule.</p>');
  await axeClean(page, 'the editor');

  await page.goto(`/admin/regions/${regionId}/pages`);
  await axeClean(page, 'the tree');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Nach unten: Probe Alpha' }).click()]);
  assert.match(await page.locator('.flashes').innerText(), /weiter unten/);
  const titles = await page.locator('.page-tree__title').allInnerTexts();
  const at = (title: string) => titles.indexOf(title);
  assert.ok(at('Probe Gamma') >= 0 && at('Probe Gamma') < at('Probe Alpha') && at('Probe Alpha') < at('Probe Beta'), titles.join(' | '));

  await page.goto(`/admin/pages/${first}/delete`);
  await axeClean(page, 'the delete confirmation');
  await page.goto(`/admin/pages/${first}/move`);
  await axeClean(page, 'the move form');
});

test('Journey 3: two tabs save the same page; the second sees both versions and saves deliberately; axe on the conflict page', async () => {
  const id = await createPage('Probe Aufenthalt', '<p>Den Antrag stellen Sie bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass mit.</p>');
  const other = await context.newPage();
  await other.goto(`/admin/pages/${id}/edit?lang=de`);
  await page.goto(`/admin/pages/${id}/edit?lang=de`);

  await other.locator('textarea[name="contentHtml"]').fill('<p>Den Antrag stellen Sie online oder bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass mit.</p>');
  await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Speichern', exact: true }).click()]);

  await page.locator('textarea[name="contentHtml"]').fill('<p>Den Antrag stellen Sie bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass und ein Foto mit.</p>');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Speichern', exact: true }).click()]);
  await page.waitForLoadState('load');
  assert.equal(response.status(), 409);
  assert.match(await page.locator('textarea[name="contentHtml"]').inputValue(), /ein Foto/);
  assert.match(await page.locator('.conflict__stored').innerText(), /online oder/);
  assert.ok((await page.locator('.conflict__diff ins').count()) > 0);
  assert.ok((await page.locator('.conflict__diff del').count()) > 0);
  await axeClean(page, 'the conflict page', { html: true });

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Meine Fassung speichern' }).click()]);
  assert.match(page.url(), /\/edit\?lang=de$/);
  assert.match(await page.locator('.flashes').innerText(), /wurde gespeichert/);

  await page.goto(`/admin/pages/${id}/history?lang=de`);
  await axeClean(page, 'the history');
  await page.goto(`/admin/pages/${id}/compare?lang=de&from=1&to=3`);
  assert.ok((await page.locator('.revision-diff ins').count()) > 0);
  await axeClean(page, 'the compare page');
  await page.goto(`/admin/pages/${id}/revisions/1?lang=de`);
  await axeClean(page, 'one revision');
});
