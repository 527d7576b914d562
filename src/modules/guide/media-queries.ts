import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { media, mediaVariants } from './schema.js';

export type MediaRow = typeof media.$inferSelect;
export type MediaVariantRow = typeof mediaVariants.$inferSelect;
export type NewMedia = typeof media.$inferInsert;
export type NewMediaVariant = typeof mediaVariants.$inferInsert;

export async function insertMedia(db: Db, values: NewMedia): Promise<MediaRow> {
  const [row] = await db.insert(media).values(values).returning();
  if (!row) throw new Error('insert media returned nothing');
  return row;
}

export async function insertMediaVariants(db: Db, values: NewMediaVariant[]): Promise<void> {
  if (values.length) await db.insert(mediaVariants).values(values);
}

/** An image of a region (tenant-scoped lookup), or undefined. */
export async function findMediaInRegion(db: Db, regionId: string, id: string): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.regionId, regionId), eq(media.id, id)));
  return row;
}

/** Images of a region, newest first. */
export async function listMediaOfRegion(db: Db, regionId: string): Promise<MediaRow[]> {
  return db.select().from(media).where(eq(media.regionId, regionId)).orderBy(desc(media.createdAt), desc(media.id));
}

export async function deleteMediaRow(db: Db, regionId: string, id: string): Promise<void> {
  await db.delete(media).where(and(eq(media.regionId, regionId), eq(media.id, id)));
}

/** One stored variant (public: images on published pages are served to anyone who has the id). */
export async function findMediaVariant(db: Db, id: string, width: number): Promise<MediaVariantRow | undefined> {
  const [row] = await db
    .select()
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, id), eq(mediaVariants.width, width)));
  return row;
}

/** The ETag of a variant without its data (answers If-None-Match without reading the image). */
export async function findMediaVariantHash(db: Db, id: string, width: number): Promise<Pick<MediaVariantRow, 'hash' | 'contentType'> | undefined> {
  const [row] = await db
    .select({ hash: mediaVariants.hash, contentType: mediaVariants.contentType })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, id), eq(mediaVariants.width, width)));
  return row;
}
