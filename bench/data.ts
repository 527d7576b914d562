// Data benchmarks (part of `npm run bench`, or alone: `node --import tsx bench/data.ts`): search latency over a
// generated region of 10,000 pages in German and in Arabic, and XLIFF export + import of 1,000 pages — on PGlite and
// (when reachable) on a fresh PostgreSQL database. Writes its figures into bench/README.md between the bench-data
// markers. Environment:
//   BENCH_SEARCH_PAGES  pages of the search region (default 10000)
//   BENCH_XLIFF_PAGES   pages exported and imported (default 1000)
//   BENCH_MODULE_ROUNDS rounds of the 10 queries through the search module (default 10; the reference query: 20)
//   BENCH_PG_URL        PostgreSQL server to create fresh databases on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NO_WRITE=1    print the table only
//
// Search is measured twice: through the search module (`searchRegion` with the guide provider, exactly what the
// search page runs, 30 hits with excerpts), and — as a reference for what the database alone costs — one plain query
// (full text on page_translations.search_vector with websearch_to_tsquery OR trigram similarity on the title, ranked,
// top 10 with ts_headline excerpts).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openPglite, type Database, type Db } from '../src/db/client.js';
import { freshPostgres, machine, ms, pass, PG_SERVER, writeReadmeSection } from './support.js';
import { runMigrations } from '../src/db/migrate.js';
import { pages, pageTranslations } from '../src/modules/guide/schema.js';
import { guideSearchProvider } from '../src/modules/search/providers/guide.js';
import { registerSearchProvider, type SearchRegion } from '../src/modules/search/registry.js';
import { searchRegion } from '../src/modules/search/service.js';
import { searchConfigFor, slugify } from '../src/modules/guide/service.js';
import { exportXliff, importXliff } from '../src/modules/translation/xliff/service.js';
import type { Actor } from '../src/platform/auth/permissions.js';
import { countWords, richTextToPlainText } from '../src/platform/richtext/sanitize.js';
import { accounts, regions } from '../src/platform/schema.js';
import { allDemoPages } from '../src/seed/guide/index.js';
import { ensureLanguages } from '../src/seed/languages.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'bench', 'README.md');
const START = '<!-- bench-data:start -->';
const END = '<!-- bench-data:end -->';
const SEARCH_PAGES = Number(process.env.BENCH_SEARCH_PAGES ?? 10_000);
const XLIFF_PAGES = Number(process.env.BENCH_XLIFF_PAGES ?? 1_000);
const SEARCH_ROUNDS = 20;
/** Rounds through the search module. */
const MODULE_ROUNDS = Number(process.env.BENCH_MODULE_ROUNDS ?? 10);
const TARGET_P95_MS = 50;
/** Load average (1 min) when the run began: other work on the machine distorts every figure. */
const LOAD_AT_START = (loadavg()[0] ?? 0).toFixed(1);

/** Queries as readers type them: single words, phrases, several words, and typos (only the trigram part finds those). */
const QUERIES: Record<'de' | 'ar', string[]> = {
  de: ['Wohnung', 'Integrationskurs anmelden', 'Kita Platz', 'Arzt Termin', 'Ausländerbehörde', 'Anerkennung Abschluss', '"Sprachmittler werden"', 'Müll trennen', 'Auslanderbehorde', 'Schule Anmeldung Kinder'],
  ar: ['السكن', 'دورة الاندماج', 'طبيب', 'الحضانة', 'دائرة الأجانب', 'وسيط لغوي', 'العمل', 'المدرسة', 'تصريح الاقامة', 'التأمين الصحي'],
};
const PLACES = ['Beispielstadt', 'Musterdorf', 'Neuhausen', 'Lindenau', 'Birkenfeld', 'Am See', 'Oberberg', 'Talheim', 'Waldstetten', 'Kirchbach'];

type SearchFigures = { language: string; queries: number; p50: number; p95: number; max: number; avgHits: number; firstMs?: number };
type SearchPair = { module: SearchFigures; reference: SearchFigures };
type XliffFigures = { pages: number; units: number; bytes: number; exportMs: number; importMs: number; applied: number; refused: number };
type EngineData = { engine: string; generateMs: number; search: SearchPair[]; xliff: XliffFigures };

function log(line: string): void {
  process.stderr.write(line + '\n');
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Texts of the demo guide per language: title, HTML and plain text (computed once). */
function demoTexts(language: 'de' | 'ar'): { title: string; html: string; text: string }[] {
  return allDemoPages()
    .map((page) => page.texts[language])
    .filter((t): t is { title: string; html: string } => t !== undefined)
    .map((t) => ({ ...t, text: richTextToPlainText(t.html) }));
}

async function insertRegion(db: Db, slug: string, languages: string[]): Promise<string> {
  const [row] = await db.insert(regions).values({ slug, name: slug, kind: 'county', sourceLanguage: 'de', languages }).returning({ id: regions.id });
  if (!row) throw new Error('region insert failed');
  return row.id;
}

/**
 * A region of `count` published pages (100 topics with subpages), each with a German and an Arabic text built from
 * the demo guide's texts plus a varying sentence, written in chunks straight into the tables (the service would take
 * minutes for 20,000 texts; the computed columns are filled the way savePageText fills them).
 */
export async function generateSearchRegion(db: Db, count: number): Promise<SearchRegion> {
  const slug = `bench-suche-${randomBytes(3).toString('hex')}`;
  const regionId = await insertRegion(db, slug, ['de', 'ar']);
  const texts = { de: demoTexts('de'), ar: demoTexts('ar') };
  const topics = Math.min(100, count);
  const ids: string[] = [];
  for (let from = 0; from < count; from += 500) {
    const pageRows: (typeof pages.$inferInsert)[] = [];
    const translationRows: (typeof pageTranslations.$inferInsert)[] = [];
    for (let i = from; i < Math.min(count, from + 500); i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      pageRows.push({ id, regionId, parentId: i < topics ? null : (ids[i % topics] ?? null), position: Math.floor(i / topics), status: 'published' });
      for (const language of ['de', 'ar'] as const) {
        const base = texts[language][i % texts[language].length];
        if (!base) continue;
        const place = PLACES[Math.floor(i / 7) % PLACES.length] ?? '';
        const title = `${base.title} ${place} ${Math.floor(i / texts[language].length) + 1}`;
        const extra = language === 'de' ? `Dieses Angebot gilt für ${place} und Umgebung (Eintrag ${i}).` : `هذا العرض متاح في ${place} والمناطق المحيطة (رقم ${i}).`;
        const text = `${base.text}\n${extra}`;
        translationRows.push({
          pageId: id,
          regionId,
          language,
          title,
          slug: `${slugify(base.title, language)}-${i}`,
          contentHtml: `${base.html}<p>${extra}</p>`,
          contentText: `${title}\n${text}`,
          wordCount: countWords(`${title} ${text}`, language),
          searchConfig: searchConfigFor(language),
          revision: 1,
          majorRevision: language === 'de' ? 1 : 0,
          sourceRevision: language === 'de' ? null : 1,
        });
      }
    }
    await db.insert(pages).values(pageRows);
    await db.insert(pageTranslations).values(translationRows);
  }
  await db.execute(sql`ANALYZE page_translations`);
  await db.execute(sql`ANALYZE pages`);
  return { id: regionId, slug, languages: ['de', 'ar'], sourceLanguage: 'de' };
}

/** The reference query (see the note at the top): ranked full text OR title trigram match, top 10 with excerpts. */
async function referenceSearch(db: Db, regionId: string, language: 'de' | 'ar', query: string): Promise<number> {
  const config = searchConfigFor(language);
  const result = await db.execute(sql`
    WITH q AS (SELECT websearch_to_tsquery(${config}::regconfig, ${query}) AS q)
    SELECT hit.page_id, hit.title, ts_headline(hit.search_config, hit.content_text, q.q, 'MaxFragments=1, MaxWords=18, MinWords=8') AS excerpt
    FROM q, (
      SELECT t.page_id, t.title, t.search_config, t.content_text,
             ts_rank_cd(t.search_vector, (SELECT q FROM q)) + similarity(t.title, ${query}) AS score
      FROM page_translations t JOIN pages p ON p.id = t.page_id
      WHERE t.region_id = ${regionId} AND t.language = ${language} AND t.revision > 0 AND p.status = 'published'
        AND (t.search_vector @@ (SELECT q FROM q) OR t.title % ${query})
      ORDER BY score DESC
      LIMIT 10
    ) hit
    ORDER BY hit.score DESC`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/** The search module as the search page calls it; returns the number of hits. */
async function moduleSearch(db: Db, region: SearchRegion, language: 'de' | 'ar', q: string): Promise<number> {
  return (await searchRegion(db, { region, language, q })).hits.length;
}

async function measureSearch(language: 'de' | 'ar', rounds: number, run: (q: string) => Promise<number>): Promise<SearchFigures> {
  const queries = QUERIES[language];
  // The first search of a language loads what the module keeps between searches (page tree, typo vocabulary).
  const first = performance.now();
  for (const q of queries) await run(q); // warm-up
  const firstMs = performance.now() - first;
  const times: number[] = [];
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const began = performance.now();
      hits += await run(q);
      times.push(performance.now() - began);
    }
  }
  times.sort((a, b) => a - b);
  return { language, queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0, avgHits: hits / times.length, firstMs };
}

/** Same markup as the service test's translate(): every XLIFF 2.1 segment gets an Arabic target. */
function translateXliff(xml: string): string {
  return xml.replace(/<segment( state="[a-z]+")?><source>([\s\S]*?)<\/source>(?:<target>[\s\S]*?<\/target>)?<\/segment>/g, (_m, _s, src: string) => `<segment state="translated"><source>${src}</source><target>عربي ${src}</target></segment>`);
}

/** Exports `count` German pages (the demo texts, markup and contact cards included) for Arabic, translates, imports. */
async function measureXliff(db: Db, count: number): Promise<XliffFigures> {
  const regionId = await insertRegion(db, `bench-xliff-${randomBytes(3).toString('hex')}`, ['de', 'ar']);
  const [account] = await db.insert(accounts).values({ email: `bench-${randomBytes(4).toString('hex')}@beispiel.example`, name: 'Bench', isAdmin: true }).returning({ id: accounts.id, email: accounts.email });
  if (!account) throw new Error('account insert failed');
  const actor: Actor = { id: account.id, email: account.email, name: 'Bench', isAdmin: true, memberships: [] };
  const texts = demoTexts('de');
  for (let from = 0; from < count; from += 500) {
    const pageRows: (typeof pages.$inferInsert)[] = [];
    const translationRows: (typeof pageTranslations.$inferInsert)[] = [];
    for (let i = from; i < Math.min(count, from + 500); i++) {
      const base = texts[i % texts.length];
      if (!base) continue;
      const id = crypto.randomUUID();
      const title = `${base.title} ${i}`;
      pageRows.push({ id, regionId, position: i, status: 'published' });
      translationRows.push({ pageId: id, regionId, language: 'de', title, slug: `${slugify(base.title)}-${i}`, contentHtml: base.html, contentText: `${title}\n${base.text}`, wordCount: countWords(`${title} ${base.text}`, 'de'), searchConfig: 'german', revision: 1, majorRevision: 1 });
    }
    await db.insert(pages).values(pageRows);
    await db.insert(pageTranslations).values(translationRows);
  }
  let began = performance.now();
  const exported = await exportXliff(db, actor, { regionId, language: 'ar', version: '2.1', selection: 'all' });
  const exportMs = performance.now() - began;
  const translated = translateXliff(exported.xml);
  began = performance.now();
  const imported = await importXliff(db, actor, { regionId, filename: exported.filename, xml: translated });
  const importMs = performance.now() - began;
  return { pages: exported.pageCount, units: exported.unitCount, bytes: Buffer.byteLength(exported.xml), exportMs, importMs, applied: imported.pagesApplied, refused: imported.refused };
}

async function measureEngine(engine: string, database: Database): Promise<EngineData> {
  await runMigrations(database);
  await ensureLanguages(database.db);
  log(`${engine}: generating ${SEARCH_PAGES} pages × 2 languages …`);
  let began = performance.now();
  const region = await generateSearchRegion(database.db, SEARCH_PAGES);
  const generateMs = performance.now() - began;
  const searchFigures: SearchPair[] = [];
  for (const language of ['de', 'ar'] as const) {
    log(`${engine}: search ${language} (module, then reference query) …`);
    const module = await measureSearch(language, MODULE_ROUNDS, (q) => moduleSearch(database.db, region, language, q));
    const reference = await measureSearch(language, SEARCH_ROUNDS, (q) => referenceSearch(database.db, region.id, language, q));
    searchFigures.push({ module, reference });
  }
  log(`${engine}: XLIFF export + import of ${XLIFF_PAGES} pages …`);
  began = performance.now();
  const xliff = await measureXliff(database.db, XLIFF_PAGES);
  log(`${engine}: XLIFF done in ${Math.round(performance.now() - began)} ms`);
  return { engine, generateMs, search: searchFigures, xliff };
}


function table(results: EngineData[]): string {
  const head = `| figure | ${results.map((r) => r.engine).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const row = (label: string, cell: (r: EngineData) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const s = (r: EngineData, lang: string) => r.search.find((f) => f.module.language === lang)?.module;
  const ref = (r: EngineData, lang: string) => r.search.find((f) => f.reference.language === lang)?.reference;
  const lines = [head, sep, row(`generate ${SEARCH_PAGES.toLocaleString('en')} pages × (de + ar), bulk insert`, (r) => ms(r.generateMs))];
  for (const [lang, label] of [
    ['de', 'German'],
    ['ar', 'Arabic'],
  ] as const) {
    lines.push(row(`search ${label}, search module: **p95** (${MODULE_ROUNDS * QUERIES[lang].length} queries)`, (r) => `**${ms(s(r, lang)?.p95 ?? 0)}** ${pass((s(r, lang)?.p95 ?? Infinity) < TARGET_P95_MS)}`, `< ${TARGET_P95_MS} ms`));
    lines.push(row(`search ${label}, search module: p50 / max; hits per query (≤ 30)`, (r) => `${ms(s(r, lang)?.p50 ?? 0)} / ${ms(s(r, lang)?.max ?? 0)}; ${(s(r, lang)?.avgHits ?? 0).toFixed(1)}`));
    lines.push(row(`search ${label}, search module: the first ${QUERIES[lang].length} queries together (loading page tree and typo vocabulary)`, (r) => ms(s(r, lang)?.firstMs ?? 0)));
    lines.push(row(`search ${label}, reference query (one SQL statement): p95 / p50 (${SEARCH_ROUNDS * QUERIES[lang].length} queries)`, (r) => `${ms(ref(r, lang)?.p95 ?? 0)} / ${ms(ref(r, lang)?.p50 ?? 0)}`));
  }
  lines.push(row(`XLIFF 2.1 export, ${XLIFF_PAGES.toLocaleString('en')} pages (units, size)`, (r) => `${ms(r.xliff.exportMs)} (${r.xliff.units.toLocaleString('en')} units, ${(r.xliff.bytes / 1024 / 1024).toFixed(1)} MB)`));
  lines.push(row('XLIFF import of the translated file (pages applied / units refused)', (r) => `${ms(r.xliff.importMs)} (${r.xliff.applied} / ${r.xliff.refused})`));
  return lines.join('\n');
}


/** Measures both engines and writes the bench-data section of bench/README.md (unless BENCH_NO_WRITE=1). */
export async function runDataBench(): Promise<string> {
  registerSearchProvider(guideSearchProvider);
  const results: EngineData[] = [];
  const lite = await openPglite('memory://');
  try {
    results.push(await measureEngine('PGlite', lite));
  } finally {
    await lite.close();
  }
  const postgres = await freshPostgres('ww_bench_data');
  if (postgres) {
    try {
      results.push(await measureEngine('PostgreSQL', postgres.database));
    } finally {
      await postgres.drop();
    }
  } else {
    log(`PostgreSQL not reachable at ${PG_SERVER}; measured PGlite only.`);
  }
  const section = [
    START,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine(LOAD_AT_START)}.`,
    `Search: ${QUERIES.de.length} queries per language, ${MODULE_ROUNDS} rounds through the module and ${SEARCH_ROUNDS} of the reference query, one at a time, time per query as the`,
    'application sees it (driver included): the search module’s searchRegion (what the search page runs), and the',
    'one-statement reference query of bench/data.ts. XLIFF: the translation module’s exportXliff / importXliff (every',
    'imported page a savePageText).',
    '',
    table(results),
    END,
  ].join('\n');
  process.stdout.write(section + '\n');
  if (process.env.BENCH_NO_WRITE !== '1') {
    writeReadmeSection(README, START, END, section, 'Data figures (search, XLIFF)');
    log(`written to ${README}`);
  }
  return section;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runDataBench();
