// Events walked in a real browser, on the demo county.
// Journey 1 (Amal, events part), on an Arabic Android phone, once without and once with JavaScript: the events list
// opens right to left; the GET filter form narrows it to welcome events in Arabic (the same dates the database gives);
// she opens the welcome party and registers two people; the confirmation page says she is registered and holds the
// cancel form; the confirmation mail (kept by the worker, no SMTP here) is in Arabic with the cancel link and an .ics
// whose DTSTART is the date; registering again with the same e-mail says so and keeps her input; "add to calendar"
// downloads the date. Then the demo's full workshop: she lands on its waitlist and the page says at which place; a
// confirmed participant cancels with the link from his mail, and the first waiting person gets the place (database)
// and a promotion mail. axe (WCAG 2.x A/AA, every impact) finds nothing on the list, the month view, a date page with
// the form and the confirmation page, in Arabic on the phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { devices, type BrowserContextOptions, type Page } from 'playwright-core';
import { findRegionBySlug } from '../../src/modules/regions/index.js';
import { eventFiltersSchema, listDatesForReaders } from '../../src/modules/events/public.js';
import { events, eventTranslations, occurrences, registrations } from '../../src/modules/events/schema.js';
import { eventUrls } from '../../src/modules/events/urls.js';
import { translator } from '../../src/platform/i18n/catalog.js';
import { mails } from '../../src/platform/schema.js';
import { utcToZonedLocal } from '../../src/platform/time/zoned-time.js';
import { ROOT } from '../child-process.js';
import { describeViolations, startE2e, type AxeViolation, type E2e } from './harness.js';

const REGION = 'landkreis-beispiel';
const PARTY_DE = 'Willkommensfest im Bürgerhaus Süd';
const PARTY_AR = 'حفل ترحيب في البيت المدني الجنوبي';
const WORKSHOP = 'Workshop: Bewerben in Deutschland';
const ar = translator('ar');

/** A phone-sized Android device (no `defaultBrowserType`: not a context option). */
function phone(options: BrowserContextOptions): BrowserContextOptions {
  const { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch } = devices['Moto G4'];
  return { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch, ...options };
}

type EventRow = typeof events.$inferSelect;
type OccurrenceRow = typeof occurrences.$inferSelect;
type MailRow = typeof mails.$inferSelect;

let e2e: E2e;
let regionId: string;
let party: { event: EventRow; occurrence: OccurrenceRow };
let workshop: { event: EventRow; occurrence: OccurrenceRow };
/** Amal's confirmation page of the run with JavaScript (for axe). */
let confirmationPath = '';

/** A demo event by its German title, with its first date. */
async function demoEvent(title: string): Promise<{ event: EventRow; occurrence: OccurrenceRow }> {
  const [event] = await e2e.db.select().from(events).where(and(eq(events.regionId, regionId), eq(events.title, title)));
  assert.ok(event, `the demo has "${title}"`);
  const [occurrence] = await e2e.db.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt)).limit(1);
  assert.ok(occurrence, `"${title}" has a date`);
  return { event, occurrence };
}

before(async () => {
  e2e = await startE2e();
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region, 'the demo county exists');
  regionId = region.id;
  party = await demoEvent(PARTY_DE);
  workshop = await demoEvent(WORKSHOP);
  const [translated] = await e2e.db.select().from(eventTranslations).where(and(eq(eventTranslations.eventId, party.event.id), eq(eventTranslations.language, 'ar')));
  assert.equal(translated?.title, PARTY_AR, 'the welcome party has its Arabic title in the demo');
  assert.ok(workshop.occurrence.capacity !== null && workshop.occurrence.confirmed >= workshop.occurrence.capacity && workshop.occurrence.waitlisted > 0, 'the demo workshop is full with a waitlist');
});
after(async () => {
  await e2e.stop();
});

// ---------- helpers ----------

/** The mails to an address, once the worker has handled all of them (kept: no SMTP is configured). */
async function keptMailsTo(email: string, atLeast = 1): Promise<MailRow[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await e2e.db.select().from(mails).where(eq(mails.to, email)).orderBy(asc(mails.createdAt));
    if (rows.length >= atLeast && rows.every((m) => m.status === 'kept')) return rows;
    if (Date.now() > deadline) assert.fail(`mails to ${email}: ${rows.map((m) => `${m.subject} (${m.status})`).join(', ') || 'none'}`);
    await delay(50);
  }
}

/** The single VEVENT of a calendar text, parsed with ical.js. */
function veventOf(ics: string): ICAL.Component {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown as unknown[]);
  const vevents = cal.getAllSubcomponents('vevent');
  assert.equal(vevents.length, 1, 'one VEVENT');
  assert.ok(cal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === 'Europe/Berlin'), 'with its VTIMEZONE');
  const [vevent] = vevents;
  assert.ok(vevent);
  return vevent;
}

/** DTSTART is the date's local start in the event's zone (the occurrence's start, read in Europe/Berlin). */
function assertStartsAt(vevent: ICAL.Component, occurrence: OccurrenceRow, what: string): void {
  const dtstart = vevent.getFirstProperty('dtstart');
  assert.equal(dtstart?.getParameter('tzid'), 'Europe/Berlin', `${what}: DTSTART in the event's zone`);
  assert.equal(String(dtstart?.getFirstValue()), `${utcToZonedLocal(occurrence.startsAt, 'Europe/Berlin')}:00`, `${what}: DTSTART is the date`);
}

/** The .ics attachment of a mail as text. */
function icsAttachment(mail: MailRow): string {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(part, `"${mail.subject}" carries an .ics`);
  assert.match(part.filename, /\.ics$/);
  // RFC 5545 3.7.2: METHOD:PUBLISH in the calendar needs the same method on the MIME part.
  assert.equal(part.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
  return Buffer.from(part.content, 'base64').toString('utf8');
}

/** No sideways scrolling on a phone. */
async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Occurrence ids of the shown dates, in order. */
async function shownDates(page: Page): Promise<string[]> {
  return page.locator('.ev-results li.ev-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-occurrence-id') ?? ''));
}

/** What the list shows for a filter according to the database, at this moment. */
async function expectedDates(query: Record<string, string>): Promise<string[]> {
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region);
  const list = await listDatesForReaders(e2e.db, region, 'ar', eventFiltersSchema.parse(query));
  return list.entries.map((e) => e.occurrenceId);
}

/** Sends the list's GET filter form with a category (and a language) and checks the result against the database. */
async function filterList(page: Page, query: { category: string; language?: string }): Promise<void> {
  await page.goto(eventUrls.list(REGION, 'ar'));
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', 'the events list is right to left');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  await page.locator('#ev-category').selectOption(query.category);
  if (query.language) await page.locator('#ev-language').selectOption(query.language);
  const before = await expectedDates(query);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('category') === query.category), page.getByRole('button', { name: ar('events-public.filter_submit') }).click()]);
  const params = new URL(page.url()).searchParams;
  // An empty select sends an empty value: no filter.
  assert.equal(params.get('language') || undefined, query.language, 'the filter is in the address');
  const shown = await shownDates(page);
  const afterwards = await expectedDates(query);
  assert.ok(shown.length > 0, 'dates are found');
  assert.ok(JSON.stringify(shown) === JSON.stringify(before) || JSON.stringify(shown) === JSON.stringify(afterwards), `shown ${shown.join(', ')}; expected ${before.join(', ')}`);
  const categories = await page.locator('.ev-results li.ev-item').evaluateAll((items) => items.map((li) => li.querySelector('.ev-badges .tag')?.textContent?.trim() ?? ''));
  assert.deepEqual([...new Set(categories)], [ar(`events.category_${query.category}`)], 'the dates are of the chosen category, named in Arabic');
  assert.match((await page.locator('.ev-active').textContent()) ?? '', new RegExp(ar(`events.category_${query.category}`)), 'the line above the folded form names the filter');
}

/** Fills the registration form of a date page and sends it; returns the status of the POST (303 when it went through). */
async function sendRegistration(page: Page, person: { name: string; email: string; partySize?: string }, button: string): Promise<number> {
  const form = page.locator('form.ev-register');
  await form.locator('[name="name"]').fill(person.name);
  await form.locator('[name="email"]').fill(person.email);
  if (person.partySize) await form.locator('[name="partySize"]').selectOption(person.partySize);
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
  return response.status();
}

/** The confirmed registration of the workshop whose holder cancels now (first come), and the first waiting party. */
async function workshopQueue(): Promise<{ confirmed: (typeof registrations.$inferSelect)[]; waiting: (typeof registrations.$inferSelect)[] }> {
  const rows = await e2e.db.select().from(registrations).where(eq(registrations.occurrenceId, workshop.occurrence.id)).orderBy(asc(registrations.createdAt), asc(registrations.id));
  return { confirmed: rows.filter((r) => r.status === 'confirmed'), waiting: rows.filter((r) => r.status === 'waitlisted') };
}

// ---------- Amal's way ----------

async function amalsJourney(javaScript: boolean): Promise<void> {
  const tag = javaScript ? 'js' : 'nojs';
  const amal = { name: 'أمل حداد', email: `amal.${tag}@beispiel-e2e.example` };
  const context = await e2e.context(phone({ locale: 'ar', javaScriptEnabled: javaScript }));
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  page.on('pageerror', (err) => scriptErrors.push(err.message));

  // The list of welcome events in Arabic, through the GET form.
  await filterList(page, { category: 'welcome', language: 'ar' });
  assert.ok(await fitsTheScreen(page), 'the list fits the phone screen');
  const partyLink = page.locator(`li.ev-item[data-occurrence-id="${party.occurrence.id}"] .ev-item__title a`);
  assert.equal((await partyLink.textContent())?.trim(), PARTY_AR, 'the welcome party is listed with its Arabic title');

  // The month view keeps the filter and shows the party on its day; from there she opens it.
  const dateUrl = eventUrls.occurrence(REGION, 'ar', party.event.id, party.occurrence.id);
  const partyDay = utcToZonedLocal(party.occurrence.startsAt, 'Europe/Berlin').slice(0, 10);
  await Promise.all([page.waitForURL(/\/events\/month\/\d{4}-\d{2}\?/), page.locator('a.ev-views__month').click()]);
  if (!page.url().includes(`/month/${partyDay.slice(0, 7)}?`)) {
    await Promise.all([page.waitForURL(`**/month/${partyDay.slice(0, 7)}?*`), page.locator('a.ev-month-nav__next').click()]);
  }
  const monthParams = new URL(page.url()).searchParams;
  assert.deepEqual([monthParams.get('category'), monthParams.get('language')], ['welcome', 'ar'], 'the month view keeps the filter');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const inMonth = page.locator(`td[data-date="${partyDay}"] a[href="${dateUrl}"]`);
  assert.match((await inMonth.textContent()) ?? '', new RegExp(PARTY_AR), 'the party is on its day, in Arabic');
  assert.ok(await fitsTheScreen(page), 'the month view fits the phone screen');
  await Promise.all([page.waitForURL(`**${dateUrl}`), inMonth.click()]);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal((await page.locator('h1').textContent())?.trim(), PARTY_AR);
  assert.equal(await page.locator('h1').getAttribute('lang'), null, 'the title is Arabic like the page (no other language marked)');
  const before = (await e2e.db.select().from(occurrences).where(eq(occurrences.id, party.occurrence.id)))[0];
  assert.ok(before?.capacity);
  const placesLeft = before.capacity - before.confirmed;
  assert.equal((await page.locator('[data-registration="places"]').textContent())?.trim(), ar('events-public.places_left', { count: placesLeft }), 'the page says how many places are left');
  assert.ok(await fitsTheScreen(page), 'the date page fits the phone screen');

  // Registering two people.
  assert.equal(await sendRegistration(page, { ...amal, partySize: '2' }, ar('events-public.submit')), 303, 'Post/Redirect/Get');
  const confirmation = new URL(page.url());
  assert.match(confirmation.pathname, new RegExp(`^/${REGION}/ar/events/cancel/[A-Za-z0-9_-]{20,}$`), `the confirmation page is the page behind the cancel link (${page.url()})`);
  assert.equal(confirmation.searchParams.get('new'), '1');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal((await page.locator('[data-booking="confirmed"]').textContent())?.trim(), ar('events-public.booked_confirmed'), 'she reads that she is registered');
  assert.equal((await page.locator('dd[data-status]').getAttribute('data-status')), 'confirmed');
  assert.equal((await page.locator('dd[data-status]').textContent())?.trim(), ar('events-public.status_confirmed'));
  assert.match((await page.locator('[data-booking-mail="sent"]').textContent()) ?? '', new RegExp(amal.email.replace(/\./g, '\\.')), 'the page says where the confirmation went');
  assert.equal((await page.locator('.ev-booking h2 a').textContent())?.trim(), PARTY_AR);
  const cancelForm = page.locator(`form[action="${confirmation.pathname}"]`);
  assert.equal(await cancelForm.count(), 1, 'the cancel form posts to this very link');
  assert.equal((await cancelForm.locator('button').textContent())?.trim(), ar('events-public.cancel_button'));
  if (javaScript) confirmationPath = `${confirmation.pathname}${confirmation.search}`;

  // Stored: one registration for two people, in Arabic; the places counted.
  const stored = await e2e.db.select().from(registrations).where(and(eq(registrations.occurrenceId, party.occurrence.id), eq(registrations.email, amal.email)));
  assert.equal(stored.length, 1);
  assert.deepEqual([stored[0]?.name, stored[0]?.partySize, stored[0]?.status, stored[0]?.language], [amal.name, 2, 'confirmed', 'ar']);
  const afterwards = (await e2e.db.select().from(occurrences).where(eq(occurrences.id, party.occurrence.id)))[0];
  assert.equal(afterwards?.confirmed, before.confirmed + 2, 'two more places taken');
  assert.ok(await fitsTheScreen(page), 'the confirmation fits the phone screen');

  // The confirmation mail: Arabic, right to left, the cancel link of this page, the date as an .ics.
  const [mail, ...more] = await keptMailsTo(amal.email);
  assert.equal(more.length, 0, 'one mail');
  assert.ok(mail);
  assert.equal(mail.subject, ar('events-mail.subject_confirmed', { title: PARTY_AR }));
  assert.ok(mail.text.startsWith(ar('events-mail.greeting', { name: amal.name })), 'the mail greets her in Arabic');
  assert.ok(mail.text.includes(ar('events-mail.body_confirmed', { title: PARTY_AR, count: 2 })), 'and confirms two people in Arabic');
  assert.match(mail.html ?? '', /<div lang="ar" dir="rtl">/);
  const cancelLink = /https?:\/\/\S+\/events\/cancel\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  assert.ok(cancelLink, 'the mail holds the cancel link');
  assert.equal(new URL(cancelLink).pathname, confirmation.pathname, 'the same link as the confirmation page');
  const vevent = veventOf(icsAttachment(mail));
  assertStartsAt(vevent, party.occurrence, 'the mail');
  assert.equal(vevent.getFirstPropertyValue('summary'), PARTY_AR, 'the calendar entry is titled in Arabic');

  // A second registration with the same e-mail: refused, with her input kept.
  await page.goto(dateUrl);
  assert.equal(await sendRegistration(page, { name: 'أمل ح.', email: amal.email }, ar('events-public.submit')), 409);
  assert.equal(new URL(page.url()).pathname, dateUrl, 'she stays on the date page');
  assert.equal((await page.locator('[data-notice="registration-problem"]').textContent())?.trim(), ar('events.error_registration_duplicate'), 'the page says she is registered already');
  assert.equal(await page.locator('form.ev-register [name="name"]').inputValue(), 'أمل ح.', 'her input is kept');
  assert.equal(await page.locator('form.ev-register [name="email"]').inputValue(), amal.email);
  assert.equal((await page.locator('[data-registration="places"]').textContent())?.trim(), ar('events-public.places_left', { count: placesLeft - 2 }), 'the date page counts her two places');
  const again = await e2e.db.select().from(registrations).where(and(eq(registrations.occurrenceId, party.occurrence.id), eq(registrations.email, amal.email)));
  assert.equal(again.length, 1, 'nothing was stored twice');

  // "Add to calendar" downloads the date.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: ar('events-public.add_to_calendar') }).first().click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const file = await download.path();
  assertStartsAt(veventOf(await readFile(file, 'utf8')), party.occurrence, 'the download');

  // The full workshop: she goes on the waitlist.
  await filterList(page, { category: 'workshop' });
  const workshopLink = page.locator(`li.ev-item[data-occurrence-id="${workshop.occurrence.id}"] .ev-item__title a`);
  assert.equal(await workshopLink.getAttribute('lang'), null);
  assert.equal((await workshopLink.locator('span[lang="de"]').textContent())?.trim(), WORKSHOP, 'the untranslated title is marked as German');
  assert.equal((await page.locator(`li.ev-item[data-occurrence-id="${workshop.occurrence.id}"] .ev-badge--full`).textContent())?.trim(), ar('events-public.badge_full_waitlist'), 'the list says it is full');
  await Promise.all([page.waitForURL(`**${eventUrls.occurrence(REGION, 'ar', workshop.event.id, workshop.occurrence.id)}`), workshopLink.click()]);
  assert.equal((await page.locator('[data-registration="waitlist"]').textContent())?.trim(), ar('events-public.full_waitlist'), 'the date page says it is full');
  const queueBefore = await workshopQueue();
  assert.equal(await sendRegistration(page, amal, ar('events-public.submit_waitlist')), 303);
  const position = queueBefore.waiting.length + 1;
  assert.equal(
    (await page.locator('[data-booking="waitlisted"] strong').textContent())?.trim(),
    ar('events-public.booked_waitlisted', { position }),
    'the page says she is on the waitlist, and at which place',
  );
  const [waiting] = await e2e.db.select().from(registrations).where(and(eq(registrations.occurrenceId, workshop.occurrence.id), eq(registrations.email, amal.email)));
  assert.equal(waiting?.status, 'waitlisted', 'stored on the waitlist');
  const [waitMail] = await keptMailsTo(amal.email, 2).then((rows) => rows.filter((m) => m.subject === ar('events-mail.subject_waitlisted', { title: WORKSHOP })));
  assert.ok(waitMail, 'a waitlist mail in Arabic');
  assert.ok(waitMail.text.includes(ar('events-mail.body_waitlisted', { title: WORKSHOP, position })), 'the mail names the same place');

  // A confirmed participant cancels with the link from his confirmation mail; the first waiting party moves up.
  const queue = await workshopQueue();
  const [leaving] = queue.confirmed.filter((r) => r.email);
  const [first] = queue.waiting;
  assert.ok(leaving?.email && first?.email, 'a confirmed participant with an e-mail, and somebody waiting');
  const confirmedMail = (await keptMailsTo(leaving.email)).find((m) => m.text.includes(workshop.occurrence.id) && /\/events\/cancel\//.test(m.text));
  assert.ok(confirmedMail, `${leaving.name} has his confirmation mail with the cancel link`);
  const leavingLink = /https?:\/\/\S+\/events\/cancel\/[A-Za-z0-9_-]+/.exec(confirmedMail.text)?.[0] ?? '';
  const his = await (await e2e.context(phone({ locale: leaving.language, javaScriptEnabled: javaScript }))).newPage();
  await his.goto(new URL(leavingLink).pathname);
  assert.equal(await his.locator('dd[data-status]').getAttribute('data-status'), 'confirmed');
  await Promise.all([his.waitForURL((u) => u.searchParams.get('done') === '1'), his.locator('.ev-booking-cancel button[type="submit"]').click()]);
  assert.equal(await his.locator('[data-booking="cancelled"]').count(), 1, 'the page says the registration is cancelled');
  assert.equal(await his.locator('dd[data-status]').getAttribute('data-status'), 'cancelled');

  const [cancelled] = await e2e.db.select().from(registrations).where(eq(registrations.id, leaving.id));
  assert.equal(cancelled?.status, 'cancelled');
  const [promoted] = await e2e.db.select().from(registrations).where(eq(registrations.id, first.id));
  assert.equal(promoted?.status, 'confirmed', `${first.name}, first on the waitlist, has the place`);
  assert.ok(promoted?.promotedAt, 'and when she moved up is stored');
  const [still] = await e2e.db.select().from(registrations).where(eq(registrations.id, waiting.id));
  assert.equal(still?.status, 'waitlisted', 'Amal still waits (one place freed, one person moved up)');
  const [occ] = await e2e.db.select().from(occurrences).where(eq(occurrences.id, workshop.occurrence.id));
  assert.equal(occ?.confirmed, workshop.occurrence.capacity, 'the workshop is full again');
  assert.equal(occ?.waitlisted, queue.waiting.length - 1, 'one fewer waiting');
  const t = translator(first.language);
  const promotion = (await keptMailsTo(first.email)).filter((m) => m.subject === t('events-mail.subject_promoted', { title: WORKSHOP }));
  assert.equal(promotion.length, 1, `a promotion mail in ${first.language} was queued for ${first.name}`);
  assertStartsAt(veventOf(icsAttachment(promotion[0] as MailRow)), workshop.occurrence, 'the promotion mail');
  assert.deepEqual(scriptErrors, [], 'no script errors');
}

test('journey 1 without JavaScript: Amal filters, registers two people for the welcome party, is told about a duplicate, waits for the workshop', async () => {
  await amalsJourney(false);
});

test('journey 1 with JavaScript: the same way gives the same pages', async () => {
  await amalsJourney(true);
});

// ---------- accessibility ----------

/** axe-core (WCAG 2.0 and 2.1, A and AA) on the loaded page: every violation, whatever its impact. */
async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html })) }));
  });
}

test('axe: the list, the month view, a date page with the form and the confirmation page, in Arabic on the phone', async () => {
  assert.ok(confirmationPath, 'the journey with JavaScript left a confirmation page');
  const page = await (await e2e.context(phone({ locale: 'ar', bypassCSP: true }))).newPage();
  await page.goto(eventUrls.list(REGION, 'ar'));
  const monthHref = await page.locator('a.ev-views__month').getAttribute('href');
  assert.match(monthHref ?? '', new RegExp(`^/${REGION}/ar/events/month/\\d{4}-\\d{2}$`));
  const paths = [
    eventUrls.list(REGION, 'ar'),
    `${eventUrls.list(REGION, 'ar')}?category=welcome&language=ar`,
    monthHref ?? '',
    eventUrls.occurrence(REGION, 'ar', party.event.id, party.occurrence.id),
    eventUrls.occurrence(REGION, 'ar', workshop.event.id, workshop.occurrence.id),
    confirmationPath,
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, path);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', path);
    const violations = await wcagViolations(page);
    assert.deepEqual(violations, [], `${path}:\n${describeViolations(violations)}`);
  }
  // The registration form with its error summary (422) too.
  await page.goto(eventUrls.occurrence(REGION, 'ar', party.event.id, party.occurrence.id));
  await page.locator('form.ev-register [name="email"]').fill('keine-adresse');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForEvent('load'), page.getByRole('button', { name: ar('events-public.submit'), exact: true }).click()]);
  assert.equal(response.status(), 422);
  assert.ok(await page.locator('.error-summary').isVisible(), 'the error summary is shown');
  const violations = await wcagViolations(page);
  assert.deepEqual(violations, [], `form with errors:\n${describeViolations(violations)}`);
  // Nobody was registered by the failed attempt.
  const none = await e2e.db.select().from(registrations).where(and(eq(registrations.occurrenceId, party.occurrence.id), eq(registrations.email, 'keine-adresse')));
  assert.equal(none.length, 0);
});
