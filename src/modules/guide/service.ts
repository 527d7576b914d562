/**
 * The guide's rules: page tree, page texts per language with numbered revisions, drafts, minor changes and the
 * outdated tracking of translations. Every write checks permissions on the page's region, runs in one transaction,
 * and lands in the audit log.
 *
 * Outdated tracking: every non-draft save of the source text gets a revision number; unless marked minor it also
 * becomes the source's `majorRevision`. A translation stores the source revision it was made from
 * (`sourceRevision`); it is outdated when `sourceRevision < majorRevision`. Drafts never touch either number.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, can, translatorLanguages, type Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { countWords, richTextToPlainText, sanitizeRichText } from '../../platform/richtext/sanitize.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';
import {
  deletePageRow,
  findPageById,
  findRevision,
  findTranslation,
  findTranslationBySlug,
  insertPage,
  insertRevision,
  insertTranslation,
  latestRevisionNumber,
  listPagesOfRegion,
  listRevisions,
  listSiblings,
  listTranslationsOfPage,
  listTranslationsOfRegion,
  lockPage,
  setParent,
  setPosition,
  updatePageAtRevision,
  updateTranslation,
  type PageRow,
  type RevisionListItem,
  type RevisionRow,
  type TranslationRow,
} from './queries.js';
import { PAGE_STATUSES, type PageStatus } from './schema.js';

export type { PageRow, RevisionListItem, RevisionRow, TranslationRow, PageStatus };
export { PAGE_STATUSES };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TITLE_MAX = 200;
export const SLUG_MAX = 100;
export const CONTENT_MAX = 500_000;
/** Public sub-paths of `/{region}/{lang}/` that belong to other features; no page slug may take them. */
export const RESERVED_PAGE_SLUGS = new Set(['contact', 'imprint', 'privacy', 'accessibility', 'search', 'feedback', 'events', 'events.ics', 'services', 'offline', 'media', 'api', 'admin']);
/** Lowercase letters and digits of any script, joined by single hyphens. */
export const PAGE_SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{Nd}]+)*$/u;

/** PostgreSQL text search configuration per content language; others use `simple` (plus trigram similarity). */
const SEARCH_CONFIGS: Record<string, string> = { de: 'german', en: 'english', ru: 'russian', tr: 'turkish' };
export function searchConfigFor(language: string): string {
  return SEARCH_CONFIGS[language] ?? 'simple';
}

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A readable slug from a title, in the title's own script (German umlauts spelled out). */
export function slugify(title: string, language = 'de'): string {
  let s = title.normalize('NFKC').toLocaleLowerCase(language.startsWith('de') ? 'de' : undefined);
  if (language.startsWith('de')) s = s.replace(/[äöüß]/g, (c) => GERMAN_LETTERS[c] ?? c);
  s = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents (é → e); Arabic marks are in another block and kept
    .normalize('NFKC')
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > SLUG_MAX) s = s.slice(0, SLUG_MAX).replace(/-[^-]*$/, '') || s.slice(0, SLUG_MAX);
  return s || 'seite';
}

/** sha256 of sanitised HTML: the content hash of the API and the check of XLIFF imports. */
export function contentHash(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}

// ---------- translation state ----------

export type TranslationState = 'up_to_date' | 'outdated' | 'missing' | 'machine';

type StateFields = Pick<TranslationRow, 'language' | 'revision' | 'sourceRevision' | 'majorRevision' | 'machineProvider'>;
/** Where a language stands for a page, given the source text and the translation (if any). */
export function translationState(source: StateFields | undefined, translation: StateFields | undefined): TranslationState {
  if (!translation || translation.revision === 0) return 'missing';
  if (!source || translation.language === source.language) return 'up_to_date';
  if ((translation.sourceRevision ?? 0) < source.majorRevision) return 'outdated';
  if (translation.machineProvider) return 'machine';
  return 'up_to_date';
}

/** True when readers may see the page now (published and inside its window). */
export function isPageVisible(page: Pick<PageRow, 'status' | 'publishFrom' | 'publishUntil'>, now = new Date()): boolean {
  if (page.status !== 'published') return false;
  if (page.publishFrom && page.publishFrom > now) return false;
  if (page.publishUntil && page.publishUntil <= now) return false;
  return true;
}

// ---------- loading with permissions ----------

export type PageContext = { page: PageRow; region: RegionRow; path: string[] };

async function loadRegion(db: Db, regionId: string): Promise<{ region: RegionRow; path: string[] }> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  return found;
}

/** A page with its region and region path; 404 when unknown. Does not check permissions. */
export async function loadPage(db: Db, pageId: string, opts: { lock?: boolean } = {}): Promise<PageContext> {
  const page = UUID.test(pageId) ? await (opts.lock ? lockPage(db, pageId) : findPageById(db, pageId)) : undefined;
  if (!page) throw new NotFoundError('page_not_found');
  const { region, path } = await loadRegion(db, page.regionId);
  return { page, region, path };
}

/** The guide of a region as the admin sees it: 403 unless the actor may read it. */
export async function getRegionGuide(db: Db, actor: Actor, regionId: string): Promise<{ region: RegionRow; path: string[]; pages: PageRow[]; translations: TranslationRow[] }> {
  const { region, path } = await loadRegion(db, regionId);
  assertCan(actor, 'page.read_admin', path);
  const [pageRows, translations] = await Promise.all([listPagesOfRegion(db, region.id), listTranslationsOfRegion(db, region.id)]);
  return { region, path, pages: pageRows, translations };
}

/** A page with all its texts, for the editor; 403 unless the actor may read the region's guide. */
export async function getPageForAdmin(db: Db, actor: Actor, pageId: string): Promise<PageContext & { translations: TranslationRow[] }> {
  const ctx = await loadPage(db, pageId);
  assertCan(actor, 'page.read_admin', ctx.path);
  return { ...ctx, translations: await listTranslationsOfPage(db, ctx.page.id) };
}

/** May the actor edit the text of this language (source: page.edit; others: translation.edit and the translator's languages)? */
export function canEditLanguage(actor: Actor | null, region: RegionRow, path: string[], language: string): boolean {
  if (!actor || !region.languages.includes(language)) return false;
  if (language === region.sourceLanguage) return can(actor, 'page.edit', path);
  if (can(actor, 'page.edit', path)) return true;
  if (!can(actor, 'translation.edit', path)) return false;
  const allowed = translatorLanguages(actor, path);
  return !allowed || allowed.includes(language);
}

function assertCanEditLanguage(actor: Actor, region: RegionRow, path: string[], language: string): void {
  if (!region.languages.includes(language)) throw new AppError(422, 'language_not_in_region', 'guide.error_language_not_in_region');
  if (!canEditLanguage(actor, region, path, language)) throw new ForbiddenError();
}

// ---------- texts and revisions ----------

const typeError = (issue: { code: string; input?: unknown }) => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'validation.required' : 'validation.invalid');
const textFieldsSchema = z.object({
  title: z.string({ error: typeError }).trim().min(1).max(TITLE_MAX),
  slug: z
    .string({ error: typeError })
    .trim()
    .max(SLUG_MAX)
    .transform((s) => s.normalize('NFKC').toLocaleLowerCase())
    .optional(),
  contentHtml: z.string({ error: typeError }).max(CONTENT_MAX).default(''),
});

export type SaveTextInput = {
  pageId: string;
  language: string;
  /** The latest revision number (drafts included) the editor loaded; 0 for a new text. */
  baseRevision: unknown;
  title: unknown;
  slug?: unknown;
  contentHtml: unknown;
  /** Save as draft: readers and translations are unaffected. */
  draft?: boolean;
  /** Source language only: a minor change keeps translations up to date. */
  minor?: boolean;
  /** Translations: the source revision translated from (default: the source's current revision). */
  sourceRevision?: number;
  /** Machine output not yet approved (set by the MT job only). */
  machineProvider?: string | null;
  origin?: 'edit' | 'restore' | 'xliff' | 'machine' | 'seed' | 'import';
  note?: string | null;
  requestId?: string | null;
};

export type SavedText = { translation: TranslationRow; revision: RevisionRow };

/** The other side of a conflict: the revision someone else saved after the one the editor loaded. */
export type TextConflict = { latest: RevisionRow; authorName: string | null };

/** Hooks other features run after a person saved a current (non-draft) translation, in the same transaction. */
type TranslationSavedHook = (db: Db, event: { region: RegionRow; page: PageRow; source: TranslationRow; translation: TranslationRow; actor: Actor | null }) => Promise<void>;
const translationSavedHooks: TranslationSavedHook[] = [];
export function onTranslationSaved(hook: TranslationSavedHook): void {
  if (!translationSavedHooks.includes(hook)) translationSavedHooks.push(hook);
}

/**
 * Saves the text of a page in one language as a new revision. Refuses with ConflictError('revision_conflict')
 * (carrying a TextConflict) when someone saved since `baseRevision`, so the editor can show both versions.
 */
export async function savePageText(db: Db, actor: Actor | { system: string }, input: SaveTextInput): Promise<SavedText> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId, { lock: true });
    const person = 'system' in actor ? null : actor;
    if (person) assertCanEditLanguage(person, region, path, input.language);
    else if (!region.languages.includes(input.language)) throw new AppError(422, 'language_not_in_region', 'guide.error_language_not_in_region');
    const isSource = input.language === region.sourceLanguage;

    const errors: FieldErrors = {};
    const parsed = textFieldsSchema.safeParse({ title: input.title, slug: input.slug === '' ? undefined : input.slug, contentHtml: input.contentHtml ?? '' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'title');
        if (!errors[field]) errors[field] = { key: issue.message.startsWith('validation.') ? issue.message : issue.code === 'too_big' ? 'validation.too_long' : 'validation.invalid' };
      }
    }
    const base = z.coerce.number().int().min(0).safeParse(input.baseRevision);
    if (!base.success || input.baseRevision === '' || input.baseRevision === undefined) errors.baseRevision = { key: 'validation.required' };
    const title = parsed.success ? parsed.data.title : '';
    const slug = parsed.success ? (parsed.data.slug ?? slugify(title, input.language)) : '';
    if (parsed.success && !errors.slug) {
      if (!PAGE_SLUG_PATTERN.test(slug)) errors.slug = { key: 'guide.error_slug_pattern' };
      else if (RESERVED_PAGE_SLUGS.has(slug)) errors.slug = { key: 'guide.error_slug_reserved' };
      else {
        const other = await findTranslationBySlug(tx, region.id, input.language, slug);
        if (other && other.pageId !== page.id) errors.slug = { key: 'errors.slug_taken' };
      }
    }
    const html = parsed.success ? sanitizeRichText(parsed.data.contentHtml) : '';
    if (Object.keys(errors).length || !base.success) throw new ValidationError(errors);

    const latest = await latestRevisionNumber(tx, page.id, input.language);
    if (base.data !== latest) {
      const latestRow = await findRevision(tx, page.id, input.language, latest);
      const authorName = latestRow ? ((await listRevisions(tx, page.id, input.language)).find((r) => r.number === latest)?.authorName ?? null) : null;
      throw new ConflictError('revision_conflict', 'errors.revision_conflict', latestRow ? ({ latest: latestRow, authorName } satisfies TextConflict) : undefined);
    }

    const existing = await findTranslation(tx, page.id, input.language);
    const source = isSource ? existing : await findTranslation(tx, page.id, region.sourceLanguage);
    if (!isSource && (!source || source.revision === 0)) throw new AppError(409, 'source_missing', 'guide.error_source_missing');
    const draft = input.draft === true;
    const number = latest + 1;
    // The first current version of a source text is always a major one.
    const minor = isSource && !draft && input.minor === true && (existing?.majorRevision ?? 0) > 0;
    const sourceRevision = isSource ? null : (input.sourceRevision ?? source?.revision ?? null);
    const machineProvider = isSource ? null : (input.machineProvider ?? null);
    const revision = await insertRevision(tx, {
      pageId: page.id,
      language: input.language,
      number,
      title,
      slug,
      contentHtml: html,
      isDraft: draft,
      minor,
      sourceRevision,
      machineProvider,
      origin: input.origin ?? 'edit',
      note: input.note ?? null,
      createdBy: person?.id ?? null,
    });

    const text = richTextToPlainText(html);
    const current = {
      title,
      slug,
      contentHtml: html,
      contentText: `${title}\n${text}`,
      wordCount: countWords(`${title} ${text}`, input.language),
      searchConfig: searchConfigFor(input.language),
      updatedBy: person?.id ?? null,
      updatedAt: new Date(),
    };
    let translation: TranslationRow;
    if (draft) {
      // A draft only records that it exists; a text with no current version keeps the draft's fields for the editor.
      translation = existing
        ? await updateTranslation(tx, existing.id, existing.revision === 0 ? { ...current, draftRevision: number } : { draftRevision: number })
        : await insertTranslation(tx, { pageId: page.id, regionId: region.id, language: input.language, ...current, revision: 0, draftRevision: number });
    } else {
      const values = {
        ...current,
        revision: number,
        draftRevision: null,
        majorRevision: isSource ? (minor ? (existing?.majorRevision ?? number) : number) : 0,
        sourceRevision,
        machineProvider,
      };
      translation = existing ? await updateTranslation(tx, existing.id, values) : await insertTranslation(tx, { pageId: page.id, regionId: region.id, language: input.language, ...values });
    }

    await recordAudit(tx, actor, {
      regionId: region.id,
      action: draft ? 'page.draft_save' : 'page.text_save',
      entityType: 'page',
      entityId: page.id,
      before: existing ? { language: input.language, title: existing.title, slug: existing.slug, contentHash: contentHash(existing.contentHtml) } : null,
      after: { language: input.language, title, slug, contentHash: contentHash(html), revisionNumber: number, draft, minor, origin: input.origin ?? 'edit', machine: machineProvider },
      requestId: input.requestId ?? null,
    });

    if (!draft && !isSource && !machineProvider && source) {
      for (const hook of translationSavedHooks) await hook(tx, { region, page, source, translation, actor: person });
    }
    return { translation, revision };
  });
}

/** Marks a machine translation as checked by a person (no text change): it stops being "machine". */
export async function approveMachineTranslation(db: Db, actor: Actor, input: { pageId: string; language: string; requestId?: string | null }): Promise<TranslationRow> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId, { lock: true });
    assertCanEditLanguage(actor, region, path, input.language);
    const existing = await findTranslation(tx, page.id, input.language);
    if (!existing || existing.revision === 0) throw new NotFoundError('translation_not_found');
    if (!existing.machineProvider) return existing;
    const translation = await updateTranslation(tx, existing.id, { machineProvider: null, updatedBy: actor.id, updatedAt: new Date() });
    await recordAudit(tx, actor, { regionId: region.id, action: 'page.machine_approve', entityType: 'page', entityId: page.id, before: { language: input.language, machine: existing.machineProvider }, after: { language: input.language, machine: null }, requestId: input.requestId ?? null });
    const source = await findTranslation(tx, page.id, region.sourceLanguage);
    if (source) for (const hook of translationSavedHooks) await hook(tx, { region, page, source, translation, actor });
    return translation;
  });
}

/** Revisions of a page in a language, newest first. */
export async function getRevisions(db: Db, actor: Actor, pageId: string, language: string): Promise<PageContext & { revisions: RevisionListItem[] }> {
  const ctx = await loadPage(db, pageId);
  assertCan(actor, 'page.read_admin', ctx.path);
  return { ...ctx, revisions: await listRevisions(db, ctx.page.id, language) };
}

/** One revision (with content); 404 when it does not exist. */
export async function getRevision(db: Db, actor: Actor, pageId: string, language: string, number: number): Promise<PageContext & { revision: RevisionRow }> {
  const ctx = await loadPage(db, pageId);
  assertCan(actor, 'page.read_admin', ctx.path);
  const revision = Number.isInteger(number) ? await findRevision(db, ctx.page.id, language, number) : undefined;
  if (!revision) throw new NotFoundError('revision_not_found');
  return { ...ctx, revision };
}

/** Makes an old revision the current text again (as a new revision; history is never rewritten). */
export async function restoreRevision(db: Db, actor: Actor, input: { pageId: string; language: string; number: number; baseRevision: unknown; minor?: boolean; requestId?: string | null }): Promise<SavedText> {
  const old = await findRevision(db, input.pageId, input.language, input.number);
  if (!old || !UUID.test(input.pageId)) throw new NotFoundError('revision_not_found');
  return savePageText(db, actor, {
    pageId: input.pageId,
    language: input.language,
    baseRevision: input.baseRevision,
    title: old.title,
    slug: old.slug,
    contentHtml: old.contentHtml,
    minor: input.minor ?? false,
    sourceRevision: old.sourceRevision ?? undefined,
    origin: 'restore',
    note: `restored revision ${old.number}`,
    requestId: input.requestId ?? null,
  });
}

// ---------- pages and the tree ----------

export type CreatePageInput = {
  regionId: string;
  parentId?: string | null;
  title: unknown;
  slug?: unknown;
  contentHtml?: unknown;
  icon?: string | null;
  status?: PageStatus;
  draft?: boolean;
  requestId?: string | null;
};

/** Creates a page (at the end of its siblings) with its source-language text as revision 1. */
export async function createPage(db: Db, actor: Actor | { system: string }, input: CreatePageInput): Promise<{ page: PageRow; translation: TranslationRow }> {
  return db.transaction(async (tx) => {
    const { region, path } = await loadRegion(tx, input.regionId);
    if ('id' in actor) assertCan(actor, 'page.edit', path);
    if (input.status === 'published' && 'id' in actor) assertCan(actor, 'page.publish', path);
    const parentId = input.parentId || null;
    if (parentId) {
      const parent = UUID.test(parentId) ? await findPageById(tx, parentId) : undefined;
      if (!parent || parent.regionId !== region.id) throw new ValidationError({ parentId: { key: 'guide.error_parent_unknown' } });
    }
    const siblings = await listSiblings(tx, region.id, parentId);
    const position = siblings.length ? Math.max(...siblings.map((s) => s.position)) + 1 : 0;
    const page = await insertPage(tx, { regionId: region.id, parentId, position, status: input.status ?? 'draft', icon: input.icon ?? null, createdBy: 'id' in actor ? actor.id : null });
    await recordAudit(tx, actor, { regionId: region.id, action: 'page.create', entityType: 'page', entityId: page.id, before: null, after: pageAuditView(page), requestId: input.requestId ?? null });
    const { translation } = await savePageText(tx, actor, {
      pageId: page.id,
      language: region.sourceLanguage,
      baseRevision: 0,
      title: input.title,
      slug: input.slug,
      contentHtml: input.contentHtml ?? '',
      draft: input.draft ?? false,
      origin: 'id' in actor ? 'edit' : 'seed',
      requestId: input.requestId ?? null,
    });
    return { page, translation };
  });
}

function pageAuditView(p: PageRow): Record<string, unknown> {
  return { parentId: p.parentId, position: p.position, status: p.status, publishFrom: p.publishFrom, publishUntil: p.publishUntil, icon: p.icon, imageId: p.imageId };
}

const dateField = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.date({ error: 'validation.date' }).nullable());
const settingsSchema = z.object({
  status: z.enum(PAGE_STATUSES, { error: 'validation.invalid' }),
  publishFrom: dateField,
  publishUntil: dateField,
  icon: z.preprocess((v) => (v === '' ? null : v), z.string().max(60).regex(/^[a-z0-9-]+$/, 'validation.invalid').nullable().default(null)),
  imageId: z.preprocess((v) => (v === '' ? null : v), z.string().regex(UUID, 'validation.invalid').nullable().default(null)),
});
export type PageSettingsInput = { pageId: string; revision: unknown; status?: unknown; publishFrom?: unknown; publishUntil?: unknown; icon?: unknown; imageId?: unknown; requestId?: string | null };

/** Changes status, publishing window, icon or image. Publishing needs 'page.publish' and a current source text. */
export async function updatePageSettings(db: Db, actor: Actor, input: PageSettingsInput): Promise<PageRow> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId, { lock: true });
    assertCan(actor, 'page.edit', path);
    const revision = parseRevision(input.revision);
    const parsed = settingsSchema.safeParse({
      status: input.status ?? page.status,
      publishFrom: input.publishFrom === undefined ? page.publishFrom : input.publishFrom,
      publishUntil: input.publishUntil === undefined ? page.publishUntil : input.publishUntil,
      icon: input.icon === undefined ? page.icon : input.icon,
      imageId: input.imageId === undefined ? page.imageId : input.imageId,
    });
    const errors: FieldErrors = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
    const data = parsed.success ? parsed.data : undefined;
    if (data?.publishFrom && data.publishUntil && data.publishUntil <= data.publishFrom) errors.publishUntil = { key: 'guide.error_until_before_from' };
    if (Object.keys(errors).length || !data) throw new ValidationError(errors);
    if (revision !== page.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', page);
    const statusChanges = data.status !== page.status;
    if (statusChanges && (data.status === 'published' || page.status === 'published')) assertCan(actor, 'page.publish', path);
    if (data.status === 'published') {
      const source = await findTranslation(tx, page.id, region.sourceLanguage);
      if (!source || source.revision === 0) throw new AppError(409, 'page_has_no_text', 'guide.error_publish_without_text');
    }
    const row = await updatePageAtRevision(tx, page.id, revision, data);
    if (!row) throw new ConflictError('revision_conflict', 'errors.revision_conflict', page);
    await recordAudit(tx, actor, { regionId: region.id, action: statusChanges ? `page.${data.status === 'published' ? 'publish' : data.status === 'archived' ? 'archive' : page.status === 'published' ? 'unpublish' : 'status'}` : 'page.update', entityType: 'page', entityId: page.id, before: pageAuditView(page), after: pageAuditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

function parseRevision(value: unknown): number {
  const r = z.coerce.number().int().min(1).safeParse(value);
  if (!r.success || value === '' || value === undefined) throw new ValidationError({ revision: { key: 'validation.required' } });
  return r.data;
}

/** True when `candidate` is `pageId` or lies below it. */
function isSelfOrDescendant(all: PageRow[], pageId: string, candidate: string | null): boolean {
  const byId = new Map(all.map((p) => [p.id, p]));
  let current = candidate;
  for (let depth = 0; current && depth < 1000; depth += 1) {
    if (current === pageId) return true;
    current = byId.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * Moves a page under `parentId` (null = top level) at `position` (index among the new siblings; clamped).
 * A move below itself or one of its descendants is refused with 'page_move_cycle'.
 */
export async function movePage(db: Db, actor: Actor, input: { pageId: string; revision: unknown; parentId: string | null; position: number; requestId?: string | null }): Promise<PageRow> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId, { lock: true });
    assertCan(actor, 'page.edit', path);
    const revision = parseRevision(input.revision);
    if (revision !== page.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', page);
    const parentId = input.parentId || null;
    const all = await listPagesOfRegion(tx, region.id);
    if (parentId && !all.some((p) => p.id === parentId)) throw new ValidationError({ parentId: { key: 'guide.error_parent_unknown' } });
    if (isSelfOrDescendant(all, page.id, parentId)) throw new AppError(409, 'page_move_cycle', 'guide.error_move_cycle');
    const siblings = all.filter((p) => p.parentId === parentId && p.id !== page.id).sort((a, b) => a.position - b.position);
    const index = Math.max(0, Math.min(siblings.length, Math.trunc(input.position)));
    siblings.splice(index, 0, page);
    for (const [i, sibling] of siblings.entries()) if (sibling.id !== page.id && sibling.position !== i) await setPosition(tx, sibling.id, i);
    const row = await updatePageAtRevision(tx, page.id, revision, { parentId, position: index });
    if (!row) throw new ConflictError('revision_conflict', 'errors.revision_conflict', page);
    // Close the gap the page left among its old siblings.
    if (page.parentId !== parentId) {
      const old = all.filter((p) => p.parentId === page.parentId && p.id !== page.id).sort((a, b) => a.position - b.position);
      for (const [i, sibling] of old.entries()) if (sibling.position !== i) await setPosition(tx, sibling.id, i);
    }
    await recordAudit(tx, actor, { regionId: region.id, action: 'page.move', entityType: 'page', entityId: page.id, before: pageAuditView(page), after: pageAuditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

export const MOVE_STEPS = ['up', 'down', 'indent', 'outdent'] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];

/** One keyboard-sized step in the tree: up/down among siblings, indent (under the previous sibling), outdent (after the parent). */
export async function movePageStep(db: Db, actor: Actor, input: { pageId: string; revision: unknown; step: MoveStep; requestId?: string | null }): Promise<PageRow> {
  const { page } = await loadPage(db, input.pageId);
  const siblings = (await listSiblings(db, page.regionId, page.parentId)).filter((p) => p.id !== page.id);
  const mine = (await listSiblings(db, page.regionId, page.parentId)).findIndex((p) => p.id === page.id);
  const move = (parentId: string | null, position: number) => movePage(db, actor, { pageId: page.id, revision: input.revision, parentId, position, requestId: input.requestId ?? null });
  switch (input.step) {
    case 'up':
      return move(page.parentId, Math.max(0, mine - 1));
    case 'down':
      return move(page.parentId, Math.min(siblings.length, mine + 1));
    case 'indent': {
      const previous = siblings[mine - 1];
      if (!previous) throw new AppError(409, 'page_cannot_indent', 'guide.error_cannot_indent');
      const children = await listSiblings(db, page.regionId, previous.id);
      return move(previous.id, children.length);
    }
    case 'outdent': {
      if (!page.parentId) throw new AppError(409, 'page_cannot_outdent', 'guide.error_cannot_outdent');
      const parent = await findPageById(db, page.parentId);
      const parentSiblings = await listSiblings(db, page.regionId, parent?.parentId ?? null);
      return move(parent?.parentId ?? null, parentSiblings.findIndex((p) => p.id === page.parentId) + 1);
    }
  }
}

export const CHILD_STRATEGIES = ['move_up', 'delete'] as const;
export type ChildStrategy = (typeof CHILD_STRATEGIES)[number];

/**
 * Deletes a page with its texts and revisions. A page with children needs a choice: 'move_up' hangs them where the
 * page was, 'delete' deletes the whole subtree. Without a choice: AppError 409 'page_has_children'.
 */
export async function deletePage(db: Db, actor: Actor, input: { pageId: string; revision: unknown; children?: ChildStrategy; requestId?: string | null }): Promise<{ deleted: string[] }> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId, { lock: true });
    assertCan(actor, 'page.edit', path);
    const revision = parseRevision(input.revision);
    if (revision !== page.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', page);
    const all = await listPagesOfRegion(tx, region.id);
    const children = all.filter((p) => p.parentId === page.id);
    if (children.length && !input.children) throw new AppError(409, 'page_has_children', 'guide.error_has_children');
    if (page.status === 'published') assertCan(actor, 'page.publish', path);
    const deleted: string[] = [];
    if (children.length && input.children === 'move_up') {
      await setParent(tx, children.map((c) => c.id), page.parentId);
      const siblings = all.filter((p) => p.parentId === page.parentId).sort((a, b) => a.position - b.position);
      const at = siblings.findIndex((p) => p.id === page.id);
      const ordered = [...siblings.slice(0, at), ...children.sort((a, b) => a.position - b.position), ...siblings.slice(at + 1)];
      for (const [i, p] of ordered.entries()) await setPosition(tx, p.id, i);
      await deletePageRow(tx, page.id);
      deleted.push(page.id);
    } else {
      // Children first (the parent reference restricts deletes), deepest first.
      const subtree: PageRow[] = [];
      const collect = (id: string) => {
        for (const child of all.filter((p) => p.parentId === id)) {
          collect(child.id);
          subtree.push(child);
        }
      };
      collect(page.id);
      for (const p of [...subtree, page]) {
        await deletePageRow(tx, p.id);
        deleted.push(p.id);
      }
    }
    for (const id of deleted) await recordAudit(tx, actor, { regionId: region.id, action: 'page.delete', entityType: 'page', entityId: id, before: id === page.id ? pageAuditView(page) : { parentId: all.find((p) => p.id === id)?.parentId }, after: null, requestId: input.requestId ?? null });
    return { deleted };
  });
}

// ---------- trees for readers and editors ----------

export type TreeNode = { page: PageRow; translations: Map<string, TranslationRow>; children: TreeNode[] };

/** Builds the ordered tree of a region's pages with their texts by language. */
export function buildPageTree(pageRows: PageRow[], translations: TranslationRow[]): TreeNode[] {
  const byPage = new Map<string, Map<string, TranslationRow>>();
  for (const t of translations) {
    const m = byPage.get(t.pageId) ?? new Map<string, TranslationRow>();
    m.set(t.language, t);
    byPage.set(t.pageId, m);
  }
  const nodes = new Map(pageRows.map((p) => [p.id, { page: p, translations: byPage.get(p.id) ?? new Map<string, TranslationRow>(), children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.page.parentId ? nodes.get(node.page.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.page.position - b.page.position || a.page.createdAt.getTime() - b.page.createdAt.getTime());
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Every node of a tree, depth first, with its depth. */
export function flattenTree(nodes: TreeNode[], depth = 0): { node: TreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}
