import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../platform/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { hashToken, newToken, safeEqual } from '../../platform/auth/tokens.js';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import { getRegionForAdmin, type RegionRow } from '../regions/index.js';
import { findActiveTokenByHash, findTokenInRegion, listTokensForRegion, type ApiTokenRow } from './queries.js';

export type { ApiTokenRow };

/** An API token acting for its region (and the regions below it); audit entries name it `api-token:<name>`. */
export type TokenActor = Actor & { tokenId: string; tokenRegionId: string };

/** 401 for a missing, malformed, unknown or revoked token (one answer for all, so nothing leaks). */
const invalidToken = () => new AppError(401, 'token_invalid', 'api.error_token_invalid');

const TOKEN_FORMAT = /^ww_([0-9a-f]{8})_([A-Za-z0-9_-]{20,200})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tokenNameSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** The tokens of a region (prefix, dates; never the secret). Needs 'api_token.manage'. */
export async function listApiTokens(db: Db, actor: Actor, input: { regionId: string }): Promise<{ region: RegionRow; tokens: ApiTokenRow[] }> {
  const { region } = await getRegionForAdmin(db, actor, input.regionId, 'api_token.manage');
  return { region, tokens: await listTokensForRegion(db, region.id) };
}

/**
 * Creates a token for a region and returns its full text — the only time it is ever available; only its SHA-256
 * is stored.
 */
export async function createApiToken(db: Db, actor: Actor, input: { regionId: string; name: unknown; requestId?: string | null }): Promise<{ token: string; row: ApiTokenRow }> {
  return db.transaction(async (tx) => {
    const { region } = await getRegionForAdmin(tx, actor, input.regionId, 'api_token.manage');
    const parsed = tokenNameSchema.safeParse({ name: input.name });
    if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
    const prefix = randomBytes(4).toString('hex');
    const token = `ww_${prefix}_${newToken(32)}`;
    const [row] = await tx
      .insert(apiTokens)
      .values({ regionId: region.id, name: parsed.data.name, prefix, tokenHash: hashToken(token), createdBy: actor.id })
      .returning();
    if (!row) throw new Error('token insert returned nothing');
    await recordAudit(tx, actor, {
      regionId: region.id,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
      requestId: input.requestId ?? null,
    });
    return { token, row };
  });
}

/** Revokes a token of a region (idempotent). */
export async function revokeApiToken(db: Db, actor: Actor, input: { regionId: string; tokenId: string; requestId?: string | null }): Promise<ApiTokenRow> {
  return db.transaction(async (tx) => {
    const { region } = await getRegionForAdmin(tx, actor, input.regionId, 'api_token.manage');
    const current = UUID.test(input.tokenId) ? await findTokenInRegion(tx, region.id, input.tokenId) : undefined;
    if (!current) throw new NotFoundError('api_token_not_found');
    if (current.revokedAt) return current;
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, current.id)).returning();
    if (!row) throw new NotFoundError('api_token_not_found');
    await recordAudit(tx, actor, {
      regionId: region.id,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: { name: current.name, revokedAt: null },
      after: { name: row.name, revokedAt: row.revokedAt },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

/** Turns an `Authorization: Bearer ww_<prefix>_<secret>` header into the token's actor; 401 when unknown or revoked. */
export async function authenticateApiToken(db: Db, authorization: string | undefined): Promise<TokenActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1] ?? '';
  const parts = TOKEN_FORMAT.exec(token);
  if (!parts) throw invalidToken();
  const row = await findActiveTokenByHash(db, hashToken(token));
  if (!row || !safeEqual(row.prefix, parts[1] ?? '')) throw invalidToken();
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return {
    id: row.id,
    email: `api-token:${row.name}`,
    name: row.name,
    isAdmin: false,
    memberships: [{ regionId: row.regionId, role: 'region_admin', languages: [] }],
    tokenId: row.id,
    tokenRegionId: row.regionId,
  };
}
