import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../platform/time/zoned-time.js';
import { addWorkingDays, earliestAppointmentDate, isWorkingDay, workingDaysBetween } from './lead-time.js';

describe('lead time in working days', () => {
  it('counts Monday to Friday and skips the weekend', () => {
    // 2026-12-07 is a Monday.
    assert.equal(earliestAppointmentDate('2026-12-07', 3, null), '2026-12-10', 'Monday + 3 → Thursday');
    assert.equal(earliestAppointmentDate('2026-12-11', 3, null), '2026-12-16', 'Friday + 3 → Wednesday after the weekend');
    assert.equal(earliestAppointmentDate('2026-12-12', 1, null), '2026-12-14', 'asked on a Saturday: the next working day is Monday');
    assert.equal(earliestAppointmentDate('2026-12-13', 0, null), '2026-12-13', 'no lead time: the same day');
    assert.equal(isWorkingDay('2026-12-12', null), false);
    assert.equal(isWorkingDay('2026-12-14', null), true);
  });

  it('skips Christmas and New Year at the year end', () => {
    // Thu 24 Dec works; Fri 25 and Sat 26 are holidays; Mon 28 and Tue 29 work.
    assert.equal(earliestAppointmentDate('2026-12-23', 3, null), '2026-12-29');
    assert.equal(isWorkingDay('2026-12-24', null), true, 'Christmas Eve is no public holiday');
    assert.equal(isWorkingDay('2026-12-25', null), false);
    // Thu 31 Dec works, Fri 1 Jan is a holiday, then Mon 4 and Tue 5 Jan 2027.
    assert.equal(earliestAppointmentDate('2026-12-30', 3, null), '2027-01-05');
    assert.equal(addWorkingDays('2026-12-31', 1, null), '2027-01-04');
  });

  it('uses the holidays of the region’s state, nationwide ones when the state is unknown', () => {
    // Epiphany (6 Jan) is a holiday in Bavaria only.
    assert.equal(addWorkingDays('2026-12-30', 4, 'DE-BY'), '2027-01-07');
    assert.equal(addWorkingDays('2026-12-30', 4, null), '2027-01-06');
    // Corpus Christi 2027 (Thursday 27 May) in North Rhine-Westphalia, not in Lower Saxony.
    assert.equal(addWorkingDays('2027-05-26', 1, 'DE-NW'), '2027-05-28');
    assert.equal(addWorkingDays('2027-05-26', 1, 'DE-NI'), '2027-05-27');
    // Easter 2027: Good Friday 26 March and Easter Monday 29 March everywhere.
    assert.equal(addWorkingDays('2027-03-25', 1, null), '2027-03-30');
  });

  it('counts working days between two dates and always lands on a working day', () => {
    assert.equal(workingDaysBetween('2026-12-07', '2026-12-14', null), 5);
    assert.equal(workingDaysBetween('2026-12-23', '2027-01-05', null), 7, '24, 28, 29, 30, 31 Dec and 4, 5 Jan');
    assert.equal(workingDaysBetween('2026-12-14', '2026-12-07', null), 0);
    for (let i = 0; i < 60; i += 1) {
      const from = addDays('2026-11-20', i);
      for (const n of [1, 2, 3, 5]) {
        const to = addWorkingDays(from, n, 'DE-NW');
        assert.ok(isWorkingDay(to, 'DE-NW'), `${from} + ${n} = ${to} is a working day`);
        assert.equal(workingDaysBetween(from, to, 'DE-NW'), n, `${from} → ${to}`);
      }
    }
  });

  it('rejects what is not a date', () => {
    assert.throws(() => addDays('7.12.2026', 1));
  });
});
