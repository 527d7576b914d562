import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/catalog.js';
import { zodFieldErrors } from '../../web/components/forms.js';
import {
  createRegion,
  findParent,
  findRegionBySlug,
  listLanguages,
  listPublicChildren,
  listPublicRegions,
  updateRegion,
  type RegionRow,
} from '../regions/index.js';
import { authenticateApiToken, type TokenActor } from './service.js';
import {
  createRegionBody,
  languageSchema,
  listRegionsQuery,
  patchRegionBody,
  problemSchema,
  regionSchema,
  regionSummarySchema,
  slugParams,
  type ApiRegion,
  type ApiRegionSummary,
} from './schemas.js';

/** Writes are rate limited per client (the limit is generous for scripts, tight for abuse). */
const WRITE_RATE_LIMIT = { rateLimit: { max: 120, timeWindow: '1 minute' } };

function summary(r: RegionRow, parentSlug: string | null): ApiRegionSummary {
  return {
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    parent: parentSlug,
    timezone: r.timezone,
    languages: r.languages,
    sourceLanguage: r.sourceLanguage,
    revision: r.revision,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The API form of a region with its texts and children. */
async function fullRegion(db: FastifyInstance['deps']['db'], r: RegionRow): Promise<ApiRegion> {
  const [parent, children] = await Promise.all([findParent(db, r), listPublicChildren(db, r.id)]);
  return {
    ...summary(r, parent?.slug ?? null),
    contact: r.contact,
    imprint: r.imprint,
    privacy: r.privacy,
    accessibilityStatement: r.accessibilityStatement,
    children: children.map((c) => c.slug),
  };
}

/** Fastify's schema errors (zod issues) as a ValidationError with catalog keys and parameters per field. */
function schemaErrors(errors: FastifySchemaValidationError[]): Error {
  const issues = errors.map((e) => ({
    ...(e.params as Record<string, unknown>),
    code: e.keyword,
    message: e.message ?? '',
    path: e.instancePath.split('/').filter(Boolean),
  }));
  return new ValidationError(zodFieldErrors({ issues } as unknown as z.ZodError));
}

const problemResponses = {
  401: problemSchema.meta({ description: 'Missing, unknown or revoked API token' }),
  403: problemSchema.meta({ description: 'The token’s region does not include this region' }),
  404: problemSchema.meta({ description: 'Unknown region' }),
  413: problemSchema.meta({ description: 'Body larger than 1 MiB' }),
  422: problemSchema.meta({ description: 'Invalid input; `errors` lists each field' }),
};

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  /** A region for public reads: unknown → 404, archived → 410. */
  const publicRegion = async (slug: string): Promise<RegionRow> => {
    const region = await findRegionBySlug(db, slug);
    if (!region) throw new AppError(404, 'region_not_found', 'api.error_region_not_found');
    if (region.archivedAt) throw new AppError(410, 'region_archived', 'regions.error_archived');
    return region;
  };
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.setSchemaErrorFormatter((errors) => schemaErrors(errors));

  const actors = new WeakMap<FastifyRequest, TokenActor>();
  /** Authenticates before the body is parsed, so an anonymous client learns nothing from validation. */
  const requireToken = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      actors.set(request, await authenticateApiToken(db, request.headers.authorization));
    } catch (err) {
      reply.header('www-authenticate', 'Bearer realm="wegweiser"');
      throw err;
    }
  };
  const tokenActor = (request: FastifyRequest): TokenActor => {
    const actor = actors.get(request);
    if (!actor) throw new AppError(401, 'token_invalid', 'api.error_token_invalid');
    return actor;
  };

  api.get(
    '/api/v1/languages',
    { schema: { tags: ['languages'], summary: 'List the languages the installation knows', response: { 200: languageSchema.array() } } },
    async () => (await listLanguages(db)).map((l) => ({ code: l.code, nativeName: l.nativeName, englishName: l.englishName, direction: l.direction })),
  );

  api.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'List the public (non-archived) regions',
        querystring: listRegionsQuery,
        response: { 200: regionSummarySchema.array(), 404: problemResponses[404] },
      },
    },
    async (request) => {
      const { tree } = await listPublicRegions(db);
      const out: ApiRegionSummary[] = [];
      const walk = (nodes: typeof tree, parent: string | null) => {
        for (const n of nodes) {
          out.push(summary(n.region, parent));
          walk(n.children, n.region.slug);
        }
      };
      walk(tree, null);
      if (request.query.parent === undefined) return out;
      const parent = await publicRegion(request.query.parent);
      return out.filter((r) => r.parent === parent.slug);
    },
  );

  api.get(
    '/api/v1/regions/:slug',
    { schema: { tags: ['regions'], summary: 'One public region with its texts and children', params: slugParams, response: { 200: regionSchema, 404: problemResponses[404], 410: problemSchema.meta({ description: 'The region is archived' }) } } },
    async (request) => fullRegion(db, await publicRegion(request.params.slug)),
  );

  api.post(
    '/api/v1/regions/:slug/children',
    {
      onRequest: requireToken,
      config: WRITE_RATE_LIMIT,
      schema: {
        tags: ['regions'],
        summary: 'Create a child region',
        description: 'Needs an API token of this region or of a region above it.',
        security: [{ apiToken: [] }],
        params: slugParams,
        body: createRegionBody,
        response: { 201: regionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = tokenActor(request);
      const parent = await findRegionBySlug(db, request.params.slug);
      if (!parent) throw new AppError(404, 'region_not_found', 'api.error_region_not_found');
      const row = await createRegion(db, actor, { ...request.body, parentId: parent.id, requestId: request.id });
      return reply.code(201).header('location', `/api/v1/regions/${row.slug}`).send(await fullRegion(db, row));
    },
  );

  api.patch(
    '/api/v1/regions/:slug',
    {
      onRequest: requireToken,
      config: WRITE_RATE_LIMIT,
      schema: {
        tags: ['regions'],
        summary: 'Change a region',
        description:
          'Send only the fields to change, plus the `revision` you read. If someone changed the region since, the answer is 409 with the stored version in `current`, and nothing is changed.',
        security: [{ apiToken: [] }],
        params: slugParams,
        body: patchRegionBody,
        response: { 200: regionSchema, ...problemResponses, 409: problemSchema.meta({ description: 'Revision conflict; `current` is the stored version' }) },
      },
    },
    async (request, reply) => {
      const actor = tokenActor(request);
      const region = await findRegionBySlug(db, request.params.slug);
      if (!region) throw new AppError(404, 'region_not_found', 'api.error_region_not_found');
      try {
        const row = await updateRegion(db, actor, { ...request.body, id: region.id, requestId: request.id });
        return await fullRegion(db, row);
      } catch (err) {
        if (!(err instanceof ConflictError) || err.code !== 'revision_conflict') throw err;
        return sendConflict(app, request, reply, err, await fullRegion(db, err.current as RegionRow));
      }
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(app.swagger()));
}

/** 409 problem+json with the stored version, so a client can merge instead of losing work. */
function sendConflict(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, err: ConflictError, current: ApiRegion): FastifyReply {
  const t = request.ctx.t;
  const body = {
    type: `${app.deps.config.baseUrl}/api/problems/${err.code}`,
    title: translator('en')(err.messageKey),
    status: 409,
    detail: t(err.messageKey),
    code: err.code,
    instance: request.url.split('?')[0] ?? request.url,
    current,
  };
  return reply.code(409).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
