/**
 * Reader feedback: "Did this help?" under guide pages and "tell us what you were looking for" from the search page.
 * Anonymous, no account, no cookie; the inbox is region-scoped and every status change is audited.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../platform/auth/permissions.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { feedback, FEEDBACK_STATUSES, pages, pageTranslations } from '../guide/schema.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';

export const COMMENT_MAX = 2000;
export const QUERY_MAX = 200;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export type FeedbackRow = typeof feedback.$inferSelect;
export { FEEDBACK_STATUSES };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const submitSchema = z.object({
  helpful: z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : null), z.boolean().nullable()),
  comment: z
    .string()
    .max(COMMENT_MAX, 'validation.too_long')
    .default('')
    .transform((s) => s.replace(/\r\n?/g, '\n').trim()),
  query: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : null), z.string().max(QUERY_MAX, 'validation.too_long').nullable()),
  pageId: z.preprocess((v) => (typeof v === 'string' && UUID.test(v) ? v : null), z.string().nullable()),
});

/** Stores one piece of feedback for a public region; an empty submission (no vote, no comment, no query) is refused. */
export async function submitFeedback(db: Db, input: { region: RegionRow; language: string; values: Record<string, unknown> }): Promise<FeedbackRow> {
  const parsed = submitSchema.safeParse(input.values);
  if (!parsed.success) throw new ValidationError({ comment: { key: 'validation.too_long' } });
  const { helpful, comment, query, pageId } = parsed.data;
  if (helpful === null && !comment && !query) throw new ValidationError({ comment: { key: 'feedback.error_empty' } });
  // Only a page of this region is linked; anything else is kept as feedback on the region.
  let linkedPage: string | null = null;
  if (pageId) {
    const [page] = await db.select({ id: pages.id }).from(pages).where(and(eq(pages.id, pageId), eq(pages.regionId, input.region.id)));
    linkedPage = page?.id ?? null;
  }
  const language = input.region.languages.includes(input.language) ? input.language : input.region.sourceLanguage;
  const [row] = await db.insert(feedback).values({ regionId: input.region.id, pageId: linkedPage, language, helpful, comment, query }).returning();
  if (!row) throw new Error('feedback insert returned nothing');
  return row;
}

export type InboxFilter = { status: FeedbackStatus; helpful?: 'yes' | 'no' | 'search' | undefined; language?: string | undefined };
export type InboxItem = FeedbackRow & { pageTitle: string | null };

export const inboxFilterSchema = z.object({
  status: z.enum(FEEDBACK_STATUSES).catch('new'),
  helpful: z.enum(['yes', 'no', 'search']).optional().catch(undefined),
  language: z.string().max(40).optional().catch(undefined),
});

async function loadRegion(db: Db, actor: Actor, regionId: string): Promise<RegionRow> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  assertCan(actor, 'feedback.read', found.path);
  return found.region;
}

/** The inbox of a region: newest first, filtered, with counts per status. */
export async function listFeedback(db: Db, actor: Actor, input: { regionId: string; filter: InboxFilter; limit?: number }): Promise<{ region: RegionRow; items: InboxItem[]; counts: Record<FeedbackStatus, number> }> {
  const region = await loadRegion(db, actor, input.regionId);
  const conditions: SQL[] = [eq(feedback.regionId, region.id), eq(feedback.status, input.filter.status)];
  if (input.filter.helpful === 'yes') conditions.push(eq(feedback.helpful, true));
  if (input.filter.helpful === 'no') conditions.push(eq(feedback.helpful, false));
  if (input.filter.helpful === 'search') conditions.push(sql`${feedback.query} IS NOT NULL`);
  if (input.filter.language) conditions.push(eq(feedback.language, input.filter.language));
  const items = await db
    .select({ row: feedback, pageTitle: pageTranslations.title })
    .from(feedback)
    .leftJoin(pageTranslations, and(eq(pageTranslations.pageId, feedback.pageId), eq(pageTranslations.language, region.sourceLanguage)))
    .where(and(...conditions))
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(input.limit ?? 200);
  const countRows = await db
    .select({ status: feedback.status, n: sql<number>`count(*)::int` })
    .from(feedback)
    .where(eq(feedback.regionId, region.id))
    .groupBy(feedback.status);
  const counts = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, countRows.find((c) => c.status === s)?.n ?? 0])) as Record<FeedbackStatus, number>;
  return { region, items: items.map(({ row, pageTitle }) => ({ ...row, pageTitle })), counts };
}

/** Moves feedback items of a region to another status (mark read, archive, back to new). */
export async function setFeedbackStatus(db: Db, actor: Actor, input: { regionId: string; ids: unknown; status: unknown; requestId?: string | null }): Promise<number> {
  return db.transaction(async (tx) => {
    const region = await loadRegion(tx, actor, input.regionId);
    const status = z.enum(FEEDBACK_STATUSES).safeParse(input.status);
    const rawIds = Array.isArray(input.ids) ? input.ids : input.ids === undefined ? [] : [input.ids];
    const ids = rawIds.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0);
    if (!status.success) throw new ValidationError({ status: { key: 'validation.invalid' } });
    if (!ids.length) throw new ValidationError({ ids: { key: 'feedback.error_none_selected' } });
    const changed = await tx
      .update(feedback)
      .set({ status: status.data })
      .where(and(eq(feedback.regionId, region.id), inArray(feedback.id, ids)))
      .returning({ id: feedback.id, status: feedback.status });
    for (const row of changed) {
      await recordAudit(tx, actor, { regionId: region.id, action: 'feedback.status', entityType: 'feedback', entityId: String(row.id), before: null, after: { status: row.status }, requestId: input.requestId ?? null });
    }
    return changed.length;
  });
}
