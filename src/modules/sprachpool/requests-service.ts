/**
 * What the request pages show: the coordinators' list (filters, counts per state) and one request with its offers,
 * assignment, status history (from the audit log) and the ranking; the page behind an offer's one-time link; the
 * mediator portal's offers and assignments. Writes are in lifecycle.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { NotFoundError } from '../../platform/errors.js';
import { auditEvents } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import type { RegionRow } from '../regions/index.js';
import { findMediatorForActor, openPool, UUID, type AgencyContactRow, type AgencyRow, type MediatorRow, type PoolContext } from './context.js';
import { offerProblem, type AssignmentRow, type OfferRow } from './lifecycle.js';
import { rankMediators, type Ranking } from './matching.js';
import type { RequestRow } from './requests-format.js';
import { agencies, agencyContacts, assignments, CLOSED_REQUEST_STATUSES, mediators, offers, REQUEST_STATUSES, requests, timesheets, type RequestStatus } from './schema.js';

export const PAGE_SIZE = 50;
/** Status filters of the list: every state, plus "needs action" (to approve or to offer) and "open" (nobody assigned yet). */
export const STATUS_FILTERS = ['needs_action', 'open', ...REQUEST_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
const NEEDS_ACTION: RequestStatus[] = ['requested', 'approved'];
const OPEN: RequestStatus[] = ['requested', 'approved', 'offered'];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const listQuerySchema = z.object({
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  flagged: z.enum(['1']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type RequestFilters = z.infer<typeof listQuerySchema>;

export type RequestListItem = { request: RequestRow; agencyName: string; mediatorName: string | null; openOffers: number };
export type RequestList = {
  ctx: PoolContext;
  filters: RequestFilters;
  items: RequestListItem[];
  /** Per state and per combined filter, under the language, date and flag filters in effect. */
  counts: Record<StatusFilter, number>;
  total: number;
  pages: number;
  /** Languages that occur in the pool's requests (the language filter's choices). */
  languages: string[];
};

function statusCondition(status: StatusFilter | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status === 'needs_action') return inArray(requests.status, NEEDS_ACTION);
  if (status === 'open') return inArray(requests.status, OPEN);
  return eq(requests.status, status);
}

/** The coordinators' list of requests. */
export async function listPoolRequests(db: Db, actor: Actor, regionId: string, filters: RequestFilters): Promise<RequestList> {
  const ctx = await openPool(db, actor, regionId, 'pool.manage');
  const tz = ctx.region.timezone;
  const base: SQL[] = [eq(requests.regionId, ctx.region.id)];
  if (filters.language) base.push(eq(requests.language, filters.language));
  const from = filters.from ? zonedLocalToUtc(`${filters.from}T00:00`, tz) : undefined;
  if (from) base.push(gte(requests.startsAt, from));
  const to = filters.to ? zonedLocalToUtc(`${filters.to}T00:00`, tz) : undefined;
  if (to) base.push(lt(requests.startsAt, new Date(to.getTime() + 86_400_000)));
  if (filters.flagged) base.push(sql`cardinality(${requests.flags}) > 0`);
  const where = and(...base, statusCondition(filters.status));
  const closed = filters.status !== undefined && (CLOSED_REQUEST_STATUSES as readonly string[]).includes(filters.status);

  const [byStatus, [total], rows, languageRows] = await Promise.all([
    db
      .select({ status: requests.status, n: count() })
      .from(requests)
      .where(and(...base))
      .groupBy(requests.status),
    db.select({ n: count() }).from(requests).where(where),
    db
      .select({
        request: requests,
        agencyName: agencies.name,
        mediatorFirst: mediators.firstName,
        mediatorLast: mediators.lastName,
        openOffers: sql<number>`(SELECT count(*)::int FROM ${offers} WHERE ${offers.requestId} = ${requests.id} AND ${offers.status} = 'open')`,
      })
      .from(requests)
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(assignments, and(eq(assignments.requestId, requests.id), ne(assignments.status, 'cancelled')))
      .leftJoin(mediators, eq(mediators.id, assignments.mediatorId))
      .where(where)
      .orderBy(closed || !filters.status ? desc(requests.startsAt) : asc(requests.startsAt), asc(requests.id))
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE),
    db.selectDistinct({ language: requests.language }).from(requests).where(eq(requests.regionId, ctx.region.id)).orderBy(asc(requests.language)),
  ]);
  const counts = Object.fromEntries(STATUS_FILTERS.map((s) => [s, 0])) as Record<StatusFilter, number>;
  for (const r of byStatus) {
    counts[r.status] = r.n;
    if (NEEDS_ACTION.includes(r.status)) counts.needs_action += r.n;
    if (OPEN.includes(r.status)) counts.open += r.n;
  }
  const n = total?.n ?? 0;
  return {
    ctx,
    filters,
    items: rows.map((r) => ({ request: r.request, agencyName: r.agencyName, mediatorName: r.mediatorFirst ? `${r.mediatorFirst} ${r.mediatorLast ?? ''}`.trim() : null, openOffers: r.openOffers })),
    counts,
    total: n,
    pages: Math.max(1, Math.ceil(n / PAGE_SIZE)),
    languages: languageRows.map((l) => l.language),
  };
}

export type OfferedMediator = Pick<MediatorRow, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'status'>;
export type HistoryEntry = { at: Date; actor: string; system: boolean; verb: string; changes: Record<string, [unknown, unknown]> };
export type RequestDetail = {
  ctx: PoolContext;
  request: RequestRow;
  agency: AgencyRow;
  contact: AgencyContactRow | null;
  offers: { offer: OfferRow; mediator: OfferedMediator }[];
  assignment: { assignment: AssignmentRow; mediator: OfferedMediator; timesheetStatus: string | null } | null;
  history: HistoryEntry[];
  /** The explained ranking while offers can still be sent (before the start, nobody assigned). */
  ranking: Ranking | null;
  can: { approve: boolean; reject: boolean; offer: boolean; cancel: boolean; noShow: boolean; release: boolean };
};

const mediatorColumns = { id: mediators.id, firstName: mediators.firstName, lastName: mediators.lastName, email: mediators.email, phone: mediators.phone, status: mediators.status };

/** One request with everything the coordinator needs to act on it. */
export async function getPoolRequest(db: Db, actor: Actor, regionId: string, requestId: string, now = new Date()): Promise<RequestDetail> {
  const ctx = await openPool(db, actor, regionId, 'pool.manage');
  if (!UUID.test(requestId)) throw new NotFoundError('request_not_found');
  const [row] = await db
    .select({ request: requests, agency: agencies, contact: agencyContacts })
    .from(requests)
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(agencyContacts, eq(agencyContacts.id, requests.contactId))
    .where(and(eq(requests.regionId, ctx.region.id), eq(requests.id, requestId)));
  if (!row) throw new NotFoundError('request_not_found');
  const { request } = row;
  const [offerRows, assignmentRows, history] = await Promise.all([
    db.select({ offer: offers, mediator: mediatorColumns }).from(offers).innerJoin(mediators, eq(mediators.id, offers.mediatorId)).where(eq(offers.requestId, request.id)).orderBy(asc(offers.createdAt), asc(mediators.lastName)),
    db
      .select({ assignment: assignments, mediator: mediatorColumns, timesheetStatus: timesheets.status })
      .from(assignments)
      .innerJoin(mediators, eq(mediators.id, assignments.mediatorId))
      .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
      .where(eq(assignments.requestId, request.id))
      .orderBy(desc(assignments.createdAt)),
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'sp_request'), eq(auditEvents.entityId, request.id)))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
  ]);
  const closed = CLOSED_REQUEST_STATUSES.includes(request.status);
  const future = request.startsAt > now;
  const offerable = !closed && request.status !== 'assigned' && future;
  const current = assignmentRows.find((a) => a.assignment.status !== 'cancelled') ?? assignmentRows[0] ?? null;
  return {
    ctx,
    request,
    agency: row.agency,
    contact: row.contact,
    offers: offerRows,
    assignment: current,
    history: history.map((h) => ({
      at: h.at,
      actor: h.actorLabel.startsWith('system:') ? h.actorLabel.slice(7) : h.actorLabel,
      system: h.actorLabel.startsWith('system:'),
      verb: h.action.replace(/^sprachpool\.request[._]/, ''),
      changes: h.changes,
    })),
    ranking: offerable ? await rankMediators(db, ctx, request, now) : null,
    can: {
      approve: request.status === 'requested',
      reject: !closed && request.status !== 'assigned',
      offer: offerable,
      cancel: !closed && !(request.status === 'assigned' && !future),
      noShow: request.status === 'assigned' && !future && current?.assignment.status === 'active',
      release: request.status === 'assigned' && future && current?.assignment.status === 'active',
    },
  };
}

/** How an offer stands for the mediator who got it. */
export type OfferState = 'open' | 'accepted' | 'declined' | 'taken' | 'withdrawn' | 'expired';
const STATE_OF: Record<string, OfferState> = {
  offer_already_accepted: 'accepted',
  offer_declined: 'declined',
  offer_taken: 'taken',
  offer_withdrawn: 'withdrawn',
  offer_expired: 'expired',
};

export function offerState(offer: Pick<OfferRow, 'status' | 'expiresAt'>, request: Pick<RequestRow, 'status' | 'startsAt'>, now: Date): OfferState {
  const problem = offerProblem(offer, request, now);
  return problem ? (STATE_OF[problem] ?? 'withdrawn') : 'open';
}

export type OfferView = { ctx: PoolContext; offer: OfferRow; request: RequestRow; mediator: Pick<MediatorRow, 'firstName' | 'language'>; state: OfferState };

/** The offer behind a one-time link in this region, or undefined (unknown, forged, or another region's token). */
export async function findOfferByToken(db: Db, region: RegionRow, token: string, now = new Date()): Promise<OfferView | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ offer: offers, request: requests, mediator: { firstName: mediators.firstName, language: mediators.language } })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .innerJoin(mediators, eq(mediators.id, offers.mediatorId))
    .where(and(eq(offers.tokenHash, hashToken(token)), eq(offers.regionId, region.id)));
  if (!row) return undefined;
  const ctx = await openPool(db, null, region.id, null);
  return { ctx, ...row, state: offerState(row.offer, row.request, now) };
}

export type PortalOffer = { offer: OfferRow; request: RequestRow; state: OfferState };
/** Answered offers of the last this many days stay on the offers page. */
export const ANSWERED_DAYS = 60;

/** The signed-in mediator's offers: open ones to answer, and those answered (or gone) recently. */
export async function listMediatorOffers(db: Db, actor: Actor, regionId: string, now = new Date()): Promise<{ ctx: PoolContext; mediator: MediatorRow; open: PortalOffer[]; answered: PortalOffer[] }> {
  const ctx = await openPool(db, actor, regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, actor, ctx.region.id);
  const rows = await db
    .select({ offer: offers, request: requests })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .where(and(eq(offers.regionId, ctx.region.id), eq(offers.mediatorId, mediator.id), gte(offers.createdAt, new Date(now.getTime() - ANSWERED_DAYS * 86_400_000))))
    .orderBy(asc(requests.startsAt), asc(offers.id));
  const all = rows.map((r) => ({ ...r, state: offerState(r.offer, r.request, now) }));
  return { ctx, mediator, open: all.filter((o) => o.state === 'open'), answered: all.filter((o) => o.state !== 'open').reverse() };
}

export type PortalAssignment = { assignment: AssignmentRow; request: RequestRow; agencyName: string; timesheetStatus: string | null };

/** The signed-in mediator's assignments: upcoming (active, not yet over) and the others, newest first. */
export async function listMediatorAssignments(db: Db, actor: Actor, regionId: string, now = new Date()): Promise<{ ctx: PoolContext; mediator: MediatorRow; upcoming: PortalAssignment[]; past: PortalAssignment[] }> {
  const ctx = await openPool(db, actor, regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, actor, ctx.region.id);
  const rows = await db
    .select({ assignment: assignments, request: requests, agencyName: agencies.name, timesheetStatus: timesheets.status })
    .from(assignments)
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
    .where(and(eq(assignments.regionId, ctx.region.id), eq(assignments.mediatorId, mediator.id)))
    .orderBy(asc(assignments.startsAt));
  const upcoming = rows.filter((r) => r.assignment.status === 'active' && r.assignment.endsAt > now);
  const past = rows.filter((r) => !(r.assignment.status === 'active' && r.assignment.endsAt > now)).reverse();
  return { ctx, mediator, upcoming, past };
}

/** Ids of mediators who already have an offer for a request (not offered again). */
export function offeredIds(detail: Pick<RequestDetail, 'offers'>): Set<string> {
  return new Set(detail.offers.map((o) => o.mediator.id));
}
