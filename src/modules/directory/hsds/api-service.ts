/**
 * The HSDS 3.0 read API of one region (../shared/standards/hsds-3.0/schema/openapi.json): paging envelope, filters,
 * basic vs. full objects. Readers' view only (published, not archived); every lookup is scoped by region, so ids of
 * other regions are 404.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import type { RegionRow } from '../../regions/index.js';
import { findSal, listOrganizationIds, locationIdsOfOrganization, listSalIds, listServiceIds, listTaxonomies, listTerms, loadBundle, postcodeCentroid, termTranslations, type ServiceFilters } from './api-queries.js';
import { organizationObject, salObject, serviceObject, taxonomyObject, termObject, type HsdsBundle, type HsdsObject } from './serialize.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_PER_PAGE = 200;

/** Bad query parameters: RFC 9457 problem+json with status 400 and the fields. */
export class BadQueryError extends ValidationError {
  override readonly status: number = 400;
  constructor(fields: FieldErrors) {
    super(fields, 'invalid_query');
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', ''], { error: 'validation.invalid' })
  .optional()
  .transform((v) => v === 'true' || v === '1');
const uuid = z.string().regex(UUID, 'validation.invalid').optional();

export const hsdsQuerySchema = z.object({
  page: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid').max(1_000_000, 'validation.invalid').default(1),
  per_page: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid').max(MAX_PER_PAGE, 'validation.invalid').default(50),
  search: z.string().trim().max(200, 'validation.invalid').optional(),
  taxonomy_term_id: uuid,
  taxonomy_id: uuid,
  organization_id: uuid,
  modified_after: z
    .string()
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'validation.invalid')
    .transform((v) => new Date(v))
    .optional(),
  full: bool,
  postcode: z.string().trim().max(20, 'validation.invalid').regex(/^[A-Za-z0-9 -]+$/, 'validation.invalid').optional(),
  /** Meters around the postcode's centroid (HSDS), or our extension "lat,lon,meters". */
  proximity: z
    .string()
    .max(80)
    .regex(/^\s*(\d+(\.\d+)?|-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*,\s*\d+(\.\d+)?)\s*$/, 'validation.invalid')
    .optional(),
  lang: z.string().max(40).optional(),
});
export type HsdsQuery = z.output<typeof hsdsQuerySchema>;

/** Parses a query string; problems → 400 problem+json naming each parameter. */
export function parseHsdsQuery(raw: unknown, region: RegionRow): HsdsQuery {
  const parsed = hsdsQuerySchema.safeParse(raw ?? {});
  const fields: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] = { key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
  if (parsed.success) {
    const q = parsed.data;
    if (q.lang && !region.languages.includes(q.lang)) fields.lang = { key: 'validation.invalid' };
    if (q.proximity && !q.proximity.includes(',') && !q.postcode) fields.proximity = { key: 'hsds.error_proximity_needs_postcode' };
    if (q.proximity) {
      const parts = q.proximity.split(',').map((x) => Number(x.trim()));
      if (parts.length === 3 && (Math.abs(parts[0] ?? 0) > 90 || Math.abs(parts[1] ?? 0) > 180)) fields.proximity = { key: 'validation.invalid' };
    }
  }
  if (Object.keys(fields).length || !parsed.success) throw new BadQueryError(fields);
  return parsed.data;
}

export type HsdsPage = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsObject[];
};

function envelope(contents: HsdsObject[], total: number, q: Pick<HsdsQuery, 'page' | 'per_page'>): HsdsPage {
  const totalPages = Math.max(1, Math.ceil(total / q.per_page));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const notFound = () => new AppError(404, 'hsds_not_found', 'hsds.error_not_found');
const pageOf = (q: HsdsQuery) => ({ limit: q.per_page, offset: (q.page - 1) * q.per_page });
const langOpts = (region: RegionRow, q: HsdsQuery) => ({ language: q.lang ?? region.sourceLanguage, sourceLanguage: region.sourceLanguage });

async function filtersOf(db: Db, region: RegionRow, q: HsdsQuery): Promise<ServiceFilters | undefined> {
  let near: ServiceFilters['near'];
  if (q.proximity) {
    const parts = q.proximity.split(',').map((x) => Number(x.trim()));
    if (parts.length === 3) near = { lat: parts[0] ?? 0, lon: parts[1] ?? 0, meters: parts[2] ?? 0 };
    else if (q.postcode) {
      const centre = await postcodeCentroid(db, region.id, q.postcode);
      // An unknown postcode has no centroid: nothing is near it.
      if (!centre) return undefined;
      near = { ...centre, meters: parts[0] ?? 0 };
    }
  }
  return {
    search: q.search || undefined,
    searchLanguages: [...new Set([q.lang ?? region.sourceLanguage, region.sourceLanguage])],
    taxonomyTermId: q.taxonomy_term_id,
    taxonomyId: q.taxonomy_id,
    organizationId: q.organization_id,
    modifiedAfter: q.modified_after,
    postcode: q.postcode,
    near,
  };
}

/**
 * GET /openapi.json — the official HSDS 3.0 API description, with this region's server address and name filled in
 * (the file's placeholders), so generic HSDS clients and API tools can be pointed at one region.
 */
let officialDescription: Record<string, unknown> | undefined;

export function apiDescription(region: RegionRow, baseUrl: string): Record<string, unknown> {
  const doc = (officialDescription ??= JSON.parse(readFileSync(new URL('./schema/openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>);
  const info = (doc.info ?? {}) as Record<string, unknown>;
  return {
    ...doc,
    info: { ...info, title: `wegweiser HSDS API: ${region.name}`, description: `Open Referral HSDS 3.0 read API of the directory of ${region.name}.` },
    servers: [{ url: `${baseUrl}/api/hsds/${region.slug}` }],
  };
}

/** GET / — what this API is. */
export function apiInfo(region: RegionRow, baseUrl: string): Record<string, unknown> {
  const base = `${baseUrl}/api/hsds/${region.slug}`;
  return {
    version: '3.0',
    profile: 'https://docs.openreferral.org/en/latest/hsds/',
    openapi_url: `${base}/openapi.json`,
    region: region.slug,
    name: region.name,
    languages: region.languages,
    source_language: region.sourceLanguage,
    export_json: `${base}/export.json`,
    export_tabular: `${base}/export.zip`,
  };
}

export async function listServicesPage(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsPage> {
  const filters = await filtersOf(db, region, q);
  if (!filters) return envelope([], 0, q);
  const { ids, total } = await listServiceIds(db, region.id, filters, pageOf(q));
  const b = await loadBundle(db, region.id, { kind: 'ids', serviceIds: ids }, langOpts(region, q));
  return envelope(ordered(ids, b.services).map((s) => serviceObject(b, s, q.full ? 'full' : 'basic')), total, q);
}

function ordered<T>(ids: string[], map: Map<string, T>): T[] {
  return ids.map((id) => map.get(id)).filter((x): x is T => x !== undefined);
}

export async function getService(db: Db, region: RegionRow, id: string, q: HsdsQuery): Promise<HsdsObject> {
  if (!UUID.test(id)) throw notFound();
  const b = await loadBundle(db, region.id, { kind: 'ids', serviceIds: [id] }, langOpts(region, q));
  const s = b.services.get(id);
  if (!s) throw notFound();
  return serviceObject(b, s, 'full');
}

export async function listOrganizationsPage(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsPage> {
  const { ids, total } = await listOrganizationIds(db, region.id, { search: q.search || undefined, modifiedAfter: q.modified_after }, pageOf(q));
  const b = await loadBundle(db, region.id, { kind: 'ids', organizationIds: ids }, langOpts(region, q));
  return envelope(ordered(ids, b.organizations).map((o) => organizationObject(b, o, q.full ? 'export' : 'basic')), total, q);
}

async function orgBundleWithLocations(db: Db, region: RegionRow, id: string, q: HsdsQuery): Promise<HsdsBundle> {
  const first = await loadBundle(db, region.id, { kind: 'ids', organizationIds: [id] }, langOpts(region, q));
  if (!first.organizations.has(id)) throw notFound();
  const locationIds = await locationIdsOfOrganization(db, region.id, id);
  return locationIds.length ? loadBundle(db, region.id, { kind: 'ids', organizationIds: [id], locationIds }, langOpts(region, q)) : first;
}

export async function getOrganization(db: Db, region: RegionRow, id: string, q: HsdsQuery): Promise<HsdsObject> {
  if (!UUID.test(id)) throw notFound();
  const b = await orgBundleWithLocations(db, region, id, q);
  const o = b.organizations.get(id);
  if (!o) throw notFound();
  return organizationObject(b, o, 'full');
}

export async function listSalsPage(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsPage> {
  const filters = await filtersOf(db, region, q);
  if (!filters) return envelope([], 0, q);
  const { ids, serviceIds, total } = await listSalIds(db, region.id, filters, pageOf(q));
  const b = await loadBundle(db, region.id, { kind: 'ids', serviceIds: [...new Set(serviceIds)] }, langOpts(region, q));
  const byId = new Map([...b.salsByService.values()].flat().map((sal) => [sal.id, sal]));
  return envelope(ordered(ids, byId).map((sal) => salObject(b, sal, q.full)), total, q);
}

export async function getSal(db: Db, region: RegionRow, id: string, q: HsdsQuery): Promise<HsdsObject> {
  if (!UUID.test(id)) throw notFound();
  const found = await findSal(db, region.id, id);
  if (!found) throw notFound();
  const b = await loadBundle(db, region.id, { kind: 'ids', serviceIds: [found.serviceId] }, langOpts(region, q));
  const sal = (b.salsByService.get(found.serviceId) ?? []).find((x) => x.id === id);
  if (!sal) throw notFound();
  return salObject(b, sal, true);
}

function emptyBundle(language: string, translations: Map<string, Record<string, string>>): HsdsBundle {
  return {
    language,
    languageNames: new Map(),
    organizations: new Map(),
    services: new Map(),
    locations: new Map(),
    salsByService: new Map(),
    phonesByOwner: new Map(),
    contactsByOwner: new Map(),
    schedulesByOwner: new Map(),
    areasByService: new Map(),
    docsByService: new Map(),
    terms: new Map(),
    taxonomies: new Map(),
    accountEmails: new Map(),
    translations,
  };
}

export async function listTaxonomiesPage(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsPage> {
  const all = await listTaxonomies(db, region.id);
  const start = (q.page - 1) * q.per_page;
  return envelope(all.slice(start, start + q.per_page).map(taxonomyObject), all.length, q);
}

export async function getTaxonomy(db: Db, region: RegionRow, id: string): Promise<HsdsObject> {
  if (!UUID.test(id)) throw notFound();
  const found = (await listTaxonomies(db, region.id)).find((t) => t.id === id);
  if (!found) throw notFound();
  return taxonomyObject(found);
}

async function termBundle(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsBundle> {
  const language = q.lang ?? region.sourceLanguage;
  const translations = language === region.sourceLanguage ? new Map<string, Record<string, string>>() : await termTranslations(db, region.id, language);
  const b = emptyBundle(language, translations);
  for (const t of await listTaxonomies(db, region.id)) b.taxonomies.set(t.id, t);
  return b;
}

export async function listTermsPage(db: Db, region: RegionRow, q: HsdsQuery): Promise<HsdsPage> {
  const all = await listTerms(db, region.id, { taxonomyId: q.taxonomy_id, search: q.search || undefined });
  const b = await termBundle(db, region, q);
  const start = (q.page - 1) * q.per_page;
  return envelope(all.slice(start, start + q.per_page).map((t) => termObject(b, t, q.full)), all.length, q);
}

export async function getTerm(db: Db, region: RegionRow, id: string, q: HsdsQuery): Promise<HsdsObject> {
  if (!UUID.test(id)) throw notFound();
  const found = (await listTerms(db, region.id, {})).find((t) => t.id === id);
  if (!found) throw notFound();
  return termObject(await termBundle(db, region, q), found, true);
}
