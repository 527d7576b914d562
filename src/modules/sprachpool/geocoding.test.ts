import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { startFakeNominatim, type FakeNominatim } from '../../../test/support/nominatim-server.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { jobHandler } from '../../platform/jobs/jobs.js';
import { jobs, regions } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { openPool } from './context.js';
import { GEOCODE_JOB, geocodeRow, registerGeocodingJob } from './geocoding.js';
import { rankMediators } from './matching.js';
import { createRequest, type RequestInput } from './requests.js';
import { agencies, mediators, requests } from './schema.js';
import { buildAgency, buildMediator } from './test-support.js';

const NOW = zonedLocalToUtc('2026-12-07T10:00', 'Europe/Berlin') ?? new Date(NaN);

describe('geocoding the pool’s addresses (distance ranking)', () => {
  let database: Database & { drop(): Promise<void> };
  let nominatim: FakeNominatim;
  let region: RegionRow;
  let contact: Actor;
  let agencyId: string;
  const db = () => database.db;

  before(async () => {
    database = await createTestDatabase();
    nominatim = await startFakeNominatim();
    region = await buildRegion(db(), { timezone: 'Europe/Berlin' });
    await db().update(regions).set({ settings: { directory: { geocoderUrl: nominatim.url } } }).where(eq(regions.id, region.id));
    const account = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'agency' }] });
    contact = { id: account.id, email: account.email, name: account.name, isAdmin: false, memberships: [{ regionId: region.id, role: 'agency', languages: [] }] };
    const { agency } = await buildAgency(db(), region.id, { contactAccountId: account.id, contactEmail: account.email, lat: null, lon: null, street: 'Musterstraße 1', postalCode: '12345', city: 'Beispielstadt' });
    agencyId = agency.id;
    registerGeocodingJob();
  });
  after(async () => {
    await nominatim.close();
    await database.drop();
  });

  const request = (overrides: Partial<RequestInput> = {}): RequestInput => ({
    language: 'ar', dialect: '', mode: 'on_site', date: '2026-12-21', time: '16:00', durationMinutes: '60', placeName: 'Gesamtschule', street: 'Schulstraße 20', postalCode: '12345', city: 'Beispielstadt',
    joinInfo: '', setting: 'school', topic: 'parents_meeting', genderPreference: 'none', notes: '', onSiteContact: '', ...overrides,
  });

  it('an on-site request at an address without coordinates queues a job that sets them; the ranking then knows the distance', async () => {
    const mediator = await buildMediator(db(), region.id, { lat: 51.2012, lon: 6.7021 });
    const row = await createRequest(db(), contact, { regionId: region.id, input: request(), confirmPersonalData: false, baseUrl: 'http://localhost' }, NOW);
    assert.equal(row.lat, null);
    const [job] = await db().select().from(jobs).where(and(eq(jobs.type, GEOCODE_JOB), eq(jobs.regionId, region.id)));
    assert.deepEqual(job?.payload, { kind: 'request', id: row.id });
    const handler = jobHandler(GEOCODE_JOB);
    assert.ok(handler && job);
    await handler(job.payload, { db: db(), job });
    const [geocoded] = await db().select().from(requests).where(eq(requests.id, row.id));
    assert.ok(geocoded && geocoded.lat !== null && geocoded.lon !== null);
    assert.ok(Math.abs(geocoded.lat - 51.2038) < 0.001, `lat ${geocoded.lat}`);
    assert.equal(nominatim.requests.at(-1)?.params.street, 'Schulstraße 20');
    const ranking = await rankMediators(db(), await openPool(db(), null, region.id, null), geocoded, NOW);
    const mine = ranking.ranked.find((r) => r.mediator.id === mediator.id);
    assert.ok(mine, 'ranked');
    assert.ok(mine.distanceKm !== null && mine.distanceKm < 2, `distance ${mine.distanceKm}`);
  });

  it('mediators are geocoded by their home area only (postal code and place, never a street)', async () => {
    const m = await buildMediator(db(), region.id, { lat: null, lon: null, postalCode: '12349', city: 'Musterdorf' });
    assert.equal(await geocodeRow(db(), { regionId: region.id, kind: 'mediator', id: m.id }), true);
    const [row] = await db().select().from(mediators).where(eq(mediators.id, m.id));
    assert.ok(row?.lat !== null && row?.lat !== undefined);
    const sent = nominatim.requests.at(-1)?.params ?? {};
    assert.equal(sent.street, undefined);
    assert.equal(sent.postalcode, '12349');
  });

  it('leaves alone what already has coordinates, unknown addresses and regions without a geocoder', async () => {
    const before = nominatim.requests.length;
    const placed = await buildMediator(db(), region.id, { lat: 50, lon: 7 });
    assert.equal(await geocodeRow(db(), { regionId: region.id, kind: 'mediator', id: placed.id }), false);
    assert.equal(nominatim.requests.length, before, 'no query for a row with coordinates');

    const unknown = await buildMediator(db(), region.id, { lat: null, lon: null, postalCode: '99999', city: 'Nirgendwo' });
    assert.equal(await geocodeRow(db(), { regionId: region.id, kind: 'mediator', id: unknown.id }), false);
    const [still] = await db().select().from(mediators).where(eq(mediators.id, unknown.id));
    assert.equal(still?.lat, null);

    const other = await buildRegion(db());
    const elsewhere = await buildMediator(db(), other.id, { lat: null, lon: null, postalCode: '12345', city: 'Beispielstadt' });
    const count = nominatim.requests.length;
    assert.equal(await geocodeRow(db(), { regionId: other.id, kind: 'mediator', id: elsewhere.id }), false, 'no geocoder configured');
    assert.equal(nominatim.requests.length, count);
  });

  it('the institution is geocoded by its street address', async () => {
    assert.equal(await geocodeRow(db(), { regionId: region.id, kind: 'agency', id: agencyId }), true);
    const [row] = await db().select().from(agencies).where(eq(agencies.id, agencyId));
    assert.ok(row && row.lat !== null && Math.abs(row.lat - 51.2012) < 0.001);
  });
});
