// Test helpers of the request lifecycle tests (not loaded by the app): a pool with a coordinator, an institution
// with a signed-in contact, mediators with accounts, and the mails and calendars the lifecycle queued.
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { mails, type RegionRole } from '../../platform/schema.js';
import { buildAgency, buildMediator, buildRequest, type MediatorOverrides } from './test-support.js';
import type { AgencyContactRow, AgencyRow, MediatorRow } from './context.js';

export const BASE = 'https://wegweiser.test';
export type MailRow = typeof mails.$inferSelect;

/** An account with one role on the region, as the actor services take. */
export async function actorWith(db: Db, regionId: string, role: RegionRole, opts: { email?: string; uiLanguage?: string } = {}): Promise<Actor> {
  const account = await buildAccount(db, { roles: [{ regionId, role }], ...(opts.email ? { email: opts.email } : {}), uiLanguage: opts.uiLanguage ?? 'de' });
  return { id: account.id, email: account.email, name: account.name, isAdmin: false, memberships: [{ regionId, role, languages: [] }] };
}

export type Pool = {
  region: RegionRow;
  coordinator: Actor;
  agency: AgencyRow;
  contact: AgencyContactRow;
  /** Signed in as the institution's contact (role `agency`). */
  agencyActor: Actor;
};

/** A region with a coordinator, an approved institution and its signed-in contact person. */
export async function buildPool(db: Db, regionOverrides: Parameters<typeof buildRegion>[1] = {}): Promise<Pool> {
  const region = await buildRegion(db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de', timezone: 'Europe/Berlin', ...regionOverrides });
  const coordinator = await actorWith(db, region.id, 'pool_coordinator');
  const agencyActor = await actorWith(db, region.id, 'agency');
  const { agency, contact } = await buildAgency(db, region.id, { contactAccountId: agencyActor.id, contactEmail: agencyActor.email });
  return { region, coordinator, agency, contact, agencyActor };
}

/** An active mediator with an account (role `mediator`, same e-mail), so the portal finds them. */
export async function buildMediatorWithAccount(db: Db, regionId: string, overrides: MediatorOverrides = {}): Promise<{ mediator: MediatorRow; actor: Actor }> {
  const mediator = await buildMediator(db, regionId, overrides);
  const actor = await actorWith(db, regionId, 'mediator', { email: mediator.email });
  return { mediator, actor };
}

/** A request of the pool's institution, made by its contact person. */
export async function buildPoolRequest(db: Db, pool: Pool, overrides: Parameters<typeof buildRequest>[3] = {}) {
  return buildRequest(db, pool.region.id, pool.agency.id, { contactId: pool.contact.id, joinInfo: '', onSiteContact: 'Frau Lehrerin, Raum 12', notes: 'Bitte am Haupteingang melden.', ...overrides });
}

export async function mailsTo(db: Db, to: string): Promise<MailRow[]> {
  return db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt));
}

/** The one calendar attached to a mail, parsed back with ical.js. */
export function calendarOf(mail: MailRow): { method: string; contentType: string; vevent: ICAL.Component; text: string } {
  assert.equal(mail.attachments.length, 1, `"${mail.subject}" has one attachment`);
  const [a] = mail.attachments;
  assert.ok(a);
  assert.match(a.filename, /\.ics$/);
  const text = Buffer.from(a.content, 'base64').toString('utf8');
  const cal = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.ok(vevent, 'the calendar has a VEVENT');
  return { method: String(cal.getFirstPropertyValue('method')), contentType: a.contentType, vevent, text };
}

/** The one-time link's token in an offer mail. */
export function tokenOf(mail: MailRow): string {
  const m = /\/sprachpool\/offers\/([A-Za-z0-9_-]+)\?answer=accept/.exec(mail.text);
  assert.ok(m?.[1], `"${mail.subject}" has an accept link`);
  return m[1];
}
