import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion } from '../../../test/fixtures.js';
import { accounts, auditEvents, sessions } from '../../platform/schema.js';
import { deriveTotpKey, openSecret } from '../../platform/auth/secret-box.js';
import { signIn } from './test-support.js';

function codeFor(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** The stored (sealed) value of the account's TOTP secret. */
async function storedSecretOf(t: TestApp, accountId: string): Promise<string> {
  const [row] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row?.totpSecret) throw new Error('no secret');
  return row.totpSecret;
}

/** Freezes the clock (Date only) so that tests can step from one 30 s TOTP step to the next. */
function freezeClock(ctx: TestContext): { next: () => void } {
  ctx.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  return { next: () => ctx.mock.timers.tick(30_000) };
}

/** Sets up TOTP through the pages; returns the secret (as the page shows it). */
async function enableTotp(t: TestApp, b: Browser, accountId: string): Promise<string> {
  const page = await b.get('/account/2fa/setup');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /otpauth:\/\/totp\//);
  const secret = /secret=([A-Z2-7]+)/.exec(page.body)?.[1] ?? '';
  assert.ok(page.body.includes(secret.slice(0, 4)), 'the secret is shown as text');
  const stored = await storedSecretOf(t, accountId);
  assert.match(stored, /^v1:/, 'stored sealed');
  assert.equal(stored.includes(secret), false, 'not the base32 secret');
  assert.equal(openSecret(deriveTotpKey(t.config.sessionSecret), stored, accountId), secret);
  const wrong = await b.submit('/account/2fa/setup', { code: '000000' === codeFor(secret) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 422);
  const res = await b.submit('/account/2fa/setup', { code: codeFor(secret) });
  assert.equal(res.statusCode, 303);
  return secret;
}

describe('TOTP second factor', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sets up, then asks for the code at sign-in, and can be turned off', async (ctx) => {
    const clock = freezeClock(ctx);
    const acc = await buildAccount(t.db, { isAdmin: true });
    const b = new Browser(t.app);
    await signIn(b, acc.email, acc.password);
    const secret = await enableTotp(t, b, acc.id);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.totp_enable'));
    assert.equal(audits.length, 1);
    assert.equal(JSON.stringify(audits[0]?.changes).includes(secret), false, 'no secret in the audit log');

    clock.next(); // the code that confirmed the setup is used up
    const c = new Browser(t.app);
    const first = await signIn(c, acc.email, acc.password, '/account');
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/login/2fa?next=%2Faccount');
    const blocked = await c.get('/account');
    assert.equal(blocked.statusCode, 303, 'not signed in before the code');
    assert.match(String(blocked.headers.location), /^\/login\/2fa/);
    const form = await c.get('/login/2fa');
    assert.match(form.body, /id="f-code" name="code"/);
    const wrong = await c.submit('/login/2fa', { code: codeFor(secret, 10) });
    assert.equal(wrong.statusCode, 422);
    const ok = await c.submit('/login/2fa?next=%2Faccount', { code: codeFor(secret), next: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.equal((await c.get('/account')).statusCode, 200);

    clock.next();
    const bad = await c.submit('/account/2fa/disable', { disable_password: 'wrong wrong wrong', disable_code: codeFor(secret) }, { formUrl: '/account' });
    assert.equal(bad.statusCode, 422);
    const off = await c.submit('/account/2fa/disable', { disable_password: acc.password, disable_code: codeFor(secret) }, { formUrl: '/account' });
    assert.equal(off.statusCode, 303);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    assert.equal(row?.totpEnabledAt, null);
    assert.equal(row?.totpSecret, null);
    assert.equal(row?.totpLastStep, null);
    assert.equal((await signIn(new Browser(t.app), acc.email, acc.password)).headers.location, '/admin');
  });

  it('accepts a code once: the same code again is refused, even at the same moment', async (ctx) => {
    const clock = freezeClock(ctx);
    const acc = await buildAccount(t.db);
    const b = new Browser(t.app);
    await signIn(b, acc.email, acc.password);
    const secret = await enableTotp(t, b, acc.id);
    clock.next();
    const code = codeFor(secret);

    const first = new Browser(t.app);
    await signIn(first, acc.email, acc.password);
    assert.equal((await first.submit('/login/2fa', { code })).statusCode, 303);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    assert.equal(row?.totpLastStep, Math.floor(Date.now() / 30_000));

    const again = new Browser(t.app);
    await signIn(again, acc.email, acc.password);
    const refused = await again.submit('/login/2fa', { code });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Der Code ist falsch oder abgelaufen/, 'the usual message, nothing about reuse');
    assert.equal((await again.get('/account')).statusCode, 303, 'still not signed in');
    assert.equal((await again.submit('/login/2fa', { code: codeFor(secret, -1) })).statusCode, 422, 'an earlier step neither');

    clock.next();
    const [x, y] = [new Browser(t.app), new Browser(t.app)];
    await signIn(x, acc.email, acc.password);
    await signIn(y, acc.email, acc.password);
    const next = codeFor(secret);
    const statuses = (await Promise.all([x.submit('/login/2fa', { code: next }), y.submit('/login/2fa', { code: next })])).map((r) => r.statusCode);
    assert.deepEqual([...statuses].sort(), [303, 422], 'two sign-ins with one code: only one passes');
  });

  it('keeps accepting a secret stored in plain text before encryption, and seals it on use', async (ctx) => {
    freezeClock(ctx);
    const acc = await buildAccount(t.db);
    const plain = new Secret({ size: 20 }).base32;
    await t.db.update(accounts).set({ totpSecret: plain, totpEnabledAt: new Date() }).where(eq(accounts.id, acc.id));
    const c = new Browser(t.app);
    assert.equal((await signIn(c, acc.email, acc.password)).headers.location, '/login/2fa');
    assert.equal((await c.submit('/login/2fa', { code: codeFor(plain) })).statusCode, 303);
    assert.equal((await c.get('/account')).statusCode, 200);
    const stored = await storedSecretOf(t, acc.id);
    assert.match(stored, /^v1:/);
    assert.equal(openSecret(deriveTotpKey(t.config.sessionSecret), stored, acc.id), plain);
    const d = new Browser(t.app);
    await signIn(d, acc.email, acc.password);
    assert.equal((await d.submit('/login/2fa', { code: codeFor(plain) })).statusCode, 422, 'used once, also for old secrets');
  });

  it('a secret sealed with another SESSION_SECRET no longer opens: the code is refused', async (ctx) => {
    freezeClock(ctx);
    const acc = await buildAccount(t.db);
    const b = new Browser(t.app);
    await signIn(b, acc.email, acc.password);
    const secret = await enableTotp(t, b, acc.id);
    const other = await createTestApp({ SESSION_SECRET: 'another secret of at least thirty-two characters' });
    try {
      // Same account, as if the installation had restarted with a new SESSION_SECRET.
      const [row] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
      assert.ok(row?.totpEnabledAt);
      await other.db.insert(accounts).values(row);
      const c = new Browser(other.app);
      assert.equal((await signIn(c, acc.email, acc.password)).headers.location, '/login/2fa');
      assert.equal((await c.submit('/login/2fa', { code: codeFor(secret, 1) })).statusCode, 422);
    } finally {
      await other.close();
    }
  });

  it('throttles wrong codes like passwords', async () => {
    const acc = await buildAccount(t.db);
    const b = new Browser(t.app);
    await signIn(b, acc.email, acc.password);
    const secret = await enableTotp(t, b, acc.id);
    const c = new Browser(t.app);
    await signIn(c, acc.email, acc.password);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await c.submit('/login/2fa', { code: codeFor(secret, 20) })).statusCode);
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429]);
    assert.equal((await c.submit('/login/2fa', { code: codeFor(secret) })).statusCode, 429, 'even the right code waits');
  });
});

describe('resetting someone else’s second factor', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('the region admin of the person’s region resets it; others may not', async () => {
    const county = await buildRegion(t.db);
    const otherCounty = await buildRegion(t.db);
    const ra = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'region_admin' }] });
    const otherRa = await buildAccount(t.db, { roles: [{ regionId: otherCounty.id, role: 'region_admin' }] });
    const editor = await buildAccount(t.db, { name: 'Erika Editor', roles: [{ regionId: county.id, role: 'editor' }] });
    const admin = await buildAccount(t.db, { isAdmin: true, roles: [{ regionId: county.id, role: 'editor' }] });
    for (const acc of [editor, admin]) {
      const b = new Browser(t.app);
      await signIn(b, acc.email, acc.password);
      await enableTotp(t, b, acc.id);
    }
    const editorSession = new Browser(t.app);
    await signIn(editorSession, editor.email, editor.password);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, editor.id))).length, 2);

    const o = new Browser(t.app);
    await signIn(o, otherRa.email, otherRa.password);
    assert.equal((await o.submit(`/admin/members/${editor.id}/2fa-reset`, {}, { formUrl: '/admin/members' })).statusCode, 403, 'another county');

    const r = new Browser(t.app);
    await signIn(r, ra.email, ra.password);
    const page = await r.get(`/admin/members?region=${county.id}`);
    assert.ok(page.body.includes(`action="/admin/members/${editor.id}/2fa-reset?region=${county.id}"`), 'a reset button for the editor');
    assert.equal(page.body.includes(`/admin/members/${admin.id}/2fa-reset`), false, 'none for the installation admin');
    assert.equal((await r.submit(`/admin/members/${admin.id}/2fa-reset`, {}, { formUrl: '/admin/members' })).statusCode, 403, 'not an installation admin’s');

    const res = await r.submit(`/admin/members/${editor.id}/2fa-reset?region=${county.id}`, {}, { formUrl: '/admin/members' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/members?region=${county.id}`);
    assert.match((await r.get(String(res.headers.location))).body, /Die Zwei-Faktor-Anmeldung von Erika Editor ist zurückgesetzt/);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, editor.id));
    assert.equal(row?.totpEnabledAt, null);
    assert.equal(row?.totpSecret, null);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, editor.id))).length, 0, 'signed out everywhere');
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.2fa_reset'));
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.entityId, editor.id);
    assert.equal(audits[0]?.regionId, county.id);
    assert.equal(audits[0]?.actorId, ra.id);
    assert.equal(JSON.stringify(audits[0]?.changes).includes('v1:'), false, 'no secret in the audit log');

    const again = await r.submit(`/admin/members/${editor.id}/2fa-reset`, {}, { formUrl: '/admin/members' });
    assert.equal(again.statusCode, 303);
    assert.match((await r.get('/admin/members')).body, /Erika Editor hat keine Zwei-Faktor-Anmeldung eingeschaltet/);
    assert.equal((await signIn(new Browser(t.app), editor.email, editor.password)).headers.location, '/admin', 'password alone again');
  });
});

describe('REQUIRE_ADMIN_2FA', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ REQUIRE_ADMIN_2FA: 'true' });
  });
  after(() => t.close());

  it('sends admins and region admins without TOTP to the setup before /admin', async () => {
    const region = await buildRegion(t.db);
    const ra = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'region_admin' }] });
    const b = new Browser(t.app);
    await signIn(b, ra.email, ra.password);
    for (const url of ['/admin', '/admin/members', '/admin/regions']) {
      const res = await b.get(url);
      assert.equal(res.statusCode, 303, url);
      assert.equal(res.headers.location, '/account/2fa/setup', url);
    }
    const setup = await b.get('/account/2fa/setup');
    assert.match(setup.body, /verlangt für Administrator:innen/);
    await enableTotp(t, b, ra.id);
    assert.equal((await b.get('/admin/members')).statusCode, 200);

    const editor = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'editor' }] });
    const e = new Browser(t.app);
    await signIn(e, editor.email, editor.password);
    assert.notEqual((await e.get('/admin')).headers.location, '/account/2fa/setup', 'other roles are not forced');
  });
});
