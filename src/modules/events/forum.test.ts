import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails } from '../../platform/schema.js';
import { dirOrganizations } from '../directory/schema.js';
import {
  addMember,
  FORUM_DOCUMENT_MAX_BYTES,
  getDocumentForStaff,
  getPublicDocument,
  getPublicDocumentation,
  InvitationsAlreadySentError,
  listPublicDocumentations,
  removeMember,
  saveOccurrenceText,
  sendInvitations,
  setDocumentationPublished,
  sniffDocumentType,
  uploadDocument,
  type TextConflict,
} from './forum.js';
import { eventTranslations, forumMembers, occurrenceDocuments, occurrences } from './schema.js';
import { setEventStatus, type EventRow, type OccurrenceRow } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

const BASE = 'https://wegweiser.example.org';
/** The smallest file that is a PDF by its first bytes. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function actorFor(db: Database['db'], regionId: string, role: 'editor' | 'region_admin' | 'translator'): Promise<Actor> {
  const a = await buildAccount(db, { roles: [{ regionId, role }] });
  return { id: a.id, email: a.email, name: a.name, isAdmin: false, memberships: [{ regionId, role, languages: [] }] };
}

/** A weekly round table with three past and three upcoming dates. */
async function buildForum(db: Database['db'], regionId: string, overrides: Parameters<typeof buildEvent>[2] = {}): Promise<{ event: EventRow; past: OccurrenceRow[]; upcoming: OccurrenceRow[] }> {
  const start = localInDays(-21);
  const { event, occurrences: occs } = await buildEvent(db, regionId, {
    category: 'round_table',
    title: `Runder Tisch Migration ${Math.random().toString(36).slice(2, 6)}`,
    startLocal: start,
    endLocal: `${start.slice(0, 10)}T20:00`,
    recurrence: { freq: 'weekly', endMode: 'count', count: 6 },
    ...overrides,
  });
  const now = Date.now();
  return { event, past: occs.filter((o) => o.startsAt.getTime() <= now), upcoming: occs.filter((o) => o.startsAt.getTime() > now) };
}

describe('forums: members, invitations, agenda and minutes, documents, documentation', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  let other: RegionRow;
  let editor: Actor;
  let otherAdmin: Actor;
  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(database.db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    other = await buildRegion(database.db);
    editor = await actorFor(database.db, region.id, 'editor');
    otherAdmin = await actorFor(database.db, other.id, 'region_admin');
  });
  after(async () => database.drop());

  const audits = (entityId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.id));

  it('adds members (directory organisation or free text), refuses a second entry with the same e-mail, removes them; all audited', async () => {
    const { event } = await buildForum(database.db, region.id);
    const [org] = await database.db.insert(dirOrganizations).values({ regionId: region.id, name: 'Caritas Beispielkreis', status: 'published' }).returning();
    const [foreign] = await database.db.insert(dirOrganizations).values({ regionId: other.id, name: 'Fremde Organisation', status: 'published' }).returning();
    assert.ok(org && foreign);
    const vorsitz = await addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'Aylin Demir', email: ' Aylin.Demir@Example.org ', role: 'Vorsitz', organizationName: 'Frauen-Netzwerk e. V.', language: 'tr' } });
    assert.equal(vorsitz.email, 'aylin.demir@example.org');
    assert.equal(vorsitz.organizationName, 'Frauen-Netzwerk e. V.');
    assert.equal(vorsitz.language, 'tr');

    await assert.rejects(
      addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'Someone Else', email: 'AYLIN.DEMIR@example.org', language: 'de' } }),
      (e) => e instanceof ValidationError && e.fields.email?.key === 'events-forum.error_member_duplicate' && e.fields.email.params?.name === 'Aylin Demir',
    );
    await assert.rejects(
      addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: '', email: 'not-an-address', language: 'xx' } }),
      (e) => e instanceof ValidationError && e.fields.name?.key === 'validation.required' && e.fields.email?.key === 'validation.email',
    );
    await assert.rejects(
      addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'X', email: 'x@example.org', language: 'xx' } }),
      (e) => e instanceof ValidationError && e.fields.language?.key === 'validation.choose_valid',
    );
    const linked = await addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'Jonas Berg', email: 'jonas@example.org', organizationId: org.id, language: 'de' } });
    assert.equal(linked.organizationId, org.id);
    assert.equal(linked.organizationName, 'Caritas Beispielkreis');
    // An organisation of another region is not offered and not accepted.
    await assert.rejects(
      addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'Y', email: 'y@example.org', organizationId: foreign.id, language: 'de' } }),
      (e) => e instanceof ValidationError && e.fields.organizationId?.key === 'validation.choose_valid',
    );

    await removeMember(database.db, editor, { regionId: region.id, eventId: event.id, memberId: vorsitz.id });
    assert.equal((await database.db.select().from(forumMembers).where(eq(forumMembers.id, vorsitz.id))).length, 0);
    const log = await audits(vorsitz.id);
    assert.deepEqual(log.map((a) => a.action), ['event.forum_member_add', 'event.forum_member_remove']);
    assert.equal(log[0]?.actorId, editor.id);
    assert.deepEqual(log[0]?.changes.email, [null, 'aylin.demir@example.org']);
    // After removal the address is free again.
    await addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: { name: 'Aylin Demir', email: 'aylin.demir@example.org', language: 'de' } });
  });

  it('only forums have members, and only staff of the region reach them', async () => {
    const { event: welcome } = await buildEvent(database.db, region.id, { category: 'welcome' });
    await assert.rejects(addMember(database.db, editor, { regionId: region.id, eventId: welcome.id, values: { name: 'A', email: 'a@example.org' } }), NotFoundError);
    const { event } = await buildForum(database.db, region.id);
    await assert.rejects(addMember(database.db, otherAdmin, { regionId: region.id, eventId: event.id, values: { name: 'A', email: 'a@example.org' } }), ForbiddenError);
    // Through their own region the other admin does not find this region's forum.
    await assert.rejects(addMember(database.db, otherAdmin, { regionId: other.id, eventId: event.id, values: { name: 'A', email: 'a@example.org' } }), NotFoundError);
    const translator = await actorFor(database.db, region.id, 'translator');
    await assert.rejects(addMember(database.db, translator, { regionId: region.id, eventId: event.id, values: { name: 'A', email: 'a@example.org' } }), ForbiddenError);
  });

  it('queues one invitation per member in their language with place, agenda, link and the date as .ics; sending again needs a confirmation', async () => {
    const { event, upcoming, past } = await buildForum(database.db, region.id);
    const [next] = upcoming;
    assert.ok(next && past[0]);
    await database.db.insert(eventTranslations).values({ regionId: region.id, eventId: event.id, language: 'ar', title: 'طاولة مستديرة للهجرة', sourceRevision: event.majorRevision });
    await saveOccurrenceText(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: next.id, field: 'agenda', html: '<ol><li>Begrüßung</li><li>Wohnungsmarkt</li></ol>', revision: next.revision });
    const people = [
      { name: 'Anna Schulz', email: 'anna@example.org', language: 'de', role: 'Protokoll' },
      { name: 'Rami Haddad', email: 'rami@example.org', language: 'ar', role: '' },
      { name: 'Elif Kaya', email: 'elif@example.org', language: 'tr', role: '' },
    ];
    for (const p of people) await addMember(database.db, editor, { regionId: region.id, eventId: event.id, values: p });

    const now = new Date();
    const result = await sendInvitations(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: next.id, baseUrl: BASE, now });
    assert.equal(result.sent, 3);
    const queued = await database.db.select().from(mails).where(inArray(mails.to, people.map((p) => p.email)));
    assert.equal(queued.length, 3);
    const by = (to: string) => {
      const m = queued.find((q) => q.to === to);
      assert.ok(m, to);
      return m;
    };
    const de = by('anna@example.org');
    assert.match(de.subject, /^Einladung: Runder Tisch Migration/);
    assert.match(de.text, /^Guten Tag Anna Schulz,/);
    assert.match(de.text, /Ort: Kreishaus, Markt 1, 12345 Musterstadt/);
    assert.match(de.text, /Uhrzeit: 18:00\s*–\s*20:00/);
    assert.match(de.text, /Ihre Rolle: Protokoll/);
    assert.match(de.text, /Tagesordnung:\nBegrüßung\nWohnungsmarkt/);
    assert.ok(de.text.includes(`${BASE}/${region.slug}/de/events/${event.id}/${next.id}`), 'link to the public date page');
    const ar = by('rami@example.org');
    assert.match(ar.subject, /^دعوة: طاولة مستديرة للهجرة/, 'Arabic UI text and the Arabic title');
    assert.ok(ar.text.includes(`${BASE}/${region.slug}/ar/events/${event.id}/${next.id}`));
    const tr = by('elif@example.org');
    assert.match(tr.subject, /^Davet: Runder Tisch Migration/, 'Turkish UI text, German title (no translation)');
    assert.ok(tr.text.includes(`/${region.slug}/de/events/`), 'the region has no Turkish pages: German link');
    for (const m of queued) {
      assert.equal(m.regionId, region.id);
      assert.equal(m.attachments.length, 1);
      const [ics] = m.attachments;
      assert.ok(ics);
      // RFC 5545 3.7.2: the Content-Type's method parameter and the METHOD property come together and agree.
      assert.equal(ics.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
      assert.match(ics.filename, /\.ics$/);
      const body = Buffer.from(ics.content, 'base64').toString('utf8');
      assert.match(body, /\r\nMETHOD:PUBLISH\r\n/);
      assert.match(body, /BEGIN:VCALENDAR/);
      assert.match(body, /BEGIN:VEVENT/);
      assert.match(body, /DTSTART;TZID=Europe\/Berlin:\d{8}T180000/);
    }
    const [stored] = await database.db.select().from(occurrences).where(eq(occurrences.id, next.id));
    assert.equal(stored?.invitationsSentAt?.getTime(), now.getTime());
    const log = await audits(next.id);
    assert.ok(log.some((a) => a.action === 'event.forum_invitations_send'));

    // A second time: refused with the date it was sent, then allowed when confirmed.
    await assert.rejects(sendInvitations(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: next.id, baseUrl: BASE }), (e) => e instanceof InvitationsAlreadySentError && e.sentAt.getTime() === now.getTime());
    assert.equal((await database.db.select().from(mails).where(inArray(mails.to, people.map((p) => p.email)))).length, 3, 'nothing queued');
    await sendInvitations(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: next.id, baseUrl: BASE, resend: true });
    assert.equal((await database.db.select().from(mails).where(inArray(mails.to, people.map((p) => p.email)))).length, 6);

    // A past date gets no invitations.
    await assert.rejects(sendInvitations(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: past[0].id, baseUrl: BASE }), (e) => e instanceof AppError && e.code === 'occurrence_past');
  });

  it('refuses invitations without members', async () => {
    const { event, upcoming } = await buildForum(database.db, region.id);
    assert.ok(upcoming[0]);
    await assert.rejects(sendInvitations(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: upcoming[0].id, baseUrl: BASE }), (e) => e instanceof AppError && e.code === 'forum_no_members');
  });

  it('saves agenda and minutes sanitised, with a revision check that keeps both versions', async () => {
    const { event, past } = await buildForum(database.db, region.id);
    const [o] = past;
    assert.ok(o);
    const saved = await saveOccurrenceText(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, field: 'minutes', html: '<p>Beschlüsse</p><script>alert(1)</script><p onclick="x()">Termin</p>', revision: o.revision });
    assert.equal(saved.minutesHtml, '<p>Beschlüsse</p><p>Termin</p>');
    assert.equal(saved.revision, o.revision + 1);
    // A second editor still on the old revision: a conflict carrying the stored text; nothing overwritten.
    await assert.rejects(
      saveOccurrenceText(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, field: 'minutes', html: '<p>Meine Fassung</p>', revision: o.revision }),
      (e) => e instanceof ConflictError && e.code === 'revision_conflict' && (e.current as TextConflict).html === '<p>Beschlüsse</p><p>Termin</p>' && (e.current as TextConflict).revision === saved.revision,
    );
    const [row] = await database.db.select().from(occurrences).where(eq(occurrences.id, o.id));
    assert.equal(row?.minutesHtml, '<p>Beschlüsse</p><p>Termin</p>');
    const agenda = await saveOccurrenceText(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, field: 'agenda', html: '<ul><li>TOP 1</li></ul>', revision: saved.revision });
    assert.equal(agenda.agendaHtml, '<ul><li>TOP 1</li></ul>');
    assert.equal(agenda.minutesHtml, saved.minutesHtml, 'the minutes stay');
    assert.deepEqual((await audits(o.id)).map((a) => a.action), ['event.forum_minutes_save', 'event.forum_agenda_save']);
  });

  it('recognises files by their bytes: PDF accepted, a program renamed to .pdf and oversize files refused', async () => {
    const { event, past } = await buildForum(database.db, region.id);
    const [o] = past;
    assert.ok(o);
    const upload = (over: Partial<Parameters<typeof uploadDocument>[2]>) =>
      uploadDocument(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, title: 'Protokoll', kind: 'minutes', isPublic: true, filename: 'protokoll.pdf', data: PDF_BYTES, ...over });
    const doc = await upload({});
    assert.equal(doc.contentType, 'application/pdf');
    assert.equal(doc.bytes, PDF_BYTES.length);
    assert.equal(doc.filename, 'protokoll.pdf');
    assert.match(doc.sha256, /^[0-9a-f]{64}$/);
    assert.equal((await getDocumentForStaff(database.db, editor, { regionId: region.id, eventId: event.id, documentId: doc.id })).data.equals(PDF_BYTES), true);

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)]);
    assert.equal(sniffDocumentType(exe), null);
    await assert.rejects(upload({ filename: 'protokoll.pdf', data: exe }), (e) => e instanceof ValidationError && e.fields.file?.key === 'events-forum.error_file_type');
    await assert.rejects(upload({ data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), filename: 'bild.png' }), (e) => e instanceof ValidationError && e.fields.file?.key === 'events-forum.error_file_type');
    await assert.rejects(upload({ data: Buffer.concat([PDF_BYTES, Buffer.alloc(FORUM_DOCUMENT_MAX_BYTES)]) }), (e) => e instanceof ValidationError && e.fields.file?.key === 'events-forum.error_file_too_large');
    await assert.rejects(upload({ truncated: true }), (e) => e instanceof ValidationError && e.fields.file?.key === 'events-forum.error_file_too_large');
    await assert.rejects(upload({ title: ' ', kind: 'bogus' }), (e) => e instanceof ValidationError && e.fields.title?.key === 'validation.required' && e.fields.kind?.key === 'validation.choose_valid');
    // A JPEG with a wrong extension keeps its real type and gets the right one.
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#036' } }).jpeg().toBuffer();
    const named = await upload({ data: jpeg, filename: 'scan.pdf', kind: 'document', title: 'Foto' });
    assert.equal(named.contentType, 'image/jpeg');
    assert.equal(named.filename, 'scan.jpg');
    const rows = await database.db.select({ id: occurrenceDocuments.id }).from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, o.id));
    assert.equal(rows.length, 2, 'refused uploads stored nothing');
    assert.ok((await audits(doc.id)).some((a) => a.action === 'event.forum_document_upload'));
  });

  it('strips metadata (EXIF, GPS, comments) from images and keeps their format', async () => {
    const { event, past } = await buildForum(database.db, region.id);
    const [o] = past;
    assert.ok(o);
    const withExif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret Owner', ImageDescription: 'Wohnung von Familie X' } })
      .toBuffer();
    assert.ok((await sharp(withExif).metadata()).exif, 'the test image has EXIF');
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#0a0' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'Secret Artist' } } })
      .toBuffer();
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00a' } })
      .webp()
      .withExif({ IFD0: { Copyright: 'Secret' } })
      .toBuffer();
    for (const [data, type, filename] of [
      [withExif, 'image/jpeg', 'foto.jpeg'],
      [png, 'image/png', 'tafel.png'],
      [webp, 'image/webp', 'bild.webp'],
    ] as const) {
      const doc = await uploadDocument(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, title: filename, kind: 'document', isPublic: false, filename, data });
      assert.equal(doc.contentType, type);
      const stored = await getDocumentForStaff(database.db, editor, { regionId: region.id, eventId: event.id, documentId: doc.id });
      const meta = await sharp(stored.data).metadata();
      assert.equal(meta.exif, undefined, `${type}: no EXIF left`);
      assert.equal(meta.xmp, undefined);
      assert.ok(!stored.data.includes(Buffer.from('Secret')), `${type}: the text is gone from the bytes`);
      assert.equal(stored.bytes, stored.data.length);
    }
  });

  it('publishes documentation of a past date: readers get minutes and public documents only then', async () => {
    const { event, past, upcoming } = await buildForum(database.db, region.id, { category: 'dialog_forum' });
    const [o] = past;
    assert.ok(o && upcoming[0]);
    await saveOccurrenceText(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, field: 'minutes', html: '<p>Ergebnisse des Forums</p>', revision: o.revision });
    const publicDoc = await uploadDocument(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, title: 'Präsentation', kind: 'document', isPublic: true, filename: 'p.pdf', data: PDF_BYTES });
    const internal = await uploadDocument(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, title: 'Teilnehmerliste', kind: 'document', isPublic: false, filename: 'liste.pdf', data: PDF_BYTES });
    const ids = { eventId: event.id, occurrenceId: o.id };

    await assert.rejects(getPublicDocumentation(database.db, region, 'de', ids), NotFoundError);
    await assert.rejects(getPublicDocument(database.db, region, { ...ids, documentId: publicDoc.id }), NotFoundError);
    await assert.rejects(setDocumentationPublished(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: upcoming[0].id, publish: true }), (e) => e instanceof AppError && e.code === 'documentation_before_date');

    await setDocumentationPublished(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, publish: true });
    const doc = await getPublicDocumentation(database.db, region, 'de', ids);
    assert.equal(doc.occurrence.minutesHtml, '<p>Ergebnisse des Forums</p>');
    assert.deepEqual(doc.documents.map((d) => d.title), ['Präsentation']);
    assert.equal((await getPublicDocument(database.db, region, { ...ids, documentId: publicDoc.id })).data.equals(PDF_BYTES), true);
    await assert.rejects(getPublicDocument(database.db, region, { ...ids, documentId: internal.id }), NotFoundError, 'internal documents stay internal');
    await assert.rejects(getPublicDocument(database.db, region, { eventId: event.id, occurrenceId: past[1]?.id ?? '', documentId: publicDoc.id }), NotFoundError, 'only under its own date');
    await assert.rejects(getPublicDocumentation(database.db, other, 'de', ids), NotFoundError, 'not through another region');
    const listed = await listPublicDocumentations(database.db, region, 'de');
    assert.ok(listed.some((l) => l.occurrence.id === o.id));

    // Newest first.
    const [second] = past.slice(1);
    assert.ok(second);
    await setDocumentationPublished(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: second.id, publish: true });
    const order = (await listPublicDocumentations(database.db, region, 'de')).filter((l) => l.event.id === event.id).map((l) => l.occurrence.id);
    assert.deepEqual(order, [second.id, o.id]);

    // A draft event hides its documentation; unpublishing hides it too.
    await setEventStatus(database.db, { system: 'test' }, { regionId: region.id, id: event.id, action: 'unpublish' });
    await assert.rejects(getPublicDocumentation(database.db, region, 'de', ids), NotFoundError);
    await setEventStatus(database.db, { system: 'test' }, { regionId: region.id, id: event.id, action: 'publish' });
    await setDocumentationPublished(database.db, editor, { regionId: region.id, eventId: event.id, occurrenceId: o.id, publish: false });
    await assert.rejects(getPublicDocumentation(database.db, region, 'de', ids), NotFoundError);
    const actions = (await audits(o.id)).map((a) => a.action);
    assert.deepEqual(
      actions.filter((a) => a.includes('documentation')),
      ['event.forum_documentation_publish', 'event.forum_documentation_unpublish'],
    );
    const [row] = await database.db.select().from(occurrences).where(and(eq(occurrences.id, o.id)));
    assert.equal(row?.documentationPublishedAt, null);
  });
});
