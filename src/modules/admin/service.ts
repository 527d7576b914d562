import { toCsv } from '../../platform/http/csv.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, can, PERMISSIONS, type Action, type Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Translate } from '../../platform/i18n/catalog.js';
import { BCP47 } from '../../platform/i18n/languages.js';
import { retryJob } from '../../platform/jobs/jobs.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import type { RegionRole } from '../../platform/schema.js';
import * as q from './queries.js';

export type { Scope } from './queries.js';

/** Events per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;
export const MAIL_PAGE_SIZE = 50;
/** Upper bound of one CSV export (the filters narrow larger logs). */
export const AUDIT_CSV_MAX_ROWS = 50_000;
export const DEFAULT_TIMEZONE = 'Europe/Berlin';

/**
 * The regions whose rows the actor may see for an action: all (installation admin) or the regions where the actor
 * holds a role that grants it, with their children. Throws 403 when there are none.
 */
export async function scopeFor(db: Db, actor: Actor, action: Action): Promise<q.Scope> {
  if (actor.isAdmin) return { all: true };
  const roles: readonly RegionRole[] = PERMISSIONS[action];
  const roots = actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.regionId);
  if (!roots.length) throw new ForbiddenError();
  return { all: false, regionIds: await q.findRegionIdsWithDescendants(db, roots) };
}

/** True when the actor holds the action on at least one region (or is admin): decides what the dashboard offers. */
function mayAnywhere(actor: Actor, action: Action): boolean {
  if (actor.isAdmin) return true;
  const roles: readonly RegionRole[] = PERMISSIONS[action];
  return actor.memberships.some((m) => roles.includes(m.role));
}

// ── dashboard ────────────────────────────────────────────────────────────────────────────────────────────────

export type Dashboard = {
  regions: { id: string; name: string; roles: RegionRole[] }[];
  links: { audit: boolean; jobs: boolean; mail: boolean; members: boolean; languages: boolean };
  counts: { pendingJobs: number; failedJobs: number; keptMails: number } | null;
};

/** What the signed-in person finds on /admin: their regions, the areas they may open, queue counts for admins. */
export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  const rows = await q.listMembershipsWithRegions(db, actor.id);
  const byRegion = new Map<string, Dashboard['regions'][number]>();
  for (const r of rows) {
    const entry = byRegion.get(r.regionId) ?? { id: r.regionId, name: r.regionName, roles: [] };
    entry.roles.push(r.role);
    byRegion.set(r.regionId, entry);
  }
  const links = {
    audit: mayAnywhere(actor, 'audit.read'),
    jobs: mayAnywhere(actor, 'jobs.read'),
    mail: mayAnywhere(actor, 'mail.read'),
    members: mayAnywhere(actor, 'member.read'),
    languages: can(actor, 'language.manage'),
  };
  let counts: Dashboard['counts'] = null;
  if (links.jobs && links.mail) {
    const jobCounts = await q.countJobsByStatus(db, await scopeFor(db, actor, 'jobs.read'));
    const mailCounts = await q.countMailsByStatus(db, await scopeFor(db, actor, 'mail.read'));
    counts = { pendingJobs: (jobCounts.pending ?? 0) + (jobCounts.running ?? 0), failedJobs: jobCounts.failed ?? 0, keptMails: mailCounts.kept ?? 0 };
  }
  return { regions: [...byRegion.values()], links, counts };
}

// ── audit log ────────────────────────────────────────────────────────────────────────────────────────────────

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).catch(undefined);
const isoDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    .optional(),
).catch(undefined);

/** Filters of the audit log (a GET form); values that do not parse are ignored rather than failing the page. */
export const auditFilterSchema = z.object({
  region: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  actor: optionalText(200),
  action: optionalText(100),
  entity: optionalText(100),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** Offset of a time zone from UTC at an instant, in ms. */
function tzOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at;
}

/** Midnight at the start of a calendar day (YYYY-MM-DD) in a time zone, plus `addDays`. */
export function startOfDayIn(date: string, timeZone: string, addDays = 0): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d + addDays);
  return new Date(guess - tzOffsetMs(guess, timeZone));
}

async function auditQuery(db: Db, actor: Actor, filters: AuditFilters): Promise<{ query: q.AuditQuery; scope: q.Scope }> {
  const scope = await scopeFor(db, actor, 'audit.read');
  let regionIds: string[] | undefined;
  if (filters.region) {
    const chosen = await q.findRegionIdsWithDescendants(db, [filters.region]);
    regionIds = scope.all ? chosen : chosen.filter((id) => scope.regionIds.includes(id));
  }
  const query: q.AuditQuery = {
    scope,
    regionIds,
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entity,
    from: filters.from ? startOfDayIn(filters.from, DEFAULT_TIMEZONE) : undefined,
    to: filters.to ? startOfDayIn(filters.to, DEFAULT_TIMEZONE, 1) : undefined,
  };
  return { query, scope };
}

export type AuditPage = {
  events: q.AuditRow[];
  total: number;
  page: number;
  pages: number;
  regions: q.RegionSummary[];
  actions: string[];
  entityTypes: string[];
};

/** One page of the audit log the actor may read (regions with 'audit.read' and their children; admin: all). */
export async function listAuditLog(db: Db, actor: Actor, filters: AuditFilters): Promise<AuditPage> {
  const { query, scope } = await auditQuery(db, actor, filters);
  const total = await q.countAuditEvents(db, query);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const events = await q.listAuditEvents(db, query, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  const regions = await q.listRegionSummaries(db, scope.all ? undefined : scope.regionIds);
  const vocabulary = await q.listAuditVocabulary(db, scope);
  return { events, total, page, pages, regions, actions: vocabulary.actions, entityTypes: vocabulary.entityTypes };
}

/** The audit log with the same filters as CSV (UTF-8 with BOM so spreadsheet programs detect the encoding). */
export async function exportAuditCsv(db: Db, actor: Actor, filters: AuditFilters, t: Translate): Promise<string> {
  const { query } = await auditQuery(db, actor, filters);
  const events = await q.listAuditEvents(db, query, { limit: AUDIT_CSV_MAX_ROWS, offset: 0 });
  const header = ['ops.col_time', 'ops.col_actor', 'ops.col_region', 'ops.col_action', 'ops.col_entity_type', 'ops.col_entity_id', 'ops.col_changes'].map((k) => t(k));
  const rows = events.map((e) => [e.at.toISOString(), e.actorLabel, e.regionName ?? '', e.action, e.entityType, e.entityId ?? '', JSON.stringify(e.changes)]);
  return toCsv([header, ...rows]);
}

// ── jobs ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type JobsOverview = { counts: Record<'pending' | 'running' | 'done' | 'failed', number>; failed: q.JobListRow[]; waiting: q.JobListRow[]; canRetry: boolean };

/** Job counts and lists for the actor's regions (admin: all, including jobs without a region). */
export async function getJobsOverview(db: Db, actor: Actor): Promise<JobsOverview> {
  const scope = await scopeFor(db, actor, 'jobs.read');
  const raw = await q.countJobsByStatus(db, scope);
  const counts = { pending: raw.pending ?? 0, running: raw.running ?? 0, done: raw.done ?? 0, failed: raw.failed ?? 0 };
  return {
    counts,
    failed: await q.listJobs(db, scope, ['failed'], 200),
    waiting: await q.listJobs(db, scope, ['pending', 'running'], 200),
    canRetry: mayAnywhere(actor, 'jobs.retry'),
  };
}

export const jobIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Puts a failed job in scope back in the queue, audited as 'job.retry'. Returns false when the job is no longer
 * failed (retried twice, or it ran meanwhile); 404 when there is no such job in the actor's regions.
 */
export async function retryFailedJob(db: Db, actor: Actor, input: { id: unknown; requestId?: string }): Promise<boolean> {
  const scope = await scopeFor(db, actor, 'jobs.retry');
  const id = jobIdSchema.safeParse(input.id);
  if (!id.success) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const job = await q.findJobInScope(tx, scope, id.data);
    if (!job) throw new NotFoundError();
    if (job.status !== 'failed') return false;
    if (!(await retryJob(tx, job.id))) return false;
    if (job.type === 'mail.send' && typeof job.payload.mailId === 'string') await q.requeueMail(tx, job.payload.mailId);
    await recordAudit(tx, actor, {
      regionId: job.regionId,
      action: 'job.retry',
      entityType: 'job',
      entityId: String(job.id),
      before: { status: job.status, attempts: job.attempts },
      after: { status: 'pending', attempts: 0 },
      requestId: input.requestId ?? null,
    });
    return true;
  });
}

// ── outgoing mail ────────────────────────────────────────────────────────────────────────────────────────────

export const mailListSchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

/** Outgoing mails of the actor's regions, newest first (admin: all, including mails without a region). */
export async function listOutgoingMail(db: Db, actor: Actor, input: unknown) {
  const scope = await scopeFor(db, actor, 'mail.read');
  const { page: wanted } = mailListSchema.parse(input ?? {});
  const total = await q.countMails(db, scope);
  const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const page = Math.min(wanted, pages);
  const mails = await q.listMails(db, scope, { limit: MAIL_PAGE_SIZE, offset: (page - 1) * MAIL_PAGE_SIZE });
  return { mails, total, page, pages };
}

/** One outgoing mail with its body. Bodies hold one-time links, so only mail readers of its region (or admin). */
export async function getOutgoingMail(db: Db, actor: Actor, id: unknown) {
  const scope = await scopeFor(db, actor, 'mail.read');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new NotFoundError();
  const mail = await q.findMailInScope(db, scope, parsed.data);
  if (!mail) throw new NotFoundError();
  return mail;
}

// ── languages ────────────────────────────────────────────────────────────────────────────────────────────────

const languageFields = {
  nativeName: z.string().trim().min(1).max(100),
  englishName: z.string().trim().min(1).max(100),
  direction: z.enum(['ltr', 'rtl']),
};
export const addLanguageSchema = z.object({
  code: z.string().trim().toLowerCase().min(1).max(35).regex(BCP47, 'validation.language_code'),
  ...languageFields,
});
export const editLanguageSchema = z.object(languageFields);

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodFieldErrors(result.error));
  return result.data;
}

/** Every language of the installation (installation admin only). */
export async function listLanguagesForAdmin(db: Db, actor: Actor) {
  assertCan(actor, 'language.manage');
  return q.listLanguages(db);
}

/** One language for its edit form (installation admin only). */
export async function getLanguageForAdmin(db: Db, actor: Actor, code: string) {
  assertCan(actor, 'language.manage');
  const row = await q.findLanguage(db, code);
  if (!row) throw new NotFoundError();
  return row;
}

/** Adds a content language (BCP 47 code, names, direction); audited as 'language.create'. */
export async function addLanguage(db: Db, actor: Actor, input: unknown, requestId?: string) {
  assertCan(actor, 'language.manage');
  const data = parseOrThrow(addLanguageSchema, input);
  return db.transaction(async (tx) => {
    const row = await q.insertLanguage(tx, data);
    if (!row) throw new ValidationError({ code: { key: 'ops.language_exists', params: { code: data.code } } });
    await recordAudit(tx, actor, {
      action: 'language.create',
      entityType: 'language',
      entityId: row.code,
      before: null,
      after: { code: row.code, nativeName: row.nativeName, englishName: row.englishName, direction: row.direction },
      requestId: requestId ?? null,
    });
    return row;
  });
}

/** Changes a language's names or direction; audited as 'language.update' (only the changed fields). */
export async function editLanguage(db: Db, actor: Actor, code: string, input: unknown, requestId?: string) {
  assertCan(actor, 'language.manage');
  return db.transaction(async (tx) => {
    const before = await q.findLanguage(tx, code);
    if (!before) throw new NotFoundError();
    const data = parseOrThrow(editLanguageSchema, input);
    const row = await q.updateLanguage(tx, code, data);
    if (!row) throw new NotFoundError();
    const pick = (l: q.LanguageRow) => ({ nativeName: l.nativeName, englishName: l.englishName, direction: l.direction });
    await recordAudit(tx, actor, { action: 'language.update', entityType: 'language', entityId: code, before: pick(before), after: pick(row), requestId: requestId ?? null });
    return row;
  });
}
