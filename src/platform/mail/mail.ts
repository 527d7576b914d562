import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import { mails } from '../schema.js';
import { enqueueJob, registerJobHandler } from '../jobs/jobs.js';

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  regionId?: string | null;
  attachments?: { filename: string; contentType: string; content: string /* base64 */ }[];
};

/** Queues a mail (row + job) in the caller's transaction; the worker sends it. Returns the mail id. */
export async function queueMail(db: Db, input: MailInput): Promise<string> {
  const [row] = await db
    .insert(mails)
    .values({
      to: input.to,
      subject: input.subject,
      text: input.text,
      html: input.html ?? null,
      regionId: input.regionId ?? null,
      attachments: input.attachments ?? [],
    })
    .returning({ id: mails.id });
  if (!row) throw new Error('mail insert returned nothing');
  await enqueueJob(db, 'mail.send', { mailId: row.id }, { regionId: input.regionId ?? null, maxAttempts: 12 });
  return row.id;
}

export type MailSettings = { smtpUrl?: string | undefined; mailFrom: string };

/**
 * Registers the `mail.send` job: over SMTP when configured (a failure throws, so the job retries with back-off),
 * otherwise the mail is kept and shown on the admin "outgoing mail" page.
 */
export function registerMailJob(settings: MailSettings): void {
  // Bounded timeouts: a server that accepts but never answers must not hold the job past the stale-lock limit
  // (another worker would then send the same mail again).
  const transport = settings.smtpUrl
    ? nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
    : null;
  registerJobHandler('mail.send', async (payload, { db, job }) => {
    const mailId = String(payload.mailId);
    const [mail] = await db.select().from(mails).where(eq(mails.id, mailId));
    if (!mail || mail.status === 'sent') return;
    if (!transport) {
      await db.update(mails).set({ status: 'kept' }).where(eq(mails.id, mailId));
      return;
    }
    try {
      const info = await transport.sendMail({
        from: settings.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
      });
      await db.update(mails).set({ status: 'sent', sentAt: new Date(), messageId: info.messageId, error: null }).where(eq(mails.id, mailId));
    } catch (err) {
      // After the job's last attempt the mail is 'failed' (shown as such; a retry from /admin/jobs queues it again).
      const final = job.attempts >= job.maxAttempts;
      await db
        .update(mails)
        .set({ error: err instanceof Error ? err.message.slice(0, 1000) : String(err), ...(final ? { status: 'failed' as const } : {}) })
        .where(eq(mails.id, mailId));
      throw err;
    }
  });
}
