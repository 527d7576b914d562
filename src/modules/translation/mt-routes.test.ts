import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildAccount, buildRegion, sessionCookieFor } from '../../../test/fixtures.js';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { startFakeMtServer, type FakeMtServer } from '../../../test/support/libretranslate-server.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { runNextJob } from '../../platform/jobs/jobs.js';
import { jobs } from '../../platform/schema.js';
import { createPage, getPageForAdmin } from '../guide/index.js';
import { mtSettings } from '../guide/schema.js';

describe('machine translation admin pages', () => {
  let t: TestApp;
  let server: FakeMtServer;
  let browser: Browser;
  let regionId: string;
  let pageId: string;
  let officer: Actor;
  const url = () => `/admin/regions/${regionId}/machine-translation`;

  before(async () => {
    t = await createTestApp();
    server = await startFakeMtServer({ apiKey: 'secret-key-4711' });
    const region = await buildRegion(t.db, { languages: ['de', 'ar', 'en', 'de-x-ls'], sourceLanguage: 'de' });
    regionId = region.id;
    const acc = await buildAccount(t.db, { roles: [{ regionId, role: 'region_admin' }], name: 'Frau Krüger' });
    officer = { id: acc.id, email: acc.email, name: acc.name, isAdmin: false, memberships: [{ regionId, role: 'region_admin', languages: [] }] };
    pageId = (await createPage(t.db, officer, { regionId, title: 'Aufenthalt', contentHtml: '<p>Sie brauchen einen <strong>gültigen</strong> Pass.</p>' })).page.id;
    browser = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, acc.id)).split('=');
    browser.cookies.set(name ?? '', value ?? '');
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('shows the page: off, privacy note, pairs from the region languages (not easy-to-read German)', async () => {
    const res = await browser.get(url());
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="notice notice--info mt-privacy"/);
    assert.match(res.body, /name="pairs" value="de&gt;ar"|name="pairs" value="de>ar"/);
    assert.doesNotMatch(res.body, /value="de>de-x-ls"|value="de&gt;de-x-ls"/);
    assert.doesNotMatch(res.body, /id="f-enabled"[^>]*checked/);
  });

  it('a translate request while off goes back with a clear error, nothing queued', async () => {
    const csrf = await browser.csrfFrom(url());
    const res = await browser.submit(`/admin/pages/${pageId}/machine-translate`, { language: 'ar' }, { csrf });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/pages/${pageId}/edit?lang=ar`);
    const next = await browser.get(url());
    assert.match(next.body, /Die maschinelle Übersetzung ist für diese Region ausgeschaltet\./);
    assert.equal((await t.db.select().from(jobs).where(eq(jobs.type, 'translation.machine'))).length, 0);
  });

  it('invalid settings: 422 with the values kept, the typed key never shown again', async () => {
    const res = await browser.submit(url(), { revision: '0', enabled: '1', provider: 'libretranslate', endpoint: 'ftp://nope', apiKey: 'secret-key-4711', yearlyWordBudget: 'viele', pairs: 'de>ar' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /value="viele"/);
    assert.doesNotMatch(res.body, /secret-key-4711/);
  });

  it('saves the settings (303), never renders the key, keeps it when left empty, and refuses a stale revision (409)', async () => {
    const res = await browser.submit(url(), { revision: '0', enabled: '1', provider: 'libretranslate', endpoint: server.url, apiKey: 'secret-key-4711', yearlyWordBudget: '50 000', pairs: ['de>ar', 'de>en'] });
    assert.equal(res.statusCode, 303, res.body);
    const page = await browser.get(url());
    assert.match(page.body, /Die Einstellungen zur maschinellen Übersetzung sind gespeichert\./);
    assert.doesNotMatch(page.body, /secret-key-4711/);
    const [row] = await t.db.select().from(mtSettings).where(eq(mtSettings.regionId, regionId));
    assert.ok(row?.apiKey && !page.body.includes(row.apiKey), 'not even the sealed key');
    assert.equal(row?.yearlyWordBudget, 50000);
    assert.match(page.body, /Ein Schlüssel ist gespeichert/);
    const again = await browser.submit(url(), { revision: '1', enabled: '1', provider: 'libretranslate', endpoint: server.url, apiKey: '', yearlyWordBudget: '50000', pairs: ['de>ar', 'de>en'] });
    assert.equal(again.statusCode, 303);
    const [kept] = await t.db.select().from(mtSettings).where(eq(mtSettings.regionId, regionId));
    assert.equal(kept?.apiKey, row.apiKey);
    const stale = await browser.submit(url(), { revision: '1', enabled: '', provider: 'libretranslate', endpoint: '', apiKey: '', yearlyWordBudget: '0' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /class="conflict"/);
    assert.match(stale.body, /name="revision" value="2"/);
  });

  it('queues a page (303 back with "queued"), the job translates it, and the page shows the usage', async () => {
    const csrf = await browser.csrfFrom(url());
    const res = await browser.submit(`/admin/pages/${pageId}/machine-translate`, { language: 'ar', back: `/admin/regions/${regionId}/pages` }, { csrf });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/regions/${regionId}/pages`);
    const evil = await browser.submit(`/admin/pages/${pageId}/machine-translate`, { language: 'ar', back: '//evil.example/' }, { csrf });
    assert.equal(evil.headers.location, `/admin/pages/${pageId}/edit?lang=ar`, 'never back to another host');
    while (await runNextJob(t.db)) {
      /* run the job */
    }
    const ar = (await getPageForAdmin(t.db, officer, pageId)).translations.find((x) => x.language === 'ar');
    assert.equal(ar?.contentHtml, '<p>[ar] Sie brauchen einen <strong>[ar] gültigen</strong> [ar] Pass.</p>');
    assert.equal(ar?.machineProvider, 'libretranslate');
    const page = await browser.get(url());
    assert.match(page.body, /Verbraucht<\/dt><dd>6 Wörter/);
    assert.match(page.body, /mt-status--done/);
    assert.match(page.body, /Aufenthalt/);
  });

  it('bulk: queues the pages missing in a language', async () => {
    await createPage(t.db, officer, { regionId, title: 'Schule', contentHtml: '<p>Unterricht.</p>' });
    const res = await browser.submit(`${url()}/bulk`, { language: 'en' }, { formUrl: url() });
    assert.equal(res.statusCode, 303);
    const page = await browser.get(url());
    assert.match(page.body, /2 Seiten werden übersetzt\./);
  });
});
