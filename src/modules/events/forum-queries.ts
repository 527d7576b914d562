/**
 * Drizzle queries of round tables and dialog forums (members, texts and documents of a date, documentation pages).
 * Every lookup names the region; rules live in forum.ts.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dirOrganizations } from '../directory/schema.js';
import { events, FORUM_CATEGORIES, forumMembers, occurrenceDocuments, occurrences } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';

export type MemberRow = typeof forumMembers.$inferSelect;
export type NewMember = typeof forumMembers.$inferInsert;
export type DocumentRow = typeof occurrenceDocuments.$inferSelect;
export type NewDocument = typeof occurrenceDocuments.$inferInsert;
/** A document without its bytes (lists, audit). */
export type DocumentInfo = Omit<DocumentRow, 'data'>;
/** A member with the name of the directory organisation when linked (the directory's current name). */
export type MemberListItem = MemberRow & { directoryName: string | null };
export type DateListItem = OccurrenceRow & { documents: number };

const documentInfo = {
  id: occurrenceDocuments.id,
  regionId: occurrenceDocuments.regionId,
  occurrenceId: occurrenceDocuments.occurrenceId,
  kind: occurrenceDocuments.kind,
  title: occurrenceDocuments.title,
  filename: occurrenceDocuments.filename,
  contentType: occurrenceDocuments.contentType,
  bytes: occurrenceDocuments.bytes,
  sha256: occurrenceDocuments.sha256,
  public: occurrenceDocuments.public,
  uploadedBy: occurrenceDocuments.uploadedBy,
  createdAt: occurrenceDocuments.createdAt,
};

/** Members of a forum, by name. */
export async function listMembersOfForum(db: Db, regionId: string, eventId: string): Promise<MemberListItem[]> {
  const rows = await db
    .select({ member: forumMembers, directoryName: dirOrganizations.name })
    .from(forumMembers)
    .leftJoin(dirOrganizations, and(eq(dirOrganizations.id, forumMembers.organizationId), eq(dirOrganizations.regionId, regionId)))
    .where(and(eq(forumMembers.regionId, regionId), eq(forumMembers.eventId, eventId)))
    .orderBy(asc(sql`lower(${forumMembers.name})`), asc(forumMembers.email));
  return rows.map((r) => ({ ...r.member, directoryName: r.directoryName }));
}

export async function findMemberByEmail(db: Db, eventId: string, email: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(forumMembers).where(and(eq(forumMembers.eventId, eventId), eq(forumMembers.email, email)));
  return row;
}

export async function findMemberOfForum(db: Db, regionId: string, eventId: string, id: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(forumMembers).where(and(eq(forumMembers.regionId, regionId), eq(forumMembers.eventId, eventId), eq(forumMembers.id, id)));
  return row;
}

/** Inserts a member; undefined when the e-mail address is already on the forum (unique index). */
export async function insertMember(db: Db, values: NewMember): Promise<MemberRow | undefined> {
  const [row] = await db.insert(forumMembers).values(values).onConflictDoNothing({ target: [forumMembers.eventId, forumMembers.email] }).returning();
  return row;
}

export async function deleteMemberRow(db: Db, regionId: string, id: string): Promise<void> {
  await db.delete(forumMembers).where(and(eq(forumMembers.regionId, regionId), eq(forumMembers.id, id)));
}

/** The directory organisations of a region a member can belong to (not archived), by name. */
export async function listOrganizationChoices(db: Db, regionId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: dirOrganizations.id, name: dirOrganizations.name })
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), ne(dirOrganizations.status, 'archived')))
    .orderBy(asc(sql`lower(${dirOrganizations.name})`));
}

export async function findOrganizationInRegion(db: Db, regionId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: dirOrganizations.id, name: dirOrganizations.name })
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), eq(dirOrganizations.id, id), ne(dirOrganizations.status, 'archived')));
  return row;
}

/** The dates of a forum in time order, each with its number of documents. */
export async function listDatesOfForum(db: Db, regionId: string, eventId: string): Promise<DateListItem[]> {
  const rows = await db
    .select({ occurrence: occurrences, documents: count(occurrenceDocuments.id) })
    .from(occurrences)
    .leftJoin(occurrenceDocuments, eq(occurrenceDocuments.occurrenceId, occurrences.id))
    .where(and(eq(occurrences.regionId, regionId), eq(occurrences.eventId, eventId)))
    .groupBy(occurrences.id)
    .orderBy(asc(occurrences.startsAt));
  return rows.map((r) => ({ ...r.occurrence, documents: r.documents }));
}

export async function findOccurrenceOfEvent(db: Db, regionId: string, eventId: string, occurrenceId: string): Promise<OccurrenceRow | undefined> {
  const [row] = await db.select().from(occurrences).where(and(eq(occurrences.regionId, regionId), eq(occurrences.eventId, eventId), eq(occurrences.id, occurrenceId)));
  return row;
}

/** Locks a date's row for the rest of the transaction (invitations: one sender at a time). */
export async function lockOccurrence(db: Db, id: string): Promise<OccurrenceRow | undefined> {
  const [row] = await db.select().from(occurrences).where(eq(occurrences.id, id)).for('update');
  return row;
}

/** Writes agenda or minutes when the row still has `revision`; undefined when someone else saved first. */
export async function updateOccurrenceText(
  db: Db,
  id: string,
  revision: number,
  set: { agendaHtml: string } | { minutesHtml: string },
  now: Date,
): Promise<OccurrenceRow | undefined> {
  const [row] = await db
    .update(occurrences)
    .set({ ...set, revision: revision + 1, updatedAt: now })
    .where(and(eq(occurrences.id, id), eq(occurrences.revision, revision)))
    .returning();
  return row;
}

export async function markInvitationsSent(db: Db, id: string, at: Date): Promise<void> {
  await db.update(occurrences).set({ invitationsSentAt: at }).where(eq(occurrences.id, id));
}

export async function setDocumentationPublishedAt(db: Db, id: string, at: Date | null): Promise<OccurrenceRow | undefined> {
  const [row] = await db.update(occurrences).set({ documentationPublishedAt: at }).where(eq(occurrences.id, id)).returning();
  return row;
}

export async function insertDocument(db: Db, values: NewDocument): Promise<DocumentInfo> {
  const [row] = await db.insert(occurrenceDocuments).values(values).returning(documentInfo);
  if (!row) throw new Error('document insert returned nothing');
  return row;
}

/** Documents of a date (without bytes), agenda first, then minutes, then others, each by upload time. */
export async function listDocumentsOfOccurrence(db: Db, regionId: string, occurrenceId: string, opts: { onlyPublic?: boolean } = {}): Promise<DocumentInfo[]> {
  return db
    .select(documentInfo)
    .from(occurrenceDocuments)
    .where(and(eq(occurrenceDocuments.regionId, regionId), eq(occurrenceDocuments.occurrenceId, occurrenceId), opts.onlyPublic ? eq(occurrenceDocuments.public, true) : undefined))
    .orderBy(sql`CASE ${occurrenceDocuments.kind} WHEN 'agenda' THEN 0 WHEN 'minutes' THEN 1 ELSE 2 END`, asc(occurrenceDocuments.createdAt));
}

/** A document of a date of an event, with its bytes. */
export async function findDocumentOfEvent(db: Db, regionId: string, eventId: string, documentId: string): Promise<{ document: DocumentRow; occurrence: OccurrenceRow } | undefined> {
  const [row] = await db
    .select({ document: occurrenceDocuments, occurrence: occurrences })
    .from(occurrenceDocuments)
    .innerJoin(occurrences, eq(occurrences.id, occurrenceDocuments.occurrenceId))
    .where(and(eq(occurrenceDocuments.regionId, regionId), eq(occurrenceDocuments.id, documentId), eq(occurrences.eventId, eventId)));
  // bytea arrives as a Buffer from node-postgres and as a Uint8Array from PGlite.
  return row ? { ...row, document: { ...row.document, data: asBuffer(row.document.data) } } : undefined;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

export async function deleteDocumentRow(db: Db, regionId: string, id: string): Promise<void> {
  await db.delete(occurrenceDocuments).where(and(eq(occurrenceDocuments.regionId, regionId), eq(occurrenceDocuments.id, id)));
}

/** Readers see documentation of forums that are not drafts, once the organiser published it. */
const readable = (regionId: string) =>
  and(eq(occurrences.regionId, regionId), isNotNull(occurrences.documentationPublishedAt), ne(events.status, 'draft'), inArray(events.category, [...FORUM_CATEGORIES]));

/** Published documentations of a region, newest date first. */
export async function listPublishedDocumentations(db: Db, regionId: string, limit = 200): Promise<{ event: EventRow; occurrence: OccurrenceRow }[]> {
  return db
    .select({ event: events, occurrence: occurrences })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .where(readable(regionId))
    .orderBy(desc(occurrences.startsAt))
    .limit(limit);
}

/** One published documentation, or undefined (unknown, unpublished, or the event is a draft). */
export async function findPublishedDocumentation(db: Db, regionId: string, eventId: string, occurrenceId: string): Promise<{ event: EventRow; occurrence: OccurrenceRow } | undefined> {
  const [row] = await db
    .select({ event: events, occurrence: occurrences })
    .from(occurrences)
    .innerJoin(events, eq(events.id, occurrences.eventId))
    .where(and(readable(regionId), eq(occurrences.id, occurrenceId), eq(events.id, eventId)));
  return row;
}
