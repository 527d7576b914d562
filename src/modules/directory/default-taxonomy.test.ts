// The default category tree in the languages of a region: names for every term, translation rows only for the
// region's languages, a second call that adds what is missing and never touches what the region changed, and the
// Arabic name in the filter of the Arabic services page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { regions } from '../../platform/schema.js';
import { DEMO_LANGUAGES } from '../../seed/demo.js';
import { DEFAULT_TERM_LANGUAGES, DEFAULT_TERMS, defaultTermTranslationLanguages, ensureDefaultTaxonomy, flattenDefaultTerms } from './default-taxonomy.js';
import { dirTaxonomyTerms, dirTranslations } from './schema.js';

const DEFAULTS = flattenDefaultTerms();
const named = (code: string) => {
  const term = DEFAULTS.find((t) => t.code === code);
  if (!term) throw new Error(`no default term ${code}`);
  return term.names;
};

describe('default taxonomy: names', () => {
  it('names every term in every language, with unique codes', () => {
    assert.equal(new Set(DEFAULTS.map((t) => t.code)).size, DEFAULTS.length);
    assert.equal(DEFAULTS.length, DEFAULT_TERMS.length + DEFAULT_TERMS.reduce((n, t) => n + (t.children?.length ?? 0), 0));
    for (const term of DEFAULTS) {
      for (const language of DEFAULT_TERM_LANGUAGES) {
        const name = term.names[language];
        assert.ok(name && name === name.trim() && !name.includes('  '), `${term.code} ${language}`);
      }
    }
  });

  it('translates into the region languages it has names in, never the source language, English always', () => {
    assert.deepEqual(defaultTermTranslationLanguages({ sourceLanguage: 'de', languages: ['de', 'ar', 'uk'] }), ['en', 'ar', 'uk']);
    assert.deepEqual(defaultTermTranslationLanguages({ sourceLanguage: 'en', languages: ['en', 'de', 'ar'] }), ['de', 'ar']);
    // A source language without names of ours keeps German names (as before): no German translation on top.
    assert.deepEqual(defaultTermTranslationLanguages({ sourceLanguage: 'fr', languages: ['fr', 'de', 'tr', 'it'] }), ['en', 'tr']);
  });
});

describe('default taxonomy: translations per region', () => {
  let t: TestApp;
  let region: RegionRow;

  const termsOf = (regionId: string) => t.db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId));
  const translationsOf = (regionId: string) => t.db.select().from(dirTranslations).where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.kind, 'taxonomy_term')));

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'kreis-kategorien', languages: ['de', 'ar', 'uk'], sourceLanguage: 'de' });
    await ensureDefaultTaxonomy(t.db, region);
  });
  after(() => t.close());

  it('gives every default term its Arabic and Ukrainian name, up to date and by a person, and nothing in Persian', async () => {
    const terms = await termsOf(region.id);
    const rows = await translationsOf(region.id);
    assert.equal(terms.length, DEFAULTS.length);
    for (const term of terms) {
      assert.equal(term.name, named(term.code).de);
      for (const language of ['ar', 'uk'] as const) {
        const row = rows.find((r) => r.entityId === term.id && r.language === language);
        assert.deepEqual(row?.fields, { name: named(term.code)[language] }, `${term.code} ${language}`);
        assert.equal(row?.sourceRevision, term.majorRevision);
        assert.equal(row?.machineProvider, null);
      }
    }
    assert.equal(rows.filter((r) => r.language === 'fa').length, 0);
    assert.equal(rows.filter((r) => r.language === 'de').length, 0, 'no row for the source language');
    assert.equal(rows.find((r) => r.entityId === terms.find((x) => x.code === 'migration-counselling')?.id && r.language === 'ar')?.fields.name, 'استشارات الهجرة للبالغين');
  });

  it('adds nothing when called again, then only what is missing: never over an edited translation or a renamed term', async () => {
    const first = await translationsOf(region.id);
    await ensureDefaultTaxonomy(t.db, region);
    assert.equal((await translationsOf(region.id)).length, first.length, 'a second call adds nothing');

    const terms = await termsOf(region.id);
    const id = (code: string) => terms.find((x) => x.code === code)?.id ?? '';
    await t.db
      .update(dirTranslations)
      .set({ fields: { name: 'الاستشارة والمساعدة' } })
      .where(and(eq(dirTranslations.entityId, id('counselling')), eq(dirTranslations.language, 'ar')));
    await t.db.update(dirTaxonomyTerms).set({ name: 'Wohnen und Unterkunft', revision: 2, majorRevision: 2 }).where(eq(dirTaxonomyTerms.id, id('housing')));
    await t.db.delete(dirTranslations).where(and(eq(dirTranslations.entityId, id('schools')), eq(dirTranslations.language, 'uk')));
    const housingBefore = (await translationsOf(region.id)).filter((r) => r.entityId === id('housing'));
    const [withPersian] = await t.db.update(regions).set({ languages: ['de', 'ar', 'uk', 'fa'] }).where(eq(regions.id, region.id)).returning();
    assert.ok(withPersian);
    region = withPersian;

    await ensureDefaultTaxonomy(t.db, region);
    const later = await translationsOf(region.id);
    const row = (code: string, language: string) => later.find((r) => r.entityId === id(code) && r.language === language);
    assert.equal(row('counselling', 'ar')?.fields.name, 'الاستشارة والمساعدة', 'the edited translation stays');
    assert.deepEqual(
      later.filter((r) => r.entityId === id('housing')),
      housingBefore,
      'a renamed term keeps exactly its translations',
    );
    assert.deepEqual(row('schools', 'uk')?.fields, { name: named('schools').uk }, 'a missing translation of an unchanged term comes back');
    assert.equal(later.filter((r) => r.language === 'fa').length, DEFAULTS.length - 1, 'Persian for every term but the renamed one');
    assert.deepEqual(row('immigration-office', 'fa')?.fields, { name: named('immigration-office').fa });
    assert.equal(later.length, first.length - 1 + DEFAULTS.length - 1 + 1, 'one deleted and given back, Persian for all but one');
  });

  it('reads the region languages itself when given only its id and source language (the benchmark does so)', async () => {
    const demo = await buildRegion(t.db, { languages: DEMO_LANGUAGES, sourceLanguage: 'de' });
    await ensureDefaultTaxonomy(t.db, { id: demo.id, sourceLanguage: demo.sourceLanguage });
    const rows = await translationsOf(demo.id);
    for (const language of DEMO_LANGUAGES.filter((l) => l !== 'de')) assert.equal(rows.filter((r) => r.language === language).length, DEFAULTS.length, language);
    assert.equal(rows.length, DEFAULTS.length * (DEMO_LANGUAGES.length - 1));
  });

  it('names the terms in English for an English region and translates them into its other languages', async () => {
    const english = await buildRegion(t.db, { languages: ['en', 'de', 'ar'], sourceLanguage: 'en' });
    await ensureDefaultTaxonomy(t.db, english);
    const terms = await termsOf(english.id);
    const rows = await translationsOf(english.id);
    assert.ok(terms.every((term) => term.name === named(term.code).en));
    assert.deepEqual([...new Set(rows.map((r) => r.language))].sort(), ['ar', 'de']);
    const health = terms.find((x) => x.code === 'health');
    assert.equal(rows.find((r) => r.entityId === health?.id && r.language === 'de')?.fields.name, 'Gesundheit');
  });

  it('shows the Arabic category names in the filter of the Arabic services page', async () => {
    const res = await t.app.inject({ url: `/${region.slug}/ar/services` });
    assert.equal(res.statusCode, 200);
    const select = /<select id="dir-category"[\s\S]*?<\/select>/.exec(res.body)?.[0] ?? '';
    assert.match(select, /<option value="immigration-office">\u2003دائرة الأجانب<\/option>/);
    assert.match(select, /<option value="counselling">الاستشارة والمساعدة<\/option>/, "the region's own translation");
    assert.doesNotMatch(select, /Ausländerbehörde|>Beratung</);
  });
});
