/**
 * HSDS import: check a file (parse, validate every record against the official schema, check references, compare
 * with what the region has) and store the result as a dir_imports row with a per-record report; then apply it —
 * all of it, or only the valid records when the person chose so after seeing the report — in one transaction
 * through the store's writers.
 *
 * Matching: a record is the region's record with `id = X OR source_id = X`. An id that exists in another region is
 * not reused: the record gets a new id and keeps X as source_id (so a re-import matches it again). Idempotent: each
 * incoming record and the stored one are brought to the same input form (model.ts) and compared; equal records
 * are "unchanged" and not written.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../../platform/auth/permissions.js';
import { AppError, ConflictError, NotFoundError } from '../../../platform/errors.js';
import { accounts } from '../../../platform/schema.js';
import { findRegionWithPath, type RegionRow } from '../../regions/index.js';
import { ensureDefaultTaxonomy } from '../default-taxonomy.js';
import { closingAllowed } from '../hours.js';
import type { ContactInput, LocationInput, OrganizationInput, PhoneInput, ScheduleInput, ServiceInput } from '../model.js';
import { HOME_COUNTRY, normalisePhone } from '../phone.js';
import { dirImports, dirLocations, dirOrganizations, dirServices, dirTaxonomies, dirTaxonomyTerms } from '../schema.js';
import { writeLocation, writeOrganization, writeService } from '../store.js';
import { loadBundle } from './api-queries.js';
import { exportFromBundle } from './export.js';
import { CLOSED_MARKER, WHEELCHAIR_MARKER, type HsdsObject } from './serialize.js';
import { nestTables, readTabularZip, TabularFormatError } from './tabular.js';
import { validateHsds, type HsdsSchemaName } from './validate.js';

export const HSDS_IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Uploads through the admin form are limited by the app-wide multipart limit (app.tsx UPLOAD_LIMIT). */
export const HSDS_FORM_MAX_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportFile = { organizations: HsdsObject[]; services: HsdsObject[]; locations: HsdsObject[]; taxonomies: HsdsObject[]; taxonomy_terms: HsdsObject[] };
export type RecordTable = 'organization' | 'service' | 'location' | 'taxonomy_term';
export type RecordAction = 'new' | 'changed' | 'unchanged' | 'refused';
export type RecordReport = { table: RecordTable; id: string; name: string; action: RecordAction; reasons: string[] };
export type ImportCounts = Record<RecordAction, number>;
export type ImportReport = { counts: ImportCounts; records: RecordReport[]; applied?: ImportCounts | undefined; status?: 'published' | 'draft' | undefined };

/** A file that cannot be read at all: nothing is stored. */
export class HsdsImportError extends AppError {
  constructor(
    readonly reason: 'bad_json' | 'bad_shape' | 'not_zip' | 'too_large' | 'no_tables' | 'bad_csv' | 'empty',
    readonly detail = '',
  ) {
    super(422, `hsds_${reason}`, `hsds.error_${reason}`);
  }
}

// ---------- parsing ----------

const isObj = (v: unknown): v is HsdsObject => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const objs = (v: unknown): HsdsObject[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Moves nested organisations, locations and taxonomy terms of fully nested services to the top level. */
function hoistNested(file: ImportFile): ImportFile {
  const orgIds = new Set(file.organizations.map((o) => String(o.id)));
  const locIds = new Set(file.locations.map((l) => String(l.id)));
  const termIds = new Set(file.taxonomy_terms.map((t) => String(t.id)));
  const services = file.services.map((raw) => {
    const s = { ...raw };
    if (isObj(s.organization)) {
      const org = { ...s.organization };
      if (s.organization_id === undefined) s.organization_id = org.id;
      if (!orgIds.has(String(org.id))) {
        orgIds.add(String(org.id));
        delete org.services;
        file.organizations.push(org);
      }
    }
    delete s.organization;
    if (Array.isArray(s.service_at_locations))
      s.service_at_locations = objs(s.service_at_locations).map((raw2) => {
        const sal = { ...raw2 };
        if (isObj(sal.location)) {
          if (sal.location_id === undefined) sal.location_id = sal.location.id;
          if (!locIds.has(String(sal.location.id))) {
            locIds.add(String(sal.location.id));
            file.locations.push(sal.location);
          }
        }
        delete sal.location;
        return sal;
      });
    if (Array.isArray(s.attributes))
      s.attributes = objs(s.attributes).map((raw2) => {
        const a = { ...raw2 };
        if (isObj(a.taxonomy_term)) {
          if (a.taxonomy_term_id === undefined) a.taxonomy_term_id = a.taxonomy_term.id;
          if (!termIds.has(String(a.taxonomy_term.id))) {
            termIds.add(String(a.taxonomy_term.id));
            file.taxonomy_terms.push(a.taxonomy_term);
          }
        }
        delete a.taxonomy_term;
        return a;
      });
    return s;
  });
  // An organisation's nested locations are listed once too.
  for (const o of file.organizations) {
    for (const l of objs(o.locations)) {
      if (!locIds.has(String(l.id))) {
        locIds.add(String(l.id));
        file.locations.push(l);
      }
    }
    delete o.locations;
  }
  return { ...file, services };
}

/** Reads an uploaded file: HSDS JSON (the export shape, or an array of services) or the tabular zip. */
export function parseHsdsFile(format: 'json' | 'tabular', data: Buffer): ImportFile {
  if (data.length === 0) throw new HsdsImportError('empty');
  if (data.length > HSDS_IMPORT_MAX_BYTES) throw new HsdsImportError('too_large');
  if (format === 'tabular') {
    try {
      const nested = nestTables(readTabularZip(data));
      return hoistNested(nested);
    } catch (err) {
      if (err instanceof TabularFormatError) throw new HsdsImportError(err.reason, err.detail);
      throw err;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new HsdsImportError('bad_json', err instanceof Error ? err.message : '');
  }
  if (Array.isArray(json)) return hoistNested({ organizations: [], services: objs(json), locations: [], taxonomies: [], taxonomy_terms: [] });
  if (!isObj(json) || !(Array.isArray(json.services) || Array.isArray(json.organizations))) throw new HsdsImportError('bad_shape');
  return hoistNested({
    organizations: objs(json.organizations),
    services: objs(json.services),
    locations: objs(json.locations),
    taxonomies: objs(json.taxonomies),
    taxonomy_terms: objs(json.taxonomy_terms),
  });
}

// ---------- HSDS → our input shapes ----------

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type Resolver = {
  org(id: unknown): string | null;
  loc(id: unknown): string | null;
  term(id: unknown): string | null;
  account(email: unknown): string | null;
  /** The id a child keeps: its own when the owner keeps the file's id, else one derived from the owner's. */
  child(ownerTarget: string, ownerFile: string, childId: unknown): string | undefined;
};

const identityChild = (_o: string, _f: string, id: unknown) => (typeof id === 'string' ? id : undefined);

function phoneInput(r: Resolver, owner: [string, string], p: HsdsObject): PhoneInput {
  return {
    id: r.child(owner[0], owner[1], p.id),
    number: String(p.number ?? ''),
    extension: n(p.extension),
    type: s(p.type) ?? 'voice',
    description: s(p.description),
    languages: objs(p.languages)
      .map((l) => s(l.code))
      .filter((c): c is string => Boolean(c)),
  };
}

function contactInput(r: Resolver, owner: [string, string], c: HsdsObject): ContactInput {
  return {
    id: r.child(owner[0], owner[1], c.id),
    name: s(c.name),
    title: s(c.title),
    department: s(c.department),
    email: s(c.email),
    phones: objs(c.phones).map((p) => phoneInput(r, owner, p)),
  };
}

function scheduleInput(r: Resolver, owner: [string, string], x: HsdsObject): ScheduleInput {
  const freq = x.freq === 'WEEKLY' || x.freq === 'MONTHLY' ? x.freq : null;
  const closed = !freq && !s(x.opens_at) && !s(x.closes_at);
  const notes = s(x.notes);
  return {
    id: r.child(owner[0], owner[1], x.id),
    freq,
    interval: n(x.interval),
    byday: s(x.byday),
    bymonthday: s(x.bymonthday),
    opensAt: s(x.opens_at)?.slice(0, 5) ?? null,
    closesAt: s(x.closes_at)?.slice(0, 5) ?? null,
    validFrom: s(x.valid_from)?.slice(0, 10) ?? null,
    validTo: s(x.valid_to)?.slice(0, 10) ?? null,
    closed,
    description: s(x.description),
    notes: closed && notes ? s(notes.replace(new RegExp(`^${CLOSED_MARKER}(?::\\s*)?`, 'i'), '')) : notes,
    attendingType: s(x.attending_type),
  };
}

const codes = (v: unknown) =>
  objs(v)
    .map((l) => s(l.code))
    .filter((c): c is string => Boolean(c));

export function organizationInput(r: Resolver, o: HsdsObject, target: string): OrganizationInput {
  const owner: [string, string] = [target, String(o.id)];
  return {
    name: String(o.name ?? ''),
    alternateName: s(o.alternate_name),
    description: s(o.description) ?? '',
    email: s(o.email),
    website: s(o.website),
    legalStatus: s(o.legal_status),
    parentOrganizationId: o.parent_organization_id ? r.org(o.parent_organization_id) : null,
    phones: objs(o.phones).map((p) => phoneInput(r, owner, p)),
    contacts: objs(o.contacts).map((c) => contactInput(r, owner, c)),
  };
}

export function locationInput(r: Resolver, l: HsdsObject, target: string): LocationInput {
  const owner: [string, string] = [target, String(l.id)];
  const addresses = objs(l.addresses);
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
  const access = objs(l.accessibility);
  const isMarker = (a: HsdsObject) => typeof a.description === 'string' && a.description.trim().toLowerCase().replace(' ', '_') === WHEELCHAIR_MARKER;
  const described = access.find((a) => !isMarker(a));
  const type = l.location_type === 'postal' || l.location_type === 'virtual' ? l.location_type : 'physical';
  return {
    organizationId: l.organization_id ? r.org(l.organization_id) : null,
    locationType: type,
    name: s(l.name) ?? '',
    alternateName: s(l.alternate_name),
    description: s(l.description) ?? '',
    transportation: s(l.transportation),
    url: s(l.url),
    latitude: n(l.latitude),
    longitude: n(l.longitude),
    address1: s(address?.address_1),
    address2: s(address?.address_2),
    postalCode: s(address?.postal_code),
    city: s(address?.city),
    stateProvince: s(address?.state_province),
    country: s(address?.country) ?? 'DE',
    languages: codes(l.languages),
    wheelchair: access.some(isMarker),
    accessibilityDescription: s(described?.description),
    accessibilityDetails: s(described?.details),
    phones: objs(l.phones).map((p) => phoneInput(r, owner, p)),
    contacts: objs(l.contacts).map((c) => contactInput(r, owner, c)),
    schedules: objs(l.schedules).map((x) => scheduleInput(r, owner, x)),
  };
}

export function serviceInput(r: Resolver, x: HsdsObject, target: string): ServiceInput {
  const owner: [string, string] = [target, String(x.id)];
  const assured = s(x.assured_date);
  const status = x.status === 'inactive' || x.status === 'defunct' || x.status === 'temporarily closed' ? x.status : 'active';
  return {
    organizationId: r.org(x.organization_id) ?? '',
    name: String(x.name ?? ''),
    alternateName: s(x.alternate_name),
    description: s(x.description) ?? '',
    url: s(x.url),
    email: s(x.email),
    hsdsStatus: status,
    interpretationServices: s(x.interpretation_services),
    applicationProcess: s(x.application_process),
    feesDescription: s(x.fees_description),
    free: objs(x.cost_options).some((c) => c.option === 'free' || c.amount === 0),
    waitTime: s(x.wait_time),
    eligibilityDescription: s(x.eligibility_description),
    minimumAge: n(x.minimum_age),
    maximumAge: n(x.maximum_age),
    alert: s(x.alert),
    languages: codes(x.languages),
    termIds: [
      ...new Set(
        objs(x.attributes)
          .filter((a) => a.taxonomy_term_id !== undefined && (a.link_type === undefined || a.link_type === 'category'))
          .map((a) => r.term(a.taxonomy_term_id))
          .filter((t): t is string => Boolean(t)),
      ),
    ],
    verifiedAt: assured && /^\d{4}-\d{2}-\d{2}/.test(assured) ? new Date(`${assured.slice(0, 10)}T00:00:00.000Z`) : null,
    verifiedBy: r.account(x.assurer_email),
    phones: objs(x.phones).map((p) => phoneInput(r, owner, p)),
    contacts: objs(x.contacts).map((c) => contactInput(r, owner, c)),
    schedules: objs(x.schedules).map((y) => scheduleInput(r, owner, y)),
    serviceAreas: objs(x.service_areas).map((a) => ({
      id: r.child(owner[0], owner[1], a.id),
      name: String(a.name ?? ''),
      description: s(a.description),
      extent: s(a.extent),
      extentType: s(a.extent_type),
      uri: s(a.uri),
    })),
    requiredDocuments: objs(x.required_documents)
      .filter((d) => s(d.document))
      .map((d) => ({ id: r.child(owner[0], owner[1], d.id), document: String(d.document), uri: s(d.uri) })),
    locations: objs(x.service_at_locations).map((sal) => ({
      id: r.child(owner[0], owner[1], sal.id),
      locationId: r.loc(sal.location_id) ?? '',
      description: s(sal.description),
      schedules: objs(sal.schedules).map((y) => scheduleInput(r, owner, y)),
    })),
  };
}

/** The comparable form: ids dropped, dates as ISO strings, keys in a fixed order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'id' || key === 'sourceId') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

// ---------- extra checks (beyond the schema) ----------

const HHMM = /^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const BYDAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function httpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return true;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function walkChecks(path: string, value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkChecks(`${path}[${i}]`, v, out));
    return;
  }
  if (!isObj(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if ((k === 'url' || k === 'website') && typeof v === 'string' && !httpUrl(v)) out.push(`${p}: not a web address (http/https)`);
    // The form's rule (phone.ts); our regions have no country of their own, they are all German.
    if (k === 'number' && typeof v === 'string' && normalisePhone(v, HOME_COUNTRY) === null) out.push(`${p}: not a phone number`);
    if ((k === 'opens_at' || k === 'closes_at') && typeof v === 'string' && !HHMM.test(v)) out.push(`${p}: not a time (HH:MM)`);
    if (k === 'byday' && typeof v === 'string' && v.split(',').some((d) => !BYDAY.test(d.trim().toUpperCase()))) out.push(`${p}: not a list of days (MO,TU,… or 1MO, -1FR)`);
    if (k === 'languages') for (const [i, l] of objs(v).entries()) if (typeof l.code !== 'string' || !LANG.test(l.code)) out.push(`${p}[${i}].code: not a language code`);
    if (typeof v === 'object') walkChecks(p, v, out);
  }
  if (typeof value.opens_at === 'string' && typeof value.closes_at === 'string' && HHMM.test(value.opens_at) && HHMM.test(value.closes_at)) {
    const [oh = 0, om = 0] = value.opens_at.split(':').map(Number);
    const [ch = 0, cm = 0] = value.closes_at.split(':').map(Number);
    const opens = oh * 60 + om;
    const closes = ch * 60 + cm;
    // The same rule as the form (hours.ts): a slot past midnight (opens 12:00 or later, closes 06:00 or earlier) is fine.
    if (!closingAllowed(opens, closes)) out.push(`${path ? `${path}.` : ''}closes_at: closes before it opens`);
  }
  if (typeof value.opens_at === 'string' && value.freq === undefined) out.push(`${path ? `${path}.` : ''}freq: opening times need a rule (WEEKLY or MONTHLY)`);
}

function coordinateChecks(l: HsdsObject, out: string[]): void {
  const lat = l.latitude;
  const lon = l.longitude;
  if ((lat === undefined) !== (lon === undefined)) out.push('latitude/longitude: give both or neither');
  if (typeof lat === 'number' && (lat < -90 || lat > 90)) out.push('latitude: must be between -90 and 90');
  if (typeof lon === 'number' && (lon < -180 || lon > 180)) out.push('longitude: must be between -180 and 180');
  if (lat === 0 && lon === 0) out.push('latitude/longitude: 0,0 is not a place');
}

/** Every child id inside an object (phones, contacts, schedules, …), for duplicate detection. */
function childIds(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      if (isObj(v) && typeof v.id === 'string') out.push(v.id);
      childIds(v, out);
    }
    return;
  }
  if (!isObj(value)) return;
  for (const v of Object.values(value)) if (typeof v === 'object') childIds(v, out);
}

// ---------- planning ----------

type Planned<T> = { file: HsdsObject; fileId: string; target: string; existingId?: string | undefined; keepsFileId: boolean; input?: T | undefined; report: RecordReport };
type Plan = {
  region: RegionRow;
  organizations: Planned<OrganizationInput>[];
  locations: Planned<LocationInput>[];
  services: Planned<ServiceInput>[];
  terms: Planned<never>[];
  revisions: Map<string, { revision: number; majorRevision: number; verifiedAt: Date | null }>;
  report: ImportReport;
};

function recordName(o: HsdsObject): string {
  return s(o.name) ?? s(o.id) ?? '–';
}

/** Ids (of the file) that already exist in other regions for one table. */
async function takenElsewhere(db: Db, table: typeof dirOrganizations | typeof dirServices | typeof dirLocations | typeof dirTaxonomyTerms, regionId: string, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter((id) => UUID.test(id));
  const found = new Set<string>();
  for (let i = 0; i < valid.length; i += 5000) {
    const rows = await db.select({ id: table.id, regionId: table.regionId }).from(table).where(inArray(table.id, valid.slice(i, i + 5000)));
    for (const r of rows) if (r.regionId !== regionId) found.add(r.id);
  }
  return found;
}

/** Plans an import against the region's current state: ids, references, validity, new/changed/unchanged. */
async function planImport(db: Db, region: RegionRow, file: ImportFile): Promise<Plan> {
  const regionId = region.id;
  // The region's current records (all editorial states) in HSDS form, for matching and comparison.
  const bundle = await loadBundle(db, regionId, { kind: 'region', includeUnpublished: true }, { language: region.sourceLanguage, sourceLanguage: region.sourceLanguage });
  const current = exportFromBundle(bundle, region.slug);
  const revisions = new Map<string, { revision: number; majorRevision: number; verifiedAt: Date | null }>();
  for (const o of bundle.organizations.values()) revisions.set(o.id, { revision: o.revision, majorRevision: o.majorRevision, verifiedAt: null });
  for (const l of bundle.locations.values()) revisions.set(l.id, { revision: l.revision, majorRevision: l.majorRevision, verifiedAt: null });
  for (const sv of bundle.services.values()) revisions.set(sv.id, { revision: sv.revision, majorRevision: sv.majorRevision, verifiedAt: sv.verifiedAt });
  // Services whose organisation is missing from the bundle (none in practice) are still matched through this query.
  const bySource = async (table: typeof dirOrganizations | typeof dirServices | typeof dirLocations) => {
    const rows = await db.select({ id: table.id, sourceId: table.sourceId }).from(table).where(eq(table.regionId, regionId));
    const map = new Map<string, string>();
    for (const r of rows) {
      map.set(r.id, r.id);
      if (r.sourceId && !map.has(r.sourceId)) map.set(r.sourceId, r.id);
    }
    return map;
  };
  // Sequential: planning runs inside the import's transaction (one connection, one query at a time).
  const orgMatch = await bySource(dirOrganizations);
  const locMatch = await bySource(dirLocations);
  const serviceMatch = await bySource(dirServices);
  const termRows = [...bundle.terms.values()];
  const termMatch = new Map<string, string>();
  for (const t of termRows) termMatch.set(t.id, t.id);
  for (const t of termRows) if (t.sourceId && !termMatch.has(t.sourceId)) termMatch.set(t.sourceId, t.id);
  const termByCode = new Map(termRows.map((t) => [t.code, t.id]));

  const orgElsewhere = await takenElsewhere(db, dirOrganizations, regionId, file.organizations.map((o) => String(o.id)));
  const locElsewhere = await takenElsewhere(db, dirLocations, regionId, file.locations.map((o) => String(o.id)));
  const serviceElsewhere = await takenElsewhere(db, dirServices, regionId, file.services.map((o) => String(o.id)));
  const termElsewhere = await takenElsewhere(db, dirTaxonomyTerms, regionId, file.taxonomy_terms.map((o) => String(o.id)));

  // Duplicate ids anywhere in the file (top-level and children).
  const seen = new Map<string, number>();
  const all: string[] = [];
  for (const list of [file.organizations, file.locations, file.services, file.taxonomy_terms]) for (const o of list) if (typeof o.id === 'string') all.push(o.id);
  for (const list of [file.organizations, file.locations, file.services]) for (const o of list) childIds(o, all);
  for (const id of all) seen.set(id, (seen.get(id) ?? 0) + 1);
  const duplicated = (o: HsdsObject): string[] => {
    const ids: string[] = [];
    if (typeof o.id === 'string') ids.push(o.id);
    childIds(o, ids);
    return [...new Set(ids.filter((id) => (seen.get(id) ?? 0) > 1))].map((id) => `id ${id}: used more than once in the file`);
  };

  const plan = <T>(table: RecordTable, schema: HsdsSchemaName, o: HsdsObject, match: Map<string, string>, elsewhere: Set<string>): Planned<T> => {
    const fileId = String(o.id ?? '');
    const reasons = [...validateHsds(schema, o).map((p) => `${p.path}: ${p.message}`), ...duplicated(o)];
    if (table !== 'taxonomy_term') walkChecks('', o, reasons);
    if (table === 'location') coordinateChecks(o, reasons);
    const existingId = match.get(fileId);
    const keepsFileId = existingId ? existingId === fileId : !elsewhere.has(fileId) && UUID.test(fileId);
    const target = existingId ?? (keepsFileId ? fileId : randomUUID());
    return { file: o, fileId, target, existingId, keepsFileId, report: { table, id: fileId, name: recordName(o), action: reasons.length ? 'refused' : 'new', reasons } };
  };
  const orgs = file.organizations.map((o) => plan<OrganizationInput>('organization', 'organization', o, orgMatch, orgElsewhere));
  const locs = file.locations.map((o) => plan<LocationInput>('location', 'location', o, locMatch, locElsewhere));
  const services = file.services.map((o) => plan<ServiceInput>('service', 'service', o, serviceMatch, serviceElsewhere));
  const terms = file.taxonomy_terms.map((o) => {
    const p = plan<never>('taxonomy_term', 'taxonomy_term', o, termMatch, termElsewhere);
    const byCode = typeof o.code === 'string' ? termByCode.get(o.code) : undefined;
    if (!p.existingId && byCode) {
      p.existingId = byCode;
      p.target = byCode;
    }
    if (p.report.action !== 'refused') p.report.action = p.existingId ? 'unchanged' : 'new';
    return p;
  });

  // References resolve to records of the file that are not refused, or to the region's records.
  const fileTarget = (list: Planned<unknown>[]) => new Map(list.filter((p) => p.report.action !== 'refused').map((p) => [p.fileId, p.target]));
  const orgTargets = fileTarget(orgs);
  const locTargets = fileTarget(locs);
  const termTargets = fileTarget(terms);
  const emails = new Set<string>();
  for (const sv of file.services) if (typeof sv.assurer_email === 'string') emails.add(sv.assurer_email.toLowerCase());
  const accountRows = emails.size ? await db.select({ id: accounts.id, email: accounts.email }).from(accounts).where(inArray(accounts.email, [...emails])) : [];
  const accountByEmail = new Map(accountRows.map((a) => [a.email.toLowerCase(), a.id]));
  const childId = (target: string, fileOwner: string, id: unknown) => {
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return target === fileOwner ? id : undefined;
  };
  const derivedChild = (target: string, fileOwner: string, id: unknown) => childId(target, fileOwner, id);
  const resolver: Resolver = {
    org: (id) => (typeof id === 'string' ? (orgTargets.get(id) ?? orgMatch.get(id) ?? null) : null),
    loc: (id) => (typeof id === 'string' ? (locTargets.get(id) ?? locMatch.get(id) ?? null) : null),
    term: (id) => (typeof id === 'string' ? (termTargets.get(id) ?? termMatch.get(id) ?? null) : null),
    account: (email) => (typeof email === 'string' ? (accountByEmail.get(email.toLowerCase()) ?? null) : null),
    child: derivedChild,
  };
  const known: Resolver = {
    org: (id) => (typeof id === 'string' ? id : null),
    loc: (id) => (typeof id === 'string' ? id : null),
    term: (id) => (typeof id === 'string' ? id : null),
    account: resolver.account,
    child: identityChild,
  };
  const refuse = (p: Planned<unknown>, reason: string) => {
    p.report.action = 'refused';
    p.report.reasons.push(reason);
  };
  const currentOrgs = new Map(current.organizations.map((o) => [String(o.id), o]));
  const currentLocs = new Map(current.locations.map((o) => [String(o.id), o]));
  const currentServices = new Map(current.services.map((o) => [String(o.id), o]));

  for (const p of orgs) {
    if (p.report.action === 'refused') continue;
    if (p.file.parent_organization_id !== undefined && !resolver.org(p.file.parent_organization_id)) refuse(p, `parent_organization_id: unknown organization ${String(p.file.parent_organization_id)}`);
  }
  for (const p of locs) {
    if (p.report.action === 'refused') continue;
    if (p.file.organization_id !== undefined && !resolver.org(p.file.organization_id)) refuse(p, `organization_id: unknown or refused organization ${String(p.file.organization_id)}`);
  }
  for (const p of services) {
    if (p.report.action === 'refused') continue;
    if (!resolver.org(p.file.organization_id)) refuse(p, `organization_id: unknown or refused organization ${String(p.file.organization_id ?? '')}`);
    for (const sal of objs(p.file.service_at_locations))
      if (!resolver.loc(sal.location_id)) refuse(p, `service_at_locations: unknown or refused location ${String(sal.location_id ?? '')}`);
    for (const a of objs(p.file.attributes))
      if (a.taxonomy_term_id !== undefined && (a.link_type === undefined || a.link_type === 'category') && !resolver.term(a.taxonomy_term_id))
        refuse(p, `attributes: unknown taxonomy term ${String(a.taxonomy_term_id)}`);
  }
  // Compare what would be written with what is stored.
  const decide = <T>(list: Planned<T>[], convert: (r: Resolver, o: HsdsObject, target: string) => T, currentMap: Map<string, HsdsObject>) => {
    for (const p of list) {
      if (p.report.action === 'refused') continue;
      p.input = convert(resolver, p.file, p.target);
      if (!p.existingId) {
        p.report.action = 'new';
        continue;
      }
      const stored = currentMap.get(p.existingId);
      p.report.action = stored && canonical(convert(known, stored, p.existingId)) === canonical(p.input) ? 'unchanged' : 'changed';
    }
  };
  decide(orgs, organizationInput, currentOrgs);
  decide(locs, locationInput, currentLocs);
  decide(services, serviceInput, currentServices);

  const records = [...orgs, ...locs, ...services, ...terms].map((p) => p.report);
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const r of records) counts[r.action] += 1;
  return { region, organizations: orgs, locations: locs, services, terms, revisions, report: { counts, records } };
}

async function loadRegion(db: Db, actor: Actor, regionId: string): Promise<RegionRow> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  assertCan(actor, 'directory.edit', found.path);
  return found.region;
}

export type HsdsImportRow = typeof dirImports.$inferSelect;

/** Parses and checks a file, stores it with its report (nothing else is written). Throws HsdsImportError for unreadable files. */
export async function checkHsdsImport(db: Db, actor: Actor, input: { regionId: string; format: 'json' | 'tabular'; filename: string; data: Buffer }): Promise<{ importId: string; report: ImportReport }> {
  const region = await loadRegion(db, actor, input.regionId);
  const file = parseHsdsFile(input.format, input.data);
  if (!file.services.length && !file.organizations.length && !file.locations.length) throw new HsdsImportError('empty');
  const { report } = await planImport(db, region, file);
  const [row] = await db
    .insert(dirImports)
    .values({ regionId: region.id, format: input.format, filename: input.filename.slice(0, 200), payload: file as unknown as Record<string, unknown>, report: report as unknown as Record<string, unknown>, createdBy: actor.id })
    .returning({ id: dirImports.id });
  if (!row) throw new Error('import insert returned nothing');
  return { importId: row.id, report };
}

/** One stored import of the region (for the report page). */
export async function getHsdsImport(db: Db, actor: Actor, regionId: string, importId: string): Promise<{ region: RegionRow; row: HsdsImportRow; report: ImportReport }> {
  const region = await loadRegion(db, actor, regionId);
  if (!UUID.test(importId)) throw new NotFoundError();
  const [row] = await db.select().from(dirImports).where(and(eq(dirImports.id, importId), eq(dirImports.regionId, region.id)));
  if (!row) throw new NotFoundError();
  return { region, row, report: row.report as unknown as ImportReport };
}

/** The region's recent imports, newest first. */
export async function listHsdsImports(db: Db, actor: Actor, regionId: string): Promise<{ region: RegionRow; imports: Omit<HsdsImportRow, 'payload'>[] }> {
  const region = await loadRegion(db, actor, regionId);
  const { payload: _payload, ...columns } = getTableColumns(dirImports);
  void _payload;
  const imports = await db.select(columns).from(dirImports).where(eq(dirImports.regionId, region.id)).orderBy(desc(dirImports.createdAt)).limit(20);
  return { region, imports };
}

/** Discards a checked import (its payload is dropped). */
export async function discardHsdsImport(db: Db, actor: Actor, input: { regionId: string; importId: string }): Promise<void> {
  const { row } = await getHsdsImport(db, actor, input.regionId, input.importId);
  if (row.state !== 'checked') throw new ConflictError('hsds_import_done', 'hsds.error_import_done');
  await db.update(dirImports).set({ state: 'discarded', payload: null }).where(eq(dirImports.id, row.id));
}

function slugCode(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'term'
  );
}

/** Creates the file's taxonomy terms that the region lacks (and their taxonomies), in one go. */
async function ensureTerms(tx: Db, region: RegionRow, file: ImportFile, terms: Planned<never>[]): Promise<number> {
  const wanted = terms.filter((p) => p.report.action === 'new');
  if (!wanted.length) return 0;
  const taxonomies = await tx.select().from(dirTaxonomies).where(eq(dirTaxonomies.regionId, region.id));
  const taxonomyTarget = new Map<string, string>();
  for (const t of taxonomies) {
    taxonomyTarget.set(t.id, t.id);
    if (t.sourceId) taxonomyTarget.set(t.sourceId, t.id);
  }
  const fileTaxonomies = new Map(file.taxonomies.map((t) => [String(t.id), t]));
  const taxonomyFor = async (term: HsdsObject): Promise<string> => {
    const fileTaxId = typeof term.taxonomy_id === 'string' ? term.taxonomy_id : undefined;
    if (fileTaxId && taxonomyTarget.has(fileTaxId)) return taxonomyTarget.get(fileTaxId) ?? '';
    const fileTax = fileTaxId ? fileTaxonomies.get(fileTaxId) : undefined;
    const byName = taxonomies.find((t) => t.name === (fileTax?.name ?? term.taxonomy));
    if (byName) return byName.id;
    if (!fileTax && !s(term.taxonomy)) return ensureDefaultTaxonomy(tx, region);
    const [row] = await tx
      .insert(dirTaxonomies)
      .values({ regionId: region.id, sourceId: fileTaxId ?? null, name: s(fileTax?.name) ?? s(term.taxonomy) ?? 'Import', description: s(fileTax?.description) ?? '', uri: s(fileTax?.uri), version: s(fileTax?.version) })
      .returning();
    if (!row) throw new Error('taxonomy insert returned nothing');
    taxonomies.push(row);
    if (fileTaxId) taxonomyTarget.set(fileTaxId, row.id);
    return row.id;
  };
  const used = new Set((await tx.select({ code: dirTaxonomyTerms.code }).from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id))).map((r) => r.code));
  for (const [position, p] of wanted.entries()) {
    let code = s(p.file.code) ?? slugCode(recordName(p.file));
    for (let i = 2; used.has(code); i++) code = `${s(p.file.code) ?? slugCode(recordName(p.file))}-${i}`;
    used.add(code);
    await tx.insert(dirTaxonomyTerms).values({
      id: p.target,
      regionId: region.id,
      sourceId: p.keepsFileId ? null : p.fileId,
      taxonomyId: await taxonomyFor(p.file),
      code,
      name: recordName(p.file),
      description: s(p.file.description) ?? '',
      termUri: s(p.file.term_uri),
      position: 1000 + position,
    });
  }
  const targets = new Map(terms.map((p) => [p.fileId, p.target]));
  for (const p of wanted) {
    const parent = typeof p.file.parent_id === 'string' ? targets.get(p.file.parent_id) : undefined;
    if (parent && parent !== p.target) await tx.update(dirTaxonomyTerms).set({ parentId: parent }).where(eq(dirTaxonomyTerms.id, p.target));
  }
  return wanted.length;
}

/** Organisations in an order where a parent comes before its children (parents inside the file). */
function parentsFirst(list: Planned<OrganizationInput>[]): Planned<OrganizationInput>[] {
  const byTarget = new Map(list.map((p) => [p.target, p]));
  const out: Planned<OrganizationInput>[] = [];
  const done = new Set<string>();
  const visit = (p: Planned<OrganizationInput>, depth: number) => {
    if (done.has(p.target) || depth > 50) return;
    done.add(p.target);
    const parent = p.input?.parentOrganizationId ? byTarget.get(p.input.parentOrganizationId) : undefined;
    if (parent) visit(parent, depth + 1);
    out.push(p);
  };
  for (const p of list) visit(p, 0);
  return out;
}

/**
 * Applies a checked import in one transaction: new and changed records are written, unchanged ones are not. With
 * refused records, only `partial: true` (the person's explicit choice) applies the valid ones.
 */
export async function applyHsdsImport(
  db: Db,
  actor: Actor,
  input: { regionId: string; importId: string; partial: boolean; status?: 'published' | 'draft' | undefined; requestId?: string | undefined },
): Promise<{ counts: ImportCounts; state: 'applied' | 'applied_partly' }> {
  const { region, row } = await getHsdsImport(db, actor, input.regionId, input.importId);
  if (row.state !== 'checked' || !row.payload) throw new ConflictError('hsds_import_done', 'hsds.error_import_done');
  const file = row.payload as unknown as ImportFile;
  const status = input.status ?? 'published';
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, region, file);
    const refused = plan.report.counts.refused;
    if (refused > 0 && !input.partial) throw new ConflictError('hsds_import_has_errors', 'hsds.error_has_errors');
    const createdTerms = await ensureTerms(tx, region, file, plan.terms);
    const applied: ImportCounts = { new: createdTerms, changed: 0, unchanged: plan.report.counts.unchanged, refused };
    const opts = (p: Planned<unknown>) => {
      const rev = p.existingId ? plan.revisions.get(p.existingId) : undefined;
      return { existingId: p.existingId, actorId: actor.id, ...(rev ? { revision: rev.revision + 1, majorRevision: rev.revision + 1 } : {}) };
    };
    const managed = (p: Planned<unknown>) => ({ ...(p.existingId ? {} : { id: p.target }), sourceId: p.keepsFileId ? null : p.fileId, status });
    const writeList = async <T>(list: Planned<T>[], write: (p: Planned<T>, i: T) => Promise<unknown>) => {
      for (const p of list) {
        if ((p.report.action !== 'new' && p.report.action !== 'changed') || !p.input) continue;
        await write(p, p.input);
        applied[p.report.action] += 1;
      }
    };
    const orgsOrdered = parentsFirst(plan.organizations);
    // A parent that is itself written later in the same import would break the reference: parents are set after.
    await writeList(orgsOrdered, (p, i) => writeOrganization(tx, region.id, { ...i, ...managed(p) }, opts(p)));
    await writeList(plan.locations, (p, i) => writeLocation(tx, region.id, { ...i, ...managed(p), ...(i.latitude != null ? { geoSource: 'import' } : {}) }, opts(p)));
    await writeList(plan.services, (p, i) => {
      const rev = p.existingId ? plan.revisions.get(p.existingId) : undefined;
      // Same assured date as stored: keep the stored time of day.
      const keepVerified = rev?.verifiedAt && i.verifiedAt && rev.verifiedAt.toISOString().slice(0, 10) === i.verifiedAt.toISOString().slice(0, 10);
      return writeService(tx, region.id, { ...i, ...managed(p), ...(keepVerified ? { verifiedAt: rev.verifiedAt } : {}) }, opts(p));
    });
    const state = refused > 0 ? 'applied_partly' : 'applied';
    const report: ImportReport = { ...plan.report, applied, status };
    await tx
      .update(dirImports)
      .set({ state, appliedAt: new Date(), report: report as unknown as Record<string, unknown> })
      .where(and(eq(dirImports.id, row.id), eq(dirImports.regionId, region.id), eq(dirImports.state, 'checked')));
    await recordAudit(tx, actor, {
      regionId: region.id,
      action: 'directory.hsds_import',
      entityType: 'dir_import',
      entityId: row.id,
      after: { filename: row.filename, format: row.format, state, status, new: applied.new, changed: applied.changed, unchanged: applied.unchanged, refused },
      requestId: input.requestId ?? null,
    });
    return { counts: applied, state };
  });
}
