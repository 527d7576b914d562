/**
 * The mediator forms (public application, the mediator's own profile and availability, the coordinator's edit form):
 * submitted strings with flat names → checked data, and the way back (a stored mediator → form values).
 *
 * Repeating parts are numbered rows, the same names the field errors use, so a message stands at its row:
 * `lang.<n>.code` ("ar" or "ar:iraqi") and `lang.<n>.level`; `avail.<n>.weekday`, `avail.<n>.from`, `avail.<n>.to`;
 * `qual.<n>.kind`, `qual.<n>.title`, `qual.<n>.date`. Empty rows are ignored. Without JavaScript a form shows a few
 * rows and an "add a row" button (`add=lang|avail|qual`) that sends the form back with one more (`<kind>Rows` keeps
 * the count).
 */
import type { FieldErrors } from '../../platform/errors.js';
import { ValidationError } from '../../platform/errors.js';
import { addDays } from '../../platform/time/zoned-time.js';
import type { FormValues } from '../../web/components/forms.js';
import { dialectsOf, isPoolLanguage } from './languages.js';
import { GENDERS, LANGUAGE_LEVELS, MODES, QUALIFICATION_KINDS, type Gender, type LanguageLevel, type Mode, type Qualification, type QualificationKind } from './schema.js';

export const ROW_KINDS = ['lang', 'avail', 'qual'] as const;
export type RowKind = (typeof ROW_KINDS)[number];
/** Rows shown at least (application and edit forms). */
export const ROWS_MIN: Record<RowKind, number> = { lang: 4, avail: 4, qual: 2 };
/** Rows a form may carry at most. */
export const ROWS_MAX = 30;

export const NAME_MAX = 100;
export const TEXT_MAX = 2000;
export const NOTE_MAX = 200;

export type LanguageInput = { language: string; dialect: string; level: LanguageLevel };
export type WeeklyInput = { weekday: number; startMinute: number; endMinute: number };

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);

// ---------- dates and times ----------

/** True for a real calendar day ("2026-02-30" is not). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** A typed day, ISO ("2026-12-08") or German ("8.12.2026", where the browser has no date picker) → ISO, or undefined. */
export function readDate(raw: string): string | undefined {
  const value = raw.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = de ? `${de[3]}-${(de[2] ?? '').padStart(2, '0')}-${(de[1] ?? '').padStart(2, '0')}` : value;
  return isCalendarDate(iso) ? iso : undefined;
}

/** "09:30" → 570; "24:00" → 1440 (end of day); undefined for anything else. */
export function readMinutes(raw: string): number | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** 570 → "09:30". */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---------- rows ----------

/** Indexes of the rows of a kind present in the submitted values (any of their fields), ascending. */
function rowIndexes(values: FormValues, kind: RowKind): number[] {
  const re = new RegExp(`^${kind}\\.(\\d{1,3})\\.`);
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = re.exec(key);
    if (m && Number(m[1]) < ROWS_MAX) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** How many rows of a kind the form shows: the submitted count or the rows sent, at least the minimum, +1 after "add a row". */
export function rowCount(values: FormValues, kind: RowKind, min = ROWS_MIN[kind]): number {
  const sent = Number(str(values[`${kind}Rows`]));
  const highest = (rowIndexes(values, kind).at(-1) ?? -1) + 1;
  const base = Math.max(min, Number.isInteger(sent) && sent > 0 ? sent : 0, highest);
  return Math.min(ROWS_MAX, base + (str(values.add) === kind ? 1 : 0));
}

/** The row kind an "add a row" button asked for, or null for a real submit. */
export function addRowRequest(values: FormValues): RowKind | null {
  const add = str(values.add);
  return (ROW_KINDS as readonly string[]).includes(add) ? (add as RowKind) : null;
}

/** The value of a language select: "ar" or "ar:iraqi". */
export const languageOption = (language: string, dialect: string) => (dialect ? `${language}:${dialect}` : language);

/** Language rows: a pool language (with one of its dialects) and a level; duplicates and unknown codes refused. */
export function readLanguageRows(values: FormValues, errors: FieldErrors, opts: { required: boolean }): LanguageInput[] {
  const out: LanguageInput[] = [];
  const seen = new Map<string, number>();
  for (const i of rowIndexes(values, 'lang')) {
    const code = str(values[`lang.${i}.code`]);
    const level = str(values[`lang.${i}.level`]);
    if (!code && !level) continue;
    if (!code) {
      errors[`lang.${i}.code`] = { key: 'sprachpool-mediators.error_language_missing' };
      continue;
    }
    const [language = '', dialect = ''] = code.split(':');
    if (!isPoolLanguage(language) || (dialect && !dialectsOf(language).includes(dialect))) {
      errors[`lang.${i}.code`] = { key: 'validation.choose_valid' };
      continue;
    }
    if (!(LANGUAGE_LEVELS as readonly string[]).includes(level)) {
      errors[`lang.${i}.level`] = { key: level ? 'validation.choose_valid' : 'sprachpool-mediators.error_level_missing' };
      continue;
    }
    const key = languageOption(language, dialect);
    const before = seen.get(key);
    if (before !== undefined) {
      errors[`lang.${i}.code`] = { key: 'sprachpool-mediators.error_language_twice', params: { row: before + 1 } };
      continue;
    }
    seen.set(key, i);
    out.push({ language, dialect, level: level as LanguageLevel });
  }
  if (opts.required && !out.length && !Object.keys(errors).some((k) => k.startsWith('lang.'))) {
    errors['lang.0.code'] = { key: 'sprachpool-mediators.error_languages_required' };
  }
  return out;
}

/**
 * Two weekly entries on the same weekday overlap when their half-open ranges [start, end) share a minute; 09–12 and
 * 12–14 may follow each other. Returns, per entry index that overlaps an earlier one, the index of that earlier one.
 */
export function findOverlaps(rows: readonly WeeklyInput[]): Map<number, number> {
  const out = new Map<number, number>();
  rows.forEach((r, i) => {
    const earlier = rows.findIndex((o, j) => j < i && o.weekday === r.weekday && o.startMinute < r.endMinute && r.startMinute < o.endMinute);
    if (earlier >= 0) out.set(i, earlier);
  });
  return out;
}

/** Weekly rows: weekday 1–7, from < to; a row that overlaps an earlier one on the same day gets a message at the row. */
export function readWeeklyRows(values: FormValues, errors: FieldErrors): WeeklyInput[] {
  const rows: { index: number; row: WeeklyInput }[] = [];
  for (const i of rowIndexes(values, 'avail')) {
    const weekday = str(values[`avail.${i}.weekday`]);
    const from = str(values[`avail.${i}.from`]);
    const to = str(values[`avail.${i}.to`]);
    if (!from && !to) continue;
    const day = Number(weekday);
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      errors[`avail.${i}.weekday`] = { key: 'sprachpool-mediators.error_weekday' };
      continue;
    }
    const start = readMinutes(from);
    const end = readMinutes(to);
    if (start === undefined || start >= 1440) {
      errors[`avail.${i}.from`] = { key: 'sprachpool-mediators.error_time' };
      continue;
    }
    if (end === undefined) {
      errors[`avail.${i}.to`] = { key: 'sprachpool-mediators.error_time' };
      continue;
    }
    if (end <= start) {
      errors[`avail.${i}.to`] = { key: 'sprachpool-mediators.error_time_order' };
      continue;
    }
    rows.push({ index: i, row: { weekday: day, startMinute: start, endMinute: end } });
  }
  for (const [at, earlier] of findOverlaps(rows.map((r) => r.row))) {
    const r = rows[at];
    const o = rows[earlier];
    if (!r || !o) continue;
    errors[`avail.${r.index}.from`] = {
      key: 'sprachpool-mediators.error_overlap',
      params: { row: o.index + 1, from: formatMinutes(o.row.startMinute), to: formatMinutes(o.row.endMinute) },
    };
  }
  return rows.map((r) => r.row);
}

/** Qualification rows: a kind, an optional title and the day of the certificate or training (not in the future). */
export function readQualificationRows(values: FormValues, errors: FieldErrors, today: string): Qualification[] {
  const out: Qualification[] = [];
  for (const i of rowIndexes(values, 'qual')) {
    const kind = str(values[`qual.${i}.kind`]);
    const title = str(values[`qual.${i}.title`]);
    const rawDate = str(values[`qual.${i}.date`]);
    if (!kind && !title && !rawDate) continue;
    if (!(QUALIFICATION_KINDS as readonly string[]).includes(kind)) {
      errors[`qual.${i}.kind`] = { key: kind ? 'validation.choose_valid' : 'sprachpool-mediators.error_qualification_kind' };
      continue;
    }
    if (title.length > NAME_MAX * 2) {
      errors[`qual.${i}.title`] = { key: 'validation.too_long', params: { max: NAME_MAX * 2 } };
      continue;
    }
    let date: string | null = null;
    if (rawDate) {
      date = readDate(rawDate) ?? null;
      if (!date) {
        errors[`qual.${i}.date`] = { key: 'sprachpool-mediators.error_date' };
        continue;
      }
      if (date > today) {
        errors[`qual.${i}.date`] = { key: 'sprachpool-mediators.error_date_future' };
        continue;
      }
    }
    out.push({ kind: kind as QualificationKind, title, date });
  }
  return out;
}

// ---------- single fields ----------

/** Reads single fields into `errors` (catalog keys per field name). */
class Reader {
  constructor(
    private readonly values: FormValues,
    readonly errors: FieldErrors,
  ) {}

  text(name: string, opts: { required?: boolean; max: number }): string {
    const v = str(this.values[name]);
    if (!v && opts.required) this.errors[name] = { key: 'validation.required' };
    else if (v.length > opts.max) this.errors[name] = { key: 'validation.too_long', params: { max: opts.max } };
    return v;
  }

  /** Plain text with line breaks (motivation, notes): only trimmed at the ends. */
  longText(name: string, max: number): string {
    const v = (Array.isArray(this.values[name]) ? (this.values[name][0] ?? '') : (this.values[name] ?? '')).replace(/\r\n/g, '\n').trim();
    if (v.length > max) this.errors[name] = { key: 'validation.too_long', params: { max } };
    return v;
  }

  email(name: string): string {
    const v = str(this.values[name]).toLowerCase();
    if (!v) this.errors[name] = { key: 'validation.required' };
    else if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) this.errors[name] = { key: 'validation.email' };
    return v;
  }

  phone(name: string, required: boolean): string {
    const v = str(this.values[name]);
    if (!v) {
      if (required) this.errors[name] = { key: 'validation.required' };
      return '';
    }
    const digits = v.replace(/\D/g, '').length;
    if (v.length > 50 || digits < 5 || !/^[+\d(][\d\s()/.-]*$/.test(v)) this.errors[name] = { key: 'sprachpool-mediators.error_phone' };
    return v;
  }

  choice<T extends string>(name: string, options: readonly T[], opts: { fallback?: T } = {}): T {
    const v = str(this.values[name]);
    if ((options as readonly string[]).includes(v)) return v as T;
    if (!v && opts.fallback !== undefined) return opts.fallback;
    this.errors[name] = { key: v ? 'validation.choose_valid' : 'sprachpool-mediators.error_choose' };
    return options[0] as T;
  }

  choices<T extends string>(name: string, options: readonly T[], opts: { min: number }): T[] {
    const v = [...new Set(list(this.values[name]))];
    if (v.some((x) => !(options as readonly string[]).includes(x))) this.errors[name] = { key: 'validation.choose_valid' };
    else if (v.length < opts.min) this.errors[name] = { key: 'validation.choose_one' };
    return options.filter((o) => v.includes(o));
  }

  int(name: string, opts: { min: number; max: number; fallback: number }): number {
    const v = str(this.values[name]);
    if (!v) return opts.fallback;
    const n = Number(v);
    if (!Number.isInteger(n)) this.errors[name] = { key: 'sprachpool-mediators.error_whole_number' };
    else if (n < opts.min) this.errors[name] = { key: 'validation.too_small', params: { min: opts.min } };
    else if (n > opts.max) this.errors[name] = { key: 'validation.too_big', params: { max: opts.max } };
    return Number.isInteger(n) ? n : opts.fallback;
  }

  /** A coordinate with a dot or a comma, in range; null when empty. */
  coordinate(name: string, limit: number): number | null {
    const v = str(this.values[name]).replace(',', '.');
    if (!v) return null;
    const n = Number(v);
    if (!Number.isFinite(n) || Math.abs(n) > limit) {
      this.errors[name] = { key: 'sprachpool-mediators.error_coordinate' };
      return null;
    }
    return n;
  }

  date(name: string, opts: { notAfter?: string; notBefore?: string } = {}): string | null {
    const raw = str(this.values[name]);
    if (!raw) return null;
    const d = readDate(raw);
    if (!d) this.errors[name] = { key: 'sprachpool-mediators.error_date' };
    else if (opts.notAfter && d > opts.notAfter) this.errors[name] = { key: 'sprachpool-mediators.error_date_future' };
    else if (opts.notBefore && d < opts.notBefore) this.errors[name] = { key: 'sprachpool-mediators.error_date_past' };
    return d ?? null;
  }

  checked(name: string): boolean {
    return str(this.values[name]) === '1';
  }
}

/** The documents' dates: the declaration signed (and its end, if it has one), the clearance certificate issued and valid until. */
export type DocumentDates = {
  confidentialitySignedOn: string | null;
  confidentialityExpiresOn: string | null;
  policeClearanceIssuedOn: string | null;
  policeClearanceExpiresOn: string | null;
};

function readDocumentDates(r: Reader, today: string, withConfidentialityEnd: boolean): DocumentDates {
  const confidentialitySignedOn = r.date('confidentialitySignedOn', { notAfter: today });
  const confidentialityExpiresOn = withConfidentialityEnd ? r.date('confidentialityExpiresOn') : null;
  const policeClearanceIssuedOn = r.date('policeClearanceIssuedOn', { notAfter: today });
  const policeClearanceExpiresOn = r.date('policeClearanceExpiresOn');
  if (confidentialityExpiresOn && !r.errors.confidentialityExpiresOn) {
    if (!confidentialitySignedOn) r.errors.confidentialityExpiresOn = { key: 'sprachpool-mediators.error_signed_first' };
    else if (confidentialityExpiresOn <= confidentialitySignedOn) r.errors.confidentialityExpiresOn = { key: 'sprachpool-mediators.error_valid_after_issue' };
  }
  if (policeClearanceExpiresOn && !r.errors.policeClearanceExpiresOn) {
    if (!policeClearanceIssuedOn) r.errors.policeClearanceExpiresOn = { key: 'sprachpool-mediators.error_issued_first' };
    else if (policeClearanceExpiresOn <= policeClearanceIssuedOn) r.errors.policeClearanceExpiresOn = { key: 'sprachpool-mediators.error_valid_after_issue' };
  }
  return { confidentialitySignedOn, confidentialityExpiresOn, policeClearanceIssuedOn, policeClearanceExpiresOn };
}

/** What the mediator tells about their work: languages, modes, area, qualifications. */
export type WorkProfile = {
  phone: string;
  germanLevel: LanguageLevel;
  languages: LanguageInput[];
  modes: Mode[];
  postalCode: string;
  city: string;
  maxTravelKm: number;
  qualifications: Qualification[];
};

function readWorkProfile(r: Reader, values: FormValues, today: string, phoneRequired: boolean): WorkProfile {
  const phone = r.phone('phone', phoneRequired);
  const germanLevel = r.choice('germanLevel', LANGUAGE_LEVELS);
  const languages = readLanguageRows(values, r.errors, { required: true });
  const modes = r.choices('modes', MODES, { min: 1 });
  const postalCode = r.text('postalCode', { required: true, max: 10 });
  if (postalCode && !r.errors.postalCode && !/^[0-9A-Za-z][0-9A-Za-z -]{2,9}$/.test(postalCode)) r.errors.postalCode = { key: 'sprachpool-mediators.error_postal_code' };
  const city = r.text('city', { required: true, max: NAME_MAX });
  const maxTravelKm = r.int('maxTravelKm', { min: 0, max: 500, fallback: 20 });
  const qualifications = readQualificationRows(values, r.errors, today);
  return { phone, germanLevel, languages, modes, postalCode, city, maxTravelKm, qualifications };
}

export type Person = { firstName: string; lastName: string; email: string; gender: Gender };

function readPerson(r: Reader): Person {
  return {
    firstName: r.text('firstName', { required: true, max: NAME_MAX }),
    lastName: r.text('lastName', { required: true, max: NAME_MAX }),
    email: r.email('email'),
    gender: r.choice('gender', GENDERS, { fallback: 'unspecified' }),
  };
}

export type ApplicationData = Person & WorkProfile & DocumentDates & { weekly: WeeklyInput[]; motivation: string };

/** The public application form → data, or a ValidationError naming each field (rows included). */
export function parseApplication(values: FormValues, today: string): ApplicationData {
  const r = new Reader(values, {});
  const person = readPerson(r);
  const work = readWorkProfile(r, values, today, true);
  const weekly = readWeeklyRows(values, r.errors);
  const dates = readDocumentDates(r, today, false);
  const motivation = r.longText('motivation', TEXT_MAX);
  if (!r.checked('consent')) r.errors.consent = { key: 'sprachpool-mediators.error_consent' };
  if (Object.keys(r.errors).length) throw new ValidationError(r.errors);
  return { ...person, ...work, ...dates, weekly, motivation };
}

/** The mediator's own profile form (names, e-mail and documents stay with the coordinators). */
export function parseOwnProfile(values: FormValues, today: string): WorkProfile {
  const r = new Reader(values, {});
  const work = readWorkProfile(r, values, today, true);
  if (Object.keys(r.errors).length) throw new ValidationError(r.errors);
  return work;
}

export type CoordinatorData = Person &
  WorkProfile &
  DocumentDates & {
    weekly: WeeklyInput[];
    lat: number | null;
    lon: number | null;
    paid: boolean;
    language: string;
    coordinatorNotes: string;
  };

/** The coordinator's form (new mediator or edit): everything, coordinates and notes included. */
export function parseCoordinatorForm(values: FormValues, today: string, languages: readonly string[], opts: { consentRequired: boolean }): CoordinatorData {
  const r = new Reader(values, {});
  const person = readPerson(r);
  const work = readWorkProfile(r, values, today, false);
  const weekly = readWeeklyRows(values, r.errors);
  const dates = readDocumentDates(r, today, true);
  const lat = r.coordinate('lat', 90);
  const lon = r.coordinate('lon', 180);
  if ((lat === null) !== (lon === null) && !r.errors.lat && !r.errors.lon) r.errors[lat === null ? 'lat' : 'lon'] = { key: 'sprachpool-mediators.error_coordinate_pair' };
  const language = r.choice('language', languages, { fallback: languages[0] ?? 'de' });
  const coordinatorNotes = r.longText('coordinatorNotes', TEXT_MAX);
  if (opts.consentRequired && !r.checked('consent')) r.errors.consent = { key: 'sprachpool-mediators.error_consent_obtained' };
  if (Object.keys(r.errors).length) throw new ValidationError(r.errors);
  return { ...person, ...work, ...dates, weekly, lat, lon, paid: r.checked('paid'), language, coordinatorNotes };
}

/** The weekly pattern form of the portal. */
export function parseWeekly(values: FormValues): WeeklyInput[] {
  const errors: FieldErrors = {};
  const weekly = readWeeklyRows(values, errors);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return weekly;
}

export type AbsenceInput = { fromDate: string; toDate: string; note: string };

/** An absence: whole days, from today on, to not before from. */
export function parseAbsence(values: FormValues, today: string): AbsenceInput {
  const r = new Reader(values, {});
  const fromDate = r.date('fromDate', { notBefore: today });
  const toDate = r.date('toDate', { notBefore: today });
  if (!fromDate && !r.errors.fromDate) r.errors.fromDate = { key: 'validation.required' };
  if (!toDate && !r.errors.toDate) r.errors.toDate = { key: 'validation.required' };
  if (fromDate && toDate && !r.errors.fromDate && !r.errors.toDate && toDate < fromDate) r.errors.toDate = { key: 'sprachpool-mediators.error_absence_order' };
  if (fromDate && toDate && !r.errors.toDate && toDate > addDays(fromDate, 366)) r.errors.toDate = { key: 'sprachpool-mediators.error_absence_long' };
  const note = r.text('note', { max: NOTE_MAX });
  if (Object.keys(r.errors).length || !fromDate || !toDate) throw new ValidationError(r.errors);
  return { fromDate, toDate, note };
}

// ---------- back to form values ----------

type StoredMediator = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  gender: string;
  germanLevel: string;
  modes: string[];
  postalCode: string;
  city: string;
  lat: number | null;
  lon: number | null;
  maxTravelKm: number;
  qualifications: Qualification[];
  confidentialitySignedOn: string | null;
  confidentialityExpiresOn: string | null;
  policeClearanceIssuedOn: string | null;
  policeClearanceExpiresOn: string | null;
  paid: boolean;
  language: string;
  coordinatorNotes: string;
  revision: number;
};

/** Rows as numbered form values (`lang.0.code` …) with the row count. */
export function rowValues(
  languages: readonly { language: string; dialect: string; level: string }[],
  weekly: readonly { weekday: number; startMinute: number; endMinute: number }[],
  qualifications: readonly Qualification[],
): FormValues {
  const out: FormValues = {};
  languages.forEach((l, i) => {
    out[`lang.${i}.code`] = languageOption(l.language, l.dialect);
    out[`lang.${i}.level`] = l.level;
  });
  weekly.forEach((w, i) => {
    out[`avail.${i}.weekday`] = String(w.weekday);
    out[`avail.${i}.from`] = formatMinutes(w.startMinute);
    out[`avail.${i}.to`] = formatMinutes(w.endMinute);
  });
  qualifications.forEach((q, i) => {
    out[`qual.${i}.kind`] = q.kind;
    out[`qual.${i}.title`] = q.title;
    out[`qual.${i}.date`] = q.date ?? '';
  });
  // One empty row after the filled ones, so there is always room for one more.
  out.langRows = String(Math.max(ROWS_MIN.lang, languages.length + 1));
  out.availRows = String(Math.max(ROWS_MIN.avail, weekly.length + 1));
  out.qualRows = String(Math.max(ROWS_MIN.qual, qualifications.length + 1));
  return out;
}

/** A stored mediator as the coordinator's (or, with fewer fields used, the mediator's own) form values. */
export function mediatorFormValues(
  m: StoredMediator,
  languages: readonly { language: string; dialect: string; level: string }[],
  weekly: readonly { weekday: number; startMinute: number; endMinute: number }[],
): FormValues {
  return {
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    phone: m.phone,
    gender: m.gender,
    germanLevel: m.germanLevel,
    modes: [...m.modes],
    postalCode: m.postalCode,
    city: m.city,
    lat: m.lat === null ? '' : String(m.lat),
    lon: m.lon === null ? '' : String(m.lon),
    maxTravelKm: String(m.maxTravelKm),
    confidentialitySignedOn: m.confidentialitySignedOn ?? '',
    confidentialityExpiresOn: m.confidentialityExpiresOn ?? '',
    policeClearanceIssuedOn: m.policeClearanceIssuedOn ?? '',
    policeClearanceExpiresOn: m.policeClearanceExpiresOn ?? '',
    paid: m.paid ? '1' : undefined,
    language: m.language,
    coordinatorNotes: m.coordinatorNotes,
    revision: String(m.revision),
    ...rowValues(languages, weekly, m.qualifications),
  };
}
