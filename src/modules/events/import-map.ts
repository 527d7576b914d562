/**
 * External iCalendar feeds → event inputs (pure: no database, no network). import.ts fetches a feed, calls
 * `mapCalendar` and writes each result through the event service.
 *
 * Times: a DTSTART with a TZID that Intl and our VTIMEZONE library both know keeps its zone and wall-clock time (an
 * online event run from Istanbul stays in Istanbul); UTC times become wall-clock times in the region's zone; floating
 * times are read in the calendar's X-WR-TIMEZONE, else the region's zone; a TZID we do not know (Outlook's "W. Europe
 * Standard Time") is resolved through the feed's own VTIMEZONE and shown in the region's zone. VALUE=DATE is all-day.
 *
 * Series: RRULE (UNTIL rewritten to UTC, or a DATE for all-day events, as RFC 5545 asks), EXDATE and RDATE. An
 * override (RECURRENCE-ID) with STATUS:CANCELLED cancels that date; an override that moves a date becomes an EXDATE
 * of the old and an RDATE of the new start. A series that began long ago is re-anchored at a recent instance (COUNT
 * reduced accordingly), so a weekly café running since 2019 does not become 400 past dates.
 */
import ICAL from 'ical.js';
import type { FieldErrors } from '../../platform/errors.js';
import { addDays, utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { hasVtimezone } from '../../platform/time/icalendar.js';
import { HTML_MAX, TITLE_MAX } from './model.js';
import { addLocalMinutes, expandSchedule, localMinutes, parseRrule, type Schedule } from './recurrence.js';

/** The event fields a feed owns (everything else — registration, languages, image … — stays as editors set it). */
export type FeedEventFields = {
  title: string;
  descriptionHtml: string;
  startLocal: string;
  /** As the event form sends it: for all-day events the last day (inclusive). */
  endLocal: string;
  allDay: boolean;
  timeZone: string;
  rrule: string | null;
  exdates: string[];
  rdates: string[];
  placeName: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  onlineUrl: string | null;
};

export type MappedEvent = {
  kind: 'event';
  uid: string;
  fields: FeedEventFields;
  /** STATUS:CANCELLED on the event itself. */
  cancelled: boolean;
  /** Recurrence ids (local starts) that overrides cancel. */
  cancelledDates: string[];
  /** The event's page at the source (URL that is not a meeting link). */
  sourceUrl: string | null;
  /** Every date of it ended before `now`: not imported when new. */
  past: boolean;
};

export type RefusedEvent = { kind: 'refused'; uid: string; title: string; errors: FieldErrors };

export type MapContext = {
  /** The region's zone. */
  timeZone: string;
  now: Date;
  /** The start an already imported series was anchored at (keeps the anchor stable between imports). */
  anchorOf?: (uid: string) => string | undefined;
};

/** The feed is not a readable iCalendar file; `key` is a catalog key. Nothing is imported. */
export class FeedFormatError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'FeedFormatError';
  }
}

/** Hosts of video meeting services: a URL there is where the event happens, not a page about it. */
const MEETING_HOSTS = [
  /(^|\.)zoom\.us$/,
  /(^|\.)zoom\.com$/,
  /^meet\.google\.com$/,
  /^teams\.microsoft\.com$/,
  /^teams\.live\.com$/,
  /(^|\.)webex\.com$/,
  /(^|\.)jit\.si$/,
  /(^|\.)jitsi\./,
  /(^|\.)whereby\.com$/,
  /(^|\.)gotomeeting\.com$/,
  /(^|\.)goto\.com$/,
  /(^|\.)bigbluebutton\./,
  /^bbb\./,
  /(^|\.)senfcall\.de$/,
  /(^|\.)edudip\.com$/,
  /(^|\.)alfaview\.com$/,
  /(^|\.)meet\.bund\.de$/,
];

/** Whether a URL is a video meeting link (Zoom, Teams, Jitsi, BigBlueButton …). */
export function isMeetingUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && MEETING_HOSTS.some((h) => h.test(u.hostname.toLowerCase()));
  } catch {
    return false;
  }
}

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** Windows zone names Outlook and Exchange write as TZID, for the zones our readers meet most. */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'FLE Standard Time': 'Europe/Kyiv',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arab Standard Time': 'Asia/Riyadh',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Syria Standard Time': 'Asia/Damascus',
  'Iran Standard Time': 'Asia/Tehran',
  'Afghanistan Standard Time': 'Asia/Kabul',
};

function intlKnows(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A TZID as a zone we can keep ("/mozilla.org/20050126_1/Europe/Berlin" → "Europe/Berlin"), or undefined. */
export function usableZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const raw = tzid.trim().replace(/^"|"$/g, '');
  const candidates = [raw, WINDOWS_ZONES[raw], raw.split('/').slice(-2).join('/'), raw.split('/').slice(-3).join('/')];
  return candidates.find((z): z is string => Boolean(z) && intlKnows(z as string) && hasVtimezone(z as string));
}

const pad = (n: number, l = 2) => String(n).padStart(l, '0');

/** The wall-clock text of an ICAL.Time as written ("2026-12-08T18:00"; seconds dropped). */
function literal(t: ICAL.Time): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.isDate ? 0 : t.hour)}:${pad(t.isDate ? 0 : t.minute)}`;
}

function tzidOf(prop: ICAL.Property): string | undefined {
  const p = prop.getParameter('tzid');
  return typeof p === 'string' ? p : Array.isArray(p) && typeof p[0] === 'string' ? p[0] : undefined;
}

/** How the times of one feed are read. */
type Clock = { regionZone: string; floatingZone: string };

/** The zone a time is written in (null for UTC), and whether we keep it. */
function sourceZone(t: ICAL.Time, tzid: string | undefined): { kind: 'utc' } | { kind: 'named'; zone: string } | { kind: 'file'; zone: ICAL.Timezone } | { kind: 'floating' } {
  if (t.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc' };
  const named = usableZone(tzid);
  if (named) return { kind: 'named', zone: named };
  if (tzid && t.zone && t.zone !== ICAL.Timezone.localTimezone && t.zone.tzid) return { kind: 'file', zone: t.zone };
  return { kind: 'floating' };
}

/** The instant a time names. */
function instantOf(t: ICAL.Time, tzid: string | undefined, clock: Clock): Date | undefined {
  const z = sourceZone(t, tzid);
  const local = literal(t);
  if (z.kind === 'utc') return new Date(`${local}:${pad(t.second)}Z`);
  if (z.kind === 'named') return zonedLocalToUtc(local, z.zone);
  if (z.kind === 'file') return new Date(t.toUnixTime() * 1000);
  return zonedLocalToUtc(local, clock.floatingZone);
}

/** The event's zone, decided by its DTSTART. */
function eventZone(start: ICAL.Time, tzid: string | undefined, clock: Clock): string {
  if (start.isDate) return clock.floatingZone;
  const z = sourceZone(start, tzid);
  if (z.kind === 'named') return z.zone;
  if (z.kind === 'floating') return clock.floatingZone;
  return clock.regionZone;
}

/** A time as wall-clock text in `zone` (a DATE as "…T00:00"). */
function localIn(t: ICAL.Time, tzid: string | undefined, zone: string, clock: Clock): string | undefined {
  if (t.isDate) return `${literal(t).slice(0, 10)}T00:00`;
  const z = sourceZone(t, tzid);
  if ((z.kind === 'named' && z.zone === zone) || (z.kind === 'floating' && clock.floatingZone === zone)) return literal(t);
  const at = instantOf(t, tzid, clock);
  return at ? utcToZonedLocal(at, zone) : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text → paragraphs of escaped text (blank lines separate paragraphs, single line breaks stay). */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * LOCATION text → place name, street, postal code and city: "Kreishaus, Markt 1, 12345 Musterstadt" is split at
 * commas (a German postal code starts the last part); anything else is kept whole as the place name.
 */
export function splitLocation(text: string): Pick<FeedEventFields, 'placeName' | 'street' | 'postalCode' | 'city'> {
  const parts = text
    .replace(/\r?\n/g, ', ')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const none = { placeName: null, street: null, postalCode: null, city: null };
  if (parts.length === 0) return none;
  const last = parts[parts.length - 1] ?? '';
  const postal = /^(?:D-)?(\d{5})\s+(.+)$/.exec(last);
  if (postal && parts.length >= 2 && parts.length <= 4) {
    const rest = parts.slice(0, -1).filter((p) => !/^(deutschland|germany)$/i.test(p));
    const street = rest.length > 1 ? rest.slice(1).join(', ') : /\d/.test(rest[0] ?? '') ? (rest[0] ?? '') : '';
    const placeName = rest.length > 1 || !street ? (rest[0] ?? '') : '';
    return { placeName: orNull(clip(placeName, 200)), street: orNull(clip(street, 200)), postalCode: postal[1] ?? null, city: orNull(clip(postal[2] ?? '', 100)) };
  }
  return { ...none, placeName: clip(parts.join(', '), 200) };
}

function textOf(v: ICAL.Component, name: string): string {
  const value = v.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

/** UNTIL as RFC 5545 wants it for a DTSTART in a zone: UTC; a DATE for all-day series. */
function normaliseRrule(prop: ICAL.Property, allDay: boolean, zone: string, clock: Clock): string {
  const recur = prop.getFirstValue() as ICAL.Recur;
  const until = recur.until;
  if (until) {
    if (allDay) {
      const local = until.isDate ? literal(until) : localIn(until, undefined, zone, clock) ?? literal(until);
      recur.until = ICAL.Time.fromData({ year: Number(local.slice(0, 4)), month: Number(local.slice(5, 7)), day: Number(local.slice(8, 10)), isDate: true });
    } else if (until.zone !== ICAL.Timezone.utcTimezone) {
      // A DATE means "through that day"; a local date-time is read in the event's zone.
      const local = until.isDate ? `${literal(until).slice(0, 10)}T23:59` : literal(until);
      const at = zonedLocalToUtc(local, zone);
      if (at) recur.until = ICAL.Time.fromData({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: until.isDate ? 59 : at.getUTCSeconds(), isDate: false }, ICAL.Timezone.utcTimezone);
    }
  }
  return recur.toString();
}

/** Every value of every property `name` (EXDATE and RDATE may hold several, and repeat). */
function timesOf(v: ICAL.Component, name: string): { time: ICAL.Time; tzid: string | undefined }[] {
  const out: { time: ICAL.Time; tzid: string | undefined }[] = [];
  for (const prop of v.getAllProperties(name)) {
    const tzid = tzidOf(prop);
    for (const value of prop.getValues() as unknown[]) {
      if (value instanceof ICAL.Time) out.push({ time: value, tzid });
      else if (value instanceof ICAL.Period) out.push({ time: value.start, tzid });
    }
  }
  return out;
}

/** The first local start of the month 30 days before `now`: series that began earlier are anchored from here. */
function anchorCutoff(now: Date, zone: string): string {
  const local = utcToZonedLocal(new Date(now.getTime() - 30 * 86_400_000), zone);
  return `${local.slice(0, 8)}01T00:00`;
}

/**
 * Moves the start of a long-running series to a recent instance (the stored anchor when it is still an instance),
 * reducing COUNT by the instances skipped. Returns the schedule unchanged when it starts recently enough.
 */
function anchorSeries(f: FeedEventFields, schedule: Schedule, ctx: MapContext, uid: string): FeedEventFields {
  if (!f.rrule) return f;
  const cutoff = anchorCutoff(ctx.now, schedule.timeZone);
  if (schedule.startLocal >= cutoff) return f;
  // The rule's own instances (no EXDATE/RDATE), far enough to find a recent one.
  let instances: string[];
  try {
    const horizon = new Date(ctx.now.getTime() + 400 * 86_400_000);
    instances = expandSchedule({ ...schedule, exdates: [], rdates: [] }, { now: ctx.now, horizon, max: 50_000 }).occurrences.map((o) => o.recurrenceId);
  } catch {
    return f;
  }
  const stored = ctx.anchorOf?.(uid);
  const fits = (anchor: string) => {
    const i = instances.indexOf(anchor);
    return i >= 0 && instances.length - i <= 450;
  };
  const recent = instances.find((s) => s >= cutoff);
  // The earlier anchor stays while it is an instance, not after the recent one, and not too far back.
  const anchor = stored && stored >= schedule.startLocal && (!recent || stored <= recent) && fits(stored) ? stored : recent;
  if (!anchor || anchor === schedule.startLocal) return f;
  const skipped = instances.indexOf(anchor);
  const recur = parseRrule(f.rrule);
  if (!recur) return f;
  if (recur.count) recur.count = recur.count - skipped;
  const minutes = localMinutes(schedule.startLocal, schedule.endLocal);
  const endLocal = f.allDay ? addDays(anchor.slice(0, 10), Math.round(minutes / 1440) - 1) + 'T00:00' : addLocalMinutes(anchor, minutes);
  return { ...f, startLocal: anchor, endLocal, rrule: recur.toString(), exdates: f.exdates.filter((x) => x >= anchor), rdates: f.rdates.filter((r) => r >= anchor) };
}

/** The stored schedule of feed fields (all-day: end = the morning after the last day), for expansion. */
export function scheduleOfFields(f: FeedEventFields): Schedule {
  const startLocal = f.allDay ? `${f.startLocal.slice(0, 10)}T00:00` : f.startLocal;
  const endLocal = f.allDay ? `${addDays(f.endLocal.slice(0, 10), 1)}T00:00` : f.endLocal;
  return { startLocal, endLocal, timeZone: f.timeZone, allDay: f.allDay, rrule: f.rrule, exdates: f.exdates, rdates: f.rdates };
}

/** One master VEVENT (with its overrides) → the event's fields, or the reasons it cannot be read. */
function mapEvent(uid: string, v: ICAL.Component, overrides: ICAL.Component[], ctx: MapContext, clock: Clock): MappedEvent | RefusedEvent {
  const title = clip(textOf(v, 'summary').replace(/\s+/g, ' ').trim(), TITLE_MAX);
  const refuse = (field: string, key: string, params?: Record<string, string | number>): RefusedEvent => ({ kind: 'refused', uid, title, errors: { [field]: params ? { key, params } : { key } } });
  const dtstart = v.getFirstProperty('dtstart');
  const start = dtstart?.getFirstValue();
  if (!dtstart || !(start instanceof ICAL.Time)) return refuse('startLocal', 'events-feeds.error_no_start');
  const allDay = start.isDate;
  const startTzid = tzidOf(dtstart);
  const zone = eventZone(start, startTzid, clock);
  const startLocal = localIn(start, startTzid, zone, clock);
  if (!startLocal) return refuse('startLocal', 'events.error_datetime');

  // End: DTEND, else DURATION, else one day (all-day) or one hour (RFC 5545 would make it end as it starts).
  let endLocal: string | undefined;
  const dtend = v.getFirstProperty('dtend');
  const end = dtend?.getFirstValue();
  const duration = v.getFirstPropertyValue('duration');
  if (dtend && end instanceof ICAL.Time) {
    if (allDay) endLocal = `${addDays(literal(end).slice(0, 10), -1)}T00:00`;
    else endLocal = end.isDate ? `${literal(end).slice(0, 10)}T00:00` : localIn(end, tzidOf(dtend), zone, clock);
  } else if (duration instanceof ICAL.Duration) {
    const seconds = duration.toSeconds();
    endLocal = allDay ? `${addDays(startLocal.slice(0, 10), Math.round(seconds / 86_400) - 1)}T00:00` : addLocalMinutes(startLocal, Math.round(seconds / 60));
  } else endLocal = allDay ? startLocal : addLocalMinutes(startLocal, 60);
  if (!endLocal) return refuse('endLocal', 'events.error_datetime');

  const rruleProp = v.getFirstProperty('rrule');
  const rrule = rruleProp ? normaliseRrule(rruleProp, allDay, zone, clock) : null;
  const toLocal = (x: { time: ICAL.Time; tzid: string | undefined }) => (allDay ? `${literal(x.time).slice(0, 10)}T00:00` : localIn(x.time, x.tzid, zone, clock));
  const exdates = new Set(timesOf(v, 'exdate').map(toLocal).filter((x): x is string => Boolean(x)));
  const rdates = new Set(timesOf(v, 'rdate').map(toLocal).filter((x): x is string => Boolean(x)));

  // Overrides: a cancelled date stays in the series and is cancelled; a moved date is left out and added anew.
  const cancelledDates = new Set<string>();
  for (const o of overrides) {
    const ridProp = o.getFirstProperty('recurrence-id');
    const rid = ridProp?.getFirstValue();
    if (!ridProp || !(rid instanceof ICAL.Time)) continue;
    const ridLocal = toLocal({ time: rid, tzid: tzidOf(ridProp) });
    if (!ridLocal) continue;
    if (textOf(o, 'status').toUpperCase() === 'CANCELLED') {
      cancelledDates.add(ridLocal);
      continue;
    }
    const oStartProp = o.getFirstProperty('dtstart');
    const oStart = oStartProp?.getFirstValue();
    if (!oStartProp || !(oStart instanceof ICAL.Time)) continue;
    const moved = toLocal({ time: oStart, tzid: tzidOf(oStartProp) });
    if (moved && moved !== ridLocal) {
      exdates.add(ridLocal);
      rdates.add(moved);
    }
  }

  // Where: a LOCATION that is a link is an online event; URL is the meeting link or the event's page.
  const location = textOf(v, 'location').trim();
  const url = (textOf(v, 'url') || String(v.getFirstPropertyValue('url') ?? '')).trim();
  let onlineUrl: string | null = null;
  let place = splitLocation('');
  if (HTTP_URL.test(location) && location.length <= 500) onlineUrl = location;
  else place = splitLocation(location);
  let sourceUrl: string | null = null;
  if (HTTP_URL.test(url) && url.length <= 500) {
    if (isMeetingUrl(url) && !onlineUrl) onlineUrl = url;
    else if (!isMeetingUrl(url)) sourceUrl = url;
  }

  const description = textOf(v, 'description');
  let fields: FeedEventFields = {
    title,
    descriptionHtml: textToHtml(clip(description, Math.floor(HTML_MAX / 5))),
    startLocal,
    endLocal,
    allDay,
    timeZone: zone,
    rrule,
    exdates: [...exdates].sort(),
    rdates: [...rdates].filter((r) => !exdates.has(r)).sort(),
    ...place,
    onlineUrl,
  };
  const schedule = scheduleOfFields(fields);
  fields = anchorSeries(fields, schedule, ctx, uid);

  // Whether anything of it is still to come (a finished event that is new to us is not imported).
  let past: boolean;
  try {
    const expansion = expandSchedule(scheduleOfFields(fields), { now: ctx.now });
    past = !expansion.tooMany && !expansion.continues && expansion.occurrences.every((o) => o.endsAt <= ctx.now);
  } catch {
    return refuse('recurrence.freq', 'events.error_rrule');
  }
  return { kind: 'event', uid, fields, cancelled: textOf(v, 'status').toUpperCase() === 'CANCELLED', cancelledDates: [...cancelledDates].sort(), sourceUrl, past };
}

/**
 * Reads a feed: one result per UID, in the order of the file. Throws FeedFormatError when the text is not an
 * iCalendar file at all; a single unreadable event is refused with its reason and the rest still maps.
 */
export function mapCalendar(text: string, ctx: MapContext): (MappedEvent | RefusedEvent)[] {
  let root: ICAL.Component;
  try {
    const parsed = ICAL.parse(text) as unknown;
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? (parsed[0] as unknown[]) : (parsed as unknown[]);
    if (!Array.isArray(first) || first.length === 0) throw new FeedFormatError('events-feeds.error_not_calendar');
    root = new ICAL.Component(first);
  } catch (err) {
    if (err instanceof FeedFormatError) throw err;
    throw new FeedFormatError('events-feeds.error_malformed');
  }
  if (root.name !== 'vcalendar') throw new FeedFormatError('events-feeds.error_not_calendar');

  const calendarZone = usableZone(textOf(root, 'x-wr-timezone'));
  const clock: Clock = { regionZone: ctx.timeZone, floatingZone: calendarZone ?? ctx.timeZone };

  const masters = new Map<string, ICAL.Component[]>();
  const overrides = new Map<string, ICAL.Component[]>();
  const out: (MappedEvent | RefusedEvent)[] = [];
  let index = 0;
  for (const v of root.getAllSubcomponents('vevent')) {
    index++;
    let uid = '';
    let isOverride = false;
    try {
      uid = textOf(v, 'uid').trim();
      isOverride = v.hasProperty('recurrence-id');
    } catch {
      /* unreadable: refused below */
    }
    if (!uid || uid.length > 500) {
      let title = '';
      try {
        title = textOf(v, 'summary');
      } catch {
        /* nothing to show */
      }
      out.push({ kind: 'refused', uid: `#${index}`, title: clip(title, TITLE_MAX), errors: { uid: { key: 'events-feeds.error_no_uid' } } });
      continue;
    }
    const map = isOverride ? overrides : masters;
    map.set(uid, [...(map.get(uid) ?? []), v]);
  }
  for (const [uid, list] of masters) {
    const [master] = list;
    if (!master) continue;
    if (list.length > 1) {
      out.push({ kind: 'refused', uid, title: clip(textOf(master, 'summary'), TITLE_MAX), errors: { uid: { key: 'events-feeds.error_duplicate_uid' } } });
      continue;
    }
    try {
      out.push(mapEvent(uid, master, overrides.get(uid) ?? [], ctx, clock));
    } catch {
      // ical.js reads values lazily: a broken date or rule surfaces here.
      out.push({ kind: 'refused', uid, title: '', errors: { _form: { key: 'events-feeds.error_unreadable_event' } } });
    }
  }
  for (const [uid, list] of overrides) {
    if (masters.has(uid)) continue;
    // Changes to single dates of a series the feed does not contain: nothing to attach them to.
    let title = '';
    try {
      title = textOf(list[0] as ICAL.Component, 'summary');
    } catch {
      /* nothing to show */
    }
    out.push({ kind: 'refused', uid, title: clip(title, TITLE_MAX), errors: { uid: { key: 'events-feeds.error_no_master' } } });
  }
  return out;
}
