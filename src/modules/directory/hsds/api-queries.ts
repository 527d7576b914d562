/**
 * Drizzle queries of the HSDS API and export: id lists with filters and paging, and the bundle loader that fetches
 * everything a set of objects needs in a fixed number of queries. Every query is scoped by region.
 */
import { and, asc, count, eq, gte, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { accounts, languages } from '../../../platform/schema.js';
import {
  dirContacts,
  dirLocations,
  dirOrganizations,
  dirPhones,
  dirRequiredDocuments,
  dirSchedules,
  dirSearchTexts,
  dirServiceAreas,
  dirServiceAtLocations,
  dirServices,
  dirTaxonomies,
  dirTaxonomyTerms,
  dirTranslations,
} from '../schema.js';
import type { HsdsBundle } from './serialize.js';

const CHUNK = 5000;

/** Runs a query per chunk of ids (bound parameters are limited) and concatenates the rows. */
async function chunked<T>(ids: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length === 0) return [];
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await run(ids.slice(i, i + CHUNK))));
  return out;
}

function groupBy<T>(rows: T[], keys: (row: T) => (string | null)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    for (const k of keys(row)) {
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
  }
  return map;
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

export type BundleScope =
  | { kind: 'region'; includeUnpublished: boolean }
  | { kind: 'ids'; serviceIds?: string[]; organizationIds?: string[]; locationIds?: string[] };

const orgVisible = and(eq(dirOrganizations.status, 'published'), isNull(dirOrganizations.archivedAt));
const serviceVisible = and(eq(dirServices.status, 'published'), isNull(dirServices.archivedAt));
const locationVisible = and(eq(dirLocations.status, 'published'), isNull(dirLocations.archivedAt));

/**
 * Loads services, organisations and locations with all their children. `region` scope: the whole region (readers'
 * view unless includeUnpublished); `ids` scope: the given objects plus what they refer to (a service's
 * organisation and locations), readers' view only.
 */
export async function loadBundle(db: Db, regionId: string, scope: BundleScope, opts: { language: string; sourceLanguage: string }): Promise<HsdsBundle> {
  const visibleOnly = scope.kind === 'ids' || !scope.includeUnpublished;
  const regionOnly = scope.kind === 'region';
  let services;
  let organizations;
  let locations;
  let sals;
  if (scope.kind === 'region') {
    // One query after the other: `db` may be a transaction (the import plans inside one), and one connection runs
    // one query at a time.
    services = await db.select().from(dirServices).where(and(eq(dirServices.regionId, regionId), visibleOnly ? serviceVisible : undefined)).orderBy(asc(dirServices.name), asc(dirServices.id));
    organizations = await db.select().from(dirOrganizations).where(and(eq(dirOrganizations.regionId, regionId), visibleOnly ? orgVisible : undefined)).orderBy(asc(dirOrganizations.name), asc(dirOrganizations.id));
    locations = await db.select().from(dirLocations).where(and(eq(dirLocations.regionId, regionId), visibleOnly ? locationVisible : undefined)).orderBy(asc(dirLocations.name), asc(dirLocations.id));
    sals = await db.select().from(dirServiceAtLocations).where(eq(dirServiceAtLocations.regionId, regionId));
  } else {
    services = await chunked(scope.serviceIds ?? [], (ids) => db.select().from(dirServices).where(and(eq(dirServices.regionId, regionId), inArray(dirServices.id, ids), serviceVisible)));
    const orgIds = [...new Set([...(scope.organizationIds ?? []), ...services.map((s) => s.organizationId)])];
    organizations = await chunked(orgIds, (ids) => db.select().from(dirOrganizations).where(and(eq(dirOrganizations.regionId, regionId), inArray(dirOrganizations.id, ids), orgVisible)));
    sals = await chunked(
      services.map((s) => s.id),
      (ids) => db.select().from(dirServiceAtLocations).where(and(eq(dirServiceAtLocations.regionId, regionId), inArray(dirServiceAtLocations.serviceId, ids))),
    );
    const locIds = [...new Set([...(scope.locationIds ?? []), ...sals.map((s) => s.locationId)])];
    locations = await chunked(locIds, (ids) => db.select().from(dirLocations).where(and(eq(dirLocations.regionId, regionId), inArray(dirLocations.id, ids), locationVisible)));
  }
  const orgMap = new Map(organizations.map((o) => [o.id, o]));
  // A service is only emitted with its organisation (HSDS requires the reference to resolve).
  const serviceMap = new Map(services.filter((s) => orgMap.has(s.organizationId)).map((s) => [s.id, s]));
  const locMap = new Map(locations.map((l) => [l.id, l]));
  const visibleSals = sals.filter((s) => serviceMap.has(s.serviceId) && locMap.has(s.locationId));

  const ownerIds = [...serviceMap.keys(), ...orgMap.keys(), ...locMap.keys()];
  const salIds = visibleSals.map((s) => s.id);
  const serviceIds = [...serviceMap.keys()];
  const contacts = await (regionOnly
    ? db.select().from(dirContacts).where(eq(dirContacts.regionId, regionId))
    : chunked(ownerIds, (ids) =>
        db
          .select()
          .from(dirContacts)
          .where(and(eq(dirContacts.regionId, regionId), or(inArray(dirContacts.serviceId, ids), inArray(dirContacts.organizationId, ids), inArray(dirContacts.locationId, ids)))),
      ));
  const schedules = await (regionOnly
    ? db.select().from(dirSchedules).where(eq(dirSchedules.regionId, regionId))
    : chunked([...ownerIds, ...salIds], (ids) =>
        db
          .select()
          .from(dirSchedules)
          .where(and(eq(dirSchedules.regionId, regionId), or(inArray(dirSchedules.serviceId, ids), inArray(dirSchedules.locationId, ids), inArray(dirSchedules.serviceAtLocationId, ids)))),
      ));
  const areas = await (regionOnly
    ? db.select().from(dirServiceAreas).where(eq(dirServiceAreas.regionId, regionId))
    : chunked(serviceIds, (ids) => db.select().from(dirServiceAreas).where(and(eq(dirServiceAreas.regionId, regionId), inArray(dirServiceAreas.serviceId, ids)))));
  const docs = await (regionOnly
    ? db.select().from(dirRequiredDocuments).where(eq(dirRequiredDocuments.regionId, regionId))
    : chunked(serviceIds, (ids) => db.select().from(dirRequiredDocuments).where(and(eq(dirRequiredDocuments.regionId, regionId), inArray(dirRequiredDocuments.serviceId, ids)))));
  const terms = await db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId)).orderBy(asc(dirTaxonomyTerms.position), asc(dirTaxonomyTerms.code));
  const taxonomies = await db.select().from(dirTaxonomies).where(eq(dirTaxonomies.regionId, regionId));
  const langRows = await db.select({ code: languages.code, name: languages.englishName }).from(languages);
  const contactIds = contacts.map((c) => c.id);
  const phones = regionOnly
    ? await db.select().from(dirPhones).where(eq(dirPhones.regionId, regionId))
    : await chunked([...ownerIds, ...contactIds], (ids) =>
        db
          .select()
          .from(dirPhones)
          .where(and(eq(dirPhones.regionId, regionId), or(inArray(dirPhones.serviceId, ids), inArray(dirPhones.organizationId, ids), inArray(dirPhones.locationId, ids), inArray(dirPhones.contactId, ids)))),
      );
  const verifierIds = [...new Set([...serviceMap.values()].map((s) => s.verifiedBy).filter((v): v is string => Boolean(v)))];
  const emails = await chunked(verifierIds, (ids) => db.select({ id: accounts.id, email: accounts.email }).from(accounts).where(inArray(accounts.id, ids)));
  const translations = new Map<string, Record<string, string>>();
  if (opts.language !== opts.sourceLanguage) {
    const rows = regionOnly
      ? await db.select().from(dirTranslations).where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.language, opts.language)))
      : await chunked([...ownerIds, ...terms.map((t) => t.id)], (ids) =>
          db
            .select()
            .from(dirTranslations)
            .where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.language, opts.language), inArray(dirTranslations.entityId, ids))),
        );
    for (const r of rows) translations.set(r.entityId, r.fields);
  }
  return {
    language: opts.language,
    languageNames: new Map(langRows.map((l) => [l.code, l.name])),
    organizations: orgMap,
    services: serviceMap,
    locations: locMap,
    salsByService: groupBy(visibleSals, (s) => [s.serviceId]),
    phonesByOwner: groupBy(phones.sort(byPosition), (p) => [p.contactId ?? p.serviceId ?? p.locationId ?? p.organizationId]),
    contactsByOwner: groupBy(contacts.sort(byPosition), (c) => [c.serviceId ?? c.locationId ?? c.organizationId]),
    schedulesByOwner: groupBy(schedules.sort(byPosition), (s) => [s.serviceAtLocationId ?? s.serviceId ?? s.locationId]),
    areasByService: groupBy(areas, (a) => [a.serviceId]),
    docsByService: groupBy(docs.sort(byPosition), (d) => [d.serviceId]),
    terms: new Map(terms.map((t) => [t.id, t])),
    taxonomies: new Map(taxonomies.map((t) => [t.id, t])),
    accountEmails: new Map(emails.map((e) => [e.id, e.email])),
    translations,
  };
}

// ---------- lists ----------

export type ServiceFilters = {
  search?: string | undefined;
  searchLanguages: string[];
  taxonomyTermId?: string | undefined;
  taxonomyId?: string | undefined;
  organizationId?: string | undefined;
  modifiedAfter?: Date | undefined;
  postcode?: string | undefined;
  /** A circle (meters) around a point. */
  near?: { lat: number; lon: number; meters: number } | undefined;
};

/** Great-circle distance in meters between a location row and a point (haversine). */
function distanceSql(lat: number, lon: number): SQL<number> {
  return sql<number>`(2 * 6371000 * asin(sqrt(power(sin(radians(${dirLocations.latitude} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${dirLocations.latitude})) * power(sin(radians(${dirLocations.longitude} - ${lon}) / 2), 2))))`;
}

function serviceConditions(db: Db, regionId: string, f: ServiceFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    eq(dirServices.regionId, regionId),
    serviceVisible,
    inArray(dirServices.organizationId, db.select({ id: dirOrganizations.id }).from(dirOrganizations).where(and(eq(dirOrganizations.regionId, regionId), orgVisible))),
  ];
  if (f.organizationId) conds.push(eq(dirServices.organizationId, f.organizationId));
  if (f.taxonomyTermId) conds.push(sql`${dirServices.termIds} @> ARRAY[${f.taxonomyTermId}]::uuid[]`);
  if (f.taxonomyId)
    conds.push(sql`${dirServices.termIds} && ARRAY(SELECT ${dirTaxonomyTerms.id} FROM ${dirTaxonomyTerms} WHERE ${dirTaxonomyTerms.regionId} = ${regionId} AND ${dirTaxonomyTerms.taxonomyId} = ${f.taxonomyId})`);
  if (f.modifiedAfter) conds.push(gte(dirServices.updatedAt, f.modifiedAfter));
  if (f.search) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM ${dirSearchTexts} WHERE ${dirSearchTexts.serviceId} = ${dirServices.id} AND ${inArray(dirSearchTexts.language, f.searchLanguages)} AND ${dirSearchTexts.searchVector} @@ websearch_to_tsquery(${dirSearchTexts.searchConfig}, ${f.search}))`,
    );
  }
  const atLocation: SQL[] = [];
  if (f.near) {
    const dLat = f.near.meters / 111_320;
    const dLon = f.near.meters / (111_320 * Math.max(Math.cos((f.near.lat * Math.PI) / 180), 0.01));
    atLocation.push(
      sql`${dirLocations.latitude} BETWEEN ${f.near.lat - dLat} AND ${f.near.lat + dLat} AND ${dirLocations.longitude} BETWEEN ${f.near.lon - dLon} AND ${f.near.lon + dLon} AND ${distanceSql(f.near.lat, f.near.lon)} <= ${f.near.meters}`,
    );
  } else if (f.postcode) {
    atLocation.push(sql`${dirLocations.postalCode} = ${f.postcode}`);
  }
  if (atLocation.length) {
    const located = sql`EXISTS (SELECT 1 FROM ${dirServiceAtLocations} JOIN ${dirLocations} ON ${dirLocations.id} = ${dirServiceAtLocations.locationId} WHERE ${dirServiceAtLocations.serviceId} = ${dirServices.id} AND ${locationVisible} AND ${sql.join(atLocation, sql` AND `)})`;
    // Without a distance, a postcode also matches services whose service area names it.
    conds.push(
      f.postcode && !f.near
        ? or(located, sql`EXISTS (SELECT 1 FROM ${dirServiceAreas} WHERE ${dirServiceAreas.serviceId} = ${dirServices.id} AND (${dirServiceAreas.name} = ${f.postcode} OR ${dirServiceAreas.extent} = ${f.postcode}))`)
        : located,
    );
  }
  return and(...conds);
}

export type IdPage = { ids: string[]; total: number };

/** Ids of the visible services matching the filters, ordered by name, one page. */
export async function listServiceIds(db: Db, regionId: string, f: ServiceFilters, page: { limit: number; offset: number }): Promise<IdPage> {
  const where = serviceConditions(db, regionId, f);
  const [rows, [total]] = await Promise.all([
    db.select({ id: dirServices.id }).from(dirServices).where(where).orderBy(asc(dirServices.name), asc(dirServices.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(dirServices).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0 };
}

/** Ids of service-at-locations whose service matches the filters (and whose location is visible). */
export async function listSalIds(db: Db, regionId: string, f: ServiceFilters, page: { limit: number; offset: number }): Promise<IdPage & { serviceIds: string[] }> {
  const where = and(
    eq(dirServiceAtLocations.regionId, regionId),
    inArray(dirServiceAtLocations.serviceId, db.select({ id: dirServices.id }).from(dirServices).where(serviceConditions(db, regionId, f))),
    inArray(dirServiceAtLocations.locationId, db.select({ id: dirLocations.id }).from(dirLocations).where(and(eq(dirLocations.regionId, regionId), locationVisible))),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: dirServiceAtLocations.id, serviceId: dirServiceAtLocations.serviceId })
      .from(dirServiceAtLocations)
      .where(where)
      .orderBy(asc(dirServiceAtLocations.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(dirServiceAtLocations).where(where),
  ]);
  return { ids: rows.map((r) => r.id), serviceIds: rows.map((r) => r.serviceId), total: total?.n ?? 0 };
}

/** The service of one visible service-at-location of the region. */
export async function findSal(db: Db, regionId: string, id: string): Promise<{ id: string; serviceId: string } | undefined> {
  const [row] = await db
    .select({ id: dirServiceAtLocations.id, serviceId: dirServiceAtLocations.serviceId })
    .from(dirServiceAtLocations)
    .where(and(eq(dirServiceAtLocations.regionId, regionId), eq(dirServiceAtLocations.id, id)));
  return row;
}

/** Ids of visible organisations (search: name contains), ordered by name. */
export async function listOrganizationIds(db: Db, regionId: string, f: { search?: string | undefined; modifiedAfter?: Date | undefined }, page: { limit: number; offset: number }): Promise<IdPage> {
  const where = and(
    eq(dirOrganizations.regionId, regionId),
    orgVisible,
    f.search ? or(ilike(dirOrganizations.name, `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), ilike(dirOrganizations.description, `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) : undefined,
    f.modifiedAfter ? gte(dirOrganizations.updatedAt, f.modifiedAfter) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select({ id: dirOrganizations.id }).from(dirOrganizations).where(where).orderBy(asc(dirOrganizations.name), asc(dirOrganizations.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(dirOrganizations).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0 };
}

/** The centroid of the region's located addresses with this postcode (for `proximity` with `postcode`). */
export async function postcodeCentroid(db: Db, regionId: string, postcode: string): Promise<{ lat: number; lon: number } | undefined> {
  const [row] = await db
    .select({ lat: sql<number | null>`avg(${dirLocations.latitude})`, lon: sql<number | null>`avg(${dirLocations.longitude})` })
    .from(dirLocations)
    .where(and(eq(dirLocations.regionId, regionId), eq(dirLocations.postalCode, postcode), sql`${dirLocations.latitude} IS NOT NULL`));
  if (row?.lat === null || row?.lat === undefined || row.lon === null) return undefined;
  return { lat: Number(row.lat), lon: Number(row.lon) };
}

/** Taxonomies of the region. */
export async function listTaxonomies(db: Db, regionId: string) {
  return db.select().from(dirTaxonomies).where(eq(dirTaxonomies.regionId, regionId)).orderBy(asc(dirTaxonomies.name), asc(dirTaxonomies.id));
}

/** Terms of the region, optionally of one taxonomy, in tree order (position, code). */
export async function listTerms(db: Db, regionId: string, f: { taxonomyId?: string | undefined; search?: string | undefined }) {
  return db
    .select()
    .from(dirTaxonomyTerms)
    .where(
      and(
        eq(dirTaxonomyTerms.regionId, regionId),
        f.taxonomyId ? eq(dirTaxonomyTerms.taxonomyId, f.taxonomyId) : undefined,
        f.search ? ilike(dirTaxonomyTerms.name, `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(asc(dirTaxonomyTerms.position), asc(dirTaxonomyTerms.code));
}

/** Translated fields of the region's terms in one language. */
export async function termTranslations(db: Db, regionId: string, language: string): Promise<Map<string, Record<string, string>>> {
  const rows = await db
    .select({ entityId: dirTranslations.entityId, fields: dirTranslations.fields })
    .from(dirTranslations)
    .where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.kind, 'taxonomy_term'), eq(dirTranslations.language, language)));
  return new Map(rows.map((r) => [r.entityId, r.fields]));
}

/** Ids of the visible locations of one organisation (region-scoped). */
export async function locationIdsOfOrganization(db: Db, regionId: string, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dirLocations.id })
    .from(dirLocations)
    .where(and(eq(dirLocations.regionId, regionId), eq(dirLocations.organizationId, organizationId), locationVisible))
    .orderBy(asc(dirLocations.name), asc(dirLocations.id));
  return rows.map((r) => r.id);
}
