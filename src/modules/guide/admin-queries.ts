import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { media } from './schema.js';

export type MediaChoice = { id: string; filename: string; alt: string; width: number; height: number };

/** The images of a region for the page settings' image choice, newest first. */
export async function listMediaChoices(db: Db, regionId: string): Promise<MediaChoice[]> {
  return db
    .select({ id: media.id, filename: media.filename, alt: media.alt, width: media.width, height: media.height })
    .from(media)
    .where(eq(media.regionId, regionId))
    .orderBy(desc(media.createdAt), asc(media.filename))
    .limit(500);
}
