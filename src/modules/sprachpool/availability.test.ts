import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { coversSlot, formatRanges, localSlot, mergeRanges, weekdayOf } from './availability.js';

const at = (local: string, tz = 'Europe/Berlin') => {
  const d = zonedLocalToUtc(local, tz);
  if (!d) throw new Error(local);
  return d;
};
const r = (a: string, b: string) => ({ startMinute: Number(a.slice(0, 2)) * 60 + Number(a.slice(3)), endMinute: Number(b.slice(0, 2)) * 60 + Number(b.slice(3)) });

describe('weekly availability', () => {
  it('reads an appointment in the region’s local time on both sides of the summer-time changes', () => {
    // 2027-03-28 and 2027-10-31 are the change-over Sundays in Europe.
    for (const [local, weekday] of [
      ['2027-03-25T16:00', 4],
      ['2027-04-01T16:00', 4],
      ['2027-10-28T16:00', 4],
      ['2027-11-04T16:00', 4],
    ] as const) {
      const start = at(local);
      const slot = localSlot(start, new Date(start.getTime() + 90 * 60_000), 'Europe/Berlin');
      assert.deepEqual([slot.date, slot.weekday, slot.start, slot.end, slot.startMinute, slot.endMinute], [local.slice(0, 10), weekday, '16:00', '17:30', 960, 1050], local);
    }
  });

  it('uses the local weekday when the UTC date differs, and counts an end after midnight past 1440', () => {
    const monday = at('2027-06-07T00:30');
    assert.equal(monday.toISOString().slice(0, 10), '2027-06-06');
    assert.equal(localSlot(monday, new Date(monday.getTime() + 3_600_000), 'Europe/Berlin').weekday, 1);
    const late = at('2027-06-07T23:30');
    const slot = localSlot(late, new Date(late.getTime() + 3_600_000), 'Europe/Berlin');
    assert.equal(slot.endMinute, 1440 + 30);
    assert.equal(coversSlot([r('20:00', '24:00')], slot.startMinute, slot.endMinute), false);
    const untilMidnight = localSlot(late, new Date(late.getTime() + 1_800_000), 'Europe/Berlin');
    assert.equal(untilMidnight.endMinute, 1440);
    assert.equal(coversSlot([r('20:00', '24:00')], untilMidnight.startMinute, untilMidnight.endMinute), true);
  });

  it('a day’s entries cover a slot only completely; touching entries join', () => {
    assert.equal(coversSlot([r('08:00', '12:00')], 600, 720), true);
    assert.equal(coversSlot([r('08:00', '12:00')], 690, 750), false);
    assert.equal(coversSlot([r('12:00', '16:00'), r('08:00', '12:00')], 690, 750), true);
    assert.equal(coversSlot([r('08:00', '11:59'), r('12:00', '16:00')], 690, 750), false);
    assert.deepEqual(mergeRanges([r('14:00', '16:00'), r('08:00', '12:00'), r('12:00', '13:00')]), [r('08:00', '13:00'), r('14:00', '16:00')]);
    assert.equal(formatRanges([r('14:00', '18:00'), r('08:00', '12:00')]), '08:00–12:00, 14:00–18:00');
    assert.equal(coversSlot([], 600, 660), false);
  });

  it('weekdayOf counts Monday as 1 and Sunday as 7', () => {
    assert.deepEqual(['2027-06-07', '2027-06-10', '2027-06-13'].map(weekdayOf), [1, 4, 7]);
  });
});
