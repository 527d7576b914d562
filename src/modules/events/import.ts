/**
 * Import of external iCal feeds (a city's own calendar) into a region's events: fetch (conditional GET, timeout,
 * size limit), read (import-map.ts), write every event through the event service, report per UID.
 *
 * Idempotent by UID (`ev_events.feed_id` + `source_uid`): an event whose content is what the feed says is not
 * written again (content is compared, not SEQUENCE, which many publishers never raise); a changed one is updated; one
 * that is gone from the feed is cancelled when it still has dates to come (never deleted — people may have registered).
 * The feed owns the fields it carries (title, text, times, rule, place, links); what editors add (registration,
 * languages, image, category, publishing) stays. Each event is written in its own transaction: a refused event (end
 * before start, a runaway rule) is reported and the rest of the feed still applies. A feed that is not readable as
 * iCalendar changes nothing and the report says why.
 */
import { SYSTEM_CANCEL_REASONS } from './cancel-reasons.js';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import type { RegionRow } from '../regions/index.js';
import { FeedFormatError, mapCalendar, scheduleOfFields, type FeedEventFields, type MappedEvent, type RefusedEvent } from './import-map.js';
import { claimFeedRun, eventsWithFutureDates, finishFeedRun, findFeed, listEnabledFeeds, listImportedEvents, listOccurrencesOf, setSourceUrl, type FeedRow } from './import-queries.js';
import type { EventInput } from './model.js';
import type { EventStatus } from './schema.js';
import { loadEventRegion, saveEvent, setEventStatus, setOccurrenceStatus, type EventActor, type EventRow } from './service.js';
import { eventSettings } from './settings.js';
import { notifyEventCancelled, notifyOccurrenceCancelled } from './cancellation.js';

/** The actor of every write the import makes (audit: "system:ical-import"). */
export const IMPORT_ACTOR = { system: 'ical-import' } as const;
/** `cancel_reason` of a date the feed cancelled (an override with STATUS:CANCELLED); such dates return with the feed. */
export const FEED_CANCEL_REASON = SYSTEM_CANCEL_REASONS.cancelledInSource;
export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_IMPORT_JOB = 'events.feed_import';
/** A run that has not finished after this long is taken as dead (the process stopped) and may be started again. */
const RUN_STALE_MS = 15 * 60_000;
/** Report lines kept per run (counts are always complete). */
const MAX_LINES = 2000;
const USER_AGENT = 'wegweiser (event calendar import)';

export const REPORT_ACTIONS = ['created', 'updated', 'unchanged', 'cancelled', 'refused'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export type ReportMessage = { field: string; key: string; params?: Record<string, string | number> };
export type ReportLine = { uid: string; title: string; action: ReportAction; eventId?: string; messages?: ReportMessage[] };
export type FeedReport = {
  at: string;
  /** applied: the feed was read and written; not_modified: the server answered 304; failed: nothing changed. */
  outcome: 'applied' | 'not_modified' | 'failed';
  error?: { key: string; params?: Record<string, string | number> };
  /** `skipped`: not imported because they are over, or were cancelled before we ever had them. */
  counts: Record<ReportAction | 'skipped', number>;
  lines: ReportLine[];
  /** Lines left out of `lines` (only counted). */
  omitted: number;
};
export type FeedStatus = 'ok' | 'partial' | 'not_modified' | 'failed';

export type FetchOptions = { timeoutMs?: number; maxBytes?: number };

/**
 * Addresses an editor's feed URL may not reach unless the operator allows it (FEEDS_ALLOW_PRIVATE_HOSTS): loopback,
 * private, link-local (cloud metadata), carrier-grade NAT and unspecified ranges — so the import cannot be used to
 * probe the server's own network. Checked for the first address and for every redirect.
 */
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');
let allowPrivateHosts = false;

/** Lets the import fetch from private addresses (the operator's FEEDS_ALLOW_PRIVATE_HOSTS; tests with local servers). */
export function allowPrivateFeedHosts(allow: boolean): void {
  allowPrivateHosts = allow;
}

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses a URL whose host is or resolves to a private address (unless allowed). */
async function assertReachable(target: URL): Promise<void> {
  if (allowPrivateHosts) return;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new FeedFetchError('events-feeds.error_network');
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new FeedFetchError('events-feeds.error_private_host');
}

/** Why a feed could not be fetched; `key` is a catalog key. */
export class FeedFetchError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'FeedFetchError';
  }
}

type Fetched = { notModified: true } | { notModified: false; text: string; etag: string | null; lastModified: string | null };

const isTimeout = (err: unknown) => err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');

/** The charset of a Content-Type header, when TextDecoder knows it (else UTF-8, which RFC 5545 names as default). */
function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset="?([^";]+)"?/i.exec(contentType ?? '')?.[1]?.trim();
  try {
    return new TextDecoder(charset || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/**
 * GETs a feed with If-None-Match / If-Modified-Since, at most `maxBytes` (the body is read in chunks and dropped
 * past the limit) within `timeoutMs` (the body included). Throws FeedFetchError.
 */
export async function fetchFeed(url: string, cache: { etag: string | null; lastModified: string | null }, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FeedFetchError('events-feeds.error_url');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new FeedFetchError('events-feeds.error_url');
  const timeout = { seconds: Math.max(1, Math.round(timeoutMs / 1000)) };
  const tooLarge = new FeedFetchError('events-feeds.error_too_large', { mb: Math.max(1, Math.round(maxBytes / 1024 / 1024)) });
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/calendar, text/plain;q=0.8, */*;q=0.5' };
  if (cache.etag) headers['if-none-match'] = cache.etag;
  if (cache.lastModified) headers['if-modified-since'] = cache.lastModified;
  let res: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // Redirects are followed by hand (at most 5) so that every hop is checked against private addresses.
    for (let hop = 0; ; hop++) {
      await assertReachable(target);
      res = await fetch(target, { headers, signal, redirect: 'manual' });
      const location = res.status >= 300 && res.status < 400 && res.status !== 304 ? res.headers.get('location') : null;
      if (!location) break;
      await res.body?.cancel();
      if (hop >= 5) throw new FeedFetchError('events-feeds.error_network');
      target = new URL(location, target);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new FeedFetchError('events-feeds.error_url');
    }
  } catch (err) {
    if (err instanceof FeedFetchError) throw err;
    if (isTimeout(err)) throw new FeedFetchError('events-feeds.error_timeout', timeout);
    throw new FeedFetchError('events-feeds.error_network');
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { notModified: true };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedFetchError('events-feeds.error_http', { status: res.status });
  }
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge;
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FeedFetchError) throw err;
    if (isTimeout(err)) throw new FeedFetchError('events-feeds.error_timeout', timeout);
    throw new FeedFetchError('events-feeds.error_network');
  }
  const text = decoderFor(res.headers.get('content-type')).decode(Buffer.concat(chunks));
  return { notModified: false, text, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}

/** The form-shaped input of an event row (for updates that change only the feed's fields). */
export function inputOfRow(e: EventRow): EventInput {
  // All-day events are stored with the morning after as end; the input names the last day.
  const endLocal = e.allDay ? `${new Date(Date.parse(`${e.endLocal.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)}T00:00` : e.endLocal;
  return {
    title: e.title,
    descriptionHtml: e.descriptionHtml,
    category: e.category,
    startLocal: e.startLocal,
    endLocal,
    allDay: e.allDay,
    timeZone: e.timeZone,
    rrule: e.rrule,
    exdates: [...e.exdates],
    rdates: [...e.rdates],
    locationId: e.locationId,
    placeName: e.placeName,
    street: e.street,
    postalCode: e.postalCode,
    city: e.city,
    onlineUrl: e.onlineUrl,
    organizerName: e.organizerName,
    organizerOrganizationId: e.organizerOrganizationId,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    languages: [...e.languages],
    mediationAvailable: e.mediationAvailable,
    accessibility: e.accessibility,
    price: e.price === null ? null : Number(e.price),
    costNote: e.costNote,
    imageId: e.imageId,
    registrationRequired: e.registrationRequired,
    capacity: e.capacity,
    maxPartySize: e.maxPartySize,
  };
}

/** The feed's fields as the event service stores them, to compare with a row. */
function storedForm(f: FeedEventFields, sourceUrl: string | null): Record<string, unknown> {
  const s = scheduleOfFields(f);
  return {
    title: f.title,
    descriptionHtml: String(sanitizeRichText(f.descriptionHtml)),
    startLocal: s.startLocal,
    endLocal: s.endLocal,
    timeZone: s.timeZone,
    allDay: s.allDay,
    rrule: s.rrule,
    exdates: [...s.exdates],
    rdates: [...s.rdates],
    placeName: f.placeName,
    street: f.street,
    postalCode: f.postalCode,
    city: f.city,
    onlineUrl: f.onlineUrl,
    sourceUrl,
  };
}

function rowForm(e: EventRow): Record<string, unknown> {
  const { title, descriptionHtml, startLocal, endLocal, timeZone, allDay, rrule, exdates, rdates, placeName, street, postalCode, city, onlineUrl, sourceUrl } = e;
  return { title, descriptionHtml, startLocal, endLocal, timeZone, allDay, rrule, exdates: [...exdates], rdates: [...rdates], placeName, street, postalCode, city, onlineUrl, sourceUrl };
}

const messagesOf = (errors: FieldErrors): ReportMessage[] => Object.entries(errors).map(([field, e]) => ({ field, key: e.key, ...(e.params ? { params: e.params } : {}) }));

/** Dates to cancel because the feed cancels them, and dates the feed cancelled before and no longer does. */
async function cancellationChanges(tx: Db, eventId: string, cancelledDates: readonly string[]): Promise<{ cancel: string[]; reinstate: string[] }> {
  const wanted = new Set(cancelledDates);
  const rows = await listOccurrencesOf(tx, eventId);
  return {
    cancel: rows.filter((o) => wanted.has(o.recurrenceId) && o.status === 'scheduled').map((o) => o.id),
    reinstate: rows.filter((o) => !wanted.has(o.recurrenceId) && o.status === 'cancelled' && o.cancelReason === FEED_CANCEL_REASON).map((o) => o.id),
  };
}

async function applyCancellations(tx: Db, regionId: string, changes: { cancel: string[]; reinstate: string[] }, baseUrl: string, now: Date): Promise<void> {
  for (const occurrenceId of changes.cancel) {
    await setOccurrenceStatus(tx, IMPORT_ACTOR, { regionId, occurrenceId, cancel: true, reason: FEED_CANCEL_REASON, now });
    await notifyOccurrenceCancelled(tx, occurrenceId, baseUrl, now);
  }
  for (const occurrenceId of changes.reinstate) await setOccurrenceStatus(tx, IMPORT_ACTOR, { regionId, occurrenceId, cancel: false, now });
}

/** Writes one mapped event (in the caller's transaction) and says what happened. */
async function applyEvent(tx: Db, feed: FeedRow, item: MappedEvent, existing: EventRow | undefined, baseUrl: string, now: Date): Promise<{ action: ReportAction; eventId: string }> {
  const regionId = feed.regionId;
  const fields: Partial<EventInput> = { ...item.fields };
  if (!existing) {
    const status: EventStatus = feed.publish ? 'published' : 'draft';
    const { event } = await saveEvent(tx, IMPORT_ACTOR, {
      regionId,
      input: { ...(fields as EventInput), category: feed.category, status },
      source: { feedId: feed.id, uid: item.uid, url: item.sourceUrl },
      now,
    });
    await applyCancellations(tx, regionId, await cancellationChanges(tx, event.id, item.cancelledDates), baseUrl, now);
    return { action: 'created', eventId: event.id };
  }
  // Cancelled in the feed → cancelled here (a draft stays a draft: cancelling would make it public); back in the
  // feed → as it was before (published if it ever was).
  let status: EventStatus = existing.status;
  if (item.cancelled && existing.status === 'published') status = 'cancelled';
  if (!item.cancelled && existing.status === 'cancelled') status = existing.publishedAt ? 'published' : 'draft';
  const sameContent = JSON.stringify(storedForm(item.fields, item.sourceUrl)) === JSON.stringify(rowForm(existing));
  const changes = await cancellationChanges(tx, existing.id, item.cancelledDates);
  if (sameContent && status === existing.status && changes.cancel.length === 0 && changes.reinstate.length === 0) return { action: 'unchanged', eventId: existing.id };
  if (!sameContent || status !== existing.status) {
    const saved = await saveEvent(tx, IMPORT_ACTOR, { regionId, id: existing.id, revision: existing.revision, input: { ...inputOfRow(existing), ...fields, status }, now });
    if (existing.sourceUrl !== item.sourceUrl) await setSourceUrl(tx, existing.id, item.sourceUrl);
    // Registrants hear about it: dates that dropped out of the series, or the whole event cancelled by the source.
    for (const o of saved.cancelledOccurrences) await notifyOccurrenceCancelled(tx, o.id, baseUrl, now);
    if (status === 'cancelled' && existing.status !== 'cancelled') await notifyEventCancelled(tx, existing.id, baseUrl, now);
  }
  await applyCancellations(tx, regionId, await cancellationChanges(tx, existing.id, item.cancelledDates), baseUrl, now);
  return { action: status === 'cancelled' && existing.status !== 'cancelled' ? 'cancelled' : 'updated', eventId: existing.id };
}

/** A run's report under construction. */
class ReportBuilder {
  readonly counts: FeedReport['counts'] = { created: 0, updated: 0, unchanged: 0, cancelled: 0, refused: 0, skipped: 0 };
  readonly lines: ReportLine[] = [];
  omitted = 0;
  /** False when an event failed for a reason that may pass next time (the feed is then read again in full). */
  complete = true;

  add(line: ReportLine): void {
    this.counts[line.action] += 1;
    if (this.lines.length < MAX_LINES) this.lines.push(line);
    else this.omitted += 1;
  }

  build(at: Date, outcome: FeedReport['outcome'], error?: FeedReport['error']): FeedReport {
    return { at: at.toISOString(), outcome, ...(error ? { error } : {}), counts: this.counts, lines: this.lines, omitted: this.omitted };
  }
}

/** Writes a mapped feed: every event in its own transaction, then cancels what is gone. */
async function applyFeed(db: Db, feed: FeedRow, items: (MappedEvent | RefusedEvent)[], existingRows: EventRow[], baseUrl: string, now: Date): Promise<ReportBuilder> {
  const report = new ReportBuilder();
  const byUid = new Map(existingRows.map((e) => [e.sourceUid ?? '', e]));
  const seen = new Set<string>();
  for (const item of items) {
    seen.add(item.uid);
    if (item.kind === 'refused') {
      report.add({ uid: item.uid, title: item.title, action: 'refused', messages: messagesOf(item.errors) });
      continue;
    }
    const existing = byUid.get(item.uid);
    if (item.past && existing) {
      // History is not rewritten.
      report.add({ uid: item.uid, title: existing.title, action: 'unchanged', eventId: existing.id });
      continue;
    }
    if (!existing && (item.past || item.cancelled)) {
      // A finished event, or one cancelled before we ever had it, is not worth a new (public) entry.
      report.counts.skipped += 1;
      continue;
    }
    try {
      const done = await db.transaction((tx) => applyEvent(tx, feed, item, existing, baseUrl, now));
      report.add({ uid: item.uid, title: item.fields.title, action: done.action, eventId: done.eventId });
    } catch (err) {
      if (err instanceof ValidationError) {
        report.add({ uid: item.uid, title: item.fields.title, action: 'refused', ...(existing ? { eventId: existing.id } : {}), messages: messagesOf(err.fields) });
      } else if (err instanceof ConflictError) {
        report.complete = false;
        report.add({ uid: item.uid, title: item.fields.title, action: 'refused', ...(existing ? { eventId: existing.id } : {}), messages: [{ field: '_form', key: 'events-feeds.error_edited_meanwhile' }] });
      } else {
        report.complete = false;
        report.add({ uid: item.uid, title: item.fields.title, action: 'refused', ...(existing ? { eventId: existing.id } : {}), messages: [{ field: '_form', key: 'events-feeds.error_internal' }] });
      }
    }
  }
  // Gone from the feed: cancelled when dates are still to come (a feed that drops its past keeps our history). A
  // draft stays a draft (cancelling it would make it public) and the line says it is gone.
  const gone = existingRows.filter((e) => !seen.has(e.sourceUid ?? '') && e.status !== 'cancelled');
  const upcoming = await eventsWithFutureDates(db, gone.map((e) => e.id), now);
  for (const e of gone) {
    if (!upcoming.has(e.id)) continue;
    if (e.status === 'draft') {
      report.add({ uid: e.sourceUid ?? '', title: e.title, action: 'unchanged', eventId: e.id, messages: [{ field: '_form', key: 'events-feeds.line_gone_draft' }] });
      continue;
    }
    try {
      await db.transaction(async (tx) => {
        await setEventStatus(tx, IMPORT_ACTOR, { regionId: feed.regionId, id: e.id, action: 'cancel', now });
        await notifyEventCancelled(tx, e.id, baseUrl, now);
      });
      report.add({ uid: e.sourceUid ?? '', title: e.title, action: 'cancelled', eventId: e.id, messages: [{ field: '_form', key: 'events-feeds.line_gone' }] });
    } catch {
      report.complete = false;
      report.add({ uid: e.sourceUid ?? '', title: e.title, action: 'refused', eventId: e.id, messages: [{ field: '_form', key: 'events-feeds.error_internal' }] });
    }
  }
  return report;
}

/** `baseUrl`: the public address, for the links in mails to registrants of events the feed cancels. */
export type ImportInput = { regionId: string; feedId: string; baseUrl: string; now?: Date; fetch?: FetchOptions; requestId?: string | null };

/**
 * Imports one feed now: a person needs `event.edit` on the region; the scheduled job runs as the system. Returns the
 * report, which is also stored on the feed (last run, status, report). Throws 409 `feed_import_running` while another
 * run of the same feed is under way.
 */
export async function importFeed(db: Db, actor: EventActor, input: ImportInput): Promise<FeedReport> {
  const { region } = await loadEventRegion(db, actor, input.regionId);
  const now = input.now ?? new Date();
  const found = await findFeed(db, input.regionId, input.feedId);
  if (!found) throw new NotFoundError('feed_not_found');
  const feed = await claimFeedRun(db, found.id, now, new Date(now.getTime() - RUN_STALE_MS));
  if (!feed) throw new AppError(409, 'feed_import_running', 'events-feeds.error_running');

  let report: FeedReport;
  let status: FeedStatus;
  let validators: { etag?: string | null; lastModified?: string | null } = {};
  try {
    ({ report, status, validators } = await runImport(db, feed, region, input.baseUrl, now, input.fetch));
  } catch (err) {
    // Unexpected (the database went away …): recorded on the feed, and thrown for the caller's log.
    const failed = new ReportBuilder().build(now, 'failed', { key: 'events-feeds.error_internal' });
    await finishFeedRun(db, feed.id, { status: 'failed', report: failed });
    throw err;
  }
  await db.transaction(async (tx) => {
    await finishFeedRun(tx, feed.id, { status, report, ...validators });
    await recordAudit(tx, actor, {
      regionId: feed.regionId,
      action: 'event.feed_import',
      entityType: 'event_feed',
      entityId: feed.id,
      after: { outcome: report.outcome, status, counts: report.counts, ...(report.error ? { error: report.error.key } : {}) },
      requestId: input.requestId ?? null,
    });
  });
  return report;
}

async function runImport(db: Db, feed: FeedRow, region: RegionRow, baseUrl: string, now: Date, opts: FetchOptions | undefined): Promise<{ report: FeedReport; status: FeedStatus; validators: { etag?: string | null; lastModified?: string | null } }> {
  const failed = (key: string, params?: Record<string, string | number>) => ({ report: new ReportBuilder().build(now, 'failed', { key, ...(params ? { params } : {}) }), status: 'failed' as const, validators: {} });
  let fetched: Fetched;
  try {
    fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, opts);
  } catch (err) {
    if (err instanceof FeedFetchError) return failed(err.key, err.params);
    throw err;
  }
  if (fetched.notModified) return { report: new ReportBuilder().build(now, 'not_modified'), status: 'not_modified', validators: {} };

  const existingRows = await listImportedEvents(db, feed.regionId, feed.id);
  const anchors = new Map(existingRows.map((e) => [e.sourceUid ?? '', e.startLocal]));
  let items: (MappedEvent | RefusedEvent)[];
  try {
    items = mapCalendar(fetched.text, { timeZone: region.timezone, now, anchorOf: (uid) => anchors.get(uid) });
  } catch (err) {
    if (err instanceof FeedFormatError) return failed(err.key);
    throw err;
  }
  const built = await applyFeed(db, feed, items, existingRows, baseUrl, now);
  const report = built.build(now, 'applied');
  const status: FeedStatus = built.counts.refused > 0 ? 'partial' : 'ok';
  // The validators are kept only when everything that could apply did: otherwise the next run reads it all again.
  const validators = built.complete ? { etag: fetched.etag, lastModified: fetched.lastModified } : { etag: null, lastModified: null };
  return { report, status, validators };
}

/** Slack for the hourly tick: a feed due "every 6 hours" is not left for a seventh because the tick came early. */
const DUE_SLACK_MS = 5 * 60_000;

/**
 * Imports every enabled feed whose region's `feedIntervalHours` have passed since its last run (the hourly job).
 * One feed's failure is recorded on that feed and does not stop the others. Returns how many feeds ran.
 */
export async function importDueFeeds(db: Db, opts: { baseUrl: string; now?: Date; fetch?: FetchOptions }): Promise<number> {
  const now = opts.now ?? new Date();
  let ran = 0;
  for (const { feed, region } of await listEnabledFeeds(db)) {
    const every = eventSettings(region.settings).feedIntervalHours * 3_600_000;
    if (feed.lastRunAt && now.getTime() - feed.lastRunAt.getTime() < every - DUE_SLACK_MS) continue;
    try {
      await importFeed(db, IMPORT_ACTOR, { regionId: region.id, feedId: feed.id, baseUrl: opts.baseUrl, now, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      ran += 1;
    } catch {
      /* recorded on the feed (or another run holds it); the next feed still runs */
    }
  }
  return ran;
}

/** Registers the hourly tick of the scheduled import. */
export function registerFeedImportJob(baseUrl: string): void {
  registerRecurringJob(FEED_IMPORT_JOB, 3_600_000, async (_payload, { db }) => {
    await importDueFeeds(db, { baseUrl });
  });
}
