import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildAccount, buildRegion } from '../../../../test/fixtures.js';
import { createTestDatabase } from '../../../../test/helpers.js';
import { startFakeMtServer, type FakeMtServer } from '../../../../test/support/libretranslate-server.js';
import type { Database } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/permissions.js';
import { AppError, ConflictError } from '../../../platform/errors.js';
import { runNextJob } from '../../../platform/jobs/jobs.js';
import { auditEvents, jobs } from '../../../platform/schema.js';
import { createPage, getPageForAdmin, savePageText } from '../../guide/index.js';
import { mtSettings, mtUsage } from '../../guide/schema.js';
import { installTranslationMemory } from '../memory.js';
import { budgetYear, deriveMtKey, machineTranslateMissing, machineTranslatePage, mtAvailability, MT_JOB, registerMtJob, reserveWords, saveMtSettings } from './service.js';

const key = deriveMtKey('test-secret-test-secret-test-secret-0123456789');

describe('machine translation service and job', () => {
  let database: Database & { drop(): Promise<void> };
  let server: FakeMtServer;
  let admin: Actor;

  const db = () => database.db;
  const actorFor = (id: string, email: string, regionId: string, role: 'region_admin' | 'translator', languages: string[] = []): Actor => ({ id, email, name: role, isAdmin: false, memberships: [{ regionId, role, languages }] });

  /** A region with machine translation on (LibreTranslate at the fake server) and the given budget. */
  async function setup(budget: number, opts: { enable?: boolean } = {}) {
    const region = await buildRegion(db(), { languages: ['de', 'ar', 'en', 'de-x-ls'], sourceLanguage: 'de' });
    const acc = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'region_admin' }] });
    const officer = actorFor(acc.id, acc.email, region.id, 'region_admin');
    if (opts.enable !== false) {
      await saveMtSettings(db(), officer, key, { regionId: region.id, revision: '0', enabled: '1', provider: 'libretranslate', endpoint: server.url, apiKey: 'k-123', yearlyWordBudget: String(budget), pairs: ['de>ar', 'de>en'] });
    }
    return { region, officer };
  }
  let slugs = 0;
  async function page(regionId: string, title: string, html: string): Promise<string> {
    slugs += 1;
    return (await createPage(db(), { system: 'test' }, { regionId, title, slug: `seite-${slugs}`, contentHtml: html })).page.id;
  }
  async function drain(): Promise<void> {
    while (await runNextJob(db(), { baseBackoffMs: 0 })) {
      /* run all due jobs */
    }
  }
  async function jobOf(pageId: string) {
    const rows = await db().select().from(jobs).where(eq(jobs.type, MT_JOB));
    return rows.filter((r) => r.payload.pageId === pageId).at(-1);
  }
  async function usage(regionId: string) {
    const [row] = await db().select().from(mtUsage).where(and(eq(mtUsage.regionId, regionId), eq(mtUsage.year, budgetYear({ timezone: 'Europe/Berlin' }))));
    return row ?? { wordsUsed: 0, wordsSaved: 0, requests: 0 };
  }
  const textOf = async (actor: Actor, pageId: string, lang: string) => (await getPageForAdmin(db(), actor, pageId)).translations.find((t) => t.language === lang);

  before(async () => {
    database = await createTestDatabase();
    server = await startFakeMtServer({ apiKey: 'k-123' });
    installTranslationMemory();
    registerMtJob({ key, timeoutMs: 2000 });
    const acc = await buildAccount(database.db, { isAdmin: true });
    admin = { id: acc.id, email: acc.email, name: 'Admin', isAdmin: true, memberships: [] };
  });
  beforeEach(() => server.reset());
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('is off by default: nothing available, a request is refused with a clear error', async () => {
    const { region, officer } = await setup(1000, { enable: false });
    const id = await page(region.id, 'Ankommen', '<p>Willkommen.</p>');
    assert.deepEqual((await mtAvailability(db(), region)).languages, []);
    await assert.rejects(machineTranslatePage(db(), officer, { pageId: id, language: 'ar' }), (e: unknown) => e instanceof AppError && e.code === 'mt_disabled' && e.messageKey === 'mt.error_disabled');
    assert.equal(await jobOf(id), undefined);
  });

  it('seals the key, keeps it when the field is left empty, never audits it, and checks the revision', async () => {
    const { region, officer } = await setup(500);
    const [row] = await db().select().from(mtSettings).where(eq(mtSettings.regionId, region.id));
    const sealed = row?.apiKey ?? '';
    assert.ok(sealed.startsWith('v1:') && !sealed.includes('k-123'));
    const saved = await saveMtSettings(db(), officer, key, { regionId: region.id, revision: '1', enabled: '1', provider: 'libretranslate', endpoint: server.url, apiKey: '', yearlyWordBudget: '600', pairs: 'de>ar' });
    assert.equal(saved.hasKey, true);
    assert.equal(saved.revision, 2);
    assert.equal('apiKey' in saved, false);
    const [kept] = await db().select().from(mtSettings).where(eq(mtSettings.regionId, region.id));
    assert.equal(kept?.apiKey, sealed);
    await assert.rejects(saveMtSettings(db(), officer, key, { regionId: region.id, revision: '1', enabled: '', provider: 'libretranslate', endpoint: '', yearlyWordBudget: '0' }), (e: unknown) => e instanceof ConflictError);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.regionId, region.id));
    const text = JSON.stringify(audit);
    assert.ok(audit.some((a) => a.action === 'mt.settings_update'));
    assert.ok(!text.includes('k-123') && !text.includes(sealed), 'neither the key nor its sealed form in the audit log');
    assert.match(text, /\[redacted\]/);
  });

  it('refuses pairs the provider cannot take (easy-to-read German) and DeepL without a key', async () => {
    const { region, officer } = await setup(100, { enable: false });
    await assert.rejects(
      saveMtSettings(db(), officer, key, { regionId: region.id, revision: '0', enabled: '1', provider: 'libretranslate', endpoint: server.url, yearlyWordBudget: '10', pairs: ['de>de-x-ls'] }),
      (e: unknown) => e instanceof AppError && e.status === 422 && 'fields' in e && JSON.stringify(e.fields).includes('mt.error_pairs'),
    );
    await assert.rejects(
      saveMtSettings(db(), officer, key, { regionId: region.id, revision: '0', enabled: '1', provider: 'deepl', endpoint: '', yearlyWordBudget: '10', pairs: ['de>ar'] }),
      (e: unknown) => e instanceof AppError && 'fields' in e && JSON.stringify(e.fields).includes('mt.error_key_required'),
    );
  });

  it('translates a page through the provider, keeping the HTML, as an unapproved machine revision', async () => {
    const { region, officer } = await setup(1000);
    const id = await page(region.id, 'Aufenthalt', '<h2>Pass</h2><p>Sie brauchen einen <strong>gültigen</strong> <a href="https://example.org/pass">Pass</a>.</p>');
    const r = await machineTranslatePage(db(), officer, { pageId: id, language: 'ar' });
    assert.equal(r.queued, true);
    assert.equal((await machineTranslatePage(db(), officer, { pageId: id, language: 'ar' })).queued, false, 'one job per page and language');
    await drain();
    const ar = await textOf(officer, id, 'ar');
    assert.ok(ar);
    assert.equal(ar.title, '[ar] Aufenthalt');
    assert.equal(ar.contentHtml, '<h2>[ar] Pass</h2><p>[ar] Sie brauchen einen <strong>[ar] gültigen</strong> <a href="https://example.org/pass">[ar] Pass</a>[ar] .</p>');
    assert.equal(ar.machineProvider, 'libretranslate');
    assert.equal(ar.sourceRevision, 1);
    assert.equal((await jobOf(id))?.status, 'done');
    const u = await usage(region.id);
    assert.equal(u.wordsUsed, 1 + 1 + 5, 'title, heading and paragraph words');
    assert.equal(server.requests, 2, 'one request for the title (text), one for the body (html)');
  });

  it('uses exact memory matches: known segments are not sent and count as saved words', async () => {
    const { region, officer } = await setup(1000);
    const first = await page(region.id, 'Wohnung', '<p>Fragen Sie die Beratung.</p><p>Bringen Sie den Mietvertrag mit.</p>');
    await savePageText(db(), officer, { pageId: first, language: 'ar', baseRevision: 0, title: 'السكن', contentHtml: '<p>اسأل مكتب الاستشارة.</p><p>أحضر عقد الإيجار.</p>' });
    const second = await page(region.id, 'Wohnung', '<p>Fragen Sie die Beratung.</p><p>Die Stadt hilft.</p>');
    await machineTranslatePage(db(), officer, { pageId: second, language: 'ar' });
    await drain();
    assert.deepEqual(server.texts, ['Die Stadt hilft.'], 'only the unknown paragraph went to the provider');
    const ar = await textOf(officer, second, 'ar');
    assert.equal(ar?.title, 'السكن');
    assert.match(ar?.slug ?? '', /^السكن-[0-9a-f]{8}$/, 'a taken slug gets the page id');
    assert.equal(ar?.contentHtml, '<p>اسأل مكتب الاستشارة.</p><p>[ar] Die Stadt hilft.</p>');
    const u = await usage(region.id);
    assert.equal(u.wordsUsed, 3);
    assert.equal(u.wordsSaved, 1 + 4);

    server.reset();
    const third = await page(region.id, 'Wohnung', '<p>Bringen Sie den Mietvertrag mit.</p>');
    await machineTranslatePage(db(), officer, { pageId: third, language: 'ar' });
    await drain();
    assert.equal(server.requests, 0, 'everything came from the memory');
    assert.equal((await textOf(officer, third, 'ar'))?.contentHtml, '<p>أحضر عقد الإيجار.</p>');
  });

  it('refuses when the budget is used up, with a clear message, and saves nothing', async () => {
    const { region, officer } = await setup(4);
    const id = await page(region.id, 'Ein langer Titel', '<p>Dieser Absatz hat viele Wörter.</p>');
    await machineTranslatePage(db(), officer, { pageId: id, language: 'ar' });
    await drain();
    const job = await jobOf(id);
    assert.equal(job?.status, 'failed');
    assert.match(job?.lastError ?? '', /word budget is used up: this page needs 8 words, 4 of 4 are left/);
    assert.equal(job?.attempts, 1, 'not retried');
    assert.equal(server.requests, 0);
    assert.equal(await textOf(officer, id, 'ar'), undefined);
    assert.equal((await usage(region.id)).wordsUsed, 0);
  });

  it('two jobs racing for the last words: only one gets them, the budget is never exceeded', async () => {
    const { region, officer } = await setup(10);
    const a = await page(region.id, 'Seite eins', '<p>Eins zwei drei vier.</p>');
    const b = await page(region.id, 'Seite zwei', '<p>Fünf sechs sieben acht.</p>');
    await machineTranslatePage(db(), officer, { pageId: a, language: 'ar' });
    await machineTranslatePage(db(), officer, { pageId: b, language: 'ar' });
    server.delayMs = 150; // both jobs are in flight at once
    await Promise.all([runNextJob(db()), runNextJob(db())]);
    const states = [(await jobOf(a))?.status, (await jobOf(b))?.status].sort();
    assert.deepEqual(states, ['done', 'failed']);
    const u = await usage(region.id);
    assert.equal(u.wordsUsed, 6);
    assert.ok(u.wordsUsed <= 10);
  });

  it('reserves words atomically under many concurrent reservations', async () => {
    const { region } = await setup(55);
    const year = 2099;
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveWords(db(), region.id, year, 10, 55)));
    assert.equal(results.filter(Boolean).length, 5);
    const [row] = await db().select().from(mtUsage).where(and(eq(mtUsage.regionId, region.id), eq(mtUsage.year, year)));
    assert.equal(row?.wordsUsed, 50);
  });

  it('retries when the provider is down, gives the words back, and succeeds later', async () => {
    const { region, officer } = await setup(1000);
    const id = await page(region.id, 'Kita', '<p>Anmeldung im Rathaus.</p>');
    await machineTranslatePage(db(), officer, { pageId: id, language: 'en' });
    server.failWith = 503;
    assert.equal(await runNextJob(db(), { baseBackoffMs: 60_000 }), true);
    let job = await jobOf(id);
    assert.equal(job?.status, 'pending');
    assert.equal(job?.attempts, 1);
    assert.match(job?.lastError ?? '', /LibreTranslate is not available \(HTTP 503\)/);
    assert.equal((await usage(region.id)).wordsUsed, 0, 'reserved words given back');
    assert.equal(await textOf(officer, id, 'en'), undefined);
    server.failWith = null;
    await db().update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, job?.id ?? 0));
    await drain();
    job = await jobOf(id);
    assert.equal(job?.status, 'done');
    assert.equal((await textOf(officer, id, 'en'))?.title, '[en] Kita');
    assert.equal((await usage(region.id)).wordsUsed, 4);
  });

  it('a refusal from the provider (wrong key) ends the job with a readable message', async () => {
    const { region, officer } = await setup(1000);
    await saveMtSettings(db(), officer, key, { regionId: region.id, revision: '1', enabled: '1', provider: 'libretranslate', endpoint: server.url, apiKey: 'wrong', yearlyWordBudget: '1000', pairs: ['de>ar'] });
    const id = await page(region.id, 'Bus', '<p>Fahrkarten.</p>');
    await machineTranslatePage(db(), officer, { pageId: id, language: 'ar' });
    await drain();
    const job = await jobOf(id);
    assert.equal(job?.status, 'failed');
    assert.match(job?.lastError ?? '', /LibreTranslate refused the API key/);
    assert.equal((await usage(region.id)).wordsUsed, 0);
  });

  it('never overwrites a translation a person saved after the request', async () => {
    const { region, officer } = await setup(1000);
    const id = await page(region.id, 'Arzt', '<p>Die Praxis.</p>');
    await machineTranslatePage(db(), officer, { pageId: id, language: 'ar' });
    await savePageText(db(), officer, { pageId: id, language: 'ar', baseRevision: 0, title: 'الطبيب', contentHtml: '<p>العيادة.</p>' });
    await drain();
    assert.match((await jobOf(id))?.lastError ?? '', /changed since machine translation was requested/);
    assert.equal((await textOf(officer, id, 'ar'))?.title, 'الطبيب');
  });

  it('only pairs enabled for the region, and only people who may edit the language', async () => {
    const { region, officer } = await setup(1000);
    const id = await page(region.id, 'Schule', '<p>Unterricht.</p>');
    await assert.rejects(machineTranslatePage(db(), officer, { pageId: id, language: 'de-x-ls' }), (e: unknown) => e instanceof AppError && e.code === 'mt_pair_disabled');
    await assert.rejects(machineTranslatePage(db(), officer, { pageId: id, language: 'de' }), (e: unknown) => e instanceof AppError && e.status === 422);
    const acc = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'translator', languages: ['en'] }] });
    const translator = actorFor(acc.id, acc.email, region.id, 'translator', ['en']);
    await assert.rejects(machineTranslatePage(db(), translator, { pageId: id, language: 'ar' }), (e: unknown) => e instanceof AppError && e.status === 403);
    assert.equal((await machineTranslatePage(db(), translator, { pageId: id, language: 'en' })).queued, true);
  });

  it('bulk: queues every page whose translation is missing, and only those', async () => {
    const { region, officer } = await setup(1000);
    const done = await page(region.id, 'Fertig', '<p>Schon übersetzt.</p>');
    await savePageText(db(), officer, { pageId: done, language: 'en', baseRevision: 0, title: 'Done', contentHtml: '<p>Already translated.</p>' });
    const a = await page(region.id, 'Eins', '<p>Erste Seite.</p>');
    const b = await page(region.id, 'Zwei', '<p>Zweite Seite.</p>');
    const result = await machineTranslateMissing(db(), officer, { regionId: region.id, language: 'en' });
    assert.deepEqual(result, { queued: 2, pages: 2 });
    await drain();
    assert.equal((await textOf(officer, a, 'en'))?.title, '[en] Eins');
    assert.equal((await textOf(officer, b, 'en'))?.title, '[en] Zwei');
    assert.equal((await textOf(officer, done, 'en'))?.title, 'Done');
    await assert.rejects(machineTranslateMissing(db(), admin, { regionId: region.id, language: 'de-x-ls' }), (e: unknown) => e instanceof AppError && e.code === 'mt_pair_disabled');
  });
});
