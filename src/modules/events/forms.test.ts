import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FormValues } from '../../web/components/forms.js';
import { changedFields, eventFormValues, explainErrors, parseEventForm, parseEventSettingsForm, parsePrice, readDateTime, withDateAdded, type EventFormOptions } from './forms.js';
import { expandSchedule } from './recurrence.js';
import { parseEventInput, type EventRow } from './service.js';
import { eventSettings } from './settings.js';

const LOCATION = '11111111-1111-4111-8111-111111111111';
const OPTS: EventFormOptions = { locationIds: [LOCATION], organizationIds: [], imageIds: [], languages: ['de', 'en', 'ar', 'uk'], creating: true };
const REGION = { timezone: 'Europe/Berlin' };
const NOW = new Date('2026-12-04T10:00:00Z');

/** A weekly form: Tuesdays 18:00–20:00 every 2 weeks until the end of March. */
const WEEKLY: FormValues = {
  title: 'Sprachcafé',
  category: 'leisure',
  startLocal: '2026-12-08T18:00',
  endLocal: '2026-12-08T20:00',
  'recurrence.freq': 'weekly',
  'recurrence.interval': '2',
  'recurrence.byDay': ['TU'],
  'recurrence.endMode': 'until',
  'recurrence.until': '2027-03-31',
  placeName: 'Stadtbibliothek',
  city: 'Musterstadt',
};

/** A stored row for eventFormValues (only the fields the form shows matter). */
function row(overrides: Partial<EventRow>): EventRow {
  const now = new Date();
  return {
    id: '22222222-2222-4222-8222-222222222222',
    regionId: '33333333-3333-4333-8333-333333333333',
    status: 'published',
    category: 'other',
    title: 'T',
    descriptionHtml: '',
    startLocal: '2026-12-08T18:00',
    endLocal: '2026-12-08T20:00',
    timeZone: 'Europe/Berlin',
    allDay: false,
    rrule: null,
    exdates: [],
    rdates: [],
    locationId: null,
    placeName: 'Ort',
    street: null,
    postalCode: null,
    city: null,
    onlineUrl: null,
    organizerName: '',
    organizerOrganizationId: null,
    contactEmail: null,
    contactPhone: null,
    languages: [],
    mediationAvailable: false,
    accessibility: '',
    price: null,
    costNote: '',
    imageId: null,
    registrationRequired: false,
    capacity: null,
    maxPartySize: 4,
    feedId: null,
    sourceUid: null,
    sourceUrl: null,
    revision: 3,
    majorRevision: 2,
    materialisedUntil: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    ...overrides,
  };
}

describe('event form → EventInput', () => {
  it('turns "every 2nd week on Tuesday until March" into an RRULE the service expands', () => {
    const { input, errors } = parseEventForm(WEEKLY, OPTS);
    assert.deepEqual(errors, {});
    assert.deepEqual(input.recurrence, { freq: 'weekly', interval: 2, byDay: ['TU'], monthlyMode: 'day', setPos: 1, endMode: 'until', until: '2027-03-31', count: 10 });
    assert.equal(input.status, 'draft', 'a new event is a draft unless published on purpose');
    const { schedule, expansion } = parseEventInput(input, REGION, NOW);
    assert.equal(schedule.rrule, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270331T215900Z');
    assert.deepEqual(
      expansion.occurrences.map((o) => o.startLocal.slice(0, 10)),
      ['2026-12-08', '2026-12-22', '2027-01-05', '2027-01-19', '2027-02-02', '2027-02-16', '2027-03-02', '2027-03-16', '2027-03-30'],
    );
  });

  it('builds "on the last Friday of the month" and an open end', () => {
    const { input, errors } = parseEventForm({ ...WEEKLY, startLocal: '2026-12-25T10:00', endLocal: '2026-12-25T12:00', 'recurrence.freq': 'monthly', 'recurrence.interval': '1', 'recurrence.monthlyMode': 'weekday', 'recurrence.setPos': '-1', 'recurrence.endMode': 'never' }, OPTS);
    assert.deepEqual(errors, {});
    const { schedule, expansion } = parseEventInput(input, REGION, NOW);
    assert.equal(schedule.rrule, 'FREQ=MONTHLY;BYDAY=-1FR');
    assert.ok(expansion.continues);
    assert.deepEqual(
      expansion.occurrences.slice(0, 3).map((o) => o.startLocal),
      ['2026-12-25T10:00', '2027-01-29T10:00', '2027-02-26T10:00'],
    );
  });

  it('takes dates as browsers and people send them, and says when a time is missing', () => {
    assert.deepEqual(readDateTime('2026-12-08T18:00'), { date: '2026-12-08', time: '18:00' });
    assert.deepEqual(readDateTime('2026-12-08T18:00:00'), { date: '2026-12-08', time: '18:00' });
    assert.deepEqual(readDateTime('8.12.2026 9:30'), { date: '2026-12-08', time: '09:30' });
    assert.deepEqual(readDateTime('2026-12-08'), { date: '2026-12-08', time: undefined });
    assert.equal(readDateTime('2027-02-30'), undefined, 'no 30 February');
    assert.equal(readDateTime('2026-12-08T24:00'), undefined);

    const noTime = parseEventForm({ ...WEEKLY, startLocal: '2026-12-08', 'recurrence.freq': 'none' }, OPTS);
    assert.equal(noTime.errors.startLocal?.key, 'events-admin.error_time_required');
    const bad = parseEventForm({ ...WEEKLY, endLocal: 'morgen' }, OPTS);
    assert.equal(bad.errors.endLocal?.key, 'events.error_datetime');
  });

  it('reads all-day events from date fields (the end is the last day; empty = one day)', () => {
    const { input, errors } = parseEventForm({ title: 'Fest', category: 'leisure', allDay: '1', startLocal: '2027-06-12', endLocal: '', placeName: 'Park' }, OPTS);
    assert.deepEqual(errors, {});
    assert.equal(input.startLocal, '2027-06-12T00:00');
    assert.equal(input.endLocal, '2027-06-12T00:00');
    const { schedule } = parseEventInput(input, REGION, NOW);
    assert.equal(schedule.endLocal, '2027-06-13T00:00', 'stored end is the morning after');
    // …and back: the form shows the last day again.
    const values = eventFormValues(row({ allDay: true, startLocal: schedule.startLocal, endLocal: schedule.endLocal }));
    assert.equal(values.startLocal, '2027-06-12');
    assert.equal(values.endLocal, '2027-06-12');
  });

  it('adds left-out and extra dates at the start time, and keeps the ones ticked', () => {
    const { input, errors } = parseEventForm({ ...WEEKLY, exdates: ['2026-12-22T18:00'], exdatesNew: '2027-01-05', rdatesNew: '2027-01-07T17:00' }, OPTS);
    assert.deepEqual(errors, {});
    assert.deepEqual(input.exdates, ['2026-12-22T18:00', '2027-01-05T18:00']);
    assert.deepEqual(input.rdates, ['2027-01-07T17:00']);
    const dates = parseEventInput(input, REGION, NOW).expansion.occurrences.map((o) => o.startLocal);
    assert.ok(!dates.includes('2026-12-22T18:00') && !dates.includes('2027-01-05T18:00'));
    assert.ok(dates.includes('2027-01-07T17:00'));

    const added = withDateAdded({ ...WEEKLY, exdates: ['2026-12-22T18:00'], exdatesNew: '2027-01-19' }, 'exdates');
    assert.deepEqual(added.errors, {});
    assert.deepEqual(added.values.exdates, ['2026-12-22T18:00', '2027-01-19T18:00']);
    assert.equal(added.values.exdatesNew, '');
    const wrong = withDateAdded({ ...WEEKLY, rdatesNew: 'bald' }, 'rdates');
    assert.equal(wrong.errors.rdatesNew?.key, 'events.error_datetime');
    assert.equal(wrong.values.rdatesNew, 'bald', 'the typed value stays');
  });

  it('reads prices with a comma, capacity and party size, and refuses choices that are not offered', () => {
    assert.deepEqual(parsePrice(''), { value: null });
    assert.deepEqual(parsePrice('5,50 €'), { value: 5.5 });
    assert.deepEqual(parsePrice('12,-'), { value: 12 });
    assert.equal(parsePrice('zehn').error, 'events.error_price');
    const { input, errors } = parseEventForm({ ...WEEKLY, price: '3,5', capacity: '20', maxPartySize: '', registrationRequired: '1', languages: ['ar', 'de', 'xx'], locationId: '44444444-4444-4444-8444-444444444444', imageId: LOCATION }, OPTS);
    assert.equal(input.price, 3.5);
    assert.equal(input.capacity, 20);
    assert.equal(input.maxPartySize, 4);
    assert.deepEqual(input.languages, ['de', 'ar']);
    assert.deepEqual(Object.keys(errors).sort(), ['imageId', 'languages', 'locationId']);
    const capacity = parseEventForm({ ...WEEKLY, capacity: '-3' }, OPTS);
    assert.equal(capacity.errors.capacity?.key, 'events.error_capacity');
  });

  it('keeps a rule the form cannot show, unless the editor replaces it', () => {
    const custom = 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1';
    const values = eventFormValues(row({ rrule: custom }));
    assert.equal(values.rrule, custom);
    assert.equal(values['recurrence.freq'], 'none');
    assert.equal(parseEventForm({ ...values, title: 'x' }, { ...OPTS, creating: false }).input.rrule, custom);
    const replaced = parseEventForm({ ...values, replaceRrule: '1', 'recurrence.freq': 'weekly', 'recurrence.endMode': 'never' }, { ...OPTS, creating: false });
    assert.equal(replaced.input.rrule, null);
    assert.equal(replaced.input.recurrence?.freq, 'weekly');
    assert.equal(replaced.input.status, undefined, 'editing never changes the status through the form');
  });

  it('round-trips a stored series through the form without changing its dates', () => {
    const { input } = parseEventForm({ ...WEEKLY, exdates: ['2026-12-22T18:00'], price: '2', capacity: '12', registrationRequired: '1' }, OPTS);
    const { schedule } = parseEventInput(input, REGION, NOW);
    const stored = row({ ...schedule, exdates: [...schedule.exdates], rdates: [...schedule.rdates], price: '2.00', capacity: 12, registrationRequired: true, title: 'Sprachcafé', placeName: 'Stadtbibliothek' });
    const values = eventFormValues(stored);
    assert.equal(values.price, '2');
    assert.equal(values['recurrence.until'], '2027-03-31');
    const again = parseEventInput(parseEventForm(values, { ...OPTS, creating: false }).input, REGION, NOW);
    assert.equal(again.schedule.rrule, schedule.rrule);
    assert.deepEqual(
      again.expansion.occurrences.map((o) => o.recurrenceId),
      expandSchedule(schedule, { now: NOW }).occurrences.map((o) => o.recurrenceId),
    );
    assert.deepEqual(changedFields(values, values), []);
    assert.deepEqual(changedFields(values, { ...values, title: 'Neu', 'recurrence.interval': '3' }), ['title', 'schedule']);
  });

  it('gives "too long" its limit', () => {
    assert.deepEqual(explainErrors({ title: { key: 'validation.too_long' }, endLocal: { key: 'events.error_end_before_start' } }), {
      title: { key: 'validation.too_long', params: { max: 200 } },
      endLocal: { key: 'events.error_end_before_start' },
    });
  });
});

describe('events settings form', () => {
  it('accepts what settings.ts reads back unchanged', () => {
    const parsed = parseEventSettingsForm({ retentionDays: '14', reminders: '1', feedIntervalHours: '24' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.settings, { retentionDays: 14, reminders: true, feedIntervalHours: 24 });
    assert.deepEqual(eventSettings({ events: parsed.settings }), parsed.settings);
    const off = parseEventSettingsForm({ retentionDays: '30', feedIntervalHours: '6' });
    assert.ok(off.ok && off.settings.reminders === false, 'an unticked box is "no reminders"');
  });

  it('names the allowed range at each wrong field', () => {
    const parsed = parseEventSettingsForm({ retentionDays: '0', feedIntervalHours: 'oft' });
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.errors, {
      retentionDays: { key: 'events-admin.error_range', params: { min: 1, max: 730 } },
      feedIntervalHours: { key: 'events-admin.error_range', params: { min: 1, max: 168 } },
    });
    const empty = parseEventSettingsForm({ retentionDays: '', feedIntervalHours: '6' });
    assert.ok(!empty.ok);
    assert.equal(empty.errors.retentionDays?.key, 'validation.required');
  });
});
