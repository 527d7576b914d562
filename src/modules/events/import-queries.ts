/** Database reads and writes of the iCal feed import (Drizzle only; the rules are in import.ts and feed-service.ts). */
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../../platform/schema.js';
import { eventFeeds, events, occurrences } from './schema.js';

export type FeedRow = typeof eventFeeds.$inferSelect;
type EventRow = typeof events.$inferSelect;
type OccurrenceRow = typeof occurrences.$inferSelect;

/** A feed of the region, or undefined. */
export async function findFeed(db: Db, regionId: string, id: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .select()
    .from(eventFeeds)
    .where(and(eq(eventFeeds.regionId, regionId), eq(eventFeeds.id, id)));
  return row;
}

/** The region's feeds by name. */
export async function listFeedsOfRegion(db: Db, regionId: string): Promise<FeedRow[]> {
  return db.select().from(eventFeeds).where(eq(eventFeeds.regionId, regionId)).orderBy(asc(eventFeeds.name), asc(eventFeeds.createdAt));
}

/** Another feed of the region with this URL (the URL is unique per region). */
export async function findFeedByUrl(db: Db, regionId: string, url: string, exceptId?: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .select()
    .from(eventFeeds)
    .where(and(eq(eventFeeds.regionId, regionId), eq(eventFeeds.url, url), exceptId ? ne(eventFeeds.id, exceptId) : undefined));
  return row;
}

export async function insertFeed(db: Db, values: typeof eventFeeds.$inferInsert): Promise<FeedRow> {
  const [row] = await db.insert(eventFeeds).values(values).returning();
  if (!row) throw new Error('feed insert returned nothing');
  return row;
}

/** Updates a feed if it still has `revision`; undefined when someone else saved in between. */
export async function updateFeedAtRevision(db: Db, id: string, revision: number, values: Partial<typeof eventFeeds.$inferInsert>): Promise<FeedRow | undefined> {
  const [row] = await db
    .update(eventFeeds)
    .set({ ...values, revision: revision + 1 })
    .where(and(eq(eventFeeds.id, id), eq(eventFeeds.revision, revision)))
    .returning();
  return row;
}

/**
 * Marks a feed as running unless another run holds it (a run older than `staleBefore` counts as dead). Returns the
 * feed when this caller may run it.
 */
export async function claimFeedRun(db: Db, id: string, now: Date, staleBefore: Date): Promise<FeedRow | undefined> {
  const [row] = await db
    .update(eventFeeds)
    .set({ lastStatus: 'running', lastRunAt: now })
    .where(and(eq(eventFeeds.id, id), or(isNull(eventFeeds.lastStatus), ne(eventFeeds.lastStatus, 'running'), lt(eventFeeds.lastRunAt, staleBefore))))
    .returning();
  return row;
}

/** Records the outcome of a run (and the validators of what was read, when it was applied as a whole). */
export async function finishFeedRun(db: Db, id: string, values: { status: string; report: Record<string, unknown>; etag?: string | null; lastModified?: string | null }): Promise<void> {
  await db
    .update(eventFeeds)
    .set({
      lastStatus: values.status,
      lastReport: values.report,
      ...(values.etag !== undefined ? { etag: values.etag } : {}),
      ...(values.lastModified !== undefined ? { lastModified: values.lastModified } : {}),
    })
    .where(eq(eventFeeds.id, id));
}

/** Events imported from a feed. */
export async function listImportedEvents(db: Db, regionId: string, feedId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.regionId, regionId), eq(events.feedId, feedId)));
}

/** Of these events, the ones with a date that has not ended yet. */
export async function eventsWithFutureDates(db: Db, eventIds: readonly string[], now: Date): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: occurrences.eventId })
    .from(occurrences)
    .where(and(inArray(occurrences.eventId, [...eventIds]), gt(occurrences.endsAt, now)));
  return new Set(rows.map((r) => r.id));
}

/** The occurrences of an event. */
export async function listOccurrencesOf(db: Db, eventId: string): Promise<OccurrenceRow[]> {
  return db.select().from(occurrences).where(eq(occurrences.eventId, eventId)).orderBy(asc(occurrences.startsAt));
}

/** Keeps the event's link to its page at the source (the event service sets it only when creating). */
export async function setSourceUrl(db: Db, eventId: string, url: string | null): Promise<void> {
  await db.update(events).set({ sourceUrl: url }).where(eq(events.id, eventId));
}

/** Enabled feeds with their regions (the scheduled import). */
export async function listEnabledFeeds(db: Db): Promise<{ feed: FeedRow; region: typeof regions.$inferSelect }[]> {
  return db
    .select({ feed: eventFeeds, region: regions })
    .from(eventFeeds)
    .innerJoin(regions, eq(regions.id, eventFeeds.regionId))
    .where(and(eq(eventFeeds.enabled, true), isNull(regions.archivedAt)))
    .orderBy(asc(eventFeeds.lastRunAt));
}
