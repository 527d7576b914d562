import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { createTestApp, type TestApp } from './helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type RegionRow } from './fixtures.js';
import { updateRegion } from '../src/modules/regions/service.js';

describe('public page cache', () => {
  let t: TestApp;
  let region: RegionRow;
  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { name: 'Kreis Vorher' });
  });
  after(() => t.close());

  it('answers the second anonymous request from the cache, compressed, with the same ETag', async () => {
    const url = `/${region.slug}/de/`;
    const first = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-cache'], undefined);
    const second = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    assert.equal(second.headers['x-cache'], 'hit');
    assert.equal(second.headers['content-encoding'], 'br');
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(brotliDecompressSync(second.rawPayload).toString(), /Kreis Vorher/);
    const notModified = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(notModified.statusCode, 304);
  });

  it('shows an admin change at once (every audited write empties the cache)', async () => {
    const url = `/${region.slug}/de/`;
    await t.app.inject(url);
    assert.equal((await t.app.inject(url)).headers['x-cache'], 'hit');
    const admin = await buildAccount(t.db, { isAdmin: true });
    await updateRegion(t.db, { id: admin.id, email: admin.email, name: '', isAdmin: true, memberships: [] }, { id: region.id, revision: region.revision, name: 'Kreis Nachher' });
    const after = await t.app.inject(url);
    assert.equal(after.headers['x-cache'], undefined);
    assert.match(after.body, /Kreis Nachher/);
    assert.doesNotMatch(after.body, /Kreis Vorher/);
  });

  it('never serves a cached page to a signed-in person', async () => {
    const url = `/${region.slug}/de/`;
    await t.app.inject(url);
    const person = await buildAccount(t.db, { isAdmin: true });
    const res = await t.app.inject({ url, headers: { cookie: await sessionCookieFor(t.app, t.db, person.id) } });
    assert.equal(res.headers['x-cache'], undefined);
    assert.match(String(res.headers['cache-control']), /private/);
  });

  it('keeps languages apart', async () => {
    await t.app.inject(`/${region.slug}/de/`);
    const ar = await t.app.inject(`/${region.slug}/ar/`);
    assert.match(ar.body, /<html lang="ar" dir="rtl"/);
    const ar2 = await t.app.inject(`/${region.slug}/ar/`);
    assert.equal(ar2.headers['x-cache'], 'hit');
    assert.match(ar2.body, /<html lang="ar" dir="rtl"/);
  });
});
