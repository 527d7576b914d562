import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type AccountRow, type RegionRow } from '../../../test/fixtures.js';
import { auditEvents, jobs, languages, mails } from '../../platform/schema.js';
import { enqueueJob, runNextJob } from '../../platform/jobs/jobs.js';
import { queueMail } from '../../platform/mail/mail.js';

async function browserFor(t: TestApp, account: AccountRow): Promise<Browser> {
  const browser = new Browser(t.app);
  const [name, value] = (await sessionCookieFor(t.app, t.db, account.id)).split('=');
  if (!name || !value) throw new Error('no session cookie');
  browser.cookies.set(name, value);
  return browser;
}

describe('admin operations pages', () => {
  let t: TestApp;
  let county: RegionRow;
  let municipality: RegionRow;
  let otherCounty: RegionRow;
  let countyAdmin: AccountRow;
  let otherAdmin: AccountRow;
  let editor: AccountRow;
  let installAdmin: AccountRow;
  let failedCountyJob: number;
  let failedGlobalJob: number;

  before(async () => {
    t = await createTestApp();
    county = await buildRegion(t.db, { name: 'Kreis Ost' });
    municipality = await buildRegion(t.db, { name: 'Stadt Ost-1', kind: 'city', parentId: county.id });
    otherCounty = await buildRegion(t.db, { name: 'Kreis West' });
    countyAdmin = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'region_admin' }], uiLanguage: 'en' });
    otherAdmin = await buildAccount(t.db, { roles: [{ regionId: otherCounty.id, role: 'region_admin' }], uiLanguage: 'en' });
    editor = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'editor' }, { regionId: otherCounty.id, role: 'translator' }], uiLanguage: 'en' });
    installAdmin = await buildAccount(t.db, { isAdmin: true, uiLanguage: 'en' });

    // A failed job in the municipality (below the county), one without a region, one pending in the other county.
    failedCountyJob = await enqueueJob(t.db, 'test.broken', { n: 1 }, { regionId: municipality.id, maxAttempts: 1 });
    failedGlobalJob = await enqueueJob(t.db, 'test.broken', { n: 2 }, { maxAttempts: 1 });
    await runNextJob(t.db);
    await runNextJob(t.db);
    await enqueueJob(t.db, 'test.later', {}, { regionId: otherCounty.id, runAt: new Date(Date.now() + 3_600_000) });
  });
  after(() => t.close());

  it('GET /admin sends anonymous people to the login page', async () => {
    const res = await t.app.inject({ url: '/admin' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?next=%2Fadmin');
  });

  it('the dashboard shows the person’s regions with roles and only the links they may use', async () => {
    const page = await (await browserFor(t, editor)).get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a href="/admin/regions/${county.id}">Kreis Ost</a> – Editor`));
    assert.match(page.body, new RegExp(`<a href="/admin/regions/${otherCounty.id}">Kreis West</a> – Translator`));
    assert.doesNotMatch(page.body, /href="\/admin\/audit"/);
    assert.doesNotMatch(page.body, /Failed jobs/, 'no queue counts for editors');
  });

  it('region admins see queue counts of their regions; the admin sees all', async () => {
    const mine = await (await browserFor(t, countyAdmin)).get('/admin');
    assert.match(mine.body, /href="\/admin\/audit"/);
    assert.match(mine.body, /<dt>Failed jobs<\/dt><dd><a href="\/admin\/jobs#failed">1<\/a>/);
    assert.match(mine.body, /<dt>Waiting jobs<\/dt><dd><a href="\/admin\/jobs#waiting">0<\/a>/);
    const all = await (await browserFor(t, installAdmin)).get('/admin');
    assert.match(all.body, /<dt>Failed jobs<\/dt><dd><a href="\/admin\/jobs#failed">2<\/a>/);
    assert.match(all.body, /<dt>Waiting jobs<\/dt><dd><a href="\/admin\/jobs#waiting">1<\/a>/);
    assert.match(all.body, /href="\/admin\/languages"/);
  });

  it('/admin/jobs lists failed jobs of the actor’s regions with the last error; the admin also sees region-less ones', async () => {
    const mine = await (await browserFor(t, countyAdmin)).get('/admin/jobs');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Stadt Ost-1/);
    assert.match(mine.body, /no handler for job type test\.broken/);
    assert.match(mine.body, new RegExp(`action="/admin/jobs/${failedCountyJob}/retry"`));
    assert.doesNotMatch(mine.body, new RegExp(`/admin/jobs/${failedGlobalJob}/retry`));
    assert.doesNotMatch(mine.body, /test\.later/);

    const other = await (await browserFor(t, otherAdmin)).get('/admin/jobs');
    assert.doesNotMatch(other.body, /test\.broken/);
    assert.match(other.body, /test\.later/);

    const all = await (await browserFor(t, installAdmin)).get('/admin/jobs');
    assert.match(all.body, new RegExp(`/admin/jobs/${failedGlobalJob}/retry`));
    assert.match(all.body, /whole installation/);
  });

  it('retrying a job of another county is 404 and changes nothing', async () => {
    const browser = await browserFor(t, otherAdmin);
    const res = await browser.submit(`/admin/jobs/${failedCountyJob}/retry`, {}, { formUrl: '/admin' });
    assert.equal(res.statusCode, 404);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, failedCountyJob));
    assert.equal(job?.status, 'failed');
  });

  it('POST /admin/jobs/:id/retry queues the job again, is audited as job.retry, and a second click changes nothing', async () => {
    const browser = await browserFor(t, countyAdmin);
    const res = await browser.submit(`/admin/jobs/${failedCountyJob}/retry`, {}, { formUrl: '/admin/jobs' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/jobs');
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, failedCountyJob));
    assert.equal(job?.status, 'pending');
    assert.equal(job?.attempts, 0);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'job.retry'), eq(auditEvents.entityId, String(failedCountyJob))));
    assert.ok(event);
    assert.equal(event.regionId, municipality.id);
    assert.equal(event.actorId, countyAdmin.id);
    assert.deepEqual(event.changes.status, ['failed', 'pending']);
    const next = await browser.get('/admin/jobs');
    assert.match(next.body, new RegExp(`Job #${failedCountyJob} will be tried again\\.`));

    const again = await browser.submit(`/admin/jobs/${failedCountyJob}/retry`, {}, { formUrl: '/admin/jobs' });
    assert.equal(again.statusCode, 303);
    assert.equal((await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'job.retry'))).length, 1);
  });

  it('retrying a failed mail job puts the mail back to queued', async () => {
    const mailId = await queueMail(t.db, { to: 'x@example.org', subject: 'Retry me', text: 'x', regionId: county.id });
    await t.db.update(mails).set({ status: 'failed', error: 'smtp down' }).where(eq(mails.id, mailId));
    const [job] = await t.db.select().from(jobs).where(eq(jobs.type, 'mail.send'));
    assert.ok(job);
    await t.db.update(jobs).set({ status: 'failed', attempts: 12 }).where(eq(jobs.id, job.id));
    const res = await (await browserFor(t, countyAdmin)).submit(`/admin/jobs/${job.id}/retry`, {}, { formUrl: '/admin/jobs' });
    assert.equal(res.statusCode, 303);
    const [mail] = await t.db.select().from(mails).where(eq(mails.id, mailId));
    assert.equal(mail?.status, 'queued');
  });

  it('outgoing mail: region admins see their regions’ mails, the admin also region-less ones (password resets)', async () => {
    await queueMail(t.db, { to: 'reset@example.org', subject: 'Reset your password', text: 'link' });
    await queueMail(t.db, { to: 'west@example.org', subject: 'West invitation', text: 'link', regionId: otherCounty.id });
    const mine = await (await browserFor(t, countyAdmin)).get('/admin/mail');
    assert.match(mine.body, /Retry me/);
    assert.doesNotMatch(mine.body, /Reset your password|West invitation/);
    const all = await (await browserFor(t, installAdmin)).get('/admin/mail');
    assert.match(all.body, /Reset your password/);
    assert.match(all.body, /West invitation/);
    assert.equal((await (await browserFor(t, editor)).get('/admin/mail')).statusCode, 403);
  });

  it('languages: the admin adds a content language (audited), duplicates and bad codes get 422 with the values kept', async () => {
    const browser = await browserFor(t, installAdmin);
    const list = await browser.get('/admin/languages');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<code>ar<\/code><\/td><td lang="ar" dir="rtl">العربية<\/td>/);

    const bad = await browser.submit('/admin/languages', { code: 'Portuguese!', nativeName: 'Português', englishName: '', direction: 'ltr' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /valid language code \(BCP 47\)|BCP 47/);
    assert.match(bad.body, /value="Português"/);

    const dup = await browser.submit('/admin/languages', { code: 'de', nativeName: 'Deutsch', englishName: 'German', direction: 'ltr' });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /The language de already exists\./);

    const ok = await browser.submit('/admin/languages', { code: 'PT-BR', nativeName: 'Português (Brasil)', englishName: 'Portuguese (Brazil)', direction: 'ltr' });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.db.select().from(languages).where(eq(languages.code, 'pt-br'));
    assert.equal(row?.nativeName, 'Português (Brasil)');
    assert.equal(row?.hasUiCatalog, false);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'language.create'));
    assert.equal(event?.entityId, 'pt-br');
    assert.equal(event?.regionId, null);
    assert.match((await browser.get('/admin/languages')).body, /The language pt-br was added\./);
  });

  it('languages: editing records only the changed fields; region admins may not', async () => {
    const browser = await browserFor(t, installAdmin);
    const form = await browser.get('/admin/languages/pt-br');
    assert.match(form.body, /value="Portuguese \(Brazil\)"/);
    const res = await browser.submit('/admin/languages/pt-br', { nativeName: 'Português (Brasil)', englishName: 'Brazilian Portuguese', direction: 'ltr' });
    assert.equal(res.statusCode, 303);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'language.update'));
    assert.deepEqual(event?.changes, { englishName: ['Portuguese (Brazil)', 'Brazilian Portuguese'] });

    const invalid = await browser.submit('/admin/languages/pt-br', { nativeName: '', englishName: 'X', direction: 'up' });
    assert.equal(invalid.statusCode, 422);
    assert.equal((await browser.submit('/admin/languages/xx-none', { nativeName: 'a', englishName: 'b', direction: 'ltr' }, { formUrl: '/admin/languages' })).statusCode, 404);

    const regionAdmin = await browserFor(t, countyAdmin);
    const denied = await regionAdmin.submit('/admin/languages/pt-br', { nativeName: 'Hacked', englishName: 'Hacked', direction: 'rtl' }, { formUrl: '/admin' });
    assert.equal(denied.statusCode, 403);
    const [row] = await t.db.select().from(languages).where(eq(languages.code, 'pt-br'));
    assert.equal(row?.englishName, 'Brazilian Portuguese');
  });

  it('pages render in a right-to-left UI language', async () => {
    const page = await (await browserFor(t, countyAdmin)).get('/admin/audit?lang=ar');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    assert.match(page.body, /سجل التغييرات/);
  });
});
