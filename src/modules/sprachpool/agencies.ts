/**
 * Institutions (agencies) that book mediators: the public registration with contact people (pending), and the
 * coordinators' work on them — edit with a revision check, approve (every contact person is invited to an account
 * with role `agency`), reject with a reason, suspend and reinstate, add and remove contact people. Only approved
 * institutions request (context.ts `findAgencyContactForActor`).
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import { sendRoleInvitation } from '../auth/index.js';
import { queueAgencyDecisionMail, queueAgencyRegistrationMails, type AgencyDecision } from './agency-mails.js';
import { openPool, UUID, type AgencyContactRow, type AgencyRow, type PoolContext } from './context.js';
import { AGENCY_KINDS, AGENCY_STATUSES, agencies, agencyContacts, requests, type AgencyStatus } from './schema.js';
import { queueGeocoding } from './geocoding.js';

/** Contact rows a registration may carry. */
export const MAX_CONTACTS = 10;
export const AGENCY_PAGE_SIZE = 30;
export const REASON_MAX = 1000;

const text = (max: number) => z.string().trim().max(max).default('');
const email = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(200)
  .refine((s) => z.email().safeParse(s).success, { message: 'validation.email' })
  .transform((s) => s.toLowerCase());

/** The institution's own data (registration and the coordinator's edit). */
export const agencyInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').min(2).max(200),
  kind: z.enum(AGENCY_KINDS, { message: 'validation.choose_valid' }),
  street: z.string().trim().min(1, 'validation.required').max(200),
  postalCode: z.string().trim().regex(/^\d{5}$/),
  city: z.string().trim().min(1, 'validation.required').max(100),
  email,
  phone: text(50),
  billingReference: text(500),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;

export const contactInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').min(2).max(200),
  email,
  phone: text(50),
  position: text(100),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export type RegistrationInput = AgencyInput & { contacts: Partial<ContactInput>[]; consent: boolean };

/** zod's messages for the institution's fields; the postcode's says what it must look like. */
function agencyFieldErrors(error: z.ZodError): FieldErrors {
  const errors = zodFieldErrors(error);
  if (errors.postalCode?.key === 'validation.format') errors.postalCode = { key: 'sprachpool-agencies.error_postal_code' };
  return errors;
}

/** Prefixes zod's field errors (`contacts.2.email`). */
function prefixed(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
}

const blank = (c: Partial<ContactInput>) => !`${c.name ?? ''}${c.email ?? ''}${c.phone ?? ''}${c.position ?? ''}`.trim();

/**
 * The contact rows of a form: empty rows are left out (the form shows a few spare ones); errors carry the row's index
 * as shown (`contacts.1.email`), so they stand at the right row.
 */
export function parseContacts(rows: Partial<ContactInput>[], existing: string[] = []): { contacts: z.infer<typeof contactInputSchema>[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const contacts: z.infer<typeof contactInputSchema>[] = [];
  const seen = new Set(existing.map((e) => e.toLowerCase()));
  rows.slice(0, MAX_CONTACTS).forEach((row, i) => {
    if (blank(row)) return;
    const parsed = contactInputSchema.safeParse(row);
    if (!parsed.success) {
      Object.assign(errors, prefixed(zodFieldErrors(parsed.error), `contacts.${i}.`));
      return;
    }
    if (seen.has(parsed.data.email)) {
      errors[`contacts.${i}.email`] = { key: 'sprachpool-agencies.error_contact_duplicate' };
      return;
    }
    seen.add(parsed.data.email);
    contacts.push(parsed.data);
  });
  if (!contacts.length && !Object.keys(errors).length) errors['contacts.0.name'] = { key: 'sprachpool-agencies.error_contact_required' };
  return { contacts, errors };
}

const auditable = (a: AgencyRow) => ({
  status: a.status,
  name: a.name,
  kind: a.kind,
  street: a.street,
  postalCode: a.postalCode,
  city: a.city,
  email: a.email,
  phone: a.phone,
  billingReference: a.billingReference,
  coordinatorNotes: a.coordinatorNotes,
});

// ---------- public registration ----------

/**
 * Registers an institution with its contact people (status `pending`): receipt to the institution, notice to the
 * coordinators. An institution address already registered (pending or approved) is refused with a clear message.
 */
export async function registerAgency(
  db: Db,
  input: { regionId: string; input: RegistrationInput; lang: string; baseUrl: string; requestId?: string },
  now = new Date(),
): Promise<AgencyRow> {
  const ctx = await openPool(db, null, input.regionId, null);
  const parsed = agencyInputSchema.safeParse(input.input);
  const errors: FieldErrors = parsed.success ? {} : agencyFieldErrors(parsed.error);
  const { contacts, errors: contactErrors } = parseContacts(input.input.contacts);
  Object.assign(errors, contactErrors);
  if (!input.input.consent) errors.consent = { key: 'sprachpool-agencies.error_consent' };
  if (parsed.success && !errors.email) {
    const [taken] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.regionId, ctx.region.id), eq(agencies.email, parsed.data.email), inArray(agencies.status, ['pending', 'approved', 'suspended'])));
    if (taken) errors.email = { key: 'sprachpool-agencies.error_already_registered' };
  }
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const [agency] = await tx
      .insert(agencies)
      .values({ ...parsed.data, regionId: ctx.region.id, status: 'pending', createdAt: now, updatedAt: now })
      .returning();
    if (!agency) throw new Error('agency insert returned nothing');
    await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'agency', id: agency.id });
    const rows = await tx
      .insert(agencyContacts)
      .values(contacts.map((c) => ({ ...c, agencyId: agency.id })))
      .returning();
    await recordAudit(tx, { system: 'public-registration' }, {
      regionId: ctx.region.id,
      action: 'sprachpool.agency_register',
      entityType: 'sp_agency',
      entityId: agency.id,
      before: null,
      after: { ...auditable(agency), contacts: rows.map((c) => c.email) },
      requestId: input.requestId ?? null,
    });
    await queueAgencyRegistrationMails(tx, ctx, { agency, contacts: rows, lang: input.lang, baseUrl: input.baseUrl });
    return agency;
  });
}

// ---------- coordinators ----------

export type AgencyListItem = AgencyRow & { contactCount: number; requestCount: number; openRequestCount: number };

/** The pool's institutions, filtered by status, paged; with counts per status. */
export async function listAgencies(
  db: Db,
  actor: Actor,
  input: { regionId: string; status?: AgencyStatus | undefined; page?: number },
): Promise<{ ctx: PoolContext; items: AgencyListItem[]; counts: Record<AgencyStatus, number>; page: number; pages: number; total: number }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const rid = ctx.region.id;
  const where = input.status ? and(eq(agencies.regionId, rid), eq(agencies.status, input.status)) : eq(agencies.regionId, rid);
  const byStatus = await db.select({ status: agencies.status, n: count() }).from(agencies).where(eq(agencies.regionId, rid)).groupBy(agencies.status);
  const counts = Object.fromEntries(AGENCY_STATUSES.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0])) as Record<AgencyStatus, number>;
  const total = input.status ? counts[input.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / AGENCY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pages);
  const contactCount = db.$with('cc').as(db.select({ agencyId: agencyContacts.agencyId, n: sql<number>`count(*)::int`.as('n') }).from(agencyContacts).groupBy(agencyContacts.agencyId));
  const requestCount = db.$with('rc').as(
    db
      .select({
        agencyId: requests.agencyId,
        total: sql<number>`count(*)::int`.as('total'),
        open: sql<number>`(count(*) FILTER (WHERE ${requests.status} IN ('requested', 'approved', 'offered', 'assigned')))::int`.as('open'),
      })
      .from(requests)
      .where(eq(requests.regionId, rid))
      .groupBy(requests.agencyId),
  );
  const rows = await db
    .with(contactCount, requestCount)
    .select({ agency: agencies, contacts: contactCount.n, total: requestCount.total, open: requestCount.open })
    .from(agencies)
    .leftJoin(contactCount, eq(contactCount.agencyId, agencies.id))
    .leftJoin(requestCount, eq(requestCount.agencyId, agencies.id))
    .where(where)
    // Waiting institutions first, then by name.
    .orderBy(sql`CASE ${agencies.status} WHEN 'pending' THEN 0 WHEN 'approved' THEN 1 WHEN 'suspended' THEN 2 ELSE 3 END`, asc(agencies.name))
    .limit(AGENCY_PAGE_SIZE)
    .offset((page - 1) * AGENCY_PAGE_SIZE);
  const items = rows.map((r) => ({ ...r.agency, contactCount: r.contacts ?? 0, requestCount: r.total ?? 0, openRequestCount: r.open ?? 0 }));
  return { ctx, items, counts, page, pages, total };
}

async function loadAgency(db: Db, ctx: PoolContext, agencyId: string, lock = false): Promise<AgencyRow> {
  if (!UUID.test(agencyId)) throw new NotFoundError('agency_not_found');
  const q = db.select().from(agencies).where(and(eq(agencies.id, agencyId), eq(agencies.regionId, ctx.region.id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('agency_not_found');
  return row;
}

const contactsOf = (db: Db, agencyId: string) => db.select().from(agencyContacts).where(eq(agencyContacts.agencyId, agencyId)).orderBy(asc(agencyContacts.createdAt), asc(agencyContacts.name));

export type AgencyDetail = {
  ctx: PoolContext;
  agency: AgencyRow;
  contacts: AgencyContactRow[];
  requestCounts: { total: number; open: number; done: number; cancelled: number };
  recentRequests: (typeof requests.$inferSelect)[];
};

/** One institution with its contacts and its requests in numbers. */
export async function getAgency(db: Db, actor: Actor, input: { regionId: string; agencyId: string }): Promise<AgencyDetail> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const agency = await loadAgency(db, ctx, input.agencyId);
  const [contacts, [counts], recentRequests] = await Promise.all([
    contactsOf(db, agency.id),
    db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) FILTER (WHERE ${requests.status} IN ('requested', 'approved', 'offered', 'assigned')))::int`,
        done: sql<number>`(count(*) FILTER (WHERE ${requests.status} = 'done'))::int`,
        cancelled: sql<number>`(count(*) FILTER (WHERE ${requests.status} = 'cancelled'))::int`,
      })
      .from(requests)
      .where(and(eq(requests.regionId, ctx.region.id), eq(requests.agencyId, agency.id))),
    db
      .select()
      .from(requests)
      .where(and(eq(requests.regionId, ctx.region.id), eq(requests.agencyId, agency.id)))
      .orderBy(desc(requests.startsAt))
      .limit(10),
  ]);
  return { ctx, agency, contacts, requestCounts: counts ?? { total: 0, open: 0, done: 0, cancelled: 0 }, recentRequests };
}

function assertRevision(agency: AgencyRow, revision: number): void {
  if (agency.revision !== revision) throw new ConflictError('revision_conflict', 'sprachpool-agencies.error_revision', agency);
}

/** The coordinator edits the institution's data and notes; a stale revision is a 409 with the stored version. */
export async function updateAgency(
  db: Db,
  actor: Actor,
  input: { regionId: string; agencyId: string; revision: number; input: AgencyInput & { coordinatorNotes?: string } },
): Promise<AgencyRow> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const parsed = agencyInputSchema.extend({ coordinatorNotes: text(4000) }).safeParse(input.input);
  if (!parsed.success) {
    await loadAgency(db, ctx, input.agencyId);
    throw new ValidationError(agencyFieldErrors(parsed.error));
  }
  return db.transaction(async (tx) => {
    const before = await loadAgency(tx, ctx, input.agencyId, true);
    assertRevision(before, input.revision);
    // A new address loses the old coordinates and is geocoded again.
    const moved = parsed.data.street !== before.street || parsed.data.postalCode !== before.postalCode || parsed.data.city !== before.city;
    const [after] = await tx
      .update(agencies)
      .set({ ...parsed.data, ...(moved ? { lat: null, lon: null } : {}), revision: before.revision + 1, updatedAt: new Date() })
      .where(eq(agencies.id, before.id))
      .returning();
    if (!after) throw new NotFoundError('agency_not_found');
    if (moved) await queueGeocoding(tx, { regionId: ctx.region.id, kind: 'agency', id: after.id });
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.agency_update', entityType: 'sp_agency', entityId: after.id, before: auditable(before), after: auditable(after) });
    return after;
  });
}

/** Which status a decision may start from, and where it leads. */
const TRANSITIONS: Record<AgencyDecision, { from: AgencyStatus[]; to: AgencyStatus }> = {
  approved: { from: ['pending', 'rejected'], to: 'approved' },
  rejected: { from: ['pending'], to: 'rejected' },
  suspended: { from: ['approved'], to: 'suspended' },
  reinstated: { from: ['suspended'], to: 'approved' },
};

/**
 * A coordinator's decision about an institution. Approving invites every contact person without an account link to
 * an account with role `agency`; every decision is mailed to the institution and audited. Rejecting needs a reason.
 */
export async function decideAgency(
  db: Db,
  actor: Actor,
  input: { regionId: string; agencyId: string; revision: number; decision: AgencyDecision; reason?: string; baseUrl: string },
): Promise<{ agency: AgencyRow; invited: number }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const reason = (input.reason ?? '').trim();
  if (input.decision === 'rejected' && !reason) {
    await loadAgency(db, ctx, input.agencyId);
    throw new ValidationError({ reason: { key: 'sprachpool-agencies.error_reason_required' } });
  }
  if (reason.length > REASON_MAX) throw new ValidationError({ reason: { key: 'validation.too_long', params: { max: REASON_MAX } } });
  const rule = TRANSITIONS[input.decision];
  return db.transaction(async (tx) => {
    const before = await loadAgency(tx, ctx, input.agencyId, true);
    assertRevision(before, input.revision);
    if (!rule.from.includes(before.status)) throw new ConflictError('agency_status', 'sprachpool-agencies.error_status', before);
    const now = new Date();
    const [agency] = await tx
      .update(agencies)
      .set({ status: rule.to, revision: before.revision + 1, updatedAt: now, ...(input.decision === 'approved' ? { approvedAt: now } : {}) })
      .where(eq(agencies.id, before.id))
      .returning();
    if (!agency) throw new NotFoundError('agency_not_found');
    let invited = 0;
    if (input.decision === 'approved') {
      for (const c of await contactsOf(tx, agency.id)) {
        if (c.accountId) continue;
        await sendRoleInvitation(tx, actor, { email: c.email, name: c.name, role: 'agency', lang: ctx.region.sourceLanguage, baseUrl: input.baseUrl, region: { id: ctx.region.id, name: ctx.region.name } });
        invited += 1;
      }
    }
    await recordAudit(tx, actor, {
      regionId: ctx.region.id,
      action: `sprachpool.agency_${input.decision === 'reinstated' ? 'reinstate' : input.decision === 'approved' ? 'approve' : input.decision === 'rejected' ? 'reject' : 'suspend'}`,
      entityType: 'sp_agency',
      entityId: agency.id,
      before: { status: before.status },
      after: { status: agency.status, ...(reason ? { reason } : {}), ...(invited ? { invited } : {}) },
    });
    await queueAgencyDecisionMail(tx, ctx, { agency, decision: input.decision, reason, baseUrl: input.baseUrl });
    return { agency, invited };
  });
}

/** Adds a contact person; one of an approved institution is invited right away. */
export async function addAgencyContact(
  db: Db,
  actor: Actor,
  input: { regionId: string; agencyId: string; input: ContactInput; baseUrl: string },
): Promise<{ contact: AgencyContactRow; invited: boolean }> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const agency = await loadAgency(db, ctx, input.agencyId);
  const existing = await contactsOf(db, agency.id);
  const parsed = contactInputSchema.safeParse(input.input);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  if (existing.some((c) => c.email === parsed.data.email)) throw new ValidationError({ email: { key: 'sprachpool-agencies.error_contact_duplicate' } });
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(agencyContacts)
      .values({ ...parsed.data, agencyId: agency.id })
      .returning();
    if (!contact) throw new Error('contact insert returned nothing');
    const invited = agency.status === 'approved';
    if (invited) {
      await sendRoleInvitation(tx, actor, { email: contact.email, name: contact.name, role: 'agency', lang: ctx.region.sourceLanguage, baseUrl: input.baseUrl, region: { id: ctx.region.id, name: ctx.region.name } });
    }
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.agency_contact_add', entityType: 'sp_agency_contact', entityId: contact.id, before: null, after: { agencyId: agency.id, name: contact.name, email: contact.email, invited } });
    return { contact, invited };
  });
}

/**
 * Removes a contact person (they no longer act for the institution; their account keeps no access to it). The last
 * contact of an institution stays: someone has to be reachable.
 */
export async function removeAgencyContact(db: Db, actor: Actor, input: { regionId: string; agencyId: string; contactId: string }): Promise<void> {
  const ctx = await openPool(db, actor, input.regionId, 'pool.manage');
  const agency = await loadAgency(db, ctx, input.agencyId);
  if (!UUID.test(input.contactId)) throw new NotFoundError('contact_not_found');
  await db.transaction(async (tx) => {
    const contacts = await tx.select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id)).for('update');
    const contact = contacts.find((c) => c.id === input.contactId);
    if (!contact) throw new NotFoundError('contact_not_found');
    if (contacts.length <= 1) throw new ConflictError('last_contact', 'sprachpool-agencies.error_last_contact');
    await tx.delete(agencyContacts).where(eq(agencyContacts.id, contact.id));
    await recordAudit(tx, actor, { regionId: ctx.region.id, action: 'sprachpool.agency_contact_remove', entityType: 'sp_agency_contact', entityId: contact.id, before: { agencyId: agency.id, name: contact.name, email: contact.email }, after: null });
  });
}

/** Institutions of the region waiting for approval and approved — the lead's overview. */
export async function countAgencies(db: Db, regionId: string): Promise<{ pending: number; approved: number }> {
  const rows = await db
    .select({ status: agencies.status, n: count() })
    .from(agencies)
    .where(and(eq(agencies.regionId, regionId), inArray(agencies.status, ['pending', 'approved'])))
    .groupBy(agencies.status);
  return { pending: rows.find((r) => r.status === 'pending')?.n ?? 0, approved: rows.find((r) => r.status === 'approved')?.n ?? 0 };
}
