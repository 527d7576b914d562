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

/** Texts of one language (on some pages) searched with one configuration. */
export type TextSet = { language: string; config: string; pageIds: string[]; variants: string[]; fuzzy: string | null };

export type PageCandidate = { pageId: string; language: string; exact: boolean; rank: number; titleSim: number };

/**
 * Texts of a region that match the query: full text (each set in its own configuration; exact, other spellings or
 * near words) or a title similar to the query (pg_trgm `<%`, index-backed). One row per text; the caller ranks.
 */
export async function findPageCandidates(db: Db, input: { regionId: string; q: string; sets: TextSet[]; limit: number }): Promise<PageCandidate[]> {
  const sets = input.sets.filter((s) => s.pageIds.length);
  if (!sets.length) return [];
  const q = input.q;
  // Full-text hits and similar titles are found separately (each through its own GIN index; an OR of the two makes
  // the planner read every text of the region) and only the union is ranked.
  const branches = sets.map((s) => {
    const tq = tsqueryOf(s.config, q, s.variants, s.fuzzy);
    const scope = sql`region_id = ${input.regionId} AND language = ${s.language} AND revision > 0`;
    return sql`
      SELECT t.page_id, t.language,
        t.search_vector @@ ${tsqueryOf(s.config, q, s.variants, null)} AS exact,
        ts_rank_cd(t.search_vector, ${tq}, 32) AS rank,
        word_similarity(${q}, t.title) AS title_sim
      FROM page_translations t
      JOIN unnest(${uuidArray(s.pageIds)}::uuid[]) AS visible(id) ON visible.id = t.page_id
      WHERE t.id IN (
        SELECT id FROM page_translations WHERE ${scope} AND search_vector @@ ${tq}
        UNION
        SELECT id FROM page_translations WHERE ${scope} AND ${q} <% title)`;
  });
  const result = await db.execute(sql`
    SELECT page_id AS "pageId", language, exact, rank, title_sim AS "titleSim"
    FROM (${sql.join(branches, sql` UNION ALL `)}) c
    ORDER BY exact DESC, rank DESC
    LIMIT ${input.limit}`);
  return rowsOf<{ pageId: string; language: string; exact: boolean; rank: number | string; titleSim: number | string }>(result).map((r) => ({
    pageId: r.pageId,
    language: r.language,
    exact: r.exact === true,
    rank: Number(r.rank),
    titleSim: Number(r.titleSim),
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

/** Highlighted excerpts (ts_headline with the markers of HIGHLIGHT_MARKERS) of some texts, by `pageId\0language`. */
export async function headlines(db: Db, input: { regionId: string; q: string; texts: { pageId: string; language: string; config: string; variants: string[]; fuzzy: string | null }[] }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!input.texts.length) return out;
  const { start, stop } = HIGHLIGHT_MARKERS;
  const options = `StartSel=${start}, StopSel=${stop}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
  const branches = input.texts.map(
    (x) => sql`
      SELECT t.page_id, t.language,
        ts_headline(t.search_config, regexp_replace(t.content_text, '[\\x01\\x02]', '', 'g'), ${tsqueryOf(x.config, input.q, x.variants, x.fuzzy)}, ${options}) AS headline
      FROM page_translations t
      WHERE t.region_id = ${input.regionId} AND t.page_id = ${x.pageId} AND t.language = ${x.language}`,
  );
  const result = await db.execute(sql`SELECT page_id AS "pageId", language, headline FROM (${sql.join(branches, sql` UNION ALL `)}) h`);
  for (const r of rowsOf<{ pageId: string; language: string; headline: string }>(result)) out.set(`${r.pageId}\u0000${r.language}`, r.headline);
  return out;
}
