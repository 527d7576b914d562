/**
 * Mails about mediators, queued in the caller's transaction (outbox): the receipt of an application (in the language
 * of the page it was sent from) and the notice to the coordinators, the answer to a rejected application, the
 * coordinators' notice of a deletion request, and the reminders of expiring documents (to the mediator and the
 * coordinators). Coordinators read mails in their own UI language.
 */
import type { Db } from '../../db/client.js';
import { translator, type Translate } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail } from '../../platform/mail/mail.js';
import { coordinatorAddresses, type MediatorRow, type PoolContext } from './context.js';
import { poolBase, portalBase } from './views/layout.js';
import { composeMail, type MailBlock } from '../../platform/mail/compose.js';

/** "1. Mai 2027" as the reader's language writes it. */
export function formatDay(day: string, lang: string): string {
  const ui = uiLanguageFor(lang);
  return new Intl.DateTimeFormat([ui, 'de'], { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(new Date(`${day}T12:00:00Z`));
}

/** Who to ask: the pool's contact address, else the region's contact text. */
function contactLine(t: Translate, ctx: PoolContext): MailBlock[] {
  const contact = ctx.settings.contactEmail || ctx.region.contact.trim();
  return contact ? [{ text: t('sprachpool-mediators.mail_contact', { contact }) }] : [];
}

const fullName = (m: Pick<MediatorRow, 'firstName' | 'lastName'>) => `${m.firstName} ${m.lastName}`.trim();
const detailLink = (ctx: PoolContext, mediatorId: string, baseUrl: string) => `${baseUrl}${poolBase(ctx.region.id)}/mediators/${mediatorId}`;

/** Sends the same notice to every coordinator address, each in its language. */
async function toCoordinators(db: Db, ctx: PoolContext, build: (t: Translate, lang: string) => { subject: string; blocks: MailBlock[] }): Promise<number> {
  const addresses = await coordinatorAddresses(db, ctx);
  for (const a of addresses) {
    const lang = uiLanguageFor(a.language);
    const { subject, blocks } = build(translator(lang), lang);
    await queueMail(db, { to: a.email, subject, ...composeMail(blocks, lang), regionId: ctx.region.id });
  }
  return addresses.length;
}

/** The receipt to the applicant and the notice to the coordinators. */
export async function queueApplicationMails(db: Db, ctx: PoolContext, m: MediatorRow, baseUrl: string): Promise<void> {
  const lang = uiLanguageFor(m.language);
  const t = translator(lang);
  const region = ctx.region.name;
  const blocks: MailBlock[] = [
    { text: t('sprachpool-mediators.mail_greeting', { name: m.firstName }) },
    { text: t('sprachpool-mediators.mail_receipt_body', { region }) },
    { text: t('sprachpool-mediators.mail_receipt_next') },
    ...contactLine(t, ctx),
    { text: t('sprachpool-mediators.mail_footer', { region }) },
  ];
  await queueMail(db, { to: m.email, subject: t('sprachpool-mediators.mail_receipt_subject', { region }), ...composeMail(blocks, lang), regionId: ctx.region.id });
  await toCoordinators(db, ctx, (ct) => ({
    subject: ct('sprachpool-mediators.mail_new_application_subject', { name: fullName(m) }),
    blocks: [{ text: ct('sprachpool-mediators.mail_new_application_body', { name: fullName(m), region }) }, { link: detailLink(ctx, m.id, baseUrl), label: ct('sprachpool-mediators.mail_open_application') }],
  }));
}

/** The answer to a rejected application, with the coordinator's reason when one was given. */
export async function queueRejectionMail(db: Db, ctx: PoolContext, m: MediatorRow, reason: string): Promise<void> {
  const lang = uiLanguageFor(m.language);
  const t = translator(lang);
  const region = ctx.region.name;
  const blocks: MailBlock[] = [
    { text: t('sprachpool-mediators.mail_greeting', { name: m.firstName }) },
    { text: t('sprachpool-mediators.mail_rejected_body', { region }) },
    ...(reason ? [{ text: t('sprachpool-mediators.mail_rejected_reason', { reason }) }] : []),
    ...contactLine(t, ctx),
    { text: t('sprachpool-mediators.mail_footer', { region }) },
  ];
  await queueMail(db, { to: m.email, subject: t('sprachpool-mediators.mail_rejected_subject', { region }), ...composeMail(blocks, lang), regionId: ctx.region.id });
}

/** Tells the coordinators that a mediator asked for their data to be deleted. */
export async function queueDeletionRequestNotice(db: Db, ctx: PoolContext, m: MediatorRow, baseUrl: string): Promise<void> {
  await toCoordinators(db, ctx, (t) => ({
    subject: t('sprachpool-mediators.mail_deletion_subject', { name: fullName(m) }),
    blocks: [{ text: t('sprachpool-mediators.mail_deletion_body', { name: fullName(m) }) }, { link: detailLink(ctx, m.id, baseUrl), label: t('sprachpool-mediators.mail_open_mediator') }],
  }));
}

/** One document in a reminder: what it is, until when it is valid, and whether that day has passed. */
export type ReminderLine = { what: 'confidentiality' | 'police_clearance' | 'document'; fileName: string; expiresOn: string; expired: boolean };

function reminderText(t: Translate, lang: string, line: ReminderLine): string {
  const what = line.what === 'document' ? t('sprachpool-mediators.mail_reminder_document', { name: line.fileName }) : t(`sprachpool-mediators.doc_${line.what}`);
  const date = formatDay(line.expiresOn, lang);
  return line.expired ? t('sprachpool-mediators.mail_reminder_line_expired', { what, date }) : t('sprachpool-mediators.mail_reminder_line_soon', { what, date });
}

/** Reminds the mediator and the coordinators of documents that expire soon or have expired. */
export async function queueDocumentReminder(db: Db, ctx: PoolContext, m: MediatorRow, lines: ReminderLine[], baseUrl: string): Promise<number> {
  const lang = uiLanguageFor(m.language);
  const t = translator(lang);
  const region = ctx.region.name;
  const blocks: MailBlock[] = [
    { text: t('sprachpool-mediators.mail_greeting', { name: m.firstName }) },
    { text: t('sprachpool-mediators.mail_reminder_body') },
    { text: lines.map((l) => `– ${reminderText(t, lang, l)}`).join('\n') },
    { text: t('sprachpool-mediators.mail_reminder_action') },
    { link: `${baseUrl}${portalBase(ctx.region.id)}`, label: t('sprachpool-mediators.mail_open_portal') },
    ...contactLine(t, ctx),
    { text: t('sprachpool-mediators.mail_footer', { region }) },
  ];
  await queueMail(db, { to: m.email, subject: t('sprachpool-mediators.mail_reminder_subject'), ...composeMail(blocks, lang), regionId: ctx.region.id });
  const sent = await toCoordinators(db, ctx, (ct, clang) => {
    return {
      subject: ct('sprachpool-mediators.mail_reminder_coordinator_subject', { name: fullName(m) }),
      blocks: [
        { text: ct('sprachpool-mediators.mail_reminder_coordinator_body', { name: fullName(m) }) },
        { text: lines.map((l) => `– ${reminderText(ct, clang, l)}`).join('\n') },
        { link: detailLink(ctx, m.id, baseUrl), label: ct('sprachpool-mediators.mail_open_mediator') },
      ],
    };
  });
  return sent + 1;
}
