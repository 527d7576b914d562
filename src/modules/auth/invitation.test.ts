import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type RegionRow } from '../../../test/fixtures.js';
import { accounts, accountTokens, auditEvents, memberships } from '../../platform/schema.js';
import { lastMailTo, linkPath, signIn } from './test-support.js';

const PASSWORD = 'invited person long passphrase';

describe('members and invitations', () => {
  let t: TestApp;
  let county: RegionRow;
  let municipality: RegionRow;
  let otherCounty: RegionRow;
  let regionAdmin: Awaited<ReturnType<typeof buildAccount>>;
  before(async () => {
    t = await createTestApp({ BASE_URL: 'https://wegweiser.example' });
    county = await buildRegion(t.db, { name: 'Kreis Nord' });
    municipality = await buildRegion(t.db, { name: 'Gemeinde Nord-1', kind: 'municipality', parentId: county.id });
    otherCounty = await buildRegion(t.db, { name: 'Kreis Süd' });
    regionAdmin = await buildAccount(t.db, { name: 'Rita Admin', uiLanguage: 'en', roles: [{ regionId: county.id, role: 'region_admin' }] });
  });
  after(() => t.close());

  async function adminBrowser() {
    const b = new Browser(t.app);
    await signIn(b, regionAdmin.email, regionAdmin.password);
    return b;
  }

  it('invitation → set password → signed in → login later', async () => {
    const b = await adminBrowser();
    const email = `new-${Date.now()}@example.org`;
    const res = await b.submit('/admin/members/invite', { email, name: 'Nadia New', region_id: municipality.id, role: 'translator', languages: ['ar', 'en'] }, { formUrl: '/admin/members' });
    assert.equal(res.statusCode, 303);
    const mail = await lastMailTo(t.db, email);
    assert.ok(mail);
    assert.equal(mail.subject, 'Invitation to wegweiser: Gemeinde Nord-1', 'in the inviter’s language');
    assert.match(mail.text, /Rita Admin invites you/);
    const path = linkPath(mail.text, '/invitation/');
    const token = path.split('/').pop() ?? '';
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.invite'));
    assert.ok(audit);
    assert.equal(JSON.stringify(audit.changes).includes(token), false, 'no token in the audit log');

    const listing = await b.get('/admin/members');
    assert.match(listing.body, new RegExp(email));

    const invitee = new Browser(t.app);
    const page = await invitee.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gemeinde Nord-1/);
    assert.match(page.body, /id="f-name" name="name"/);
    assert.match(page.body, /id="f-password_confirm" name="password_confirm"/);
    const mismatch = await invitee.submit(path, { name: 'Nadia New', password: PASSWORD, password_confirm: 'different passphrase!!' });
    assert.equal(mismatch.statusCode, 422);
    const accepted = await invitee.submit(path, { name: 'Nadia New', password: PASSWORD, password_confirm: PASSWORD });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, '/admin');
    assert.equal((await invitee.get('/account')).statusCode, 200, 'signed in');
    const [account] = await t.db.select().from(accounts).where(eq(accounts.email, email));
    assert.ok(account);
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.accountId, account.id));
    assert.deepEqual({ role: membership?.role, regionId: membership?.regionId, languages: membership?.languages }, { role: 'translator', regionId: municipality.id, languages: ['ar', 'en'] });

    // Reuse refused, nothing changes.
    const reuse = await new Browser(t.app).get(path);
    assert.equal(reuse.statusCode, 410);
    const reusePost = await new Browser(t.app).submit(path, { name: 'Mallory', password: PASSWORD, password_confirm: PASSWORD }, { formUrl: '/login' });
    assert.equal(reusePost.statusCode, 410);
    assert.equal((await t.db.select().from(accounts).where(eq(accounts.email, email))).length, 1);

    await invitee.submit('/logout', {}, { formUrl: '/account' });
    assert.equal((await signIn(new Browser(t.app), email, PASSWORD)).statusCode, 303);
  });

  it('expired and unknown invitations give a clear page and change nothing', async () => {
    const b = await adminBrowser();
    const email = `late-${Date.now()}@example.org`;
    await b.submit('/admin/members/invite', { email, name: 'Late', region_id: county.id, role: 'editor' }, { formUrl: '/admin/members' });
    const mail = await lastMailTo(t.db, email);
    assert.ok(mail);
    const path = linkPath(mail.text, '/invitation/');
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.email, email));
    const page = await new Browser(t.app).get(path);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /Einladung ist abgelaufen/);
    const post = await new Browser(t.app).submit(path, { name: 'Late', password: PASSWORD, password_confirm: PASSWORD }, { formUrl: '/login' });
    assert.equal(post.statusCode, 410);
    assert.equal((await t.db.select().from(accounts).where(eq(accounts.email, email))).length, 0);
    assert.equal((await new Browser(t.app).get('/invitation/nope')).statusCode, 400);
  });

  it('an existing account signs in first and then accepts', async () => {
    const existing = await buildAccount(t.db);
    const b = await adminBrowser();
    await b.submit('/admin/members/invite', { email: existing.email.toUpperCase(), name: 'Existing', region_id: county.id, role: 'editor' }, { formUrl: '/admin/members' });
    const mail = await lastMailTo(t.db, existing.email.toUpperCase());
    assert.ok(mail);
    const path = linkPath(mail.text, '/invitation/');
    const invitee = new Browser(t.app);
    const page = await invitee.get(path);
    assert.match(page.body, /bereits ein Konto/);
    const login = await signIn(invitee, existing.email, existing.password, path);
    assert.equal(login.headers.location, path);
    const accept = await invitee.submit(path, {});
    assert.equal(accept.statusCode, 303);
    const rows = await t.db.select().from(memberships).where(and(eq(memberships.accountId, existing.id), eq(memberships.regionId, county.id)));
    assert.equal(rows[0]?.role, 'editor');
    assert.equal((await invitee.submit(path, {}, { formUrl: '/account' })).statusCode, 410, 'one time');
  });

  it('limits invitations and the member list to the regions one manages', async () => {
    const outsider = await buildAccount(t.db, { roles: [{ regionId: otherCounty.id, role: 'editor' }] });
    const b = await adminBrowser();
    const other = await b.submit('/admin/members/invite', { email: 'x@example.org', name: 'X', region_id: otherCounty.id, role: 'editor' }, { formUrl: '/admin/members' });
    assert.equal(other.statusCode, 422);
    assert.equal((await t.db.select().from(accountTokens).where(eq(accountTokens.email, 'x@example.org'))).length, 0);
    const list = await b.get('/admin/members');
    assert.doesNotMatch(list.body, new RegExp(outsider.email));
    assert.doesNotMatch(list.body, /Kreis Süd/);
    assert.equal((await b.get(`/admin/members?region=${otherCounty.id}`)).statusCode, 403);
    const bad = await b.submit('/admin/members/invite', { email: 'not an email', name: '', region_id: county.id, role: 'editor' }, { formUrl: '/admin/members' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-email"/);
  });

  it('removes roles (audited) but not one’s own last region admin role', async () => {
    const editor = await buildAccount(t.db, { roles: [{ regionId: municipality.id, role: 'editor' }] });
    const b = await adminBrowser();
    const res = await b.submit('/admin/members/remove', { accountId: editor.id, regionId: municipality.id, role: 'editor' }, { formUrl: '/admin/members' });
    assert.equal(res.statusCode, 303);
    assert.equal((await t.db.select().from(memberships).where(eq(memberships.accountId, editor.id))).length, 0);
    assert.equal((await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.remove'))).length, 1);

    const self = await b.submit('/admin/members/remove', { accountId: regionAdmin.id, regionId: county.id, role: 'region_admin' }, { formUrl: '/admin/members' });
    assert.equal(self.statusCode, 303);
    assert.equal((await t.db.select().from(memberships).where(eq(memberships.accountId, regionAdmin.id))).length, 1, 'still region admin');
    const page = await b.get('/admin/members');
    assert.match(page.body, /last region administrator role/);

    // Outside one's regions: refused.
    const foreign = await buildAccount(t.db, { roles: [{ regionId: otherCounty.id, role: 'editor' }] });
    const refused = await b.submit('/admin/members/remove', { accountId: foreign.id, regionId: otherCounty.id, role: 'editor' }, { formUrl: '/admin/members' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await t.db.select().from(memberships).where(eq(memberships.accountId, foreign.id))).length, 1);
  });

  it('people without member rights get 403', async () => {
    const editor = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'editor' }] });
    const res = await t.app.inject({ method: 'GET', url: '/admin/members', headers: { cookie: await sessionCookieFor(t.app, t.db, editor.id) } });
    assert.equal(res.statusCode, 403);
  });
});
