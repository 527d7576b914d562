/**
 * The one write path of the directory: admin saves, the HSDS import, the demo seed and the benchmark all go through
 * these functions. They take validated input (model.ts) and a transaction handle, write the object with all its
 * children (children are replaced: the input is the whole object), and keep derived data current (schedule fields
 * for "open now", search texts). Permissions, revisions and the audit log belong to the caller (service.ts).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { searchConfigFor } from '../guide/index.js';
import type { ContactInput, LocationInput, OrganizationInput, PhoneInput, ScheduleInput, ServiceInput } from './model.js';
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
  dirTaxonomyTerms,
  dirTranslations,
} from './schema.js';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const BYDAY_ITEM = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/;
const HHMM = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;

function minutes(hhmm: string | null | undefined): number | null {
  const m = hhmm ? HHMM.exec(hhmm.trim()) : null;
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The query-friendly form of an HSDS schedule: weekdays 1–7 (Monday = 1), week-of-month ordinals (1–5, -1 = last),
 * days of the month, and opening/closing minutes after midnight. A closing time at or before the opening time means
 * the slot runs past midnight (closesMin > 1440). Input is assumed valid (hours.ts validates forms and imports).
 */
export function deriveSchedule(s: ScheduleInput): { weekdays: number[]; ordinals: number[]; monthdays: number[]; opensMin: number | null; closesMin: number | null } {
  const weekdays = new Set<number>();
  const ordinals = new Set<number>();
  for (const part of (s.byday ?? '').toUpperCase().split(',')) {
    const m = BYDAY_ITEM.exec(part.trim());
    if (!m) continue;
    weekdays.add(DAY_CODES.indexOf(m[2] as (typeof DAY_CODES)[number]) + 1);
    if (m[1] && s.freq === 'MONTHLY') ordinals.add(Number(m[1]));
  }
  const monthdays = (s.bymonthday ?? '')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n !== 0 && n >= -31 && n <= 31);
  const opensMin = minutes(s.opensAt);
  let closesMin = minutes(s.closesAt);
  if (opensMin !== null && closesMin !== null && closesMin <= opensMin) closesMin += 1440;
  return { weekdays: [...weekdays].sort(), ordinals: [...ordinals].sort(), monthdays, opensMin, closesMin };
}

type Owner = { serviceId?: string; locationId?: string; serviceAtLocationId?: string; organizationId?: string; contactId?: string };

async function writeSchedules(tx: Db, regionId: string, owner: Owner, schedules: ScheduleInput[] | undefined): Promise<void> {
  if (!schedules?.length) return;
  await tx.insert(dirSchedules).values(
    schedules.map((s, position) => ({
      ...(s.id ? { id: s.id } : {}),
      regionId,
      sourceId: s.sourceId ?? null,
      serviceId: owner.serviceId ?? null,
      locationId: owner.locationId ?? null,
      serviceAtLocationId: owner.serviceAtLocationId ?? null,
      freq: s.freq,
      interval: s.interval ?? null,
      byday: s.byday ?? null,
      bymonthday: s.bymonthday ?? null,
      opensAt: s.opensAt ?? null,
      closesAt: s.closesAt ?? null,
      validFrom: s.validFrom ?? null,
      validTo: s.validTo ?? null,
      closed: s.closed ?? false,
      description: s.description ?? null,
      notes: s.notes ?? null,
      attendingType: s.attendingType ?? null,
      position,
      ...deriveSchedule(s),
    })),
  );
}

async function writePhones(tx: Db, regionId: string, owner: Owner, phones: PhoneInput[] | undefined): Promise<void> {
  if (!phones?.length) return;
  await tx.insert(dirPhones).values(
    phones.map((p, position) => ({
      ...(p.id ? { id: p.id } : {}),
      regionId,
      sourceId: p.sourceId ?? null,
      organizationId: owner.organizationId ?? null,
      serviceId: owner.serviceId ?? null,
      locationId: owner.locationId ?? null,
      contactId: owner.contactId ?? null,
      number: p.number,
      extension: p.extension ?? null,
      type: p.type ?? 'voice',
      description: p.description ?? null,
      languages: p.languages ?? [],
      position,
    })),
  );
}

async function writeContacts(tx: Db, regionId: string, owner: Owner, contacts: ContactInput[] | undefined): Promise<void> {
  for (const [position, c] of (contacts ?? []).entries()) {
    const [row] = await tx
      .insert(dirContacts)
      .values({
        ...(c.id ? { id: c.id } : {}),
        regionId,
        sourceId: c.sourceId ?? null,
        organizationId: owner.organizationId ?? null,
        serviceId: owner.serviceId ?? null,
        locationId: owner.locationId ?? null,
        name: c.name ?? null,
        title: c.title ?? null,
        department: c.department ?? null,
        email: c.email ?? null,
        position,
      })
      .returning({ id: dirContacts.id });
    if (row) await writePhones(tx, regionId, { contactId: row.id }, c.phones);
  }
}

/** Deletes the children of an owner (phones, contacts with their phones, schedules) before they are written anew. */
async function clearChildren(tx: Db, column: 'organizationId' | 'serviceId' | 'locationId', id: string): Promise<void> {
  await tx.delete(dirPhones).where(eq(dirPhones[column], id));
  await tx.delete(dirContacts).where(eq(dirContacts[column], id));
  if (column !== 'organizationId') await tx.delete(dirSchedules).where(eq(dirSchedules[column], id));
}

const orgColumns = (o: OrganizationInput) => ({
  name: o.name,
  alternateName: o.alternateName ?? null,
  description: o.description ?? '',
  email: o.email ?? null,
  website: o.website ?? null,
  legalStatus: o.legalStatus ?? null,
  parentOrganizationId: o.parentOrganizationId ?? null,
});

export type WriteOptions = {
  /** Update this existing row (its region was checked by the caller); insert when absent. */
  existingId?: string | undefined;
  actorId?: string | null | undefined;
  /** The new revision numbers (the caller decides minor/major); defaults keep a new row at 1. */
  revision?: number | undefined;
  majorRevision?: number | undefined;
};

function managedColumns(input: { status?: string | undefined; sourceId?: string | null | undefined }, opts: WriteOptions) {
  return {
    ...(input.status ? { status: input.status as 'draft' } : {}),
    ...(input.sourceId !== undefined ? { sourceId: input.sourceId } : {}),
    ...(opts.revision !== undefined ? { revision: opts.revision } : {}),
    ...(opts.majorRevision !== undefined ? { majorRevision: opts.majorRevision } : {}),
    archivedAt: input.status === 'archived' ? new Date() : null,
    updatedAt: new Date(),
  };
}

export async function writeOrganization(tx: Db, regionId: string, input: OrganizationInput, opts: WriteOptions = {}): Promise<string> {
  let id = opts.existingId;
  if (id) {
    await tx
      .update(dirOrganizations)
      .set({ ...orgColumns(input), ...managedColumns(input, opts) })
      .where(and(eq(dirOrganizations.id, id), eq(dirOrganizations.regionId, regionId)));
    await clearChildren(tx, 'organizationId', id);
  } else {
    const [row] = await tx
      .insert(dirOrganizations)
      .values({ ...(input.id ? { id: input.id } : {}), regionId, ...orgColumns(input), ...managedColumns(input, opts), createdBy: opts.actorId ?? null })
      .returning({ id: dirOrganizations.id });
    if (!row) throw new Error('organization insert returned nothing');
    id = row.id;
  }
  await writePhones(tx, regionId, { organizationId: id }, input.phones);
  await writeContacts(tx, regionId, { organizationId: id }, input.contacts);
  return id;
}

const locationColumns = (l: LocationInput) => ({
  organizationId: l.organizationId ?? null,
  locationType: l.locationType ?? 'physical',
  name: l.name ?? '',
  alternateName: l.alternateName ?? null,
  description: l.description ?? '',
  transportation: l.transportation ?? null,
  url: l.url ?? null,
  latitude: l.latitude ?? null,
  longitude: l.longitude ?? null,
  geoSource: l.latitude != null ? (l.geoSource ?? 'manual') : null,
  address1: l.address1 ?? null,
  address2: l.address2 ?? null,
  postalCode: l.postalCode ?? null,
  city: l.city ?? null,
  stateProvince: l.stateProvince ?? null,
  country: l.country ?? 'DE',
  languages: l.languages ?? [],
  wheelchair: l.wheelchair ?? false,
  accessibilityDescription: l.accessibilityDescription ?? null,
  accessibilityDetails: l.accessibilityDetails ?? null,
});

export async function writeLocation(tx: Db, regionId: string, input: LocationInput, opts: WriteOptions = {}): Promise<string> {
  let id = opts.existingId;
  if (id) {
    await tx
      .update(dirLocations)
      .set({ ...locationColumns(input), ...managedColumns(input, opts) })
      .where(and(eq(dirLocations.id, id), eq(dirLocations.regionId, regionId)));
    await clearChildren(tx, 'locationId', id);
  } else {
    const [row] = await tx
      .insert(dirLocations)
      .values({ ...(input.id ? { id: input.id } : {}), regionId, ...locationColumns(input), ...managedColumns(input, opts), createdBy: opts.actorId ?? null })
      .returning({ id: dirLocations.id });
    if (!row) throw new Error('location insert returned nothing');
    id = row.id;
  }
  await writePhones(tx, regionId, { locationId: id }, input.phones);
  await writeContacts(tx, regionId, { locationId: id }, input.contacts);
  await writeSchedules(tx, regionId, { locationId: id }, input.schedules);
  // Services at this location have new searchable/filterable data (place, languages).
  const at = await tx.select({ serviceId: dirServiceAtLocations.serviceId }).from(dirServiceAtLocations).where(eq(dirServiceAtLocations.locationId, id));
  for (const s of at) {
    await refreshServiceFilters(tx, s.serviceId);
    await refreshServiceSearch(tx, s.serviceId);
  }
  return id;
}

const serviceColumns = (s: ServiceInput) => ({
  organizationId: s.organizationId,
  name: s.name,
  alternateName: s.alternateName ?? null,
  description: s.description ?? '',
  url: s.url ?? null,
  email: s.email ?? null,
  hsdsStatus: s.hsdsStatus ?? 'active',
  interpretationServices: s.interpretationServices ?? null,
  applicationProcess: s.applicationProcess ?? null,
  feesDescription: s.feesDescription ?? null,
  free: s.free ?? false,
  waitTime: s.waitTime ?? null,
  eligibilityDescription: s.eligibilityDescription ?? null,
  minimumAge: s.minimumAge ?? null,
  maximumAge: s.maximumAge ?? null,
  alert: s.alert ?? null,
  languages: s.languages ?? [],
  termIds: s.termIds ?? [],
  ...(s.verifiedAt !== undefined ? { verifiedAt: s.verifiedAt } : {}),
  ...(s.verifiedBy !== undefined ? { verifiedBy: s.verifiedBy } : {}),
});

export async function writeService(tx: Db, regionId: string, input: ServiceInput, opts: WriteOptions = {}): Promise<string> {
  let id = opts.existingId;
  if (id) {
    await tx
      .update(dirServices)
      .set({ ...serviceColumns(input), ...managedColumns(input, opts) })
      .where(and(eq(dirServices.id, id), eq(dirServices.regionId, regionId)));
    await clearChildren(tx, 'serviceId', id);
    await tx.delete(dirServiceAreas).where(eq(dirServiceAreas.serviceId, id));
    await tx.delete(dirRequiredDocuments).where(eq(dirRequiredDocuments.serviceId, id));
    await tx.delete(dirServiceAtLocations).where(eq(dirServiceAtLocations.serviceId, id));
  } else {
    const [row] = await tx
      .insert(dirServices)
      .values({ ...(input.id ? { id: input.id } : {}), regionId, ...serviceColumns(input), ...managedColumns(input, opts), createdBy: opts.actorId ?? null })
      .returning({ id: dirServices.id });
    if (!row) throw new Error('service insert returned nothing');
    id = row.id;
  }
  const serviceId = id;
  await writePhones(tx, regionId, { serviceId }, input.phones);
  await writeContacts(tx, regionId, { serviceId }, input.contacts);
  await writeSchedules(tx, regionId, { serviceId }, input.schedules);
  if (input.serviceAreas?.length)
    await tx.insert(dirServiceAreas).values(input.serviceAreas.map((a) => ({ ...(a.id ? { id: a.id } : {}), regionId, serviceId, sourceId: a.sourceId ?? null, name: a.name, description: a.description ?? null, extent: a.extent ?? null, extentType: a.extentType ?? null, uri: a.uri ?? null })));
  if (input.requiredDocuments?.length)
    await tx.insert(dirRequiredDocuments).values(input.requiredDocuments.map((d, position) => ({ ...(d.id ? { id: d.id } : {}), regionId, serviceId, sourceId: d.sourceId ?? null, document: d.document, uri: d.uri ?? null, position })));
  for (const at of input.locations ?? []) {
    const [row] = await tx
      .insert(dirServiceAtLocations)
      .values({ ...(at.id ? { id: at.id } : {}), regionId, serviceId, locationId: at.locationId, sourceId: at.sourceId ?? null, description: at.description ?? null })
      .returning({ id: dirServiceAtLocations.id });
    if (row) await writeSchedules(tx, regionId, { serviceAtLocationId: row.id }, at.schedules);
  }
  await refreshServiceFilters(tx, serviceId);
  await refreshServiceSearch(tx, serviceId);
  return serviceId;
}

/**
 * Recomputes the derived filter columns of one service from its rows: `all_languages` (the service's languages, its
 * locations', and those of the phone lines of both), `has_own_schedules` and the bounding box of its places. Called whenever the service or one of
 * its locations is written, so readers' filters are single-column index lookups. With scope 'region' the first
 * argument is a region id and every service of the region is recomputed (after a bulk load).
 */
export async function refreshServiceFilters(tx: Db, serviceId: string, scope: 'service' | 'region' = 'service'): Promise<void> {
  await tx.execute(sql`
    UPDATE dir_services s SET
      all_languages = ARRAY(
        SELECT DISTINCT code FROM (
          SELECT unnest(s.languages) AS code
          UNION ALL SELECT unnest(l.languages) FROM dir_service_at_locations sal JOIN dir_locations l ON l.id = sal.location_id WHERE sal.service_id = s.id
          UNION ALL SELECT unnest(p.languages) FROM dir_phones p WHERE p.service_id = s.id
          UNION ALL SELECT unnest(p.languages) FROM dir_service_at_locations sal JOIN dir_phones p ON p.location_id = sal.location_id WHERE sal.service_id = s.id
        ) x ORDER BY code),
      has_own_schedules = EXISTS (SELECT 1 FROM dir_schedules sc WHERE sc.service_id = s.id),
      (geo_min_lat, geo_max_lat, geo_min_lon, geo_max_lon) = (
        SELECT min(l.latitude), max(l.latitude), min(l.longitude), max(l.longitude)
        FROM dir_service_at_locations sal JOIN dir_locations l ON l.id = sal.location_id
        WHERE sal.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)
    WHERE ${scope === 'region' ? sql`s.region_id = ${serviceId}` : sql`s.id = ${serviceId}`}`);
}

/** Plain text of the non-empty values, one per line. */
function lines(...values: (string | null | undefined)[]): string {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
}

/**
 * Rebuilds the search texts of one service in every language of its region: the source text, and each language
 * with a translation (names of organisation and categories in that language where translated). A service that
 * readers cannot see (not published, archived) has none.
 */
export async function refreshServiceSearch(tx: Db, serviceId: string): Promise<void> {
  await tx.delete(dirSearchTexts).where(eq(dirSearchTexts.serviceId, serviceId));
  const [s] = await tx.select().from(dirServices).where(eq(dirServices.id, serviceId));
  if (!s || s.status !== 'published') return;
  const [org] = await tx.select().from(dirOrganizations).where(eq(dirOrganizations.id, s.organizationId));
  const terms = s.termIds.length ? await tx.select().from(dirTaxonomyTerms).where(inArray(dirTaxonomyTerms.id, s.termIds)) : [];
  const places = await tx
    .select({ city: dirLocations.city, postalCode: dirLocations.postalCode, name: dirLocations.name })
    .from(dirServiceAtLocations)
    .innerJoin(dirLocations, eq(dirLocations.id, dirServiceAtLocations.locationId))
    .where(eq(dirServiceAtLocations.serviceId, serviceId));
  const ids = [s.id, s.organizationId, ...terms.map((t) => t.id)];
  const translations = await tx
    .select()
    .from(dirTranslations)
    .where(and(inArray(dirTranslations.entityId, ids), or(eq(dirTranslations.kind, 'service'), eq(dirTranslations.kind, 'organization'), eq(dirTranslations.kind, 'taxonomy_term'))));
  const [region] = rowsOf<{ sourceLanguage: string }>(await tx.execute(sql`SELECT source_language AS "sourceLanguage" FROM regions WHERE id = ${s.regionId}`));
  const source = region?.sourceLanguage ?? 'de';
  const placeText = places.map((p) => lines(p.name, p.postalCode, p.city)).join('\n');
  const textIn = (language: string) => {
    const tr = (kind: string, id: string) => (language === source ? undefined : translations.find((t) => t.kind === kind && t.entityId === id && t.language === language)?.fields);
    const st = tr('service', s.id);
    const ot = tr('organization', s.organizationId);
    return {
      title: st?.name || s.name,
      body: lines(
        st?.description || s.description,
        st?.alternateName || s.alternateName,
        ot?.name || org?.name,
        ...terms.map((t) => tr('taxonomy_term', t.id)?.name || t.name),
        st?.eligibilityDescription || s.eligibilityDescription,
        placeText,
      ),
    };
  };
  const languages = [source, ...new Set(translations.filter((t) => t.kind === 'service' && t.entityId === s.id).map((t) => t.language))];
  await tx.insert(dirSearchTexts).values(
    [...new Set(languages)].map((language) => ({ serviceId, regionId: s.regionId, language, searchConfig: searchConfigFor(language), ...textIn(language) })),
  );
}
