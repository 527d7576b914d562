import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createTestDatabase } from '../../../test/helpers.js';
import { freePort, startSmtpServer, textOf, type ReceivedMail } from '../../../test/support/smtp-server.js';
import { buildAccount, buildRegion, sessionCookieFor } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { jobs, mails } from '../schema.js';
import { runNextJob } from '../jobs/jobs.js';
import { queueMail, registerMailJob } from './mail.js';

const FROM = 'wegweiser <noreply@wegweiser.test>';

describe('mail over SMTP (a real smtp-server in the test)', () => {
  let database: Database & { drop(): Promise<void> };
  let port: number;
  const inbox: ReceivedMail[] = [];
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());
  beforeEach(async () => {
    await database.db.delete(jobs);
    inbox.length = 0;
    port = await freePort();
    registerMailJob({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: FROM });
  });

  it('sends a queued mail with subject, recipient, text and attachment', async () => {
    const server = await startSmtpServer({ port, inbox });
    try {
      const attachment = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
      const id = await queueMail(database.db, {
        to: 'newcomer@example.org',
        subject: 'Einladung – Willkommensfest',
        text: 'Hallo,\nhier ist Ihre Einladung: https://wegweiser.test/invite/abc123\n',
        attachments: [{ filename: 'fest.ics', contentType: 'text/calendar', content: Buffer.from(attachment).toString('base64') }],
      });
      assert.equal(await runNextJob(database.db), true);

      assert.equal(inbox.length, 1);
      const msg = inbox[0];
      assert.ok(msg);
      assert.deepEqual(msg.envelopeTo, ['newcomer@example.org']);
      assert.equal(msg.headers.to, 'newcomer@example.org');
      assert.match(msg.headers.from ?? '', /noreply@wegweiser\.test/);
      assert.equal(msg.subject, 'Einladung – Willkommensfest');
      assert.match(textOf(msg), /https:\/\/wegweiser\.test\/invite\/abc123/, 'the text part');
      const file = msg.parts.find((p) => /filename="?fest\.ics/.test(p.headers['content-disposition'] ?? ''));
      assert.ok(file, 'has the attachment');
      assert.match(file.headers['content-type'] ?? '', /text\/calendar/);
      assert.equal(file.body, attachment);

      const [row] = await database.db.select().from(mails).where(eq(mails.id, id));
      assert.equal(row?.status, 'sent');
      assert.ok(row?.sentAt);
      assert.ok(row?.messageId);
      assert.equal(row?.error, null);
    } finally {
      await server.stop();
    }
  });

  it('loses nothing while the SMTP server is down: retries with back-off and sends exactly once when it is up', async () => {
    const id = await queueMail(database.db, { to: 'later@example.org', subject: 'Wait for it', text: 'Delivered after all.' });
    const t0 = Date.now();
    assert.equal(await runNextJob(database.db), true, 'the attempt ran (and failed: nobody listens)');

    const [mailAfterFailure] = await database.db.select().from(mails).where(eq(mails.id, id));
    assert.equal(mailAfterFailure?.status, 'queued');
    assert.match(mailAfterFailure?.error ?? '', /ECONNREFUSED|connect/i);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.type, 'mail.send'));
    assert.ok(job);
    assert.equal(job.status, 'pending');
    assert.equal(job.attempts, 1);
    assert.ok(job.runAt.getTime() > t0 + 20_000, 'retried later (back-off), not at once');
    assert.equal(await runNextJob(database.db), false, 'not due yet');

    const server = await startSmtpServer({ port, inbox });
    try {
      await database.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, job.id));
      assert.equal(await runNextJob(database.db), true);
      assert.equal(await runNextJob(database.db), false, 'nothing left');
      assert.equal(inbox.length, 1, 'arrived exactly once');
      assert.equal(inbox[0]?.headers.subject, 'Wait for it');
      const [row] = await database.db.select().from(mails).where(eq(mails.id, id));
      assert.equal(row?.status, 'sent');
      const [doneJob] = await database.db.select().from(jobs).where(eq(jobs.id, job.id));
      assert.equal(doneJob?.status, 'done');
      assert.equal(doneJob?.attempts, 2);
    } finally {
      await server.stop();
    }
  });

  it('with a tiny base back-off the worker retries by itself until the server comes up', async () => {
    const id = await queueMail(database.db, { to: 'soon@example.org', subject: 'Soon', text: 'x' });
    await runNextJob(database.db, { baseBackoffMs: 5 });
    const server = await startSmtpServer({ port, inbox });
    try {
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(await runNextJob(database.db, { baseBackoffMs: 5 }), true);
      assert.equal(inbox.length, 1);
      const [row] = await database.db.select().from(mails).where(eq(mails.id, id));
      assert.equal(row?.status, 'sent');
    } finally {
      await server.stop();
    }
  });

  it('marks the mail failed after the last attempt (the job shows up as failed)', async () => {
    const id = await queueMail(database.db, { to: 'never@example.org', subject: 'Never', text: 'x' });
    await database.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.type, 'mail.send'));
    await runNextJob(database.db);
    const [row] = await database.db.select().from(mails).where(eq(mails.id, id));
    assert.equal(row?.status, 'failed');
    assert.ok(row?.error);
    const failed = await database.db.select().from(jobs).where(eq(jobs.status, 'failed'));
    assert.equal(failed.length, 1);
  });
});

describe('mail without SMTP_URL', () => {
  it('is kept, and a region admin reads it on /admin/mail (other regions and other roles do not)', async () => {
    const t = await createTestApp();
    try {
      const county = await buildRegion(t.db, { name: 'Kreis Mail' });
      const other = await buildRegion(t.db, { name: 'Kreis Anders' });
      const regionAdmin = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'region_admin' }] });
      const otherAdmin = await buildAccount(t.db, { roles: [{ regionId: other.id, role: 'region_admin' }] });
      const editor = await buildAccount(t.db, { roles: [{ regionId: county.id, role: 'editor' }] });
      const id = await queueMail(t.db, {
        to: 'invitee@example.org',
        subject: 'Your invitation',
        text: 'Open <this> link: https://wegweiser.test/invite/xyz\nSecond line',
        regionId: county.id,
      });
      await runNextJob(t.db);
      const [row] = await t.db.select().from(mails).where(eq(mails.id, id));
      assert.equal(row?.status, 'kept');

      const cookie = await sessionCookieFor(t.app, t.db, regionAdmin.id);
      const list = await t.app.inject({ url: '/admin/mail?lang=en', headers: { cookie } });
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /invitee@example\.org/);
      assert.match(list.body, new RegExp(`href="/admin/mail/${id}"`));
      assert.match(list.body, /Kept/);

      const detail = await t.app.inject({ url: `/admin/mail/${id}?lang=en`, headers: { cookie } });
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /<pre class="mail-body">Open &lt;this(&gt;|>) link: https:\/\/wegweiser\.test\/invite\/xyz\nSecond line<\/pre>/);

      const otherCookie = await sessionCookieFor(t.app, t.db, otherAdmin.id);
      const otherList = await t.app.inject({ url: '/admin/mail', headers: { cookie: otherCookie } });
      assert.equal(otherList.statusCode, 200);
      assert.doesNotMatch(otherList.body, /invitee@example\.org/);
      assert.equal((await t.app.inject({ url: `/admin/mail/${id}`, headers: { cookie: otherCookie } })).statusCode, 404);

      const editorCookie = await sessionCookieFor(t.app, t.db, editor.id);
      assert.equal((await t.app.inject({ url: `/admin/mail/${id}`, headers: { cookie: editorCookie } })).statusCode, 403);
    } finally {
      await t.close();
    }
  });
});
