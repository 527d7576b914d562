import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount } from '../../../test/fixtures.js';
import { accounts, accountTokens, mails, sessions } from '../../platform/schema.js';
import { lastMailTo, linkPath, signIn } from './test-support.js';

const NEW_PASSWORD = 'a brand new long passphrase';

describe('password reset', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ BASE_URL: 'https://wegweiser.example' });
  });
  after(() => t.close());

  async function requestReset(email: string) {
    return new Browser(t.app).submit('/password/forgot', { email });
  }

  it('gives the same answer for known and unknown e-mails and mails only real accounts', async () => {
    const acc = await buildAccount(t.db, { uiLanguage: 'en', name: 'Ada' });
    const known = await requestReset(acc.email);
    const unknown = await requestReset(`nobody-${acc.id}@example.org`);
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.statusCode, 303);
    assert.equal(known.headers.location, unknown.headers.location);
    const mail = await lastMailTo(t.db, acc.email);
    assert.ok(mail);
    assert.equal(mail.subject, 'Reset your password – wegweiser');
    assert.match(mail.text, /Hello Ada/);
    assert.match(mail.text, /https:\/\/wegweiser\.example\/password\/reset\//);
    assert.match(mail.html ?? '', /<a href="https:\/\/wegweiser\.example\/password\/reset\//);
    assert.equal((await t.db.select().from(mails).where(eq(mails.to, `nobody-${acc.id}@example.org`))).length, 0);
    const [token] = await t.db.select().from(accountTokens).where(eq(accountTokens.accountId, acc.id));
    assert.ok(token && !mail.text.includes(token.tokenHash), 'only the hash is stored');
  });

  it('sets a new password once, ends every session, and refuses the link afterwards', async () => {
    const acc = await buildAccount(t.db);
    const other = new Browser(t.app);
    await signIn(other, acc.email, acc.password);
    await requestReset(acc.email);
    const mail = await lastMailTo(t.db, acc.email);
    assert.ok(mail);
    const path = linkPath(mail.text, '/password/reset/');
    const b = new Browser(t.app);
    assert.equal((await b.get(path)).statusCode, 200);

    const mismatch = await b.submit(path, { password: NEW_PASSWORD, password_confirm: 'something else entirely' });
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.body, /stimmen nicht überein/);
    const short = await b.submit(path, { password: 'short', password_confirm: 'short' });
    assert.equal(short.statusCode, 422);

    const done = await b.submit(path, { password: NEW_PASSWORD, password_confirm: NEW_PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/login');
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.accountId, acc.id))).length, 0);
    assert.equal((await other.get('/account')).statusCode, 303, 'the other session ended');

    const again = await b.get(path);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /bereits verwendet/);
    const [before] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    const reuse = await b.submit(path, { password: 'yet another long passphrase', password_confirm: 'yet another long passphrase' }, { formUrl: '/login' });
    assert.equal(reuse.statusCode, 410);
    const [afterReuse] = await t.db.select().from(accounts).where(eq(accounts.id, acc.id));
    assert.equal(afterReuse?.passwordHash, before?.passwordHash);

    assert.equal((await signIn(new Browser(t.app), acc.email, acc.password)).statusCode, 422, 'old password no longer works');
    assert.equal((await signIn(new Browser(t.app), acc.email, NEW_PASSWORD)).statusCode, 303);
  });

  it('refuses expired and unknown links and changes nothing', async () => {
    const acc = await buildAccount(t.db);
    await requestReset(acc.email);
    const mail = await lastMailTo(t.db, acc.email);
    assert.ok(mail);
    const path = linkPath(mail.text, '/password/reset/');
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.accountId, acc.id));
    const b = new Browser(t.app);
    const page = await b.get(path);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /abgelaufen/);
    const post = await b.submit(path, { password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, { formUrl: '/login' });
    assert.equal(post.statusCode, 410);
    assert.equal((await signIn(new Browser(t.app), acc.email, acc.password)).statusCode, 303, 'password unchanged');
    const unknown = await b.get('/password/reset/not-a-real-token');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /ungültig/);
  });

  it('limits reset requests per address', async () => {
    const b = new Browser(t.app);
    const csrf = await b.csrfFrom('/password/forgot');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await b.submit('/password/forgot', { email: `limit-${i}@example.org` }, { csrf })).statusCode);
    assert.ok(statuses.includes(429), statuses.join(','));
  });
});
