/**
 * XLIFF export and import of guide pages for translation agencies and CAT tools.
 *
 * Export: the current source text of the chosen pages, one `<file>` per page, one unit per segment plus the title;
 * the current translation (when its block structure still matches) as target. The file records per page the source
 * revision and content hash, and the translation's latest revision, at export time.
 *
 * Import: a page applies as a whole or not at all; pages are independent. A page is refused, and the report says
 * for each unit why, when
 * - the page is unknown (not in this region),
 * - the translation was changed in wegweiser since the export (`translation_changed`; never silently overwritten),
 * - the source text had a major change since the export and this unit's source differs (`source_changed`) — the
 *   other units of the page are then `page_not_applied`,
 * - a unit has no target (`missing_target`), its inline codes do not match the source's (`inline_codes`), or the
 *   file lacks a unit (`unit_missing`) or has one we do not know (`unknown_unit`).
 * A file that is not well-formed, has a DOCTYPE, or breaks the XLIFF schema changes nothing and is not recorded.
 * Applied pages are saved with savePageText (origin 'xliff'; source revision: the exported one) in one transaction
 * with the stored report and the audit entry.
 */
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../../platform/auth/permissions.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.js';
import {
  assembleHtml,
  buildFromMarkers,
  buildPageTree,
  canEditLanguage,
  contentHash,
  flattenTree,
  getRegionGuide,
  inlineCodeMap,
  InlineCodeError,
  inlineCodes,
  inlineToPlainText,
  savePageText,
  segmentHtml,
  skeletonKey,
  toTaggedText,
  translationState,
  TITLE_MAX,
  type InlineContent,
  type PageRow,
  type TranslationRow,
  type TranslationState,
  type TreeNode,
} from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import { TITLE_UNIT, tokensToTagged, writeXliff, XLIFF_VERSIONS, XliffFormatError, type ParsedFile, type ParsedUnit, type XliffMessage, type XliffUnitData, type XliffVersion } from './codec.js';
import { findXliffImport, insertXliffImport, listXliffImportsOfRegion, type XliffImportListItem, type XliffImportRow, type XliffReportRow } from './queries.js';
import { readXliff } from './validate.js';

export type { XliffImportListItem, XliffImportRow, XliffReportRow, XliffVersion, XliffMessage };
export { XLIFF_VERSIONS };

export const XLIFF_SELECTIONS = ['all', 'outdated_missing', 'pages'] as const;
export type XliffSelection = (typeof XLIFF_SELECTIONS)[number];
/** Largest accepted upload (bytes). */
export const XLIFF_MAX_BYTES = 10 * 1024 * 1024;

export const REPORT_STATUSES = ['applied', 'unchanged', 'refused'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Why a unit was refused (catalog keys `xliff.reason_<code>`). */
export const REFUSAL_REASONS = [
  'source_language',
  'target_language_missing',
  'language_not_in_region',
  'language_not_allowed',
  'unknown_page',
  'duplicate_page',
  'source_missing',
  'missing_metadata',
  'translation_changed',
  'source_changed',
  'unit_missing',
  'unknown_unit',
  'missing_target',
  'inline_codes',
  'invalid_text',
  'page_not_applied',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uploaded file could not be read: not well-formed, DOCTYPE, not XLIFF, or schema-invalid. Nothing changed. */
export class XliffInvalidError extends AppError {
  constructor(
    readonly reason: XliffFormatError['code'] | 'too_large' | 'empty' | 'encoding',
    readonly messages: XliffMessage[],
  ) {
    super(422, 'xliff_invalid', `xliff.error_file_${reason}`);
  }
}

// ---------- shared loading ----------

type Guide = { region: RegionRow; path: string[]; pages: PageRow[]; translations: TranslationRow[] };

async function loadGuide(db: Db, actor: Actor, regionId: string): Promise<Guide> {
  if (!UUID.test(regionId)) throw new NotFoundError('region_not_found');
  const guide = await getRegionGuide(db, actor, regionId);
  assertCan(actor, 'translation.edit', guide.path);
  return guide;
}

/** Target languages the actor may exchange XLIFF for in this region (never the source language). */
function editableLanguages(actor: Actor, region: RegionRow, path: string[]): string[] {
  return region.languages.filter((l) => l !== region.sourceLanguage && canEditLanguage(actor, region, path, l));
}

/** Public address of a page's source text: /{region}/{lang}/{parent-slug}/{slug}. */
function sourceUrl(region: RegionRow, node: TreeNode, parents: Map<string, TreeNode>): string {
  const slugs: string[] = [];
  let current: TreeNode | undefined = node;
  for (let depth = 0; current && depth < 100; depth += 1) {
    slugs.unshift(current.translations.get(region.sourceLanguage)?.slug ?? '');
    current = current.page.parentId ? parents.get(current.page.parentId) : undefined;
  }
  return `/${region.slug}/${region.sourceLanguage}/${slugs.filter(Boolean).join('/')}`;
}

function codeShape(content: InlineContent): string {
  return inlineCodes(content)
    .map((c) => `${c.id}:${c.kind}`)
    .sort()
    .join(',');
}

function latestRevision(t: TranslationRow | undefined): number {
  return t ? Math.max(t.revision, t.draftRevision ?? 0) : 0;
}

// ---------- export form ----------

export type ExportPageOption = { page: PageRow; depth: number; title: string; states: Record<string, TranslationState> };
export type XliffOverview = { region: RegionRow; path: string[]; languages: string[]; pages: ExportPageOption[]; imports: XliffImportListItem[] };

/** What the XLIFF page shows: languages the actor may exchange, pages with their state per language, past imports. */
export async function getXliffOverview(db: Db, actor: Actor, regionId: string): Promise<XliffOverview> {
  const { region, path, pages, translations } = await loadGuide(db, actor, regionId);
  const languages = editableLanguages(actor, region, path);
  const options: ExportPageOption[] = [];
  for (const { node, depth } of flattenTree(buildPageTree(pages, translations))) {
    const source = node.translations.get(region.sourceLanguage);
    if (!source || source.revision === 0) continue;
    const states: Record<string, TranslationState> = {};
    for (const l of languages) states[l] = translationState(source, node.translations.get(l));
    options.push({ page: node.page, depth, title: source.title, states });
  }
  return { region, path, languages, pages: options, imports: await listXliffImportsOfRegion(db, region.id) };
}

// ---------- export ----------

const exportSchema = z.object({
  language: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required'),
  version: z.enum(XLIFF_VERSIONS, { error: 'validation.invalid' }),
  selection: z.enum(XLIFF_SELECTIONS, { error: 'validation.invalid' }),
  pageIds: z.array(z.string().regex(UUID, 'validation.invalid')).max(10_000).default([]),
});

export type ExportInput = { regionId: string; language: unknown; version: unknown; selection: unknown; pageIds?: unknown };
export type XliffExport = { filename: string; xml: string; pageCount: number; unitCount: number; version: XliffVersion; language: string };

/**
 * Builds an XLIFF file of the region's pages for one target language. Needs 'translation.edit' and, for
 * translators, the language among theirs. Only pages with a current source text are exported.
 */
export async function exportXliff(db: Db, actor: Actor, input: ExportInput): Promise<XliffExport> {
  const { region, path, pages, translations } = await loadGuide(db, actor, input.regionId);
  const rawIds = input.pageIds === undefined || input.pageIds === '' ? [] : Array.isArray(input.pageIds) ? input.pageIds : [input.pageIds];
  const parsed = exportSchema.safeParse({ language: input.language, version: input.version, selection: input.selection, pageIds: rawIds });
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'language');
      errors[field] ??= { key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
    }
    throw new ValidationError(errors);
  }
  const { language, version, selection, pageIds } = parsed.data;
  if (!region.languages.includes(language) || language === region.sourceLanguage) throw new ValidationError({ language: { key: 'xliff.error_language' } });
  if (!canEditLanguage(actor, region, path, language)) throw new ForbiddenError();
  const chosen = new Set(pageIds);
  if (selection === 'pages') {
    if (chosen.size === 0) throw new ValidationError({ pageIds: { key: 'xliff.error_no_pages' } });
    const known = new Set(pages.map((p) => p.id));
    if ([...chosen].some((id) => !known.has(id))) throw new ValidationError({ pageIds: { key: 'xliff.error_unknown_page' } });
  }

  const tree = buildPageTree(pages, translations);
  const flat = flattenTree(tree);
  const byId = new Map(flat.map(({ node }) => [node.page.id, node]));
  const files = [];
  let unitCount = 0;
  for (const { node } of flat) {
    const source = node.translations.get(region.sourceLanguage);
    if (!source || source.revision === 0) continue;
    const target = node.translations.get(language);
    const state = translationState(source, target);
    if (selection === 'outdated_missing' && state !== 'outdated' && state !== 'missing') continue;
    if (selection === 'pages' && !chosen.has(node.page.id)) continue;
    const { skeleton, units } = segmentHtml(source.contentHtml);
    const hasTarget = target !== undefined && target.revision > 0;
    const targetSegments = hasTarget ? segmentHtml(target.contentHtml) : undefined;
    const aligned = targetSegments !== undefined && skeletonKey(targetSegments.skeleton) === skeletonKey(skeleton);
    const targetUnits = new Map(aligned ? targetSegments.units.map((u) => [u.id, u.source]) : []);
    const fileUnits: XliffUnitData[] = [{ id: TITLE_UNIT, source: [source.title], target: hasTarget ? [target.title] : null }];
    for (const unit of units) {
      const t = targetUnits.get(unit.id);
      fileUnits.push({ id: unit.id, source: unit.source, target: t && codeShape(t) === codeShape(unit.source) ? t : null });
    }
    unitCount += fileUnits.length;
    files.push({
      pageId: node.page.id,
      title: source.title,
      url: sourceUrl(region, node, byId),
      sourceRevision: source.revision,
      sourceHash: contentHash(source.contentHtml),
      targetRevision: latestRevision(target),
      units: fileUnits,
    });
  }
  if (files.length === 0) throw new ValidationError({ selection: { key: 'xliff.error_nothing_to_export' } });
  const xml = writeXliff({
    version,
    sourceLanguage: region.sourceLanguage,
    targetLanguage: language,
    sourceDirection: languageInfo(region.sourceLanguage).direction,
    targetDirection: languageInfo(language).direction,
    files,
  });
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const filename = `${region.slug}-${region.sourceLanguage}-${language}-${date}${version === '1.2' ? '.xliff' : '.xlf'}`;
  return { filename, xml, pageCount: files.length, unitCount, version, language };
}

// ---------- import ----------

export type ImportInput = { regionId: string; filename: string; xml: string | Buffer; requestId?: string | null };
export type XliffImportResult = {
  import: XliffImportRow;
  report: XliffReportRow[];
  applied: number;
  unchanged: number;
  refused: number;
  pagesApplied: number;
};

type PagePlan = {
  file: ParsedFile;
  rows: XliffReportRow[];
  /** Set when every unit passed. */
  apply?: { pageId: string; title: string; html: string; sourceRevision: number; baseRevision: number; slug: string | undefined; unitContent: Map<string, InlineContent> };
  target: TranslationRow | undefined;
};

function row(unit: string, pageId: string | null, title: string, status: ReportStatus, reason: RefusalReason | null, detail?: string): XliffReportRow {
  return { unit, pageId, title, status, reason: reason === null ? null : detail ? `${reason}:${detail}` : reason };
}

/** Checks one file (page) of the import against the current texts; decides nothing is written yet. */
function planPage(file: ParsedFile, region: RegionRow, language: string, byId: Map<string, TreeNode>, seen: Set<string>): PagePlan {
  const refuseAll = (title: string, pageId: string | null, reason: RefusalReason, target?: TranslationRow): PagePlan => ({
    file,
    rows: file.units.length ? file.units.map((u) => row(u.id, pageId, title, 'refused', reason)) : [row('-', pageId, title, 'refused', reason)],
    target,
  });
  const node = file.pageId ? byId.get(file.pageId) : undefined;
  if (!node || !file.pageId) return refuseAll(file.original || `line ${file.line}`, null, 'unknown_page');
  const pageId = node.page.id;
  const source = node.translations.get(region.sourceLanguage);
  const title = source?.title ?? file.original;
  if (seen.has(pageId)) return refuseAll(title, pageId, 'duplicate_page');
  seen.add(pageId);
  if (!source || source.revision === 0) return refuseAll(title, pageId, 'source_missing');
  const target = node.translations.get(language);
  if (file.sourceRevision === null || file.sourceHash === null || file.targetRevision === null) return refuseAll(title, pageId, 'missing_metadata', target);
  if (latestRevision(target) !== file.targetRevision) return refuseAll(title, pageId, 'translation_changed', target);

  const exported = file.sourceRevision;
  const sourceChanged = exported !== source.revision || file.sourceHash !== contentHash(source.contentHtml);
  // Minor changes since the export keep a translation valid; a major one (or a file from elsewhere) does not.
  const majorChange = sourceChanged && (source.majorRevision > exported || exported > source.revision);
  const { skeleton, units } = segmentHtml(source.contentHtml);
  const current: { id: string; source: InlineContent }[] = [{ id: TITLE_UNIT, source: [source.title] }, ...units];
  const fileUnits = new Map<string, ParsedUnit>();
  const rows: XliffReportRow[] = [];
  for (const u of file.units) {
    if (fileUnits.has(u.id) || !current.some((c) => c.id === u.id)) rows.push(row(u.id, pageId, title, 'refused', 'unknown_unit'));
    else fileUnits.set(u.id, u);
  }
  const content = new Map<string, InlineContent>();
  for (const unit of current) {
    const f = fileUnits.get(unit.id);
    if (!f) {
      rows.push(row(unit.id, pageId, title, 'refused', 'unit_missing'));
      continue;
    }
    if (majorChange && tokensToTagged(f.source) !== toTaggedText(unit.source)) {
      rows.push(row(unit.id, pageId, title, 'refused', 'source_changed'));
      continue;
    }
    const hasText = f.target?.some((t) => t.type === 'text' && t.text.trim() !== '') ?? false;
    if (!f.target || !hasText) {
      rows.push(row(unit.id, pageId, title, 'refused', 'missing_target'));
      continue;
    }
    try {
      const built = buildFromMarkers(f.target, inlineCodeMap(unit.source), false);
      if (unit.id === TITLE_UNIT) {
        const text = built.filter((n): n is string => typeof n === 'string').join('').trim();
        if (text.length > TITLE_MAX) {
          rows.push(row(unit.id, pageId, title, 'refused', 'invalid_text', 'too_long'));
          continue;
        }
        content.set(unit.id, [text]);
      } else content.set(unit.id, built);
      rows.push(row(unit.id, pageId, title, 'applied', null));
    } catch (e) {
      if (!(e instanceof InlineCodeError)) throw e;
      rows.push(row(unit.id, pageId, title, 'refused', 'inline_codes', e.codeId === null ? e.code : `${e.code}:${e.codeId}`));
    }
  }
  if (rows.some((r) => r.status === 'refused')) {
    return { file, target, rows: rows.map((r) => (r.status === 'refused' ? r : { ...r, status: 'refused', reason: 'page_not_applied' })) };
  }
  const titleContent = content.get(TITLE_UNIT);
  content.delete(TITLE_UNIT);
  const newTitle = typeof titleContent?.[0] === 'string' ? titleContent[0] : '';
  return {
    file,
    target,
    rows,
    apply: {
      pageId,
      title: newTitle,
      html: assembleHtml(skeleton, content),
      // Under a major change every unit's source still matched: the file translates the current text.
      sourceRevision: majorChange ? source.revision : exported,
      baseRevision: file.targetRevision,
      slug: target && target.revision > 0 ? target.slug : undefined,
      unitContent: content,
    },
  };
}

/** Marks units whose translation equals what is stored already as unchanged. */
function markUnchanged(plan: PagePlan): void {
  const apply = plan.apply;
  const target = plan.target;
  if (!apply || !target || target.revision === 0) return;
  const old = segmentHtml(target.contentHtml);
  const oldUnits = new Map(old.units.map((u) => [u.id, toTaggedText(u.source)]));
  plan.rows = plan.rows.map((r) => {
    if (r.status !== 'applied') return r;
    const same = r.unit === TITLE_UNIT ? target.title === apply.title : oldUnits.get(r.unit) === toTaggedText(apply.unitContent.get(r.unit) ?? []);
    return same ? { ...r, status: 'unchanged' } : r;
  });
}

function decodeUpload(xml: string | Buffer): string {
  if (typeof xml === 'string') return xml;
  if (xml.length >= 2 && ((xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0xfe && xml[1] === 0xff))) {
    throw new XliffInvalidError('encoding', [{ line: 1, message: 'UTF-16 files are not supported; save the file as UTF-8' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new XliffInvalidError('encoding', [{ line: 0, message: 'the file is not UTF-8 text' }]);
  }
}

/**
 * Imports a translated XLIFF file (2.0/2.1 or 1.2). Throws XliffInvalidError (nothing changed, nothing stored) when
 * the file cannot be read; otherwise applies every page that passes all checks, stores the per-unit report and
 * records an audit entry, all in one transaction.
 */
export async function importXliff(db: Db, actor: Actor, input: ImportInput): Promise<XliffImportResult> {
  const guide = await loadGuide(db, actor, input.regionId);
  const bytes = typeof input.xml === 'string' ? Buffer.byteLength(input.xml) : input.xml.length;
  if (bytes > XLIFF_MAX_BYTES) throw new XliffInvalidError('too_large', []);
  const text = decodeUpload(input.xml);
  if (text.trim() === '') throw new XliffInvalidError('empty', []);
  let parsed;
  try {
    parsed = await readXliff(text);
  } catch (e) {
    if (e instanceof XliffFormatError) throw new XliffInvalidError(e.code, e.messages);
    throw e;
  }
  // Some browsers send the full local path; keep the file's own name.
  const filename = (input.filename.split(/[\\/]/).pop() || 'upload.xlf').slice(0, 200);

  return db.transaction(async (tx) => {
    // Read again inside the transaction, so the checks and the writes see the same texts.
    const { region, path, pages, translations } = await getRegionGuide(tx, actor, guide.region.id);
    const language = parsed.targetLanguage ?? '';
    let refuseFile: RefusalReason | null = null;
    if (parsed.sourceLanguage !== region.sourceLanguage) refuseFile = 'source_language';
    else if (!language) refuseFile = 'target_language_missing';
    else if (!region.languages.includes(language) || language === region.sourceLanguage) refuseFile = 'language_not_in_region';
    else if (!canEditLanguage(actor, region, path, language)) refuseFile = 'language_not_allowed';

    const byId = new Map(flattenTree(buildPageTree(pages, translations)).map(({ node }) => [node.page.id, node]));
    const seen = new Set<string>();
    const plans: PagePlan[] = [];
    for (const file of parsed.files) {
      if (refuseFile) {
        const node = file.pageId ? byId.get(file.pageId) : undefined;
        const title = node?.translations.get(region.sourceLanguage)?.title ?? file.original;
        const pageId = node ? node.page.id : null;
        plans.push({ file, target: undefined, rows: (file.units.length ? file.units : [{ id: '-' }]).map((u) => row(u.id, pageId, title, 'refused', refuseFile)) });
      } else plans.push(planPage(file, region, language, byId, seen));
    }

    let pagesApplied = 0;
    const appliedPages: string[] = [];
    for (const plan of plans) {
      const apply = plan.apply;
      if (!apply) continue;
      const target = plan.target;
      const html = sanitizeRichText(apply.html);
      if (target && target.revision > 0 && target.revision === apply.baseRevision && target.title === apply.title && target.contentHtml === html && (target.sourceRevision ?? 0) >= apply.sourceRevision && !target.machineProvider) {
        plan.rows = plan.rows.map((r) => ({ ...r, status: 'unchanged' }));
        continue;
      }
      try {
        await savePageText(tx, actor, {
          pageId: apply.pageId,
          language,
          baseRevision: apply.baseRevision,
          title: apply.title,
          slug: apply.slug,
          contentHtml: html,
          sourceRevision: apply.sourceRevision,
          origin: 'xliff',
          note: `XLIFF ${parsed.version}: ${filename}`,
          requestId: input.requestId ?? null,
        });
        markUnchanged(plan);
        pagesApplied += 1;
        appliedPages.push(apply.pageId);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const reason: RefusalReason = e instanceof ConflictError ? 'translation_changed' : 'invalid_text';
        const detail = e instanceof ValidationError ? Object.keys(e.fields).join(',') : e.code;
        plan.rows = plan.rows.map((r) => ({ ...r, status: 'refused', reason: reason === 'translation_changed' ? reason : `${reason}:${detail}` }));
      }
    }

    const report = plans.flatMap((p) => p.rows);
    const count = (s: ReportStatus) => report.filter((r) => r.status === s).length;
    const applied = count('applied');
    const refused = count('refused');
    const unchanged = count('unchanged');
    const stored = await insertXliffImport(tx, {
      regionId: region.id,
      filename,
      version: parsed.version,
      targetLanguage: parsed.targetLanguage,
      report,
      applied,
      refused,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      regionId: region.id,
      action: 'xliff.import',
      entityType: 'xliff_import',
      entityId: stored.id,
      before: null,
      after: { filename, version: parsed.version, language: parsed.targetLanguage, applied, unchanged, refused, pages: appliedPages },
      requestId: input.requestId ?? null,
    });
    return { import: stored, report, applied, unchanged, refused, pagesApplied };
  });
}

// ---------- reading reports ----------

/** Past imports of a region, newest first. */
export async function listXliffImports(db: Db, actor: Actor, regionId: string): Promise<XliffImportListItem[]> {
  const { region } = await loadGuide(db, actor, regionId);
  return listXliffImportsOfRegion(db, region.id);
}

/** Excerpts of units by page and unit id: "pageId unitId" → the start of the unit's current source text. */
export type UnitExcerpts = Map<string, string>;

/**
 * One stored import with its report; 404 when it is not this region's. `excerpts` shows which sentence a unit is,
 * from the current source text (a unit refused as changed shows the new text).
 */
export async function getXliffImport(db: Db, actor: Actor, regionId: string, importId: string): Promise<{ region: RegionRow; path: string[]; record: XliffImportRow & { createdByName: string | null }; excerpts: UnitExcerpts }> {
  const { region, path, translations } = await loadGuide(db, actor, regionId);
  const record = UUID.test(importId) ? await findXliffImport(db, region.id, importId) : undefined;
  if (!record) throw new NotFoundError('xliff_import_not_found');
  const pageIds = new Set(record.report.map((r) => r.pageId).filter((id): id is string => id !== null));
  const excerpts: UnitExcerpts = new Map();
  const cut = (s: string) => (s.length > 90 ? `${s.slice(0, 89).trimEnd()}…` : s);
  for (const t of translations) {
    if (t.language !== region.sourceLanguage || !pageIds.has(t.pageId) || t.revision === 0) continue;
    for (const u of segmentHtml(t.contentHtml).units) excerpts.set(`${t.pageId} ${u.id}`, cut(inlineToPlainText(u.source).replace(/\s+/g, ' ').trim()));
  }
  return { region, path, record, excerpts };
}
