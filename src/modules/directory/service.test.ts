import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails } from '../../platform/schema.js';
import { collectRows, normalisePhone, parseServiceForm } from './forms.js';
import { sendVerificationReminders } from './reminders.js';
import { dirOrganizationEditors, dirSearchTexts, dirServices, dirTaxonomyTerms, dirTranslations } from './schema.js';
import {
  addOrganizationEditor,
  bulkServices,
  changeStatus,
  decideReview,
  DuplicatesFoundError,
  getForEdit,
  openDirectory,
  saveObject,
  saveTranslation,
  translationStates,
  type RevisionConflict,
} from './service.js';

type Db = Database['db'];

async function actorFor(db: Db, regionId: string, role: 'editor' | 'partner' | 'translator', uiLanguage = 'de'): Promise<Actor> {
  const a = await buildAccount(db, { roles: [{ regionId, role }], uiLanguage, name: role });
  return { id: a.id, email: a.email, name: a.name, isAdmin: false, memberships: [{ regionId, role, languages: [] }] };
}

async function rejects<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${type.name}`);
}

describe('directory admin rules', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Db;
  let region: RegionRow;
  let editor: Actor;
  let partner: Actor;
  let orgId: string;
  let locationId: string;

  const org = (name: string, extra: Record<string, string> = {}) => saveObject(db, editor, { regionId: region.id, kind: 'organization', values: { name, description: 'Träger', ...extra } });
  const service = (actor: Actor, name: string, extra: Record<string, string | string[]> = {}) =>
    saveObject(db, actor, { regionId: region.id, kind: 'service', values: { organizationId: orgId, name, description: 'Beratung für Zugewanderte', hsdsStatus: 'active', ...extra } });
  const row = async (id: string) => (await db.select().from(dirServices).where(eq(dirServices.id, id)))[0];

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    region = await buildRegion(db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    editor = await actorFor(db, region.id, 'editor');
    partner = await actorFor(db, region.id, 'partner');
    orgId = (await org('Caritasverband Beispielkreis')).id;
    locationId = (
      await saveObject(db, editor, {
        regionId: region.id,
        kind: 'location',
        values: { name: 'Beratungsstelle Mitte', address1: 'Marktstraße 5', postalCode: '41460', city: 'Neuss', latitude: '51.2', longitude: '6.69', 'weekly.0.days': ['MO', 'TU'], 'weekly.0.opens': '9:00', 'weekly.0.closes': '12:00' },
      })
    ).id;
  });
  after(() => database.drop());

  it('creates the default categories the first time the directory is opened', async () => {
    await openDirectory(db, editor, region.id);
    const terms = await db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id));
    assert.ok(terms.some((t) => t.code === 'migration-counselling'));
    await openDirectory(db, editor, region.id);
    assert.equal((await db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id))).length, terms.length, 'only once');
  });

  it('normalises German phone numbers to E.164 and refuses malformed ones', () => {
    assert.equal(normalisePhone('02131 / 12 34-0'), '+492131123 40'.replace(' ', ''));
    assert.equal(normalisePhone('+49 (0) 2131 1234'), '+4921311234');
    assert.equal(normalisePhone('0049 30 1234567'), '+49301234567');
    assert.equal(normalisePhone('(0211) 89-0'), '+4921189 0'.replace(' ', ''));
    assert.equal(normalisePhone('+90 212 555 1234'), '+902125551234');
    assert.equal(normalisePhone('115'), '115');
    assert.equal(normalisePhone('123456'), null, 'no area code');
    assert.equal(normalisePhone('0211-abc'), null);
    assert.equal(normalisePhone('+49 0211 1234'), null, 'trunk zero after the country code');
    assert.equal(normalisePhone('0211 1234567890123456'), null, 'too long');
  });

  it('collects only filled repeatable rows, keeping the index the user saw', () => {
    const rows = collectRows({ 'phones.0.number': '', 'phones.1.number': '0211 1234', 'phones.1.type': 'voice', 'phones.3.number': '0211 5678' }, 'phones');
    assert.deepEqual(
      rows.map((r) => r.index),
      [1, 3],
    );
  });

  it('refuses invalid input with messages at the fields', async () => {
    const err = await rejects(
      service(editor, 'Fehlerhafte Beratung', {
        url: 'javascript:alert(1)',
        email: 'keine-adresse',
        minimumAge: '30',
        maximumAge: '18',
        'phones.2.number': '12 34',
        'weekly.0.days': ['MO'],
        'weekly.0.opens': '25:00',
        'closures.0.from': '2025-12-31',
        'closures.0.to': '2025-12-24',
      }),
      ValidationError,
    );
    assert.equal(err.fields.url?.key, 'directory-admin.error_url');
    assert.equal(err.fields.email?.key, 'validation.email');
    assert.equal(err.fields.maximumAge?.key, 'directory-admin.error_age_order');
    assert.equal(err.fields['phones.2.number']?.key, 'directory-admin.error_phone');
    assert.equal(err.fields['weekly.0.opens']?.key, 'directory-admin.error_time');
    assert.equal(err.fields['weekly.0.closes']?.key, 'validation.required');
    assert.equal(err.fields['closures.0.to']?.key, 'directory-admin.error_date_order');

    // Overlapping slots (hours.ts) are reported at the row the user typed them in.
    const overlap = parseServiceForm({ organizationId: orgId, name: 'X', 'weekly.0.days': ['MO'], 'weekly.0.opens': '09:00', 'weekly.0.closes': '12:00', 'weekly.3.days': ['MO'], 'weekly.3.opens': '11:00', 'weekly.3.closes': '13:00' }, { languages: [] });
    assert.ok(!overlap.ok && overlap.errors['weekly.3.opens']?.key === 'hours.error_overlap');

    const loc = await rejects(saveObject(db, editor, { regionId: region.id, kind: 'location', values: { name: 'Ort', latitude: '51.2', longitude: '' } }), ValidationError);
    assert.equal(loc.fields.longitude?.key, 'directory-admin.error_coordinates_both');
    const far = await rejects(saveObject(db, editor, { regionId: region.id, kind: 'location', values: { name: 'Ort', latitude: '91', longitude: '6' } }), ValidationError);
    assert.equal(far.fields.latitude?.key, 'directory-admin.error_coordinates');

    const parsed = parseServiceForm({ organizationId: orgId, name: 'X', description: '', 'phones.0.number': '02131 1234', 'phones.0.languages': 'de, ar' }, { languages: ['de', 'ar'] });
    assert.ok(parsed.ok);
    if (parsed.ok) assert.deepEqual(parsed.input.phones?.[0], { number: '+4921311234', type: 'voice', languages: ['de', 'ar'], description: null });
  });

  it('warns about possible duplicates on create, and creates anyway when asked', async () => {
    const first = await service(editor, 'Migrationsberatung für Erwachsene', { locationIds: [locationId], 'phones.0.number': '02131 555 100' });
    assert.equal(first.outcome, 'created');
    const dup = await rejects(service(editor, 'Migrationsberatung  für erwachsene!', { locationIds: [locationId] }), DuplicatesFoundError);
    assert.deepEqual(
      dup.candidates.map((c) => [c.id, c.reason]),
      [[first.id, 'name_address']],
    );
    const byPhone = await rejects(service(editor, 'Ganz anderer Name', { 'phones.0.number': '+49 2131 555100' }), DuplicatesFoundError);
    assert.equal(byPhone.candidates[0]?.reason, 'phone');
    const anyway = await service(editor, 'Migrationsberatung für Erwachsene', { locationIds: [locationId], createAnyway: '1' });
    assert.notEqual(anyway.id, first.id);
    await rejects(org('Caritasverband  Beispielkreis'), DuplicatesFoundError);
  });

  it('refuses a stale save with 409, naming the fields that differ', async () => {
    const { id } = await service(editor, 'Sprachcafé am Markt');
    const loaded = await getForEdit(db, await openDirectory(db, editor, region.id), 'service', id);
    await saveObject(db, editor, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, description: 'Jeden Dienstag.' } });
    const err = await rejects(saveObject(db, editor, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, name: 'Sprachcafé im Rathaus' } }), ConflictError);
    assert.equal(err.code, 'revision_conflict');
    const conflict = err.current as RevisionConflict;
    assert.equal(conflict.revision, 2);
    assert.deepEqual(conflict.changed.sort(), ['description', 'name']);
    assert.equal((await row(id))?.name, 'Sprachcafé am Markt');
  });

  it('keeps a partner change of a published entry for review; accept publishes it, reject drops it', async () => {
    const other = (await org('Diakonie Beispielkreis')).id;
    const foreign = await saveObject(db, editor, { regionId: region.id, kind: 'service', values: { organizationId: other, name: 'Schuldnerberatung', description: '', hsdsStatus: 'active' } });
    await addOrganizationEditor(db, editor, { regionId: region.id, organizationId: orgId, email: partner.email.toUpperCase() });
    assert.equal((await db.select().from(dirOrganizationEditors).where(eq(dirOrganizationEditors.accountId, partner.id))).length, 1);

    const { id } = await service(editor, 'Flüchtlingsberatung');
    const ctx = await openDirectory(db, partner, region.id);
    const loaded = await getForEdit(db, ctx, 'service', id);
    const proposed = await saveObject(db, partner, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, name: 'Flüchtlings- und Asylberatung' } });
    assert.equal(proposed.outcome, 'proposed');
    let stored = await row(id);
    assert.equal(stored?.name, 'Flüchtlingsberatung', 'readers keep the published version');
    assert.equal(stored?.status, 'published');
    assert.equal(stored?.pendingBy, partner.id);

    // Other organisations do not exist for the partner.
    await rejects(getForEdit(db, ctx, 'service', foreign.id), NotFoundError);
    await rejects(saveObject(db, partner, { regionId: region.id, kind: 'service', id: foreign.id, values: { organizationId: other, name: 'X', revision: '1' } }), NotFoundError);

    assert.equal(await decideReview(db, editor, { regionId: region.id, kind: 'service', id, decision: 'accept' }), 'accepted');
    stored = await row(id);
    assert.equal(stored?.name, 'Flüchtlings- und Asylberatung');
    assert.equal(stored?.pendingChange, null);
    assert.equal(stored?.status, 'published');

    const again = await getForEdit(db, ctx, 'service', id);
    await saveObject(db, partner, { regionId: region.id, kind: 'service', id, values: { ...again.values, name: 'Etwas ganz anderes' } });
    await rejects(decideReview(db, editor, { regionId: region.id, kind: 'service', id, decision: 'reject' }), ValidationError);
    assert.equal(await decideReview(db, editor, { regionId: region.id, kind: 'service', id, decision: 'reject', note: 'Bitte den offiziellen Namen verwenden.' }), 'rejected');
    stored = await row(id);
    assert.equal(stored?.name, 'Flüchtlings- und Asylberatung');
    assert.equal(stored?.pendingChange, null);

    // A partner's new service starts in review.
    const created = await service(partner, 'Neue Sprechstunde für Frauen');
    assert.equal(created.outcome, 'submitted');
    assert.equal((await row(created.id))?.status, 'review');
  });

  it('archives: the entry leaves the public search but is kept; unarchive brings it back as a draft', async () => {
    const { id } = await service(editor, 'Integrationskurs Abend');
    assert.equal((await db.select().from(dirSearchTexts).where(eq(dirSearchTexts.serviceId, id))).length, 1);
    assert.equal(await changeStatus(db, editor, { regionId: region.id, kind: 'service', id, action: 'archive' }), 'archived');
    const archived = await row(id);
    assert.equal(archived?.status, 'archived');
    assert.ok(archived?.archivedAt);
    assert.equal((await db.select().from(dirSearchTexts).where(eq(dirSearchTexts.serviceId, id))).length, 0);
    await rejects(changeStatus(db, partner, { regionId: region.id, kind: 'service', id, action: 'unarchive' }), Error);
    assert.equal(await changeStatus(db, editor, { regionId: region.id, kind: 'service', id, action: 'unarchive' }), 'draft');
  });

  it('bulk-verifies services with the actor and time, audited', async () => {
    const a = await service(editor, 'Jobcenter Neuss');
    const b = await service(editor, 'Ausländerbehörde');
    const before = new Date();
    assert.equal(await bulkServices(db, editor, { regionId: region.id, action: 'verify', ids: [a.id, b.id, '00000000-0000-4000-8000-000000000000'] }), 2);
    for (const id of [a.id, b.id]) {
      const r = await row(id);
      assert.equal(r?.verifiedBy, editor.id);
      assert.ok(r?.verifiedAt && r.verifiedAt >= new Date(before.getTime() - 1000));
    }
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'directory.service.verify'), eq(auditEvents.entityId, a.id)));
    assert.equal(audit.length, 1);
    await rejects(bulkServices(db, editor, { regionId: region.id, action: 'verify', ids: [] }), ValidationError);
  });

  it('marks translations outdated after a major change but not after a minor one', async () => {
    const { id } = await service(editor, 'Psychosoziales Zentrum');
    await saveTranslation(db, editor, { regionId: region.id, kind: 'service', id, language: 'en', values: { name: 'Psychosocial centre', description: 'Counselling.' } });
    const ctx = await openDirectory(db, editor, region.id);
    const state = async () => {
      const r = await row(id);
      return (await translationStates(db, region, 'service', [{ id, majorRevision: r?.majorRevision ?? 0 }])).get(id);
    };
    assert.deepEqual(await state(), { en: 'up_to_date', ar: 'missing' });
    const searchEn = await db.select().from(dirSearchTexts).where(and(eq(dirSearchTexts.serviceId, id), eq(dirSearchTexts.language, 'en')));
    assert.equal(searchEn[0]?.title, 'Psychosocial centre', 'search text refreshed');

    let loaded = await getForEdit(db, ctx, 'service', id);
    await saveObject(db, editor, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, description: 'Beratung für Zugewanderte.', minor: '1' } });
    assert.deepEqual(await state(), { en: 'up_to_date', ar: 'missing' }, 'minor change');
    loaded = await getForEdit(db, ctx, 'service', id);
    await saveObject(db, editor, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, description: 'Neu: auch Gruppenangebote.' } });
    assert.deepEqual(await state(), { en: 'outdated', ar: 'missing' }, 'major change');
    loaded = await getForEdit(db, ctx, 'service', id);
    await saveObject(db, editor, { regionId: region.id, kind: 'service', id, values: { ...loaded.values, 'phones.0.number': '0211 99 88 77' } });
    const [tr] = await db.select().from(dirTranslations).where(eq(dirTranslations.entityId, id));
    assert.equal(tr?.fields.name, 'Psychosocial centre');
    assert.deepEqual(await state(), { en: 'outdated', ar: 'missing' });
  });

  it('reminds the owners of overdue entries once per period, one mail per person', async () => {
    const remindRegion = await buildRegion(db, { name: 'Kreis Erinnerung', settings: { directory: { verifyAfterMonths: 3 } } });
    const regionEditor = await actorFor(db, remindRegion.id, 'editor', 'en');
    const owner = await actorFor(db, remindRegion.id, 'partner');
    const o1 = await saveObject(db, regionEditor, { regionId: remindRegion.id, kind: 'organization', values: { name: 'AWO' } });
    const o2 = await saveObject(db, regionEditor, { regionId: remindRegion.id, kind: 'organization', values: { name: 'Stadt' } });
    await addOrganizationEditor(db, regionEditor, { regionId: remindRegion.id, organizationId: o1.id, email: owner.email });
    const mk = (organizationId: string, name: string) => saveObject(db, regionEditor, { regionId: remindRegion.id, kind: 'service', values: { organizationId, name, description: '' } });
    const s1 = await mk(o1.id, 'Jugendmigrationsdienst');
    const s2 = await mk(o1.id, 'Frauenberatung');
    const s3 = await mk(o2.id, 'Bürgerbüro');
    await bulkServices(db, regionEditor, { regionId: remindRegion.id, action: 'verify', ids: [s2.id] });

    const soon = new Date(Date.now() + 60 * 24 * 3600 * 1000);
    assert.deepEqual(await sendVerificationReminders(db, { baseUrl: 'https://wegweiser.example', now: soon }), { mails: 0, services: 0 }, 'nothing overdue yet');

    const later = new Date(Date.now() + 100 * 24 * 3600 * 1000);
    const result = await sendVerificationReminders(db, { baseUrl: 'https://wegweiser.example', now: later });
    assert.equal(result.services >= 3, true);
    const toOwner = await db.select().from(mails).where(eq(mails.to, owner.email));
    assert.equal(toOwner.length, 1);
    assert.match(toOwner[0]?.text ?? '', /Jugendmigrationsdienst/);
    assert.match(toOwner[0]?.text ?? '', /Frauenberatung/);
    assert.ok(toOwner[0]?.text.includes(`https://wegweiser.example/admin/regions/${remindRegion.id}/directory/services/${s1.id}`));
    assert.doesNotMatch(toOwner[0]?.text ?? '', /Bürgerbüro/);
    const toEditor = await db.select().from(mails).where(eq(mails.to, regionEditor.email));
    assert.equal(toEditor.length, 1, 'the region editor gets the entries without partner');
    assert.match(toEditor[0]?.text ?? '', /Bürgerbüro/);
    assert.match(toEditor[0]?.subject ?? '', /verif/i, 'in the recipient’s language');
    assert.ok((await row(s3.id))?.remindedAt);

    const again = await sendVerificationReminders(db, { baseUrl: 'https://wegweiser.example', now: new Date(later.getTime() + 24 * 3600 * 1000) });
    assert.equal(again.mails, 0, 'once per period');
  });
});
