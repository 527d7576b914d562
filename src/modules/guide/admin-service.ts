/**
 * What the guide's admin pages read, on top of the core service: the editor's view of one language (the draft when
 * there is one, the base revision for the conflict check, the source changes an outdated translation misses) and the
 * image choice of the page settings. Writes all go through service.ts.
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/client.js';
import { assertCan, can, type Actor } from '../../platform/auth/permissions.js';
import { NotFoundError } from '../../platform/errors.js';
import type { RegionRow } from '../regions/index.js';
import { listMediaChoices, type MediaChoice } from './admin-queries.js';
import { findRevision } from './queries.js';
import {
  buildPageTree,
  canEditLanguage,
  getPageForAdmin,
  getRegionGuide,
  getRevisions,
  translationState,
  type PageContext,
  type PageRow,
  type RevisionListItem,
  type TranslationRow,
  type TranslationState,
  type TreeNode,
} from './service.js';

export type { MediaChoice };

/** The number the next save must name as its base: the newest revision, drafts included (0 when none). */
export function latestRevisionOf(t: Pick<TranslationRow, 'revision' | 'draftRevision'> | undefined): number {
  if (!t) return 0;
  return Math.max(t.revision, t.draftRevision ?? 0);
}

export type EditorText = { title: string; slug: string; contentHtml: string; baseRevision: number; draftNumber: number | null };

export type EditorData = PageContext & {
  translations: TranslationRow[];
  language: string;
  isSource: boolean;
  /** May the actor save this language? */
  canEditText: boolean;
  /** May the actor change the page itself (settings, tree, delete)? */
  canEditPage: boolean;
  canPublish: boolean;
  source: TranslationRow | undefined;
  current: TranslationRow | undefined;
  state: TranslationState;
  text: EditorText;
  /** For an outdated translation: the source as it was translated and as it is now. */
  sourceChange: { fromRevision: number; before: string; beforeTitle: string; after: string } | null;
  images: MediaChoice[];
};

/** Everything the editor page of one language needs; 403 unless the actor may read the guide, 404 for other languages. */
export async function getEditorData(db: Db, actor: Actor, pageId: string, requested: string | undefined): Promise<EditorData> {
  const ctx = await getPageForAdmin(db, actor, pageId);
  const { region, path, page, translations } = ctx;
  const language = requested || region.sourceLanguage;
  if (!region.languages.includes(language)) throw new NotFoundError('language_not_found');
  const isSource = language === region.sourceLanguage;
  const current = translations.find((t) => t.language === language);
  const source = translations.find((t) => t.language === region.sourceLanguage);
  let text: EditorText = { title: current?.title ?? '', slug: current?.slug ?? '', contentHtml: current?.contentHtml ?? '', baseRevision: latestRevisionOf(current), draftNumber: null };
  if (current?.draftRevision) {
    const draft = await findRevision(db, page.id, language, current.draftRevision);
    if (draft) text = { title: draft.title, slug: draft.slug, contentHtml: draft.contentHtml, baseRevision: latestRevisionOf(current), draftNumber: draft.number };
  }
  let sourceChange: EditorData['sourceChange'] = null;
  if (!isSource && current && source && current.revision > 0 && (current.sourceRevision ?? 0) < source.majorRevision && current.sourceRevision) {
    const then = await findRevision(db, page.id, region.sourceLanguage, current.sourceRevision);
    if (then) sourceChange = { fromRevision: then.number, before: then.contentHtml, beforeTitle: then.title, after: source.contentHtml };
  }
  const canEditPage = can(actor, 'page.edit', path);
  return {
    ...ctx,
    language,
    isSource,
    canEditText: canEditLanguage(actor, region, path, language),
    canEditPage,
    canPublish: can(actor, 'page.publish', path),
    source,
    current,
    state: translationState(source, current),
    text,
    sourceChange,
    images: canEditPage ? await listMediaChoices(db, region.id) : [],
  };
}

/**
 * A panel another module adds to the editor of a translation (machine translation, translation memory, approval of
 * machine output). Runs when the editor page is built; returns null to add nothing.
 */
export type EditorExtension = (db: Db, actor: Actor, data: EditorData) => Promise<VNode | null>;
const editorExtensions: EditorExtension[] = [];
/** Adds a panel to the editor (idempotent for the same function). */
export function addEditorExtension(extension: EditorExtension): void {
  if (!editorExtensions.includes(extension)) editorExtensions.push(extension);
}
/** The panels of every extension for this editor page, in the order they were added. */
export async function editorExtras(db: Db, actor: Actor, data: EditorData): Promise<VNode[]> {
  const panels = await Promise.all(editorExtensions.map((extension) => extension(db, actor, data)));
  return panels.filter((p): p is VNode => p !== null);
}

export type GuideTree = { region: RegionRow; path: string[]; tree: TreeNode[]; canEdit: boolean };

/** The region's page tree; 403 unless the actor may read the guide (or, with `forEdit`, change pages). */
export async function getGuideTree(db: Db, actor: Actor, regionId: string, opts: { forEdit?: boolean } = {}): Promise<GuideTree> {
  const { region, path, pages, translations } = await getRegionGuide(db, actor, regionId);
  if (opts.forEdit) assertCan(actor, 'page.edit', path);
  return { region, path, tree: buildPageTree(pages, translations), canEdit: can(actor, 'page.edit', path) };
}

/** A node of a tree by page id (depth first), or undefined. */
export function findNode(nodes: TreeNode[], pageId: string): TreeNode | undefined {
  for (const n of nodes) {
    if (n.page.id === pageId) return n;
    const found = findNode(n.children, pageId);
    if (found) return found;
  }
  return undefined;
}

/** A page with its region's tree, for moving or deleting it; 403 unless the actor may change pages. */
export async function getPageInTree(db: Db, actor: Actor, pageId: string): Promise<GuideTree & { page: PageRow; node: TreeNode; title: string }> {
  const { page } = await getPageForAdmin(db, actor, pageId);
  const tree = await getGuideTree(db, actor, page.regionId, { forEdit: true });
  const node = findNode(tree.tree, page.id);
  if (!node) throw new NotFoundError('page_not_found');
  return { ...tree, page: node.page, node, title: node.translations.get(tree.region.sourceLanguage)?.title ?? '' };
}

export type HistoryData = PageContext & {
  language: string;
  title: string;
  revisions: RevisionListItem[];
  current: TranslationRow | undefined;
  source: TranslationRow | undefined;
  canRestore: boolean;
};

/** Revisions of one language of a page (default: the source language); 404 for a language the region lacks. */
export async function getHistory(db: Db, actor: Actor, pageId: string, requested: string | undefined): Promise<HistoryData> {
  const ctx = await getPageForAdmin(db, actor, pageId);
  const language = requested || ctx.region.sourceLanguage;
  if (!ctx.region.languages.includes(language)) throw new NotFoundError('language_not_found');
  const { revisions } = await getRevisions(db, actor, pageId, language);
  const current = ctx.translations.find((t) => t.language === language);
  const source = ctx.translations.find((t) => t.language === ctx.region.sourceLanguage);
  return {
    page: ctx.page,
    region: ctx.region,
    path: ctx.path,
    language,
    title: source?.title || current?.title || '',
    revisions,
    current,
    source,
    canRestore: canEditLanguage(actor, ctx.region, ctx.path, language),
  };
}
