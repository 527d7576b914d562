import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { tagAndCheck } from '../../platform/http/etag.js';
import { translator } from '../../platform/i18n/catalog.js';
import { getPublicRegion } from '../regions/index.js';
import { feedAdminRoutes } from './feed-admin-routes.js';
import { regionFeed, uidHost } from './ics-data.js';
import { registerFeedImportJob } from './import.js';
import { EVENT_CATEGORIES, type EventCategory } from './schema.js';

/** Calendar apps poll; a few minutes of caching (with revalidation by ETag) keeps that cheap. */
const CACHE_CONTROL = 'public, max-age=300';

const params = z.object({ region: z.string().max(200), lang: z.string().max(40) });
const query = z.object({ category: z.string().max(64).optional() }).catchall(z.unknown());
const isCategory = (s: string): s is EventCategory => (EVENT_CATEGORIES as readonly string[]).includes(s);

/**
 * The region's calendar feeds `/{region}/{lang}/events.ics` (all published events) and `?category=<cat>`: RFC 5545,
 * in the reader's language, with a strong ETag and 304. Errors are RFC 9457 problem+json (a calendar app is no
 * browser): unknown category 400, unknown region or a language the region does not offer 404.
 */
async function publicFeedRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    // Expected errors as problem+json; anything else goes to the application's handler (logged, 500 page).
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const t = request.ctx?.t ?? translator('de');
    const body = {
      type: `${baseUrl}/api/problems/${error.code}`,
      title: translator('en')(error.messageKey, error.params),
      status: error.status,
      detail: t(error.messageKey, error.params),
      code: error.code,
      instance: request.url.split('?')[0] ?? request.url,
    };
    return reply.code(error.status).header('cache-control', 'no-store').type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
  });

  app.get('/:region/:lang/events.ics', { schema: { hide: true } }, async (request, reply) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw new AppError(404, 'not_found', 'errors.not_found');
    const p = parsed.data;
    const q = query.safeParse(request.query ?? {});
    // An empty value (a GET form with "all categories") is no filter.
    const category = q.success ? q.data.category || undefined : undefined;
    if (!q.success || (category !== undefined && !isCategory(category))) throw new AppError(400, 'feed_category_unknown', 'events-feeds.error_category_unknown');
    const region = await getPublicRegion(db, p.region);
    if (!region.languages.includes(p.lang)) throw new AppError(404, 'language_not_offered', 'events-feeds.error_language_not_offered');
    const body = await regionFeed(db, {
      region: { id: region.id, slug: region.slug, name: region.name, sourceLanguage: region.sourceLanguage },
      lang: p.lang,
      baseUrl,
      host: uidHost(baseUrl),
      ...(category && isCategory(category) ? { category } : {}),
    });
    reply.header('access-control-allow-origin', '*');
    if (tagAndCheck(request, reply, body, CACHE_CONTROL)) return reply.code(304).send();
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${region.slug}${category ? `-${category}` : ''}.ics"`).send(body);
  });
}

/** Calendar feeds (public), the admin pages of imported feeds, and the scheduled import. */
export async function eventsFeedRoutes(app: FastifyInstance): Promise<void> {
  registerFeedImportJob(app.deps.config.baseUrl);
  await app.register(publicFeedRoutes);
  await app.register(feedAdminRoutes);
}
