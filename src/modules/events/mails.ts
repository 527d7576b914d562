/**
 * Mails to registrants, queued in the caller's transaction (outbox): confirmation (with an .ics of the date and the
 * cancel link), waitlist notice, promotion from the waitlist, cancellation of the date, reminder the day before.
 *
 * Everything is in the registrant's language: the texts (catalog `events-mail`), the event's title where a
 * translation exists, the date as that language writes it (Gregorian calendar, the event's time zone). Only the
 * confirmation and the waitlist notice can carry the cancel link: the token is known only right after registering
 * (the database keeps its hash), so later mails point back to the first one. People who left only a phone number
 * get no mail; organisers call them.
 */
import { organiserCancelReason } from './cancel-reasons.js';
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translator, type Translate } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail, type MailInput } from '../../platform/mail/mail.js';
import { regions } from '../../platform/schema.js';
import { icsFilename } from './ics.js';
import { loadEventTexts, loadPlaces, occurrenceCalendar, placeLine, uidHost } from './ics-data.js';
import { registrations } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';
import { eventSettings } from './settings.js';
import { eventUrls } from './urls.js';
import { composeMail, type MailBlock } from '../../platform/mail/compose.js';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'occurrence_cancelled' | 'reminder';

export type RegistrationMailInput = {
  kind: RegistrationMailKind;
  registration: typeof registrations.$inferSelect;
  event: EventRow;
  occurrence: OccurrenceRow;
  /** The cancel link's token; only known right after registering. */
  token?: string;
  baseUrl: string;
};

/** Kinds that carry the date as an .ics attachment (a cancelled date's with STATUS:CANCELLED). */
const WITH_CALENDAR: ReadonlySet<RegistrationMailKind> = new Set(['confirmed', 'promoted', 'reminder', 'occurrence_cancelled']);
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=PUBLISH';

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat([lang, uiLanguageFor(lang)], { calendar: 'gregory', ...options });
  } catch {
    return new Intl.DateTimeFormat(uiLanguageFor(lang), { calendar: 'gregory', ...options });
  }
}

/** "Dienstag, 8. Dezember 2026, 18:00–20:00 Uhr" in the event's zone (all-day: the day or days). */
export function formatOccurrenceWhen(event: Pick<EventRow, 'allDay' | 'timeZone'>, occurrence: Pick<OccurrenceRow, 'startsAt' | 'endsAt'>, lang: string): string {
  const f = dateFormat(lang, event.allDay ? { dateStyle: 'full', timeZone: event.timeZone } : { dateStyle: 'full', timeStyle: 'short', timeZone: event.timeZone });
  // An all-day date ends at the following midnight (exclusive); the last day shown is the one before.
  const end = event.allDay ? new Date(occurrence.endsAt.getTime() - 1) : occurrence.endsAt;
  return end > occurrence.startsAt ? f.formatRange(occurrence.startsAt, end) : f.format(occurrence.startsAt);
}

/** "8. Dezember 2026" in the event's zone (subjects). */
function formatDay(event: Pick<EventRow, 'timeZone'>, occurrence: Pick<OccurrenceRow, 'startsAt'>, lang: string): string {
  return dateFormat(lang, { dateStyle: 'long', timeZone: event.timeZone }).format(occurrence.startsAt);
}

/** Place in the waitlist: waiting parties registered before this one, plus one. */
async function waitlistPosition(db: Db, r: RegistrationMailInput['registration']): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.occurrenceId, r.occurrenceId),
        eq(registrations.status, 'waitlisted'),
        lte(registrations.createdAt, r.createdAt),
        sql`(${registrations.createdAt} < ${r.createdAt} OR ${registrations.id} <= ${r.id})`,
      ),
    );
  return Math.max(1, row?.n ?? 1);
}

/** What the mail says, by kind: subject and the opening paragraphs. */
function opening(t: Translate, input: RegistrationMailInput, texts: { title: string; day: string; position: number; reason: string }): { subject: string; paragraphs: string[] } {
  const { title, day } = texts;
  const count = input.registration.partySize;
  switch (input.kind) {
    case 'confirmed':
      return { subject: t('events-mail.subject_confirmed', { title }), paragraphs: [t('events-mail.body_confirmed', { title, count })] };
    case 'waitlisted':
      return { subject: t('events-mail.subject_waitlisted', { title }), paragraphs: [t('events-mail.body_waitlisted', { title, position: texts.position }), t('events-mail.waitlist_promise')] };
    case 'promoted':
      return { subject: t('events-mail.subject_promoted', { title }), paragraphs: [t('events-mail.body_promoted', { title, count })] };
    case 'occurrence_cancelled':
      return {
        subject: t('events-mail.subject_cancelled', { title, date: day }),
        paragraphs: [t('events-mail.body_cancelled', { title, date: day }), ...(texts.reason ? [t('events-mail.cancel_reason', { reason: texts.reason })] : [])],
      };
    case 'reminder':
      return { subject: t('events-mail.subject_reminder', { title, date: day }), paragraphs: [t('events-mail.body_reminder', { title })] };
  }
}

/** Queues the mail of a registration event to the registrant, when they gave an e-mail address. */
export async function queueRegistrationMail(db: Db, input: RegistrationMailInput): Promise<void> {
  const { registration: r, event, occurrence } = input;
  if (!r.email) return;
  const [region] = await db.select().from(regions).where(eq(regions.id, event.regionId));
  if (!region) return;
  // Links go to pages the region serves: the registrant's language when the region has it, else its source language.
  const pageLang = region.languages.includes(r.language) ? r.language : region.sourceLanguage;
  const uiLang = uiLanguageFor(r.language);
  const t = translator(r.language);
  const title = (await loadEventTexts(db, [event], pageLang, region.sourceLanguage)).get(event.id)?.title ?? event.title;
  const place = placeLine((await loadPlaces(db, region.id, [event])).get(event.id), event.onlineUrl);
  // Dates in the language of the text around them (a language without a UI catalog reads the fallback's).
  const when = formatOccurrenceWhen(event, occurrence, uiLang);
  const day = formatDay(event, occurrence, uiLang);
  const position = input.kind === 'waitlisted' ? await waitlistPosition(db, r) : 0;
  const reason = organiserCancelReason(occurrence.cancelReason);
  const cancelled = input.kind === 'occurrence_cancelled';

  const { subject, paragraphs } = opening(t, input, { title, day, position, reason });
  const details = [t('events-mail.line_when', { when }), ...(place ? [t('events-mail.line_where', { place })] : []), ...(cancelled ? [] : [t('events-mail.line_party', { count: r.partySize })])];
  const blocks: MailBlock[] = [{ text: t('events-mail.greeting', { name: r.name }) }, ...paragraphs.map((text) => ({ text })), { text: details.join('\n') }];
  blocks.push({ link: eventUrls.occurrence(region.slug, pageLang, event.id, occurrence.id, input.baseUrl), label: t('events-mail.details_action') });
  if (WITH_CALENDAR.has(input.kind)) blocks.push({ text: t(cancelled ? 'events-mail.ics_cancelled' : 'events-mail.ics_attached') });
  if (input.token && (input.kind === 'confirmed' || input.kind === 'waitlisted')) {
    blocks.push({ text: t(input.kind === 'confirmed' ? 'events-mail.cancel_intro' : 'events-mail.cancel_waitlist_intro') });
    blocks.push({ link: eventUrls.cancel(region.slug, pageLang, input.token, input.baseUrl), label: t('events-mail.cancel_action') });
  } else if (input.kind === 'promoted' || input.kind === 'reminder') {
    blocks.push({ text: t('events-mail.cancel_first_mail') });
  }
  const contact = [event.organizerName, event.contactEmail, event.contactPhone].filter((s): s is string => Boolean(s?.trim())).join(', ') || region.contact.trim();
  if (contact) blocks.push({ text: t('events-mail.contact', { contact }) });
  blocks.push({ text: t('events-mail.footer', { region: region.name, days: eventSettings(region.settings).retentionDays }) });

  const mail: MailInput = { to: r.email, subject, ...composeMail(blocks, uiLang), regionId: region.id };
  if (WITH_CALENDAR.has(input.kind)) {
    const ics = await occurrenceCalendar(db, {
      region: { id: region.id, slug: region.slug, name: region.name, sourceLanguage: region.sourceLanguage },
      lang: pageLang,
      baseUrl: input.baseUrl,
      host: uidHost(input.baseUrl),
      event,
      occurrence,
    });
    mail.attachments = [{ filename: icsFilename(title, occurrence.recurrenceId), contentType: ICS_CONTENT_TYPE, content: Buffer.from(ics, 'utf8').toString('base64') }];
  }
  await queueMail(db, mail);
}

/** Ordered registrations of an occurrence that should hear about it (not cancelled, with an e-mail address). */
export async function listMailableRegistrations(db: Db, occurrenceId: string, statuses: readonly ('confirmed' | 'waitlisted')[]): Promise<(typeof registrations.$inferSelect)[]> {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), inArray(registrations.status, [...statuses]), isNotNull(registrations.email)))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}
