/**
 * The region search: asks every registered provider (guide pages now; services, events later) and merges their
 * hits by score. Anonymous and read-only: it only ever finds what readers may see.
 */
import type { Db } from '../../db/client.js';
import { searchProviders, type SearchHit, type SearchRegion } from './registry.js';

export const QUERY_MAX = 200;
export const QUERY_MIN = 2;
export const RESULT_LIMIT = 30;

/** A query as typed → the query searched: NFC, single spaces, at most QUERY_MAX characters; '' when too short. */
export function normaliseQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const q = raw
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters (and the highlight markers) are not search text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUERY_MAX)
    .trim();
  return [...q].length >= QUERY_MIN ? q : '';
}

export type SearchResult = { q: string; hits: SearchHit[] };

/** Searches a region in a content language with every provider; hits best first. */
export async function searchRegion(db: Db, input: { region: SearchRegion; language: string; q: unknown; limit?: number; now?: Date }): Promise<SearchResult> {
  const q = normaliseQuery(input.q);
  if (!q) return { q, hits: [] };
  const limit = Math.min(input.limit ?? RESULT_LIMIT, 100);
  const { region } = input;
  const lists = await Promise.all(
    searchProviders().map((p) => p.search(db, { region, regionId: region.id, language: input.language, sourceLanguage: region.sourceLanguage, q, limit, now: input.now })),
  );
  const hits = lists.flat().sort((a, b) => b.score - a.score);
  return { q, hits: hits.slice(0, limit) };
}
