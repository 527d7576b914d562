import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../db/rows.js';
import { HIGHLIGHT_MARKERS } from './registry.js';

/**
 * The query as a tsquery in one text search configuration, OR-ed with the extra spellings (`simple`) and with the
 * near-match query (raw lexemes of the texts' own vocabulary, see lexicon.ts) when there is one.
 */
function tsqueryOf(config: string, q: string, variants: string[], fuzzy: string | null): SQL {
  let out = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
  for (const v of variants) out = sql`${out} || websearch_to_tsquery('simple', ${v})`;
  if (fuzzy) out = sql`${out} || ${fuzzy}::tsquery`;
  return sql`(${out})`;
}

/**
 * A table of search texts: one row per item and language with `region_id`, `language`, `title`, `search_vector`
 * (title weight A + body weight B) and `title_vector` (the title alone), each in a GIN index led by region and
 * language. page_translations (guide pages) and dir_search_texts (services) have that shape.
 */
export type SearchTable = { name: 'page_translations' | 'dir_search_texts'; key: 'page_id' | 'service_id' };

/**
 * At most this many title hits and this many other hits are ranked per language. A common word matches thousands of
 * texts, and ranking reads each text's whole vector (most are compressed out of line): ranking every match cost
 * 40–120 ms over 10,000 pages. Texts with the query in their title come first (they nearly always outrank a match in
 * the body); the body-only matches fill up to the cap in index order.
 */
export const TITLE_TIER_CAP = 150;
export const BODY_TIER_CAP = 250;

/**
 * Keys of the texts of one language that match: first the title tier (the title matches in full text, or — when
 * those are fewer than the cap — is similar to the query by pg_trgm `<%`; a key may occur twice, the caller's `IN`
 * takes it once), then texts matching in the body — both capped, both found through the indexes alone.
 * `filter` is a condition on the alias `m` (which items readers may see).
 */
export type TierCaps = { title: number; body: number };
export const TIER_CAPS: TierCaps = { title: TITLE_TIER_CAP, body: BODY_TIER_CAP };

export function tieredMatches(table: SearchTable, input: { regionId: string; language: string; q: string; tq: SQL; filter: SQL; caps?: TierCaps }): SQL {
  const caps = input.caps ?? TIER_CAPS;
  const from = sql`${sql.identifier(table.name)} m`;
  const key = sql`m.${sql.identifier(table.key)}`;
  const where = sql`m.region_id = ${input.regionId} AND m.language = ${input.language} AND ${input.filter}`;
  return sql`
    WITH title_tier AS MATERIALIZED (
      (SELECT ${key} AS key FROM ${from} WHERE ${where} AND m.title_vector @@ ${input.tq}
       UNION ALL
       SELECT ${key} FROM ${from} WHERE ${where} AND ${input.q} <% m.title)
      LIMIT ${caps.title})
    SELECT key FROM title_tier
    UNION ALL
    (SELECT ${key} FROM ${from} WHERE ${where} AND m.search_vector @@ ${input.tq} AND ${key} NOT IN (SELECT key FROM title_tier)
     LIMIT ${caps.body})`;
}

/**
 * `column` is one of `ids` — as `= ANY(ids)`, or as `NOT (column = ANY(others))` when the complement (`others`, the
 * rest of the keys that can occur) is shorter: most pages are visible, so the list sent is usually empty.
 */
export function amongIds(column: SQL, ids: string[], others: string[]): SQL {
  if (others.length < ids.length) return others.length ? sql`NOT (${column} = ANY(${uuidArray(others)}::uuid[]))` : sql`TRUE`;
  return sql`${column} = ANY(${uuidArray(ids)}::uuid[])`;
}

/** Texts of one language (on some pages) searched with one configuration; `otherPageIds`: the other pages with a text in it. */
export type TextSet = { language: string; config: string; pageIds: string[]; otherPageIds: string[]; variants: string[]; fuzzy: string | null };

/** A matching text: exact (not only near words or a similar title), its scores, and a highlighted excerpt. */
export type PageHit = { pageId: string; language: string; exact: boolean; rank: number; titleSim: number; score: number; headline: string };

const PAGES: SearchTable = { name: 'page_translations', key: 'page_id' };

/**
 * The best texts of a region for the query (see tieredMatches), each set in its own configuration: exact, other
 * spellings, near words, or a title similar to the query. Score: 1 for an exact full-text hit, plus the cover-density
 * rank (0–1), plus 0.8 × the title's word similarity to the query — so exact hits come first, and title words count.
 * Excerpts (ts_headline with the markers of HIGHLIGHT_MARKERS) only for the `limit` texts returned.
 */
export async function findPageHits(db: Db, input: { regionId: string; q: string; sets: TextSet[]; limit: number; caps?: TierCaps }): Promise<PageHit[]> {
  const sets = input.sets.filter((s) => s.pageIds.length);
  if (!sets.length) return [];
  const q = input.q;
  const branches = sets.map((s) => {
    const tq = tsqueryOf(s.config, q, s.variants, s.fuzzy);
    const filter = sql`m.revision > 0 AND ${amongIds(sql`m.page_id`, s.pageIds, s.otherPageIds)}`;
    return sql`
      SELECT s.*, (CASE WHEN s.exact THEN 1 ELSE 0 END) + s.rank + 0.8 * s.title_sim AS score
      FROM (
        SELECT t.id, ${tq} AS tq,
          t.search_vector @@ ${tsqueryOf(s.config, q, s.variants, null)} AS exact,
          ts_rank_cd(t.search_vector, ${tq}, 32) AS rank,
          word_similarity(${q}, t.title) AS title_sim
        FROM page_translations t
        WHERE t.region_id = ${input.regionId} AND t.language = ${s.language}
          AND t.page_id IN (${tieredMatches(PAGES, { regionId: input.regionId, language: s.language, q, tq, filter, caps: input.caps })})
      ) s`;
  });
  const { start, stop } = HIGHLIGHT_MARKERS;
  const options = `StartSel=${start}, StopSel=${stop}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
  const result = await db.execute(sql`
    WITH top AS (
      SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) c
      ORDER BY score DESC
      LIMIT ${input.limit})
    SELECT t.page_id AS "pageId", t.language, top.exact, top.rank, top.title_sim AS "titleSim", top.score,
      ts_headline(t.search_config, regexp_replace(t.content_text, '[\\x01\\x02]', '', 'g'), top.tq, ${options}) AS headline
    FROM top JOIN page_translations t ON t.id = top.id
    ORDER BY top.score DESC`);
  type Row = { pageId: string; language: string; exact: boolean; rank: number | string; titleSim: number | string; score: number | string; headline: string | null };
  return rowsOf<Row>(result).map((r) => ({
    pageId: r.pageId,
    language: r.language,
    exact: r.exact === true,
    rank: Number(r.rank),
    titleSim: Number(r.titleSim),
    score: Number(r.score),
    headline: r.headline ?? '',
  }));
}

/** The words of a query as a configuration parses them: each token with its lexemes (none for stop words). */
export async function parseQuery(db: Db, config: string, q: string): Promise<{ token: string; lexemes: string[] }[]> {
  const result = await db.execute(sql`SELECT token, lexemes FROM ts_debug(${config}::regconfig, ${q}) WHERE lexemes IS NOT NULL AND cardinality(lexemes) > 0`);
  return rowsOf<{ token: string; lexemes: string[] }>(result);
}

/** Every lexeme of a region's current texts in one language (the vocabulary near matches are taken from). */
export async function listLexemes(db: Db, regionId: string, language: string): Promise<string[]> {
  // ts_stat takes the query as text; both values are bound into it as quoted literals.
  const inner = sql`SELECT quote_literal(${regionId}::text) AS r, quote_literal(${language}) AS l`;
  const [quoted] = rowsOf<{ r: string; l: string }>(await db.execute(inner));
  if (!quoted) return [];
  const result = await db.execute(sql`SELECT word FROM ts_stat(${`SELECT search_vector FROM page_translations WHERE region_id = ${quoted.r}::uuid AND language = ${quoted.l} AND revision > 0`})`);
  return rowsOf<{ word: string }>(result).map((r) => r.word);
}
