/**
 * The pool settings form (`/admin/regions/:id/sprachpool/settings`): every field of `poolSettings` as text the
 * coordinator types, parsed back into settings that settings.ts reads unchanged. Money is entered in euros with a
 * comma or a point ("25", "25,5", "0,30", "1250.00") and kept in whole cents, parsed as text, never as a float.
 */
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import type { FieldErrors } from '../../platform/errors.js';
import type { FormValues } from '../../web/components/forms.js';
import { saveSettingsSection, type SettingsSection } from '../regions/index.js';
import { openPool, type PoolContext } from './context.js';
import { QUALIFICATION_KINDS, SETTINGS, type QualificationKind, type Setting } from './schema.js';
import { poolSettings, poolSettingsSchema, type PoolSettings } from './settings.js';

/** Whole-number fields with their limits (the same as settings.ts). */
export const NUMBER_LIMITS = {
  leadTimeWorkingDays: { min: 0, max: 30 },
  freeCancellationHours: { min: 0, max: 336 },
  offerExpiryHours: { min: 1, max: 336 },
  travelBufferMinutes: { min: 0, max: 240 },
  retentionDays: { min: 30, max: 3650 },
  documentReminderDays: { min: 1, max: 180 },
  minimumMinutes: { min: 0, max: 480 },
} as const satisfies Partial<Record<keyof PoolSettings, { min: number; max: number }>>;
export type NumberField = keyof typeof NUMBER_LIMITS;
export const NUMBER_FIELDS = Object.keys(NUMBER_LIMITS) as NumberField[];

/** Amounts in euros on the form, cents in the settings. */
export const MONEY_FIELDS = ['hourlyRateCents', 'perKmCents', 'flatFeeCents', 'lateCancellationFeeCents', 'mediatorHourlyCents'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];
/** The largest amount the settings accept (10 000 €). */
export const MAX_CENTS = 1_000_000;

/** The form field of the qualification a setting requires ('' = none). */
export const qualificationField = (setting: Setting): string => `requiredQualification_${setting}`;

const MONEY = /^(\d{1,7})(?:[.,](\d{1,2}))?$/;

/**
 * Euros as typed ("25", "25,5", "0,30", "1.250,00" is refused: no thousands separators) → whole cents, or undefined
 * when the text is not an amount. Parsed digit by digit, so "0,29" is 29 cents exactly.
 */
export function parseEuroCents(text: string): number | undefined {
  const cleaned = text.replace(/€|EUR/gi, '').replace(/\s+/g, '');
  const m = MONEY.exec(cleaned);
  if (!m) return undefined;
  const euros = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  return euros * 100 + Number(fraction);
}

/** Cents as euros for a form field, with a decimal comma ("25,00"). */
export function centsToEuroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The settings form: either settings that settings.ts reads back unchanged, or a message at each wrong field. */
export function parsePoolSettingsForm(values: FormValues): { ok: true; settings: PoolSettings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers = {} as Record<NumberField, number>;
  for (const field of NUMBER_FIELDS) {
    const text = str(values[field]);
    const { min, max } = NUMBER_LIMITS[field];
    if (!text) errors[field] = { key: 'validation.required' };
    else if (!/^\d{1,4}$/.test(text) || Number(text) < min || Number(text) > max) errors[field] = { key: 'sprachpool-billing.error_range', params: { min, max } };
    else numbers[field] = Number(text);
  }
  const money = {} as Record<MoneyField, number>;
  for (const field of MONEY_FIELDS) {
    const text = str(values[field]);
    const cents = text ? parseEuroCents(text) : undefined;
    if (!text) errors[field] = { key: 'validation.required' };
    else if (cents === undefined) errors[field] = { key: 'sprachpool-billing.error_money' };
    else if (cents > MAX_CENTS) errors[field] = { key: 'sprachpool-billing.error_money_max', params: { max: MAX_CENTS / 100 } };
    else money[field] = cents;
  }
  const excluded = list(values.excludedSettings);
  if (excluded.some((s) => !(SETTINGS as readonly string[]).includes(s))) errors.excludedSettings = { key: 'validation.choose_valid' };
  const required: Partial<Record<Setting, QualificationKind>> = {};
  for (const setting of SETTINGS) {
    const kind = str(values[qualificationField(setting)]);
    if (!kind) continue;
    if (!(QUALIFICATION_KINDS as readonly string[]).includes(kind)) errors[qualificationField(setting)] = { key: 'validation.choose_valid' };
    else required[setting] = kind as QualificationKind;
  }
  const contactEmail = str(values.contactEmail).toLowerCase();
  if (contactEmail && (contactEmail.length > 200 || !EMAIL.test(contactEmail))) errors.contactEmail = { key: 'validation.email' };
  if (Object.keys(errors).length) return { ok: false, errors };
  const settings = poolSettingsSchema.parse({
    ...numbers,
    ...money,
    excludedSettings: SETTINGS.filter((s) => excluded.includes(s)),
    requiredQualifications: required,
    contactEmail,
  });
  return { ok: true, settings };
}

/** The form's values for stored settings. */
export function poolSettingsValues(s: PoolSettings): FormValues {
  const out: FormValues = { excludedSettings: [...s.excludedSettings], contactEmail: s.contactEmail };
  for (const field of NUMBER_FIELDS) out[field] = String(s[field]);
  for (const field of MONEY_FIELDS) out[field] = centsToEuroText(s[field]);
  for (const setting of SETTINGS) out[qualificationField(setting)] = s.requiredQualifications[setting] ?? '';
  return out;
}

const SETTING_KEYS = Object.keys(poolSettingsSchema.shape) as (keyof PoolSettings)[];

/** The settings whose values differ (lists compared as sets, the qualification map by setting). */
export function changedPoolSettings(a: PoolSettings, b: PoolSettings): (keyof PoolSettings)[] {
  const norm = (s: PoolSettings, k: keyof PoolSettings): string => {
    if (k === 'excludedSettings') return [...s.excludedSettings].sort().join('|');
    if (k === 'requiredQualifications') return SETTINGS.map((x) => s.requiredQualifications[x] ?? '').join('|');
    return String(s[k]);
  };
  return SETTING_KEYS.filter((k) => norm(a, k) !== norm(b, k));
}

// ---------- the service behind the form ----------

/** The pool settings as a section of `regions.settings` (saved under the region's revision, audited). */
export const POOL_SETTINGS_SECTION: SettingsSection<PoolSettings> = {
  key: 'sprachpool',
  permission: 'pool.manage',
  auditAction: 'sprachpool.settings.update',
  parse: parsePoolSettingsForm,
  read: poolSettings,
  formValues: poolSettingsValues,
  changed: changedPoolSettings,
};

/** The settings form of a region's pool, with the region revision it was loaded at. */
export async function getPoolSettingsForm(db: Db, actor: Actor, regionId: string): Promise<{ ctx: PoolContext; values: FormValues }> {
  const ctx = await openPool(db, actor, regionId, 'pool.manage');
  return { ctx, values: { ...poolSettingsValues(ctx.settings), revision: String(ctx.region.revision) } };
}

/** Saves the pool settings; ValidationError per field, ConflictError('revision_conflict', SettingsConflict) when stale. */
export async function savePoolSettings(db: Db, actor: Actor, input: { regionId: string; values: FormValues; requestId?: string | null }): Promise<PoolSettings> {
  await openPool(db, actor, input.regionId, 'pool.manage');
  return saveSettingsSection(db, actor, POOL_SETTINGS_SECTION, input);
}
