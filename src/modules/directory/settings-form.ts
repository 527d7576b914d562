/**
 * The form of the directory settings (Einstellungen des Angebotsverzeichnisses). Strict where settings.ts is lenient:
 * reading a stored value falls back to the default, but a value typed into the form is either valid or a field
 * error — a web address without http(s), a tile URL without {z}/{x}/{y}, a month count outside 1–60, a latitude
 * without a longitude, a state that is not one of the sixteen. Whatever this accepts, settings.ts reads back unchanged.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import { zodFieldErrors, type FormValues } from '../../web/components/forms.js';
import { validCoordinates } from './geocoder.js';
import { GERMAN_STATES } from './holidays.js';
import type { DirectorySettings } from './settings.js';

/** The fields of the form, in the order of the page. */
export const SETTINGS_FIELDS = ['verifyAfterMonths', 'tileUrl', 'tileAttribution', 'geocoderUrl', 'centerLat', 'centerLon', 'holidayState'] as const satisfies readonly (keyof DirectorySettings)[];
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export const MONTHS_MIN = 1;
export const MONTHS_MAX = 60;
const URL_MAX = 500;
const ATTRIBUTION_MAX = 300;
/** The placeholders a raster tile URL needs (Leaflet also knows {s} and {r}). */
const TILE_PLACEHOLDERS = ['{z}', '{x}', '{y}'] as const;
/** Message parameters of the tile URL error: the placeholders shown literally. */
const TILE_PARAMS = { z: '{z}', x: '{x}', y: '{y}' };

/** An absolute http(s) address with a host and without user name, password or fragment. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password && !url.hash;
}

/** A raster tile URL template: http(s), {z}, {x} and {y} present, no other braces than single-letter placeholders. */
export function isTileUrl(value: string): boolean {
  if (!TILE_PLACEHOLDERS.every((p) => value.includes(p))) return false;
  const filled = value.replace(/\{[a-z]\}/g, 'x');
  return !/[{}]/.test(filled) && isHttpUrl(filled);
}

/** A Nominatim-compatible search endpoint: a plain http(s) address (the geocoder adds its own query parameters). */
export function isGeocoderUrl(value: string): boolean {
  return !/[{}\s]/.test(value) && isHttpUrl(value);
}

const optionalUrl = (valid: (v: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(URL_MAX)
    .refine((v) => v === '' || valid(v), message)
    .transform((v) => (v === '' ? null : v));

const coordinate = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^-?\d{1,3}([.,]\d+)?$/.test(v) && Math.abs(Number(v.replace(',', '.'))) <= max), 'directory-admin.error_coordinates')
    .transform((v) => (v === '' ? null : Number(v.replace(',', '.'))));

const formSchema = z.object({
  verifyAfterMonths: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= MONTHS_MIN && Number(v) <= MONTHS_MAX, 'directory-admin.error_months')
    .transform(Number),
  tileUrl: optionalUrl(isTileUrl, 'directory-admin.error_tile_url'),
  tileAttribution: z.string().trim().max(ATTRIBUTION_MAX),
  geocoderUrl: optionalUrl(isGeocoderUrl, 'directory-admin.error_url'),
  centerLat: coordinate(90),
  centerLon: coordinate(180),
  holidayState: z
    .string()
    .trim()
    .refine((v) => v === '' || (GERMAN_STATES as readonly string[]).includes(v), 'validation.choose_valid')
    .transform((v) => (v === '' ? null : v)),
});

const text = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** Field errors of a zod error, with our own message keys (zodFieldErrors knows only the shared `validation.*`). */
function fieldErrors(error: z.ZodError): FieldErrors {
  const errors = zodFieldErrors(error);
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!issue.message.startsWith('directory-admin.') || errors[field]?.key !== 'validation.invalid') continue;
    errors[field] = issue.message === 'directory-admin.error_tile_url' ? { key: issue.message, params: TILE_PARAMS } : issue.message === 'directory-admin.error_months' ? { key: issue.message, params: { min: MONTHS_MIN, max: MONTHS_MAX } } : { key: issue.message };
  }
  return errors;
}

export type SettingsParseResult = { ok: true; settings: DirectorySettings } | { ok: false; errors: FieldErrors };

/** The submitted settings form as settings, or every field error at once (cross-field rules included). */
export function parseDirectorySettingsForm(values: FormValues): SettingsParseResult {
  const raw = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(values[f])])) as Record<SettingsField, string>;
  const parsed = formSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  // Cross-field rules, also when other fields failed, so the user sees every problem in one round.
  const lat = formSchema.shape.centerLat.safeParse(raw.centerLat);
  const lon = formSchema.shape.centerLon.safeParse(raw.centerLon);
  if (lat.success && lon.success && (lat.data === null) !== (lon.data === null)) errors[lat.data === null ? 'centerLat' : 'centerLon'] = { key: 'directory-admin.error_coordinates_both' };
  else if (lat.success && lon.success && lat.data !== null && lon.data !== null && !validCoordinates(lat.data, lon.data)) errors.centerLat = { key: 'directory-admin.error_coordinates' };
  // Tile servers require their attribution on the map (OpenStreetMap's usage policy, and most providers').
  if (raw.tileUrl.trim() !== '' && raw.tileAttribution.trim() === '' && !errors.tileAttribution) errors.tileAttribution = { key: 'directory-admin.error_attribution_required' };
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}

/** Form values of stored settings. */
export function directorySettingsValues(s: DirectorySettings): FormValues {
  return {
    verifyAfterMonths: String(s.verifyAfterMonths),
    tileUrl: s.tileUrl ?? '',
    tileAttribution: s.tileAttribution,
    geocoderUrl: s.geocoderUrl ?? '',
    centerLat: s.centerLat === null ? '' : String(s.centerLat),
    centerLon: s.centerLon === null ? '' : String(s.centerLon),
    holidayState: s.holidayState ?? '',
  };
}

/** The settings fields whose values differ between two settings (for the conflict notice). */
export function changedSettings(a: DirectorySettings, b: DirectorySettings): SettingsField[] {
  return SETTINGS_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}
