/** The coordinators' overview: what needs doing in the pool today, as counts that link to the lists. */
import { and, count, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';
import { openPool, type PoolContext } from './context.js';
import { agencies, assignments, mediatorLanguages, mediators, offers, requests, timesheets, REQUEST_STATUSES, type RequestStatus } from './schema.js';

export type PoolOverview = {
  ctx: PoolContext;
  requests: Record<RequestStatus, number>;
  /** Open requests (not closed) with a flag: no one speaks the language / looks like personal data. */
  flagged: number;
  /** Requested or approved, starting within the next 3 days, nobody assigned yet. */
  urgent: number;
  /** The last local date of the urgent window (the list's `to` filter). */
  urgentUntil: string;
  openOffers: number;
  upcomingAssignments: number;
  mediators: { applied: number; active: number; paused: number; deletionRequests: number; documentsExpiring: number };
  agencies: { pending: number; approved: number };
  hours: { reported: number; disputed: number };
};

/** Counts for /admin/regions/:id/sprachpool. */
export async function getPoolOverview(db: Db, actor: Actor, regionId: string, now = new Date()): Promise<PoolOverview> {
  const ctx = await openPool(db, actor, regionId, 'pool.manage');
  const rid = ctx.region.id;
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const week = new Date(now.getTime() + 7 * 86_400_000);
  const expiringBy = new Date(now.getTime() + ctx.settings.documentReminderDays * 86_400_000).toISOString().slice(0, 10);
  const [byStatus, [flagged], [urgent], [openOffers], [upcoming], byMediatorStatus, [deletion], [expiring], byAgencyStatus, byTimesheet] = await Promise.all([
    db.select({ status: requests.status, n: count() }).from(requests).where(eq(requests.regionId, rid)).groupBy(requests.status),
    db
      .select({ n: count() })
      .from(requests)
      .where(and(eq(requests.regionId, rid), inArray(requests.status, ['requested', 'approved', 'offered', 'assigned']), sql`cardinality(${requests.flags}) > 0`)),
    db
      .select({ n: count() })
      .from(requests)
      .where(and(eq(requests.regionId, rid), inArray(requests.status, ['requested', 'approved', 'offered']), gte(requests.startsAt, now), lt(requests.startsAt, soon))),
    db.select({ n: count() }).from(offers).where(and(eq(offers.regionId, rid), eq(offers.status, 'open'))),
    db
      .select({ n: count() })
      .from(assignments)
      .where(and(eq(assignments.regionId, rid), eq(assignments.status, 'active'), gte(assignments.startsAt, now), lt(assignments.startsAt, week))),
    db.select({ status: mediators.status, n: count() }).from(mediators).where(eq(mediators.regionId, rid)).groupBy(mediators.status),
    db.select({ n: count() }).from(mediators).where(and(eq(mediators.regionId, rid), isNotNull(mediators.deletionRequestedAt))),
    db
      .select({ n: count() })
      .from(mediators)
      .where(
        and(
          eq(mediators.regionId, rid),
          eq(mediators.status, 'active'),
          sql`(${mediators.confidentialityExpiresOn} IS NULL OR ${mediators.policeClearanceExpiresOn} IS NULL OR ${lte(mediators.confidentialityExpiresOn, expiringBy)} OR ${lte(mediators.policeClearanceExpiresOn, expiringBy)})`,
        ),
      ),
    db.select({ status: agencies.status, n: count() }).from(agencies).where(eq(agencies.regionId, rid)).groupBy(agencies.status),
    db.select({ status: timesheets.status, n: count() }).from(timesheets).where(eq(timesheets.regionId, rid)).groupBy(timesheets.status),
  ]);
  const requestCounts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const r of byStatus) requestCounts[r.status] = r.n;
  const m = (s: string) => byMediatorStatus.find((r) => r.status === s)?.n ?? 0;
  const a = (s: string) => byAgencyStatus.find((r) => r.status === s)?.n ?? 0;
  const h = (s: string) => byTimesheet.find((r) => r.status === s)?.n ?? 0;
  return {
    ctx,
    requests: requestCounts,
    flagged: flagged?.n ?? 0,
    urgent: urgent?.n ?? 0,
    urgentUntil: utcToZonedLocal(soon, ctx.region.timezone).slice(0, 10),
    openOffers: openOffers?.n ?? 0,
    upcomingAssignments: upcoming?.n ?? 0,
    mediators: { applied: m('applied'), active: m('active'), paused: m('paused'), deletionRequests: deletion?.n ?? 0, documentsExpiring: expiring?.n ?? 0 },
    agencies: { pending: a('pending'), approved: a('approved') },
    hours: { reported: h('reported'), disputed: h('disputed') },
  };
}

/** How many languages the pool's active mediators speak (the public landing page says so). */
export async function countPoolLanguages(db: Db, regionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${mediatorLanguages.language})::int` })
    .from(mediatorLanguages)
    .innerJoin(mediators, eq(mediators.id, mediatorLanguages.mediatorId))
    .where(and(eq(mediatorLanguages.regionId, regionId), eq(mediators.status, 'active')));
  return row?.n ?? 0;
}
