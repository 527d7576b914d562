/** Languages the installation knows, with native names and writing direction (BCP 47 codes). */
export type LanguageInfo = { code: string; nativeName: string; englishName: string; direction: 'ltr' | 'rtl' };

export const KNOWN_LANGUAGES: LanguageInfo[] = [
  { code: 'de', nativeName: 'Deutsch', englishName: 'German', direction: 'ltr' },
  { code: 'de-x-ls', nativeName: 'Leichte Sprache', englishName: 'Easy-to-read German', direction: 'ltr' },
  { code: 'en', nativeName: 'English', englishName: 'English', direction: 'ltr' },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', direction: 'rtl' },
  { code: 'uk', nativeName: 'Українська', englishName: 'Ukrainian', direction: 'ltr' },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian (Farsi/Dari)', direction: 'rtl' },
  { code: 'tr', nativeName: 'Türkçe', englishName: 'Turkish', direction: 'ltr' },
  { code: 'ru', nativeName: 'Русский', englishName: 'Russian', direction: 'ltr' },
  { code: 'ps', nativeName: 'پښتو', englishName: 'Pashto', direction: 'rtl' },
  { code: 'ku', nativeName: 'Kurdî (Kurmancî)', englishName: 'Kurdish (Kurmanji)', direction: 'ltr' },
  { code: 'ckb', nativeName: 'کوردی (سۆرانی)', englishName: 'Kurdish (Sorani)', direction: 'rtl' },
  { code: 'ti', nativeName: 'ትግርኛ', englishName: 'Tigrinya', direction: 'ltr' },
  { code: 'so', nativeName: 'Soomaali', englishName: 'Somali', direction: 'ltr' },
  { code: 'fr', nativeName: 'Français', englishName: 'French', direction: 'ltr' },
  { code: 'es', nativeName: 'Español', englishName: 'Spanish', direction: 'ltr' },
  { code: 'pl', nativeName: 'Polski', englishName: 'Polish', direction: 'ltr' },
  { code: 'ro', nativeName: 'Română', englishName: 'Romanian', direction: 'ltr' },
  { code: 'bg', nativeName: 'Български', englishName: 'Bulgarian', direction: 'ltr' },
  { code: 'sq', nativeName: 'Shqip', englishName: 'Albanian', direction: 'ltr' },
  { code: 'ur', nativeName: 'اردو', englishName: 'Urdu', direction: 'rtl' },
];

/** Languages with a complete UI catalog under locales/. */
export const UI_LANGUAGES = ['de', 'en', 'ar', 'uk', 'fa', 'tr', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const byCode = new Map(KNOWN_LANGUAGES.map((l) => [l.code, l]));

/** Language metadata; unknown codes get a neutral ltr entry. */
export function languageInfo(code: string): LanguageInfo {
  return byCode.get(code) ?? { code, nativeName: code, englishName: code, direction: 'ltr' };
}

/** The UI catalog to use for a content language (Easy German uses German UI strings, others English). */
export function uiLanguageFor(code: string): UiLanguage {
  if ((UI_LANGUAGES as readonly string[]).includes(code)) return code as UiLanguage;
  if (code.startsWith('de')) return 'de';
  const base = code.split('-')[0] ?? code;
  if ((UI_LANGUAGES as readonly string[]).includes(base)) return base as UiLanguage;
  return 'en';
}

/** BCP 47 syntax check (language[-script][-region][-x-private]), lower-case as stored. */
export const BCP47 = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-x-[a-z0-9]{1,8})?$/;
