import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers.js';

describe('HTTP basics', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('answers /healthz and /readyz with the migrations current', async () => {
    assert.equal((await t.app.inject('/healthz')).statusCode, 200);
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
  });

  it('sends security headers: CSP without inline script, no framing, nosniff, referrer policy', async () => {
    const res = await t.app.inject('/healthz');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
  });

  it('sends HSTS when the request came over TLS through a trusted proxy', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await proxied.app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('answers unknown pages with a localised HTML 404 and API errors as problem+json', async () => {
    const html = await t.app.inject({ url: '/does-not-exist', headers: { 'accept-language': 'en' } });
    assert.equal(html.statusCode, 404);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /Page not found/);
    const api = await t.app.inject('/api/v1/nothing-here');
    assert.equal(api.statusCode, 404);
    assert.match(api.headers['content-type'] as string, /application\/problem\+json/);
    const problem = api.json();
    assert.equal(problem.status, 404);
    assert.equal(problem.code, 'not_found');
    assert.ok(problem.type && problem.title && problem.detail);
  });

  it('refuses a form post without a valid CSRF token and changes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/logout', headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' }, payload: '_csrf=forged' });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Formular ist abgelaufen/);
  });

  it('serves hashed assets with immutable caching and compresses large responses', async () => {
    const page = await t.app.inject('/does-not-exist');
    const css = /href="(\/assets\/main\.[a-f0-9]+\.css)"/.exec(page.body)?.[1];
    assert.ok(css, 'page links the hashed stylesheet');
    const res = await t.app.inject({ url: css, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /immutable/);
  });
});
