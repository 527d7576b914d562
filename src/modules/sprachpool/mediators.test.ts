import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError, ConflictError, ValidationError } from '../../platform/errors.js';
import { accountTokens, auditEvents, mails, memberships, regions } from '../../platform/schema.js';
import type { FormValues } from '../../web/components/forms.js';
import { findOverlaps, mediatorFormValues, parseAbsence } from './mediator-forms.js';
import {
  activationProblems,
  addAbsence,
  countMediators,
  deleteMediatorData,
  exportOwnData,
  getMediatorDocument,
  getOwnProfile,
  listFiltersSchema,
  listMediators,
  requestDeletion,
  reviewMediator,
  setAvailability,
  submitApplication,
  updateMediator,
  updateOwnProfile,
  uploadMediatorDocument,
} from './mediators.js';
import { absences, assignments, availability, mediatorDocuments, mediatorLanguages, mediators, timesheets } from './schema.js';
import { buildAgency, buildMediator, buildRequest, dateInDays } from './test-support.js';

const BASE_URL = 'http://localhost:3000';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let seq = 0;
/** A complete application as the form sends it (German page). */
function application(overrides: FormValues = {}): FormValues {
  seq += 1;
  return {
    firstName: 'Amina',
    lastName: `Haddad-${seq}`,
    email: `amina-${seq}-${Date.now()}@example.org`,
    phone: '+49 170 5550101',
    gender: 'female',
    germanLevel: 'C1',
    'lang.0.code': 'ar:iraqi',
    'lang.0.level': 'native',
    'lang.1.code': 'kmr',
    'lang.1.level': 'B2',
    'lang.2.code': '',
    'lang.2.level': '',
    modes: ['on_site', 'phone'],
    postalCode: '33098',
    city: 'Paderborn',
    maxTravelKm: '25',
    'avail.0.weekday': '1',
    'avail.0.from': '09:00',
    'avail.0.to': '12:00',
    'avail.1.weekday': '1',
    'avail.1.from': '14:00',
    'avail.1.to': '18:00',
    'avail.2.weekday': '3',
    'avail.2.from': '08:00',
    'avail.2.to': '16:00',
    'qual.0.kind': 'basic_training',
    'qual.0.title': 'Grundqualifizierung Sprachmittlung',
    'qual.0.date': '2024-03-15',
    confidentialitySignedOn: '',
    policeClearanceIssuedOn: '',
    policeClearanceExpiresOn: '',
    motivation: 'Ich habe selbst erlebt, wie schwer Gespräche ohne Sprache sind.',
    consent: '1',
    ...overrides,
  };
}

describe('mediators (service)', () => {
  let t: TestApp;
  let region: RegionRow;
  let coordinator: Actor;
  let coordinatorEmail: string;

  const actorOf = (a: { id: string; email: string; name: string; isAdmin: boolean }, roles: Actor['memberships'] = []): Actor => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, memberships: roles });
  const mailsTo = (to: string) => t.db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt));
  const mediatorByEmail = async (email: string) => (await t.db.select().from(mediators).where(and(eq(mediators.regionId, region.id), eq(mediators.email, email))))[0];
  /** A mediator with a signed-in account (role `mediator`) linked by e-mail. */
  const mediatorWithAccount = async (overrides: Parameters<typeof buildMediator>[2] = {}) => {
    const account = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'mediator' }] });
    const m = await buildMediator(t.db, region.id, { email: account.email, ...overrides });
    return { mediator: m, actor: actorOf(account, [{ regionId: region.id, role: 'mediator', languages: [] }]) };
  };

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    const acc = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'pool_coordinator' }], uiLanguage: 'de' });
    coordinator = actorOf(acc, [{ regionId: region.id, role: 'pool_coordinator', languages: [] }]);
    coordinatorEmail = acc.email;
  });
  after(() => t.close());

  it('stores an application with languages, weekly availability and documents, and mails receipt and notice', async () => {
    const values = application();
    const m = await submitApplication(t.db, { regionId: region.id, lang: 'en', values, files: [{ field: 'policeClearanceFile', filename: 'zeugnis.PDF', data: PDF, truncated: false }], baseUrl: BASE_URL });
    assert.equal(m.status, 'applied');
    assert.equal(m.email, String(values.email));
    assert.equal(m.language, 'en');
    assert.deepEqual(m.modes, ['on_site', 'phone']);
    assert.deepEqual(m.qualificationKinds, ['basic_training']);
    assert.equal(m.qualifications[0]?.date, '2024-03-15');
    assert.ok(m.consentAt instanceof Date);

    const langs = await t.db.select().from(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, m.id)).orderBy(asc(mediatorLanguages.language));
    assert.deepEqual(
      langs.map((l) => [l.language, l.dialect, l.level]),
      [
        ['ar', 'iraqi', 'native'],
        ['kmr', '', 'B2'],
      ],
    );
    const weekly = await t.db.select().from(availability).where(eq(availability.mediatorId, m.id)).orderBy(asc(availability.weekday), asc(availability.startMinute));
    assert.deepEqual(
      weekly.map((w) => [w.weekday, w.startMinute, w.endMinute]),
      [
        [1, 540, 720],
        [1, 840, 1080],
        [3, 480, 960],
      ],
    );
    const docs = await t.db.select().from(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, m.id));
    assert.equal(docs.length, 1);
    assert.equal(docs[0]?.kind, 'police_clearance');
    assert.equal(docs[0]?.contentType, 'application/pdf');
    assert.equal(docs[0]?.fileName, 'zeugnis.pdf');

    const receipt = await mailsTo(m.email);
    assert.equal(receipt.length, 1);
    assert.match(receipt[0]?.subject ?? '', /application/i, 'the receipt is in the page language (English)');
    assert.match(receipt[0]?.text ?? '', /Amina/);
    const notice = await mailsTo(coordinatorEmail);
    assert.ok(notice.some((n) => n.subject.includes(m.lastName) && n.text.includes(`/sprachpool/mediators/${m.id}`)), 'the coordinators get a notice with the link');
  });

  it('refuses a second application with the same e-mail in the pool (any case) and stores nothing', async () => {
    const values = application();
    await submitApplication(t.db, { regionId: region.id, lang: 'de', values, files: [], baseUrl: BASE_URL });
    const before = await t.db.select().from(mediators).where(eq(mediators.regionId, region.id));
    const again = application({ email: String(values.email).toUpperCase(), firstName: 'Zweite' });
    await assert.rejects(
      () => submitApplication(t.db, { regionId: region.id, lang: 'de', values: again, files: [], baseUrl: BASE_URL }),
      (err: unknown) => err instanceof ValidationError && err.fields.email?.key === 'sprachpool-mediators.error_email_taken',
    );
    assert.equal((await t.db.select().from(mediators).where(eq(mediators.regionId, region.id))).length, before.length);
    // Another pool may have the same person.
    const other = await buildRegion(t.db);
    const m = await submitApplication(t.db, { regionId: other.id, lang: 'de', values: again, files: [], baseUrl: BASE_URL });
    assert.equal(m.regionId, other.id);
  });

  it('refuses overlapping weekly rows with a message at the later row, and other bad rows at theirs', async () => {
    const values = application({ 'avail.1.weekday': '1', 'avail.1.from': '11:00', 'avail.1.to': '13:00', 'lang.2.code': 'ar:iraqi', 'lang.2.level': 'C1', 'qual.0.date': dateInDays(10) });
    delete values.consent;
    await assert.rejects(
      () => submitApplication(t.db, { regionId: region.id, lang: 'de', values, files: [{ field: 'confidentialityFile', filename: 'x.pdf', data: Buffer.from('MZ not a pdf'), truncated: false }], baseUrl: BASE_URL }),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.deepEqual(err.fields['avail.1.from'], { key: 'sprachpool-mediators.error_overlap', params: { row: 1, from: '09:00', to: '12:00' } });
        assert.equal(err.fields['lang.2.code']?.key, 'sprachpool-mediators.error_language_twice');
        assert.equal(err.fields['qual.0.date']?.key, 'sprachpool-mediators.error_date_future');
        assert.equal(err.fields.consent?.key, 'sprachpool-mediators.error_consent');
        assert.equal(err.fields.confidentialityFile?.key, 'sprachpool-mediators.error_file_type');
        return true;
      },
    );
    assert.equal(await mediatorByEmail(String(values.email)), undefined);
    // Rows that only touch (12:00 end, 12:00 start) are fine.
    assert.equal(findOverlaps([{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 720, endMinute: 800 }]).size, 0);
  });

  it('backs the weekly rule with the database constraint', async () => {
    const m = await buildMediator(t.db, region.id, { weekly: [{ weekday: 2, start: '09:00', end: '12:00' }] });
    await assert.rejects(
      () => t.db.insert(availability).values({ mediatorId: m.id, weekday: 2, startMinute: 600, endMinute: 780 }),
      (err: unknown) => [err, (err as { cause?: unknown }).cause].some((e) => (e as { code?: string } | undefined)?.code === '23P01'),
    );
  });

  it('activates only with valid papers, then invites the account; stale revisions and wrong steps are refused', async () => {
    const values = application();
    const applied = await submitApplication(t.db, { regionId: region.id, lang: 'de', values, files: [], baseUrl: BASE_URL });
    await assert.rejects(
      () => reviewMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: applied.revision, action: 'activate', baseUrl: BASE_URL }),
      (err: unknown) => err instanceof ValidationError && err.code === 'documents_missing' && Boolean(err.fields.confidentialitySignedOn) && Boolean(err.fields.policeClearanceIssuedOn),
    );
    assert.equal((await mediatorByEmail(applied.email))?.status, 'applied');
    // An expired certificate does not count either.
    assert.ok(activationProblems({ confidentialitySignedOn: '2024-01-01', confidentialityExpiresOn: null, policeClearanceIssuedOn: '2020-01-01', policeClearanceExpiresOn: dateInDays(-1) }, dateInDays(0)).policeClearanceExpiresOn);

    const langs = await t.db.select().from(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, applied.id));
    const weekly = await t.db.select().from(availability).where(eq(availability.mediatorId, applied.id));
    const form = { ...mediatorFormValues(applied, langs, weekly), confidentialitySignedOn: dateInDays(-3), policeClearanceIssuedOn: dateInDays(-30), policeClearanceExpiresOn: dateInDays(700) };
    const updated = await updateMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: applied.revision, values: form });
    assert.equal(updated.revision, applied.revision + 1);
    await assert.rejects(() => updateMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: applied.revision, values: form }), (err: unknown) => err instanceof ConflictError && err.code === 'revision_conflict');

    const active = await reviewMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: updated.revision, action: 'activate', baseUrl: BASE_URL });
    assert.equal(active.status, 'active');
    assert.ok(active.approvedAt);
    const [token] = await t.db.select().from(accountTokens).where(eq(accountTokens.email, applied.email));
    assert.equal(token?.role, 'mediator');
    assert.equal(token?.regionId, region.id);
    assert.ok((await mailsTo(applied.email)).some((mail) => /\/invitation\//.test(mail.text)), 'the invitation mail goes to the mediator');
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, applied.id), eq(auditEvents.action, 'sprachpool.mediator_activate')));
    assert.equal(audit.length, 1);

    await assert.rejects(() => reviewMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: active.revision, action: 'reject', baseUrl: BASE_URL }), (err: unknown) => err instanceof ConflictError && err.code === 'status_change_invalid');
    const paused = await reviewMediator(t.db, coordinator, { regionId: region.id, mediatorId: applied.id, revision: active.revision, action: 'pause', baseUrl: BASE_URL });
    assert.equal(paused.status, 'paused');
  });

  it('rejects an application with a mail that carries the reason', async () => {
    const m = await submitApplication(t.db, { regionId: region.id, lang: 'de', values: application(), files: [], baseUrl: BASE_URL });
    const rejected = await reviewMediator(t.db, coordinator, { regionId: region.id, mediatorId: m.id, revision: m.revision, action: 'reject', reason: 'Derzeit kein Bedarf in Kurmandschi.', baseUrl: BASE_URL });
    assert.equal(rejected.status, 'rejected');
    const sent = await mailsTo(m.email);
    assert.ok(sent.some((mail) => mail.text.includes('Derzeit kein Bedarf in Kurmandschi.')));
  });

  it('lets only coordinators of the pool read a document: not the mediator, not another mediator, not another pool', async () => {
    const owner = await mediatorWithAccount();
    const other = await mediatorWithAccount();
    const doc = await uploadMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: owner.mediator.id, kind: 'police_clearance', expiresOn: dateInDays(300), file: { field: 'file', filename: 'fz.pdf', data: PDF, truncated: false } });
    const read = await getMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: owner.mediator.id, documentId: doc.id });
    assert.ok(read.data.equals(PDF));
    for (const actor of [owner.actor, other.actor]) {
      await assert.rejects(() => getMediatorDocument(t.db, actor, { regionId: region.id, mediatorId: owner.mediator.id, documentId: doc.id }), ForbiddenError);
    }
    const elsewhere = await buildRegion(t.db);
    const foreign = await buildAccount(t.db, { roles: [{ regionId: elsewhere.id, role: 'pool_coordinator' }] });
    const foreignActor = actorOf(foreign, [{ regionId: elsewhere.id, role: 'pool_coordinator', languages: [] }]);
    await assert.rejects(() => getMediatorDocument(t.db, foreignActor, { regionId: region.id, mediatorId: owner.mediator.id, documentId: doc.id }), ForbiddenError);
    await assert.rejects(() => getMediatorDocument(t.db, foreignActor, { regionId: elsewhere.id, mediatorId: owner.mediator.id, documentId: doc.id }), NotFoundError);
    // The document is addressed through its mediator: another mediator's path does not find it.
    await assert.rejects(() => getMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: other.mediator.id, documentId: doc.id }), NotFoundError);
    // Only real PDFs and images, whatever the name says.
    await assert.rejects(
      () => uploadMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: owner.mediator.id, kind: 'other', expiresOn: '', file: { field: 'file', filename: 'fake.pdf', data: Buffer.from('<html>'), truncated: false } }),
      (err: unknown) => err instanceof ValidationError && err.fields.file?.key === 'sprachpool-mediators.error_file_type',
    );
  });

  it('lets the mediator edit their profile (audited) and keep their weekly pattern free of overlaps', async () => {
    const { mediator, actor } = await mediatorWithAccount();
    const profile = await getOwnProfile(t.db, actor, { regionId: region.id });
    const values = { ...mediatorFormValues(profile.mediator, profile.languages, profile.weekly), phone: '+49 5251 999', 'lang.5.code': 'fa:afghan_farsi', 'lang.5.level': 'B1' };
    const saved = await updateOwnProfile(t.db, actor, { regionId: region.id, revision: profile.mediator.revision, values });
    assert.equal(saved.phone, '+49 5251 999');
    const langs = await t.db.select().from(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, mediator.id));
    assert.ok(langs.some((l) => l.language === 'fa' && l.dialect === 'afghan_farsi'));
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, mediator.id), eq(auditEvents.action, 'sprachpool.mediator_profile')));
    assert.deepEqual((audit?.changes as Record<string, unknown>).phone, [mediator.phone, '+49 5251 999']);

    await assert.rejects(
      () => setAvailability(t.db, actor, { regionId: region.id, values: { 'avail.0.weekday': '2', 'avail.0.from': '08:00', 'avail.0.to': '12:00', 'avail.1.weekday': '2', 'avail.1.from': '10:00', 'avail.1.to': '11:00' } }),
      (err: unknown) => err instanceof ValidationError && err.fields['avail.1.from']?.key === 'sprachpool-mediators.error_overlap',
    );
    assert.equal((await t.db.select().from(availability).where(eq(availability.mediatorId, mediator.id))).length, 5, 'the old pattern stays');
    const rows = await setAvailability(t.db, actor, { regionId: region.id, values: { 'avail.0.weekday': '6', 'avail.0.from': '10:00', 'avail.0.to': '14:00' } });
    assert.deepEqual(
      rows.map((r) => [r.weekday, r.startMinute, r.endMinute]),
      [[6, 600, 840]],
    );
    // Someone else's coordinator role does not make one a mediator.
    await assert.rejects(() => getOwnProfile(t.db, coordinator, { regionId: region.id }), ForbiddenError);
  });

  it('refuses absences in the past or ending before they start', async () => {
    const { actor } = await mediatorWithAccount();
    const today = dateInDays(0);
    await assert.rejects(() => addAbsence(t.db, actor, { regionId: region.id, values: { fromDate: dateInDays(-2), toDate: dateInDays(3) } }), (err: unknown) => err instanceof ValidationError && err.fields.fromDate?.key === 'sprachpool-mediators.error_date_past');
    await assert.rejects(() => addAbsence(t.db, actor, { regionId: region.id, values: { fromDate: dateInDays(5), toDate: dateInDays(4) } }), (err: unknown) => err instanceof ValidationError && err.fields.toDate?.key === 'sprachpool-mediators.error_absence_order');
    assert.throws(() => parseAbsence({ fromDate: '31.02.2030', toDate: '' }, today), ValidationError);
    const a = await addAbsence(t.db, actor, { regionId: region.id, values: { fromDate: dateInDays(5), toDate: dateInDays(9), note: 'Urlaub' } });
    assert.equal(a.fromDate, dateInDays(5));
  });

  it('exports everything stored about the mediator, and nothing of other mediators', async () => {
    const { mediator, actor } = await mediatorWithAccount({ languages: [{ language: 'ti', level: 'native' }] });
    await mediatorWithAccount();
    await addAbsence(t.db, actor, { regionId: region.id, values: { fromDate: dateInDays(20), toDate: dateInDays(22), note: 'Familienfeier' } });
    await uploadMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: mediator.id, kind: 'confidentiality', expiresOn: '', file: { field: 'file', filename: 'erklaerung.pdf', data: PDF, truncated: false } });
    const { agency } = await buildAgency(t.db, region.id);
    const request = await buildRequest(t.db, region.id, agency.id, { status: 'done', language: 'ti', startLocal: `${dateInDays(-10)}T10:00` });
    const [assignment] = await t.db.insert(assignments).values({ regionId: region.id, requestId: request.id, mediatorId: mediator.id, status: 'done', startsAt: request.startsAt, endsAt: request.endsAt }).returning();
    assert.ok(assignment);
    await t.db.insert(timesheets).values({ regionId: region.id, assignmentId: assignment.id, mediatorId: mediator.id, minutes: 95, travelKm: 12, note: 'Rückfahrt mit dem Bus' });

    const { fileName, data } = await exportOwnData(t.db, actor, { regionId: region.id });
    assert.match(fileName, /^sprachpool-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(JSON.stringify(data)) as Record<string, unknown> & { profile: Record<string, unknown>; languages: unknown[]; absences: { note: string }[]; documents: Record<string, unknown>[]; assignments: { request: { language: string } }[]; timesheets: { minutes: number; note: string }[]; weeklyAvailability: unknown[] };
    assert.equal(json.profile.email, mediator.email);
    assert.equal(json.profile.firstName, mediator.firstName);
    assert.deepEqual(json.languages, [{ language: 'ti', dialect: '', level: 'native' }]);
    assert.equal(json.weeklyAvailability.length, 5);
    assert.deepEqual(json.absences.map((a) => a.note), ['Familienfeier']);
    assert.equal(json.documents.length, 1);
    assert.equal(json.documents[0]?.fileName, 'erklaerung.pdf');
    assert.equal('data' in (json.documents[0] ?? {}), false, 'metadata only, not the file');
    assert.equal(json.assignments[0]?.request.language, 'ti');
    assert.deepEqual(json.timesheets.map((s) => [s.minutes, s.note]), [[95, 'Rückfahrt mit dem Bus']]);
    assert.equal(JSON.stringify(json).includes('tokenHash'), false);
  });

  it('records a deletion request once; "delete now" anonymises a mediator with assignments and deletes one without', async () => {
    const withWork = await mediatorWithAccount();
    await assert.rejects(() => requestDeletion(t.db, withWork.actor, { regionId: region.id, baseUrl: BASE_URL, confirmed: false }), ValidationError, 'not without the confirmation');
    const first = await requestDeletion(t.db, withWork.actor, { regionId: region.id, baseUrl: BASE_URL, confirmed: true });
    assert.equal(first.already, false);
    assert.equal((await requestDeletion(t.db, withWork.actor, { regionId: region.id, baseUrl: BASE_URL, confirmed: true })).already, true);
    const stored = await mediatorByEmail(withWork.mediator.email);
    assert.ok(stored?.deletionRequestedAt);
    assert.equal((await mailsTo(coordinatorEmail)).filter((m) => m.subject.includes(withWork.mediator.firstName)).length, 1, 'the coordinators hear once');
    const list = await listMediators(t.db, coordinator, { regionId: region.id, filters: listFiltersSchema.parse({ deletion: '1' }) });
    assert.ok(list.items.some((i) => i.mediator.id === withWork.mediator.id));

    const { agency } = await buildAgency(t.db, region.id);
    const request = await buildRequest(t.db, region.id, agency.id, { status: 'done', startLocal: `${dateInDays(-5)}T10:00` });
    await t.db.insert(assignments).values({ regionId: region.id, requestId: request.id, mediatorId: withWork.mediator.id, status: 'done', startsAt: request.startsAt, endsAt: request.endsAt });
    await uploadMediatorDocument(t.db, coordinator, { regionId: region.id, mediatorId: withWork.mediator.id, kind: 'other', expiresOn: '', file: { field: 'file', filename: 'x.pdf', data: PDF, truncated: false } });
    await addAbsence(t.db, withWork.actor, { regionId: region.id, values: { fromDate: dateInDays(3), toDate: dateInDays(4) } });

    assert.equal(await deleteMediatorData(t.db, coordinator, { regionId: region.id, mediatorId: withWork.mediator.id }), 'anonymised');
    const [anon] = await t.db.select().from(mediators).where(eq(mediators.id, withWork.mediator.id));
    assert.ok(anon);
    assert.equal(anon.firstName, 'gelöscht');
    assert.equal(anon.lastName, 'gelöscht');
    assert.equal(anon.phone, '');
    assert.equal(anon.status, 'retired');
    assert.equal(anon.accountId, null);
    assert.ok(!anon.email.includes('@'), 'no address left');
    assert.equal((await t.db.select().from(mediatorDocuments).where(eq(mediatorDocuments.mediatorId, anon.id))).length, 0);
    assert.equal((await t.db.select().from(absences).where(eq(absences.mediatorId, anon.id))).length, 0);
    assert.equal((await t.db.select().from(assignments).where(eq(assignments.mediatorId, anon.id))).length, 1, 'the billing history stays');
    assert.equal((await t.db.select().from(memberships).where(and(eq(memberships.accountId, withWork.actor.id), eq(memberships.role, 'mediator')))).length, 0, 'the portal role is gone');

    const without = await mediatorWithAccount();
    await requestDeletion(t.db, without.actor, { regionId: region.id, baseUrl: BASE_URL, confirmed: true });
    assert.equal(await deleteMediatorData(t.db, coordinator, { regionId: region.id, mediatorId: without.mediator.id }), 'deleted');
    assert.equal((await t.db.select().from(mediators).where(eq(mediators.id, without.mediator.id))).length, 0);

    // An active mediator who did not ask is not deleted by a slip.
    const active = await buildMediator(t.db, region.id);
    await assert.rejects(() => deleteMediatorData(t.db, coordinator, { regionId: region.id, mediatorId: active.id }), (err: unknown) => err instanceof ConflictError && err.code === 'mediator_active');
  });

  it('counts mediators for the overview and filters the list by language and expiring papers', async () => {
    const r = await buildRegion(t.db);
    await t.db
      .update(regions)
      .set({ settings: { sprachpool: { documentReminderDays: 30 } } })
      .where(eq(regions.id, r.id));
    const boss = actorOf(await buildAccount(t.db, { isAdmin: true }));
    await buildMediator(t.db, r.id, { languages: [{ language: 'so' }] });
    const expiring = await buildMediator(t.db, r.id, { policeClearanceExpiresOn: dateInDays(10), languages: [{ language: 'ps' }] });
    const expired = await buildMediator(t.db, r.id, { status: 'paused', confidentialityExpiresOn: dateInDays(-3) });
    await buildMediator(t.db, r.id, { status: 'applied', confidentialitySignedOn: null, policeClearanceIssuedOn: null, policeClearanceExpiresOn: null, deletionRequestedAt: new Date() });
    assert.deepEqual(await countMediators(t.db, r.id), { applied: 1, active: 2, paused: 1, expiringDocuments: 2, deletionRequests: 1 });

    const byLanguage = await listMediators(t.db, boss, { regionId: r.id, filters: listFiltersSchema.parse({ language: 'ps' }) });
    assert.deepEqual(byLanguage.items.map((i) => i.mediator.id), [expiring.id]);
    const soon = await listMediators(t.db, boss, { regionId: r.id, filters: listFiltersSchema.parse({ documents: 'expiring' }) });
    assert.deepEqual(soon.items.map((i) => [i.mediator.id, i.documents]), [[expiring.id, 'expiring']]);
    const gone = await listMediators(t.db, boss, { regionId: r.id, filters: listFiltersSchema.parse({ documents: 'expired' }) });
    assert.deepEqual(gone.items.map((i) => [i.mediator.id, i.documents]), [[expired.id, 'expired']]);
    const applied = await listMediators(t.db, boss, { regionId: r.id, filters: listFiltersSchema.parse({ status: 'applied' }) });
    assert.deepEqual(applied.items.map((i) => i.documents), ['missing']);
    await assert.rejects(() => listMediators(t.db, coordinator, { regionId: r.id, filters: listFiltersSchema.parse({}) }), ForbiddenError);
  });
});
