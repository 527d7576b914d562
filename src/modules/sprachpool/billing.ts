/**
 * Monthly billing of the pool: invoice lines per institution and payouts per mediator, from the timesheets and the
 * region's rates (`poolSettings`).
 *
 * Which month: an appointment belongs to the month of its start in the region's time zone (an appointment on
 * 31 January at 23:30 in Berlin is January's, though it is 22:30 UTC).
 *
 * Invoice line of an assignment (figures: the coordinator's resolution, else the mediator's report):
 *   billed minutes = max(minutes, minimum duration)
 *   hours amount   = billed minutes × hourly rate / 60, rounded half up to a whole cent
 *   travel amount  = public-transport tickets when reported, else km × rate per km (a report has one or the other)
 *   flat fee       = the region's flat fee per assignment
 *   total          = hours amount + travel amount + flat fee
 * A late cancellation by the institution is a line of its own with the region's late-cancellation fee (none when
 * the fee is 0). Only confirmed and resolved timesheets are billable; reported and disputed ones, and ended
 * assignments nobody reported yet, are listed as pending and count in no total.
 *
 * Payout of a mediator: the same billed minutes × the mediator's hourly rate / 60 (rounded half up per line), plus
 * the same travel amount; for volunteers (`paid = false`) the rate is their expense allowance.
 *
 * All money is integer cents; rounding happens once per line and totals are sums of rounded lines, so the CSV adds
 * up to the totals shown.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import type { Translate } from '../../platform/i18n/catalog.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { centsToDecimal, minutesToHoursDecimal, requestRef } from './billing-format.js';
import { openPool, type PoolContext } from './context.js';
import { languageWithDialect } from './languages.js';
import { agencies, assignments, mediators, requests, timesheets, type Mode, type TimesheetStatus } from './schema.js';
import type { PoolSettings } from './settings.js';
import { billedFigures } from './timesheets.js';

export type Rates = Pick<PoolSettings, 'hourlyRateCents' | 'minimumMinutes' | 'perKmCents' | 'flatFeeCents' | 'lateCancellationFeeCents' | 'mediatorHourlyCents'>;

/** minutes × rate per hour / 60, rounded half up to a whole cent, in integers. */
export function amountForMinutes(minutes: number, centsPerHour: number): number {
  return Math.floor((2 * minutes * centsPerHour + 60) / 120);
}

/** Travel: the tickets when reported, else km × rate per km. */
export function travelAmount(travelKm: number, transportCents: number, perKmCents: number): number {
  return transportCents > 0 ? transportCents : travelKm * perKmCents;
}

// ---------- months ----------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month "YYYY-MM" (years 2000–2100), or undefined. */
export function parseMonth(text: string | undefined): string | undefined {
  const m = MONTH.exec((text ?? '').trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100 ? `${m[1]}-${m[2]}` : undefined;
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The instants a local month spans in a time zone: [from, to). */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const from = zonedLocalToUtc(`${month}-01T00:00`, timeZone);
  const to = zonedLocalToUtc(`${nextMonth(month)}-01T00:00`, timeZone);
  if (!from || !to) throw new Error(`bad month ${month}`);
  return { from, to };
}

/** The month billed by default: the one before the current local month. */
export function defaultBillingMonth(timeZone: string, now = new Date()): string {
  return previousMonth(utcToZonedLocal(now, timeZone).slice(0, 7));
}

// ---------- the computation ----------

export type LineStatus = TimesheetStatus | 'unreported' | 'late_cancellation';

export type InvoiceLine = {
  kind: 'assignment' | 'late_cancellation';
  requestId: string;
  ref: string;
  startsAt: Date;
  endsAt: Date;
  language: string;
  dialect: string;
  mode: Mode;
  mediatorName: string;
  status: LineStatus;
  billable: boolean;
  /** The figures that count (resolution or report); null while nobody reported. */
  minutes: number | null;
  billedMinutes: number;
  hoursCents: number;
  travelKm: number;
  transportCents: number;
  travelCents: number;
  flatFeeCents: number;
  lateFeeCents: number;
  totalCents: number;
};

export type AgencyInfo = { id: string; name: string; billingReference: string; street: string; postalCode: string; city: string };
export type MediatorInfo = { id: string; firstName: string; lastName: string; email: string; paid: boolean };

export type InstitutionInvoice = { agency: AgencyInfo; billable: InvoiceLine[]; pending: InvoiceLine[]; totalCents: number };

export type MediatorPayout = {
  mediator: MediatorInfo;
  assignments: number;
  billedMinutes: number;
  travelKm: number;
  transportCents: number;
  travelCents: number;
  feeCents: number;
  totalCents: number;
  /** Assignments of the month not yet billable (reported, disputed, unreported). */
  pending: number;
};

export type BillingSource = {
  assignmentLines: {
    request: { id: string; startsAt: Date; endsAt: Date; language: string; dialect: string; mode: Mode };
    agency: AgencyInfo;
    mediator: MediatorInfo;
    timesheet: Parameters<typeof billedFigures>[0] & { status: TimesheetStatus } | null;
  }[];
  lateCancellations: { request: { id: string; startsAt: Date; endsAt: Date; language: string; dialect: string; mode: Mode }; agency: AgencyInfo }[];
};

export type Billing = {
  rates: Rates;
  invoices: InstitutionInvoice[];
  payouts: MediatorPayout[];
  totals: { invoiceCents: number; payoutCents: number; billableLines: number; pendingLines: number };
};

const byTime = (a: InvoiceLine, b: InvoiceLine) => a.startsAt.getTime() - b.startsAt.getTime() || a.ref.localeCompare(b.ref);

/** Invoices and payouts of a month's appointments under the given rates (pure; see the rules at the top). */
export function computeBilling(source: BillingSource, rates: Rates): Billing {
  const invoices = new Map<string, InstitutionInvoice>();
  const payouts = new Map<string, MediatorPayout>();
  const invoiceOf = (agency: AgencyInfo) => {
    let inv = invoices.get(agency.id);
    if (!inv) invoices.set(agency.id, (inv = { agency, billable: [], pending: [], totalCents: 0 }));
    return inv;
  };
  const payoutOf = (mediator: MediatorInfo) => {
    let p = payouts.get(mediator.id);
    if (!p) payouts.set(mediator.id, (p = { mediator, assignments: 0, billedMinutes: 0, travelKm: 0, transportCents: 0, travelCents: 0, feeCents: 0, totalCents: 0, pending: 0 }));
    return p;
  };

  for (const { request, agency, mediator, timesheet } of source.assignmentLines) {
    const status: LineStatus = timesheet ? timesheet.status : 'unreported';
    const billable = status === 'confirmed' || status === 'resolved';
    const figures = timesheet ? billedFigures(timesheet) : null;
    const billedMinutes = figures ? Math.max(figures.minutes, rates.minimumMinutes) : 0;
    const hoursCents = figures ? amountForMinutes(billedMinutes, rates.hourlyRateCents) : 0;
    const travelCents = figures ? travelAmount(figures.travelKm, figures.transportCents, rates.perKmCents) : 0;
    const flatFeeCents = figures ? rates.flatFeeCents : 0;
    const line: InvoiceLine = {
      kind: 'assignment',
      requestId: request.id,
      ref: requestRef(request.id),
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      language: request.language,
      dialect: request.dialect,
      mode: request.mode,
      mediatorName: `${mediator.firstName} ${mediator.lastName}`,
      status,
      billable,
      minutes: figures?.minutes ?? null,
      billedMinutes,
      hoursCents,
      travelKm: figures?.travelKm ?? 0,
      transportCents: figures?.transportCents ?? 0,
      travelCents,
      flatFeeCents,
      lateFeeCents: 0,
      totalCents: hoursCents + travelCents + flatFeeCents,
    };
    const inv = invoiceOf(agency);
    const payout = payoutOf(mediator);
    if (!billable) {
      inv.pending.push(line);
      payout.pending += 1;
      continue;
    }
    inv.billable.push(line);
    inv.totalCents += line.totalCents;
    const fee = amountForMinutes(billedMinutes, rates.mediatorHourlyCents);
    payout.assignments += 1;
    payout.billedMinutes += billedMinutes;
    payout.travelKm += line.travelKm;
    payout.transportCents += line.transportCents;
    payout.travelCents += travelCents;
    payout.feeCents += fee;
    payout.totalCents += fee + travelCents;
  }

  if (rates.lateCancellationFeeCents > 0) {
    for (const { request, agency } of source.lateCancellations) {
      const inv = invoiceOf(agency);
      inv.billable.push({
        kind: 'late_cancellation',
        requestId: request.id,
        ref: requestRef(request.id),
        startsAt: request.startsAt,
        endsAt: request.endsAt,
        language: request.language,
        dialect: request.dialect,
        mode: request.mode,
        mediatorName: '',
        status: 'late_cancellation',
        billable: true,
        minutes: null,
        billedMinutes: 0,
        hoursCents: 0,
        travelKm: 0,
        transportCents: 0,
        travelCents: 0,
        flatFeeCents: 0,
        lateFeeCents: rates.lateCancellationFeeCents,
        totalCents: rates.lateCancellationFeeCents,
      });
      inv.totalCents += rates.lateCancellationFeeCents;
    }
  }

  const invoiceList = [...invoices.values()].sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'de'));
  for (const inv of invoiceList) {
    inv.billable.sort(byTime);
    inv.pending.sort(byTime);
  }
  const payoutList = [...payouts.values()].sort((a, b) => a.mediator.lastName.localeCompare(b.mediator.lastName, 'de') || a.mediator.firstName.localeCompare(b.mediator.firstName, 'de'));
  return {
    rates,
    invoices: invoiceList,
    payouts: payoutList,
    totals: {
      invoiceCents: invoiceList.reduce((s, i) => s + i.totalCents, 0),
      payoutCents: payoutList.reduce((s, p) => s + p.totalCents, 0),
      billableLines: invoiceList.reduce((s, i) => s + i.billable.length, 0),
      pendingLines: invoiceList.reduce((s, i) => s + i.pending.length, 0),
    },
  };
}

// ---------- loading ----------

const agencyColumns = { id: agencies.id, name: agencies.name, billingReference: agencies.billingReference, street: agencies.street, postalCode: agencies.postalCode, city: agencies.city };
const requestColumns = { id: requests.id, startsAt: requests.startsAt, endsAt: requests.endsAt, language: requests.language, dialect: requests.dialect, mode: requests.mode };

/** The appointments of a local month in a region, as computeBilling takes them. */
export async function loadBillingSource(db: Db, regionId: string, range: { from: Date; to: Date }, now = new Date()): Promise<BillingSource> {
  const inMonth = and(eq(requests.regionId, regionId), gte(requests.startsAt, range.from), lt(requests.startsAt, range.to));
  const [assignmentLines, lateCancellations] = await Promise.all([
    db
      .select({
        request: requestColumns,
        agency: agencyColumns,
        mediator: { id: mediators.id, firstName: mediators.firstName, lastName: mediators.lastName, email: mediators.email, paid: mediators.paid },
        timesheet: timesheets,
      })
      .from(assignments)
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .innerJoin(mediators, eq(mediators.id, assignments.mediatorId))
      .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
      .where(and(inMonth, eq(assignments.regionId, regionId), inArray(assignments.status, ['active', 'done'])))
      .orderBy(asc(requests.startsAt)),
    db
      .select({ request: requestColumns, agency: agencyColumns })
      .from(requests)
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .where(and(inMonth, eq(requests.status, 'cancelled'), eq(requests.lateCancellation, true)))
      .orderBy(asc(requests.startsAt)),
  ]);
  // Only ended assignments are due; a future one in the month is not pending billing yet.
  return { assignmentLines: assignmentLines.filter((l) => l.timesheet || l.request.endsAt <= now), lateCancellations };
}

/** The billing of a month for the coordinator (pool.manage). */
export async function getBillingMonth(db: Db, actor: Actor, input: { regionId: string; month: string }, now = new Date()): Promise<{ ctx: PoolContext; month: string; billing: Billing }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const range = monthRange(input.month, ctx.region.timezone);
  const source = await loadBillingSource(db, ctx.region.id, range, now);
  return { ctx, month: input.month, billing: computeBilling(source, ctx.settings) };
}

// ---------- CSV ----------

/*
 * CSV format (both exports): the platform's toCsv — comma-separated, UTF-8 with BOM, CRLF, formula-safe cells, like
 * the audit-log and registration exports. Amounts are euros with a decimal point and two places ("1234.50"), hours
 * decimal with two places, dates ISO ("2026-12-08") and times 24 h ("16:00") in the region's time zone: one format a
 * spreadsheet's import dialog or an accounting program reads without guessing the locale.
 */

/** Invoice lines of the month (billable only), one row per line, institution by institution. */
export function invoiceCsvRows(t: Translate, lang: string, timeZone: string, billing: Billing): string[][] {
  const header = [
    'csv_institution', 'csv_billing_reference', 'csv_date', 'csv_start', 'csv_end', 'csv_ref', 'csv_language', 'csv_mode', 'csv_item', 'csv_status',
    'csv_minutes', 'csv_billed_minutes', 'csv_hours_amount', 'csv_km', 'csv_transport', 'csv_travel_amount', 'csv_flat_fee', 'csv_late_fee', 'csv_total',
  ].map((k) => t(`sprachpool-billing.${k}`));
  const rows: string[][] = [header];
  for (const inv of billing.invoices) {
    for (const l of inv.billable) {
      const start = utcToZonedLocal(l.startsAt, timeZone);
      const end = utcToZonedLocal(l.endsAt, timeZone);
      rows.push([
        inv.agency.name,
        inv.agency.billingReference,
        start.slice(0, 10),
        start.slice(11, 16),
        end.slice(11, 16),
        l.ref,
        languageWithDialect(t, lang, l.language, l.dialect),
        t(`sprachpool.mode_${l.mode}`),
        t(l.kind === 'late_cancellation' ? 'sprachpool-billing.item_late_cancellation' : 'sprachpool-billing.item_assignment'),
        l.kind === 'late_cancellation' ? '' : t(`sprachpool.timesheet_status_${l.status}`),
        l.minutes === null ? '' : String(l.minutes),
        l.kind === 'late_cancellation' ? '' : String(l.billedMinutes),
        centsToDecimal(l.hoursCents),
        String(l.travelKm),
        centsToDecimal(l.transportCents),
        centsToDecimal(l.travelCents),
        centsToDecimal(l.flatFeeCents),
        centsToDecimal(l.lateFeeCents),
        centsToDecimal(l.totalCents),
      ]);
    }
  }
  return rows;
}

/** Payouts of the month, one row per mediator with billable assignments. */
export function payoutCsvRows(t: Translate, billing: Billing): string[][] {
  const header = ['csv_last_name', 'csv_first_name', 'csv_email', 'csv_payout_kind', 'csv_assignments', 'csv_billed_minutes', 'csv_hours', 'csv_km', 'csv_transport', 'csv_travel_amount', 'csv_fee', 'csv_total'].map((k) =>
    t(`sprachpool-billing.${k}`),
  );
  const rows: string[][] = [header];
  for (const p of billing.payouts) {
    if (p.assignments === 0) continue;
    rows.push([
      p.mediator.lastName,
      p.mediator.firstName,
      p.mediator.email,
      t(p.mediator.paid ? 'sprachpool-billing.payout_paid' : 'sprachpool-billing.payout_volunteer'),
      String(p.assignments),
      String(p.billedMinutes),
      minutesToHoursDecimal(p.billedMinutes),
      String(p.travelKm),
      centsToDecimal(p.transportCents),
      centsToDecimal(p.travelCents),
      centsToDecimal(p.feeCents),
      centsToDecimal(p.totalCents),
    ]);
  }
  return rows;
}
