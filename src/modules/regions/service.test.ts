import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { auditEvents, regions } from '../../platform/schema.js';
import type { Actor } from '../../platform/auth/permissions.js';
import type { AppError, ConflictError } from '../../platform/errors.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { archiveRegion, createRegion, listPublicRegions, listRegions, regionPath, unarchiveRegion, updateRegion, type RegionRow } from './service.js';

const admin: Actor = { id: '00000000-0000-4000-8000-000000000001', email: 'admin@example.org', name: 'Admin', isAdmin: true, memberships: [] };
const regionAdminOf = (regionId: string): Actor => ({
  id: '00000000-0000-4000-8000-000000000002',
  email: 'ra@example.org',
  name: 'RA',
  isAdmin: false,
  memberships: [{ regionId, role: 'region_admin', languages: [] }],
});
const editorOf = (regionId: string): Actor => ({ ...regionAdminOf(regionId), email: 'ed@example.org', memberships: [{ regionId, role: 'editor', languages: [] }] });

const valid = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Name ${slug}`,
  kind: 'county',
  timezone: 'Europe/Berlin',
  languages: ['de', 'ar'],
  sourceLanguage: 'de',
  ...extra,
});

async function fieldErrors(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ValidationError) return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, v.key]));
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('regions service', () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  it('creates a root region (admin only) and records the audit entry in the same transaction', async () => {
    const db = database.db;
    const row = await createRegion(db, admin, valid('svc-root', { languages: ['ar', 'de'], contact: 'Tel 1\r\nTel 2' }));
    assert.equal(row.parentId, null);
    assert.deepEqual(row.languages, ['de', 'ar'], 'source language first');
    assert.equal(row.contact, 'Tel 1\nTel 2');
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'region.create')));
    assert.ok(audit);
    assert.deepEqual(audit.changes.slug, [null, 'svc-root']);
    await assert.rejects(createRegion(db, regionAdminOf(row.id), valid('svc-root-2')), ForbiddenError);
  });

  it('lets a region admin create children below their region, not elsewhere', async () => {
    const db = database.db;
    const county = await buildRegion(db);
    const other = await buildRegion(db);
    const child = await createRegion(db, regionAdminOf(county.id), { ...valid('svc-child', { kind: 'municipality' }), parentId: county.id });
    assert.equal(child.parentId, county.id);
    await assert.rejects(createRegion(db, regionAdminOf(other.id), { ...valid('svc-child-2', { kind: 'municipality' }), parentId: county.id }), ForbiddenError);
    await assert.rejects(createRegion(db, editorOf(county.id), { ...valid('svc-child-3', { kind: 'municipality' }), parentId: county.id }), ForbiddenError);
    assert.deepEqual(await regionPath(db, child.id), [county.id, child.id]);
    assert.deepEqual(await regionPath(db, 'not-a-uuid'), []);
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const db = database.db;
    await buildRegion(db, { slug: 'taken-slug' });
    const before = (await db.select().from(regions)).length;
    assert.deepEqual(await fieldErrors(createRegion(db, admin, { slug: '', name: '', kind: 'galaxy', timezone: 'Mars/Olympus', languages: [], sourceLanguage: '' })), {
      slug: 'validation.too_short',
      name: 'validation.required',
      kind: 'validation.choose_valid',
      timezone: 'validation.timezone',
      languages: 'validation.choose_one',
      sourceLanguage: 'validation.required',
    });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('Bad Slug!'))), { slug: 'validation.slug' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('admin'))), { slug: 'regions.error_slug_reserved' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('taken-slug'))), { slug: 'errors.slug_taken' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('x'.repeat(61)))), { slug: 'validation.too_long' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('ok-slug', { name: 'n'.repeat(201) }))), { name: 'validation.too_long' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('ok-slug', { languages: ['de', 'xx-unknown'] }))), { languages: 'regions.error_unknown_language' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('ok-slug', { sourceLanguage: 'en' }))), { sourceLanguage: 'regions.error_source_not_in_languages' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('ok-slug', { imprint: 'x'.repeat(20_001) }))), { imprint: 'validation.too_long' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, valid('ok-slug', { name: 42 }))), { name: 'validation.invalid' });
    assert.equal((await db.select().from(regions)).length, before);
  });

  it('keeps the kind hierarchy: a child is below its parent, a municipality has no children', async () => {
    const db = database.db;
    const county = await buildRegion(db, { kind: 'county' });
    assert.deepEqual(await fieldErrors(createRegion(db, admin, { ...valid('kind-a', { kind: 'state' }), parentId: county.id })), { kind: 'regions.error_kind_below_parent' });
    const town = await createRegion(db, admin, { ...valid('kind-b', { kind: 'municipality' }), parentId: county.id });
    await assert.rejects(createRegion(db, admin, { ...valid('kind-c', { kind: 'municipality' }), parentId: town.id }), (err: AppError) => err.code === 'municipality_no_children');
    assert.deepEqual(await fieldErrors(updateRegion(db, admin, { id: county.id, revision: county.revision, kind: 'municipality' })), { kind: 'regions.error_kind_above_children' });
  });

  it('updates with a revision check: a stale revision is refused with the current version and nothing changes', async () => {
    const db = database.db;
    const region = await buildRegion(db, { name: 'Original' });
    const first = await updateRegion(db, regionAdminOf(region.id), { id: region.id, revision: String(region.revision), name: 'First tab' });
    assert.equal(first.revision, region.revision + 1);
    assert.equal(first.slug, region.slug, 'fields not given keep their values');
    await assert.rejects(updateRegion(db, admin, { id: region.id, revision: region.revision, name: 'Second tab' }), (err: ConflictError) => {
      assert.equal(err.code, 'revision_conflict');
      assert.equal(err.status, 409);
      assert.equal((err.current as RegionRow).name, 'First tab');
      return true;
    });
    const [stored] = await db.select().from(regions).where(eq(regions.id, region.id));
    assert.equal(stored?.name, 'First tab');
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, region.id), eq(auditEvents.action, 'region.update')));
    assert.equal(audits.length, 1);
    assert.deepEqual(audits[0]?.changes.name, ['Original', 'First tab']);
    assert.equal(audits[0]?.actorLabel, 'ra@example.org');
    await assert.rejects(updateRegion(db, editorOf(region.id), { id: region.id, revision: first.revision, name: 'Editor' }), ForbiddenError);
    assert.deepEqual(await fieldErrors(updateRegion(db, admin, { id: region.id, revision: '', name: 'x' })), { revision: 'validation.required' });
  });

  it('archives only regions without active children; unarchives only below an active parent', async () => {
    const db = database.db;
    const county = await buildRegion(db);
    const town = await buildRegion(db, { parentId: county.id, kind: 'municipality' });
    await assert.rejects(archiveRegion(db, admin, { id: county.id }), (err: AppError) => err.code === 'region_has_active_children' && err.status === 409);
    const [still] = await db.select().from(regions).where(eq(regions.id, county.id));
    assert.equal(still?.archivedAt, null);
    await archiveRegion(db, regionAdminOf(county.id), { id: town.id });
    const archived = await archiveRegion(db, admin, { id: county.id });
    assert.ok(archived.archivedAt);
    await assert.rejects(unarchiveRegion(db, admin, { id: town.id }), (err: AppError) => err.code === 'parent_archived');
    await unarchiveRegion(db, admin, { id: county.id });
    const back = await unarchiveRegion(db, admin, { id: town.id });
    assert.equal(back.archivedAt, null);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, county.id))).map((a) => a.action);
    assert.deepEqual(actions.filter((a) => a !== 'region.create').sort(), ['region.archive', 'region.unarchive']);
    await assert.rejects(archiveRegion(db, editorOf(county.id), { id: town.id }), ForbiddenError);
  });

  it('lists what each actor may see, and the public list without archived regions, searchable', async () => {
    const db = database.db;
    const county = await buildRegion(db, { name: 'Landkreis Sichtbar' });
    const town = await buildRegion(db, { name: 'Gemeinde Östlich', parentId: county.id, kind: 'municipality' });
    const gone = await buildRegion(db, { name: 'Landkreis Archiviert', archivedAt: new Date() });
    const mine = await listRegions(db, editorOf(county.id));
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.region.id, county.id);
    assert.deepEqual(
      mine[0]?.children.map((c) => c.region.id),
      [town.id],
    );
    const all = await listRegions(db, admin);
    assert.ok(all.some((n) => n.region.id === gone.id));
    const pub = await listPublicRegions(db);
    assert.ok(pub.tree.some((n) => n.region.id === county.id));
    assert.ok(!pub.tree.some((n) => n.region.id === gone.id));
    const found = await listPublicRegions(db, { q: 'östlich' });
    assert.deepEqual(
      found.matches?.map((m) => [m.region.id, m.parentNames]),
      [[town.id, ['Landkreis Sichtbar']]],
    );
    assert.deepEqual((await listPublicRegions(db, { q: 'ARCHIVIERT' })).matches, []);
  });
});
