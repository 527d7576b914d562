import type { RegionRole } from '../schema.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

/** The signed-in person as services see them. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: { regionId: string; role: RegionRole; languages: string[] }[];
};

/**
 * The permission matrix: action → roles on a region (or one of its ancestors) that may do it.
 * The installation admin (`isAdmin`) may do everything. This table is the documentation (README links here);
 * the access-matrix test checks the routes against it.
 */
export const PERMISSIONS = {
  // regions
  'region.admin_view': ['region_admin', 'editor', 'translator', 'pool_coordinator', 'volunteer_coordinator', 'reviewer'],
  'region.create_child': ['region_admin'],
  'region.update': ['region_admin'],
  'region.archive': ['region_admin'],
  // people
  'member.read': ['region_admin'],
  'member.invite': ['region_admin'],
  'member.remove': ['region_admin'],
  'member.reset_2fa': ['region_admin'],
  // operations
  'audit.read': ['region_admin'],
  'jobs.read': ['region_admin'],
  'jobs.retry': ['region_admin'],
  'mail.read': ['region_admin'],
  'api_token.manage': ['region_admin'],
  // guide (issue 4)
  'page.read_admin': ['region_admin', 'editor', 'translator'],
  'page.edit': ['region_admin', 'editor'],
  'page.publish': ['region_admin', 'editor'],
  'translation.edit': ['region_admin', 'editor', 'translator'],
  'feedback.read': ['region_admin', 'editor'],
  'mt.manage': ['region_admin'],
  // directory (issue 5)
  'directory.edit': ['region_admin', 'editor'],
  'directory.edit_own': ['partner'],
  'directory.settings': ['region_admin'],
  // events (issue 6)
  'event.edit': ['region_admin', 'editor'],
  'event.settings': ['region_admin'],
  // sprachpool (issue 7)
  'pool.manage': ['region_admin', 'pool_coordinator'],
  'pool.mediate': ['mediator'],
  'pool.request': ['agency'],
} as const satisfies Record<string, readonly RegionRole[]>;

export type Action = keyof typeof PERMISSIONS;

/** Actions only the installation admin may take. */
export type AdminAction = 'region.create_root' | 'language.manage' | 'account.manage';

/** True when the actor may take `action` on a region, given the region's id path (root first, region last). */
export function can(actor: Actor | null, action: Action | AdminAction, regionPath: readonly string[] = []): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  if (!(action in PERMISSIONS)) return false;
  const roles = PERMISSIONS[action as Action] as readonly RegionRole[];
  return actor.memberships.some((m) => regionPath.includes(m.regionId) && roles.includes(m.role));
}

/** Throws 401 without an actor, 403 when the action is not allowed. */
export function assertCan(actor: Actor | null, action: Action | AdminAction, regionPath: readonly string[] = []): asserts actor is Actor {
  if (!actor) throw new UnauthorizedError();
  if (!can(actor, action, regionPath)) throw new ForbiddenError();
}

/** The languages a translator is restricted to on a region path (undefined = all languages). */
export function translatorLanguages(actor: Actor, regionPath: readonly string[]): string[] | undefined {
  if (actor.isAdmin) return undefined;
  const relevant = actor.memberships.filter((m) => regionPath.includes(m.regionId));
  if (relevant.some((m) => m.role !== 'translator' || m.languages.length === 0)) return undefined;
  return [...new Set(relevant.flatMap((m) => m.languages))];
}
