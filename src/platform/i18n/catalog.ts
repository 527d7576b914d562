import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { match } from '@formatjs/intl-localematcher';
import { UI_LANGUAGES, uiLanguageFor, type UiLanguage } from './languages.js';

export const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales');

export type Params = Record<string, string | number | Date | boolean | null | undefined>;
/** Translates a catalog key with ICU parameters. */
export type Translate = (key: string, params?: Params) => string;

/**
 * Reads `locales/<lang>/<namespace>.json` (flat objects of ICU messages) into `namespace.key` → message.
 * Each module owns its namespace files, so catalogs grow without merge conflicts.
 */
export function readCatalog(lang: string, dir = localesDir): Map<string, string> {
  const out = new Map<string, string>();
  const langDir = join(dir, lang);
  if (!existsSync(langDir)) return out;
  for (const file of readdirSync(langDir).sort()) {
    if (!file.endsWith('.json')) continue;
    const ns = file.slice(0, -5);
    const data = JSON.parse(readFileSync(join(langDir, file), 'utf8')) as Record<string, string>;
    for (const [k, v] of Object.entries(data)) out.set(`${ns}.${k}`, v);
  }
  return out;
}

const catalogs = new Map<UiLanguage, Map<string, string>>();
const compiled = new Map<string, IntlMessageFormat>();

function catalog(lang: UiLanguage): Map<string, string> {
  let c = catalogs.get(lang);
  if (!c) {
    c = readCatalog(lang);
    catalogs.set(lang, c);
  }
  return c;
}

/** Returns a translate function for a UI language; unknown keys fall back to German, then to the key itself. */
export function translator(code: string): Translate {
  const lang = uiLanguageFor(code);
  return (key, params) => {
    let source = catalog(lang).get(key);
    let msgLang: string = lang;
    if (source === undefined) {
      source = catalog('de').get(key);
      msgLang = 'de';
    }
    if (source === undefined) return key;
    const cacheKey = `${msgLang}\u0000${key}`;
    let fmt = compiled.get(cacheKey);
    if (!fmt) {
      fmt = new IntlMessageFormat(source, msgLang);
      compiled.set(cacheKey, fmt);
    }
    return String(fmt.format(params as Record<string, string | number | Date | boolean>));
  };
}

/** Parses an Accept-Language header into tags by preference. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: (tag ?? '').trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*' && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}

/** Picks the best of `available` for the request's Accept-Language, else `fallback`. */
export function negotiateLanguage(header: string | undefined, available: readonly string[], fallback: string): string {
  const requested = parseAcceptLanguage(header);
  if (!requested.length || !available.length) return fallback;
  try {
    return match(requested, [...available], fallback, { algorithm: 'best fit' });
  } catch {
    return fallback;
  }
}

export { UI_LANGUAGES };
