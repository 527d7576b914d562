import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { can, assertCan, PERMISSIONS, type Action, type Actor } from '../../platform/auth/permissions.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, listSessions, revokeAllSessions, verifySession } from '../../platform/auth/sessions.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { isSealed, openSecret, sealSecret, SecretBoxError } from '../../platform/auth/secret-box.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { queueMail } from '../../platform/mail/mail.js';
import { ROLES, type RegionRole } from '../../platform/schema.js';
import { UI_LANGUAGES } from '../../platform/i18n/languages.js';
import {
  acceptTotpStep,
  consumeToken,
  countRoleMemberships,
  deleteMembership,
  deleteSessionOfAccount,
  expireResetTokens,
  findAccountByEmail,
  findAccountById,
  findMembership,
  findTokenByHash,
  insertAccount,
  insertToken,
  listMembershipRegionIds,
  listMembershipsForRegions,
  listOpenInvitations,
  listRegionNodes,
  updateAccount,
  upsertMembership,
  type AccountRow,
  type RegionNode,
  type TokenKind,
  type TokenRow,
} from './queries.js';
import { accountKey, ipKey, recordFailure, resetThrottle, throttleWait } from './throttle.js';
import { invitationMail, passwordResetMail } from './mails.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';

export const RESET_TOKEN_MINUTES = 60;
export const INVITATION_DAYS = 7;

// ---- helpers -------------------------------------------------------------------------------------------------

/** The actor form of an account (for audit entries written on the account's own behalf). */
function selfActor(account: AccountRow): Actor {
  return { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin, memberships: [] };
}

async function mustLoadAccount(db: Db, id: string): Promise<AccountRow> {
  const account = await findAccountById(db, id);
  if (!account) throw new NotFoundError();
  return account;
}

/** Checks two new-password fields; throws a ValidationError naming the field. */
function assertPasswordsMatch(password: string, confirm: string): void {
  if (password !== confirm) throw new ValidationError({ password_confirm: { key: 'auth.password_mismatch' } });
}

/** Region ids from the root to the region (inclusive), or [] for an unknown region. */
export function regionPath(nodes: Map<string, RegionNode>, id: string): string[] {
  const path: string[] = [];
  let current = nodes.get(id);
  while (current && !path.includes(current.id)) {
    path.unshift(current.id);
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return path;
}

export type ManagedRegion = RegionNode & { label: string; path: string[] };

/** Regions on which the actor may take `action` (a role on a region covers its children), labelled with their path. */
async function regionsWhere(db: Db, actor: Actor, action: Action): Promise<{ all: Map<string, RegionNode>; allowed: ManagedRegion[] }> {
  const nodes = await listRegionNodes(db);
  const all = new Map(nodes.map((n) => [n.id, n]));
  const allowed: ManagedRegion[] = [];
  for (const node of nodes) {
    const path = regionPath(all, node.id);
    if (!can(actor, action, path)) continue;
    const label = path.map((id) => all.get(id)?.name ?? '').join(' › ');
    allowed.push({ ...node, label, path });
  }
  allowed.sort((a, b) => a.label.localeCompare(b.label));
  return { all, allowed };
}

/** The key that seals TOTP secrets at rest (deriveTotpKey(config.sessionSecret)); routes pass it down. */
export type TotpKey = KeyObject;

/**
 * The base32 TOTP secret of an account: sealed, or plain when written before secrets were encrypted.
 * Null when there is none or it cannot be opened (SESSION_SECRET changed: an admin has to reset the second factor).
 */
function totpSecretOf(key: TotpKey, account: AccountRow): string | null {
  const stored = account.totpSecret;
  if (!stored) return null;
  if (!isSealed(stored)) return stored;
  try {
    return openSecret(key, stored, account.id);
  } catch (err) {
    if (err instanceof SecretBoxError) return null;
    throw err;
  }
}

/** The update that replaces a plain (pre-encryption) stored secret by its sealed form; nothing when sealed already. */
function resealPatch(key: TotpKey, account: AccountRow, secret: string): { totpSecret?: string } {
  return account.totpSecret && !isSealed(account.totpSecret) ? { totpSecret: sealSecret(key, secret, account.id) } : {};
}

/**
 * Accepts a TOTP code once: the step it belongs to must be later than every step accepted before (atomic, so two
 * requests with the same code cannot both pass). `patch` is written in the same update. False: refuse the code.
 */
async function useTotpCode(db: Db, key: TotpKey, account: AccountRow, code: string, patch: Partial<AccountRow> = {}): Promise<boolean> {
  const secret = totpSecretOf(key, account);
  const step = secret ? matchTotp(secret, code) : null;
  if (secret === null || step === null) return false;
  return acceptTotpStep(db, account, step, { ...patch, ...resealPatch(key, account, secret) });
}

// ---- sign-in ---------------------------------------------------------------------------------------------------

export type LoginResult =
  | { kind: 'ok'; token: string; verified: boolean }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfter: number };

/**
 * Checks e-mail and password and starts a session (unverified while a second factor is due).
 * Unknown e-mail, wrong password and disabled account give the same answer; blocked keys are not even checked.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent?: string; previousSessionId?: string | null },
): Promise<LoginResult> {
  const keys = [accountKey(input.email), ipKey(input.ip)];
  const wait = await throttleWait(db, keys);
  if (wait > 0) return { kind: 'throttled', retryAfter: wait };
  const account = await findAccountByEmail(db, input.email.trim());
  const passwordOk = await verifyPassword(account?.passwordHash, input.password);
  if (!account || !passwordOk || account.disabledAt) {
    await recordFailure(db, keys);
    return { kind: 'invalid' };
  }
  await resetThrottle(db, accountKey(input.email));
  // A fresh session id on every sign-in (no session fixation).
  if (input.previousSessionId) await deleteSessionOfAccount(db, account.id, input.previousSessionId);
  const verified = !account.totpEnabledAt;
  const token = await createSession(db, account.id, { verified, userAgent: input.userAgent });
  if (verified) await updateAccount(db, account.id, { lastLoginAt: new Date() });
  return { kind: 'ok', token, verified };
}

export type SecondFactorResult = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'throttled'; retryAfter: number };

/** Checks the TOTP code of a session that passed the password step; throttled like passwords; each code works once. */
export async function verifySecondFactor(
  db: Db,
  input: { sessionId: string; accountId: string; code: string; ip: string; totpKey: TotpKey },
): Promise<SecondFactorResult> {
  const account = await findAccountById(db, input.accountId);
  if (!account?.totpSecret || !account.totpEnabledAt) return { kind: 'invalid' };
  const keys = [accountKey(account.email), ipKey(input.ip)];
  const wait = await throttleWait(db, keys);
  if (wait > 0) return { kind: 'throttled', retryAfter: wait };
  if (!(await useTotpCode(db, input.totpKey, account, input.code))) {
    await recordFailure(db, keys);
    return { kind: 'invalid' };
  }
  await resetThrottle(db, accountKey(account.email));
  await verifySession(db, input.sessionId);
  await updateAccount(db, account.id, { lastLoginAt: new Date() });
  return { kind: 'ok' };
}

// ---- password reset --------------------------------------------------------------------------------------------

/** Sends a reset link when an active account has this e-mail; answers nothing either way. */
export async function requestPasswordReset(db: Db, input: { email: string; baseUrl: string }): Promise<void> {
  const account = await findAccountByEmail(db, input.email.trim());
  if (!account || account.disabledAt) return;
  const token = newToken();
  await db.transaction(async (tx) => {
    await insertToken(tx, {
      kind: 'password_reset',
      tokenHash: hashToken(token),
      email: account.email,
      accountId: account.id,
      expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60 * 1000),
    });
    const mail = passwordResetMail(account.uiLanguage, { name: account.name || account.email, link: `${input.baseUrl}/password/reset/${token}`, minutes: RESET_TOKEN_MINUTES });
    await queueMail(tx, { to: account.email, ...mail });
  });
}

export type TokenState = 'valid' | 'expired' | 'used' | 'unknown';

/** Thrown for an unusable one-time link: 410 when it expired or was used, 400 when it never existed. */
export class TokenProblemError extends AppError {
  constructor(kind: TokenKind, state: Exclude<TokenState, 'valid'>) {
    super(state === 'unknown' ? 400 : 410, `${kind}_${state}`, `auth.${kind}_${state}`);
  }
}

function tokenState(row: TokenRow | undefined): TokenState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'valid';
}

/** The token row when it can still be used; else throws TokenProblemError. */
async function usableToken(db: Db, kind: TokenKind, token: string): Promise<TokenRow> {
  const row = await findTokenByHash(db, kind, hashToken(token));
  const state = tokenState(row);
  if (state !== 'valid' || !row) throw new TokenProblemError(kind, state === 'valid' ? 'unknown' : state);
  return row;
}

/** Throws unless the reset link can still be used. */
export async function checkResetToken(db: Db, token: string): Promise<void> {
  await usableToken(db, 'password_reset', token);
}

/** Sets a new password through a reset link (once); ends every session of the account. */
export async function resetPassword(db: Db, input: { token: string; password: string; passwordConfirm: string }): Promise<void> {
  await usableToken(db, 'password_reset', input.token);
  assertPasswordsMatch(input.password, input.passwordConfirm);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'password_reset', hashToken(input.token));
    // Lost a race with another use of the same link.
    if (!row?.accountId) throw new TokenProblemError('password_reset', 'used');
    const account = await mustLoadAccount(tx, row.accountId);
    await updateAccount(tx, account.id, { passwordHash });
    await expireResetTokens(tx, account.id);
    await revokeAllSessions(tx, account.id);
    await resetThrottle(tx, accountKey(account.email));
    await recordAudit(tx, selfActor(account), { action: 'account.password_reset', entityType: 'account', entityId: account.id, before: { passwordHash: 'old' }, after: { passwordHash: 'new' } });
  });
}

// ---- own account -----------------------------------------------------------------------------------------------

/** The account page data: profile, sessions, second factor. */
export async function getOwnAccount(db: Db, actor: Actor) {
  const account = await mustLoadAccount(db, actor.id);
  const sessions = await listSessions(db, actor.id);
  return {
    email: account.email,
    name: account.name,
    uiLanguage: account.uiLanguage,
    totpEnabled: Boolean(account.totpEnabledAt),
    sessions: [...sessions].reverse(),
  };
}

/** Changes one's own name and UI language. */
export async function updateProfile(db: Db, actor: Actor, input: { name: string; uiLanguage: string }): Promise<void> {
  if (!(UI_LANGUAGES as readonly string[]).includes(input.uiLanguage)) throw new ValidationError({ ui_language: { key: 'validation.choose_valid' } });
  await db.transaction(async (tx) => {
    const before = await mustLoadAccount(tx, actor.id);
    const after = await updateAccount(tx, actor.id, { name: input.name, uiLanguage: input.uiLanguage });
    await recordAudit(tx, actor, {
      action: 'account.update_profile',
      entityType: 'account',
      entityId: actor.id,
      before: { name: before.name, uiLanguage: before.uiLanguage },
      after: { name: after?.name, uiLanguage: after?.uiLanguage },
    });
  });
}

/** Changes one's own password (current password needed); other sessions end. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string; passwordConfirm: string; currentSessionId: string },
): Promise<void> {
  const account = await mustLoadAccount(db, actor.id);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw new ValidationError({ current_password: { key: 'auth.current_password_wrong' } });
  assertPasswordsMatch(input.password, input.passwordConfirm);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await updateAccount(tx, actor.id, { passwordHash });
    await revokeAllSessions(tx, actor.id, input.currentSessionId);
    await expireResetTokens(tx, actor.id);
    await recordAudit(tx, actor, { action: 'account.password_change', entityType: 'account', entityId: actor.id, before: { passwordHash: 'old' }, after: { passwordHash: 'new' } });
  });
}

/** Ends one of one's own sessions. */
export async function revokeOwnSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  if (!(await deleteSessionOfAccount(db, actor.id, sessionId))) throw new NotFoundError();
}

/** "Log out everywhere else": ends every own session but the current one; returns how many ended. */
export async function revokeOtherSessions(db: Db, actor: Actor, currentSessionId: string): Promise<number> {
  return revokeAllSessions(db, actor.id, currentSessionId);
}

// ---- second factor ---------------------------------------------------------------------------------------------

export type TotpSetup = { enabled: true } | { enabled: false; secret: string; uri: string };

/** Starts (or continues) setting up TOTP: a pending secret is kept until a code confirms it. */
export async function startTotpSetup(db: Db, actor: Actor, input: { totpKey: TotpKey }): Promise<TotpSetup> {
  const account = await mustLoadAccount(db, actor.id);
  if (account.totpEnabledAt) return { enabled: true };
  let secret = totpSecretOf(input.totpKey, account);
  if (!secret) {
    secret = newTotpSecret();
    await updateAccount(db, actor.id, { totpSecret: sealSecret(input.totpKey, secret, account.id), totpLastStep: null });
  }
  return { enabled: false, secret, uri: totpUri(secret, account.email) };
}

/** Turns TOTP on once a code from the pending secret is right. */
export async function confirmTotpSetup(db: Db, actor: Actor, input: { code: string; totpKey: TotpKey }): Promise<void> {
  const account = await mustLoadAccount(db, actor.id);
  if (account.totpEnabledAt) return;
  await db.transaction(async (tx) => {
    // The confirming code counts as used: it cannot sign in a second time.
    if (!(await useTotpCode(tx, input.totpKey, account, input.code, { totpEnabledAt: new Date() }))) {
      throw new ValidationError({ code: { key: 'auth.totp_code_wrong' } });
    }
    await recordAudit(tx, actor, { action: 'account.totp_enable', entityType: 'account', entityId: actor.id, before: { totpEnabled: false }, after: { totpEnabled: true } });
  });
}

/** Turns TOTP off; needs the password and a current, unused code. */
export async function disableTotp(db: Db, actor: Actor, input: { password: string; code: string; totpKey: TotpKey }): Promise<void> {
  const account = await mustLoadAccount(db, actor.id);
  if (!account.totpEnabledAt || !account.totpSecret) return;
  const passwordOk = await verifyPassword(account.passwordHash, input.password);
  if (!passwordOk) throw new ValidationError({ password: { key: 'auth.current_password_wrong' } });
  await db.transaction(async (tx) => {
    if (!(await useTotpCode(tx, input.totpKey, account, input.code))) throw new ValidationError({ code: { key: 'auth.totp_code_wrong' } });
    await updateAccount(tx, actor.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await recordAudit(tx, actor, { action: 'account.totp_disable', entityType: 'account', entityId: actor.id, before: { totpEnabled: true }, after: { totpEnabled: false } });
  });
}

/** True when the installation demands a second factor of this actor and they have none yet. */
export function mustSetUpSecondFactor(requireAdmin2fa: boolean, actor: Actor | null, totpEnabled: boolean): boolean {
  if (!requireAdmin2fa || !actor || totpEnabled) return false;
  return actor.isAdmin || actor.memberships.some((m) => m.role === 'region_admin');
}

// ---- members and invitations -----------------------------------------------------------------------------------

export type MemberListing = Awaited<ReturnType<typeof listMembers>>;

/** People and open invitations of the regions the actor manages (optionally one region). */
export async function listMembers(db: Db, actor: Actor, input: { regionId?: string | undefined }) {
  const { all, allowed } = await regionsWhere(db, actor, 'member.read');
  if (!allowed.length) throw new ForbiddenError();
  const invitable = (await regionsWhere(db, actor, 'member.invite')).allowed;
  const filtered = input.regionId ? allowed.filter((r) => r.id === input.regionId) : allowed;
  if (input.regionId && !filtered.length) throw new ForbiddenError();
  const ids = filtered.map((r) => r.id);
  const labels = new Map(allowed.map((r) => [r.id, r.label]));
  const rows = await listMembershipsForRegions(db, ids);
  const invitations = await listOpenInvitations(db, ids);
  return {
    regions: allowed,
    invitable,
    members: rows.map((m) => ({
      ...m,
      regionLabel: labels.get(m.regionId) ?? all.get(m.regionId)?.name ?? '',
      canRemove: can(actor, 'member.remove', regionPath(all, m.regionId)),
      canResetTwoFactor: Boolean(m.totpEnabledAt) && mayResetTwoFactor(actor, m, regionPath(all, m.regionId)),
    })),
    invitations: invitations.map((i) => ({ ...i, regionLabel: (i.regionId && labels.get(i.regionId)) || '' })),
  };
}

/** Whether the actor may manage people on some region (else the members area answers 403). */
export function managesPeople(actor: Actor): boolean {
  return actor.isAdmin || actor.memberships.some((m) => (PERMISSIONS['member.read'] as readonly RegionRole[]).includes(m.role));
}

export type InviteInput = { email: string; name: string; regionId: string; role: RegionRole; languages: string[] };

/** Invites a person to a role on a region: a one-time link (7 days) by mail in the inviter's language. */
export async function inviteMember(db: Db, actor: Actor, input: InviteInput & { lang: string; baseUrl: string }): Promise<void> {
  const { allowed } = await regionsWhere(db, actor, 'member.invite');
  const region = allowed.find((r) => r.id === input.regionId);
  if (!region) {
    if (!allowed.length) throw new ForbiddenError();
    throw new ValidationError({ region_id: { key: 'validation.choose_valid' } });
  }
  if (!(ROLES as readonly string[]).includes(input.role)) throw new ValidationError({ role: { key: 'validation.choose_valid' } });
  const languages = input.role === 'translator' ? [...new Set(input.languages)] : [];
  if (languages.some((l) => !region.languages.includes(l))) throw new ValidationError({ languages: { key: 'validation.choose_valid' } });
  const existing = await findAccountByEmail(db, input.email);
  if (existing && (await findMembership(db, existing.id, region.id, input.role))) throw new ValidationError({ email: { key: 'auth.already_member' } });
  await db.transaction(async (tx) => {
    await sendRoleInvitation(tx, actor, { ...input, region, languages });
  });
}

/**
 * Writes an invitation (one-time link, 7 days) to a role on a region, its mail and the audit event — without a
 * permission check: the caller has decided (inviteMember for region admins; the Sprachpool invites the mediators and
 * institution contacts a coordinator approved). Call inside the caller's transaction.
 */
export async function sendRoleInvitation(
  tx: Db,
  actor: Actor | { system: string },
  input: { email: string; name: string; role: RegionRole; languages?: string[]; lang: string; baseUrl: string; region: { id: string; name: string } },
): Promise<void> {
  const token = newToken();
  const languages = input.languages ?? [];
  const row = await insertToken(tx, {
    kind: 'invitation',
    tokenHash: hashToken(token),
    email: input.email,
    regionId: input.region.id,
    role: input.role,
    languages,
    createdBy: 'id' in actor ? actor.id : null,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
  });
  const mail = invitationMail(input.lang, {
    name: input.name,
    inviter: 'id' in actor ? actor.name || actor.email : input.region.name,
    region: input.region.name,
    role: input.role,
    link: `${input.baseUrl}/invitation/${token}`,
    days: INVITATION_DAYS,
  });
  await queueMail(tx, { to: input.email, regionId: input.region.id, ...mail });
  await recordAudit(tx, actor, {
    regionId: input.region.id,
    action: 'member.invite',
    entityType: 'invitation',
    entityId: row.id,
    before: null,
    after: { email: input.email, name: input.name, role: input.role, languages },
  });
}

/** Takes a role away; a region admin cannot give up their own last region_admin role. */
export async function removeMember(db: Db, actor: Actor, input: { accountId: string; regionId: string; role: RegionRole }): Promise<void> {
  const nodes = new Map((await listRegionNodes(db)).map((n) => [n.id, n]));
  const path = regionPath(nodes, input.regionId);
  if (!path.length) throw new NotFoundError();
  assertCan(actor, 'member.remove', path);
  const membership = await findMembership(db, input.accountId, input.regionId, input.role);
  if (!membership) throw new NotFoundError();
  if (!actor.isAdmin && actor.id === input.accountId && input.role === 'region_admin' && (await countRoleMemberships(db, actor.id, 'region_admin')) <= 1) {
    throw new ConflictError('last_region_admin', 'auth.error_last_region_admin');
  }
  const account = await mustLoadAccount(db, input.accountId);
  await db.transaction(async (tx) => {
    await deleteMembership(tx, input.accountId, input.regionId, input.role);
    await recordAudit(tx, actor, {
      regionId: input.regionId,
      action: 'member.remove',
      entityType: 'membership',
      entityId: `${input.accountId}:${input.role}`,
      before: { email: account.email, role: input.role, languages: membership.languages },
      after: null,
    });
  });
}

/** Installation admins, or who may reset on the person's region; never one's own (use the account page), and only admins reset an admin's. */
function mayResetTwoFactor(actor: Actor, target: { accountId: string; isAdmin: boolean }, path: string[]): boolean {
  if (target.accountId === actor.id) return false;
  if (target.isAdmin && !actor.isAdmin) return false;
  return can(actor, 'member.reset_2fa', path);
}

/**
 * Turns off a person's second factor (they lost their device, or SESSION_SECRET changed), ends their sessions; they
 * sign in with the password and set it up again. Returns false when they had none (nothing changes).
 */
export async function resetMemberSecondFactor(db: Db, actor: Actor, input: { accountId: string }): Promise<{ reset: boolean; name: string }> {
  const nodes = new Map((await listRegionNodes(db)).map((n) => [n.id, n]));
  const regionIds = await listMembershipRegionIds(db, input.accountId);
  const target = await findAccountById(db, input.accountId);
  const regionId = regionIds.find((id) => target && mayResetTwoFactor(actor, { accountId: target.id, isAdmin: target.isAdmin }, regionPath(nodes, id)));
  if (!target) throw actor.isAdmin ? new NotFoundError() : new ForbiddenError();
  if (!regionId && !(actor.isAdmin && target.id !== actor.id)) throw new ForbiddenError();
  const name = target.name || target.email;
  if (!target.totpEnabledAt) return { reset: false, name };
  await db.transaction(async (tx) => {
    await updateAccount(tx, target.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await revokeAllSessions(tx, target.id);
    await recordAudit(tx, actor, {
      regionId: regionId ?? regionIds[0] ?? null,
      action: 'account.2fa_reset',
      entityType: 'account',
      entityId: target.id,
      before: { twoFactor: true },
      after: { twoFactor: false },
    });
  });
  return { reset: true, name };
}

export type InvitationView = {
  email: string;
  regionName: string;
  role: RegionRole;
  languages: string[];
  /** An account with the invited e-mail exists (sign in to accept), else a new one is created. */
  accountExists: boolean;
};

/** What an invitation link offers; throws TokenProblemError when it cannot be used. */
export async function inspectInvitation(db: Db, token: string): Promise<InvitationView> {
  const row = await usableToken(db, 'invitation', token);
  const nodes = await listRegionNodes(db);
  const region = nodes.find((n) => n.id === row.regionId);
  if (!region || !row.role) throw new TokenProblemError('invitation', 'unknown');
  const account = await findAccountByEmail(db, row.email);
  return { email: row.email, regionName: region.name, role: row.role, languages: row.languages, accountExists: Boolean(account) };
}

/** Accepts an invitation for a new person: creates the account and the membership, returns a session token. */
export async function acceptInvitationAsNewAccount(
  db: Db,
  input: { token: string; name: string; password: string; passwordConfirm: string; uiLanguage: string; userAgent?: string },
): Promise<string> {
  const view = await inspectInvitation(db, input.token);
  if (view.accountExists) throw new ConflictError('account_exists', 'auth.invitation_sign_in_first');
  assertPasswordsMatch(input.password, input.passwordConfirm);
  const passwordHash = await hashPassword(input.password);
  const uiLanguage = (UI_LANGUAGES as readonly string[]).includes(input.uiLanguage) ? input.uiLanguage : 'de';
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'invitation', hashToken(input.token));
    if (!row?.regionId || !row.role) throw new TokenProblemError('invitation', 'used');
    const account = await insertAccount(tx, { email: row.email, name: input.name, passwordHash, uiLanguage, lastLoginAt: new Date() });
    await upsertMembership(tx, { accountId: account.id, regionId: row.regionId, role: row.role, languages: row.languages });
    await recordAudit(tx, selfActor(account), {
      regionId: row.regionId,
      action: 'member.join',
      entityType: 'membership',
      entityId: `${account.id}:${row.role}`,
      before: null,
      after: { email: account.email, role: row.role, languages: row.languages, invitation: row.id },
    });
    return createSession(tx, account.id, { verified: true, userAgent: input.userAgent });
  });
}

/** Accepts an invitation with the signed-in account (whose e-mail must be the invited one). */
export async function acceptInvitationAsActor(db: Db, actor: Actor, input: { token: string }): Promise<void> {
  const view = await inspectInvitation(db, input.token);
  if (view.email.toLowerCase() !== actor.email.toLowerCase()) throw new AppError(403, 'invitation_other_account', 'auth.invitation_other_account');
  await db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'invitation', hashToken(input.token));
    if (!row?.regionId || !row.role) throw new TokenProblemError('invitation', 'used');
    await upsertMembership(tx, { accountId: actor.id, regionId: row.regionId, role: row.role, languages: row.languages });
    await recordAudit(tx, actor, {
      regionId: row.regionId,
      action: 'member.join',
      entityType: 'membership',
      entityId: `${actor.id}:${row.role}`,
      before: null,
      after: { email: actor.email, role: row.role, languages: row.languages, invitation: row.id },
    });
  });
}
