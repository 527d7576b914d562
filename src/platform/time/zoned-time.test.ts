import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isDayBefore, zonedLocalToUtc } from './zoned-time.js';

/** An instant given as Berlin wall-clock time. */
const berlin = (local: string): Date => zonedLocalToUtc(local, 'Europe/Berlin') ?? assert.fail(`bad local time ${local}`);

describe('addDays', () => {
  it('counts calendar days across month, year and leap-day ends', () => {
    assert.equal(addDays('2026-12-08', 1), '2026-12-09');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2027-03-01', -1), '2027-02-28');
    assert.equal(addDays('2026-12-08', 0), '2026-12-08');
    assert.equal(addDays('2026-12-08', 30), '2027-01-07');
  });

  it('is not shifted by a clock change (the day has 23 hours in Berlin)', () => {
    assert.equal(addDays('2027-03-28', 1), '2027-03-29');
    assert.equal(addDays('2026-10-25', 1), '2026-10-26');
  });
});

describe('isDayBefore', () => {
  it('is true on the whole local day before when no hour is given', () => {
    const at = berlin('2027-03-28T18:00'); // first day of summer time
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2027-03-27T00:00')), true);
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2027-03-27T23:59')), true);
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2027-03-26T23:59')), false, 'two days before');
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2027-03-28T00:00')), false, 'the day itself');
  });

  it('starts at fromHour local time', () => {
    const at = berlin('2026-12-11T10:00');
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2026-12-10T07:59'), 8), false, 'too early in the morning');
    assert.equal(isDayBefore(at, 'Europe/Berlin', berlin('2026-12-10T08:00'), 8), true);
    // 07:30 UTC is 08:30 in Berlin in winter: the local hour counts, not the UTC one.
    assert.equal(isDayBefore(at, 'Europe/Berlin', new Date('2026-12-10T07:30:00Z'), 8), true);
  });

  it('compares local calendar days of the zone, not UTC days', () => {
    // 20:00 in New York on 8 Dec is 01:00 UTC on 9 Dec; the day before in New York is 7 Dec.
    const at = new Date('2026-12-09T01:00:00Z');
    assert.equal(isDayBefore(at, 'America/New_York', new Date('2026-12-07T15:00:00Z'), 8), true);
    assert.equal(isDayBefore(at, 'America/New_York', new Date('2026-12-08T15:00:00Z'), 8), false);
  });
});
