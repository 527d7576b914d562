import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pageRevisions, pages, pageTranslations } from './schema.js';

export type PublicPageRow = Pick<typeof pages.$inferSelect, 'id' | 'parentId' | 'position' | 'status' | 'publishFrom' | 'publishUntil' | 'icon' | 'createdAt'>;

/** The tree fields of every page of a region (all statuses: visibility is decided with the ancestors). */
export async function listPageNodesOfRegion(db: Db, regionId: string): Promise<PublicPageRow[]> {
  return db
    .select({
      id: pages.id,
      parentId: pages.parentId,
      position: pages.position,
      status: pages.status,
      publishFrom: pages.publishFrom,
      publishUntil: pages.publishUntil,
      icon: pages.icon,
      createdAt: pages.createdAt,
    })
    .from(pages)
    .where(eq(pages.regionId, regionId));
}

/** What readers need of a current text without its content: title, slug and the numbers of the outdated tracking. */
export type TextSummaryRow = {
  pageId: string;
  language: string;
  title: string;
  slug: string;
  revision: number;
  majorRevision: number;
  sourceRevision: number | null;
  machineProvider: string | null;
  updatedAt: Date;
};

const summaryColumns = {
  pageId: pageTranslations.pageId,
  language: pageTranslations.language,
  title: pageTranslations.title,
  slug: pageTranslations.slug,
  revision: pageTranslations.revision,
  majorRevision: pageTranslations.majorRevision,
  sourceRevision: pageTranslations.sourceRevision,
  machineProvider: pageTranslations.machineProvider,
  updatedAt: pageTranslations.updatedAt,
};

/** Current (non-draft) texts of a region in every language, without content. */
export async function listTextSummariesOfRegion(db: Db, regionId: string): Promise<TextSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(pageTranslations)
    .where(and(eq(pageTranslations.regionId, regionId), gt(pageTranslations.revision, 0)));
}

/** Current content (sanitised HTML) of texts of a region in the given languages. */
export async function listContentOfRegion(db: Db, regionId: string, languages: string[]): Promise<{ pageId: string; language: string; contentHtml: string }[]> {
  return db
    .select({ pageId: pageTranslations.pageId, language: pageTranslations.language, contentHtml: pageTranslations.contentHtml })
    .from(pageTranslations)
    .where(and(eq(pageTranslations.regionId, regionId), inArray(pageTranslations.language, languages), gt(pageTranslations.revision, 0)));
}

/** Current content of one page in one language (region-scoped), or undefined. */
export async function findContent(db: Db, regionId: string, pageId: string, language: string): Promise<string | undefined> {
  const [row] = await db
    .select({ contentHtml: pageTranslations.contentHtml })
    .from(pageTranslations)
    .where(and(eq(pageTranslations.regionId, regionId), eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, language), gt(pageTranslations.revision, 0)));
  return row?.contentHtml;
}

/** Pages of a region that once had `slug` in a current (non-draft) revision, most recent first: old links. */
export async function listPagesByFormerSlug(db: Db, regionId: string, slug: string): Promise<{ pageId: string; language: string }[]> {
  return db
    .select({ pageId: pageRevisions.pageId, language: pageRevisions.language })
    .from(pageRevisions)
    .innerJoin(pages, eq(pages.id, pageRevisions.pageId))
    .where(and(eq(pages.regionId, regionId), eq(pageRevisions.slug, slug), eq(pageRevisions.isDraft, false)))
    .orderBy(desc(pageRevisions.createdAt))
    .limit(20);
}
