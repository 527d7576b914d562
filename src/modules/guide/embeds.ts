/**
 * Live content inside guide pages: an editor writes a placeholder `<div data-embed="NAME" data-category="CODE"></div>`
 * at the top level of a page (the sanitizer keeps exactly this, see platform/richtext/sanitize.ts), and the public
 * page shows what the module that registered NAME renders there (the directory: a list of services). Unknown names
 * and failing embeds show nothing; the rest of the page is unaffected.
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/client.js';
import type { SafeHtml } from '../../platform/richtext/sanitize.js';
import type { RegionRow } from '../regions/index.js';

export type ContentEmbedInput = { db: Db; region: RegionRow; lang: string; params: Record<string, string> };
/**
 * One placeholder an editor may insert, e.g. the services of one category: its `data-category` (the one parameter
 * the sanitizer keeps), a label in the requested language and its depth in a tree of choices (0 at the top).
 */
export type ContentEmbedChoice = { category: string; label: string; depth: number };
export type ContentEmbed = {
  name: string;
  render: (input: ContentEmbedInput) => Promise<VNode | null>;
  /** What the editor's toolbar offers for this embed in a region; without it the embed is kept but not offered. */
  choices?: (input: Omit<ContentEmbedInput, 'params'>) => Promise<ContentEmbedChoice[]>;
};
/** A choice together with the name of its embed (what the editor island receives). */
export type EmbedChoice = ContentEmbedChoice & { name: string };

const embeds = new Map<string, ContentEmbed>();

/** Adds (or replaces, by name) an embed; modules call it when they register their routes. */
export function registerContentEmbed(embed: ContentEmbed): void {
  embeds.set(embed.name, embed);
}

/**
 * Every placeholder editors may insert in this region (labels in `lang`), embed by embed in the order they were
 * registered. An embed whose choices fail offers none; the editor still works.
 */
export async function listEmbedChoices(input: Omit<ContentEmbedInput, 'params'>, onError?: (err: unknown, name: string) => void): Promise<EmbedChoice[]> {
  const lists = await Promise.all(
    [...embeds.values()].map(async (embed) => {
      if (!embed.choices) return [];
      try {
        return (await embed.choices(input)).map((choice) => ({ ...choice, name: embed.name }));
      } catch (err) {
        onError?.(err, embed.name);
        return [];
      }
    }),
  );
  return lists.flat();
}

/** A page's content cut at its embeds: sanitised HTML pieces and rendered embeds, in order. */
export type ContentPart = { kind: 'html'; html: SafeHtml } | { kind: 'embed'; node: VNode };

// The sanitizer writes the placeholder in exactly this form (attributes in this order). Divs never nest in sanitised
// HTML, so the first `</div>` closes it; whatever an editor typed inside is not shown.
const PLACEHOLDER = /<div data-embed="([a-z][a-z0-9-]{0,30})"((?: data-[a-z]+="[a-z0-9-]*")*)>[\s\S]*?<\/div>/g;
const PARAM = / data-([a-z]+)="([a-z0-9-]*)"/g;

/** True when stored page HTML contains an embed placeholder (cheap check before any work). */
export function hasEmbeds(html: string): boolean {
  return html.includes('<div data-embed="');
}

/**
 * Cuts sanitised page HTML at its embed placeholders and renders each embed. Placeholders only ever stand at the top
 * level of the content, so every HTML piece is whole.
 */
export async function resolveEmbeds(html: SafeHtml, input: Omit<ContentEmbedInput, 'params'>, onError?: (err: unknown, name: string) => void): Promise<ContentPart[]> {
  const parts: ContentPart[] = [];
  let last = 0;
  const pending: Promise<void>[] = [];
  for (const m of html.matchAll(PLACEHOLDER)) {
    const index = m.index;
    if (index > last) parts.push({ kind: 'html', html: html.slice(last, index) as SafeHtml });
    last = index + m[0].length;
    const name = m[1] ?? '';
    const params: Record<string, string> = {};
    for (const p of (m[2] ?? '').matchAll(PARAM)) if (p[1] && p[1] !== 'embed') params[p[1]] = p[2] ?? '';
    const embed = embeds.get(name);
    if (!embed) continue;
    const slot = parts.length;
    parts.push({ kind: 'html', html: '' as SafeHtml });
    pending.push(
      embed
        .render({ ...input, params })
        .then((node) => {
          if (node) parts[slot] = { kind: 'embed', node };
        })
        .catch((err: unknown) => onError?.(err, name)),
    );
  }
  if (last < html.length) parts.push({ kind: 'html', html: html.slice(last) as SafeHtml });
  await Promise.all(pending);
  return parts.filter((p) => p.kind === 'embed' || p.html !== '');
}
