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
import { headlineOptions, tieredMatches, toSnippetHtml, type SearchHit, type SearchInput, type SearchProvider, type SearchTable } from '../search/index.js';
import { serviceHref } from './public.js';

type Candidate = { serviceId: string; language: string; title: string; orgName: string; exact: boolean; rank: number | string; titleSim: number | string; headline: string | null };

const TEXTS: SearchTable = { name: 'dir_search_texts', key: 'service_id' };

/** One language's texts: matches by full text or by a similar name (see tieredMatches), among visible services. */
function branch(regionId: string, language: string, q: string, onlyUntranslatedIn: string | null): SQL {
  const config = searchConfigFor(language);
  const tq = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
  const filter = sql`EXISTS (
      SELECT 1 FROM dir_services s JOIN dir_organizations o ON o.id = s.organization_id
      WHERE s.id = m.service_id AND s.status = 'published' AND s.archived_at IS NULL AND o.status = 'published' AND o.archived_at IS NULL)
    ${onlyUntranslatedIn ? sql`AND NOT EXISTS (SELECT 1 FROM dir_search_texts x WHERE x.service_id = m.service_id AND x.language = ${onlyUntranslatedIn})` : sql``}`;
  return sql`
    SELECT t.service_id, t.language, ${tq} AS tq,
      t.search_vector @@ ${tq} AS exact,
      ts_rank_cd(t.search_vector, ${tq}, 32) AS rank,
      word_similarity(${q}, t.title) AS title_sim
    FROM dir_search_texts t
    WHERE t.region_id = ${regionId} AND t.language = ${language}
      AND t.service_id IN (${tieredMatches(TEXTS, { regionId, language, q, tq, filter })})`;
}

async function searchServices(db: Db, input: SearchInput): Promise<SearchHit[]> {
  const { region, language: lang, q } = input;
  const src = region.sourceLanguage;
  const branches = [branch(region.id, lang, q, null)];
  if (lang !== src) branches.push(branch(region.id, src, q, lang));
  const options = headlineOptions(30, 12);
  // Ranked first; names and excerpts only for the hits shown.
  const result = await db.execute(sql`
    WITH top AS (
      SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) c
      ORDER BY exact DESC, rank DESC, title_sim DESC
      LIMIT ${Math.max(input.limit, 10)})
    SELECT top.service_id AS "serviceId", top.language, t.title, o.name AS "orgName", top.exact, top.rank, top.title_sim AS "titleSim",
      ts_headline(t.search_config, regexp_replace(t.body, '[\\x01\\x02]', '', 'g'), top.tq, ${options}) AS headline
    FROM top
    JOIN dir_search_texts t ON t.service_id = top.service_id AND t.language = top.language
    JOIN dir_services s ON s.id = t.service_id
    JOIN dir_organizations o ON o.id = s.organization_id
    ORDER BY top.exact DESC, top.rank DESC, top.title_sim DESC`);
  const rows = rowsOf<Candidate>(result);
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
