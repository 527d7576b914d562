import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { auditEvents, jobs, languages, mails, memberships, regions } from '../../platform/schema.js';

/** Which regions' rows a reader may see: everything (installation admin) or a list of region ids. */
export type Scope = { all: true } | { all: false; regionIds: string[] };

/** A WHERE condition limiting a region column to a scope; rows without a region only for `all`. */
export function inScope(column: PgColumn, scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  if (!scope.regionIds.length) return sql`false`;
  return inArray(column, scope.regionIds);
}

/** The given regions and all regions below them. */
export async function findRegionIdsWithDescendants(db: Db, rootIds: readonly string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const result = await db.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM regions WHERE id IN (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      UNION
      SELECT r.id FROM regions r JOIN tree ON r.parent_id = tree.id
    )
    SELECT id FROM tree`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export type RegionSummary = { id: string; name: string; slug: string; timezone: string; parentId: string | null };

/** Regions by id, sorted by name (or every region when ids is undefined). */
export async function listRegionSummaries(db: Db, ids?: readonly string[]): Promise<RegionSummary[]> {
  if (ids && !ids.length) return [];
  return db
    .select({ id: regions.id, name: regions.name, slug: regions.slug, timezone: regions.timezone, parentId: regions.parentId })
    .from(regions)
    .where(ids ? inArray(regions.id, [...ids]) : undefined)
    .orderBy(asc(regions.name));
}

/** The actor's memberships with their region names. */
export async function listMembershipsWithRegions(db: Db, accountId: string) {
  return db
    .select({ regionId: memberships.regionId, role: memberships.role, regionName: regions.name, regionSlug: regions.slug })
    .from(memberships)
    .innerJoin(regions, eq(regions.id, memberships.regionId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(regions.name), asc(memberships.role));
}

// ── audit ────────────────────────────────────────────────────────────────────────────────────────────────────

export type AuditQuery = {
  scope: Scope;
  /** Limit to these regions (a chosen region and its children), already intersected with the scope. */
  regionIds?: string[];
  actor?: string;
  action?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function auditWhere(q: AuditQuery): SQL | undefined {
  return and(
    inScope(auditEvents.regionId, q.scope),
    q.regionIds ? (q.regionIds.length ? inArray(auditEvents.regionId, q.regionIds) : sql`false`) : undefined,
    q.actor ? ilike(auditEvents.actorLabel, likePattern(q.actor)) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.from ? gte(auditEvents.at, q.from) : undefined,
    q.to ? lt(auditEvents.at, q.to) : undefined,
  );
}

export type AuditRow = typeof auditEvents.$inferSelect & { regionName: string | null; regionTimezone: string | null };

/** Audit events matching the query, newest first. */
export async function listAuditEvents(db: Db, q: AuditQuery, page: { limit: number; offset: number }): Promise<AuditRow[]> {
  const rows = await db
    .select({ event: auditEvents, regionName: regions.name, regionTimezone: regions.timezone })
    .from(auditEvents)
    .leftJoin(regions, eq(regions.id, auditEvents.regionId))
    .where(auditWhere(q))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r.event, regionName: r.regionName, regionTimezone: r.regionTimezone }));
}

export async function countAuditEvents(db: Db, q: AuditQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(auditWhere(q));
  return Number(row?.n ?? 0);
}

/** Distinct actions and entity types in scope (for the filter menus). */
export async function listAuditVocabulary(db: Db, scope: Scope): Promise<{ actions: string[]; entityTypes: string[] }> {
  const where = inScope(auditEvents.regionId, scope);
  const actions = await db.selectDistinct({ v: auditEvents.action }).from(auditEvents).where(where).orderBy(asc(auditEvents.action)).limit(500);
  const types = await db.selectDistinct({ v: auditEvents.entityType }).from(auditEvents).where(where).orderBy(asc(auditEvents.entityType)).limit(500);
  return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}

// ── jobs ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type JobListRow = typeof jobs.$inferSelect & { regionName: string | null };

export async function countJobsByStatus(db: Db, scope: Scope): Promise<Record<string, number>> {
  const rows = await db.select({ status: jobs.status, n: count() }).from(jobs).where(inScope(jobs.regionId, scope)).groupBy(jobs.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Jobs with the given statuses in scope; failed ones newest first, waiting ones by due time. */
export async function listJobs(db: Db, scope: Scope, statuses: ('pending' | 'running' | 'failed' | 'done')[], limit: number): Promise<JobListRow[]> {
  const order = statuses.includes('failed') ? [desc(jobs.finishedAt), desc(jobs.id)] : [asc(jobs.runAt), asc(jobs.id)];
  const rows = await db
    .select({ job: jobs, regionName: regions.name })
    .from(jobs)
    .leftJoin(regions, eq(regions.id, jobs.regionId))
    .where(and(inScope(jobs.regionId, scope), inArray(jobs.status, statuses)))
    .orderBy(...order)
    .limit(limit);
  return rows.map((r) => ({ ...r.job, regionName: r.regionName }));
}

/** A job by id, only when it is in scope. */
export async function findJobInScope(db: Db, scope: Scope, id: number) {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), inScope(jobs.regionId, scope)));
  return row ?? null;
}

// ── mail ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type MailListRow = Omit<typeof mails.$inferSelect, 'text' | 'html' | 'attachments'> & { regionName: string | null };

export async function listMails(db: Db, scope: Scope, page: { limit: number; offset: number }): Promise<MailListRow[]> {
  const rows = await db
    .select({
      id: mails.id,
      regionId: mails.regionId,
      to: mails.to,
      subject: mails.subject,
      status: mails.status,
      messageId: mails.messageId,
      error: mails.error,
      createdAt: mails.createdAt,
      sentAt: mails.sentAt,
      regionName: regions.name,
    })
    .from(mails)
    .leftJoin(regions, eq(regions.id, mails.regionId))
    .where(inScope(mails.regionId, scope))
    .orderBy(desc(mails.createdAt), desc(mails.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows;
}

export async function countMails(db: Db, scope: Scope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mails).where(inScope(mails.regionId, scope));
  return Number(row?.n ?? 0);
}

export async function countMailsByStatus(db: Db, scope: Scope): Promise<Record<string, number>> {
  const rows = await db.select({ status: mails.status, n: count() }).from(mails).where(inScope(mails.regionId, scope)).groupBy(mails.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function findMailInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ mail: mails, regionName: regions.name })
    .from(mails)
    .leftJoin(regions, eq(regions.id, mails.regionId))
    .where(and(eq(mails.id, id), inScope(mails.regionId, scope)));
  return row ? { ...row.mail, regionName: row.regionName } : null;
}

/** Puts the mail of a retried `mail.send` job back to "queued". */
export async function requeueMail(db: Db, id: string): Promise<void> {
  await db
    .update(mails)
    .set({ status: 'queued' })
    .where(and(eq(mails.id, id), ne(mails.status, 'sent')));
}

// ── languages ────────────────────────────────────────────────────────────────────────────────────────────────

export type LanguageRow = typeof languages.$inferSelect;

export async function listLanguages(db: Db): Promise<LanguageRow[]> {
  return db.select().from(languages).orderBy(asc(languages.code));
}

export async function findLanguage(db: Db, code: string): Promise<LanguageRow | null> {
  const [row] = await db.select().from(languages).where(eq(languages.code, code));
  return row ?? null;
}

export async function insertLanguage(db: Db, values: Pick<LanguageRow, 'code' | 'nativeName' | 'englishName' | 'direction'>): Promise<LanguageRow | null> {
  const [row] = await db.insert(languages).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateLanguage(db: Db, code: string, values: Pick<LanguageRow, 'nativeName' | 'englishName' | 'direction'>): Promise<LanguageRow | null> {
  const [row] = await db.update(languages).set(values).where(eq(languages.code, code)).returning();
  return row ?? null;
}
