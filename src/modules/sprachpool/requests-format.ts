/**
 * How requests, offers and assignments are written for people: dates in the region's time zone and the reader's
 * language (always the Gregorian calendar, as appointments are agreed), and the details lines that mails and pages
 * share. The full address and how to join are for the assigned mediator only.
 */
import type { Translate } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { languageWithDialect } from './languages.js';
import type { requests } from './schema.js';

export type RequestRow = typeof requests.$inferSelect;

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat([lang, uiLanguageFor(lang)], { calendar: 'gregory', ...options });
  } catch {
    return new Intl.DateTimeFormat('de', { calendar: 'gregory', ...options });
  }
}

/** "Dienstag, 8. Dezember 2026, 16:00–17:30" in the zone. */
export function formatRange(startsAt: Date, endsAt: Date, timeZone: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(startsAt, endsAt);
}

/** "Dienstag, 8. Dezember 2026 um 16:00" in the zone. */
export function formatFull(at: Date, timeZone: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

/** "08.12.2026, 16:00" (lists and tables). */
export function formatShort(at: Date, timeZone: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** "8. Dezember 2026" (subjects). */
export function formatDay(at: Date, timeZone: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'long', timeZone }).format(at);
}

/** "16:00" */
export function formatTime(at: Date, timeZone: string, lang: string): string {
  return dateFormat(lang, { timeStyle: 'short', timeZone }).format(at);
}

/** "Grundschule, Schulweg 1, 12345 Musterstadt" */
export function placeLine(r: Pick<RequestRow, 'placeName' | 'street' | 'postalCode' | 'city'>): string {
  return [r.placeName, r.street, [r.postalCode, r.city].filter(Boolean).join(' ')].filter((s) => s.trim()).join(', ');
}

/** The name of the requested language with its dialect, in the reader's language. */
export function requestLanguage(t: Translate, lang: string, r: Pick<RequestRow, 'language' | 'dialect'>): string {
  return languageWithDialect(t, uiLanguageFor(lang), r.language, r.dialect);
}

export type DetailLevel = 'offer' | 'full';

/**
 * The labelled details of a request as [label, value] pairs. `offer`: what a mediator needs to decide (no address,
 * no join details, no notes); `full`: everything the assigned mediator needs on the day.
 */
export function requestDetails(
  t: Translate,
  lang: string,
  input: { request: RequestRow; timeZone: string; institution?: string | undefined },
  level: DetailLevel,
): [string, string][] {
  const r = input.request;
  const out: [string, string][] = [
    [t('sprachpool-mail.label_language'), requestLanguage(t, lang, r)],
    [t('sprachpool-mail.label_when'), formatRange(r.startsAt, r.endsAt, input.timeZone, lang)],
    [t('sprachpool-mail.label_duration'), t('sprachpool.minutes', { minutes: r.durationMinutes })],
    [t('sprachpool-mail.label_mode'), t(`sprachpool.mode_${r.mode}`)],
    [t('sprachpool-mail.label_setting'), `${t(`sprachpool.setting_${r.setting}`)} – ${t(`sprachpool.topic_${r.topic}`)}`],
  ];
  if (level === 'offer') {
    if (r.mode === 'on_site' && r.city) out.push([t('sprachpool-mail.label_city'), r.city]);
    return out;
  }
  if (input.institution) out.push([t('sprachpool-mail.label_institution'), input.institution]);
  if (r.mode === 'on_site') {
    const place = placeLine(r);
    if (place) out.push([t('sprachpool-mail.label_place'), place]);
  } else if (r.joinInfo.trim()) {
    out.push([t('sprachpool-mail.label_join'), r.joinInfo.trim()]);
  }
  if (r.onSiteContact.trim()) out.push([t('sprachpool-mail.label_onsite_contact'), r.onSiteContact.trim()]);
  if (r.notes.trim() && !r.anonymisedAt) out.push([t('sprachpool-mail.label_notes'), r.notes.trim()]);
  return out;
}
