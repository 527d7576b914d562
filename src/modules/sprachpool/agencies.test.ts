import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails } from '../../platform/schema.js';
import { addAgencyContact, countAgencies, decideAgency, getAgency, listAgencies, registerAgency, removeAgencyContact, updateAgency, type RegistrationInput } from './agencies.js';
import { findAgencyContactForActor } from './context.js';
import { agencies, agencyContacts } from './schema.js';
import { buildAgency, buildRequest } from './test-support.js';

const BASE_URL = 'http://localhost:3000';
let n = 0;

/** A complete registration with unique addresses; two contact rows filled, one left empty. */
function registration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  n += 1;
  return {
    name: `Kita Regenbogen ${n}`,
    kind: 'day_care',
    street: 'Blumenweg 3',
    postalCode: '33098',
    city: 'Paderborn',
    email: `Kita-${n}@Example.org`,
    phone: '05251 12345',
    billingReference: 'Kostenstelle 4711',
    contacts: [
      { name: 'Anna Leitung', email: `leitung-${n}@example.org`, phone: '', position: 'Leitung' },
      { name: '', email: '', phone: '', position: '' },
      { name: 'Ben Erzieher', email: `ben-${n}@example.org`, phone: '05251 1', position: 'Erzieher' },
    ],
    consent: true,
    ...overrides,
  };
}

describe('institutions: registration and the coordinators’ decisions', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  let coordinator: Actor;
  let coordinatorEmail: string;
  const db = () => database.db;
  const mailsTo = (to: string) => db().select().from(mails).where(eq(mails.to, to));
  const register = (input: RegistrationInput) => registerAgency(db(), { regionId: region.id, input, lang: 'de', baseUrl: BASE_URL });
  const decide = (agencyId: string, revision: number, decision: 'approved' | 'rejected' | 'suspended' | 'reinstated', reason = '') =>
    decideAgency(db(), coordinator, { regionId: region.id, agencyId, revision, decision, reason, baseUrl: BASE_URL });
  const fieldErrors = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${String(err)}`);
      return err.fields;
    }
    assert.fail('expected a refusal');
  };

  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(db(), { name: 'Kreis Paderborn' });
    const account = await buildAccount(db(), { roles: [{ regionId: region.id, role: 'pool_coordinator' }], uiLanguage: 'de' });
    coordinatorEmail = account.email;
    coordinator = { id: account.id, email: account.email, name: 'Koordination', isAdmin: false, memberships: [{ regionId: region.id, role: 'pool_coordinator', languages: [] }] };
  });
  after(() => database.drop());

  it('registers an institution as pending with its contacts, a receipt and a notice to the coordinators', async () => {
    const input = registration();
    const agency = await register(input);
    assert.equal(agency.status, 'pending');
    assert.equal(agency.email, input.email.toLowerCase());
    const contacts = await db().select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id));
    assert.deepEqual(contacts.map((c) => c.name).sort(), ['Anna Leitung', 'Ben Erzieher'], 'the empty row is left out');
    const receipt = await mailsTo(agency.email);
    assert.equal(receipt.length, 1);
    assert.match(receipt[0]?.text ?? '', new RegExp(`Registrierung von „${agency.name}“`));
    assert.match(receipt[0]?.text ?? '', /Anna Leitung, Ben Erzieher/);
    const notice = (await mailsTo(coordinatorEmail)).find((m) => m.text.includes(agency.id));
    assert.ok(notice, 'the coordinators are told, with a link');
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.entityId, agency.id), eq(auditEvents.action, 'sprachpool.agency_register')));
    assert.equal(audit?.actorLabel, 'system:public-registration');
  });

  it('refuses incomplete registrations field by field, nothing saved', async () => {
    const before = (await db().select().from(agencies)).length;
    const errors = await fieldErrors(register(registration({ name: '', postalCode: '330', email: 'kein-at', consent: false, contacts: [{ name: '', email: '', phone: '', position: '' }] })));
    assert.equal(errors.name?.key, 'validation.required');
    assert.equal(errors.postalCode?.key, 'sprachpool-agencies.error_postal_code');
    assert.equal(errors.email?.key, 'validation.email');
    assert.equal(errors.consent?.key, 'sprachpool-agencies.error_consent');
    assert.equal(errors['contacts.0.name']?.key, 'sprachpool-agencies.error_contact_required');
    const rows = await fieldErrors(
      register(
        registration({
          contacts: [
            { name: 'A', email: 'a@example.org' },
            { name: 'Berta B', email: 'nicht' },
            { name: 'Carla C', email: 'c@example.org' },
            { name: 'Dora D', email: 'C@example.org' },
          ],
        }),
      ),
    );
    assert.equal(rows['contacts.0.name']?.key, 'validation.too_short');
    assert.equal(rows['contacts.1.email']?.key, 'validation.email');
    assert.equal(rows['contacts.3.email']?.key, 'sprachpool-agencies.error_contact_duplicate', 'the same address twice');
    assert.equal((await db().select().from(agencies)).length, before);
  });

  it('refuses a second registration with the same institution address', async () => {
    const first = registration();
    await register(first);
    const errors = await fieldErrors(register(registration({ email: first.email.toUpperCase() })));
    assert.equal(errors.email?.key, 'sprachpool-agencies.error_already_registered');
  });

  it('approves: every contact person is invited (role agency), the institution is told, and contacts can then request', async () => {
    const agency = await register(registration());
    const contacts = await db().select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id));
    const { agency: approved, invited } = await decide(agency.id, agency.revision, 'approved');
    assert.equal(approved.status, 'approved');
    assert.ok(approved.approvedAt);
    assert.equal(invited, contacts.length);
    for (const c of contacts) {
      const invitation = (await mailsTo(c.email)).find((m) => m.text.includes('/invitation/'));
      assert.ok(invitation, `${c.email} gets an invitation link`);
    }
    const invitations = await db().select().from(auditEvents).where(and(eq(auditEvents.regionId, region.id), eq(auditEvents.action, 'member.invite')));
    assert.ok(contacts.every((c) => invitations.some((a) => JSON.stringify(a.changes).includes(c.email) && JSON.stringify(a.changes).includes('agency'))));
    const told = await mailsTo(agency.email);
    assert.ok(told.some((m) => /freigegeben/.test(m.subject) && m.text.includes(`/admin/regions/${region.id}/sprachpool/agency`)));

    // The invited person signs up with the same address: the contact is found and linked.
    const account = await buildAccount(db(), { email: contacts[0]?.email ?? '', roles: [{ regionId: region.id, role: 'agency' }] });
    const actor: Actor = { id: account.id, email: account.email, name: '', isAdmin: false, memberships: [{ regionId: region.id, role: 'agency', languages: [] }] };
    const found = await findAgencyContactForActor(db(), actor, region.id);
    assert.equal(found.agency.id, agency.id);

    // Suspended: the contact can no longer act; reinstated: again.
    const suspended = await decide(agency.id, approved.revision, 'suspended', 'Rechnungen offen');
    assert.ok((await mailsTo(agency.email)).some((m) => m.text.includes('Rechnungen offen')), 'the reason is mailed');
    await assert.rejects(findAgencyContactForActor(db(), actor, region.id), ForbiddenError);
    const reinstated = await decide(agency.id, suspended.agency.revision, 'reinstated');
    assert.equal(reinstated.agency.status, 'approved');
    assert.equal(reinstated.invited, 0, 'no second invitations');
    assert.equal((await findAgencyContactForActor(db(), actor, region.id)).agency.id, agency.id);
  });

  it('rejects only with a reason, which is mailed; wrong status and stale revisions are conflicts', async () => {
    const agency = await register(registration());
    const errors = await fieldErrors(decide(agency.id, agency.revision, 'rejected', '  '));
    assert.equal(errors.reason?.key, 'sprachpool-agencies.error_reason_required');
    await assert.rejects(decide(agency.id, agency.revision + 1, 'rejected', 'Keine Einrichtung im Kreis'), (err) => err instanceof ConflictError && err.code === 'revision_conflict');
    const { agency: rejected } = await decide(agency.id, agency.revision, 'rejected', 'Keine Einrichtung im Kreis');
    assert.equal(rejected.status, 'rejected');
    assert.ok((await mailsTo(agency.email)).some((m) => m.text.includes('Keine Einrichtung im Kreis')));
    await assert.rejects(decide(agency.id, rejected.revision, 'suspended'), (err) => err instanceof ConflictError && err.code === 'agency_status');
    const contacts = await db().select().from(agencyContacts).where(eq(agencyContacts.agencyId, agency.id));
    assert.ok(contacts.every((c) => !c.accountId));
    const noInvitations = await Promise.all(contacts.map(async (c) => (await mailsTo(c.email)).filter((m) => m.text.includes('/invitation/')).length));
    assert.deepEqual(noInvitations, contacts.map(() => 0), 'nobody invited');
  });

  it('edits with a revision check and keeps the region boundary', async () => {
    const agency = await register(registration());
    const input = { name: 'Kita Sonnenschein', kind: 'day_care' as const, street: 'Neue Straße 9', postalCode: '33100', city: 'Paderborn', email: agency.email, phone: '', billingReference: '', coordinatorNotes: 'Rückruf erbeten' };
    const saved = await updateAgency(db(), coordinator, { regionId: region.id, agencyId: agency.id, revision: agency.revision, input });
    assert.equal(saved.name, 'Kita Sonnenschein');
    assert.equal(saved.revision, agency.revision + 1);
    await assert.rejects(updateAgency(db(), coordinator, { regionId: region.id, agencyId: agency.id, revision: agency.revision, input: { ...input, name: 'Alt' } }), (err) => {
      assert.ok(err instanceof ConflictError);
      assert.equal((err.current as { name: string }).name, 'Kita Sonnenschein', 'the stored version comes with the conflict');
      return true;
    });
    const other = await buildRegion(db());
    await assert.rejects(getAgency(db(), { ...coordinator, memberships: [...coordinator.memberships, { regionId: other.id, role: 'pool_coordinator', languages: [] }] }, { regionId: other.id, agencyId: agency.id }), NotFoundError);
    const outsider: Actor = { id: coordinator.id, email: 'x@example.org', name: '', isAdmin: false, memberships: [{ regionId: other.id, role: 'pool_coordinator', languages: [] }] };
    await assert.rejects(getAgency(db(), outsider, { regionId: region.id, agencyId: agency.id }), ForbiddenError);
  });

  it('adds contacts (invited when approved) and keeps at least one', async () => {
    const { agency, contact } = await buildAgency(db(), region.id);
    const added = await addAgencyContact(db(), coordinator, { regionId: region.id, agencyId: agency.id, input: { name: 'Clara Neu', email: 'Clara.Neu@example.org', phone: '', position: 'Sozialarbeit' }, baseUrl: BASE_URL });
    assert.equal(added.invited, true);
    assert.equal(added.contact.email, 'clara.neu@example.org');
    assert.ok((await mailsTo('clara.neu@example.org')).some((m) => m.text.includes('/invitation/')));
    const duplicate = await fieldErrors(addAgencyContact(db(), coordinator, { regionId: region.id, agencyId: agency.id, input: { name: 'Clara Doppelt', email: 'clara.neu@example.org' }, baseUrl: BASE_URL }));
    assert.equal(duplicate.email?.key, 'sprachpool-agencies.error_contact_duplicate');
    await removeAgencyContact(db(), coordinator, { regionId: region.id, agencyId: agency.id, contactId: contact.id });
    await assert.rejects(removeAgencyContact(db(), coordinator, { regionId: region.id, agencyId: agency.id, contactId: added.contact.id }), (err) => err instanceof ConflictError && err.code === 'last_contact');
    const pending = await register(registration());
    const notYet = await addAgencyContact(db(), coordinator, { regionId: region.id, agencyId: pending.id, input: { name: 'Dieter Später', email: 'dieter@example.org' }, baseUrl: BASE_URL });
    assert.equal(notYet.invited, false, 'a pending institution’s contacts are invited on approval');
  });

  it('lists by status with request counts, and counts for the overview', async () => {
    const own = await buildRegion(db());
    const ownCoordinator: Actor = { ...coordinator, memberships: [{ regionId: own.id, role: 'pool_coordinator', languages: [] }] };
    const a = await buildAgency(db(), own.id, { name: 'A-Schule' });
    await buildAgency(db(), own.id, { name: 'B-Kita', status: 'pending' });
    await buildAgency(db(), own.id, { name: 'C-Beratung', status: 'pending' });
    await buildRequest(db(), own.id, a.agency.id);
    await buildRequest(db(), own.id, a.agency.id, { status: 'done' });
    const all = await listAgencies(db(), ownCoordinator, { regionId: own.id });
    assert.deepEqual(all.items.map((x) => x.name), ['B-Kita', 'C-Beratung', 'A-Schule'], 'waiting ones first');
    assert.deepEqual(all.counts, { pending: 2, approved: 1, rejected: 0, suspended: 0 });
    const school = all.items.find((x) => x.name === 'A-Schule');
    assert.equal(school?.requestCount, 2);
    assert.equal(school?.openRequestCount, 1);
    assert.equal(school?.contactCount, 1);
    const pending = await listAgencies(db(), ownCoordinator, { regionId: own.id, status: 'pending' });
    assert.deepEqual(pending.items.map((x) => x.status), ['pending', 'pending']);
    assert.deepEqual(await countAgencies(db(), own.id), { pending: 2, approved: 1 });
  });
});
