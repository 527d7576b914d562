/**
 * Dates and times of events as readers read them: in their language (Intl, Gregorian calendar) and the region's
 * zone; all-day dates by their own days. Used by the pages, the home section and the search hits.
 */
import type { Translate } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';
import { allDayRange, isoWithOffset } from './jsonld.js';

type Timed = { startsAt: Date; endsAt: Date; allDay: boolean; timeZone: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date formatter in the reader's language (Gregorian calendar), cached; falls back to the UI language. */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat([lang, uiLanguageFor(lang)], { calendar: 'gregory', ...options });
    } catch {
      f = new Intl.DateTimeFormat(uiLanguageFor(lang), { calendar: 'gregory', ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

/** A local day ("2026-12-08") as an instant that formats as that day in UTC. */
export const dayAt = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Dienstag, 8. Dezember 2026" of a local day. */
export function formatDay(date: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(dayAt(date));
}

/** The local day a date starts on in the region's zone (all-day dates: their own day). */
export function startDay(e: Timed, timeZone: string): string {
  return e.allDay ? allDayRange(e, e.timeZone).first : utcToZonedLocal(e.startsAt, timeZone).slice(0, 10);
}

/**
 * When a date takes place, in the reader's language and the region's zone: the full date and the times
 * ("Dienstag, 8. Dezember 2026, 18:00–20:00 Uhr"), a range of days for longer or all-day dates. `timeOnly` leaves
 * out the day when it stands above (a list grouped by day): "18:00–20:00 Uhr", or "all day".
 */
export function formatWhen(e: Timed, lang: string, timeZone: string, t: Translate, timeOnly = false): string {
  if (e.allDay) {
    const { first, last } = allDayRange(e, e.timeZone);
    if (first === last) return timeOnly ? t('events-public.all_day') : `${formatDay(first, lang)} (${t('events-public.all_day')})`;
    return dateFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).formatRange(dayAt(first), dayAt(last));
  }
  const sameDay = utcToZonedLocal(e.startsAt, timeZone).slice(0, 10) === utcToZonedLocal(new Date(e.endsAt.getTime() - 60_000), timeZone).slice(0, 10);
  if (timeOnly && sameDay) return dateFormat(lang, { timeStyle: 'short', timeZone }).formatRange(e.startsAt, e.endsAt);
  return dateFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(e.startsAt, e.endsAt);
}

/** The start as a `<time datetime>` value: a date for all-day dates, else local time with offset. */
export function datetimeAttr(e: Timed): string {
  return e.allDay ? allDayRange(e, e.timeZone).first : isoWithOffset(e.startsAt, e.timeZone);
}


/**
 * The time a calendar cell shows for a date on one of its days: "18:00–20:00 Uhr" on a one-day date, the start time
 * on the first day of a longer one, "continued" on the days after, "all day" for all-day dates.
 */
export function calendarTime(e: Timed, day: string, lang: string, timeZone: string, t: Translate): string {
  if (e.allDay) return startDay(e, timeZone) === day ? t('events-public.all_day') : t('events-public.continued');
  if (startDay(e, timeZone) !== day) return t('events-public.continued');
  const sameDay = utcToZonedLocal(new Date(e.endsAt.getTime() - 60_000), timeZone).slice(0, 10) === day;
  return sameDay ? dateFormat(lang, { timeStyle: 'short', timeZone }).formatRange(e.startsAt, e.endsAt) : dateFormat(lang, { timeStyle: 'short', timeZone }).format(e.startsAt);
}
