/**
 * Reads of the events admin (Drizzle and SQL only; the rules are in admin-service.ts): the list with each event's next
 * date and its registrations, the dates of an event, and the region's places, organisations and images to choose from.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { dirLocations, dirOrganizations } from '../directory/schema.js';
import { eventTranslations, events, occurrences, registrations, type EventCategory, type EventStatus } from './schema.js';

export const LIST_VIEWS = ['upcoming', 'past', 'drafts', 'cancelled', 'all'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export type EventListItem = {
  id: string;
  title: string;
  category: EventCategory;
  status: EventStatus;
  recurring: boolean;
  registrationRequired: boolean;
  majorRevision: number;
  /** The next date that has not ended (any status), or for past events the last one. */
  shownOccurrenceId: string | null;
  shownStartsAt: Date | null;
  shownStatus: 'scheduled' | 'cancelled' | null;
  confirmed: number;
  capacity: number | null;
  waitlisted: number;
  /** Dates still to come (scheduled). */
  upcomingCount: number;
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type RawListRow = {
  id: string;
  title: string;
  category: EventCategory;
  status: EventStatus;
  rrule: string | null;
  registration_required: boolean;
  major_revision: number;
  next_id: string | null;
  next_starts_at: Date | string | null;
  next_status: 'scheduled' | 'cancelled' | null;
  next_confirmed: number | null;
  next_capacity: number | null;
  next_waitlisted: number | null;
  last_id: string | null;
  last_starts_at: Date | string | null;
  last_status: 'scheduled' | 'cancelled' | null;
  last_confirmed: number | null;
  last_capacity: number | null;
  last_waitlisted: number | null;
  upcoming: number;
};

const asDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/**
 * Events of a region for the admin list: `upcoming` (published, a date still to come), `past` (published, every date
 * over), `drafts`, `cancelled`, or `all`; optionally only titles containing `q`. At most `limit` rows.
 */
export async function listEventsForAdmin(db: Db, regionId: string, filter: { view: ListView; q: string }, now: Date, limit = 300): Promise<EventListItem[]> {
  const conditions: SQL[] = [sql`e.region_id = ${regionId}`];
  if (filter.view === 'upcoming') conditions.push(sql`e.status = 'published' AND n.id IS NOT NULL`);
  if (filter.view === 'past') conditions.push(sql`e.status = 'published' AND n.id IS NULL`);
  if (filter.view === 'drafts') conditions.push(sql`e.status = 'draft'`);
  if (filter.view === 'cancelled') conditions.push(sql`e.status = 'cancelled'`);
  if (filter.q) conditions.push(sql`e.title ILIKE ${likePattern(filter.q)}`);
  const order = filter.view === 'past' ? sql`l.starts_at DESC NULLS LAST, e.title` : sql`COALESCE(n.starts_at, l.starts_at) ASC NULLS LAST, e.title`;
  const result = await db.execute(sql`
    SELECT e.id, e.title, e.category, e.status, e.rrule, e.registration_required, e.major_revision,
      n.id AS next_id, n.starts_at AS next_starts_at, n.status AS next_status, n.confirmed AS next_confirmed, n.capacity AS next_capacity, n.waitlisted AS next_waitlisted,
      l.id AS last_id, l.starts_at AS last_starts_at, l.status AS last_status, l.confirmed AS last_confirmed, l.capacity AS last_capacity, l.waitlisted AS last_waitlisted,
      (SELECT count(*)::int FROM ev_occurrences u WHERE u.event_id = e.id AND u.ends_at > ${now} AND u.status = 'scheduled') AS upcoming
    FROM ev_events e
    LEFT JOIN LATERAL (
      SELECT o.id, o.starts_at, o.status, o.confirmed, o.capacity, o.waitlisted FROM ev_occurrences o
      WHERE o.event_id = e.id AND o.ends_at > ${now} ORDER BY (o.status = 'cancelled'), o.starts_at LIMIT 1
    ) n ON true
    LEFT JOIN LATERAL (
      SELECT o.id, o.starts_at, o.status, o.confirmed, o.capacity, o.waitlisted FROM ev_occurrences o
      WHERE o.event_id = e.id ORDER BY o.starts_at DESC LIMIT 1
    ) l ON true
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order}
    LIMIT ${limit}
  `);
  return rowsOf<RawListRow>(result).map((r) => {
    const next = r.next_id !== null;
    return {
      id: r.id,
      title: r.title,
      category: r.category,
      status: r.status,
      recurring: r.rrule !== null,
      registrationRequired: r.registration_required,
      majorRevision: Number(r.major_revision),
      shownOccurrenceId: next ? r.next_id : r.last_id,
      shownStartsAt: asDate(next ? r.next_starts_at : r.last_starts_at),
      shownStatus: next ? r.next_status : r.last_status,
      confirmed: Number((next ? r.next_confirmed : r.last_confirmed) ?? 0),
      capacity: (next ? r.next_capacity : r.last_capacity) ?? null,
      waitlisted: Number((next ? r.next_waitlisted : r.last_waitlisted) ?? 0),
      upcomingCount: Number(r.upcoming),
    };
  });
}

export type OccurrenceRow = typeof occurrences.$inferSelect;

/** Every date of an event, in time order. */
export async function listOccurrencesOfEvent(db: Db, eventId: string): Promise<OccurrenceRow[]> {
  return db.select().from(occurrences).where(eq(occurrences.eventId, eventId)).orderBy(asc(occurrences.startsAt));
}

/** Confirmed and waiting registrations of one date (the people to tell when it is cancelled). */
export async function listActiveRegistrations(db: Db, occurrenceId: string): Promise<(typeof registrations.$inferSelect)[]> {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), inArray(registrations.status, ['confirmed', 'waitlisted'])))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

export type LocationChoice = { id: string; name: string; address1: string | null; postalCode: string | null; city: string | null };
export type OrganizationChoice = { id: string; name: string };

/** The region's directory places, by name (what an event can take place at); archived ones only when `keep` names them. */
export async function listLocationChoices(db: Db, regionId: string, keep: string | null = null): Promise<LocationChoice[]> {
  return db
    .select({ id: dirLocations.id, name: dirLocations.name, address1: dirLocations.address1, postalCode: dirLocations.postalCode, city: dirLocations.city })
    .from(dirLocations)
    .where(and(eq(dirLocations.regionId, regionId), keep ? or(sql`${dirLocations.status} <> 'archived'`, eq(dirLocations.id, keep)) : sql`${dirLocations.status} <> 'archived'`))
    .orderBy(asc(dirLocations.name))
    .limit(1000);
}

/** The region's directory organisations, by name (who can organise an event); archived ones only when `keep` names them. */
export async function listOrganizationChoices(db: Db, regionId: string, keep: string | null = null): Promise<OrganizationChoice[]> {
  return db
    .select({ id: dirOrganizations.id, name: dirOrganizations.name })
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), keep ? or(sql`${dirOrganizations.status} <> 'archived'`, eq(dirOrganizations.id, keep)) : sql`${dirOrganizations.status} <> 'archived'`))
    .orderBy(asc(dirOrganizations.name))
    .limit(1000);
}

export type EventTranslationRow = typeof eventTranslations.$inferSelect;

/** The translations of some events (all languages). */
export async function listTranslationsOfEvents(db: Db, regionId: string, eventIds: readonly string[]): Promise<EventTranslationRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(eventTranslations)
    .where(and(eq(eventTranslations.regionId, regionId), inArray(eventTranslations.eventId, [...eventIds])));
}

/** One translation of an event, or undefined. */
export async function findEventTranslation(db: Db, eventId: string, language: string): Promise<EventTranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventTranslations)
    .where(and(eq(eventTranslations.eventId, eventId), eq(eventTranslations.language, language)));
  return row;
}

/** Events of a region for the translators' list: everything but cancelled events, newest start first. */
export async function listEventsForTranslation(db: Db, regionId: string, limit = 300): Promise<(typeof events.$inferSelect)[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.regionId, regionId), sql`${events.status} <> 'cancelled'`))
    .orderBy(sql`${events.startLocal} DESC`)
    .limit(limit);
}
