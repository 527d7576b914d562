import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../db/rows.js';
import { headlineOptions } from './registry.js';

/** A tsquery given as text (made by the database in parseQuery, widened by lexicon.ts). */
const tsquery = (text: string): SQL => sql`${text}::tsquery`;

/**
 * A table of search texts: one row per item and language with `region_id`, `language`, `title`, `search_vector`
 * (title weight A + body weight B) and `title_vector` (the title alone), each with a GIN index, and a trigram GIN
 * index on `title`. page_translations (guide pages) and dir_search_texts (services) have that shape.
 */
export type SearchTable = { name: 'page_translations' | 'dir_search_texts'; key: 'page_id' | 'service_id' };

/**
 * At most this many title hits and this many other hits are ranked per language. A common word matches thousands of
 * texts, and ranking reads each text's whole vector (most are compressed out of line): ranking every match cost
 * 40–120 ms over 10,000 pages. Texts with the query in their title come first (they nearly always outrank a match in
 * the body); the body-only matches fill up to the cap in index order.
 */
export type TierCaps = { title: number; body: number };
export const TIER_CAPS: TierCaps = { title: 100, body: 150 };

/**
 * Keys of the texts of one language that match: first the title tier (the title matches in full text, or — when
 * those are fewer than the cap — is similar to the query by pg_trgm `<%`; a key may occur twice, the caller's `IN`
 * takes it once), then texts matching in the body — both capped, both found through the indexes alone.
 * `filter` is a condition on the alias `m` (which items readers may see).
 */
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
    -- Planned without the cap, so the planner takes the index rather than reading texts in order until enough match
    -- (which means decompressing each vector); still read lazily, only as far as the cap.
    , body_tier AS MATERIALIZED (
      SELECT ${key} AS key FROM ${from} WHERE ${where} AND m.search_vector @@ ${input.tq} AND ${key} NOT IN (SELECT key FROM title_tier))
    SELECT key FROM title_tier
    UNION ALL
    (SELECT key FROM body_tier LIMIT ${caps.body})`;
}

/**
 * `column` is one of `ids` — as `= ANY(ids)`, or as `NOT (column = ANY(others))` when the complement (`others`, the
 * rest of the keys that can occur) is shorter: most pages are visible, so the list sent is usually empty.
 */
export function amongIds(column: SQL, ids: string[], others: string[]): SQL {
  if (others.length < ids.length) return others.length ? sql`NOT (${column} = ANY(${uuidArray(others)}::uuid[]))` : sql`TRUE`;
  return sql`${column} = ANY(${uuidArray(ids)}::uuid[])`;
}

/**
 * Texts of one language (on some pages) searched with one configuration; `otherPageIds`: the other pages with a text
 * in it. `exact`: the query as tsquery text (with the language's other spellings); `widened`: the same OR-ed with near
 * words (lexicon.ts), or `exact` again.
 */
export type TextSet = { language: string; config: string; pageIds: string[]; otherPageIds: string[]; exact: string; widened: string };

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
    const tq = tsquery(s.widened);
    const filter = sql`m.revision > 0 AND ${amongIds(sql`m.page_id`, s.pageIds, s.otherPageIds)}`;
    return sql`
      SELECT s.*, (CASE WHEN s.exact THEN 1 ELSE 0 END) + s.rank + 0.8 * s.title_sim AS score
      FROM (
        SELECT t.id, ${tq} AS tq,
          t.search_vector @@ ${tsquery(s.exact)} AS exact,
          ts_rank_cd(t.search_vector, ${tq}, 32) AS rank,
          word_similarity(${q}, t.title) AS title_sim
        FROM page_translations t
        WHERE t.region_id = ${input.regionId} AND t.language = ${s.language}
          AND t.page_id IN (${tieredMatches(PAGES, { regionId: input.regionId, language: s.language, q, tq, filter, caps: input.caps })})
      ) s`;
  });
  const options = headlineOptions(35, 15);
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

/** A query as one configuration reads it: each word with its lexemes (none for stop words), and as tsquery text. */
export type ParsedQuery = { words: { token: string; lexemes: string[] }[]; tsquery: string };

/**
 * Parses a query in one configuration (websearch syntax: "phrases", -not, or), OR-ed with other spellings (`simple`),
 * in one round trip: later statements take the tsquery as text instead of parsing it again wherever it is used.
 */
export async function parseQuery(db: Db, config: string, q: string, variants: string[]): Promise<ParsedQuery> {
  let tq = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
  for (const v of variants) tq = sql`${tq} || websearch_to_tsquery('simple', ${v})`;
  const result = await db.execute(sql`
    SELECT (${tq})::text AS tsquery,
      (SELECT coalesce(json_agg(json_build_object('token', d.token, 'lexemes', d.lexemes)), '[]'::json)
       FROM ts_debug(${config}::regconfig, ${q}) d WHERE d.lexemes IS NOT NULL AND cardinality(d.lexemes) > 0) AS words`);
  const [row] = rowsOf<{ tsquery: string; words: ParsedQuery['words'] | string }>(result);
  if (!row) return { words: [], tsquery: '' };
  return { tsquery: row.tsquery, words: typeof row.words === 'string' ? (JSON.parse(row.words) as ParsedQuery['words']) : row.words };
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
