/**
 * A region's reader guide, kept between searches until content changes. Every write to the guide is audited, so the
 * newest audit event id (one index lookup) tells when to load the rows again. The built guide is reused until the
 * next moment a page's publishing window opens or closes (or the region's languages change), so windows still apply
 * at once.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { buildReaderGuide, listPageNodesOfRegion, listTextSummariesOfRegion, type PublicPageRow, type ReaderGuide, type TextSummaryRow } from '../guide/index.js';
import type { SearchRegion } from './registry.js';

/** Pages a search reads in one language (`pageIds`), and the other pages with a current text in it (hidden, or not chosen). */
export type PageScope = { pageIds: string[]; otherPageIds: string[] };

/** The visible guide with what the search filters by, derived once per built guide. */
export type ReaderSearchView = {
  guide: ReaderGuide;
  /**
   * For a reader of `readerLanguage`, the texts in `language` to search: their own language's texts, or (with the
   * source language) the source texts of the visible pages not translated into it yet.
   */
  scope(readerLanguage: string, language: string): PageScope;
  /** The content version the view was built from (the newest audit event id). */
  version: string | null;
};
type Built = { view: ReaderSearchView; key: string; builtAt: number; validUntil: number };
type Rows = { version: string | null; pages: PublicPageRow[]; texts: TextSummaryRow[]; built?: Built };
const MAX_REGIONS = 200;
const cache = new Map<string, Promise<Rows>>();

async function contentVersion(db: Db): Promise<string | null> {
  const result = await db.execute(sql`SELECT max(id)::text AS v FROM audit_events`);
  return (result as unknown as { rows: { v: string | null }[] }).rows[0]?.v ?? null;
}

/** The visible guide of a region as readers see it now (same result as the guide's loadReaderGuide), with its texts. */
export async function readerGuideFor(db: Db, region: SearchRegion, now = new Date()): Promise<ReaderSearchView> {
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
  const key = `${region.slug}\u0000${region.sourceLanguage}\u0000${region.languages.join(',')}`;
  const at = now.getTime();
  const built = rows.built;
  if (built && built.key === key && at >= built.builtAt && at < built.validUntil) return built.view;
  const guide = buildReaderGuide(region, rows.pages, rows.texts, now);
  const view = { guide, scope: scopes(guide, rows.texts), version: rows.version };
  rows.built = { view, key, builtAt: at, validUntil: nextWindowChange(rows.pages, at) };
  return view;
}

function scopes(guide: ReaderGuide, texts: TextSummaryRow[]): ReaderSearchView['scope'] {
  const memo = new Map<string, PageScope>();
  return (readerLanguage, language) => {
    const key = `${readerLanguage}\u0000${language}`;
    let scope = memo.get(key);
    if (!scope) {
      const own = language === readerLanguage;
      const pageIds = guide
        .all()
        .filter((n) => n.texts.has(readerLanguage) === own)
        .map((n) => n.page.id);
      const chosen = new Set(pageIds);
      scope = { pageIds, otherPageIds: texts.filter((t) => t.language === language && !chosen.has(t.pageId)).map((t) => t.pageId) };
      memo.set(key, scope);
    }
    return scope;
  };
}

/** The first instant after `at` when some page's publishing window opens or closes (Infinity when none). */
export function nextWindowChange(pageRows: Pick<PublicPageRow, 'publishFrom' | 'publishUntil'>[], at: number): number {
  let next = Infinity;
  for (const p of pageRows) {
    for (const d of [p.publishFrom, p.publishUntil]) {
      const t = d?.getTime();
      if (t !== undefined && t > at && t < next) next = t;
    }
  }
  return next;
}

/** Forgets every cached region (tests that change rows without the services). */
export function clearReaderCache(): void {
  cache.clear();
}
