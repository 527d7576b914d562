/**
 * Mails of the request lifecycle, queued in the caller's transaction (outbox): offers to mediators (with the
 * one-time link), withdrawn offers, the assignment confirmation (mediator: all details and a METHOD:REQUEST .ics;
 * institution: the mediator's first name and contact for the appointment), cancellations (mediator: METHOD:CANCEL
 * .ics), rejections, "no open offers left" to the coordinators, and the reminders the day before.
 *
 * Mediators read their mails in their own language (`sp_mediators.language`), institutions in the region's source
 * language, coordinators in their interface language. Dates are in the region's time zone.
 */
import type { Db } from '../../db/client.js';
import { translator, type Translate } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail, type MailInput } from '../../platform/mail/mail.js';
import { coordinatorAddresses, type AgencyContactRow, type AgencyRow, type MediatorRow, type PoolContext } from './context.js';
import { assignmentCalendar, assignmentIcsFilename, assignmentUid, ICS_CANCEL_TYPE, ICS_REQUEST_TYPE, uidHost } from './ics.js';
import { formatDay, formatFull, formatTime, placeLine, requestDetails, requestLanguage, type RequestRow } from './requests-format.js';
import type { assignments } from './schema.js';
import { poolBase, portalBase } from './views/layout.js';
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';
import { composeMail, type MailBlock } from '../../platform/mail/compose.js';

export type AssignmentRow = typeof assignments.$inferSelect;

/** What every lifecycle mail needs: the pool and where links point. */
export type MailContext = { ctx: PoolContext; baseUrl: string };
/** The institution side of a request: who gets its mails. */
export type RequestParty = { request: RequestRow; agency: AgencyRow; contact: AgencyContactRow | null };

const detailsBlock = (pairs: [string, string][]): MailBlock => ({ text: pairs.map(([label, value]) => `${label}: ${value}`).join('\n') });

/** How people reach the pool's coordination: the pool's address, else the region's contact text. */
function poolContact(ctx: PoolContext): string {
  return ctx.settings.contactEmail || ctx.region.contact.trim();
}

function closing(t: Translate, ctx: PoolContext): MailBlock[] {
  const contact = poolContact(ctx);
  return [...(contact ? [{ text: t('sprachpool-mail.contact', { contact }) }] : []), { text: t('sprachpool-mail.footer', { region: ctx.region.name }) }];
}

/** The address of the public pages in a reader's language, when the region has it (else its source language). */
function pageLanguage(ctx: PoolContext, lang: string): string {
  return ctx.region.languages.includes(lang) ? lang : ctx.region.sourceLanguage;
}

/** The one-time link of an offer (`/{region}/{lang}/sprachpool/offers/{token}`). */
export function offerLink(m: MailContext, lang: string, token: string): string {
  return `${m.baseUrl}/${m.ctx.region.slug}/${pageLanguage(m.ctx, lang)}/sprachpool/offers/${token}`;
}

/** Where the institution's mails go: the contact who asked, else the institution's address. */
function institutionAddress(p: RequestParty): { email: string; name: string } {
  return p.contact ? { email: p.contact.email, name: p.contact.name } : { email: p.agency.email, name: p.agency.name };
}

type Texts = { t: Translate; lang: string; language: string; date: string };

function textsFor(m: MailContext, request: RequestRow, lang: string): Texts {
  const ui = uiLanguageFor(lang);
  const t = translator(ui);
  return { t, lang: ui, language: requestLanguage(t, ui, request), date: formatDay(request.startsAt, m.ctx.region.timezone, ui) };
}

async function send(db: Db, m: MailContext, to: string, subject: string, blocks: MailBlock[], lang: string, attachments?: MailInput['attachments']): Promise<void> {
  await queueMail(db, { to, subject, ...composeMail(blocks, lang), regionId: m.ctx.region.id, ...(attachments ? { attachments } : {}) });
}

/** The assignment's calendar entry in the mediator's language: METHOD:REQUEST for the invitation, CANCEL to remove it. */
export function buildAssignmentIcs(
  m: MailContext,
  input: { request: RequestRow; agency: Pick<AgencyRow, 'name'>; mediator: Pick<MediatorRow, 'firstName' | 'lastName' | 'email' | 'language'>; assignment: Pick<AssignmentRow, 'id' | 'createdAt'>; method: 'REQUEST' | 'CANCEL'; now?: Date },
): string {
  const { request: r, mediator } = input;
  const lang = uiLanguageFor(mediator.language);
  const t = translator(lang);
  const tz = m.ctx.region.timezone;
  const host = uidHost(m.baseUrl);
  const details = requestDetails(t, lang, { request: r, timeZone: tz, institution: input.agency.name }, 'full');
  return assignmentCalendar({
    method: input.method,
    uid: assignmentUid(input.assignment.id, host),
    sequence: input.method === 'CANCEL' ? 1 : 0,
    summary: t('sprachpool-mail.ics_summary', { language: requestLanguage(t, lang, r), institution: input.agency.name }),
    description: details.map(([label, value]) => `${label}: ${value}`).join('\n'),
    location: r.mode === 'on_site' ? placeLine(r) : r.joinInfo.trim() || t(`sprachpool.mode_${r.mode}`),
    startLocal: r.startLocal || utcToZonedLocal(r.startsAt, tz),
    endLocal: utcToZonedLocal(r.endsAt, tz),
    timeZone: tz,
    organizer: { name: t('sprachpool-mail.footer', { region: m.ctx.region.name }), email: m.ctx.settings.contactEmail || `sprachpool@${host}` },
    attendee: { name: `${mediator.firstName} ${mediator.lastName}`.trim(), email: mediator.email },
    url: `${m.baseUrl}${portalBase(m.ctx.region.id)}/assignments`,
    createdAt: input.assignment.createdAt,
    dtstamp: input.now ?? new Date(),
  });
}

function icsAttachment(ics: string, startLocal: string, method: 'REQUEST' | 'CANCEL'): NonNullable<MailInput['attachments']>[number] {
  return { filename: assignmentIcsFilename(startLocal), contentType: method === 'CANCEL' ? ICS_CANCEL_TYPE : ICS_REQUEST_TYPE, content: Buffer.from(ics, 'utf8').toString('base64') };
}

/** An offer to a mediator: what, when, roughly where; accept and decline through the one-time link. */
export async function queueOfferMail(db: Db, m: MailContext, input: { request: RequestRow; mediator: MediatorRow; token: string; expiresAt: Date }): Promise<void> {
  const { request: r, mediator } = input;
  const x = textsFor(m, r, mediator.language);
  const { t } = x;
  const link = offerLink(m, mediator.language, input.token);
  const blocks: MailBlock[] = [
    { text: t('sprachpool-mail.greeting', { name: mediator.firstName }) },
    { text: t('sprachpool-mail.offer_body', { region: m.ctx.region.name }) },
    detailsBlock(requestDetails(t, x.lang, { request: r, timeZone: m.ctx.region.timezone }, 'offer')),
    { text: t('sprachpool-mail.offer_privacy') },
    { text: t('sprachpool-mail.offer_deadline', { deadline: formatFull(input.expiresAt, m.ctx.region.timezone, x.lang) }) },
    { link: `${link}?answer=accept`, label: t('sprachpool-mail.offer_accept') },
    { link: `${link}?answer=decline`, label: t('sprachpool-mail.offer_decline') },
    { link: `${m.baseUrl}${portalBase(m.ctx.region.id)}/offers`, label: t('sprachpool-mail.offer_portal') },
    ...closing(t, m.ctx),
  ];
  await send(db, m, mediator.email, t('sprachpool-mail.offer_subject', { language: x.language, date: x.date }), blocks, x.lang);
}

export type WithdrawCause = 'taken' | 'cancelled';

/** An open offer is no longer needed: someone else took it, or the request was cancelled or rejected. */
export async function queueOfferWithdrawnMail(db: Db, m: MailContext, input: { request: RequestRow; mediator: MediatorRow; cause: WithdrawCause }): Promise<void> {
  const x = textsFor(m, input.request, input.mediator.language);
  const { t } = x;
  const blocks: MailBlock[] = [
    { text: t('sprachpool-mail.greeting', { name: input.mediator.firstName }) },
    { text: t(input.cause === 'taken' ? 'sprachpool-mail.withdrawn_taken' : 'sprachpool-mail.withdrawn_cancelled', { date: x.date, language: x.language }) },
    ...closing(t, m.ctx),
  ];
  await send(db, m, input.mediator.email, t('sprachpool-mail.withdrawn_subject', { language: x.language, date: x.date }), blocks, x.lang);
}

/**
 * After an accept: the mediator's confirmation with all details and the invitation (.ics), and the institution's with
 * the mediator's first name and contact for the appointment.
 */
export async function queueAssignedMails(db: Db, m: MailContext, input: RequestParty & { mediator: MediatorRow; assignment: AssignmentRow; now?: Date }): Promise<void> {
  const { request: r, agency, mediator, assignment } = input;
  const tz = m.ctx.region.timezone;

  const x = textsFor(m, r, mediator.language);
  const ics = buildAssignmentIcs(m, { request: r, agency, mediator, assignment, method: 'REQUEST', ...(input.now ? { now: input.now } : {}) });
  await send(
    db,
    m,
    mediator.email,
    x.t('sprachpool-mail.confirmed_subject', { language: x.language, date: x.date }),
    [
      { text: x.t('sprachpool-mail.greeting', { name: mediator.firstName }) },
      { text: x.t('sprachpool-mail.confirmed_body') },
      detailsBlock(requestDetails(x.t, x.lang, { request: r, timeZone: tz, institution: agency.name }, 'full')),
      { text: x.t('sprachpool-mail.ics_attached') },
      { text: x.t('sprachpool-mail.confirmed_cannot') },
      { link: `${m.baseUrl}${portalBase(m.ctx.region.id)}/assignments`, label: x.t('sprachpool-mail.portal_link') },
      ...closing(x.t, m.ctx),
    ],
    x.lang,
    [icsAttachment(ics, r.startLocal, 'REQUEST')],
  );

  const to = institutionAddress(input);
  const y = textsFor(m, r, m.ctx.region.sourceLanguage);
  const contactLines: [string, string][] = [[y.t('sprachpool-mail.label_mediator'), mediator.firstName]];
  if (mediator.phone.trim()) contactLines.push([y.t('sprachpool-mail.label_phone'), mediator.phone.trim()]);
  contactLines.push([y.t('sprachpool-mail.label_email'), mediator.email]);
  await send(
    db,
    m,
    to.email,
    y.t('sprachpool-mail.agency_assigned_subject', { language: y.language, date: y.date }),
    [
      { text: y.t('sprachpool-mail.greeting', { name: to.name }) },
      { text: y.t('sprachpool-mail.agency_assigned_body') },
      detailsBlock(requestDetails(y.t, y.lang, { request: r, timeZone: tz }, 'offer')),
      detailsBlock(contactLines),
      { text: y.t('sprachpool-mail.agency_contact_note') },
      { text: y.t('sprachpool-mail.agency_cancel_rules', { hours: m.ctx.settings.freeCancellationHours }) },
      ...closing(y.t, m.ctx),
    ],
    y.lang,
  );
}

function formatFee(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The mediator's side of a cancelled assignment: the cancellation with the calendar entry (METHOD:CANCEL). */
async function queueMediatorCancellation(db: Db, m: MailContext, input: RequestParty & { mediator: MediatorRow; assignment: AssignmentRow; reason: string; released?: boolean; now?: Date }): Promise<void> {
  const { request: r, agency, mediator, assignment } = input;
  const x = textsFor(m, r, mediator.language);
  const ics = buildAssignmentIcs(m, { request: r, agency, mediator, assignment, method: 'CANCEL', ...(input.now ? { now: input.now } : {}) });
  await send(
    db,
    m,
    mediator.email,
    x.t('sprachpool-mail.cancelled_subject', { language: x.language, date: x.date }),
    [
      { text: x.t('sprachpool-mail.greeting', { name: mediator.firstName }) },
      { text: x.t(input.released ? 'sprachpool-mail.released_body' : 'sprachpool-mail.cancelled_body', { date: x.date, institution: agency.name }) },
      detailsBlock(requestDetails(x.t, x.lang, { request: r, timeZone: m.ctx.region.timezone }, 'offer')),
      ...(input.reason ? [{ text: x.t('sprachpool-mail.reason', { reason: input.reason }) }] : []),
      { text: x.t('sprachpool-mail.ics_cancel_attached') },
      ...closing(x.t, m.ctx),
    ],
    x.lang,
    [icsAttachment(ics, r.startLocal, 'CANCEL')],
  );
}

/**
 * The coordinator took the assignment back from its mediator: the mediator gets the cancellation, the institution
 * learns that the appointment stands and a new mediator is being found.
 */
export async function queueReleasedMails(db: Db, m: MailContext, input: RequestParty & { mediator: MediatorRow | null; assignment: AssignmentRow; reason: string; now?: Date }): Promise<void> {
  if (input.mediator) await queueMediatorCancellation(db, m, { ...input, mediator: input.mediator, released: true });
  const to = institutionAddress(input);
  const y = textsFor(m, input.request, m.ctx.region.sourceLanguage);
  await send(
    db,
    m,
    to.email,
    y.t('sprachpool-mail.agency_released_subject', { language: y.language, date: y.date }),
    [{ text: y.t('sprachpool-mail.greeting', { name: to.name }) }, { text: y.t('sprachpool-mail.agency_released_body', { date: y.date, language: y.language }) }, ...closing(y.t, m.ctx)],
    y.lang,
  );
}

/**
 * A cancelled request: the assigned mediator (when there was one) gets the cancellation with a METHOD:CANCEL .ics,
 * the institution a confirmation (late cancellations say so).
 */
export async function queueCancelledMails(
  db: Db,
  m: MailContext,
  input: RequestParty & { mediator: MediatorRow | null; assignment: AssignmentRow | null; by: 'agency' | 'coordinator'; late: boolean; reason: string; now?: Date },
): Promise<void> {
  const { request: r, mediator, assignment } = input;
  if (mediator && assignment) await queueMediatorCancellation(db, m, { ...input, mediator, assignment, reason: input.by === 'coordinator' ? input.reason : '' });
  const to = institutionAddress(input);
  const y = textsFor(m, r, m.ctx.region.sourceLanguage);
  const fee = m.ctx.settings.lateCancellationFeeCents;
  const blocks: MailBlock[] = [
    { text: y.t('sprachpool-mail.greeting', { name: to.name }) },
    { text: y.t(input.by === 'agency' ? 'sprachpool-mail.agency_cancelled_by_agency' : 'sprachpool-mail.agency_cancelled_by_coordinator', { date: y.date, language: y.language }) },
    ...(input.reason ? [{ text: y.t('sprachpool-mail.reason', { reason: input.reason }) }] : []),
  ];
  if (input.late) {
    blocks.push({ text: y.t('sprachpool-mail.agency_cancelled_late', { hours: m.ctx.settings.freeCancellationHours }) });
    if (fee > 0) blocks.push({ text: y.t('sprachpool-mail.agency_cancelled_fee', { fee: formatFee(fee, y.lang) }) });
  }
  blocks.push(...closing(y.t, m.ctx));
  await send(db, m, to.email, y.t('sprachpool-mail.agency_cancelled_subject', { language: y.language, date: y.date }), blocks, y.lang);
}

/** The coordinator rejected the request: the institution hears why. */
export async function queueRejectedMail(db: Db, m: MailContext, input: RequestParty & { reason: string }): Promise<void> {
  const to = institutionAddress(input);
  const y = textsFor(m, input.request, m.ctx.region.sourceLanguage);
  await send(
    db,
    m,
    to.email,
    y.t('sprachpool-mail.rejected_subject', { language: y.language, date: y.date }),
    [
      { text: y.t('sprachpool-mail.greeting', { name: to.name }) },
      { text: y.t('sprachpool-mail.rejected_body', { date: y.date, language: y.language }) },
      { text: y.t('sprachpool-mail.reason', { reason: input.reason }) },
      ...closing(y.t, m.ctx),
    ],
    y.lang,
  );
}

/** Every offer of a request was declined or expired: the coordinators have to send new ones. */
export async function queueOffersExhaustedMail(db: Db, m: MailContext, input: { request: RequestRow; agency: AgencyRow }): Promise<number> {
  const to = await coordinatorAddresses(db, m.ctx);
  for (const c of to) {
    const x = textsFor(m, input.request, c.language);
    await send(
      db,
      m,
      c.email,
      x.t('sprachpool-mail.exhausted_subject', { language: x.language, date: x.date }),
      [
        { text: x.t('sprachpool-mail.greeting_plain') },
        { text: x.t('sprachpool-mail.exhausted_body', { institution: input.agency.name, date: x.date, language: x.language }) },
        { link: `${m.baseUrl}${poolBase(m.ctx.region.id)}/requests/${input.request.id}`, label: x.t('sprachpool-mail.request_link') },
        { text: x.t('sprachpool-mail.footer', { region: m.ctx.region.name }) },
      ],
      x.lang,
    );
  }
  return to.length;
}

/** The day before: the mediator gets all details again, the institution the mediator's first name and contact. */
export async function queueReminderMails(db: Db, m: MailContext, input: RequestParty & { mediator: MediatorRow; assignment: AssignmentRow }): Promise<void> {
  const { request: r, agency, mediator } = input;
  const tz = m.ctx.region.timezone;
  const x = textsFor(m, r, mediator.language);
  await send(
    db,
    m,
    mediator.email,
    x.t('sprachpool-mail.reminder_subject', { time: formatTime(r.startsAt, tz, x.lang), language: x.language }),
    [
      { text: x.t('sprachpool-mail.greeting', { name: mediator.firstName }) },
      { text: x.t('sprachpool-mail.reminder_body') },
      detailsBlock(requestDetails(x.t, x.lang, { request: r, timeZone: tz, institution: agency.name }, 'full')),
      { text: x.t('sprachpool-mail.confirmed_cannot') },
      { link: `${m.baseUrl}${portalBase(m.ctx.region.id)}/assignments`, label: x.t('sprachpool-mail.portal_link') },
      ...closing(x.t, m.ctx),
    ],
    x.lang,
  );
  const to = institutionAddress(input);
  const y = textsFor(m, r, m.ctx.region.sourceLanguage);
  const contactLines: [string, string][] = [[y.t('sprachpool-mail.label_mediator'), mediator.firstName]];
  if (mediator.phone.trim()) contactLines.push([y.t('sprachpool-mail.label_phone'), mediator.phone.trim()]);
  contactLines.push([y.t('sprachpool-mail.label_email'), mediator.email]);
  await send(
    db,
    m,
    to.email,
    y.t('sprachpool-mail.agency_reminder_subject', { time: formatTime(r.startsAt, tz, y.lang), language: y.language }),
    [
      { text: y.t('sprachpool-mail.greeting', { name: to.name }) },
      { text: y.t('sprachpool-mail.agency_reminder_body') },
      detailsBlock(requestDetails(y.t, y.lang, { request: r, timeZone: tz }, 'offer')),
      detailsBlock(contactLines),
      ...closing(y.t, m.ctx),
    ],
    y.lang,
  );
}
