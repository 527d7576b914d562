/**
 * Registration for an occurrence: confirmed while places are free, otherwise on the waitlist; a cancellation
 * promotes waiting parties that now fit, in the order they registered. Check-in by organisers.
 *
 * No occurrence is ever over-filled: every change of an occurrence's counts runs in a transaction that first locks
 * the occurrence row (`SELECT … FOR UPDATE`), so concurrent registrations queue on that row; the CHECK constraint
 * `ev_occurrences_not_overfilled` refuses an over-full row even if this code were wrong. Duplicates (same e-mail or
 * phone on the same date) are refused by a partial unique index as well as by the check here.
 *
 * Mails (confirmation with .ics and cancel link, waitlist notice, promotion) are queued in the same transaction
 * (outbox), so a registration and its mail commit together.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { fieldErrorsOf, registrationInputSchema, type RegistrationInput } from './model.js';
import { events, occurrences, registrations, type RegistrationStatus } from './schema.js';
import { findOccurrenceOrThrow, loadEventRegion, type EventRow, type OccurrenceRow } from './service.js';
import { queueRegistrationMail } from './mails.js';

export type RegistrationRow = typeof registrations.$inferSelect;

export type RegisterResult = {
  registration: RegistrationRow;
  /** The cancel link's token (only ever in the mail and on the confirmation page). */
  token: string;
  status: RegistrationStatus;
  event: EventRow;
  occurrence: OccurrenceRow;
};

/** Postgres unique violation (also what PGlite reports). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** Loads an occurrence and its event with the occurrence row locked for the rest of the transaction. */
async function lockOccurrence(tx: Db, regionId: string, occurrenceId: string): Promise<{ occurrence: OccurrenceRow; event: EventRow }> {
  await findOccurrenceOrThrow(tx, regionId, occurrenceId);
  const [occurrence] = await tx.select().from(occurrences).where(eq(occurrences.id, occurrenceId)).for('update');
  if (!occurrence) throw new NotFoundError('occurrence_not_found');
  const [event] = await tx.select().from(events).where(eq(events.id, occurrence.eventId));
  if (!event) throw new NotFoundError('event_not_found');
  return { occurrence, event };
}

/** Why nobody may register for this occurrence now, or undefined when registration is open. */
export function registrationClosedReason(event: Pick<EventRow, 'status' | 'registrationRequired'>, occurrence: Pick<OccurrenceRow, 'status' | 'startsAt' | 'attendeesPurgedAt'>, now = new Date()): string | undefined {
  if (!event.registrationRequired) return 'registration_not_offered';
  if (event.status === 'cancelled' || occurrence.status === 'cancelled') return 'occurrence_cancelled';
  if (event.status !== 'published') return 'registration_not_offered';
  if (occurrence.startsAt <= now) return 'occurrence_past';
  return undefined;
}

/** The occurrence row as it is now (inside the transaction that holds its lock). */
async function reloadOccurrence(tx: Db, occurrence: OccurrenceRow): Promise<OccurrenceRow> {
  const [row] = await tx.select().from(occurrences).where(eq(occurrences.id, occurrence.id));
  return row ?? occurrence;
}

/** Registers a party for an occurrence: confirmed when it fits in the free places, else on the waitlist. */
export async function register(
  db: Db,
  input: { regionId: string; occurrenceId: string; form: RegistrationInput; baseUrl: string; requestId?: string | null; now?: Date },
): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  const parsed = registrationInputSchema.safeParse(input.form);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const form = parsed.data;
  const token = newToken();
  try {
    return await db.transaction(async (tx) => {
      const { occurrence, event } = await lockOccurrence(tx, input.regionId, input.occurrenceId);
      const closed = registrationClosedReason(event, occurrence, now);
      if (closed) throw new AppError(409, closed, `events.error_${closed}`);
      if (form.partySize > event.maxPartySize) throw new ValidationError({ partySize: { key: 'events.error_party_too_big', params: { max: event.maxPartySize } } });
      const contact = [form.email ? eq(registrations.email, form.email) : undefined, form.phone ? eq(registrations.phone, form.phone) : undefined].filter((c) => c !== undefined);
      const [dup] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.occurrenceId, occurrence.id), inArray(registrations.status, ['confirmed', 'waitlisted']), sql`(${sql.join(contact, sql` OR `)})`));
      if (dup) throw new ConflictError('registration_duplicate', 'events.error_registration_duplicate');
      // Free places go to the waiting parties first (places freed without a cancellation: a raised capacity); after
      // that, no waiting party fits, and a newcomer who fits may have a place, as promotion lets small parties pass.
      const current = (await promoteWaitlist(tx, occurrence, event, input.baseUrl, now)).length > 0 ? await reloadOccurrence(tx, occurrence) : occurrence;
      const fits = current.capacity === null || current.confirmed + form.partySize <= current.capacity;
      const status: RegistrationStatus = fits ? 'confirmed' : 'waitlisted';
      const [registration] = await tx
        .insert(registrations)
        .values({
          regionId: input.regionId,
          occurrenceId: occurrence.id,
          name: form.name,
          email: form.email,
          phone: form.phone,
          language: form.language,
          partySize: form.partySize,
          accessibilityNeeds: form.accessibilityNeeds,
          status,
          cancelTokenHash: hashToken(token),
          createdAt: now,
        })
        .returning();
      if (!registration) throw new Error('registration insert returned nothing');
      const [updated] = await tx
        .update(occurrences)
        .set(fits ? { confirmed: sql`${occurrences.confirmed} + ${form.partySize}` } : { waitlisted: sql`${occurrences.waitlisted} + ${form.partySize}` })
        .where(eq(occurrences.id, occurrence.id))
        .returning();
      await queueRegistrationMail(tx, { kind: status === 'confirmed' ? 'confirmed' : 'waitlisted', registration, event, occurrence: updated ?? current, token, baseUrl: input.baseUrl });
      return { registration, token, status, event, occurrence: updated ?? current };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('registration_duplicate', 'events.error_registration_duplicate');
    throw err;
  }
}

/**
 * Moves waiting parties that now fit to confirmed, first come first served (a party too big for the free places
 * does not block smaller ones behind it). Runs inside a transaction that holds the occurrence lock.
 */
async function promoteWaitlist(tx: Db, occurrence: OccurrenceRow, event: EventRow, baseUrl: string, now: Date): Promise<RegistrationRow[]> {
  if (occurrence.waitlisted === 0 || (occurrence.capacity !== null && occurrence.confirmed >= occurrence.capacity)) return [];
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrence.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  let free = occurrence.capacity === null ? Number.POSITIVE_INFINITY : occurrence.capacity - occurrence.confirmed;
  const promoted: RegistrationRow[] = [];
  for (const r of waiting) {
    if (r.partySize > free) continue;
    free -= r.partySize;
    const [row] = await tx.update(registrations).set({ status: 'confirmed', promotedAt: now }).where(eq(registrations.id, r.id)).returning();
    if (row) promoted.push(row);
  }
  if (promoted.length === 0) return [];
  const people = promoted.reduce((s, r) => s + r.partySize, 0);
  const [updated] = await tx
    .update(occurrences)
    .set({ confirmed: sql`${occurrences.confirmed} + ${people}`, waitlisted: sql`${occurrences.waitlisted} - ${people}` })
    .where(eq(occurrences.id, occurrence.id))
    .returning();
  for (const registration of promoted) await queueRegistrationMail(tx, { kind: 'promoted', registration, event, occurrence: updated ?? occurrence, baseUrl });
  return promoted;
}

/** Cancels one registration inside a transaction holding the occurrence lock, and promotes the waitlist. */
async function cancelLocked(tx: Db, r: RegistrationRow, occurrence: OccurrenceRow, event: EventRow, baseUrl: string, now: Date): Promise<RegistrationRow[]> {
  await tx.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, r.id));
  const [updated] = await tx
    .update(occurrences)
    .set(r.status === 'confirmed' ? { confirmed: sql`${occurrences.confirmed} - ${r.partySize}`, checkedIn: r.checkedInAt ? sql`${occurrences.checkedIn} - 1` : occurrences.checkedIn } : { waitlisted: sql`${occurrences.waitlisted} - ${r.partySize}` })
    .where(eq(occurrences.id, occurrence.id))
    .returning();
  return promoteWaitlist(tx, updated ?? occurrence, event, baseUrl, now);
}

/**
 * Gives places that became free without a cancellation (the capacity was raised or removed) to the waiting parties
 * of an event's dates still to come, with their promotion mails; call it after saveEvent. Returns how many moved up.
 */
export async function promoteWaitingParties(db: Db, input: { regionId: string; eventId: string; baseUrl: string; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  const due = await db
    .select({ id: occurrences.id })
    .from(occurrences)
    .where(
      and(
        eq(occurrences.regionId, input.regionId),
        eq(occurrences.eventId, input.eventId),
        eq(occurrences.status, 'scheduled'),
        gt(occurrences.startsAt, now),
        gt(occurrences.waitlisted, 0),
        sql`(${occurrences.capacity} IS NULL OR ${occurrences.confirmed} < ${occurrences.capacity})`,
      ),
    );
  let moved = 0;
  for (const { id } of due) {
    moved += await db.transaction(async (tx) => {
      const { occurrence, event } = await lockOccurrence(tx, input.regionId, id);
      if (event.status === 'cancelled' || occurrence.status === 'cancelled') return 0;
      return (await promoteWaitlist(tx, occurrence, event, input.baseUrl, now)).length;
    });
  }
  return moved;
}

export type CancelResult = { registration: RegistrationRow; event: EventRow; occurrence: OccurrenceRow; promoted: RegistrationRow[]; alreadyCancelled: boolean };

/** Finds a registration by its cancel link's token (for the confirmation page), or undefined. */
export async function findRegistrationByToken(db: Db, token: string): Promise<{ registration: RegistrationRow; event: EventRow; occurrence: OccurrenceRow } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ registration: registrations, occurrence: occurrences, event: events })
    .from(registrations)
    .innerJoin(occurrences, eq(occurrences.id, registrations.occurrenceId))
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .where(eq(registrations.cancelTokenHash, hashToken(token)));
  return row;
}

/** The registrant cancels with the link from their mail. Cancelling twice is harmless. */
export async function cancelByToken(db: Db, input: { token: string; baseUrl: string; now?: Date }): Promise<CancelResult> {
  const now = input.now ?? new Date();
  const found = await findRegistrationByToken(db, input.token);
  if (!found) throw new NotFoundError('registration_not_found');
  return db.transaction(async (tx) => {
    const { occurrence, event } = await lockOccurrence(tx, found.registration.regionId, found.occurrence.id);
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.registration.id));
    if (!r) throw new NotFoundError('registration_not_found');
    if (r.status === 'cancelled') return { registration: r, event, occurrence, promoted: [], alreadyCancelled: true };
    if (occurrence.startsAt <= now) throw new AppError(409, 'occurrence_past', 'events.error_occurrence_past');
    const promoted = await cancelLocked(tx, r, occurrence, event, input.baseUrl, now);
    await recordAudit(tx, { system: 'registrant' }, { regionId: r.regionId, action: 'event.registration_cancel', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled', promoted: promoted.length } });
    return { registration: { ...r, status: 'cancelled', cancelledAt: now }, event, occurrence, promoted, alreadyCancelled: false };
  });
}

/** An organiser cancels a registration (the person called to say they cannot come). */
export async function cancelByStaff(db: Db, actor: Actor, input: { regionId: string; registrationId: string; baseUrl: string; requestId?: string | null; now?: Date }): Promise<CancelResult> {
  await loadEventRegion(db, actor, input.regionId);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [r0] = await tx.select().from(registrations).where(and(eq(registrations.regionId, input.regionId), eq(registrations.id, input.registrationId)));
    if (!r0) throw new NotFoundError('registration_not_found');
    const { occurrence, event } = await lockOccurrence(tx, input.regionId, r0.occurrenceId);
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, r0.id));
    if (!r) throw new NotFoundError('registration_not_found');
    if (r.status === 'cancelled') return { registration: r, event, occurrence, promoted: [], alreadyCancelled: true };
    const promoted = await cancelLocked(tx, r, occurrence, event, input.baseUrl, now);
    await recordAudit(tx, actor, { regionId: r.regionId, action: 'event.registration_cancel', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled', promoted: promoted.length }, requestId: input.requestId ?? null });
    return { registration: { ...r, status: 'cancelled', cancelledAt: now }, event, occurrence, promoted, alreadyCancelled: false };
  });
}

/** Marks a confirmed registration as present (or not) at the door. */
export async function setCheckIn(db: Db, actor: Actor, input: { regionId: string; registrationId: string; present: boolean; requestId?: string | null; now?: Date }): Promise<RegistrationRow> {
  await loadEventRegion(db, actor, input.regionId);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [r0] = await tx.select().from(registrations).where(and(eq(registrations.regionId, input.regionId), eq(registrations.id, input.registrationId)));
    if (!r0) throw new NotFoundError('registration_not_found');
    await lockOccurrence(tx, input.regionId, r0.occurrenceId);
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, r0.id));
    if (!r) throw new NotFoundError('registration_not_found');
    if (r.status !== 'confirmed') throw new AppError(409, 'registration_not_confirmed', 'events.error_registration_not_confirmed');
    if (Boolean(r.checkedInAt) === input.present) return r;
    const [row] = await tx.update(registrations).set({ checkedInAt: input.present ? now : null }).where(eq(registrations.id, r.id)).returning();
    await tx
      .update(occurrences)
      .set({ checkedIn: sql`${occurrences.checkedIn} + ${input.present ? 1 : -1}` })
      .where(eq(occurrences.id, r.occurrenceId));
    await recordAudit(tx, actor, { regionId: r.regionId, action: input.present ? 'event.check_in' : 'event.check_in_undo', entityType: 'event_registration', entityId: r.id, requestId: input.requestId ?? null });
    if (!row) throw new NotFoundError('registration_not_found');
    return row;
  });
}

/** Registrations of an occurrence in the order they came (waitlist order), for the organiser's list and CSV. */
export async function listRegistrations(db: Db, actor: Actor, input: { regionId: string; occurrenceId: string }): Promise<{ occurrence: OccurrenceRow; registrations: RegistrationRow[] }> {
  await loadEventRegion(db, actor, input.regionId);
  const occurrence = await findOccurrenceOrThrow(db, input.regionId, input.occurrenceId);
  const rows = await db.select().from(registrations).where(eq(registrations.occurrenceId, occurrence.id)).orderBy(asc(registrations.createdAt), asc(registrations.id));
  return { occurrence, registrations: rows };
}

/**
 * Deletes the personal data of registrations for occurrences that ended more than `days` ago (the region setting),
 * keeping the counts on the occurrence. Returns how many registrations were deleted.
 */
export async function purgeAttendeeData(db: Db, input: { regionId: string; days: number; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  const cutoff = new Date(now.getTime() - input.days * 86_400_000);
  return db.transaction(async (tx) => {
    // Occurrence rows first, as every other registration write does (deleting registrations first could deadlock
    // with an organiser cancelling one of them at the same moment).
    const due = await tx
      .select({ id: occurrences.id })
      .from(occurrences)
      .where(and(eq(occurrences.regionId, input.regionId), sql`${occurrences.endsAt} < ${cutoff}`, sql`${occurrences.attendeesPurgedAt} IS NULL`))
      .orderBy(asc(occurrences.id))
      .for('update');
    if (due.length === 0) return 0;
    const ids = due.map((d) => d.id);
    const deleted = await tx.delete(registrations).where(inArray(registrations.occurrenceId, ids)).returning({ id: registrations.id });
    await tx.update(occurrences).set({ attendeesPurgedAt: now }).where(inArray(occurrences.id, ids));
    await recordAudit(tx, { system: 'retention' }, { regionId: input.regionId, action: 'event.attendees_purged', entityType: 'region', entityId: input.regionId, after: { occurrences: ids.length, registrations: deleted.length } });
    return deleted.length;
  });
}
