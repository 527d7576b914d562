import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount } from '../../../test/fixtures.js';
import { loginThrottles } from '../../platform/schema.js';
import { backoffSeconds, THROTTLE_LIMITS } from './throttle.js';
import { stableBody } from './test-support.js';

describe('backoffSeconds', () => {
  it('doubles from 30 s after the limit and stops at one hour', () => {
    assert.equal(backoffSeconds(4, 5), 0);
    assert.equal(backoffSeconds(5, 5), 30);
    assert.equal(backoffSeconds(6, 5), 60);
    assert.equal(backoffSeconds(7, 5), 120);
    assert.equal(backoffSeconds(50, 5), 3600);
  });
});

/** Posts the login form from a given client address (the throttle counts per IP too). */
async function attempt(app: FastifyInstance, ip: string, email: string, password: string) {
  const b = new Browser(app);
  const csrf = await b.csrfFrom('/login');
  const body = new URLSearchParams({ _csrf: csrf, email, password }).toString();
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({ method: 'POST', url: '/login', remoteAddress: ip, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
}

describe('login throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('blocks an account after repeated failures with growing back-off, even for the right password', async () => {
    const acc = await buildAccount(t.db);
    for (let i = 0; i < THROTTLE_LIMITS.acct; i++) assert.equal((await attempt(t.app, '10.0.0.1', acc.email, 'wrong password!')).statusCode, 422);
    const blocked = await attempt(t.app, '10.0.0.2', acc.email, acc.password);
    assert.equal(blocked.statusCode, 429);
    const wait = Number(blocked.headers['retry-after']);
    assert.ok(wait > 25 && wait <= 30, `retry-after ${wait}`);
    assert.match(blocked.body, /Bitte warten Sie/);

    // The block ends; the next failure blocks for twice as long.
    const key = `acct:${acc.email.toLowerCase()}`;
    await t.db.update(loginThrottles).set({ blockedUntil: new Date(Date.now() - 1000) }).where(eq(loginThrottles.key, key));
    assert.equal((await attempt(t.app, '10.0.0.3', acc.email, 'wrong again!!')).statusCode, 422);
    const again = await attempt(t.app, '10.0.0.3', acc.email, acc.password);
    assert.equal(again.statusCode, 429);
    const wait2 = Number(again.headers['retry-after']);
    assert.ok(wait2 > 55 && wait2 <= 60, `retry-after ${wait2}`);

    // After the block a correct password works and resets the counter.
    await t.db.update(loginThrottles).set({ blockedUntil: new Date(Date.now() - 1000) }).where(eq(loginThrottles.key, key));
    assert.equal((await attempt(t.app, '10.0.0.4', acc.email, acc.password)).statusCode, 303);
    assert.equal((await t.db.select().from(loginThrottles).where(eq(loginThrottles.key, key))).length, 0);
  });

  it('treats unknown e-mails the same way (no hint that an account exists)', async () => {
    const acc = await buildAccount(t.db);
    const ghost = `ghost-${acc.id}@example.org`;
    for (let i = 0; i < THROTTLE_LIMITS.acct; i++) {
      await attempt(t.app, '10.0.1.1', acc.email, 'wrong password!');
      await attempt(t.app, '10.0.1.2', ghost, 'wrong password!');
    }
    const a = await attempt(t.app, '10.0.1.3', acc.email, 'x');
    const b = await attempt(t.app, '10.0.1.4', ghost, 'x');
    assert.equal(a.statusCode, 429);
    assert.equal(b.statusCode, 429);
    assert.equal(stableBody(a.body).replace(acc.email, 'X'), stableBody(b.body).replace(ghost, 'X'));
  });

  it('blocks an address after many failures across accounts', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++) await attempt(t.app, '10.0.2.1', `spray-${i}@example.org`, 'wrong password!');
    const acc = await buildAccount(t.db);
    const res = await attempt(t.app, '10.0.2.1', acc.email, acc.password);
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) > 0);
    assert.equal((await attempt(t.app, '10.0.2.2', acc.email, acc.password)).statusCode, 303, 'other addresses are not affected');
  });
});
