/**
 * The directory's admin forms: zod schemas that turn submitted form values (flat names such as `phones.2.number`,
 * repeatable rows by index) into the model inputs the store writes, with field errors keyed by the same names; and the
 * way back (stored object → model input → form values) for edit forms, conflicts and review diffs.
 *
 * Repeatable rows work without JavaScript: a form renders its rows plus empty ones; empty rows are ignored, and an
 * error names the row by the index the user saw.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import type { FormValues } from '../../web/components/forms.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import { validCoordinates } from './geocoder.js';
import { validateSchedules } from './hours.js';
import type { ContactInput, LocationInput, OrganizationInput, PhoneInput, ScheduleInput, ServiceInput } from './model.js';
import { normalisePhone } from './phone.js';
import { HSDS_SERVICE_STATUSES } from './schema.js';

export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const ORDINALS = ['1', '2', '3', '4', '-1'] as const;
export const PHONE_TYPES = ['voice', 'cell', 'fax', 'text', 'video', 'textphone'] as const;
export const TEXT_MAX = 10_000;
const NAME_MAX = 300;
const LINE_MAX = 500;

// The forms' phone parser lives in phone.ts (shared with the HSDS import); callers may keep importing it from here.
export { normalisePhone } from './phone.js';

// ---------- single values ----------

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);

/** Optional trimmed text: '' becomes null. */
const optionalText = (max = TEXT_MAX) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

const requiredText = (max = NAME_MAX) => z.string({ error: () => 'validation.required' }).trim().min(1, 'validation.required').max(max);

const optionalUrl = z
  .string()
  .trim()
  .max(LINE_MAX)
  .refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol) && new URL(v).hostname.includes('.')), 'directory-admin.error_url')
  .transform((v) => (v === '' ? null : v));

const optionalEmail = z
  .string()
  .trim()
  .max(LINE_MAX)
  .refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email')
  .transform((v) => (v === '' ? null : v.toLowerCase()));

const optionalAge = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'directory-admin.error_age')
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || v <= 120, 'directory-admin.error_age');

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const optionalTime = z
  .string()
  .trim()
  .refine((v) => v === '' || HHMM.test(v), 'directory-admin.error_time')
  .transform((v) => (v === '' ? null : v.padStart(5, '0')));
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), 'directory-admin.error_date')
  .transform((v) => (v === '' ? null : v));

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// ---------- rows ----------

/** Values a browser sends for every row shown (a select's first option): alone they do not make a row filled. */
const ROW_DEFAULTS: Record<string, Record<string, string>> = { phones: { type: 'voice' } };

/** The non-empty rows `prefix.N.field` of a form, with the index the user saw. */
export function collectRows(values: FormValues, prefix: string): { index: number; row: FormValues }[] {
  const defaults = ROW_DEFAULTS[prefix] ?? {};
  const rows = new Map<number, FormValues>();
  const pattern = new RegExp(`^${prefix.replace('.', '\\.')}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, value] of Object.entries(values)) {
    const m = pattern.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? {};
    row[m[2] ?? ''] = value;
    rows.set(index, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, row]) => Object.entries(row).some(([field, v]) => list(v).some((x) => x !== defaults[field])))
    .map(([index, row]) => ({ index, row }));
}

/** How many rows of `prefix` the form showed (the hidden `rows.prefix` field), at least the filled ones. */
export function rowCount(values: FormValues, prefix: string, filled: number): number {
  const shown = Number(str(values[`rows.${prefix}`]));
  return Math.min(Math.max(Number.isInteger(shown) ? shown : 0, filled), 200);
}

function withPrefix(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

function parseRows<T>(values: FormValues, prefix: string, parse: (row: FormValues) => { data?: T; errors: FieldErrors }, errors: FieldErrors): T[] {
  const out: T[] = [];
  for (const { index, row } of collectRows(values, prefix)) {
    const r = parse(row);
    Object.assign(errors, withPrefix(r.errors, `${prefix}.${index}`));
    if (r.data !== undefined) out.push(r.data);
  }
  return out;
}

function parseWith<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): { data?: z.infer<S>; errors: FieldErrors } {
  const r = schema.safeParse(raw);
  if (r.success) return { data: r.data, errors: {} };
  const errors = zodFieldErrors(r.error);
  // Our own message keys (zodFieldErrors knows only the shared `validation.*` ones).
  for (const issue of r.error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.message.startsWith('directory-admin.') && errors[field]?.key === 'validation.invalid') errors[field] = { key: issue.message };
  }
  return { errors };
}

function parsePhone(row: FormValues, allowedLanguages: readonly string[]): { data?: PhoneInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = str(row.number).trim();
  const normalised = normalisePhone(number);
  if (!number) errors.number = { key: 'validation.required' };
  else if (!normalised) errors.number = { key: 'directory-admin.error_phone' };
  const type = str(row.type) || 'voice';
  if (!(PHONE_TYPES as readonly string[]).includes(type)) errors.type = { key: 'validation.choose_valid' };
  const languages = str(row.languages)
    .split(/[\s,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (languages.some((l) => !LANGUAGE_CODE.test(l) || (allowedLanguages.length > 0 && !allowedLanguages.includes(l)))) errors.languages = { key: 'directory-admin.error_languages' };
  const description = str(row.description).trim().slice(0, LINE_MAX) || null;
  if (Object.keys(errors).length || !normalised) return { errors };
  return { data: { number: normalised, type, languages, description }, errors };
}

function parseContact(row: FormValues): { data?: ContactInput; errors: FieldErrors } {
  const r = parseWith(z.object({ name: optionalText(NAME_MAX), title: optionalText(NAME_MAX), department: optionalText(NAME_MAX), email: optionalEmail }), {
    name: str(row.name),
    title: str(row.title),
    department: str(row.department),
    email: str(row.email),
  });
  const errors = { ...r.errors };
  const phoneText = str(row.phone).trim();
  const phone = phoneText ? normalisePhone(phoneText) : null;
  if (phoneText && !phone) errors.phone = { key: 'directory-admin.error_phone' };
  if (!r.data || Object.keys(errors).length) return { errors };
  return { data: { ...r.data, phones: phone ? [{ number: phone, type: 'voice' }] : [] }, errors };
}

// ---------- opening hours ----------

type ScheduleSlot = { input: ScheduleInput; prefix: string; kind: 'weekly' | 'monthly' | 'closures' };

/** Form field of a schedule row for a field name of validateSchedules (ScheduleInput names). */
function scheduleField(slot: ScheduleSlot, field: string): string {
  const weekly: Record<string, string> = { opensAt: 'opens', closesAt: 'closes', byday: 'days', validFrom: 'validFrom', validTo: 'validTo' };
  const monthly: Record<string, string> = { opensAt: 'opens', closesAt: 'closes', byday: 'day', bymonthday: 'monthday', validFrom: 'validFrom', validTo: 'validTo' };
  const closures: Record<string, string> = { validFrom: 'from', validTo: 'to', description: 'note' };
  const map = slot.kind === 'weekly' ? weekly : slot.kind === 'monthly' ? monthly : closures;
  return `${slot.prefix}.${map[field] ?? Object.values(map)[0]}`;
}

/** Opening hours rows (weekly, monthly, closures) as HSDS schedules, validated here and by hours.ts. */
export function parseSchedules(values: FormValues, errors: FieldErrors): ScheduleInput[] {
  const slots: ScheduleSlot[] = [];
  const times = z.object({ opens: optionalTime, closes: optionalTime, validFrom: optionalDate, validTo: optionalDate });
  for (const { index, row } of collectRows(values, 'weekly')) {
    const prefix = `weekly.${index}`;
    const r = parseWith(times, { opens: str(row.opens), closes: str(row.closes), validFrom: str(row.validFrom), validTo: str(row.validTo) });
    Object.assign(errors, withPrefix(r.errors, prefix));
    const days = list(row.days).filter((d) => (DAY_CODES as readonly string[]).includes(d));
    if (!days.length) errors[`${prefix}.days`] = { key: 'directory-admin.error_days' };
    if (!str(row.opens).trim()) errors[`${prefix}.opens`] ??= { key: 'validation.required' };
    if (!str(row.closes).trim()) errors[`${prefix}.closes`] ??= { key: 'validation.required' };
    if (!r.data) continue;
    slots.push({ prefix, kind: 'weekly', input: { freq: 'WEEKLY', byday: DAY_CODES.filter((d) => days.includes(d)).join(','), opensAt: r.data.opens, closesAt: r.data.closes, validFrom: r.data.validFrom, validTo: r.data.validTo } });
  }
  for (const { index, row } of collectRows(values, 'monthly')) {
    const prefix = `monthly.${index}`;
    const r = parseWith(times, { opens: str(row.opens), closes: str(row.closes), validFrom: str(row.validFrom), validTo: str(row.validTo) });
    Object.assign(errors, withPrefix(r.errors, prefix));
    const ordinal = str(row.ordinal);
    const day = str(row.day);
    const monthday = str(row.monthday).trim();
    const byMonthday = monthday !== '' && /^-?\d{1,2}$/.test(monthday) && Math.abs(Number(monthday)) >= 1 && Math.abs(Number(monthday)) <= 31;
    if (monthday !== '' && !byMonthday) errors[`${prefix}.monthday`] = { key: 'validation.invalid' };
    const byOrdinal = (ORDINALS as readonly string[]).includes(ordinal) && (DAY_CODES as readonly string[]).includes(day);
    if (!byOrdinal && monthday === '') errors[`${prefix}.day`] = { key: 'directory-admin.error_monthly' };
    if (!str(row.opens).trim()) errors[`${prefix}.opens`] ??= { key: 'validation.required' };
    if (!str(row.closes).trim()) errors[`${prefix}.closes`] ??= { key: 'validation.required' };
    if (!r.data) continue;
    slots.push({
      prefix,
      kind: 'monthly',
      input: { freq: 'MONTHLY', byday: byOrdinal ? `${ordinal}${day}` : null, bymonthday: !byOrdinal && byMonthday ? String(Number(monthday)) : null, opensAt: r.data.opens, closesAt: r.data.closes, validFrom: r.data.validFrom, validTo: r.data.validTo },
    });
  }
  for (const { index, row } of collectRows(values, 'closures')) {
    const prefix = `closures.${index}`;
    const r = parseWith(z.object({ from: optionalDate, to: optionalDate, note: optionalText(LINE_MAX) }), { from: str(row.from), to: str(row.to), note: str(row.note) });
    Object.assign(errors, withPrefix(r.errors, prefix));
    if (r.data && !r.data.to) errors[`${prefix}.to`] ??= { key: 'directory-admin.error_closed_until' };
    if (r.data?.from && r.data.to && r.data.from > r.data.to) errors[`${prefix}.to`] ??= { key: 'directory-admin.error_date_order' };
    if (!r.data) continue;
    slots.push({ prefix, kind: 'closures', input: { freq: null, closed: true, validFrom: r.data.from, validTo: r.data.to, description: r.data.note } });
  }
  const inputs = slots.map((s) => s.input);
  for (const [key, error] of Object.entries(validateSchedules(inputs))) {
    const m = /^schedules\.(\d+)\.?(\w*)$/.exec(key);
    const slot = m ? slots[Number(m[1])] : undefined;
    const field = slot ? scheduleField(slot, m?.[2] ?? '') : 'weekly.0.opens';
    errors[field] ??= error;
  }
  return inputs;
}

/** Schedules as form values (weekly, monthly and closure rows). */
export function scheduleValues(schedules: ScheduleInput[] | undefined): FormValues {
  const out: FormValues = {};
  let w = 0;
  let m = 0;
  let c = 0;
  for (const s of schedules ?? []) {
    if (s.closed) {
      Object.assign(out, { [`closures.${c}.from`]: s.validFrom ?? '', [`closures.${c}.to`]: s.validTo ?? '', [`closures.${c}.note`]: s.description ?? '' });
      c += 1;
    } else if (s.freq === 'MONTHLY') {
      const match = /^(-?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec((s.byday ?? '').split(',')[0] ?? '');
      Object.assign(out, {
        [`monthly.${m}.ordinal`]: match?.[1] ?? '',
        [`monthly.${m}.day`]: match?.[2] ?? '',
        [`monthly.${m}.monthday`]: match ? '' : ((s.bymonthday ?? '').split(',')[0] ?? ''),
        [`monthly.${m}.opens`]: s.opensAt ?? '',
        [`monthly.${m}.closes`]: s.closesAt ?? '',
        [`monthly.${m}.validFrom`]: s.validFrom ?? '',
        [`monthly.${m}.validTo`]: s.validTo ?? '',
      });
      m += 1;
    } else {
      Object.assign(out, {
        [`weekly.${w}.days`]: (s.byday ?? '').split(',').filter(Boolean),
        [`weekly.${w}.opens`]: s.opensAt ?? '',
        [`weekly.${w}.closes`]: s.closesAt ?? '',
        [`weekly.${w}.validFrom`]: s.validFrom ?? '',
        [`weekly.${w}.validTo`]: s.validTo ?? '',
      });
      w += 1;
    }
  }
  return { ...out, 'rows.weekly': String(w + 2), 'rows.monthly': String(m + 1), 'rows.closures': String(c + 1) };
}

function phoneValues(phones: PhoneInput[] | undefined): FormValues {
  const out: FormValues = {};
  (phones ?? []).forEach((p, i) => Object.assign(out, { [`phones.${i}.number`]: p.number, [`phones.${i}.type`]: p.type ?? 'voice', [`phones.${i}.languages`]: (p.languages ?? []).join(', '), [`phones.${i}.description`]: p.description ?? '' }));
  return { ...out, 'rows.phones': String((phones?.length ?? 0) + 2) };
}

function contactValues(contacts: ContactInput[] | undefined): FormValues {
  const out: FormValues = {};
  (contacts ?? []).forEach((c, i) =>
    Object.assign(out, { [`contacts.${i}.name`]: c.name ?? '', [`contacts.${i}.title`]: c.title ?? '', [`contacts.${i}.email`]: c.email ?? '', [`contacts.${i}.phone`]: c.phones?.[0]?.number ?? '' }),
  );
  return { ...out, 'rows.contacts': String((contacts?.length ?? 0) + 2) };
}

// ---------- the three forms ----------

export type ParseResult<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };
export type FormOptions = {
  /** Language codes offered (region and installation languages). */
  languages: readonly string[];
  /** Taxonomy term ids of the region. */
  termIds?: readonly string[];
  /** Location ids of the region. */
  locationIds?: readonly string[];
  /** Organisation ids the actor may choose. */
  organizationIds?: readonly string[];
};

const result = <T>(input: T, errors: FieldErrors): ParseResult<T> => (Object.keys(errors).length ? { ok: false, errors } : { ok: true, input });

const organizationSchema = z.object({
  name: requiredText(),
  alternateName: optionalText(NAME_MAX),
  description: z.string().trim().max(TEXT_MAX),
  email: optionalEmail,
  website: optionalUrl,
  legalStatus: optionalText(NAME_MAX),
});

/** An organisation form as OrganizationInput, or field errors. */
export function parseOrganizationForm(values: FormValues, opts: FormOptions): ParseResult<OrganizationInput> {
  const errors: FieldErrors = {};
  const top = parseWith(organizationSchema, { name: str(values.name), alternateName: str(values.alternateName), description: str(values.description), email: str(values.email), website: str(values.website), legalStatus: str(values.legalStatus) });
  Object.assign(errors, top.errors);
  const phones = parseRows(values, 'phones', (row) => parsePhone(row, opts.languages), errors);
  const contacts = parseRows(values, 'contacts', parseContact, errors);
  if (!top.data) return { ok: false, errors };
  return result<OrganizationInput>({ ...top.data, phones, contacts }, errors);
}

export function organizationValues(o: OrganizationInput): FormValues {
  return {
    name: o.name,
    alternateName: o.alternateName ?? '',
    description: o.description ?? '',
    email: o.email ?? '',
    website: o.website ?? '',
    legalStatus: o.legalStatus ?? '',
    ...phoneValues(o.phones),
    ...contactValues(o.contacts),
  };
}

const coordinate = z
  .string()
  .trim()
  .refine((v) => v === '' || /^-?\d{1,3}([.,]\d+)?$/.test(v), 'directory-admin.error_coordinates')
  .transform((v) => (v === '' ? null : Number(v.replace(',', '.'))));

const locationSchema = z.object({
  name: requiredText(),
  description: z.string().trim().max(TEXT_MAX),
  address1: optionalText(NAME_MAX),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'directory-admin.error_postcode')
    .transform((v) => (v === '' ? null : v)),
  city: optionalText(NAME_MAX),
  latitude: coordinate,
  longitude: coordinate,
  transportation: optionalText(),
  accessibilityDescription: optionalText(),
  url: optionalUrl,
});

/** A location form as LocationInput, or field errors. */
export function parseLocationForm(values: FormValues, opts: FormOptions): ParseResult<LocationInput> {
  const errors: FieldErrors = {};
  const top = parseWith(locationSchema, {
    name: str(values.name),
    description: str(values.description),
    address1: str(values.address1),
    postalCode: str(values.postalCode),
    city: str(values.city),
    latitude: str(values.latitude),
    longitude: str(values.longitude),
    transportation: str(values.transportation),
    accessibilityDescription: str(values.accessibilityDescription),
    url: str(values.url),
  });
  Object.assign(errors, top.errors);
  if (top.data) {
    const { latitude, longitude } = top.data;
    if ((latitude === null) !== (longitude === null)) errors[latitude === null ? 'latitude' : 'longitude'] = { key: 'directory-admin.error_coordinates_both' };
    else if (latitude !== null && longitude !== null && !validCoordinates(latitude, longitude)) errors.latitude = { key: 'directory-admin.error_coordinates' };
  }
  const languages = list(values.languages);
  if (languages.some((l) => !opts.languages.includes(l))) errors.languages = { key: 'validation.choose_valid' };
  const organizationId = str(values.organizationId) || null;
  if (organizationId && opts.organizationIds && !opts.organizationIds.includes(organizationId)) errors.organizationId = { key: 'validation.choose_valid' };
  const phones = parseRows(values, 'phones', (row) => parsePhone(row, opts.languages), errors);
  const schedules = parseSchedules(values, errors);
  if (!top.data) return { ok: false, errors };
  const geoSource = str(values.geoSource) === 'geocoder' ? 'geocoder' : 'manual';
  return result<LocationInput>({ ...top.data, organizationId, languages, wheelchair: str(values.wheelchair) === '1', phones, schedules, geoSource, country: 'DE', locationType: 'physical' }, errors);
}

export function locationValues(l: LocationInput): FormValues {
  return {
    name: l.name ?? '',
    description: l.description ?? '',
    organizationId: l.organizationId ?? '',
    address1: l.address1 ?? '',
    postalCode: l.postalCode ?? '',
    city: l.city ?? '',
    latitude: l.latitude != null ? String(l.latitude) : '',
    longitude: l.longitude != null ? String(l.longitude) : '',
    geoSource: l.geoSource ?? '',
    languages: l.languages ?? [],
    wheelchair: l.wheelchair ? '1' : '',
    accessibilityDescription: l.accessibilityDescription ?? '',
    transportation: l.transportation ?? '',
    url: l.url ?? '',
    ...phoneValues(l.phones),
    ...scheduleValues(l.schedules),
  };
}

const serviceSchema = z.object({
  name: requiredText(),
  alternateName: optionalText(NAME_MAX),
  description: z.string().trim().max(TEXT_MAX),
  url: optionalUrl,
  email: optionalEmail,
  hsdsStatus: z.enum(HSDS_SERVICE_STATUSES, { error: () => 'validation.choose_valid' }),
  feesDescription: optionalText(),
  eligibilityDescription: optionalText(),
  applicationProcess: optionalText(),
  interpretationServices: optionalText(),
  waitTime: optionalText(LINE_MAX),
  alert: optionalText(LINE_MAX),
  minimumAge: optionalAge,
  maximumAge: optionalAge,
});

const lines = (v: FormValues[string]) =>
  str(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A service form as ServiceInput, or field errors. */
export function parseServiceForm(values: FormValues, opts: FormOptions): ParseResult<ServiceInput> {
  const errors: FieldErrors = {};
  const top = parseWith(serviceSchema, {
    name: str(values.name),
    alternateName: str(values.alternateName),
    description: str(values.description),
    url: str(values.url),
    email: str(values.email),
    hsdsStatus: str(values.hsdsStatus) || 'active',
    feesDescription: str(values.feesDescription),
    eligibilityDescription: str(values.eligibilityDescription),
    applicationProcess: str(values.applicationProcess),
    interpretationServices: str(values.interpretationServices),
    waitTime: str(values.waitTime),
    alert: str(values.alert),
    minimumAge: str(values.minimumAge),
    maximumAge: str(values.maximumAge),
  });
  Object.assign(errors, top.errors);
  const [minAge, maxAge] = [str(values.minimumAge).trim(), str(values.maximumAge).trim()];
  if (/^\d{1,3}$/.test(minAge) && /^\d{1,3}$/.test(maxAge) && Number(minAge) > Number(maxAge)) errors.maximumAge ??= { key: 'directory-admin.error_age_order' };
  const organizationId = str(values.organizationId);
  if (!organizationId) errors.organizationId = { key: 'validation.required' };
  else if (opts.organizationIds && !opts.organizationIds.includes(organizationId)) errors.organizationId = { key: 'validation.choose_valid' };
  const termIds = list(values.termIds);
  if (opts.termIds && termIds.some((id) => !opts.termIds?.includes(id))) errors.termIds = { key: 'validation.choose_valid' };
  const languages = list(values.languages);
  if (languages.some((l) => !opts.languages.includes(l))) errors.languages = { key: 'validation.choose_valid' };
  const locationIds = list(values.locationIds);
  if (opts.locationIds && locationIds.some((id) => !opts.locationIds?.includes(id))) errors.locationIds = { key: 'validation.choose_valid' };
  const requiredDocuments = lines(values.requiredDocuments);
  const serviceAreas = lines(values.serviceAreas);
  if ([...requiredDocuments, ...serviceAreas].some((l) => l.length > LINE_MAX)) errors[requiredDocuments.some((l) => l.length > LINE_MAX) ? 'requiredDocuments' : 'serviceAreas'] = { key: 'validation.too_long', params: { max: LINE_MAX } };
  const phones = parseRows(values, 'phones', (row) => parsePhone(row, opts.languages), errors);
  const contacts = parseRows(values, 'contacts', parseContact, errors);
  const schedules = parseSchedules(values, errors);
  if (!top.data) return { ok: false, errors };
  return result<ServiceInput>(
    {
      ...top.data,
      organizationId,
      free: str(values.free) === '1',
      termIds,
      languages,
      requiredDocuments: requiredDocuments.map((document) => ({ document })),
      serviceAreas: serviceAreas.map((name) => ({ name })),
      phones,
      contacts,
      schedules,
      locations: [...new Set(locationIds)].map((locationId) => ({ locationId })),
    },
    errors,
  );
}

export function serviceValues(s: ServiceInput): FormValues {
  return {
    organizationId: s.organizationId,
    name: s.name,
    alternateName: s.alternateName ?? '',
    description: s.description ?? '',
    url: s.url ?? '',
    email: s.email ?? '',
    hsdsStatus: s.hsdsStatus ?? 'active',
    feesDescription: s.feesDescription ?? '',
    eligibilityDescription: s.eligibilityDescription ?? '',
    applicationProcess: s.applicationProcess ?? '',
    interpretationServices: s.interpretationServices ?? '',
    waitTime: s.waitTime ?? '',
    alert: s.alert ?? '',
    minimumAge: s.minimumAge != null ? String(s.minimumAge) : '',
    maximumAge: s.maximumAge != null ? String(s.maximumAge) : '',
    free: s.free ? '1' : '',
    termIds: s.termIds ?? [],
    languages: s.languages ?? [],
    locationIds: (s.locations ?? []).map((l) => l.locationId),
    requiredDocuments: (s.requiredDocuments ?? []).map((d) => d.document).join('\n'),
    serviceAreas: (s.serviceAreas ?? []).map((a) => a.name).join('\n'),
    ...phoneValues(s.phones),
    ...contactValues(s.contacts),
    ...scheduleValues(s.schedules),
  };
}

/** The rows a form shows after "add more rows": two more of the named kind, the user's values kept. */
export function withMoreRows(values: FormValues, kind: string): FormValues {
  if (!['phones', 'contacts', 'weekly', 'monthly', 'closures'].includes(kind)) return values;
  const filled = collectRows(values, kind).reduce((max, r) => Math.max(max, r.index + 1), 0);
  return { ...values, [`rows.${kind}`]: String(rowCount(values, kind, filled) + 2) };
}
