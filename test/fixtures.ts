import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/client.js';
import { accounts, memberships, regions, ROLES, type RegionRole } from '../src/platform/schema.js';
import { createSession } from '../src/platform/auth/sessions.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { SESSION_COOKIE } from '../src/app.js';
import { createPage } from '../src/modules/guide/service.js';
import type { Actor } from '../src/platform/auth/permissions.js';
import { buildAgency, buildMediator } from '../src/modules/sprachpool/test-support.js';
import { Browser, type TestApp } from './helpers.js';

export type RegionRow = typeof regions.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;

const unique = () => randomUUID().slice(0, 8);

/** A region with unique slug; pass parentId for a child. */
export async function buildRegion(db: Db, overrides: Partial<typeof regions.$inferInsert> = {}): Promise<RegionRow> {
  const id = unique();
  const [row] = await db
    .insert(regions)
    .values({ slug: `region-${id}`, name: `Region ${id}`, kind: 'county', languages: ['de', 'en', 'ar'], sourceLanguage: 'de', ...overrides })
    .returning();
  if (!row) throw new Error('region insert failed');
  return row;
}

/**
 * argon2 hashes by password, one per process: hashing costs tens of milliseconds on purpose, and test accounts mostly
 * share the default password. A hash carries its own salt, so every account still verifies like a real one.
 */
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** An account (password "correct horse battery staple" unless given) with optional memberships. */
export async function buildAccount(
  db: Db,
  opts: { email?: string; password?: string; isAdmin?: boolean; name?: string; roles?: { regionId: string; role: RegionRole; languages?: string[] }[]; uiLanguage?: string } = {},
): Promise<AccountRow & { password: string }> {
  const password = opts.password ?? 'correct horse battery staple';
  const [row] = await db
    .insert(accounts)
    .values({
      email: opts.email ?? `person-${unique()}@example.org`,
      name: opts.name ?? 'Test Person',
      passwordHash: await hashOnce(password),
      isAdmin: opts.isAdmin ?? false,
      uiLanguage: opts.uiLanguage ?? 'de',
    })
    .returning();
  if (!row) throw new Error('account insert failed');
  for (const r of opts.roles ?? []) await db.insert(memberships).values({ accountId: row.id, regionId: r.regionId, role: r.role, languages: r.languages ?? [] });
  return { ...row, password };
}

/** A signed session cookie value for an account (skips the login form; the auth tests cover that). */
export async function sessionCookieFor(app: FastifyInstance, db: Db, accountId: string): Promise<string> {
  const token = await createSession(db, accountId, { verified: true });
  return `${SESSION_COOKIE}=${app.signCookie(token)}`;
}

/** A new account (see buildAccount) with a browser signed in as it, and the actor that service calls take. */
export async function signedIn(t: Pick<TestApp, 'app' | 'db'>, opts: Parameters<typeof buildAccount>[1] = {}): Promise<{ browser: Browser; actor: Actor; account: AccountRow }> {
  const account = await buildAccount(t.db, opts);
  const browser = new Browser(t.app);
  const [name, value] = (await sessionCookieFor(t.app, t.db, account.id)).split('=');
  browser.cookies.set(name ?? '', value ?? '');
  const actor: Actor = { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin, memberships: (opts.roles ?? []).map((r) => ({ ...r, languages: r.languages ?? [] })) };
  return { browser, actor, account };
}

export type Persona = 'anonymous' | 'admin' | RegionRole | 'other_region_admin';
export const PERSONAS: Persona[] = ['anonymous', 'admin', ...ROLES, 'other_region_admin'];

/**
 * The standard world of the access matrix: a county with a municipality, another county, one account per role. The
 * `mediator` account has an active mediator record in the county's Sprachpool and the `agency` account is the contact
 * person of an approved institution there, so both reach their own portal.
 */
export type World = {
  county: RegionRow;
  municipality: RegionRow;
  otherCounty: RegionRow;
  cookies: Record<Persona, string>;
  accounts: Partial<Record<Persona, AccountRow>>;
  /** A published guide page in the county (German text only) with one child page. */
  guide: { page: { id: string }; child: { id: string } };
  /** The Sprachpool records of the county: the `mediator` persona's mediator record, the `agency` persona's institution. */
  pool: { mediatorId: string; agencyId: string };
};

export async function buildWorld(app: FastifyInstance, db: Db): Promise<World> {
  const county = await buildRegion(db, { name: 'Kreis A' });
  const municipality = await buildRegion(db, { name: 'Gemeinde A1', kind: 'municipality', parentId: county.id });
  const otherCounty = await buildRegion(db, { name: 'Kreis B' });
  const cookies = { anonymous: '' } as Record<Persona, string>;
  const accs: Partial<Record<Persona, AccountRow>> = {};
  for (const persona of PERSONAS) {
    if (persona === 'anonymous') continue;
    const roles =
      persona === 'admin'
        ? []
        : persona === 'other_region_admin'
          ? [{ regionId: otherCounty.id, role: 'region_admin' as const }]
          : [{ regionId: county.id, role: persona }];
    const acc = await buildAccount(db, { isAdmin: persona === 'admin', roles, name: persona });
    accs[persona] = acc;
    cookies[persona] = await sessionCookieFor(app, db, acc.id);
  }
  const system = { system: 'fixtures' };
  const { page } = await createPage(db, system, { regionId: county.id, title: 'Ankommen im Kreis', contentHtml: '<p>Willkommen.</p>', status: 'published' });
  const { page: child } = await createPage(db, system, { regionId: county.id, parentId: page.id, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Bürgerbüro.</p>', status: 'published' });
  const mediatorAccount = accs.mediator;
  const agencyAccount = accs.agency;
  if (!mediatorAccount || !agencyAccount) throw new Error('world: mediator and agency accounts missing');
  // The portal links the account to the record by e-mail (mediator) or by the contact's account (institution).
  const mediator = await buildMediator(db, county.id, { email: mediatorAccount.email });
  const { agency } = await buildAgency(db, county.id, { contactAccountId: agencyAccount.id, contactEmail: agencyAccount.email });
  return { county, municipality, otherCounty, cookies, accounts: accs, guide: { page, child }, pool: { mediatorId: mediator.id, agencyId: agency.id } };
}
