/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) for assignments: the mediator's confirmation carries a METHOD:REQUEST
 * invitation, a cancellation the METHOD:CANCEL of the same UID with a higher SEQUENCE, so calendar apps update or
 * remove the entry they already have. The portal's download is the same calendar.
 *
 * Built with ical.js (escaping), with the VTIMEZONE of the region's zone from timezones-ical-library; lines are
 * folded at 75 octets, as the events module does for its feeds.
 */
import ICAL from 'ical.js';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

export const PRODID = '-//wegweiser//Sprachpool//DE';
export const ICS_REQUEST_TYPE = 'text/calendar; charset=utf-8; method=REQUEST';
export const ICS_CANCEL_TYPE = 'text/calendar; charset=utf-8; method=CANCEL';

export type AssignmentIcsInput = {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per assignment (`sp-assignment-<id>@<host>`), so a CANCEL finds the entry its REQUEST created. */
  uid: string;
  /** 0 for the invitation, higher for every later message about it. */
  sequence: number;
  summary: string;
  description: string;
  location: string;
  /** Wall-clock start and end in `timeZone` ("2026-12-08T16:00"). */
  startLocal: string;
  endLocal: string;
  timeZone: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  url?: string | undefined;
  createdAt: Date;
  /** DTSTAMP: when this message was made. */
  dtstamp: Date;
};

/** Stable UID of an assignment's calendar entry. */
export function assignmentUid(assignmentId: string, host: string): string {
  return `sp-assignment-${assignmentId}@${host}`;
}

/** The host name of the base URL, for UIDs. */
export function uidHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'wegweiser.local';
  } catch {
    return 'wegweiser.local';
  }
}

/** "2026-12-08T18:00" → floating ICAL.Time. */
function localTime(local: string): ICAL.Time {
  const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(5, 7), local.slice(8, 10), local.slice(11, 13), local.slice(14, 16)].map(Number) as [number, number, number, number, number];
  return ICAL.Time.fromData({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0, isDate: false });
}

function utcTime(at: Date): ICAL.Time {
  return ICAL.Time.fromData(
    { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds(), isDate: false },
    ICAL.Timezone.utcTimezone,
  );
}

let knownZones: Set<string> | undefined;
const vtimezones = new Map<string, string>();

/** The VTIMEZONE of a zone (TZID as given), or undefined when the library does not know it. */
function vtimezone(tz: string): ICAL.Component | undefined {
  knownZones ??= new Set(tzlib_get_timezones());
  if (!knownZones.has(tz)) return undefined;
  let text = vtimezones.get(tz);
  if (text === undefined) {
    const block = tzlib_get_ical_block(tz);
    text = Array.isArray(block) && typeof block[0] === 'string' && block[0].startsWith('BEGIN:VTIMEZONE') ? block[0] : '';
    vtimezones.set(tz, text);
  }
  if (!text) return undefined;
  const zone = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  zone.updatePropertyWithValue('tzid', tz);
  return zone;
}

const LINE_OCTETS = 75;
const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds one content line at 75 octets (the continuation's leading space included), never inside a character. */
function foldLine(line: string): string {
  if (line.length * 4 <= LINE_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  let limit = LINE_OCTETS;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i) ?? 0;
    const n = octets(cp);
    if (bytes + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      bytes = 0;
      limit = LINE_OCTETS - 1;
    }
    bytes += n;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

function person(name: string, email: string, role?: 'attendee'): ICAL.Property {
  const p = new ICAL.Property(role ?? 'organizer');
  p.setValue(`mailto:${email}`);
  if (name) p.setParameter('cn', name);
  if (role === 'attendee') {
    p.setParameter('role', 'REQ-PARTICIPANT');
    p.setParameter('partstat', 'ACCEPTED');
  }
  return p;
}

/** A complete VCALENDAR for one assignment (CRLF line ends, folded lines, the zone's VTIMEZONE). */
export function assignmentCalendar(input: AssignmentIcsInput): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', PRODID);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', input.method);
  const zone = vtimezone(input.timeZone);
  if (zone) cal.addSubcomponent(zone);
  const v = new ICAL.Component('vevent');
  v.updatePropertyWithValue('uid', input.uid);
  v.updatePropertyWithValue('dtstamp', utcTime(input.dtstamp));
  for (const [name, local] of [
    ['dtstart', input.startLocal],
    ['dtend', input.endLocal],
  ] as const) {
    const p = new ICAL.Property(name);
    p.setValue(localTime(local));
    // Without a known zone the times are written as floating local times rather than with a TZID nobody defines.
    if (zone) p.setParameter('tzid', input.timeZone);
    v.addProperty(p);
  }
  v.updatePropertyWithValue('sequence', input.sequence);
  v.updatePropertyWithValue('status', input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
  v.updatePropertyWithValue('summary', input.summary);
  if (input.description) v.updatePropertyWithValue('description', input.description);
  if (input.location) v.updatePropertyWithValue('location', input.location);
  if (input.url) v.updatePropertyWithValue('url', input.url);
  v.updatePropertyWithValue('created', utcTime(input.createdAt));
  v.updatePropertyWithValue('transp', 'OPAQUE');
  v.addProperty(person(input.organizer.name, input.organizer.email));
  v.addProperty(person(input.attendee.name, input.attendee.email, 'attendee'));
  cal.addSubcomponent(v);
  const lines = cal.toString().replace(/\r\n[ \t]/g, '').split('\r\n');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** File name of an assignment's .ics ("sprachmittlung-2026-12-08.ics"). */
export function assignmentIcsFilename(startLocal: string): string {
  return `sprachmittlung-${startLocal.slice(0, 10)}.ics`;
}
