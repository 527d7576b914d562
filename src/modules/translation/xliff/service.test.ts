import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildAccount, buildRegion } from '../../../../test/fixtures.js';
import { createTestDatabase } from '../../../../test/helpers.js';
import type { Database } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/permissions.js';
import { ForbiddenError, ValidationError } from '../../../platform/errors.js';
import { auditEvents } from '../../../platform/schema.js';
import { createPage, getPageForAdmin, getRevisions, savePageText } from '../../guide/index.js';
import { xliffImports } from '../../guide/schema.js';
import { exportXliff, getXliffImport, getXliffOverview, importXliff, listXliffImports, XliffInvalidError } from './service.js';

type Db = Database['db'];
const actorOf = (a: { id: string; email: string; name: string; isAdmin: boolean }, memberships: Actor['memberships']): Actor => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, memberships });

/** What an agency does: fill every target with an "Arabic" version of the source (markers kept). */
function translate(xml: string, version: '2.1' | '1.2'): string {
  if (version === '2.1') {
    return xml.replace(/<segment( state="translated")?><source>([\s\S]*?)<\/source>(?:<target>[\s\S]*?<\/target>)?<\/segment>/g, (_m, _s, src: string) => `<segment state="translated"><source>${src}</source><target>عربي ${src}</target></segment>`);
  }
  return xml.replace(/<source>([\s\S]*?)<\/source>(?:<target state="translated">[\s\S]*?<\/target>)?/g, (_m, src: string) => `<source>${src}</source><target state="translated">عربي ${src}</target>`);
}

describe('XLIFF service', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Db;
  let regionId: string;
  let officer: Actor;
  let farsiTranslator: Actor;
  let residence: string;
  let courses: string;
  let upToDate: string;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    const region = await buildRegion(db, { languages: ['de', 'en', 'ar', 'fa'], sourceLanguage: 'de' });
    regionId = region.id;
    const o = await buildAccount(db, { roles: [{ regionId, role: 'region_admin' }] });
    officer = actorOf(o, [{ regionId, role: 'region_admin', languages: [] }]);
    const f = await buildAccount(db, { roles: [{ regionId, role: 'translator', languages: ['fa'] }] });
    farsiTranslator = actorOf(f, [{ regionId, role: 'translator', languages: ['fa'] }]);

    residence = (
      await createPage(db, officer, {
        regionId,
        title: 'Aufenthaltstitel',
        contentHtml: '<h2>Was Sie brauchen</h2><p>Einen <strong>gültigen</strong> Pass und <a href="https://example.org/termin">einen Termin</a>.</p><ul><li>Foto</li><li>Meldebescheinigung</li></ul>',
      })
    ).page.id;
    courses = (await createPage(db, officer, { regionId, title: 'Sprachkurse', contentHtml: '<p>Kurse gibt es an der VHS.</p>' })).page.id;
    upToDate = (await createPage(db, officer, { regionId, title: 'Notruf', contentHtml: '<p>Rufen Sie 112.</p>' })).page.id;
    // Arabic: the residence page was translated from revision 1 and then the German changed (outdated);
    // courses has no Arabic (missing); the emergency page is up to date.
    await savePageText(db, officer, { pageId: residence, language: 'ar', baseRevision: 0, title: 'تصريح الإقامة', contentHtml: '<h2>ما تحتاجه</h2><p>جواز <strong>ساري</strong> و<a href="https://example.org/termin">موعد</a>.</p><ul><li>صورة</li><li>شهادة التسجيل</li></ul>' });
    await savePageText(db, officer, { pageId: upToDate, language: 'ar', baseRevision: 0, title: 'الطوارئ', contentHtml: '<p>اتصل بالرقم 112.</p>' });
    await savePageText(db, officer, {
      pageId: residence,
      language: 'de',
      baseRevision: 1,
      title: 'Aufenthaltstitel',
      contentHtml: '<h2>Was Sie brauchen</h2><p>Einen <strong>gültigen</strong> Pass und <a href="https://example.org/termin">einen Termin</a>.</p><ul><li>Foto (biometrisch)</li><li>Meldebescheinigung</li></ul>',
    });
  });
  after(() => database.drop());

  it('exports the outdated and missing Arabic pages, with the current translation as target where it fits', async () => {
    const out = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'outdated_missing' });
    assert.equal(out.pageCount, 2);
    assert.match(out.filename, /-de-ar-\d{8}\.xlf$/);
    assert.ok(out.xml.includes(`original="page:${residence}"`));
    assert.ok(out.xml.includes(`original="page:${courses}"`));
    assert.ok(!out.xml.includes(`original="page:${upToDate}"`));
    assert.match(out.xml, /<note category="source-revision">2<\/note>/);
    assert.match(out.xml, /srcDir="ltr" trgDir="rtl"/);
    assert.match(out.xml, /<target>تصريح الإقامة<\/target>/);
    assert.match(out.xml, /<target>جواز <pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt">ساري<\/pc>/);
    const all = await exportXliff(db, officer, { regionId, language: 'ar', version: '1.2', selection: 'all' });
    assert.equal(all.pageCount, 3);
    assert.match(all.filename, /\.xliff$/);
    const chosen = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [courses] });
    assert.equal(chosen.pageCount, 1);
  });

  it('checks permissions and input on export', async () => {
    await assert.rejects(exportXliff(db, farsiTranslator, { regionId, language: 'ar', version: '2.1', selection: 'all' }), ForbiddenError);
    const fa = await exportXliff(db, farsiTranslator, { regionId, language: 'fa', version: '2.1', selection: 'all' });
    assert.equal(fa.pageCount, 3);
    await assert.rejects(exportXliff(db, officer, { regionId, language: 'de', version: '2.1', selection: 'all' }), ValidationError);
    await assert.rejects(exportXliff(db, officer, { regionId, language: 'ar', version: '3.0', selection: 'all' }), ValidationError);
    await assert.rejects(exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [] }), ValidationError);
    const overview = await getXliffOverview(db, farsiTranslator, regionId);
    assert.deepEqual(overview.languages, ['fa']);
    assert.equal(overview.pages.length, 3);
  });

  it('Journey 3: imports the agency’s Arabic file; the unit whose German changed again meanwhile is refused, the rest applies', async () => {
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'outdated_missing' });
    // Meanwhile the officer changes the German of the residence page again (major).
    const before = await getPageForAdmin(db, officer, residence);
    const de = before.translations.find((t) => t.language === 'de');
    assert.ok(de);
    await savePageText(db, officer, {
      pageId: residence,
      language: 'de',
      baseRevision: de.revision,
      title: 'Aufenthaltstitel',
      contentHtml: de.contentHtml.replace('Meldebescheinigung', 'Meldebescheinigung (nicht älter als 3 Monate)'),
    });
    const result = await importXliff(db, officer, { regionId, filename: 'C:\\Users\\agency\\agency-ar.xlf', xml: translate(exported.xml, '2.1') });
    const refusedChanged = result.report.filter((r) => r.reason === 'source_changed');
    assert.equal(refusedChanged.length, 1, JSON.stringify(result.report));
    assert.equal(refusedChanged[0]?.pageId, residence);
    assert.equal(refusedChanged[0]?.unit, 'u4');
    assert.ok(result.report.filter((r) => r.pageId === residence && r.reason !== 'source_changed').every((r) => r.status === 'refused' && r.reason === 'page_not_applied'));
    assert.ok(result.report.filter((r) => r.pageId === courses).every((r) => r.status === 'applied'));
    assert.equal(result.pagesApplied, 1);

    const coursesAr = (await getPageForAdmin(db, officer, courses)).translations.find((t) => t.language === 'ar');
    assert.equal(coursesAr?.title, 'عربي Sprachkurse');
    assert.equal(coursesAr?.contentHtml, '<p>عربي Kurse gibt es an der VHS.</p>');
    assert.equal(coursesAr?.sourceRevision, 1);
    const revisions = await getRevisions(db, officer, courses, 'ar');
    assert.equal(revisions.revisions[0]?.origin, 'xliff');
    const residenceAr = (await getPageForAdmin(db, officer, residence)).translations.find((t) => t.language === 'ar');
    assert.equal(residenceAr?.title, 'تصريح الإقامة', 'the refused page is untouched');

    const stored = await getXliffImport(db, officer, regionId, result.import.id);
    assert.equal(stored.record.refused, result.refused);
    assert.equal(stored.record.targetLanguage, 'ar');
    assert.equal(stored.record.filename, 'agency-ar.xlf', 'a full local path is cut to the file name');
    assert.equal(stored.record.report.length, result.report.length);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'xliff.import'), eq(auditEvents.entityId, result.import.id)));
    assert.equal(audit.length, 1);
    assert.equal((await listXliffImports(db, officer, regionId))[0]?.id, result.import.id);
  });

  it('applies a re-export with markup as inline codes, and reports a second identical import as unchanged', async () => {
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '1.2', selection: 'pages', pageIds: [residence] });
    const result = await importXliff(db, officer, { regionId, filename: 'residence.xliff', xml: translate(exported.xml, '1.2') });
    assert.equal(result.refused, 0, JSON.stringify(result.report));
    assert.equal(result.pagesApplied, 1);
    const ar = (await getPageForAdmin(db, officer, residence)).translations.find((t) => t.language === 'ar');
    const de = (await getPageForAdmin(db, officer, residence)).translations.find((t) => t.language === 'de');
    assert.equal(ar?.sourceRevision, de?.revision);
    assert.match(ar?.contentHtml ?? '', /<p>عربي Einen <strong>gültigen<\/strong> Pass und <a href="https:\/\/example.org\/termin">einen Termin<\/a>.<\/p>/);

    const again = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [residence] });
    const second = await importXliff(db, officer, { regionId, filename: 'same.xlf', xml: again.xml });
    assert.equal(second.refused, 0, JSON.stringify(second.report));
    assert.ok(second.report.every((r) => r.status === 'unchanged'));
  });

  it('refuses units whose inline codes do not match, and targets that are missing', async () => {
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [residence] });
    let xml = translate(exported.xml, '2.1');
    xml = xml.replace(/<target>(عربي Einen )<pc id="1"[^>]*>gültigen<\/pc>/, '<target>$1gültigen');
    xml = xml.replace(/<target>عربي Foto \(biometrisch\)<\/target>/, '');
    const result = await importXliff(db, officer, { regionId, filename: 'broken.xlf', xml });
    assert.ok(result.report.some((r) => r.reason === 'inline_codes:missing_code:1'), JSON.stringify(result.report));
    assert.ok(result.report.some((r) => r.reason === 'missing_target'));
    assert.equal(result.pagesApplied, 0);
  });

  it('refuses a page whose translation changed in wegweiser since the export', async () => {
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [upToDate] });
    await savePageText(db, officer, { pageId: upToDate, language: 'ar', baseRevision: 1, title: 'الطوارئ', contentHtml: '<p>اتصل على 112.</p>' });
    const result = await importXliff(db, officer, { regionId, filename: 'late.xlf', xml: translate(exported.xml, '2.1') });
    assert.ok(result.report.every((r) => r.status === 'refused' && r.reason === 'translation_changed'));
  });

  it('refuses the languages a translator may not edit, and unknown pages', async () => {
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [courses] });
    const result = await importXliff(db, farsiTranslator, { regionId, filename: 'ar.xlf', xml: translate(exported.xml, '2.1') });
    assert.ok(result.report.every((r) => r.reason === 'language_not_allowed'));
    const unknown = translate(exported.xml, '2.1').replaceAll(courses, '00000000-0000-4000-8000-000000000000');
    const r2 = await importXliff(db, officer, { regionId, filename: 'x.xlf', xml: unknown });
    assert.ok(r2.report.every((r) => r.reason === 'unknown_page' && r.pageId === null));
  });

  it('changes nothing for a malformed or schema-invalid file, and says why with line numbers', async () => {
    const count = async () => (await db.select().from(xliffImports).where(eq(xliffImports.regionId, regionId))).length;
    const before = await count();
    const exported = await exportXliff(db, officer, { regionId, language: 'ar', version: '2.1', selection: 'pages', pageIds: [courses] });
    const malformed = translate(exported.xml, '2.1').replace('</unit>', '</unti>');
    await assert.rejects(importXliff(db, officer, { regionId, filename: 'bad.xlf', xml: malformed }), (e: unknown) => e instanceof XliffInvalidError && e.reason === 'malformed' && (e.messages[0]?.line ?? 0) > 1);
    const invalid = translate(exported.xml, '2.1').replace('<segment state="translated">', '<segment state="done">');
    await assert.rejects(importXliff(db, officer, { regionId, filename: 'bad.xlf', xml: invalid }), (e: unknown) => e instanceof XliffInvalidError && e.reason === 'invalid' && /state/.test(e.messages[0]?.message ?? ''));
    await assert.rejects(importXliff(db, officer, { regionId, filename: 'big.xlf', xml: Buffer.alloc(10 * 1024 * 1024 + 1, 32) }), (e: unknown) => e instanceof XliffInvalidError && e.reason === 'too_large');
    await assert.rejects(importXliff(db, officer, { regionId, filename: 'latin1.xlf', xml: Buffer.from([0x3c, 0x61, 0xe4, 0x3e]) }), (e: unknown) => e instanceof XliffInvalidError && e.reason === 'encoding');
    assert.equal(await count(), before);
    const coursesAr = (await getPageForAdmin(db, officer, courses)).translations.find((t) => t.language === 'ar');
    assert.equal(coursesAr?.revision, 1);
  });
});
