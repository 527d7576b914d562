// Journey 3 (XLIFF part) in a real browser without JavaScript: the integration officer exports the Arabic pages as
// XLIFF for an agency, the German of one page changes again meanwhile, she uploads the agency's file; the report
// refuses exactly the unit whose German changed and applies the other page. axe finds no serious or critical
// violations on the XLIFF page and the report.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../../src/platform/auth/permissions.js';
import { createPage, getPageForAdmin, savePageText } from '../../src/modules/guide/index.js';
import { describeViolations, login, seriousAxeViolations, startE2e, type E2e } from './harness.js';

let e2e: E2e;
let context: BrowserContext;
let page: Page;
let axePage: Page;
let regionId = '';
const system = { system: 'e2e' };
/** Reads pages for the assertions (the installation admin may read every region). */
const reader: Actor = { id: '00000000-0000-4000-8000-000000000000', email: 'e2e@example.org', name: 'e2e', isAdmin: true, memberships: [] };

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

before(async () => {
  e2e = await startE2e();
  context = await e2e.context({ javaScriptEnabled: false, acceptDownloads: true });
  page = await context.newPage();
  await login(page, e2e.demoAdmin.email, e2e.demoAdmin.password);
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

test('Journey 3: export Arabic as XLIFF, German changes meanwhile, import: one unit refused, the rest applied', async () => {
  const residence = (await createPage(e2e.db, system, { regionId, title: 'Aufenthaltstitel beantragen', contentHtml: '<p>Sie brauchen einen <strong>gültigen</strong> Pass.</p><ul><li>Biometrisches Foto</li><li>Meldebescheinigung</li></ul>' })).page.id;
  const courses = (await createPage(e2e.db, system, { regionId, title: 'Integrationskurs finden', contentHtml: '<p>Kurse gibt es an der <a href="https://www.vhs.de/">Volkshochschule</a>.</p>' })).page.id;
  await savePageText(e2e.db, system, { pageId: residence, language: 'ar', baseRevision: 0, title: 'طلب تصريح الإقامة', contentHtml: '<p>تحتاج إلى جواز <strong>ساري</strong>.</p><ul><li>صورة بيومترية</li><li>شهادة التسجيل</li></ul>' });
  await savePageText(e2e.db, system, { pageId: residence, language: 'de', baseRevision: 1, title: 'Aufenthaltstitel beantragen', contentHtml: '<p>Sie brauchen einen <strong>gültigen</strong> Pass oder Passersatz.</p><ul><li>Biometrisches Foto</li><li>Meldebescheinigung</li></ul>' });

  await page.goto(`/admin/regions/${regionId}/xliff`);
  await axeClean(page, 'the XLIFF page');
  await page.locator('select[name="language"]').selectOption('ar');
  await page.locator('#f-selection-pages').check();
  await page.locator(`input[name="pageIds"][value="${residence}"]`).check();
  await page.locator(`input[name="pageIds"][value="${courses}"]`).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#xliff-export button[type="submit"]').click()]);
  assert.match(download.suggestedFilename(), /^landkreis-beispiel-de-ar-\d{8}\.xlf$/);
  const path = await download.path();
  const exported = readFileSync(path, 'utf8');
  assert.match(exported, /version="2.1" srcLang="de" trgLang="ar"/);

  // The agency translates every unit (keeping the inline codes) …
  const translated = exported.replace(/<segment( state="translated")?><source>([\s\S]*?)<\/source>(?:<target>[\s\S]*?<\/target>)?<\/segment>/g, (_m, _s, src: string) => `<segment state="translated"><source>${src}</source><target>[ar] ${src}</target></segment>`);
  // … while the officer changes the German of the residence page's last list item again.
  const de = (await getPageForAdmin(e2e.db, reader, residence)).translations.find((t) => t.language === 'de');
  assert.ok(de);
  await savePageText(e2e.db, system, { pageId: residence, language: 'de', baseRevision: de.revision, title: de.title, contentHtml: de.contentHtml.replace('Meldebescheinigung', 'Meldebescheinigung (nicht älter als drei Monate)') });

  await page.goto(`/admin/regions/${regionId}/xliff`);
  await page.locator('input[name="file"]').setInputFiles({ name: 'agentur-ar.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(translated) });
  await Promise.all([page.waitForURL(/\/xliff\/imports\/[0-9a-f-]{36}$/), page.locator('#xliff-import button[type="submit"]').click()]);
  const report = page.locator('table.xliff-report');
  const changedRow = report.locator('tr', { hasText: 'Der Ausgangstext dieser Einheit wurde seit dem Export geändert.' });
  assert.equal(await changedRow.count(), 1);
  assert.match((await changedRow.textContent()) ?? '', /Meldebescheinigung \(nicht älter als drei Monate\)/);
  assert.equal(await report.locator('tr', { hasText: 'Integrationskurs finden' }).locator('.xliff-status--applied').count(), 2);
  await axeClean(page, 'the import report');

  const ar = (await getPageForAdmin(e2e.db, reader, courses)).translations.find((t) => t.language === 'ar');
  assert.equal(ar?.contentHtml, '<p>[ar] Kurse gibt es an der <a href="https://www.vhs.de/">Volkshochschule</a>.</p>');

  // A broken file changes nothing and says where.
  await page.goto(`/admin/regions/${regionId}/xliff`);
  await page.locator('input[name="file"]').setInputFiles({ name: 'kaputt.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(translated.replace('</unit>', '</unti>')) });
  await Promise.all([page.waitForEvent('load'), page.locator('#xliff-import button[type="submit"]').click()]);
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /kein gültiges XML/);
  assert.ok((await page.locator('.xliff-messages li').count()) >= 1);
  await axeClean(page, 'the import error', { html: true });
});
