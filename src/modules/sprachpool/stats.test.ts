import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAssignment, buildPoolWorld, buildTimesheet, type PoolWorld } from './billing-test-support.js';
import { anonymiseExpiredRequests } from './retention.js';
import { defaultStatsRange, getPoolStats, median, monthsOf, parseStatsRange, percentile, type PoolStats } from './stats.js';
import { buildAgency, buildRequest } from './test-support.js';


describe('statistics helpers (pure)', () => {
  it('median and 90th percentile (nearest rank)', () => {
    assert.equal(median([]), null);
    assert.equal(median([5]), 5);
    assert.equal(median([1, 2, 3, 10]), 2.5);
    assert.equal(percentile([6, 12, 24, 48, 100], 90), 100);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([], 90), null);
  });

  it('the default range is the last 12 months up to today in the region zone; the form is checked', () => {
    assert.deepEqual(defaultStatsRange('Europe/Berlin', new Date('2026-03-31T22:30:00Z')), { from: '2025-05-01', to: '2026-04-01' }, 'already 1 April in Berlin');
    assert.deepEqual(defaultStatsRange('Europe/Berlin', new Date('2026-01-15T12:00:00Z')), { from: '2025-02-01', to: '2026-01-15' });
    const now = new Date('2026-01-15T12:00:00Z');
    assert.deepEqual(parseStatsRange({ from: '2025-01-01', to: '2025-12-31' }, 'Europe/Berlin', now), { ok: true, range: { from: '2025-01-01', to: '2025-12-31' } });
    assert.deepEqual(parseStatsRange({}, 'Europe/Berlin', now), { ok: true, range: { from: '2025-02-01', to: '2026-01-15' } });
    const bad = parseStatsRange({ from: '2025-02-30', to: 'morgen' }, 'Europe/Berlin', now);
    assert.ok(!bad.ok && bad.errors.from && bad.errors.to);
    const order = parseStatsRange({ from: '2025-05-01', to: '2025-04-01' }, 'Europe/Berlin', now);
    assert.ok(!order.ok && order.errors.to?.key === 'sprachpool-billing.error_range_order');
    const long = parseStatsRange({ from: '2015-01-01', to: '2025-04-01' }, 'Europe/Berlin', now);
    assert.ok(!long.ok && long.errors.to?.key === 'sprachpool-billing.error_range_long');
    assert.deepEqual(monthsOf({ from: '2025-11-15', to: '2026-02-01' }), ['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('statistics over a known set of requests (database, Europe/Berlin)', () => {
  let t: TestApp;
  let w: PoolWorld;
  const range = { from: '2025-01-01', to: '2025-12-31' };
  const stats = async (): Promise<PoolStats> => (await getPoolStats(t.db, w.coordinator.actor, { regionId: w.region.id, range })).stats;

  before(async () => {
    t = await createTestApp();
    w = await buildPoolWorld(t);
    const a = w.agency.row;
    const b = (await buildAgency(t.db, w.region.id, { name: 'Beratungsstelle Nord', kind: 'counselling' })).agency;
    const who = (agencyId: string) => ({ region: w.region, mediatorId: w.mediator.row.id, agencyId });
    const at = (iso: string) => new Date(iso);
    // 1, 2: done, Arabic, school, A; minutes 90 and 60→45 (resolved)
    const r1 = await buildAssignment(t.db, who(a.id), { startLocal: '2025-01-10T10:00', status: 'done', request: { createdAt: at('2025-01-01T10:00:00Z'), assignedAt: at('2025-01-02T10:00:00Z'), notes: 'Bitte pünktlich' } });
    await buildTimesheet(t.db, w.region.id, r1.assignment, { minutes: 90, status: 'reported', note: 'Notiz' });
    const r2 = await buildAssignment(t.db, who(a.id), { startLocal: '2025-01-20T10:00', status: 'done', request: { createdAt: at('2025-01-10T08:00:00Z'), assignedAt: at('2025-01-12T08:00:00Z') } });
    await buildTimesheet(t.db, w.region.id, r2.assignment, { minutes: 60, status: 'resolved', resolvedMinutes: 45, disputeReason: 'kürzer', resolutionNote: 'ok' });
    // 3: assigned, Turkish, health, B; 6 h to assignment
    await buildAssignment(t.db, who(b.id), { startLocal: '2025-02-05T10:00', status: 'active', request: { language: 'tr', setting: 'health', createdAt: at('2025-02-01T10:00:00Z'), assignedAt: at('2025-02-01T16:00:00Z') } });
    // 4: cancelled late by the institution (not in the rate's denominator)
    await buildRequest(t.db, w.region.id, b.id, { startLocal: '2025-02-10T10:00', status: 'cancelled', cancelledBy: 'agency', lateCancellation: true, language: 'tr', setting: 'counselling', cancelReason: 'krank' });
    // 5: cancelled by the coordinator
    await buildRequest(t.db, w.region.id, a.id, { startLocal: '2025-03-01T10:00', status: 'cancelled', cancelledBy: 'coordinator', language: 'fa' });
    // 6: no-show, 12 h to assignment
    await buildAssignment(t.db, who(b.id), { startLocal: '2025-03-15T10:00', status: 'no_show', request: { createdAt: at('2025-03-01T00:00:00Z'), assignedAt: at('2025-03-01T12:00:00Z') } });
    // 7: still requested; 11: rejected (court)
    await buildRequest(t.db, w.region.id, a.id, { startLocal: '2025-04-01T10:00', status: 'requested', language: 'uk', setting: 'authority' });
    await buildRequest(t.db, w.region.id, b.id, { startLocal: '2025-05-05T10:00', status: 'rejected', setting: 'court', rejectReason: 'Gericht' });
    // 8: 31 Dec 23:30 in Berlin (22:30 UTC) is December 2025; 100 h to assignment, 120 minutes
    const r8 = await buildAssignment(t.db, who(a.id), { startLocal: '2025-12-31T23:30', status: 'done', request: { createdAt: at('2025-12-27T18:30:00Z'), assignedAt: at('2025-12-31T22:30:00Z') } });
    await buildTimesheet(t.db, w.region.id, r8.assignment, { minutes: 120, status: 'confirmed' });
    // Outside the range: 1 Jan 2026 00:30 Berlin (still 2025 in UTC), 31 Dec 2024 23:30 Berlin.
    await buildRequest(t.db, w.region.id, a.id, { startLocal: '2026-01-01T00:30', status: 'requested' });
    await buildRequest(t.db, w.region.id, a.id, { startLocal: '2024-12-31T23:30', status: 'requested' });
  });
  after(() => t.close());

  it('counts requests by language, setting and institution; rate, times, hours, no-shows, late cancellations', async () => {
    const s = await stats();
    assert.equal(s.total, 9);
    assert.equal(s.fulfilled, 4);
    assert.equal(s.cancelledByInstitution, 1);
    assert.equal(s.considered, 8);
    assert.equal(s.fulfilmentRate, 0.5);
    assert.equal(s.assignedCount, 5);
    assert.equal(s.medianHoursToAssignment, 24);
    assert.equal(s.p90HoursToAssignment, 100);
    assert.equal(s.noShows, 1);
    assert.equal(s.lateCancellations, 1);
    assert.equal(s.rejected, 1);
    assert.deepEqual(s.byLanguage.map((r) => [r.key, r.total, r.fulfilled]), [
      ['ar', 5, 3],
      ['tr', 2, 1],
      ['fa', 1, 0],
      ['uk', 1, 0],
    ]);
    assert.deepEqual(Object.fromEntries(s.bySetting.map((r) => [r.key, [r.total, r.fulfilled]])), { school: [5, 3], health: [1, 1], counselling: [1, 0], authority: [1, 0], court: [1, 0] });
    assert.deepEqual(s.byInstitution.map((r) => [r.label, r.total, r.fulfilled]), [
      [w.agency.row.name, 5, 3],
      ['Beratungsstelle Nord', 4, 1],
    ]);
    assert.equal(s.byMonth.length, 12);
    const month = (m: string) => s.byMonth.find((x) => x.month === m);
    assert.deepEqual(month('2025-01'), { month: '2025-01', requests: 2, minutes: 135 });
    assert.deepEqual(month('2025-12'), { month: '2025-12', requests: 1, minutes: 120 });
    assert.deepEqual(month('2025-07'), { month: '2025-07', requests: 0, minutes: 0 });
    assert.equal(s.totalMinutes, 255);
  });

  it('gives the same numbers after the requests are anonymised', async () => {
    const beforeAnonymising = await stats();
    const result = await anonymiseExpiredRequests(t.db, new Date('2027-06-01T00:00:00Z'));
    assert.ok(result.requests >= 11, 'every request of 2024/2025 was anonymised');
    assert.deepEqual(await stats(), beforeAnonymising);
  });
});
