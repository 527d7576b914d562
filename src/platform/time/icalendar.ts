/**
 * The RFC 5545 pieces every calendar we write needs, on top of ical.js: wall-clock and UTC times, the VTIMEZONE of a
 * zone (timezones-ical-library), and serialising with lines folded at 75 octets (ical.js lets continuation lines reach
 * 76 with their leading space). Used by the events feeds and mails and by the Sprachpool's assignment invitations.
 */
import ICAL from 'ical.js';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

/** "2026-12-08T18:00" → floating ICAL.Time (or a DATE). */
export function localTime(local: string, isDate = false): ICAL.Time {
  const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(5, 7), local.slice(8, 10), local.slice(11, 13), local.slice(14, 16)].map(Number) as [number, number, number, number, number];
  return ICAL.Time.fromData({ year: y, month: mo, day: d, hour: isDate ? 0 : h, minute: isDate ? 0 : mi, second: 0, isDate });
}

/** An instant as a UTC ICAL.Time (DTSTAMP, CREATED, LAST-MODIFIED). */
export function utcTime(at: Date): ICAL.Time {
  return ICAL.Time.fromData({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds(), isDate: false }, ICAL.Timezone.utcTimezone);
}

let knownZones: Set<string> | undefined;

/** Whether a VTIMEZONE can be written for this TZID. */
export function hasVtimezone(tz: string): boolean {
  knownZones ??= new Set(tzlib_get_timezones());
  return knownZones.has(tz);
}

const vtimezones = new Map<string, string>();

/**
 * The VTIMEZONE component of a zone, or undefined when the library does not know it. The library answers an alias
 * ("Europe/Kiev") with the canonical zone ("Europe/Kyiv"); the TZID is set to the name asked for, so every TZID used
 * has its VTIMEZONE.
 */
export function vtimezone(tz: string): ICAL.Component | undefined {
  if (!hasVtimezone(tz)) return undefined;
  let text = vtimezones.get(tz);
  if (text === undefined) {
    const block = tzlib_get_ical_block(tz);
    text = Array.isArray(block) && typeof block[0] === 'string' && block[0].startsWith('BEGIN:VTIMEZONE') ? block[0] : '';
    vtimezones.set(tz, text);
  }
  if (!text) return undefined;
  const zone = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  zone.updatePropertyWithValue('tzid', tz);
  zone.updatePropertyWithValue('x-lic-location', tz);
  return zone;
}

const LINE_OCTETS = 75;

/** UTF-8 length of one code point. */
function octets(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 3.1): no line longer than 75 octets, the leading space of a continuation line
 * included, and never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
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

/** ical.js output, unfolded and folded again by `foldLine`, with CRLF after every line (the last one too). */
export function serialiseCalendar(cal: ICAL.Component): string {
  const lines = cal.toString().replace(/\r\n[ \t]/g, '').split('\r\n');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
