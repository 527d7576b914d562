/**
 * Events as readers see them: the list of dates to come with filters, the month calendar, an event's page, a date's
 * page (with registration), the booking behind a cancel link, and the next dates for the region home. Texts come in
 * the reader's language where translated, else in the region's source language (marked with their own `lang`);
 * times are shown in the region's zone. Drafts are never shown; cancelled events and dates are, marked as cancelled.
 */
import { organiserCancelReason } from './cancel-reasons.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../platform/errors.js';
import { richTextToPlainText } from '../../platform/richtext/sanitize.js';
import { addDays, utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import type { RegionRow } from '../regions/index.js';
import { serviceHref } from '../directory/index.js';
import { imageAttributes } from '../guide/index.js';
import { loadPlaces, placeLine, type Place } from './ics-data.js';
import { eventJsonLd } from './jsonld.js';
import {
  countUpcoming,
  findImage,
  findOccurrenceOfEvent,
  findOrganisation,
  findVisibleEvent,
  listDates,
  listDocumentedPastOfEvent,
  listEventLanguages,
  listEventPlaces,
  listEventTranslations,
  listServicesAtLocation,
  listUpcomingOfEvent,
  waitlistPosition,
  type DateRow,
  type OccurrenceQuery,
  type PlaceFilter,
} from './public-queries.js';
import { findRegistrationByToken, registrationClosedReason, type RegistrationRow } from './registration.js';
import { EVENT_CATEGORIES, type EventCategory } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';
import { eventSettings } from './settings.js';
import { eventUrls } from './urls.js';

/** What the reader side needs of a region. */
export type EventsRegion = Pick<RegionRow, 'id' | 'slug' | 'name' | 'languages' | 'sourceLanguage' | 'timezone' | 'settings'>;
/** The little the lists need (the home section has no more). */
type ReaderRegion = Pick<RegionRow, 'id' | 'slug' | 'sourceLanguage' | 'timezone'>;

export const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const isDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const optionalText = (max: number, valid: (v: string) => boolean = () => true) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v === '' || !valid(v) ? undefined : v))
    .catch(undefined);

/** The filters as the GET form sends them; wrong values are ignored rather than refused (a reader's URL). */
export const eventFiltersSchema = z
  .object({
    category: z.enum(EVENT_CATEGORIES).optional().catch(undefined),
    language: optionalText(20, (v) => LANG.test(v)),
    from: optionalText(10, isDate),
    to: optionalText(10, isDate),
    place: optionalText(200),
    page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  })
  // "From the 20th to the 10th" means the ten days between.
  .transform((f) => (f.from && f.to && f.to < f.from ? { ...f, from: f.to, to: f.from } : f));
export type EventFilters = z.output<typeof eventFiltersSchema>;

/** The filters as query parameters (paging, month and list links), leaving out empty ones. */
export function filterParams(f: EventFilters, overrides: Partial<Record<keyof EventFilters, string | undefined>> = {}): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: keyof EventFilters, value: string | undefined) => {
    const v = key in overrides ? overrides[key] : value;
    if (v !== undefined && v !== '') out.set(key, v);
  };
  put('category', f.category);
  put('language', f.language);
  put('from', f.from);
  put('to', f.to);
  put('place', f.place);
  put('page', f.page > 1 ? String(f.page) : undefined);
  return out;
}

/** An address with the filters (and nothing else) as its query. */
export function withFilters(path: string, f: EventFilters, overrides: Partial<Record<keyof EventFilters, string | undefined>> = {}): string {
  const q = filterParams(f, overrides).toString();
  return q ? `${path}?${q}` : path;
}

function placeFilterOf(place: string | undefined): PlaceFilter | undefined {
  if (!place) return undefined;
  return UUID.test(place) ? { locationId: place.toLowerCase() } : { city: place };
}

/** Text in the reader's language or the source language, and which it is. */
export type Localised = { text: string; lang: string };

export type EventTexts = {
  title: Localised;
  /** Sanitised HTML as stored. */
  descriptionHtml: Localised;
  /** The reader's language has no text: the source text is shown. */
  fallback: boolean;
  /** The translation was made from an older source text. */
  outdated: boolean;
  /** The translation is machine output nobody has checked yet. */
  machine: boolean;
};

/** Texts of events in the reader's language, else the source language. */
async function loadTexts(db: Db, region: ReaderRegion, lang: string, rows: readonly EventRow[]): Promise<Map<string, EventTexts>> {
  const src = region.sourceLanguage;
  const own = lang === src ? [] : await listEventTranslations(db, region.id, lang, [...new Set(rows.map((e) => e.id))]);
  const byEvent = new Map(own.map((t) => [t.eventId, t]));
  const out = new Map<string, EventTexts>();
  for (const e of rows) {
    const tr = byEvent.get(e.id);
    const title = tr?.title.trim() ? { text: tr.title, lang } : { text: e.title, lang: src };
    const descriptionHtml = tr && richTextToPlainText(tr.descriptionHtml).trim() ? { text: tr.descriptionHtml, lang } : { text: e.descriptionHtml, lang: src };
    out.set(e.id, {
      title,
      descriptionHtml,
      fallback: lang !== src && !tr,
      outdated: tr !== undefined && tr.sourceRevision < e.majorRevision,
      machine: tr?.machineProvider != null,
    });
  }
  return out;
}

/** Registration state of a date as a badge: no limit, places left, or full (new parties go on the waitlist). */
export type Seats = { kind: 'open' } | { kind: 'left'; count: number } | { kind: 'waitlist'; waiting: number };

function seatsOf(e: EventRow, o: OccurrenceRow, now: Date): Seats | null {
  if (registrationClosedReason(e, o, now)) return null;
  if (o.capacity === null) return { kind: 'open' };
  const left = o.capacity - o.confirmed;
  if (left > 0 && o.waitlisted === 0) return { kind: 'left', count: left };
  return { kind: 'waitlist', waiting: o.waitlisted };
}

/** One date in a list or calendar. */
export type DateEntry = {
  occurrenceId: string;
  eventId: string;
  href: string;
  eventHref: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  /** The event's own zone (for all-day dates: which day it is). */
  timeZone: string;
  title: Localised;
  place: string;
  online: boolean;
  category: EventCategory;
  cancelled: boolean;
  /** What the organiser wrote when cancelling the date (source language), or ''. */
  cancelReason: string;
  past: boolean;
  free: boolean;
  mediation: boolean;
  languages: string[];
  seats: Seats | null;
};

function entryOf(region: ReaderRegion, lang: string, e: EventRow, o: OccurrenceRow, texts: EventTexts | undefined, place: Place | undefined, now: Date): DateEntry {
  return {
    occurrenceId: o.id,
    eventId: e.id,
    href: eventUrls.occurrence(region.slug, lang, e.id, o.id),
    eventHref: eventUrls.event(region.slug, lang, e.id),
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    allDay: e.allDay,
    timeZone: e.timeZone,
    title: texts?.title ?? { text: e.title, lang: region.sourceLanguage },
    place: placeLine(place, null),
    online: e.onlineUrl !== null,
    category: e.category,
    cancelled: e.status === 'cancelled' || o.status === 'cancelled',
    cancelReason: o.status === 'cancelled' ? organiserCancelReason(o.cancelReason) : '',
    past: o.endsAt <= now,
    free: e.price === null || Number(e.price) === 0,
    mediation: e.mediationAvailable,
    languages: e.languages,
    seats: seatsOf(e, o, now),
  };
}

async function entriesOf(db: Db, region: ReaderRegion, lang: string, rows: readonly DateRow[], now: Date): Promise<DateEntry[]> {
  const evs = [...new Map(rows.map((r) => [r.event.id, r.event])).values()];
  const [texts, places] = await Promise.all([loadTexts(db, region, lang, evs), loadPlaces(db, region.id, evs)]);
  return rows.map((r) => entryOf(region, lang, r.event, r.occurrence, texts.get(r.event.id), places.get(r.event.id), now));
}

/** What the filter form offers. */
export type FilterChoices = { categories: readonly EventCategory[]; languages: string[]; towns: string[]; locations: { id: string; name: string }[] };

async function filterChoices(db: Db, region: EventsRegion, now: Date): Promise<FilterChoices> {
  const [languages, places] = await Promise.all([listEventLanguages(db, region.id, now), listEventPlaces(db, region.id, now)]);
  return { categories: EVENT_CATEGORIES, languages, towns: places.towns, locations: places.locations };
}

/** The start of a local day in the region's zone. */
function dayStart(date: string, timeZone: string): Date {
  return zonedLocalToUtc(`${date}T00:00`, timeZone) ?? new Date(`${date}T00:00:00Z`);
}

function baseQuery(region: EventsRegion, f: EventFilters): Omit<OccurrenceQuery, 'endsAfter'> {
  return { regionId: region.id, category: f.category, language: f.language, place: placeFilterOf(f.place) };
}

export type EventList = { filters: EventFilters; choices: FilterChoices; entries: DateEntry[]; total: number; page: number; pages: number };

/** The dates to come (or in the chosen range), soonest first, one page. */
export async function listDatesForReaders(db: Db, region: EventsRegion, lang: string, filters: EventFilters, now = new Date()): Promise<EventList> {
  const from = filters.from ? dayStart(filters.from, region.timezone) : now;
  const query: OccurrenceQuery = {
    ...baseQuery(region, filters),
    endsAfter: from > now ? from : now,
    startsBefore: filters.to ? dayStart(addDays(filters.to, 1), region.timezone) : undefined,
  };
  const [found, choices] = await Promise.all([listDates(db, { ...query, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE }), filterChoices(db, region, now)]);
  const entries = await entriesOf(db, region, lang, found.rows, now);
  return { filters, choices, entries, total: found.total, page: filters.page, pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)) };
}

/** The next few dates of the region (the home section), or none. */
export async function listNextDates(db: Db, region: ReaderRegion, lang: string, limit: number, now = new Date()): Promise<DateEntry[]> {
  const found = await listDates(db, { regionId: region.id, endsAfter: now, limit, offset: 0 });
  return entriesOf(db, region, lang, found.rows, now);
}

/** True when the region has a date to come (the home section and the link show only then). */
export async function hasUpcomingDates(db: Db, regionId: string, now = new Date()): Promise<boolean> {
  return (await countUpcoming(db, regionId, now)) > 0;
}

export type CalendarDay = { date: string; inMonth: boolean; today: boolean; entries: DateEntry[] };
export type MonthView = { month: string; prev: string; next: string; current: string; filters: EventFilters; choices: FilterChoices; weeks: CalendarDay[][]; total: number };

/** A month ("2026-12") readers may ask for, or undefined. */
export function parseMonth(value: string): { year: number; month: number } | undefined {
  const m = MONTH.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  return { year, month: Number(m[2]) };
}

const monthKey = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The local days a date covers in a zone (at most 31), for the calendar. */
function daysOf(entry: DateEntry, timeZone: string): string[] {
  const zone = entry.allDay ? entry.timeZone : timeZone;
  const first = utcToZonedLocal(entry.startsAt, zone).slice(0, 10);
  // The end is exclusive: an event until midnight does not show on the next day.
  const last = utcToZonedLocal(new Date(entry.endsAt.getTime() - 60_000), zone).slice(0, 10);
  const days = [first];
  for (let d = addDays(first, 1); d <= last && days.length < 31; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A month as weeks (Monday first) of days with their dates; the filters apply. */
export async function monthForReaders(db: Db, region: EventsRegion, lang: string, month: string, filters: EventFilters, now = new Date()): Promise<MonthView> {
  const parsed = parseMonth(month);
  if (!parsed) throw new NotFoundError('month_not_found');
  const { year, month: m } = parsed;
  const first = `${monthKey(year, m)}-01`;
  const nextMonth = m === 12 ? monthKey(year + 1, 1) : monthKey(year, m + 1);
  const prevMonth = m === 1 ? monthKey(year - 1, 12) : monthKey(year, m - 1);
  const start = dayStart(first, region.timezone);
  const end = dayStart(`${nextMonth}-01`, region.timezone);
  const [found, choices] = await Promise.all([listDates(db, { ...baseQuery(region, filters), endsAfter: start, startsBefore: end, limit: 1000, offset: 0 }), filterChoices(db, region, now)]);
  const entries = await entriesOf(db, region, lang, found.rows, now);
  const byDay = new Map<string, DateEntry[]>();
  for (const e of entries) for (const d of daysOf(e, region.timezone)) byDay.set(d, [...(byDay.get(d) ?? []), e]);
  const today = utcToZonedLocal(now, region.timezone).slice(0, 10);
  // From the Monday on or before the 1st to the Sunday on or after the last day.
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addDays(first, -lead);
  const weeks: CalendarDay[][] = [];
  while (weeks.length < 6 && (weeks.length === 0 || day < `${nextMonth}-01`)) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push({ date: day, inMonth: day.startsWith(monthKey(year, m)), today: day === today, entries: byDay.get(day) ?? [] });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return { month: monthKey(year, m), prev: prevMonth, next: nextMonth, current: today.slice(0, 7), filters, choices, weeks, total: found.total };
}

export type ImageView = { src: string; srcset: string; sizes: string; width: number; height: number; alt: string; lang: string };

export type EventDetail = {
  event: EventRow;
  href: string;
  texts: EventTexts;
  /** The description as plain text (meta description, JSON-LD). */
  descriptionText: string;
  cancelled: boolean;
  place: Place | null;
  placeLine: string;
  /** Services of the directory at the event's place (links to their pages). */
  servicesHere: { href: string; name: Localised }[];
  organizer: { name: string; website: string | null };
  image: ImageView | null;
  upcoming: DateEntry[];
  upcomingTotal: number;
  /** Past forum dates with published documentation. */
  documented: { occurrenceId: string; startsAt: Date; endsAt: Date; allDay: boolean; timeZone: string; href: string }[];
  sourceLanguage: string;
};

/** An event's page: texts, place, organiser, image, dates to come and documented past dates; 404 for drafts. */
export async function getEventForReaders(db: Db, region: EventsRegion, lang: string, eventId: string, now = new Date()): Promise<EventDetail> {
  if (!UUID.test(eventId)) throw new NotFoundError('event_not_found');
  const event = await findVisibleEvent(db, region.id, eventId);
  if (!event) throw new NotFoundError('event_not_found');
  const [textsOf, places, upcoming, documented, image, organisation, services] = await Promise.all([
    loadTexts(db, region, lang, [event]),
    loadPlaces(db, region.id, [event]),
    listUpcomingOfEvent(db, event.id, now, 50),
    listDocumentedPastOfEvent(db, event.id, now),
    event.imageId ? findImage(db, region.id, event.imageId) : undefined,
    event.organizerOrganizationId ? findOrganisation(db, region.id, event.organizerOrganizationId) : undefined,
    event.locationId ? listServicesAtLocation(db, region.id, event.locationId, lang) : [],
  ]);
  const texts = textsOf.get(event.id);
  if (!texts) throw new NotFoundError('event_not_found');
  const place = places.get(event.id) ?? null;
  const hasPlace = place !== null && Boolean(place.name || place.street || place.city);
  return {
    event,
    href: eventUrls.event(region.slug, lang, event.id),
    texts,
    descriptionText: richTextToPlainText(texts.descriptionHtml.text).trim(),
    cancelled: event.status === 'cancelled',
    place: hasPlace ? place : null,
    placeLine: hasPlace ? placeLine(place, null) : '',
    servicesHere: services.map((s) => ({ href: serviceHref(region.slug, lang, s.id, s.name), name: { text: s.name, lang: s.translated ? lang : region.sourceLanguage } })),
    organizer: { name: event.organizerName || organisation?.name || '', website: organisation?.website ?? null },
    image: image && image.widths.length ? { ...imageAttributes(image), lang: region.sourceLanguage } : null,
    upcoming: upcoming.rows.map((o) => entryOf(region, lang, event, o, texts, place ?? undefined, now)),
    upcomingTotal: upcoming.total,
    documented: documented.map((o) => ({ occurrenceId: o.id, startsAt: o.startsAt, endsAt: o.endsAt, allDay: event.allDay, timeZone: event.timeZone, href: eventUrls.documentation(region.slug, lang, event.id, o.id) })),
    sourceLanguage: region.sourceLanguage,
  };
}

/** schema.org `Event` of one date of an event (date pages carry one; event pages one per coming date). */
export function dateJsonLd(detail: EventDetail, entry: Pick<DateEntry, 'href' | 'startsAt' | 'endsAt' | 'cancelled'>, baseUrl: string): Record<string, unknown> {
  const e = detail.event;
  return eventJsonLd({
    name: detail.texts.title.text,
    description: detail.descriptionText,
    url: `${baseUrl}${entry.href}`,
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    allDay: e.allDay,
    timeZone: e.timeZone,
    cancelled: entry.cancelled,
    place: detail.place,
    onlineUrl: e.onlineUrl,
    organizer: detail.organizer.name ? { name: detail.organizer.name, url: detail.organizer.website, email: e.contactEmail, telephone: e.contactPhone } : null,
    languages: e.languages,
    textLanguage: detail.texts.title.lang,
    imageUrl: detail.image ? `${baseUrl}${detail.image.src}` : null,
    price: e.price,
  });
}

export type OccurrenceDetail = EventDetail & {
  occurrence: OccurrenceRow;
  entry: DateEntry;
  /** Why nobody may register now (catalog suffix of `events.error_*`), or undefined when the form is shown. */
  closedReason: string | undefined;
  icsHref: string;
  /** schema.org Event of this date. */
  jsonLd: Record<string, unknown>;
  /** Days after the date at which registrations are deleted (said next to the form). */
  retentionDays: number;
};

/** A date's page: the event's page for one date, with registration state and JSON-LD; 404 unless it is the event's. */
export async function getOccurrenceForReaders(db: Db, region: EventsRegion, lang: string, eventId: string, occurrenceId: string, baseUrl: string, now = new Date()): Promise<OccurrenceDetail> {
  const detail = await getEventForReaders(db, region, lang, eventId, now);
  if (!UUID.test(occurrenceId)) throw new NotFoundError('occurrence_not_found');
  const occurrence = await findOccurrenceOfEvent(db, region.id, eventId, occurrenceId);
  if (!occurrence) throw new NotFoundError('occurrence_not_found');
  const e = detail.event;
  const entry = entryOf(region, lang, e, occurrence, detail.texts, detail.place ?? undefined, now);
  const jsonLd = dateJsonLd(detail, entry, baseUrl);
  return {
    ...detail,
    occurrence,
    entry,
    closedReason: registrationClosedReason(e, occurrence, now),
    icsHref: eventUrls.occurrenceIcs(region.slug, lang, e.id, occurrence.id),
    jsonLd,
    retentionDays: eventSettings(region.settings).retentionDays,
  };
}

export type Booking = {
  registration: RegistrationRow;
  entry: DateEntry;
  /** Place in the waitlist (1 = next), for waiting parties. */
  position: number | null;
};

/** The registration behind a cancel link, if it belongs to this region. */
export async function findBooking(db: Db, region: EventsRegion, lang: string, token: string, now = new Date()): Promise<Booking | undefined> {
  const found = await findRegistrationByToken(db, token);
  if (!found || found.registration.regionId !== region.id) return undefined;
  const [texts, places] = await Promise.all([loadTexts(db, region, lang, [found.event]), loadPlaces(db, region.id, [found.event])]);
  const entry = entryOf(region, lang, found.event, found.occurrence, texts.get(found.event.id), places.get(found.event.id), now);
  const position = found.registration.status === 'waitlisted' ? await waitlistPosition(db, found.registration) : null;
  return { registration: found.registration, entry, position };
}
