import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../platform/schema.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Tokens of one region, newest first. */
export async function listTokensForRegion(db: Db, regionId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.regionId, regionId)).orderBy(desc(apiTokens.createdAt));
}

/** One token of a region. */
export async function findTokenInRegion(db: Db, regionId: string, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.regionId, regionId), eq(apiTokens.id, id)));
  return row;
}

/** A token that is not revoked, by the SHA-256 of its full text. */
export async function findActiveTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}
