/**
 * Mails about institutions and their new requests, queued in the caller's transaction (outbox): the receipt of a
 * registration, the coordinators' notice of it, the decision (approved, rejected, suspended, reinstated), the receipt
 * of a request and the coordinators' notice of it (with what needs their attention: nobody speaks the language,
 * possible personal data). Texts come from the catalog `sprachpool-agencies`.
 */
import type { Db } from '../../db/client.js';
import { translator } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail } from '../../platform/mail/mail.js';
import { coordinatorAddresses, type AgencyContactRow, type AgencyRow, type PoolContext } from './context.js';
import { requestDetails, requestLanguage, formatDay } from './requests-format.js';
import type { requests } from './schema.js';
import { composeMail, type MailBlock } from '../../platform/mail/compose.js';

type RequestRow = typeof requests.$inferSelect;
const poolUrl = (baseUrl: string, regionId: string) => `${baseUrl}/admin/regions/${regionId}/sprachpool`;

/** Details as "Label: value" lines. */
const lines = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n');

/** The coordination's address for the footer of mails to institutions ('' when none is set). */
function contactLine(ctx: PoolContext, t: ReturnType<typeof translator>): string {
  return ctx.settings.contactEmail ? t('sprachpool-agencies.mail_contact', { email: ctx.settings.contactEmail }) : '';
}

/** Receipt of a registration to the institution, and the coordinators' notice. */
export async function queueAgencyRegistrationMails(
  db: Db,
  ctx: PoolContext,
  input: { agency: AgencyRow; contacts: AgencyContactRow[]; lang: string; baseUrl: string },
): Promise<void> {
  const { agency } = input;
  const lang = uiLanguageFor(input.lang);
  const t = translator(lang);
  const region = ctx.region.name;
  const receipt = composeMail(
    [
      t('sprachpool-agencies.mail_registered_body', { name: agency.name, region }),
      t('sprachpool-agencies.mail_registered_contacts', { names: input.contacts.map((c) => c.name).join(', ') }),
      t('sprachpool-agencies.mail_registered_next'),
      contactLine(ctx, t),
    ],
    lang,
  );
  await queueMail(db, { to: agency.email, regionId: ctx.region.id, subject: t('sprachpool-agencies.mail_registered_subject', { region }), ...receipt });
  for (const c of await coordinatorAddresses(db, ctx)) {
    const ct = translator(c.language);
    const notice = composeMail(
      [
        ct('sprachpool-agencies.mail_coord_registered_body', { name: agency.name, kind: ct(`sprachpool.agency_kind_${agency.kind}`), city: agency.city, count: input.contacts.length }),
        { link: `${poolUrl(input.baseUrl, ctx.region.id)}/agencies/${agency.id}`, label: ct('sprachpool-agencies.mail_coord_open') },
      ],
      uiLanguageFor(c.language),
    );
    await queueMail(db, { to: c.email, regionId: ctx.region.id, subject: ct('sprachpool-agencies.mail_coord_registered_subject', { name: agency.name }), ...notice });
  }
}

export type AgencyDecision = 'approved' | 'rejected' | 'suspended' | 'reinstated';

/** The coordinator's decision about an institution, to the institution's address (in the region's source language). */
export async function queueAgencyDecisionMail(db: Db, ctx: PoolContext, input: { agency: AgencyRow; decision: AgencyDecision; reason?: string; baseUrl: string }): Promise<void> {
  const lang = uiLanguageFor(ctx.region.sourceLanguage);
  const t = translator(lang);
  const region = ctx.region.name;
  const name = input.agency.name;
  const blocks: MailBlock[] = [t(`sprachpool-agencies.mail_${input.decision}_body`, { name, region })];
  if (input.reason?.trim()) blocks.push(t('sprachpool-agencies.mail_reason', { reason: input.reason.trim() }));
  if (input.decision === 'approved' || input.decision === 'reinstated') {
    blocks.push(t('sprachpool-agencies.mail_approved_next'));
    blocks.push({ link: `${poolUrl(input.baseUrl, ctx.region.id)}/agency`, label: t('sprachpool-agencies.mail_portal_link') });
  }
  blocks.push(contactLine(ctx, t));
  await queueMail(db, { to: input.agency.email, regionId: ctx.region.id, subject: t(`sprachpool-agencies.mail_${input.decision}_subject`, { name, region }), ...composeMail(blocks, lang) });
}

/**
 * Receipt of a new request to the contact person who made it, and the coordinators' notice — both say when nobody in
 * the pool speaks the language; the notice also when the institution confirmed text that looked personal.
 */
export async function queueRequestReceivedMails(
  db: Db,
  ctx: PoolContext,
  input: { agency: AgencyRow; contact: AgencyContactRow; request: RequestRow; lang: string; baseUrl: string; personalData: boolean },
): Promise<void> {
  const { request: r, agency } = input;
  const tz = ctx.region.timezone;
  const noSpeaker = r.flags.includes('no_speaker');
  {
    const lang = uiLanguageFor(input.lang);
    const t = translator(lang);
    const language = requestLanguage(t, lang, r);
    const blocks: MailBlock[] = [
      t('sprachpool-agencies.mail_request_received_body', { name: input.contact.name }),
      lines(requestDetails(t, lang, { request: r, timeZone: tz, institution: agency.name }, 'full')),
      noSpeaker ? t('sprachpool-agencies.mail_request_no_speaker', { language }) : '',
      t('sprachpool-agencies.mail_request_next'),
      input.baseUrl ? { link: `${poolUrl(input.baseUrl, ctx.region.id)}/agency/requests/${r.id}`, label: t('sprachpool-agencies.mail_request_link') } : '',
      contactLine(ctx, t),
    ];
    await queueMail(db, {
      to: input.contact.email,
      regionId: ctx.region.id,
      subject: t('sprachpool-agencies.mail_request_received_subject', { language, date: formatDay(r.startsAt, tz, lang) }),
      ...composeMail(blocks, lang),
    });
  }
  for (const c of await coordinatorAddresses(db, ctx)) {
    const lang = uiLanguageFor(c.language);
    const t = translator(lang);
    const language = requestLanguage(t, lang, r);
    const blocks: MailBlock[] = [
      t('sprachpool-agencies.mail_coord_request_body', { name: agency.name }),
      lines(requestDetails(t, lang, { request: r, timeZone: tz, institution: agency.name }, 'offer')),
      noSpeaker ? t('sprachpool-agencies.mail_coord_no_speaker', { language }) : '',
      input.personalData ? t('sprachpool-agencies.mail_coord_personal_data') : '',
      input.baseUrl ? { link: `${poolUrl(input.baseUrl, ctx.region.id)}/requests/${r.id}`, label: t('sprachpool-agencies.mail_coord_open_request') } : '',
    ];
    const subjectKey = noSpeaker ? 'sprachpool-agencies.mail_coord_request_subject_no_speaker' : 'sprachpool-agencies.mail_coord_request_subject';
    await queueMail(db, { to: c.email, regionId: ctx.region.id, subject: t(subjectKey, { language, date: formatDay(r.startsAt, tz, lang) }), ...composeMail(blocks, lang) });
  }
}
