import { richTextToPlainText } from '../../../platform/richtext/sanitize.js';
import { usePage } from '../../../web/page-context.js';
import { analyseReadability, isReadabilityLanguage, LONG_WORD_LETTERS, LONG_WORD_SYLLABLES, type ReadabilityBand } from '../readability.js';

export const READABILITY_BANDS: readonly ReadabilityBand[] = ['very_easy', 'easy', 'fairly_easy', 'standard', 'fairly_difficult', 'difficult', 'very_difficult'];
/** At most this many long sentences and words are listed (the longest words first). */
export const HINT_LIST_MAX = 10;

/**
 * Readability hint for German texts (de, de-x-ls) under the editor: Flesch-Amstad score and band, long sentences,
 * long words. Server-rendered from the saved (or submitted) HTML, so it works without JavaScript; the editor island
 * recomputes it while the user types (hooks: data-js-readability, data-js-readability-*). Null for other languages.
 */
export function ReadabilityHint(props: { html: string; language: string }) {
  const { t, lang } = usePage();
  if (!isReadabilityLanguage(props.language)) return null;
  const r = analyseReadability(richTextToPlainText(props.html), props.language);
  const bandLabels = Object.fromEntries(READABILITY_BANDS.map((b) => [b, t(`editor.band_${b}`)]));
  const sentences = r.longSentences.slice(0, HINT_LIST_MAX);
  const words = r.longWords.slice(0, HINT_LIST_MAX);
  return (
    <section
      class="readability"
      aria-labelledby="readability-title"
      data-js-readability
      data-language={props.language}
      data-bands={JSON.stringify(bandLabels)}
      data-list-max={String(HINT_LIST_MAX)}
    >
      <h2 id="readability-title" class="readability__title">
        {t('editor.readability_title')}
      </h2>
      <p class="readability__score">
        {t('editor.readability_score_label')}{' '}
        <strong>
          <span data-js-readability-score>{String(r.score)}</span> / 100
        </strong>{' '}
        — <span data-js-readability-band class={`readability__band readability__band--${r.band}`}>{bandLabels[r.band]}</span>
      </p>
      <p class="readability__explain">{t('editor.readability_explain')}</p>
      <p class="readability__stats">
        {t('editor.readability_average_label')} <span data-js-readability-asl>{formatNumber(r.averageSentenceLength, lang)}</span>
      </p>
      <div data-js-readability-sentences-box hidden={sentences.length === 0}>
        <h3 class="readability__subtitle">{t('editor.readability_long_sentences', { limit: r.sentenceLimit })}</h3>
        <ul class="readability__list" data-js-readability-sentences lang="de" dir="ltr">
          {sentences.map((s) => (
            <li key={s.text}>
              {s.text} <span class="readability__count">({s.words})</span>
            </li>
          ))}
        </ul>
      </div>
      <div data-js-readability-words-box hidden={words.length === 0}>
        <h3 class="readability__subtitle">{t('editor.readability_long_words', { syllables: LONG_WORD_SYLLABLES, letters: LONG_WORD_LETTERS })}</h3>
        <ul class="readability__list readability__list--words" data-js-readability-words lang="de" dir="ltr">
          {words.map((w) => (
            <li key={w.word}>
              {w.word}
            </li>
          ))}
        </ul>
      </div>
      <p class="readability__ok" data-js-readability-ok hidden={sentences.length > 0 || words.length > 0}>
        {t('editor.readability_all_short')}
      </p>
    </section>
  );
}

function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}
