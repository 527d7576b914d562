/**
 * The events admin forms: submitted form strings (flat names such as `recurrence.until`, the same paths the service's
 * field errors use) → EventInput for saveEvent, and the way back (a stored event → form values) for edit forms and
 * conflicts. The form speaks people's terms ("every 2nd Tuesday until June", "5,50 €", a date without a time for an
 * all-day event); the service checks the rules (end after start, dates the rule yields, capacity).
 *
 * Form checks here are only what the service cannot see: a date typed in another notation, a price with a comma, a
 * place or image that is not the region's. Their messages win over the service's for the same field.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import { addDays } from '../../platform/time/zoned-time.js';
import { zodFieldErrors, type FormValues } from '../../web/components/forms.js';
import type { EventInput } from './model.js';
import { END_MODES, FREQS, formOfRrule, SET_POSITIONS, WEEKDAYS, type RecurrenceForm } from './recurrence.js';
import type { EventRow } from './service.js';
import { eventSettingsSchema, type EventSettings } from './settings.js';

/** Longest text per form field (the service's limits), so "too long" can say how long is allowed. */
export const FIELD_MAX: Record<string, number> = {
  title: 200,
  descriptionHtml: 100_000,
  placeName: 200,
  street: 200,
  postalCode: 20,
  city: 100,
  onlineUrl: 500,
  organizerName: 200,
  contactEmail: 254,
  contactPhone: 50,
  accessibility: 2000,
  costNote: 500,
  rrule: 500,
};

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
const checked = (v: FormValues[string]): boolean => str(v) === '1';

// ---------- dates ----------

const ISO_IN = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
/** German notation, as people type it where the browser has no date picker: 08.12.2026 18:00. */
const DE_IN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?$/;

/** True for a real calendar day ("2026-02-30" is not). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** A typed date or date-time → its day ("2026-12-08") and time ("18:00", or undefined when none was typed). */
export function readDateTime(raw: string): { date: string; time: string | undefined } | undefined {
  const value = raw.trim();
  let date: string;
  let hour: string | undefined;
  let minute: string | undefined;
  const iso = ISO_IN.exec(value);
  const de = iso ? null : DE_IN.exec(value);
  if (iso) [date, hour, minute] = [iso[1] ?? '', iso[2], iso[3]];
  else if (de) [date, hour, minute] = [`${de[3]}-${(de[2] ?? '').padStart(2, '0')}-${(de[1] ?? '').padStart(2, '0')}`, de[4], de[5]];
  else return undefined;
  if (!isCalendarDate(date)) return undefined;
  if (hour === undefined || minute === undefined) return { date, time: undefined };
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  return { date, time: `${hour.padStart(2, '0')}:${minute}` };
}

type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/** A start or end field: all-day events need a day, others a day and a time. Empty is '' (the service says "required"). */
function parseWhen(raw: string, allDay: boolean): Parsed<string> {
  if (raw === '') return { value: '' };
  const read = readDateTime(raw);
  if (!read) return { error: allDay ? 'events.error_date' : 'events.error_datetime' };
  if (allDay) return { value: `${read.date}T00:00` };
  if (!read.time) return { error: 'events-admin.error_time_required' };
  return { value: `${read.date}T${read.time}` };
}

// ---------- recurrence ----------

function recurrenceOf(values: FormValues, errors: FieldErrors): EventInput['recurrence'] {
  const freq = str(values['recurrence.freq']) || 'none';
  if (!(FREQS as readonly string[]).includes(freq)) errors['recurrence.freq'] = { key: 'validation.choose_valid' };
  const byDay = list(values['recurrence.byDay']);
  if (byDay.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) errors['recurrence.byDay'] = { key: 'validation.choose_valid' };
  const monthlyMode = str(values['recurrence.monthlyMode']) === 'weekday' ? 'weekday' : 'day';
  const setPos = Number(str(values['recurrence.setPos']) || '1');
  if (!(SET_POSITIONS as readonly number[]).includes(setPos)) errors['recurrence.setPos'] = { key: 'validation.choose_valid' };
  const endMode = str(values['recurrence.endMode']) || 'until';
  if (!(END_MODES as readonly string[]).includes(endMode)) errors['recurrence.endMode'] = { key: 'validation.choose_valid' };
  let until = str(values['recurrence.until']);
  if (until !== '') {
    const read = readDateTime(until);
    if (read) until = read.date;
    else errors['recurrence.until'] = { key: 'events.error_date' };
  }
  const interval = str(values['recurrence.interval']) || '1';
  const count = str(values['recurrence.count']) || '10';
  const repeats = freq !== 'none';
  if (repeats && !/^\d{1,3}$/.test(interval)) errors['recurrence.interval'] = { key: 'events.error_interval' };
  if (repeats && endMode === 'count' && !/^\d{1,4}$/.test(count)) errors['recurrence.count'] = { key: 'events.error_count' };
  return {
    freq: (FREQS as readonly string[]).includes(freq) ? (freq as RecurrenceForm['freq']) : 'none',
    interval: repeats ? Number(interval) || 0 : 1,
    byDay: WEEKDAYS.filter((d) => byDay.includes(d)),
    monthlyMode,
    setPos: ((SET_POSITIONS as readonly number[]).includes(setPos) ? setPos : 1) as RecurrenceForm['setPos'],
    endMode: (END_MODES as readonly string[]).includes(endMode) ? (endMode as RecurrenceForm['endMode']) : 'until',
    until: errors['recurrence.until'] ? '' : until,
    // Only checked when the series ends after a number of dates (a stale count elsewhere is no error).
    count: repeats && endMode === 'count' ? Number(count) || 0 : Math.min(Math.max(Number(count) || 10, 1), 500),
  };
}

/**
 * Local starts of a list field (EXDATE/RDATE checkboxes) plus the one typed into `<name>New`. A new date without a
 * time takes the event's start time (people leave out "the 22nd", not "the 22nd at 18:00").
 */
function dateList(values: FormValues, name: 'exdates' | 'rdates', startTime: string, allDay: boolean, errors: FieldErrors): string[] {
  const out = new Set<string>();
  for (const v of list(values[name])) {
    const read = readDateTime(v);
    if (!read) {
      errors[name] = { key: 'events.error_date' };
      continue;
    }
    out.add(`${read.date}T${allDay ? '00:00' : (read.time ?? startTime)}`);
  }
  const typed = str(values[`${name}New`]);
  if (typed) {
    const read = readDateTime(typed);
    if (!read) errors[`${name}New`] = { key: name === 'exdates' ? 'events.error_date' : 'events.error_datetime' };
    else out.add(`${read.date}T${allDay ? '00:00' : (read.time ?? startTime)}`);
  }
  return [...out].sort();
}

// ---------- numbers ----------

/** "5", "5,50", "5.5 €", "12,-" → 5 / 5.5 / 12; '' → null (free). */
export function parsePrice(raw: string): Parsed<number | null> {
  const v = raw.replace(/€|eur|euro/gi, '').replace(/\s/g, '').replace(/,-+$/, '');
  if (v === '') return { value: null };
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(v)) return { error: 'events.error_price' };
  return { value: Number(v.replace(',', '.')) };
}

function parseWhole(raw: string, message: string, empty: number | null): Parsed<number | null> {
  if (raw === '') return { value: empty };
  if (!/^\d{1,6}$/.test(raw)) return { error: message };
  return { value: Number(raw) };
}

// ---------- the event form ----------

/** The ids a form may name: the region's places, organisations and images, and the languages offered. */
export type EventFormOptions = {
  locationIds: readonly string[];
  organizationIds: readonly string[];
  imageIds: readonly string[];
  languages: readonly string[];
  /** A new event: the status to save it with is part of the form. */
  creating: boolean;
};

export type EventFormResult = { input: EventInput; errors: FieldErrors };

/** A choice that must be one of `allowed` ('' = none). */
function choice(values: FormValues, name: string, allowed: readonly string[], errors: FieldErrors): string | null {
  const v = str(values[name]);
  if (v === '') return null;
  if (!allowed.includes(v)) {
    errors[name] = { key: 'validation.choose_valid' };
    return null;
  }
  return v;
}

/**
 * The submitted event form as EventInput, and the errors only the form can find. The input is complete even when
 * there are errors, so the service can check it too and the user sees every problem at once.
 */
export function parseEventForm(values: FormValues, opts: EventFormOptions): EventFormResult {
  const errors: FieldErrors = {};
  const allDay = checked(values.allDay);
  const start = parseWhen(str(values.startLocal), allDay);
  if (start.error) errors.startLocal = { key: start.error };
  // An all-day event without an end lasts the one day.
  const end = parseWhen(str(values.endLocal) || (allDay ? str(values.startLocal) : ''), allDay);
  if (end.error) errors.endLocal = { key: end.error };
  const startTime = start.value ? start.value.slice(11, 16) : '00:00';
  const keepRule = str(values.rrule) !== '' && !checked(values.replaceRrule);

  const price = parsePrice(str(values.price));
  if (price.error) errors.price = { key: price.error };
  const capacity = parseWhole(str(values.capacity), 'events.error_capacity', null);
  if (capacity.error) errors.capacity = { key: capacity.error };
  const party = parseWhole(str(values.maxPartySize), 'events.error_party', 4);
  if (party.error) errors.maxPartySize = { key: party.error };
  const languages = list(values.languages);
  if (languages.some((l) => !opts.languages.includes(l))) errors.languages = { key: 'validation.choose_valid' };
  const status = str(values.status);
  if (opts.creating && status !== '' && status !== 'draft' && status !== 'published') errors.status = { key: 'validation.choose_valid' };

  const input: EventInput = {
    title: str(values.title),
    descriptionHtml: str(values.descriptionHtml),
    category: (str(values.category) || 'other') as EventInput['category'],
    startLocal: start.value ?? '',
    endLocal: end.value ?? '',
    allDay,
    recurrence: recurrenceOf(values, errors),
    rrule: keepRule ? str(values.rrule) : null,
    exdates: dateList(values, 'exdates', startTime, allDay, errors),
    rdates: dateList(values, 'rdates', startTime, allDay, errors),
    locationId: choice(values, 'locationId', opts.locationIds, errors),
    placeName: str(values.placeName),
    street: str(values.street),
    postalCode: str(values.postalCode),
    city: str(values.city),
    onlineUrl: str(values.onlineUrl),
    organizerName: str(values.organizerName),
    organizerOrganizationId: choice(values, 'organizerOrganizationId', opts.organizationIds, errors),
    contactEmail: str(values.contactEmail),
    contactPhone: str(values.contactPhone),
    languages: opts.languages.filter((l) => languages.includes(l)),
    mediationAvailable: checked(values.mediationAvailable),
    accessibility: str(values.accessibility),
    price: price.value ?? null,
    costNote: str(values.costNote),
    imageId: choice(values, 'imageId', opts.imageIds, errors),
    registrationRequired: checked(values.registrationRequired),
    capacity: capacity.value ?? null,
    maxPartySize: party.value ?? 4,
  };
  const timeZone = str(values.timeZone);
  if (timeZone) input.timeZone = timeZone;
  if (opts.creating) input.status = status === 'published' ? 'published' : 'draft';
  return { input, errors };
}

/** Errors of the service with what their messages need (the longest length allowed). */
export function explainErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, e] of Object.entries(errors)) {
    const max = FIELD_MAX[field];
    if (e.key === 'validation.too_long' && !e.params) out[field] = { key: e.key, params: { max: max ?? 200 } };
    else if ((e.key === 'validation.too_small' || e.key === 'validation.too_big') && !e.params) out[field] = { key: 'validation.invalid' };
    else out[field] = e;
  }
  return out;
}

/** What the form shows for a stored event. */
export function eventFormValues(e: EventRow): FormValues {
  const schedule = { startLocal: e.startLocal, timeZone: e.timeZone, allDay: e.allDay };
  const form = formOfRrule(e.rrule, schedule);
  const rec = form ?? formOfRrule(null, schedule);
  const values: FormValues = {
    title: e.title,
    descriptionHtml: e.descriptionHtml,
    category: e.category,
    allDay: e.allDay ? '1' : '',
    startLocal: e.allDay ? e.startLocal.slice(0, 10) : e.startLocal,
    // All-day events store the morning after as their end; the form names the last day.
    endLocal: e.allDay ? addDays(e.endLocal.slice(0, 10), -1) : e.endLocal,
    rrule: form ? '' : (e.rrule ?? ''),
    exdates: e.exdates.map((d) => (e.allDay ? d.slice(0, 10) : d)),
    rdates: e.rdates.map((d) => (e.allDay ? d.slice(0, 10) : d)),
    locationId: e.locationId ?? '',
    placeName: e.placeName ?? '',
    street: e.street ?? '',
    postalCode: e.postalCode ?? '',
    city: e.city ?? '',
    onlineUrl: e.onlineUrl ?? '',
    organizerName: e.organizerName,
    organizerOrganizationId: e.organizerOrganizationId ?? '',
    contactEmail: e.contactEmail ?? '',
    contactPhone: e.contactPhone ?? '',
    languages: [...e.languages],
    mediationAvailable: e.mediationAvailable ? '1' : '',
    accessibility: e.accessibility,
    price: e.price === null ? '' : e.price.replace(/\.00$/, ''),
    costNote: e.costNote,
    imageId: e.imageId ?? '',
    registrationRequired: e.registrationRequired ? '1' : '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    maxPartySize: String(e.maxPartySize),
    timeZone: e.timeZone,
    revision: String(e.revision),
  };
  if (rec) Object.assign(values, recurrenceValues(rec));
  return values;
}

/** The recurrence picker's values. */
export function recurrenceValues(r: RecurrenceForm): FormValues {
  return {
    'recurrence.freq': r.freq,
    'recurrence.interval': String(r.interval),
    'recurrence.byDay': [...r.byDay],
    'recurrence.monthlyMode': r.monthlyMode,
    'recurrence.setPos': String(r.setPos),
    'recurrence.endMode': r.endMode,
    'recurrence.until': r.until,
    'recurrence.count': String(r.count),
  };
}

/** The values of a new event's form: a weekday evening in two weeks is as good a guess as any; nothing is filled in. */
export function newEventValues(): FormValues {
  return { category: 'other', status: 'draft', maxPartySize: '4', ...recurrenceValues({ freq: 'none', interval: 1, byDay: [], monthlyMode: 'day', setPos: 1, endMode: 'until', until: '', count: 10 }) };
}

/**
 * The form after "add" (no JavaScript): the date typed into `exdatesNew` / `rdatesNew` joins its list, and the typed
 * field empties. Invalid dates stay typed, with their message.
 */
export function withDateAdded(values: FormValues, name: 'exdates' | 'rdates'): { values: FormValues; errors: FieldErrors } {
  const typed = str(values[`${name}New`]);
  if (!typed) return { values, errors: {} };
  const read = readDateTime(typed);
  if (!read) return { values, errors: { [`${name}New`]: { key: name === 'exdates' ? 'events.error_date' : 'events.error_datetime' } } };
  const allDay = checked(values.allDay);
  const start = readDateTime(str(values.startLocal));
  const time = read.time ?? start?.time ?? '00:00';
  const added = allDay ? read.date : `${read.date}T${time}`;
  const current = list(values[name]);
  return { values: { ...values, [name]: [...new Set([...current, added])].sort(), [`${name}New`]: '' }, errors: {} };
}

/** The fields a revision conflict compares, in the order of the form. */
export const CONFLICT_FIELDS = [
  'title',
  'descriptionHtml',
  'category',
  'startLocal',
  'endLocal',
  'allDay',
  'schedule',
  'exdates',
  'rdates',
  'locationId',
  'placeName',
  'street',
  'postalCode',
  'city',
  'onlineUrl',
  'organizerName',
  'organizerOrganizationId',
  'contactEmail',
  'contactPhone',
  'languages',
  'mediationAvailable',
  'accessibility',
  'price',
  'costNote',
  'imageId',
  'registrationRequired',
  'capacity',
  'maxPartySize',
] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

const RECURRENCE_KEYS = ['recurrence.freq', 'recurrence.interval', 'recurrence.byDay', 'recurrence.monthlyMode', 'recurrence.setPos', 'recurrence.endMode', 'recurrence.until', 'recurrence.count', 'rrule'];

function normalised(values: FormValues, field: string): string {
  const keys = field === 'schedule' ? RECURRENCE_KEYS : [field];
  return keys
    .map((k) => {
      const v = values[k];
      const arr = (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
      return [...arr].sort().join('|');
    })
    .join('/');
}

/** The fields whose stored value differs from what the user submitted (a revision conflict names them). */
export function changedFields(stored: FormValues, submitted: FormValues): ConflictField[] {
  return CONFLICT_FIELDS.filter((f) => normalised(stored, f) !== normalised(submitted, f));
}

// ---------- settings ----------

export const SETTINGS_LIMITS = { retentionDays: { min: 1, max: 730 }, feedIntervalHours: { min: 1, max: 168 } } as const;

const wholeIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, 'validation.required')
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max, 'events-admin.error_range')
    .transform(Number);

const settingsSchema = z.object({
  retentionDays: wholeIn(SETTINGS_LIMITS.retentionDays.min, SETTINGS_LIMITS.retentionDays.max),
  reminders: z.boolean(),
  feedIntervalHours: wholeIn(SETTINGS_LIMITS.feedIntervalHours.min, SETTINGS_LIMITS.feedIntervalHours.max),
});

/** The settings form: either settings that settings.ts reads back unchanged, or a message at each wrong field. */
export function parseEventSettingsForm(values: FormValues): { ok: true; settings: EventSettings } | { ok: false; errors: FieldErrors } {
  const parsed = settingsSchema.safeParse({ retentionDays: str(values.retentionDays), reminders: checked(values.reminders), feedIntervalHours: str(values.feedIntervalHours) });
  if (parsed.success) return { ok: true, settings: eventSettingsSchema.parse(parsed.data) };
  const errors = zodFieldErrors(parsed.error);
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (issue.message !== 'events-admin.error_range' || errors[field]?.key !== 'validation.invalid') continue;
    const limits = SETTINGS_LIMITS[field as keyof typeof SETTINGS_LIMITS];
    errors[field] = { key: issue.message, params: { min: limits.min, max: limits.max } };
  }
  return { ok: false, errors };
}

export function eventSettingsValues(s: EventSettings): FormValues {
  return { retentionDays: String(s.retentionDays), reminders: s.reminders ? '1' : '', feedIntervalHours: String(s.feedIntervalHours) };
}

/** The settings whose values differ. */
export function changedSettings(a: EventSettings, b: EventSettings): (keyof EventSettings)[] {
  return (['retentionDays', 'reminders', 'feedIntervalHours'] as const).filter((k) => a[k] !== b[k]);
}
