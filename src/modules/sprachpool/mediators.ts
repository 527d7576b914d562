/**
 * Mediators: the public application, the coordinators' review (list, edit, activate → account invitation, pause,
 * retire, reject), their documents (coordinators only), the mediator's own profile, weekly availability and absences,
 * the export of everything stored about a mediator and the deletion request with the coordinators' "delete now".
 *
 * Every service opens the pool first (`openPool`: 404/403) and loads mediators through the region. Writes by staff
 * and mediators are audited in the transaction of the change; mails go through the outbox in the same transaction.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { memberships, regions } from '../../platform/schema.js';
import { addDays, utcToZonedLocal } from '../../platform/time/zoned-time.js';
import type { FormValues } from '../../web/components/forms.js';
import { sendRoleInvitation } from '../auth/index.js';
import { findMediatorForActor, openPool, UUID, type MediatorRow, type PoolContext } from './context.js';
import { countUpcomingAssignments, withdrawOffersOfMediator } from './lifecycle.js';
import { queueGeocoding } from './geocoding.js';
import {
  parseAbsence,
  parseApplication,
  parseCoordinatorForm,
  parseOwnProfile,
  parseWeekly,
  readDate,
  type CoordinatorData,
  type DocumentDates,
  type LanguageInput,
  type Person,
  type WeeklyInput,
  type WorkProfile,
} from './mediator-forms.js';
import { queueApplicationMails, queueDeletionRequestNotice, queueRejectionMail } from './mediator-mails.js';
import { isPoolLanguage } from './languages.js';
import {
  absences,
  agencies,
  assignments,
  availability,
  MEDIATOR_DOCUMENT_KINDS,
  MEDIATOR_STATUSES,
  mediatorDocuments,
  mediatorLanguages,
  mediators,
  offers,
  requests,
  timesheets,
  type MediatorDocumentKind,
  type MediatorStatus,
} from './schema.js';
import { poolSettings } from './settings.js';

export type LanguageRow = typeof mediatorLanguages.$inferSelect;
export type WeeklyRow = typeof availability.$inferSelect;
export type AbsenceRow = typeof absences.$inferSelect;
export type DocumentRow = typeof mediatorDocuments.$inferSelect;
export type DocumentMeta = Omit<DocumentRow, 'data'>;
/** A file from a form: the browser's name, the bytes, and whether the upload was cut off at the size limit. */
export type UploadedFile = { field: string; filename: string; data: Buffer; truncated: boolean };

/** Largest document per upload. */
export const DOCUMENT_MAX_MB = 5;
export const DOCUMENT_MAX_BYTES = DOCUMENT_MAX_MB * 1024 * 1024;
const MAX_MEGAPIXELS = 40;
/** Mediators per page of the coordinators' list. */
export const PAGE_SIZE = 25;
/** The optional uploads of the application form and the kind each becomes. */
export const APPLICATION_FILES = { confidentialityFile: 'confidentiality', policeClearanceFile: 'police_clearance', qualificationFile: 'qualification' } as const satisfies Record<string, MediatorDocumentKind>;
/** What anonymised mediators are called (the billing history keeps them). */
export const DELETED_NAME = 'gelöscht';

const documentColumns = {
  id: mediatorDocuments.id,
  regionId: mediatorDocuments.regionId,
  mediatorId: mediatorDocuments.mediatorId,
  kind: mediatorDocuments.kind,
  fileName: mediatorDocuments.fileName,
  contentType: mediatorDocuments.contentType,
  size: mediatorDocuments.size,
  expiresOn: mediatorDocuments.expiresOn,
  uploadedBy: mediatorDocuments.uploadedBy,
  createdAt: mediatorDocuments.createdAt,
};

/** Today in the region's time zone ("2026-12-08"). */
export function poolToday(ctx: PoolContext, now = new Date()): string {
  return utcToZonedLocal(now, ctx.region.timezone).slice(0, 10);
}

/** Postgres error code of a database error (also when Drizzle wraps it). */
function pgCode(err: unknown): string | undefined {
  for (const e of [err, (err as { cause?: unknown } | null)?.cause]) {
    if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  }
  return undefined;
}

const emailTaken = () => new ValidationError({ email: { key: 'sprachpool-mediators.error_email_taken' } }, 'email_taken');
const weeklyOverlap = () => new ValidationError({ 'avail.0.from': { key: 'sprachpool-mediators.error_overlap_stored' } }, 'availability_overlap');

/** Runs a write; a unique violation on the e-mail and an availability overlap (exclusion) become field messages. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const code = pgCode(err);
    if (code === '23505') throw emailTaken();
    if (code === '23P01') throw weeklyOverlap();
    throw err;
  }
}

// ---------- documents ----------

type DocumentType = { contentType: 'application/pdf' | 'image/png' | 'image/jpeg'; extension: string; image: boolean };
const PDF: DocumentType = { contentType: 'application/pdf', extension: 'pdf', image: false };
const PNG: DocumentType = { contentType: 'image/png', extension: 'png', image: true };
const JPEG: DocumentType = { contentType: 'image/jpeg', extension: 'jpg', image: true };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of a file by its first bytes (PDF, PNG, JPEG), or null: the browser's name and type are never trusted. */
export function sniffDocument(data: Buffer): DocumentType | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return PNG;
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return JPEG;
  return null;
}

/** A file name without path or control characters, ending in the extension of its real type. */
function cleanFileName(name: string, type: DocumentType): string {
  // eslint-disable-next-line no-control-regex -- control characters are what we remove
  const base = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'dokument';
  const stem = (base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'dokument').slice(0, 100);
  return `${stem}.${type.extension}`;
}

/** Checks a file (size, type by magic bytes) and re-encodes images without metadata (camera, GPS). Errors go to `field`. */
async function checkDocument(file: UploadedFile, errors: FieldErrors): Promise<{ data: Buffer; type: DocumentType; fileName: string } | null> {
  if (file.truncated || file.data.length > DOCUMENT_MAX_BYTES) {
    errors[file.field] = { key: 'sprachpool-mediators.error_file_too_large', params: { max: DOCUMENT_MAX_MB } };
    return null;
  }
  const type = sniffDocument(file.data);
  if (!type) {
    errors[file.field] = { key: 'sprachpool-mediators.error_file_type' };
    return null;
  }
  let data = file.data;
  if (type.image) {
    try {
      const meta = await sharp(data, { limitInputPixels: false }).metadata();
      if (meta.width * meta.height > MAX_MEGAPIXELS * 1_000_000) throw new Error('too many pixels');
      const image = sharp(data, { autoOrient: true, limitInputPixels: MAX_MEGAPIXELS * 1_000_000 });
      data = type === PNG ? await image.png({ compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 90 }).toBuffer();
    } catch {
      errors[file.field] = { key: 'sprachpool-mediators.error_file_type' };
      return null;
    }
  }
  return { data, type, fileName: cleanFileName(file.filename, type) };
}

const documentAudit = (d: Pick<DocumentRow, 'kind' | 'fileName' | 'contentType' | 'size' | 'expiresOn'> & { sha256?: string }) => ({
  kind: d.kind,
  fileName: d.fileName,
  contentType: d.contentType,
  size: d.size,
  expiresOn: d.expiresOn,
  sha256: d.sha256,
});

// ---------- helpers ----------

/** Coordinates of a postal code known in the pool (another mediator or an institution there), for distance ranking. */
async function coordinatesFor(db: Db, regionId: string, postalCode: string): Promise<{ lat: number; lon: number } | null> {
  if (!postalCode) return null;
  for (const table of [mediators, agencies] as const) {
    const [row] = await db
      .select({ lat: table.lat, lon: table.lon })
      .from(table)
      .where(and(eq(table.regionId, regionId), eq(table.postalCode, postalCode), isNotNull(table.lat), isNotNull(table.lon)))
      .limit(1);
    if (row && row.lat !== null && row.lon !== null) return { lat: row.lat, lon: row.lon };
  }
  return null;
}

async function replaceLanguages(db: Db, regionId: string, mediatorId: string, rows: LanguageInput[]): Promise<void> {
  await db.delete(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, mediatorId));
  if (rows.length) await db.insert(mediatorLanguages).values(rows.map((r) => ({ mediatorId, regionId, language: r.language, dialect: r.dialect, level: r.level })));
}

async function replaceWeekly(db: Db, mediatorId: string, rows: WeeklyInput[]): Promise<void> {
  await db.delete(availability).where(eq(availability.mediatorId, mediatorId));
  if (rows.length) await db.insert(availability).values(rows.map((r) => ({ mediatorId, ...r })));
}

const qualificationKinds = (q: { kind: MediatorRow['qualificationKinds'][number] }[]) => [...new Set(q.map((x) => x.kind))];

type MediatorColumns = Partial<typeof mediators.$inferInsert>;
type Coordinates = { lat: number; lon: number } | null;

/** The columns of what a mediator tells about their work (the own profile form; part of every other form). */
function workColumns(d: WorkProfile, coords: Coordinates) {
  return {
    phone: d.phone,
    germanLevel: d.germanLevel,
    modes: d.modes,
    postalCode: d.postalCode,
    city: d.city,
    lat: coords?.lat ?? null,
    lon: coords?.lon ?? null,
    maxTravelKm: d.maxTravelKm,
    qualificationKinds: qualificationKinds(d.qualifications),
    qualifications: d.qualifications,
  } satisfies MediatorColumns;
}

/** The columns of the person, their work and their documents' dates (the application; part of the coordinator's form). */
function profileColumns(d: Person & WorkProfile & DocumentDates, coords: Coordinates) {
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    gender: d.gender,
    ...workColumns(d, coords),
    confidentialitySignedOn: d.confidentialitySignedOn,
    confidentialityExpiresOn: d.confidentialityExpiresOn,
    policeClearanceIssuedOn: d.policeClearanceIssuedOn,
    policeClearanceExpiresOn: d.policeClearanceExpiresOn,
  } satisfies MediatorColumns;
}

/** The columns of the coordinator's form, the same for a new mediator and an edit. */
function coordinatorColumns(d: CoordinatorData, coords: Coordinates) {
  return { ...profileColumns(d, coords), paid: d.paid, language: d.language, coordinatorNotes: d.coordinatorNotes } satisfies MediatorColumns;
}

/** The fields of a mediator the audit log records (no internal bookkeeping). */
function auditView(m: MediatorRow): Record<string, unknown> {
  const { regionId, createdAt, updatedAt, revision, documentsRemindedFor, ...rest } = m;
  void regionId;
  void createdAt;
  void updatedAt;
  void revision;
  void documentsRemindedFor;
  return rest;
}

async function findMediatorOrThrow(db: Db, regionId: string, mediatorId: string): Promise<MediatorRow> {
  if (!UUID.test(mediatorId)) throw new NotFoundError('mediator_not_found');
  const [row] = await db.select().from(mediators).where(and(eq(mediators.regionId, regionId), eq(mediators.id, mediatorId)));
  if (!row) throw new NotFoundError('mediator_not_found');
  return row;
}

async function languagesOf(db: Db, mediatorId: string): Promise<LanguageRow[]> {
  return db.select().from(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, mediatorId)).orderBy(asc(mediatorLanguages.language), asc(mediatorLanguages.dialect));
}

async function weeklyOf(db: Db, mediatorId: string): Promise<WeeklyRow[]> {
  return db.select().from(availability).where(eq(availability.mediatorId, mediatorId)).orderBy(asc(availability.weekday), asc(availability.startMinute));
}

async function documentsOf(db: Db, mediatorId: string): Promise<DocumentMeta[]> {
  return db.select(documentColumns).from(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, mediatorId)).orderBy(desc(mediatorDocuments.createdAt));
}

/** Updates a mediator if its revision is still `revision` (409 otherwise). */
async function updateChecked(db: Db, m: MediatorRow, revision: number, set: Partial<typeof mediators.$inferInsert>): Promise<MediatorRow> {
  const [row] = await db
    .update(mediators)
    .set({ ...set, revision: m.revision + 1, updatedAt: new Date() })
    .where(and(eq(mediators.id, m.id), eq(mediators.revision, revision)))
    .returning();
  if (!row) throw new ConflictError('revision_conflict', 'sprachpool-mediators.error_revision');
  return row;
}

/**
 * What stands between a mediator and activation: a signed confidentiality declaration that has not ended, and a police
 * clearance certificate with its issue day and a "valid until" not passed. As field messages of the edit form.
 */
export function activationProblems(
  m: Pick<MediatorRow, 'confidentialitySignedOn' | 'confidentialityExpiresOn' | 'policeClearanceIssuedOn' | 'policeClearanceExpiresOn'>,
  today: string,
): FieldErrors {
  const out: FieldErrors = {};
  if (!m.confidentialitySignedOn) out.confidentialitySignedOn = { key: 'sprachpool-mediators.problem_confidentiality_missing' };
  else if (m.confidentialityExpiresOn && m.confidentialityExpiresOn < today) out.confidentialityExpiresOn = { key: 'sprachpool-mediators.problem_confidentiality_expired' };
  if (!m.policeClearanceIssuedOn) out.policeClearanceIssuedOn = { key: 'sprachpool-mediators.problem_clearance_missing' };
  else if (!m.policeClearanceExpiresOn) out.policeClearanceExpiresOn = { key: 'sprachpool-mediators.problem_clearance_validity_missing' };
  else if (m.policeClearanceExpiresOn < today) out.policeClearanceExpiresOn = { key: 'sprachpool-mediators.problem_clearance_expired' };
  return out;
}

export type DocumentState = 'valid' | 'expiring' | 'expired' | 'missing';

/** The state of a mediator's papers: expired beats missing beats expiring. */
export function documentState(
  m: Pick<MediatorRow, 'confidentialitySignedOn' | 'confidentialityExpiresOn' | 'policeClearanceIssuedOn' | 'policeClearanceExpiresOn'>,
  documentExpiries: readonly string[],
  today: string,
  soon: string,
): DocumentState {
  const dates = [m.confidentialityExpiresOn, m.policeClearanceExpiresOn, ...documentExpiries].filter((d): d is string => Boolean(d));
  if (dates.some((d) => d < today)) return 'expired';
  if (!m.confidentialitySignedOn || !m.policeClearanceIssuedOn || !m.policeClearanceExpiresOn) return 'missing';
  if (dates.some((d) => d <= soon)) return 'expiring';
  return 'valid';
}

// ---------- public application ----------

export type ApplicationInput = {
  regionId: string;
  /** The page's language: the receipt is written in it, later mails too. */
  lang: string;
  values: FormValues;
  files: UploadedFile[];
  baseUrl: string;
  requestId?: string | null;
};

/**
 * Stores an application (status `applied`) with its languages, weekly availability and optional documents, and mails
 * the receipt and the coordinators' notice. An e-mail address already in the pool is refused with a message at the
 * field (the form keeps everything typed).
 */
export async function submitApplication(db: Db, input: ApplicationInput, now = new Date()): Promise<MediatorRow> {
  const ctx = await openPool(db, null, input.regionId, null);
  const today = poolToday(ctx, now);
  const errors: FieldErrors = {};
  let data: ReturnType<typeof parseApplication> | null = null;
  try {
    data = parseApplication(input.values, today);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    Object.assign(errors, err.fields);
  }
  const files: { kind: MediatorDocumentKind; data: Buffer; type: DocumentType; fileName: string }[] = [];
  for (const file of input.files) {
    const kind = APPLICATION_FILES[file.field as keyof typeof APPLICATION_FILES] as MediatorDocumentKind | undefined;
    if (!kind || (!file.data.length && !file.truncated)) continue;
    const checked = await checkDocument(file, errors);
    if (checked) files.push({ kind, ...checked });
  }
  if (!errors.email && data) {
    const [taken] = await db
      .select({ id: mediators.id })
      .from(mediators)
      .where(and(eq(mediators.regionId, ctx.region.id), eq(mediators.email, data.email)));
    if (taken) errors.email = { key: 'sprachpool-mediators.error_email_taken' };
  }
  if (Object.keys(errors).length || !data) throw new ValidationError(errors);
  const d = data;
  return guarded(() =>
    db.transaction(async (tx) => {
      const coords = await coordinatesFor(tx, ctx.region.id, d.postalCode);
      const [m] = await tx
        .insert(mediators)
        .values({
          regionId: ctx.region.id,
          status: 'applied',
          ...profileColumns(d, coords),
          motivation: d.motivation,
          consentAt: now,
          language: input.lang,
        })
        .returning();
      if (!m) throw new Error('mediator insert returned nothing');
      if (!coords) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'mediator', id: m.id });
      await replaceLanguages(tx, ctx.region.id, m.id, d.languages);
      await replaceWeekly(tx, m.id, d.weekly);
      for (const f of files) {
        const expiresOn = f.kind === 'police_clearance' ? d.policeClearanceExpiresOn : null;
        await tx.insert(mediatorDocuments).values({ regionId: ctx.region.id, mediatorId: m.id, kind: f.kind, fileName: f.fileName, contentType: f.type.contentType, size: f.data.length, data: f.data, expiresOn });
      }
      await queueApplicationMails(tx, ctx, m, input.baseUrl);
      await recordAudit(tx, { system: 'sprachpool.application' }, {
        regionId: ctx.region.id,
        action: 'sprachpool.mediator_apply',
        entityType: 'sp_mediator',
        entityId: m.id,
        before: null,
        after: { status: m.status, languages: d.languages.map((l) => `${l.language}${l.dialect ? `:${l.dialect}` : ''}`), documents: files.length },
        requestId: input.requestId ?? null,
      });
      return m;
    }),
  );
}

// ---------- coordinators: list ----------

export const listFiltersSchema = z.object({
  status: z.enum(MEDIATOR_STATUSES).optional().catch(undefined),
  language: z
    .string()
    .max(12)
    .optional()
    .catch(undefined)
    .transform((v) => (v && isPoolLanguage(v) ? v : undefined)),
  documents: z.enum(['expiring', 'expired']).optional().catch(undefined),
  deletion: z.enum(['1']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ListFilters = z.infer<typeof listFiltersSchema>;

export type MediatorListItem = {
  mediator: Pick<MediatorRow, 'id' | 'firstName' | 'lastName' | 'email' | 'status' | 'city' | 'postalCode' | 'modes' | 'createdAt' | 'deletionRequestedAt'>;
  languages: Pick<LanguageRow, 'language' | 'dialect' | 'level'>[];
  documents: DocumentState;
};

/** Documents (of the mediator row `m`) that end before `day` (exclusive) — or, with `from`, between the two. */
function documentsEnding(range: { from?: string; before: string }): SQL {
  const docs = sql`EXISTS (SELECT 1 FROM ${mediatorDocuments} d WHERE d.mediator_id = ${mediators.id} AND d.expires_on < ${range.before}${range.from ? sql` AND d.expires_on >= ${range.from}` : sql``})`;
  const column = (c: typeof mediators.confidentialityExpiresOn) => (range.from ? and(lt(c, range.before), gte(c, range.from)) : lt(c, range.before));
  return or(column(mediators.confidentialityExpiresOn), column(mediators.policeClearanceExpiresOn), docs) ?? sql`false`;
}

/** The coordinators' list: filter by status, language, expiring/expired documents, open deletion requests, name; paged. */
export async function listMediators(db: Db, actor: Actor, input: { regionId: string; filters: ListFilters }, now = new Date()) {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const today = poolToday(ctx, now);
  const soon = addDays(today, ctx.settings.documentReminderDays);
  const f = input.filters;
  const where: SQL[] = [eq(mediators.regionId, ctx.region.id)];
  if (f.status) where.push(eq(mediators.status, f.status));
  if (f.language) where.push(sql`EXISTS (SELECT 1 FROM ${mediatorLanguages} l WHERE l.mediator_id = ${mediators.id} AND l.language = ${f.language})`);
  if (f.documents === 'expired') where.push(documentsEnding({ before: today }));
  if (f.documents === 'expiring') where.push(documentsEnding({ from: today, before: addDays(soon, 1) }));
  if (f.deletion) where.push(isNotNull(mediators.deletionRequestedAt));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(mediators.firstName, like), ilike(mediators.lastName, like), ilike(mediators.email, like), ilike(mediators.city, like)) ?? sql`true`);
  }
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(mediators).where(condition);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await db
    .select()
    .from(mediators)
    .where(condition)
    .orderBy(sql`${mediators.deletionRequestedAt} IS NULL`, sql`CASE ${mediators.status} WHEN 'applied' THEN 0 WHEN 'active' THEN 1 WHEN 'paused' THEN 2 ELSE 3 END`, asc(mediators.lastName), asc(mediators.firstName))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const langs = ids.length ? await db.select().from(mediatorLanguages).where(inArray(mediatorLanguages.mediatorId, ids)).orderBy(asc(mediatorLanguages.language)) : [];
  const docs = ids.length
    ? await db
        .select({ mediatorId: mediatorDocuments.mediatorId, expiresOn: mediatorDocuments.expiresOn })
        .from(mediatorDocuments)
        .where(and(inArray(mediatorDocuments.mediatorId, ids), isNotNull(mediatorDocuments.expiresOn)))
    : [];
  const items: MediatorListItem[] = rows.map((m) => ({
    mediator: m,
    languages: langs.filter((l) => l.mediatorId === m.id),
    documents: documentState(
      m,
      docs.filter((d) => d.mediatorId === m.id && d.expiresOn).map((d) => d.expiresOn ?? ''),
      today,
      soon,
    ),
  }));
  return { ctx, items, total: total?.n ?? 0, page, pages, filters: { ...f, page } };
}

// ---------- coordinators: one mediator ----------

export type MediatorDetail = {
  ctx: PoolContext;
  mediator: MediatorRow;
  languages: LanguageRow[];
  weekly: WeeklyRow[];
  absences: AbsenceRow[];
  documents: DocumentMeta[];
  assignments: number;
  problems: FieldErrors;
  documentState: DocumentState;
  today: string;
};

async function loadDetail(db: Db, ctx: PoolContext, m: MediatorRow, now: Date): Promise<MediatorDetail> {
  const today = poolToday(ctx, now);
  const [languages, weekly, absenceRows, documents, [assigned]] = await Promise.all([
    languagesOf(db, m.id),
    weeklyOf(db, m.id),
    db.select().from(absences).where(and(eq(absences.mediatorId, m.id), gte(absences.toDate, today))).orderBy(asc(absences.fromDate)),
    documentsOf(db, m.id),
    db.select({ n: count() }).from(assignments).where(eq(assignments.mediatorId, m.id)),
  ]);
  const expiries = documents.map((d) => d.expiresOn).filter((d): d is string => Boolean(d));
  return {
    ctx,
    mediator: m,
    languages,
    weekly,
    absences: absenceRows,
    documents,
    assignments: assigned?.n ?? 0,
    problems: activationProblems(m, today),
    documentState: documentState(m, expiries, today, addDays(today, ctx.settings.documentReminderDays)),
    today,
  };
}

/** Everything about one mediator for the coordinators' page. */
export async function getMediatorDetail(db: Db, actor: Actor, input: { regionId: string; mediatorId: string }, now = new Date()): Promise<MediatorDetail> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  return loadDetail(db, ctx, m, now);
}

/** The languages a mediator's mails can be written in: the region's content languages. */
export function mailLanguages(ctx: PoolContext): string[] {
  return ctx.region.languages.length ? ctx.region.languages : ['de'];
}

/** The coordinator edits a mediator (all fields, weekly availability included) with a revision check. */
export async function updateMediator(db: Db, actor: Actor, input: { regionId: string; mediatorId: string; revision: number; values: FormValues; requestId?: string | null }, now = new Date()): Promise<MediatorRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  const d = parseCoordinatorForm(input.values, poolToday(ctx, now), mailLanguages(ctx), { consentRequired: false });
  return guarded(() =>
    db.transaction(async (tx) => {
      const coords = d.lat !== null && d.lon !== null ? { lat: d.lat, lon: d.lon } : d.postalCode === m.postalCode && m.lat !== null && m.lon !== null ? { lat: m.lat, lon: m.lon } : await coordinatesFor(tx, ctx.region.id, d.postalCode);
      const before = { ...auditView(m), languages: (await languagesOf(tx, m.id)).map((l) => `${l.language}:${l.dialect}:${l.level}`), weekly: (await weeklyOf(tx, m.id)).map((w) => `${w.weekday}:${w.startMinute}-${w.endMinute}`) };
      const row = await updateChecked(tx, m, input.revision, coordinatorColumns(d, coords));
      if (!coords) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'mediator', id: m.id });
      await replaceLanguages(tx, ctx.region.id, m.id, d.languages);
      await replaceWeekly(tx, m.id, d.weekly);
      await recordAudit(tx, actor, {
        regionId: ctx.region.id,
        action: 'sprachpool.mediator_update',
        entityType: 'sp_mediator',
        entityId: m.id,
        before,
        after: { ...auditView(row), languages: d.languages.map((l) => `${l.language}:${l.dialect}:${l.level}`), weekly: d.weekly.map((w) => `${w.weekday}:${w.startMinute}-${w.endMinute}`) },
        requestId: input.requestId ?? null,
      });
      return row;
    }),
  );
}

/** Invites the mediator's account (role `mediator`) in the caller's transaction. */
async function invite(tx: Db, actor: Actor, ctx: PoolContext, m: MediatorRow, baseUrl: string): Promise<void> {
  await sendRoleInvitation(tx, actor, { email: m.email, name: `${m.firstName} ${m.lastName}`.trim(), role: 'mediator', lang: m.language, baseUrl, region: { id: ctx.region.id, name: ctx.region.name } });
}

/**
 * The coordinator enters a mediator directly (active): the person agreed to the data processing, the documents are
 * valid; the account invitation goes out at once.
 */
export async function createMediator(db: Db, actor: Actor, input: { regionId: string; values: FormValues; baseUrl: string; requestId?: string | null }, now = new Date()): Promise<MediatorRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const today = poolToday(ctx, now);
  let d: ReturnType<typeof parseCoordinatorForm> | null = null;
  const errors: FieldErrors = {};
  try {
    d = parseCoordinatorForm(input.values, today, mailLanguages(ctx), { consentRequired: true });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    Object.assign(errors, err.fields);
  }
  if (d) {
    for (const [field, problem] of Object.entries(activationProblems(d, today))) errors[field] ??= problem;
    const [taken] = await db.select({ id: mediators.id }).from(mediators).where(and(eq(mediators.regionId, ctx.region.id), eq(mediators.email, d.email)));
    if (taken) errors.email = { key: 'sprachpool-mediators.error_email_taken_coordinator' };
  }
  if (Object.keys(errors).length || !d) throw new ValidationError(errors);
  const data = d;
  return guarded(() =>
    db.transaction(async (tx) => {
      const coords = data.lat !== null && data.lon !== null ? { lat: data.lat, lon: data.lon } : await coordinatesFor(tx, ctx.region.id, data.postalCode);
      const [m] = await tx
        .insert(mediators)
        .values({
          regionId: ctx.region.id,
          status: 'active',
          ...coordinatorColumns(data, coords),
          consentAt: now,
          approvedAt: now,
        })
        .returning();
      if (!m) throw new Error('mediator insert returned nothing');
      if (!coords) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'mediator', id: m.id });
      await replaceLanguages(tx, ctx.region.id, m.id, data.languages);
      await replaceWeekly(tx, m.id, data.weekly);
      await invite(tx, actor, ctx, m, input.baseUrl);
      await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.mediator_create', entityType: 'sp_mediator', entityId: m.id, before: null, after: auditView(m), requestId: input.requestId ?? null });
      return m;
    }),
  );
}

export const REVIEW_ACTIONS = ['activate', 'pause', 'retire', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
const FROM: Record<ReviewAction, readonly MediatorStatus[]> = {
  activate: ['applied', 'paused', 'retired'],
  pause: ['active'],
  retire: ['active', 'paused'],
  reject: ['applied'],
};
const TO: Record<ReviewAction, MediatorStatus> = { activate: 'active', pause: 'paused', retire: 'retired', reject: 'rejected' };

/** The status actions a coordinator may take on a mediator in this status. */
export function reviewActionsFor(status: MediatorStatus): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => FROM[a].includes(status));
}

/**
 * A status change by the coordinator. Activation needs a valid confidentiality declaration and police clearance
 * (else a ValidationError naming what is missing) and invites the account when none is linked yet; a rejection mails
 * the applicant (with the reason, if given).
 */
export async function reviewMediator(
  db: Db,
  actor: Actor,
  input: { regionId: string; mediatorId: string; revision: number; action: ReviewAction; reason?: string; baseUrl: string; requestId?: string | null },
  now = new Date(),
): Promise<MediatorRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  if (!FROM[input.action].includes(m.status)) throw new ConflictError('status_change_invalid', 'sprachpool-mediators.error_status_change');
  const reason = (input.reason ?? '').trim();
  if (reason.length > 2000) throw new ValidationError({ reason: { key: 'validation.too_long', params: { max: 2000 } } });
  if (input.action === 'activate') {
    const problems = activationProblems(m, poolToday(ctx, now));
    if (Object.keys(problems).length) throw new ValidationError(problems, 'documents_missing');
  }
  // A retired or rejected mediator holds no coming assignment: the coordinator cancels or re-offers them first.
  // Pausing keeps the coming assignments (the mediator only gets no new offers).
  if ((input.action === 'retire' || input.action === 'reject') && (await countUpcomingAssignments(db, ctx.region.id, m.id, now)) > 0) {
    throw new ConflictError('mediator_has_assignments', 'sprachpool-mediators.error_has_assignments');
  }
  return db.transaction(async (tx) => {
    const row = await updateChecked(tx, m, input.revision, { status: TO[input.action], ...(input.action === 'activate' && !m.approvedAt ? { approvedAt: now } : {}) });
    if (input.action !== 'activate') await withdrawOffersOfMediator(tx, actor, ctx, { mediatorId: m.id, baseUrl: input.baseUrl, now });
    if (input.action === 'activate' && !m.accountId) await invite(tx, actor, ctx, row, input.baseUrl);
    if (input.action === 'reject') await queueRejectionMail(tx, ctx, row, reason);
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: `sprachpool.mediator_${input.action}`,
      entityType: 'sp_mediator',
      entityId: m.id,
      before: { status: m.status },
      after: { status: row.status, ...(reason ? { reason } : {}) },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

// ---------- coordinators: documents ----------

/** Stores a document of a mediator (coordinators only): PDF, PNG or JPEG by its bytes, images without metadata. */
export async function uploadMediatorDocument(
  db: Db,
  actor: Actor,
  input: { regionId: string; mediatorId: string; kind: string; expiresOn: string; file: UploadedFile | null; requestId?: string | null },
): Promise<DocumentMeta> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  const errors: FieldErrors = {};
  const kind = (MEDIATOR_DOCUMENT_KINDS as readonly string[]).includes(input.kind) ? (input.kind as MediatorDocumentKind) : null;
  if (!kind) errors.kind = { key: input.kind ? 'validation.choose_valid' : 'sprachpool-mediators.error_choose' };
  let expiresOn: string | null = null;
  if (input.expiresOn.trim()) {
    expiresOn = readDate(input.expiresOn) ?? null;
    if (!expiresOn) errors.expiresOn = { key: 'sprachpool-mediators.error_date' };
  }
  let checked: Awaited<ReturnType<typeof checkDocument>> = null;
  if (!input.file || (!input.file.data.length && !input.file.truncated)) errors.file = { key: 'sprachpool-mediators.error_file_required' };
  else checked = await checkDocument({ ...input.file, field: 'file' }, errors);
  if (Object.keys(errors).length || !checked || !kind) throw new ValidationError(errors);
  const doc = checked;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediatorDocuments)
      .values({ regionId: ctx.region.id, mediatorId: m.id, kind, fileName: doc.fileName, contentType: doc.type.contentType, size: doc.data.length, data: doc.data, expiresOn, uploadedBy: actor.id })
      .returning(documentColumns);
    if (!row) throw new Error('document insert returned nothing');
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: 'sprachpool.mediator_document_upload',
      entityType: 'sp_document',
      entityId: row.id,
      before: null,
      after: { mediatorId: m.id, ...documentAudit({ ...row, sha256: createHash('sha256').update(doc.data).digest('hex') }) },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

/** A stored document with its bytes, for the coordinators' download. Mediators (even the owner) and the public get 403. */
export async function getMediatorDocument(db: Db, actor: Actor, input: { regionId: string; mediatorId: string; documentId: string }): Promise<DocumentRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  if (!UUID.test(input.documentId)) throw new NotFoundError('document_not_found');
  const [doc] = await db
    .select()
    .from(mediatorDocuments)
    .where(and(eq(mediatorDocuments.regionId, ctx.region.id), eq(mediatorDocuments.mediatorId, m.id), eq(mediatorDocuments.id, input.documentId)));
  if (!doc) throw new NotFoundError('document_not_found');
  // PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer.
  return { ...doc, data: Buffer.isBuffer(doc.data) ? doc.data : Buffer.from(doc.data) };
}

/** Deletes a document of a mediator (coordinators only). */
export async function deleteMediatorDocument(db: Db, actor: Actor, input: { regionId: string; mediatorId: string; documentId: string; requestId?: string | null }): Promise<DocumentMeta> {
  const doc = await getMediatorDocument(db, actor, input);
  return db.transaction(async (tx) => {
    await tx.delete(mediatorDocuments).where(eq(mediatorDocuments.id, doc.id));
    await recordAudit(tx, actor, { regionId: doc.regionId, action: 'sprachpool.mediator_document_delete', entityType: 'sp_document', entityId: doc.id, before: { mediatorId: doc.mediatorId, ...documentAudit(doc) }, after: null, requestId: input.requestId ?? null });
    const { data, ...meta } = doc;
    void data;
    return meta;
  });
}

// ---------- the mediator's own pages ----------

async function openOwn(db: Db, actor: Actor, regionId: string): Promise<{ ctx: PoolContext; mediator: MediatorRow }> {
  const ctx = await openPool(db, actor, regionId, 'pool.mediate');
  const mediator = await findMediatorForActor(db, actor, ctx.region.id);
  return { ctx, mediator };
}

export type OwnProfile = { ctx: PoolContext; mediator: MediatorRow; languages: LanguageRow[]; weekly: WeeklyRow[]; absences: AbsenceRow[]; today: string };

/** The signed-in mediator's profile, weekly availability and absences to come. */
export async function getOwnProfile(db: Db, actor: Actor, input: { regionId: string }, now = new Date()): Promise<OwnProfile> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  const today = poolToday(ctx, now);
  const [languages, weekly, absenceRows] = await Promise.all([
    languagesOf(db, mediator.id),
    weeklyOf(db, mediator.id),
    db.select().from(absences).where(and(eq(absences.mediatorId, mediator.id), gte(absences.toDate, today))).orderBy(asc(absences.fromDate)),
  ]);
  return { ctx, mediator, languages, weekly, absences: absenceRows, today };
}

/** The mediator edits their own phone, modes, area, travel distance, languages, German level and qualifications. */
export async function updateOwnProfile(db: Db, actor: Actor, input: { regionId: string; revision: number; values: FormValues; requestId?: string | null }, now = new Date()): Promise<MediatorRow> {
  const { ctx, mediator: m } = await openOwn(db, actor, input.regionId);
  const d = parseOwnProfile(input.values, poolToday(ctx, now));
  return db.transaction(async (tx) => {
    const coords = d.postalCode === m.postalCode && m.lat !== null && m.lon !== null ? { lat: m.lat, lon: m.lon } : await coordinatesFor(tx, ctx.region.id, d.postalCode);
    const languagesBefore = (await languagesOf(tx, m.id)).map((l) => `${l.language}:${l.dialect}:${l.level}`);
    const row = await updateChecked(tx, m, input.revision, workColumns(d, coords));
    if (!coords) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'mediator', id: m.id });
    await replaceLanguages(tx, ctx.region.id, m.id, d.languages);
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: 'sprachpool.mediator_profile',
      entityType: 'sp_mediator',
      entityId: m.id,
      before: { ...auditView(m), languages: languagesBefore },
      after: { ...auditView(row), languages: d.languages.map((l) => `${l.language}:${l.dialect}:${l.level}`) },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

/** Replaces the signed-in mediator's weekly pattern; overlapping entries on a day are refused at the row. */
export async function setAvailability(db: Db, actor: Actor, input: { regionId: string; values: FormValues; requestId?: string | null }): Promise<WeeklyRow[]> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  const weekly = parseWeekly(input.values);
  return guarded(() =>
    db.transaction(async (tx) => {
      const before = (await weeklyOf(tx, mediator.id)).map((w) => `${w.weekday}:${w.startMinute}-${w.endMinute}`);
      await replaceWeekly(tx, mediator.id, weekly);
      await recordAudit(tx, actor, {
        regionId: ctx.region.id,
        action: 'sprachpool.mediator_availability',
        entityType: 'sp_mediator',
        entityId: mediator.id,
        before: { weekly: before },
        after: { weekly: weekly.map((w) => `${w.weekday}:${w.startMinute}-${w.endMinute}`) },
        requestId: input.requestId ?? null,
      });
      return weeklyOf(tx, mediator.id);
    }),
  );
}

/** Adds an absence of the signed-in mediator: whole days from today on (region time), to not before from. */
export async function addAbsence(db: Db, actor: Actor, input: { regionId: string; values: FormValues; requestId?: string | null }, now = new Date()): Promise<AbsenceRow> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  const a = parseAbsence(input.values, poolToday(ctx, now));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(absences).values({ mediatorId: mediator.id, ...a }).returning();
    if (!row) throw new Error('absence insert returned nothing');
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.mediator_absence_add', entityType: 'sp_absence', entityId: row.id, before: null, after: { mediatorId: mediator.id, ...a }, requestId: input.requestId ?? null });
    return row;
  });
}

/** Deletes one of the signed-in mediator's absences (another mediator's id is 404). */
export async function deleteAbsence(db: Db, actor: Actor, input: { regionId: string; absenceId: string; requestId?: string | null }): Promise<AbsenceRow> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  if (!UUID.test(input.absenceId)) throw new NotFoundError('absence_not_found');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(absences)
      .where(and(eq(absences.id, input.absenceId), eq(absences.mediatorId, mediator.id)))
      .returning();
    if (!row) throw new NotFoundError('absence_not_found');
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.mediator_absence_delete', entityType: 'sp_absence', entityId: row.id, before: { mediatorId: mediator.id, fromDate: row.fromDate, toDate: row.toDate, note: row.note }, after: null, requestId: input.requestId ?? null });
    return row;
  });
}

/**
 * Everything stored about the signed-in mediator, as JSON-ready data: profile, languages, availability, absences,
 * documents (metadata, not the files), offers, assignments and timesheets (with the request's date and language).
 */
export async function exportOwnData(db: Db, actor: Actor, input: { regionId: string }, now = new Date()): Promise<{ fileName: string; data: Record<string, unknown> }> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  const requestInfo = { startLocal: requests.startLocal, durationMinutes: requests.durationMinutes, language: requests.language, dialect: requests.dialect, mode: requests.mode, setting: requests.setting };
  const [languages, weekly, absenceRows, documents, offerRows, assignmentRows, timesheetRows] = await Promise.all([
    languagesOf(db, mediator.id),
    weeklyOf(db, mediator.id),
    db.select().from(absences).where(eq(absences.mediatorId, mediator.id)).orderBy(asc(absences.fromDate)),
    documentsOf(db, mediator.id),
    db
      .select({ id: offers.id, status: offers.status, createdAt: offers.createdAt, expiresAt: offers.expiresAt, respondedAt: offers.respondedAt, declineReason: offers.declineReason, request: requestInfo })
      .from(offers)
      .innerJoin(requests, eq(requests.id, offers.requestId))
      .where(eq(offers.mediatorId, mediator.id))
      .orderBy(asc(offers.createdAt)),
    db
      .select({ id: assignments.id, status: assignments.status, startsAt: assignments.startsAt, endsAt: assignments.endsAt, cancelledAt: assignments.cancelledAt, createdAt: assignments.createdAt, request: requestInfo })
      .from(assignments)
      .innerJoin(requests, eq(requests.id, assignments.requestId))
      .where(eq(assignments.mediatorId, mediator.id))
      .orderBy(asc(assignments.startsAt)),
    db.select().from(timesheets).where(eq(timesheets.mediatorId, mediator.id)).orderBy(asc(timesheets.reportedAt)),
  ]);
  const { regionId, accountId, documentsRemindedFor, ...profile } = mediator;
  void regionId;
  void accountId;
  void documentsRemindedFor;
  const data = {
    exportedAt: now.toISOString(),
    region: ctx.region.name,
    profile,
    languages: languages.map((l) => ({ language: l.language, dialect: l.dialect, level: l.level })),
    weeklyAvailability: weekly.map((w) => ({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.endMinute })),
    absences: absenceRows.map((a) => ({ fromDate: a.fromDate, toDate: a.toDate, note: a.note, createdAt: a.createdAt })),
    documents: documents.map((d) => ({ kind: d.kind, fileName: d.fileName, contentType: d.contentType, size: d.size, expiresOn: d.expiresOn, createdAt: d.createdAt })),
    offers: offerRows,
    assignments: assignmentRows,
    timesheets: timesheetRows.map((s) => ({
      assignmentId: s.assignmentId,
      status: s.status,
      minutes: s.minutes,
      travelKm: s.travelKm,
      transportCents: s.transportCents,
      note: s.note,
      reportedAt: s.reportedAt,
      confirmedAt: s.confirmedAt,
      disputeReason: s.disputeReason,
      resolvedMinutes: s.resolvedMinutes,
      resolvedTravelKm: s.resolvedTravelKm,
      resolvedTransportCents: s.resolvedTransportCents,
      resolutionNote: s.resolutionNote,
      resolvedAt: s.resolvedAt,
    })),
  };
  return { fileName: `sprachpool-${poolToday(ctx, now)}.json`, data };
}

/** The mediator asks for their data to be deleted: recorded once, the coordinators get a mail. */
export async function requestDeletion(db: Db, actor: Actor, input: { regionId: string; baseUrl: string; confirmed: boolean; requestId?: string | null }, now = new Date()): Promise<{ already: boolean }> {
  const { ctx, mediator } = await openOwn(db, actor, input.regionId);
  if (mediator.deletionRequestedAt) return { already: true };
  // Without JavaScript there is no "are you sure?" dialog: the form has a checkbox that must be ticked.
  if (!input.confirmed) throw new ValidationError({ confirmed: { key: 'sprachpool-mediators.error_delete_request_confirm' } });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(mediators)
      .set({ deletionRequestedAt: now, updatedAt: now, revision: sql`${mediators.revision} + 1` })
      .where(and(eq(mediators.id, mediator.id), sql`${mediators.deletionRequestedAt} IS NULL`))
      .returning();
    if (!row) return { already: true };
    await queueDeletionRequestNotice(tx, ctx, row, input.baseUrl);
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.mediator_deletion_request', entityType: 'sp_mediator', entityId: row.id, before: { deletionRequestedAt: null }, after: { deletionRequestedAt: now }, requestId: input.requestId ?? null });
    return { already: false };
  });
}

/**
 * "Delete now" (coordinators): deletes the person's data. With assignments (the billing history needs them) the
 * mediator is anonymised — names "gelöscht", contact and area cleared, documents, availability and absences deleted,
 * status retired, the portal role taken away; without, the row goes with everything attached. Active and paused
 * mediators can only be deleted after they asked for it (retire them first otherwise).
 */
export async function deleteMediatorData(db: Db, actor: Actor, input: { regionId: string; mediatorId: string; requestId?: string | null }, now = new Date()): Promise<'anonymised' | 'deleted'> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const m = await findMediatorOrThrow(db, ctx.region.id, input.mediatorId);
  if (!m.deletionRequestedAt && (m.status === 'active' || m.status === 'paused')) throw new ConflictError('mediator_active', 'sprachpool-mediators.error_delete_active');
  return db.transaction(async (tx) => {
    const [assigned] = await tx.select({ n: count() }).from(assignments).where(eq(assignments.mediatorId, m.id));
    if (m.accountId) await tx.delete(memberships).where(and(eq(memberships.accountId, m.accountId), eq(memberships.regionId, ctx.region.id), eq(memberships.role, 'mediator')));
    const audit = { regionId: ctx.region.id, entityType: 'sp_mediator', entityId: m.id, requestId: input.requestId ?? null };
    if ((assigned?.n ?? 0) === 0) {
      await tx.delete(mediators).where(eq(mediators.id, m.id));
      await recordAudit(tx, actor, { ...audit, action: 'sprachpool.mediator_delete', before: { status: m.status }, after: { deleted: true } });
      return 'deleted';
    }
    await tx.delete(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, m.id));
    await tx.delete(availability).where(eq(availability.mediatorId, m.id));
    await tx.delete(absences).where(eq(absences.mediatorId, m.id));
    await tx
      .update(mediators)
      .set({
        status: 'retired',
        accountId: null,
        firstName: DELETED_NAME,
        lastName: DELETED_NAME,
        // Unique per pool and not an address: nothing can be sent to it.
        email: `deleted-${m.id}`,
        phone: '',
        gender: 'unspecified',
        postalCode: '',
        city: '',
        lat: null,
        lon: null,
        qualifications: [],
        confidentialitySignedOn: null,
        confidentialityExpiresOn: null,
        policeClearanceIssuedOn: null,
        policeClearanceExpiresOn: null,
        motivation: '',
        coordinatorNotes: '',
        documentsRemindedFor: null,
        updatedAt: now,
        revision: m.revision + 1,
      })
      .where(eq(mediators.id, m.id));
    await recordAudit(tx, actor, { ...audit, action: 'sprachpool.mediator_anonymise', before: { status: m.status }, after: { status: 'retired', anonymised: true } });
    return 'anonymised';
  });
}

// ---------- summary for the overview ----------

/** Counts for the lead's overview page: applications, active and paused mediators, papers running out, deletion requests. */
export async function countMediators(
  db: Db,
  regionId: string,
  now = new Date(),
): Promise<{ applied: number; active: number; paused: number; expiringDocuments: number; deletionRequests: number }> {
  const [region] = await db.select({ settings: regions.settings, timezone: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new NotFoundError('region_not_found');
  const today = utcToZonedLocal(now, region.timezone).slice(0, 10);
  const soon = addDays(today, poolSettings(region.settings).documentReminderDays);
  const [byStatus, [deletion], [expiring]] = await Promise.all([
    db.select({ status: mediators.status, n: count() }).from(mediators).where(eq(mediators.regionId, regionId)).groupBy(mediators.status),
    db.select({ n: count() }).from(mediators).where(and(eq(mediators.regionId, regionId), isNotNull(mediators.deletionRequestedAt))),
    db
      .select({ n: count() })
      .from(mediators)
      .where(and(eq(mediators.regionId, regionId), inArray(mediators.status, ['active', 'paused']), documentsEnding({ before: addDays(soon, 1) }))),
  ]);
  const n = (s: MediatorStatus) => byStatus.find((r) => r.status === s)?.n ?? 0;
  return { applied: n('applied'), active: n('active'), paused: n('paused'), expiringDocuments: expiring?.n ?? 0, deletionRequests: deletion?.n ?? 0 };
}
