/**
 * The directory's editorial rules: who may edit what (editors of the region; partners only their organisations'
 * entries, through review), validation of the admin forms (forms.ts), revisions and conflicts, duplicate warnings,
 * the status flow draft → review → published → archived, verification, translations and the category tree. Object
 * content is written through store.ts; every write runs in one transaction and lands in the audit log.
 *
 * Revisions: every save names the revision it started from (`revision`); a stale save is refused with
 * ConflictError('revision_conflict') carrying the current values. A save that changes a translatable text bumps
 * `majorRevision` unless it is marked minor; translations whose `sourceRevision` is below it are outdated.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, can, type Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import type { FormValues } from '../../web/components/forms.js';
import { findRegionWithPath, listLanguages, saveSettingsSection, type RegionRow, type SettingsSection } from '../regions/index.js';
import { ensureDefaultTaxonomy } from './default-taxonomy.js';
import {
  locationValues,
  organizationValues,
  parseLocationForm,
  parseOrganizationForm,
  parseServiceForm,
  serviceValues,
  type FormOptions,
  type ParseResult,
} from './forms.js';
import { geocode, GeocoderError, type GeocodeResult } from './geocoder.js';
import { TRANSLATABLE_FIELDS, type LocationInput, type OrganizationInput, type ServiceInput } from './model.js';
import {
  countServicesOfOrganization,
  countServicesWithTerm,
  duplicateCandidates,
  findFirstTaxonomy,
  findLocation,
  findOrganization,
  findPartnerAccount,
  findService,
  findTerm,
  findTranslation,
  isUuid,
  listEditorsOfOrganization,
  listLocations,
  listReviewQueue,
  listServices,
  listOrganizations,
  listTerms,
  listTranslations,
  locationInput,
  organizationIdsOfEditor,
  organizationInput,
  serviceIdsAffectedBy,
  serviceInput,
  type DuplicateCandidate as EntryDuplicate,
  type LocationRow,
  type OrganizationRow,
  type ServiceRow,
  type TermRow,
  type TranslationRow,
} from './queries.js';
import { dirLocations, dirOrganizationEditors, dirOrganizations, dirServices, dirTaxonomyTerms, dirTranslations, EDITORIAL_STATUSES, type EditorialStatus, type TranslatableKind } from './schema.js';
import { directorySettings, type DirectorySettings } from './settings.js';
import { changedSettings, directorySettingsValues, parseDirectorySettingsForm } from './settings-form.js';
import { refreshServiceSearch, writeLocation, writeOrganization, writeService } from './store.js';

/** An existing place a new one may duplicate: same name and address, or (almost) the same coordinates. */
export type LocationDuplicate = { kind: 'location'; id: string; name: string; reason: 'name_address' | 'coordinates' };
/** An existing entry a new one may duplicate; the form asks to confirm with "create anyway". */
export type DuplicateCandidate = EntryDuplicate | LocationDuplicate;

// ---------- access ----------

export type DirectoryContext = {
  region: RegionRow;
  path: string[];
  settings: DirectorySettings;
  /** Editors of the region (directory.edit) see and change everything; partners only their organisations. */
  isEditor: boolean;
  /** The partner's organisations; undefined for editors. */
  partnerOrgIds: string[] | undefined;
};

/**
 * The directory of a region as the actor may work on it: 404 for an unknown region, 403 without directory.edit or
 * directory.edit_own. The first visit creates the region's default category tree.
 */
export async function openDirectory(db: Db, actor: Actor, regionId: string): Promise<DirectoryContext> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  const { region, path } = found;
  const isEditor = can(actor, 'directory.edit', path);
  if (!isEditor) assertCan(actor, 'directory.edit_own', path);
  if (!(await findFirstTaxonomy(db, region.id))) await db.transaction((tx) => ensureDefaultTaxonomy(tx, region));
  return { region, path, settings: directorySettings(region.settings), isEditor, partnerOrgIds: isEditor ? undefined : await organizationIdsOfEditor(db, region.id, actor.id) };
}

function assertEditor(ctx: DirectoryContext): void {
  if (!ctx.isEditor) throw new ForbiddenError();
}

/** Partners reach only their organisations' entries; others look like they do not exist. */
function assertOwns(ctx: DirectoryContext, organizationId: string | null): void {
  if (ctx.partnerOrgIds && (!organizationId || !ctx.partnerOrgIds.includes(organizationId))) throw new NotFoundError();
}

/** The choices of the forms: languages, categories, locations and organisations the actor may pick. */
export async function formOptions(db: Db, ctx: DirectoryContext): Promise<FormOptions & { terms: TermRow[]; locations: LocationRow[]; organizations: OrganizationRow[] }> {
  const installation = (await listLanguages(db)).map((l) => l.code);
  const languages = [...new Set([...ctx.region.languages, ...installation])];
  const [terms, locations, organizations] = await Promise.all([listTerms(db, ctx.region.id), listLocations(db, ctx.region.id, ctx.partnerOrgIds), listOrganizations(db, ctx.region.id, ctx.partnerOrgIds)]);
  return {
    languages,
    terms,
    locations,
    organizations,
    termIds: terms.map((t) => t.id),
    locationIds: locations.map((l) => l.id),
    organizationIds: organizations.map((o) => o.id),
  };
}

// ---------- kinds ----------

export type ObjectKind = 'service' | 'organization' | 'location';
type AnyInput = ServiceInput | OrganizationInput | LocationInput;
type AnyRow = ServiceRow | OrganizationRow | LocationRow;

const tables = { service: dirServices, organization: dirOrganizations, location: dirLocations } as const;

async function findRow(db: Db, kind: ObjectKind, regionId: string, id: string, lock = false): Promise<AnyRow | undefined> {
  if (kind === 'service') return findService(db, regionId, id, { lock });
  if (kind === 'organization') return findOrganization(db, regionId, id, { lock });
  return findLocation(db, regionId, id, { lock });
}

function ownerOf(kind: ObjectKind, row: AnyRow): string | null {
  if (kind === 'organization') return row.id;
  return (row as ServiceRow | LocationRow).organizationId;
}

async function inputOf(db: Db, kind: ObjectKind, row: AnyRow): Promise<AnyInput> {
  if (kind === 'service') return serviceInput(db, row as ServiceRow);
  if (kind === 'organization') return organizationInput(db, row as OrganizationRow);
  return locationInput(db, row as LocationRow);
}

export function valuesOf(kind: ObjectKind, input: AnyInput): FormValues {
  if (kind === 'service') return serviceValues(input as ServiceInput);
  if (kind === 'organization') return organizationValues(input as OrganizationInput);
  return locationValues(input as LocationInput);
}

function parseFor(kind: ObjectKind, values: FormValues, opts: FormOptions): ParseResult<AnyInput> {
  if (kind === 'service') return parseServiceForm(values, opts);
  if (kind === 'organization') return parseOrganizationForm(values, opts);
  return parseLocationForm(values, opts);
}

async function writeKind(tx: Db, kind: ObjectKind, regionId: string, input: AnyInput, opts: Parameters<typeof writeService>[3]): Promise<string> {
  if (kind === 'service') return writeService(tx, regionId, input as ServiceInput, opts);
  if (kind === 'organization') return writeOrganization(tx, regionId, input as OrganizationInput, opts);
  return writeLocation(tx, regionId, input as LocationInput, opts);
}

/** JSON form of an input for pending changes and the audit log (no Dates, no undefined). */
function plain(input: AnyInput): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}

/** Top-level fields whose values differ between two inputs. */
export function changedFields(before: AnyInput | Record<string, unknown>, after: AnyInput | Record<string, unknown>): string[] {
  const a = plain(before as AnyInput);
  const b = plain(after as AnyInput);
  const norm = (v: unknown) => JSON.stringify(v ?? null) === '[]' || v === '' ? 'null' : JSON.stringify(v ?? null);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => norm(a[k]) !== norm(b[k]));
}

/** Form groups whose values differ (`phones.1.number` → `phones`), for the conflict notice. */
export function changedFormFields(mine: FormValues, theirs: FormValues): string[] {
  const skip = /^(rows\.|revision$|minor$|createAnyway$|add$|intent$|status$|geoSource$)/;
  const group = (k: string) => k.split('.')[0] ?? k;
  const norm = (v: FormValues[string]) => (Array.isArray(v) ? v.filter(Boolean).join('\n') : (v ?? '')).trim();
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)].filter((k) => !skip.test(k)));
  return [...new Set([...keys].filter((k) => norm(mine[k]) !== norm(theirs[k])).map(group))];
}

function textChanged(kind: ObjectKind, before: AnyInput, after: AnyInput): boolean {
  const fields = TRANSLATABLE_FIELDS[kind] as readonly string[];
  return changedFields(before, after).some((f) => fields.includes(f));
}

/** Model fields without a form field: a save keeps their stored values. */
const FORMLESS_FIELDS: Record<ObjectKind, string[]> = {
  service: [],
  organization: ['parentOrganizationId'],
  location: ['alternateName', 'address2', 'stateProvince', 'accessibilityDetails', 'locationType', 'url', 'contacts', 'country'],
};

/** A stale save: the current values, and which fields differ from what the user submitted. */
export type RevisionConflict = { revision: number; values: FormValues; changed: string[] };

/** Possible duplicates of a new entry; the form asks to confirm with "create anyway". */
export class DuplicatesFoundError extends AppError {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super(409, 'possible_duplicates', 'directory-admin.duplicates_title');
  }
}

// ---------- reading ----------

export type Editable<K extends ObjectKind> = {
  kind: K;
  row: K extends 'service' ? ServiceRow : K extends 'organization' ? OrganizationRow : LocationRow;
  input: AnyInput;
  /** A partner's proposal awaiting review (null when none). */
  pending: Record<string, unknown> | null;
  values: FormValues;
};

/** One object for its edit form (a partner sees their pending proposal when there is one). */
export async function getForEdit<K extends ObjectKind>(db: Db, ctx: DirectoryContext, kind: K, id: string): Promise<Editable<K>> {
  const row = await findRow(db, kind, ctx.region.id, id);
  if (!row) throw new NotFoundError();
  assertOwns(ctx, ownerOf(kind, row));
  const input = await inputOf(db, kind, row);
  const pending = row.pendingChange ?? null;
  const shown = ctx.partnerOrgIds && pending ? (pending as AnyInput) : input;
  return { kind, row: row as Editable<K>['row'], input, pending, values: { ...valuesOf(kind, shown), revision: String(row.revision) } };
}

// ---------- duplicates ----------

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
/** A name or street for comparison: lower case, umlauts spelled out, accents, punctuation and spaces removed. */
export function normaliseName(s: string | null | undefined): string {
  return (s ?? '')
    .toLocaleLowerCase('de')
    .replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/stra(ss)?e\b|str\./g, 'str')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Services and organisations of the region that look like the new entry (same name and address, or same phone). */
export async function findDuplicates(db: Db, regionId: string, kind: 'service' | 'organization', input: ServiceInput | OrganizationInput, addresses: { postalCode: string | null; address1: string | null }[]): Promise<DuplicateCandidate[]> {
  const phones = [...(input.phones ?? []), ...(input.contacts ?? []).flatMap((c) => c.phones ?? [])].map((p) => p.number);
  const data = await duplicateCandidates(db, regionId, phones);
  const name = normaliseName(input.name);
  const out = new Map<string, DuplicateCandidate>();
  const addressKeys = new Set(addresses.filter((a) => a.postalCode && a.address1).map((a) => `${a.postalCode}|${normaliseName(a.address1)}`));
  if (kind === 'service') {
    for (const s of data.services) {
      if (normaliseName(s.name) === name && s.postalCode && s.address1 && addressKeys.has(`${s.postalCode}|${normaliseName(s.address1)}`)) out.set(s.id, { kind: 'service', id: s.id, name: s.name, reason: 'name_address' });
    }
  } else {
    for (const o of data.organizations) if (normaliseName(o.name) === name) out.set(o.id, { kind: 'organization', id: o.id, name: o.name, reason: 'name' });
  }
  for (const p of data.phoneOwners) {
    const id = p.serviceId ?? p.organizationId;
    if (!id || out.has(id)) continue;
    const found = p.serviceId ? data.services.find((s) => s.id === p.serviceId) : data.organizations.find((o) => o.id === p.organizationId);
    if (found) out.set(id, { kind: p.serviceId ? 'service' : 'organization', id, name: found.name, reason: 'phone' });
  }
  return [...out.values()];
}

/** Places closer than this count as the same place. */
export const SAME_PLACE_METRES = 25;

/** Great-circle distance in metres (haversine). */
function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Places of the region (not archived) that look like the new one: same name, street and postcode, or within SAME_PLACE_METRES. */
export async function findLocationDuplicates(db: Db, regionId: string, input: LocationInput): Promise<LocationDuplicate[]> {
  const name = normaliseName(input.name);
  const street = normaliseName(input.address1);
  const here = input.latitude != null && input.longitude != null ? { lat: input.latitude, lon: input.longitude } : null;
  const out: LocationDuplicate[] = [];
  for (const l of await listLocations(db, regionId)) {
    if (l.archivedAt) continue;
    const sameAddress = Boolean(name && street && input.postalCode) && normaliseName(l.name) === name && normaliseName(l.address1) === street && l.postalCode === input.postalCode;
    const samePlace = here !== null && l.latitude != null && l.longitude != null && metresBetween(here, { lat: l.latitude, lon: l.longitude }) <= SAME_PLACE_METRES;
    if (sameAddress || samePlace) out.push({ kind: 'location', id: l.id, name: l.name, reason: sameAddress ? 'name_address' : 'coordinates' });
  }
  return out;
}

// ---------- saving ----------

export type SaveInput = { regionId: string; kind: ObjectKind; id?: string | undefined; values: FormValues; requestId?: string | null };
export type SaveResult = { id: string; outcome: 'created' | 'saved' | 'proposed' | 'submitted' };

/**
 * Creates or updates an object from its form. Editors write directly (a new entry gets the chosen status); a partner's
 * new entry starts in review, and a partner's change of a published entry is kept as a pending change for review.
 * Throws ValidationError (422), DuplicatesFoundError (new entries, unless "create anyway"), ConflictError
 * ('revision_conflict', with a RevisionConflict) and 403/404.
 */
export async function saveObject(db: Db, actor: Actor, input: SaveInput): Promise<SaveResult> {
  const ctx = await openDirectory(db, actor, input.regionId);
  if (input.kind === 'organization' && !input.id) assertEditor(ctx);
  const options = await formOptions(db, ctx);
  return db.transaction(async (tx) => {
    const row = input.id ? await findRow(tx, input.kind, ctx.region.id, input.id, true) : undefined;
    if (input.id && !row) throw new NotFoundError();
    if (row) assertOwns(ctx, ownerOf(input.kind, row));
    const parsed = parseFor(input.kind, input.values, options);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    const data = parsed.input;
    if (input.kind === 'location' && ctx.partnerOrgIds && !(data as LocationInput).organizationId) throw new ValidationError({ organizationId: { key: 'validation.required' } });

    if (!row) return create(tx, actor, ctx, input, data, options);

    const revision = Number(input.values.revision);
    const current = await inputOf(tx, input.kind, row);
    if (!Number.isInteger(revision) || revision !== row.revision) {
      const values = valuesOf(input.kind, current);
      throw new ConflictError('revision_conflict', 'errors.revision_conflict', {
        revision: row.revision,
        values,
        changed: changedFormFields(input.values, values),
      } satisfies RevisionConflict);
    }
    // Fields the forms do not show (imported data) are kept as they are.
    for (const key of FORMLESS_FIELDS[input.kind]) {
      const record = data as Record<string, unknown>;
      record[key] = (current as Record<string, unknown>)[key];
    }
    if (input.kind === 'service') {
      // Schedules of a service at a location (from imports) have no form fields; keep them.
      const kept = (current as ServiceInput).locations ?? [];
      (data as ServiceInput).locations = ((data as ServiceInput).locations ?? []).map((l) => ({ ...l, schedules: kept.find((k) => k.locationId === l.locationId)?.schedules }));
    }
    const entity = `directory_${input.kind}`;
    if (ctx.partnerOrgIds && row.status === 'published') {
      await tx
        .update(tables[input.kind])
        .set({ pendingChange: plain(data), pendingBy: actor.id, pendingAt: new Date() })
        .where(and(eq(tables[input.kind].id, row.id), eq(tables[input.kind].regionId, ctx.region.id)));
      await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.propose`, entityType: entity, entityId: row.id, before: plain(current), after: plain(data), requestId: input.requestId ?? null });
      return { id: row.id, outcome: 'proposed' as const };
    }
    const minor = input.values.minor === '1';
    const next = row.revision + 1;
    const majorRevision = textChanged(input.kind, current, data) && !minor ? next : row.majorRevision;
    await writeKind(tx, input.kind, ctx.region.id, { ...data, status: row.status }, { existingId: row.id, actorId: actor.id, revision: next, majorRevision });
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.update`, entityType: entity, entityId: row.id, before: plain(current), after: plain(data), requestId: input.requestId ?? null });
    return { id: row.id, outcome: 'saved' as const };
  });
}

async function create(tx: Db, actor: Actor, ctx: DirectoryContext, input: SaveInput, data: AnyInput, options: Awaited<ReturnType<typeof formOptions>>): Promise<SaveResult> {
  if (input.values.createAnyway !== '1') {
    const addresses = input.kind === 'service' ? options.locations.filter((l) => ((data as ServiceInput).locations ?? []).some((x) => x.locationId === l.id)) : [];
    const duplicates: DuplicateCandidate[] =
      input.kind === 'location' ? await findLocationDuplicates(tx, ctx.region.id, data as LocationInput) : await findDuplicates(tx, ctx.region.id, input.kind, data as ServiceInput | OrganizationInput, addresses);
    if (duplicates.length) throw new DuplicatesFoundError(duplicates);
  }
  const wanted = String(input.values.status ?? '');
  const status: EditorialStatus = ctx.partnerOrgIds ? 'review' : wanted === 'draft' || wanted === 'review' ? wanted : 'published';
  const id = await writeKind(tx, input.kind, ctx.region.id, { ...data, status }, { actorId: actor.id });
  await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.create`, entityType: `directory_${input.kind}`, entityId: id, after: { ...plain(data), status }, requestId: input.requestId ?? null });
  return { id, outcome: ctx.partnerOrgIds ? 'submitted' : 'created' };
}

// ---------- status ----------

export const STATUS_ACTIONS = ['publish', 'archive', 'unarchive', 'submit', 'draft'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const TARGET: Record<StatusAction, { from: EditorialStatus[]; to: EditorialStatus }> = {
  publish: { from: ['draft', 'review'], to: 'published' },
  submit: { from: ['draft'], to: 'review' },
  draft: { from: ['review', 'published'], to: 'draft' },
  archive: { from: ['draft', 'review', 'published'], to: 'archived' },
  // Back to draft: an editor looks at an entry again before readers see it.
  unarchive: { from: ['archived'], to: 'draft' },
};

/** Moves an object along draft → review → published → archived. Partners may only submit their drafts for review. */
export async function changeStatus(db: Db, actor: Actor, input: { regionId: string; kind: ObjectKind; id: string; action: string; requestId?: string | null }): Promise<EditorialStatus> {
  const ctx = await openDirectory(db, actor, input.regionId);
  const action = (STATUS_ACTIONS as readonly string[]).includes(input.action) ? (input.action as StatusAction) : null;
  if (!action) throw new ValidationError({ action: { key: 'validation.choose_valid' } });
  if (action !== 'submit') assertEditor(ctx);
  return db.transaction(async (tx) => {
    const row = await findRow(tx, input.kind, ctx.region.id, input.id, true);
    if (!row) throw new NotFoundError();
    assertOwns(ctx, ownerOf(input.kind, row));
    const { from, to } = TARGET[action];
    if (!from.includes(row.status)) throw new AppError(409, 'status_not_allowed', 'directory-admin.error_status');
    await setStatus(tx, input.kind, ctx.region.id, row.id, to);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.${action}`, entityType: `directory_${input.kind}`, entityId: row.id, before: { status: row.status }, after: { status: to }, requestId: input.requestId ?? null });
    return to;
  });
}

async function setStatus(tx: Db, kind: ObjectKind, regionId: string, id: string, status: EditorialStatus): Promise<void> {
  const table = tables[kind];
  await tx
    .update(table)
    .set({ status, archivedAt: status === 'archived' ? new Date() : null, updatedAt: new Date(), revision: sql`${table.revision} + 1` })
    .where(and(eq(table.id, id), eq(table.regionId, regionId)));
  // Readers' search follows what they may see.
  for (const serviceId of await serviceIdsAffectedBy(tx, regionId, kind === 'organization' ? 'organization' : kind, id)) await refreshServiceSearch(tx, serviceId);
}

export const BULK_ACTIONS = ['verify', 'archive'] as const;

/** Marks services as verified now by the actor, or archives them (editors; partners may verify their own). */
export async function bulkServices(db: Db, actor: Actor, input: { regionId: string; action: string; ids: string[]; requestId?: string | null }): Promise<number> {
  const ctx = await openDirectory(db, actor, input.regionId);
  if (!(BULK_ACTIONS as readonly string[]).includes(input.action)) throw new ValidationError({ action: { key: 'validation.choose_valid' } });
  if (input.action === 'archive') assertEditor(ctx);
  if (!input.ids.length) throw new ValidationError({ ids: { key: 'directory-admin.error_none_selected' } });
  return db.transaction(async (tx) => {
    let n = 0;
    for (const id of new Set(input.ids)) {
      const row = await findService(tx, ctx.region.id, id, { lock: true });
      if (!row || (ctx.partnerOrgIds && !ctx.partnerOrgIds.includes(row.organizationId))) continue;
      if (input.action === 'verify') {
        const now = new Date();
        await tx.update(dirServices).set({ verifiedAt: now, verifiedBy: actor.id }).where(and(eq(dirServices.id, row.id), eq(dirServices.regionId, ctx.region.id)));
        await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.service.verify', entityType: 'directory_service', entityId: row.id, before: { verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy }, after: { verifiedAt: now, verifiedBy: actor.id }, requestId: input.requestId ?? null });
      } else {
        if (row.status === 'archived') continue;
        await setStatus(tx, 'service', ctx.region.id, row.id, 'archived');
        await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.service.archive', entityType: 'directory_service', entityId: row.id, before: { status: row.status }, after: { status: 'archived' }, requestId: input.requestId ?? null });
      }
      n += 1;
    }
    return n;
  });
}

// ---------- review ----------

export type ReviewView = { kind: ObjectKind; row: AnyRow; current: FormValues; proposed: FormValues | null; changed: string[] };

/** A pending proposal (or a new entry in review) with the fields it changes. Editors only. */
export async function getReview(db: Db, actor: Actor, input: { regionId: string; kind: ObjectKind; id: string }): Promise<ReviewView & { ctx: DirectoryContext }> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  const row = await findRow(db, input.kind, ctx.region.id, input.id);
  if (!row) throw new NotFoundError();
  const currentInput = await inputOf(db, input.kind, row);
  const current = valuesOf(input.kind, currentInput);
  const proposed = row.pendingChange ? valuesOf(input.kind, row.pendingChange as AnyInput) : null;
  return { ctx, kind: input.kind, row, current, proposed, changed: row.pendingChange ? changedFields(currentInput, row.pendingChange) : [] };
}

/**
 * Accepts a partner's proposal (written through the store, published) or a new entry in review (published); or
 * rejects it with a note (the proposal is dropped; a new entry goes back to draft).
 */
export async function decideReview(db: Db, actor: Actor, input: { regionId: string; kind: ObjectKind; id: string; decision: string; note?: string; minor?: boolean; requestId?: string | null }): Promise<'accepted' | 'rejected'> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  if (input.decision !== 'accept' && input.decision !== 'reject') throw new ValidationError({ decision: { key: 'validation.choose_valid' } });
  const note = (input.note ?? '').trim().slice(0, 2000);
  if (input.decision === 'reject' && !note) throw new ValidationError({ note: { key: 'validation.required' } });
  return db.transaction(async (tx) => {
    const row = await findRow(tx, input.kind, ctx.region.id, input.id, true);
    if (!row) throw new NotFoundError();
    if (!row.pendingChange && row.status !== 'review') throw new AppError(409, 'nothing_to_review', 'directory-admin.error_nothing_to_review');
    const table = tables[input.kind];
    const entity = `directory_${input.kind}`;
    const current = await inputOf(tx, input.kind, row);
    if (input.decision === 'accept') {
      const proposed = (row.pendingChange as AnyInput | null) ?? current;
      const next = row.revision + 1;
      const majorRevision = textChanged(input.kind, current, proposed) && !input.minor ? next : row.majorRevision;
      await writeKind(tx, input.kind, ctx.region.id, { ...proposed, status: 'published' }, { existingId: row.id, actorId: actor.id, revision: next, majorRevision });
      await tx.update(table).set({ pendingChange: null, pendingBy: null, pendingAt: null }).where(and(eq(table.id, row.id), eq(table.regionId, ctx.region.id)));
      if (input.kind === 'service') await refreshServiceSearch(tx, row.id);
      await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.accept`, entityType: entity, entityId: row.id, before: { ...plain(current), status: row.status }, after: { ...plain(proposed), status: 'published' }, requestId: input.requestId ?? null });
      return 'accepted' as const;
    }
    const status: EditorialStatus = row.pendingChange ? row.status : 'draft';
    await tx.update(table).set({ pendingChange: null, pendingBy: null, pendingAt: null, status }).where(and(eq(table.id, row.id), eq(table.regionId, ctx.region.id)));
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: `directory.${input.kind}.reject`, entityType: entity, entityId: row.id, before: { status: row.status, pendingChange: row.pendingChange }, after: { status, pendingChange: null, note }, requestId: input.requestId ?? null });
    return 'rejected' as const;
  });
}

// ---------- translations ----------

export type TranslationState = 'up_to_date' | 'outdated' | 'missing';

/** Where a language stands for an object: missing, outdated (translated before the last major change) or up to date. */
export function translationState(majorRevision: number, translation: Pick<TranslationRow, 'sourceRevision'> | undefined): TranslationState {
  if (!translation) return 'missing';
  return translation.sourceRevision < majorRevision ? 'outdated' : 'up_to_date';
}

/** Per object id and language: the translation state (languages other than the region's source language). */
export async function translationStates(db: Db, region: RegionRow, kind: TranslatableKind, objects: { id: string; majorRevision: number }[]): Promise<Map<string, Record<string, TranslationState>>> {
  const rows = await listTranslations(
    db,
    region.id,
    kind,
    objects.map((o) => o.id),
  );
  const out = new Map<string, Record<string, TranslationState>>();
  for (const o of objects) {
    const states: Record<string, TranslationState> = {};
    for (const lang of region.languages.filter((l) => l !== region.sourceLanguage)) states[lang] = translationState(o.majorRevision, rows.find((r) => r.entityId === o.id && r.language === lang));
    out.set(o.id, states);
  }
  return out;
}

type TranslatableRow = { id: string; revision: number; majorRevision: number; source: Record<string, string> };

async function translatable(db: Db, regionId: string, kind: TranslatableKind, id: string): Promise<(TranslatableRow & { organizationId: string | null }) | undefined> {
  const row = kind === 'taxonomy_term' ? await findTerm(db, regionId, id) : await findRow(db, kind, regionId, id);
  if (!row) return undefined;
  const fields = TRANSLATABLE_FIELDS[kind] as readonly string[];
  const record = row as unknown as Record<string, unknown>;
  const source = Object.fromEntries(fields.map((f) => [f, typeof record[f] === 'string' ? (record[f] as string) : '']));
  const organizationId = kind === 'taxonomy_term' ? null : ownerOf(kind, row as AnyRow);
  return { id: row.id, revision: row.revision, majorRevision: row.majorRevision, source, organizationId };
}

export type TranslationForm = { ctx: DirectoryContext; kind: TranslatableKind; language: string; object: TranslatableRow; translation: TranslationRow | undefined; state: TranslationState; fields: readonly string[] };

/** The translation form of one object in one language (editors; the language must be one of the region's others). */
export async function getTranslationForm(db: Db, actor: Actor, input: { regionId: string; kind: TranslatableKind; id: string; language: string }): Promise<TranslationForm> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  if (input.language === ctx.region.sourceLanguage || !ctx.region.languages.includes(input.language)) throw new NotFoundError('language_not_found');
  const object = await translatable(db, ctx.region.id, input.kind, input.id);
  if (!object) throw new NotFoundError();
  const translation = await findTranslation(db, ctx.region.id, input.kind, object.id, input.language);
  return { ctx, kind: input.kind, language: input.language, object, translation, state: translationState(object.majorRevision, translation), fields: TRANSLATABLE_FIELDS[input.kind] };
}

/** Saves the texts of one language; the translation is current as of the object's revision now. */
export async function saveTranslation(db: Db, actor: Actor, input: { regionId: string; kind: TranslatableKind; id: string; language: string; values: FormValues; requestId?: string | null }): Promise<void> {
  const form = await getTranslationForm(db, actor, input);
  const errors: FieldErrors = {};
  const fields: Record<string, string> = {};
  for (const f of form.fields) {
    const raw = input.values[f];
    const v = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
    if (v.length > 10_000) errors[f] = { key: 'validation.too_long', params: { max: 10_000 } };
    if (v) fields[f] = v;
  }
  if (form.object.source.name && !fields.name) errors.name = { key: 'validation.required' };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const regionId = form.ctx.region.id;
  await db.transaction(async (tx) => {
    const before = await findTranslation(tx, regionId, input.kind, form.object.id, input.language);
    const values = { fields, sourceRevision: form.object.revision, machineProvider: null, updatedBy: actor.id, updatedAt: new Date() };
    if (before) await tx.update(dirTranslations).set(values).where(eq(dirTranslations.id, before.id));
    else await tx.insert(dirTranslations).values({ regionId, kind: input.kind, entityId: form.object.id, language: input.language, ...values });
    for (const serviceId of await serviceIdsAffectedBy(tx, regionId, input.kind, form.object.id)) await refreshServiceSearch(tx, serviceId);
    await recordAudit(tx, actor, {
      regionId,
      action: 'directory.translation.save',
      entityType: `directory_${input.kind}`,
      entityId: form.object.id,
      before: before ? { language: input.language, ...before.fields, sourceRevision: before.sourceRevision } : null,
      after: { language: input.language, ...fields, sourceRevision: form.object.revision },
      requestId: input.requestId ?? null,
    });
  });
}

// ---------- categories ----------

const termNameSchema = (v: FormValues[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

function termFields(values: FormValues): { name: string; description: string } {
  const name = termNameSchema(values.name);
  const description = termNameSchema(values.description);
  const errors: FieldErrors = {};
  if (!name) errors.name = { key: 'validation.required' };
  else if (name.length > 200) errors.name = { key: 'validation.too_long', params: { max: 200 } };
  if (description.length > 2000) errors.description = { key: 'validation.too_long', params: { max: 2000 } };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { name, description };
}

function codeFor(name: string): string {
  const base = normaliseName(name).slice(0, 40) || 'category';
  return `${base}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Adds a category (under `parentId` when given, last among its siblings). */
export async function addTerm(db: Db, actor: Actor, input: { regionId: string; parentId?: string | null; values: FormValues; requestId?: string | null }): Promise<string> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  const { name, description } = termFields(input.values);
  return db.transaction(async (tx) => {
    const parent = input.parentId ? await findTerm(tx, ctx.region.id, input.parentId) : undefined;
    if (input.parentId && !parent) throw new ValidationError({ parentId: { key: 'validation.choose_valid' } });
    const taxonomy = parent ? { id: parent.taxonomyId } : await findFirstTaxonomy(tx, ctx.region.id);
    if (!taxonomy) throw new NotFoundError();
    const [max] = await tx.select({ p: sql<number>`coalesce(max(${dirTaxonomyTerms.position}), 0)::int` }).from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, ctx.region.id));
    const [row] = await tx
      .insert(dirTaxonomyTerms)
      .values({ regionId: ctx.region.id, taxonomyId: taxonomy.id, parentId: parent?.id ?? null, code: codeFor(name), name, description, position: (max?.p ?? 0) + 1 })
      .returning();
    if (!row) throw new Error('term insert returned nothing');
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.term.create', entityType: 'directory_term', entityId: row.id, after: { name, description, parentId: row.parentId }, requestId: input.requestId ?? null });
    return row.id;
  });
}

/** Renames a category (a text change: translations become outdated unless marked minor). */
export async function renameTerm(db: Db, actor: Actor, input: { regionId: string; id: string; values: FormValues; requestId?: string | null }): Promise<void> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  const { name, description } = termFields(input.values);
  await db.transaction(async (tx) => {
    const term = await findTerm(tx, ctx.region.id, input.id);
    if (!term) throw new NotFoundError();
    const next = term.revision + 1;
    const changed = term.name !== name || term.description !== description;
    if (!changed) return;
    const majorRevision = input.values.minor === '1' ? term.majorRevision : next;
    await tx.update(dirTaxonomyTerms).set({ name, description, revision: next, majorRevision, updatedAt: new Date() }).where(and(eq(dirTaxonomyTerms.id, term.id), eq(dirTaxonomyTerms.regionId, ctx.region.id)));
    for (const serviceId of await serviceIdsAffectedBy(tx, ctx.region.id, 'taxonomy_term', term.id)) await refreshServiceSearch(tx, serviceId);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.term.update', entityType: 'directory_term', entityId: term.id, before: { name: term.name, description: term.description }, after: { name, description }, requestId: input.requestId ?? null });
  });
}

/** Moves a category one place up or down among its siblings. */
export async function moveTerm(db: Db, actor: Actor, input: { regionId: string; id: string; direction: string; requestId?: string | null }): Promise<void> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  if (input.direction !== 'up' && input.direction !== 'down') throw new ValidationError({ direction: { key: 'validation.choose_valid' } });
  await db.transaction(async (tx) => {
    const term = await findTerm(tx, ctx.region.id, input.id);
    if (!term) throw new NotFoundError();
    const siblings = (await listTerms(tx, ctx.region.id)).filter((t) => t.parentId === term.parentId);
    const i = siblings.findIndex((t) => t.id === term.id);
    const other = siblings[input.direction === 'up' ? i - 1 : i + 1];
    if (!other) return;
    // Positions may repeat (imports); give the pair distinct ones in the new order.
    const [a, b] = input.direction === 'up' ? [Math.min(term.position, other.position), Math.max(term.position, other.position)] : [Math.max(term.position, other.position), Math.min(term.position, other.position)];
    const first = a === b ? (input.direction === 'up' ? a - 1 : a + 1) : a;
    await tx.update(dirTaxonomyTerms).set({ position: first }).where(eq(dirTaxonomyTerms.id, term.id));
    await tx.update(dirTaxonomyTerms).set({ position: b }).where(eq(dirTaxonomyTerms.id, other.id));
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.term.move', entityType: 'directory_term', entityId: term.id, before: { position: term.position }, after: { position: first, direction: input.direction }, requestId: input.requestId ?? null });
  });
}

/** Deletes a category that no service uses and that has no sub-categories. */
export async function deleteTerm(db: Db, actor: Actor, input: { regionId: string; id: string; requestId?: string | null }): Promise<void> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  await db.transaction(async (tx) => {
    const term = await findTerm(tx, ctx.region.id, input.id);
    if (!term) throw new NotFoundError();
    const children = (await listTerms(tx, ctx.region.id)).filter((t) => t.parentId === term.id);
    if (children.length) throw new AppError(409, 'term_has_children', 'directory-admin.error_term_has_children');
    const used = await countServicesWithTerm(tx, ctx.region.id, term.id);
    if (used) throw new AppError(409, 'term_in_use', 'directory-admin.error_term_in_use', { count: used });
    await tx.delete(dirTranslations).where(and(eq(dirTranslations.kind, 'taxonomy_term'), eq(dirTranslations.entityId, term.id), eq(dirTranslations.regionId, ctx.region.id)));
    await tx.delete(dirTaxonomyTerms).where(and(eq(dirTaxonomyTerms.id, term.id), eq(dirTaxonomyTerms.regionId, ctx.region.id)));
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.term.delete', entityType: 'directory_term', entityId: term.id, before: { name: term.name, code: term.code, parentId: term.parentId }, requestId: input.requestId ?? null });
  });
}

// ---------- partner editors of an organisation ----------

/** Lets an account with the partner role on the region edit an organisation's entries. */
export async function addOrganizationEditor(db: Db, actor: Actor, input: { regionId: string; organizationId: string; email: string; requestId?: string | null }): Promise<void> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  const org = await findOrganization(db, ctx.region.id, input.organizationId);
  if (!org) throw new NotFoundError();
  const email = input.email.trim();
  if (!email) throw new ValidationError({ email: { key: 'validation.required' } });
  const account = await findPartnerAccount(db, ctx.path, email);
  if (!account) throw new ValidationError({ email: { key: 'directory-admin.error_no_partner' } });
  await db.transaction(async (tx) => {
    await tx.insert(dirOrganizationEditors).values({ organizationId: org.id, accountId: account.id, regionId: ctx.region.id }).onConflictDoNothing();
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.organization.editor_add', entityType: 'directory_organization', entityId: org.id, after: { editor: account.email }, requestId: input.requestId ?? null });
  });
}

export async function removeOrganizationEditor(db: Db, actor: Actor, input: { regionId: string; organizationId: string; accountId: string; requestId?: string | null }): Promise<void> {
  const ctx = await openDirectory(db, actor, input.regionId);
  assertEditor(ctx);
  const org = await findOrganization(db, ctx.region.id, input.organizationId);
  if (!org) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(dirOrganizationEditors)
      .where(and(eq(dirOrganizationEditors.organizationId, org.id), eq(dirOrganizationEditors.regionId, ctx.region.id), sql`${dirOrganizationEditors.accountId}::text = ${input.accountId}`))
      .returning();
    if (!removed.length) return;
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'directory.organization.editor_remove', entityType: 'directory_organization', entityId: org.id, before: { editor: input.accountId }, requestId: input.requestId ?? null });
  });
}

// ---------- geocoding ----------

export type GeocodeOutcome = { ok: true; result: GeocodeResult } | { ok: false; messageKey: string };

/** Coordinates for the address in a location form, when the region has a geocoder; failures are messages, never errors. */
export async function lookupCoordinates(db: Db, actor: Actor, input: { regionId: string; values: FormValues }): Promise<GeocodeOutcome> {
  const ctx = await openDirectory(db, actor, input.regionId);
  const url = ctx.settings.geocoderUrl;
  if (!url) return { ok: false, messageKey: 'directory-admin.geocoder_not_configured' };
  const text = (k: string) => {
    const v = input.values[k];
    return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
  };
  if (!text('address1') && !text('postalCode') && !text('city')) return { ok: false, messageKey: 'directory-admin.geocoder_no_address' };
  try {
    const result = await geocode(url, { address1: text('address1') || null, postalCode: text('postalCode') || null, city: text('city') || null, country: 'DE' });
    return result ? { ok: true, result } : { ok: false, messageKey: 'directory-admin.geocoder_not_found' };
  } catch (err) {
    if (err instanceof GeocoderError) return { ok: false, messageKey: 'directory-admin.geocoder_failed' };
    throw err;
  }
}

// ---------- settings ----------

/** The settings in force, their form values (with the region revision they were read at), and whether the actor may change them. */
export type DirectorySettingsView = { ctx: DirectoryContext; settings: DirectorySettings; values: FormValues; canChange: boolean };

/** The directory settings of a region: the region's editors may read them, only directory.settings may change them. */
export async function getDirectorySettings(db: Db, actor: Actor, regionId: string): Promise<DirectorySettingsView> {
  const ctx = await openDirectory(db, actor, regionId);
  assertEditor(ctx);
  return { ctx, settings: ctx.settings, values: { ...directorySettingsValues(ctx.settings), revision: String(ctx.region.revision) }, canChange: can(actor, 'directory.settings', ctx.path) };
}

/** The directory settings as a section of `regions.settings` (saved with the region revision guarding them). */
const DIRECTORY_SETTINGS: SettingsSection<DirectorySettings> = {
  key: 'directory',
  permission: 'directory.settings',
  auditAction: 'directory.settings.update',
  parse: parseDirectorySettingsForm,
  read: directorySettings,
  formValues: directorySettingsValues,
  changed: changedSettings,
};

/**
 * Saves the directory settings of a region (`regions.settings.directory`) from the settings form. A stale save (a
 * second tab, or the region edited meanwhile) is refused with ConflictError('revision_conflict', RevisionConflict)
 * and nothing changes; keys this form does not know are kept. Audited with before/after.
 */
export async function saveDirectorySettings(db: Db, actor: Actor, input: { regionId: string; values: FormValues; requestId?: string | null }): Promise<DirectorySettings> {
  return saveSettingsSection(db, actor, DIRECTORY_SETTINGS, input);
}

// ---------- lists ----------

/** How many services an organisation has (shown before archiving). */
export async function organizationServiceCount(db: Db, regionId: string, organizationId: string): Promise<number> {
  return countServicesOfOrganization(db, regionId, organizationId);
}

/** Months after which an entry counts as overdue for verification, as a cut-off instant. */
export function overdueBefore(settings: DirectorySettings, now = new Date()): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - settings.verifyAfterMonths);
  return d;
}


// ---------- admin lists ----------

export type ServiceListQuery = { status?: string | undefined; category?: string | undefined; organization?: string | undefined; overdue?: boolean | undefined; q?: string | undefined };

/** The services list with its filters (partners: their organisations only), translation states and the overdue cut-off. */
export async function getServiceList(db: Db, actor: Actor, regionId: string, query: ServiceListQuery) {
  const ctx = await openDirectory(db, actor, regionId);
  const cutoff = overdueBefore(ctx.settings);
  const status = (EDITORIAL_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as EditorialStatus) : undefined;
  const services = await listServices(db, ctx.region.id, {
    status,
    termId: query.category && isUuid(query.category) ? query.category : undefined,
    organizationId: query.organization && isUuid(query.organization) ? query.organization : undefined,
    overdueBefore: query.overdue ? cutoff : undefined,
    q: query.q?.trim() || undefined,
    organizationIds: ctx.partnerOrgIds,
  });
  const [terms, organizations, states] = await Promise.all([listTerms(db, ctx.region.id), listOrganizations(db, ctx.region.id, ctx.partnerOrgIds), translationStates(db, ctx.region, 'service', services)]);
  return { ctx, services, terms, organizations, states, cutoff };
}

export async function getOrganizationList(db: Db, actor: Actor, regionId: string) {
  const ctx = await openDirectory(db, actor, regionId);
  const organizations = await listOrganizations(db, ctx.region.id, ctx.partnerOrgIds);
  return { ctx, organizations, states: await translationStates(db, ctx.region, 'organization', organizations) };
}

export async function getLocationList(db: Db, actor: Actor, regionId: string) {
  const ctx = await openDirectory(db, actor, regionId);
  const locations = await listLocations(db, ctx.region.id, ctx.partnerOrgIds);
  return { ctx, locations, states: await translationStates(db, ctx.region, 'location', locations) };
}

/** The category tree (editors). */
export async function getCategories(db: Db, actor: Actor, regionId: string) {
  const ctx = await openDirectory(db, actor, regionId);
  assertEditor(ctx);
  const terms = await listTerms(db, ctx.region.id);
  return { ctx, terms, states: await translationStates(db, ctx.region, 'taxonomy_term', terms) };
}

/** Proposals and new entries waiting for the region's review (editors). */
export async function getReviewQueue(db: Db, actor: Actor, regionId: string) {
  const ctx = await openDirectory(db, actor, regionId);
  assertEditor(ctx);
  return { ctx, items: await listReviewQueue(db, ctx.region.id) };
}

/** Partner editors of an organisation (editors see them on the organisation page). */
export async function getOrganizationEditors(db: Db, ctx: DirectoryContext, organizationId: string) {
  return ctx.isEditor ? listEditorsOfOrganization(db, ctx.region.id, organizationId) : undefined;
}
