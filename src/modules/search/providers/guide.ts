/**
 * Guide pages for the region search: PostgreSQL full-text search on `page_translations.search_vector` in each text's
 * own configuration (german, english, russian, turkish; `simple` for the others), widened to near words of the
 * texts' vocabulary (lexicon.ts) and to a title similar to the query (pg_trgm), so a typo or another word form still
 * finds the page. Only pages readers may see (published, in
 * their window, every ancestor visible too); in the reader's language, or the source text where a page has none yet.
 */
import type { Db } from '../../../db/client.js';
import { searchConfigFor } from '../../guide/index.js';
import { nearQuery } from '../lexicon.js';
import { readerGuideFor, type ReaderSearchView } from '../reader-cache.js';
import { findPageHits, parseQuery, type TextSet } from '../queries.js';
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

/** The texts in `language` that a reader of `readerLanguage` gets, as a set to search (see ReaderSearchView.scope). */
async function textSet(db: Db, view: ReaderSearchView, regionId: string, readerLanguage: string, language: string, q: string): Promise<TextSet> {
  const config = searchConfigFor(language);
  const set = { language, config, ...view.scope(readerLanguage, language), exact: '', widened: '' };
  if (!set.pageIds.length) return set;
  const parsed = await parseQuery(db, config, q, variantsFor(language, q));
  const near = await nearQuery(db, { regionId, language, words: parsed.words, version: view.version });
  return { ...set, exact: parsed.tsquery, widened: near ? (parsed.tsquery ? `(${parsed.tsquery}) | (${near})` : near) : parsed.tsquery };
}

async function searchGuide(db: Db, input: SearchInput): Promise<SearchHit[]> {
  const { region, language: lang, q } = input;
  const src = region.sourceLanguage;
  const view = await readerGuideFor(db, region, input.now);
  const { guide } = view;
  const sets = [await textSet(db, view, region.id, lang, lang, q)];
  if (lang !== src) sets.push(await textSet(db, view, region.id, lang, src, q));

  const found = await findPageHits(db, { regionId: region.id, q, sets, limit: input.limit });
  const hits: SearchHit[] = [];
  for (const h of found) {
    const node = guide.byId.get(h.pageId);
    if (!node) continue; // hidden since the view was built
    const text = node.texts.get(h.language) ?? node.source;
    const path: string[] = [];
    for (let n = node.parent; n; n = n.parent) path.unshift(guide.textIn(n, lang).text.title);
    hits.push({
      kind: 'page',
      title: text.title,
      url: guide.pathOf(node, lang),
      path,
      snippetHtml: toSnippetHtml(stripTitle(h.headline, text.title)),
      score: h.score,
      language: h.language,
    });
  }
  return hits;
}

/** The stored text starts with the title (title + newline + text); the excerpt need not repeat it. */
function stripTitle(headline: string, title: string): string {
  // eslint-disable-next-line no-control-regex -- the highlight markers are control characters on purpose
  const plain = headline.replace(/[\u0001\u0002]/g, '');
  return plain.startsWith(title) && plain.length > title.length + 20 && !headline.slice(0, title.length + 2).includes('\u0001') ? headline.slice(title.length).trimStart() : headline;
}

/** The guide's search provider (kind `page`). */
export const guideSearchProvider: SearchProvider = { kind: 'page', search: searchGuide };
