/**
 * Services in the region search (kind `service`): full-text search on dir_search_texts (name, description,
 * organisation, categories, eligibility, places — maintained by store.ts) in each text's own configuration, plus a
 * name similar to the query (pg_trgm, for typos). The reader's language first; services without a text in it are
 * searched in the source language. Only services readers may see.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { searchConfigFor } from '../guide/index.js';
import { HIGHLIGHT_MARKERS, toSnippetHtml, type SearchHit, type SearchInput, type SearchProvider } from '../search/index.js';
import { serviceHref } from './public.js';

type Candidate = { serviceId: string; language: string; title: string; orgName: string; exact: boolean; rank: number; titleSim: number; headline: string };

/** One language's texts: matches by full text or by a similar name, among visible services. */
function branch(regionId: string, language: string, q: string, onlyUntranslatedIn: string | null): SQL {
  const config = searchConfigFor(language);
  const tq = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
  const scope = sql`region_id = ${regionId} AND language = ${language}`;
  const { start, stop } = HIGHLIGHT_MARKERS;
  const options = `StartSel=${start}, StopSel=${stop}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
  return sql`
    SELECT t.service_id AS "serviceId", t.language, t.title, o.name AS "orgName",
      t.search_vector @@ ${tq} AS exact,
      ts_rank_cd(t.search_vector, ${tq}, 32) AS rank,
      word_similarity(${q}, t.title) AS "titleSim",
      ts_headline(t.search_config, regexp_replace(t.body, '[\\x01\\x02]', '', 'g'), ${tq}, ${options}) AS headline
    FROM dir_search_texts t
    JOIN dir_services s ON s.id = t.service_id AND s.status = 'published' AND s.archived_at IS NULL
    JOIN dir_organizations o ON o.id = s.organization_id AND o.status = 'published' AND o.archived_at IS NULL
    WHERE t.region_id = ${regionId} AND t.language = ${language}
      AND t.service_id IN (
        SELECT service_id FROM dir_search_texts WHERE ${scope} AND search_vector @@ ${tq}
        UNION
        SELECT service_id FROM dir_search_texts WHERE ${scope} AND ${q} <% title)
      ${onlyUntranslatedIn ? sql`AND NOT EXISTS (SELECT 1 FROM dir_search_texts x WHERE x.service_id = t.service_id AND x.language = ${onlyUntranslatedIn})` : sql``}`;
}

async function searchServices(db: Db, input: SearchInput): Promise<SearchHit[]> {
  const { region, language: lang, q } = input;
  const src = region.sourceLanguage;
  const branches = [branch(region.id, lang, q, null)];
  if (lang !== src) branches.push(branch(region.id, src, q, lang));
  const result = await db.execute(sql`
    SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) c
    ORDER BY exact DESC, rank DESC, "titleSim" DESC
    LIMIT ${Math.max(input.limit, 10)}`);
  const rows = rowsOf<Candidate & { rank: number | string; titleSim: number | string }>(result);
  return rows.map((c) => ({
    kind: 'service',
    kindKey: 'directory.search_kind',
    title: c.title,
    url: serviceHref(region.slug, lang, c.serviceId, c.title),
    path: [c.orgName],
    snippetHtml: toSnippetHtml(c.headline ?? ''),
    score: (c.exact ? 1 : 0) + Number(c.rank) + 0.8 * Number(c.titleSim),
    language: c.language,
  }));
}

/** The directory's search provider (kind `service`). */
export const serviceSearchProvider: SearchProvider = { kind: 'service', search: searchServices };
