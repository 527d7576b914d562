import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion } from '../../../test/fixtures.js';
import { jobHandler } from '../../platform/jobs/jobs.js';
import { auditEvents } from '../../platform/schema.js';
import { buildAssignment, buildPoolWorld, buildTimesheet, localAt, setPoolSettings, type PoolWorld } from './billing-test-support.js';
import { anonymiseExpiredRequests, registerRetentionJob, RETENTION_JOB } from './retention.js';
import { assignments, offers, requests, timesheets } from './schema.js';
import { buildAgency, buildMediator, buildRequest } from './test-support.js';

const PERSONAL = {
  notes: 'Mutter von Ahmad, Klasse 3b',
  placeName: 'Grundschule Am Park, Raum 12',
  street: 'Parkweg 3',
  joinInfo: 'https://video.example/raum-42',
  onSiteContact: 'Frau Berger, 0170 555',
  lat: 52.1,
  lon: 10.2,
  cancelReason: 'Familie verreist',
  rejectReason: 'Doppelt',
};

describe('retention: requests reduced to anonymous statistics', () => {
  let t: TestApp;
  let w: PoolWorld;
  const now = new Date();

  before(async () => {
    t = await createTestApp();
    w = await buildPoolWorld(t);
    await setPoolSettings(t.db, w.region.id, { retentionDays: 30 });
  });
  after(() => t.close());

  const offerFor = async (requestId: string, mediatorId: string, declineReason: string | null) => {
    const [row] = await t.db
      .insert(offers)
      .values({ regionId: w.region.id, requestId, mediatorId, status: declineReason ? 'declined' : 'accepted', tokenHash: randomUUID(), expiresAt: new Date(), declineReason })
      .returning();
    assert.ok(row);
    return row;
  };

  it('empties personal details after the retention period, keeps what statistics and billing need, audits, and is idempotent', async () => {
    const who = { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id, contactId: w.agency.contact.id };
    // Ended 40 days ago (retention 30): due.
    const old = await buildAssignment(t.db, who, { startLocal: localAt(-40, '10:00'), status: 'done', request: { ...PERSONAL, dialect: 'levantine', topic: 'enrolment', createdBy: w.agency.actor.id } });
    const sheet = await buildTimesheet(t.db, w.region.id, old.assignment, { minutes: 80, travelKm: 14, note: 'Ahmad war krank', disputeReason: 'Zu lang', resolutionNote: 'Geklärt mit Frau Berger', status: 'resolved', resolvedMinutes: 70 });
    const other = await buildMediator(t.db, w.region.id);
    const declined = await offerFor(old.request.id, other.id, 'Bin an dem Tag bei meiner Tochter');
    // Ended 10 days ago: not yet.
    const recent = await buildRequest(t.db, w.region.id, w.agency.row.id, { startLocal: localAt(-10, '10:00'), status: 'cancelled', ...PERSONAL });
    // Another region keeps requests 365 days (default): not yet either.
    const otherRegion = await buildRegion(t.db);
    const otherAgency = await buildAgency(t.db, otherRegion.id);
    const elsewhere = await buildRequest(t.db, otherRegion.id, otherAgency.agency.id, { startLocal: localAt(-40, '10:00'), ...PERSONAL });

    const result = await anonymiseExpiredRequests(t.db, now);
    assert.deepEqual(result, { regions: 1, requests: 1, offers: 1, timesheets: 1 });

    const [r] = await t.db.select().from(requests).where(eq(requests.id, old.request.id));
    assert.ok(r?.anonymisedAt);
    assert.deepEqual(
      { notes: r.notes, placeName: r.placeName, street: r.street, joinInfo: r.joinInfo, onSiteContact: r.onSiteContact, lat: r.lat, lon: r.lon, contactId: r.contactId, createdBy: r.createdBy, cancelReason: r.cancelReason, rejectReason: r.rejectReason },
      { notes: '', placeName: '', street: '', joinInfo: '', onSiteContact: '', lat: null, lon: null, contactId: null, createdBy: null, cancelReason: null, rejectReason: null },
    );
    // Kept: what the statistics and the billing history need.
    assert.deepEqual(
      { language: r.language, dialect: r.dialect, mode: r.mode, setting: r.setting, topic: r.topic, startsAt: r.startsAt, endsAt: r.endsAt, agencyId: r.agencyId, status: r.status, postalCode: r.postalCode, city: r.city, durationMinutes: r.durationMinutes },
      { language: 'ar', dialect: 'levantine', mode: 'on_site', setting: 'school', topic: 'enrolment', startsAt: old.request.startsAt, endsAt: old.request.endsAt, agencyId: w.agency.row.id, status: 'done', postalCode: old.request.postalCode, city: old.request.city, durationMinutes: old.request.durationMinutes },
    );
    const [a] = await t.db.select().from(assignments).where(eq(assignments.id, old.assignment.id));
    assert.equal(a?.mediatorId, w.mediator.row.id, 'the mediator stays (payout history)');
    const [s] = await t.db.select().from(timesheets).where(eq(timesheets.id, sheet.id));
    assert.deepEqual(
      { note: s?.note, disputeReason: s?.disputeReason, resolutionNote: s?.resolutionNote, minutes: s?.minutes, resolvedMinutes: s?.resolvedMinutes, travelKm: s?.travelKm, status: s?.status },
      { note: '', disputeReason: null, resolutionNote: null, minutes: 80, resolvedMinutes: 70, travelKm: 14, status: 'resolved' },
    );
    const [o] = await t.db.select().from(offers).where(eq(offers.id, declined.id));
    assert.equal(o?.declineReason, null);
    assert.equal(o?.status, 'declined');

    for (const id of [recent.id, elsewhere.id]) {
      const [kept] = await t.db.select().from(requests).where(eq(requests.id, id));
      assert.equal(kept?.anonymisedAt, null);
      assert.equal(kept?.notes, PERSONAL.notes);
    }

    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sprachpool.retention.anonymise'), eq(auditEvents.regionId, w.region.id)));
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.actorLabel, `system:${RETENTION_JOB}`);
    assert.match(JSON.stringify(audits[0]?.changes), /"requests":\[null,1\]/);

    // A second run changes nothing and records nothing.
    const again = await anonymiseExpiredRequests(t.db, new Date(now.getTime() + 60_000));
    assert.deepEqual(again, { regions: 0, requests: 0, offers: 0, timesheets: 0 });
    const [still] = await t.db.select().from(requests).where(eq(requests.id, old.request.id));
    assert.equal(still?.anonymisedAt?.getTime(), r.anonymisedAt.getTime());
    assert.equal((await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sprachpool.retention.anonymise'), eq(auditEvents.regionId, w.region.id)))).length, 1);
  });

  it('registers a recurring job that runs the anonymisation', async () => {
    registerRetentionJob();
    const handler = jobHandler(RETENTION_JOB);
    assert.ok(handler);
    const due = await buildRequest(t.db, w.region.id, w.agency.row.id, { startLocal: localAt(-50, '09:00'), ...PERSONAL });
    await handler({}, { db: t.db, job: {} as never });
    const [r] = await t.db.select().from(requests).where(eq(requests.id, due.id));
    assert.ok(r?.anonymisedAt);
    assert.equal(r.notes, '');
  });
});
