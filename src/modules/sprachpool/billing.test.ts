import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { translator } from '../../platform/i18n/catalog.js';
import { toCsv } from '../../platform/http/csv.js';
import { amountForMinutes, computeBilling, defaultBillingMonth, getBillingMonth, invoiceCsvRows, monthRange, parseMonth, payoutCsvRows, travelAmount, type BillingSource, type Rates } from './billing.js';
import { centsToDecimal, formatMoney, minutesToHoursDecimal } from './billing-format.js';
import { buildAssignment, buildPoolWorld, buildTimesheet, setPoolSettings, type PoolWorld } from './billing-test-support.js';
import type { TimesheetStatus } from './schema.js';
import { buildMediator } from './test-support.js';

const RATES: Rates = { hourlyRateCents: 2500, minimumMinutes: 60, perKmCents: 30, flatFeeCents: 500, lateCancellationFeeCents: 4000, mediatorHourlyCents: 2000 };

const agencyA = { id: 'a', name: 'Grundschule Am Park', billingReference: 'KST 4711', street: '', postalCode: '', city: '' };
const agencyB = { id: 'b', name: 'Beratungsstelle Nord', billingReference: '', street: '', postalCode: '', city: '' };
const mira = { id: 'm1', firstName: 'Mira', lastName: 'Yilmaz', email: 'mira@example.org', paid: true };
const omar = { id: 'm2', firstName: 'Omar', lastName: 'Haddad', email: 'omar@example.org', paid: false };

let n = 0;
function line(agency: typeof agencyA, mediator: typeof mira, sheet: { status: TimesheetStatus; minutes: number; travelKm?: number; transportCents?: number; resolvedMinutes?: number; resolvedTravelKm?: number; resolvedTransportCents?: number } | null): BillingSource['assignmentLines'][number] {
  n += 1;
  const startsAt = new Date(Date.UTC(2026, 2, n, 9));
  return {
    request: { id: `0000000${n}-0000-4000-8000-000000000000`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), language: 'ar', dialect: '', mode: 'on_site' },
    agency,
    mediator,
    timesheet: sheet
      ? {
          status: sheet.status,
          minutes: sheet.minutes,
          travelKm: sheet.travelKm ?? 0,
          transportCents: sheet.transportCents ?? 0,
          resolvedMinutes: sheet.resolvedMinutes ?? null,
          resolvedTravelKm: sheet.resolvedTravelKm ?? null,
          resolvedTransportCents: sheet.resolvedTransportCents ?? null,
        }
      : null,
  };
}

describe('billing arithmetic (pure)', () => {
  it('rounds hours half up to a whole cent in integers', () => {
    assert.equal(amountForMinutes(60, 2500), 2500);
    assert.equal(amountForMinutes(90, 2500), 3750);
    assert.equal(amountForMinutes(1, 2500), 42, '41.67 ct → 42');
    assert.equal(amountForMinutes(1, 3000), 50, 'exactly 50 ct');
    assert.equal(amountForMinutes(7, 2999), 350, '349.88 → 350');
    assert.equal(amountForMinutes(1, 30), 1, '0.5 ct rounds up');
    assert.equal(amountForMinutes(1, 29), 0, '0.48 ct rounds down');
    assert.equal(amountForMinutes(1440, 1_000_000), 24_000_000);
  });

  it('travel: tickets when reported, else km × rate', () => {
    assert.equal(travelAmount(25, 0, 30), 750);
    assert.equal(travelAmount(0, 580, 30), 580);
    assert.equal(travelAmount(25, 580, 30), 580);
    assert.equal(travelAmount(0, 0, 30), 0);
  });

  it('bills the minimum duration, flat fee, travel; pending lines count in no total', () => {
    const billing = computeBilling(
      {
        assignmentLines: [
          line(agencyA, mira, { status: 'confirmed', minutes: 45, travelKm: 20 }), // minimum 60 → 2500 + 600 + 500
          line(agencyA, mira, { status: 'confirmed', minutes: 95, transportCents: 580 }), // 95 min → 3958.33 → 3958 + 580 + 500
          line(agencyA, omar, { status: 'reported', minutes: 200, travelKm: 100 }), // pending
          line(agencyB, omar, { status: 'resolved', minutes: 180, travelKm: 50, resolvedMinutes: 120, resolvedTravelKm: 10 }), // 5000 + 300 + 500
          line(agencyB, mira, { status: 'disputed', minutes: 60 }), // pending
          line(agencyB, omar, null), // unreported: pending
        ],
        lateCancellations: [{ request: { id: '0000000f-0000-4000-8000-000000000000', startsAt: new Date(Date.UTC(2026, 2, 20, 9)), endsAt: new Date(Date.UTC(2026, 2, 20, 10)), language: 'tr', dialect: '', mode: 'phone' }, agency: agencyB }],
      },
      RATES,
    );
    const [b, a] = billing.invoices;
    assert.equal(a?.agency.name, 'Grundschule Am Park', 'institutions sorted by name');
    assert.equal(b?.agency.name, 'Beratungsstelle Nord');
    assert.ok(a && b);
    assert.deepEqual(
      a.billable.map((l) => [l.billedMinutes, l.hoursCents, l.travelCents, l.flatFeeCents, l.totalCents]),
      [
        [60, 2500, 600, 500, 3600],
        [95, 3958, 580, 500, 5038],
      ],
    );
    assert.equal(a.totalCents, 8638);
    assert.deepEqual(a.pending.map((l) => l.status), ['reported']);
    assert.deepEqual(b.billable.map((l) => [l.kind, l.billedMinutes, l.totalCents]), [
      ['assignment', 120, 5800],
      ['late_cancellation', 0, 4000],
    ]);
    assert.equal(b.billable[0]?.minutes, 120, 'the resolution counts, not the report');
    assert.deepEqual(b.pending.map((l) => l.status).sort(), ['disputed', 'unreported']);
    assert.equal(b.totalCents, 9800);
    assert.equal(billing.totals.invoiceCents, 8638 + 9800);
    assert.equal(billing.totals.billableLines, 4);
    assert.equal(billing.totals.pendingLines, 3);

    const [haddad, yilmaz] = billing.payouts;
    assert.equal(haddad?.mediator.lastName, 'Haddad', 'mediators sorted by last name');
    // Omar: one resolved line: 120 min × 20 €/h = 4000 + travel 300; two pending.
    assert.deepEqual([haddad?.assignments, haddad?.billedMinutes, haddad?.feeCents, haddad?.travelCents, haddad?.totalCents, haddad?.pending], [1, 120, 4000, 300, 4300, 2]);
    // Mira: 60 min (minimum) + 95 min = 155 min; fees rounded per line: 2000 + 3167; travel 600 + 580.
    assert.deepEqual([yilmaz?.assignments, yilmaz?.billedMinutes, yilmaz?.feeCents, yilmaz?.travelCents, yilmaz?.totalCents, yilmaz?.pending], [2, 155, 5167, 1180, 6347, 1]);
    assert.equal(billing.totals.payoutCents, 4300 + 6347);
  });

  it('no late-cancellation line when the fee is 0', () => {
    const billing = computeBilling(
      { assignmentLines: [], lateCancellations: [{ request: { id: '0000000e-0000-4000-8000-000000000000', startsAt: new Date(), endsAt: new Date(), language: 'tr', dialect: '', mode: 'phone' }, agency: agencyB }] },
      { ...RATES, lateCancellationFeeCents: 0 },
    );
    assert.deepEqual(billing.invoices, []);
  });

  it('months: parse, boundaries in the region time zone, the default is last month', () => {
    assert.equal(parseMonth('2026-03'), '2026-03');
    assert.equal(parseMonth('2026-13'), undefined);
    assert.equal(parseMonth('26-03'), undefined);
    assert.equal(parseMonth(undefined), undefined);
    const march = monthRange('2026-03', 'Europe/Berlin');
    assert.equal(march.from.toISOString(), '2026-02-28T23:00:00.000Z', 'CET');
    assert.equal(march.to.toISOString(), '2026-03-31T22:00:00.000Z', 'CEST after the change on 29 March');
    assert.equal(monthRange('2026-12', 'Europe/Berlin').to.toISOString(), '2026-12-31T23:00:00.000Z');
    assert.equal(defaultBillingMonth('Europe/Berlin', new Date('2026-01-01T00:30:00Z')), '2025-12', 'already January in Berlin');
    assert.equal(defaultBillingMonth('Europe/Berlin', new Date('2025-12-31T22:30:00Z')), '2025-11', 'still December in Berlin (23:30)');
  });

  it('money and hours as text: integers only', () => {
    assert.equal(centsToDecimal(123456), '1234.56');
    assert.equal(centsToDecimal(5), '0.05');
    assert.equal(centsToDecimal(-5), '-0.05');
    assert.equal(minutesToHoursDecimal(90), '1.50');
    assert.equal(minutesToHoursDecimal(20), '0.33');
    assert.equal(minutesToHoursDecimal(155), '2.58');
    assert.equal(formatMoney(123456, 'de'), '1.234,56\u00a0€');
  });
});

describe('billing of a month (database, Europe/Berlin)', () => {
  let t: TestApp;
  let w: PoolWorld;

  before(async () => {
    t = await createTestApp();
    w = await buildPoolWorld(t);
    await setPoolSettings(t.db, w.region.id, { ...RATES });
  });
  after(() => t.close());

  it('an appointment late on the last day of a month in Berlin is that month, not the next (and vice versa)', async () => {
    const who = { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id };
    // 31 January 23:30 Berlin = 22:30 UTC; 1 March 00:15 Berlin = 28 February 23:15 UTC.
    const lateJan = await buildAssignment(t.db, who, { startLocal: '2026-01-31T23:30', durationMinutes: 60, status: 'done' });
    const earlyMar = await buildAssignment(t.db, who, { startLocal: '2026-03-01T00:15', durationMinutes: 60, status: 'done' });
    const midFeb = await buildAssignment(t.db, who, { startLocal: '2026-02-10T10:00', durationMinutes: 60, status: 'done' });
    for (const x of [lateJan, earlyMar, midFeb]) await buildTimesheet(t.db, w.region.id, x.assignment, { minutes: 60, status: 'confirmed' });
    const month = async (m: string) => (await getBillingMonth(t.db, w.coordinator.actor, { regionId: w.region.id, month: m })).billing.invoices.flatMap((i) => i.billable.map((l) => l.requestId));
    assert.deepEqual(await month('2026-01'), [lateJan.request.id]);
    assert.deepEqual(await month('2026-02'), [midFeb.request.id]);
    assert.deepEqual(await month('2026-03'), [earlyMar.request.id]);
  });

  it('late cancellations by the institution are billed with the fee; cancelled assignments are not', async () => {
    const who = { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id };
    await buildAssignment(t.db, who, { startLocal: '2026-04-07T10:00', status: 'cancelled', request: { lateCancellation: true, cancelledBy: 'agency' } });
    await buildAssignment(t.db, who, { startLocal: '2026-04-08T10:00', status: 'cancelled', request: { cancelledBy: 'agency' } });
    const { billing } = await getBillingMonth(t.db, w.coordinator.actor, { regionId: w.region.id, month: '2026-04' });
    assert.equal(billing.invoices.length, 1);
    assert.deepEqual(billing.invoices[0]?.billable.map((l) => [l.kind, l.totalCents]), [['late_cancellation', 4000]]);
    assert.deepEqual(billing.payouts, []);
  });

  it('the CSV exports: header, one row per billable line or mediator, amounts with a decimal point, formula-safe', async () => {
    const who = { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id };
    const volunteer = await buildMediator(t.db, w.region.id, { firstName: '=HYPERLINK("x")', lastName: 'Ehrenamt', paid: false });
    const a = await buildAssignment(t.db, who, { startLocal: '2026-05-05T16:00', durationMinutes: 90, status: 'done' });
    await buildTimesheet(t.db, w.region.id, a.assignment, { minutes: 95, transportCents: 580, status: 'confirmed' });
    const b = await buildAssignment(t.db, { ...who, mediatorId: volunteer.id }, { startLocal: '2026-05-06T09:00', durationMinutes: 60, status: 'done', request: { language: 'uk' } });
    await buildTimesheet(t.db, w.region.id, b.assignment, { minutes: 30, travelKm: 12, status: 'resolved', resolvedMinutes: 40 });
    const pending = await buildAssignment(t.db, who, { startLocal: '2026-05-07T09:00', status: 'done' });
    await buildTimesheet(t.db, w.region.id, pending.assignment, { minutes: 60, status: 'reported' });

    const { billing } = await getBillingMonth(t.db, w.coordinator.actor, { regionId: w.region.id, month: '2026-05' });
    const de = translator('de');
    const invoices = toCsv(invoiceCsvRows(de, 'de', 'Europe/Berlin', billing));
    assert.ok(invoices.startsWith('\ufeff'), 'UTF-8 with BOM');
    const rows = parse(invoices.slice(1), { relax_column_count: false }) as string[][];
    assert.equal(rows.length, 3, 'header + the two billable lines; the reported one is pending');
    const header = rows[0] ?? [];
    const col = (name: string, row: string[]) => row[header.indexOf(name)];
    const first = rows[1] ?? [];
    assert.equal(col('Einrichtung', first), w.agency.row.name);
    assert.equal(col('Datum', first), '2026-05-05');
    assert.equal(col('Beginn', first), '16:00');
    assert.equal(col('Ende', first), '17:30');
    assert.equal(col('Sprache', first), 'Arabisch');
    assert.equal(col('Abgerechnete Minuten', first), '95');
    assert.equal(col('Betrag Stunden (EUR)', first), '39.58');
    assert.equal(col('Fahrtkosten (EUR)', first), '5.80');
    assert.equal(col('Pauschale (EUR)', first), '5.00');
    assert.equal(col('Summe (EUR)', first), '50.38');
    const second = rows[2] ?? [];
    assert.equal(col('Stand', second), 'geklärt');
    assert.equal(col('Minuten', second), '40');
    assert.equal(col('Abgerechnete Minuten', second), '60', 'the minimum duration');
    assert.equal(col('Fahrtkosten (EUR)', second), '3.60');
    assert.equal(col('Summe (EUR)', second), '33.60');

    const payouts = parse(toCsv(payoutCsvRows(de, billing)).slice(1)) as string[][];
    assert.equal(payouts.length, 3);
    const ph = payouts[0] ?? [];
    const byLast = (last: string) => payouts.find((r) => r[ph.indexOf('Nachname')] === last) ?? [];
    const paid = byLast(w.mediator.row.lastName);
    assert.equal(paid[ph.indexOf('Art')], 'Honorar');
    assert.equal(paid[ph.indexOf('Stunden')], '1.58');
    assert.equal(paid[ph.indexOf('Honorar (EUR)')], '31.67');
    assert.equal(paid[ph.indexOf('Summe (EUR)')], '37.47');
    const vol = byLast('Ehrenamt');
    assert.equal(vol[ph.indexOf('Art')], 'Aufwandsentschädigung');
    assert.equal(vol[ph.indexOf('Vorname')], `'=HYPERLINK("x")`, 'a formula is defused');
    assert.equal(vol[ph.indexOf('Summe (EUR)')], '23.60');
  });
});
