import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion } from '../../../test/fixtures.js';
import type { Database, Db } from '../../db/client.js';
import { translator } from '../../platform/i18n/catalog.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { PageContext, type PageCtx } from '../../web/page-context.js';
import { openPool, type PoolContext } from './context.js';
import { rankMediators, SCORE, type Ranking, type Reason, type RequestRow } from './matching.js';
import { absences, assignments, offers, type AssignmentStatus, type OfferStatus } from './schema.js';
import { buildAgency, buildMediator, buildRequest, dateInDays, isoWeekday, type MediatorOverrides, type MediatorRow } from './test-support.js';
import { RankingTable, reasonText } from './views/ranking.js';

const K = (k: string) => `sprachpool-matching.${k}`;

/** The first date on or after `days` from today that falls on an ISO weekday. */
function nextWeekday(weekday: number, days = 14): string {
  for (let d = days; d < days + 7; d++) if (isoWeekday(dateInDays(d)) === weekday) return dateInDays(d);
  throw new Error('unreachable');
}

/** The Thursday after the next summer-time change of `month` (3 = last Sunday of March, 10 = of October), a week later at the earliest. */
function thursdayAfterChange(month: 3 | 10): string {
  const today = dateInDays(0);
  for (let year = Number(today.slice(0, 4)); ; year++) {
    const last = new Date(Date.UTC(year, month, 0));
    const sunday = new Date(last.getTime() - (last.getUTCDay() % 7) * 86_400_000);
    const thursday = new Date(sunday.getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    if (thursday > dateInDays(7)) return thursday;
  }
}

const find = (ranking: Ranking, id: string) => ranking.ranked.find((r) => r.mediator.id === id);
const excludedFor = (ranking: Ranking, id: string) => ranking.excluded.find((r) => r.mediator.id === id);
const keys = (reasons: Reason[]) => reasons.map((r) => r.key);
const reason = (reasons: Reason[] | undefined, key: string) => reasons?.find((r) => r.key === K(key));

describe('matching: the explained ranking', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Db;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  after(async () => database.drop());

  /** A fresh pool (its own region, so candidates never mix between tests) with one school. */
  async function pool(settings: Record<string, unknown> = {}) {
    const region = await buildRegion(db, { timezone: 'Europe/Berlin', settings: { sprachpool: settings } });
    const ctx: PoolContext = await openPool(db, null, region.id, null);
    const { agency } = await buildAgency(db, region.id);
    return { region, ctx, agency };
  }

  type World = Awaited<ReturnType<typeof pool>>;
  const mediator = (w: World, overrides: MediatorOverrides = {}) => buildMediator(db, w.region.id, overrides);
  const request = (w: World, overrides: Parameters<typeof buildRequest>[3] = {}) => buildRequest(db, w.region.id, w.agency.id, overrides);
  const rank = (w: World, r: RequestRow, now?: Date) => rankMediators(db, w.ctx, r, now);

  /** An assignment of `m` at a local time (with its own request at `place`). */
  async function book(w: World, m: MediatorRow, startLocal: string, minutes: number, extra: { place?: string; lat?: number | null; lon?: number | null; status?: AssignmentStatus; mode?: 'on_site' | 'phone' } = {}) {
    const r = await request(w, { startLocal, durationMinutes: minutes, status: 'assigned', placeName: extra.place ?? 'Kita Sonnenschein', lat: extra.lat === undefined ? 52.01 : extra.lat, lon: extra.lon === undefined ? 10.01 : extra.lon, mode: extra.mode ?? 'on_site' });
    await db.insert(assignments).values({ regionId: w.region.id, requestId: r.id, mediatorId: m.id, status: extra.status ?? 'active', startsAt: r.startsAt, endsAt: r.endsAt });
    return r;
  }

  async function offer(w: World, m: MediatorRow, requestId: string, status: OfferStatus, createdAt = new Date()) {
    await db.insert(offers).values({ regionId: w.region.id, requestId, mediatorId: m.id, status, tokenHash: randomUUID(), expiresAt: new Date(createdAt.getTime() + 48 * 3_600_000), createdAt, respondedAt: status === 'open' ? null : createdAt });
  }

  it('journey 4: a Kurmanji request on Thursday 16:00–17:30 on site — five ranked with reasons, one booked nearby, one with an expired declaration', async () => {
    const w = await pool();
    const thursday = nextWeekday(4);
    const kmr = (level: 'native' | 'C2' | 'C1' | 'B2' = 'native', extra: MediatorOverrides = {}) => mediator(w, { languages: [{ language: 'kmr', level }, { language: 'de', level: 'C1' }], ...extra });
    const eligible = [await kmr('native'), await kmr('C2', { gender: 'male' }), await kmr('C1', { lat: 52.1, lon: 10.1 }), await kmr('B2'), await kmr('native', { lat: null, lon: null })];
    const booked = await kmr('native');
    await book(w, booked, `${thursday}T16:30`, 90, { place: 'Grundschule Nord', lat: 52.02, lon: 10.02 });
    const expired = await kmr('native', { confidentialityExpiresOn: dateInDays(-3) });
    const arabicOnly = await mediator(w, { languages: [{ language: 'ar', level: 'native' }] });
    const paused = await kmr('native', { status: 'paused' });

    const req = await request(w, { language: 'kmr', startLocal: `${thursday}T16:00`, durationMinutes: 90, mode: 'on_site' });
    const ranking = await rank(w, req);

    assert.deepEqual(new Set(ranking.ranked.map((r) => r.mediator.id)), new Set(eligible.map((m) => m.id)));
    assert.deepEqual(new Set(ranking.excluded.map((r) => r.mediator.id)), new Set([booked.id, expired.id]));
    for (const id of [arabicOnly.id, paused.id]) assert.ok(!find(ranking, id) && !excludedFor(ranking, id), 'not listed');
    // Ordered by score; every score is the sum of its explained points.
    for (let i = 1; i < ranking.ranked.length; i++) assert.ok((ranking.ranked[i - 1]?.score ?? 0) >= (ranking.ranked[i]?.score ?? 0));
    for (const r of ranking.ranked) {
      assert.equal(r.score, r.reasons.reduce((s, x) => s + (x.points ?? 0), 0));
      assert.ok(reason(r.reasons, 'score_level'), 'level explained');
      assert.ok(reason(r.reasons, 'score_recent_hours'), 'recent hours explained');
    }
    assert.ok(reason(find(ranking, eligible[4]?.id ?? '')?.reasons, 'score_distance_unknown'), 'no coordinates: distance unknown, not excluded');
    assert.equal(find(ranking, eligible[4]?.id ?? '')?.distanceKm, null);
    assert.ok((find(ranking, eligible[0]?.id ?? '')?.distanceKm ?? 99) < 2);

    const bookedReason = reason(excludedFor(ranking, booked.id)?.reasons, 'excluded_booked_near');
    assert.ok(bookedReason, 'booked reason');
    assert.equal(bookedReason.params?.time, '16:30–18:00');
    assert.equal(bookedReason.params?.place, 'Grundschule Nord');
    assert.ok(Number(bookedReason.params?.km) < 2);
    assert.deepEqual(reason(excludedFor(ranking, expired.id)?.reasons, 'excluded_confidentiality_expired')?.params, { date: dateInDays(-3) });

    // What the coordinator reads.
    const de = translator('de');
    const text = (r: Reason) => de(r.key, r.params);
    assert.match(text(bookedReason), /^gebucht 16:30–18:00 \(Grundschule Nord\), 1(,\d)? km entfernt$/);
  });

  describe('exclusions: each rule excludes with its reason, and its control is ranked', () => {
    it('dialect: another dialect excludes; "no particular dialect" on either side matches; the exact dialect ranks higher', async () => {
      const w = await pool();
      const other = await mediator(w, { languages: [{ language: 'ar', dialect: 'levantine' }] });
      const general = await mediator(w, { languages: [{ language: 'ar', dialect: '' }] });
      const exact = await mediator(w, { languages: [{ language: 'ar', dialect: 'iraqi' }, { language: 'ar', dialect: 'levantine' }] });
      const ranking = await rank(w, await request(w, { language: 'ar', dialect: 'iraqi' }));
      assert.deepEqual(excludedFor(ranking, other.id)?.reasons, [{ key: K('excluded_dialect'), params: { dialect: 'iraqi', dialects: 'levantine' } }]);
      assert.ok(reason(find(ranking, general.id)?.reasons, 'score_dialect_general'));
      assert.equal(reason(find(ranking, exact.id)?.reasons, 'score_dialect_exact')?.points, SCORE.dialectExact);
      assert.equal(ranking.ranked[0]?.mediator.id, exact.id);
      assert.equal((find(ranking, exact.id)?.score ?? 0) - (find(ranking, general.id)?.score ?? 0), SCORE.dialectExact);
      // A request without a dialect takes every dialect.
      const any = await rank(w, await request(w, { language: 'ar', dialect: '' }));
      assert.equal(any.ranked.length, 3);
    });

    it('mode: a mediator who does not work by phone is excluded from a phone request', async () => {
      const w = await pool();
      const onSiteOnly = await mediator(w, { modes: ['on_site'] });
      const phone = await mediator(w, { modes: ['phone'] });
      const ranking = await rank(w, await request(w, { mode: 'phone' }));
      assert.deepEqual(excludedFor(ranking, onSiteOnly.id)?.reasons, [{ key: K('excluded_mode'), params: { mode: 'phone' } }]);
      assert.ok(find(ranking, phone.id));
      assert.equal(find(ranking, phone.id)?.distanceKm, null, 'no distance by phone');
      assert.ok(!reason(find(ranking, phone.id)?.reasons, 'score_distance'));
    });

    it('documents: declaration or clearance missing, expired, or running out before the appointment', async () => {
      const w = await pool();
      const day = nextWeekday(3, 20);
      const missing = await mediator(w, { confidentialitySignedOn: null, confidentialityExpiresOn: null });
      const expired = await mediator(w, { policeClearanceExpiresOn: dateInDays(-1) });
      const runsOut = await mediator(w, { confidentialityExpiresOn: dateInDays(10) });
      const noPolice = await mediator(w, { policeClearanceIssuedOn: null, policeClearanceExpiresOn: null });
      const lastDay = await mediator(w, { confidentialityExpiresOn: day, policeClearanceExpiresOn: day });
      const noExpiry = await mediator(w, { confidentialityExpiresOn: null });
      const ranking = await rank(w, await request(w, { startLocal: `${day}T10:00` }));
      assert.deepEqual(keys(excludedFor(ranking, missing.id)?.reasons ?? []), [K('excluded_confidentiality_missing')]);
      assert.deepEqual(excludedFor(ranking, expired.id)?.reasons, [{ key: K('excluded_police_expired'), params: { date: dateInDays(-1) } }]);
      assert.deepEqual(excludedFor(ranking, runsOut.id)?.reasons, [{ key: K('excluded_confidentiality_expires'), params: { date: dateInDays(10) } }]);
      assert.deepEqual(keys(excludedFor(ranking, noPolice.id)?.reasons ?? []), [K('excluded_police_missing')]);
      assert.ok(find(ranking, lastDay.id), 'valid through the appointment day');
      assert.ok(find(ranking, noExpiry.id), 'signed without an expiry date');
    });

    it('qualification: a setting that requires one excludes those without it; the fitting kind is a bonus', async () => {
      const w = await pool();
      const without = await mediator(w, { qualificationKinds: ['basic_training'] });
      const withHealth = await mediator(w, { qualificationKinds: ['basic_training', 'health'] });
      const ranking = await rank(w, await request(w, { setting: 'health', topic: 'medical' }));
      assert.deepEqual(excludedFor(ranking, without.id)?.reasons, [{ key: K('excluded_qualification'), params: { qualification: 'health', setting: 'health' } }]);
      assert.equal(reason(find(ranking, withHealth.id)?.reasons, 'score_qualification')?.points, SCORE.qualification);
      // A region that requires nothing for health ranks both; the one with the fitting qualification higher.
      const open = await pool({ requiredQualifications: {} });
      const a = await mediator(open, { qualificationKinds: ['basic_training'], lastName: 'A' });
      const b = await mediator(open, { qualificationKinds: ['health'], lastName: 'B' });
      const both = await rank(open, await request(open, { setting: 'health' }));
      assert.deepEqual(both.ranked.map((r) => r.mediator.id), [b.id, a.id]);
      assert.equal((both.ranked[0]?.score ?? 0) - (both.ranked[1]?.score ?? 0), SCORE.qualification);
    });

    it('weekly availability: no hours that weekday, hours that do not cover the slot, touching entries that do', async () => {
      const w = await pool();
      const thursday = nextWeekday(4);
      const none = await mediator(w, { weekly: [{ weekday: 1, start: '08:00', end: '20:00' }] });
      const morning = await mediator(w, { weekly: [{ weekday: 4, start: '08:00', end: '12:00' }, { weekday: 4, start: '16:30', end: '20:00' }] });
      const split = await mediator(w, { weekly: [{ weekday: 4, start: '14:00', end: '16:30' }, { weekday: 4, start: '16:30', end: '18:00' }] });
      const ranking = await rank(w, await request(w, { startLocal: `${thursday}T16:00`, durationMinutes: 90 }));
      assert.deepEqual(excludedFor(ranking, none.id)?.reasons, [{ key: K('excluded_no_availability'), params: { weekday: 4 } }]);
      assert.deepEqual(excludedFor(ranking, morning.id)?.reasons, [{ key: K('excluded_outside_hours'), params: { weekday: 4, available: '08:00–12:00, 16:30–20:00' } }]);
      assert.ok(find(ranking, split.id));
    });

    it('absences: a mediator away that day is excluded; the day after an absence is fine', async () => {
      const w = await pool();
      const day = nextWeekday(2);
      const away = await mediator(w);
      const back = await mediator(w);
      await db.insert(absences).values([
        { mediatorId: away.id, fromDate: dateInDays(-2), toDate: day, note: 'Urlaub' },
        { mediatorId: back.id, fromDate: dateInDays(-2), toDate: new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10) },
      ]);
      const ranking = await rank(w, await request(w, { startLocal: `${day}T10:00` }));
      assert.deepEqual(excludedFor(ranking, away.id)?.reasons, [{ key: K('excluded_absent'), params: { from: dateInDays(-2), to: day } }]);
      assert.ok(find(ranking, back.id));
    });

    it('assignments: an overlap or one inside the travel buffer excludes (on site); cancelled ones and phone requests do not need the buffer', async () => {
      const w = await pool({ travelBufferMinutes: 30 });
      const day = nextWeekday(4);
      const overlap = await mediator(w);
      const tight = await mediator(w);
      const enough = await mediator(w);
      const cancelled = await mediator(w);
      const far = await mediator(w);
      await book(w, overlap, `${day}T15:00`, 90);
      await book(w, tight, `${day}T14:00`, 105); // ends 15:45, 15 minutes before
      await book(w, enough, `${day}T14:00`, 90); // ends 15:30, exactly the buffer
      await book(w, cancelled, `${day}T16:00`, 90, { status: 'cancelled' });
      await book(w, far, `${day}T17:00`, 60, { lat: null, lon: null, place: 'Jobcenter' });
      const onSite = await rank(w, await request(w, { startLocal: `${day}T16:00`, durationMinutes: 90 }));
      assert.deepEqual(keys(excludedFor(onSite, overlap.id)?.reasons ?? []), [K('excluded_booked_near')]);
      assert.deepEqual(excludedFor(onSite, tight.id)?.reasons, [{ key: K('excluded_booked_buffer'), params: { time: '14:00–15:45', place: 'Kita Sonnenschein', minutes: 30 } }]);
      assert.deepEqual(excludedFor(onSite, far.id)?.reasons, [{ key: K('excluded_booked'), params: { time: '17:00–18:00', place: 'Jobcenter' } }], 'distance unknown');
      assert.ok(find(onSite, enough.id), 'ends exactly a buffer before');
      assert.ok(find(onSite, cancelled.id), 'cancelled assignments do not block');
      const phone = await rank(w, await request(w, { startLocal: `${day}T16:00`, durationMinutes: 90, mode: 'phone' }));
      assert.ok(find(phone, tight.id), 'no travel buffer by phone');
      assert.ok(excludedFor(phone, overlap.id), 'an overlap still excludes');
    });

    it('distance: on site beyond the mediator’s maximum excludes; missing coordinates only say "distance unknown"', async () => {
      const w = await pool();
      const farAway = await mediator(w, { lat: 52.5, lon: 10.0, maxTravelKm: 30 });
      const willing = await mediator(w, { lat: 52.5, lon: 10.0, maxTravelKm: 80 });
      const ranking = await rank(w, await request(w, { lat: 52.01, lon: 10.01 }));
      const why = excludedFor(ranking, farAway.id)?.reasons;
      assert.deepEqual(keys(why ?? []), [K('excluded_too_far')]);
      assert.ok(Number(why?.[0]?.params?.km) > 50 && why?.[0]?.params?.max === 30);
      assert.ok(find(ranking, willing.id));
      const unknown = await rank(w, await request(w, { lat: null, lon: null }));
      assert.equal(unknown.excluded.length, 0);
      assert.ok(unknown.ranked.every((r) => reason(r.reasons, 'score_distance_unknown') && r.distanceKm === null));
    });

    it('offers for this request: declined excludes, an open one is shown as information', async () => {
      const w = await pool();
      const declined = await mediator(w);
      const open = await mediator(w);
      const req = await request(w);
      await offer(w, declined, req.id, 'declined');
      await offer(w, open, req.id, 'open');
      const ranking = await rank(w, req);
      assert.deepEqual(keys(excludedFor(ranking, declined.id)?.reasons ?? []), [K('excluded_declined')]);
      const row = find(ranking, open.id);
      assert.ok(reason(row?.reasons, 'info_offer_open'));
      assert.equal(reason(row?.reasons, 'info_offer_open')?.points, undefined);
      assert.ok(!reason(row?.reasons, 'score_recent_declines'), 'this request’s offers are not "recent declines"');
    });
  });

  describe('score: each component moves a mediator', () => {
    it('language level: native above B1 by the difference in level points', async () => {
      const w = await pool();
      const b1 = await mediator(w, { languages: [{ language: 'ar', level: 'B1' }], lastName: 'A' });
      const native = await mediator(w, { languages: [{ language: 'ar', level: 'native' }], lastName: 'B' });
      const ranking = await rank(w, await request(w));
      assert.deepEqual(ranking.ranked.map((r) => r.mediator.id), [native.id, b1.id]);
      assert.equal((find(ranking, native.id)?.score ?? 0) - (find(ranking, b1.id)?.score ?? 0), SCORE.level.native - SCORE.level.B1);
    });

    it('distance: closer ranks higher on site; by video distance does not count', async () => {
      const w = await pool();
      const far = await mediator(w, { lat: 52.2, lon: 10.0, lastName: 'A' });
      const near = await mediator(w, { lat: 52.01, lon: 10.01, lastName: 'B' });
      const onSite = await rank(w, await request(w));
      assert.deepEqual(onSite.ranked.map((r) => r.mediator.id), [near.id, far.id]);
      assert.ok((reason(find(onSite, near.id)?.reasons, 'score_distance')?.points ?? 0) > (reason(find(onSite, far.id)?.reasons, 'score_distance')?.points ?? 0));
      const video = await rank(w, await request(w, { mode: 'video' }));
      assert.equal(video.ranked[0]?.score, video.ranked[1]?.score);
      assert.deepEqual(video.ranked.map((r) => r.mediator.id), [far.id, near.id], 'tie: by name');
    });

    it('gender preference: not met is a penalty, not an exclusion', async () => {
      const w = await pool();
      const man = await mediator(w, { gender: 'male', lastName: 'A' });
      const woman = await mediator(w, { gender: 'female', lastName: 'B' });
      const ranking = await rank(w, await request(w, { genderPreference: 'female' }));
      assert.deepEqual(ranking.ranked.map((r) => r.mediator.id), [woman.id, man.id]);
      assert.deepEqual(reason(find(ranking, man.id)?.reasons, 'score_gender_not_met'), { key: K('score_gender_not_met'), params: { preference: 'female' }, points: SCORE.genderNotMet });
      assert.equal(reason(find(ranking, woman.id)?.reasons, 'score_gender_met')?.points, SCORE.genderMet);
      const none = await rank(w, await request(w));
      assert.ok(none.ranked.every((r) => !r.reasons.some((x) => x.key.includes('gender'))));
    });

    it('fair distribution: assigned minutes since 90 days ago lower the score; older ones do not count', async () => {
      const w = await pool();
      const busy = await mediator(w, { lastName: 'A' });
      const idle = await mediator(w, { lastName: 'B' });
      const longAgo = await mediator(w, { lastName: 'C' });
      await book(w, busy, `${dateInDays(-10)}T10:00`, 180, { status: 'done' });
      await book(w, busy, `${dateInDays(5)}T10:00`, 60);
      await book(w, longAgo, `${dateInDays(-120)}T10:00`, 600, { status: 'done' });
      const ranking = await rank(w, await request(w, { startLocal: `${nextWeekday(4)}T16:00` }));
      assert.equal(find(ranking, busy.id)?.recentMinutes, 240);
      assert.equal(find(ranking, longAgo.id)?.recentMinutes, 0);
      assert.deepEqual(reason(find(ranking, busy.id)?.reasons, 'score_recent_hours'), { key: K('score_recent_hours'), params: { hours: 4 }, points: -Math.floor(240 / SCORE.recentMinutesPerPoint) });
      assert.equal(ranking.ranked[ranking.ranked.length - 1]?.mediator.id, busy.id);
      assert.deepEqual(ranking.ranked.slice(0, 2).map((r) => r.mediator.id), [idle.id, longAgo.id]);
    });

    it('recent declines: offers declined or left to expire in the last 30 days lower the score', async () => {
      const w = await pool();
      const decliner = await mediator(w, { lastName: 'A' });
      const reliable = await mediator(w, { lastName: 'B' });
      const old = await mediator(w, { lastName: 'C' });
      const other1 = await request(w, { startLocal: `${dateInDays(-5)}T10:00`, status: 'assigned' });
      const other2 = await request(w, { startLocal: `${dateInDays(-3)}T10:00`, status: 'assigned' });
      await offer(w, decliner, other1.id, 'declined', new Date(Date.now() - 6 * 86_400_000));
      await offer(w, decliner, other2.id, 'expired', new Date(Date.now() - 4 * 86_400_000));
      await offer(w, reliable, other2.id, 'accepted', new Date(Date.now() - 4 * 86_400_000));
      await offer(w, old, other1.id, 'declined', new Date(Date.now() - 40 * 86_400_000));
      const ranking = await rank(w, await request(w));
      assert.deepEqual(reason(find(ranking, decliner.id)?.reasons, 'score_recent_declines'), { key: K('score_recent_declines'), params: { count: 2 }, points: 2 * SCORE.decline });
      assert.ok(!reason(find(ranking, old.id)?.reasons, 'score_recent_declines'));
      assert.ok(!reason(find(ranking, reliable.id)?.reasons, 'score_recent_declines'));
      assert.equal(ranking.ranked[2]?.mediator.id, decliner.id);
    });

    it('ties break by fewer recent minutes, then by name — the same order every time', async () => {
      const w = await pool();
      const a = await mediator(w, { lastName: 'Adler' });
      const b = await mediator(w, { lastName: 'Berg' });
      const c = await mediator(w, { lastName: 'Yilmaz' });
      await book(w, a, `${dateInDays(-2)}T09:00`, 15, { status: 'done' }); // 15 minutes: 0 points, but more than the others
      const ranking = await rank(w, await request(w));
      assert.equal(new Set(ranking.ranked.map((r) => r.score)).size, 1, 'same score');
      assert.deepEqual(ranking.ranked.map((r) => r.mediator.id), [b.id, c.id, a.id]);
      assert.deepEqual((await rank(w, await request(w))).ranked.map((r) => r.mediator.id), [b.id, c.id, a.id]);
    });
  });

  describe('time zones: weekday and hours in the region’s local time across summer-time changes', () => {
    for (const month of [3, 10] as const) {
      it(`a Thursday 16:00–17:30 after the ${month === 3 ? 'March' : 'October'} change matches the local pattern, not one shifted by an hour`, async () => {
        const w = await pool();
        const thursday = thursdayAfterChange(month);
        const docs = { confidentialityExpiresOn: dateInDays(800), policeClearanceExpiresOn: dateInDays(800) };
        const exact = await mediator(w, { ...docs, weekly: [{ weekday: 4, start: '16:00', end: '17:30' }] });
        const earlier = await mediator(w, { ...docs, weekly: [{ weekday: 4, start: '15:00', end: '16:30' }] });
        const later = await mediator(w, { ...docs, weekly: [{ weekday: 4, start: '17:00', end: '18:30' }] });
        const req = await request(w, { startLocal: `${thursday}T16:00`, durationMinutes: 90 });
        assert.equal(req.startsAt.toISOString().slice(11, 16), month === 3 ? '14:00' : '15:00', 'summer / winter time');
        const ranking = await rank(w, req);
        assert.deepEqual(ranking.ranked.map((r) => r.mediator.id), [exact.id]);
        assert.deepEqual(new Set(ranking.excluded.map((r) => r.mediator.id)), new Set([earlier.id, later.id]));
      });
    }

    it('just after local midnight the weekday is the local one (UTC is still the day before)', async () => {
      const w = await pool();
      const monday = nextWeekday(1, 150);
      const docs = { confidentialityExpiresOn: dateInDays(800), policeClearanceExpiresOn: dateInDays(800) };
      const nightOwl = await mediator(w, { ...docs, weekly: [{ weekday: 1, start: '00:00', end: '02:00' }] });
      const sunday = await mediator(w, { ...docs, weekly: [{ weekday: 7, start: '22:00', end: '24:00' }] });
      const req = await request(w, { startLocal: `${monday}T00:30`, durationMinutes: 60, mode: 'phone' });
      assert.notEqual(req.startsAt.toISOString().slice(0, 10), monday);
      const ranking = await rank(w, req);
      assert.deepEqual(ranking.ranked.map((r) => r.mediator.id), [nightOwl.id]);
      assert.deepEqual(excludedFor(ranking, sunday.id)?.reasons, [{ key: K('excluded_no_availability'), params: { weekday: 1 } }]);
    });

    it('a region in another zone reads the pattern in that zone', async () => {
      const w = await pool();
      const { regions } = await import('../../platform/schema.js');
      const { eq } = await import('drizzle-orm');
      await db.update(regions).set({ timezone: 'Europe/Istanbul' }).where(eq(regions.id, w.region.id));
      const ctx = await openPool(db, null, w.region.id, null);
      const day = nextWeekday(4);
      const m = await mediator(w, { weekly: [{ weekday: 4, start: '16:00', end: '17:30' }] });
      const req = await request(w, { startLocal: `${day}T16:00`, durationMinutes: 90, timeZone: 'Europe/Istanbul' });
      assert.equal(req.startsAt.getTime(), zonedLocalToUtc(`${day}T16:00`, 'Europe/Istanbul')?.getTime());
      assert.ok(find(await rankMediators(db, ctx, req), m.id));
      assert.ok(excludedFor(await rankMediators(db, w.ctx, req), m.id), 'read in Berlin time it is 15:00');
    });
  });

  describe('RankingTable', () => {
    function render(ranking: Ranking, offered: Set<string>, lang = 'de'): string {
      const ctx: PageCtx = { lang, dir: lang === 'ar' ? 'rtl' : 'ltr', t: translator(lang), actor: null, session: null, requestId: 'test', flashes: [], csrfToken: () => 'token', path: '/admin', assets: { css: '/a.css', js: '/a.js' } };
      return renderToString(h(PageContext.Provider, { value: ctx }, h(RankingTable, { ranking, selectable: true, offered })));
    }

    it('renders a checkbox per eligible mediator not yet offered, the points, and the reasons of those not eligible', async () => {
      const w = await pool();
      const a = await mediator(w, { firstName: 'Amal', lastName: 'Haddad' });
      const b = await mediator(w, { firstName: 'Berfin', lastName: 'Kaya' });
      const c = await mediator(w, { firstName: 'Cem', lastName: 'Demir', confidentialityExpiresOn: '2026-01-12' });
      const ranking = await rank(w, await request(w));
      const html = render(ranking, new Set([b.id]));
      assert.match(html, new RegExp(`<input type="checkbox" id="sp-pick-${a.id}" name="mediatorIds" value="${a.id}"`));
      assert.doesNotMatch(html, new RegExp(`value="${b.id}"`));
      assert.match(html, /Angebot gesendet/);
      assert.match(html, /Amal Haddad auswählen/);
      assert.match(html, /Sprachniveau: Muttersprache/);
      assert.match(html, /Nicht geeignet \(1\)/);
      assert.ok(html.includes('Verschwiegenheitserklärung am 12.01.2026 abgelaufen'));
      assert.ok(!html.includes(`value="${c.id}"`));
      const ar = render(ranking, new Set(), 'ar');
      assert.ok(ar.includes('dir="ltr"'), 'signed points keep their order in right-to-left pages');
    });

    it('reason texts: enum values and dates in the reader’s language, times isolated left-to-right', () => {
      const ar = translator('ar');
      const booked = reasonText(ar, 'ar', { key: K('excluded_booked_near'), params: { time: '16:30–18:00', place: 'Grundschule Nord', km: 1.3 } });
      assert.ok(booked.includes('\u206616:30–18:00\u2069'), booked);
      assert.ok(booked.includes('\u2068Grundschule Nord\u2069'));
      const de = translator('de');
      assert.equal(reasonText(de, 'de', { key: K('excluded_mode'), params: { mode: 'video' } }), 'übernimmt keine Einsätze per Video');
      assert.equal(reasonText(de, 'de', { key: K('excluded_no_availability'), params: { weekday: 4 } }), 'am Donnerstag nicht verfügbar');
      assert.equal(reasonText(de, 'de', { key: K('excluded_absent'), params: { from: '2027-03-01', to: '2027-03-05' } }), 'abwesend vom 01.03.2027 bis 05.03.2027');
      assert.equal(reasonText(de, 'de', { key: K('score_recent_hours'), params: { hours: 5.5 } }), '5,5 Std. Einsätze seit 90 Tagen (gebuchte eingeschlossen)');
    });
  });
});
