/**
 * Machine translation of guide pages, per region: settings (off by default), a yearly word budget, and a job that
 * translates a page into one language.
 *
 * The job (`translation.machine`, queued in the transaction of the request) segments the current source text,
 * takes exact matches from the translation memory (fuzzy matches are never applied automatically — they are
 * suggestions for people), and sends only the remaining units to the provider. Before sending, it reserves the
 * words in `mt_usage` with one conditional UPDATE (`words_used + n <= budget`), so concurrent jobs can never spend
 * more than the budget; a provider failure gives the words back. The result is saved through savePageText as a
 * machine revision (origin 'machine', machineProvider set, sourceRevision = the source revision translated), which
 * translators then check and approve.
 *
 * Failures: a provider that is down or slow makes the job try again later (back-off); a refusal (bad key,
 * unsupported language, budget used up, machine translation switched off, translation changed by a person since
 * the request) ends the job as failed with a readable message, shown on the settings page and in the jobs view.
 */
import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../../platform/auth/permissions.js';
import { openSecret, sealSecret, SecretBoxError } from '../../../platform/auth/secret-box.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { enqueueUniqueJob, registerJobHandler, type JobRow } from '../../../platform/jobs/jobs.js';
import { jobs } from '../../../platform/schema.js';
import {
  canEditLanguage,
  fromTaggedText,
  InlineCodeError,
  inlineToHtml,
  loadPage,
  savePageText,
  segmentHtml,
  slugify,
  TITLE_MAX,
  toTaggedText,
  type InlineContent,
  type PageRow,
  type TranslationRow,
} from '../../guide/index.js';
import { MT_PROVIDERS, mtSettings, mtUsage, pageRevisions, pages, pageTranslations, type MtProviderName } from '../../guide/schema.js';
import { findRegionWithPath, type RegionRow } from '../../regions/index.js';
import { countMemory, lookupExact, normaliseSegment, segmentWords } from '../memory.js';
import { createProvider, MtProviderError, pairSupported, type MtProvider } from './providers.js';

export { MT_PROVIDERS, type MtProviderName };
export const MT_JOB = 'translation.machine';
export const BUDGET_MAX = 100_000_000;
const ENDPOINT_MAX = 300;
const KEY_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MtSettingsRow = typeof mtSettings.$inferSelect;
/** Settings as pages may see them: never the key, only whether one is stored. */
export type MtSettingsView = Omit<MtSettingsRow, 'apiKey'> & { hasKey: boolean; stored: boolean };
export type MtUsageView = { year: number; budget: number; wordsUsed: number; wordsSaved: number; requests: number; remaining: number };

/** The key that seals providers' API keys at rest: HKDF-SHA256 of the session secret ("wegweiser mt v1"). */
export function deriveMtKey(sessionSecret: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', Buffer.from(sessionSecret, 'utf8'), Buffer.alloc(0), 'wegweiser mt v1', 32)));
}
const keyContext = (regionId: string) => `mt:${regionId}`;

/** A language pair as stored: "de>ar". */
export const pairKey = (source: string, target: string) => `${source}>${target}`;

// ---------- loading ----------

async function loadRegion(db: Db, regionId: string): Promise<{ region: RegionRow; path: string[] }> {
  const found = UUID.test(regionId) ? await findRegionWithPath(db, regionId) : undefined;
  if (!found) throw new NotFoundError('region_not_found');
  return found;
}

async function findSettings(db: Db, regionId: string): Promise<MtSettingsRow | undefined> {
  const [row] = await db.select().from(mtSettings).where(eq(mtSettings.regionId, regionId));
  return row;
}

function defaults(regionId: string): MtSettingsRow {
  return { regionId, enabled: false, provider: 'libretranslate', endpoint: '', apiKey: null, yearlyWordBudget: 0, pairs: [], revision: 0, updatedAt: new Date(0) };
}

function view(row: MtSettingsRow, stored: boolean): MtSettingsView {
  const { apiKey, ...rest } = row;
  return { ...rest, hasKey: Boolean(apiKey), stored };
}

/** The calendar year "now" in the region's time zone (budgets run per calendar year). */
export function budgetYear(region: Pick<RegionRow, 'timezone'>, now = new Date()): number {
  try {
    return Number(new Intl.DateTimeFormat('en', { timeZone: region.timezone, year: 'numeric' }).format(now));
  } catch {
    return now.getUTCFullYear();
  }
}

async function usageRow(db: Db, regionId: string, year: number) {
  const [row] = await db.select().from(mtUsage).where(and(eq(mtUsage.regionId, regionId), eq(mtUsage.year, year)));
  return row;
}

async function usageView(db: Db, region: RegionRow, settings: MtSettingsRow, now = new Date()): Promise<MtUsageView> {
  const year = budgetYear(region, now);
  const row = await usageRow(db, region.id, year);
  const wordsUsed = row?.wordsUsed ?? 0;
  return { year, budget: settings.yearlyWordBudget, wordsUsed, wordsSaved: row?.wordsSaved ?? 0, requests: row?.requests ?? 0, remaining: Math.max(0, settings.yearlyWordBudget - wordsUsed) };
}

/** Pairs the region could enable: source language → each other language the provider can take. */
export function pairOptions(region: RegionRow, provider: MtProviderName): { pair: string; target: string; supported: boolean }[] {
  return region.languages
    .filter((l) => l !== region.sourceLanguage)
    .map((target) => ({ pair: pairKey(region.sourceLanguage, target), target, supported: pairSupported(provider, region.sourceLanguage, target) }));
}

// ---------- availability (for buttons elsewhere) ----------

export type MtAvailability = { enabled: boolean; provider: MtProviderName; languages: string[] };

/** Which target languages of a region machine translation may fill now (none when off). No permission needed. */
export async function mtAvailability(db: Db, region: RegionRow): Promise<MtAvailability> {
  const row = (await findSettings(db, region.id)) ?? defaults(region.id);
  const languages = row.enabled
    ? region.languages.filter((l) => l !== region.sourceLanguage && row.pairs.includes(pairKey(region.sourceLanguage, l)) && pairSupported(row.provider, region.sourceLanguage, l))
    : [];
  return { enabled: row.enabled, provider: row.provider, languages };
}

// ---------- the settings page ----------

export type MtJobListItem = { id: number; status: string; pageId: string | null; pageTitle: string | null; language: string; attempts: number; lastError: string | null; createdAt: Date; finishedAt: Date | null };

export type MtOverview = {
  region: RegionRow;
  path: string[];
  settings: MtSettingsView;
  usage: MtUsageView;
  memoryPairs: number;
  pairs: { pair: string; target: string; supported: boolean }[];
  /** Per enabled target language: pages whose translation is missing (for the bulk action). */
  missing: { language: string; pages: number }[];
  jobs: MtJobListItem[];
};

async function missingPages(db: Db, region: RegionRow, language: string): Promise<PageRow[]> {
  const rows = await db
    .select({ page: pages })
    .from(pages)
    .innerJoin(pageTranslations, and(eq(pageTranslations.pageId, pages.id), eq(pageTranslations.language, region.sourceLanguage)))
    .where(
      and(
        eq(pages.regionId, region.id),
        sql`${pageTranslations.revision} > 0`,
        sql`NOT EXISTS (SELECT 1 FROM page_translations t WHERE t.page_id = ${pages.id} AND t.language = ${language} AND t.revision > 0)`,
      ),
    )
    .orderBy(pages.position, pages.createdAt);
  return rows.map((r) => r.page);
}

async function recentJobs(db: Db, regionId: string, limit = 20): Promise<MtJobListItem[]> {
  const rows = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.type, MT_JOB), eq(jobs.regionId, regionId)))
    .orderBy(desc(jobs.id))
    .limit(limit);
  const ids = [...new Set(rows.map((r) => String(r.payload.pageId ?? '')).filter((id) => UUID.test(id)))];
  const region = await findRegionWithPath(db, regionId);
  const titles = new Map<string, string>();
  if (ids.length && region) {
    const found = await db
      .select({ pageId: pageTranslations.pageId, title: pageTranslations.title })
      .from(pageTranslations)
      .where(and(eq(pageTranslations.language, region.region.sourceLanguage), sql`${pageTranslations.pageId} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
    for (const f of found) titles.set(f.pageId, f.title);
  }
  return rows.map((r) => {
    const pageId = typeof r.payload.pageId === 'string' ? r.payload.pageId : null;
    return {
      id: r.id,
      status: r.status,
      pageId,
      pageTitle: pageId ? (titles.get(pageId) ?? null) : null,
      language: String(r.payload.language ?? ''),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
    };
  });
}

/** Everything the settings page shows; 403 unless the actor may manage machine translation (region_admin). */
export async function getMtOverview(db: Db, actor: Actor, regionId: string, now = new Date()): Promise<MtOverview> {
  const { region, path } = await loadRegion(db, regionId);
  assertCan(actor, 'mt.manage', path);
  const stored = await findSettings(db, region.id);
  const settings = stored ?? defaults(region.id);
  const availability = await mtAvailability(db, region);
  const missing = [];
  for (const language of availability.languages) missing.push({ language, pages: (await missingPages(db, region, language)).length });
  return {
    region,
    path,
    settings: view(settings, Boolean(stored)),
    usage: await usageView(db, region, settings, now),
    memoryPairs: await countMemory(db, region.id),
    pairs: pairOptions(region, settings.provider),
    missing,
    jobs: await recentJobs(db, region.id),
  };
}

export type MtSettingsInput = {
  regionId: string;
  revision: unknown;
  enabled?: unknown;
  provider?: unknown;
  endpoint?: unknown;
  /** A new key; empty keeps the stored one. */
  apiKey?: unknown;
  /** "1": forget the stored key. */
  clearKey?: unknown;
  yearlyWordBudget?: unknown;
  pairs?: unknown;
  requestId?: string | null;
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const checked = (v: unknown) => v === true || v === '1' || v === 'on' || v === 'true';

const settingsSchema = z.object({
  provider: z.enum(MT_PROVIDERS, { error: 'validation.choose_valid' }),
  endpoint: z
    .string()
    .trim()
    .max(ENDPOINT_MAX, 'validation.too_long')
    .refine((v) => {
      if (v === '') return true;
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, 'mt.error_endpoint'),
  apiKey: z.string().trim().max(KEY_MAX, 'validation.too_long'),
  yearlyWordBudget: z.preprocess((v) => (typeof v === 'string' ? v.replace(/[\s.,'’_]/g, '') : v), z.coerce.number({ error: 'mt.error_budget' }).int('mt.error_budget').min(0, 'mt.error_budget').max(BUDGET_MAX, 'mt.error_budget')),
  pairs: z.array(z.string().max(40)),
});

function auditView(row: MtSettingsRow): Record<string, unknown> {
  // `apiKeySecret` matches the audit log's secret pattern: a change shows as "[redacted]", never the value.
  return { enabled: row.enabled, provider: row.provider, endpoint: row.endpoint, yearlyWordBudget: row.yearlyWordBudget, pairs: row.pairs, apiKeySecret: row.apiKey };
}

/**
 * Saves a region's machine translation settings. Revision check (ConflictError with the stored view); the key is
 * sealed and never returned; an empty key field keeps the stored key. Audited with the key redacted.
 */
export async function saveMtSettings(db: Db, actor: Actor, key: KeyObject, input: MtSettingsInput): Promise<MtSettingsView> {
  return db.transaction(async (tx) => {
    const { region, path } = await loadRegion(tx, input.regionId);
    assertCan(actor, 'mt.manage', path);
    const revision = z.coerce.number().int().min(0).safeParse(input.revision);
    if (!revision.success || input.revision === '' || input.revision === undefined) throw new ValidationError({ revision: { key: 'validation.required' } });
    const parsed = settingsSchema.safeParse({
      provider: input.provider ?? 'libretranslate',
      endpoint: typeof input.endpoint === 'string' ? input.endpoint : '',
      apiKey: typeof input.apiKey === 'string' ? input.apiKey : '',
      yearlyWordBudget: input.yearlyWordBudget === '' || input.yearlyWordBudget === undefined ? '0' : input.yearlyWordBudget,
      pairs: asList(input.pairs).map(String),
    });
    const errors: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message.startsWith('validation.') || issue.message.startsWith('mt.') ? issue.message : 'validation.invalid' };
    }
    const enabled = checked(input.enabled);
    const existing = await findSettings(tx, region.id);
    const before = existing ?? defaults(region.id);
    let data = parsed.success ? parsed.data : undefined;
    if (data) {
      const options = pairOptions(region, data.provider);
      const unknown = data.pairs.filter((p) => !options.some((o) => o.pair === p && o.supported));
      if (unknown.length) errors.pairs = { key: 'mt.error_pairs' };
      const keepKey = data.apiKey === '' && !checked(input.clearKey);
      const hasKey = data.apiKey !== '' || (keepKey && Boolean(before.apiKey));
      if (enabled && data.provider === 'libretranslate' && data.endpoint === '') errors.endpoint = { key: 'mt.error_endpoint_required' };
      if (enabled && data.provider === 'deepl' && !hasKey) errors.apiKey = { key: 'mt.error_key_required' };
      if (enabled && data.pairs.length === 0 && !errors.pairs) errors.pairs = { key: 'mt.error_pairs_required' };
      data = { ...data, pairs: options.filter((o) => data?.pairs.includes(o.pair)).map((o) => o.pair) };
    }
    if (Object.keys(errors).length || !data) throw new ValidationError(errors);
    if (revision.data !== (existing?.revision ?? 0)) throw new ConflictError('revision_conflict', 'errors.revision_conflict', view(before, Boolean(existing)));

    const apiKey = data.apiKey !== '' ? sealSecret(key, data.apiKey, keyContext(region.id)) : checked(input.clearKey) ? null : before.apiKey;
    const values = { enabled, provider: data.provider, endpoint: data.endpoint, apiKey, yearlyWordBudget: data.yearlyWordBudget, pairs: data.pairs, updatedAt: new Date() };
    let row: MtSettingsRow | undefined;
    if (existing) {
      [row] = await tx
        .update(mtSettings)
        .set({ ...values, revision: sql`${mtSettings.revision} + 1` })
        .where(and(eq(mtSettings.regionId, region.id), eq(mtSettings.revision, existing.revision)))
        .returning();
    } else {
      [row] = await tx
        .insert(mtSettings)
        .values({ regionId: region.id, ...values, revision: 1 })
        .onConflictDoNothing()
        .returning();
    }
    if (!row) {
      const now = (await findSettings(tx, region.id)) ?? before;
      throw new ConflictError('revision_conflict', 'errors.revision_conflict', view(now, true));
    }
    await recordAudit(tx, actor, { regionId: region.id, action: 'mt.settings_update', entityType: 'mt_settings', entityId: region.id, before: existing ? auditView(existing) : null, after: auditView(row), requestId: input.requestId ?? null });
    return view(row, true);
  });
}

// ---------- requesting translations ----------

/** Checks that machine translation may fill `language` in this region now; the settings when it may. */
async function assertPairEnabled(db: Db, region: RegionRow, language: string): Promise<MtSettingsRow> {
  const settings = await findSettings(db, region.id);
  if (!settings?.enabled) throw new AppError(409, 'mt_disabled', 'mt.error_disabled');
  if (language === region.sourceLanguage || !region.languages.includes(language)) throw new AppError(422, 'language_not_in_region', 'mt.error_language');
  if (!settings.pairs.includes(pairKey(region.sourceLanguage, language)) || !pairSupported(settings.provider, region.sourceLanguage, language)) {
    throw new AppError(409, 'mt_pair_disabled', 'mt.error_pair_disabled', { source: region.sourceLanguage, target: language });
  }
  return settings;
}

async function assertBudgetLeft(db: Db, region: RegionRow, settings: MtSettingsRow): Promise<void> {
  const usage = await usageView(db, region, settings);
  if (usage.remaining <= 0) throw new AppError(409, 'mt_budget_exhausted', 'mt.error_budget_exhausted', { year: usage.year, budget: usage.budget });
}

/** The latest revision number (drafts included) of a page's text in a language; 0 when there is none. */
async function latestRevision(db: Db, pageId: string, language: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${pageRevisions.number}), 0)::int` })
    .from(pageRevisions)
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.language, language)));
  return Number(row?.n ?? 0);
}

async function findText(db: Db, pageId: string, language: string): Promise<TranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, language)));
  return row;
}

async function enqueueFor(db: Db, region: RegionRow, pageId: string, language: string, requestedBy: string): Promise<boolean> {
  const baseRevision = await latestRevision(db, pageId, language);
  const id = await enqueueUniqueJob(db, MT_JOB, { pageId, language, baseRevision, requestedBy }, { uniqueKey: `mt:${pageId}:${language}`, regionId: region.id, maxAttempts: 6 });
  return id !== null;
}

/**
 * Queues the machine translation of a page into `language` (same transaction as the audit entry). Needs the right
 * to edit that language (canEditLanguage) and the pair enabled for the region. `queued` is false when a job for the
 * page and language was already waiting.
 */
export async function machineTranslatePage(db: Db, actor: Actor, input: { pageId: string; language: string; requestId?: string | null }): Promise<{ queued: boolean; page: PageRow; region: RegionRow }> {
  return db.transaction(async (tx) => {
    const { page, region, path } = await loadPage(tx, input.pageId);
    assertCan(actor, 'page.read_admin', path);
    if (input.language === region.sourceLanguage || !region.languages.includes(input.language)) throw new AppError(422, 'language_not_in_region', 'mt.error_language');
    if (!canEditLanguage(actor, region, path, input.language)) throw new ForbiddenError();
    const settings = await assertPairEnabled(tx, region, input.language);
    const source = await findText(tx, page.id, region.sourceLanguage);
    if (!source || source.revision === 0) throw new AppError(409, 'source_missing', 'mt.error_source_missing');
    await assertBudgetLeft(tx, region, settings);
    const queued = await enqueueFor(tx, region, page.id, input.language, actor.id);
    if (queued) await recordAudit(tx, actor, { regionId: region.id, action: 'page.machine_translate', entityType: 'page', entityId: page.id, before: null, after: { language: input.language, provider: settings.provider }, requestId: input.requestId ?? null });
    return { queued, page, region };
  });
}

/** Queues machine translation for every page of the region whose translation into `language` is missing. */
export async function machineTranslateMissing(db: Db, actor: Actor, input: { regionId: string; language: string; requestId?: string | null }): Promise<{ queued: number; pages: number }> {
  return db.transaction(async (tx) => {
    const { region, path } = await loadRegion(tx, input.regionId);
    assertCan(actor, 'mt.manage', path);
    if (input.language === region.sourceLanguage || !region.languages.includes(input.language)) throw new AppError(422, 'language_not_in_region', 'mt.error_language');
    if (!canEditLanguage(actor, region, path, input.language)) throw new ForbiddenError();
    const settings = await assertPairEnabled(tx, region, input.language);
    await assertBudgetLeft(tx, region, settings);
    const list = await missingPages(tx, region, input.language);
    let queued = 0;
    for (const page of list) if (await enqueueFor(tx, region, page.id, input.language, actor.id)) queued += 1;
    await recordAudit(tx, actor, { regionId: region.id, action: 'mt.bulk_translate', entityType: 'region', entityId: region.id, before: null, after: { language: input.language, pages: list.length, queued }, requestId: input.requestId ?? null });
    return { queued, pages: list.length };
  });
}

// ---------- the budget ----------

/**
 * Reserves `words` of the region's yearly budget in one statement; false (nothing reserved) when they do not fit.
 * Concurrent reservations serialise on the usage row, so together they never exceed the budget.
 */
export async function reserveWords(db: Db, regionId: string, year: number, words: number, budget: number): Promise<boolean> {
  await db.insert(mtUsage).values({ regionId, year }).onConflictDoNothing();
  const rows = await db
    .update(mtUsage)
    .set({ wordsUsed: sql`${mtUsage.wordsUsed} + ${words}`, requests: sql`${mtUsage.requests} + 1`, updatedAt: new Date() })
    .where(and(eq(mtUsage.regionId, regionId), eq(mtUsage.year, year), sql`${mtUsage.wordsUsed} + ${words} <= ${budget}`))
    .returning({ wordsUsed: mtUsage.wordsUsed });
  return rows.length > 0;
}

/** Gives reserved words back (the provider failed). */
async function releaseWords(db: Db, regionId: string, year: number, words: number): Promise<void> {
  await db
    .update(mtUsage)
    .set({ wordsUsed: sql`greatest(0, ${mtUsage.wordsUsed} - ${words})`, requests: sql`greatest(0, ${mtUsage.requests} - 1)`, updatedAt: new Date() })
    .where(and(eq(mtUsage.regionId, regionId), eq(mtUsage.year, year)));
}

async function addWordsSaved(db: Db, regionId: string, year: number, words: number): Promise<void> {
  if (words <= 0) return;
  await db.insert(mtUsage).values({ regionId, year }).onConflictDoNothing();
  await db
    .update(mtUsage)
    .set({ wordsSaved: sql`${mtUsage.wordsSaved} + ${words}`, updatedAt: new Date() })
    .where(and(eq(mtUsage.regionId, regionId), eq(mtUsage.year, year)));
}

// ---------- the job ----------

/** A refusal that trying again will not fix: the job ends as failed with this message. */
export class MtJobRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MtJobRefused';
  }
}

/** Ends the running job as failed for good (no further attempts), keeping the readable reason. */
async function failForGood(db: Db, job: JobRow, message: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', lastError: message.slice(0, 2000), lockedAt: null, lockedBy: null, finishedAt: new Date() })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), job.lockedAt ? eq(jobs.lockedAt, job.lockedAt) : undefined));
}

type Unit = { id: string; source: InlineContent; tagged: string; words: number; html?: string };

export type MtResult = { wordsSent: number; wordsSaved: number; unitsFromMemory: number; unitsSent: number; revision: number };

export type MtJobOptions = { key: KeyObject; timeoutMs?: number; provider?: (settings: MtSettingsRow, apiKey: string | null) => MtProvider; now?: () => Date };

function openKey(key: KeyObject, settings: MtSettingsRow): string | null {
  if (!settings.apiKey) return null;
  try {
    return openSecret(key, settings.apiKey, keyContext(settings.regionId));
  } catch (e) {
    if (e instanceof SecretBoxError) throw new MtJobRefused('the stored API key cannot be opened (was SESSION_SECRET changed?); enter the key again');
    throw e;
  }
}

/**
 * Translates one page into one language (the job's work). Throws MtJobRefused for refusals, MtProviderError when
 * the provider failed (retryable or not), ConflictError never (turned into MtJobRefused).
 */
export async function runMachineTranslation(db: Db, payload: { pageId: string; language: string; baseRevision: number }, opts: MtJobOptions): Promise<MtResult> {
  const { page, region } = await loadPage(db, payload.pageId).catch((e: unknown) => {
    if (e instanceof NotFoundError) throw new MtJobRefused('the page no longer exists');
    throw e;
  });
  const language = payload.language;
  let settings: MtSettingsRow;
  try {
    settings = await assertPairEnabled(db, region, language);
  } catch (e) {
    if (e instanceof AppError) throw new MtJobRefused(`machine translation ${region.sourceLanguage} → ${language} is not enabled for this region (any more)`);
    throw e;
  }
  const source = await findText(db, page.id, region.sourceLanguage);
  if (!source || source.revision === 0) throw new MtJobRefused('the page has no source text');
  if ((await latestRevision(db, page.id, language)) !== payload.baseRevision) {
    throw new MtJobRefused('the translation was changed since machine translation was requested; it was not overwritten');
  }
  const target = await findText(db, page.id, language);

  // Plan: the title and every unit; exact memory matches first.
  const { skeleton, units } = segmentHtml(source.contentHtml);
  const titleUnit: Unit = { id: '__title', source: [source.title], tagged: toTaggedText([source.title]), words: 0 };
  const all: Unit[] = [titleUnit, ...units.map((u) => ({ id: u.id, source: u.source, tagged: toTaggedText(u.source), words: 0 }))];
  for (const u of all) u.words = segmentWords(u.tagged, region.sourceLanguage);
  const pair = { regionId: region.id, sourceLanguage: region.sourceLanguage, targetLanguage: language };
  const memory = await lookupExact(db, pair, all.map((u) => u.tagged));
  let wordsSaved = 0;
  let unitsFromMemory = 0;
  for (const u of all) {
    const hit = memory.get(normaliseSegment(u.tagged));
    if (hit === undefined) continue;
    try {
      u.html = u.id === '__title' ? inlineToPlain(fromTaggedText(hit, u.source)) : inlineToHtml(fromTaggedText(hit, u.source));
      wordsSaved += u.words;
      unitsFromMemory += 1;
    } catch (e) {
      if (!(e instanceof InlineCodeError)) throw e;
    }
  }
  const toSend = all.filter((u) => u.html === undefined);
  const wordsSent = toSend.reduce((n, u) => n + u.words, 0);

  const now = opts.now?.() ?? new Date();
  const year = budgetYear(region, now);
  if (toSend.length) {
    if (!(await reserveWords(db, region.id, year, wordsSent, settings.yearlyWordBudget))) {
      const usage = await usageView(db, region, settings, now);
      throw new MtJobRefused(`the yearly word budget is used up: this page needs ${wordsSent} words, ${usage.remaining} of ${usage.budget} are left for ${year}`);
    }
    const provider = opts.provider ? opts.provider(settings, openKey(opts.key, settings)) : createProvider({ provider: settings.provider, endpoint: settings.endpoint, apiKey: openKey(opts.key, settings), timeoutMs: opts.timeoutMs });
    try {
      const title = toSend.filter((u) => u.id === '__title');
      const body = toSend.filter((u) => u.id !== '__title');
      const request = { source: region.sourceLanguage, target: language };
      const [titleOut, bodyOut] = await Promise.all([
        provider.translate(title.map((u) => inlineToPlain(u.source)), { ...request, format: 'text' }),
        provider.translate(body.map((u) => inlineToHtml(u.source)), { ...request, format: 'html' }),
      ]);
      title.forEach((u, i) => (u.html = titleOut[i] ?? ''));
      body.forEach((u, i) => (u.html = bodyOut[i] ?? ''));
    } catch (e) {
      await releaseWords(db, region.id, year, wordsSent);
      throw e;
    }
  }

  const byId = new Map(all.map((u) => [u.id, u.html ?? '']));
  const html = skeleton.map((part) => (typeof part === 'string' ? part : (byId.get(part.unit) ?? ''))).join('');
  const title = (byId.get('__title') ?? '').replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX) || source.title;
  const keepSlug = target && target.revision > 0 ? target.slug : undefined;
  const note = `machine translation (${settings.provider}): ${wordsSent} words sent, ${wordsSaved} from the translation memory`;
  const save = (slug: string | undefined) =>
    db.transaction(async (tx) => {
      const saved = await savePageText(tx, { system: 'machine-translation' }, {
        pageId: page.id,
        language,
        baseRevision: payload.baseRevision,
        title,
        slug,
        contentHtml: html,
        sourceRevision: source.revision,
        machineProvider: settings.provider,
        origin: 'machine',
        note,
      });
      await addWordsSaved(tx, region.id, year, wordsSaved);
      return saved;
    });
  try {
    let saved;
    try {
      saved = await save(keepSlug);
    } catch (e) {
      // A machine-made title whose slug another page has: keep the title, make the slug unique.
      if (!(e instanceof ValidationError) || !e.fields.slug || keepSlug) throw e;
      saved = await save(`${slugify(title, language)}-${page.id.slice(0, 8)}`);
    }
    return { wordsSent, wordsSaved, unitsFromMemory, unitsSent: toSend.length, revision: saved.revision.number };
  } catch (e) {
    if (e instanceof ConflictError) throw new MtJobRefused('the translation was changed since machine translation was requested; it was not overwritten');
    if (e instanceof AppError) throw new MtJobRefused(`the machine translation could not be saved (${e.code})`);
    throw e;
  }
}

function inlineToPlain(content: InlineContent): string {
  return content.map((n) => (typeof n === 'string' ? n : n.kind === 'pc' ? inlineToPlain(n.children) : '')).join('');
}

const payloadSchema = z.object({ pageId: z.string().max(64), language: z.string().max(40), baseRevision: z.coerce.number().int().min(0) });

/** Registers the `translation.machine` job handler (the translation module does this at start). */
export function registerMtJob(opts: MtJobOptions): void {
  registerJobHandler(MT_JOB, async (payload, { db, job }) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) return failForGood(db, job, 'the job has no valid page and language');
    try {
      await runMachineTranslation(db, parsed.data, opts);
    } catch (e) {
      if (e instanceof MtJobRefused) return failForGood(db, job, e.message);
      if (e instanceof MtProviderError && !e.retryable) return failForGood(db, job, e.message);
      throw e; // provider down, slow or busy: try again later
    }
  });
}
