/**
 * Event rows → iCalendar, in a reader's language: the region's feeds, "add to calendar" of one date and the .ics
 * attached to mails all come through here, so they agree on UIDs, texts and places.
 */
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translator } from '../../platform/i18n/catalog.js';
import { richTextToPlainText } from '../../platform/richtext/sanitize.js';
import { dirLocations } from '../../db/schema.js';
import { buildCalendar, type IcsEvent } from './ics.js';
import { eventTranslations, events, occurrences, type EventCategory } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';
import { eventUrls } from './urls.js';

export type IcsRegion = { id: string; slug: string; name: string; sourceLanguage: string };
export type Place = { name: string; street: string; postalCode: string; city: string; lat: number | null; lon: number | null; locationId: string | null };
export type EventText = { title: string; descriptionHtml: string; language: string; machine: boolean };

/** The event's texts in `language`, falling back to the source text, for many events at once. */
export async function loadEventTexts(db: Db, events_: readonly Pick<EventRow, 'id' | 'title' | 'descriptionHtml'>[], language: string, sourceLanguage: string): Promise<Map<string, EventText>> {
  const out = new Map<string, EventText>(events_.map((e) => [e.id, { title: e.title, descriptionHtml: e.descriptionHtml, language: sourceLanguage, machine: false }]));
  if (language === sourceLanguage || events_.length === 0) return out;
  const rows = await db
    .select()
    .from(eventTranslations)
    .where(and(eq(eventTranslations.language, language), inArray(eventTranslations.eventId, events_.map((e) => e.id))));
  for (const r of rows) out.set(r.eventId, { title: r.title, descriptionHtml: r.descriptionHtml, language, machine: r.machineProvider !== null });
  return out;
}

/** Where events take place: the directory location when linked, else the plain address on the event. */
export async function loadPlaces(db: Db, regionId: string, events_: readonly EventRow[]): Promise<Map<string, Place>> {
  const ids = [...new Set(events_.map((e) => e.locationId).filter((id): id is string => id !== null))];
  const locations = ids.length
    ? await db.select().from(dirLocations).where(and(eq(dirLocations.regionId, regionId), inArray(dirLocations.id, ids)))
    : [];
  const byId = new Map(locations.map((l) => [l.id, l]));
  const out = new Map<string, Place>();
  for (const e of events_) {
    const l = e.locationId ? byId.get(e.locationId) : undefined;
    out.set(
      e.id,
      l
        ? { name: l.name, street: l.address1 ?? '', postalCode: l.postalCode ?? '', city: l.city ?? '', lat: l.latitude, lon: l.longitude, locationId: l.id }
        : { name: e.placeName ?? '', street: e.street ?? '', postalCode: e.postalCode ?? '', city: e.city ?? '', lat: null, lon: null, locationId: null },
    );
  }
  return out;
}

/** "Kreishaus, Markt 1, 12345 Musterstadt" (and the online link for hybrid events). */
export function placeLine(place: Place | undefined, onlineUrl: string | null): string {
  const parts = place ? [place.name, place.street, [place.postalCode, place.city].filter(Boolean).join(' ')].filter(Boolean) : [];
  if (onlineUrl) parts.push(onlineUrl);
  return parts.join(', ');
}

/**
 * An event row as iCalendar data. Cancelled dates become cancelled overrides, and each must be an instance of the
 * series: a date that dropped out of the rule (`removed_from_series`, kept because people had registered) is taken
 * out of EXDATE or, when the rule itself no longer yields it, added as an RDATE. A single date that is cancelled
 * makes the whole entry cancelled.
 */
function toIcsEvent(e: EventRow, text: EventText | undefined, place: Place | undefined, url: string, cancelled: readonly OccurrenceRow[], lang: string, stamp?: Date): IcsEvent {
  const minutes = Math.round((Date.parse(`${e.endLocal}:00Z`) - Date.parse(`${e.startLocal}:00Z`)) / 60_000);
  const endOf = (start: string) => new Date(Date.parse(`${start}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
  let status = e.status;
  let exdates: readonly string[] = e.exdates;
  let rdates: readonly string[] = e.rdates;
  let overrides = cancelled;
  if (!e.rrule && e.rdates.length === 0) {
    if (cancelled.some((o) => o.recurrenceId === e.startLocal)) status = 'cancelled';
    overrides = cancelled.filter((o) => o.recurrenceId !== e.startLocal);
  }
  const dropped = overrides.filter((o) => o.cancelReason === 'removed_from_series').map((o) => o.recurrenceId);
  if (dropped.length > 0) {
    exdates = exdates.filter((x) => !dropped.includes(x));
    rdates = [...new Set([...rdates, ...dropped.filter((x) => !e.exdates.includes(x))])].sort();
  }
  return {
    id: e.id,
    title: text?.title ?? e.title,
    description: richTextToPlainText(text?.descriptionHtml ?? e.descriptionHtml),
    url,
    status,
    category: translator(lang)(`events.category_${e.category}`),
    startLocal: e.startLocal,
    endLocal: e.endLocal,
    timeZone: e.timeZone,
    allDay: e.allDay,
    rrule: e.rrule,
    exdates,
    rdates,
    location: placeLine(place, e.onlineUrl),
    geo: place?.lat != null && place.lon != null ? { lat: place.lat, lon: place.lon } : null,
    organizer: e.contactEmail ? { name: e.organizerName, email: e.contactEmail } : null,
    revision: e.revision,
    updatedAt: e.updatedAt,
    createdAt: e.createdAt,
    ...(stamp ? { dtstamp: stamp } : {}),
    cancelled: overrides.map((o) => ({ recurrenceId: o.recurrenceId, startLocal: o.recurrenceId, endLocal: endOf(o.recurrenceId), updatedAt: o.updatedAt })),
  };
}

/**
 * The region's feed: published and cancelled events with a date from 30 days ago on, as series (RRULE) where they
 * recur, in the reader's language. `category` narrows it to one category.
 */
export async function regionFeed(db: Db, input: { region: IcsRegion; lang: string; baseUrl: string; host: string; category?: EventCategory; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.regionId, input.region.id),
        ne(events.status, 'draft'),
        input.category ? eq(events.category, input.category) : undefined,
        inArray(events.id, db.select({ id: occurrences.eventId }).from(occurrences).where(and(eq(occurrences.regionId, input.region.id), gt(occurrences.endsAt, since)))),
      ),
    )
    .orderBy(events.startLocal, events.id);
  const ids = rows.map((e) => e.id);
  const cancelled = ids.length
    ? await db
        .select()
        .from(occurrences)
        .where(and(inArray(occurrences.eventId, ids), eq(occurrences.status, 'cancelled'), gt(occurrences.endsAt, since)))
        .orderBy(occurrences.recurrenceId)
    : [];
  const cancelledBy = new Map<string, OccurrenceRow[]>();
  for (const o of cancelled) cancelledBy.set(o.eventId, [...(cancelledBy.get(o.eventId) ?? []), o]);
  const texts = await loadEventTexts(db, rows, input.lang, input.region.sourceLanguage);
  const places = await loadPlaces(db, input.region.id, rows);
  return buildCalendar({
    name: input.category ? `${input.region.name} – ${translator(input.lang)(`events.category_${input.category}`)}` : input.region.name,
    host: input.host,
    now,
    ttlHours: 6,
    // DTSTAMP is the last change, so the feed is the same bytes until something changes (strong ETags, caches).
    events: rows.map((e) => toIcsEvent(e, texts.get(e.id), places.get(e.id), eventUrls.event(input.region.slug, input.lang, e.id, input.baseUrl), cancelledBy.get(e.id) ?? [], input.lang, e.updatedAt)),
  });
}

/**
 * One date as its own calendar entry ("add to calendar", mail attachments): a single VEVENT with the date's times,
 * UID of the date (so re-adding it updates the entry), STATUS:CANCELLED when the date or the event is cancelled.
 */
export async function occurrenceCalendar(db: Db, input: { region: IcsRegion; lang: string; baseUrl: string; host: string; event: EventRow; occurrence: OccurrenceRow; now?: Date }): Promise<string> {
  const { event: e, occurrence: o } = input;
  const texts = await loadEventTexts(db, [e], input.lang, input.region.sourceLanguage);
  const places = await loadPlaces(db, input.region.id, [e]);
  const minutes = Math.round((Date.parse(`${e.endLocal}:00Z`) - Date.parse(`${e.startLocal}:00Z`)) / 60_000);
  const endLocal = new Date(Date.parse(`${o.recurrenceId}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
  const single: EventRow = { ...e, id: o.id, startLocal: o.recurrenceId, endLocal, rrule: null, exdates: [], rdates: [], status: o.status === 'cancelled' ? 'cancelled' : e.status, revision: e.revision + o.revision };
  return buildCalendar({
    name: input.region.name,
    host: input.host,
    ...(input.now ? { now: input.now } : {}),
    events: [toIcsEvent(single, texts.get(e.id), places.get(e.id), eventUrls.occurrence(input.region.slug, input.lang, e.id, o.id, input.baseUrl), [], input.lang)],
  });
}

/** The host part of UIDs ("wegweiser.example.org"). */
export function uidHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'wegweiser.local';
  } catch {
    return 'wegweiser.local';
  }
}
