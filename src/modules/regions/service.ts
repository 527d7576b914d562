import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { regions } from '../../platform/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, can, type Action, type Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { zodFieldErrors, type FormValues } from '../../web/components/forms.js';
import {
  countActiveChildren,
  findRegionById,
  findRegionBySlugQuery,
  listActiveChildren,
  listActiveRegions,
  listAllRegions,
  listLanguageRows,
  regionPathIds,
  type LanguageRow,
  type RegionRow,
} from './queries.js';

export type { LanguageRow, RegionRow };

export const REGION_KINDS = ['state', 'county', 'city', 'municipality'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
/** Depth of each kind: a child's kind must be deeper than its parent's; a municipality has no children. */
const KIND_RANK: Record<RegionKind, number> = { state: 0, county: 1, city: 2, municipality: 3 };

/** Slugs that would collide with top-level routes. */
export const RESERVED_SLUGS = new Set(['admin', 'api', 'login', 'logout', 'account', 'assets', 'password', 'invitation', 'healthz', 'readyz', 'favicon.svg']);
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TEXT_MAX = 20_000;
export const NAME_MAX = 200;
export const EDITABLE_FIELDS = ['slug', 'name', 'kind', 'timezone', 'languages', 'sourceLanguage', 'contact', 'imprint', 'privacy', 'accessibilityStatement'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The canonical IANA name of a time zone, or undefined when the runtime does not know it. */
export function canonicalTimeZone(value: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Every IANA time zone the runtime knows (for the form's select). */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** A string; a missing value is "required", a value of another type (API, CLI) is "invalid". */
const typeError = (issue: { code: string; input?: unknown }) => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'validation.required' : 'validation.invalid');
const str = () => z.string({ error: typeError });

const longText = str()
  .max(TEXT_MAX)
  .transform((s) => s.replace(/\r\n?/g, '\n').trim());

/** A form sends one checkbox value as a string, several as an array, none as nothing. */
const stringList = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v), z.array(str().max(40), { error: typeError }).min(1).max(50));

/** The editable fields of a region, as services accept them (forms, API and CLI alike). */
export const regionFieldsSchema = z.object({
  slug: str().trim().toLowerCase().min(2).max(60).regex(SLUG_PATTERN, 'validation.slug'),
  name: str().trim().min(1).max(NAME_MAX),
  kind: z.enum(REGION_KINDS),
  timezone: str()
    .trim()
    .min(1)
    .refine((v) => canonicalTimeZone(v) !== undefined, 'validation.timezone')
    .transform((v) => canonicalTimeZone(v) ?? v),
  languages: stringList,
  sourceLanguage: str().trim().min(1).max(40),
  contact: longText.default(''),
  imprint: longText.default(''),
  privacy: longText.default(''),
  accessibilityStatement: longText.default(''),
});
export type RegionFieldsInput = z.input<typeof regionFieldsSchema>;
export type RegionFields = z.output<typeof regionFieldsSchema>;

export type CreateRegionInput = Partial<Record<keyof RegionFieldsInput, unknown>> & { parentId?: string | null; requestId?: string | null };
export type UpdateRegionInput = Partial<Record<keyof RegionFieldsInput, unknown>> & { id: string; revision: unknown; requestId?: string | null };

/** A region and its visible children, for tree lists. */
export type RegionNode = { region: RegionRow; children: RegionNode[] };

/** Builds a forest from rows: a row whose parent is not among the rows becomes a root. */
export function buildTree(rows: RegionRow[]): RegionNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { region: r, children: [] as RegionNode[] }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentId ? nodes.get(node.region.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ancestor ids root→region for permission checks (recursive CTE). Empty when the region does not exist. */
export async function regionPath(db: Db, id: string): Promise<string[]> {
  if (!UUID.test(id)) return [];
  return regionPathIds(db, id);
}

/** Root→region ids computed from already loaded rows (no query per region). */
function pathFromRows(byId: Map<string, RegionRow>, region: RegionRow): string[] {
  const path: string[] = [];
  let current: RegionRow | undefined = region;
  while (current && path.length < 32) {
    path.unshift(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** A region by slug (archived or not), or undefined. */
export async function findRegionBySlug(db: Db, slug: string): Promise<RegionRow | undefined> {
  if (!SLUG_PATTERN.test(slug)) return undefined;
  return findRegionBySlugQuery(db, slug);
}

/** Regions the actor may see in the admin area (admin: all), as a tree. */
export async function listRegions(db: Db, actor: Actor): Promise<RegionNode[]> {
  const rows = await listAllRegions(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = actor.isAdmin ? rows : rows.filter((r) => can(actor, 'region.admin_view', pathFromRows(byId, r)));
  return buildTree(visible);
}

/** Public list of non-archived regions; with `q`, only those whose name or slug contains it (case-insensitive). */
export async function listPublicRegions(db: Db, input: { q?: string } = {}): Promise<{ tree: RegionNode[]; matches: { region: RegionRow; parentNames: string[] }[] | null }> {
  const rows = await listActiveRegions(db);
  const q = (input.q ?? '').trim().toLocaleLowerCase();
  if (!q) return { tree: buildTree(rows), matches: null };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const matches = rows
    .filter((r) => r.name.toLocaleLowerCase().includes(q) || r.slug.includes(q))
    .map((region) => ({
      region,
      parentNames: pathFromRows(byId, region)
        .slice(0, -1)
        .map((id) => byId.get(id)?.name ?? ''),
    }));
  return { tree: [], matches };
}

/** A region for public pages: unknown → 404, archived → 410. */
export async function getPublicRegion(db: Db, slug: string): Promise<RegionRow> {
  const region = await findRegionBySlug(db, slug);
  if (!region) throw new NotFoundError('region_not_found');
  if (region.archivedAt) throw new AppError(410, 'region_archived', 'regions.error_archived');
  return region;
}

/** Non-archived children of a region. */
export async function listPublicChildren(db: Db, regionId: string): Promise<RegionRow[]> {
  return listActiveChildren(db, regionId);
}

/** The parent of a region (or undefined for a root). */
export async function findParent(db: Db, region: RegionRow): Promise<RegionRow | undefined> {
  return region.parentId ? findRegionById(db, region.parentId) : undefined;
}

/** Languages known to the installation. */
export async function listLanguages(db: Db): Promise<LanguageRow[]> {
  return listLanguageRows(db);
}

/** A region the actor may see in the admin area (404 when unknown, 403 without `action`, default 'region.admin_view'). */
export async function getRegionForAdmin(
  db: Db,
  actor: Actor,
  id: string,
  action: 'region.admin_view' | 'region.update' | 'api_token.manage' = 'region.admin_view',
): Promise<{ region: RegionRow; path: string[]; parent: RegionRow | undefined; children: RegionRow[] }> {
  const region = UUID.test(id) ? await findRegionById(db, id) : undefined;
  if (!region) throw new NotFoundError('region_not_found');
  const path = await regionPathIds(db, region.id);
  assertCan(actor, action, path);
  const all = await listAllRegions(db);
  return { region, path, parent: all.find((r) => r.id === region.parentId), children: all.filter((r) => r.parentId === region.id) };
}

/** A region and its root→region id path, without a permission check (callers check with the path). */
export async function findRegionWithPath(db: Db, id: string): Promise<{ region: RegionRow; path: string[] } | undefined> {
  const region = UUID.test(id) ? await findRegionById(db, id) : undefined;
  if (!region) return undefined;
  return { region, path: await regionPathIds(db, region.id) };
}

/** Checks that `parentId` may get a child (exists, not archived, not a municipality) and returns it with its path. */
async function loadParentForChild(db: Db, actor: Actor | null, parentId: string): Promise<{ parent: RegionRow; path: string[] }> {
  const parent = UUID.test(parentId) ? await findRegionById(db, parentId) : undefined;
  if (!parent) throw new NotFoundError('region_not_found');
  const path = await regionPathIds(db, parent.id);
  assertCan(actor, 'region.create_child', path);
  if (parent.archivedAt) throw new AppError(409, 'parent_archived', 'regions.error_parent_archived');
  if (parent.kind === 'municipality') throw new AppError(409, 'municipality_no_children', 'regions.error_municipality_no_children');
  return { parent, path };
}

/** Who may create a region below `parentId` (or at the root): throws 401/403/404/409 like createRegion would. */
export async function assertCanCreateRegion(db: Db, actor: Actor | null, parentId: string | null): Promise<RegionRow | undefined> {
  if (!parentId) {
    assertCan(actor, 'region.create_root');
    return undefined;
  }
  return (await loadParentForChild(db, actor, parentId)).parent;
}

/** Validates fields with zod and the database (languages, slug, kind); throws ValidationError with all field errors. */
async function validateFields(db: Db, raw: Record<string, unknown>, ctx: { id?: string; parent?: RegionRow; childKinds: RegionKind[] }): Promise<RegionFields> {
  const parsed = regionFieldsSchema.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const data = parsed.success ? parsed.data : undefined;
  const slug = typeof raw.slug === 'string' ? raw.slug.trim().toLowerCase() : '';
  if (!errors.slug && RESERVED_SLUGS.has(slug)) errors.slug = { key: 'regions.error_slug_reserved' };
  if (!errors.slug && slug) {
    const other = await findRegionBySlugQuery(db, slug);
    if (other && other.id !== ctx.id) errors.slug = { key: 'errors.slug_taken' };
  }
  const kind = REGION_KINDS.find((k) => k === raw.kind);
  if (!errors.kind && kind) {
    if (ctx.parent && KIND_RANK[kind] <= KIND_RANK[ctx.parent.kind]) errors.kind = { key: 'regions.error_kind_below_parent' };
    else if (ctx.childKinds.some((c) => KIND_RANK[c] <= KIND_RANK[kind])) errors.kind = { key: 'regions.error_kind_above_children' };
  }
  if (!errors.languages && data) {
    const known = new Set((await listLanguageRows(db)).map((l) => l.code));
    if (data.languages.some((code) => !known.has(code))) errors.languages = { key: 'regions.error_unknown_language' };
  }
  if (!errors.sourceLanguage && data && !data.languages.includes(data.sourceLanguage)) errors.sourceLanguage = { key: 'regions.error_source_not_in_languages' };
  if (Object.keys(errors).length || !data) throw new ValidationError(errors);
  // Source language first, then the others in the given order, without duplicates.
  const languages = [data.sourceLanguage, ...data.languages.filter((l) => l !== data.sourceLanguage)];
  return { ...data, slug, languages: [...new Set(languages)] };
}

/** True when a database error is a unique violation (both engines, wrapped by Drizzle or not). */
function isUniqueViolation(err: unknown): boolean {
  const codes = [err, (err as { cause?: unknown } | null)?.cause].map((e) => (e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined));
  return codes.includes('23505');
}

/** Creates a region. Roots need 'region.create_root' (installation admin); children 'region.create_child' on the parent. */
export async function createRegion(db: Db, actor: Actor, input: CreateRegionInput): Promise<RegionRow> {
  return db.transaction(async (tx) => {
    const parentId = input.parentId || null;
    const parent = await assertCanCreateRegion(tx, actor, parentId);
    // Without a time zone a child takes its parent's (the API may leave it out).
    const withDefaults = { ...input, timezone: input.timezone ?? parent?.timezone ?? 'Europe/Berlin' };
    const fields = await validateFields(tx, withDefaults, { parent, childKinds: [] });
    let row: RegionRow | undefined;
    try {
      [row] = await tx
        .insert(regions)
        .values({ ...fields, parentId })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ValidationError({ slug: { key: 'errors.slug_taken' } });
      throw err;
    }
    if (!row) throw new Error('region insert returned nothing');
    await recordAudit(tx, actor, { regionId: row.id, action: 'region.create', entityType: 'region', entityId: row.id, before: null, after: auditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

/** The fields recorded in the audit log: the editable ones plus where the region hangs and whether it is archived. */
function auditView(r: RegionRow): Record<string, unknown> {
  return { parentId: r.parentId, ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, r[f]])), archivedAt: r.archivedAt };
}

/**
 * Updates a region. `revision` must be the one the caller loaded; otherwise ConflictError('revision_conflict') carries
 * the current version, and nothing changes. Fields not given keep their stored values.
 */
export async function updateRegion(db: Db, actor: Actor, input: UpdateRegionInput): Promise<RegionRow> {
  return db.transaction(async (tx) => {
    const current = UUID.test(input.id) ? await findRegionById(tx, input.id) : undefined;
    if (!current) throw new NotFoundError('region_not_found');
    assertCan(actor, 'region.update', await regionPathIds(tx, current.id));
    const revision = z.coerce.number().int().safeParse(input.revision);
    if (!revision.success || input.revision === '' || input.revision === undefined) throw new ValidationError({ revision: { key: 'validation.required' } });
    if (revision.data !== current.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', current);
    const merged: Record<string, unknown> = {};
    for (const f of EDITABLE_FIELDS) merged[f] = input[f] === undefined ? current[f] : input[f];
    const parent = current.parentId ? await findRegionById(tx, current.parentId) : undefined;
    const childKinds = (await listAllRegions(tx)).filter((r) => r.parentId === current.id).map((r) => r.kind);
    const fields = await validateFields(tx, merged, { id: current.id, parent, childKinds });
    let row: RegionRow | undefined;
    try {
      [row] = await tx
        .update(regions)
        .set({ ...fields, revision: sql`${regions.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(regions.id, current.id), eq(regions.revision, revision.data)))
        .returning();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ValidationError({ slug: { key: 'errors.slug_taken' } });
      throw err;
    }
    if (!row) {
      // Someone saved between our read and our write.
      const latest = await findRegionById(tx, current.id);
      throw new ConflictError('revision_conflict', 'errors.revision_conflict', latest ?? current);
    }
    await recordAudit(tx, actor, { regionId: row.id, action: 'region.update', entityType: 'region', entityId: row.id, before: auditView(current), after: auditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

/** Archives a region (hidden from public pages and lists). A region with non-archived children cannot be archived. */
export async function archiveRegion(db: Db, actor: Actor, input: { id: string; requestId?: string | null }): Promise<RegionRow> {
  return db.transaction(async (tx) => {
    const current = UUID.test(input.id) ? await findRegionById(tx, input.id) : undefined;
    if (!current) throw new NotFoundError('region_not_found');
    assertCan(actor, 'region.archive', await regionPathIds(tx, current.id));
    if (current.archivedAt) return current;
    if ((await countActiveChildren(tx, current.id)) > 0) throw new AppError(409, 'region_has_active_children', 'regions.error_has_active_children');
    const [row] = await tx
      .update(regions)
      .set({ archivedAt: new Date(), revision: sql`${regions.revision} + 1`, updatedAt: new Date() })
      .where(eq(regions.id, current.id))
      .returning();
    if (!row) throw new NotFoundError('region_not_found');
    await recordAudit(tx, actor, { regionId: row.id, action: 'region.archive', entityType: 'region', entityId: row.id, before: auditView(current), after: auditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

/** Brings an archived region back. Its parent must not be archived. */
export async function unarchiveRegion(db: Db, actor: Actor, input: { id: string; requestId?: string | null }): Promise<RegionRow> {
  return db.transaction(async (tx) => {
    const current = UUID.test(input.id) ? await findRegionById(tx, input.id) : undefined;
    if (!current) throw new NotFoundError('region_not_found');
    assertCan(actor, 'region.archive', await regionPathIds(tx, current.id));
    if (!current.archivedAt) return current;
    const parent = current.parentId ? await findRegionById(tx, current.parentId) : undefined;
    if (parent?.archivedAt) throw new AppError(409, 'parent_archived', 'regions.error_parent_archived');
    const [row] = await tx
      .update(regions)
      .set({ archivedAt: null, revision: sql`${regions.revision} + 1`, updatedAt: new Date() })
      .where(eq(regions.id, current.id))
      .returning();
    if (!row) throw new NotFoundError('region_not_found');
    await recordAudit(tx, actor, { regionId: row.id, action: 'region.unarchive', entityType: 'region', entityId: row.id, before: auditView(current), after: auditView(row), requestId: input.requestId ?? null });
    return row;
  });
}

// ---------- a feature's section of regions.settings ----------

/** One feature's settings in `regions.settings[key]` (directory, events) and how its settings form reads them. */
export type SettingsSection<S> = {
  key: string;
  /** Who may change them (checked on the region's path). */
  permission: Action;
  auditAction: string;
  parse(values: FormValues): { ok: true; settings: S } | { ok: false; errors: FieldErrors };
  /** The section in force, from the whole `regions.settings`. */
  read(settings: Record<string, unknown>): S;
  formValues(settings: S): FormValues;
  /** The fields in which two versions differ. */
  changed(a: S, b: S): string[];
};

/** A stale save of a settings section: the stored values and the fields the user's input would change. */
export type SettingsConflict = { revision: number; values: FormValues; changed: string[] };

/**
 * Saves a feature's section of a region's settings from its form. The form names the region revision it was loaded
 * at: the region row's revision guards the section as it guards the region's other fields, so a stale save (a second
 * tab, or the region edited meanwhile) is refused with ConflictError('revision_conflict', SettingsConflict) and nothing
 * changes. Other keys of `regions.settings`, and keys of the section the form does not know, are kept. Audited.
 */
export async function saveSettingsSection<S extends Record<string, unknown>>(db: Db, actor: Actor, section: SettingsSection<S>, input: { regionId: string; values: FormValues; requestId?: string | null }): Promise<S> {
  const found = await findRegionWithPath(db, input.regionId);
  if (!found) throw new NotFoundError('region_not_found');
  assertCan(actor, section.permission, found.path);
  const parsed = section.parse(input.values);
  if (!parsed.ok) throw new ValidationError(parsed.errors);
  const next = parsed.settings;
  return db.transaction(async (tx) => {
    const current = await findRegionWithPath(tx, found.region.id);
    if (!current) throw new NotFoundError('region_not_found');
    const region = current.region;
    const before = section.read(region.settings);
    const conflict = (row: RegionRow): ConflictError => {
      const stored = section.read(row.settings);
      return new ConflictError('revision_conflict', 'errors.revision_conflict', { revision: row.revision, values: section.formValues(stored), changed: section.changed(next, stored) } satisfies SettingsConflict);
    };
    const revisionText = input.values.revision;
    const revision = Number(Array.isArray(revisionText) ? revisionText[0] : revisionText);
    if (!Number.isInteger(revision) || revision !== region.revision) throw conflict(region);
    if (section.changed(before, next).length === 0) return before;
    const raw = region.settings[section.key];
    const stored = { ...(raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}), ...next };
    const [row] = await tx
      .update(regions)
      .set({ settings: sql`jsonb_set(${regions.settings}, ${`{${section.key}}`}::text[], ${JSON.stringify(stored)}::jsonb, true)`, revision: sql`${regions.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(regions.id, region.id), eq(regions.revision, revision)))
      .returning();
    if (!row) {
      // Someone saved between our read and our write.
      const latest = await findRegionWithPath(tx, region.id);
      throw conflict(latest?.region ?? region);
    }
    await recordAudit(tx, actor, { regionId: region.id, action: section.auditAction, entityType: 'region', entityId: region.id, before: { ...before }, after: { ...next }, requestId: input.requestId ?? null });
    return next;
  });
}
