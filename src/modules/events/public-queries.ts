/**
 * What readers see of events, as queries: dates of published and cancelled events (never drafts) of one region, the
 * filter choices, texts in a language, and the few rows a detail page adds (image, organisation, services at the
 * place). Every query is scoped by region.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { dirLocations, dirOrganizations } from '../directory/schema.js';
import { media } from '../guide/schema.js';
import { eventTranslations, events, occurrences, registrations, type EventCategory } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';

/** Events readers may see: published, or cancelled (shown as cancelled). */
const visible = ne(events.status, 'draft');

/** A place filter: a directory location, or a town (matched without case on the location's or the event's town). */
export type PlaceFilter = { locationId: string } | { city: string };

export type OccurrenceQuery = {
  regionId: string;
  /** Dates still running at or after this instant. */
  endsAfter: Date;
  /** Dates starting before this instant. */
  startsBefore?: Date | undefined;
  category?: EventCategory | undefined;
  language?: string | undefined;
  place?: PlaceFilter | undefined;
};

export type DateRow = { occurrence: OccurrenceRow; event: EventRow };

const townOf = sql`lower(coalesce(${dirLocations.city}, ${events.city}))`;

function occurrenceWhere(q: OccurrenceQuery): SQL | undefined {
  const place = q.place;
  return and(
    eq(occurrences.regionId, q.regionId),
    eq(events.regionId, q.regionId),
    visible,
    gt(occurrences.endsAt, q.endsAfter),
    q.startsBefore ? lt(occurrences.startsAt, q.startsBefore) : undefined,
    q.category ? eq(events.category, q.category) : undefined,
    q.language ? sql`${q.language} = ANY(${events.languages})` : undefined,
    place && 'locationId' in place ? eq(events.locationId, place.locationId) : undefined,
    place && 'city' in place ? sql`${townOf} = lower(${place.city})` : undefined,
  );
}

/** One page of dates, soonest first, and how many there are in all. */
export async function listDates(db: Db, q: OccurrenceQuery & { limit: number; offset: number }): Promise<{ rows: DateRow[]; total: number }> {
  const where = occurrenceWhere(q);
  const rows = await db
    .select({ occurrence: occurrences, event: events })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .leftJoin(dirLocations, eq(dirLocations.id, events.locationId))
    .where(where)
    .orderBy(asc(occurrences.startsAt), asc(events.title), asc(occurrences.id))
    .limit(q.limit)
    .offset(q.offset);
  const [counted] = await db
    .select({ n: count() })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .leftJoin(dirLocations, eq(dirLocations.id, events.locationId))
    .where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Languages spoken at events of the region that still have a date to come (the language filter's choices). */
export async function listEventLanguages(db: Db, regionId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: sql<string>`unnest(${events.languages})` })
    .from(events)
    .where(and(eq(events.regionId, regionId), visible, inArray(events.id, upcomingEventIds(db, regionId, now))));
  return rows.map((r) => r.code).sort();
}

function upcomingEventIds(db: Db, regionId: string, now: Date) {
  return db.select({ id: occurrences.eventId }).from(occurrences).where(and(eq(occurrences.regionId, regionId), gt(occurrences.endsAt, now)));
}

/** Towns and directory places of events with a date to come (the place filter's choices). */
export async function listEventPlaces(db: Db, regionId: string, now: Date): Promise<{ towns: string[]; locations: { id: string; name: string }[] }> {
  const rows = await db
    .selectDistinct({ town: sql<string | null>`coalesce(${dirLocations.city}, ${events.city})`, locationId: dirLocations.id, locationName: dirLocations.name })
    .from(events)
    .leftJoin(dirLocations, and(eq(dirLocations.id, events.locationId), eq(dirLocations.regionId, regionId)))
    .where(and(eq(events.regionId, regionId), visible, inArray(events.id, upcomingEventIds(db, regionId, now))));
  const towns = new Map<string, string>();
  const locations = new Map<string, string>();
  for (const r of rows) {
    const town = r.town?.trim();
    if (town) towns.set(town.toLowerCase(), towns.get(town.toLowerCase()) ?? town);
    if (r.locationId && r.locationName) locations.set(r.locationId, r.locationName);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'de');
  return {
    towns: [...towns.values()].sort(byName),
    locations: [...locations].map(([id, name]) => ({ id, name })).sort((a, b) => byName(a.name, b.name)),
  };
}

/** An event readers may see, or undefined (drafts and other regions' events are not found). */
export async function findVisibleEvent(db: Db, regionId: string, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(and(eq(events.regionId, regionId), eq(events.id, id), visible));
  return row;
}

/** An occurrence of an event (same region), or undefined. */
export async function findOccurrenceOfEvent(db: Db, regionId: string, eventId: string, occurrenceId: string): Promise<OccurrenceRow | undefined> {
  const [row] = await db.select().from(occurrences).where(and(eq(occurrences.regionId, regionId), eq(occurrences.eventId, eventId), eq(occurrences.id, occurrenceId)));
  return row;
}

/** An event's dates still to come (or running), soonest first. */
export async function listUpcomingOfEvent(db: Db, eventId: string, now: Date, limit: number): Promise<{ rows: OccurrenceRow[]; total: number }> {
  const where = and(eq(occurrences.eventId, eventId), gt(occurrences.endsAt, now));
  const rows = await db.select().from(occurrences).where(where).orderBy(asc(occurrences.startsAt)).limit(limit);
  const [counted] = await db.select({ n: count() }).from(occurrences).where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Past dates of an event whose documentation is published, newest first. */
export async function listDocumentedPastOfEvent(db: Db, eventId: string, now: Date): Promise<OccurrenceRow[]> {
  return db
    .select()
    .from(occurrences)
    .where(and(eq(occurrences.eventId, eventId), lte(occurrences.endsAt, now), isNotNull(occurrences.documentationPublishedAt)))
    .orderBy(desc(occurrences.startsAt))
    .limit(50);
}

export type TranslationRow = { eventId: string; title: string; descriptionHtml: string; sourceRevision: number; machineProvider: string | null };

/** Translations of some events into one language. */
export async function listEventTranslations(db: Db, regionId: string, language: string, eventIds: readonly string[]): Promise<TranslationRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: eventTranslations.eventId, title: eventTranslations.title, descriptionHtml: eventTranslations.descriptionHtml, sourceRevision: eventTranslations.sourceRevision, machineProvider: eventTranslations.machineProvider })
    .from(eventTranslations)
    .where(and(eq(eventTranslations.regionId, regionId), eq(eventTranslations.language, language), inArray(eventTranslations.eventId, [...eventIds])));
}

/** An image of the region's media library (what `imageAttributes` needs). */
export async function findImage(db: Db, regionId: string, id: string): Promise<Pick<typeof media.$inferSelect, 'id' | 'width' | 'height' | 'widths' | 'alt'> | undefined> {
  const [row] = await db.select({ id: media.id, width: media.width, height: media.height, widths: media.widths, alt: media.alt }).from(media).where(and(eq(media.regionId, regionId), eq(media.id, id)));
  return row;
}

/** Name and website of a published organisation of the directory. */
export async function findOrganisation(db: Db, regionId: string, id: string): Promise<{ name: string; website: string | null } | undefined> {
  const [row] = await db
    .select({ name: dirOrganizations.name, website: dirOrganizations.website })
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), eq(dirOrganizations.id, id), eq(dirOrganizations.status, 'published')));
  return row;
}

/** Published services offered at a directory location (their names in `language` where translated). */
export async function listServicesAtLocation(db: Db, regionId: string, locationId: string, language: string): Promise<{ id: string; name: string; translated: boolean }[]> {
  const result = await db.execute(sql`
    SELECT s.id, coalesce(nullif(tr.fields->>'name', ''), s.name) AS name, (nullif(tr.fields->>'name', '') IS NOT NULL) AS translated
    FROM dir_service_at_locations sal
    JOIN dir_services s ON s.id = sal.service_id AND s.status = 'published' AND s.archived_at IS NULL
    JOIN dir_organizations o ON o.id = s.organization_id AND o.status = 'published' AND o.archived_at IS NULL
    LEFT JOIN dir_translations tr ON tr.kind = 'service' AND tr.entity_id = s.id AND tr.language = ${language}
    WHERE sal.region_id = ${regionId} AND sal.location_id = ${locationId}
    ORDER BY lower(s.name), s.id
    LIMIT 10`);
  return rowsOf<{ id: string; name: string; translated: boolean }>(result);
}

/** How many parties wait before this one on its occurrence's waitlist, plus one (its place in the queue). */
export async function waitlistPosition(db: Db, r: { id: string; occurrenceId: string; createdAt: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.occurrenceId, r.occurrenceId),
        eq(registrations.status, 'waitlisted'),
        or(lt(registrations.createdAt, r.createdAt), and(eq(registrations.createdAt, r.createdAt), lt(registrations.id, r.id))),
      ),
    );
  return Number(row?.n ?? 0) + 1;
}

/** How many visible dates of the region are still to come. */
export async function countUpcoming(db: Db, regionId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .where(and(eq(occurrences.regionId, regionId), visible, gte(occurrences.endsAt, now)));
  return Number(row?.n ?? 0);
}

