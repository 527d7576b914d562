/**
 * Events in the region search (kind `event`): full-text search over title (weight A) and description (weight B) in
 * each text's own configuration, plus a title similar to the query (pg_trgm, for typos). The reader's language
 * first; events without a translation into it are searched in the source language. Only published events with a
 * date still to come; a hit leads to the event's page. Events are few per region, so texts are vectorised per query
 * rather than kept in a search table.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { translator } from '../../platform/i18n/catalog.js';
import { searchConfigFor } from '../guide/index.js';
import { headlineOptions, toSnippetHtml, type SearchHit, type SearchInput, type SearchProvider } from '../search/index.js';
import { eventUrls } from './urls.js';
import { dateFormat } from './public-format.js';

type Candidate = { eventId: string; language: string; title: string; category: string; exact: boolean; rank: number | string; titleSim: number | string; headline: string | null; nextStart: Date | string; timeZone: string };

/** One language's texts of the region's searchable events: the source texts, or the translations into `language`. */
function branch(input: { regionId: string; language: string; translated: boolean; skipTranslatedIn: string | null; q: string; now: Date }): SQL {
  const config = searchConfigFor(input.language);
  const tq = sql`websearch_to_tsquery(${config}::regconfig, ${input.q})`;
  const title = input.translated ? sql`tr.title` : sql`e.title`;
  const html = input.translated ? sql`tr.description_html` : sql`e.description_html`;
  // Tags become spaces; the highlight markers must not occur in the text itself.
  const body = sql`regexp_replace(regexp_replace(${html}, '<[^>]+>', ' ', 'g'), '[\\x01\\x02]', '', 'g')`;
  const upcoming = sql`o.event_id = e.id AND o.status = 'scheduled' AND o.starts_at > ${input.now}`;
  return sql`
    SELECT c.event_id AS "eventId", ${input.language}::text AS language, c.title, c.category,
      c.doc @@ ${tq} AS exact,
      ts_rank_cd(c.doc, ${tq}, 32) AS rank,
      word_similarity(${input.q}, c.title) AS "titleSim",
      ${config}::regconfig AS config, ${tq} AS tq, c.body,
      c.next_start AS "nextStart", c.time_zone AS "timeZone"
    FROM (
      SELECT e.id AS event_id, e.category, ${title} AS title, ${body} AS body,
        setweight(to_tsvector(${config}::regconfig, ${title}), 'A') || setweight(to_tsvector(${config}::regconfig, ${body}), 'B') AS doc,
        (SELECT min(o.starts_at) FROM ev_occurrences o WHERE ${upcoming}) AS next_start,
        r.timezone AS time_zone
      FROM ev_events e
      JOIN regions r ON r.id = e.region_id
      ${input.translated ? sql`JOIN ev_translations tr ON tr.event_id = e.id AND tr.language = ${input.language}` : sql``}
      WHERE e.region_id = ${input.regionId} AND e.status = 'published'
        AND EXISTS (SELECT 1 FROM ev_occurrences o WHERE ${upcoming})
        ${input.skipTranslatedIn ? sql`AND NOT EXISTS (SELECT 1 FROM ev_translations x WHERE x.event_id = e.id AND x.language = ${input.skipTranslatedIn})` : sql``}
    ) c
    WHERE c.doc @@ ${tq} OR ${input.q} <% c.title`;
}

async function searchEvents(db: Db, input: SearchInput): Promise<SearchHit[]> {
  const { region, language: lang, q } = input;
  const src = region.sourceLanguage;
  const now = input.now ?? new Date();
  const branches =
    lang === src
      ? [branch({ regionId: region.id, language: src, translated: false, skipTranslatedIn: null, q, now })]
      : [branch({ regionId: region.id, language: lang, translated: true, skipTranslatedIn: null, q, now }), branch({ regionId: region.id, language: src, translated: false, skipTranslatedIn: lang, q, now })];
  const options = headlineOptions(30, 12);
  // Excerpts only for the hits shown.
  const result = await db.execute(sql`
    SELECT top.*, ts_headline(top.config, top.body, top.tq, ${options}) AS headline
    FROM (
      SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) c
      ORDER BY exact DESC, rank DESC, "titleSim" DESC
      LIMIT ${Math.max(input.limit, 10)}) top
    ORDER BY top.exact DESC, top.rank DESC, top."titleSim" DESC`);
  const t = translator(lang);
  return rowsOf<Candidate>(result).map((c) => {
    const next = c.nextStart instanceof Date ? c.nextStart : new Date(c.nextStart);
    return {
      kind: 'event',
      kindKey: 'events-public.search_kind',
      title: c.title,
      url: eventUrls.event(region.slug, lang, c.eventId),
      path: [t(`events.category_${c.category}`), dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: c.timeZone }).format(next)],
      snippetHtml: toSnippetHtml(c.headline ?? ''),
      score: (c.exact ? 1 : 0) + Number(c.rank) + 0.8 * Number(c.titleSim),
      language: c.language,
    };
  });
}

/** The events' search provider (kind `event`). */
export const eventSearchProvider: SearchProvider = { kind: 'event', search: searchEvents };
