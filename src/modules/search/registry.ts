/**
 * Search providers: each feature that has something to find in a region (guide pages now; services and events
 * later) registers one provider. The search page asks every provider and merges their hits by score.
 */
import type { Db } from '../../db/client.js';

/** Escaped text with `<mark>` around the matches; only `toSnippetHtml` makes one. */
declare const snippetBrand: unique symbol;
export type SnippetHtml = string & { readonly [snippetBrand]: true };

/** What a provider needs of the region searched. */
export type SearchRegion = { id: string; slug: string; languages: string[]; sourceLanguage: string };

export type SearchInput = {
  region: SearchRegion;
  regionId: string;
  /** The reader's content language (the language of the search page). */
  language: string;
  sourceLanguage: string;
  /** The query as typed (trimmed, at most QUERY_MAX characters). */
  q: string;
  limit: number;
  now?: Date;
};

export type SearchHit = {
  /** The provider's kind: 'page', later 'service', 'event' … */
  kind: string;
  /** Catalog key of a label naming the kind ("Service"), shown with the hit; none for guide pages. */
  kindKey?: string | undefined;
  title: string;
  /** Address of the hit in the reader's language. */
  url: string;
  /** Where the hit sits (a page's parents), for a breadcrumb-like line; may be empty. */
  path: string[];
  snippetHtml: SnippetHtml;
  /** Higher is better; comparable within a provider, roughly 0–3 across providers. */
  score: number;
  /** Language of title and snippet (the source language when the reader's language has no text yet). */
  language: string;
};

export type SearchProvider = {
  kind: string;
  search(db: Db, input: SearchInput): Promise<SearchHit[]>;
};

const providers = new Map<string, SearchProvider>();

/** Registers (or replaces) the provider of a kind. Call it when the feature's plugin is registered. */
export function registerSearchProvider(provider: SearchProvider): void {
  providers.set(provider.kind, provider);
}

/** Every registered provider, in registration order. */
export function searchProviders(): SearchProvider[] {
  return [...providers.values()];
}

const START = '\u0001';
const STOP = '\u0002';
/** The markers handed to ts_headline as StartSel/StopSel (control characters are removed from texts first). */
export const HIGHLIGHT_MARKERS = { start: START, stop: STOP } as const;

/** ts_headline options for an excerpt of about `maxWords` words (two fragments at most) marked with HIGHLIGHT_MARKERS. */
export function headlineOptions(maxWords: number, minWords: number): string {
  return `StartSel=${START}, StopSel=${STOP}, MaxWords=${maxWords}, MinWords=${minWords}, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/**
 * Turns text with highlight markers (ts_headline output) into HTML: everything is escaped, then only the markers
 * become `<mark>`; unbalanced or nested markers are dropped. ts_headline output is never trusted as HTML.
 */
export function toSnippetHtml(marked: string): SnippetHtml {
  let out = '';
  let open = false;
  // eslint-disable-next-line no-control-regex -- the highlight markers are control characters on purpose
  for (const part of marked.split(/([\u0001\u0002])/)) {
    if (part === START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === STOP) {
      if (open) out += '</mark>';
      open = false;
    } else {
      // eslint-disable-next-line no-control-regex -- other control characters never reach the page
      out += escapeHtml(part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    }
  }
  if (open) out += '</mark>';
  return out as SnippetHtml;
}
