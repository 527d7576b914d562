import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, memberships, sessions } from '../schema.js';
import type { Actor } from './permissions.js';
import { hashToken, newToken } from './tokens.js';

/** A session stays valid this long after the last request (sliding expiry). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …but never longer than this after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Refresh last_seen/expiry at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type LoadedSession = {
  id: string;
  verified: boolean;
  createdAt: Date;
  actor: Actor;
  account: { id: string; uiLanguage: string; totpEnabled: boolean };
};

/** Starts a session and returns the cookie token. `verified` is false while a second factor is pending. */
export async function createSession(db: Db, accountId: string, opts: { verified: boolean; userAgent?: string }): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    accountId,
    verified: opts.verified,
    userAgent: (opts.userAgent ?? '').slice(0, 300),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return token;
}

/** Loads the actor behind a session token; extends the expiry; null when unknown, expired or disabled. */
export async function loadSession(db: Db, token: string): Promise<LoadedSession | null> {
  const id = hashToken(token);
  const now = new Date();
  const rows = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.account.disabledAt) return null;
  if (now.getTime() - row.session.createdAt.getTime() > SESSION_ABSOLUTE_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(eq(sessions.id, id));
  }
  const ms = await db
    .select({ regionId: memberships.regionId, role: memberships.role, languages: memberships.languages })
    .from(memberships)
    .where(eq(memberships.accountId, row.account.id));
  return {
    id,
    verified: row.session.verified,
    createdAt: row.session.createdAt,
    account: { id: row.account.id, uiLanguage: row.account.uiLanguage, totpEnabled: Boolean(row.account.totpEnabledAt) },
    actor: { id: row.account.id, email: row.account.email, name: row.account.name, isAdmin: row.account.isAdmin, memberships: ms },
  };
}

/** Marks a session as having passed the second factor. */
export async function verifySession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ verified: true }).where(eq(sessions.id, sessionId));
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of an account, optionally keeping the current one ("log out everywhere else"). */
export async function revokeAllSessions(db: Db, accountId: string, exceptSessionId?: string): Promise<number> {
  const where = exceptSessionId
    ? and(eq(sessions.accountId, accountId), ne(sessions.id, exceptSessionId))
    : eq(sessions.accountId, accountId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

/** The account's active sessions, newest first (for the "your sessions" page). */
export async function listSessions(db: Db, accountId: string) {
  return db
    .select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, new Date())))
    .orderBy(sessions.lastSeenAt);
}
