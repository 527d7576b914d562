/**
 * The rows a region's reader guide is built from, kept between searches until content changes. Every write to the
 * guide is audited, so the newest audit event id (one index lookup) tells when to load them again; the guide is
 * still built per search with the current time, so publishing windows that open or close apply at once.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { buildReaderGuide, listPageNodesOfRegion, listTextSummariesOfRegion, type PublicPageRow, type ReaderGuide, type TextSummaryRow } from '../guide/index.js';
import type { SearchRegion } from './registry.js';

type Rows = { version: string | null; pages: PublicPageRow[]; texts: TextSummaryRow[] };
const MAX_REGIONS = 200;
const cache = new Map<string, Promise<Rows>>();

async function contentVersion(db: Db): Promise<string | null> {
  const result = await db.execute(sql`SELECT max(id)::text AS v FROM audit_events`);
  return (result as unknown as { rows: { v: string | null }[] }).rows[0]?.v ?? null;
}

/** The visible guide of a region as readers see it now (same result as the guide's loadReaderGuide). */
export async function readerGuideFor(db: Db, region: SearchRegion, now = new Date()): Promise<ReaderGuide> {
  const version = await contentVersion(db);
  let pending = cache.get(region.id);
  const cached = pending ? await pending.catch(() => undefined) : undefined;
  if (!pending || !cached || cached.version !== version) {
    if (!cache.has(region.id) && cache.size >= MAX_REGIONS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    pending = Promise.all([listPageNodesOfRegion(db, region.id), listTextSummariesOfRegion(db, region.id)]).then(([pages, texts]) => ({ version, pages, texts }));
    pending.catch(() => cache.delete(region.id));
    cache.set(region.id, pending);
  }
  const rows = await pending;
  return buildReaderGuide(region, rows.pages, rows.texts, now);
}

/** Forgets every cached region (tests that change rows without the services). */
export function clearReaderCache(): void {
  cache.clear();
}
