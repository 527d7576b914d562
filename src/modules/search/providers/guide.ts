/**
 * Guide pages for the region search: PostgreSQL full-text search on `page_translations.search_vector` in each text's
 * own configuration (german, english, russian, turkish; `simple` for the others), widened to near words of the
 * texts' vocabulary (lexicon.ts) and to a title similar to the query (pg_trgm), so a typo or another word form still
 * finds the page. Only pages readers may see (published, in
 * their window, every ancestor visible too); in the reader's language, or the source text where a page has none yet.
 */
import type { Db } from '../../../db/client.js';
import { searchConfigFor, type ReaderNode } from '../../guide/index.js';
import { nearQuery } from '../lexicon.js';
import { readerGuideFor } from '../reader-cache.js';
import { findPageCandidates, headlines, type PageCandidate, type TextSet } from '../queries.js';
import { toSnippetHtml, type SearchHit, type SearchInput, type SearchProvider } from '../registry.js';

const ARABIC_WORD = /^[\u0600-\u06ff]+$/;
/** Arabic attaches the article and some prepositions to the word: الطبيب, بالطبيب, للطبيب, والطبيب. */
const ARABIC_PREFIX = /^(?:[وف]?(?:بال|كال|لل|ال))/;

/**
 * Other spellings of an Arabic query, OR-ed into the full-text query (`simple` keeps الطبيب and طبيب apart):
 * every Arabic word with the article, and every word without its attached article or preposition.
 */
export function arabicVariants(q: string): string[] {
  const words = q.split(/(\s+)/);
  const withArticle = words.map((w) => (ARABIC_WORD.test(w) && !ARABIC_PREFIX.test(w) ? `ال${w}` : w)).join('');
  const bare = words.map((w) => (ARABIC_WORD.test(w) && ARABIC_PREFIX.test(w) && w.replace(ARABIC_PREFIX, '').length >= 2 ? w.replace(ARABIC_PREFIX, '') : w)).join('');
  return [...new Set([withArticle, bare])].filter((v) => v !== q);
}

function variantsFor(language: string, q: string): string[] {
  return language === 'ar' ? arabicVariants(q) : [];
}

/** Exact full-text hits first (by rank), then near words and other spellings; a title like the query counts too. */
export function scoreOf(c: Pick<PageCandidate, 'exact' | 'rank' | 'titleSim'>): number {
  return (c.exact ? 1 : 0) + c.rank + 0.8 * c.titleSim;
}

async function textSet(db: Db, regionId: string, language: string, q: string, pageIds: string[]): Promise<TextSet> {
  const config = searchConfigFor(language);
  const fuzzy = pageIds.length ? await nearQuery(db, { regionId, language, config, q }) : null;
  return { language, config, pageIds, variants: variantsFor(language, q), fuzzy };
}

async function searchGuide(db: Db, input: SearchInput): Promise<SearchHit[]> {
  const { region, language: lang, q } = input;
  const src = region.sourceLanguage;
  const guide = await readerGuideFor(db, region, input.now);
  const nodes = guide.all();
  const sets = [await textSet(db, region.id, lang, q, nodes.filter((n) => n.texts.has(lang)).map((n) => n.page.id))];
  if (lang !== src) sets.push(await textSet(db, region.id, src, q, nodes.filter((n) => !n.texts.has(lang)).map((n) => n.page.id)));

  const candidates = await findPageCandidates(db, { regionId: region.id, q, sets, limit: Math.max(input.limit * 3, 30) });
  const ranked = candidates
    .map((c) => ({ c, score: scoreOf(c), node: guide.byId.get(c.pageId) }))
    .filter((x): x is { c: PageCandidate; score: number; node: ReaderNode } => x.node !== undefined)
    .sort((a, b) => b.score - a.score)
    .slice(0, input.limit);

  const setOf = new Map(sets.map((s) => [s.language, s]));
  const excerpts = await headlines(db, {
    regionId: region.id,
    q,
    texts: ranked.map(({ c }) => ({ pageId: c.pageId, language: c.language, config: searchConfigFor(c.language), variants: variantsFor(c.language, q), fuzzy: setOf.get(c.language)?.fuzzy ?? null })),
  });

  return ranked.map(({ c, score, node }) => {
    const text = node.texts.get(c.language) ?? node.source;
    const path: string[] = [];
    for (let n = node.parent; n; n = n.parent) path.unshift(guide.textIn(n, lang).text.title);
    return {
      kind: 'page',
      title: text.title,
      url: guide.pathOf(node, lang),
      path,
      snippetHtml: toSnippetHtml(stripTitle(excerpts.get(`${c.pageId}\u0000${c.language}`) ?? '', text.title)),
      score,
      language: c.language,
    };
  });
}

/** The stored text starts with the title (title + newline + text); the excerpt need not repeat it. */
function stripTitle(headline: string, title: string): string {
  // eslint-disable-next-line no-control-regex -- the highlight markers are control characters on purpose
  const plain = headline.replace(/[\u0001\u0002]/g, '');
  return plain.startsWith(title) && plain.length > title.length + 20 && !headline.slice(0, title.length + 2).includes('\u0001') ? headline.slice(title.length).trimStart() : headline;
}

/** The guide's search provider (kind `page`). */
export const guideSearchProvider: SearchProvider = { kind: 'page', search: searchGuide };
