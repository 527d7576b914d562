import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount } from '../../../test/fixtures.js';
import { accounts, sessions } from '../../platform/schema.js';
import { signIn } from './test-support.js';

describe('own account', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('logs out everywhere else and single sessions', async () => {
    const acc = await buildAccount(t.db);
    const [a, b, c] = [new Browser(t.app), new Browser(t.app), new Browser(t.app)];
    for (const br of [a, b, c]) await signIn(br, acc.email, acc.password);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, acc.id))).length, 3);
    const page = await a.get('/account');
    assert.match(page.body, /Diese Sitzung/);
    const ids = [...page.body.matchAll(/name="session_id" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    assert.equal(ids.length, 2);

    const one = await a.submit('/account/sessions/revoke', { session_id: ids[0] ?? '' }, { formUrl: '/account' });
    assert.equal(one.statusCode, 303);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, acc.id))).length, 2);

    const res = await a.submit('/account/sessions/revoke-others', {}, { formUrl: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal((await b.get('/account')).statusCode, 303);
    assert.equal((await c.get('/account')).statusCode, 303);
    const mine = await a.get('/account');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Sie sind auf keinem anderen Gerät angemeldet/);
  });

  it('cannot end another account’s session', async () => {
    const acc = await buildAccount(t.db);
    const victim = await buildAccount(t.db);
    const a = new Browser(t.app);
    await signIn(a, acc.email, acc.password);
    await signIn(new Browser(t.app), victim.email, victim.password);
    const [victimSession] = await t.db.select().from(sessions).where(eq(sessions.accountId, victim.id));
    assert.ok(victimSession);
    const res = await a.submit('/account/sessions/revoke', { session_id: victimSession.id }, { formUrl: '/account' });
    assert.equal(res.statusCode, 404);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, victim.id))).length, 1);
  });

  it('edits the profile and the UI language', async () => {
    const acc = await buildAccount(t.db);
    const a = new Browser(t.app);
    await signIn(a, acc.email, acc.password);
    const bad = await a.submit('/account/profile', { name: '', ui_language: 'xx' }, { formUrl: '/account' });
    assert.equal(bad.statusCode, 422);
    const ok = await a.submit('/account/profile', { name: 'Renamed Person', ui_language: 'uk' }, { formUrl: '/account' });
    assert.equal(ok.statusCode, 303);
    const page = await a.get('/account');
    assert.match(page.body, /<html lang="uk"/);
    assert.match(page.body, /Мій обліковий запис/);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    assert.equal(row?.name, 'Renamed Person');
  });

  it('changes the password only with the current one and ends other sessions', async () => {
    const acc = await buildAccount(t.db);
    const [a, b] = [new Browser(t.app), new Browser(t.app)];
    await signIn(a, acc.email, acc.password);
    await signIn(b, acc.email, acc.password);
    const next = 'another long new passphrase';
    const wrong = await a.submit('/account/password', { current_password: 'not it at all', password: next, password_confirm: next }, { formUrl: '/account' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /aktuelle Passwort ist falsch/);
    const ok = await a.submit('/account/password', { current_password: acc.password, password: next, password_confirm: next }, { formUrl: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get('/account')).statusCode, 200);
    assert.equal((await b.get('/account')).statusCode, 303);
    assert.equal((await signIn(new Browser(t.app), acc.email, next)).statusCode, 303);
  });
});
