import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAccount, buildRegion, sessionCookieFor } from '../../../test/fixtures.js';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { createPage, getPageForAdmin } from '../guide/index.js';

function multipart(fields: Record<string, string>, file?: { name: string; content: string | Buffer }): { body: Buffer; contentType: string } {
  const boundary = '----wegweiser-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/xliff+xml\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('XLIFF admin pages', () => {
  let t: TestApp;
  let browser: Browser;
  let regionId: string;
  let pageId: string;
  let officer: Actor;

  const upload = async (file?: { name: string; content: string | Buffer }) => {
    const csrf = await browser.csrfFrom(`/admin/regions/${regionId}/xliff`);
    const { body, contentType } = multipart({ _csrf: csrf }, file);
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({ method: 'POST', url: `/admin/regions/${regionId}/xliff/import`, headers: { cookie, 'content-type': contentType }, payload: body });
  };

  before(async () => {
    t = await createTestApp();
    const region = await buildRegion(t.db, { languages: ['de', 'ar', 'fa'], sourceLanguage: 'de' });
    regionId = region.id;
    const acc = await buildAccount(t.db, { roles: [{ regionId, role: 'region_admin' }], name: 'Frau Krüger' });
    officer = { id: acc.id, email: acc.email, name: acc.name, isAdmin: false, memberships: [{ regionId, role: 'region_admin', languages: [] }] };
    pageId = (await createPage(t.db, officer, { regionId, title: 'Aufenthaltstitel', contentHtml: '<p>Sie brauchen einen <strong>gültigen</strong> Pass.</p>' })).page.id;
    browser = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, acc.id)).split('=');
    browser.cookies.set(name ?? '', value ?? '');
  });
  after(() => t.close());

  it('shows the export and import forms with the pages and their state', async () => {
    const res = await browser.get(`/admin/regions/${regionId}/xliff`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /action="\/admin\/regions\/[^"]+\/xliff\/export"/);
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, /Aufenthaltstitel/);
    assert.match(res.body, /name="pageIds" value="[0-9a-f-]{36}"/);
  });

  it('downloads an XLIFF file, and shows the form again (422) without a language', async () => {
    const res = await browser.submit(`/admin/regions/${regionId}/xliff/export`, { language: 'ar', version: '2.1', selection: 'outdated_missing' }, { formUrl: `/admin/regions/${regionId}/xliff` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/xliff\+xml/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename=".*-de-ar-\d{8}\.xlf"/);
    assert.match(res.body, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="ar">/);
    const bad = await browser.submit(`/admin/regions/${regionId}/xliff/export`, { language: '', version: '2.1', selection: 'pages' }, { formUrl: `/admin/regions/${regionId}/xliff` });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
  });

  it('imports an uploaded file, redirects to the report, and lists the import', async () => {
    const exported = await browser.submit(`/admin/regions/${regionId}/xliff/export`, { language: 'ar', version: '1.2', selection: 'all' }, { formUrl: `/admin/regions/${regionId}/xliff` });
    const translated = exported.body.replace(/<source>([\s\S]*?)<\/source>/g, (_m, src: string) => `<source>${src}</source><target state="translated">${src.replace('Sie brauchen einen', 'تحتاج إلى جواز').replace(' Pass.', '.').replace('Aufenthaltstitel', 'تصريح الإقامة')}</target>`);
    const res = await upload({ name: 'agency-ar.xliff', content: translated });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    assert.match(location, new RegExp(`/admin/regions/${regionId}/xliff/imports/[0-9a-f-]{36}$`));
    const report = await browser.get(location);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /agency-ar\.xliff/);
    assert.match(report.body, /xliff-status--applied/);
    assert.match(report.body, /class="xliff-excerpt">Sie brauchen einen gültigen Pass\.</, 'the unit is shown by its source text');
    const ar = (await getPageForAdmin(t.db, officer, pageId)).translations.find((x) => x.language === 'ar');
    assert.equal(ar?.title, 'تصريح الإقامة');
    assert.equal(ar?.contentHtml, '<p>تحتاج إلى جواز <strong>gültigen</strong>.</p>');
    const list = await browser.get(`/admin/regions/${regionId}/xliff`);
    assert.ok(list.body.includes(location));
  });

  it('shows the validator messages with line numbers for an invalid file (422), and asks for a file when none was sent', async () => {
    const invalid = `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="ar">\n  <file id="f1">\n    <unit id="u1"><segment state="done"><source>x</source></segment></unit>\n  </file>\n</xliff>\n`;
    const res = await upload({ name: 'bad.xlf', content: invalid });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /class="xliff-messages"/);
    assert.match(res.body, /4:|Zeile 4/);
    const malformed = await upload({ name: 'broken.xlf', content: '<xliff><file></xliff>' });
    assert.equal(malformed.statusCode, 422);
    const none = await upload();
    assert.equal(none.statusCode, 422);
  });

  it('refuses a file above the size limit with a clear message (413)', async () => {
    const res = await upload({ name: 'huge.xlf', content: Buffer.alloc(10 * 1024 * 1024 + 10, 0x20) });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /10 MB/);
  });

  it('refuses an upload without the CSRF token', async () => {
    const { body, contentType } = multipart({}, { name: 'x.xlf', content: '<x/>' });
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'POST', url: `/admin/regions/${regionId}/xliff/import`, headers: { cookie, 'content-type': contentType }, payload: body });
    assert.equal(res.statusCode, 403);
  });
});
