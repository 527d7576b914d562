import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildAccount, buildRegion, sessionCookieFor } from '../../../test/fixtures.js';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { auditEvents } from '../../platform/schema.js';
import { createPage, savePageText } from '../guide/index.js';
import { findTranslation } from '../guide/queries.js';
import { changedWordCount, getCoverage, getTaskList } from './workflow.js';

describe('changed words since a translation', () => {
  it('counts the new words of changed blocks, whole added blocks and a changed title', () => {
    const before = { title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Amt.</p><p>Es ist kostenlos.</p>' };
    const after = { title: 'Wohnsitz online anmelden', contentHtml: '<p>Gehen Sie zum Bürgerbüro im Rathaus.</p><p>Es ist kostenlos.</p><p>Bringen Sie den Pass mit.</p>' };
    // title: "online" (1); block 1: "Bürgerbüro im Rathaus" (3); block 3 added: 5 words.
    assert.equal(changedWordCount(before, after, 'de'), 9);
    assert.equal(changedWordCount(after, after, 'de'), 0);
  });
});

describe('translation workflow: coverage, task lists, side by side, approval', () => {
  let t: TestApp;
  let regionId: string;
  let officer: Actor;
  let translator: Actor;
  let translatorBrowser: Browser;
  const pages: Record<'arrive' | 'register' | 'archived' | 'draft', string> = { arrive: '', register: '', archived: '', draft: '' };
  const words: Record<string, number> = {};

  before(async () => {
    t = await createTestApp();
    const region = await buildRegion(t.db, { languages: ['de', 'ar', 'uk', 'de-x-ls'], sourceLanguage: 'de' });
    regionId = region.id;
    const off = await buildAccount(t.db, { roles: [{ regionId, role: 'region_admin' }], name: 'Frau Krüger' });
    officer = { id: off.id, email: off.email, name: off.name, isAdmin: false, memberships: [{ regionId, role: 'region_admin', languages: [] }] };
    const tr = await buildAccount(t.db, { roles: [{ regionId, role: 'translator', languages: ['ar'] }], name: 'Herr Haddad' });
    translator = { id: tr.id, email: tr.email, name: tr.name, isAdmin: false, memberships: [{ regionId, role: 'translator', languages: ['ar'] }] };
    translatorBrowser = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, tr.id)).split('=');
    translatorBrowser.cookies.set(name ?? '', value ?? '');

    const db = t.db;
    const arrive = await createPage(db, officer, { regionId, title: 'Ankommen', contentHtml: '<p>Willkommen im Kreis.</p><p>Hier finden Sie Hilfe.</p>', status: 'published' });
    const register = await createPage(db, officer, { regionId, parentId: arrive.page.id, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Amt.</p>', status: 'published' });
    const archived = await createPage(db, officer, { regionId, title: 'Alte Seite', contentHtml: '<p>Nicht mehr gültig.</p>', status: 'archived' });
    const draft = await createPage(db, officer, { regionId, title: 'Sprachkurse', contentHtml: '<p>Kurse für alle Stufen.</p>', status: 'draft' });
    Object.assign(pages, { arrive: arrive.page.id, register: register.page.id, archived: archived.page.id, draft: draft.page.id });

    // Arabic: "Ankommen" translated (then a minor source fix keeps it current), "Wohnsitz" translated and then the
    // source changes (outdated), "Sprachkurse" machine-translated and not yet checked.
    await savePageText(db, translator, { pageId: pages.arrive, language: 'ar', baseRevision: 0, title: 'الوصول', contentHtml: '<p>أهلا بكم في المقاطعة.</p><p>هنا تجدون المساعدة.</p>' });
    await savePageText(db, officer, { pageId: pages.arrive, language: 'de', baseRevision: 1, title: 'Ankommen', contentHtml: '<p>Willkommen im Kreis!</p><p>Hier finden Sie Hilfe.</p>', minor: true });
    await savePageText(db, translator, { pageId: pages.register, language: 'ar', baseRevision: 0, title: 'تسجيل السكن', contentHtml: '<p>اذهبوا إلى المكتب.</p>' });
    await savePageText(db, officer, { pageId: pages.register, language: 'de', baseRevision: 1, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Bürgerbüro im Rathaus.</p><p>Bringen Sie den Pass mit.</p>' });
    // A draft of the source never outdates anything.
    await savePageText(db, officer, { pageId: pages.arrive, language: 'de', baseRevision: 2, title: 'Ankommen', contentHtml: '<p>Ganz neuer Text im Entwurf.</p>', draft: true });
    await savePageText(db, { system: 'machine-translation' }, { pageId: pages.draft, language: 'ar', baseRevision: 0, title: 'دورات اللغة', contentHtml: '<p>دورات لجميع المستويات.</p>', machineProvider: 'libretranslate', origin: 'machine' });
    for (const [key, id] of Object.entries(pages)) words[key] = (await findTranslation(db, id, 'de'))?.wordCount ?? -1;
  });
  after(() => t.close());

  it('reports coverage per language in pages and source words; archived pages do not count', async () => {
    const coverage = await getCoverage(t.db, officer, regionId);
    assert.equal(coverage.pages, 3);
    assert.equal(coverage.words, (words.arrive ?? 0) + (words.register ?? 0) + (words.draft ?? 0));
    assert.equal(coverage.draftOrReview, 1);
    assert.deepEqual(
      coverage.languages.map((l) => l.language),
      ['ar', 'uk', 'de-x-ls'],
    );
    const ar = coverage.languages.find((l) => l.language === 'ar');
    assert.deepEqual(ar?.counts, {
      up_to_date: { pages: 1, words: words.arrive },
      outdated: { pages: 1, words: words.register },
      machine: { pages: 1, words: words.draft },
      missing: { pages: 0, words: 0 },
    });
    assert.equal(ar?.percentUpToDate, Math.floor((100 * (words.arrive ?? 0)) / coverage.words));
    const uk = coverage.languages.find((l) => l.language === 'uk');
    assert.deepEqual(uk?.counts.missing, { pages: 3, words: coverage.words });
    assert.equal(uk?.percentUpToDate, 0);
    // The restricted translator reads the whole report but may work on Arabic only.
    const seen = await getCoverage(t.db, translator, regionId);
    assert.deepEqual(
      seen.languages.map((l) => [l.language, l.canTranslate]),
      [
        ['ar', true],
        ['uk', false],
        ['de-x-ls', false],
      ],
    );
  });

  it('lists open tasks in tree order with word counts and the words changed in the source', async () => {
    const list = await getTaskList(t.db, translator, regionId, 'ar');
    assert.deepEqual(
      list.tasks.map((task) => [task.title, task.state, task.depth]),
      [
        ['Wohnsitz anmelden', 'outdated', 1],
        ['Sprachkurse', 'machine', 0],
      ],
    );
    const [outdated, machine] = list.tasks;
    assert.equal(outdated?.words, words.register);
    assert.equal(outdated?.changedWords, 8, '"Bürgerbüro im Rathaus" and "Bringen Sie den Pass mit"');
    assert.equal(outdated?.fromRevision, 1);
    assert.equal(outdated?.sourceRevision, 2);
    assert.equal(outdated?.targetTitle, 'تسجيل السكن');
    assert.equal(machine?.machineProvider, 'libretranslate');
    assert.equal(machine?.changedWords, null);
    assert.deepEqual(list.totals.outdated, { pages: 1, words: words.register, changedWords: 8 });
    assert.deepEqual(list.totals.missing, { pages: 0, words: 0, changedWords: 0 });
    assert.deepEqual(list.languages, ['ar']);

    const onlyOutdated = await getTaskList(t.db, translator, regionId, 'ar', 'outdated');
    assert.deepEqual(
      onlyOutdated.tasks.map((task) => task.title),
      ['Wohnsitz anmelden'],
    );
    const ukraine = await getTaskList(t.db, officer, regionId, 'uk', 'missing');
    assert.deepEqual(
      ukraine.tasks.map((task) => task.title),
      ['Ankommen', 'Wohnsitz anmelden', 'Sprachkurse'],
    );
  });

  it('refuses languages the translator is restricted from, the source language and unknown languages', async () => {
    await assert.rejects(getTaskList(t.db, translator, regionId, 'uk'), ForbiddenError);
    await assert.rejects(getTaskList(t.db, translator, regionId, 'de'), NotFoundError);
    await assert.rejects(getTaskList(t.db, translator, regionId, 'xx'), NotFoundError);
  });

  it('serves the report, the CSV and the task list; another language is 403 for the restricted translator', async () => {
    const report = await translatorBrowser.get(`/admin/regions/${regionId}/translations`);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, new RegExp(`href="/admin/regions/${regionId}/translations/ar"`));
    assert.doesNotMatch(report.body, new RegExp(`href="/admin/regions/${regionId}/translations/uk"`));

    const csv = await translatorBrowser.get(`/admin/regions/${regionId}/translations.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF'), 'a BOM so spreadsheet programs read UTF-8');
    // No cell holds a comma or quote here, so lines and commas are the cells.
    const rows = csv.body.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[2]?.slice(0, 9), ['uk', '0', '0', '0', '0', '0', '0', '3', String((words.arrive ?? 0) + (words.register ?? 0) + (words.draft ?? 0))]);

    const tasks = await translatorBrowser.get(`/admin/regions/${regionId}/translations/ar?state=outdated`);
    assert.equal(tasks.statusCode, 200);
    assert.match(tasks.body, new RegExp(`href="/admin/pages/${pages.register}/edit\\?lang=ar"`));
    assert.doesNotMatch(tasks.body, /Sprachkurse/);
    assert.equal((await translatorBrowser.get(`/admin/regions/${regionId}/translations/uk`)).statusCode, 403);
    assert.equal((await translatorBrowser.get(`/admin/regions/${regionId}/translations/zz`)).statusCode, 404);
  });

  it('shows source and translation side by side, with what changed in the source marked', async () => {
    const res = await translatorBrowser.get(`/admin/pages/${pages.register}/edit?lang=ar`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="translate-side"/);
    assert.match(res.body, /class="translate-side__source"/);
    assert.match(res.body, /<ins>(?:<span class="visually-hidden">[^<]*<\/span>)?[^<]*Bürgerbüro/);
    assert.match(res.body, /<del>(?:<span class="visually-hidden">[^<]*<\/span>)?[^<]*Amt/);
    assert.match(res.body, /name="contentHtml"/);
    // Up to date: the plain source, nothing marked.
    const current = await translatorBrowser.get(`/admin/pages/${pages.arrive}/edit?lang=ar`);
    assert.match(current.body, /class="translate-side"/);
    assert.doesNotMatch(current.body, /<ins>/);
  });

  it('a person approves machine output from the editor: notice gone, audited; other languages refused', async () => {
    const editor = `/admin/pages/${pages.draft}/edit?lang=ar`;
    const page = await translatorBrowser.get(editor);
    assert.match(page.body, new RegExp(`action="/admin/pages/${pages.draft}/approve-machine"`));
    const res = await translatorBrowser.submit(`/admin/pages/${pages.draft}/approve-machine`, { language: 'ar' }, { formUrl: editor });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, editor);
    assert.equal((await findTranslation(t.db, pages.draft, 'ar'))?.machineProvider, null);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'page.machine_approve'), eq(auditEvents.entityId, pages.draft)));
    assert.equal(audit.length, 1);
    assert.equal((await getTaskList(t.db, translator, regionId, 'ar')).tasks.length, 1);

    const refused = await translatorBrowser.submit(`/admin/pages/${pages.draft}/approve-machine`, { language: 'uk' }, { formUrl: editor });
    assert.equal(refused.statusCode, 403);
  });
});
