/**
 * Who is acting in the Sprachpool, and on which pool. Every service opens the region through `openPool` (404 for an
 * unknown region, 403 without the permission), and resolves the signed-in mediator or institution contact through
 * their account — never through an id from the request.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertCan, type Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { accounts, memberships } from '../../platform/schema.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';
import { agencies, agencyContacts, mediators } from './schema.js';
import { poolSettings, type PoolSettings } from './settings.js';

export type PoolAction = 'pool.manage' | 'pool.mediate' | 'pool.request';
export type PoolContext = { region: RegionRow; path: string[]; settings: PoolSettings };
export type MediatorRow = typeof mediators.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyContactRow = typeof agencyContacts.$inferSelect;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pool of a region, checked for `action` (pass null for public pages and jobs: no check). */
export async function openPool(db: Db, actor: Actor | null, regionId: string, action: PoolAction | null): Promise<PoolContext> {
  if (!UUID.test(regionId)) throw new NotFoundError('region_not_found');
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  if (action) assertCan(actor, action, found.path);
  return { region: found.region, path: found.path, settings: poolSettings(found.region.settings) };
}

/**
 * The mediator record of the signed-in person in this pool (role `mediator`). The coordinator's invitation goes to
 * the address the mediator applied with, so the first visit links the account to the record by e-mail.
 */
export async function findMediatorForActor(db: Db, actor: Actor, regionId: string): Promise<MediatorRow> {
  const [linked] = await db.select().from(mediators).where(and(eq(mediators.regionId, regionId), eq(mediators.accountId, actor.id)));
  if (linked) return linked;
  const [byEmail] = await db
    .update(mediators)
    .set({ accountId: actor.id, updatedAt: new Date() })
    .where(and(eq(mediators.regionId, regionId), isNull(mediators.accountId), sql`lower(${mediators.email}) = lower(${actor.email})`))
    .returning();
  if (byEmail) return byEmail;
  throw new ForbiddenError('not_a_mediator', 'sprachpool.error_not_a_mediator');
}

/** The institution and contact person the signed-in person (role `agency`) acts for in this pool; linked by e-mail on first visit. */
export async function findAgencyContactForActor(db: Db, actor: Actor, regionId: string): Promise<{ agency: AgencyRow; contact: AgencyContactRow }> {
  const rows = await db
    .select({ agency: agencies, contact: agencyContacts })
    .from(agencyContacts)
    .innerJoin(agencies, eq(agencies.id, agencyContacts.agencyId))
    .where(and(eq(agencies.regionId, regionId), sql`(${agencyContacts.accountId} = ${actor.id} OR (${agencyContacts.accountId} IS NULL AND lower(${agencyContacts.email}) = lower(${actor.email})))`));
  const row = rows.find((r) => r.contact.accountId === actor.id) ?? rows[0];
  if (!row) throw new ForbiddenError('not_an_agency_contact', 'sprachpool.error_not_an_agency_contact');
  if (!row.contact.accountId) await db.update(agencyContacts).set({ accountId: actor.id }).where(eq(agencyContacts.id, row.contact.id));
  if (row.agency.status !== 'approved') throw new ForbiddenError('agency_not_approved', `sprachpool.error_agency_${row.agency.status}`);
  return { agency: row.agency, contact: { ...row.contact, accountId: actor.id } };
}

/** Where mails to the pool's coordinators go: the region's contact address if set, else every coordinator's account. */
export async function coordinatorAddresses(db: Db, ctx: PoolContext): Promise<{ email: string; language: string }[]> {
  if (ctx.settings.contactEmail) return [{ email: ctx.settings.contactEmail, language: ctx.region.sourceLanguage }];
  const rows = await db
    .selectDistinct({ email: accounts.email, language: accounts.uiLanguage })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(inArray(memberships.regionId, ctx.path), eq(memberships.role, 'pool_coordinator'), isNull(accounts.disabledAt)));
  return rows;
}
