/**
 * iCalendar (RFC 5545) output: the region's feeds, one occurrence for "add to calendar" and mail attachments.
 *
 * Built with ical.js (escaping) and the shared pieces in platform/time/icalendar.ts: a VTIMEZONE for every TZID used,
 * lines folded at 75 octets (ical.js lets continuation lines reach 76 with their leading space). A series is one
 * VEVENT with DTSTART;TZID, RRULE, EXDATE and RDATE as the editor set them; a cancelled date of a series is an
 * override (RECURRENCE-ID) with STATUS:CANCELLED, so calendar apps show it as cancelled instead of silently dropping
 * it; dates that dropped out of the rule with people registered are cancelled overrides too.
 */
import ICAL from 'ical.js';
import { localTime, serialiseCalendar, utcTime, vtimezone } from '../../platform/time/icalendar.js';

export const PRODID = '-//wegweiser//Veranstaltungen//DE';

/** What a VEVENT needs, in the reader's language. */
export type IcsEvent = {
  id: string;
  title: string;
  /** Plain text (richTextToPlainText of the sanitised description). */
  description: string;
  url: string;
  status: 'draft' | 'published' | 'cancelled';
  /** The category's name in the reader's language. */
  category: string;
  startLocal: string;
  endLocal: string;
  timeZone: string;
  allDay: boolean;
  rrule: string | null;
  exdates: readonly string[];
  rdates: readonly string[];
  location: string;
  geo?: { lat: number; lon: number } | null;
  organizer?: { name: string; email: string | null } | null;
  revision: number;
  updatedAt: Date;
  createdAt: Date;
  /**
   * DTSTAMP (default: the calendar's `now`). Feeds pass the time of the last change, so an unchanged feed is the
   * same bytes on every request and strong ETags work.
   */
  dtstamp?: Date;
  /** Series dates to show as cancelled overrides (recurrence ids = local starts; each an instance of the series). */
  cancelled: readonly { recurrenceId: string; startLocal: string; endLocal: string; updatedAt?: Date }[];
};

/** A DTSTART/DTEND/EXDATE/RECURRENCE-ID property in the event's zone (or a DATE). */
function zonedProperty(name: string, local: string, e: Pick<IcsEvent, 'allDay' | 'timeZone'>): ICAL.Property {
  const p = new ICAL.Property(name);
  p.setValue(localTime(local, e.allDay));
  if (!e.allDay) p.setParameter('tzid', e.timeZone);
  return p;
}

/** The VEVENT(s) of one event: the master, plus cancelled overrides of a series. */
function vevents(e: IcsEvent, host: string, now: Date): ICAL.Component[] {
  const uid = `${e.id}@${host}`;
  const base = (startLocal: string, endLocal: string, dtstamp: Date): ICAL.Component => {
    const v = new ICAL.Component('vevent');
    v.updatePropertyWithValue('uid', uid);
    v.updatePropertyWithValue('dtstamp', utcTime(dtstamp));
    v.addProperty(zonedProperty('dtstart', startLocal, e));
    v.addProperty(zonedProperty('dtend', endLocal, e));
    v.updatePropertyWithValue('summary', e.title);
    if (e.description) v.updatePropertyWithValue('description', e.description);
    if (e.location) v.updatePropertyWithValue('location', e.location);
    if (e.geo) v.updatePropertyWithValue('geo', [e.geo.lat, e.geo.lon]);
    v.updatePropertyWithValue('url', e.url);
    v.updatePropertyWithValue('categories', e.category);
    v.updatePropertyWithValue('sequence', e.revision);
    v.updatePropertyWithValue('created', utcTime(e.createdAt));
    v.updatePropertyWithValue('last-modified', utcTime(e.updatedAt));
    if (e.organizer?.email) {
      const o = new ICAL.Property('organizer');
      o.setValue(`mailto:${e.organizer.email}`);
      if (e.organizer.name) o.setParameter('cn', e.organizer.name);
      v.addProperty(o);
    }
    return v;
  };
  const stamp = e.dtstamp ?? now;
  const master = base(e.startLocal, e.endLocal, stamp);
  master.updatePropertyWithValue('status', e.status === 'cancelled' ? 'CANCELLED' : e.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED');
  if (e.rrule) master.updatePropertyWithValue('rrule', ICAL.Recur.fromString(e.rrule));
  for (const x of e.exdates) master.addProperty(zonedProperty('exdate', x, e));
  for (const r of e.rdates) master.addProperty(zonedProperty('rdate', r, e));
  const out = [master];
  if (e.rrule || e.rdates.length > 0) {
    for (const c of e.cancelled) {
      const v = base(c.startLocal, c.endLocal, c.updatedAt && c.updatedAt > stamp ? c.updatedAt : stamp);
      v.addProperty(zonedProperty('recurrence-id', c.recurrenceId, e));
      v.updatePropertyWithValue('status', 'CANCELLED');
      out.push(v);
    }
  }
  return out;
}

/**
 * A complete VCALENDAR: CRLF line ends, folded lines, one VTIMEZONE per TZID used. `method: 'PUBLISH'` for feeds
 * and "add to calendar"; mail attachments use it too (no scheduling).
 */
export function buildCalendar(input: { name: string; events: readonly IcsEvent[]; host: string; now?: Date; ttlHours?: number }): string {
  const now = input.now ?? new Date();
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', PRODID);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  // ical.js writes X- properties as they are: the TEXT escaping is ours.
  cal.updatePropertyWithValue('x-wr-calname', escapeText(input.name));
  if (input.ttlHours) {
    // RFC 7986, and the older name Outlook and Google read.
    cal.updatePropertyWithValue('refresh-interval', ICAL.Duration.fromSeconds(input.ttlHours * 3600));
    cal.updatePropertyWithValue('x-published-ttl', ICAL.Duration.fromSeconds(input.ttlHours * 3600).toString());
  }
  const zones = [...new Set(input.events.filter((e) => !e.allDay).map((e) => e.timeZone))].sort();
  for (const tz of zones) {
    const z = vtimezone(tz);
    if (z) cal.addSubcomponent(z);
  }
  for (const e of input.events) for (const v of vevents(e, input.host, now)) cal.addSubcomponent(v);
  return serialiseCalendar(cal);
}

/** RFC 5545 TEXT escaping (backslash, semicolon, comma, line breaks). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** File name for a downloaded .ics ("sprachcafe-2026-12-08.ics"). */
export function icsFilename(title: string, local: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'termin'}-${local.slice(0, 10)}.ics`;
}
