/**
 * The guide as readers see it: only visible pages (published, inside their window, every ancestor visible too),
 * readable URLs per language, and a fallback to the source text where a translation is missing.
 *
 * URLs: `/{region}/{lang}/{slug}/{slug}…` — each segment is the page's slug in that language, or its source-language
 * slug when the page has no text in that language yet (the page is then shown in the source language with a notice).
 * A page is found by its last segment; any other path to it answers with a redirect to the canonical one.
 */
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../platform/errors.js';
import { richTextToPlainText, trustStoredHtml, type SafeHtml } from '../../platform/richtext/sanitize.js';
import type { RegionRow } from '../regions/index.js';
import { findContent, listContentOfRegion, listPageNodesOfRegion, listPagesByFormerSlug, listTextSummariesOfRegion, type PublicPageRow, type TextSummaryRow } from './public-queries.js';
import { contentHash, isPageVisible, translationState, type TranslationState } from './service.js';

export type { TextSummaryRow };

/** What the reader side needs of a region. */
export type ReaderRegion = Pick<RegionRow, 'id' | 'slug' | 'languages' | 'sourceLanguage'>;

/** A visible page with its current texts by language. */
export type ReaderNode = {
  page: PublicPageRow;
  texts: Map<string, TextSummaryRow>;
  /** The source-language text (every visible page has one). */
  source: TextSummaryRow;
  parent: ReaderNode | null;
  children: ReaderNode[];
};

/** The text a reader of `lang` gets for a page: the translation, or the source text as a fallback. */
export type ReaderText = { text: TextSummaryRow; fallback: boolean };

/** A region's visible guide, with URL building and path resolution per language. */
export class ReaderGuide {
  readonly roots: ReaderNode[];
  readonly byId: Map<string, ReaderNode>;

  constructor(
    readonly region: Pick<RegionRow, 'slug' | 'languages' | 'sourceLanguage'>,
    roots: ReaderNode[],
  ) {
    this.roots = roots;
    this.byId = new Map();
    const walk = (nodes: ReaderNode[]) => {
      for (const n of nodes) {
        this.byId.set(n.page.id, n);
        walk(n.children);
      }
    };
    walk(roots);
  }

  /** Every visible page, depth first in tree order. */
  all(): ReaderNode[] {
    return [...this.byId.values()];
  }

  /** The text shown to readers of `lang`. */
  textIn(node: ReaderNode, lang: string): ReaderText {
    const own = node.texts.get(lang);
    return own ? { text: own, fallback: false } : { text: node.source, fallback: true };
  }

  private readonly slugsByLanguage = new Map<string, Set<string>>();

  /** The slugs translated pages use in a language. */
  private slugsIn(lang: string): Set<string> {
    let slugs = this.slugsByLanguage.get(lang);
    if (!slugs) {
      slugs = new Set(this.all().flatMap((n) => n.texts.get(lang)?.slug ?? []));
      this.slugsByLanguage.set(lang, slugs);
    }
    return slugs;
  }

  /**
   * A page's own URL segment in a language: its slug there, else its source slug. When another page's translation
   * uses that slug in this language, the source slug gets the source language as a suffix (`internet.de`) — a dot
   * never occurs in a slug, so the two pages keep different addresses.
   */
  segmentIn(node: ReaderNode, lang: string): string {
    const own = node.texts.get(lang);
    if (own) return own.slug;
    const slug = node.source.slug;
    return this.slugsIn(lang).has(slug) ? `${slug}.${this.region.sourceLanguage}` : slug;
  }

  /** The URL segments of a page in a language, from the top level down. */
  segments(node: ReaderNode, lang: string): string[] {
    const out: string[] = [];
    for (let n: ReaderNode | null = node; n; n = n.parent) out.unshift(this.segmentIn(n, lang));
    return out;
  }

  /** The canonical URL path of a page in a language (segments percent-encoded). */
  pathOf(node: ReaderNode, lang: string): string {
    return `/${this.region.slug}/${lang}/${this.segments(node, lang).map(encodeURIComponent).join('/')}`;
  }

  /** Where the translation of `lang` stands ('missing' when the reader gets the source text). */
  stateIn(node: ReaderNode, lang: string): TranslationState {
    return translationState(node.source, node.texts.get(lang));
  }

  /** The region's languages this page has a current text in, in the region's order. */
  languagesOf(node: ReaderNode): string[] {
    return this.region.languages.filter((l) => node.texts.has(l));
  }

  /**
   * Finds a page by a path of slugs in `lang`: by its last segment (see segmentIn), else by its slug in any
   * language. `canonical` is false when the path is not the page's own.
   */
  resolve(lang: string, rawSegments: string[]): { node: ReaderNode; canonical: boolean } | undefined {
    const segments = rawSegments.map((s) => s.normalize('NFC').toLowerCase());
    const last = segments.at(-1);
    if (last === undefined) return undefined;
    const nodes = this.all();
    let candidates = nodes.filter((n) => this.segmentIn(n, lang) === last);
    if (!candidates.length) candidates = nodes.filter((n) => [...n.texts.values()].some((t) => t.slug === last));
    if (!candidates.length) return undefined;
    const samePath = (n: ReaderNode) => {
      const own = this.segments(n, lang);
      return own.length === rawSegments.length && own.every((s, i) => s === rawSegments[i]);
    };
    const exact = candidates.find(samePath);
    if (exact) return { node: exact, canonical: true };
    const preferred = candidates.find((n) => n.texts.has(lang)) ?? candidates[0];
    return preferred ? { node: preferred, canonical: false } : undefined;
  }
}

/** Builds the visible tree from all page rows and current texts (pure; `now` decides the publishing windows). */
export function buildReaderGuide(region: Pick<RegionRow, 'slug' | 'languages' | 'sourceLanguage'>, pageRows: PublicPageRow[], texts: TextSummaryRow[], now = new Date()): ReaderGuide {
  const byPage = new Map<string, Map<string, TextSummaryRow>>();
  for (const t of texts) {
    if (!region.languages.includes(t.language)) continue;
    const m = byPage.get(t.pageId) ?? new Map<string, TextSummaryRow>();
    m.set(t.language, t);
    byPage.set(t.pageId, m);
  }
  const childrenOf = new Map<string | null, PublicPageRow[]>();
  const ids = new Set(pageRows.map((p) => p.id));
  for (const p of pageRows) {
    // A page whose parent is unknown is not attached anywhere (it cannot be reached from the top).
    const key = p.parentId && ids.has(p.parentId) ? p.parentId : p.parentId ? `orphan:${p.parentId}` : null;
    const list = childrenOf.get(key) ?? [];
    list.push(p);
    childrenOf.set(key, list);
  }
  const build = (parentId: string | null, parent: ReaderNode | null, depth: number): ReaderNode[] => {
    if (depth > 100) return [];
    const rows = (childrenOf.get(parentId) ?? []).slice().sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const out: ReaderNode[] = [];
    for (const page of rows) {
      const pageTexts = byPage.get(page.id) ?? new Map<string, TextSummaryRow>();
      const source = pageTexts.get(region.sourceLanguage);
      if (!source || !isPageVisible(page, now)) continue; // hidden with its whole subtree
      const node: ReaderNode = { page, texts: pageTexts, source, parent, children: [] };
      node.children = build(page.id, node, depth + 1);
      out.push(node);
    }
    return out;
  };
  return new ReaderGuide(region, build(null, null, 0));
}

/** Loads a region's visible guide (tree fields and text summaries, no content). */
export async function loadReaderGuide(db: Db, region: ReaderRegion, now = new Date()): Promise<ReaderGuide> {
  const [pageRows, texts] = await Promise.all([listPageNodesOfRegion(db, region.id), listTextSummariesOfRegion(db, region.id)]);
  return buildReaderGuide(region, pageRows, texts, now);
}

/** A link to a page as lists show it: title in the language it is in, and the icon. */
export type PageLink = { id: string; href: string; title: string; lang: string; icon: string | null };

function linkTo(guide: ReaderGuide, node: ReaderNode, lang: string): PageLink {
  const { text } = guide.textIn(node, lang);
  return { id: node.page.id, href: guide.pathOf(node, lang), title: text.title, lang: text.language, icon: node.page.icon };
}

/** Everything the public page view shows. */
export type ReaderPage = {
  id: string;
  lang: string;
  title: string;
  /** Language of title and content (the source language when `fallback`). */
  textLanguage: string;
  fallback: boolean;
  contentHtml: SafeHtml;
  /** The first ~200 characters of the text (meta description, link previews). */
  excerpt: string;
  /** Translation older than the source's last major change. */
  outdated: boolean;
  /** Machine translation not yet checked by a person. */
  machine: boolean;
  updatedAt: Date;
  path: string;
  breadcrumbs: PageLink[];
  children: PageLink[];
  /** The URL of this page in each of the region's languages (the fallback URL where it is not translated). */
  alternates: Record<string, string>;
  /** Languages with a current text of this page. */
  availableIn: string[];
  /** The page in the source language. */
  sourcePath: string;
};

export type ReaderLookup = { kind: 'page'; page: ReaderPage } | { kind: 'redirect'; location: string };

/** The page at a slug path in `lang` (a redirect when the path is not the canonical one); 404 when not visible. */
export async function getReaderPage(db: Db, region: RegionRow, lang: string, segments: string[], now = new Date()): Promise<ReaderLookup> {
  const guide = await loadReaderGuide(db, region, now);
  const found = guide.resolve(lang, segments);
  if (!found) {
    // A link from before a title change: the slug of an older revision leads to the page's address now.
    const last = segments.at(-1)?.normalize('NFC').toLowerCase();
    const former = last ? await listPagesByFormerSlug(db, region.id, last) : [];
    const hit = former.map((f) => guide.byId.get(f.pageId)).find((n) => n !== undefined);
    if (hit) return { kind: 'redirect', location: guide.pathOf(hit, lang) };
    throw new NotFoundError('page_not_found');
  }
  const { node } = found;
  if (!found.canonical) return { kind: 'redirect', location: guide.pathOf(node, lang) };
  const { text, fallback } = guide.textIn(node, lang);
  const html = await findContent(db, region.id, node.page.id, text.language);
  if (html === undefined) throw new NotFoundError('page_not_found');
  const breadcrumbs: PageLink[] = [];
  for (let n = node.parent; n; n = n.parent) breadcrumbs.unshift(linkTo(guide, n, lang));
  const state = guide.stateIn(node, lang);
  return {
    kind: 'page',
    page: {
      id: node.page.id,
      lang,
      title: text.title,
      textLanguage: text.language,
      fallback,
      contentHtml: trustStoredHtml(html),
      excerpt: excerptOf(html),
      outdated: state === 'outdated',
      machine: !fallback && text.machineProvider !== null && text.language !== region.sourceLanguage,
      updatedAt: text.updatedAt,
      path: guide.pathOf(node, lang),
      breadcrumbs,
      children: node.children.map((c) => linkTo(guide, c, lang)),
      alternates: Object.fromEntries(region.languages.map((l) => [l, guide.pathOf(node, l)])),
      availableIn: guide.languagesOf(node),
      sourcePath: guide.pathOf(node, region.sourceLanguage),
    },
  };
}

/** The top-level pages of a region's guide in `lang` (for the region home). */
export async function listTopLevelPages(db: Db, region: ReaderRegion, lang: string, now = new Date()): Promise<PageLink[]> {
  const guide = await loadReaderGuide(db, region, now);
  return guide.roots.map((n) => linkTo(guide, n, lang));
}

// ---------- API ----------

export const EXCERPT_LENGTH = 200;

/** The first ~200 characters of a text, cut at a word boundary, with an ellipsis when cut. */
export function excerptOf(html: string, max = EXCERPT_LENGTH): string {
  const text = richTextToPlainText(html).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type ApiLanguageState = 'up_to_date' | 'outdated' | 'machine';

/** One page as the JSON API returns it. */
export type ApiPage = {
  id: string;
  parent: string | null;
  position: number;
  path: string;
  language: string;
  fallback: boolean;
  title: string;
  excerpt: string;
  contentHtml: string;
  updatedAt: string;
  contentHash: string;
  machine: boolean;
  outdated: boolean;
  icon: string | null;
  languages: { language: string; state: ApiLanguageState; path: string }[];
};

function apiPage(guide: ReaderGuide, node: ReaderNode, lang: string, html: string, position: number): ApiPage {
  const { text, fallback } = guide.textIn(node, lang);
  const state = guide.stateIn(node, lang);
  return {
    id: node.page.id,
    parent: node.parent?.page.id ?? null,
    position,
    path: guide.pathOf(node, lang),
    language: text.language,
    fallback,
    title: text.title,
    excerpt: excerptOf(html),
    contentHtml: html,
    updatedAt: text.updatedAt.toISOString(),
    contentHash: contentHash(html),
    machine: !fallback && text.machineProvider !== null && text.language !== guide.region.sourceLanguage,
    outdated: state === 'outdated',
    icon: node.page.icon,
    languages: guide.languagesOf(node).map((l) => {
      const s = guide.stateIn(node, l);
      return { language: l, state: s === 'missing' ? 'up_to_date' : s, path: guide.pathOf(node, l) };
    }),
  };
}

function assertLanguage(region: RegionRow, lang: string): void {
  if (!region.languages.includes(lang)) throw new NotFoundError('language_not_available');
}

/** The whole visible tree of a region in `lang`, depth first (parents before children), with content. */
export async function listPagesForApi(db: Db, region: RegionRow, lang: string, now = new Date()): Promise<ApiPage[]> {
  assertLanguage(region, lang);
  const guide = await loadReaderGuide(db, region, now);
  const contents = await listContentOfRegion(db, region.id, [...new Set([lang, region.sourceLanguage])]);
  const html = new Map(contents.map((c) => [`${c.pageId}\u0000${c.language}`, c.contentHtml]));
  const out: ApiPage[] = [];
  const walk = (nodes: ReaderNode[]) =>
    nodes.forEach((n, i) => {
      out.push(apiPage(guide, n, lang, html.get(`${n.page.id}\u0000${guide.textIn(n, lang).text.language}`) ?? '', i));
      walk(n.children);
    });
  walk(guide.roots);
  return out;
}

/** One visible page of a region in `lang`, with content; 404 when unknown or not visible. */
export async function getPageForApi(db: Db, region: RegionRow, lang: string, pageId: string, now = new Date()): Promise<ApiPage> {
  assertLanguage(region, lang);
  const guide = await loadReaderGuide(db, region, now);
  const node = guide.byId.get(pageId);
  if (!node) throw new NotFoundError('page_not_found');
  const { text } = guide.textIn(node, lang);
  const html = (await findContent(db, region.id, node.page.id, text.language)) ?? '';
  const siblings = node.parent ? node.parent.children : guide.roots;
  return apiPage(guide, node, lang, html, siblings.indexOf(node));
}
