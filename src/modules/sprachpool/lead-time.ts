/**
 * Working-day arithmetic for the pool's minimum lead time: requests must come `leadTimeWorkingDays` working days
 * ahead, where a working day is Monday to Friday without the public holidays of the region's federal state (the
 * directory's `holidayState`; unknown → the nationwide holidays only). Dates are calendar dates "YYYY-MM-DD" in the
 * region's zone, so no time zone enters here.
 */
import { addDays } from '../../platform/time/zoned-time.js';
import { isPublicHoliday } from '../directory/holidays.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: string): Date {
  if (!DATE.test(date)) throw new Error(`not a date: ${date}`);
  return new Date(`${date}T12:00:00Z`);
}

/** Monday to Friday and not a public holiday in `state` (null: nationwide holidays only). */
export function isWorkingDay(date: string, state: string | null): boolean {
  const weekday = parse(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isPublicHoliday(date, state);
}

/** The date `count` working days after `date` (the day itself does not count; 0 → the same date). */
export function addWorkingDays(date: string, count: number, state: string | null): string {
  let current = date;
  let left = Math.max(0, Math.floor(count));
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, state)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, state: string | null): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, state)) n += 1;
  return n;
}

/**
 * The first date an appointment may take place when requested on `today`: `leadDays` working days later. Requested
 * on a Monday with three days' lead time → Thursday; on a Friday → the Wednesday after.
 */
export function earliestAppointmentDate(today: string, leadDays: number, state: string | null): string {
  return addWorkingDays(today, leadDays, state);
}
