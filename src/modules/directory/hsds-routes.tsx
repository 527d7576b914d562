import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { tagAndCheck } from '../../platform/http/etag.js';
import { readUpload, type Upload } from '../../platform/http/upload.js';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { findRegionBySlug, type RegionRow } from '../regions/index.js';
import {
  apiDescription,
  apiInfo,
  getOrganization,
  getSal,
  getService,
  getTaxonomy,
  getTerm,
  listOrganizationsPage,
  listSalsPage,
  listServicesPage,
  listTaxonomiesPage,
  listTermsPage,
  parseHsdsQuery,
} from './hsds/api-service.js';
import { exportHsdsJson, exportHsdsTabular } from './hsds/export.js';
import { applyHsdsImport, checkHsdsImport, discardHsdsImport, getHsdsImport, HSDS_FORM_MAX_BYTES, HSDS_IMPORT_MAX_BYTES, HsdsImportError, listHsdsImports } from './hsds/import.js';
import { HsdsImportPage, HsdsReportPage } from './hsds/views/hsds-pages.js';

const CACHE_CONTROL = 'public, max-age=60';
const idParams = z.object({ id: z.string().max(64) });
const importParams = z.object({ id: z.string().max(64), importId: z.string().max(64) });
const regionParams = z.object({ region: z.string().max(200) });
const itemParams = regionParams.extend({ id: z.string().max(64) });

/** JSON with a strong ETag; 304 when the client has it (like the guide API). */
function sendWithEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply {
  const body = JSON.stringify(payload);
  if (tagAndCheck(request, reply, body, CACHE_CONTROL)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}


/** A zip starts with "PK\x03\x04"; everything else is read as JSON. */
function detectFormat(data: Buffer): 'json' | 'tabular' {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04 ? 'tabular' : 'json';
}

/** Requests per minute and client address: the read API (paged) and the full exports. */
export const HSDS_API_LIMIT = { max: 300, timeWindow: '1 minute' };
export const HSDS_EXPORT_LIMIT = { max: 20, timeWindow: '1 minute' };

/**
 * HSDS 3.0 interchange: the public read API and exports at /api/hsds/{region}/ (anonymous, CORS open), and the
 * admin import/export page at /admin/regions/:id/directory/import.
 */
export async function directoryHsdsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: HSDS_IMPORT_MAX_BYTES, files: 1, fields: 5 } });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/hsds/')) return;
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'etag').header('cross-origin-resource-policy', 'cross-origin');
  });

  const publicRegion = async (slug: string): Promise<RegionRow> => {
    const region = await findRegionBySlug(db, slug);
    if (!region) throw new AppError(404, 'region_not_found', 'api.error_region_not_found');
    if (region.archivedAt) throw new AppError(410, 'region_archived', 'regions.error_archived');
    return region;
  };
  const hide = { schema: { hide: true }, config: { rateLimit: HSDS_API_LIMIT } };
  // A full export reads the whole directory (seconds for a large region): few per client, cached by CDNs for 5 min.
  const exportOpts = { schema: { hide: true }, config: { rateLimit: HSDS_EXPORT_LIMIT } };

  const info = async (request: FastifyRequest, reply: FastifyReply) => {
    const { region: slug } = regionParams.parse(request.params);
    const region = await publicRegion(slug);
    return sendWithEtag(request, reply, apiInfo(region, app.deps.config.baseUrl));
  };
  app.get('/api/hsds/:region/openapi.json', hide, async (request, reply) => {
    const { region: slug } = regionParams.parse(request.params);
    return sendWithEtag(request, reply, apiDescription(await publicRegion(slug), app.deps.config.baseUrl));
  });
  app.get('/api/hsds/:region', hide, info);
  app.get('/api/hsds/:region/', hide, info);

  const list = (path: string, load: (region: RegionRow, q: ReturnType<typeof parseHsdsQuery>) => Promise<unknown>) =>
    app.get(`/api/hsds/:region/${path}`, hide, async (request, reply) => {
      const { region: slug } = regionParams.parse(request.params);
      const region = await publicRegion(slug);
      const q = parseHsdsQuery(request.query, region);
      return sendWithEtag(request, reply, await load(region, q));
    });
  const one = (path: string, load: (region: RegionRow, id: string, q: ReturnType<typeof parseHsdsQuery>) => Promise<unknown>) =>
    app.get(`/api/hsds/:region/${path}/:id`, hide, async (request, reply) => {
      const { region: slug, id } = itemParams.parse(request.params);
      const region = await publicRegion(slug);
      const q = parseHsdsQuery(request.query, region);
      return sendWithEtag(request, reply, await load(region, id, q));
    });
  list('services', (r, q) => listServicesPage(db, r, q));
  one('services', (r, id, q) => getService(db, r, id, q));
  list('organizations', (r, q) => listOrganizationsPage(db, r, q));
  one('organizations', (r, id, q) => getOrganization(db, r, id, q));
  list('service_at_locations', (r, q) => listSalsPage(db, r, q));
  one('service_at_locations', (r, id, q) => getSal(db, r, id, q));
  list('taxonomies', (r, q) => listTaxonomiesPage(db, r, q));
  one('taxonomies', (r, id) => getTaxonomy(db, r, id));
  list('taxonomy_terms', (r, q) => listTermsPage(db, r, q));
  one('taxonomy_terms', (r, id, q) => getTerm(db, r, id, q));

  app.get('/api/hsds/:region/export.json', exportOpts, async (request, reply) => {
    const { region: slug } = regionParams.parse(request.params);
    const region = await publicRegion(slug);
    const q = parseHsdsQuery(request.query, region);
    const data = await exportHsdsJson(db, region.id, q.lang);
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `attachment; filename="hsds-${region.slug}.json"`)
      .send(JSON.stringify(data));
  });
  app.get('/api/hsds/:region/export.zip', exportOpts, async (request, reply) => {
    const { region: slug } = regionParams.parse(request.params);
    const region = await publicRegion(slug);
    const q = parseHsdsQuery(request.query, region);
    const zip = await exportHsdsTabular(db, region.id, q.lang);
    return reply.type('application/zip').header('cache-control', 'public, max-age=300').header('content-disposition', `attachment; filename="hsds-${region.slug}.zip"`).send(zip);
  });

  // ---------- admin: import and export page ----------

  const importPage = async (request: FastifyRequest, reply: FastifyReply, regionId: string, opts: { errors?: Record<string, { key: string; params?: Record<string, string | number> }>; detail?: string; status?: number } = {}) => {
    const actor = request.ctx.actor;
    if (!actor) return reply;
    const { region, imports } = await listHsdsImports(db, actor, regionId);
    return sendPage(request, reply, <HsdsImportPage region={region} imports={imports} errors={opts.errors ?? {}} detail={opts.detail} />, { status: opts.status ?? 200 });
  };

  app.get('/admin/regions/:id/directory/import', async (request, reply) => {
    if (!requireActor(request, reply)) return reply;
    const { id } = idParams.parse(request.params);
    return importPage(request, reply, id);
  });

  app.post('/admin/regions/:id/directory/import', { bodyLimit: HSDS_IMPORT_MAX_BYTES + 1024 * 1024, preValidation: readUpload({ maxBytes: HSDS_IMPORT_MAX_BYTES, defaultName: 'upload.json' }) }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    // Permission first (403 whatever was sent).
    await listHsdsImports(db, actor, id);
    const upload = (request.body ?? {}) as Upload;
    const mb = Math.round(HSDS_FORM_MAX_BYTES / 1024 / 1024);
    if (upload.tooLarge) return importPage(request, reply, id, { errors: { file: { key: 'hsds.error_too_large', params: { mb } } }, status: 413 });
    if (!upload.file) return importPage(request, reply, id, { errors: { file: { key: 'hsds.error_no_file' } }, status: 422 });
    try {
      const { importId } = await checkHsdsImport(db, actor, { regionId: id, format: detectFormat(upload.file.data), filename: upload.file.filename, data: upload.file.data });
      return reply.redirect(`/admin/regions/${id}/directory/import/${importId}`, 303);
    } catch (err) {
      if (!(err instanceof HsdsImportError)) throw err;
      return importPage(request, reply, id, { errors: { file: { key: err.messageKey, params: { mb } } }, detail: err.detail.slice(0, 300), status: err.reason === 'too_large' ? 413 : 422 });
    }
  });

  app.get('/admin/regions/:id/directory/import/:importId', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, importId } = importParams.parse(request.params);
    const { region, row, report } = await getHsdsImport(db, actor, id, importId);
    return sendPage(request, reply, <HsdsReportPage region={region} row={row} report={report} />);
  });

  app.post('/admin/regions/:id/directory/import/:importId/apply', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, importId } = importParams.parse(request.params);
    const values = formValues(request.body);
    const status = values.status === 'draft' ? 'draft' : 'published';
    try {
      const result = await applyHsdsImport(db, actor, { regionId: id, importId, partial: values.partial === '1', status, requestId: request.id });
      reply.flash({ type: 'success', key: 'hsds.applied', params: { new: result.counts.new, changed: result.counts.changed } });
      return reply.redirect(`/admin/regions/${id}/directory/import/${importId}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      const { region, row, report } = await getHsdsImport(db, actor, id, importId);
      return sendPage(request, reply, <HsdsReportPage region={region} row={row} report={report} errors={{ apply: { key: err.messageKey } }} />, { status: 409 });
    }
  });

  app.post('/admin/regions/:id/directory/import/:importId/discard', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, importId } = importParams.parse(request.params);
    await discardHsdsImport(db, actor, { regionId: id, importId });
    reply.flash({ type: 'info', key: 'hsds.discarded' });
    return reply.redirect(`/admin/regions/${id}/directory/import`, 303);
  });
}
