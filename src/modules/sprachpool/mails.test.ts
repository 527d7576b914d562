import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestDatabase } from '../../../test/helpers.js';
import { htmlOf, partOf, startSmtpServer, textOf, type ReceivedMail, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import type { Database } from '../../db/client.js';
import { runNextJob } from '../../platform/jobs/jobs.js';
import { registerMailJob } from '../../platform/mail/mail.js';
import { jobs } from '../../platform/schema.js';
import { acceptOffer, cancelRequest, sendOffers } from './lifecycle.js';
import { BASE, buildPool, buildPoolRequest, type Pool } from './requests-fixtures.js';
import { requests } from './schema.js';
import { buildMediator, dateInDays } from './test-support.js';

/** The VEVENT of a mail's calendar part, parsed with ical.js, with the part's Content-Type. */
function calendarPart(m: ReceivedMail): { type: string; disposition: string; cal: ICAL.Component; vevent: ICAL.Component } {
  const part = partOf(m, 'text/calendar');
  assert.ok(part, `"${m.subject}" carries a calendar`);
  const cal = new ICAL.Component(ICAL.parse(part.body) as unknown as unknown[]);
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.ok(vevent);
  return { type: part.headers['content-type'] ?? '', disposition: part.headers['content-disposition'] ?? '', cal, vevent };
}

describe('request mails over SMTP', () => {
  let database: Database & { drop(): Promise<void> };
  let pool: Pool;
  let smtp: TestSmtpServer;
  before(async () => {
    database = await createTestDatabase();
    // An English-speaking region: institutions read its source language.
    pool = await buildPool(database.db, { languages: ['en', 'de', 'ar'], sourceLanguage: 'en' });
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

  async function deliver(): Promise<ReceivedMail[]> {
    while (await runNextJob(database.db)) {
      /* send everything queued */
    }
    return smtp.inbox.splice(0);
  }
  const to = (inbox: ReceivedMail[], address: string) => inbox.filter((m) => m.envelopeTo.includes(address));

  it('offer, confirmation with METHOD:REQUEST, cancellation with METHOD:CANCEL — each in its reader’s language', async () => {
    const db = database.db;
    const amina = await buildMediator(db, pool.region.id, { language: 'ar', firstName: 'أمينة', phone: '+49 151 999' });
    const day = dateInDays(9);
    const r = await buildPoolRequest(db, pool, { status: 'approved', startLocal: `${day}T09:15`, durationMinutes: 60, street: 'Marktplatz 3' });

    const [offer] = await sendOffers(db, pool.coordinator, { regionId: pool.region.id, requestId: r.id, mediatorIds: [amina.id], baseUrl: BASE });
    assert.ok(offer);
    const [offerMail, ...rest] = await deliver();
    assert.equal(rest.length, 0);
    assert.ok(offerMail);
    assert.deepEqual(offerMail.envelopeTo, [amina.email]);
    assert.match(offerMail.subject, /^طلب مهمة: العربية، /, 'Arabic subject, Arabic language name');
    assert.match(htmlOf(offerMail), /<div lang="ar" dir="rtl">/);
    assert.ok(textOf(offerMail).includes(`${BASE}/${pool.region.slug}/ar/sprachpool/offers/${offer.token}?answer=accept`), 'the link in the region’s Arabic pages');
    assert.ok(!textOf(offerMail).includes('Marktplatz 3'));
    assert.equal(partOf(offerMail, 'text/calendar'), undefined, 'no calendar before accepting');

    const { assignment } = await acceptOffer(db, { token: offer.token }, { baseUrl: BASE });
    const accepted = await deliver();
    const [confirmation] = to(accepted, amina.email);
    assert.ok(confirmation);
    assert.ok(textOf(confirmation).includes('Marktplatz 3'));
    const invite = calendarPart(confirmation);
    assert.match(invite.type, /^text\/calendar; charset=utf-8; method=REQUEST/i);
    assert.match(invite.disposition, new RegExp(`attachment; filename="?sprachmittlung-${day}\\.ics`));
    assert.equal(invite.cal.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(String(invite.vevent.getFirstPropertyValue('dtstart')).slice(0, 16), `${day}T09:15`);
    const [institution] = to(accepted, pool.contact.email);
    assert.ok(institution);
    assert.match(institution.subject, /^Language mediation confirmed: Arabic, /, 'the institution reads the region’s source language');
    assert.ok(textOf(institution).includes('أمينة') && textOf(institution).includes('+49 151 999'));

    const [current] = await db.select().from(requests).where(eq(requests.id, r.id));
    assert.ok(current);
    await cancelRequest(db, pool.agencyActor, { regionId: pool.region.id, requestId: r.id, by: 'agency', reason: '', revision: current.revision, baseUrl: BASE });
    const cancelled = await deliver();
    const [cancellation] = to(cancelled, amina.email);
    assert.ok(cancellation);
    const cancel = calendarPart(cancellation);
    assert.match(cancel.type, /method=CANCEL/i);
    assert.equal(cancel.vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancel.vevent.getFirstPropertyValue('uid'), invite.vevent.getFirstPropertyValue('uid'));
    assert.equal(cancel.vevent.getFirstPropertyValue('uid'), `sp-assignment-${assignment.id}@wegweiser.test`);
    const [receipt] = to(cancelled, pool.contact.email);
    assert.match(receipt?.subject ?? '', /^Request cancelled: Arabic, /);
  });
});
