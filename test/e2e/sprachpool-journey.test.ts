// Journeys 4 and 5 walked in a real browser, on the demo county's language-mediator pool.
// Herr Yılmaz (pool coordinator, without JavaScript) opens the primary school's request for a Kurmanji mediator at
// next Thursday's parents' evening: the ranking shows five mediators with reasons and two not eligible — one booked
// at 16:30 nearby, one whose confidentiality declaration has expired. He offers to Dilan and the next best. Dilan
// (on a phone, with JavaScript, not signed in) accepts by the link in her mail; the other offer is withdrawn and its
// mediator told; the school gets a confirmation with Dilan's first name. Signed in, Dilan finds the assignment with
// its calendar file and marks two weeks of holiday. After the evening she reports 1.5 h and 12 km, the school
// confirms, and the month's invoice CSV has the line. Every transition is in the audit log; the pages pass axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq, inArray, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { assignments, offers, requests, mediators, timesheets } from '../../src/modules/sprachpool/schema.js';
import { findRegionBySlug } from '../../src/modules/regions/index.js';
import { translator } from '../../src/platform/i18n/catalog.js';
import { auditEvents, mails } from '../../src/platform/schema.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../src/platform/time/zoned-time.js';
import { DEMO_ACCOUNTS } from '../../src/seed/demo.js';
import { describeViolations, login, seriousAxeViolations, startE2e, type E2e } from './harness.js';

const REGION = 'landkreis-beispiel';
const TZ = 'Europe/Berlin';
const de = translator('de');
const [COORDINATOR, DILAN, SCHOOL] = DEMO_ACCOUNTS;

let e2e: E2e;
let regionId: string;
let coordinator: Page;
let requestId = '';
let otherMediator = '';

/** Waits until the worker has sent (or kept) the mails matching `where`, and returns them. */
async function mailsTo(to: string, subjectPart: string, count = 1): Promise<(typeof mails.$inferSelect)[]> {
  for (let i = 0; i < 100; i += 1) {
    const rows = await e2e.db
      .select()
      .from(mails)
      .where(and(eq(mails.to, to), like(mails.subject, `%${subjectPart}%`)))
      .orderBy(desc(mails.createdAt));
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no mail to ${to} about "${subjectPart}"`);
}

async function axeClean(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

async function clickAndLoad(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

before(async () => {
  e2e = await startE2e();
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region, 'the demo county exists');
  regionId = region.id;
  const context: BrowserContext = await e2e.context({ javaScriptEnabled: false, bypassCSP: true });
  coordinator = await context.newPage();
  await login(coordinator, COORDINATOR.email, e2e.demoAdmin.password);
});
after(async () => {
  await e2e.stop();
});

test('Herr Yılmaz sees the ranking with reasons and offers the parents’ evening to the top two (no JavaScript)', async () => {
  const page = coordinator;
  await page.goto('/admin');
  await clickAndLoad(page, page.getByRole('link', { name: de('sprachpool.link_admin') }));
  await clickAndLoad(page, page.getByRole('link', { name: new RegExp(de('sprachpool.overview_to_approve')) }));
  const row = page.locator('tr', { hasText: 'Kurmandschi' }).filter({ hasText: 'Grundschule Nord' });
  await clickAndLoad(page, row.getByRole('link').first());
  requestId = page.url().split('/').pop() ?? '';
  const [request] = await e2e.db.select().from(requests).where(eq(requests.id, requestId));
  assert.equal(request?.language, 'kmr');
  assert.equal(utcToZonedLocal(request.startsAt, TZ).slice(11, 16), '16:00');
  assert.equal(new Date(`${request.startLocal.slice(0, 10)}T12:00:00Z`).getUTCDay(), 4, 'a Thursday');

  const ranked = page.locator('input[name="mediatorIds"]');
  assert.equal(await ranked.count(), 5, 'five eligible mediators');
  const body = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  assert.match(body, /Berivan Yıldız.*16:30/, 'Berivan is not eligible: booked at 16:30');
  assert.match(body, /Zozan Ekinci.*Verschwiegenheitserklärung/, 'Zozan is not eligible: declaration expired');
  for (const name of ['Dilan Aydın', 'Rojda Kaya', 'Jiyan Doğan', 'Azad Hassan', 'Serhat Demir']) assert.ok(body.includes(name), `${name} is ranked`);
  // axe needs JavaScript: the same page in a second, scripted session of his.
  const scripted = await (await e2e.context({ bypassCSP: true })).newPage();
  await login(scripted, COORDINATOR.email, e2e.demoAdmin.password);
  await scripted.goto(page.url());
  await axeClean(scripted, 'the request with its ranking');

  // Dilan and the best-ranked other mediator.
  const dilanBox = page.locator('tr', { hasText: 'Dilan Aydın' }).locator('input[name="mediatorIds"]');
  await dilanBox.check();
  const boxes = await ranked.all();
  for (const box of boxes) {
    if ((await box.getAttribute('value')) === (await dilanBox.getAttribute('value'))) continue;
    otherMediator = (await box.getAttribute('value')) ?? '';
    await box.check();
    break;
  }
  await clickAndLoad(page, page.getByRole('button', { name: de('sprachpool-requests.send_offers') }));
  const sent = await e2e.db.select().from(offers).where(eq(offers.requestId, requestId));
  assert.equal(sent.length, 2);
  assert.ok(sent.every((o) => o.status === 'open'));
  const [after] = await e2e.db.select().from(requests).where(eq(requests.id, requestId));
  assert.equal(after?.status, 'offered');
});

test('Dilan accepts on her phone by the link in her mail; the other offer is withdrawn, the school is told', async () => {
  assert.ok(requestId, 'the offers were sent');
  const [mail] = await mailsTo(DILAN.email, '');
  const link = /https?:\/\/[^\s"<>]+\/sprachpool\/offers\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  assert.ok(link, `the offer mail has a one-time link:\n${mail?.text}`);
  const phone = await (await e2e.context({ viewport: { width: 390, height: 844 }, isMobile: true, bypassCSP: true })).newPage();
  await phone.goto(new URL(link).pathname);
  assert.match(await phone.locator('main').innerText(), /Kurmandschi/);
  await axeClean(phone, 'the offer page on a phone');
  await clickAndLoad(phone, phone.getByRole('button', { name: de('sprachpool-requests.accept_action') }));
  assert.match(await phone.locator('main').innerText(), new RegExp(de('sprachpool-requests.offer_done_accepted', { name: 'Dilan' }).slice(0, 20)));

  const [dilan] = await e2e.db.select().from(mediators).where(eq(mediators.email, DILAN.email));
  const [assignment] = await e2e.db.select().from(assignments).where(and(eq(assignments.requestId, requestId), eq(assignments.status, 'active')));
  assert.equal(assignment?.mediatorId, dilan?.id, 'Dilan holds the assignment');
  const [other] = await e2e.db.select().from(offers).where(and(eq(offers.requestId, requestId), eq(offers.mediatorId, otherMediator)));
  assert.equal(other?.status, 'withdrawn', 'the other offer is withdrawn');
  const [otherPerson] = await e2e.db.select().from(mediators).where(eq(mediators.id, otherMediator));
  assert.ok(otherPerson);
  await mailsTo(otherPerson.email, '', 2);
  const [confirmation] = await mailsTo(SCHOOL.email, '');
  assert.match(confirmation?.text ?? '', /Dilan/, 'the school learns the first name of its mediator');
  assert.doesNotMatch(confirmation?.text ?? '', /Aydın/, 'only the first name');

  // The same link again: already answered, nothing changes.
  await phone.goto(new URL(link).pathname);
  assert.equal(await phone.getByRole('button', { name: de('sprachpool-requests.accept_action') }).count(), 0);
  const audit = await e2e.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, requestId));
  const actions = audit.map((a) => a.action);
  for (const verb of ['approve', 'offer', 'assign']) assert.ok(actions.some((a) => a.endsWith(verb) || a.includes(`.${verb}`)), `audited: ${verb} (${actions.join(', ')})`);
});

test('Dilan signs in, finds the assignment with its calendar file and marks two weeks of holiday', async () => {
  const context = await e2e.context({ viewport: { width: 390, height: 844 }, isMobile: true, bypassCSP: true });
  const page = await context.newPage();
  await login(page, DILAN.email, e2e.demoAdmin.password);
  await page.goto('/admin');
  await clickAndLoad(page, page.getByRole('link', { name: de('sprachpool.link_portal') }));
  await clickAndLoad(page, page.getByRole('link', { name: de('sprachpool.portal_assignments') }));
  const [assignment] = await e2e.db.select().from(assignments).where(and(eq(assignments.requestId, requestId), eq(assignments.status, 'active')));
  assert.ok(assignment);
  const icsLink = page.locator(`a[href$="${assignment.id}.ics"]`);
  assert.equal(await icsLink.count(), 1, 'the assignment has a calendar file');
  const ics = await page.request.get((await icsLink.getAttribute('href')) ?? '');
  assert.equal(ics.status(), 200);
  const event = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent');
  assert.ok(event);
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  assert.equal(start.toJSDate().getTime(), assignment.startsAt.getTime(), 'the calendar entry starts at the appointment');

  await clickAndLoad(page, page.getByRole('link', { name: de('sprachpool.portal_availability') }));
  const from = utcToZonedLocal(new Date(Date.now() + 60 * 86_400_000), TZ).slice(0, 10);
  const to = utcToZonedLocal(new Date(Date.now() + 73 * 86_400_000), TZ).slice(0, 10);
  await page.locator('[name="fromDate"]').fill(from);
  await page.locator('[name="toDate"]').fill(to);
  await clickAndLoad(page, page.locator('form:has([name="fromDate"]) button').last());
  assert.match(await page.locator('main').innerText(), /Urlaub|\d{2}\.\d{2}\.\d{4}/);
  await axeClean(page, 'the availability page');
});

test('after the evening: Dilan reports 1.5 h and 12 km, the school confirms, the month’s invoice CSV has the line', async () => {
  // The evening is over: move the appointment to yesterday 16:00 (the database keeps Dilan free of overlaps).
  const yesterday = utcToZonedLocal(new Date(Date.now() - 86_400_000), TZ).slice(0, 10);
  const startsAt = zonedLocalToUtc(`${yesterday}T16:00`, TZ);
  assert.ok(startsAt);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  await e2e.db.update(requests).set({ startLocal: `${yesterday}T16:00`, startsAt, endsAt }).where(eq(requests.id, requestId));
  await e2e.db.update(assignments).set({ startsAt, endsAt }).where(and(eq(assignments.requestId, requestId), inArray(assignments.status, ['active'])));

  const dilan = await (await e2e.context()).newPage();
  await login(dilan, DILAN.email, e2e.demoAdmin.password);
  const [assignment] = await e2e.db.select().from(assignments).where(eq(assignments.requestId, requestId));
  assert.ok(assignment);
  await dilan.goto(`/admin/regions/${regionId}/sprachpool/me/assignments`);
  await clickAndLoad(dilan, dilan.locator(`a[href$="/${assignment.id}/hours"]`).first());
  await dilan.locator('[name="minutes"]').fill('90');
  await dilan.locator('[name="travelKm"]').fill('12');
  await clickAndLoad(dilan, dilan.locator('form:has([name="minutes"]) button[type="submit"], form:has([name="minutes"]) button:not([type])').last());
  const [done] = await e2e.db.select().from(requests).where(eq(requests.id, requestId));
  assert.equal(done?.status, 'done');

  const school = await (await e2e.context({ javaScriptEnabled: false })).newPage();
  await login(school, SCHOOL.email, e2e.demoAdmin.password);
  await school.goto('/admin');
  await clickAndLoad(school, school.getByRole('link', { name: de('sprachpool.link_agency') }));
  await school.goto(`/admin/regions/${regionId}/sprachpool/agency/requests/${requestId}/hours`);
  assert.match(await school.locator('main').innerText(), /90|1,5/);
  await clickAndLoad(school, school.locator('form:has(input[name="action"][value="confirm"]) button'));
  const [sheet] = await e2e.db.select().from(timesheets).where(eq(timesheets.assignmentId, assignment.id));
  assert.equal(sheet?.status, 'confirmed');
  assert.equal(sheet.minutes, 90);
  assert.equal(sheet.travelKm, 12);

  const month = yesterday.slice(0, 7);
  const csv = await coordinator.request.get(`/admin/regions/${regionId}/sprachpool/billing/invoices.csv?month=${month}`);
  assert.equal(csv.status(), 200);
  const line = (await csv.text()).split(/\r?\n/).find((l) => l.includes('Grundschule Nord') && l.includes(yesterday));
  assert.ok(line, 'the invoice CSV has the parents’ evening');
  assert.match(line, /\b90\b/, '90 minutes billed');
  assert.match(line, /\b12\b/, '12 km');
});

test('the public pages of the pool work in Arabic, right to left, and pass axe', async () => {
  const page = await (await e2e.context({ locale: 'ar', bypassCSP: true })).newPage();
  for (const path of [`/${REGION}/ar/sprachpool`, `/${REGION}/ar/sprachpool/become`, `/${REGION}/ar/sprachpool/institutions/register`]) {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, path);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', path);
    await axeClean(page, path);
  }
});
