// Helpers for the hours, billing, statistics and retention tests (not loaded by the app): a pool with a coordinator,
// a mediator and an institution contact who can sign in, and assignments inserted directly.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { regions } from '../../platform/schema.js';
import { buildRegion, signedIn, type RegionRow } from '../../../test/fixtures.js';
import type { Browser, TestApp } from '../../../test/helpers.js';
import { assignments, timesheets, type AssignmentStatus, type requests } from './schema.js';
import { buildAgency, buildMediator, buildRequest, type AgencyContactRow, type AgencyRow, type MediatorRow, type RequestRow } from './test-support.js';

export type Person = { browser: Browser; actor: Actor };
export type PoolWorld = {
  region: RegionRow;
  coordinator: Person;
  mediator: Person & { row: MediatorRow };
  agency: Person & { row: AgencyRow; contact: AgencyContactRow };
};

/** A county (Europe/Berlin) with a pool coordinator, a mediator and an approved institution, each with an account. */
export async function buildPoolWorld(t: Pick<TestApp, 'app' | 'db'>, opts: { sprachpool?: Record<string, unknown> } = {}): Promise<PoolWorld> {
  const region = await buildRegion(t.db, { timezone: 'Europe/Berlin', settings: opts.sprachpool ? { sprachpool: opts.sprachpool } : {} });
  const coordinator = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'pool_coordinator' }] });
  const mediatorPerson = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'mediator' }] });
  const mediator = await buildMediator(t.db, region.id, { accountId: mediatorPerson.account.id, email: mediatorPerson.account.email, lastName: 'Haddad' });
  const agencyPerson = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: region.id, role: 'agency' }] });
  const agency = await buildAgency(t.db, region.id, { contactAccountId: agencyPerson.account.id, contactEmail: agencyPerson.account.email });
  return {
    region,
    coordinator,
    mediator: { ...mediatorPerson, row: mediator },
    agency: { ...agencyPerson, row: agency.agency, contact: agency.contact },
  };
}

/** Sets a region's Sprachpool settings (rates etc.). */
export async function setPoolSettings(db: Db, regionId: string, sprachpool: Record<string, unknown>): Promise<void> {
  await db.update(regions).set({ settings: { sprachpool } }).where(eq(regions.id, regionId));
}

/**
 * A request of the institution with an assignment of the mediator (request `assigned`, assignment `active` unless
 * given). `startLocal` is Berlin wall-clock time.
 */
export async function buildAssignment(
  db: Db,
  world: Pick<PoolWorld, 'region'> & { mediatorId: string; agencyId: string; contactId?: string | null },
  opts: { startLocal: string; durationMinutes?: number; status?: AssignmentStatus; request?: Partial<typeof requests.$inferInsert> } = { startLocal: '' },
): Promise<{ request: RequestRow; assignment: typeof assignments.$inferSelect }> {
  const status = opts.status ?? 'active';
  const requestStatus = status === 'active' ? 'assigned' : status === 'cancelled' ? 'cancelled' : status;
  const request = await buildRequest(db, world.region.id, world.agencyId, {
    startLocal: opts.startLocal,
    durationMinutes: opts.durationMinutes ?? 90,
    status: requestStatus,
    contactId: world.contactId ?? null,
    assignedAt: new Date(),
    ...opts.request,
  });
  const [assignment] = await db
    .insert(assignments)
    .values({ regionId: world.region.id, requestId: request.id, mediatorId: world.mediatorId, status, startsAt: request.startsAt, endsAt: request.endsAt, cancelledAt: status === 'cancelled' ? new Date() : null })
    .returning();
  if (!assignment) throw new Error('assignment insert failed');
  return { request, assignment };
}

/** A timesheet inserted directly (for billing and statistics tests). */
export async function buildTimesheet(
  db: Db,
  regionId: string,
  assignment: { id: string; mediatorId: string },
  values: Partial<typeof timesheets.$inferInsert> & { minutes: number },
): Promise<typeof timesheets.$inferSelect> {
  const [row] = await db.insert(timesheets).values({ regionId, assignmentId: assignment.id, mediatorId: assignment.mediatorId, ...values }).returning();
  if (!row) throw new Error('timesheet insert failed');
  return row;
}

/** A local date-time "YYYY-MM-DDTHH:MM" `days` from now (past when negative), at `time`. */
export function localAt(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}
