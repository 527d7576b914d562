/**
 * The event write path: validation, recurrence, revisions, occurrences, status. Every write runs in one transaction
 * and lands in the audit log; admin routes, the iCal import and the demo seed all come through here.
 *
 * Occurrences are re-derived on every save by recurrence id. An occurrence that drops out of the series (a new
 * rule, an EXDATE) is deleted when nobody registered, and otherwise kept as *cancelled* so registrants are told and
 * the date stays visible as cancelled. Lowering the capacity below the people already confirmed on some date is
 * refused with the date named.
 */
import { SYSTEM_CANCEL_REASONS } from './cancel-reasons.js';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';
import { eventInputSchema, fieldErrorsOf, type EventInput, type ParsedEventInput } from './model.js';
import { buildRrule, expandSchedule, parseRrule, type Expansion, type Schedule } from './recurrence.js';
import { events, HORIZON_DAYS, MAX_OCCURRENCES, occurrences, registrations, type EventStatus } from './schema.js';

export type EventRow = typeof events.$inferSelect;
export type OccurrenceRow = typeof occurrences.$inferSelect;

/** Who runs a service call: a person (permission-checked) or the system (import, seed, jobs). */
export type EventActor = Actor | { system: string };

const isPerson = (a: EventActor): a is Actor => 'id' in a;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The region with its path, checked for `event.edit` when a person acts. */
export async function loadEventRegion(db: Db, actor: EventActor | null, regionId: string, action: 'event.edit' | 'event.settings' = 'event.edit'): Promise<{ region: RegionRow; path: string[] }> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  if (!actor || isPerson(actor)) assertCan(actor, action, found.path);
  return found;
}

/** An event of the region, or 404. */
export async function findEventOrThrow(db: Db, regionId: string, id: string): Promise<EventRow> {
  if (!UUID.test(id)) throw new NotFoundError('event_not_found');
  const [row] = await db.select().from(events).where(and(eq(events.regionId, regionId), eq(events.id, id)));
  if (!row) throw new NotFoundError('event_not_found');
  return row;
}

/** An occurrence of an event of the region, or 404. */
export async function findOccurrenceOrThrow(db: Db, regionId: string, occurrenceId: string): Promise<OccurrenceRow> {
  if (!UUID.test(occurrenceId)) throw new NotFoundError('occurrence_not_found');
  const [row] = await db.select().from(occurrences).where(and(eq(occurrences.regionId, regionId), eq(occurrences.id, occurrenceId)));
  if (!row) throw new NotFoundError('occurrence_not_found');
  return row;
}

export type SaveEventInput = {
  regionId: string;
  /** Absent: create. */
  id?: string | undefined;
  /** The revision the editor started from (required when updating). */
  revision?: number | undefined;
  input: EventInput;
  /** A typo fix: translations stay up to date. */
  minorChange?: boolean | undefined;
  /** Imported events: where they came from. */
  source?: { feedId: string; uid: string; url?: string | null } | undefined;
  requestId?: string | null | undefined;
  now?: Date | undefined;
};

export type SaveEventResult = {
  event: EventRow;
  created: boolean;
  /** Occurrences that dropped out of the series but had registrations: now cancelled (registrants to be told). */
  cancelledOccurrences: OccurrenceRow[];
  expansion: Pick<Expansion, 'continues'> & { count: number };
};

/** The stored schedule of a parsed input (RRULE from the form, or as given). */
function scheduleOf(v: ParsedEventInput, timeZone: string, errors: FieldErrors): Schedule {
  const startLocal = v.allDay ? `${v.startLocal.slice(0, 10)}T00:00` : v.startLocal;
  let endLocal = v.allDay ? `${v.endLocal.slice(0, 10)}T00:00` : v.endLocal;
  // All-day: the form names the last day; the schedule's end is the morning after (DTEND of a DATE is exclusive).
  if (v.allDay) endLocal = new Date(Date.parse(`${endLocal}:00Z`) + 86_400_000).toISOString().slice(0, 16);
  let rrule = v.rrule;
  if (rrule) {
    if (!parseRrule(rrule)) errors['recurrence.freq'] = { key: 'events.error_rrule' };
  } else rrule = buildRrule(v.recurrence, { startLocal, timeZone, allDay: v.allDay });
  return { startLocal, endLocal, timeZone, allDay: v.allDay, rrule, exdates: v.exdates, rdates: v.rdates };
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses and checks an event input; throws ValidationError with every field's message. */
export function parseEventInput(input: EventInput, region: Pick<RegionRow, 'timezone'>, now = new Date()): { values: ParsedEventInput; schedule: Schedule; expansion: Expansion } {
  const parsed = eventInputSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!parsed.success) throw new ValidationError(errors);
  const values = parsed.data;
  const timeZone = values.timeZone ?? region.timezone;
  if (!validTimeZone(timeZone)) errors.timeZone = { key: 'validation.timezone' };
  const schedule = scheduleOf(values, timeZone, errors);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const expansion = expandSchedule(schedule, { now });
  if (expansion.tooMany) errors['recurrence.freq'] = { key: 'events.error_too_many', params: { max: MAX_OCCURRENCES } };
  else if (expansion.occurrences.length === 0) errors['recurrence.freq'] = { key: 'events.error_no_dates' };
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { values, schedule, expansion };
}

function auditable(e: EventRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, materialisedUntil: _m, ...rest } = e;
  return rest;
}

/** Creates or updates an event and re-derives its occurrences. */
export async function saveEvent(db: Db, actor: EventActor, input: SaveEventInput): Promise<SaveEventResult> {
  const now = input.now ?? new Date();
  const { region } = await loadEventRegion(db, actor, input.regionId);
  const { values, schedule, expansion } = parseEventInput(input.input, region, now);
  const descriptionHtml = sanitizeRichText(values.descriptionHtml);
  const columns = {
    category: values.category,
    title: values.title,
    descriptionHtml,
    startLocal: schedule.startLocal,
    endLocal: schedule.endLocal,
    timeZone: schedule.timeZone,
    allDay: schedule.allDay,
    rrule: schedule.rrule,
    exdates: [...schedule.exdates],
    rdates: [...schedule.rdates],
    locationId: values.locationId,
    placeName: values.placeName,
    street: values.street,
    postalCode: values.postalCode,
    city: values.city,
    onlineUrl: values.onlineUrl,
    organizerName: values.organizerName,
    organizerOrganizationId: values.organizerOrganizationId,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    languages: values.languages,
    mediationAvailable: values.mediationAvailable,
    accessibility: values.accessibility,
    price: values.price === null ? null : values.price.toFixed(2),
    costNote: values.costNote,
    imageId: values.imageId,
    registrationRequired: values.registrationRequired,
    capacity: values.registrationRequired ? values.capacity : null,
    maxPartySize: values.maxPartySize,
  };
  const materialisedUntil = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);

  return db.transaction(async (tx) => {
    let before: EventRow | undefined;
    let event: EventRow;
    if (input.id) {
      before = await findEventOrThrow(tx, input.regionId, input.id);
      if (input.revision !== undefined && input.revision !== before.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', before);
      const textChanged = before.title !== columns.title || before.descriptionHtml !== columns.descriptionHtml;
      const [row] = await tx
        .update(events)
        .set({
          ...columns,
          ...(values.status ? { status: values.status } : {}),
          revision: before.revision + 1,
          majorRevision: textChanged && !input.minorChange ? before.revision + 1 : before.majorRevision,
          materialisedUntil,
          updatedAt: now,
        })
        .where(and(eq(events.id, before.id), eq(events.revision, before.revision)))
        .returning();
      if (!row) throw new ConflictError('revision_conflict', 'errors.revision_conflict', before);
      event = row;
    } else {
      const [row] = await tx
        .insert(events)
        .values({
          ...columns,
          regionId: input.regionId,
          status: values.status ?? 'draft',
          publishedAt: values.status === 'published' ? now : null,
          createdBy: isPerson(actor) ? actor.id : null,
          feedId: input.source?.feedId ?? null,
          sourceUid: input.source?.uid ?? null,
          sourceUrl: input.source?.url ?? null,
          materialisedUntil,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('event insert returned nothing');
      event = row;
    }
    const cancelledOccurrences = await syncOccurrences(tx, event, expansion, now);
    await recordAudit(tx, actor, {
      regionId: input.regionId,
      action: before ? 'event.update' : 'event.create',
      entityType: 'event',
      entityId: event.id,
      before: before ? auditable(before) : null,
      after: auditable(event),
      requestId: input.requestId ?? null,
    });
    return { event, created: !before, cancelledOccurrences, expansion: { continues: expansion.continues, count: expansion.occurrences.length } };
  });
}

/**
 * Makes the stored occurrences match an expansion: new dates inserted, kept dates moved to their (possibly new)
 * times and capacity, dropped dates deleted or — with registrations — cancelled. Dates in the past that the
 * expansion no longer covers are left alone (history is not rewritten by a rule change).
 */
async function syncOccurrences(tx: Db, event: EventRow, expansion: Expansion, now: Date): Promise<OccurrenceRow[]> {
  const existing = await tx.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt));
  const byId = new Map(existing.map((o) => [o.recurrenceId, o]));
  const wanted = new Set(expansion.occurrences.map((o) => o.recurrenceId));

  const tooSmall = existing.filter((o) => wanted.has(o.recurrenceId) && event.capacity !== null && o.confirmed > event.capacity);
  if (tooSmall.length > 0) {
    const worst = tooSmall.reduce((a, b) => (b.confirmed > a.confirmed ? b : a));
    throw new ValidationError({ capacity: { key: 'events.error_capacity_below_registrations', params: { count: worst.confirmed, date: worst.recurrenceId.replace('T', ' ') } } });
  }
  if (!event.registrationRequired && existing.some((o) => o.confirmed + o.waitlisted > 0 && o.startsAt > now)) {
    throw new ValidationError({ registrationRequired: { key: 'events.error_registrations_exist' } });
  }

  const inserts = expansion.occurrences.filter((o) => !byId.has(o.recurrenceId));
  if (inserts.length > 0) {
    await tx.insert(occurrences).values(
      inserts.map((o) => ({ regionId: event.regionId, eventId: event.id, recurrenceId: o.recurrenceId, startsAt: o.startsAt, endsAt: o.endsAt, capacity: event.capacity })),
    );
  }
  for (const o of expansion.occurrences) {
    const old = byId.get(o.recurrenceId);
    if (!old) continue;
    const restore = old.status === 'cancelled' && old.cancelReason === SYSTEM_CANCEL_REASONS.removedFromSeries;
    if (old.startsAt.getTime() === o.startsAt.getTime() && old.endsAt.getTime() === o.endsAt.getTime() && old.capacity === event.capacity && !restore) continue;
    await tx
      .update(occurrences)
      .set({ startsAt: o.startsAt, endsAt: o.endsAt, capacity: event.capacity, ...(restore ? { status: 'scheduled', cancelReason: null } : {}), updatedAt: now })
      .where(eq(occurrences.id, old.id));
  }
  const dropped = existing.filter((o) => !wanted.has(o.recurrenceId) && o.endsAt > now && o.status === 'scheduled');
  const toDelete = dropped.filter((o) => o.confirmed + o.waitlisted === 0).map((o) => o.id);
  const toCancel = dropped.filter((o) => o.confirmed + o.waitlisted > 0).map((o) => o.id);
  if (toDelete.length > 0) {
    // Forum documentation hangs off occurrences: an occurrence with documents or minutes is cancelled instead.
    await tx.delete(occurrences).where(and(inArray(occurrences.id, toDelete), eq(occurrences.minutesHtml, ''), sql`NOT EXISTS (SELECT 1 FROM ev_documents d WHERE d.occurrence_id = ${occurrences.id})`));
    await tx.update(occurrences).set({ status: 'cancelled', cancelReason: SYSTEM_CANCEL_REASONS.removedFromSeries, updatedAt: now }).where(inArray(occurrences.id, toDelete));
  }
  if (toCancel.length === 0) return [];
  return tx.update(occurrences).set({ status: 'cancelled', cancelReason: SYSTEM_CANCEL_REASONS.removedFromSeries, revision: sql`${occurrences.revision} + 1`, updatedAt: now }).where(inArray(occurrences.id, toCancel)).returning();
}

export const STATUS_ACTIONS = ['publish', 'unpublish', 'cancel', 'reinstate'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const NEXT_STATUS: Record<StatusAction, { from: EventStatus[]; to: EventStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  unpublish: { from: ['published'], to: 'draft' },
  cancel: { from: ['published', 'draft'], to: 'cancelled' },
  reinstate: { from: ['cancelled'], to: 'published' },
};

/**
 * Publishes, unpublishes, cancels or reinstates a whole event. A cancelled event stays visible to readers as
 * cancelled; its future registrations are cancelled by the caller's mail step (registration.ts).
 */
export async function setEventStatus(db: Db, actor: EventActor, input: { regionId: string; id: string; action: StatusAction; revision?: number; requestId?: string | null; now?: Date }): Promise<EventRow> {
  await loadEventRegion(db, actor, input.regionId);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const before = await findEventOrThrow(tx, input.regionId, input.id);
    if (input.revision !== undefined && input.revision !== before.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', before);
    const step = NEXT_STATUS[input.action];
    if (!step.from.includes(before.status)) throw new AppError(409, 'event_status_invalid', 'events.error_status_invalid');
    if (input.action === 'unpublish' && (await countRegistrations(tx, before.id, now)) > 0) throw new AppError(409, 'event_has_registrations', 'events.error_registrations_exist');
    const [row] = await tx
      .update(events)
      .set({ status: step.to, revision: before.revision + 1, updatedAt: now, ...(step.to === 'published' && !before.publishedAt ? { publishedAt: now } : {}) })
      .where(eq(events.id, before.id))
      .returning();
    if (!row) throw new NotFoundError('event_not_found');
    await recordAudit(tx, actor, { regionId: input.regionId, action: `event.${input.action}`, entityType: 'event', entityId: row.id, before: { status: before.status }, after: { status: row.status }, requestId: input.requestId ?? null });
    return row;
  });
}

/** Confirmed or waitlisted registrations on future occurrences of an event. */
export async function countRegistrations(db: Db, eventId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .innerJoin(occurrences, eq(occurrences.id, registrations.occurrenceId))
    .where(and(eq(occurrences.eventId, eventId), gt(occurrences.endsAt, now), inArray(registrations.status, ['confirmed', 'waitlisted'])));
  return row?.n ?? 0;
}

/** Cancels or reinstates one date of an event (it stays visible as cancelled). */
export async function setOccurrenceStatus(
  db: Db,
  actor: EventActor,
  input: { regionId: string; occurrenceId: string; cancel: boolean; reason?: string; requestId?: string | null; now?: Date },
): Promise<OccurrenceRow> {
  await loadEventRegion(db, actor, input.regionId);
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const before = await findOccurrenceOrThrow(tx, input.regionId, input.occurrenceId);
    const [row] = await tx
      .update(occurrences)
      .set({ status: input.cancel ? 'cancelled' : 'scheduled', cancelReason: input.cancel ? (input.reason?.trim().slice(0, 500) ?? '') : null, revision: before.revision + 1, updatedAt: now })
      .where(eq(occurrences.id, before.id))
      .returning();
    if (!row) throw new NotFoundError('occurrence_not_found');
    await recordAudit(tx, actor, { regionId: input.regionId, action: input.cancel ? 'event.occurrence_cancel' : 'event.occurrence_reinstate', entityType: 'event_occurrence', entityId: row.id, before: { status: before.status }, after: { status: row.status, cancelReason: row.cancelReason }, requestId: input.requestId ?? null });
    return row;
  });
}

/**
 * Extends open-ended series whose occurrences end before the horizon (the daily job). Returns how many events were
 * extended.
 */
export async function extendOpenSeries(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select()
    .from(events)
    .where(and(sql`${events.rrule} IS NOT NULL`, sql`${events.materialisedUntil} < ${new Date(now.getTime() + (HORIZON_DAYS - 7) * 86_400_000)}`));
  let n = 0;
  for (const event of due) {
    const expansion = expandSchedule(event, { now });
    await db.transaction(async (tx) => {
      await syncOccurrencesKeepingPast(tx, event, expansion, now);
      await tx.update(events).set({ materialisedUntil: new Date(now.getTime() + HORIZON_DAYS * 86_400_000) }).where(eq(events.id, event.id));
    });
    n++;
  }
  return n;
}

/** Adds the new dates of an expansion without touching existing ones (extending never cancels anything). */
async function syncOccurrencesKeepingPast(tx: Db, event: EventRow, expansion: Expansion, _now: Date): Promise<void> {
  const existing = new Set((await tx.select({ r: occurrences.recurrenceId }).from(occurrences).where(eq(occurrences.eventId, event.id))).map((o) => o.r));
  const inserts = expansion.occurrences.filter((o) => !existing.has(o.recurrenceId));
  if (inserts.length === 0) return;
  await tx.insert(occurrences).values(inserts.map((o) => ({ regionId: event.regionId, eventId: event.id, recurrenceId: o.recurrenceId, startsAt: o.startsAt, endsAt: o.endsAt, capacity: event.capacity })));
}
