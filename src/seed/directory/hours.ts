/**
 * Opening-hour patterns of the demo directory as HSDS schedules (model.ts ScheduleInput): weekly and monthly rules
 * built from a few helpers, and the dated exceptions ("closed 24.12.–1.1.", "closed until …"), which depend on the
 * day the demo is seeded.
 */
import type { ScheduleInput } from '../../modules/directory/model.js';
import { addDays } from '../../platform/time/zoned-time.js';

/** A weekly rule: `days` as HSDS BYDAY ("MO,TU,WE"), times "HH:MM". */
export function weekly(days: string, opensAt: string, closesAt: string, description?: string): ScheduleInput {
  return { freq: 'WEEKLY', interval: 1, byday: days, opensAt, closesAt, ...(description ? { description } : {}) };
}

/** A monthly rule: `days` as ordinal BYDAY ("1WE" = every first Wednesday, "2TH,4TH", "-1FR" = last Friday). */
export function monthly(days: string, opensAt: string, closesAt: string, description?: string): ScheduleInput {
  return { freq: 'MONTHLY', interval: 1, byday: days, opensAt, closesAt, ...(description ? { description } : {}) };
}

/** An exception: closed on every day from `validFrom` to `validTo` (inclusive, "YYYY-MM-DD"), whatever the rules say. */
export function closed(validFrom: string, validTo: string, description: string): ScheduleInput {
  return { freq: null, closed: true, validFrom, validTo, description };
}

const WORKDAYS = 'MO,TU,WE,TH,FR';

/** Shared patterns (several services use each). */
export const HOURS = {
  /** The classic counselling office: mornings Mo–Fr, afternoons Tu and Th. */
  office: [weekly(WORKDAYS, '09:00', '12:00'), weekly('TU,TH', '14:00', '17:00')],
  /** Authorities with an early start and one long afternoon. */
  authority: [weekly(WORKDAYS, '08:00', '12:00'), weekly('TH', '14:00', '18:00')],
  /** Counselling by appointment, core hours Mo–Th. */
  counselling: [weekly('MO,TU,WE,TH', '09:00', '12:30'), weekly('MO,WE', '13:30', '16:00')],
  /** Open consultation hours twice a week. */
  twiceWeekly: [weekly('TU', '10:00', '12:00'), weekly('TH', '15:00', '18:00')],
  /** Doctors' practices. */
  practice: [weekly(WORKDAYS, '08:00', '12:00'), weekly('MO,TU,TH', '15:00', '18:00')],
  practiceShort: [weekly(WORKDAYS, '08:30', '12:30'), weekly('MO,TH', '14:30', '17:30')],
  /** Language course times (mornings, and an evening course). */
  courseMorning: [weekly(WORKDAYS, '08:30', '12:45', 'Unterricht')],
  courseEvening: [weekly('MO,TU,WE,TH', '18:00', '21:15', 'Abendkurs')],
  /** Kita opening hours. */
  kita: [weekly(WORKDAYS, '07:00', '16:30')],
  /** School office. */
  schoolOffice: [weekly(WORKDAYS, '07:30', '13:00')],
  /** Youth centre afternoons. */
  youth: [weekly(WORKDAYS, '14:00', '20:00')],
  /** Around the clock, every day (a slot closing at its opening time runs 24 hours). */
  always: [weekly('MO,TU,WE,TH,FR,SA,SU', '00:00', '00:00', 'rund um die Uhr')],
} satisfies Record<string, ScheduleInput[]>;

/** "YYYY-MM-DD" of an instant in Europe/Berlin. */
export function berlinDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}


/** The dated exceptions relative to the seeding day. */
export function datedExceptions(now: Date): { christmas: ScheduleInput; renovation: ScheduleInput; renovationUntil: string } {
  const today = berlinDate(now);
  const year = Number(today.slice(0, 4)) - (today.endsWith('-01-01') ? 1 : 0);
  const renovationUntil = addDays(today, 21);
  return {
    christmas: closed(`${year}-12-24`, `${year + 1}-01-01`, 'Weihnachtspause: geschlossen vom 24.12. bis 1.1.'),
    renovation: closed(addDays(today, -7), renovationUntil, 'Wegen Renovierung vorübergehend geschlossen'),
    renovationUntil,
  };
}
