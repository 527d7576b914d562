import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRrule, expandSchedule, formOfRrule, NO_RECURRENCE, type RecurrenceForm, type Schedule } from './recurrence.js';

const TZ = 'Europe/Berlin';
const base: Schedule = { startLocal: '2026-10-06T18:00', endLocal: '2026-10-06T20:00', timeZone: TZ, allDay: false, rrule: null, exdates: [], rdates: [] };
const now = new Date('2026-10-01T00:00:00Z');
const form = (over: Partial<RecurrenceForm>): RecurrenceForm => ({ ...NO_RECURRENCE, ...over });

describe('recurrence', () => {
  it('keeps the wall-clock time across the autumn change: 18:00 CEST (16:00 UTC) then 18:00 CET (17:00 UTC)', () => {
    const rrule = buildRrule(form({ freq: 'weekly', endMode: 'count', count: 6 }), base);
    assert.equal(rrule, 'FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    const { occurrences, continues, tooMany } = expandSchedule({ ...base, rrule }, { now });
    assert.deepEqual(
      occurrences.map((o) => o.startsAt.toISOString()),
      ['2026-10-06T16:00:00.000Z', '2026-10-13T16:00:00.000Z', '2026-10-20T16:00:00.000Z', '2026-10-27T17:00:00.000Z', '2026-11-03T17:00:00.000Z', '2026-11-10T17:00:00.000Z'],
    );
    assert.equal(occurrences[3]?.endsAt.toISOString(), '2026-10-27T19:00:00.000Z', 'two hours on the clock');
    assert.equal(occurrences[0]?.recurrenceId, '2026-10-06T18:00');
    assert.equal(continues, false);
    assert.equal(tooMany, false);
  });

  it('"every 2nd Tuesday of the month" until a date: UNTIL is the end of that day in UTC and is inclusive', () => {
    const schedule = { ...base, startLocal: '2026-10-13T18:00', endLocal: '2026-10-13T20:00' };
    const rrule = buildRrule(form({ freq: 'monthly', monthlyMode: 'weekday', setPos: 2, endMode: 'until', until: '2027-04-13' }), schedule);
    assert.equal(rrule, 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270413T215900Z');
    const dates = expandSchedule({ ...schedule, rrule }, { now }).occurrences.map((o) => o.recurrenceId);
    assert.deepEqual(dates, ['2026-10-13T18:00', '2026-11-10T18:00', '2026-12-08T18:00', '2027-01-12T18:00', '2027-02-09T18:00', '2027-03-09T18:00', '2027-04-13T18:00']);
    assert.deepEqual(formOfRrule(rrule, schedule), form({ freq: 'monthly', monthlyMode: 'weekday', setPos: 2, endMode: 'until', until: '2027-04-13' }));
  });

  it('leaves out EXDATEs and adds RDATEs in order', () => {
    const rrule = 'FREQ=WEEKLY;BYDAY=TU;COUNT=3';
    const { occurrences } = expandSchedule({ ...base, rrule, exdates: ['2026-10-13T18:00'], rdates: ['2026-10-15T10:00'] }, { now });
    assert.deepEqual(
      occurrences.map((o) => o.recurrenceId),
      ['2026-10-06T18:00', '2026-10-15T10:00', '2026-10-20T18:00'],
    );
  });

  it('stops an open-ended rule at the horizon and says that it continues', () => {
    const rrule = buildRrule(form({ freq: 'weekly', endMode: 'never' }), base);
    const horizon = new Date('2026-12-31T23:00:00Z');
    const { occurrences, continues } = expandSchedule({ ...base, rrule }, { horizon });
    assert.equal(occurrences.length, 13);
    assert.equal(occurrences.at(-1)?.recurrenceId, '2026-12-29T18:00');
    assert.equal(continues, true);
  });

  it('caps runaway rules and says so', () => {
    const { occurrences, tooMany } = expandSchedule({ ...base, rrule: 'FREQ=DAILY;COUNT=2000' }, { now, max: 500 });
    assert.equal(tooMany, true);
    assert.ok(occurrences.length <= 500);
  });

  it('a rule whose only date is excluded yields nothing (the service refuses it)', () => {
    const { occurrences } = expandSchedule({ ...base, exdates: ['2026-10-06T18:00'] }, { now });
    assert.equal(occurrences.length, 0);
  });

  it('all-day series use DATE values and span whole days', () => {
    const schedule: Schedule = { ...base, allDay: true, startLocal: '2026-12-24T00:00', endLocal: '2026-12-25T00:00' };
    const rrule = buildRrule(form({ freq: 'yearly', endMode: 'until', until: '2028-12-24' }), schedule);
    assert.equal(rrule, 'FREQ=YEARLY;UNTIL=20281224');
    const { occurrences } = expandSchedule({ ...schedule, rrule }, { now, horizon: new Date('2030-01-01T00:00:00Z') });
    assert.deepEqual(
      occurrences.map((o) => [o.startLocal, o.endLocal]),
      [
        ['2026-12-24T00:00', '2026-12-25T00:00'],
        ['2027-12-24T00:00', '2027-12-25T00:00'],
        ['2028-12-24T00:00', '2028-12-25T00:00'],
      ],
    );
  });

  it('the form reads back what it wrote, and refuses rules it cannot show', () => {
    const weekly = form({ freq: 'weekly', interval: 2, byDay: ['MO', 'TH'], endMode: 'count', count: 8 });
    const rrule = buildRrule(weekly, base);
    assert.equal(rrule, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=8');
    assert.deepEqual(formOfRrule(rrule, base), weekly);
    assert.equal(formOfRrule('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1', base), undefined);
    assert.deepEqual(formOfRrule(null, base), NO_RECURRENCE);
  });
});

describe('open-ended series that started long ago', () => {
  it('derive only recent history and the year ahead, so a daily series never hits the cap', () => {
    const schedule: Schedule = { ...base, startLocal: '2020-01-06T10:00', endLocal: '2020-01-06T11:00', rrule: 'FREQ=DAILY' };
    const { occurrences, tooMany, continues } = expandSchedule(schedule, { now: new Date('2026-12-04T12:00:00Z') });
    assert.equal(tooMany, false);
    assert.equal(continues, true);
    assert.ok(occurrences.length > 400 && occurrences.length <= 500, `${occurrences.length}`);
    assert.ok((occurrences[0]?.recurrenceId ?? '') >= '2026-09-05', 'history starts 90 days back');
  });
});
