import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts } from '../../platform/schema.js';
import { pageRevisions, pages, pageTranslations } from './schema.js';

export type PageRow = typeof pages.$inferSelect;
export type TranslationRow = typeof pageTranslations.$inferSelect;
export type RevisionRow = typeof pageRevisions.$inferSelect;

/** A page of a region (tenant-scoped lookup), or undefined. */
export async function findPageInRegion(db: Db, regionId: string, pageId: string): Promise<PageRow | undefined> {
  const [row] = await db
    .select()
    .from(pages)
    .where(and(eq(pages.regionId, regionId), eq(pages.id, pageId)));
  return row;
}

/** A page by id, whatever its region (the caller checks permissions on the region it returns). */
export async function findPageById(db: Db, pageId: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.id, pageId));
  return row;
}

/** A page row locked for update (serialises concurrent saves of the same page). */
export async function lockPage(db: Db, pageId: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.id, pageId)).for('update');
  return row;
}

export async function listPagesOfRegion(db: Db, regionId: string): Promise<PageRow[]> {
  return db.select().from(pages).where(eq(pages.regionId, regionId)).orderBy(asc(pages.position), asc(pages.createdAt));
}

export async function listTranslationsOfRegion(db: Db, regionId: string, languages?: string[]): Promise<TranslationRow[]> {
  const where = languages ? and(eq(pageTranslations.regionId, regionId), inArray(pageTranslations.language, languages)) : eq(pageTranslations.regionId, regionId);
  return db.select().from(pageTranslations).where(where);
}

export async function listTranslationsOfPage(db: Db, pageId: string): Promise<TranslationRow[]> {
  return db.select().from(pageTranslations).where(eq(pageTranslations.pageId, pageId));
}

export async function findTranslation(db: Db, pageId: string, language: string): Promise<TranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, language)));
  return row;
}

export async function findTranslationBySlug(db: Db, regionId: string, language: string, slug: string): Promise<TranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.regionId, regionId), eq(pageTranslations.language, language), eq(pageTranslations.slug, slug)));
  return row;
}

/** Highest revision number (drafts included) of a page in a language; 0 when there is none. */
export async function latestRevisionNumber(db: Db, pageId: string, language: string): Promise<number> {
  const [row] = await db
    .select({ n: max(pageRevisions.number) })
    .from(pageRevisions)
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.language, language)));
  return row?.n ?? 0;
}

export async function findRevision(db: Db, pageId: string, language: string, number: number): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(pageRevisions)
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.language, language), eq(pageRevisions.number, number)));
  return row;
}

export type RevisionListItem = Omit<RevisionRow, 'contentHtml'> & { authorName: string | null; authorEmail: string | null };

/** Revisions of a page in a language, newest first, with the author's name. */
export async function listRevisions(db: Db, pageId: string, language: string): Promise<RevisionListItem[]> {
  const rows = await db
    .select({
      id: pageRevisions.id,
      pageId: pageRevisions.pageId,
      language: pageRevisions.language,
      number: pageRevisions.number,
      title: pageRevisions.title,
      slug: pageRevisions.slug,
      isDraft: pageRevisions.isDraft,
      minor: pageRevisions.minor,
      sourceRevision: pageRevisions.sourceRevision,
      machineProvider: pageRevisions.machineProvider,
      origin: pageRevisions.origin,
      note: pageRevisions.note,
      createdBy: pageRevisions.createdBy,
      createdAt: pageRevisions.createdAt,
      authorName: accounts.name,
      authorEmail: accounts.email,
    })
    .from(pageRevisions)
    .leftJoin(accounts, eq(accounts.id, pageRevisions.createdBy))
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.language, language)))
    .orderBy(desc(pageRevisions.number));
  return rows;
}

export async function insertRevision(db: Db, values: typeof pageRevisions.$inferInsert): Promise<RevisionRow> {
  const [row] = await db.insert(pageRevisions).values(values).returning();
  if (!row) throw new Error('revision insert returned nothing');
  return row;
}

export async function insertTranslation(db: Db, values: typeof pageTranslations.$inferInsert): Promise<TranslationRow> {
  const [row] = await db.insert(pageTranslations).values(values).returning();
  if (!row) throw new Error('translation insert returned nothing');
  return row;
}

export async function updateTranslation(db: Db, id: string, values: Partial<typeof pageTranslations.$inferInsert>): Promise<TranslationRow> {
  const [row] = await db.update(pageTranslations).set(values).where(eq(pageTranslations.id, id)).returning();
  if (!row) throw new Error('translation update returned nothing');
  return row;
}

export async function insertPage(db: Db, values: typeof pages.$inferInsert): Promise<PageRow> {
  const [row] = await db.insert(pages).values(values).returning();
  if (!row) throw new Error('page insert returned nothing');
  return row;
}

/** Updates a page when its revision is still `revision`; undefined when someone else saved first. */
export async function updatePageAtRevision(db: Db, id: string, revision: number, values: Partial<typeof pages.$inferInsert>): Promise<PageRow | undefined> {
  const [row] = await db
    .update(pages)
    .set({ ...values, revision: sql`${pages.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(pages.id, id), eq(pages.revision, revision)))
    .returning();
  return row;
}

/** Children of a page (or the top level when parentId is null), in order. */
export async function listSiblings(db: Db, regionId: string, parentId: string | null): Promise<PageRow[]> {
  return db
    .select()
    .from(pages)
    .where(and(eq(pages.regionId, regionId), parentId ? eq(pages.parentId, parentId) : isNull(pages.parentId)))
    .orderBy(asc(pages.position), asc(pages.createdAt));
}

export async function setPosition(db: Db, id: string, position: number): Promise<void> {
  await db.update(pages).set({ position }).where(eq(pages.id, id));
}

export async function deletePageRow(db: Db, id: string): Promise<void> {
  await db.delete(pages).where(eq(pages.id, id));
}

export async function setParent(db: Db, ids: string[], parentId: string | null): Promise<void> {
  if (ids.length) await db.update(pages).set({ parentId, updatedAt: new Date() }).where(inArray(pages.id, ids));
}
