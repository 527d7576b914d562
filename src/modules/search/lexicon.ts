/**
 * Typo tolerance without scanning every text: the vocabulary (lexemes of `search_vector`, via ts_stat) of a region's
 * texts in one language is kept in memory and read again when the content changed (the caller passes the content
 * version, see reader-cache.ts) — at most once a minute, in the background while the old one still answers. A query
 * word that is not found as typed is widened to the vocabulary words most similar to it (trigram similarity as
 * pg_trgm computes it). The widened query is a plain tsquery of raw lexemes, so the full-text index does the rest:
 * "Sprachkrus" → 'sprachkur', "Kurse" → 'kur', "житла" → 'житло'.
 */
import type { Db } from '../../db/client.js';
import { listLexemes, type ParsedQuery } from './queries.js';

/** A vocabulary word this similar to a query word (or its stem) widens the query. */
export const NEAR_SIMILARITY = 0.5;
/** At most this many near words per query word. */
const NEAR_PER_WORD = 6;
/** A changed vocabulary is read again at most this often (reading it means reading every text's vector). */
const MIN_REBUILD_MS = 60_000;
const MAX_ENTRIES = 500;

type Word = { word: string; grams: Set<string> };
/** The vocabulary with an inverted index trigram → words, so a query word is compared only with words it shares a trigram with. */
type Vocabulary = { words: Word[]; byGram: Map<string, number[]> };
type Entry = { version: string | null; builtAt: number; vocabulary: Promise<Vocabulary>; refreshing: boolean };
const cache = new Map<string, Entry>();

/** Trigrams of a text the way pg_trgm makes them: per word, lower-cased, padded with two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i += 1) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** Shared trigrams over all trigrams of both sets, given the sizes and the count shared. */
const overlap = (shared: number, a: number, b: number): number => shared / (a + b - shared);

/** pg_trgm's similarity(): shared trigrams over all trigrams of both. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return overlap(shared, a.size, b.size);
}

export function indexWords(list: string[]): Vocabulary {
  const words = list.map((word) => ({ word, grams: trigrams(word) }));
  const byGram = new Map<string, number[]>();
  words.forEach((w, i) => {
    for (const g of w.grams) {
      const ids = byGram.get(g);
      if (ids) ids.push(i);
      else byGram.set(g, [i]);
    }
  });
  return { words, byGram };
}

/** Words of the vocabulary with their best trigram similarity to any of the probes (only words sharing a trigram). */
export function similarWords(vocabulary: Vocabulary, probes: Set<string>[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const probe of probes) {
    const shared = new Map<number, number>();
    for (const g of probe) for (const i of vocabulary.byGram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) {
      const w = vocabulary.words[i];
      if (!w) continue;
      const score = overlap(n, probe.size, w.grams.size);
      if (score > (best.get(w.word) ?? 0)) best.set(w.word, score);
    }
  }
  return best;
}

function load(db: Db, regionId: string, language: string): Promise<Vocabulary> {
  return listLexemes(db, regionId, language).then(indexWords);
}

async function vocabulary(db: Db, regionId: string, language: string, version: string | null): Promise<Vocabulary> {
  const key = `${regionId}\u0000${language}`;
  const entry = cache.get(key);
  if (!entry) {
    if (cache.size >= MAX_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    const fresh: Entry = { version, builtAt: Date.now(), vocabulary: load(db, regionId, language), refreshing: false };
    cache.set(key, fresh);
    fresh.vocabulary.catch(() => cache.get(key) === fresh && cache.delete(key));
    return fresh.vocabulary;
  }
  if (entry.version !== version && !entry.refreshing && Date.now() - entry.builtAt >= MIN_REBUILD_MS) {
    // Read again in the background; this search still uses the vocabulary it has.
    entry.refreshing = true;
    const builtAt = Date.now();
    load(db, regionId, language).then(
      (v) => cache.get(key) === entry && cache.set(key, { version, builtAt, vocabulary: Promise.resolve(v), refreshing: false }),
      () => (entry.refreshing = false),
    );
  }
  return entry.vocabulary;
}

/** Forgets the cached vocabularies (tests; a region's texts changed in bulk). */
export function clearVocabularies(): void {
  cache.clear();
}

function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The query widened to near words of the texts' vocabulary, as tsquery text: every query word (stop words left out)
 * becomes (its lexemes | near words), and the words are AND-ed. Null when nothing is near.
 */
export async function nearQuery(db: Db, input: { regionId: string; language: string; words: ParsedQuery['words']; version: string | null }): Promise<string | null> {
  const tokens = input.words.slice(0, 12);
  if (!tokens.length) return null;
  const vocab = await vocabulary(db, input.regionId, input.language, input.version);
  let widened = false;
  const groups = tokens.map(({ token, lexemes }) => {
    const probes = [...new Set([token.toLowerCase(), ...lexemes])].map(trigrams);
    const near = [...similarWords(vocab, probes)]
      .map(([word, score]) => ({ word, score }))
      .filter((w) => w.score >= NEAR_SIMILARITY && !lexemes.includes(w.word))
      .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, NEAR_PER_WORD)
      .map((w) => w.word);
    if (near.length) widened = true;
    return [...new Set([...lexemes, ...near])];
  });
  if (!widened) return null;
  return groups.map((g) => `(${g.map(quoteLexeme).join(' | ')})`).join(' & ');
}
