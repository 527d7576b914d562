// Journey 6 walked in a real browser, on the demo county: a welfare organisation runs a monthly round table.
// With JavaScript: the demo admin creates "Runder Tisch Wohnen" (round table, every 2nd Tuesday, 10 dates, at a place
// of the directory) through the admin form, previews its dates, creates it as a draft and publishes it; the dates tab
// lists the 10 dates, which the database has on the second Tuesday of ten months in a row. On the forum page she adds
// two members (German, Ukrainian) and sends the invitations of the first date: one mail per member, in the member's
// language, with the date as an .ics. After the meeting (the first date is moved into the past in the database) she
// writes the minutes in the rich-text editor, uploads a PDF and a photo and publishes the documentation: readers find
// it on the documentation list, see the minutes and download both files; the round-table feed carries the series with
// its RRULE, which yields the same ten dates.
// Without JavaScript: the same form creates a monthly series ("last Thursday, until …"): end before start is refused
// with the message at the end field and everything typed kept; the preview and "leave out this date" work; the fixed
// form saves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { dirLocations } from '../../src/modules/directory/schema.js';
import { formatOccurrence } from '../../src/modules/events/forum.js';
import { events, forumMembers, occurrenceDocuments, occurrences } from '../../src/modules/events/schema.js';
import { eventUrls } from '../../src/modules/events/urls.js';
import { formatWhen } from '../../src/modules/events/views/admin-parts.js';
import { findRegionBySlug } from '../../src/modules/regions/index.js';
import { translator } from '../../src/platform/i18n/catalog.js';
import { mails } from '../../src/platform/schema.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../src/platform/time/zoned-time.js';
import { ROOT } from '../child-process.js';
import { describeViolations, login, startE2e, type AxeViolation, type E2e } from './harness.js';

const REGION = 'landkreis-beispiel';
const TZ = 'Europe/Berlin';
const TITLE = 'Runder Tisch Wohnen';
const PLACE = 'Bürgerhaus Süd';
const DESCRIPTION = '<p>Träger, Wohnungswirtschaft und Beratungsstellen sprechen über Wohnraum für Neuzugewanderte.</p>';
const MINUTES = 'Zwölf Träger waren da. Die Wohnungsbörse startet im Frühjahr.';
const MEMBERS = [
  { name: 'Katrin Albers', email: 'wohnen@caritas-beispiel-e2e.example', role: 'Vorsitz', organizationName: 'Caritas Beispiel', language: 'de' },
  { name: 'Oksana Melnyk', email: 'oksana.melnyk@beispiel-e2e.example', role: 'Mitglied', organizationName: 'Ukrainischer Verein Beispiel', language: 'uk' },
];
const de = translator('de');

type OccurrenceRow = typeof occurrences.$inferSelect;
type MailRow = typeof mails.$inferSelect;

let e2e: E2e;
let regionId: string;
let admin: Page;

before(async () => {
  e2e = await startE2e();
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region, 'the demo county exists');
  regionId = region.id;
  admin = await (await e2e.context()).newPage();
  await login(admin, e2e.demoAdmin.email, e2e.demoAdmin.password);
});
after(async () => {
  await e2e.stop();
});

// ---------- dates ----------

/** Today in the county ("2026-12-05"). */
const today = () => utcToZonedLocal(new Date(), TZ).slice(0, 10);

/** The `n`th (1–4, or -1 = last) `weekday` (0 = Sunday) of a month, as "YYYY-MM-DD". */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = new Date(Date.UTC(year, month, 0));
    const day = last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7);
    return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  }
  const first = new Date(Date.UTC(year, month - 1, 1));
  const day = 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The first `n`th `weekday` of a month after today (this month's when still to come, else the next month's). */
function nextNthWeekday(weekday: number, n: number): string {
  const [y, m] = today().split('-').map(Number) as [number, number];
  const here = nthWeekday(y, m, weekday, n);
  return here > today() ? here : nthWeekday(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, weekday, n);
}

/** Local date and weekday of a moment in the county, and which of its weekdays in the month it is (1–5). */
function localDay(at: Date): { date: string; time: string; weekday: number; nth: number; month: string } {
  const local = utcToZonedLocal(at, TZ);
  const date = local.slice(0, 10);
  const day = Number(date.slice(8, 10));
  return { date, time: local.slice(11, 16), weekday: new Date(`${date}T12:00:00Z`).getUTCDay(), nth: Math.ceil(day / 7), month: date.slice(0, 7) };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

// ---------- helpers ----------

/** Clicks a button (by its visible name) that submits a form, and waits for the page after it. */
async function press(page: Page, name: string): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
  return response.status();
}

async function flashes(page: Page): Promise<string> {
  return ((await page.locator('.flashes').textContent()) ?? '').replace(/\s+/g, ' ');
}

/** The mails to an address, once the worker has handled all of them (kept: no SMTP is configured). */
async function keptMailsTo(email: string): Promise<MailRow[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await e2e.db.select().from(mails).where(eq(mails.to, email)).orderBy(asc(mails.createdAt));
    if (rows.length > 0 && rows.every((m) => m.status === 'kept')) return rows;
    if (Date.now() > deadline) assert.fail(`mails to ${email}: ${rows.map((m) => `${m.subject} (${m.status})`).join(', ') || 'none'}`);
    await delay(50);
  }
}

/** The calendar of a mail's .ics attachment, parsed with ical.js. */
function attachedCalendar(mail: MailRow): ICAL.Component {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(part, `"${mail.subject}" carries an .ics`);
  assert.match(part.filename, /\.ics$/);
  // RFC 5545 3.7.2: METHOD:PUBLISH in the calendar needs the same method on the MIME part.
  assert.equal(part.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
  return new ICAL.Component(ICAL.parse(Buffer.from(part.content, 'base64').toString('utf8')) as unknown as unknown[]);
}

/** A minimal valid PDF (one page, one line of text) with a correct cross-reference table. */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 40 60 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** axe-core (WCAG 2.0 and 2.1, A and AA) on the loaded page: every violation, whatever its impact. */
async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html })) }));
  });
}

/** Downloads a link's file the way the browser does (the links carry `download`). */
async function download(page: Page, link: ReturnType<Page['locator']>): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
}

// ---------- journey 6 ----------

let eventId = '';
let dates: OccurrenceRow[] = [];

test('journey 6: the admin creates "Runder Tisch Wohnen", every 2nd Tuesday, 10 dates at a directory place, and publishes it', async () => {
  const [place] = await e2e.db.select().from(dirLocations).where(and(eq(dirLocations.regionId, regionId), eq(dirLocations.name, PLACE)));
  assert.ok(place, `the directory has "${PLACE}"`);
  const start = nextNthWeekday(2, 2);

  const errors: string[] = [];
  admin.on('pageerror', (err) => errors.push(err.message));
  await admin.goto(`/admin/regions/${regionId}/events`);
  await Promise.all([admin.waitForURL(`**/admin/regions/${regionId}/events/new`), admin.locator(`main a[href="/admin/regions/${regionId}/events/new"]`).first().click()]);
  await admin.locator('[name="title"]').fill(TITLE);
  await admin.locator('[name="category"]').selectOption('round_table');
  // The description in the rich-text editor (the island replaces the textarea).
  const editor = admin.locator('.rich-editor__content[contenteditable="true"]');
  await editor.click();
  await admin.keyboard.type('Träger, Wohnungswirtschaft und Beratungsstellen sprechen über Wohnraum für Neuzugewanderte.');
  assert.equal(await admin.locator('textarea[name="descriptionHtml"]').inputValue(), DESCRIPTION);
  await admin.locator('[name="startLocal"]').fill(`${start}T17:00`);
  await admin.locator('[name="endLocal"]').fill(`${start}T19:00`);
  await admin.locator('[name="recurrence.freq"]').selectOption('monthly');
  await admin.locator('[name="recurrence.interval"]').fill('1');
  await admin.locator('[name="recurrence.monthlyMode"][value="weekday"]').check();
  await admin.locator('[name="recurrence.setPos"]').selectOption('2');
  await admin.locator('[name="recurrence.endMode"][value="count"]').check();
  await admin.locator('[name="recurrence.count"]').fill('10');
  await admin.locator('[name="locationId"]').selectOption(place.id);
  await admin.locator('[name="organizerName"]').fill('Diakonisches Werk Beispiel');
  await admin.locator('[name="contactEmail"]').fill('wohnen@diakonie-beispiel.example');

  // The preview: ten dates, each a Tuesday.
  assert.equal(await press(admin, de('events-admin.preview_button')), 200);
  const preview = await admin.locator('.ev-preview ol li').allTextContents();
  assert.equal(preview.length, 10, `ten dates in the preview: ${preview.join(' | ')}`);
  assert.ok(preview.every((d) => d.startsWith('Di.')), `all on a Tuesday: ${preview.join(' | ')}`);
  assert.equal((await admin.locator('.ev-preview .meta').textContent())?.trim(), de('events-admin.preview_total', { count: 10 }));
  assert.equal(await admin.locator('[name="title"]').inputValue(), TITLE, 'the form is kept after the preview');
  await editor.waitFor();
  assert.equal(await admin.locator('textarea[name="descriptionHtml"]').inputValue(), DESCRIPTION, 'the description too');

  assert.equal(await press(admin, de('events-admin.create')), 303);
  assert.match(admin.url(), new RegExp(`/admin/regions/${regionId}/events/[0-9a-f-]{36}$`), `created (page says: ${await flashes(admin)})`);
  eventId = /\/events\/([0-9a-f-]{36})$/.exec(admin.url())?.[1] ?? '';
  assert.match(await flashes(admin), new RegExp(de('events-admin.flash_created')));
  const summary = (await admin.locator('main dl.summary-list').first().textContent()) ?? '';
  assert.match(summary.replace(/\s+/g, ' '), /Jeden Monat am zweiten Dienstag, 10 Termine/, 'the schedule in words');

  // A draft first: publishing is its own step.
  let [stored] = await e2e.db.select().from(events).where(eq(events.id, eventId));
  assert.deepEqual([stored?.status, stored?.category, stored?.locationId, stored?.title, stored?.descriptionHtml], ['draft', 'round_table', place.id, TITLE, DESCRIPTION]);
  assert.equal(await press(admin, de('events-admin.action_publish')), 303);
  assert.match(await flashes(admin), new RegExp(de('events-admin.flash_status_publish')));
  [stored] = await e2e.db.select().from(events).where(eq(events.id, eventId));
  assert.equal(stored?.status, 'published');
  assert.match(stored?.rrule ?? '', /FREQ=MONTHLY/);

  // Ten dates on the second Tuesday of ten months in a row, 17:00 in the county.
  dates = await e2e.db.select().from(occurrences).where(eq(occurrences.eventId, eventId)).orderBy(asc(occurrences.startsAt));
  assert.equal(dates.length, 10, 'ten dates stored');
  const days = dates.map((o) => localDay(o.startsAt));
  assert.equal(days[0]?.date, start);
  for (const [i, d] of days.entries()) {
    assert.equal(d.weekday, 2, `${d.date} is a Tuesday`);
    assert.equal(d.nth, 2, `${d.date} is the second Tuesday of its month`);
    assert.equal(d.time, '17:00');
    if (i > 0) assert.equal(d.month, nextMonth(days[i - 1]?.month ?? ''), `${d.date} is in the month after the one before`);
  }

  // The dates tab lists the same ten dates.
  await Promise.all([admin.waitForURL(`**/events/${eventId}/dates`), admin.getByRole('link', { name: de('events-admin.tab_dates') }).click()]);
  const rows = await admin.locator('table.ev-table tbody tr th').allTextContents();
  assert.deepEqual(
    rows.map((r) => r.trim()),
    dates.map((o) => formatWhen(o.startsAt, TZ, 'de')),
    'the dates tab shows the stored dates',
  );
  assert.deepEqual(errors, [], 'no script errors');
});

test('journey 6: two members are added on the forum page; the invitations of the first date go out with an .ics each', async () => {
  assert.ok(eventId, 'the round table was created');
  await admin.goto(`/admin/regions/${regionId}/events/${eventId}`);
  await Promise.all([admin.waitForURL(`**/events/${eventId}/forum`), admin.getByRole('link', { name: de('events-forum.admin_link') }).click()]);
  for (const m of MEMBERS) {
    const form = admin.locator('#forum-member-form');
    await form.locator('[name="name"]').fill(m.name);
    await form.locator('[name="email"]').fill(m.email);
    await form.locator('[name="role"]').fill(m.role);
    await form.locator('[name="organizationName"]').fill(m.organizationName);
    await form.locator('[name="language"]').selectOption(m.language);
    assert.equal(await press(admin, de('events-forum.member_add')), 303);
    assert.match(await flashes(admin), new RegExp(de('events-forum.flash_member_added', { name: m.name })));
  }
  const listed = (await admin.locator('section[aria-labelledby="forum-members-title"] table tbody').textContent()) ?? '';
  for (const m of MEMBERS) assert.ok(listed.includes(m.name) && listed.includes(m.email), `${m.name} is listed`);
  const stored = await e2e.db.select().from(forumMembers).where(eq(forumMembers.eventId, eventId));
  assert.deepEqual(stored.map((m) => [m.name, m.email, m.language]).sort(), MEMBERS.map((m) => [m.name, m.email, m.language]).sort());

  // The first date: invitations to both members.
  const first = dates[0];
  assert.ok(first);
  await Promise.all([admin.waitForURL(`**/forum/dates/${first.id}`), admin.locator(`a[href$="/forum/dates/${first.id}"]`).first().click()]);
  assert.equal(await press(admin, de('events-forum.invitations_send', { count: 2 })), 303);
  assert.match(await flashes(admin), new RegExp(de('events-forum.flash_invitations_sent', { count: 2 })));
  const [sent] = await e2e.db.select().from(occurrences).where(eq(occurrences.id, first.id));
  assert.ok(sent?.invitationsSentAt, 'the date records that invitations went out');

  const [event] = await e2e.db.select().from(events).where(eq(events.id, eventId));
  assert.ok(event);
  for (const m of MEMBERS) {
    const received = await keptMailsTo(m.email);
    assert.equal(received.length, 1, `one mail to ${m.name}`);
    const [mail] = received;
    assert.ok(mail);
    const t = translator(m.language);
    assert.equal(mail.subject, t('events-forum.mail_subject', { title: TITLE, date: formatOccurrence(event, first, m.language).date }), `the subject in ${m.language}`);
    assert.ok(mail.text.startsWith(t('events-forum.mail_greeting', { name: m.name })), `the greeting in ${m.language}`);
    assert.ok(mail.text.includes(PLACE), 'the mail names the place');
    const vevents = attachedCalendar(mail).getAllSubcomponents('vevent');
    assert.equal(vevents.length, 1);
    const dtstart = vevents[0]?.getFirstProperty('dtstart');
    assert.equal(dtstart?.getParameter('tzid'), TZ);
    assert.equal(String(dtstart?.getFirstValue()), `${localDay(first.startsAt).date}T17:00:00`, 'the .ics is the first date');
    assert.equal(vevents[0]?.getFirstPropertyValue('summary'), TITLE);
  }
});

test('journey 6: after the meeting the minutes, a PDF and a photo are published; readers find and download them', async () => {
  const first = dates[0];
  assert.ok(first && eventId);
  const publicUrl = eventUrls.documentation(REGION, 'de', eventId, first.id);
  const reader = await (await e2e.context()).newPage();
  assert.equal((await reader.goto(publicUrl))?.status(), 404, 'no documentation page before it is published');

  // Time passes: the meeting took place this afternoon.
  const startedAt = new Date(Date.now() - 3 * 3_600_000);
  await e2e.db
    .update(occurrences)
    .set({ startsAt: startedAt, endsAt: new Date(startedAt.getTime() + 2 * 3_600_000) })
    .where(eq(occurrences.id, first.id));

  const dateHref = `/admin/regions/${regionId}/events/${eventId}/forum/dates/${first.id}`;
  await admin.goto(dateHref);
  await Promise.all([admin.waitForURL(`**${dateHref}/minutes`), admin.getByRole('link', { name: de('events-forum.minutes_edit') }).click()]);
  const editor = admin.locator('.rich-editor__content[contenteditable="true"]');
  await editor.click();
  await admin.keyboard.type(MINUTES);
  assert.equal(await admin.locator('textarea[name="html"]').inputValue(), `<p>${MINUTES}</p>`);
  assert.equal(await press(admin, de('events-forum.save')), 303);
  assert.equal(new URL(admin.url()).pathname, dateHref);
  assert.match(await flashes(admin), new RegExp(de('events-forum.flash_minutes_saved')));

  // A PDF of the minutes and a photo, both public.
  const pdf = minimalPdf('Protokoll Runder Tisch Wohnen');
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();
  const uploads = [
    { title: 'Protokoll (PDF)', kind: 'minutes', file: { name: 'protokoll-runder-tisch.pdf', mimeType: 'application/pdf', buffer: pdf } },
    { title: 'Foto vom Runden Tisch', kind: 'document', file: { name: 'runder-tisch.png', mimeType: 'image/png', buffer: png } },
  ];
  for (const u of uploads) {
    const form = admin.locator('#forum-upload-form');
    await form.locator('[name="title"]').fill(u.title);
    await form.locator('[name="kind"]').selectOption(u.kind);
    assert.ok(await form.locator('[name="public"]').isChecked(), 'public by default');
    await form.locator('[name="file"]').setInputFiles(u.file);
    assert.equal(await press(admin, de('events-forum.document_upload')), 303);
    assert.match(await flashes(admin), new RegExp(de('events-forum.flash_document_uploaded', { title: u.title }).replace(/[()]/g, '\\$&')));
  }
  const docs = await e2e.db.select().from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, first.id));
  assert.deepEqual(docs.map((d) => [d.title, d.kind, d.contentType, d.public]).sort(), [
    ['Foto vom Runden Tisch', 'document', 'image/png', true],
    ['Protokoll (PDF)', 'minutes', 'application/pdf', true],
  ]);

  // Not public before publishing: neither the page nor the list.
  await reader.goto(eventUrls.documentationList(REGION, 'de'));
  assert.equal(await reader.locator(`a[href="${publicUrl}"]`).count(), 0, 'not listed before publishing');
  assert.equal(await press(admin, de('events-forum.documentation_publish')), 303);
  assert.match(await flashes(admin), new RegExp(de('events-forum.flash_documentation_published')));
  const [published] = await e2e.db.select().from(occurrences).where(eq(occurrences.id, first.id));
  assert.ok(published?.documentationPublishedAt);
  assert.equal(published?.minutesHtml, `<p>${MINUTES}</p>`);

  // The reader: the list of documentations, the page, the minutes and both files.
  await reader.goto(eventUrls.documentationList(REGION, 'de'));
  const entry = reader.locator(`a[href="${publicUrl}"]`);
  assert.equal((await entry.textContent())?.trim(), TITLE, 'listed on the documentation page of the county');
  await Promise.all([reader.waitForURL(`**${publicUrl}`), entry.click()]);
  assert.match((await reader.locator('h1').textContent()) ?? '', new RegExp(TITLE));
  assert.equal((await reader.locator('section[aria-labelledby="forum-doc-minutes"]').textContent())?.includes(MINUTES), true, 'the minutes are shown');
  const files = reader.locator('section[aria-labelledby="forum-doc-files"] ul.forum-files a');
  assert.deepEqual((await files.allTextContents()).map((s) => s.trim()).sort(), ['Foto vom Runden Tisch', 'Protokoll (PDF)']);
  const pdfFile = await download(reader, files.filter({ hasText: 'Protokoll (PDF)' }));
  assert.equal(pdfFile.name, 'protokoll-runder-tisch.pdf');
  assert.ok(pdfFile.data.equals(pdf), 'the PDF downloads as uploaded');
  const photo = await download(reader, files.filter({ hasText: 'Foto vom Runden Tisch' }));
  assert.equal(photo.name, 'runder-tisch.png');
  const meta = await sharp(photo.data).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['png', 64, 48], 'the photo downloads as a PNG of the same size');

  // The event page links the documentation.
  await reader.goto(eventUrls.event(REGION, 'de', eventId));
  assert.equal(await reader.locator(`section[aria-labelledby="ev-documentation"] a[href="${publicUrl}"]`).count(), 1, 'the event page links its documentation');
});

test('axe: the documentation list and page, German and Arabic', async () => {
  const first = dates[0];
  assert.ok(first && eventId);
  const page = await (await e2e.context({ bypassCSP: true })).newPage();
  for (const lang of ['de', 'ar']) {
    for (const path of [eventUrls.documentationList(REGION, lang), eventUrls.documentation(REGION, lang, eventId, first.id)]) {
      assert.equal((await page.goto(path))?.status(), 200, path);
      const violations = await wcagViolations(page);
      assert.deepEqual(violations, [], `${path}:\n${describeViolations(violations)}`);
    }
  }
});

test('journey 6: the round-table calendar feed carries the series with its RRULE', async () => {
  const reader = await (await e2e.context()).newPage();
  const response = await reader.request.get(eventUrls.feed(REGION, 'de', 'round_table'));
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'] ?? '', /^text\/calendar/);
  const cal = new ICAL.Component(ICAL.parse(await response.text()) as unknown as unknown[]);
  const vevents = cal.getAllSubcomponents('vevent');
  assert.ok(vevents.every((v) => v.getFirstPropertyValue('categories') === de('events.category_round_table')), 'only round tables');
  const ours = vevents.filter((v) => v.getFirstPropertyValue('summary') === TITLE);
  assert.equal(ours.length, 1, 'the series is one entry');
  const [series] = ours;
  assert.ok(series);
  const rrule = series.getFirstPropertyValue('rrule') as ICAL.Recur;
  assert.equal(rrule.freq, 'MONTHLY');
  assert.equal(rrule.count, 10);
  assert.equal(series.getFirstProperty('dtstart')?.getParameter('tzid'), TZ);
  // The rule yields the ten dates stored for the series.
  const iterator = new ICAL.Event(series).iterator();
  const yielded: string[] = [];
  for (let next = iterator.next(); next && yielded.length < 20; next = iterator.next()) yielded.push(next.toString().slice(0, 16));
  assert.deepEqual(yielded, dates.map((o) => o.recurrenceId));
});

test('without JavaScript: the form creates a "last Thursday" series; end before start is refused at its field, input kept', async () => {
  const page = await (await e2e.context({ javaScriptEnabled: false })).newPage();
  await login(page, e2e.demoAdmin.email, e2e.demoAdmin.password);
  await page.goto(`/admin/regions/${regionId}/events/new`);
  assert.equal(await page.locator('textarea[name="descriptionHtml"]').isVisible(), true, 'a plain textarea without JavaScript');
  const start = nextNthWeekday(4, -1);
  const [y, m] = start.split('-').map(Number) as [number, number];
  const lastDate = nthWeekday(m + 5 > 12 ? y + 1 : y, ((m + 5 - 1) % 12) + 1, 4, -1);
  const until = new Date(Date.parse(`${lastDate}T12:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const title = 'Runder Tisch Sprachkurse';
  await page.locator('[name="title"]').fill(title);
  await page.locator('[name="category"]').selectOption('round_table');
  await page.locator('[name="descriptionHtml"]').fill('<p>Die Träger der Sprachkurse stimmen ihre Angebote ab.</p>');
  await page.locator('[name="startLocal"]').fill(`${start}T15:00`);
  await page.locator('[name="endLocal"]').fill(`${start}T14:00`);
  await page.locator('[name="recurrence.freq"]').selectOption('monthly');
  await page.locator('[name="recurrence.monthlyMode"][value="weekday"]').check();
  await page.locator('[name="recurrence.setPos"]').selectOption('-1');
  await page.locator('[name="recurrence.endMode"][value="until"]').check();
  await page.locator('[name="recurrence.until"]').fill(until);
  await page.locator('[name="placeName"]').fill('Volkshochschule Beispiel, Raum 3');
  await page.locator('[name="city"]').fill('Beispielstadt');

  // End before start: 422, the message in the summary and at the end field, everything typed kept.
  assert.equal(await press(page, de('events-admin.create')), 422);
  const message = de('events.error_end_before_start');
  assert.deepEqual((await page.locator('.error-summary li').allTextContents()).map((s) => s.trim()), [message], 'one problem');
  assert.equal((await page.locator('.error-summary a[href="#f-endLocal"]').textContent())?.trim(), message, 'the summary links to the end field');
  assert.match((await page.locator('#e-endLocal').textContent()) ?? '', new RegExp(message), 'the message stands at the end field');
  assert.equal(await page.locator('#f-endLocal').getAttribute('aria-invalid'), 'true');
  assert.equal((await page.locator('#f-endLocal').getAttribute('aria-describedby'))?.split(' ').includes('e-endLocal'), true, 'the field is described by its message');
  assert.equal(await page.locator('[name="title"]').inputValue(), title);
  assert.equal(await page.locator('[name="category"]').inputValue(), 'round_table');
  assert.equal(await page.locator('[name="descriptionHtml"]').inputValue(), '<p>Die Träger der Sprachkurse stimmen ihre Angebote ab.</p>');
  assert.equal(await page.locator('[name="startLocal"]').inputValue(), `${start}T15:00`);
  assert.equal(await page.locator('[name="endLocal"]').inputValue(), `${start}T14:00`);
  assert.equal(await page.locator('[name="recurrence.freq"]').inputValue(), 'monthly');
  assert.ok(await page.locator('[name="recurrence.monthlyMode"][value="weekday"]').isChecked());
  assert.equal(await page.locator('[name="recurrence.setPos"]').inputValue(), '-1');
  assert.ok(await page.locator('[name="recurrence.endMode"][value="until"]').isChecked());
  assert.equal(await page.locator('[name="recurrence.until"]').inputValue(), until);
  assert.equal(await page.locator('[name="placeName"]').inputValue(), 'Volkshochschule Beispiel, Raum 3');
  assert.equal((await e2e.db.select().from(events).where(eq(events.title, title))).length, 0, 'nothing was saved');

  // Fixed; the preview (a submit button, no JavaScript) shows the last Thursdays up to the end date.
  await page.locator('[name="endLocal"]').fill(`${start}T16:30`);
  assert.equal(await press(page, de('events-admin.preview_button')), 200, (await page.locator('.error-summary').allTextContents()).join(' | '));
  const expected: string[] = [];
  for (let [yy, mm] = [y, m]; expected.length < 12; [yy, mm] = mm === 12 ? [yy + 1, 1] : [yy, mm + 1]) {
    const d = nthWeekday(yy, mm, 4, -1);
    if (d > until) break;
    expected.push(d);
  }
  assert.equal(expected.length, 6);
  const shown = async () => (await page.locator('.ev-preview ol li').allTextContents()).map((s) => s.trim());
  const formatted = (days: string[]) => days.map((d) => formatWhen(zonedLocalToUtc(`${d}T15:00`, TZ) ?? new Date(0), TZ, 'de'));
  assert.deepEqual(await shown(), formatted(expected), 'the preview lists the last Thursday of six months');

  // One meeting falls into the holidays: left out with the "leave out" button, then previewed again.
  const holiday = expected[2] ?? '';
  await page.locator('[name="exdatesNew"]').fill(holiday);
  assert.equal(await press(page, de('events-admin.add_exdates')), 200);
  assert.ok(await page.locator(`[name="exdates"][value="${holiday}T15:00"]`).isChecked(), 'the date is listed as left out');
  assert.equal(await page.locator('[name="title"]').inputValue(), title, 'the form is kept');
  assert.equal(await press(page, de('events-admin.preview_button')), 200);
  expected.splice(2, 1);
  assert.deepEqual(await shown(), formatted(expected), 'the preview leaves the holiday out');
  assert.equal(await press(page, de('events-admin.create')), 303);
  assert.match(await flashes(page), new RegExp(de('events-admin.flash_created')));
  const [created] = await e2e.db.select().from(events).where(eq(events.title, title));
  assert.ok(created);
  assert.deepEqual([created.status, created.endLocal, created.exdates], ['draft', `${start}T16:30`, [`${holiday}T15:00`]]);
  const stored = await e2e.db.select().from(occurrences).where(eq(occurrences.eventId, created.id)).orderBy(asc(occurrences.startsAt));
  assert.deepEqual(
    stored.map((o) => localDay(o.startsAt).date),
    expected,
    'stored: the last Thursday of each month until the end date, without the holiday',
  );
});
