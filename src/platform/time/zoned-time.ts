/**
 * `<input type="datetime-local">` values in a region's time zone: the browser sends wall-clock time without a zone
 * ("2026-12-01T09:00"); the database stores instants. The region's zone (regions.timezone) decides what the wall
 * clock means, including summer time.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour) % 24, mi: Number(parts.minute), s: Number(parts.second) };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Berlin in winter: +3 600 000). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names, or undefined when the text is not a datetime-local value. A time
 * skipped by the spring change (02:30 in Berlin) becomes the instant shown as 03:30; a time that occurs twice in
 * autumn resolves to one of its two instants.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  let guess = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(guess, timeZone);
  if (second !== guess) guess = offsetAt(second, timeZone) === offsetAt(guess, timeZone) ? second : Math.max(guess, second);
  return new Date(guess);
}

/** The datetime-local value ("2026-12-01T09:00") of an instant in `timeZone`; '' for null. */
export function utcToZonedLocal(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  const w = wallClock(at, timeZone);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(w.y, 4)}-${p(w.mo)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}`;
}

const DAY_MS = 86_400_000;

/** The calendar day `days` after a "YYYY-MM-DD" day (`addDays("2026-12-31", 1)` → "2027-01-01"); negative `days` go back. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether `now` is "the day before" `at` in `timeZone`: `at` falls on tomorrow's local calendar day and it is at
 * least `fromHour` o'clock today. Reminder jobs run hourly with this, so a date is reminded at the first run from
 * `fromHour` on the day before (nobody gets a mail at 2 a.m.).
 */
export function isDayBefore(at: Date, timeZone: string, now: Date, fromHour = 0): boolean {
  const today = utcToZonedLocal(now, timeZone);
  if (Number(today.slice(11, 13)) < fromHour) return false;
  return utcToZonedLocal(at, timeZone).slice(0, 10) === addDays(today.slice(0, 10), 1);
}
