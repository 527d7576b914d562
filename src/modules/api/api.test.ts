import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { type Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import { apiTokens, auditEvents, regions } from '../../platform/schema.js';

describe('API /api/v1', () => {
  let t: TestApp;
  let county: RegionRow;
  let town: RegionRow;
  let other: RegionRow;
  let admin: Browser;
  let token = '';
  const auth = () => ({ authorization: `Bearer ${token}` });

  before(async () => {
    t = await createTestApp();
    county = await buildRegion(t.db, { slug: 'api-kreis', name: 'API Kreis', contact: 'Kontakt' });
    town = await buildRegion(t.db, { slug: 'api-dorf', name: 'API Dorf', kind: 'municipality', parentId: county.id });
    other = await buildRegion(t.db, { slug: 'api-anderer', name: 'Anderer' });
    await buildRegion(t.db, { slug: 'api-archiv', archivedAt: new Date() });
    admin = (await signedIn(t, { roles: [{ regionId: county.id, role: 'region_admin' }], uiLanguage: 'de' })).browser;
  });
  after(() => t.close());

  it('reads languages and public regions without a token', async () => {
    const langs = await t.app.inject('/api/v1/languages');
    assert.equal(langs.statusCode, 200);
    assert.deepEqual(
      langs.json().find((l: { code: string }) => l.code === 'ar'),
      { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', direction: 'rtl' },
    );
    const list = (await t.app.inject('/api/v1/regions')).json() as { slug: string; parent: string | null }[];
    assert.ok(list.some((r) => r.slug === 'api-dorf' && r.parent === 'api-kreis'));
    assert.ok(!list.some((r) => r.slug === 'api-archiv'));
    const children = (await t.app.inject('/api/v1/regions?parent=api-kreis')).json() as { slug: string }[];
    assert.deepEqual(
      children.map((r) => r.slug),
      ['api-dorf'],
    );
    const one = await t.app.inject('/api/v1/regions/api-kreis');
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().contact, 'Kontakt');
    assert.deepEqual(one.json().children, ['api-dorf']);
    const missing = await t.app.inject({ url: '/api/v1/regions/gibt-es-nicht', headers: { 'accept-language': 'en' } });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    assert.equal(missing.json().detail, 'This region does not exist.');
    assert.equal((await t.app.inject('/api/v1/regions/api-archiv')).statusCode, 410);
  });

  it('creates a token on the admin page, shows it once and stores only its hash', async () => {
    const page = await admin.get(`/admin/regions/${county.id}/api-tokens`);
    assert.equal(page.statusCode, 200);
    const res = await admin.submit(`/admin/regions/${county.id}/api-tokens`, { name: 'Import' });
    assert.equal(res.statusCode, 201);
    token = /value="(ww_[0-9a-f]{8}_[A-Za-z0-9_-]+)"/.exec(res.body)?.[1] ?? '';
    assert.ok(token, 'the full token is on the result page');
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, 'Import'));
    assert.ok(row);
    assert.notEqual(row.tokenHash, token);
    const secret = token.slice('ww_'.length + 8 + 1);
    assert.ok(secret.length >= 20);
    assert.ok(!JSON.stringify(row).includes(secret), 'the secret is stored nowhere');
    const list = await admin.get(`/admin/regions/${county.id}/api-tokens`);
    assert.match(list.body, new RegExp(`ww_${row.prefix}_…`));
    assert.ok(!list.body.includes(token), 'never shown again');
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'api_token.create')));
    assert.ok(audit);
  });

  it('creates a child region with the token; audit says api-token:<name>', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions/api-kreis/children',
      headers: auth(),
      payload: { slug: 'api-neu', name: 'Neue Stadt', kind: 'city', languages: ['de', 'uk'], sourceLanguage: 'de' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers.location, '/api/v1/regions/api-neu');
    assert.equal(res.json().parent, 'api-kreis');
    assert.equal(res.json().timezone, 'Europe/Berlin');
    const [created] = await t.db.select().from(regions).where(eq(regions.slug, 'api-neu'));
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created?.id ?? ''), eq(auditEvents.action, 'region.create')));
    assert.equal(audit?.actorLabel, 'api-token:Import');
    const [tok] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, 'Import'));
    assert.ok(tok?.lastUsedAt);
  });

  it('updates with the revision; a stale revision gets 409 with the current version and changes nothing', async () => {
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', headers: auth(), payload: { revision: town.revision, name: 'API Dorf neu' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().name, 'API Dorf neu');
    assert.equal(ok.json().revision, town.revision + 1);
    const stale = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', headers: { ...auth(), 'accept-language': 'en' }, payload: { revision: town.revision, name: 'Verloren?' } });
    assert.equal(stale.statusCode, 409);
    assert.match(String(stale.headers['content-type']), /application\/problem\+json/);
    const problem = stale.json();
    assert.equal(problem.code, 'revision_conflict');
    assert.equal(problem.current.name, 'API Dorf neu');
    assert.equal(problem.current.revision, town.revision + 1);
    const [stored] = await t.db.select().from(regions).where(eq(regions.id, town.id));
    assert.equal(stored?.name, 'API Dorf neu');
  });

  it('refuses bad input with 422 and localised field messages; unknown regions 404; other regions 403', async () => {
    const post = (url: string, payload: unknown, lang = 'de') =>
      t.app.inject({ method: 'POST', url, headers: { ...auth(), 'accept-language': lang }, payload: payload as Record<string, unknown> });
    const empty = await post('/api/v1/regions/api-kreis/children', { slug: '', name: '', kind: 'city', languages: [], sourceLanguage: 'de' });
    assert.equal(empty.statusCode, 422);
    const fields = Object.fromEntries((empty.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    assert.equal(fields.name, 'Bitte füllen Sie dieses Feld aus.');
    assert.ok(fields.slug && fields.languages);
    const wrongType = await post('/api/v1/regions/api-kreis/children', { slug: 'typ-test', name: 5, kind: 'city', languages: ['de'], sourceLanguage: 'de' }, 'en');
    assert.equal(wrongType.statusCode, 422);
    assert.equal(wrongType.json().errors[0].field, 'name');
    const tooLong = await post('/api/v1/regions/api-kreis/children', { slug: 'lang-test', name: 'x'.repeat(201), kind: 'city', languages: ['de'], sourceLanguage: 'de' }, 'en');
    assert.equal(tooLong.json().errors[0].message, 'Please enter at most 200 characters.');
    const dup = await post('/api/v1/regions/api-kreis/children', { slug: 'api-dorf', name: 'Doppelt', kind: 'city', languages: ['de'], sourceLanguage: 'de' });
    assert.equal(dup.statusCode, 422);
    assert.equal(dup.json().errors[0].code, 'errors.slug_taken');
    const lang = await post('/api/v1/regions/api-kreis/children', { slug: 'sprach-test', name: 'S', kind: 'city', languages: ['de', 'xx'], sourceLanguage: 'de' });
    assert.equal(lang.json().errors[0].code, 'regions.error_unknown_language');
    const unknownField = await post('/api/v1/regions/api-kreis/children', { slug: 'feld-test', name: 'S', kind: 'city', languages: ['de'], sourceLanguage: 'de', evil: 1 });
    assert.equal(unknownField.statusCode, 422);
    assert.equal((await post('/api/v1/regions/gibt-es-nicht/children', { slug: 'x-y', name: 'S', kind: 'city', languages: ['de'], sourceLanguage: 'de' })).statusCode, 404);
    const foreign = await t.app.inject({ method: 'PATCH', url: `/api/v1/regions/${other.slug}`, headers: auth(), payload: { revision: 1, name: 'Fremd' } });
    assert.equal(foreign.statusCode, 403);
    const badJson = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', headers: { ...auth(), 'content-type': 'application/json' }, payload: '{"revision": ' });
    assert.equal(badJson.statusCode, 400);
    assert.equal((await t.db.select().from(regions).where(eq(regions.slug, 'typ-test'))).length, 0);
  });

  it('refuses an oversized body with 413 problem+json', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/regions/api-dorf',
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: JSON.stringify({ revision: 2, contact: 'x'.repeat(1024 * 1024 + 10) }),
    });
    assert.equal(res.statusCode, 413);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json().code, 'body_too_large');
  });

  it('answers 401 problem+json without a token, with a malformed one, and after revoking', async () => {
    const none = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', payload: { revision: 1 } });
    assert.equal(none.statusCode, 401);
    assert.match(String(none.headers['www-authenticate']), /Bearer/);
    assert.equal(none.json().code, 'token_invalid');
    const forged = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', headers: { authorization: 'Bearer ww_00000000_abcdefghijklmnopqrstuvwxyz' }, payload: { revision: 1 } });
    assert.equal(forged.statusCode, 401);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, 'Import'));
    const revoke = await admin.submit(`/admin/regions/${county.id}/api-tokens/${row?.id}/revoke`, {}, { formUrl: `/admin/regions/${county.id}/api-tokens` });
    assert.equal(revoke.statusCode, 303);
    const revoked = await t.app.inject({ method: 'PATCH', url: '/api/v1/regions/api-dorf', headers: auth(), payload: { revision: 2, name: 'Nach Widerruf' } });
    assert.equal(revoked.statusCode, 401);
    assert.match(String(revoked.headers['content-type']), /application\/problem\+json/);
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row?.id ?? ''), eq(auditEvents.action, 'api_token.revoke')));
    assert.ok(audit);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const res = await t.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/v1/languages',
      '/api/v1/regions',
      '/api/v1/regions/{slug}',
      '/api/v1/regions/{slug}/children',
      '/api/v1/regions/{slug}/languages/{lang}/pages',
      '/api/v1/regions/{slug}/languages/{lang}/pages/{id}',
    ]);
    const patch = doc.paths['/api/v1/regions/{slug}'].patch;
    assert.deepEqual(patch.security, [{ apiToken: [] }]);
    const body = patch.requestBody.content['application/json'].schema;
    assert.ok(body.required.includes('revision'));
    assert.equal(body.properties.name.maxLength, 200);
    assert.ok(patch.responses['409']);
    assert.ok(doc.paths['/api/v1/regions/{slug}'].get.responses['200'].content['application/json'].schema.properties.accessibilityStatement);
    assert.equal(doc.components.securitySchemes.apiToken.scheme, 'bearer');
    const docs = await t.app.inject({ url: '/api/docs', headers: { 'accept-language': 'en' } });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /PATCH \/api\/v1\/regions\/\{slug\}/);
    assert.match(docs.body, /curl -sS -X PATCH/);
    assert.match(docs.body, /Authorization: Bearer/);
    assert.doesNotMatch(docs.body, /swagger-ui|https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]+\.[a-z]+\/[^"]*\.(js|css)/);
  });
});
