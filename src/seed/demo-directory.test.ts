import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { DEFAULT_TERMS } from '../modules/directory/default-taxonomy.js';
import { validateSchedules } from '../modules/directory/hours.js';
import type { ScheduleInput } from '../modules/directory/model.js';
import { dirLocations, dirOrganizations, dirPhones, dirSchedules, dirSearchTexts, dirServices, dirTaxonomyTerms, dirTranslations } from '../modules/directory/schema.js';
import { directorySettings } from '../modules/directory/settings.js';
import { regions } from '../platform/schema.js';
import { seedDemo } from './demo.js';
import { SERVICES } from './directory/index.js';

const CENTRE = { lat: 51.2, lon: 6.7 };
const DAY_MS = 24 * 60 * 60 * 1000;

function km(lat: number, lon: number): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(rad(lat - CENTRE.lat) / 2) ** 2 + Math.cos(rad(CENTRE.lat)) * Math.cos(rad(lat)) * Math.sin(rad(lon - CENTRE.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('demo directory content', () => {
  it('has unique keys and names the categories of the default taxonomy only', () => {
    assert.equal(new Set(SERVICES.map((s) => s.key)).size, SERVICES.length);
    const codes = new Set(DEFAULT_TERMS.flatMap((t) => [t.code, ...(t.children ?? []).map((c) => c.code)]));
    for (const s of SERVICES) for (const c of s.cats) assert.ok(codes.has(c), `${s.key}: ${c}`);
  });
});

describe('seeded demo directory', () => {
  let database: Database & { drop(): Promise<void> };
  let regionId: string;
  const seededAt = Date.now();

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    assert.equal(demo.created, true);
    const [county] = await database.db.select().from(regions).where(eq(regions.slug, 'landkreis-beispiel'));
    assert.ok(county);
    regionId = county.id;
  });
  after(async () => database.drop());

  it('publishes at least 60 services, with organisations, in the county', async () => {
    const services = await database.db.select().from(dirServices).where(eq(dirServices.regionId, regionId));
    const published = services.filter((s) => s.status === 'published' && s.archivedAt === null);
    assert.ok(published.length >= 60, `${published.length} published services`);
    const orgs = await database.db.select().from(dirOrganizations).where(eq(dirOrganizations.regionId, regionId));
    assert.ok(orgs.length >= 30 && orgs.every((o) => o.status === 'published'));
  });

  it('covers every top-level category of the default taxonomy', async () => {
    const terms = await database.db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId));
    const byId = new Map(terms.map((t) => [t.id, t]));
    const topOf = (id: string): string | undefined => {
      let term = byId.get(id);
      while (term?.parentId) term = byId.get(term.parentId);
      return term?.code;
    };
    const services = await database.db.select({ termIds: dirServices.termIds }).from(dirServices).where(eq(dirServices.regionId, regionId));
    const covered = new Set(services.flatMap((s) => s.termIds.map(topOf)));
    for (const top of DEFAULT_TERMS) assert.ok(covered.has(top.code), `no service in ${top.code}`);
    // The categories the issue names explicitly.
    const leaves = new Set(services.flatMap((s) => s.termIds.map((id) => byId.get(id)?.code)));
    for (const code of ['migration-counselling', 'youth-migration-service', 'psychosocial', 'integration-course', 'language-course', 'jobcenter', 'immigration-office', 'recognition-counselling', 'women-counselling', 'legal-advice', 'doctors', 'child-care', 'schools', 'sports-clubs', 'language-mediation'])
      assert.ok(leaves.has(code), code);
  });

  it('puts every location at an address with coordinates within 30 km of the county seat', async () => {
    const locations = await database.db.select().from(dirLocations).where(eq(dirLocations.regionId, regionId));
    assert.ok(locations.length >= 30);
    for (const l of locations) {
      assert.ok(l.latitude !== null && l.longitude !== null, `${l.name}: no coordinates`);
      assert.ok(km(l.latitude, l.longitude) <= 30, `${l.name}: ${km(l.latitude, l.longitude).toFixed(1)} km away`);
      assert.ok(l.address1 && /^\d{5}$/.test(l.postalCode ?? '') && l.city, `${l.name}: incomplete address`);
    }
    const accessible = locations.filter((l) => l.wheelchair).length;
    assert.ok(accessible > locations.length / 2 && accessible < locations.length, `${accessible} of ${locations.length} wheelchair accessible`);
  });

  it('writes telephone numbers in E.164 (+49) and only reserved example domains', async () => {
    const phones = await database.db.select().from(dirPhones).where(eq(dirPhones.regionId, regionId));
    assert.ok(phones.length >= 60);
    for (const p of phones) assert.match(p.number, /^\+49\d{6,13}$/);
    assert.ok(phones.some((p) => p.languages.includes('ar')) && phones.some((p) => p.languages.includes('uk')));
    const services = await database.db.select().from(dirServices).where(eq(dirServices.regionId, regionId));
    const orgs = await database.db.select().from(dirOrganizations).where(eq(dirOrganizations.regionId, regionId));
    const addresses = [...services.flatMap((s) => [s.email, s.url]), ...orgs.flatMap((o) => [o.email, o.website])].filter((v): v is string => !!v);
    for (const a of addresses) assert.match(a, /(\.example|example\.org)(\/|$)/, a);
  });

  it('gives every service valid opening hours, weekly and monthly, with dated exceptions', async () => {
    const services = await database.db.select({ id: dirServices.id, name: dirServices.name }).from(dirServices).where(eq(dirServices.regionId, regionId));
    const schedules = await database.db.select().from(dirSchedules).where(eq(dirSchedules.regionId, regionId));
    for (const s of services) {
      const own = schedules.filter((x) => x.serviceId === s.id);
      assert.ok(own.some((x) => !x.closed && x.freq), `${s.name}: no opening hours`);
      const input: ScheduleInput[] = own.map((x) => ({ freq: x.freq, interval: x.interval, byday: x.byday, bymonthday: x.bymonthday, opensAt: x.opensAt, closesAt: x.closesAt, validFrom: x.validFrom, validTo: x.validTo, closed: x.closed, description: x.description }));
      assert.deepEqual(validateSchedules(input), {}, s.name);
    }
    assert.ok(schedules.some((x) => x.freq === 'MONTHLY' && x.ordinals.includes(1) && x.weekdays.includes(3)), 'every first Wednesday');
    assert.ok(schedules.some((x) => x.freq === 'WEEKLY' && x.opensMin === 14 * 60 && x.weekdays.join() === '2,4'), 'split hours Tu/Th afternoon');
    assert.ok(schedules.some((x) => x.closed && x.validFrom?.endsWith('-12-24') && x.validTo?.endsWith('-01-01')), 'closed 24.12.–1.1.');
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(schedules.some((x) => x.closed && x.validFrom !== null && x.validFrom < today && x.validTo !== null && x.validTo > today), 'temporarily closed until a date ahead');
  });

  it('spreads verification over the last twelve months, some older than the six-month reminder', async () => {
    const services = await database.db.select({ verifiedAt: dirServices.verifiedAt, verifiedBy: dirServices.verifiedBy }).from(dirServices).where(eq(dirServices.regionId, regionId));
    const ages = services.map((s) => (s.verifiedAt ? (seededAt - s.verifiedAt.getTime()) / DAY_MS : Infinity));
    assert.ok(ages.every((a) => a >= 0 && a <= 366), 'all verified within a year');
    const old = ages.filter((a) => a > 183).length;
    assert.ok(old >= 3 && old < services.length / 2, `${old} older than six months`);
    assert.ok(services.every((s) => s.verifiedBy !== null), 'verified by the demo admin');
  });

  it('marks most services free and a few, the language courses among them, with a cost', async () => {
    const services = await database.db.select().from(dirServices).where(eq(dirServices.regionId, regionId));
    const paid = services.filter((s) => !s.free);
    assert.ok(paid.length >= 5 && paid.length < services.length / 3, `${paid.length} with a cost`);
    assert.ok(paid.every((s) => s.feesDescription));
    assert.ok(paid.some((s) => s.name.startsWith('Integrationskurs')));
    assert.ok(services.some((s) => s.eligibilityDescription) && services.some((s) => s.minimumAge !== null));
  });

  it('translates a few services into English, Arabic and Ukrainian, one of them outdated, and indexes them for search', async () => {
    const translations = await database.db.select().from(dirTranslations).where(eq(dirTranslations.regionId, regionId));
    const serviceTr = translations.filter((t) => t.kind === 'service');
    for (const language of ['en', 'ar', 'uk']) assert.ok(serviceTr.filter((t) => t.language === language).length >= 5, language);
    assert.ok(serviceTr.every((t) => t.sourceRevision === 1 && t.fields.name && t.fields.description));
    const services = await database.db.select().from(dirServices).where(eq(dirServices.regionId, regionId));
    const outdated = services.filter((s) => serviceTr.some((t) => t.entityId === s.id && t.sourceRevision < s.majorRevision));
    assert.equal(outdated.length, 1);
    assert.equal(outdated[0]?.name, 'Ausländerbehörde');
    const arabic = await database.db.select().from(dirSearchTexts).where(eq(dirSearchTexts.language, 'ar'));
    assert.ok(arabic.some((t) => t.title === 'دائرة شؤون الأجانب'));
  });

  it('sets the county directory settings: NRW holidays and the map centre', async () => {
    const [county] = await database.db.select().from(regions).where(eq(regions.id, regionId));
    const settings = directorySettings(county?.settings);
    assert.equal(settings.holidayState, 'DE-NW');
    assert.equal(settings.verifyAfterMonths, 6);
    assert.equal(county?.timezone, 'Europe/Berlin');
    assert.ok(settings.centerLat && settings.centerLon && km(settings.centerLat, settings.centerLon) < 1);
  });
});
