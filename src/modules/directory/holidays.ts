/**
 * German public holidays, nationwide and per federal state (ISO 3166-2 code, "DE-NW"). Services are closed on them
 * unless a schedule explicitly opens on that date (hours.ts).
 *
 * Hand-written rather than a dependency: the rules are a fixed list of about twenty dates that change by law only
 * every few years; feiertagejs computes with JavaScript Dates in the process's time zone (we work with calendar
 * dates "YYYY-MM-DD" in the region's zone) and date-holidays ships the rules of every country (megabytes) for one
 * country's table. Regional holidays that apply only to some municipalities (Augsburger Friedensfest, Fronleichnam in
 * parts of Saxony and Thuringia, Mariä Himmelfahrt in the Catholic parts of Bavaria) are simplified: Mariä
 * Himmelfahrt counts for all of Bavaria, the others are left out.
 */

export type HolidayKey =
  | 'new_year'
  | 'epiphany'
  | 'womens_day'
  | 'good_friday'
  | 'easter_sunday'
  | 'easter_monday'
  | 'labour_day'
  | 'liberation_day'
  | 'ascension_day'
  | 'whit_sunday'
  | 'whit_monday'
  | 'corpus_christi'
  | 'assumption_day'
  | 'childrens_day'
  | 'german_unity_day'
  | 'reformation_day'
  | 'all_saints_day'
  | 'repentance_day'
  | 'christmas_day'
  | 'boxing_day';

export type PublicHoliday = { date: string; key: HolidayKey };

/** The federal states (ISO 3166-2:DE). */
export const GERMAN_STATES = ['DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV', 'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH'] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher) as [month 1–12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The date `days` after Easter Sunday (negative: before). */
function easterOffset(year: number, days: number): string {
  const [m, d] = easterSunday(year);
  return iso(year, m, d + days);
}

/** Buß- und Bettag: the Wednesday before 23 November (between 16 and 22 November). */
function repentanceDay(year: number): string {
  const nov22 = new Date(Date.UTC(year, 10, 22));
  const back = (nov22.getUTCDay() - 3 + 7) % 7;
  return iso(year, 11, 22 - back);
}

function inState(state: string | null, ...codes: string[]): boolean {
  return state !== null && codes.includes(state.toUpperCase());
}

/**
 * The public holidays of a year, nationwide plus those of `state` (null: nationwide only), sorted by date. Unknown
 * state codes get the nationwide holidays.
 */
export function publicHolidays(year: number, state: string | null): PublicHoliday[] {
  const s = state?.toUpperCase() ?? null;
  const list: PublicHoliday[] = [
    { date: iso(year, 1, 1), key: 'new_year' },
    { date: easterOffset(year, -2), key: 'good_friday' },
    { date: easterOffset(year, 1), key: 'easter_monday' },
    { date: iso(year, 5, 1), key: 'labour_day' },
    { date: easterOffset(year, 39), key: 'ascension_day' },
    { date: easterOffset(year, 50), key: 'whit_monday' },
    { date: iso(year, 10, 3), key: 'german_unity_day' },
    { date: iso(year, 12, 25), key: 'christmas_day' },
    { date: iso(year, 12, 26), key: 'boxing_day' },
  ];
  const add = (date: string, key: HolidayKey) => list.push({ date, key });

  if (inState(s, 'DE-BW', 'DE-BY', 'DE-ST')) add(iso(year, 1, 6), 'epiphany');
  if ((inState(s, 'DE-BE') && year >= 2019) || (inState(s, 'DE-MV') && year >= 2023)) add(iso(year, 3, 8), 'womens_day');
  // Brandenburg names Easter Sunday and Whit Sunday as holidays (they matter for Sunday opening rules).
  if (inState(s, 'DE-BB')) {
    add(easterOffset(year, 0), 'easter_sunday');
    add(easterOffset(year, 49), 'whit_sunday');
  }
  // One-off: 75th and 80th anniversary of the end of the war, Berlin only.
  if (inState(s, 'DE-BE') && (year === 2020 || year === 2025)) add(iso(year, 5, 8), 'liberation_day');
  if (inState(s, 'DE-BW', 'DE-BY', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL')) add(easterOffset(year, 60), 'corpus_christi');
  if (inState(s, 'DE-SL', 'DE-BY')) add(iso(year, 8, 15), 'assumption_day');
  if (inState(s, 'DE-TH') && year >= 2019) add(iso(year, 9, 20), 'childrens_day');
  const reformation =
    year === 2017 || inState(s, 'DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH') || (year >= 2018 && inState(s, 'DE-HB', 'DE-HH', 'DE-NI', 'DE-SH'));
  if (reformation) add(iso(year, 10, 31), 'reformation_day');
  if (inState(s, 'DE-BW', 'DE-BY', 'DE-NW', 'DE-RP', 'DE-SL')) add(iso(year, 11, 1), 'all_saints_day');
  if (inState(s, 'DE-SN')) add(repentanceDay(year), 'repentance_day');

  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, Set<string>>();

/** The holiday dates of a year and state as a set (cached: "open now" asks for the same year again and again). */
function holidaySet(year: number, state: string | null): Set<string> {
  const k = `${year}|${state?.toUpperCase() ?? ''}`;
  let set = cache.get(k);
  if (!set) {
    set = new Set(publicHolidays(year, state).map((h) => h.date));
    cache.set(k, set);
  }
  return set;
}

/** Whether a calendar date ("YYYY-MM-DD") is a public holiday nationwide or in `state`. */
export function isPublicHoliday(date: string, state: string | null): boolean {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return false;
  return holidaySet(year, state).has(date);
}

/** The holiday on a date, or undefined. */
export function holidayOn(date: string, state: string | null): PublicHoliday | undefined {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  return publicHolidays(year, state).find((h) => h.date === date);
}
