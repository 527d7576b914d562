/**
 * Languages the pool mediates in. These are not the region's content languages: a pool covers 35+ languages,
 * many without a UI catalog (Tigrinya, Somali, Pashto, …). Codes are ISO 639 (three letters where two don't exist:
 * `kmr` Kurmanji, `ckb` Sorani, `prs` Dari); names come from the runtime's CLDR data in the reader's language, with
 * catalog overrides where CLDR is vague (`sprachpool.lang_<code>`). Dialects are a fixed list per language, so a
 * request for Iraqi Arabic matches a mediator who speaks Iraqi Arabic.
 */
import type { Translate } from '../../platform/i18n/catalog.js';

export const POOL_LANGUAGES = [
  'ar', 'prs', 'fa', 'ps', 'kmr', 'ckb', 'ti', 'am', 'so', 'uk', 'ru', 'tr', 'ur', 'hi', 'bn', 'ta', 'sq', 'sr', 'bs',
  'hr', 'mk', 'ro', 'bg', 'pl', 'hu', 'cs', 'fr', 'en', 'es', 'it', 'pt', 'vi', 'zh', 'ka', 'hy', 'az', 'tg', 'uz',
  'ky', 'mn', 'he', 'el', 'ha', 'ig', 'yo', 'wo', 'ln', 'sw', 'ff', 'ne', 'pa', 'si', 'my', 'th', 'tl', 'rom', 'ber',
  'lt', 'lv', 'et', 'sk',
] as const;
export type PoolLanguage = (typeof POOL_LANGUAGES)[number];

/** Dialects the pool distinguishes (keys; labels are `sprachpool.dialect_<key>`). */
export const DIALECTS: Partial<Record<PoolLanguage, readonly string[]>> = {
  ar: ['levantine', 'iraqi', 'egyptian', 'maghrebi', 'gulf', 'sudanese', 'yemeni'],
  kmr: ['bahdini'],
  ckb: ['sulaimani', 'hawleri'],
  fa: ['afghan_farsi'],
  ps: ['kandahari', 'yusufzai'],
  ber: ['tamazight', 'tarifit', 'kabyle'],
};

/** Catalog overrides where CLDR names are missing or ambiguous (both Kurdish varieties are "Kurdisch"). */
const OVERRIDES = new Set(['kmr', 'ckb', 'prs', 'ber', 'rom']);

export function isPoolLanguage(code: string): code is PoolLanguage {
  return (POOL_LANGUAGES as readonly string[]).includes(code);
}

export function dialectsOf(code: string): readonly string[] {
  return isPoolLanguage(code) ? (DIALECTS[code] ?? []) : [];
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of a pool language in the reader's UI language. */
export function poolLanguageName(t: Translate, uiLanguage: string, code: string): string {
  if (OVERRIDES.has(code)) return t(`sprachpool.lang_${code}`);
  let names = displayNames.get(uiLanguage);
  if (!names) {
    try {
      names = new Intl.DisplayNames([uiLanguage, 'en'], { type: 'language', fallback: 'code' });
    } catch {
      names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    }
    displayNames.set(uiLanguage, names);
  }
  return names.of(code) ?? code;
}

/** "Arabic (Iraqi)" — a language with its dialect, when one is given. */
export function languageWithDialect(t: Translate, uiLanguage: string, code: string, dialect: string): string {
  const name = poolLanguageName(t, uiLanguage, code);
  return dialect ? `${name} (${t(`sprachpool.dialect_${dialect}`)})` : name;
}
