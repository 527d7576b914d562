import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { tagAndCheck } from '../../platform/http/etag.js';
import { findRegionBySlug, type RegionRow } from '../regions/index.js';
import { apiPageListSchema, apiPageSchema, conditionalHeaders, pageParams, pagesParams, problemSchema } from './api-schemas.js';
import { getPageForApi, listPagesForApi } from './public.js';

const CACHE_CONTROL = 'public, max-age=60';

/**
 * Sends a JSON body with a strong ETag (sha256 of the serialised payload); answers 304 when the client has it.
 * Readers' apps and the offline bundle poll these routes, so an unchanged guide costs one hash and no body.
 */
function sendWithEtag<T>(request: FastifyRequest, reply: FastifyReply, payload: T): FastifyReply | T {
  if (tagAndCheck(request, reply, JSON.stringify(payload), CACHE_CONTROL)) return reply.code(304).send();
  return payload;
}

const descriptions = {
  list: [
    'The whole visible guide of a region (published pages inside their publishing window, below visible parents), in one language.',
    'Pages without a text in that language are included with the source text: `language` names the language given, `fallback` is true.',
    'Answers carry a strong ETag; send it back in `If-None-Match` to get 304 when nothing changed.',
  ].join(' '),
  one: 'One visible page in one language (the source text with `fallback: true` when it is not translated). Strong ETag as for the list.',
};

/** JSON API: /api/v1/regions/{region}/languages/{lang}/pages. */
export async function guideApiRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** A region for public reads: unknown → 404, archived → 410. */
  const publicRegion = async (slug: string): Promise<RegionRow> => {
    const region = await findRegionBySlug(db, slug);
    if (!region) throw new AppError(404, 'region_not_found', 'api.error_region_not_found');
    if (region.archivedAt) throw new AppError(410, 'region_archived', 'regions.error_archived');
    return region;
  };
  const responses = {
    404: problemSchema.meta({ description: 'Unknown region, a language the region does not offer, or (single page) an unknown or unpublished page' }),
    410: problemSchema.meta({ description: 'The region is archived' }),
  };

  api.get(
    '/api/v1/regions/:slug/languages/:lang/pages',
    {
      schema: {
        tags: ['guide'],
        summary: 'The visible guide pages of a region in one language',
        description: descriptions.list,
        params: pagesParams,
        headers: conditionalHeaders,
        response: { 200: apiPageListSchema, 304: z.null().meta({ description: 'Not modified (If-None-Match matched the ETag)' }), ...responses },
      },
    },
    async (request, reply) => {
      const region = await publicRegion(request.params.slug);
      const pages = await listPagesForApi(db, region, request.params.lang);
      return sendWithEtag(request, reply, { region: region.slug, language: request.params.lang, sourceLanguage: region.sourceLanguage, pages });
    },
  );

  api.get(
    '/api/v1/regions/:slug/languages/:lang/pages/:id',
    {
      schema: {
        tags: ['guide'],
        summary: 'One visible guide page in one language',
        description: descriptions.one,
        params: pageParams,
        headers: conditionalHeaders,
        response: { 200: apiPageSchema, 304: z.null().meta({ description: 'Not modified (If-None-Match matched the ETag)' }), ...responses },
      },
    },
    async (request, reply) => {
      const region = await publicRegion(request.params.slug);
      return sendWithEtag(request, reply, await getPageForApi(db, region, request.params.lang, request.params.id));
    },
  );
}
