/**
 * The lifecycle of a request: requested → approved → offered → assigned → done (done comes with the reported hours,
 * timesheets.ts), or rejected / cancelled / no_show. Offers go to one or several mediators, each with a one-time
 * link; the first accept wins and withdraws the others; offers expire (jobs.ts).
 *
 * Every change of a request runs in one transaction that first locks the request row (`SELECT … FOR UPDATE`), so
 * parallel accepts, declines, cancellations and the expiry job queue on that row and each sees the others' result.
 * A mediator can never hold two overlapping assignments: the exclusion constraint `sp_assignments_no_overlap`
 * refuses the second (23P01), whatever runs in parallel; that accept then changes nothing and the offer stays open
 * for the others. Every transition is audited (`sprachpool.request.<verb>`, entity `sp_request`) and its mails are
 * queued in the same transaction (outbox).
 */
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { findAgencyContactForActor, findMediatorForActor, openPool, UUID, type MediatorRow, type PoolContext } from './context.js';
import {
  buildAssignmentIcs,
  queueAssignedMails,
  queueCancelledMails,
  queueReleasedMails,
  queueOfferMail,
  queueOffersExhaustedMail,
  queueOfferWithdrawnMail,
  queueRejectedMail,
  type MailContext,
  type RequestParty,
  type WithdrawCause,
} from './mails.js';
import { assignmentIcsFilename } from './ics.js';
import { agencies, agencyContacts, assignments, CLOSED_REQUEST_STATUSES, mediatorLanguages, mediators, offers, requests, type RequestStatus } from './schema.js';
import type { RequestRow } from './requests-format.js';

export type { RequestRow };
export type OfferRow = typeof offers.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
/** An offer just sent, with the token of its one-time link (only ever in the mail; the database keeps the hash). */
export type SentOffer = OfferRow & { token: string };
/** Who answers an offer: whoever holds the one-time link, or the signed-in mediator in the portal. */
export type OfferResponder = { token: string } | { actor: Actor; regionId: string; offerId: string };

export const REASON_MAX = 1000;
export const DECLINE_REASON_MAX = 500;
/** At most this many offers at once (a request needs one mediator). */
export const MAX_OFFERS_AT_ONCE = 30;
const HOUR_MS = 3_600_000;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const NS = 'sprachpool-requests';

const conflict = (code: string) => new ConflictError(code, `${NS}.error_${code}`);

/** The PostgreSQL error code of a failed statement (also what PGlite reports, possibly wrapped by drizzle). */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e.code === 'string') return e.code;
  return typeof e.cause?.code === 'string' ? e.cause.code : undefined;
}

const isClosed = (status: RequestStatus) => CLOSED_REQUEST_STATUSES.includes(status);

/** A request of the region, its row locked for the rest of the transaction. */
async function lockRequest(tx: Db, regionId: string, requestId: string): Promise<RequestRow> {
  if (!UUID.test(requestId)) throw new NotFoundError('request_not_found');
  const [row] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.regionId, regionId), eq(requests.id, requestId)))
    .for('update');
  if (!row) throw new NotFoundError('request_not_found');
  return row;
}

function assertRevision(row: RequestRow, revision: number): void {
  if (row.revision !== revision) throw new ConflictError('revision_conflict', `${NS}.error_revision_conflict`, row);
}

async function setRequest(tx: Db, row: RequestRow, set: Partial<typeof requests.$inferInsert>, now: Date): Promise<RequestRow> {
  const [updated] = await tx
    .update(requests)
    .set({ ...set, revision: row.revision + 1, updatedAt: now })
    .where(eq(requests.id, row.id))
    .returning();
  if (!updated) throw new NotFoundError('request_not_found');
  return updated;
}

async function audit(tx: Db, actor: Actor | { system: string }, request: RequestRow, verb: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, actor, { regionId: request.regionId, action: `sprachpool.request.${verb}`, entityType: 'sp_request', entityId: request.id, before, after });
}

/** The institution of a request and the contact person who made it (their mails go there). */
export async function loadParty(db: Db, request: RequestRow): Promise<RequestParty> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, request.agencyId));
  if (!agency) throw new NotFoundError('agency_not_found');
  const [contact] = request.contactId ? await db.select().from(agencyContacts).where(eq(agencyContacts.id, request.contactId)) : [];
  return { request, agency, contact: contact ?? null };
}

/** Withdraws the open offers of a request (except `keep`) and tells those mediators. */
async function withdrawOpenOffers(tx: Db, m: MailContext, request: RequestRow, cause: WithdrawCause, now: Date, keep?: string): Promise<OfferRow[]> {
  const withdrawn = await tx
    .update(offers)
    .set({ status: 'withdrawn', respondedAt: now })
    .where(and(eq(offers.requestId, request.id), eq(offers.status, 'open'), ...(keep ? [ne(offers.id, keep)] : [])))
    .returning();
  if (withdrawn.length === 0) return withdrawn;
  const people = await tx.select().from(mediators).where(inArray(mediators.id, withdrawn.map((o) => o.mediatorId)));
  for (const mediator of people) await queueOfferWithdrawnMail(tx, m, { request, mediator, cause });
  return withdrawn;
}

/**
 * When an offered request has no open offer left (all declined or expired), it goes back to `approved` and the
 * coordinators are told to send new offers. Runs inside a transaction that holds the request's lock.
 */
export async function reopenIfNoOpenOffers(tx: Db, m: MailContext, request: RequestRow, actor: Actor | { system: string }, now: Date): Promise<RequestRow> {
  if (request.status !== 'offered') return request;
  const [open] = await tx
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.status, 'open')))
    .limit(1);
  if (open) return request;
  const reopened = await setRequest(tx, request, { status: 'approved' }, now);
  await audit(tx, actor, request, 'reopen', { status: request.status }, { status: 'approved' });
  const { agency } = await loadParty(tx, reopened);
  await queueOffersExhaustedMail(tx, m, { request: reopened, agency });
  return reopened;
}

/**
 * A mediator leaves the pool for now (paused, retired, rejected): their open offers are withdrawn, and a request left
 * without open offers goes back to the coordinators. Runs inside the caller's transaction. Returns how many offers
 * were withdrawn.
 */
export async function withdrawOffersOfMediator(tx: Db, actor: Actor, ctx: PoolContext, input: { mediatorId: string; baseUrl: string; now: Date }): Promise<number> {
  const open = await tx
    .select({ id: offers.id, requestId: offers.requestId })
    .from(offers)
    .where(and(eq(offers.regionId, ctx.region.id), eq(offers.mediatorId, input.mediatorId), eq(offers.status, 'open')));
  const m: MailContext = { ctx, baseUrl: input.baseUrl };
  for (const offer of open) {
    const request = await lockRequest(tx, ctx.region.id, offer.requestId);
    await tx.update(offers).set({ status: 'withdrawn', respondedAt: input.now }).where(eq(offers.id, offer.id));
    await audit(tx, actor, request, 'withdraw_offer', { offerId: offer.id, status: 'open' }, { offerId: offer.id, status: 'withdrawn', cause: 'mediator_unavailable' });
    await reopenIfNoOpenOffers(tx, m, request, actor, input.now);
  }
  return open.length;
}

/** Upcoming active assignments of a mediator (a retired or rejected mediator may hold none). */
export async function countUpcomingAssignments(db: Db, regionId: string, mediatorId: string, now: Date): Promise<number> {
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.regionId, regionId), eq(assignments.mediatorId, mediatorId), eq(assignments.status, 'active'), gt(assignments.endsAt, now)));
  return rows.length;
}

// ---------- coordinator: approve, reject ----------

/** The coordinator approves a new request (requested → approved). */
export async function approveRequest(db: Db, actor: Actor, input: { regionId: string; requestId: string; revision: number; now?: Date }): Promise<RequestRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, input.requestId);
    assertRevision(request, input.revision);
    if (isClosed(request.status)) throw conflict('request_closed');
    if (request.status !== 'requested') throw conflict('request_not_requested');
    const approved = await setRequest(tx, request, { status: 'approved', approvedAt: now }, now);
    await audit(tx, actor, request, 'approve', { status: request.status }, { status: 'approved' });
    return approved;
  });
}

function cleanReason(raw: string | undefined, max: number, required: boolean): string {
  const reason = (raw ?? '').trim();
  if (required && !reason) throw new ValidationError({ reason: { key: 'validation.required' } });
  if (reason.length > max) throw new ValidationError({ reason: { key: 'validation.too_long', params: { max } } });
  return reason;
}

/** The coordinator turns a request down with a reason (before anyone is assigned); the institution is told why. */
export async function rejectRequest(
  db: Db,
  actor: Actor,
  input: { regionId: string; requestId: string; revision: number; reason: string; baseUrl?: string; now?: Date },
): Promise<RequestRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const reason = cleanReason(input.reason, REASON_MAX, true);
  const now = input.now ?? new Date();
  const m: MailContext = { ctx, baseUrl: input.baseUrl ?? '' };
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, input.requestId);
    assertRevision(request, input.revision);
    if (isClosed(request.status)) throw conflict('request_closed');
    if (request.status === 'assigned') throw conflict('request_assigned');
    const withdrawn = await withdrawOpenOffers(tx, m, request, 'cancelled', now);
    const rejected = await setRequest(tx, request, { status: 'rejected', rejectReason: reason }, now);
    await audit(tx, actor, request, 'reject', { status: request.status }, { status: 'rejected', rejectReason: reason, offersWithdrawn: withdrawn.length });
    await queueRejectedMail(tx, m, { ...(await loadParty(tx, rejected)), reason });
    return rejected;
  });
}

// ---------- offers ----------

/** "Mira B., Ali K." for messages about several mediators. */
function namesOf(rows: Pick<MediatorRow, 'firstName' | 'lastName'>[]): string {
  return rows.map((r) => `${r.firstName} ${r.lastName.slice(0, 1)}.`).join(', ');
}

/**
 * Sends offers for a request to mediators the coordinator chose (from the ranking): only active mediators of the
 * region who speak the language, at most one offer per mediator and request (a declined or expired one is not sent
 * again). A request still `requested` is approved first. Each offer expires after the region's `offerExpiryHours`,
 * never after the appointment starts. Returns the offers with their one-time tokens.
 */
export async function sendOffers(db: Db, actor: Actor, input: { regionId: string; requestId: string; mediatorIds: readonly string[]; baseUrl: string; now?: Date }): Promise<SentOffer[]> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const now = input.now ?? new Date();
  const ids = [...new Set(input.mediatorIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw new ValidationError({ mediatorIds: { key: `${NS}.error_choose_mediator` } });
  if (ids.some((id) => !UUID.test(id))) throw new ValidationError({ mediatorIds: { key: 'validation.choose_valid' } });
  if (ids.length > MAX_OFFERS_AT_ONCE) throw new ValidationError({ mediatorIds: { key: `${NS}.error_too_many_offers`, params: { max: MAX_OFFERS_AT_ONCE } } });
  const m: MailContext = { ctx, baseUrl: input.baseUrl };
  try {
    return await db.transaction(async (tx) => {
      let request = await lockRequest(tx, ctx.region.id, input.requestId);
      if (isClosed(request.status)) throw conflict('request_closed');
      if (request.status === 'assigned') throw conflict('request_assigned');
      if (request.startsAt <= now) throw conflict('request_past');

      const chosen = await tx
        .select()
        .from(mediators)
        .where(and(eq(mediators.regionId, ctx.region.id), inArray(mediators.id, ids)));
      const speakers = new Set(
        (
          await tx
            .select({ id: mediatorLanguages.mediatorId })
            .from(mediatorLanguages)
            .where(and(eq(mediatorLanguages.regionId, ctx.region.id), eq(mediatorLanguages.language, request.language), inArray(mediatorLanguages.mediatorId, ids)))
        ).map((r) => r.id),
      );
      const eligible = chosen.filter((x) => x.status === 'active' && speakers.has(x.id));
      if (eligible.length !== ids.length) {
        const ok = new Set(eligible.map((x) => x.id));
        const bad = chosen.filter((x) => !ok.has(x.id));
        throw new ValidationError({ mediatorIds: { key: `${NS}.error_mediator_not_eligible`, params: { names: namesOf(bad) || '–', count: ids.length - eligible.length } } });
      }
      const existing = await tx
        .select({ mediatorId: offers.mediatorId })
        .from(offers)
        .where(and(eq(offers.requestId, request.id), inArray(offers.mediatorId, ids)));
      if (existing.length) {
        const again = new Set(existing.map((o) => o.mediatorId));
        throw new ValidationError({ mediatorIds: { key: `${NS}.error_already_offered`, params: { names: namesOf(eligible.filter((x) => again.has(x.id))), count: again.size } } });
      }

      if (request.status === 'requested') {
        const approved = await setRequest(tx, request, { status: 'approved', approvedAt: now }, now);
        await audit(tx, actor, request, 'approve', { status: request.status }, { status: 'approved' });
        request = approved;
      }
      const expiresAt = new Date(Math.min(now.getTime() + ctx.settings.offerExpiryHours * HOUR_MS, request.startsAt.getTime()));
      const sent: SentOffer[] = [];
      for (const mediator of eligible) {
        const token = newToken();
        const [offer] = await tx
          .insert(offers)
          .values({ regionId: ctx.region.id, requestId: request.id, mediatorId: mediator.id, tokenHash: hashToken(token), expiresAt, sentBy: actor.id, createdAt: now })
          .returning();
        if (!offer) throw new Error('offer insert returned nothing');
        sent.push({ ...offer, token });
        await queueOfferMail(tx, m, { request, mediator, token, expiresAt });
      }
      const offered = request.status === 'offered' ? request : await setRequest(tx, request, { status: 'offered' }, now);
      await audit(tx, actor, request, 'offer', { status: request.status }, { status: offered.status, mediatorIds: eligible.map((x) => x.id), expiresAt });
      return sent;
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw new ValidationError({ mediatorIds: { key: `${NS}.error_already_offered`, params: { names: '–', count: ids.length } } });
    throw err;
  }
}

type ResolvedOffer = { ctx: PoolContext; offer: OfferRow; actor: Actor | { system: string } };

/** The offer behind a one-time link (any region) or one of the signed-in mediator's own offers; else 404. */
async function resolveOffer(db: Db, by: OfferResponder): Promise<ResolvedOffer> {
  if ('token' in by) {
    if (!TOKEN.test(by.token)) throw new NotFoundError('offer_not_found');
    const [offer] = await db.select().from(offers).where(eq(offers.tokenHash, hashToken(by.token)));
    if (!offer) throw new NotFoundError('offer_not_found');
    return { ctx: await openPool(db, null, offer.regionId, null), offer, actor: { system: 'offer_link' } };
  }
  const ctx = await openPool(db, by.actor, by.regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, by.actor, ctx.region.id);
  if (!UUID.test(by.offerId)) throw new NotFoundError('offer_not_found');
  const [offer] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.regionId, ctx.region.id), eq(offers.id, by.offerId), eq(offers.mediatorId, mediator.id)));
  if (!offer) throw new NotFoundError('offer_not_found');
  return { ctx, offer, actor: by.actor };
}

/**
 * Why an offer cannot be answered now (a ConflictError with a catalog message), checked with the request locked:
 * already accepted, declined, taken by someone else, withdrawn, expired, or the request is no longer offered.
 */
export function offerProblem(offer: Pick<OfferRow, 'status' | 'expiresAt'>, request: Pick<RequestRow, 'status' | 'startsAt'>, now: Date): string | undefined {
  if (offer.status === 'accepted') return 'offer_already_accepted';
  if (offer.status === 'declined') return 'offer_declined';
  const taken = request.status === 'assigned' || request.status === 'done' || request.status === 'no_show';
  if (offer.status === 'withdrawn') return taken ? 'offer_taken' : 'offer_withdrawn';
  if (offer.status === 'expired' || offer.expiresAt <= now || request.startsAt <= now) return 'offer_expired';
  if (taken) return 'offer_taken';
  if (request.status !== 'offered') return 'offer_withdrawn';
  return undefined;
}

/**
 * A mediator accepts an offer: in one transaction with the request locked, the assignment is made (the exclusion
 * constraint refuses an overlapping one: `assignment_overlap`, nothing changes), the offer is accepted, the other
 * open offers are withdrawn (their mediators are told), the request is `assigned`, and the confirmations go out.
 */
export async function acceptOffer(db: Db, by: OfferResponder, input: { baseUrl: string; now?: Date }): Promise<{ assignment: AssignmentRow; request: RequestRow; offer: OfferRow }> {
  const now = input.now ?? new Date();
  const { ctx, offer: found, actor } = await resolveOffer(db, by);
  const m: MailContext = { ctx, baseUrl: input.baseUrl };
  try {
    return await db.transaction(async (tx) => {
      const request = await lockRequest(tx, ctx.region.id, found.requestId);
      const [offer] = await tx.select().from(offers).where(eq(offers.id, found.id)).for('update');
      if (!offer) throw new NotFoundError('offer_not_found');
      const problem = offerProblem(offer, request, now);
      if (problem) throw conflict(problem);
      const [mediator] = await tx.select().from(mediators).where(eq(mediators.id, offer.mediatorId));
      if (!mediator || mediator.status !== 'active') throw conflict('mediator_not_active');

      const [assignment] = await tx
        .insert(assignments)
        .values({ regionId: ctx.region.id, requestId: request.id, mediatorId: mediator.id, offerId: offer.id, startsAt: request.startsAt, endsAt: request.endsAt, createdAt: now, updatedAt: now })
        .returning();
      if (!assignment) throw new Error('assignment insert returned nothing');
      const [accepted] = await tx.update(offers).set({ status: 'accepted', respondedAt: now }).where(eq(offers.id, offer.id)).returning();
      const withdrawn = await withdrawOpenOffers(tx, m, request, 'taken', now, offer.id);
      const assigned = await setRequest(tx, request, { status: 'assigned', assignedAt: now }, now);
      await audit(tx, actor, request, 'assign', { status: request.status }, { status: 'assigned', mediatorId: mediator.id, offerId: offer.id, offersWithdrawn: withdrawn.length });
      await queueAssignedMails(tx, m, { ...(await loadParty(tx, assigned)), mediator, assignment, now });
      return { assignment, request: assigned, offer: accepted ?? offer };
    });
  } catch (err) {
    const code = pgCode(err);
    if (code === '23P01') throw conflict('assignment_overlap');
    if (code === '23505') throw conflict('offer_taken');
    throw err;
  }
}

/** A mediator declines an offer (with an optional reason). The last open offer declined sends the request back to the coordinators. */
export async function declineOffer(db: Db, by: OfferResponder, input: { reason?: string; baseUrl?: string; now?: Date }): Promise<{ offer: OfferRow; request: RequestRow }> {
  const now = input.now ?? new Date();
  const reason = cleanReason(input.reason, DECLINE_REASON_MAX, false);
  const { ctx, offer: found, actor } = await resolveOffer(db, by);
  const m: MailContext = { ctx, baseUrl: input.baseUrl ?? '' };
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, found.requestId);
    const [offer] = await tx.select().from(offers).where(eq(offers.id, found.id)).for('update');
    if (!offer) throw new NotFoundError('offer_not_found');
    const problem = offerProblem(offer, request, now);
    if (problem) throw conflict(problem);
    const [declined] = await tx
      .update(offers)
      .set({ status: 'declined', declineReason: reason || null, respondedAt: now })
      .where(eq(offers.id, offer.id))
      .returning();
    await audit(tx, actor, request, 'decline', {}, { mediatorId: offer.mediatorId, offerId: offer.id, declineReason: reason || null });
    const after = await reopenIfNoOpenOffers(tx, m, request, actor, now);
    return { offer: declined ?? offer, request: after };
  });
}

// ---------- cancel, no-show ----------

/**
 * Cancels a request before it is done: by the institution (its own requests, before the start; inside the region's
 * free-cancellation hours it is a late cancellation) or by a coordinator (with a reason). The assignment is
 * cancelled (the mediator gets a METHOD:CANCEL .ics), open offers are withdrawn, the institution gets a confirmation.
 */
export async function cancelRequest(
  db: Db,
  actor: Actor,
  input: { regionId: string; requestId: string; by: 'agency' | 'coordinator'; reason: string; revision: number; baseUrl: string; now?: Date },
): Promise<{ late: boolean; request: RequestRow }> {
  const ctx = await openPool(db, actor, input.regionId, input.by === 'agency' ? 'pool.request' : 'pool.manage');
  const agencyId = input.by === 'agency' ? (await findAgencyContactForActor(db, actor, ctx.region.id)).agency.id : undefined;
  const reason = cleanReason(input.reason, REASON_MAX, input.by === 'coordinator');
  const now = input.now ?? new Date();
  const m: MailContext = { ctx, baseUrl: input.baseUrl };
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, input.requestId);
    if (agencyId && request.agencyId !== agencyId) throw new NotFoundError('request_not_found');
    assertRevision(request, input.revision);
    if (isClosed(request.status)) throw conflict('request_closed');
    const started = request.startsAt <= now;
    if (started && (input.by === 'agency' || request.status === 'assigned')) throw conflict('request_started');
    const late = input.by === 'agency' && request.startsAt.getTime() - now.getTime() < ctx.settings.freeCancellationHours * HOUR_MS;

    const [assignment] = await tx
      .update(assignments)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(and(eq(assignments.requestId, request.id), eq(assignments.status, 'active')))
      .returning();
    const withdrawn = await withdrawOpenOffers(tx, m, request, 'cancelled', now);
    const cancelled = await setRequest(tx, request, { status: 'cancelled', cancelledBy: input.by, cancelReason: reason || null, cancelledAt: now, lateCancellation: late }, now);
    await audit(
      tx,
      actor,
      request,
      'cancel',
      { status: request.status },
      { status: 'cancelled', cancelledBy: input.by, cancelReason: reason || null, lateCancellation: late, assignmentId: assignment?.id ?? null, offersWithdrawn: withdrawn.length },
    );
    const [mediator] = assignment ? await tx.select().from(mediators).where(eq(mediators.id, assignment.mediatorId)) : [];
    await queueCancelledMails(tx, m, { ...(await loadParty(tx, cancelled)), mediator: mediator ?? null, assignment: assignment ?? null, by: input.by, late, reason, now });
    return { late, request: cancelled };
  });
}

/** After the start, the coordinator records that the appointment did not take place (assignment and request `no_show`). */
/**
 * The coordinator takes an assignment back from its mediator before the appointment (illness, a conflict of interest):
 * the assignment is cancelled, the mediator gets a cancellation with the calendar entry, the institution is told that a
 * new mediator is being found, and the request goes back to `approved` for new offers.
 */
export async function releaseAssignment(
  db: Db,
  actor: Actor,
  input: { regionId: string; requestId: string; reason: string; revision: number; baseUrl: string; now?: Date },
): Promise<RequestRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const reason = cleanReason(input.reason, REASON_MAX, true);
  const now = input.now ?? new Date();
  const m: MailContext = { ctx, baseUrl: input.baseUrl };
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, input.requestId);
    assertRevision(request, input.revision);
    if (request.status !== 'assigned') throw conflict('request_not_assigned');
    if (request.startsAt <= now) throw conflict('request_started');
    const [assignment] = await tx
      .update(assignments)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(and(eq(assignments.requestId, request.id), eq(assignments.status, 'active')))
      .returning();
    if (!assignment) throw conflict('request_not_assigned');
    const released = await setRequest(tx, request, { status: 'approved', assignedAt: null }, now);
    await audit(tx, actor, request, 'release', { status: request.status, assignmentId: assignment.id }, { status: 'approved', releaseReason: reason });
    const [mediator] = await tx.select().from(mediators).where(eq(mediators.id, assignment.mediatorId));
    await queueReleasedMails(tx, m, { ...(await loadParty(tx, released)), mediator: mediator ?? null, assignment, reason, now });
    return released;
  });
}

export async function markNoShow(db: Db, actor: Actor, input: { regionId: string; assignmentId: string; revision?: number; now?: Date }): Promise<RequestRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const now = input.now ?? new Date();
  if (!UUID.test(input.assignmentId)) throw new NotFoundError('assignment_not_found');
  const [found] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.regionId, ctx.region.id), eq(assignments.id, input.assignmentId)));
  if (!found) throw new NotFoundError('assignment_not_found');
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.region.id, found.requestId);
    if (input.revision !== undefined) assertRevision(request, input.revision);
    const [assignment] = await tx.select().from(assignments).where(eq(assignments.id, found.id)).for('update');
    if (!assignment || assignment.status !== 'active' || request.status !== 'assigned') throw conflict(isClosed(request.status) ? 'request_closed' : 'assignment_not_active');
    if (assignment.startsAt > now) throw conflict('request_not_started');
    await tx.update(assignments).set({ status: 'no_show', updatedAt: now }).where(eq(assignments.id, assignment.id));
    const updated = await setRequest(tx, request, { status: 'no_show' }, now);
    await audit(tx, actor, request, 'no_show', { status: request.status }, { status: 'no_show', assignmentId: assignment.id });
    return updated;
  });
}

// ---------- calendar ----------

/**
 * The .ics of one of the signed-in mediator's assignments (METHOD:REQUEST, or CANCEL once cancelled), with the same
 * UID as the mails' attachments, so importing it again updates the same calendar entry.
 */
export async function assignmentIcs(db: Db, actor: Actor, input: { regionId: string; assignmentId: string; baseUrl: string; now?: Date }): Promise<{ filename: string; body: string }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, actor, ctx.region.id);
  if (!UUID.test(input.assignmentId)) throw new NotFoundError('assignment_not_found');
  const [row] = await db
    .select({ assignment: assignments, request: requests, agency: agencies })
    .from(assignments)
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .where(and(eq(assignments.regionId, ctx.region.id), eq(assignments.id, input.assignmentId), eq(assignments.mediatorId, mediator.id)));
  if (!row) throw new NotFoundError('assignment_not_found');
  const method = row.assignment.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const body = buildAssignmentIcs({ ctx, baseUrl: input.baseUrl }, { request: row.request, agency: row.agency, mediator, assignment: row.assignment, method, ...(input.now ? { now: input.now } : {}) });
  return { filename: assignmentIcsFilename(row.request.startLocal), body };
}
