/**
 * Translation memory: pairs of source and target segments a person wrote or approved, per region and language pair.
 *
 * Filling: `onTranslationSaved` (guide service) runs after every non-machine, non-draft save of a translation and
 * after a machine translation was approved. The source text the translation was made from (its `sourceRevision`)
 * and the translation are split into units (guide/segments.ts); when both have the same block structure, unit n of
 * the source pairs with unit n of the translation, plus title with title. A pair is stored only when the
 * translation's inline codes correspond to the source's (same markup, possibly reordered); the target is stored as
 * tagged text numbered like the source (`<1>…</1>`), so it fits any later source unit with the same text.
 *
 * Key: region, source language, target language, sha256 of the normalised source (NFC, whitespace collapsed,
 * trimmed tagged text). Lookup: exact by that hash; fuzzy by pg_trgm `similarity()` (≥ FUZZY_THRESHOLD), with the
 * score. Fuzzy matches are suggestions for translators (`memorySuggestions`); machine translation only re-uses exact
 * matches.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertCan, type Actor } from '../../platform/auth/permissions.js';
import { countWords } from '../../platform/richtext/sanitize.js';
import {
  inlineCodes,
  inlineToPlainText,
  loadPage,
  onTranslationSaved,
  segmentHtml,
  toTaggedText,
  type InlineContent,
  type InlineNode,
  type PageRow,
  type Skeleton,
  type TranslationRow,
} from '../guide/index.js';
import type { RegionRow } from '../regions/index.js';
import { pageRevisions, pageTranslations, translationMemory } from '../guide/schema.js';

/** Fuzzy matches at or above this trigram similarity are offered. */
export const FUZZY_THRESHOLD = 0.75;
/** Longest segment kept in the memory (characters of tagged text). */
const MAX_SEGMENT = 5000;

export type TmEntry = typeof translationMemory.$inferSelect;
export type TmPair = { source: string; target: string };
export type TmMatch = { source: string; target: string; score: number };

/** The form of a segment's tagged text that is stored and hashed: NFC, whitespace collapsed, trimmed. */
export function normaliseSegment(tagged: string): string {
  return tagged.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function segmentHash(tagged: string): string {
  return createHash('sha256').update(normaliseSegment(tagged)).digest('hex');
}

/** Words of a tagged segment (markers and escapes left out). */
export function segmentWords(tagged: string, language: string): number {
  const text = tagged.replace(/<\/?[0-9]+\/?>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return countWords(text, language);
}

/** The block structure of a skeleton, without attributes or whitespace (for "same structure" checks). */
function structure(skeleton: Skeleton): string {
  return skeleton
    .map((part) => (typeof part === 'string' ? part.replace(/<(\/?)([a-z0-9]+)[^>]*>/gi, '<$1$2>').replace(/\s+/g, '') : '#'))
    .join('');
}

/**
 * Renumbers the codes of a translated unit to the source unit's ids, matching codes by their markup (in order when
 * a markup occurs several times). Null when the codes do not correspond one to one.
 */
export function alignCodes(source: InlineContent, target: InlineContent): InlineContent | null {
  const sourceCodes = inlineCodes(source);
  const targetCodes = inlineCodes(target);
  if (sourceCodes.length !== targetCodes.length) return null;
  const free = [...sourceCodes];
  const ids = new Map<string, string>();
  for (const code of targetCodes) {
    const i = free.findIndex((c) => c.kind === code.kind && c.data === code.data);
    const found = free[i];
    if (i < 0 || !found) return null;
    ids.set(code.id, found.id);
    free.splice(i, 1);
  }
  const renumber = (nodes: InlineContent): InlineContent =>
    nodes.map((n): InlineNode => (typeof n === 'string' ? n : n.kind === 'ph' ? { ...n, id: ids.get(n.id) ?? n.id } : { ...n, id: ids.get(n.id) ?? n.id, children: renumber(n.children) }));
  return renumber(target);
}

/** Source/target pairs of a translated page: title and every unit, when the structures match. */
export function alignPage(source: { title: string; contentHtml: string }, target: { title: string; contentHtml: string }): TmPair[] {
  const pairs: TmPair[] = [];
  const add = (s: string, t: string) => {
    const src = normaliseSegment(s);
    const tgt = normaliseSegment(t);
    if (src && tgt && src.length <= MAX_SEGMENT && tgt.length <= MAX_SEGMENT) pairs.push({ source: src, target: tgt });
  };
  add(toTaggedText([source.title]), toTaggedText([target.title]));
  const s = segmentHtml(source.contentHtml);
  const t = segmentHtml(target.contentHtml);
  if (s.units.length !== t.units.length || structure(s.skeleton) !== structure(t.skeleton)) return pairs;
  s.units.forEach((unit, i) => {
    const other = t.units[i];
    if (!other || !inlineToPlainText(unit.source).trim() || !inlineToPlainText(other.source).trim()) return;
    const aligned = alignCodes(unit.source, other.source);
    if (aligned) add(toTaggedText(unit.source), toTaggedText(aligned));
  });
  return pairs;
}

/** Inserts or updates pairs (the newest translation of a segment wins). Returns how many were written. */
export async function upsertPairs(
  db: Db,
  input: { regionId: string; sourceLanguage: string; targetLanguage: string; pageId: string | null; createdBy: string | null; pairs: TmPair[] },
): Promise<number> {
  // One row per source: the last pair of the page wins when a page repeats a segment.
  const bySource = new Map<string, TmPair>();
  for (const p of input.pairs) bySource.set(segmentHash(p.source), p);
  if (bySource.size === 0) return 0;
  const values = [...bySource].map(([hash, p]) => ({
    regionId: input.regionId,
    sourceLanguage: input.sourceLanguage,
    targetLanguage: input.targetLanguage,
    source: p.source,
    sourceHash: hash,
    target: p.target,
    pageId: input.pageId,
    createdBy: input.createdBy,
  }));
  await db
    .insert(translationMemory)
    .values(values)
    .onConflictDoUpdate({
      target: [translationMemory.regionId, translationMemory.sourceLanguage, translationMemory.targetLanguage, translationMemory.sourceHash],
      set: { target: sql`excluded.target`, source: sql`excluded.source`, pageId: sql`excluded.page_id`, createdBy: sql`excluded.created_by`, updatedAt: sql`now()` },
    });
  return values.length;
}

/** The source text a translation was made from: its source revision when still stored, else the current text. */
async function sourceTextFor(db: Db, page: PageRow, source: TranslationRow, translation: TranslationRow): Promise<{ title: string; contentHtml: string }> {
  const wanted = translation.sourceRevision;
  if (wanted === null || wanted === source.revision) return source;
  const [old] = await db
    .select({ title: pageRevisions.title, contentHtml: pageRevisions.contentHtml })
    .from(pageRevisions)
    .where(and(eq(pageRevisions.pageId, page.id), eq(pageRevisions.language, source.language), eq(pageRevisions.number, wanted)));
  return old ?? source;
}

/** Pairs of a page, or none when its HTML cannot be aligned: the memory must never stop a person's save. */
function safeAlign(source: { title: string; contentHtml: string }, target: { title: string; contentHtml: string }): TmPair[] {
  try {
    return alignPage(source, target);
  } catch {
    return [];
  }
}

/** Stores the segment pairs of a translation a person saved or approved (the onTranslationSaved hook). */
export async function rememberTranslation(db: Db, event: { region: RegionRow; page: PageRow; source: TranslationRow; translation: TranslationRow; actor: Actor | null }): Promise<number> {
  const { region, page, source, translation } = event;
  if (translation.language === source.language || translation.revision === 0 || translation.machineProvider) return 0;
  const sourceText = await sourceTextFor(db, page, source, translation);
  return upsertPairs(db, {
    regionId: region.id,
    sourceLanguage: source.language,
    targetLanguage: translation.language,
    pageId: page.id,
    createdBy: event.actor?.id ?? null,
    pairs: safeAlign(sourceText, translation),
  });
}

async function rememberOnSave(db: Db, event: Parameters<typeof rememberTranslation>[1]): Promise<void> {
  await rememberTranslation(db, event);
}

/** Connects the memory to the guide's save hook (idempotent; the translation module calls it at start). */
export function installTranslationMemory(): void {
  onTranslationSaved(rememberOnSave);
}

type Pair = { regionId: string; sourceLanguage: string; targetLanguage: string };

/** Exact matches for tagged source segments: normalised source → stored target. */
export async function lookupExact(db: Db, pair: Pair, segments: string[]): Promise<Map<string, string>> {
  const hashes = [...new Set(segments.map(segmentHash))];
  const out = new Map<string, string>();
  if (hashes.length === 0) return out;
  const rows = await db
    .select({ source: translationMemory.source, target: translationMemory.target })
    .from(translationMemory)
    .where(
      and(
        eq(translationMemory.regionId, pair.regionId),
        eq(translationMemory.sourceLanguage, pair.sourceLanguage),
        eq(translationMemory.targetLanguage, pair.targetLanguage),
        inArray(translationMemory.sourceHash, hashes),
      ),
    );
  for (const r of rows) out.set(normaliseSegment(r.source), r.target);
  return out;
}

/** Similar stored segments (trigram similarity ≥ threshold), best first, with their score (0–1). */
export async function lookupFuzzy(db: Db, pair: Pair, segment: string, opts: { threshold?: number; limit?: number } = {}): Promise<TmMatch[]> {
  const q = normaliseSegment(segment);
  if (!q) return [];
  const threshold = opts.threshold ?? FUZZY_THRESHOLD;
  const score = sql<number>`similarity(${translationMemory.source}, ${q})`;
  const rows = await db
    .select({ source: translationMemory.source, target: translationMemory.target, score })
    .from(translationMemory)
    .where(
      and(
        eq(translationMemory.regionId, pair.regionId),
        eq(translationMemory.sourceLanguage, pair.sourceLanguage),
        eq(translationMemory.targetLanguage, pair.targetLanguage),
        // `%` (pg_trgm's default threshold 0.3) lets the trigram index narrow the candidates first.
        sql`${translationMemory.source} % ${q}`,
        sql`${score} >= ${threshold}`,
      ),
    )
    .orderBy(sql`${score} DESC`, translationMemory.id)
    .limit(opts.limit ?? 5);
  return rows.map((r) => ({ source: r.source, target: r.target, score: Number(r.score) }));
}

/** Number of stored pairs of a region (the settings page shows it). */
export async function countMemory(db: Db, regionId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(translationMemory).where(eq(translationMemory.regionId, regionId));
  return row?.n ?? 0;
}

export type UnitSuggestions = {
  /** "title", "u1", "u2" … (the units of guide/segments.ts, the title first). */
  unit: string;
  /** The source unit as tagged text. */
  source: string;
  /** The stored translation of exactly this text, when there is one. */
  exact: string | null;
  /** Similar stored segments (not the exact one), best first, with their score 0–1. */
  fuzzy: TmMatch[];
};

/**
 * Memory suggestions for translating a page's current source text into `language`, unit by unit: the exact match
 * and fuzzy matches ≥ FUZZY_THRESHOLD. For the translator's side-by-side view; 403 unless the actor may read the
 * region's guide.
 */
export async function memorySuggestions(db: Db, actor: Actor, input: { pageId: string; language: string; limit?: number }): Promise<UnitSuggestions[]> {
  const { page, region, path } = await loadPage(db, input.pageId);
  assertCan(actor, 'page.read_admin', path);
  if (input.language === region.sourceLanguage || !region.languages.includes(input.language)) return [];
  const [source] = await db
    .select({ title: pageTranslations.title, contentHtml: pageTranslations.contentHtml, revision: pageTranslations.revision })
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, page.id), eq(pageTranslations.language, region.sourceLanguage)));
  if (!source || source.revision === 0) return [];
  const units = [{ unit: 'title', source: normaliseSegment(toTaggedText([source.title])) }, ...segmentHtml(source.contentHtml).units.map((u) => ({ unit: u.id, source: normaliseSegment(toTaggedText(u.source)) }))];
  const pair = { regionId: region.id, sourceLanguage: region.sourceLanguage, targetLanguage: input.language };
  const exact = await lookupExact(db, pair, units.map((u) => u.source));
  const out: UnitSuggestions[] = [];
  for (const u of units) {
    if (!u.source) continue;
    const fuzzy = (await lookupFuzzy(db, pair, u.source, { limit: (input.limit ?? 3) + 1 })).filter((m) => m.source !== u.source).slice(0, input.limit ?? 3);
    out.push({ unit: u.unit, source: u.source, exact: exact.get(u.source) ?? null, fuzzy });
  }
  return out;
}
