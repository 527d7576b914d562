/**
 * The external iCal feeds of a region (admin): list, add, edit. Every call checks `event.edit` on the region and
 * every write lands in the audit log. The import itself is import.ts.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { RegionRow } from '../regions/index.js';
import { findFeed, findFeedByUrl, insertFeed, listFeedsOfRegion, updateFeedAtRevision, type FeedRow } from './import-queries.js';
import { fieldErrorsOf } from './model.js';
import { EVENT_CATEGORIES } from './schema.js';
import { loadEventRegion, type EventActor } from './service.js';

export type { FeedRow } from './import-queries.js';
/** Form values as submitted (strings; several for repeated names). */
export type FeedFormValues = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** "webcal://…" (what calendar sites offer for subscribing) is the same feed over https. */
export function normaliseFeedUrl(raw: string): string {
  const url = raw.trim();
  return /^webcals?:\/\//i.test(url) ? url.replace(/^webcals?:\/\//i, 'https://') : url;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && Boolean(u.hostname) && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const feedFormSchema = z.object({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.too_long' }),
  url: z
    .string()
    .transform(normaliseFeedUrl)
    .pipe(z.string().min(1, { message: 'validation.required' }).max(2000, { message: 'validation.too_long' }).refine(isHttpUrl, { message: 'events-feeds.error_url_form' })),
  category: z.enum(EVENT_CATEGORIES, { message: 'validation.choose_valid' }),
  publish: z.enum(['publish', 'draft'], { message: 'validation.choose_valid' }),
  enabled: z.boolean(),
});
export type FeedForm = z.infer<typeof feedFormSchema>;

/** The submitted form as schema input (a checkbox is "1" when ticked and absent when not). */
function parseFeedForm(values: FeedFormValues): FeedForm {
  const parsed = feedFormSchema.safeParse({
    name: first(values.name),
    url: first(values.url),
    category: first(values.category),
    publish: first(values.publish),
    enabled: first(values.enabled) === '1',
  });
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** A feed as form values (a new feed: enabled, drafts, category "other"). */
export function feedFormValues(feed?: FeedRow): FeedFormValues {
  if (!feed) return { name: '', url: '', category: 'other', publish: 'draft', enabled: '1' };
  return { name: feed.name, url: feed.url, category: feed.category, publish: feed.publish ? 'publish' : 'draft', enabled: feed.enabled ? '1' : '', revision: String(feed.revision) };
}

function auditable(f: FeedRow): Record<string, unknown> {
  return { name: f.name, url: f.url, category: f.category, publish: f.publish, enabled: f.enabled };
}

/** The region's feeds. */
export async function listFeeds(db: Db, actor: EventActor, regionId: string): Promise<{ region: RegionRow; feeds: FeedRow[] }> {
  const { region } = await loadEventRegion(db, actor, regionId);
  return { region, feeds: await listFeedsOfRegion(db, region.id) };
}

/** The region (for a new feed's form). */
export async function openFeeds(db: Db, actor: EventActor, regionId: string): Promise<{ region: RegionRow }> {
  const { region } = await loadEventRegion(db, actor, regionId);
  return { region };
}

/** One feed of the region, or 404. */
export async function getFeed(db: Db, actor: EventActor, regionId: string, feedId: string): Promise<{ region: RegionRow; feed: FeedRow }> {
  const { region } = await loadEventRegion(db, actor, regionId);
  const feed = UUID.test(feedId) ? await findFeed(db, region.id, feedId) : undefined;
  if (!feed) throw new NotFoundError('feed_not_found');
  return { region, feed };
}

/** Adds a feed. ValidationError with field messages on bad input (a URL the region already imports, too). */
export async function createFeed(db: Db, actor: EventActor, input: { regionId: string; values: FeedFormValues; requestId?: string | null }): Promise<FeedRow> {
  const { region } = await loadEventRegion(db, actor, input.regionId);
  const form = parseFeedForm(input.values);
  return db.transaction(async (tx) => {
    if (await findFeedByUrl(tx, region.id, form.url)) throw new ValidationError({ url: { key: 'events-feeds.error_url_taken' } });
    const feed = await insertFeed(tx, { regionId: region.id, name: form.name, url: form.url, category: form.category, publish: form.publish === 'publish', enabled: form.enabled });
    await recordAudit(tx, actor, { regionId: region.id, action: 'event.feed_create', entityType: 'event_feed', entityId: feed.id, after: auditable(feed), requestId: input.requestId ?? null });
    return feed;
  });
}

/**
 * Changes a feed. The form carries the revision it was loaded at; a save over someone else's change is refused with
 * 409 `revision_conflict` (the current feed in `current`). A new URL is fetched in full next time.
 */
export async function updateFeed(db: Db, actor: EventActor, input: { regionId: string; id: string; values: FeedFormValues; requestId?: string | null; now?: Date }): Promise<FeedRow> {
  const { region, feed: before } = await getFeed(db, actor, input.regionId, input.id);
  const form = parseFeedForm(input.values);
  const revision = Number(first(input.values.revision));
  if (!Number.isInteger(revision) || revision !== before.revision) throw new ConflictError('revision_conflict', 'errors.revision_conflict', before);
  return db.transaction(async (tx) => {
    if (await findFeedByUrl(tx, region.id, form.url, before.id)) throw new ValidationError({ url: { key: 'events-feeds.error_url_taken' } });
    const urlChanged = form.url !== before.url;
    const feed = await updateFeedAtRevision(tx, before.id, before.revision, {
      name: form.name,
      url: form.url,
      category: form.category,
      publish: form.publish === 'publish',
      enabled: form.enabled,
      ...(urlChanged ? { etag: null, lastModified: null } : {}),
      updatedAt: input.now ?? new Date(),
    });
    if (!feed) throw new ConflictError('revision_conflict', 'errors.revision_conflict', before);
    await recordAudit(tx, actor, { regionId: region.id, action: 'event.feed_update', entityType: 'event_feed', entityId: feed.id, before: auditable(before), after: auditable(feed), requestId: input.requestId ?? null });
    return feed;
  });
}
