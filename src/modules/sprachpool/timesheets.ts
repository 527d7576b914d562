/**
 * Hours and travel after an assignment (`sp_timesheets`, one per assignment).
 *
 * The mediator reports minutes, travel kilometres or public-transport cost and a note — only for their own
 * assignment, only after its end, only once, never for a cancelled one or a no-show; reporting closes the assignment
 * and its request (`done`). The institution that made the request confirms the figures or disputes them with a
 * reason; the coordinator resolves a dispute by setting the figures that are billed (with a note to the mediator).
 * A coordinator may also settle a report the institution has not answered. Confirmed and resolved timesheets are
 * final and billable (billing.ts). Every write is audited; mails go out through the outbox in the same transaction.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/catalog.js';
import { uiLanguageFor } from '../../platform/i18n/languages.js';
import { queueMail } from '../../platform/mail/mail.js';
import { accounts } from '../../platform/schema.js';
import type { FormValues } from '../../web/components/forms.js';
import { formatAppointment, formatDay, formatMoney } from './billing-format.js';
import { coordinatorAddresses, findAgencyContactForActor, findMediatorForActor, openPool, UUID, type PoolContext } from './context.js';
import { languageWithDialect } from './languages.js';
import { agencies, agencyContacts, assignments, mediators, requests, timesheets } from './schema.js';
import { parseEuroCents } from './settings-form.js';
import { poolBase } from './views/layout.js';
import { composeMail, type MailBlock } from '../../platform/mail/compose.js';

export type TimesheetRow = typeof timesheets.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;

export const NOTE_MAX = 1000;
export const REASON_MAX = 1000;
export const MINUTES_MAX = 1440;
export const KM_MAX = 2000;
/** The largest public-transport cost one report may claim (500 €). */
export const TRANSPORT_MAX_CENTS = 50_000;

/** Figures of a report or a resolution. */
export type HoursFigures = { minutes: number; travelKm: number; transportCents: number };
export type HoursInput = HoursFigures & { note: string };

/** The figures that count for billing: the coordinator's resolution when there is one, else the mediator's report. */
export function billedFigures(t: Pick<TimesheetRow, 'minutes' | 'travelKm' | 'transportCents' | 'resolvedMinutes' | 'resolvedTravelKm' | 'resolvedTransportCents'>): HoursFigures {
  return {
    minutes: t.resolvedMinutes ?? t.minutes,
    travelKm: t.resolvedTravelKm ?? t.travelKm,
    transportCents: t.resolvedTransportCents ?? t.transportCents,
  };
}

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * The hours form (`minutes`, `travelKm`, `transport` in euros, `note`) as numbers; empty travel fields are 0. Field
 * errors use the form's names. The figures' ranges are checked by the services (checkFigures).
 */
export function parseHoursForm(values: FormValues): { ok: true; input: HoursInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const minutesText = str(values.minutes);
  const kmText = str(values.travelKm);
  const transportText = str(values.transport);
  if (!minutesText) errors.minutes = { key: 'validation.required' };
  else if (!/^\d{1,5}$/.test(minutesText)) errors.minutes = { key: 'sprachpool-billing.error_whole_number' };
  if (kmText && !/^\d{1,5}$/.test(kmText)) errors.travelKm = { key: 'sprachpool-billing.error_whole_number' };
  const transportCents = transportText ? parseEuroCents(transportText) : 0;
  if (transportCents === undefined) errors.transport = { key: 'sprachpool-billing.error_money' };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { minutes: Number(minutesText), travelKm: kmText ? Number(kmText) : 0, transportCents: transportCents ?? 0, note: str(values.note) } };
}

/**
 * Messages for figures out of range: 1–1440 minutes, 0–2000 km, at most 500 € of tickets, and travel either by
 * kilometres or by tickets (billing takes one or the other); no travel for phone and video appointments.
 */
export function checkFigures(input: HoursInput, mode: RequestRow['mode'], opts: { noteRequired?: boolean } = {}): FieldErrors {
  const errors: FieldErrors = {};
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MINUTES_MAX) errors.minutes = { key: 'sprachpool-billing.error_range', params: { min: 1, max: MINUTES_MAX } };
  if (!Number.isInteger(input.travelKm) || input.travelKm < 0 || input.travelKm > KM_MAX) errors.travelKm = { key: 'sprachpool-billing.error_range', params: { min: 0, max: KM_MAX } };
  if (!Number.isInteger(input.transportCents) || input.transportCents < 0) errors.transport = { key: 'sprachpool-billing.error_money' };
  else if (input.transportCents > TRANSPORT_MAX_CENTS) errors.transport = { key: 'sprachpool-billing.error_money_max', params: { max: TRANSPORT_MAX_CENTS / 100 } };
  if (!errors.travelKm && !errors.transport) {
    if (mode !== 'on_site' && (input.travelKm > 0 || input.transportCents > 0)) errors.travelKm = { key: 'sprachpool-billing.error_no_travel_remote' };
    else if (input.travelKm > 0 && input.transportCents > 0) errors.transport = { key: 'sprachpool-billing.error_km_or_ticket' };
  }
  if (input.note.length > NOTE_MAX) errors.note = { key: 'validation.too_long', params: { max: NOTE_MAX } };
  else if (opts.noteRequired && !input.note.trim()) errors.note = { key: 'validation.required' };
  return errors;
}

function isUniqueViolation(err: unknown): boolean {
  const codes = [err, (err as { cause?: unknown } | null)?.cause].map((e) => (e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined));
  return codes.includes('23505');
}

const conflict = (code: string) => new ConflictError(code, `sprachpool-billing.error_${code}`);

// ---------- mails ----------

/** The figures of a timesheet as lines of a mail. */
function figureLines(t: ReturnType<typeof translator>, lang: string, f: HoursFigures): string {
  const lines = [t('sprachpool-billing.mail_line_minutes', { minutes: f.minutes })];
  if (f.travelKm > 0) lines.push(t('sprachpool-billing.mail_line_km', { km: f.travelKm }));
  if (f.transportCents > 0) lines.push(t('sprachpool-billing.mail_line_transport', { amount: formatMoney(f.transportCents, lang) }));
  return lines.join('\n');
}

type Found = {
  timesheet: TimesheetRow;
  assignment: AssignmentRow;
  request: RequestRow;
  agency: { id: string; name: string; email: string };
  mediator: { id: string; firstName: string; lastName: string; email: string; language: string };
};

/** The institution's contact for this request (who made it, else the institution's address) and their language. */
async function institutionRecipient(db: Db, ctx: PoolContext, found: Pick<Found, 'request' | 'agency'>): Promise<{ email: string; language: string }> {
  if (found.request.contactId) {
    const [row] = await db
      .select({ email: agencyContacts.email, language: accounts.uiLanguage })
      .from(agencyContacts)
      .leftJoin(accounts, eq(accounts.id, agencyContacts.accountId))
      .where(and(eq(agencyContacts.id, found.request.contactId), eq(agencyContacts.agencyId, found.agency.id)));
    if (row) return { email: row.email, language: row.language ?? ctx.region.sourceLanguage };
  }
  return { email: found.agency.email, language: ctx.region.sourceLanguage };
}

async function mailInstitutionToConfirm(db: Db, ctx: PoolContext, found: Found, baseUrl: string): Promise<void> {
  const to = await institutionRecipient(db, ctx, found);
  const lang = uiLanguageFor(to.language);
  const t = translator(lang);
  const tz = ctx.region.timezone;
  const when = formatAppointment(found.request.startsAt, found.request.endsAt, tz, lang);
  const language = languageWithDialect(t, lang, found.request.language, found.request.dialect);
  const blocks: MailBlock[] = [
    { text: t('sprachpool-billing.mail_confirm_body', { name: found.mediator.firstName, when, language }) },
    { text: figureLines(t, lang, billedFigures(found.timesheet)) },
    ...(found.timesheet.note ? [{ text: t('sprachpool-billing.mail_line_note', { note: found.timesheet.note }) }] : []),
    { text: t('sprachpool-billing.mail_confirm_ask') },
    { link: `${baseUrl}${poolBase(ctx.region.id)}/agency/requests/${found.request.id}/hours`, label: t('sprachpool-billing.mail_confirm_action') },
    { text: t('sprachpool-billing.mail_footer', { region: ctx.region.name }) },
  ];
  const body = composeMail(blocks, lang);
  await queueMail(db, { to: to.email, subject: t('sprachpool-billing.mail_confirm_subject', { date: formatDay(found.request.startsAt, tz, lang) }), ...body, regionId: ctx.region.id });
}

async function mailCoordinatorsDispute(db: Db, ctx: PoolContext, found: Found, baseUrl: string): Promise<void> {
  const tz = ctx.region.timezone;
  for (const to of await coordinatorAddresses(db, ctx)) {
    const lang = uiLanguageFor(to.language);
    const t = translator(lang);
    const when = formatAppointment(found.request.startsAt, found.request.endsAt, tz, lang);
    const blocks: MailBlock[] = [
      { text: t('sprachpool-billing.mail_dispute_body', { agency: found.agency.name, mediator: `${found.mediator.firstName} ${found.mediator.lastName}`, when }) },
      { text: figureLines(t, lang, billedFigures(found.timesheet)) },
      { text: t('sprachpool-billing.mail_line_reason', { reason: found.timesheet.disputeReason ?? '' }) },
      { link: `${baseUrl}${poolBase(ctx.region.id)}/hours/${found.timesheet.id}`, label: t('sprachpool-billing.mail_dispute_action') },
    ];
    await queueMail(db, { to: to.email, subject: t('sprachpool-billing.mail_dispute_subject', { agency: found.agency.name, date: formatDay(found.request.startsAt, tz, lang) }), ...composeMail(blocks, lang), regionId: ctx.region.id });
  }
}

async function mailMediatorResolved(db: Db, ctx: PoolContext, found: Found, baseUrl: string): Promise<void> {
  const lang = uiLanguageFor(found.mediator.language);
  const t = translator(lang);
  const tz = ctx.region.timezone;
  const when = formatAppointment(found.request.startsAt, found.request.endsAt, tz, lang);
  const blocks: MailBlock[] = [
    { text: t('sprachpool-billing.mail_resolved_body', { name: found.mediator.firstName, when }) },
    { text: figureLines(t, lang, billedFigures(found.timesheet)) },
    ...(found.timesheet.resolutionNote ? [{ text: t('sprachpool-billing.mail_line_note', { note: found.timesheet.resolutionNote }) }] : []),
    { link: `${baseUrl}${poolBase(ctx.region.id)}/me/assignments/${found.assignment.id}/hours`, label: t('sprachpool-billing.mail_resolved_action') },
    { text: t('sprachpool-billing.mail_footer', { region: ctx.region.name }) },
  ];
  await queueMail(db, { to: found.mediator.email, subject: t('sprachpool-billing.mail_resolved_subject', { date: formatDay(found.request.startsAt, tz, lang) }), ...composeMail(blocks, lang), regionId: ctx.region.id });
}

// ---------- loading ----------

const foundColumns = {
  timesheet: timesheets,
  assignment: assignments,
  request: requests,
  agency: { id: agencies.id, name: agencies.name, email: agencies.email },
  mediator: { id: mediators.id, firstName: mediators.firstName, lastName: mediators.lastName, email: mediators.email, language: mediators.language },
};

/** A timesheet of the region with its assignment, request, institution and mediator (locked when `lock`). */
async function findTimesheet(db: Db, regionId: string, timesheetId: string, opts: { agencyId?: string; lock?: boolean } = {}): Promise<Found> {
  if (!UUID.test(timesheetId)) throw new NotFoundError('timesheet_not_found');
  const query = db
    .select(foundColumns)
    .from(timesheets)
    .innerJoin(assignments, eq(assignments.id, timesheets.assignmentId))
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .innerJoin(mediators, eq(mediators.id, timesheets.mediatorId))
    .where(and(eq(timesheets.id, timesheetId), eq(timesheets.regionId, regionId), opts.agencyId ? eq(requests.agencyId, opts.agencyId) : undefined));
  const [row] = opts.lock ? await query.for('update', { of: timesheets }) : await query;
  if (!row) throw new NotFoundError('timesheet_not_found');
  return row;
}

// ---------- the mediator ----------

/** Why a mediator cannot report hours for an assignment now, or null when they can. */
export type ReportBlocker = 'reported' | 'cancelled' | 'no_show' | 'too_early' | null;

function reportBlocker(assignment: AssignmentRow, timesheet: TimesheetRow | null, now: Date): ReportBlocker {
  if (timesheet) return 'reported';
  if (assignment.status === 'cancelled') return 'cancelled';
  if (assignment.status === 'no_show') return 'no_show';
  if (now < assignment.endsAt) return 'too_early';
  return null;
}

export type MediatorHours = {
  ctx: PoolContext;
  assignment: AssignmentRow;
  request: RequestRow;
  agencyName: string;
  timesheet: TimesheetRow | null;
  blocker: ReportBlocker;
};

/** The hours page of one of the signed-in mediator's assignments (someone else's is not found). */
export async function getMediatorHours(db: Db, actor: Actor, input: { regionId: string; assignmentId: string }, now = new Date()): Promise<MediatorHours> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, actor, ctx.region.id);
  if (!UUID.test(input.assignmentId)) throw new NotFoundError('assignment_not_found');
  const [row] = await db
    .select({ assignment: assignments, request: requests, agencyName: agencies.name, timesheet: timesheets })
    .from(assignments)
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
    .where(and(eq(assignments.id, input.assignmentId), eq(assignments.regionId, ctx.region.id), eq(assignments.mediatorId, mediator.id)));
  if (!row) throw new NotFoundError('assignment_not_found');
  return { ctx, ...row, blocker: reportBlocker(row.assignment, row.timesheet, now) };
}

/**
 * The mediator reports time and travel for their own assignment, once, after its end. Closes the assignment and the
 * request (`done`) and asks the institution to confirm. Refused with a clear ConflictError when reported already,
 * too early, cancelled or a no-show; ValidationError (form field names) for figures out of range.
 */
export async function reportHours(
  db: Db,
  actor: Actor,
  input: { regionId: string; assignmentId: string; minutes: number; travelKm: number; transportCents: number; note: string; baseUrl?: string; requestId?: string | null },
  now = new Date(),
): Promise<{ timesheet: TimesheetRow }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.mediate');
  if (!UUID.test(input.assignmentId)) throw new NotFoundError('assignment_not_found');
  const rid = ctx.region.id;
  try {
    return await db.transaction(async (tx) => {
      const mediator = await findMediatorForActor(tx, actor, rid);
      const [row] = await tx
        .select({ assignment: assignments, request: requests, agency: foundColumns.agency })
        .from(assignments)
        .innerJoin(requests, eq(requests.id, assignments.requestId))
        .innerJoin(agencies, eq(agencies.id, requests.agencyId))
        .where(and(eq(assignments.id, input.assignmentId), eq(assignments.regionId, rid), eq(assignments.mediatorId, mediator.id)))
        .for('update', { of: [assignments, requests] });
      if (!row) throw new NotFoundError('assignment_not_found');
      const [existing] = await tx.select().from(timesheets).where(eq(timesheets.assignmentId, row.assignment.id));
      const blocker = reportBlocker(row.assignment, existing ?? null, now);
      if (blocker === 'reported') throw conflict('hours_already_reported');
      if (blocker) throw conflict(`hours_${blocker}`);
      const figures: HoursInput = { minutes: input.minutes, travelKm: input.travelKm, transportCents: input.transportCents, note: input.note.trim() };
      const errors = checkFigures(figures, row.request.mode);
      if (Object.keys(errors).length) throw new ValidationError(errors);

      const [timesheet] = await tx
        .insert(timesheets)
        .values({ regionId: rid, assignmentId: row.assignment.id, mediatorId: mediator.id, ...figures, reportedAt: now })
        .returning();
      if (!timesheet) throw new Error('timesheet insert returned nothing');
      const audit = { regionId: rid, requestId: input.requestId ?? null };
      await recordAudit(tx, actor, { ...audit, action: 'sprachpool.timesheet.report', entityType: 'sp_timesheet', entityId: timesheet.id, after: { assignmentId: row.assignment.id, ...figures } });

      let assignment = row.assignment;
      if (assignment.status === 'active') {
        const [done] = await tx.update(assignments).set({ status: 'done', updatedAt: now }).where(eq(assignments.id, assignment.id)).returning();
        if (done) assignment = done;
        await recordAudit(tx, actor, { ...audit, action: 'sprachpool.assignment.done', entityType: 'sp_assignment', entityId: assignment.id, before: { status: row.assignment.status }, after: { status: assignment.status } });
      }
      let request = row.request;
      if (request.status === 'assigned') {
        const [done] = await tx
          .update(requests)
          .set({ status: 'done', revision: sql`${requests.revision} + 1`, updatedAt: now })
          .where(eq(requests.id, request.id))
          .returning();
        if (done) request = done;
        await recordAudit(tx, actor, { ...audit, action: 'sprachpool.request.done', entityType: 'sp_request', entityId: request.id, before: { status: row.request.status }, after: { status: request.status } });
      }
      const full: Found = { timesheet, assignment, request, agency: row.agency, mediator };
      await mailInstitutionToConfirm(tx, ctx, full, input.baseUrl ?? '');
      return { timesheet };
    });
  } catch (err) {
    // Two reports at once: the unique index on the assignment lets one through.
    if (isUniqueViolation(err)) throw conflict('hours_already_reported');
    throw err;
  }
}

// ---------- the institution ----------

export type AgencyHours = {
  ctx: PoolContext;
  request: RequestRow;
  assignment: AssignmentRow | null;
  mediatorFirstName: string | null;
  timesheet: TimesheetRow | null;
};

/** The hours of one of the institution's requests (another institution's request is not found). */
export async function getAgencyHours(db: Db, actor: Actor, input: { regionId: string; requestId: string }): Promise<AgencyHours> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  const { agency } = await findAgencyContactForActor(db, actor, ctx.region.id);
  if (!UUID.test(input.requestId)) throw new NotFoundError('request_not_found');
  const [request] = await db.select().from(requests).where(and(eq(requests.id, input.requestId), eq(requests.regionId, ctx.region.id), eq(requests.agencyId, agency.id)));
  if (!request) throw new NotFoundError('request_not_found');
  // The assignment that counts: the one not cancelled (at most one, by a unique index), else the latest.
  const [row] = await db
    .select({ assignment: assignments, mediatorFirstName: mediators.firstName, timesheet: timesheets })
    .from(assignments)
    .innerJoin(mediators, eq(mediators.id, assignments.mediatorId))
    .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
    .where(eq(assignments.requestId, request.id))
    .orderBy(sql`(${assignments.status} = 'cancelled')`, desc(assignments.createdAt))
    .limit(1);
  return { ctx, request, assignment: row?.assignment ?? null, mediatorFirstName: row?.mediatorFirstName ?? null, timesheet: row?.timesheet ?? null };
}

/** Sets a reported timesheet's new state, guarded by its status and (when the form sent one) its revision. */
async function closeReport(tx: Db, found: Found, set: Partial<typeof timesheets.$inferInsert>, revision: number | undefined, allowed: TimesheetRow['status'][]): Promise<TimesheetRow> {
  if (!allowed.includes(found.timesheet.status)) throw conflict(found.timesheet.status === 'disputed' ? 'hours_disputed' : 'hours_closed');
  if (revision !== undefined && revision !== found.timesheet.revision) throw conflict('hours_changed');
  const [row] = await tx
    .update(timesheets)
    .set({ ...set, revision: sql`${timesheets.revision} + 1` })
    .where(and(eq(timesheets.id, found.timesheet.id), eq(timesheets.revision, found.timesheet.revision)))
    .returning();
  if (!row) throw conflict('hours_changed');
  return row;
}

/** The institution confirms the reported figures; they become billable. */
export async function confirmHours(db: Db, actor: Actor, input: { regionId: string; timesheetId: string; revision?: number; requestId?: string | null }, now = new Date()): Promise<TimesheetRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  return db.transaction(async (tx) => {
    const { agency } = await findAgencyContactForActor(tx, actor, ctx.region.id);
    const found = await findTimesheet(tx, ctx.region.id, input.timesheetId, { agencyId: agency.id, lock: true });
    const row = await closeReport(tx, found, { status: 'confirmed', confirmedAt: now, confirmedBy: actor.id }, input.revision, ['reported']);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.timesheet.confirm', entityType: 'sp_timesheet', entityId: row.id, before: { status: found.timesheet.status }, after: { status: row.status }, requestId: input.requestId ?? null });
    return row;
  });
}

/** The institution disputes the reported figures (reason required); the coordinators are told. */
export async function disputeHours(
  db: Db,
  actor: Actor,
  input: { regionId: string; timesheetId: string; reason: string; revision?: number; baseUrl?: string; requestId?: string | null },
): Promise<TimesheetRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.request');
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const { agency } = await findAgencyContactForActor(tx, actor, ctx.region.id);
    const found = await findTimesheet(tx, ctx.region.id, input.timesheetId, { agencyId: agency.id, lock: true });
    if (found.timesheet.status !== 'reported') throw conflict(found.timesheet.status === 'disputed' ? 'hours_disputed' : 'hours_closed');
    if (!reason) throw new ValidationError({ reason: { key: 'validation.required' } });
    if (reason.length > REASON_MAX) throw new ValidationError({ reason: { key: 'validation.too_long', params: { max: REASON_MAX } } });
    const row = await closeReport(tx, found, { status: 'disputed', disputeReason: reason }, input.revision, ['reported']);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.timesheet.dispute', entityType: 'sp_timesheet', entityId: row.id, before: { status: found.timesheet.status }, after: { status: row.status, disputeReason: reason }, requestId: input.requestId ?? null });
    await mailCoordinatorsDispute(tx, ctx, { ...found, timesheet: row }, input.baseUrl ?? '');
    return row;
  });
}

// ---------- the coordinator ----------

export type PoolTimesheetItem = Found;
export type UnreportedItem = { assignment: AssignmentRow; request: RequestRow; agency: Found['agency']; mediator: Found['mediator'] };

/** Hours to look after: disputed (to resolve), reported (waiting for the institution), closed lately, and ended assignments nobody reported. */
export async function listPoolTimesheets(
  db: Db,
  actor: Actor,
  input: { regionId: string },
  now = new Date(),
): Promise<{ ctx: PoolContext; disputed: PoolTimesheetItem[]; reported: PoolTimesheetItem[]; closed: PoolTimesheetItem[]; unreported: UnreportedItem[] }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const rid = ctx.region.id;
  const base = () =>
    db
      .select(foundColumns)
      .from(timesheets)
      .innerJoin(assignments, eq(assignments.id, timesheets.assignmentId))
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .innerJoin(mediators, eq(mediators.id, timesheets.mediatorId));
  const since = new Date(now.getTime() - 60 * 86_400_000);
  const [open, closed, unreported] = await Promise.all([
    base()
      .where(and(eq(timesheets.regionId, rid), inArray(timesheets.status, ['reported', 'disputed'])))
      .orderBy(asc(requests.startsAt)),
    base()
      .where(and(eq(timesheets.regionId, rid), inArray(timesheets.status, ['confirmed', 'resolved']), or(gte(timesheets.confirmedAt, since), gte(timesheets.resolvedAt, since))))
      .orderBy(desc(requests.startsAt))
      .limit(100),
    db
      .select({ assignment: assignments, request: requests, agency: foundColumns.agency, mediator: foundColumns.mediator })
      .from(assignments)
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .innerJoin(agencies, eq(agencies.id, requests.agencyId))
      .innerJoin(mediators, eq(mediators.id, assignments.mediatorId))
      .leftJoin(timesheets, eq(timesheets.assignmentId, assignments.id))
      .where(and(eq(assignments.regionId, rid), inArray(assignments.status, ['active', 'done']), lt(assignments.endsAt, now), isNull(timesheets.id)))
      .orderBy(asc(assignments.startsAt))
      .limit(200),
  ]);
  return { ctx, disputed: open.filter((x) => x.timesheet.status === 'disputed'), reported: open.filter((x) => x.timesheet.status === 'reported'), closed, unreported };
}

/** One timesheet of the region for the coordinator. */
export async function getPoolTimesheet(db: Db, actor: Actor, input: { regionId: string; timesheetId: string }): Promise<{ ctx: PoolContext; item: PoolTimesheetItem }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  return { ctx, item: await findTimesheet(db, ctx.region.id, input.timesheetId) };
}

/**
 * The coordinator settles a disputed (or unanswered) report: the figures given here are billed, the note explains
 * the decision to the mediator, who is told by mail. Confirmed and resolved timesheets are final.
 */
export async function resolveDispute(
  db: Db,
  actor: Actor,
  input: { regionId: string; timesheetId: string; minutes: number; travelKm: number; transportCents: number; note: string; revision?: number; baseUrl?: string; requestId?: string | null },
  now = new Date(),
): Promise<TimesheetRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  return db.transaction(async (tx) => {
    const found = await findTimesheet(tx, ctx.region.id, input.timesheetId, { lock: true });
    if (!['reported', 'disputed'].includes(found.timesheet.status)) throw conflict('hours_closed');
    const figures: HoursInput = { minutes: input.minutes, travelKm: input.travelKm, transportCents: input.transportCents, note: input.note.trim() };
    const errors = checkFigures(figures, found.request.mode, { noteRequired: true });
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const row = await closeReport(
      tx,
      found,
      { status: 'resolved', resolvedMinutes: figures.minutes, resolvedTravelKm: figures.travelKm, resolvedTransportCents: figures.transportCents, resolutionNote: figures.note, resolvedAt: now, resolvedBy: actor.id },
      input.revision,
      ['reported', 'disputed'],
    );
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: 'sprachpool.timesheet.resolve',
      entityType: 'sp_timesheet',
      entityId: row.id,
      before: { status: found.timesheet.status, ...billedFigures(found.timesheet) },
      after: { status: row.status, ...billedFigures(row), resolutionNote: figures.note },
      requestId: input.requestId ?? null,
    });
    await mailMediatorResolved(tx, ctx, { ...found, timesheet: row }, input.baseUrl ?? '');
    return row;
  });
}
