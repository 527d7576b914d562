/**
 * Round tables and dialog forums (events of a FORUM_CATEGORIES category, usually a series): members, invitations by
 * mail, agenda before and minutes after each date, documents (PDF and images) per date, and the public
 * documentation page of a past date once the organiser publishes it.
 *
 * Every write needs `event.edit` on the region (loadEventRegion), looks the forum up through the region, runs in one
 * transaction and lands in the audit log. Files are recognised by their first bytes, never by name or declared
 * type; images are re-encoded without metadata (EXIF GPS, camera, comments) before they are stored.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/catalog.js';
import { UI_LANGUAGES, uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail } from '../../platform/mail/mail.js';
import { richTextToPlainText, sanitizeRichText } from '../../platform/richtext/sanitize.js';
import type { RegionRow } from '../regions/index.js';
import {
  deleteDocumentRow,
  deleteMemberRow,
  findDocumentOfEvent,
  findMemberByEmail,
  findMemberOfForum,
  findOccurrenceOfEvent,
  findOrganizationInRegion,
  findPublishedDocumentation,
  insertDocument,
  insertMember,
  listDatesOfForum,
  listDocumentsOfOccurrence,
  listMembersOfForum,
  listOrganizationChoices,
  listPublishedDocumentations,
  lockOccurrence,
  markInvitationsSent,
  setDocumentationPublishedAt,
  updateOccurrenceText,
  type DateListItem,
  type DocumentInfo,
  type DocumentRow,
  type MemberListItem,
  type MemberRow,
} from './forum-queries.js';
import { loadEventTexts, loadPlaces, occurrenceCalendar, placeLine, uidHost, type EventText, type Place } from './ics-data.js';
import { ICS_CONTENT_TYPE } from './mails.js';
import { HTML_MAX } from './model.js';
import { DOCUMENT_KINDS, FORUM_CATEGORIES } from './schema.js';
import { findEventOrThrow, loadEventRegion, type EventActor, type EventRow, type OccurrenceRow } from './service.js';
import { eventUrls } from './urls.js';

export type { DateListItem, DocumentInfo, DocumentRow, MemberListItem, MemberRow };

/** Largest document (PDF or image) per upload. */
export const FORUM_DOCUMENT_MAX_MB = 15;
export const FORUM_DOCUMENT_MAX_BYTES = FORUM_DOCUMENT_MAX_MB * 1024 * 1024;
/** Decompression bombs: images above this many pixels are refused before decoding. */
const MAX_MEGAPIXELS = 50;
const TITLE_MAX = 200;
const FILENAME_MAX = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type TextField = 'agenda' | 'minutes';
export type ForumContext = { region: RegionRow; event: EventRow };

const isPerson = (a: EventActor): a is Extract<EventActor, { id: string }> => 'id' in a;

/** Field messages of a zod error: catalog keys given as messages, lengths with their limit. */
function errorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (out[field]) continue;
    if (issue.code === 'too_big') out[field] = { key: 'validation.too_long', params: { max: Number(issue.maximum) } };
    else out[field] = { key: /^[a-z-]+\.[a-z_]+$/.test(issue.message) ? issue.message : 'validation.invalid' };
  }
  return out;
}

/** The forum (an event of a forum category) of the region, checked for `event.edit`; 404 for other events. */
export async function openForum(db: Db, actor: EventActor, regionId: string, eventId: string): Promise<ForumContext> {
  const { region } = await loadEventRegion(db, actor, regionId);
  const event = await findEventOrThrow(db, regionId, eventId);
  if (!FORUM_CATEGORIES.includes(event.category)) throw new NotFoundError('forum_not_found');
  return { region, event };
}

async function openDate(db: Db, ctx: ForumContext, occurrenceId: string): Promise<OccurrenceRow> {
  const row = UUID.test(occurrenceId) ? await findOccurrenceOfEvent(db, ctx.region.id, ctx.event.id, occurrenceId) : undefined;
  if (!row) throw new NotFoundError('occurrence_not_found');
  return row;
}

// ---------- dates and times ----------

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Gregorian in every language (Persian would otherwise get the Solar Hijri calendar for a date in Germany).
  const withCalendar = { ...options, calendar: 'gregory' };
  try {
    return new Intl.DateTimeFormat([lang, uiLanguageFor(lang)], withCalendar);
  } catch {
    return new Intl.DateTimeFormat(uiLanguageFor(lang), withCalendar);
  }
}

/** A date's day ("Dienstag, 8. Dezember 2026") and time ("18:00–20:00"; null all day) in the event's zone. */
export function formatOccurrence(event: Pick<EventRow, 'timeZone' | 'allDay'>, occurrence: Pick<OccurrenceRow, 'startsAt' | 'endsAt'>, lang: string): { date: string; time: string | null } {
  const date = dateFormat(lang, { dateStyle: 'full', timeZone: event.timeZone }).format(occurrence.startsAt);
  if (event.allDay) return { date, time: null };
  const time = dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: event.timeZone }).formatRange(occurrence.startsAt, occurrence.endsAt);
  return { date, time };
}

/** A moment ("4. Dezember 2026, 10:15") in a language and zone, for "sent on …" and "published on …". */
export function formatMoment(at: Date, lang: string, timeZone: string): string {
  return dateFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

// ---------- overview ----------

/** The forum's admin page: members, dates (with document counts) and the directory organisations to pick from. */
export async function getForum(db: Db, actor: EventActor, input: { regionId: string; eventId: string }): Promise<ForumContext & { members: MemberListItem[]; dates: DateListItem[]; organizations: { id: string; name: string }[] }> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  const [members, dates, organizations] = await Promise.all([
    listMembersOfForum(db, ctx.region.id, ctx.event.id),
    listDatesOfForum(db, ctx.region.id, ctx.event.id),
    listOrganizationChoices(db, ctx.region.id),
  ]);
  return { ...ctx, members, dates, organizations };
}

/** One date of the forum with its documents and the number of members (for the invitation button). */
export async function getForumDate(
  db: Db,
  actor: EventActor,
  input: { regionId: string; eventId: string; occurrenceId: string },
): Promise<ForumContext & { occurrence: OccurrenceRow; documents: DocumentInfo[]; members: number; place: string }> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  const occurrence = await openDate(db, ctx, input.occurrenceId);
  const [documents, members, places] = await Promise.all([
    listDocumentsOfOccurrence(db, ctx.region.id, occurrence.id),
    listMembersOfForum(db, ctx.region.id, ctx.event.id),
    loadPlaces(db, ctx.region.id, [ctx.event]),
  ]);
  return { ...ctx, occurrence, documents, members: members.length, place: placeLine(places.get(ctx.event.id), ctx.event.onlineUrl) };
}

// ---------- members ----------

/** Languages a member can get mails in: the UI languages and the region's content languages. */
export function memberLanguages(region: Pick<RegionRow, 'languages'>): string[] {
  return [...new Set<string>([...UI_LANGUAGES, ...region.languages])];
}

const memberSchema = z.object({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  email: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(254)
    .refine((s) => z.email().safeParse(s).success, { message: 'validation.email' })
    .transform((s) => s.toLowerCase()),
  role: z.string().trim().max(100).default(''),
  organizationId: z
    .string()
    .trim()
    .refine((s) => s === '' || UUID.test(s), { message: 'validation.choose_valid' })
    .default(''),
  organizationName: z.string().trim().max(200).default(''),
  language: z.string().trim().default('de'),
});
export type MemberInput = z.input<typeof memberSchema>;

const memberAudit = (m: MemberRow) => ({ eventId: m.eventId, name: m.name, email: m.email, role: m.role, organizationId: m.organizationId, organizationName: m.organizationName, language: m.language });

/**
 * Adds a member (a person, or a partner organisation's contact). The e-mail address is unique per forum: a second
 * entry with it is refused at the field, naming who has it.
 */
export async function addMember(db: Db, actor: EventActor, input: { regionId: string; eventId: string; values: MemberInput; requestId?: string | null }): Promise<MemberRow> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  const parsed = memberSchema.safeParse(input.values);
  const errors: FieldErrors = parsed.success ? {} : errorsOf(parsed.error);
  if (parsed.success && !memberLanguages(ctx.region).includes(parsed.data.language)) errors.language = { key: 'validation.choose_valid' };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const v = parsed.data;
  return db.transaction(async (tx) => {
    let organizationName = v.organizationName;
    if (v.organizationId) {
      const org = await findOrganizationInRegion(tx, ctx.region.id, v.organizationId);
      if (!org) throw new ValidationError({ organizationId: { key: 'validation.choose_valid' } });
      organizationName = org.name;
    }
    const duplicate = (name: string) => new ValidationError({ email: { key: 'events-forum.error_member_duplicate', params: { name } } }, 'member_duplicate');
    const existing = await findMemberByEmail(tx, ctx.event.id, v.email);
    if (existing) throw duplicate(existing.name);
    const row = await insertMember(tx, {
      regionId: ctx.region.id,
      eventId: ctx.event.id,
      name: v.name,
      email: v.email,
      role: v.role,
      organizationId: v.organizationId || null,
      organizationName,
      language: v.language,
    });
    // Someone added the same address a moment ago (the unique index decided).
    if (!row) throw duplicate((await findMemberByEmail(tx, ctx.event.id, v.email))?.name ?? v.email);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'event.forum_member_add', entityType: 'event_member', entityId: row.id, before: null, after: memberAudit(row), requestId: input.requestId ?? null });
    return row;
  });
}

/** Removes a member from the forum. */
export async function removeMember(db: Db, actor: EventActor, input: { regionId: string; eventId: string; memberId: string; requestId?: string | null }): Promise<MemberRow> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  return db.transaction(async (tx) => {
    const row = UUID.test(input.memberId) ? await findMemberOfForum(tx, ctx.region.id, ctx.event.id, input.memberId) : undefined;
    if (!row) throw new NotFoundError('member_not_found');
    await deleteMemberRow(tx, ctx.region.id, row.id);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'event.forum_member_remove', entityType: 'event_member', entityId: row.id, before: memberAudit(row), after: null, requestId: input.requestId ?? null });
    return row;
  });
}

// ---------- invitations ----------

export type InvitationInput = {
  regionId: string;
  eventId: string;
  occurrenceId: string;
  /** Public address of the site ("https://wegweiser.example.org"), for links and calendar UIDs. */
  baseUrl: string;
  /** Send again although invitations went out already (the person confirmed). */
  resend?: boolean;
  requestId?: string | null;
  now?: Date;
};

/** Thrown when invitations for the date went out already and the caller did not confirm sending again. */
export class InvitationsAlreadySentError extends ConflictError {
  constructor(readonly sentAt: Date) {
    super('invitations_already_sent', 'events-forum.invitations_already_sent', { sentAt });
  }
}

type MailParts = { text: EventText; url: string | null; ics: string; uiLang: string; place: string };

/**
 * Queues one invitation per member for an upcoming date, each in the member's language (event text translated when
 * a translation exists, UI strings from the catalog, German when a message is missing): day and time in the event's
 * zone, place, the agenda as text when written, the link to the public date page and the date as an .ics
 * attachment. Records when invitations went out; sending again needs `resend`.
 */
export async function sendInvitations(db: Db, actor: EventActor, input: InvitationInput): Promise<{ sent: number; sentAt: Date }> {
  const now = input.now ?? new Date();
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  const { region, event } = ctx;
  await openDate(db, ctx, input.occurrenceId);
  return db.transaction(async (tx) => {
    // One sender at a time: a double click does not send everything twice.
    const occurrence = await lockOccurrence(tx, input.occurrenceId);
    if (!occurrence) throw new NotFoundError('occurrence_not_found');
    if (occurrence.status === 'cancelled' || event.status === 'cancelled') throw new AppError(409, 'occurrence_cancelled', 'events.error_occurrence_cancelled');
    if (occurrence.startsAt <= now) throw new AppError(409, 'occurrence_past', 'events.error_occurrence_past');
    if (occurrence.invitationsSentAt && !input.resend) throw new InvitationsAlreadySentError(occurrence.invitationsSentAt);
    const members = await listMembersOfForum(tx, region.id, event.id);
    if (members.length === 0) throw new AppError(409, 'forum_no_members', 'events-forum.error_no_members');

    const place = placeLine((await loadPlaces(tx, region.id, [event])).get(event.id), event.onlineUrl);
    const icsRegion = { id: region.id, slug: region.slug, name: region.name, sourceLanguage: region.sourceLanguage };
    const agenda = occurrence.agendaHtml ? richTextToPlainText(occurrence.agendaHtml) : '';
    const byLanguage = new Map<string, MailParts>();
    const partsFor = async (language: string): Promise<MailParts> => {
      const known = byLanguage.get(language);
      if (known) return known;
      // Links and calendar texts use the member's language when the region offers it, else its source language.
      const pageLang = region.languages.includes(language) ? language : region.sourceLanguage;
      const text = (await loadEventTexts(tx, [event], language, region.sourceLanguage)).get(event.id) ?? { title: event.title, descriptionHtml: event.descriptionHtml, language: region.sourceLanguage, machine: false };
      const ics = await occurrenceCalendar(tx, { region: icsRegion, lang: pageLang, baseUrl: input.baseUrl, host: uidHost(input.baseUrl), event, occurrence, now });
      const url = event.status === 'published' ? eventUrls.occurrence(region.slug, pageLang, event.id, occurrence.id, input.baseUrl) : null;
      const parts = { text, url, ics: Buffer.from(ics, 'utf8').toString('base64'), uiLang: uiLanguageFor(language), place };
      byLanguage.set(language, parts);
      return parts;
    };

    for (const member of members) {
      const parts = await partsFor(member.language);
      const mail = invitationMail(member, event, occurrence, parts, agenda, region);
      await queueMail(tx, {
        to: member.email,
        subject: mail.subject,
        text: mail.text,
        regionId: region.id,
        attachments: [{ filename: `${occurrence.recurrenceId.slice(0, 10)}.ics`, contentType: ICS_CONTENT_TYPE, content: parts.ics }],
      });
    }
    await markInvitationsSent(tx, occurrence.id, now);
    await recordAudit(tx, actor, {
      regionId: region.id,
      action: 'event.forum_invitations_send',
      entityType: 'event_occurrence',
      entityId: occurrence.id,
      before: { invitationsSentAt: occurrence.invitationsSentAt },
      after: { invitationsSentAt: now, recipients: members.length },
      requestId: input.requestId ?? null,
    });
    return { sent: members.length, sentAt: now };
  });
}

function invitationMail(member: MemberRow, event: EventRow, occurrence: OccurrenceRow, parts: MailParts, agenda: string, region: RegionRow): { subject: string; text: string } {
  const t = translator(parts.uiLang);
  const when = formatOccurrence(event, occurrence, parts.uiLang);
  const title = parts.text.title;
  const lines = [t('events-forum.mail_greeting', { name: member.name }), '', t('events-forum.mail_intro', { title }), ''];
  lines.push(t('events-forum.mail_date', { date: when.date }));
  lines.push(when.time ? t('events-forum.mail_time', { time: when.time }) : t('events-forum.mail_all_day'));
  if (parts.place) lines.push(t('events-forum.mail_place', { place: parts.place }));
  if (member.role) lines.push(t('events-forum.mail_role', { role: member.role }));
  if (agenda) lines.push('', t('events-forum.mail_agenda'), agenda);
  lines.push('');
  if (parts.url) lines.push(t('events-forum.mail_link', { url: parts.url }));
  lines.push(t('events-forum.mail_ics'), '', t('events-forum.mail_signature'), event.organizerName || region.name);
  return { subject: t('events-forum.mail_subject', { title, date: when.date }), text: lines.join('\n') };
}

// ---------- agenda and minutes ----------

/** The stored text a conflicting save ran into, shown beside the person's own version. */
export type TextConflict = { revision: number; html: string };

const textColumn = (field: TextField) => (field === 'agenda' ? 'agendaHtml' : 'minutesHtml');

/** Saves the agenda or the minutes of a date (sanitised rich text) when the date is still at `revision`. */
export async function saveOccurrenceText(
  db: Db,
  actor: EventActor,
  input: { regionId: string; eventId: string; occurrenceId: string; field: TextField; html: string; revision: number; requestId?: string | null; now?: Date },
): Promise<OccurrenceRow> {
  const now = input.now ?? new Date();
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  await openDate(db, ctx, input.occurrenceId);
  if (input.html.length > HTML_MAX) throw new ValidationError({ html: { key: 'validation.too_long', params: { max: HTML_MAX } } });
  const html = sanitizeRichText(input.html);
  const column = textColumn(input.field);
  return db.transaction(async (tx) => {
    const before = await openDate(tx, ctx, input.occurrenceId);
    const conflict = (current: OccurrenceRow) => new ConflictError('revision_conflict', 'errors.revision_conflict', { revision: current.revision, html: current[column] } satisfies TextConflict);
    if (before.revision !== input.revision) throw conflict(before);
    const row = await updateOccurrenceText(tx, before.id, before.revision, input.field === 'agenda' ? { agendaHtml: html } : { minutesHtml: html }, now);
    if (!row) throw conflict(await openDate(tx, ctx, input.occurrenceId));
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: `event.forum_${input.field}_save`,
      entityType: 'event_occurrence',
      entityId: row.id,
      before: { [column]: before[column] },
      after: { [column]: row[column] },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

// ---------- documents ----------

export type DocumentType = { contentType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp'; extension: string; label: string; image: boolean };

const PDF: DocumentType = { contentType: 'application/pdf', extension: 'pdf', label: 'PDF', image: false };
const PNG: DocumentType = { contentType: 'image/png', extension: 'png', label: 'PNG', image: true };
const JPEG: DocumentType = { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG', image: true };
const WEBP: DocumentType = { contentType: 'image/webp', extension: 'webp', label: 'WebP', image: true };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of a file by its first bytes (magic numbers), or null for anything but PDF, PNG, JPEG and WebP. */
export function sniffDocumentType(data: Buffer): DocumentType | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return PNG;
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return JPEG;
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return WEBP;
  return null;
}

/** The label ("PDF", "PNG" …) of a stored content type. */
export function documentTypeLabel(contentType: string): string {
  return [PDF, PNG, JPEG, WEBP].find((d) => d.contentType === contentType)?.label ?? contentType;
}

const SHARP_FORMAT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

/**
 * Re-encodes an image in its own format without any metadata (EXIF with GPS and camera, XMP, IPTC, ICC, text
 * chunks); the EXIF orientation is applied first so the picture still stands upright.
 */
export async function stripImageMetadata(data: Buffer, type: DocumentType): Promise<Buffer> {
  const refuse = () => new ValidationError({ file: { key: 'events-forum.error_file_type' } });
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== SHARP_FORMAT[type.contentType]) throw refuse();
  if (meta.width * meta.height > MAX_MEGAPIXELS * 1_000_000) throw new ValidationError({ file: { key: 'events-forum.error_too_many_pixels', params: { max: MAX_MEGAPIXELS } } });
  try {
    const image = sharp(data, { limitInputPixels: MAX_MEGAPIXELS * 1_000_000, autoOrient: true, animated: false });
    if (type === PNG) return await image.png({ compressionLevel: 9 }).toBuffer();
    if (type === JPEG) return await image.jpeg({ quality: 90 }).toBuffer();
    return await image.webp({ quality: 90 }).toBuffer();
  } catch {
    throw refuse();
  }
}

/** A file name without path or control characters, ending in the extension of its real type. */
function cleanFilename(name: string, type: DocumentType): string {
  // eslint-disable-next-line no-control-regex -- control characters are what we remove
  const base = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'dokument';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'dokument';
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(base)?.[1]?.toLowerCase();
  const keep = ext === type.extension || (type === JPEG && ext === 'jpeg');
  return keep ? base.slice(0, FILENAME_MAX) : `${stem.slice(0, FILENAME_MAX - type.extension.length - 1)}.${type.extension}`;
}

export type UploadDocumentInput = {
  regionId: string;
  eventId: string;
  occurrenceId: string;
  title: string;
  kind: string;
  isPublic: boolean;
  /** The name the browser sent (kept for the download; never used to decide the type). */
  filename: string;
  data: Buffer;
  /** The upload went over the size limit and was cut off. */
  truncated?: boolean;
  requestId?: string | null;
};

const documentAudit = (d: DocumentInfo) => ({ occurrenceId: d.occurrenceId, kind: d.kind, title: d.title, filename: d.filename, contentType: d.contentType, bytes: d.bytes, sha256: d.sha256, public: d.public });

/** Attaches a PDF or image to a date (agenda, minutes or another document); images lose their metadata. */
export async function uploadDocument(db: Db, actor: EventActor, input: UploadDocumentInput): Promise<DocumentInfo> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  const occurrence = await openDate(db, ctx, input.occurrenceId);
  const errors: FieldErrors = {};
  const title = input.title.trim();
  if (title === '') errors.title = { key: 'validation.required' };
  else if (title.length > TITLE_MAX) errors.title = { key: 'validation.too_long', params: { max: TITLE_MAX } };
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) errors.kind = { key: 'validation.choose_valid' };
  let type: DocumentType | null = null;
  if (input.truncated || input.data.length > FORUM_DOCUMENT_MAX_BYTES) errors.file = { key: 'events-forum.error_file_too_large', params: { max: FORUM_DOCUMENT_MAX_MB } };
  else if (input.data.length === 0) errors.file = { key: 'events-forum.error_file_required' };
  else {
    type = sniffDocumentType(input.data);
    if (!type) errors.file = { key: 'events-forum.error_file_type' };
  }
  if (Object.keys(errors).length || !type) throw new ValidationError(errors);
  const data = type.image ? await stripImageMetadata(input.data, type) : input.data;
  const sha256 = createHash('sha256').update(data).digest('hex');
  return db.transaction(async (tx) => {
    const row = await insertDocument(tx, {
      regionId: ctx.region.id,
      occurrenceId: occurrence.id,
      kind: input.kind as DocumentKind,
      title,
      filename: cleanFilename(input.filename, type),
      contentType: type.contentType,
      bytes: data.length,
      sha256,
      data,
      public: input.isPublic,
      uploadedBy: isPerson(actor) ? actor.id : null,
    });
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'event.forum_document_upload', entityType: 'event_document', entityId: row.id, before: null, after: documentAudit(row), requestId: input.requestId ?? null });
    return row;
  });
}

async function openDocument(db: Db, ctx: ForumContext, documentId: string): Promise<{ document: DocumentRow; occurrence: OccurrenceRow }> {
  const found = UUID.test(documentId) ? await findDocumentOfEvent(db, ctx.region.id, ctx.event.id, documentId) : undefined;
  if (!found) throw new NotFoundError('document_not_found');
  return found;
}

/** A document of the forum with its bytes, for the organisers' download (public or not). */
export async function getDocumentForStaff(db: Db, actor: EventActor, input: { regionId: string; eventId: string; documentId: string }): Promise<DocumentRow> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  return (await openDocument(db, ctx, input.documentId)).document;
}

/** Deletes a document; returns it (without bytes) so the page can go back to its date. */
export async function deleteDocument(db: Db, actor: EventActor, input: { regionId: string; eventId: string; documentId: string; requestId?: string | null }): Promise<DocumentInfo> {
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  return db.transaction(async (tx) => {
    const { document } = await openDocument(tx, ctx, input.documentId);
    const { data: _data, ...info } = document;
    await deleteDocumentRow(tx, ctx.region.id, document.id);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'event.forum_document_delete', entityType: 'event_document', entityId: document.id, before: documentAudit(info), after: null, requestId: input.requestId ?? null });
    return info;
  });
}

// ---------- documentation ----------

/**
 * Publishes or unpublishes the documentation page of a date. Only a date that has begun can be documented; a
 * cancelled date has nothing to document. Publishing twice keeps the first date.
 */
export async function setDocumentationPublished(
  db: Db,
  actor: EventActor,
  input: { regionId: string; eventId: string; occurrenceId: string; publish: boolean; requestId?: string | null; now?: Date },
): Promise<OccurrenceRow> {
  const now = input.now ?? new Date();
  const ctx = await openForum(db, actor, input.regionId, input.eventId);
  return db.transaction(async (tx) => {
    const before = await openDate(tx, ctx, input.occurrenceId);
    if (input.publish) {
      if (before.status === 'cancelled') throw new AppError(409, 'occurrence_cancelled', 'events.error_occurrence_cancelled');
      if (before.startsAt > now) throw new AppError(409, 'documentation_before_date', 'events-forum.error_not_past');
      if (before.documentationPublishedAt) return before;
    } else if (!before.documentationPublishedAt) return before;
    const row = await setDocumentationPublishedAt(tx, before.id, input.publish ? now : null);
    if (!row) throw new NotFoundError('occurrence_not_found');
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: input.publish ? 'event.forum_documentation_publish' : 'event.forum_documentation_unpublish',
      entityType: 'event_occurrence',
      entityId: row.id,
      before: { documentationPublishedAt: before.documentationPublishedAt },
      after: { documentationPublishedAt: row.documentationPublishedAt },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

/** What a reader sees of a published documentation. */
export type PublicDocumentation = { event: EventRow; occurrence: OccurrenceRow; text: EventText; place: Place | undefined; documents: DocumentInfo[] };

/** A published documentation in the reader's language (title falls back to the source), or 404. */
export async function getPublicDocumentation(db: Db, region: RegionRow, lang: string, input: { eventId: string; occurrenceId: string }): Promise<PublicDocumentation> {
  const found = UUID.test(input.eventId) && UUID.test(input.occurrenceId) ? await findPublishedDocumentation(db, region.id, input.eventId, input.occurrenceId) : undefined;
  if (!found) throw new NotFoundError('documentation_not_found');
  const [texts, places, documents] = await Promise.all([
    loadEventTexts(db, [found.event], lang, region.sourceLanguage),
    loadPlaces(db, region.id, [found.event]),
    listDocumentsOfOccurrence(db, region.id, found.occurrence.id, { onlyPublic: true }),
  ]);
  const text = texts.get(found.event.id) ?? { title: found.event.title, descriptionHtml: found.event.descriptionHtml, language: region.sourceLanguage, machine: false };
  return { ...found, text, place: places.get(found.event.id), documents };
}

/** The region's published documentations, newest date first, with titles in the reader's language. */
export async function listPublicDocumentations(db: Db, region: RegionRow, lang: string): Promise<{ event: EventRow; occurrence: OccurrenceRow; text: EventText }[]> {
  const rows = await listPublishedDocumentations(db, region.id);
  const unique = [...new Map(rows.map((r) => [r.event.id, r.event])).values()];
  const texts = await loadEventTexts(db, unique, lang, region.sourceLanguage);
  return rows.map((r) => ({ ...r, text: texts.get(r.event.id) ?? { title: r.event.title, descriptionHtml: r.event.descriptionHtml, language: region.sourceLanguage, machine: false } }));
}

/** A public document of a published documentation (with bytes), or 404: unpublished, internal or unknown. */
export async function getPublicDocument(db: Db, region: RegionRow, input: { eventId: string; occurrenceId: string; documentId: string }): Promise<DocumentRow> {
  const ok = UUID.test(input.eventId) && UUID.test(input.occurrenceId) && UUID.test(input.documentId);
  const documentation = ok ? await findPublishedDocumentation(db, region.id, input.eventId, input.occurrenceId) : undefined;
  const found = documentation ? await findDocumentOfEvent(db, region.id, input.eventId, input.documentId) : undefined;
  if (!found || found.occurrence.id !== input.occurrenceId || !found.document.public) throw new NotFoundError('document_not_found');
  return found.document;
}
