/**
 * Weekly availability as the matching sees it: an appointment's local weekday and minutes in the region's time zone
 * (from the stored instants, so summer time is always right), and whether a mediator's weekly pattern covers it.
 * Pure functions; the queries are in matching.ts.
 */
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';

/** An appointment in local terms: date, ISO weekday (1 = Monday), minutes after local midnight, and "HH:MM". */
export type LocalSlot = { date: string; weekday: number; startMinute: number; endMinute: number; start: string; end: string };
export type MinuteRange = { startMinute: number; endMinute: number };

const minuteOf = (local: string) => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
const DAY_MS = 86_400_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a date "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "HH:MM" for minutes after midnight (1440 = "24:00"). */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The local slot of [startsAt, endsAt) in `timeZone`. An end after local midnight counts past 1440 (an end at exactly
 * midnight is 1440), so a slot that runs into the next day is never covered by one day's pattern.
 */
export function localSlot(startsAt: Date, endsAt: Date, timeZone: string): LocalSlot {
  const startLocal = utcToZonedLocal(startsAt, timeZone);
  const endLocal = utcToZonedLocal(endsAt, timeZone);
  const date = startLocal.slice(0, 10);
  const days = Math.round((Date.parse(`${endLocal.slice(0, 10)}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
  return {
    date,
    weekday: weekdayOf(date),
    startMinute: minuteOf(startLocal),
    endMinute: days * 1440 + minuteOf(endLocal),
    start: startLocal.slice(11, 16),
    end: endLocal.slice(11, 16),
  };
}

/** Ranges sorted and joined where they touch or overlap (08:00–12:00 + 12:00–16:00 = 08:00–16:00). */
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute);
  const out: MinuteRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, r.endMinute);
    else out.push({ startMinute: r.startMinute, endMinute: r.endMinute });
  }
  return out;
}

/** Whether one day's entries cover [startMinute, endMinute] completely. */
export function coversSlot(ranges: readonly MinuteRange[], startMinute: number, endMinute: number): boolean {
  return mergeRanges(ranges).some((r) => r.startMinute <= startMinute && r.endMinute >= endMinute);
}

/** "08:00–12:00, 14:00–18:00" — a day's pattern for a reason shown to the coordinator. */
export function formatRanges(ranges: readonly MinuteRange[]): string {
  return mergeRanges(ranges)
    .map((r) => `${formatMinute(r.startMinute)}–${formatMinute(r.endMinute)}`)
    .join(', ');
}
