import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.js';
import { registerHomeSection } from '../../web/home-sections.js';
import { sendPage } from '../../web/render.js';
import { registerContentEmbed } from '../guide/index.js';
import { loadPublicRegion } from '../regions/index.js';
import { registerSearchProvider } from '../search/index.js';
import { filtersSchema, getServiceForReaders, hasVisibleServices, idFromSegment, listCategories, listServicesForReaders, listServicesOfCategory } from './public.js';
import { serviceSearchProvider } from './search-provider.js';
import { directorySettings } from './settings.js';
import { ServiceDetailPage, ServiceNotFoundPage } from './views/public-detail.js';
import { DirectoryHomeLink, EmbeddedServices } from './views/public-embed.js';
import { ServiceListPage } from './views/public-list.js';

const detailParams = z.object({ id: z.string().max(300) });

/**
 * Lets the page load map tiles from the region's tile server: its origin is added to the img-src of the
 * Content-Security-Policy helmet set for this response (only on pages that show the map, which are never cached).
 */
export function allowTileOrigin(reply: FastifyReply, tileUrl: string): void {
  let origin: string;
  try {
    origin = new URL(tileUrl.replace(/\{[a-z]\}/g, 'x')).origin;
  } catch {
    return;
  }
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp !== 'string') return;
  reply.header('content-security-policy', csp.replace(/(^|;)(\s*img-src)([^;]*)/, (_m, start: string, name: string, values: string) => `${start}${name}${values} ${origin}`));
}

/**
 * The directory for readers: `/{region}/{lang}/services` (list with filters, a GET form that works without
 * JavaScript) and `/{region}/{lang}/services/{id}[-slug]` (detail). Also registers the search provider, the home
 * link and the guide embed `<div data-embed="services" data-category="…">`.
 */
export async function directoryPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  registerSearchProvider(serviceSearchProvider);

  registerHomeSection({
    id: 'directory-services',
    order: 20,
    load: async ({ db: sectionDb, region }) => ((await hasVisibleServices(sectionDb, region.id)) ? <DirectoryHomeLink regionSlug={region.slug} /> : null),
  });

  registerContentEmbed({
    name: 'services',
    render: async ({ db: embedDb, region, lang, params }) => {
      const code = params.category;
      if (!code || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(code)) return null;
      const found = await listServicesOfCategory(embedDb, region, lang, code, 10);
      return <EmbeddedServices regionSlug={region.slug} code={code} category={found.category} cards={found.cards} total={found.total} />;
    },
    // The guide editor offers the region's categories, in tree order.
    choices: async ({ db: embedDb, region, lang }) => (await listCategories(embedDb, region, lang)).map((c) => ({ category: c.code, label: c.name.text, depth: c.depth })),
  });

  app.get('/:region/:lang/services', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const filters = filtersSchema.parse(request.query ?? {});
    const list = await listServicesForReaders(db, region, request.ctx.lang, filters);
    const settings = directorySettings(region.settings);
    const showsMap = Boolean(settings.tileUrl) && list.cards.length > 0;
    if (showsMap && settings.tileUrl) allowTileOrigin(reply, settings.tileUrl);
    // "Open now" answers change by the minute, and a page with a map has its own CSP: neither is stored.
    const cache = filters.open || showsMap ? 'private' : 'public';
    return sendPage(request, reply, <ServiceListPage region={region} list={list} />, { cache });
  });

  app.get('/:region/:lang/services/:id', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const id = idFromSegment(detailParams.parse(request.params).id);
    try {
      if (!id) throw new NotFoundError('service_not_found');
      const detail = await getServiceForReaders(db, region, request.ctx.lang, id);
      return sendPage(request, reply, <ServiceDetailPage region={region} detail={detail} baseUrl={app.deps.config.baseUrl} />, { cache: 'public' });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return sendPage(request, reply, <ServiceNotFoundPage region={region} />, { status: 404 });
    }
  });
}
