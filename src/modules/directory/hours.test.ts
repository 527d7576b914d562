import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { translator } from '../../platform/i18n/catalog.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import {
  localParts,
  openingState,
  openingStateLabel,
  openNowCondition,
  closedTodayCondition,
  toScheduleRow,
  validateSchedules,
  weeklyHours,
  type ScheduleRow,
} from './hours.js';
import type { ScheduleInput } from './model.js';
import { dirLocations, dirServices } from './schema.js';
import { writeLocation, writeOrganization, writeService } from './store.js';

const TZ = 'Europe/Berlin';
const NW = 'DE-NW';

function at(local: string): Date {
  const d = zonedLocalToUtc(local, TZ);
  if (!d) throw new Error(`bad local time ${local}`);
  return d;
}

const weekly = (byday: string, opensAt: string, closesAt: string, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({ freq: 'WEEKLY', byday, opensAt, closesAt, ...extra });
const monthly = (byday: string, opensAt: string, closesAt: string, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({ freq: 'MONTHLY', byday, opensAt, closesAt, ...extra });
const closedOn = (validFrom: string | null, validTo: string | null, description?: string): ScheduleInput => ({ freq: null, closed: true, validFrom, validTo, ...(description ? { description } : {}) });
const rows = (list: ScheduleInput[]): ScheduleRow[] => list.map(toScheduleRow);

/** The schedule patterns used by both the memory and the SQL tests. */
const PATTERNS = {
  office: [weekly('MO,TU,WE,TH,FR', '09:00', '12:00'), weekly('TU,TH', '14:00', '17:00')],
  split: [weekly('MO', '09:00', '12:00'), weekly('MO', '12:00', '16:00')],
  sunday: [weekly('SU', '09:00', '12:00'), weekly('SU', '01:00', '03:30')],
  night: [weekly('FR,SA', '20:00', '02:00')],
  monthly: [monthly('1WE,3WE', '15:00', '18:00')],
  lastFriday: [monthly('-1FR', '10:00', '12:00')],
  monthday: [{ freq: 'MONTHLY', bymonthday: '15', opensAt: '10:00', closesAt: '11:00' } satisfies ScheduleInput],
  always: [weekly('MO,TU,WE,TH,FR,SA,SU', '00:00', '00:00')],
  holidayOpening: [weekly('MO,TU,WE,TH,FR', '09:00', '12:00'), weekly('', '10:00', '13:00', { validFrom: '2026-04-03', validTo: '2026-04-03' })],
  christmas: [
    weekly('MO,TU,WE,TH,FR', '09:00', '12:00'),
    closedOn('2026-12-24', '2026-12-31', 'Betriebsferien'),
    closedOn('2027-01-01', '2027-01-06'),
  ],
  summer: [weekly('MO,TU,WE,TH,FR', '09:00', '12:00', { validFrom: '2026-06-01', validTo: '2026-08-31' })],
  indefinitely: [weekly('MO,TU,WE,TH,FR', '09:00', '12:00'), closedOn('2026-06-01', null)],
} satisfies Record<string, ScheduleInput[]>;
type Pattern = keyof typeof PATTERNS;

/** Instants (local Berlin wall clock or UTC ISO) with the patterns open at each. */
const MOMENTS: { when: string; state?: string | null; open: Pattern[] }[] = [
  { when: '2026-06-15T08:00', open: ['always'] },
  { when: '2026-06-15T10:00', open: ['office', 'split', 'always', 'holidayOpening', 'christmas', 'summer', 'monthday'] },
  { when: '2026-06-15T12:00', open: ['split', 'always'] },
  { when: '2026-06-16T15:00', open: ['office', 'always'] },
  { when: '2026-06-03T16:00', open: ['monthly', 'always'] },
  { when: '2026-06-10T16:00', open: ['always'] },
  { when: '2026-06-17T16:00', open: ['monthly', 'always'] },
  { when: '2026-06-26T11:00', open: ['office', 'lastFriday', 'always', 'holidayOpening', 'christmas', 'summer'] },
  { when: '2026-06-19T11:00', open: ['office', 'always', 'holidayOpening', 'christmas', 'summer'] },
  { when: '2026-07-15T10:30', open: ['office', 'monthday', 'always', 'holidayOpening', 'christmas', 'summer'] },
  { when: '2026-09-15T10:30', open: ['office', 'monthday', 'always', 'holidayOpening', 'christmas'] },
  { when: '2026-06-20T01:00', open: ['night', 'always'] },
  { when: '2026-06-20T03:00', open: ['always'] },
  // Good Friday: only the special opening and the every-day rule.
  { when: '2026-04-03T11:00', open: ['holidayOpening', 'always'] },
  { when: '2026-04-03T11:00', state: null, open: ['holidayOpening', 'always'] },
  { when: '2026-04-03T01:00', open: ['always'] },
  // Corpus Christi: a holiday in NRW, a Thursday elsewhere.
  { when: '2026-06-04T10:00', open: ['always'] },
  { when: '2026-06-04T10:00', state: 'DE-NI', open: ['office', 'always', 'holidayOpening', 'christmas', 'summer'] },
  { when: '2026-12-28T10:00', open: ['office', 'split', 'always', 'holidayOpening'] },
  { when: '2027-01-07T10:00', open: ['office', 'christmas', 'always', 'holidayOpening'] },
  // 28 March 2027: 01:59 CET, 03:00 CEST, 03:30 CEST, 09:30 CEST.
  { when: '2027-03-28T00:59:00Z', open: ['sunday', 'night', 'always'] },
  { when: '2027-03-28T01:00:00Z', open: ['sunday', 'always'] },
  { when: '2027-03-28T01:30:00Z', open: ['always'] },
  { when: '2027-03-28T07:30:00Z', open: ['sunday', 'always'] },
  // 31 October 2027: 08:30 CET and 09:30 CET; Reformation Day in Lower Saxony.
  { when: '2027-10-31T07:30:00Z', open: ['always'] },
  { when: '2027-10-31T08:30:00Z', open: ['sunday', 'always'] },
  { when: '2027-10-31T08:30:00Z', state: 'DE-NI', open: ['always'] },
];

function instant(when: string): Date {
  return when.endsWith('Z') ? new Date(when) : at(when);
}

describe('localParts', () => {
  it('reads the wall clock in the zone, across both summer-time changes', () => {
    assert.deepEqual(localParts(new Date('2027-03-28T00:59:00Z'), TZ), { date: '2027-03-28', weekday: 7, minute: 119, ordinal: 4, ordinalFromEnd: -1, isLastWeekdayOfMonth: true, monthday: 28, daysInMonth: 31 });
    assert.equal(localParts(new Date('2027-03-28T01:00:00Z'), TZ).minute, 180);
    // 02:30 happens twice on 31 October 2027.
    assert.equal(localParts(new Date('2027-10-31T00:30:00Z'), TZ).minute, 150);
    assert.equal(localParts(new Date('2027-10-31T01:30:00Z'), TZ).minute, 150);
    const newYear = localParts(new Date('2026-12-31T23:30:00Z'), TZ);
    assert.equal(newYear.date, '2027-01-01');
    assert.equal(newYear.weekday, 5);
    assert.equal(newYear.ordinal, 1);
    assert.equal(newYear.isLastWeekdayOfMonth, false);
  });
});

describe('openingState', () => {
  const office = rows(PATTERNS.office);
  const de = translator('de');

  it('across a week of office hours: open until, opens today, tomorrow, on Monday', () => {
    assert.deepEqual(openingState(office, at('2026-06-15T08:00'), TZ, NW), { open: false, today: '2026-06-15', next: { date: '2026-06-15', weekday: 1, time: '09:00' } });
    const open = openingState(office, at('2026-06-15T10:00'), TZ, NW);
    assert.equal(open.open, true);
    assert.equal(open.closesAt, '12:00');
    assert.equal(openingStateLabel(open, 'de', de), 'Jetzt geöffnet bis 12:00');
    const noon = openingState(office, at('2026-06-15T12:00'), TZ, NW);
    assert.equal(noon.open, false);
    assert.equal(openingStateLabel(noon, 'de', de), 'Öffnet morgen um 9:00');
    assert.equal(openingStateLabel(openingState(office, at('2026-06-16T13:00'), TZ, NW), 'de', de), 'Öffnet heute um 14:00');
    assert.equal(openingState(office, at('2026-06-16T16:59'), TZ, NW).closesAt, '17:00');
    const friday = openingState(office, at('2026-06-19T12:30'), TZ, NW);
    assert.deepEqual(friday.next, { date: '2026-06-22', weekday: 1, time: '09:00' });
    assert.equal(openingStateLabel(friday, 'de', de), 'Öffnet Montag um 9:00');
    assert.equal(openingStateLabel(friday, 'en', translator('en')), 'Opens Monday at 9:00 AM');
  });

  it('merges adjacent slots for the closing time', () => {
    assert.equal(openingState(rows(PATTERNS.split), at('2026-06-15T10:00'), TZ, NW).closesAt, '16:00');
  });

  it('on summer-time days uses the wall clock (28 March and 31 October 2027)', () => {
    const sunday = rows(PATTERNS.sunday);
    // 01:59 CET, then 03:00 CEST one minute later: the slot 01:00–03:30 is still open, until 03:30 CEST.
    assert.equal(openingState(sunday, new Date('2027-03-28T00:59:00Z'), TZ, NW).closesAt, '03:30');
    assert.equal(openingState(sunday, new Date('2027-03-28T01:00:00Z'), TZ, NW).open, true);
    assert.equal(openingState(sunday, new Date('2027-03-28T01:30:00Z'), TZ, NW).open, false);
    // 09:30 CEST is open (a fixed winter offset would say 08:30, closed).
    assert.equal(openingState(sunday, new Date('2027-03-28T07:30:00Z'), TZ, NW).open, true);
    // After the autumn change 07:30 UTC is 08:30 CET: not yet open; opens at 09:00 local = 08:00 UTC.
    const autumn = openingState(sunday, new Date('2027-10-31T07:30:00Z'), TZ, NW);
    assert.deepEqual(autumn.next, { date: '2027-10-31', weekday: 7, time: '09:00' });
    assert.equal(openingState(sunday, new Date('2027-10-31T08:00:00Z'), TZ, NW).open, true);
    // 31 October is Reformation Day in Lower Saxony.
    const ni = openingState(sunday, new Date('2027-10-31T08:30:00Z'), TZ, 'DE-NI');
    assert.equal(ni.open, false);
    assert.equal(ni.holiday, 'reformation_day');
  });

  it('is closed on a public holiday (Good Friday, Easter Monday skipped) unless a special opening names the date', () => {
    const friday = openingState(office, at('2026-04-03T10:00'), TZ, NW);
    assert.equal(friday.open, false);
    assert.equal(friday.holiday, 'good_friday');
    assert.deepEqual(friday.next, { date: '2026-04-07', weekday: 2, time: '09:00' });
    assert.equal(openingStateLabel(friday, 'de', de), 'Heute geschlossen (Karfreitag) – Öffnet Dienstag um 9:00');
    const special = rows(PATTERNS.holidayOpening);
    assert.equal(openingState(special, at('2026-04-03T09:30'), TZ, NW).open, false);
    assert.equal(openingState(special, at('2026-04-03T11:00'), TZ, NW).closesAt, '13:00');
    // Corpus Christi is a holiday in NRW, not in Lower Saxony.
    assert.equal(openingState(office, at('2026-06-04T10:00'), TZ, NW).open, false);
    assert.equal(openingState(office, at('2026-06-04T10:00'), TZ, 'DE-NI').open, true);
  });

  it('a slot of the day before running past midnight counts, also into a holiday', () => {
    const night = rows(PATTERNS.night);
    const saturday = openingState(night, at('2026-06-20T01:00'), TZ, NW);
    assert.equal(saturday.open, true);
    assert.equal(saturday.closesAt, '02:00');
    const later = openingState(night, at('2026-06-20T03:00'), TZ, NW);
    assert.deepEqual(later.next, { date: '2026-06-20', weekday: 6, time: '20:00' });
    const intoHoliday = rows([weekly('TH', '20:00', '02:00')]);
    assert.equal(openingState(intoHoliday, at('2026-04-03T01:00'), TZ, NW).open, true);
    assert.equal(openingState(intoHoliday, at('2026-04-03T20:30'), TZ, NW).open, false);
  });

  it('"closed until": exceptions close whole days, chained exceptions extend the closure', () => {
    const christmas = rows(PATTERNS.christmas);
    const closed = openingState(christmas, at('2026-12-28T10:00'), TZ, NW);
    assert.equal(closed.open, false);
    assert.equal(closed.closedUntil, '2027-01-06');
    assert.deepEqual(closed.next, { date: '2027-01-07', weekday: 4, time: '09:00' });
    assert.equal(openingStateLabel(closed, 'de', de), 'Geschlossen bis 6. Januar 2027');
    assert.equal(openingState(christmas, at('2027-01-07T10:00'), TZ, NW).open, true);
    assert.equal(openingState(christmas, at('2026-12-23T10:00'), TZ, NW).open, true);
    const indefinitely = openingState(rows(PATTERNS.indefinitely), at('2026-06-15T10:00'), TZ, NW);
    assert.equal(indefinitely.closedIndefinitely, true);
    assert.equal(indefinitely.next, undefined);
    assert.equal(openingStateLabel(indefinitely, 'de', de), 'Bis auf Weiteres geschlossen');
  });

  it('monthly rules: 1st and 3rd Wednesday, last Friday, the 15th', () => {
    const m = rows(PATTERNS.monthly);
    assert.equal(openingState(m, at('2026-06-03T16:00'), TZ, NW).open, true);
    const second = openingState(m, at('2026-06-10T16:00'), TZ, NW);
    assert.equal(second.open, false);
    assert.deepEqual(second.next, { date: '2026-06-17', weekday: 3, time: '15:00' });
    assert.equal(openingState(m, at('2026-06-17T16:00'), TZ, NW).open, true);
    assert.equal(openingState(m, at('2026-06-24T16:00'), TZ, NW).open, false);
    assert.equal(openingState(rows(PATTERNS.lastFriday), at('2026-06-26T11:00'), TZ, NW).open, true);
    assert.equal(openingState(rows(PATTERNS.lastFriday), at('2026-06-19T11:00'), TZ, NW).open, false);
    assert.equal(openingState(rows(PATTERNS.monthday), at('2026-07-15T10:30'), TZ, NW).open, true);
    assert.deepEqual(openingState(rows(PATTERNS.monthday), at('2026-07-16T10:30'), TZ, NW).next, undefined);
  });

  it('around the clock: open without a closing time, also on holidays', () => {
    const always = openingState(rows(PATTERNS.always), at('2026-06-15T03:00'), TZ, NW);
    assert.equal(always.open, true);
    assert.equal(always.closesAt, undefined);
    assert.equal(openingStateLabel(always, 'de', de), 'Jetzt geöffnet');
    assert.equal(openingState(rows(PATTERNS.always), at('2026-12-25T03:00'), TZ, NW).open, true);
  });

  it('agrees with the table of moments', () => {
    for (const m of MOMENTS) {
      const open = (Object.keys(PATTERNS) as Pattern[]).filter((p) => openingState(rows(PATTERNS[p]), instant(m.when), TZ, m.state === undefined ? NW : m.state).open);
      assert.deepEqual(open.sort(), [...m.open].sort(), m.when);
    }
  });
});

describe('validateSchedules', () => {
  it('accepts good hours, a slot past midnight, midnight closing, a special opening and an exception', () => {
    assert.deepEqual(
      validateSchedules([
        weekly('MO,TU', '09:00', '12:00'),
        weekly('MO', '13:00', '16:00'),
        weekly('FR', '20:00', '02:00'),
        weekly('SA', '08:00', '00:00'),
        weekly('SU', '00:00', '00:00'),
        monthly('1WE,-1FR', '15:00', '18:00'),
        weekly('', '10:00', '12:00', { validFrom: '2026-12-24', validTo: '2026-12-24' }),
        closedOn('2026-12-24', '2026-12-31'),
        { freq: 'WEEKLY', byday: 'TH', description: 'nach Vereinbarung' },
      ]),
      {},
    );
  });

  it('reports each problem at its field with a message key', () => {
    const errors = validateSchedules([
      weekly('MO', '9.00', '12:00'),
      weekly('MO', '14:00', '13:00'),
      weekly('TU', '10:00', '04:00'),
      weekly('WE', '09:00', '12:00'),
      weekly('WE', '11:00', '13:00'),
      weekly('XX,MO', '09:00', '10:00', { validFrom: '2026-06-01', validTo: '2026-05-01' }),
      weekly('', '09:00', '10:00'),
      closedOn(null, null),
      weekly('1MO', '09:00', '10:00'),
      { freq: 'WEEKLY', byday: 'FR', opensAt: '09:00' },
      monthly('', '09:00', '10:00', { bymonthday: '32' }),
    ]);
    assert.deepEqual(errors, {
      'schedules.0.opensAt': { key: 'hours.error_time', params: { value: '9.00' } },
      'schedules.1.closesAt': { key: 'hours.error_closes_before_opens', params: { opens: '14:00', closes: '13:00' } },
      'schedules.2.closesAt': { key: 'hours.error_closes_before_opens', params: { opens: '10:00', closes: '04:00' } },
      'schedules.4.opensAt': { key: 'hours.error_overlap', params: { row: 4 } },
      'schedules.5.byday': { key: 'hours.error_byday', params: { value: 'XX' } },
      'schedules.5.validTo': { key: 'hours.error_valid_to_before_from' },
      'schedules.6.byday': { key: 'hours.error_no_day' },
      'schedules.7.validFrom': { key: 'hours.error_exception_dates' },
      'schedules.8.byday': { key: 'hours.error_ordinal_weekly' },
      'schedules.9.closesAt': { key: 'hours.error_time_missing' },
      'schedules.10.bymonthday': { key: 'hours.error_bymonthday', params: { value: '32' } },
    });
  });

  it('overlap only counts for the same day and the same validity', () => {
    assert.deepEqual(validateSchedules([weekly('MO', '09:00', '12:00'), weekly('TU', '09:00', '12:00'), weekly('MO', '10:00', '11:00', { validFrom: '2026-07-01', validTo: '2026-08-31' })]), {});
    assert.deepEqual(validateSchedules([monthly('1WE', '09:00', '12:00'), monthly('3WE', '10:00', '11:00')]), {});
    assert.deepEqual(Object.keys(validateSchedules([weekly('WE', '09:00', '12:00'), monthly('1WE', '10:00', '11:00')])), ['schedules.1.opensAt']);
    assert.deepEqual(Object.keys(validateSchedules([weekly('MO', '09:00', '12:00')], 'locations.0.schedules')), []);
    assert.deepEqual(Object.keys(validateSchedules([weekly('MO', '25:00', '12:00')], 'locations.0.schedules')), ['locations.0.schedules.0.opensAt']);
  });

  it('every message key exists in the catalog', () => {
    const de = translator('de');
    const keys = ['error_time', 'error_time_missing', 'error_closes_before_opens', 'error_overlap', 'error_byday', 'error_bymonthday', 'error_ordinal_weekly', 'error_no_day', 'error_valid_to_before_from', 'error_exception_dates', 'error_date'];
    for (const k of keys) assert.notEqual(de(`hours.${k}`, { value: 'x', opens: '1', closes: '2', row: 1 }), `hours.${k}`);
  });
});

describe('weeklyHours', () => {
  const schedules = rows([
    weekly('MO,TU,WE,TH,FR', '09:00', '12:00'),
    weekly('TU,TH', '14:00', '17:00'),
    weekly('SA', '10:00', '13:00', { description: 'nur Beratung' }),
    monthly('1WE,3WE', '15:00', '18:00'),
    closedOn('2026-12-24', '2026-12-31', 'Betriebsferien'),
    closedOn('2026-08-03', '2026-08-03'),
  ]);

  it('German: groups consecutive days, lists monthly rules and exceptions', () => {
    const rowsDe = weeklyHours(schedules, 'de', translator('de'), { today: '2026-06-15' });
    assert.deepEqual(
      rowsDe.map((r) => [r.days, r.slots]),
      [
        ['Montag', ['9:00–12:00']],
        ['Dienstag', ['9:00–12:00', '14:00–17:00']],
        ['Mittwoch', ['9:00–12:00']],
        ['Donnerstag', ['9:00–12:00', '14:00–17:00']],
        ['Freitag', ['9:00–12:00']],
        ['Samstag', ['10:00–13:00 (nur Beratung)']],
        ['jeden 1. und 3. Mittwoch im Monat', ['15:00–18:00']],
        ['Geschlossen am 3. August', []],
        ['Geschlossen 24.–31. Dezember', ['Betriebsferien']],
      ],
    );
    const plain = weeklyHours(rows([weekly('MO,TU,WE,TH,FR', '08:00', '16:30'), weekly('SA,SU', '10:00', '12:00')]), 'de', translator('de'));
    assert.deepEqual(
      plain.map((r) => [r.days, r.slots]),
      [
        ['Montag – Freitag', ['8:00–16:30']],
        ['Samstag und Sonntag', ['10:00–12:00']],
      ],
    );
  });

  it('Arabic: weekday names and numbers from Intl, texts from the catalog', () => {
    const ar = weeklyHours(rows([weekly('MO,TU,WE,TH,FR', '09:00', '12:00'), monthly('1WE', '15:00', '18:00'), closedOn(null, '2027-01-15')]), 'ar', translator('ar'), { today: '2026-12-20' });
    assert.equal(ar.length, 3);
    assert.match(ar[0]?.days ?? '', /الاثنين – الجمعة/);
    assert.match(ar[1]?.days ?? '', /الأربعاء الأول من كل شهر/);
    assert.match(ar[2]?.days ?? '', /^مغلق حتى .*يناير/);
    assert.equal(ar[0]?.slots.length, 1);
    assert.ok(!/[A-Za-z]/.test(ar.map((r) => r.days + r.slots.join('')).join('')), 'no Latin text in Arabic rows');
  });

  it('English ordinals and seasonal hours', () => {
    const en = weeklyHours(rows([monthly('2TH,-1TH', '15:00', '18:00'), weekly('MO', '09:00', '12:00', { validFrom: '2026-06-01', validTo: '2026-08-31' })]), 'en', translator('en'), { today: '2026-05-01' });
    assert.deepEqual(
      en.map((r) => r.days.replace(/\s/g, ' ')),
      ['June 1 – August 31: Monday', 'every 2nd and last Thursday of the month'],
    );
  });
});

describe('openNowCondition (SQL) agrees with openingState', () => {
  let database: Database & { drop(): Promise<void> };
  const ids = new Map<string, Pattern>();
  let regionId = '';
  let locationId = '';

  before(async () => {
    database = await createTestDatabase();
    const region = await buildRegion(database.db);
    regionId = region.id;
    const organizationId = await writeOrganization(database.db, regionId, { name: 'Träger' });
    for (const p of Object.keys(PATTERNS) as Pattern[]) {
      const id = await writeService(database.db, regionId, { organizationId, name: `Dienst ${p}`, status: 'published', schedules: PATTERNS[p] });
      ids.set(id, p);
    }
    locationId = await writeLocation(database.db, regionId, { organizationId, name: 'Ort', schedules: PATTERNS.christmas });
  });
  after(async () => database.drop());

  async function openServices(when: Date, state: string | null): Promise<Pattern[]> {
    const found = await database.db
      .select({ id: dirServices.id })
      .from(dirServices)
      .where(
        and(
          eq(dirServices.regionId, regionId),
          sql`EXISTS (SELECT 1 FROM dir_schedules sch WHERE sch.service_id = ${dirServices.id} AND ${openNowCondition(when, TZ, state, 'sch')})`,
        ),
      );
    return found.map((r) => ids.get(r.id)).filter((p): p is Pattern => p !== undefined).sort();
  }

  it('for every moment of the table', async () => {
    for (const m of MOMENTS) {
      const state = m.state === undefined ? NW : m.state;
      assert.deepEqual(await openServices(instant(m.when), state), [...m.open].sort(), m.when);
    }
  });

  it('for every hour of a week with a holiday and a summer-time change', async () => {
    const start = new Date('2027-03-24T23:00:00Z');
    for (let h = 0; h < 24 * 7; h += 1) {
      const when = new Date(start.getTime() + h * 3_600_000 + 30 * 60_000);
      const expected = (Object.keys(PATTERNS) as Pattern[]).filter((p) => openingState(rows(PATTERNS[p]), when, TZ, NW).open).sort();
      assert.deepEqual(await openServices(when, NW), expected, when.toISOString());
    }
  });

  it('works for location schedules with the owner column, and closedTodayCondition alone', async () => {
    const q = (when: Date) =>
      database.db
        .select({ id: dirLocations.id })
        .from(dirLocations)
        .where(
          and(
            eq(dirLocations.id, locationId),
            sql`EXISTS (SELECT 1 FROM dir_schedules ls WHERE ls.location_id = ${dirLocations.id} AND ${openNowCondition(when, TZ, NW, 'ls', 'location_id')})`,
          ),
        );
    assert.equal((await q(at('2026-12-28T10:00'))).length, 0);
    assert.equal((await q(at('2027-01-07T10:00'))).length, 1);
    const closedRows = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`dir_schedules cs`)
      .where(sql`cs.location_id = ${locationId} AND ${closedTodayCondition(at('2026-12-28T10:00'), TZ, 'cs', 'location_id')}`);
    assert.equal(closedRows[0]?.n, 3);
  });

  it('refuses an alias that is not an identifier', () => {
    assert.throws(() => openNowCondition(new Date(), TZ, NW, 's; DROP TABLE x'));
  });
});
