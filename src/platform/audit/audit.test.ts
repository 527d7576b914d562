import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type AccountRow, type RegionRow } from '../../../test/fixtures.js';
import type { Actor } from '../auth/permissions.js';
import { auditEvents } from '../schema.js';
import { translator } from '../i18n/catalog.js';
import { exportAuditCsv, listAuditLog, auditFilterSchema } from '../../modules/admin/service.js';
import { csvSafe } from '../http/csv.js';
import { diffFields, recordAudit, REDACTED } from './audit.js';

/** RFC 4180 reader for the assertions (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('diffFields', () => {
  it('records only the fields that changed', () => {
    const changes = diffFields(
      { name: 'Kreis A', slug: 'kreis-a', languages: ['de', 'en'], updatedAt: new Date(1), revision: 1, at: new Date(5) },
      { name: 'Kreis A (neu)', slug: 'kreis-a', languages: ['de', 'en'], updatedAt: new Date(2), revision: 2, at: new Date(5) },
    );
    assert.deepEqual(changes, { name: ['Kreis A', 'Kreis A (neu)'] });
  });

  it('records added and removed fields, and the whole entity on create and delete', () => {
    assert.deepEqual(diffFields({ a: 1 }, { a: 1, b: 2 }), { b: [null, 2] });
    assert.deepEqual(diffFields(null, { code: 'ps', direction: 'rtl' }), { code: [null, 'ps'], direction: [null, 'rtl'] });
    assert.deepEqual(diffFields({ code: 'ps' }, null), { code: ['ps', null] });
  });

  it('never records passwords, secrets, tokens or hashes – not even nested ones', () => {
    const changes = diffFields(
      { email: 'a@example.org', passwordHash: 'argon2$old', totpSecret: null, apiToken: 'tok_1', settings: { smtpPassword: 'p1', tiles: 'osm' } },
      { email: 'b@example.org', passwordHash: 'argon2$new', totpSecret: 'JBSWY3DP', apiToken: 'tok_2', settings: { smtpPassword: 'p2', tiles: 'osm' } },
    );
    assert.deepEqual(changes.email, ['a@example.org', 'b@example.org']);
    assert.deepEqual(changes.passwordHash, [REDACTED, REDACTED]);
    assert.deepEqual(changes.totpSecret, [null, REDACTED], 'shows that a secret was set, not its value');
    assert.deepEqual(changes.apiToken, [REDACTED, REDACTED]);
    assert.deepEqual(changes.settings, [
      { smtpPassword: REDACTED, tiles: 'osm' },
      { smtpPassword: REDACTED, tiles: 'osm' },
    ]);
    const text = JSON.stringify(changes);
    for (const secret of ['argon2$old', 'argon2$new', 'JBSWY3DP', 'tok_1', 'tok_2', 'p1', 'p2']) assert.ok(!text.includes(`"${secret}"`), secret);
  });
});

describe('csvSafe (formula injection)', () => {
  it('prefixes cells that spreadsheets would run as formulas with an apostrophe', () => {
    assert.equal(csvSafe('=HYPERLINK("http://evil")'), `'=HYPERLINK("http://evil")`);
    assert.equal(csvSafe('+49 123'), `'+49 123`);
    assert.equal(csvSafe('-1+1'), `'-1+1`);
    assert.equal(csvSafe('@SUM(A1)'), `'@SUM(A1)`);
    assert.equal(csvSafe('\t=1'), `'\t=1`);
    assert.equal(csvSafe('Kreis A'), 'Kreis A');
    assert.equal(csvSafe('a=b'), 'a=b');
    assert.equal(csvSafe(''), '');
  });
});

describe('audit log: recording, scoping, filters, CSV', () => {
  let t: TestApp;
  let county: RegionRow;
  let municipality: RegionRow;
  let otherCounty: RegionRow;
  let countyAdmin: AccountRow;
  let otherAdmin: AccountRow;
  let installAdmin: AccountRow;
  const actorOf = (a: AccountRow, memberships: Actor['memberships'] = []): Actor => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, memberships });

  before(async () => {
    t = await createTestApp();
    county = await buildRegion(t.db, { name: 'Kreis Nord', timezone: 'Europe/Berlin' });
    municipality = await buildRegion(t.db, { name: 'Gemeinde Nord-1', kind: 'municipality', parentId: county.id });
    otherCounty = await buildRegion(t.db, { name: 'Kreis Süd' });
    countyAdmin = await buildAccount(t.db, { email: 'nord-admin@example.org', roles: [{ regionId: county.id, role: 'region_admin' }] });
    otherAdmin = await buildAccount(t.db, { email: 'sued-admin@example.org', roles: [{ regionId: otherCounty.id, role: 'region_admin' }] });
    installAdmin = await buildAccount(t.db, { email: 'root@example.org', isAdmin: true });

    const nordActor = actorOf(countyAdmin, [{ regionId: county.id, role: 'region_admin', languages: [] }]);
    const suedActor = actorOf(otherAdmin, [{ regionId: otherCounty.id, role: 'region_admin', languages: [] }]);
    await recordAudit(t.db, nordActor, { regionId: county.id, action: 'region.update', entityType: 'region', entityId: county.id, before: { name: 'Kreis N' }, after: { name: 'Kreis Nord' } });
    await recordAudit(t.db, nordActor, {
      regionId: municipality.id,
      action: 'member.invite',
      entityType: 'invitation',
      entityId: 'inv-1',
      after: { email: '=cmd|" /C calc"!A0', role: 'editor', tokenHash: 'abc' },
    });
    await recordAudit(t.db, suedActor, { regionId: otherCounty.id, action: 'region.update', entityType: 'region', entityId: otherCounty.id, before: { name: 'S' }, after: { name: 'Kreis Süd' } });
    await recordAudit(t.db, { system: 'cli' }, { action: 'language.create', entityType: 'language', entityId: 'ps', after: { code: 'ps' } });
    // An old event, for the date filter.
    await t.db.update(auditEvents).set({ at: new Date('2024-03-10T12:00:00Z') }).where(eq(auditEvents.entityId, county.id));
  });
  after(() => t.close());

  const filters = (input: Record<string, string> = {}) => auditFilterSchema.parse(input);

  it('records who, when, region, action, entity and the changes (system actors by name)', async () => {
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'ps'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.actorLabel, 'system:cli');
    assert.equal(rows[0]?.actorId, null);
    assert.equal(rows[0]?.regionId, null);
    const invite = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'inv-1')))[0];
    assert.equal(invite?.actorId, countyAdmin.id);
    assert.equal(invite?.actorLabel, 'nord-admin@example.org');
    assert.deepEqual(invite?.changes.tokenHash, [null, REDACTED]);
  });

  it('a region admin sees the events of the region and its children, nothing of another county, nothing region-less', async () => {
    const nord = await listAuditLog(t.db, actorOf(countyAdmin, [{ regionId: county.id, role: 'region_admin', languages: [] }]), filters());
    assert.deepEqual(nord.events.map((e) => e.action).sort(), ['member.invite', 'region.update']);
    assert.ok(nord.events.every((e) => e.regionId === county.id || e.regionId === municipality.id));

    const sued = await listAuditLog(t.db, actorOf(otherAdmin, [{ regionId: otherCounty.id, role: 'region_admin', languages: [] }]), filters());
    assert.equal(sued.total, 1);
    assert.equal(sued.events[0]?.regionId, otherCounty.id);
    // Asking for the other county by filter does not widen the scope.
    const sneaky = await listAuditLog(t.db, actorOf(otherAdmin, [{ regionId: otherCounty.id, role: 'region_admin', languages: [] }]), filters({ region: county.id }));
    assert.equal(sneaky.total, 0);
  });

  it('the installation admin sees everything, including events without a region', async () => {
    const all = await listAuditLog(t.db, actorOf(installAdmin), filters());
    assert.equal(all.total, 4);
    assert.ok(all.events.some((e) => e.regionId === null));
  });

  it('other roles may not read the audit log', async () => {
    const editor = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'editor' }] });
    await assert.rejects(listAuditLog(t.db, actorOf(editor, [{ regionId: county.id, role: 'editor', languages: [] }]), filters()), { status: 403 });
  });

  it('filters by region (with children), actor, action, entity type and dates', async () => {
    const admin = actorOf(installAdmin);
    const byRegion = await listAuditLog(t.db, admin, filters({ region: county.id }));
    assert.equal(byRegion.total, 2, 'the county and its municipality');
    const byMunicipality = await listAuditLog(t.db, admin, filters({ region: municipality.id }));
    assert.equal(byMunicipality.total, 1);
    assert.equal((await listAuditLog(t.db, admin, filters({ actor: 'SUED-ADMIN' }))).total, 1, 'e-mail contains, any case');
    assert.equal((await listAuditLog(t.db, admin, filters({ actor: '%' }))).total, 0, 'LIKE wildcards are taken literally');
    assert.equal((await listAuditLog(t.db, admin, filters({ action: 'region.update' }))).total, 2);
    assert.equal((await listAuditLog(t.db, admin, filters({ entity: 'language' }))).total, 1);
    assert.equal((await listAuditLog(t.db, admin, filters({ from: '2024-03-10', to: '2024-03-10' }))).total, 1, 'the old event, whole day');
    assert.equal((await listAuditLog(t.db, admin, filters({ to: '2024-03-09' }))).total, 0);
    assert.equal((await listAuditLog(t.db, admin, filters({ from: '2024-03-11' }))).total, 3);
    assert.equal((await listAuditLog(t.db, admin, filters({ from: 'not-a-date', region: 'nope' }))).total, 4, 'invalid filters are ignored');
  });

  it('exports the same filters as CSV with a header row and guards against formula injection', async () => {
    const csv = await exportAuditCsv(t.db, actorOf(countyAdmin, [{ regionId: county.id, role: 'region_admin', languages: [] }]), filters(), translator('en'));
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for spreadsheet programs');
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], ['Time', 'Person', 'Region', 'Action', 'Kind of entry', 'Entry ID', 'Changes']);
    assert.equal(rows.length, 3, 'header + the two events of the county (none of the other county)');
    const invite = rows.find((r) => r[3] === 'member.invite');
    assert.ok(invite);
    assert.equal(invite[1], 'nord-admin@example.org');
    assert.equal(invite[2], 'Gemeinde Nord-1');
    const changes = JSON.parse(invite[6] ?? '{}') as Record<string, unknown>;
    assert.deepEqual(changes.email, [null, '=cmd|" /C calc"!A0'], 'the value is kept inside the JSON cell, which starts with {');
    assert.ok(!csv.includes('Kreis Süd'));
    const filtered = parseCsv((await exportAuditCsv(t.db, actorOf(installAdmin), filters({ action: 'language.create' }), translator('de'))).slice(1));
    assert.equal(filtered.length, 2);
    assert.equal(filtered[1]?.[1], 'system:cli');
  });

  it('prefixes a cell that starts with = in the CSV (actor label from a crafted e-mail)', async () => {
    await recordAudit(t.db, { id: installAdmin.id, email: '=1+1@example.org', name: '', isAdmin: true, memberships: [] }, { action: 'x.test', entityType: '@thing', entityId: '-1' });
    const rows = parseCsv((await exportAuditCsv(t.db, actorOf(installAdmin), filters({ action: 'x.test' }), translator('en'))).slice(1));
    assert.deepEqual(rows[1]?.slice(1, 6), [`'=1+1@example.org`, '', 'x.test', `'@thing`, `'-1`]);
  });

  it('GET /admin/audit shows the events with their changes; /admin/audit.csv downloads; scoped per region admin', async () => {
    const cookie = await sessionCookieFor(t.app, t.db, countyAdmin.id);
    const page = await t.app.inject({ url: `/admin/audit?lang=en&region=${county.id}`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kreis Nord/);
    assert.match(page.body, /<del>Kreis N<\/del>/);
    assert.match(page.body, /<ins>Kreis Nord<\/ins>/);
    assert.match(page.body, /10 Mar 2024, 13:00:00|Mar 10, 2024, 1:00:00/, 'time in the viewer language, Berlin time');
    assert.match(page.body, new RegExp(`<option value="${county.id}" selected`));
    assert.doesNotMatch(page.body, /Kreis Süd/);
    assert.match(page.body, new RegExp(`href="/admin/audit.csv\\?region=${county.id}"`));

    const csv = await t.app.inject({ url: `/admin/audit.csv?region=${municipality.id}`, headers: { cookie } });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    assert.equal(parseCsv(csv.body.replace(/^\uFEFF/, '')).length, 2);

    const otherCookie = await sessionCookieFor(t.app, t.db, otherAdmin.id);
    const other = await t.app.inject({ url: '/admin/audit', headers: { cookie: otherCookie } });
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, /Kreis Nord|nord-admin@example\.org/);
    const otherCsv = await t.app.inject({ url: '/admin/audit.csv', headers: { cookie: otherCookie } });
    assert.doesNotMatch(otherCsv.body, /nord-admin@example\.org/);
  });
});
