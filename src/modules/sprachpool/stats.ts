/**
 * Pool statistics for a date range (default: the last 12 months): requests by language, setting and institution,
 * fulfilment rate, time from request to assignment, hours per month, no-shows and late cancellations.
 *
 * A request counts in the range by the local day of its appointment (region time zone). Definitions:
 *   fulfilment rate      = requests assigned or done / requests not cancelled by the institution
 *   time to assignment   = assigned at − created at, over the requests that got a mediator; the median (middle
 *                          value, the mean of the two middle ones for an even count) and the 90th percentile
 *                          (nearest rank: the smallest value at least 90 % of the durations do not exceed)
 *   hours per month      = minutes of the timesheets (the coordinator's resolution, else the report), by the month
 *                          of the appointment
 * Everything used here survives anonymisation (retention.ts keeps language, setting, institution, status, times,
 * minutes), so the figures for a year do not change when its details are removed.
 */
import { and, eq, gte, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import type { FieldErrors } from '../../platform/errors.js';
import { addDays, utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { nextMonth } from './billing.js';
import { openPool, type PoolContext } from './context.js';
import { agencies, assignments, requests, timesheets, type RequestStatus, type Setting } from './schema.js';

export type StatsRange = { from: string; to: string };

const DAY = 86_400_000;
/** The longest range the page computes (about five years). */
export const MAX_RANGE_DAYS = 1830;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local date "YYYY-MM-DD" that exists, or undefined. */
export function parseLocalDate(text: string | undefined): string | undefined {
  const m = DATE.exec((text ?? '').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2100 || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The last 12 months: from the first day of the month eleven months back to today (local). */
export function defaultStatsRange(timeZone: string, now = new Date()): StatsRange {
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  let month = today.slice(0, 7);
  for (let i = 0; i < 11; i++) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  return { from: `${month}-01`, to: today };
}

/** The range of the stats form (`from`, `to`; empty = the default's), or messages at the fields. */
export function parseStatsRange(values: { from?: string | undefined; to?: string | undefined }, timeZone: string, now = new Date()): { ok: true; range: StatsRange } | { ok: false; errors: FieldErrors } {
  const fallback = defaultStatsRange(timeZone, now);
  const errors: FieldErrors = {};
  const fromText = (values.from ?? '').trim();
  const toText = (values.to ?? '').trim();
  const from = fromText ? parseLocalDate(fromText) : fallback.from;
  const to = toText ? parseLocalDate(toText) : fallback.to;
  if (!from) errors.from = { key: 'sprachpool-billing.error_date' };
  if (!to) errors.to = { key: 'sprachpool-billing.error_date' };
  if (from && to) {
    if (from > to) errors.to = { key: 'sprachpool-billing.error_range_order' };
    else if ((Date.parse(to) - Date.parse(from)) / DAY > MAX_RANGE_DAYS) errors.to = { key: 'sprachpool-billing.error_range_long', params: { years: 5 } };
  }
  if (Object.keys(errors).length || !from || !to) return { ok: false, errors };
  return { ok: true, range: { from, to } };
}

/** The months "YYYY-MM" a range touches, in order. */
export function monthsOf(range: StatsRange): string[] {
  const out: string[] = [];
  for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); m = nextMonth(m)) out.push(m);
  return out;
}

// ---------- the computation ----------

export type StatsRequest = {
  id: string;
  status: RequestStatus;
  language: string;
  setting: Setting;
  agencyId: string;
  agencyName: string;
  createdAt: Date;
  assignedAt: Date | null;
  startsAt: Date;
  cancelledBy: 'agency' | 'coordinator' | 'mediator' | null;
  lateCancellation: boolean;
};
export type StatsMinutes = { requestId: string; minutes: number };

export type CountRow = { key: string; label: string; total: number; fulfilled: number };
export type MonthRow = { month: string; requests: number; minutes: number };

export type PoolStats = {
  range: StatsRange;
  total: number;
  fulfilled: number;
  /** Requests not cancelled by the institution (the rate's denominator). */
  considered: number;
  /** fulfilled / considered, 0–1; null when nothing to consider. */
  fulfilmentRate: number | null;
  /** Hours from request to assignment; null without assignments. */
  medianHoursToAssignment: number | null;
  p90HoursToAssignment: number | null;
  assignedCount: number;
  byLanguage: CountRow[];
  bySetting: CountRow[];
  byInstitution: CountRow[];
  byMonth: MonthRow[];
  totalMinutes: number;
  noShows: number;
  lateCancellations: number;
  cancelledByInstitution: number;
  rejected: number;
};

const FULFILLED: ReadonlySet<RequestStatus> = new Set(['assigned', 'done']);

/** The middle value (mean of the two middle ones for an even count) of sorted numbers. */
export function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile of sorted numbers by nearest rank. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function countBy(rows: StatsRequest[], key: (r: StatsRequest) => string, label: (r: StatsRequest) => string): CountRow[] {
  const map = new Map<string, CountRow>();
  for (const r of rows) {
    const k = key(r);
    let row = map.get(k);
    if (!row) map.set(k, (row = { key: k, label: label(r), total: 0, fulfilled: 0 }));
    row.total += 1;
    if (FULFILLED.has(r.status)) row.fulfilled += 1;
  }
  return [...map.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'de'));
}

/** The statistics of the requests of a range (pure; see the definitions at the top). */
export function computeStats(range: StatsRange, timeZone: string, rows: StatsRequest[], minutes: StatsMinutes[]): PoolStats {
  const fulfilled = rows.filter((r) => FULFILLED.has(r.status)).length;
  const cancelledByInstitution = rows.filter((r) => r.status === 'cancelled' && r.cancelledBy === 'agency').length;
  const considered = rows.length - cancelledByInstitution;
  const durations = rows
    .filter((r) => r.assignedAt && r.assignedAt >= r.createdAt)
    .map((r) => ((r.assignedAt?.getTime() ?? 0) - r.createdAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const months = new Map(monthsOf(range).map((m) => [m, { month: m, requests: 0, minutes: 0 }]));
  const monthOfRequest = new Map<string, string>();
  for (const r of rows) {
    const month = utcToZonedLocal(r.startsAt, timeZone).slice(0, 7);
    monthOfRequest.set(r.id, month);
    const row = months.get(month);
    if (row) row.requests += 1;
  }
  let totalMinutes = 0;
  for (const m of minutes) {
    const month = monthOfRequest.get(m.requestId);
    const row = month ? months.get(month) : undefined;
    if (!row) continue;
    row.minutes += m.minutes;
    totalMinutes += m.minutes;
  }
  return {
    range,
    total: rows.length,
    fulfilled,
    considered,
    fulfilmentRate: considered > 0 ? fulfilled / considered : null,
    medianHoursToAssignment: median(durations),
    p90HoursToAssignment: percentile(durations, 90),
    assignedCount: durations.length,
    byLanguage: countBy(rows, (r) => r.language, (r) => r.language),
    bySetting: countBy(rows, (r) => r.setting, (r) => r.setting),
    byInstitution: countBy(rows, (r) => r.agencyId, (r) => r.agencyName),
    byMonth: [...months.values()],
    totalMinutes,
    noShows: rows.filter((r) => r.status === 'no_show').length,
    lateCancellations: rows.filter((r) => r.lateCancellation).length,
    cancelledByInstitution,
    rejected: rows.filter((r) => r.status === 'rejected').length,
  };
}

// ---------- loading ----------

/** The instants of a local date range [from 00:00, day after to 00:00). */
export function rangeInstants(range: StatsRange, timeZone: string): { from: Date; to: Date } {
  const from = zonedLocalToUtc(`${range.from}T00:00`, timeZone);
  const to = zonedLocalToUtc(`${addDays(range.to, 1)}T00:00`, timeZone);
  if (!from || !to) throw new Error('bad range');
  return { from, to };
}

/** Statistics of a region's pool for the coordinator (pool.manage). */
export async function getPoolStats(db: Db, actor: Actor, input: { regionId: string; range: StatsRange }): Promise<{ ctx: PoolContext; stats: PoolStats }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const tz = ctx.region.timezone;
  const { from, to } = rangeInstants(input.range, tz);
  const inRange = and(eq(requests.regionId, ctx.region.id), gte(requests.startsAt, from), lt(requests.startsAt, to));
  const [rows, sheets] = await Promise.all([
    db
      .select({
        id: requests.id,
        status: requests.status,
        language: requests.language,
        setting: requests.setting,
        agencyId: requests.agencyId,
        agencyName: agencies.name,
        createdAt: requests.createdAt,
        assignedAt: requests.assignedAt,
        startsAt: requests.startsAt,
        cancelledBy: requests.cancelledBy,
        lateCancellation: requests.lateCancellation,
      })
      .from(requests)
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .where(inRange),
    db
      .select({ requestId: assignments.requestId, minutes: timesheets.minutes, resolvedMinutes: timesheets.resolvedMinutes })
      .from(timesheets)
      .innerJoin(assignments, eq(assignments.id, timesheets.assignmentId))
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .where(and(inRange, ne(assignments.status, 'cancelled'))),
  ]);
  const minutes = sheets.map((s) => ({ requestId: s.requestId, minutes: s.resolvedMinutes ?? s.minutes }));
  return { ctx, stats: computeStats(input.range, tz, rows, minutes) };
}
