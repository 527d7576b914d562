/**
 * The directory as readers see it: the filtered list, a service's detail page, the short list a guide page embeds.
 * Texts come in the reader's language where translated (dir_translations), else in the region's source language
 * (the views mark such text with its own `lang`). "Open now" and opening states are computed in the region's time
 * zone with its holiday state (hours.ts).
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../platform/errors.js';
import type { RegionRow } from '../regions/index.js';
import { geocodePlace } from './geocoder.js';
import { openingState, type OpeningState } from './hours.js';
import {
  averagePlace,
  findServices,
  listLanguageNames,
  listPhonesFor,
  listRequiredDocuments,
  listSchedulesFor,
  listServiceLocations,
  listSpokenLanguages,
  listTerms,
  listTranslations,
  listVisibleServices,
  type LocationRow,
  type Near,
  type PhoneRow,
  type ScheduleRow,
  type ServiceRow,
  type TermRow,
  type TranslationRow,
} from './public-queries.js';
import { directorySettings, type DirectorySettings } from './settings.js';

export type { OpeningState };

/** What the reader side needs of a region. */
export type DirectoryRegion = Pick<RegionRow, 'id' | 'slug' | 'languages' | 'sourceLanguage' | 'timezone' | 'settings'>;

export const RADII = [2, 5, 10, 25] as const;
export const PAGE_SIZE = 20;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const flag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'on' || v === 'true')
  .catch(false);
// The form always sends the hidden lat/lon fields; empty means "no position", not 0 (which would coerce to 0°, 0°).
const coordinate = (max: number) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().min(-max).max(max).optional())
    .catch(undefined);
const optionalText = (max: number, pattern?: RegExp) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' || v === undefined || (pattern && !pattern.test(v)) ? undefined : v))
    .catch(undefined);

/** The list's filters as the GET form sends them; wrong values are ignored rather than refused (a reader's URL). */
export const filtersSchema = z.object({
  category: optionalText(80, CODE),
  language: optionalText(20, LANG),
  open: flag,
  place: optionalText(200),
  lat: coordinate(90),
  lon: coordinate(180),
  radius: z.coerce
    .number()
    .refine((n) => (RADII as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  wheelchair: flag,
  free: flag,
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type Filters = z.infer<typeof filtersSchema>;

/** The filters as query parameters (for paging links and the map's data), leaving out empty ones. */
export function filterParams(f: Filters, overrides: Partial<Record<keyof Filters, string | undefined>> = {}): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: keyof Filters, value: string | undefined) => {
    const v = key in overrides ? overrides[key] : value;
    if (v !== undefined && v !== '') out.set(key, v);
  };
  put('category', f.category);
  put('language', f.language);
  put('open', f.open ? '1' : undefined);
  put('place', f.place);
  put('lat', f.place === undefined && f.lat !== undefined ? String(f.lat) : undefined);
  put('lon', f.place === undefined && f.lon !== undefined ? String(f.lon) : undefined);
  put('radius', f.radius !== undefined ? String(f.radius) : undefined);
  put('wheelchair', f.wheelchair ? '1' : undefined);
  put('free', f.free ? '1' : undefined);
  put('page', f.page > 1 ? String(f.page) : undefined);
  return out;
}

/** Text in the reader's language or the source language, and which it is. */
export type Localised = { text: string; lang: string };

function pick(tr: TranslationRow | undefined, field: string, source: string | null | undefined, sourceLang: string, lang: string): Localised | null {
  const own = tr?.fields[field];
  if (own && own.trim() !== '') return { text: own, lang };
  if (source === null || source === undefined || source.trim() === '') return null;
  return { text: source, lang: sourceLang };
}

export type Category = { id: string; code: string; name: Localised; depth: number };

/** The region's categories with names in the reader's language, in tree order. */
export async function listCategories(db: Db, region: DirectoryRegion, lang: string): Promise<Category[]> {
  const terms = await listTerms(db, region.id);
  const tr = lang === region.sourceLanguage ? [] : await listTranslations(db, region.id, lang, terms.map((t) => t.id));
  const trOf = new Map(tr.filter((x) => x.kind === 'taxonomy_term').map((x) => [x.entityId, x]));
  const children = new Map<string | null, TermRow[]>();
  const ids = new Set(terms.map((t) => t.id));
  for (const t of terms) {
    const key = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(key, [...(children.get(key) ?? []), t]);
  }
  const out: Category[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ id: t.id, code: t.code, depth, name: pick(trOf.get(t.id), 'name', t.name, region.sourceLanguage, lang) ?? { text: t.code, lang: region.sourceLanguage } });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A category and every category below it (choosing "Counselling" finds migration counselling too). */
export function withDescendants(categories: Category[], code: string): string[] {
  const start = categories.findIndex((c) => c.code === code);
  const first = categories[start];
  if (!first) return [];
  const out = [first.id];
  for (const c of categories.slice(start + 1)) {
    if (c.depth <= first.depth) break;
    out.push(c.id);
  }
  return out;
}

/** Where "near" points: a place typed in (geocoded, or the middle of the region's places with that postcode/town). */
export type NearPoint = { lat: number; lon: number; km: number; label: string; source: 'geocoder' | 'places' | 'device' };

export type PlaceProblem = 'not_found' | null;

/**
 * Resolves the "near" filter: coordinates from the device, or a typed place through the region's geocoder (when
 * configured and answering), else the average position of the region's locations with that postcode or town.
 */
export async function resolveNear(db: Db, region: DirectoryRegion, settings: DirectorySettings, f: Filters): Promise<{ near: NearPoint | null; problem: PlaceProblem }> {
  const km = f.radius ?? 10;
  if (f.place) {
    if (settings.geocoderUrl) {
      try {
        const hit = await geocodePlace(settings.geocoderUrl, f.place);
        if (hit) return { near: { lat: hit.latitude, lon: hit.longitude, km, label: f.place, source: 'geocoder' }, problem: null };
      } catch {
        // The geocoder is down or answered nonsense: the region's own places still help.
      }
    }
    const avg = await averagePlace(db, region.id, f.place);
    if (avg) return { near: { lat: avg.latitude, lon: avg.longitude, km, label: f.place, source: 'places' }, problem: null };
    return { near: null, problem: 'not_found' };
  }
  if (f.lat !== undefined && f.lon !== undefined) return { near: { lat: f.lat, lon: f.lon, km, label: '', source: 'device' }, problem: null };
  return { near: null, problem: null };
}

export type ServiceCard = {
  id: string;
  href: string;
  name: Localised;
  organisation: Localised;
  categories: Localised[];
  state: OpeningState | null;
  km: number | null;
  /** The nearest (or first) place. */
  place: { address: string; lat: number | null; lon: number | null } | null;
  languages: string[];
  free: boolean;
  wheelchair: boolean;
};

/** A readable URL segment from a name ("Migrationsberatung für Erwachsene" → "migrationsberatung-fur-erwachsene"). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The detail page of a service in a language. */
export function serviceHref(regionSlug: string, lang: string, id: string, name: string): string {
  const slug = slugOf(name);
  return `/${regionSlug}/${lang}/services/${id}${slug ? `-${encodeURIComponent(slug)}` : ''}`;
}

function addressOf(l: Pick<LocationRow, 'address1' | 'address2' | 'postalCode' | 'city'>): string {
  const town = [l.postalCode, l.city].filter(Boolean).join(' ');
  return [l.address1, l.address2, town].filter((x) => x && x.trim() !== '').join(', ');
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The schedules that decide when a service is open at one of its places: the service-at-location's own, else the
 * service's own, else the location's. Without a place: the service's own.
 */
export function effectiveSchedules(all: ScheduleRow[], serviceId: string, at: Pick<LocationRow, 'salId' | 'id'> | null): ScheduleRow[] {
  const own = all.filter((s) => s.serviceId === serviceId);
  if (!at) return own;
  const sal = all.filter((s) => s.serviceAtLocationId === at.salId);
  if (sal.length) return sal;
  if (own.length) return own;
  return all.filter((s) => s.locationId === at.id);
}

/** Loads the cards of a page of services (ids in display order). */
export async function loadCards(db: Db, region: DirectoryRegion, lang: string, found: { id: string; km: number | null }[], at: Date, near: { lat: number; lon: number } | null): Promise<ServiceCard[]> {
  const ids = found.map((f) => f.id);
  const services = await listVisibleServices(db, region.id, ids);
  if (!services.length) return [];
  const src = region.sourceLanguage;
  const settings = directorySettings(region.settings);
  const locations = await listServiceLocations(db, region.id, ids);
  const [schedules, terms, phones] = await Promise.all([
    listSchedulesFor(db, region.id, { serviceIds: ids, salIds: locations.map((l) => l.salId), locationIds: locations.map((l) => l.id) }),
    listCategories(db, region, lang),
    listPhonesFor(db, region.id, { serviceIds: ids, locationIds: locations.map((l) => l.id), organizationIds: [] }),
  ]);
  const tr = lang === src ? [] : await listTranslations(db, region.id, lang, [...ids, ...services.map((s) => s.organizationId)]);
  const trOf = (kind: string, id: string) => tr.find((x) => x.kind === kind && x.entityId === id);
  const termById = new Map(terms.map((t) => [t.id, t]));
  const kmOf = new Map(found.map((f) => [f.id, f.km]));
  return services.map((s) => {
    const places = locations.filter((l) => l.serviceId === s.id);
    const nearest = near
      ? [...places].filter((l) => l.latitude !== null && l.longitude !== null).sort((a, b) => distanceKm(near, { lat: a.latitude ?? 0, lon: a.longitude ?? 0 }) - distanceKm(near, { lat: b.latitude ?? 0, lon: b.longitude ?? 0 }))[0]
      : places[0];
    const place = nearest ?? places[0] ?? null;
    const schedulesHere = effectiveSchedules(schedules, s.id, place);
    const spoken = new Set([...s.languages, ...places.flatMap((l) => l.languages), ...phones.filter((p) => p.serviceId === s.id || places.some((l) => l.id === p.locationId)).flatMap((p) => p.languages)]);
    return {
      id: s.id,
      href: serviceHref(region.slug, lang, s.id, pick(trOf('service', s.id), 'name', s.name, src, lang)?.text ?? s.name),
      name: pick(trOf('service', s.id), 'name', s.name, src, lang) ?? { text: s.name, lang: src },
      organisation: pick(trOf('organization', s.organizationId), 'name', s.orgName, src, lang) ?? { text: s.orgName, lang: src },
      categories: s.termIds.flatMap((id) => termById.get(id)?.name ?? []),
      state: schedulesHere.length ? openingState(schedulesHere, at, region.timezone, settings.holidayState) : null,
      km: kmOf.get(s.id) ?? null,
      place: place ? { address: addressOf(place), lat: place.latitude, lon: place.longitude } : null,
      languages: [...spoken].sort(),
      free: s.free,
      wheelchair: places.some((l) => l.wheelchair),
    };
  });
}

export type ServiceList = {
  filters: Filters;
  categories: Category[];
  spokenLanguages: string[];
  near: NearPoint | null;
  placeProblem: PlaceProblem;
  cards: ServiceCard[];
  total: number;
  page: number;
  pages: number;
  settings: DirectorySettings;
};

/** The public list: filters applied, one page of cards. */
export async function listServicesForReaders(db: Db, region: DirectoryRegion, lang: string, filters: Filters, at = new Date()): Promise<ServiceList> {
  const settings = directorySettings(region.settings);
  const [categories, spokenLanguages, resolved] = await Promise.all([listCategories(db, region, lang), listSpokenLanguages(db, region.id), resolveNear(db, region, settings, filters)]);
  const termIds = filters.category ? withDescendants(categories, filters.category) : [];
  const unknownCategory = filters.category !== undefined && termIds.length === 0;
  const near: Near | null = resolved.near ? { lat: resolved.near.lat, lon: resolved.near.lon, km: resolved.near.km } : null;
  const offset = (filters.page - 1) * PAGE_SIZE;
  const found =
    unknownCategory || resolved.problem
      ? { rows: [], total: 0 }
      : await findServices(db, {
          regionId: region.id,
          language: lang,
          termIds,
          languages: filters.language ? [filters.language] : [],
          openNow: filters.open,
          near,
          wheelchair: filters.wheelchair,
          free: filters.free,
          limit: PAGE_SIZE,
          offset,
          at,
          timeZone: region.timezone,
          holidayState: settings.holidayState,
        });
  const cards = await loadCards(db, region, lang, found.rows, at, near);
  return {
    filters,
    categories,
    spokenLanguages,
    near: resolved.near,
    placeProblem: resolved.problem,
    cards,
    total: found.total,
    page: filters.page,
    pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    settings,
  };
}

/** Up to `limit` services of a category (and its subcategories), by name: the list a guide page embeds. */
export async function listServicesOfCategory(db: Db, region: DirectoryRegion, lang: string, code: string, limit = 10, at = new Date()): Promise<{ category: Category | null; cards: ServiceCard[]; total: number }> {
  const categories = await listCategories(db, region, lang);
  const termIds = withDescendants(categories, code);
  const category = categories.find((c) => c.code === code) ?? null;
  if (!termIds.length) return { category, cards: [], total: 0 };
  const found = await findServices(db, { regionId: region.id, language: lang, termIds, limit, offset: 0, at });
  return { category, cards: await loadCards(db, region, lang, found.rows, at, null), total: found.total };
}

/** Whether the region has any service readers can see (the home page links the list only then). */
export async function hasVisibleServices(db: Db, regionId: string): Promise<boolean> {
  const found = await findServices(db, { regionId, language: '', limit: 1, offset: 0 });
  return found.total > 0;
}

// ---------- detail ----------

export type PlaceDetail = {
  id: string;
  name: Localised | null;
  address: string;
  lat: number | null;
  lon: number | null;
  transportation: Localised | null;
  wheelchair: boolean;
  accessibility: Localised | null;
  accessibilityDetails: string | null;
  languages: string[];
  phones: PhoneRow[];
  schedules: ScheduleRow[];
  state: OpeningState | null;
};

export type ServiceDetail = {
  id: string;
  href: string;
  /** Language of the main texts (the reader's, or the source language as a fallback). */
  textLanguage: string;
  fallback: boolean;
  machine: boolean;
  outdated: boolean;
  name: Localised;
  alternateName: Localised | null;
  organisation: Localised;
  description: Localised | null;
  alert: Localised | null;
  eligibility: Localised | null;
  applicationProcess: Localised | null;
  fees: Localised | null;
  waitTime: Localised | null;
  interpretation: Localised | null;
  free: boolean;
  minimumAge: number | null;
  maximumAge: number | null;
  categories: Category[];
  url: string | null;
  email: string | null;
  phones: PhoneRow[];
  places: PlaceDetail[];
  /** The service's own hours when it has no places (or the same hours everywhere). */
  schedules: ScheduleRow[];
  state: OpeningState | null;
  languages: { code: string; name: string }[];
  documents: { document: string; uri: string | null }[];
  verifiedAt: Date | null;
  verifiedBy: string | null;
  updatedAt: Date;
  hsdsStatus: string;
};

const ID_PREFIX = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-.*)?$/i;

/** The service id of a detail URL segment (`<uuid>` or `<uuid>-<readable-slug>`), or undefined. */
export function idFromSegment(segment: string): string | undefined {
  return ID_PREFIX.exec(segment)?.[1]?.toLowerCase();
}

/** A visible service of the region in the reader's language; NotFoundError for unknown, other-region or hidden ids. */
export async function getServiceForReaders(db: Db, region: DirectoryRegion, lang: string, id: string, at = new Date()): Promise<ServiceDetail> {
  const [s] = await listVisibleServices(db, region.id, [id]);
  if (!s) throw new NotFoundError('service_not_found');
  const src = region.sourceLanguage;
  const settings = directorySettings(region.settings);
  const locations = await listServiceLocations(db, region.id, [s.id]);
  const locationIds = locations.map((l) => l.id);
  const [schedules, phones, documents, categories, tr] = await Promise.all([
    listSchedulesFor(db, region.id, { serviceIds: [s.id], salIds: locations.map((l) => l.salId), locationIds }),
    listPhonesFor(db, region.id, { serviceIds: [s.id], locationIds, organizationIds: [s.organizationId] }),
    listRequiredDocuments(db, region.id, s.id),
    listCategories(db, region, lang),
    lang === src ? Promise.resolve([]) : listTranslations(db, region.id, lang, [s.id, s.organizationId, ...locationIds]),
  ]);
  const trOf = (kind: string, entityId: string) => tr.find((x) => x.kind === kind && x.entityId === entityId);
  const st = trOf('service', s.id);
  const f = (field: string, value: string | null) => pick(st, field, value, src, lang);
  const servicePhones = phones.filter((p) => p.serviceId === s.id);
  const orgPhones = phones.filter((p) => p.organizationId === s.organizationId);
  const places: PlaceDetail[] = locations.map((l) => {
    const lt = trOf('location', l.id);
    const own = effectiveSchedules(schedules, s.id, l);
    return {
      id: l.id,
      name: pick(lt, 'name', l.name, src, lang),
      address: addressOf(l),
      lat: l.latitude,
      lon: l.longitude,
      transportation: pick(lt, 'transportation', l.transportation, src, lang),
      wheelchair: l.wheelchair,
      accessibility: pick(lt, 'accessibilityDescription', l.accessibilityDescription, src, lang),
      accessibilityDetails: l.accessibilityDetails,
      languages: l.languages,
      phones: phones.filter((p) => p.locationId === l.id),
      schedules: own,
      state: own.length ? openingState(own, at, region.timezone, settings.holidayState) : null,
    };
  });
  const ownSchedules = schedules.filter((x) => x.serviceId === s.id);
  const spoken = [...new Set([...s.languages, ...locations.flatMap((l) => l.languages), ...phones.flatMap((p) => p.languages)])];
  const names = await listLanguageNames(db, spoken);
  const stateHere = places.find((p) => p.state)?.state ?? (ownSchedules.length ? openingState(ownSchedules, at, region.timezone, settings.holidayState) : null);
  const name = f('name', s.name) ?? { text: s.name, lang: src };
  return {
    id: s.id,
    href: serviceHref(region.slug, lang, s.id, name.text),
    textLanguage: st ? lang : src,
    fallback: lang !== src && !st,
    machine: Boolean(st?.machineProvider),
    outdated: Boolean(st && st.sourceRevision < s.majorRevision),
    name,
    alternateName: f('alternateName', s.alternateName),
    organisation: pick(trOf('organization', s.organizationId), 'name', s.orgName, src, lang) ?? { text: s.orgName, lang: src },
    description: f('description', s.description),
    alert: f('alert', s.alert),
    eligibility: f('eligibilityDescription', s.eligibilityDescription),
    applicationProcess: f('applicationProcess', s.applicationProcess),
    fees: f('feesDescription', s.feesDescription),
    waitTime: f('waitTime', s.waitTime),
    interpretation: f('interpretationServices', s.interpretationServices),
    free: s.free,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    categories: s.termIds.flatMap((tid) => categories.find((c) => c.id === tid) ?? []),
    url: s.url ?? s.orgWebsite,
    email: s.email ?? s.orgEmail,
    phones: servicePhones.length ? servicePhones : orgPhones,
    places,
    schedules: ownSchedules,
    state: stateHere,
    languages: spoken.map((code) => ({ code, name: names.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name)),
    documents,
    verifiedAt: s.verifiedAt,
    verifiedBy: s.verifiedByName,
    updatedAt: s.updatedAt,
    hsdsStatus: s.hsdsStatus,
  };
}

export { type ServiceRow };
