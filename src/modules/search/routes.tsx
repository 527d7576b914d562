import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion } from '../regions/index.js';
import { guideSearchProvider } from './providers/guide.js';
import { registerSearchProvider } from './registry.js';
import { searchRegion } from './service.js';
import { SearchPage } from './views/search-page.js';

/** Sixty searches a minute per IP: plenty for a person (or a family on one connection), a brake for scrapers. */
export const SEARCH_LIMIT = { max: 60, timeWindow: '1 minute' };
const searchQuery = z.object({ q: z.string().max(2000).optional().catch(undefined) });

/** Region search /{region}/{lang}/search. */
export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  registerSearchProvider(guideSearchProvider);

  // Server-rendered, works without JavaScript. Public per URL (ETag, `cache-control: public` for CDNs), but not in
  // the in-process page cache: endless distinct queries would push the guide pages out of it.
  app.get('/:region/:lang/search', { config: { rateLimit: SEARCH_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const raw = searchQuery.parse(request.query ?? {}).q;
    const { q, hits } = await searchRegion(db, { region, language: request.ctx.lang, q: raw });
    reply.header('x-robots-tag', 'noindex, follow');
    return sendPage(request, reply, <SearchPage region={region} q={q} typed={Boolean(raw?.trim())} hits={hits} />, { cache: 'public' });
  });
}
