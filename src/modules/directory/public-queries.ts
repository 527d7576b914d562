/**
 * Queries of the directory as readers see it: only published, non-archived services of published, non-archived
 * organisations, always scoped by region. `findServices` is the one filtered list query (also called by the
 * benchmark); the other functions load what a page of results or a detail page shows, by id.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, textArray, uuidArray } from '../../db/rows.js';
import { openNowCondition } from './hours.js';
import type { dirSchedules } from './schema.js';

export type Near = { lat: number; lon: number; km: number };

export type FindServicesInput = {
  regionId: string;
  /** The reader's language: names are sorted as shown (translation, else source). */
  language: string;
  /** Any of these categories (services carry term ids; a parent term is expanded to its children by the caller). */
  termIds?: readonly string[] | undefined;
  /** Any of these languages, spoken by the service, at one of its locations or on one of its phone lines. */
  languages?: readonly string[] | undefined;
  openNow?: boolean | undefined;
  near?: Near | null | undefined;
  wheelchair?: boolean | undefined;
  free?: boolean | undefined;
  limit: number;
  offset: number;
  /** The moment "open now" refers to (default: now). */
  at?: Date | undefined;
  /** The region's time zone and holiday state (read from the region when not given). */
  timeZone?: string | undefined;
  holidayState?: string | null | undefined;
};

export type FoundService = { id: string; name: string; km: number | null };

const EARTH_KM = 6371;

/** Great-circle distance in km between a location row `l` and a point. */
function haversine(lat: number, lon: number): SQL {
  return sql`(2 * ${EARTH_KM} * asin(sqrt(
    power(sin(radians(l.latitude - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}::float8) / 2), 2))))`;
}

/** The latitude/longitude box around a point that contains the circle of `km` (the index-friendly prefilter). */
export function boundingBox(near: Near): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = near.km / 111.32;
  const cos = Math.max(Math.cos((near.lat * Math.PI) / 180), 0.01);
  const dLon = near.km / (111.32 * cos);
  return { minLat: near.lat - dLat, maxLat: near.lat + dLat, minLon: near.lon - dLon, maxLon: near.lon + dLon };
}

async function regionClock(db: Db, regionId: string): Promise<{ timeZone: string; holidayState: string | null }> {
  const result = await db.execute(sql`SELECT timezone, settings #>> '{directory,holidayState}' AS "holidayState" FROM regions WHERE id = ${regionId}`);
  const [row] = rowsOf<{ timezone: string; holidayState: string | null }>(result);
  return { timeZone: row?.timezone ?? 'Europe/Berlin', holidayState: row?.holidayState ?? null };
}

/**
 * The filtered, sorted page of services readers may see, with the total count — one SQL statement. With `near` and
 * a category, each candidate's places are measured (LATERAL); with `near` alone the locations inside the bounding
 * box are found first (dir_locations_geo_idx); the exact distance (haversine) decides; the service's nearest location counts and results are sorted by it. Otherwise sorted by name
 * in the reader's language. Categories and languages use the GIN indexes on the service's arrays (languages: the derived all_languages); "open now" is an
 * EXISTS over the schedules of the service, its service-at-locations and its locations (hours.ts).
 */
export async function findServices(db: Db, input: FindServicesInput): Promise<{ rows: FoundService[]; total: number }> {
  const r = input.regionId;
  const where: SQL[] = [
    sql`s.region_id = ${r}`,
    sql`s.status = 'published'`,
    sql`s.archived_at IS NULL`,
    sql`EXISTS (SELECT 1 FROM dir_organizations o WHERE o.id = s.organization_id AND o.status = 'published' AND o.archived_at IS NULL)`,
  ];
  if (input.termIds?.length) where.push(sql`s.term_ids && ${uuidArray(input.termIds)}::uuid[]`);
  // all_languages: the service's, its places' and its phone lines' languages (kept by store.refreshServiceFilters).
  if (input.languages?.length) where.push(sql`s.all_languages && ${textArray(input.languages)}::text[]`);
  if (input.wheelchair) {
    where.push(sql`EXISTS (SELECT 1 FROM dir_service_at_locations sal JOIN dir_locations ll ON ll.id = sal.location_id WHERE sal.service_id = s.id AND ll.wheelchair OFFSET 0)`);
  }
  if (input.free) where.push(sql`s.free`);
  let openNow: SQL | null = null;
  if (input.openNow) {
    const clock = input.timeZone ? { timeZone: input.timeZone, holidayState: input.holidayState ?? null } : await regionClock(db, r);
    const at = input.at ?? new Date();
    const open = (alias: string, owner: 'service_id' | 'service_at_location_id' | 'location_id') => openNowCondition(at, clock.timeZone, clock.holidayState, alias, owner);
    // The service's own hours, the hours at one of its places, or (a service without hours of its own) the place's.
    // `OFFSET 0` keeps each EXISTS a per-candidate index probe: without it PostgreSQL may turn an EXISTS under OR into a
    // hashed subplan that reads every schedule of the region (tens of thousands of rows) to check a few hundred
    // candidates.
    openNow = sql`(
      EXISTS (SELECT 1 FROM dir_schedules sc WHERE sc.service_id = s.id AND ${open('sc', 'service_id')} OFFSET 0)
      OR EXISTS (SELECT 1 FROM dir_service_at_locations sal JOIN dir_schedules sa ON sa.service_at_location_id = sal.id
                 WHERE sal.service_id = s.id AND ${open('sa', 'service_at_location_id')} OFFSET 0)
      OR (NOT s.has_own_schedules
          AND EXISTS (SELECT 1 FROM dir_service_at_locations sal JOIN dir_schedules sl ON sl.location_id = sal.location_id
                      WHERE sal.service_id = s.id AND ${open('sl', 'location_id')} OFFSET 0)))`;
  }
  const name = sql`coalesce(nullif(tr.fields->>'name', ''), s.name)`;
  const allWhere = openNow ? [...where, openNow] : where;
  const translated = sql`LEFT JOIN dir_translations tr ON tr.kind = 'service' AND tr.entity_id = s.id AND tr.language = ${input.language}`;
  let query: SQL;
  if (input.near && input.termIds?.length) {
    // A category leaves a few hundred candidates at most (GIN index on term_ids): the distance of each is computed
    // from its own places only, instead of measuring every place of the region first.
    const box = boundingBox(input.near);
    // The cheaper filters and the distance first (behind an OFFSET 0 fence), "open now" only for what is left.
    query = sql`
      SELECT s.id, ${name} AS name, s.km, count(*) OVER () AS total
      FROM (
        SELECT s.id, s.name, s.has_own_schedules, near.km
        FROM dir_services s
        CROSS JOIN LATERAL (
          SELECT min(${haversine(input.near.lat, input.near.lon)}) AS km
          FROM dir_service_at_locations sal
          JOIN dir_locations l ON l.id = sal.location_id
          WHERE sal.service_id = s.id AND l.archived_at IS NULL
            AND l.latitude BETWEEN ${box.minLat} AND ${box.maxLat}
            AND l.longitude BETWEEN ${box.minLon} AND ${box.maxLon}) near
        WHERE near.km <= ${input.near.km} AND ${sql.join(where, sql` AND `)}
          AND s.geo_max_lat >= ${box.minLat} AND s.geo_min_lat <= ${box.maxLat}
          AND s.geo_max_lon >= ${box.minLon} AND s.geo_min_lon <= ${box.maxLon}
        OFFSET 0) s
      ${translated}
      ${openNow ? sql`WHERE ${openNow}` : sql``}
      ORDER BY s.km, lower(${name}), s.id
      LIMIT ${input.limit} OFFSET ${input.offset}`;
  } else if (input.near) {
    const box = boundingBox(input.near);
    query = sql`
      WITH near AS (
        SELECT sal.service_id, min(${haversine(input.near.lat, input.near.lon)}) AS km
        FROM dir_locations l
        JOIN dir_service_at_locations sal ON sal.location_id = l.id
        WHERE l.region_id = ${r} AND l.archived_at IS NULL
          AND l.latitude BETWEEN ${box.minLat} AND ${box.maxLat}
          AND l.longitude BETWEEN ${box.minLon} AND ${box.maxLon}
        GROUP BY sal.service_id)
      SELECT s.id, ${name} AS name, near.km, count(*) OVER () AS total
      FROM near
      JOIN dir_services s ON s.id = near.service_id
      ${translated}
      WHERE near.km <= ${input.near.km} AND ${sql.join(allWhere, sql` AND `)}
      ORDER BY near.km, lower(${name}), s.id
      LIMIT ${input.limit} OFFSET ${input.offset}`;
  } else {
    query = sql`
      SELECT s.id, ${name} AS name, NULL::float8 AS km, count(*) OVER () AS total
      FROM dir_services s
      ${translated}
      WHERE ${sql.join(allWhere, sql` AND `)}
      ORDER BY lower(${name}), s.id
      LIMIT ${input.limit} OFFSET ${input.offset}`;
  }
  const rows = rowsOf<{ id: string; name: string; km: number | string | null; total: number | string }>(await db.execute(query));
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && input.offset > 0) {
    // A page past the end: the count still matters ("12 services", a link back to page 1).
    const counted = await findServices(db, { ...input, offset: 0, limit: 1 });
    total = counted.total;
  }
  return { rows: rows.map((x) => ({ id: x.id, name: x.name, km: x.km === null ? null : Number(x.km) })), total };
}

// ---------- what a result card and a detail page show ----------

export type ServiceRow = {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  hsdsStatus: string;
  interpretationServices: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  free: boolean;
  waitTime: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  alert: string | null;
  languages: string[];
  termIds: string[];
  verifiedAt: Date | null;
  verifiedByName: string | null;
  majorRevision: number;
  updatedAt: Date;
  orgName: string;
  orgWebsite: string | null;
  orgEmail: string | null;
};

const serviceColumns = sql`
  s.id, s.organization_id AS "organizationId", s.name, s.alternate_name AS "alternateName", s.description, s.url, s.email,
  s.hsds_status AS "hsdsStatus", s.interpretation_services AS "interpretationServices",
  s.application_process AS "applicationProcess", s.fees_description AS "feesDescription", s.free,
  s.wait_time AS "waitTime", s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
  s.maximum_age AS "maximumAge", s.alert, s.languages, s.term_ids AS "termIds", s.verified_at AS "verifiedAt",
  a.name AS "verifiedByName", s.major_revision AS "majorRevision", s.updated_at AS "updatedAt",
  o.name AS "orgName", o.website AS "orgWebsite", o.email AS "orgEmail"`;

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

function normaliseService(r: ServiceRow): ServiceRow {
  return { ...r, verifiedAt: toDate(r.verifiedAt), updatedAt: toDate(r.updatedAt) ?? new Date(0), termIds: r.termIds ?? [], languages: r.languages ?? [] };
}

/** Visible services by id (the order of `ids` is kept). */
export async function listVisibleServices(db: Db, regionId: string, ids: readonly string[]): Promise<ServiceRow[]> {
  if (!ids.length) return [];
  const result = await db.execute(sql`
    SELECT ${serviceColumns}
    FROM dir_services s
    JOIN dir_organizations o ON o.id = s.organization_id AND o.status = 'published' AND o.archived_at IS NULL
    LEFT JOIN accounts a ON a.id = s.verified_by
    WHERE s.region_id = ${regionId} AND s.status = 'published' AND s.archived_at IS NULL AND s.id = ANY(${uuidArray(ids)}::uuid[])`);
  const byId = new Map(rowsOf<ServiceRow>(result).map((r) => [r.id, normaliseService(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type TranslationRow = { kind: string; entityId: string; fields: Record<string, string>; sourceRevision: number; machineProvider: string | null };

/** Translations of some objects into one language. */
export async function listTranslations(db: Db, regionId: string, language: string, entityIds: readonly string[]): Promise<TranslationRow[]> {
  if (!entityIds.length) return [];
  const result = await db.execute(sql`
    SELECT kind, entity_id AS "entityId", fields, source_revision AS "sourceRevision", machine_provider AS "machineProvider"
    FROM dir_translations
    WHERE region_id = ${regionId} AND language = ${language} AND entity_id = ANY(${uuidArray(entityIds)}::uuid[])`);
  return rowsOf<TranslationRow>(result);
}

export type TermRow = { id: string; code: string; name: string; parentId: string | null; position: number; majorRevision: number };

/** The region's categories (all taxonomies), in tree order. */
export async function listTerms(db: Db, regionId: string): Promise<TermRow[]> {
  const result = await db.execute(sql`
    SELECT id, code, name, parent_id AS "parentId", position, major_revision AS "majorRevision"
    FROM dir_taxonomy_terms WHERE region_id = ${regionId} ORDER BY position, name`);
  return rowsOf<TermRow>(result);
}

export type LocationRow = {
  serviceId: string;
  salId: string;
  id: string;
  name: string;
  description: string;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  city: string | null;
  languages: string[];
  wheelchair: boolean;
  accessibilityDescription: string | null;
  accessibilityDetails: string | null;
};

/** The physical places of some services (through service_at_location). */
export async function listServiceLocations(db: Db, regionId: string, serviceIds: readonly string[]): Promise<LocationRow[]> {
  if (!serviceIds.length) return [];
  const result = await db.execute(sql`
    SELECT sal.service_id AS "serviceId", sal.id AS "salId", l.id, l.name, l.description, l.transportation, l.latitude, l.longitude,
      l.address_1 AS "address1", l.address_2 AS "address2", l.postal_code AS "postalCode", l.city, l.languages, l.wheelchair,
      l.accessibility_description AS "accessibilityDescription", l.accessibility_details AS "accessibilityDetails"
    FROM dir_service_at_locations sal
    JOIN dir_locations l ON l.id = sal.location_id
    WHERE sal.region_id = ${regionId} AND sal.service_id = ANY(${uuidArray(serviceIds)}::uuid[])
      AND l.archived_at IS NULL
    ORDER BY sal.service_id, l.name, l.id`);
  return rowsOf<LocationRow>(result).map((l) => ({ ...l, languages: l.languages ?? [], latitude: l.latitude === null ? null : Number(l.latitude), longitude: l.longitude === null ? null : Number(l.longitude) }));
}

export type ScheduleRow = typeof dirSchedules.$inferSelect;

/** Schedules of some services: their own, their service-at-locations' and their locations'. */
export async function listSchedulesFor(db: Db, regionId: string, input: { serviceIds: readonly string[]; salIds: readonly string[]; locationIds: readonly string[] }): Promise<ScheduleRow[]> {
  if (!input.serviceIds.length && !input.salIds.length && !input.locationIds.length) return [];
  const result = await db.execute(sql`
    SELECT id, region_id AS "regionId", source_id AS "sourceId", service_id AS "serviceId", location_id AS "locationId",
      service_at_location_id AS "serviceAtLocationId", freq, interval, byday, bymonthday, opens_at AS "opensAt",
      closes_at AS "closesAt", valid_from::text AS "validFrom", valid_to::text AS "validTo", closed, description, notes,
      attending_type AS "attendingType", weekdays, ordinals, monthdays, opens_min AS "opensMin", closes_min AS "closesMin", position
    FROM dir_schedules
    WHERE region_id = ${regionId} AND (
      service_id = ANY(${uuidArray(input.serviceIds)}::uuid[])
      OR service_at_location_id = ANY(${uuidArray(input.salIds)}::uuid[])
      OR location_id = ANY(${uuidArray(input.locationIds)}::uuid[]))
    ORDER BY position`);
  return rowsOf<ScheduleRow>(result);
}

export type PhoneRow = { serviceId: string | null; locationId: string | null; organizationId: string | null; number: string; extension: number | null; type: string; description: string | null; languages: string[] };

/** Phone lines of some services, their locations and organisations (not of contacts). */
export async function listPhonesFor(db: Db, regionId: string, input: { serviceIds: readonly string[]; locationIds: readonly string[]; organizationIds: readonly string[] }): Promise<PhoneRow[]> {
  const result = await db.execute(sql`
    SELECT service_id AS "serviceId", location_id AS "locationId", organization_id AS "organizationId", number, extension, type, description, languages
    FROM dir_phones
    WHERE region_id = ${regionId} AND (
      service_id = ANY(${uuidArray(input.serviceIds)}::uuid[])
      OR location_id = ANY(${uuidArray(input.locationIds)}::uuid[])
      OR organization_id = ANY(${uuidArray(input.organizationIds)}::uuid[]))
    ORDER BY position`);
  return rowsOf<PhoneRow>(result).map((p) => ({ ...p, languages: p.languages ?? [] }));
}

/** Required documents of a service. */
export async function listRequiredDocuments(db: Db, regionId: string, serviceId: string): Promise<{ document: string; uri: string | null }[]> {
  const result = await db.execute(sql`SELECT document, uri FROM dir_required_documents WHERE region_id = ${regionId} AND service_id = ${serviceId} ORDER BY position`);
  return rowsOf<{ document: string; uri: string | null }>(result);
}

/** Languages spoken at any visible service of the region (for the language filter). */
export async function listSpokenLanguages(db: Db, regionId: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT code FROM (
      SELECT unnest(languages) AS code FROM dir_services WHERE region_id = ${regionId} AND status = 'published' AND archived_at IS NULL
      UNION SELECT unnest(languages) FROM dir_locations WHERE region_id = ${regionId}
      UNION SELECT unnest(languages) FROM dir_phones WHERE region_id = ${regionId}) x
    ORDER BY code`);
  return rowsOf<{ code: string }>(result).map((r) => r.code);
}

/** Native names of languages from the installation's languages table. */
export async function listLanguageNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const result = await db.execute(sql`SELECT code, native_name AS "nativeName" FROM languages WHERE code = ANY(${textArray(codes)}::text[])`);
  return new Map(rowsOf<{ code: string; nativeName: string }>(result).map((r) => [r.code, r.nativeName]));
}

/**
 * The middle of the region's places with this postcode or town name (the place search without a geocoder), or null
 * when no location of the region has it.
 */
export async function averagePlace(db: Db, regionId: string, text: string): Promise<{ latitude: number; longitude: number } | null> {
  const q = text.trim();
  const result = await db.execute(sql`
    SELECT avg(latitude) AS lat, avg(longitude) AS lon, count(*) AS n
    FROM dir_locations
    WHERE region_id = ${regionId} AND latitude IS NOT NULL AND longitude IS NOT NULL
      AND (postal_code = ${q} OR lower(city) = lower(${q}))`);
  const [row] = rowsOf<{ lat: number | string | null; lon: number | string | null; n: number | string }>(result);
  if (!row || Number(row.n) === 0 || row.lat === null || row.lon === null) return null;
  return { latitude: Number(row.lat), longitude: Number(row.lon) };
}
