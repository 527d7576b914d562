// Journey: an admin invites a colleague, who sets a password, logs in, creates a region with German and Arabic,
// and sees its Arabic home page right-to-left; the language switcher goes back and forth.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { regions } from '../../src/platform/schema.js';
import { buildAccount, buildRegion } from '../fixtures.js';
import { login, startE2e, submitFormOf, type E2e } from './harness.js';

let e2e: E2e;
before(async () => {
  e2e = await startE2e();
});
after(async () => {
  await e2e.stop();
});

test('invitation → set password → log in → create a region → Arabic page is right-to-left', async () => {
  const county = await buildRegion(e2e.db, { slug: 'kreis-einladung', name: 'Kreis Einladung', languages: ['de', 'en', 'ar'] });
  const admin = await buildAccount(e2e.db, { isAdmin: true, email: 'krueger@kreis.example', name: 'Frau Krüger' });

  // Frau Krüger invites a colleague as region admin of the county.
  const adminPage = await (await e2e.context()).newPage();
  await login(adminPage, admin.email, admin.password);
  await adminPage.goto('/admin/members');
  const invite = adminPage.locator('form[action^="/admin/members/invite"]');
  await invite.locator('[name="email"]').fill('neue.kollegin@kreis.example');
  await invite.locator('[name="name"]').fill('Neue Kollegin');
  await invite.locator('[name="region_id"]').selectOption(county.id);
  await invite.locator('[name="role"]').selectOption('region_admin');
  await Promise.all([adminPage.waitForEvent('load'), invite.locator('button').last().click()]);
  assert.match(await adminPage.locator('main').innerText(), /neue\.kollegin@kreis\.example/, 'the confirmation names the invited person');

  // No SMTP is configured: the mail is kept and shown on the outgoing-mail page, with the invitation link.
  await adminPage.goto('/admin/mail');
  const mailLink = adminPage.locator('a[href^="/admin/mail/"]').first();
  await Promise.all([adminPage.waitForEvent('load'), mailLink.click()]);
  const body = await adminPage.locator('pre.mail-body').innerText();
  assert.match(body, /neue|Kollegin|Einladung|Kreis/i);
  const link = /https?:\/\/[^\s]+\/invitation\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  assert.ok(link, `the mail holds an invitation link:\n${body}`);
  assert.ok(link.startsWith(e2e.url), `the link points at this installation (${link})`);

  // The colleague opens the link in her own browser and sets her name and password.
  const invitee = await (await e2e.context()).newPage();
  await invitee.goto(link);
  await invitee.locator('[name="name"]').fill('Nora Neu');
  await invitee.locator('[name="password"]').fill('ein sehr langes Passwort');
  await invitee.locator('[name="password_confirm"]').fill('ein sehr langes Passwort');
  await submitFormOf(invitee, 'password_confirm');
  assert.ok(!new URL(invitee.url()).pathname.startsWith('/invitation/'), `accepted, now at ${invitee.url()}`);

  // She logs in with the new password on another device (fresh context).
  const nora = await (await e2e.context()).newPage();
  await login(nora, 'neue.kollegin@kreis.example', 'ein sehr langes Passwort');

  // She creates a municipality in her county with German and Arabic.
  await nora.goto(`/admin/regions/new?parent=${county.id}`);
  await nora.locator('[name="name"]').fill('Gemeinde Sonnental');
  await nora.locator('[name="slug"]').fill('sonnental');
  await nora.locator('[name="kind"]').selectOption('municipality');
  await nora.locator('[name="timezone"]').selectOption('Europe/Berlin');
  for (const box of await nora.locator('input[name="languages"]').all()) {
    const value = await box.getAttribute('value');
    if (value === 'de' || value === 'ar') await box.check();
    else await box.uncheck();
  }
  await nora.locator('[name="sourceLanguage"]').selectOption('de');
  await submitFormOf(nora, 'sourceLanguage');
  assert.match(new URL(nora.url()).pathname, /^\/admin\/regions\/[0-9a-f-]{36}$/, `created, now at ${nora.url()}`);
  const [created] = await e2e.db.select().from(regions).where(and(eq(regions.slug, 'sonnental'), eq(regions.parentId, county.id)));
  assert.deepEqual(created?.languages.slice().sort(), ['ar', 'de']);

  // The public page in German; the switcher leads to Arabic, right-to-left, and back.
  const visitor = await (await e2e.context()).newPage();
  await visitor.goto('/sonnental/de/');
  assert.equal(await visitor.locator('html').getAttribute('lang'), 'de');
  assert.equal(await visitor.locator('html').getAttribute('dir'), 'ltr');
  await visitor.locator('nav.lang-switch summary').click();
  await Promise.all([visitor.waitForURL('**/sonnental/ar/'), visitor.locator('nav.lang-switch a[hreflang="ar"]').click()]);
  assert.equal(await visitor.locator('html[dir="rtl"][lang="ar"]').count(), 1, 'the Arabic page is right-to-left');
  assert.match(await visitor.locator('h1').first().innerText(), /Sonnental/);
  await visitor.locator('nav.lang-switch summary').click();
  await Promise.all([visitor.waitForURL('**/sonnental/de/'), visitor.locator('nav.lang-switch a[hreflang="de"]').click()]);
  assert.equal(await visitor.locator('html[dir="ltr"][lang="de"]').count(), 1);

  // Opening the Arabic URL directly works the same.
  await visitor.goto('/sonnental/ar/');
  assert.equal(await visitor.locator('html[dir="rtl"][lang="ar"]').count(), 1);
});
