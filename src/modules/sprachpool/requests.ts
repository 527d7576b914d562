/**
 * Requests from institutions: the request form's rules (language and dialect, a time in the region's zone that is
 * neither past nor inside the minimum lead time, a setting the pool serves, a place or how to join), the flags a
 * request carries from the start (`no_speaker`, `short_notice`, `personal_data_warning`), and what an institution
 * sees of its own requests. Status changes after creation live in lifecycle.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { accounts } from '../../platform/schema.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import { directorySettings } from '../directory/index.js';
import { queueRequestReceivedMails } from './agency-mails.js';
import { findAgencyContactForActor, openPool, UUID, type AgencyContactRow, type AgencyRow, type PoolContext } from './context.js';
import { dialectsOf, isPoolLanguage } from './languages.js';
import { earliestAppointmentDate } from './lead-time.js';
import { findPersonalData, type PersonalDataFinding } from './personal-data.js';
import {
  agencyContacts,
  assignments,
  GENDER_PREFERENCES,
  mediatorLanguages,
  mediators,
  MODES,
  REQUEST_STATUSES,
  requests,
  SETTINGS,
  timesheets,
  TOPICS,
  type RequestFlag,
  type RequestStatus,
} from './schema.js';
import { queueGeocoding } from './geocoding.js';

export type RequestRow = typeof requests.$inferSelect;

/** Requests starting within this many working days beyond the minimum lead time are flagged `short_notice`. */
export const SHORT_NOTICE_EXTRA_DAYS = 2;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = (max: number) => z.string().trim().max(max).default('');

/** The request form (strings as a browser sends them). */
export const requestInputSchema = z.object({
  language: z.string().trim().min(1, 'validation.required').max(10),
  dialect: text(40),
  mode: z.enum(MODES, { message: 'validation.choose_valid' }),
  date: z.string().trim().min(1, 'validation.required').regex(DATE),
  time: z.string().trim().min(1, 'validation.required').regex(TIME),
  durationMinutes: z.coerce.number().int().min(15).max(600),
  placeName: text(200),
  street: text(200),
  postalCode: text(10),
  city: text(100),
  joinInfo: text(500),
  setting: z.enum(SETTINGS, { message: 'validation.choose_valid' }),
  topic: z.enum(TOPICS, { message: 'validation.choose_valid' }),
  genderPreference: z.enum(GENDER_PREFERENCES, { message: 'validation.choose_valid' }).default('none'),
  notes: text(2000),
  onSiteContact: text(300),
});
/** What the form sends: strings (numbers where a caller has them), checked by `requestInputSchema` and the rules. */
export type RequestInput = { [K in keyof z.input<typeof requestInputSchema>]?: string | number };
export const REQUEST_FORM_FIELDS = Object.keys(requestInputSchema.shape) as (keyof RequestInput)[];

/**
 * The request looks like it carries personal data and the institution has not confirmed that it does not: the form
 * comes back with the findings and a checkbox, nothing is saved.
 */
export class PersonalDataWarning extends ValidationError {
  constructor(readonly findings: PersonalDataFinding[]) {
    super({ confirmPersonalData: { key: 'sprachpool-agencies.pii_confirm_required' } }, 'personal_data_warning');
  }
}

/** The federal state whose holidays count for the lead time (the directory's setting; null = nationwide). */
function holidayState(ctx: PoolContext): string | null {
  return directorySettings(ctx.region.settings).holidayState;
}

/** How coordinators are reached, for messages that send the institution to them. */
function poolContact(ctx: PoolContext): string {
  return ctx.settings.contactEmail || ctx.region.contact.trim().split('\n')[0]?.trim() || '';
}

/** Active mediators of the pool who speak the language (any dialect). */
export async function countSpeakers(db: Db, regionId: string, language: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${mediators.id})::int` })
    .from(mediatorLanguages)
    .innerJoin(mediators, eq(mediators.id, mediatorLanguages.mediatorId))
    .where(and(eq(mediators.regionId, regionId), eq(mediators.status, 'active'), eq(mediatorLanguages.language, language)));
  return row?.n ?? 0;
}

type CheckedRequest = {
  values: Omit<typeof requests.$inferInsert, 'regionId' | 'agencyId'>;
  flags: RequestFlag[];
  findings: PersonalDataFinding[];
};

/** Checks the form against the pool's rules; every problem at its field, nothing written. */
export async function checkRequest(db: Db, ctx: PoolContext, agency: AgencyRow, contacts: AgencyContactRow[], raw: RequestInput, now: Date): Promise<CheckedRequest> {
  const parsed = requestInputSchema.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  // The shared messages say "invalid format"; these say which format.
  if (errors.date?.key === 'validation.format') errors.date = { key: 'sprachpool-agencies.error_date_format' };
  if (errors.time?.key === 'validation.format') errors.time = { key: 'sprachpool-agencies.error_time_format' };
  const tz = ctx.region.timezone;
  const state = holidayState(ctx);
  const input = parsed.success ? parsed.data : null;
  const rawStr = (k: keyof RequestInput) => String(raw[k] ?? '').trim();

  // Language and dialect.
  const language = rawStr('language');
  if (!errors.language && !isPoolLanguage(language)) errors.language = { key: 'validation.choose_valid' };
  const dialect = rawStr('dialect');
  if (!errors.dialect && dialect && !dialectsOf(language).includes(dialect)) errors.dialect = { key: 'sprachpool-agencies.error_dialect' };

  // When: a wall-clock time in the region's zone, neither past nor inside the lead time.
  let startsAt: Date | undefined;
  const startLocal = `${rawStr('date')}T${rawStr('time')}`;
  if (!errors.date && !errors.time) {
    startsAt = zonedLocalToUtc(startLocal, tz);
    if (!startsAt) errors.date = { key: 'sprachpool-agencies.error_date_format' };
    else if (utcToZonedLocal(startsAt, tz) !== startLocal) {
      // 02:30 on the night the clocks go forward does not exist.
      errors.time = { key: 'sprachpool-agencies.error_time_skipped' };
      startsAt = undefined;
    }
  }
  const today = utcToZonedLocal(now, tz).slice(0, 10);
  const date = rawStr('date');
  const lead = ctx.settings.leadTimeWorkingDays;
  const earliest = earliestAppointmentDate(today, lead, state);
  if (startsAt && startsAt.getTime() <= now.getTime()) {
    errors.date = { key: 'sprachpool-agencies.error_in_past' };
  } else if (startsAt && date < earliest) {
    errors.date = { key: 'sprachpool-agencies.error_lead_time', params: { days: lead, earliest } };
  }

  // A setting the pool serves.
  const setting = rawStr('setting');
  if (!errors.setting && ctx.settings.excludedSettings.includes(setting as (typeof SETTINGS)[number])) {
    const contact = poolContact(ctx);
    errors.setting = contact
      ? { key: 'sprachpool-agencies.error_setting_excluded_contact', params: { setting, contact } }
      : { key: 'sprachpool-agencies.error_setting_excluded', params: { setting } };
  }

  // Where, or how to join (checked on the raw values, so these messages come together with the others).
  const mode = rawStr('mode');
  const given = { placeName: rawStr('placeName'), street: rawStr('street'), postalCode: rawStr('postalCode'), city: rawStr('city'), joinInfo: rawStr('joinInfo') };
  let place = { placeName: '', street: '', postalCode: '', city: '', lat: null as number | null, lon: null as number | null, joinInfo: '' };
  if (mode === 'on_site') {
    // Empty or unchanged: the institution's own address (with its coordinates, for the distance ranking).
    const empty = !given.street && !given.postalCode && !given.city;
    const same = given.street === agency.street && given.postalCode === agency.postalCode && given.city === agency.city;
    place =
      empty || same
        ? { placeName: given.placeName || agency.name, street: agency.street, postalCode: agency.postalCode, city: agency.city, lat: agency.lat, lon: agency.lon, joinInfo: '' }
        : { ...given, joinInfo: '', lat: null, lon: null };
    if (!place.street && !errors.street) errors.street = { key: 'validation.required' };
    if (!place.city && !errors.city) errors.city = { key: 'validation.required' };
    if (place.postalCode && !/^\d{5}$/.test(place.postalCode) && !errors.postalCode) errors.postalCode = { key: 'sprachpool-agencies.error_postal_code' };
  } else if (mode === 'phone' || mode === 'video') {
    place.joinInfo = given.joinInfo;
    if (!place.joinInfo && !errors.joinInfo) errors.joinInfo = { key: 'sprachpool-agencies.error_join_info' };
  }

  if (!input || !startsAt || Object.keys(errors).length) throw new ValidationError(errors);

  const flags: RequestFlag[] = [];
  if ((await countSpeakers(db, ctx.region.id, input.language)) === 0) flags.push('no_speaker');
  if (date < earliestAppointmentDate(today, lead + SHORT_NOTICE_EXTRA_DAYS, state)) flags.push('short_notice');

  const findings = findPersonalData(
    { notes: input.notes, onSiteContact: input.onSiteContact, placeName: place.placeName, street: place.street, joinInfo: place.joinInfo },
    { allowedEmails: [agency.email, ...contacts.map((c) => c.email)], now },
  );

  return {
    values: {
      language: input.language,
      dialect: input.dialect,
      mode: input.mode,
      startLocal,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
      durationMinutes: input.durationMinutes,
      ...place,
      setting: input.setting,
      topic: input.topic,
      genderPreference: input.genderPreference,
      notes: input.notes,
      onSiteContact: input.onSiteContact,
    },
    flags,
    findings,
  };
}

/** The UI language of an account (mails to the person who acts). */
async function accountLanguage(db: Db, accountId: string, fallback: string): Promise<string> {
  const [row] = await db.select({ lang: accounts.uiLanguage }).from(accounts).where(eq(accounts.id, accountId));
  return row?.lang ?? fallback;
}

/**
 * A new request by an institution's contact person. Bad input → ValidationError (field messages); text that looks
 * personal → PersonalDataWarning unless `confirmPersonalData` (then saved with the flag). A language nobody in the
 * pool speaks is accepted and flagged `no_speaker`. Audited; receipt to the contact, notice to the coordinators.
 */
export async function createRequest(
  db: Db,
  actor: Actor,
  input: { regionId: string; input: RequestInput; confirmPersonalData?: boolean; baseUrl?: string },
  now = new Date(),
): Promise<RequestRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  const { agency, contact } = await findAgencyContactForActor(db, actor, ctx.region.id);
  const contacts = await db.select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id));
  const checked = await checkRequest(db, ctx, agency, contacts, input.input, now);
  if (checked.findings.length && !input.confirmPersonalData) throw new PersonalDataWarning(checked.findings);
  const flags = checked.findings.length ? [...checked.flags, 'personal_data_warning' as const] : checked.flags;
  const lang = await accountLanguage(db, actor.id, ctx.region.sourceLanguage);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(requests)
      .values({ ...checked.values, regionId: ctx.region.id, agencyId: agency.id, contactId: contact.id, status: 'requested', flags, createdBy: actor.id })
      .returning();
    if (!row) throw new Error('request insert returned nothing');
    if (row.mode === 'on_site' && row.lat === null) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'request', id: row.id });
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: 'sprachpool.request_create',
      entityType: 'sp_request',
      entityId: row.id,
      before: null,
      after: { agencyId: agency.id, language: row.language, dialect: row.dialect, mode: row.mode, startLocal: row.startLocal, durationMinutes: row.durationMinutes, setting: row.setting, topic: row.topic, flags: row.flags, status: row.status },
    });
    await queueRequestReceivedMails(tx, ctx, { agency, contact, request: row, lang, baseUrl: input.baseUrl ?? '', personalData: checked.findings.length > 0 });
    return row;
  });
}

// ---------- what the institution sees ----------

export type AgencyRequestView = 'upcoming' | 'past';
export const AGENCY_REQUEST_PAGE_SIZE = 25;

export type AgencyRequestItem = RequestRow & { mediatorFirstName: string | null; timesheetStatus: string | null };

/** The institution's requests: upcoming (soonest first) or past (latest first), paged. */
export async function listRequestsForAgency(
  db: Db,
  actor: Actor,
  input: { regionId: string; view?: AgencyRequestView; page?: number },
  now = new Date(),
): Promise<{ ctx: PoolContext; agency: AgencyRow; items: AgencyRequestItem[]; total: number; page: number; pages: number }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  const { agency } = await findAgencyContactForActor(db, actor, ctx.region.id);
  const view = input.view ?? 'upcoming';
  const where = and(eq(requests.regionId, ctx.region.id), eq(requests.agencyId, agency.id), view === 'upcoming' ? gte(requests.endsAt, now) : lt(requests.endsAt, now));
  const [totalRow] = await db.select({ n: count() }).from(requests).where(where);
  const total = totalRow?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AGENCY_REQUEST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pages);
  const rows = await db
    .select({ request: requests, mediatorFirstName: mediators.firstName, timesheetStatus: timesheets.status })
    .from(requests)
    .leftJoin(assignments, and(eq(assignments.requestId, requests.id), inArray(assignments.status, ['active', 'done', 'no_show'])))
    .leftJoin(mediators, eq(mediators.id, assignments.mediatorId))
    .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
    .where(where)
    .orderBy(view === 'upcoming' ? asc(requests.startsAt) : desc(requests.startsAt))
    .limit(AGENCY_REQUEST_PAGE_SIZE)
    .offset((page - 1) * AGENCY_REQUEST_PAGE_SIZE);
  return { ctx, agency, items: rows.map((r) => ({ ...r.request, mediatorFirstName: r.mediatorFirstName, timesheetStatus: r.timesheetStatus })), total, page, pages };
}

export type AgencyRequestDetail = {
  ctx: PoolContext;
  agency: AgencyRow;
  request: RequestRow;
  /** The assigned mediator as the institution meets them: first name and how to reach them for the appointment. */
  mediator: { firstName: string; phone: string; email: string } | null;
  timesheet: { id: string; status: string } | null;
  /** Whether a cancellation now is free or late (region's free-cancellation hours), and whether it is still possible. */
  cancellation: { possible: boolean; late: boolean; freeUntil: Date };
};

/** Whether cancelling a request at `now` is free or a late cancellation. */
export function cancellationTerms(ctx: PoolContext, request: Pick<RequestRow, 'status' | 'startsAt'>, now: Date): AgencyRequestDetail['cancellation'] {
  const freeUntil = new Date(request.startsAt.getTime() - ctx.settings.freeCancellationHours * 3_600_000);
  const possible = ['requested', 'approved', 'offered', 'assigned'].includes(request.status) && request.startsAt.getTime() > now.getTime();
  return { possible, late: now.getTime() > freeUntil.getTime(), freeUntil };
}

/** One of the institution's requests; another institution's (or an unknown id) is 404. */
export async function getRequestForAgency(db: Db, actor: Actor, input: { regionId: string; requestId: string }, now = new Date()): Promise<AgencyRequestDetail> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  const { agency } = await findAgencyContactForActor(db, actor, ctx.region.id);
  if (!UUID.test(input.requestId)) throw new NotFoundError('request_not_found');
  const [request] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.id, input.requestId), eq(requests.regionId, ctx.region.id), eq(requests.agencyId, agency.id)));
  if (!request) throw new NotFoundError('request_not_found');
  const [assigned] = await db
    .select({ firstName: mediators.firstName, phone: mediators.phone, email: mediators.email, timesheetId: timesheets.id, timesheetStatus: timesheets.status })
    .from(assignments)
    .innerJoin(mediators, eq(mediators.id, assignments.mediatorId))
    .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
    .where(and(eq(assignments.requestId, request.id), inArray(assignments.status, ['active', 'done', 'no_show'])));
  return {
    ctx,
    agency,
    request,
    mediator: assigned ? { firstName: assigned.firstName, phone: assigned.phone, email: assigned.email } : null,
    timesheet: assigned?.timesheetId ? { id: assigned.timesheetId, status: assigned.timesheetStatus ?? 'reported' } : null,
    cancellation: cancellationTerms(ctx, request, now),
  };
}

/** The institution's own data and contact people (read-only for the contact). */
export async function getAgencyForContact(db: Db, actor: Actor, regionId: string): Promise<{ ctx: PoolContext; agency: AgencyRow; contact: AgencyContactRow; contacts: AgencyContactRow[] }> {
  const ctx = await openPool(db, actor, regionId, 'pool.request');
  const { agency, contact } = await findAgencyContactForActor(db, actor, ctx.region.id);
  const contacts = await db.select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id)).orderBy(asc(agencyContacts.createdAt), asc(agencyContacts.name));
  return { ctx, agency, contact, contacts };
}

/** The request form, empty for a new request: the institution's address as the place. */
export async function getRequestFormContext(db: Db, actor: Actor, regionId: string): Promise<{ ctx: PoolContext; agency: AgencyRow; earliest: string }> {
  const ctx = await openPool(db, actor, regionId, 'pool.request');
  const { agency } = await findAgencyContactForActor(db, actor, ctx.region.id);
  const today = utcToZonedLocal(new Date(), ctx.region.timezone).slice(0, 10);
  return { ctx, agency, earliest: earliestAppointmentDate(today, ctx.settings.leadTimeWorkingDays, holidayState(ctx)) };
}

/** Requests of the region per status (every status, zeros included) — the lead's overview. */
export async function countRequestsByStatus(db: Db, regionId: string): Promise<Record<RequestStatus, number>> {
  const rows = await db.select({ status: requests.status, n: count() }).from(requests).where(eq(requests.regionId, regionId)).groupBy(requests.status);
  const out = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

