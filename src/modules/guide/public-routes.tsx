import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.js';
import { registerHomeSection } from '../../web/home-sections.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion, RESERVED_SLUGS } from '../regions/index.js';
import { hasEmbeds, resolveEmbeds } from './embeds.js';
import { getReaderPage, listTopLevelPages } from './public.js';
import { GuideNotFoundPage, GuidePage, GuideTopics } from './views/public-page.js';

const wildcard = z.object({ '*': z.string().max(2000) });
const regionParam = z.object({ region: z.string() });

/** Splits `a/b/c` into segments; undefined when a segment is not valid percent-encoding. */
function splitPath(rest: string): string[] | undefined {
  const segments = rest.split('/').filter((s) => s !== '');
  try {
    // Segments still percent-encoded are decoded here (slugs never contain '%').
    return segments.map((s) => (s.includes('%') ? decodeURIComponent(s) : s));
  } catch {
    return undefined;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path).normalize('NFC');
  } catch {
    return path;
  }
}

/**
 * Public guide pages /{region}/{lang}/{slug-path}. Other features' fixed sub-paths (contact, search, events …) are
 * static routes and win over this wildcard; page slugs can never take them (RESERVED_PAGE_SLUGS).
 */
export async function guidePublicRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  registerHomeSection({
    id: 'guide-topics',
    order: 10,
    load: async ({ db: sectionDb, region, lang }) => {
      const links = await listTopLevelPages(sectionDb, region, lang);
      return links.length ? <GuideTopics links={links} /> : null;
    },
  });

  app.get('/:region/:lang/*', { config: { publicCache: true } }, async (request, reply) => {
    // /api/…, /admin/…, /assets/…: an unknown address of the app itself, not a region's page.
    if (RESERVED_SLUGS.has(regionParam.parse(request.params).region)) throw new NotFoundError();
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const segments = splitPath(wildcard.parse(request.params)['*']);
    try {
      if (!segments?.length) throw new NotFoundError('page_not_found');
      const found = await getReaderPage(db, region, request.ctx.lang, segments);
      const [requested = '', query] = request.url.split('?');
      const location = found.kind === 'redirect' ? found.location : found.page.path;
      // Same page, other spelling (trailing or double slash, other percent-encoding): one canonical URL per page.
      if (found.kind === 'redirect' || decodePath(requested) !== decodePath(location)) {
        // Permanent, but not forever: a browser would otherwise never ask again should the old slug be reused.
        reply.header('cache-control', 'public, max-age=3600');
        return reply.redirect(query === undefined ? location : `${location}?${query}`, 301);
      }
      // Live content (a list of services …) where the page has embed placeholders.
      const parts = hasEmbeds(found.page.contentHtml)
        ? await resolveEmbeds(found.page.contentHtml, { db, region, lang: request.ctx.lang }, (err, name) => request.log.error({ err, embed: name }, 'embed failed'))
        : undefined;
      return sendPage(request, reply, <GuidePage region={region} page={found.page} baseUrl={app.deps.config.baseUrl} parts={parts} />, { cache: 'public' });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return sendPage(request, reply, <GuideNotFoundPage region={region} />, { status: 404 });
    }
  });
}
