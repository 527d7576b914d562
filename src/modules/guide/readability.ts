/**
 * Readability of German text (standard German `de` and easy-to-read German `de-x-ls`): sentences, average sentence
 * length, long sentences and long words, and the Flesch reading ease in Amstad's adaptation for German
 * (180 − ASL − 58.5 × ASW). Pure functions without DOM, so the server (hint under the editor) and the browser
 * (live update in the editor island) run the same code.
 *
 * The numbers are a hint for writers, not a verdict: the syllable count is a heuristic (vowel groups, German
 * diphthongs counted once), and sentence boundaries come from Unicode sentence segmentation plus a list of common
 * German abbreviations (z. B., Dr., Nr. …) that do not end a sentence.
 */

/** Languages the hint is shown for. */
export const READABILITY_LANGUAGES = ['de', 'de-x-ls'] as const;

export type ReadabilityBand = 'very_easy' | 'easy' | 'fairly_easy' | 'standard' | 'fairly_difficult' | 'difficult' | 'very_difficult';

export interface LongSentence {
  text: string;
  words: number;
}

export interface LongWord {
  word: string;
  syllables: number;
  letters: number;
}

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Average sentence length in words (ASL). */
  averageSentenceLength: number;
  /** Average syllables per word (ASW). */
  averageSyllablesPerWord: number;
  /** Flesch-Amstad reading ease, clamped to 0–100 (higher is easier). */
  score: number;
  band: ReadabilityBand;
  /** The word limit a sentence may have before it counts as long (15 for de-x-ls, 20 for de). */
  sentenceLimit: number;
  longSentences: LongSentence[];
  /** Long words (more than 6 syllables or more than 15 letters), longest first, each once. */
  longWords: LongWord[];
}

export function isReadabilityLanguage(language: string): boolean {
  return (READABILITY_LANGUAGES as readonly string[]).includes(language);
}

/** More words than this make a sentence long. */
export function sentenceLimitFor(language: string): number {
  return language === 'de-x-ls' ? 15 : 20;
}

export const LONG_WORD_SYLLABLES = 6;
export const LONG_WORD_LETTERS = 15;

const VOWEL = /[aeiouyäöü]/;
/** Vowel pairs spoken as one syllable nucleus (diphthongs and long vowels). */
const ONE_NUCLEUS = new Set(['ai', 'au', 'äu', 'ei', 'eu', 'ey', 'ay', 'ie', 'aa', 'ee', 'oo', 'ou', 'oi']);

/** Syllables of one German word (heuristic: vowel groups, with diphthongs and doubled vowels counting once). */
export function countSyllables(word: string): number {
  const w = word.toLocaleLowerCase('de').replace(/[^a-zäöüß]/g, '');
  if (w === '') return /\p{L}|\p{N}/u.test(word) ? 1 : 0;
  let count = 0;
  let i = 0;
  while (i < w.length) {
    const c = w.charAt(i);
    if (!VOWEL.test(c)) {
      i += 1;
      continue;
    }
    count += 1;
    // "-tion" (Station, Information) is one syllable in German; so is a diphthong or a doubled vowel.
    if (c === 'i' && w.startsWith('on', i + 1) && i >= 1 && w.charAt(i - 1) === 't') {
      i += 3;
      continue;
    }
    const pair = w.slice(i, i + 2);
    i += ONE_NUCLEUS.has(pair) ? 2 : 1;
  }
  return Math.max(1, count);
}

const ABBREVIATIONS = new Set(
  [
    'abs', 'abt', 'allg', 'anm', 'art', 'bd', 'bzgl', 'bzw', 'ca', 'chr', 'd', 'dgl', 'di', 'do', 'dr', 'etc', 'evtl', 'ff',
    'fr', 'geb', 'gem', 'ggf', 'hr', 'hrsg', 'inkl', 'jh', 'jr', 'kap', 'max', 'mi', 'min', 'mio', 'mo', 'mrd', 'nr', 'o',
    'prof', 'sa', 'so', 'sog', 'std', 'str', 'tel', 'tsd', 'u', 'usw', 'vgl', 'z', 'zb', 'zzgl', 'jan', 'feb', 'mär',
    'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'bspw', 'eur', 'gmbh', 'e.v', 'ev',
  ],
);
const MONTHS = /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b/i;

/** Whether a sentence segment ending in "." actually ends at an abbreviation, an initial or an ordinal. */
function endsWithoutSentenceEnd(segment: string, next: string): boolean {
  const m = /(\S+)\.\s*$/u.exec(segment);
  if (!m) return false;
  const token = (m[1] ?? '').replace(/^[("„»«‚'"]+/u, '');
  const lower = token.toLocaleLowerCase('de');
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\./g, ''))) return true;
  if (/^\p{L}$/u.test(token)) return true; // initials: "z. B.", "A. Müller"
  if (/^\d{1,2}$/.test(token)) return MONTHS.test(next.trim()) || /^\p{Ll}/u.test(next.trim()); // 3. Mai, 2. Stock
  return false;
}

// Created on first use: the editor bundle imports this module, and a browser without Intl.Segmenter must still load it.
let sentenceSegmenterCache: Intl.Segmenter | undefined;
let wordSegmenterCache: Intl.Segmenter | undefined;
const sentenceSegmenter = () => (sentenceSegmenterCache ??= new Intl.Segmenter('de', { granularity: 'sentence' }));
const wordSegmenter = () => (wordSegmenterCache ??= new Intl.Segmenter('de', { granularity: 'word' }));

/** Sentences of plain text: each line (block) on its own, Unicode sentence segmentation, abbreviations re-joined. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const parts = Array.from(sentenceSegmenter().segment(line), (s) => s.segment);
    let current = '';
    for (let i = 0; i < parts.length; i += 1) {
      current += parts[i] ?? '';
      const next = parts[i + 1];
      if (next !== undefined && endsWithoutSentenceEnd(current, next)) continue;
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    }
    if (current.trim() !== '') out.push(current.trim());
  }
  return out;
}

/** Words of a sentence (Unicode word segmentation; a hyphenated compound counts as its parts). */
export function splitWords(text: string): string[] {
  return Array.from(wordSegmenter().segment(text))
    .filter((s) => s.isWordLike === true)
    .map((s) => s.segment);
}

export function bandFor(score: number): ReadabilityBand {
  if (score >= 90) return 'very_easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly_easy';
  if (score >= 60) return 'standard';
  if (score >= 50) return 'fairly_difficult';
  if (score >= 30) return 'difficult';
  return 'very_difficult';
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Readability of plain German text (one block per line, as `richTextToPlainText` gives it). */
export function analyseReadability(text: string, language = 'de'): Readability {
  const sentenceLimit = sentenceLimitFor(language);
  const sentences = splitSentences(text);
  let words = 0;
  let syllables = 0;
  const longSentences: LongSentence[] = [];
  const longWords = new Map<string, LongWord>();
  for (const sentence of sentences) {
    const ws = splitWords(sentence);
    words += ws.length;
    if (ws.length > sentenceLimit) longSentences.push({ text: sentence, words: ws.length });
    for (const word of ws) {
      const n = countSyllables(word);
      syllables += n;
      const letters = Array.from(word.matchAll(/\p{L}/gu)).length;
      if ((n > LONG_WORD_SYLLABLES || letters > LONG_WORD_LETTERS) && !longWords.has(word)) {
        longWords.set(word, { word, syllables: n, letters });
      }
    }
  }
  const sentenceCount = sentences.filter((s) => splitWords(s).length > 0).length;
  const asl = sentenceCount === 0 ? 0 : words / sentenceCount;
  const asw = words === 0 ? 0 : syllables / words;
  const raw = words === 0 ? 100 : 180 - asl - 58.5 * asw;
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  return {
    sentences: sentenceCount,
    words,
    syllables,
    averageSentenceLength: round1(asl),
    averageSyllablesPerWord: Math.round(asw * 100) / 100,
    score,
    band: bandFor(score),
    sentenceLimit,
    longSentences,
    longWords: [...longWords.values()].sort((a, b) => b.letters - a.letters || b.syllables - a.syllables || a.word.localeCompare(b.word, 'de')),
  };
}
