import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestDatabase } from '../../../test/helpers.js';
import { htmlOf, partOf, startSmtpServer, textOf, type ReceivedMail, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { translator } from '../../platform/i18n/catalog.js';
import { runNextJob } from '../../platform/jobs/jobs.js';
import { registerMailJob } from '../../platform/mail/mail.js';
import { jobs, mails } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { sendEventReminders } from './jobs.js';
import { notifyOccurrenceCancelled } from './cancellation.js';
import { cancelByToken, register } from './registration.js';
import { eventTranslations, registrations } from './schema.js';
import { setEventStatus, setOccurrenceStatus } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

const BASE = 'https://wegweiser.test';

const icsOf = (m: ReceivedMail) => partOf(m, 'text/calendar');

/** The single VEVENT of an attached calendar, parsed with ical.js. */
function veventOf(m: ReceivedMail): ICAL.Component {
  const part = icsOf(m);
  assert.ok(part, `"${m.subject}" has an .ics attachment`);
  assert.match(part.headers['content-type'] ?? '', /method=PUBLISH/i);
  assert.match(part.headers['content-disposition'] ?? '', /attachment; filename=.*\.ics/);
  const cal = new ICAL.Component(ICAL.parse(part.body) as unknown as unknown[]);
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.ok(vevent);
  return vevent;
}

describe('registration mails over SMTP', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  let smtp: TestSmtpServer;
  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(database.db, { languages: ['de', 'en', 'ar'] });
    smtp = await startSmtpServer();
    registerMailJob({ smtpUrl: smtp.url, mailFrom: 'wegweiser <noreply@wegweiser.test>' });
  });
  after(async () => {
    await smtp.stop();
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.delete(jobs);
    smtp.inbox.length = 0;
  });

  /** Runs the mail jobs and returns what arrived. */
  async function deliver(): Promise<ReceivedMail[]> {
    while (await runNextJob(database.db)) {
      /* send everything queued */
    }
    return smtp.inbox.splice(0);
  }

  const reg = (occurrenceId: string, email: string | null, opts: { language?: string; partySize?: number; phone?: string } = {}) =>
    register(database.db, {
      regionId: region.id,
      occurrenceId,
      form: { name: `Person ${email ?? opts.phone}`, email, phone: opts.phone ?? null, language: opts.language ?? 'de', partySize: opts.partySize ?? 1 },
      baseUrl: BASE,
    });

  const de = translator('de');

  it('confirmation: the cancel link in the mail works, the .ics has the date in its zone', async () => {
    const start = localInDays(10, '18:30');
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00`, organizerName: 'Integrationsbüro', contactEmail: 'integration@kreis.example' });
    assert.ok(o);
    await reg(o.id, 'ada@example.org', { partySize: 2 });

    const [mail, ...more] = await deliver();
    assert.ok(mail);
    assert.equal(more.length, 0);
    assert.deepEqual(mail.envelopeTo, ['ada@example.org']);
    assert.equal(mail.subject, de('events-mail.subject_confirmed', { title: event.title }));
    const text = textOf(mail);
    assert.match(text, /Hallo Person ada@example\.org,/);
    assert.match(text, /für 2 Personen/);
    assert.match(text, /Kreishaus, Markt 1, 12345 Musterstadt/);
    assert.match(text, /Integrationsbüro, integration@kreis\.example/);
    assert.ok(text.includes(`${BASE}/${region.slug}/de/events/${event.id}/${o.id}`), 'links the date page');
    assert.match(htmlOf(mail), /<div lang="de" dir="ltr">/);

    const vevent = veventOf(mail);
    const dtstart = vevent.getFirstProperty('dtstart');
    assert.equal(dtstart?.getParameter('tzid'), 'Europe/Berlin');
    assert.equal(String(dtstart?.getFirstValue()), `${start}:00`);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(vevent.getFirstPropertyValue('summary'), event.title);
    assert.equal(vevent.getFirstPropertyValue('uid'), `${o.id}@wegweiser.test`);

    const link = new RegExp(`${BASE}/${region.slug}/de/events/cancel/([A-Za-z0-9_-]+)`).exec(text);
    assert.ok(link?.[1], 'carries the cancel link');
    const cancelled = await cancelByToken(database.db, { token: link[1], baseUrl: BASE });
    assert.equal(cancelled.alreadyCancelled, false);
    const [row] = await database.db.select().from(registrations).where(eq(registrations.email, 'ada@example.org'));
    assert.equal(row?.status, 'cancelled');
  });

  it('an Arabic registrant gets Arabic text, the Arabic title and the date written in Arabic; phone-only gets nothing', async () => {
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5 });
    assert.ok(o);
    await database.db.insert(eventTranslations).values({ regionId: region.id, eventId: event.id, language: 'ar', title: 'مقهى اللغة', sourceRevision: event.majorRevision });
    await reg(o.id, 'layla@example.org', { language: 'ar' });
    await reg(o.id, null, { phone: '+49 170 1234567' });

    const received = await deliver();
    assert.equal(received.length, 1, 'no mail for the phone-only registration');
    const [mail] = received;
    assert.ok(mail);
    const ar = translator('ar');
    assert.equal(mail.subject, ar('events-mail.subject_confirmed', { title: 'مقهى اللغة' }));
    const text = textOf(mail);
    assert.ok(text.includes(ar('events-mail.greeting', { name: 'Person layla@example.org' })));
    assert.ok(text.includes(ar('events-mail.cancel_action')));
    const month = new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'Europe/Berlin', calendar: 'gregory' }).format(o.startsAt);
    assert.ok(text.includes(month), `the date names the month as Arabic writes it (${month})`);
    assert.ok(text.includes(`${BASE}/${region.slug}/ar/events/cancel/`), 'the cancel link opens the Arabic page');
    assert.match(htmlOf(mail), /<div lang="ar" dir="rtl">/);
    assert.equal(veventOf(mail).getFirstPropertyValue('summary'), 'مقهى اللغة');
  });

  it('waitlist notice with position and cancel link; a cancellation sends the promotion mail with the .ics', async () => {
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 1 });
    assert.ok(o);
    const first = await reg(o.id, 'first@example.org');
    await reg(o.id, 'second@example.org');
    await reg(o.id, 'third@example.org');
    const [, second, third] = await deliver();
    assert.ok(second && third);
    assert.equal(second.subject, de('events-mail.subject_waitlisted', { title: event.title }));
    assert.match(textOf(second), /auf Platz 1\./);
    assert.match(textOf(third), /auf Platz 2\./);
    assert.ok(textOf(second).includes(de('events-mail.waitlist_promise')));
    assert.ok(textOf(second).includes(`/events/cancel/`), 'the waitlist notice can be withdrawn from');
    assert.equal(icsOf(second), undefined, 'no calendar entry for a place one does not have');

    await cancelByToken(database.db, { token: first.token, baseUrl: BASE });
    const [promoted, ...rest] = await deliver();
    assert.ok(promoted);
    assert.equal(rest.length, 0, 'only the first waiting party fits');
    assert.deepEqual(promoted.envelopeTo, ['second@example.org']);
    assert.equal(promoted.subject, de('events-mail.subject_promoted', { title: event.title }));
    assert.ok(textOf(promoted).includes(de('events-mail.cancel_first_mail')));
    assert.doesNotMatch(textOf(promoted), /\/events\/cancel\//, 'no token: the first mail keeps the cancel link');
    assert.equal(veventOf(promoted).getFirstPropertyValue('status'), 'CONFIRMED');
  });

  it('the reminder job sends one reminder per confirmed registrant, once, the day before', async () => {
    const start = localInDays(3, '18:00');
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 1, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00` });
    assert.ok(o);
    await reg(o.id, 'coming@example.org');
    await reg(o.id, 'waiting@example.org');
    await deliver();
    const dayBefore = zonedLocalToUtc(`${localInDays(2).slice(0, 10)}T10:00`, 'Europe/Berlin');
    assert.ok(dayBefore);

    const runs = await Promise.all([sendEventReminders(database.db, { baseUrl: BASE, now: dayBefore }), sendEventReminders(database.db, { baseUrl: BASE, now: dayBefore })]);
    assert.equal(runs.reduce((n, r) => n + r.mails, 0), 1, 'two runs at once remind once');
    assert.equal((await sendEventReminders(database.db, { baseUrl: BASE, now: new Date(dayBefore.getTime() + 3_600_000) })).mails, 0, 'the next hour sends nothing');

    const received = await deliver();
    assert.deepEqual(received.flatMap((m) => m.envelopeTo), ['coming@example.org'], 'not the waitlist');
    const [mail] = received;
    assert.ok(mail);
    assert.ok(mail.subject.startsWith(de('events-mail.subject_reminder', { title: event.title, date: '' }).trim()));
    assert.match(textOf(mail), /Kreishaus/);
    assert.match(textOf(mail), /18:00/);
    assert.equal(String(veventOf(mail).getFirstPropertyValue('dtstart')), `${start}:00`);
  });

  it('a cancelled date: everyone registered gets a mail (with the reason) whose .ics cancels the calendar entry', async () => {
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 1 });
    assert.ok(o);
    await reg(o.id, 'in@example.org');
    await reg(o.id, 'wait@example.org');
    const [confirmation] = await deliver();
    assert.ok(confirmation);
    const sequenceBefore = Number(veventOf(confirmation).getFirstPropertyValue('sequence'));

    await setOccurrenceStatus(database.db, { system: 'test' }, { regionId: region.id, occurrenceId: o.id, cancel: true, reason: 'Der Saal ist wegen eines Wasserschadens gesperrt.' });
    assert.equal((await notifyOccurrenceCancelled(database.db, o.id, BASE)).mailed, 2);

    const received = await deliver();
    assert.deepEqual(received.flatMap((m) => m.envelopeTo).sort(), ['in@example.org', 'wait@example.org']);
    for (const mail of received) {
      assert.ok(mail.subject.startsWith(`Abgesagt: ${event.title} am `));
      assert.match(textOf(mail), /Grund: Der Saal ist wegen eines Wasserschadens gesperrt\./);
      const vevent = veventOf(mail);
      assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(vevent.getFirstPropertyValue('uid'), `${o.id}@wegweiser.test`, 'the same entry as the confirmation');
      assert.ok(Number(vevent.getFirstPropertyValue('sequence')) > sequenceBefore, 'a higher SEQUENCE, so calendars take the update');
    }
  });

  it('a whole event cancelled: registrants of its future dates are told', async () => {
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 3 });
    assert.ok(o);
    await reg(o.id, 'whole@example.org', { language: 'en' });
    await deliver();
    const cancelled = await setEventStatus(database.db, { system: 'test' }, { regionId: region.id, id: event.id, action: 'cancel' });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal((await notifyOccurrenceCancelled(database.db, o.id, BASE)).mailed, 1);
    const [mail] = await deliver();
    assert.ok(mail);
    assert.ok(mail.subject.startsWith(`Cancelled: ${event.title} on `));
    assert.equal(veventOf(mail).getFirstPropertyValue('status'), 'CANCELLED');
  });

  it('the mail outbox row is written with the registration (nothing sent for a refused one)', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 3 });
    assert.ok(o);
    const queued = (await database.db.select().from(mails)).length;
    await reg(o.id, 'twice@example.org');
    await assert.rejects(reg(o.id, 'twice@example.org'));
    assert.equal((await database.db.select().from(mails)).length, queued + 1);
    await deliver();
  });
});
