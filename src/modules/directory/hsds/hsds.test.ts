import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, Browser, type TestApp } from '../../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type RegionRow } from '../../../../test/fixtures.js';
import { auditEvents } from '../../../platform/schema.js';
import type { Actor } from '../../../platform/auth/permissions.js';
import { ensureDefaultTaxonomy } from '../default-taxonomy.js';
import { dirImports, dirOrganizations, dirServices, dirTaxonomyTerms } from '../schema.js';
import { writeLocation, writeOrganization, writeService } from '../store.js';
import { exportHsdsJson, exportHsdsTabular } from './export.js';
import { applyHsdsImport, checkHsdsImport, type ImportReport } from './import.js';
import { tableColumns } from './tabular.js';
import { HSDS_SCHEMAS, hsdsSchema, validateHsds, type HsdsSchemaName } from './validate.js';

type Json = Record<string, unknown>;

function assertValid(schema: HsdsSchemaName, obj: unknown, where: string): void {
  const problems = validateHsds(schema, obj);
  assert.deepEqual(problems, [], `${where}: ${JSON.stringify(problems)}`);
}

/** A region with two organisations, two locations and three published services (one a draft). */
async function seedRegion(t: TestApp, region: RegionRow, verifier: string): Promise<{ orgId: string; serviceId: string; locId: string; draftId: string; terms: Map<string, string> }> {
  await ensureDefaultTaxonomy(t.db, region);
  const terms = new Map((await t.db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id))).map((r) => [r.code, r.id]));
  const counselling = terms.get('migration-counselling') ?? '';
  const jobcenter = terms.get('jobcenter') ?? '';
  const orgId = await writeOrganization(t.db, region.id, {
    name: 'Caritas Beispielkreis',
    description: 'Beratung für Zugewanderte',
    email: 'info@caritas.example',
    website: 'https://caritas.example',
    status: 'published',
    phones: [{ number: '+4921311234', languages: ['de', 'ar'] }],
    contacts: [{ name: 'Frau Yılmaz', email: 'y@caritas.example', phones: [{ number: '+49213199' }] }],
  });
  const org2 = await writeOrganization(t.db, region.id, { name: 'Jobcenter Beispielkreis', status: 'published' });
  const locId = await writeLocation(t.db, region.id, {
    organizationId: orgId,
    name: 'Beratungsstelle Mitte',
    latitude: 51.2,
    longitude: 6.7,
    address1: 'Hauptstraße 1',
    postalCode: '41460',
    city: 'Neuss',
    languages: ['de', 'tr'],
    wheelchair: true,
    accessibilityDescription: 'Aufzug am Hintereingang',
    status: 'published',
    schedules: [{ freq: 'WEEKLY', byday: 'MO,TU', opensAt: '09:00', closesAt: '16:00' }],
  });
  const loc2 = await writeLocation(t.db, region.id, { name: 'Jobcenter Süd', latitude: 51.0, longitude: 6.9, address1: 'Südweg 2', postalCode: '41470', city: 'Neuss', status: 'published' });
  const serviceId = await writeService(t.db, region.id, {
    organizationId: orgId,
    name: 'Migrationsberatung für Erwachsene',
    description: 'Hilfe bei Anträgen, Sprache und Arbeit.',
    url: 'https://caritas.example/mbe',
    email: 'mbe@caritas.example',
    status: 'published',
    free: true,
    languages: ['de', 'ar', 'fa'],
    termIds: [counselling],
    verifiedAt: new Date('2025-03-04T10:00:00Z'),
    verifiedBy: verifier,
    phones: [{ number: '+4921315555', type: 'voice' }],
    schedules: [
      { freq: 'WEEKLY', byday: 'WE', opensAt: '10:00', closesAt: '12:00' },
      // A night slot past midnight (crisis line): valid in the form, so the import must take it too.
      { freq: 'WEEKLY', byday: 'FR', opensAt: '20:00', closesAt: '02:00' },
      { freq: null, closed: true, validFrom: '2025-12-24', validTo: '2026-01-01', notes: 'Weihnachten' },
    ],
    serviceAreas: [{ name: 'Rhein-Kreis Neuss' }],
    requiredDocuments: [{ document: 'Aufenthaltstitel' }],
    locations: [{ locationId: locId, schedules: [{ freq: 'MONTHLY', byday: '1FR', opensAt: '14:00', closesAt: '15:00' }] }],
  });
  await writeService(t.db, region.id, { organizationId: org2, name: 'Jobcenter Arbeitsvermittlung', status: 'published', termIds: [jobcenter], locations: [{ locationId: loc2 }] });
  const draftId = await writeService(t.db, region.id, { organizationId: orgId, name: 'Entwurf', status: 'draft' });
  return { orgId, serviceId, locId, draftId, terms };
}

describe('HSDS interchange', () => {
  let t: TestApp;
  let region: RegionRow;
  let other: RegionRow;
  let actor: Actor;
  let admin: Browser;
  let seeded: Awaited<ReturnType<typeof seedRegion>>;

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'hsds-kreis', languages: ['de', 'en', 'ar'] });
    other = await buildRegion(t.db, { slug: 'hsds-anderer' });
    const account = await buildAccount(t.db, { email: 'pruefer@example.org', isAdmin: true, roles: [{ regionId: region.id, role: 'region_admin' }, { regionId: other.id, role: 'region_admin' }] });
    actor = { id: account.id, email: account.email, isAdmin: true, memberships: [{ regionId: region.id, role: 'region_admin', languages: [] }, { regionId: other.id, role: 'region_admin', languages: [] }] } as unknown as Actor;
    admin = new Browser(t.app);
    const [name, value] = (await sessionCookieFor(t.app, t.db, account.id)).split('=');
    admin.cookies.set(name ?? '', value ?? '');
    seeded = await seedRegion(t, region, account.id);
  });
  after(() => t.close());

  it('API: every item of every list and detail endpoint validates against the official schema', async () => {
    const base = '/api/hsds/hsds-kreis';
    const info = await t.app.inject(`${base}/`);
    assert.equal(info.statusCode, 200);
    assert.equal(info.json().version, '3.0');
    assert.equal(info.headers['access-control-allow-origin'], '*');
    // The HSDS API description, pointed at this region: generic HSDS clients start from it.
    const described = await t.app.inject(String(info.json().openapi_url).replace(/^https?:\/\/[^/]+/, ''));
    assert.equal(described.statusCode, 200);
    const doc = described.json() as { servers: { url: string }[]; paths: Record<string, unknown> };
    assert.match(doc.servers[0]?.url ?? '', /\/api\/hsds\/hsds-kreis$/);
    for (const path of ['/', '/services', '/services/{id}', '/organizations', '/service_at_locations', '/taxonomies', '/taxonomy_terms']) assert.ok(doc.paths[path], path);
    const lists: [string, HsdsSchemaName][] = [
      ['services', 'service'],
      ['organizations', 'organization'],
      ['service_at_locations', 'service_at_location'],
      ['taxonomies', 'taxonomy'],
      ['taxonomy_terms', 'taxonomy_term'],
    ];
    for (const [path, schema] of lists) {
      for (const full of ['false', 'true']) {
        const res = await t.app.inject(`${base}/${path}?full=${full}&per_page=200`);
        assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
        const page = res.json() as { contents: Json[]; total_items: number; empty: boolean };
        assert.ok(page.contents.length > 0, path);
        for (const item of page.contents) {
          assertValid(schema, item, `${path} list`);
          const one = await t.app.inject(`${base}/${path}/${String(item.id)}`);
          assert.equal(one.statusCode, 200, `${path}/${String(item.id)}`);
          assertValid(schema, one.json(), `${path} detail`);
        }
      }
    }
    const svc = (await t.app.inject(`${base}/services/${seeded.serviceId}`)).json() as Json;
    assert.equal(svc.status, 'active');
    assert.equal(svc.assured_date, '2025-03-04');
    assert.equal(svc.assurer_email, 'pruefer@example.org');
    assert.deepEqual((svc.cost_options as Json[])[0], { id: (svc.cost_options as Json[])[0]?.id, service_id: seeded.serviceId, option: 'free', amount: 0, currency: 'EUR' });
    assert.deepEqual((svc.languages as Json[]).map((l) => l.code), ['de', 'ar', 'fa']);
    assert.equal((svc.languages as Json[])[1]?.name, 'Arabic');
    const attr = (svc.attributes as Json[])[0];
    assert.equal(attr?.link_entity, 'service');
    assert.equal(attr?.link_type, 'category');
    assert.equal(attr?.taxonomy_term_id, seeded.terms.get('migration-counselling'));
    const closed = (svc.schedules as Json[]).find((s) => s.valid_from === '2025-12-24');
    assert.equal(closed?.notes, 'closed: Weihnachten');
    assert.equal(closed?.freq, undefined);
    const sal = (svc.service_at_locations as Json[])[0] as Json;
    const loc = sal.location as Json;
    assert.equal((loc.addresses as Json[])[0]?.address_type, 'physical');
    assert.ok((loc.accessibility as Json[]).some((a) => a.description === 'wheelchair_accessible'));
    assert.equal((svc.organization as Json).name, 'Caritas Beispielkreis');
    // The draft is not visible; ids of another region are 404.
    assert.equal((await t.app.inject(`${base}/services/${seeded.draftId}`)).statusCode, 404);
    assert.equal((await t.app.inject(`/api/hsds/hsds-anderer/services/${seeded.serviceId}`)).statusCode, 404);
  });

  it('API: paging envelope, filters and ETag', async () => {
    const base = '/api/hsds/hsds-kreis';
    const p1 = (await t.app.inject(`${base}/services?per_page=1&page=1`)).json();
    assert.deepEqual({ ...p1, contents: undefined }, { total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false, contents: undefined });
    const p3 = (await t.app.inject(`${base}/services?per_page=1&page=3`)).json();
    assert.equal(p3.empty, true);
    const names = async (q: string) => ((await t.app.inject(`${base}/services?${q}`)).json().contents as Json[]).map((s) => s.name);
    assert.deepEqual(await names(`taxonomy_term_id=${seeded.terms.get('jobcenter')}`), ['Jobcenter Arbeitsvermittlung']);
    assert.deepEqual(await names(`organization_id=${seeded.orgId}`), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names('search=Anträge'), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names('postcode=41470'), ['Jobcenter Arbeitsvermittlung']);
    assert.deepEqual(await names('postcode=41460&proximity=1000'), ['Migrationsberatung für Erwachsene']);
    assert.deepEqual(await names('proximity=51.2,6.7,5000'), ['Migrationsberatung für Erwachsene']);
    assert.equal((await names('proximity=51.1,6.8,50000')).length, 2);
    assert.deepEqual(await names('modified_after=2999-01-01'), []);
    const first = await t.app.inject(`${base}/services`);
    const etag = String(first.headers.etag);
    assert.equal((await t.app.inject({ url: `${base}/services`, headers: { 'if-none-match': etag } })).statusCode, 304);
  });

  it('API: bad query parameters answer 400 problem+json naming the parameter', async () => {
    for (const q of ['per_page=500', 'page=0', 'taxonomy_term_id=nope', 'modified_after=yesterday', 'full=maybe', 'proximity=1000', 'lang=xx']) {
      const res = await t.app.inject(`/api/hsds/hsds-kreis/services?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const field = q.split('=')[0];
      assert.ok((res.json().errors as { field: string }[]).some((e) => e.field === field), `${q}: ${res.body}`);
    }
  });

  it('exports: JSON and every CSV row validate; datapackage lists every table', async () => {
    const data = await exportHsdsJson(t.db, region.id);
    assert.equal(data.services.length, 2);
    for (const [list, schema] of [
      [data.organizations, 'organization'],
      [data.services, 'service'],
      [data.locations, 'location'],
      [data.taxonomies, 'taxonomy'],
      [data.taxonomy_terms, 'taxonomy_term'],
    ] as const)
      for (const o of list) assertValid(schema, o, `export ${schema}`);
    const zip = unzipSync(new Uint8Array(await exportHsdsTabular(t.db, region.id)));
    const pkg = JSON.parse(strFromU8(zip['datapackage.json'] ?? new Uint8Array())) as { resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    assert.equal(pkg.resources.length, HSDS_SCHEMAS.length);
    let rows = 0;
    for (const name of HSDS_SCHEMAS) {
      const file = zip[hsdsSchema(name).path];
      assert.ok(file, name);
      const records = parse(strFromU8(file), { columns: true }) as Record<string, string>[];
      const props = hsdsSchema(name).properties;
      assert.deepEqual(pkg.resources.find((r) => r.path === hsdsSchema(name).path)?.schema.fields.map((f) => f.name), tableColumns(name).map((c) => c.name));
      for (const r of records) {
        const typed: Json = {};
        const required = new Set(hsdsSchema(name).required ?? []);
        for (const [k, v] of Object.entries(r)) if (v !== '' || required.has(k)) typed[k] = props[k]?.type === 'number' ? Number(v) : v;
        assertValid(name, typed, `${hsdsSchema(name).path} row`);
        rows += 1;
      }
    }
    assert.ok(rows > 30);
    const res = await t.app.inject('/api/hsds/hsds-kreis/export.zip');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
  });

  it('import: own export round-trips into a fresh region (JSON and tabular); re-import is a no-op', async () => {
    const fresh = await buildRegion(t.db, { slug: 'hsds-neu' });
    const json = Buffer.from(JSON.stringify(await exportHsdsJson(t.db, region.id)));
    const checked = await checkHsdsImport(t.db, actor, { regionId: fresh.id, format: 'json', filename: 'export.json', data: json });
    assert.equal(checked.report.counts.refused, 0, JSON.stringify(checked.report.records.filter((r) => r.action === 'refused')));
    assert.equal(checked.report.records.filter((r) => r.table === 'service' && r.action === 'new').length, 2);
    await applyHsdsImport(t.db, actor, { regionId: fresh.id, importId: checked.importId, partial: false });
    const again = await exportHsdsJson(t.db, fresh.id);
    assert.equal(again.services.length, 2);
    const strip = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'id' || k.endsWith('_id') || k === 'last_modified' || k === 'generated_at' || k === 'region' ? undefined : x)));
    const byName = (list: Json[]) => [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const original = await exportHsdsJson(t.db, region.id);
    assert.deepEqual(strip(byName(again.services)), strip(byName(original.services)));
    assert.deepEqual(strip(byName(again.locations)), strip(byName(original.locations)));
    const [imported] = await t.db.select().from(dirServices).where(and(eq(dirServices.regionId, fresh.id), eq(dirServices.sourceId, seeded.serviceId)));
    assert.ok(imported, 'an id of another region is kept as source_id');
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, checked.importId), eq(auditEvents.action, 'directory.hsds_import')));
    assert.ok(audit);

    const before = await t.db.select({ id: dirServices.id, updatedAt: dirServices.updatedAt }).from(dirServices).where(eq(dirServices.regionId, fresh.id));
    for (const [format, data] of [
      ['json', json],
      ['tabular', await exportHsdsTabular(t.db, region.id)],
    ] as const) {
      const second = await checkHsdsImport(t.db, actor, { regionId: fresh.id, format, filename: `again.${format}`, data });
      assert.equal(second.report.counts.new, 0, `${format}: ${JSON.stringify(second.report.records.filter((r) => r.action !== 'unchanged'))}`);
      assert.equal(second.report.counts.changed, 0, `${format}: ${JSON.stringify(second.report.records.filter((r) => r.action !== 'unchanged'))}`);
      const result = await applyHsdsImport(t.db, actor, { regionId: fresh.id, importId: second.importId, partial: false });
      assert.equal(result.counts.new + result.counts.changed, 0);
    }
    const after2 = await t.db.select({ id: dirServices.id, updatedAt: dirServices.updatedAt }).from(dirServices).where(eq(dirServices.regionId, fresh.id));
    assert.deepEqual(after2, before, 'nothing written');
  });

  it('import: the tabular package of the export imports into another fresh region', async () => {
    const fresh = await buildRegion(t.db, { slug: 'hsds-tabelle' });
    const checked = await checkHsdsImport(t.db, actor, { regionId: fresh.id, format: 'tabular', filename: 'export.zip', data: await exportHsdsTabular(t.db, region.id) });
    assert.equal(checked.report.counts.refused, 0, JSON.stringify(checked.report.records.filter((r) => r.action === 'refused')));
    await applyHsdsImport(t.db, actor, { regionId: fresh.id, importId: checked.importId, partial: false, status: 'draft' });
    const rows = await t.db.select().from(dirServices).where(eq(dirServices.regionId, fresh.id));
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.status === 'draft'));
    const mbe = rows.find((r) => r.name === 'Migrationsberatung für Erwachsene');
    assert.equal(mbe?.free, true);
    assert.deepEqual(mbe?.languages, ['de', 'ar', 'fa']);
  });

  it('import: a schema-invalid file shows the report and changes nothing; partial apply writes only valid records', async () => {
    const target = await buildRegion(t.db, { slug: 'hsds-fehler' });
    const orgId = '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a01';
    const file = {
      organizations: [{ id: orgId, name: 'Verein', description: '' }],
      services: [
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a02', organization_id: orgId, name: 'Gut', status: 'active' },
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a03', organization_id: orgId, name: 'Ohne Status' },
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a04', organization_id: orgId, name: 'Schlechte URL', status: 'active', url: 'htp//kaputt' },
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a05', organization_id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a99', name: 'Fremde Org', status: 'active' },
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a06', organization_id: orgId, name: 'Unbekannte Kategorie', status: 'active', attributes: [{ id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a07', taxonomy_term_id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a98', link_type: 'category' }] },
        { id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a08', organization_id: orgId, name: 'Telefon', status: 'active', phones: [{ id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a09', number: 'abc' }] },
      ],
      locations: [{ id: '5f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a10', location_type: 'physical', name: 'Nirgendwo', latitude: 123, longitude: 7 }],
    };
    const checked = await checkHsdsImport(t.db, actor, { regionId: target.id, format: 'json', filename: 'fehler.json', data: Buffer.from(JSON.stringify(file)) });
    const refused = checked.report.records.filter((r) => r.action === 'refused');
    assert.deepEqual(refused.map((r) => r.name).sort(), ['Fremde Org', 'Nirgendwo', 'Ohne Status', 'Schlechte URL', 'Telefon', 'Unbekannte Kategorie']);
    assert.ok(refused.find((r) => r.name === 'Ohne Status')?.reasons.some((x) => x.startsWith('status')));
    assert.ok(refused.find((r) => r.name === 'Nirgendwo')?.reasons.some((x) => x.startsWith('latitude')));
    assert.ok(refused.find((r) => r.name === 'Unbekannte Kategorie')?.reasons.some((x) => x.includes('unknown taxonomy term')));
    assert.equal((await t.db.select().from(dirServices).where(eq(dirServices.regionId, target.id))).length, 0);

    // The report page shows it; applying without the explicit choice is refused and writes nothing.
    const page = await admin.get(`/admin/regions/${target.id}/directory/import/${checked.importId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Schlechte URL/);
    assert.match(page.body, /name="partial" value="1"/);
    await assert.rejects(applyHsdsImport(t.db, actor, { regionId: target.id, importId: checked.importId, partial: false }), /hsds_import_has_errors/);
    assert.equal((await t.db.select().from(dirOrganizations).where(eq(dirOrganizations.regionId, target.id))).length, 0);

    const res = await admin.submit(`/admin/regions/${target.id}/directory/import/${checked.importId}/apply`, { status: 'published', partial: '1' }, { formUrl: `/admin/regions/${target.id}/directory/import/${checked.importId}` });
    assert.equal(res.statusCode, 303);
    const written = await t.db.select().from(dirServices).where(eq(dirServices.regionId, target.id));
    assert.deepEqual(written.map((s) => s.name), ['Gut']);
    const [row] = await t.db.select().from(dirImports).where(eq(dirImports.id, checked.importId));
    assert.equal(row?.state, 'applied_partly');
  });

  it('import: duplicate ids in a file are refused; malformed files are refused with a clear error and nothing stored', async () => {
    const target = await buildRegion(t.db, { slug: 'hsds-doppelt' });
    const orgId = '6f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a01';
    const dup = '6f0c3a52-8f7e-4b8e-9b1e-0c7f0f6c1a02';
    const file = {
      organizations: [{ id: orgId, name: 'Verein', description: '' }],
      services: [
        { id: dup, organization_id: orgId, name: 'Eins', status: 'active' },
        { id: dup, organization_id: orgId, name: 'Zwei', status: 'active' },
      ],
    };
    const { report } = await checkHsdsImport(t.db, actor, { regionId: target.id, format: 'json', filename: 'dup.json', data: Buffer.from(JSON.stringify(file)) });
    const services = report.records.filter((r) => r.table === 'service');
    assert.ok(services.every((r) => r.action === 'refused' && r.reasons.some((x) => x.includes('more than once'))));

    const countImports = async () => (await t.db.select().from(dirImports).where(eq(dirImports.regionId, target.id))).length;
    const before = await countImports();
    for (const [name, body, pattern] of [
      ['broken.json', '{"services": [', /not valid JSON|kein gültiges JSON/],
      ['other.json', '{"foo": 1}', /services/],
      ['broken.zip', 'PK\u0003\u0004garbage', /ZIP/],
    ] as const) {
      const csrf = await admin.csrfFrom(`/admin/regions/${target.id}/directory/import`);
      const boundary = '----hsdstest';
      const payload = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${body}\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
      const res = await t.app.inject({
        method: 'POST',
        url: `/admin/regions/${target.id}/directory/import`,
        headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      assert.equal(res.statusCode, 422, `${name}: ${res.statusCode}`);
      assert.match(res.body, pattern, name);
    }
    assert.equal(await countImports(), before);
  });

  it('import via the admin form: upload → report → apply, audited once', async () => {
    const target = await buildRegion(t.db, { slug: 'hsds-formular' });
    const csrf = await admin.csrfFrom(`/admin/regions/${target.id}/directory/import`);
    const boundary = '----hsdsform';
    const body = JSON.stringify(await exportHsdsJson(t.db, region.id));
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/regions/${target.id}/directory/import`,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kreis.json"\r\nContent-Type: application/json\r\n\r\n${body}\r\n--${boundary}--\r\n`,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const reportUrl = String(res.headers.location);
    const page = await admin.get(reportUrl);
    assert.match(page.body, /Migrationsberatung/);
    const applied = await admin.submit(`${reportUrl}/apply`, { status: 'published' }, { formUrl: reportUrl });
    assert.equal(applied.statusCode, 303);
    const importId = reportUrl.split('/').pop() ?? '';
    const [row] = await t.db.select().from(dirImports).where(eq(dirImports.id, importId));
    assert.equal(row?.state, 'applied');
    assert.equal((row?.report as unknown as ImportReport).applied?.new, (row?.report as unknown as ImportReport).counts.new);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, importId), eq(auditEvents.action, 'directory.hsds_import')));
    assert.equal(audits.length, 1);
    assert.equal((await t.db.select().from(dirServices).where(eq(dirServices.regionId, target.id))).length, 2);
  });
});
