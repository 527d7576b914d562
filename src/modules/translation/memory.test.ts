import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildAccount, buildRegion } from '../../../test/fixtures.js';
import { createTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { approveMachineTranslation, createPage, savePageText, segmentUnits } from '../guide/index.js';
import { translationMemory } from '../guide/schema.js';
import { alignCodes, alignPage, installTranslationMemory, lookupExact, lookupFuzzy, memorySuggestions, normaliseSegment, segmentHash } from './memory.js';

describe('translation memory: alignment', () => {
  it('normalises whitespace and Unicode before hashing', () => {
    assert.equal(normaliseSegment('  Ein   Satz.\n'), 'Ein Satz.');
    assert.equal(segmentHash('Ein Satz.'), segmentHash(' Ein  Satz. '));
    assert.equal(segmentHash('Cafe\u0301'), segmentHash('Café'));
  });

  it('pairs title and units of pages with the same structure, numbering the target codes like the source', () => {
    const pairs = alignPage(
      { title: 'Aufenthalt', contentHtml: '<p>Sie brauchen einen <strong>gültigen</strong> <a href="/pass">Pass</a>.</p><ul><li>Foto</li></ul>' },
      { title: 'الإقامة', contentHtml: '<p>تحتاج إلى <a href="/pass">جواز</a> <strong>ساري</strong>.</p><ul><li>صورة</li></ul>' },
    );
    assert.deepEqual(pairs, [
      { source: 'Aufenthalt', target: 'الإقامة' },
      { source: 'Sie brauchen einen <1>gültigen</1> <2>Pass</2>.', target: 'تحتاج إلى <2>جواز</2> <1>ساري</1>.' },
      { source: 'Foto', target: 'صورة' },
    ]);
  });

  it('keeps only the title when the block structure differs', () => {
    const pairs = alignPage({ title: 'A', contentHtml: '<p>Eins</p><p>Zwei</p>' }, { title: 'B', contentHtml: '<p>One and two</p>' });
    assert.deepEqual(pairs, [{ source: 'A', target: 'B' }]);
  });

  it('refuses a unit whose codes do not correspond', () => {
    const [s] = segmentUnits('<p>Ein <strong>Satz</strong></p>');
    const [t] = segmentUnits('<p>A <em>sentence</em></p>');
    assert.ok(s && t);
    assert.equal(alignCodes(s.source, t.source), null);
  });
});

describe('translation memory: filled on save, looked up exactly and fuzzily', () => {
  let database: Database & { drop(): Promise<void> };
  let regionId: string;
  let pageId: string;
  let translator: Actor;
  const pair = () => ({ regionId, sourceLanguage: 'de', targetLanguage: 'ar' });

  before(async () => {
    database = await createTestDatabase();
    installTranslationMemory();
    const db = database.db;
    const region = await buildRegion(db, { languages: ['de', 'ar', 'en'], sourceLanguage: 'de' });
    regionId = region.id;
    const acc = await buildAccount(db, { roles: [{ regionId, role: 'translator', languages: ['ar'] }] });
    translator = { id: acc.id, email: acc.email, name: acc.name, isAdmin: false, memberships: [{ regionId, role: 'translator', languages: ['ar'] }] };
    pageId = (
      await createPage(db, { system: 'test' }, { regionId, title: 'Wohnung suchen', contentHtml: '<p>Die Wohnungssuche in der Stadt ist schwierig.</p><p>Fragen Sie die <strong>Beratung</strong>.</p>' })
    ).page.id;
  });
  after(() => database.drop());

  it('a machine translation does not fill the memory; approving it does', async () => {
    const db = database.db;
    await savePageText(db, { system: 'machine-translation' }, { pageId, language: 'ar', baseRevision: 0, title: 'البحث عن سكن', contentHtml: '<p>البحث عن سكن في المدينة صعب.</p><p>اسأل <strong>الاستشارة</strong>.</p>', machineProvider: 'libretranslate', origin: 'machine' });
    assert.equal((await db.select().from(translationMemory).where(eq(translationMemory.regionId, regionId))).length, 0);
    await approveMachineTranslation(db, translator, { pageId, language: 'ar' });
    const rows = await db.select().from(translationMemory).where(eq(translationMemory.regionId, regionId));
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.createdBy === translator.id && r.pageId === pageId));
  });

  it('a person saving a translation updates the pairs (newest wins) and lookups find them', async () => {
    const db = database.db;
    await savePageText(db, translator, { pageId, language: 'ar', baseRevision: 1, title: 'البحث عن شقة', contentHtml: '<p>البحث عن شقة في المدينة صعب.</p><p>اسأل <strong>مكتب الاستشارة</strong>.</p>' });
    const exact = await lookupExact(db, pair(), ['Fragen Sie die <1>Beratung</1>.', 'Wohnung suchen', 'Unbekannt']);
    assert.equal(exact.get('Fragen Sie die <1>Beratung</1>.'), 'اسأل <1>مكتب الاستشارة</1>.');
    assert.equal(exact.get('Wohnung suchen'), 'البحث عن شقة');
    assert.equal(exact.has('Unbekannt'), false);
    assert.equal((await db.select().from(translationMemory).where(eq(translationMemory.regionId, regionId))).length, 3);
  });

  it('fuzzy lookup returns similar segments with their score, above the threshold only', async () => {
    const db = database.db;
    const matches = await lookupFuzzy(db, pair(), 'Die Wohnungssuche in der Stadt ist sehr schwierig.');
    assert.equal(matches.length, 1);
    assert.equal(matches[0]?.source, 'Die Wohnungssuche in der Stadt ist schwierig.');
    assert.ok((matches[0]?.score ?? 0) >= 0.75 && (matches[0]?.score ?? 1) < 1, `score ${matches[0]?.score}`);
    assert.deepEqual(await lookupFuzzy(db, pair(), 'Etwas ganz anderes über Busfahrkarten.'), []);
    assert.deepEqual(await lookupFuzzy(db, { ...pair(), targetLanguage: 'en' }, 'Die Wohnungssuche in der Stadt ist schwierig.'), []);
  });

  it('suggests, unit by unit, the exact match and similar segments for a page', async () => {
    const db = database.db;
    const other = (
      await createPage(db, { system: 'test' }, { regionId, title: 'Wohnung suchen', slug: 'wohnung-2', contentHtml: '<p>Die Wohnungssuche in der Stadt ist sehr schwierig.</p><p>Fragen Sie die <strong>Beratung</strong>.</p>' })
    ).page.id;
    const suggestions = await memorySuggestions(db, translator, { pageId: other, language: 'ar' });
    assert.deepEqual(suggestions.map((s) => [s.unit, s.exact]), [
      ['title', 'البحث عن شقة'],
      ['u1', null],
      ['u2', 'اسأل <1>مكتب الاستشارة</1>.'],
    ]);
    assert.equal(suggestions[1]?.fuzzy[0]?.target, 'البحث عن شقة في المدينة صعب.');
    assert.ok((suggestions[1]?.fuzzy[0]?.score ?? 0) >= 0.75);
    assert.deepEqual(await memorySuggestions(db, translator, { pageId: other, language: 'de' }), []);
  });
});
