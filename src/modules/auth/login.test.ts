import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount } from '../../../test/fixtures.js';
import { accounts, sessions } from '../../platform/schema.js';
import { safeNext } from './routes.js';
import { signIn, stableBody } from './test-support.js';

describe('safeNext', () => {
  it('keeps local paths and refuses other hosts', () => {
    assert.equal(safeNext('/admin/members?region=1'), '/admin/members?region=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', '/a\nb', undefined, 42])
      assert.equal(safeNext(bad), '/admin', String(bad));
  });
});

describe('login and logout', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows the form with the stable field names', async () => {
    const res = await new Browser(t.app).get('/login');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /id="f-email" name="email"/);
    assert.match(res.body, /id="f-password" name="password"/);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const acc = await buildAccount(t.db);
    const wrong = await signIn(new Browser(t.app), acc.email, 'wrong password here');
    const unknown = await signIn(new Browser(t.app), `nobody-${acc.id}@example.org`, 'wrong password here');
    assert.equal(wrong.statusCode, 422);
    assert.equal(unknown.statusCode, 422);
    assert.match(wrong.body, /E-Mail-Adresse oder Passwort ist falsch/);
    assert.equal(stableBody(wrong.body).replace(acc.email, 'X'), stableBody(unknown.body).replace(`nobody-${acc.id}@example.org`, 'X'));
    assert.match(wrong.body, new RegExp(`value="${acc.email}"`), 'the e-mail is kept');
    assert.ok(!String(wrong.headers['set-cookie'] ?? '').includes('ww_session'), 'no session on failure');
  });

  it('signs in, records the time, sends signed-in people on from /login, and signs out', async () => {
    const acc = await buildAccount(t.db, { isAdmin: true });
    const b = new Browser(t.app);
    const res = await signIn(b, acc.email.toUpperCase(), acc.password);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    assert.ok(b.cookies.has('ww_session'));
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    assert.ok(row?.lastLoginAt);
    assert.equal((await b.get('/login')).headers.location, '/admin');
    assert.equal((await b.get('/account')).statusCode, 200);

    const out = await b.submit('/logout', {}, { formUrl: '/account' });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/login');
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, acc.id))).length, 0);
    const page = await b.get('/login');
    assert.match(page.body, /Sie haben sich abgemeldet/);
    assert.equal((await b.get('/account')).statusCode, 303);
  });

  it('refuses an open redirect through next', async () => {
    const acc = await buildAccount(t.db);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await signIn(new Browser(t.app), acc.email, acc.password, next);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin', next);
    }
    const ok = await signIn(new Browser(t.app), acc.email, acc.password, '/account');
    assert.equal(ok.headers.location, '/account');
  });

  it('keeps disabled accounts out with the same message', async () => {
    const acc = await buildAccount(t.db);
    await t.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, acc.id));
    const res = await signIn(new Browser(t.app), acc.email, acc.password);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /E-Mail-Adresse oder Passwort ist falsch/);
  });

  it('refuses forged CSRF tokens (login and logout)', async () => {
    const acc = await buildAccount(t.db);
    const b = new Browser(t.app);
    await b.get('/login');
    const forged = await b.submit('/login', { email: acc.email, password: acc.password }, { csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
    assert.equal(b.cookies.has('ww_session'), false);
    await signIn(b, acc.email, acc.password);
    const logout = await b.submit('/logout', {}, { csrf: 'forged-token' });
    assert.equal(logout.statusCode, 403);
    assert.equal((await b.get('/account')).statusCode, 200, 'still signed in');
  });

  it('anonymous logout just goes to the login page', async () => {
    const b = new Browser(t.app);
    const res = await b.submit('/logout', {}, { formUrl: '/login' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login');
  });
});
