import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails, regions } from '../../platform/schema.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { countRequestsByStatus, createRequest, getRequestForAgency, listRequestsForAgency, PersonalDataWarning, type RequestInput } from './requests.js';
import { agencies, requests } from './schema.js';
import { buildAgency, buildMediator, buildRequest } from './test-support.js';

/** Monday 7 December 2026, 10:00 in Berlin: the "now" of these tests. */
const NOW = zonedLocalToUtc('2026-12-07T10:00', 'Europe/Berlin') ?? new Date(NaN);

const valid = (overrides: Partial<Record<keyof RequestInput, string>> = {}): RequestInput => ({
  language: 'ar',
  dialect: 'levantine',
  mode: 'on_site',
  date: '2026-12-21',
  time: '16:00',
  durationMinutes: '90',
  placeName: '',
  street: '',
  postalCode: '',
  city: '',
  joinInfo: '',
  setting: 'school',
  topic: 'parents_meeting',
  genderPreference: 'female',
  notes: 'Elterngespräch zur Schullaufbahn, bitte 10 Minuten früher kommen.',
  onSiteContact: 'Sekretariat, Raum 1.02',
  ...overrides,
});

describe('requests from institutions', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  let actor: Actor;
  let agencyId: string;
  let contactEmail: string;
  let coordinatorEmail: string;

  const db = () => database.db;
  const make = (input: RequestInput, opts: { confirm?: boolean; as?: Actor; now?: Date } = {}) =>
    createRequest(db(), opts.as ?? actor, { regionId: region.id, input, confirmPersonalData: opts.confirm ?? false, baseUrl: 'http://localhost:3000' }, opts.now ?? NOW);
  const countRequests = async () => (await db().select({ id: requests.id }).from(requests).where(eq(requests.agencyId, agencyId))).length;
  const mailsTo = (to: string) => db().select().from(mails).where(eq(mails.to, to));
  /** The field errors of a rejected call (fails the test when it was not a ValidationError). */
  const fieldErrors = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${String(err)}`);
      return err.fields;
    }
    assert.fail('expected the request to be refused');
  };

  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(db(), { timezone: 'Europe/Berlin', settings: { directory: { holidayState: 'DE-NW' } } });
    const account = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'agency' }], uiLanguage: 'de' });
    actor = { id: account.id, email: account.email, name: account.name, isAdmin: false, memberships: [{ regionId: region.id, role: 'agency', languages: [] }] };
    const built = await buildAgency(db(), region.id, { contactAccountId: account.id, contactEmail: account.email });
    agencyId = built.agency.id;
    contactEmail = built.contact.email;
    const coordinator = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'pool_coordinator' }], uiLanguage: 'en' });
    coordinatorEmail = coordinator.email;
    await buildMediator(db(), region.id, { languages: [{ language: 'ar', dialect: 'levantine' }] });
    // Speaks Tigrinya but paused: does not count as someone who speaks it.
    await buildMediator(db(), region.id, { status: 'paused', languages: [{ language: 'ti' }] });
  });
  after(() => database.drop());

  it('saves a valid request at the local time, at the institution’s address, audited, with receipt and notice', async () => {
    const row = await make(valid());
    assert.equal(row.status, 'requested');
    assert.equal(row.startLocal, '2026-12-21T16:00');
    assert.equal(row.startsAt.toISOString(), '2026-12-21T15:00:00.000Z', 'Berlin is UTC+1 in winter');
    assert.equal(row.endsAt.getTime() - row.startsAt.getTime(), 90 * 60_000);
    const [agency] = await db().select().from(agencies).where(eq(agencies.id, agencyId));
    assert.equal(row.street, agency?.street, 'empty place: the institution’s address');
    assert.equal(row.lat, agency?.lat, 'with its coordinates for the distance ranking');
    assert.equal(row.placeName, agency?.name);
    assert.deepEqual(row.flags, []);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'sprachpool.request_create')));
    assert.ok(audit, 'the creation is audited');
    const receipt = (await mailsTo(contactEmail)).find((m) => m.text.includes(row.id));
    assert.ok(receipt, 'the contact gets a receipt with a link to the request');
    assert.match(receipt.subject, /Ihre Anfrage/);
    const notice = (await mailsTo(coordinatorEmail)).find((m) => m.text.includes(row.id));
    assert.ok(notice, 'the coordinators get a notice (in their language)');
    assert.match(notice.subject, /^New request/);
  });

  it('refuses a time in the past and one inside the lead time, naming the earliest date', async () => {
    const before = await countRequests();
    const past = await fieldErrors(make(valid({ date: '2026-12-07', time: '09:00' })));
    assert.equal(past.date?.key, 'sprachpool-agencies.error_in_past');
    // Lead time 3 working days: Monday → Thursday 10 December at the earliest.
    const soon = await fieldErrors(make(valid({ date: '2026-12-09' })));
    assert.equal(soon.date?.key, 'sprachpool-agencies.error_lead_time');
    assert.deepEqual(soon.date?.params, { days: 3, earliest: '2026-12-10' });
    assert.equal(await countRequests(), before, 'nothing saved');
    const first = await make(valid({ date: '2026-12-10' }));
    assert.ok(first.flags.includes('short_notice'), 'on the earliest day: flagged short notice');
  });

  it('counts working days over the region’s holidays at the year end', async () => {
    const wednesday = zonedLocalToUtc('2026-12-23T09:00', 'Europe/Berlin') ?? NOW;
    // Thu 24 (1), Fri 25 and Sat 26 holidays, Mon 28 (2), Tue 29 (3).
    const refused = await fieldErrors(make(valid({ date: '2026-12-28' }), { now: wednesday }));
    assert.deepEqual(refused.date?.params, { days: 3, earliest: '2026-12-29' });
    const ok = await make(valid({ date: '2026-12-29' }), { now: wednesday });
    assert.equal(ok.startLocal, '2026-12-29T16:00');
  });

  it('refuses an excluded setting with why and whom to ask', async () => {
    const before = await countRequests();
    const plain = await fieldErrors(make(valid({ setting: 'court' })));
    assert.equal(plain.setting?.key, 'sprachpool-agencies.error_setting_excluded');
    assert.equal(plain.setting?.params?.setting, 'court');
    await db()
      .update(regions)
      .set({ settings: { ...region.settings, sprachpool: { contactEmail: 'sprachpool@kreis.example' } } })
      .where(eq(regions.id, region.id));
    try {
      const withContact = await fieldErrors(make(valid({ setting: 'police' })));
      assert.equal(withContact.setting?.key, 'sprachpool-agencies.error_setting_excluded_contact');
      assert.equal(withContact.setting?.params?.contact, 'sprachpool@kreis.example');
    } finally {
      await db().update(regions).set({ settings: region.settings }).where(eq(regions.id, region.id));
    }
    assert.equal(await countRequests(), before);
  });

  it('refuses bad input field by field, nothing saved', async () => {
    const before = await countRequests();
    const errors = await fieldErrors(make(valid({ language: 'xx', durationMinutes: '10', topic: '', postalCode: '123', street: 'Weg 1', city: 'Ort' })));
    assert.equal(errors.language?.key, 'validation.choose_valid');
    assert.equal(errors.durationMinutes?.key, 'validation.too_small');
    assert.equal(errors.topic?.key, 'validation.choose_valid');
    assert.equal(errors.postalCode?.key, 'sprachpool-agencies.error_postal_code');
    assert.equal((await fieldErrors(make(valid({ dialect: 'kandahari' })))).dialect?.key, 'sprachpool-agencies.error_dialect', 'a Pashto dialect for Arabic');
    assert.equal((await fieldErrors(make(valid({ durationMinutes: '601' })))).durationMinutes?.key, 'validation.too_big');
    assert.equal((await fieldErrors(make(valid({ mode: 'video' })))).joinInfo?.key, 'sprachpool-agencies.error_join_info');
    assert.equal((await fieldErrors(make(valid({ date: '2026-02-30' })))).date?.key, 'sprachpool-agencies.error_date_format');
    assert.equal((await fieldErrors(make(valid({ time: '25:00' })))).time?.key, 'sprachpool-agencies.error_time_format');
    // 28 March 2027: the clocks jump from 02:00 to 03:00 in Berlin.
    assert.equal((await fieldErrors(make(valid({ date: '2027-03-28', time: '02:30' })))).time?.key, 'sprachpool-agencies.error_time_skipped');
    assert.equal(await countRequests(), before);
  });

  it('takes a phone appointment with its join info and without an address; summer time is UTC+2', async () => {
    const row = await make(valid({ mode: 'phone', joinInfo: 'Wir rufen an.', street: 'Schulweg 1', date: '2027-05-04', time: '09:30' }));
    assert.equal(row.mode, 'phone');
    assert.equal(row.joinInfo, 'Wir rufen an.');
    assert.equal(row.street, '');
    assert.equal(row.startsAt.toISOString(), '2027-05-04T07:30:00.000Z');
  });

  it('accepts a language nobody in the pool speaks, flagged, and says so to the institution and the coordinators', async () => {
    const row = await make(valid({ language: 'ti', dialect: '' }));
    assert.ok(row.flags.includes('no_speaker'));
    const receipt = (await mailsTo(contactEmail)).find((m) => m.text.includes(row.id));
    assert.match(receipt?.text ?? '', /Zurzeit spricht niemand im Sprachpool Tigrinya/);
    const notice = (await mailsTo(coordinatorEmail)).find((m) => m.text.includes(row.id));
    assert.match(notice?.subject ?? '', /without a mediator/);
    assert.match(notice?.text ?? '', /nobody in the pool speaks Tigrinya/);
    const spoken = await make(valid());
    assert.ok(!spoken.flags.includes('no_speaker'), 'Arabic has an active speaker');
  });

  it('warns about personal data and saves only after the institution confirms, flagged', async () => {
    const before = await countRequests();
    const input = valid({ notes: 'Gespräch mit Frau Yilmaz, Sohn geb. 03.04.2015', onSiteContact: 'Frau Berger, 05251 123456' });
    let warning: PersonalDataWarning | undefined;
    try {
      await make(input);
    } catch (err) {
      if (err instanceof PersonalDataWarning) warning = err;
      else throw err;
    }
    assert.ok(warning, 'a warning, not a save');
    assert.deepEqual(warning.findings.map((f) => [f.field, f.kind]).sort(), [
      ['notes', 'birth_date'],
      ['notes', 'born'],
      ['notes', 'salutation'],
    ]);
    assert.equal(await countRequests(), before);
    const row = await make(input, { confirm: true });
    assert.ok(row.flags.includes('personal_data_warning'));
    const notice = (await mailsTo(coordinatorEmail)).find((m) => m.text.includes(row.id));
    assert.match(notice?.text ?? '', /looked like personal data/);
  });

  it('lets only contacts of approved institutions request, and shows each institution only its own requests', async () => {
    const otherAccount = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'agency' }] });
    const other: Actor = { id: otherAccount.id, email: otherAccount.email, name: '', isAdmin: false, memberships: [{ regionId: region.id, role: 'agency', languages: [] }] };
    await buildAgency(db(), region.id, { status: 'pending', contactAccountId: otherAccount.id, contactEmail: otherAccount.email });
    await assert.rejects(make(valid(), { as: other }), ForbiddenError, 'a pending institution cannot request');

    const approved = await buildAgency(db(), region.id, { contactEmail: 'someone@other.example' });
    const foreign = await buildRequest(db(), region.id, approved.agency.id);
    await assert.rejects(getRequestForAgency(db(), actor, { regionId: region.id, requestId: foreign.id }), NotFoundError);
    await assert.rejects(getRequestForAgency(db(), actor, { regionId: region.id, requestId: 'not-a-uuid' }), NotFoundError);
    const own = await buildRequest(db(), region.id, agencyId);
    const detail = await getRequestForAgency(db(), actor, { regionId: region.id, requestId: own.id }, NOW);
    assert.equal(detail.request.id, own.id);
    const list = await listRequestsForAgency(db(), actor, { regionId: region.id, view: 'upcoming' }, NOW);
    assert.ok(list.items.length > 0);
    assert.ok(list.items.every((r) => r.agencyId === agencyId));
    assert.ok(!list.items.some((r) => r.id === foreign.id));
    assert.ok(list.items.every((r, i, all) => i === 0 || (all[i - 1]?.startsAt.getTime() ?? 0) <= r.startsAt.getTime()), 'soonest first');
  });

  it('tells whether cancelling is free or late by the region’s hours', async () => {
    const own = await buildRequest(db(), region.id, agencyId, { startLocal: '2026-12-08T12:00' });
    const dayBefore = await getRequestForAgency(db(), actor, { regionId: region.id, requestId: own.id }, NOW);
    assert.equal(dayBefore.cancellation.possible, true);
    assert.equal(dayBefore.cancellation.late, true, '26 hours before, inside the 48 free hours');
    const early = zonedLocalToUtc('2026-12-05T10:00', 'Europe/Berlin') ?? NOW;
    const inTime = await getRequestForAgency(db(), actor, { regionId: region.id, requestId: own.id }, early);
    assert.equal(inTime.cancellation.late, false);
  });

  it('counts the region’s requests per status', async () => {
    const counts = await countRequestsByStatus(db(), region.id);
    const rows = await db().select({ status: requests.status }).from(requests).where(eq(requests.regionId, region.id));
    assert.equal(counts.requested, rows.filter((r) => r.status === 'requested').length);
    assert.equal(counts.done, 0);
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), rows.length);
    const empty = await countRequestsByStatus(db(), (await buildRegion(db())).id);
    assert.equal(Object.values(empty).reduce((a, b) => a + b, 0), 0);
  });
});
