/**
 * Rows of the directory (schema.ts) → HSDS 3.0 objects. Pure functions over a loaded bundle (api-queries.ts loads it
 * in a fixed number of queries, whatever the number of services).
 *
 * Mapping decisions (see /work/notes/readme-hsds.md):
 * - ids are our uuids; objects we keep as columns or arrays (languages, category links, the "free" flag, the
 *   address, accessibility) get stable name-based uuids (`stableId`), so the same data always serialises the same.
 * - service.status = hsds_status; verified_at/by → assured_date (YYYY-MM-DD) / assurer_email; updated_at → last_modified.
 * - term_ids → attributes { link_entity 'service', link_type 'category', taxonomy_term_id }.
 * - free → cost_options [{ option 'free', amount 0, currency 'EUR' }].
 * - address columns → one address with address_type 'physical' (HSDS requires its six fields; missing ones are '').
 * - wheelchair → accessibility { description 'wheelchair_accessible' }; accessibility_description/details → a second
 *   accessibility entry.
 * - a closed exception (closed = true) → a schedule without freq and times, valid_from/valid_to as stored, and notes
 *   starting with "closed" (the import reads a schedule with neither freq nor opening time as closed).
 * - null values are left out (HSDS types are not nullable); URLs and e-mails that are not valid are left out too, so
 *   every emitted object validates.
 */
import { createHash } from 'node:crypto';
import type {
  dirContacts,
  dirLocations,
  dirOrganizations,
  dirPhones,
  dirRequiredDocuments,
  dirSchedules,
  dirServiceAreas,
  dirServiceAtLocations,
  dirServices,
  dirTaxonomies,
  dirTaxonomyTerms,
} from '../schema.js';

export type OrgRow = typeof dirOrganizations.$inferSelect;
export type ServiceRow = typeof dirServices.$inferSelect;
export type LocationRow = typeof dirLocations.$inferSelect;
export type SalRow = typeof dirServiceAtLocations.$inferSelect;
export type PhoneRow = typeof dirPhones.$inferSelect;
export type ContactRow = typeof dirContacts.$inferSelect;
export type ScheduleRow = typeof dirSchedules.$inferSelect;
export type AreaRow = typeof dirServiceAreas.$inferSelect;
export type DocRow = typeof dirRequiredDocuments.$inferSelect;
export type TaxonomyRow = typeof dirTaxonomies.$inferSelect;
export type TermRow = typeof dirTaxonomyTerms.$inferSelect;

export type HsdsObject = Record<string, unknown>;

/** Everything needed to serialise a set of objects, grouped by owner. */
export type HsdsBundle = {
  /** The language texts are given in (the region's source language, or ?lang= where translated). */
  language: string;
  languageNames: Map<string, string>;
  organizations: Map<string, OrgRow>;
  services: Map<string, ServiceRow>;
  locations: Map<string, LocationRow>;
  salsByService: Map<string, SalRow[]>;
  phonesByOwner: Map<string, PhoneRow[]>;
  contactsByOwner: Map<string, ContactRow[]>;
  schedulesByOwner: Map<string, ScheduleRow[]>;
  areasByService: Map<string, AreaRow[]>;
  docsByService: Map<string, DocRow[]>;
  terms: Map<string, TermRow>;
  taxonomies: Map<string, TaxonomyRow>;
  accountEmails: Map<string, string>;
  /** Translated fields (camelCase keys) by entity id, for `language`; empty for the source language. */
  translations: Map<string, Record<string, string>>;
};

/** A uuid derived from names (RFC 4122 version 5 layout, SHA-1): the same parts give the same id. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const WHEELCHAIR_MARKER = 'wheelchair_accessible';
export const CLOSED_MARKER = 'closed';

const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The value when it is an absolute URI, else undefined. */
export function validUri(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v);
    return u.protocol && !/\s/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function validEmail(v: string | null | undefined): string | undefined {
  return v && EMAIL.test(v) ? v : undefined;
}

/** Drops undefined, null and empty arrays (HSDS types are not nullable). */
function clean(o: Record<string, unknown>): HsdsObject {
  const out: HsdsObject = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

const str = (v: string | null | undefined): string | undefined => (v === null || v === undefined || v === '' ? undefined : v);

function tr(b: HsdsBundle, id: string, field: string, value: string | null | undefined): string | undefined {
  const t = b.translations.get(id)?.[field];
  return str(t) ?? str(value);
}

function languageObject(b: HsdsBundle, owner: 'service_id' | 'location_id' | 'phone_id', ownerId: string, code: string): HsdsObject {
  return { id: stableId('language', ownerId, code), [owner]: ownerId, name: b.languageNames.get(code) ?? code, code };
}

export function phoneObject(b: HsdsBundle, p: PhoneRow): HsdsObject {
  return clean({
    id: p.id,
    organization_id: p.organizationId,
    service_id: p.serviceId,
    location_id: p.locationId,
    contact_id: p.contactId,
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: str(p.description),
    languages: p.languages.map((code) => languageObject(b, 'phone_id', p.id, code)),
  });
}

export function contactObject(b: HsdsBundle, c: ContactRow): HsdsObject {
  return clean({
    id: c.id,
    organization_id: c.organizationId,
    service_id: c.serviceId,
    location_id: c.locationId,
    name: str(c.name),
    title: str(c.title),
    department: str(c.department),
    email: validEmail(c.email),
    phones: (b.phonesByOwner.get(c.id) ?? []).map((p) => phoneObject(b, p)),
  });
}

export function scheduleObject(s: ScheduleRow): HsdsObject {
  if (s.closed) {
    return clean({
      id: s.id,
      service_id: s.serviceId,
      location_id: s.locationId,
      service_at_location_id: s.serviceAtLocationId,
      valid_from: s.validFrom,
      valid_to: s.validTo,
      description: str(s.description),
      notes: s.notes ? `${CLOSED_MARKER}: ${s.notes}` : CLOSED_MARKER,
      attending_type: str(s.attendingType),
    });
  }
  return clean({
    id: s.id,
    service_id: s.serviceId,
    location_id: s.locationId,
    service_at_location_id: s.serviceAtLocationId,
    valid_from: s.validFrom,
    valid_to: s.validTo,
    freq: s.freq,
    interval: s.interval,
    byday: str(s.byday),
    bymonthday: str(s.bymonthday),
    opens_at: str(s.opensAt),
    closes_at: str(s.closesAt),
    description: str(s.description),
    notes: str(s.notes),
    attending_type: str(s.attendingType),
  });
}

export function taxonomyObject(t: TaxonomyRow): HsdsObject {
  return clean({ id: t.id, name: t.name, description: t.description, uri: validUri(t.uri), version: str(t.version) });
}

export function termObject(b: HsdsBundle, t: TermRow, nestTaxonomy = false): HsdsObject {
  const taxonomy = b.taxonomies.get(t.taxonomyId);
  return clean({
    id: t.id,
    code: t.code,
    name: tr(b, t.id, 'name', t.name) ?? t.name,
    description: tr(b, t.id, 'description', t.description) ?? '',
    parent_id: t.parentId,
    taxonomy: taxonomy?.name,
    taxonomy_id: t.taxonomyId,
    taxonomy_detail: nestTaxonomy && taxonomy ? taxonomyObject(taxonomy) : undefined,
    language: b.translations.has(t.id) ? b.language : undefined,
    term_uri: validUri(t.termUri),
  });
}

function attributeObjects(b: HsdsBundle, s: ServiceRow, nestTerm: boolean): HsdsObject[] {
  return s.termIds
    .filter((id) => b.terms.has(id))
    .map((termId) => {
      const term = b.terms.get(termId);
      return clean({
        id: stableId('attribute', s.id, termId),
        link_id: s.id,
        taxonomy_term_id: termId,
        link_type: 'category',
        link_entity: 'service',
        value: term?.code,
        taxonomy_term: nestTerm && term ? termObject(b, term) : undefined,
      });
    });
}

function addressObjects(l: LocationRow): HsdsObject[] {
  if (!l.address1 && !l.city && !l.postalCode) return [];
  return [
    clean({
      id: stableId('address', l.id),
      location_id: l.id,
      address_1: l.address1 ?? '',
      address_2: str(l.address2),
      city: l.city ?? '',
      state_province: l.stateProvince ?? '',
      postal_code: l.postalCode ?? '',
      country: l.country,
      address_type: 'physical',
    }),
  ];
}

function accessibilityObjects(b: HsdsBundle, l: LocationRow): HsdsObject[] {
  const out: HsdsObject[] = [];
  if (l.wheelchair) out.push({ id: stableId('accessibility', l.id, 'wheelchair'), location_id: l.id, description: WHEELCHAIR_MARKER });
  const description = tr(b, l.id, 'accessibilityDescription', l.accessibilityDescription);
  if (description || l.accessibilityDetails) out.push(clean({ id: stableId('accessibility', l.id, 'description'), location_id: l.id, description, details: str(l.accessibilityDetails) }));
  return out;
}

/** A location with all its children (addresses, phones, contacts, schedules, languages, accessibility). */
export function locationObject(b: HsdsBundle, l: LocationRow): HsdsObject {
  return clean({
    id: l.id,
    location_type: l.locationType,
    url: validUri(l.url),
    organization_id: l.organizationId,
    name: tr(b, l.id, 'name', l.name),
    alternate_name: str(l.alternateName),
    description: tr(b, l.id, 'description', l.description),
    transportation: tr(b, l.id, 'transportation', l.transportation),
    latitude: l.latitude,
    longitude: l.longitude,
    languages: l.languages.map((code) => languageObject(b, 'location_id', l.id, code)),
    addresses: addressObjects(l),
    contacts: (b.contactsByOwner.get(l.id) ?? []).map((c) => contactObject(b, c)),
    accessibility: accessibilityObjects(b, l),
    phones: (b.phonesByOwner.get(l.id) ?? []).map((p) => phoneObject(b, p)),
    schedules: (b.schedulesByOwner.get(l.id) ?? []).map(scheduleObject),
  });
}

/** An organisation: basic (one-to-one fields) or with its phones and contacts (and its locations when `full`). */
export function organizationObject(b: HsdsBundle, o: OrgRow, mode: 'basic' | 'export' | 'full'): HsdsObject {
  const base = {
    id: o.id,
    name: tr(b, o.id, 'name', o.name) ?? o.name,
    alternate_name: tr(b, o.id, 'alternateName', o.alternateName),
    description: tr(b, o.id, 'description', o.description) ?? '',
    email: validEmail(o.email),
    website: validUri(o.website),
    legal_status: str(o.legalStatus),
    parent_organization_id: o.parentOrganizationId,
  };
  if (mode === 'basic') return clean(base);
  const locations = mode === 'full' ? [...b.locations.values()].filter((l) => l.organizationId === o.id).map((l) => locationObject(b, l)) : [];
  return clean({
    ...base,
    phones: (b.phonesByOwner.get(o.id) ?? []).map((p) => phoneObject(b, p)),
    contacts: (b.contactsByOwner.get(o.id) ?? []).map((c) => contactObject(b, c)),
    locations,
  });
}

export function salObject(b: HsdsBundle, sal: SalRow, nestLocation: boolean): HsdsObject {
  const location = nestLocation ? b.locations.get(sal.locationId) : undefined;
  return clean({
    id: sal.id,
    service_id: sal.serviceId,
    location_id: sal.locationId,
    description: str(sal.description),
    schedules: (b.schedulesByOwner.get(sal.id) ?? []).map(scheduleObject),
    location: location ? locationObject(b, location) : undefined,
  });
}

/**
 * A service. basic: one-to-one fields only (lists); export: with every child, organisation and locations by id
 * (the export file lists them once); full: fully nested (organisation and locations inside).
 */
export function serviceObject(b: HsdsBundle, s: ServiceRow, mode: 'basic' | 'export' | 'full'): HsdsObject {
  const base = {
    id: s.id,
    organization_id: s.organizationId,
    name: tr(b, s.id, 'name', s.name) ?? s.name,
    alternate_name: tr(b, s.id, 'alternateName', s.alternateName),
    description: tr(b, s.id, 'description', s.description),
    url: validUri(s.url),
    email: validEmail(s.email),
    status: s.hsdsStatus,
    interpretation_services: tr(b, s.id, 'interpretationServices', s.interpretationServices),
    application_process: tr(b, s.id, 'applicationProcess', s.applicationProcess),
    fees_description: tr(b, s.id, 'feesDescription', s.feesDescription),
    wait_time: tr(b, s.id, 'waitTime', s.waitTime),
    eligibility_description: tr(b, s.id, 'eligibilityDescription', s.eligibilityDescription),
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.verifiedAt ? s.verifiedAt.toISOString().slice(0, 10) : undefined,
    assurer_email: s.verifiedBy ? validEmail(b.accountEmails.get(s.verifiedBy)) : undefined,
    alert: tr(b, s.id, 'alert', s.alert),
    last_modified: s.updatedAt.toISOString(),
  };
  if (mode === 'basic') return clean(base);
  const organization = mode === 'full' ? b.organizations.get(s.organizationId) : undefined;
  return clean({
    ...base,
    phones: (b.phonesByOwner.get(s.id) ?? []).map((p) => phoneObject(b, p)),
    schedules: (b.schedulesByOwner.get(s.id) ?? []).map(scheduleObject),
    service_areas: (b.areasByService.get(s.id) ?? []).map((a) =>
      clean({ id: a.id, service_id: s.id, name: a.name, description: str(a.description), extent: str(a.extent), extent_type: str(a.extentType), uri: str(a.uri) }),
    ),
    service_at_locations: (b.salsByService.get(s.id) ?? []).map((sal) => salObject(b, sal, mode === 'full')),
    languages: s.languages.map((code) => languageObject(b, 'service_id', s.id, code)),
    organization: organization ? organizationObject(b, organization, 'export') : undefined,
    cost_options: s.free ? [{ id: stableId('cost_option', s.id, 'free'), service_id: s.id, option: 'free', amount: 0, currency: 'EUR' }] : [],
    required_documents: (b.docsByService.get(s.id) ?? []).map((d) => clean({ id: d.id, service_id: s.id, document: d.document, uri: validUri(d.uri) })),
    contacts: (b.contactsByOwner.get(s.id) ?? []).map((c) => contactObject(b, c)),
    attributes: attributeObjects(b, s, mode === 'full'),
  });
}
