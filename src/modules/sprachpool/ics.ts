/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) for assignments: the mediator's confirmation carries a METHOD:REQUEST
 * invitation, a cancellation the METHOD:CANCEL of the same UID with a higher SEQUENCE, so calendar apps update or
 * remove the entry they already have. The portal's download is the same calendar.
 *
 * Built with ical.js and the shared pieces in platform/time/icalendar.ts (the zone's VTIMEZONE, lines folded at 75
 * octets), as the events module's feeds are.
 */
import ICAL from 'ical.js';
import { localTime, serialiseCalendar, utcTime, vtimezone } from '../../platform/time/icalendar.js';

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
  return serialiseCalendar(cal);
}

/** File name of an assignment's .ics ("sprachmittlung-2026-12-08.ics"). */
export function assignmentIcsFilename(startLocal: string): string {
  return `sprachmittlung-${startLocal.slice(0, 10)}.ics`;
}
