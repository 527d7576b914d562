import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, accountTokens, loginThrottles, memberships, regions, sessions, type RegionRole } from '../../platform/schema.js';

export type AccountRow = typeof accounts.$inferSelect;
export type TokenRow = typeof accountTokens.$inferSelect;
export type TokenKind = TokenRow['kind'];

/** The account with this e-mail (case-insensitive), or undefined. */
export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const rows = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${email})`)
    .limit(1);
  return rows[0];
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

export async function insertAccount(db: Db, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  if (!row) throw new Error('account insert returned nothing');
  return row;
}

export async function updateAccount(db: Db, id: string, patch: Partial<typeof accounts.$inferInsert>): Promise<AccountRow | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(accounts.id, id))
    .returning();
  return row;
}

/**
 * Records that a TOTP code of time step `step` was accepted, with `patch` (e.g. the re-sealed secret), atomically:
 * only when no code of this or a later step was accepted before and the secret is still the one that was checked.
 * False means another request used the code first (or the secret changed): refuse it.
 */
export async function acceptTotpStep(
  db: Db,
  account: Pick<AccountRow, 'id' | 'totpSecret'>,
  step: number,
  patch: Partial<typeof accounts.$inferInsert> = {},
): Promise<boolean> {
  if (!account.totpSecret) return false;
  const rows = await db
    .update(accounts)
    .set({ ...patch, totpLastStep: step, updatedAt: new Date() })
    .where(
      and(
        eq(accounts.id, account.id),
        eq(accounts.totpSecret, account.totpSecret),
        or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step)),
      ),
    )
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** The regions on which an account has any role. */
export async function listMembershipRegionIds(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ regionId: memberships.regionId }).from(memberships).where(eq(memberships.accountId, accountId));
  return rows.map((r) => r.regionId);
}

// ---- login throttles ----------------------------------------------------------------------------------------

/** Throttle rows for the given keys. */
export async function findThrottles(db: Db, keys: string[]) {
  if (!keys.length) return [];
  return db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/**
 * Counts one failure for a key (atomically, shared by all instances) and returns the new count.
 * A counter whose last failure is older than `decayHours` starts again at one.
 */
export async function incrementThrottle(db: Db, key: string, decayHours: number): Promise<number> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottles.updatedAt} < now() - make_interval(hours => ${decayHours}::int) THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ failures: loginThrottles.failures });
  return row?.failures ?? 1;
}

export async function setThrottleBlock(db: Db, key: string, until: Date): Promise<void> {
  await db.update(loginThrottles).set({ blockedUntil: until }).where(eq(loginThrottles.key, key));
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

// ---- one-time tokens -----------------------------------------------------------------------------------------

export async function insertToken(db: Db, values: typeof accountTokens.$inferInsert): Promise<TokenRow> {
  const [row] = await db.insert(accountTokens).values(values).returning();
  if (!row) throw new Error('token insert returned nothing');
  return row;
}

export async function findTokenByHash(db: Db, kind: TokenKind, tokenHash: string): Promise<TokenRow | undefined> {
  const rows = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.kind, kind), eq(accountTokens.tokenHash, tokenHash)))
    .limit(1);
  return rows[0];
}

/** Marks a token used if it is still unused and unexpired; returns it only when this call used it (one-time). */
export async function consumeToken(db: Db, kind: TokenKind, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.kind, kind), eq(accountTokens.tokenHash, tokenHash), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())))
    .returning();
  return row;
}

/** Invalidates every open password-reset token of an account. */
export async function expireResetTokens(db: Db, accountId: string): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.kind, 'password_reset'), eq(accountTokens.accountId, accountId), isNull(accountTokens.usedAt)));
}

/** Open invitations to the given regions, newest first. */
export async function listOpenInvitations(db: Db, regionIds: string[]) {
  if (!regionIds.length) return [];
  return db
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      regionId: accountTokens.regionId,
      role: accountTokens.role,
      expiresAt: accountTokens.expiresAt,
      createdAt: accountTokens.createdAt,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.kind, 'invitation'),
        inArray(accountTokens.regionId, regionIds),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    )
    .orderBy(sql`${accountTokens.createdAt} DESC`);
}

// ---- regions and memberships ---------------------------------------------------------------------------------

export type RegionNode = { id: string; parentId: string | null; name: string; languages: string[] };

/** Every region that is not archived (the tree is small: states, counties, municipalities). */
export async function listRegionNodes(db: Db): Promise<RegionNode[]> {
  return db
    .select({ id: regions.id, parentId: regions.parentId, name: regions.name, languages: regions.languages })
    .from(regions)
    .where(isNull(regions.archivedAt))
    .orderBy(asc(regions.name));
}

/** Memberships on the given regions with the person's name and e-mail. */
export async function listMembershipsForRegions(db: Db, regionIds: string[]) {
  if (!regionIds.length) return [];
  return db
    .select({
      accountId: memberships.accountId,
      regionId: memberships.regionId,
      role: memberships.role,
      languages: memberships.languages,
      createdAt: memberships.createdAt,
      email: accounts.email,
      name: accounts.name,
      disabledAt: accounts.disabledAt,
      isAdmin: accounts.isAdmin,
      totpEnabledAt: accounts.totpEnabledAt,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(inArray(memberships.regionId, regionIds))
    .orderBy(asc(accounts.name), asc(accounts.email));
}

export async function findMembership(db: Db, accountId: string, regionId: string, role: RegionRole) {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.regionId, regionId), eq(memberships.role, role)))
    .limit(1);
  return rows[0];
}

/** Adds a membership; an existing one gets the new translator languages. */
export async function upsertMembership(db: Db, values: { accountId: string; regionId: string; role: RegionRole; languages: string[] }): Promise<void> {
  await db
    .insert(memberships)
    .values(values)
    .onConflictDoUpdate({ target: [memberships.accountId, memberships.regionId, memberships.role], set: { languages: values.languages } });
}

export async function deleteMembership(db: Db, accountId: string, regionId: string, role: RegionRole): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.regionId, regionId), eq(memberships.role, role)))
    .returning({ accountId: memberships.accountId });
  return rows.length > 0;
}

export async function countRoleMemberships(db: Db, accountId: string, role: RegionRole): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, role)));
  return row?.n ?? 0;
}

/** Ends one session of an account; false when it is not theirs or already gone. */
export async function deleteSessionOfAccount(db: Db, accountId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
