import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { listPagesOfRegion, listTranslationsOfRegion, type PageRow, type TranslationRow } from '../modules/guide/queries.js';
import { buildPageTree, slugify, translationState } from '../modules/guide/service.js';
import { countWords, richTextToPlainText, sanitizeRichText } from '../platform/richtext/sanitize.js';
import { regions } from '../platform/schema.js';
import { seedDemo } from './demo.js';
import { revisedGerman, seedDemoGuide } from './demo-guide.js';
import { DEMO_LANGUAGES } from './demo.js';
import { buildRegion } from '../../test/fixtures.js';
import { pageRevisions } from '../modules/guide/schema.js';
import { allDemoPages, DEMO_GUIDE } from './guide/index.js';
import { CORE_TRANSLATIONS, type DemoText } from './guide/types.js';

const pagesData = allDemoPages();
const textsOf = (page: (typeof pagesData)[number]): [string, DemoText][] => Object.entries(page.texts).filter((e): e is [string, DemoText] => e[1] !== undefined);

describe('demo guide content', () => {
  it('has at least 40 pages in about 11 topics, each German page 80–300 words', () => {
    assert.ok(pagesData.length >= 40, `only ${pagesData.length} pages`);
    assert.ok(DEMO_GUIDE.length >= 10 && DEMO_GUIDE.length <= 12, `${DEMO_GUIDE.length} topics`);
    for (const page of pagesData) {
      for (const html of [page.texts.de.html, revisedGerman(page)]) {
        if (html === undefined) continue;
        const words = countWords(richTextToPlainText(html), 'de');
        assert.ok(words >= 80 && words <= 300, `${page.key}: ${words} words`);
      }
    }
    assert.equal(new Set(pagesData.map((p) => p.key)).size, pagesData.length, 'keys are unique');
  });

  it('keeps every text unchanged through sanitizeRichText', () => {
    for (const page of pagesData) {
      for (const [lang, text] of textsOf(page)) assert.equal(sanitizeRichText(text.html), text.html, `${page.key} (${lang})`);
      const revised = revisedGerman(page);
      if (revised !== undefined) assert.equal(sanitizeRichText(revised), revised, `${page.key} (revised de)`);
    }
  });

  it('uses headings, lists, a table, links and contact cards', () => {
    const all = pagesData.map((p) => p.texts.de.html).join('\n');
    for (const needle of ['<h2>', '<h3>', '<ul>', '<ol>', '<table>', '<a href="mailto:', '<a href="https://', 'tel:+49', '<aside class="contact-card">']) assert.ok(all.includes(needle), needle);
  });

  it('declares exactly the core languages it leaves out, and few extra languages', () => {
    for (const page of pagesData) {
      const absent = CORE_TRANSLATIONS.filter((l) => page.texts[l] === undefined);
      assert.deepEqual(absent, CORE_TRANSLATIONS.filter((l) => page.missing?.includes(l)), `${page.key} missing`);
    }
    const withGaps = pagesData.filter((p) => p.missing?.length).length;
    assert.ok(withGaps >= 3 && withGaps <= 6, `${withGaps} pages with gaps`);
    const extra = pagesData.filter((p) => p.texts.tr ?? p.texts.fa ?? p.texts.ru).length;
    assert.ok(extra >= 2 && extra <= pagesData.length / 4, `${extra} pages with tr/fa/ru`);
    const revised = pagesData.filter((p) => p.revision).length;
    assert.ok(revised >= 3 && revised <= 6, `${revised} revised pages`);
  });

  it('has titles whose slugs are unique per language', () => {
    const seen = new Map<string, string>();
    for (const page of pagesData) {
      for (const [lang, text] of textsOf(page)) {
        const key = `${lang}:${slugify(text.title, lang)}`;
        assert.equal(seen.get(key), undefined, `${key} used by ${seen.get(key) ?? ''} and ${page.key}`);
        seen.set(key, page.key);
      }
    }
  });
});

describe('demo guide seed', () => {
  let database: Database & { drop(): Promise<void> };
  let pageRows: PageRow[];
  let translations: TranslationRow[];

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    assert.equal(demo.created, true);
    const [county] = await database.db.select().from(regions).where(eq(regions.slug, 'landkreis-beispiel'));
    assert.ok(county);
    pageRows = await listPagesOfRegion(database.db, county.id);
    translations = await listTranslationsOfRegion(database.db, county.id);
  });
  after(() => database.drop());

  it('creates every page, published, as a tree of topics', () => {
    assert.equal(pageRows.length, pagesData.length);
    assert.ok(pageRows.every((p) => p.status === 'published'));
    const tree = buildPageTree(pageRows, translations);
    assert.deepEqual(
      tree.map((n) => n.translations.get('de')?.title),
      DEMO_GUIDE.map((t) => t.texts.de.title),
    );
    assert.equal(tree.reduce((n, node) => n + node.children.length, 0), pagesData.length - DEMO_GUIDE.length);
  });

  it('has the translations of the data, with the intended states', () => {
    const tree = buildPageTree(pageRows, translations);
    const byTitle = new Map(pagesData.map((p) => [p.texts.de.title, p]));
    const visit = (nodes: typeof tree): void => {
      for (const node of nodes) {
        const source = node.translations.get('de');
        assert.ok(source);
        const data = byTitle.get(source.title);
        assert.ok(data, source.title);
        assert.equal(source.contentHtml, revisedGerman(data) ?? data.texts.de.html);
        assert.equal(source.majorRevision, data.revision ? 2 : 1);
        assert.deepEqual([...node.translations.keys()].sort(), textsOf(data).map(([l]) => l).sort(), `${data.key} languages`);
        for (const [lang, text] of textsOf(data)) {
          if (lang === 'de') continue;
          const row = node.translations.get(lang);
          assert.equal(row?.title, text.title);
          assert.equal(row?.slug, slugify(text.title, lang));
          assert.equal(translationState(source, row), data.revision ? 'outdated' : 'up_to_date', `${data.key} ${lang}`);
        }
        visit(node.children);
      }
    };
    visit(tree);
    const outdated = pageRows.filter((p) => translations.some((t) => t.pageId === p.id && translationState(translations.find((s) => s.pageId === p.id && s.language === 'de'), t) === 'outdated'));
    assert.ok(outdated.length >= 4, `${outdated.length} pages with outdated translations`);
  });

  it('has slugs unique per language', () => {
    const keys = translations.map((t) => `${t.language}/${t.slug}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('writes the same rows as the guide service would (createPage, savePageText)', async () => {
    const other = await createTestDatabase();
    try {
      const region = await buildRegion(other.db, { languages: DEMO_LANGUAGES, sourceLanguage: 'de' });
      const result = await seedDemoGuide(other.db, region.id, { viaService: true });
      assert.equal(result.pages, pagesData.length);
      const servicePages = await listPagesOfRegion(other.db, region.id);
      const serviceTexts = await listTranslationsOfRegion(other.db, region.id);
      // Pages and texts keyed by their place in the tree (German titles), ids differ.
      const shape = (rows: PageRow[], texts: TranslationRow[]) => {
        const titleOf = new Map(texts.filter((t) => t.language === 'de').map((t) => [t.pageId, t.title]));
        return {
          pages: rows.map((p) => ({ title: titleOf.get(p.id), parent: p.parentId ? titleOf.get(p.parentId) : null, position: p.position, status: p.status, icon: p.icon, revision: p.revision })).sort((a, b) => String(a.title).localeCompare(String(b.title))),
          texts: texts
            .map((t) => ({ page: titleOf.get(t.pageId), language: t.language, title: t.title, slug: t.slug, contentHtml: t.contentHtml, contentText: t.contentText, wordCount: t.wordCount, searchConfig: t.searchConfig, revision: t.revision, draftRevision: t.draftRevision, majorRevision: t.majorRevision, sourceRevision: t.sourceRevision, machineProvider: t.machineProvider, searchVector: t.searchVector }))
            .sort((a, b) => `${a.page}|${a.language}`.localeCompare(`${b.page}|${b.language}`)),
        };
      };
      assert.deepEqual(shape(pageRows, translations), shape(servicePages, serviceTexts));
      const revisionShape = async (db: Database['db'], texts: TranslationRow[]) => {
        const titleOf = new Map(texts.filter((t) => t.language === 'de').map((t) => [t.pageId, t.title]));
        const rows = await db.select().from(pageRevisions);
        return rows
          .map((r) => ({ page: titleOf.get(r.pageId), language: r.language, number: r.number, title: r.title, slug: r.slug, contentHtml: r.contentHtml, isDraft: r.isDraft, minor: r.minor, sourceRevision: r.sourceRevision, origin: r.origin, note: r.note }))
          .sort((a, b) => `${a.page}|${a.language}|${a.number}`.localeCompare(`${b.page}|${b.language}|${b.number}`));
      };
      assert.deepEqual(await revisionShape(database.db, translations), await revisionShape(other.db, serviceTexts));
    } finally {
      await other.drop();
    }
  });
});
