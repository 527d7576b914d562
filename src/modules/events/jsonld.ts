/**
 * schema.org `Event` as JSON-LD for a date page (search engines and calendar apps read it): times with the UTC
 * offset of the event's zone on that day (2026-12-08T18:00:00+01:00, never "Z"), a date for all-day events, the
 * status, online/offline/mixed, the place and/or the online link, organiser, languages, image and price.
 */
import { addDays, utcToZonedLocal } from '../../platform/time/zoned-time.js';
import type { Place } from './ics-data.js';

/** The UTC offset of a zone at an instant ("+01:00", "-05:30", "+00:00"). */
export function offsetOf(at: Date, timeZone: string): string {
  const local = utcToZonedLocal(at, timeZone);
  const minutes = Math.round((Date.parse(`${local}:00Z`) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as local time in a zone with its offset ("2026-12-08T18:00:00+01:00"). */
export function isoWithOffset(at: Date, timeZone: string): string {
  return `${utcToZonedLocal(at, timeZone)}:00${offsetOf(at, timeZone)}`;
}

/** First and last day of an all-day date (the stored end is the morning after the last day). */
export function allDayRange(o: { startsAt: Date; endsAt: Date }, timeZone: string): { first: string; last: string } {
  const first = utcToZonedLocal(o.startsAt, timeZone).slice(0, 10);
  const last = addDays(utcToZonedLocal(o.endsAt, timeZone).slice(0, 10), -1);
  return { first, last: last < first ? first : last };
}

export type EventJsonLdInput = {
  name: string;
  /** Plain text. */
  description: string;
  /** Absolute address of the date page. */
  url: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  cancelled: boolean;
  place: Place | null;
  onlineUrl: string | null;
  organizer: { name: string; url?: string | null; email?: string | null; telephone?: string | null } | null;
  /** Languages spoken at the event; when none are named, the language of the text. */
  languages: readonly string[];
  textLanguage: string;
  /** Absolute image address. */
  imageUrl: string | null;
  /** Price in euros as stored ("5.00"), or null when free. */
  price: string | null;
};

type Json = Record<string, unknown>;

function placeOf(p: Place | null): Json | null {
  if (!p || !(p.name || p.street || p.city)) return null;
  const address: Json = { '@type': 'PostalAddress' };
  if (p.street) address.streetAddress = p.street;
  if (p.postalCode) address.postalCode = p.postalCode;
  if (p.city) address.addressLocality = p.city;
  const place: Json = { '@type': 'Place', name: p.name || [p.street, p.city].filter(Boolean).join(', ') };
  if (p.street || p.postalCode || p.city) place.address = address;
  if (p.lat !== null && p.lon !== null) place.geo = { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lon };
  return place;
}

/** The schema.org Event of one date. */
export function eventJsonLd(input: EventJsonLdInput): Json {
  const out: Json = { '@context': 'https://schema.org', '@type': 'Event', name: input.name };
  if (input.description) out.description = input.description.slice(0, 5000);
  if (input.allDay) {
    const { first, last } = allDayRange(input, input.timeZone);
    out.startDate = first;
    out.endDate = last;
  } else {
    out.startDate = isoWithOffset(input.startsAt, input.timeZone);
    out.endDate = isoWithOffset(input.endsAt, input.timeZone);
  }
  out.eventStatus = input.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled';
  const place = placeOf(input.place);
  const virtual = input.onlineUrl ? { '@type': 'VirtualLocation', url: input.onlineUrl } : null;
  out.eventAttendanceMode = place && virtual ? 'https://schema.org/MixedEventAttendanceMode' : virtual ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode';
  if (place && virtual) out.location = [place, virtual];
  else if (place ?? virtual) out.location = place ?? virtual;
  if (input.organizer?.name) {
    const organizer: Json = { '@type': 'Organization', name: input.organizer.name };
    if (input.organizer.url) organizer.url = input.organizer.url;
    if (input.organizer.email) organizer.email = input.organizer.email;
    if (input.organizer.telephone) organizer.telephone = input.organizer.telephone;
    out.organizer = organizer;
  }
  const languages = input.languages.length ? [...input.languages] : [input.textLanguage];
  out.inLanguage = languages.length === 1 ? languages[0] : languages;
  if (input.imageUrl) out.image = [input.imageUrl];
  const price = input.price === null ? 0 : Number(input.price);
  if (price > 0) out.offers = { '@type': 'Offer', price: price.toFixed(2), priceCurrency: 'EUR', url: input.url };
  else out.isAccessibleForFree = true;
  out.url = input.url;
  return out;
}

/**
 * JSON for the inside of `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes, so no text in a
 * title ("</script><script>…") can end the element or start markup; the line separators JavaScript dislikes too.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
