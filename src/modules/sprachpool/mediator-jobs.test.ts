import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { jobs, mails, regions } from '../../platform/schema.js';
import { ensureRecurringJobs, runNextJob } from '../../platform/jobs/jobs.js';
import { DOCUMENT_REMINDER_JOB, dueReminders, registerMediatorJobs, sendDocumentReminders } from './mediator-jobs.js';
import { addDays } from '../../platform/time/zoned-time.js';
import { mediatorDocuments, mediators } from './schema.js';
import { buildMediator, dateInDays } from './test-support.js';

const BASE_URL = 'http://localhost:3000';
const DAY = 86_400_000;

describe('document reminders (job)', () => {
  let t: TestApp;
  let region: RegionRow;
  let coordinatorEmail: string;
  const mailsTo = (to: string) => t.db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt));

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { timezone: 'Europe/Berlin' });
    await t.db
      .update(regions)
      .set({ settings: { sprachpool: { documentReminderDays: 30 } } })
      .where(eq(regions.id, region.id));
    coordinatorEmail = (await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'pool_coordinator' }] })).email;
  });
  after(() => t.close());

  it('reminds the mediator and the coordinators once before the end date, once more after it, and not for far-off papers', async () => {
    const now = new Date();
    const ending = await buildMediator(t.db, region.id, { policeClearanceExpiresOn: dateInDays(10, now), language: 'en' });
    const fine = await buildMediator(t.db, region.id, { policeClearanceExpiresOn: dateInDays(200, now) });

    const first = await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now });
    assert.ok(first.mediators >= 1);
    let toMediator = await mailsTo(ending.email);
    assert.equal(toMediator.length, 1);
    assert.match(toMediator[0]?.subject ?? '', /papers/i, 'in the mediator’s language');
    assert.match(toMediator[0]?.text ?? '', /Police clearance certificate: valid until/);
    assert.ok((await mailsTo(coordinatorEmail)).some((m) => m.subject.includes(ending.firstName)));
    assert.equal((await mailsTo(fine.email)).length, 0);

    // The next days: nothing new.
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now: new Date(now.getTime() + DAY) });
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now: new Date(now.getTime() + 5 * DAY) });
    toMediator = await mailsTo(ending.email);
    assert.equal(toMediator.length, 1, 'reminded once per end date');

    // After the end date: once more.
    const later = new Date(now.getTime() + 12 * DAY);
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now: later });
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now: new Date(later.getTime() + DAY) });
    toMediator = await mailsTo(ending.email);
    assert.equal(toMediator.length, 2);
    assert.match(toMediator[1]?.text ?? '', /expired on/);

    // A renewed certificate with a new end date starts afresh.
    const renewed = addDays(dateInDays(12, now), 20);
    await t.db.update(mediators).set({ policeClearanceExpiresOn: renewed }).where(eq(mediators.id, ending.id));
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now: later });
    assert.equal((await mailsTo(ending.email)).length, 3);
    const [stored] = await t.db.select().from(mediators).where(eq(mediators.id, ending.id));
    assert.equal(stored?.documentsRemindedFor, `police_clearance@${renewed}:soon`, 'entries of the old date are dropped');
  });

  it('covers uploaded documents with an end date, and leaves retired mediators alone', async () => {
    const now = new Date();
    const m = await buildMediator(t.db, region.id);
    await t.db.insert(mediatorDocuments).values({ regionId: region.id, mediatorId: m.id, kind: 'qualification', fileName: 'erste-hilfe.pdf', contentType: 'application/pdf', size: 5, data: Buffer.from('%PDF-'), expiresOn: dateInDays(3, now) });
    const retired = await buildMediator(t.db, region.id, { status: 'retired', confidentialityExpiresOn: dateInDays(2, now) });
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now });
    await sendDocumentReminders(t.db, { baseUrl: BASE_URL, now });
    const sent = await mailsTo(m.email);
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.text ?? '', /erste-hilfe\.pdf/);
    assert.equal((await mailsTo(retired.email)).length, 0);
  });

  it('registers the daily job that runs the reminders', async () => {
    registerMediatorJobs(BASE_URL);
    const m = await buildMediator(t.db, region.id, { confidentialityExpiresOn: dateInDays(1) });
    await ensureRecurringJobs(t.db);
    while (await runNextJob(t.db)) {
      /* run what is due */
    }
    const [job] = await t.db.select().from(jobs).where(eq(jobs.type, DOCUMENT_REMINDER_JOB));
    assert.ok(job?.finishedAt, 'it ran');
    assert.equal(job.lastError, null);
    assert.equal(job.status, 'pending', 'and waits for the next day');
    assert.ok(job.runAt.getTime() > Date.now() + 23 * 60 * 60_000);
    assert.equal((await mailsTo(m.email)).length, 1);
  });

  it('decides what is due from the remembered key', () => {
    const papers = [
      { item: 'confidentiality', what: 'confidentiality' as const, fileName: '', expiresOn: '2027-01-20' },
      { item: 'doc-1', what: 'document' as const, fileName: 'a.pdf', expiresOn: '2026-12-01' },
    ];
    const first = dueReminders(papers, null, '2026-12-28', 30);
    assert.deepEqual(
      first.due.map((p) => [p.item, p.expired]),
      [
        ['confidentiality', false],
        ['doc-1', true],
      ],
    );
    assert.equal(first.key, 'confidentiality@2027-01-20:soon;doc-1@2026-12-01:expired');
    assert.equal(dueReminders(papers, first.key, '2026-12-29', 30).due.length, 0);
    assert.deepEqual(
      dueReminders(papers, first.key, '2027-01-21', 30).due.map((p) => p.item),
      ['confidentiality'],
    );
    assert.equal(dueReminders(papers, null, '2026-10-01', 30).due.length, 0, 'nothing before the reminder period');
  });
});
