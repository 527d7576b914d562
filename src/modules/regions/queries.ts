import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { languages, regions } from '../../platform/schema.js';

export type RegionRow = typeof regions.$inferSelect;
export type LanguageRow = typeof languages.$inferSelect;

/** One region by id, archived or not. */
export async function findRegionById(db: Db, id: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row;
}

/** One region by slug, archived or not. */
export async function findRegionBySlugQuery(db: Db, slug: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.slug, slug));
  return row;
}

/** Every region, parents before children is not guaranteed; ordered by name. */
export async function listAllRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.name), asc(regions.slug));
}

/** Non-archived regions, ordered by name. */
export async function listActiveRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).where(isNull(regions.archivedAt)).orderBy(asc(regions.name), asc(regions.slug));
}

/** Non-archived direct children of a region. */
export async function listActiveChildren(db: Db, parentId: string): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(and(eq(regions.parentId, parentId), isNull(regions.archivedAt)))
    .orderBy(asc(regions.name), asc(regions.slug));
}

/** Number of non-archived direct children. */
export async function countActiveChildren(db: Db, parentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(regions)
    .where(and(eq(regions.parentId, parentId), isNull(regions.archivedAt)));
  return row?.n ?? 0;
}

/** Ancestor ids from the root down to the region itself (empty when the region does not exist). */
export async function regionPathIds(db: Db, id: string): Promise<string[]> {
  const result = await db.execute(sql`
    WITH RECURSIVE path(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM regions WHERE id = ${id}
      UNION ALL
      SELECT r.id, r.parent_id, p.depth + 1 FROM regions r JOIN path p ON r.id = p.parent_id WHERE p.depth < 32
    )
    SELECT id FROM path ORDER BY depth DESC`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** All languages the installation knows, by English name. */
export async function listLanguageRows(db: Db): Promise<LanguageRow[]> {
  return db.select().from(languages).orderBy(asc(languages.englishName));
}
