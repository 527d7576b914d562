import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { agencies, assignments, mediatorLanguages, mediators, offers, REQUEST_STATUSES, requests, TIMESHEET_STATUSES, timesheets } from '../modules/sprachpool/schema.js';
import { accounts, memberships, regions } from '../platform/schema.js';
import { DEMO_ACCOUNTS, seedDemo } from './demo.js';

describe('seeded demo pool (issue 7 §8)', () => {
  let database: Database & { drop(): Promise<void> };
  let regionId: string;
  const now = new Date();

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    const [county] = await database.db.select().from(regions).where(eq(regions.slug, 'landkreis-beispiel'));
    assert.ok(county);
    regionId = county.id;
  });
  after(async () => database.drop());

  it('has at least 30 active mediators over at least 20 languages, with the languages the issue names', async () => {
    const db = database.db;
    const active = await db.select({ id: mediators.id }).from(mediators).where(and(eq(mediators.regionId, regionId), eq(mediators.status, 'active')));
    assert.ok(active.length >= 30, `${active.length} active mediators`);
    const langs = await db.selectDistinct({ language: mediatorLanguages.language, dialect: mediatorLanguages.dialect }).from(mediatorLanguages).where(eq(mediatorLanguages.regionId, regionId));
    const codes = new Set(langs.map((l) => l.language));
    assert.ok(codes.size >= 20, `${codes.size} languages`);
    for (const c of ['ar', 'prs', 'fa', 'ps', 'kmr', 'ckb', 'ti', 'uk', 'ru', 'tr', 'so']) assert.ok(codes.has(c), c);
    const arabicDialects = new Set(langs.filter((l) => l.language === 'ar' && l.dialect).map((l) => l.dialect));
    assert.ok(arabicDialects.size >= 3, 'several Arabic dialects');
  });

  it('has 8 institutions and requests in every state, flagged ones, open offers and every timesheet state', async () => {
    const db = database.db;
    const inst = await db.select().from(agencies).where(eq(agencies.regionId, regionId));
    assert.equal(inst.length, 8);
    assert.ok(inst.some((a) => a.status === 'pending'), 'one institution waits for approval');
    const rows = await db.select({ status: requests.status, flags: requests.flags, startsAt: requests.startsAt }).from(requests).where(eq(requests.regionId, regionId));
    for (const s of REQUEST_STATUSES) assert.ok(rows.some((r) => r.status === s), `a request in state ${s}`);
    assert.ok(rows.some((r) => r.flags.includes('no_speaker')));
    assert.ok(rows.some((r) => r.flags.includes('personal_data_warning')));
    assert.ok(rows.some((r) => r.status === 'requested' && r.startsAt > now), 'a coming request to approve');
    const open = await db.select().from(offers).where(and(eq(offers.regionId, regionId), eq(offers.status, 'open'), gt(offers.expiresAt, now)));
    assert.ok(open.length >= 2, 'open offers');
    const sheets = await db.select({ status: timesheets.status }).from(timesheets).where(eq(timesheets.regionId, regionId));
    for (const s of TIMESHEET_STATUSES) assert.ok(sheets.some((r) => r.status === s), `a timesheet ${s}`);
    const assigned = await db.select().from(requests).where(and(eq(requests.regionId, regionId), inArray(requests.status, ['assigned', 'done'])));
    const withAssignment = await db.select({ requestId: assignments.requestId }).from(assignments).where(eq(assignments.regionId, regionId));
    const ids = new Set(withAssignment.map((a) => a.requestId));
    assert.ok(assigned.every((r) => ids.has(r.id)), 'every assigned or done request has its assignment');
  });

  it('links the demo mediator and institution logins to their records', async () => {
    const db = database.db;
    for (const a of DEMO_ACCOUNTS) {
      const [row] = await db.select().from(accounts).where(eq(accounts.email, a.email));
      assert.ok(row, a.email);
      const [m] = await db.select().from(memberships).where(and(eq(memberships.accountId, row.id), eq(memberships.regionId, regionId)));
      assert.equal(m?.role, a.role);
    }
    const [dilan] = await db.select().from(mediators).where(eq(mediators.email, 'dilan.aydin@beispiel.example'));
    assert.ok(dilan?.accountId, 'Dilan can sign in to her portal');
  });
});
