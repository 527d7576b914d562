/**
 * Recurrence: the editor's form ("every 2nd Tuesday of the month, until June") ⇄ an RFC 5545 RRULE, and the
 * expansion of an event into occurrences.
 *
 * Expansion runs on wall-clock time (ical.js iterates floating times), and every occurrence's local start and end
 * are then turned into instants in the event's zone on their own — so "every Tuesday 18:00" stays 18:00 in Berlin
 * across the summer-time change, which is what people mean. The RRULE is stored in its RFC 5545 form for a DTSTART
 * with TZID (UNTIL in UTC; a DATE for all-day events), so feeds can emit it as it is.
 */
import ICAL from 'ical.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { HORIZON_DAYS, MAX_OCCURRENCES } from './schema.js';

export const FREQS = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type Freq = (typeof FREQS)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Monthly by weekday: 1st–4th or last (-1). */
export const SET_POSITIONS = [1, 2, 3, 4, -1] as const;
export type SetPosition = (typeof SET_POSITIONS)[number];
export const END_MODES = ['until', 'count', 'never'] as const;

/** What the event form asks about recurrence. */
export type RecurrenceForm = {
  freq: Freq;
  interval: number;
  /** Weekly: the days. */
  byDay: Weekday[];
  /** Monthly: on the start's day of the month, or on the nth weekday (the start's weekday). */
  monthlyMode: 'day' | 'weekday';
  setPos: SetPosition;
  endMode: (typeof END_MODES)[number];
  /** Last date (inclusive, "2027-06-30") when endMode is 'until'. */
  until: string;
  count: number;
};

export const NO_RECURRENCE: RecurrenceForm = { freq: 'none', interval: 1, byDay: [], monthlyMode: 'day', setPos: 1, endMode: 'until', until: '', count: 10 };

/** The schedule of an event as stored. */
export type Schedule = {
  startLocal: string;
  endLocal: string;
  timeZone: string;
  allDay: boolean;
  rrule: string | null;
  exdates: readonly string[];
  rdates: readonly string[];
};

export type Occurrence = { recurrenceId: string; startLocal: string; endLocal: string; startsAt: Date; endsAt: Date };

export type Expansion = {
  occurrences: Occurrence[];
  /** The rule goes on past the horizon (open-ended, or a far UNTIL): extend later. */
  continues: boolean;
  /** The rule yields more than MAX_OCCURRENCES dates within the horizon. */
  tooMany: boolean;
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-08T18:00" → floating ICAL.Time (a DATE for all-day events). */
function toIcalTime(local: string, isDate: boolean): ICAL.Time {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`not a local datetime: ${local}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return ICAL.Time.fromData({ year, month, day, hour: isDate ? 0 : hour, minute: isDate ? 0 : minute, second: 0, isDate });
}

function fromIcalTime(t: ICAL.Time): string {
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.isDate ? 0 : t.hour)}:${p(t.isDate ? 0 : t.minute)}`;
}

/** Minutes between two wall-clock times, ignoring zones ("how long the event lasts on the clock"). */
export function localMinutes(a: string, b: string): number {
  const ms = (s: string) => Date.parse(`${s}:00Z`);
  return Math.round((ms(b) - ms(a)) / 60_000);
}

/** Adds wall-clock minutes to a local time. */
export function addLocalMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** Parses a stored RRULE; undefined when ical.js cannot read it or it has no FREQ. */
export function parseRrule(rrule: string): ICAL.Recur | undefined {
  try {
    const r = ICAL.Recur.fromString(rrule.replace(/^RRULE:/i, '').trim());
    return r.freq ? r : undefined;
  } catch {
    return undefined;
  }
}

const ICAL_FREQ: Record<Exclude<Freq, 'none'>, string> = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', yearly: 'YEARLY' };

function weekdayOf(local: string): Weekday {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(d + 6) % 7] as Weekday;
}

/**
 * The RRULE for a form, or null for a single date. UNTIL is the end of the chosen day in the event's zone, in UTC
 * (a DATE for all-day events), as RFC 5545 asks when DTSTART has a TZID.
 */
export function buildRrule(form: RecurrenceForm, schedule: Pick<Schedule, 'startLocal' | 'timeZone' | 'allDay'>): string | null {
  if (form.freq === 'none') return null;
  const parts = [`FREQ=${ICAL_FREQ[form.freq]}`];
  if (form.interval > 1) parts.push(`INTERVAL=${form.interval}`);
  if (form.freq === 'weekly') {
    const days = form.byDay.length > 0 ? form.byDay : [weekdayOf(schedule.startLocal)];
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => days.includes(d)).join(',')}`);
  }
  if (form.freq === 'monthly') {
    if (form.monthlyMode === 'weekday') parts.push(`BYDAY=${form.setPos}${weekdayOf(schedule.startLocal)}`);
    else parts.push(`BYMONTHDAY=${Number(schedule.startLocal.slice(8, 10))}`);
  }
  if (form.endMode === 'count') parts.push(`COUNT=${form.count}`);
  if (form.endMode === 'until' && form.until) {
    if (schedule.allDay) parts.push(`UNTIL=${form.until.replaceAll('-', '')}`);
    else {
      const end = zonedLocalToUtc(`${form.until}T23:59`, schedule.timeZone);
      if (end) parts.push(`UNTIL=${end.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    }
  }
  return parts.join(';');
}

/**
 * The form for a stored RRULE, or undefined when the rule is more than the form can say (an imported
 * "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1"): such rules are kept as they are and shown as text.
 */
export function formOfRrule(rrule: string | null, schedule: Pick<Schedule, 'startLocal' | 'timeZone' | 'allDay'>): RecurrenceForm | undefined {
  if (!rrule) return { ...NO_RECURRENCE };
  const keys = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((kv) => kv.split('=') as [string, string]),
  );
  const freq = (Object.entries(ICAL_FREQ).find(([, v]) => v === keys.get('FREQ'))?.[0] ?? undefined) as Freq | undefined;
  if (!freq) return undefined;
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);
  if ([...keys.keys()].some((k) => !allowed.has(k))) return undefined;
  const form: RecurrenceForm = { ...NO_RECURRENCE, freq, interval: Number(keys.get('INTERVAL') ?? 1) || 1 };
  const byDay = keys.get('BYDAY');
  if (freq === 'weekly') {
    if (keys.has('BYMONTHDAY')) return undefined;
    const days = (byDay ?? weekdayOf(schedule.startLocal)).split(',');
    if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return undefined;
    form.byDay = days;
  } else if (freq === 'monthly') {
    if (byDay) {
      const m = /^(-1|[1-4])([A-Z]{2})$/.exec(byDay);
      if (!m || m[2] !== weekdayOf(schedule.startLocal) || keys.has('BYMONTHDAY')) return undefined;
      form.monthlyMode = 'weekday';
      form.setPos = Number(m[1]) as SetPosition;
    } else if (keys.has('BYMONTHDAY') && Number(keys.get('BYMONTHDAY')) !== Number(schedule.startLocal.slice(8, 10))) return undefined;
  } else if (byDay || keys.has('BYMONTHDAY')) return undefined;
  const count = keys.get('COUNT');
  const until = keys.get('UNTIL');
  if (count) {
    form.endMode = 'count';
    form.count = Number(count);
  } else if (until) {
    form.endMode = 'until';
    form.until = untilLocalDate(until, schedule.timeZone);
  } else form.endMode = 'never';
  return form;
}

/** The local date ("2027-06-30") an UNTIL value names in the event's zone. */
function untilLocalDate(until: string, timeZone: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
  if (!m) return '';
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!m[4] || !m[7]) return date;
  return utcToZonedLocal(new Date(`${date}T${m[4]}:${m[5]}:${m[6]}Z`), timeZone).slice(0, 10);
}

/**
 * A recurrence whose UNTIL is in UTC, rewritten to the floating wall-clock time it names in `timeZone`, so that
 * ical.js compares like with like while iterating floating times.
 */
function floatingRecur(rrule: string, schedule: Schedule): ICAL.Recur | undefined {
  const recur = parseRrule(rrule);
  if (!recur) return undefined;
  const until = recur.until;
  if (until) {
    if (schedule.allDay) recur.until = ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, isDate: true });
    else if (until.zone === ICAL.Timezone.utcTimezone || /Z$/.test(rrule.split('UNTIL=')[1]?.split(';')[0] ?? '')) {
      const instant = new Date(Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second));
      recur.until = toIcalTime(utcToZonedLocal(instant, schedule.timeZone), false);
      recur.until.second = 59;
    } else if (until.isDate) recur.until = ICAL.Time.fromData({ year: until.year, month: until.month, day: until.day, hour: 23, minute: 59, second: 59 });
  }
  return recur;
}

/** An open-ended series keeps this much history; older dates are not derived again (so a daily café never hits the cap). */
export const OPEN_SERIES_HISTORY_DAYS = 90;

/**
 * The occurrences of an event from its start up to `horizon` (default: HORIZON_DAYS from `now`), at most
 * MAX_OCCURRENCES. EXDATEs are left out, RDATEs added; each occurrence keeps the event's wall-clock duration. An
 * open-ended rule is derived from OPEN_SERIES_HISTORY_DAYS before `now` on; a finite one from its start.
 */
export function expandSchedule(schedule: Schedule, opts: { now?: Date; horizon?: Date; max?: number } = {}): Expansion {
  const max = opts.max ?? MAX_OCCURRENCES;
  const now = opts.now ?? new Date();
  const horizon = opts.horizon ?? new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const horizonLocal = utcToZonedLocal(horizon, schedule.timeZone);
  const historyLocal = utcToZonedLocal(new Date(now.getTime() - OPEN_SERIES_HISTORY_DAYS * 86_400_000), schedule.timeZone);
  const minutes = localMinutes(schedule.startLocal, schedule.endLocal);
  const excluded = new Set(schedule.exdates);
  const starts = new Set<string>();
  let continues = false;
  let tooMany = false;

  if (schedule.rrule) {
    const recur = floatingRecur(schedule.rrule, schedule);
    if (!recur) throw new Error(`unreadable RRULE: ${schedule.rrule}`);
    const finite = Boolean(recur.count || recur.until);
    const it = recur.iterator(toIcalTime(schedule.startLocal, schedule.allDay));
    // ical.js stops at COUNT/UNTIL. A finite rule is counted to its end (more than `max` dates in all is refused);
    // an open-ended one stops at the horizon and is extended later.
    let total = 0;
    for (let next = it.next(), guard = 0; next; next = it.next()) {
      const local = fromIcalTime(next);
      if (!finite && local < historyLocal) continue;
      guard++;
      if (!excluded.has(local)) total++;
      if (total > max || guard > max * 20) {
        tooMany = true;
        break;
      }
      if (local > horizonLocal) {
        continues = true;
        if (!finite) break;
        continue;
      }
      if (!excluded.has(local)) starts.add(local);
    }
  } else if (!excluded.has(schedule.startLocal)) starts.add(schedule.startLocal);
  for (const r of schedule.rdates) if (!excluded.has(r)) starts.add(r);

  const occurrences: Occurrence[] = [];
  for (const startLocal of [...starts].sort()) {
    if (occurrences.length >= max) {
      tooMany = true;
      break;
    }
    const endLocal = addLocalMinutes(startLocal, minutes);
    const startsAt = zonedLocalToUtc(startLocal, schedule.timeZone);
    const endsAt = zonedLocalToUtc(endLocal, schedule.timeZone);
    if (!startsAt || !endsAt) continue;
    occurrences.push({ recurrenceId: startLocal, startLocal, endLocal, startsAt, endsAt });
  }
  return { occurrences, continues, tooMany };
}
