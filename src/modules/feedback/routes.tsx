import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion } from '../regions/index.js';
import { inboxFilterSchema, listFeedback, setFeedbackStatus, submitFeedback } from './service.js';
import { FeedbackInboxPage } from './views/inbox.js';
import { FeedbackFormPage, FeedbackThanksPage } from './views/public.js';

const regionParams = z.object({ id: z.string().max(64) });
/** Twenty feedback posts a minute per IP: enough for a class or a family on one connection, too few for a flood. */
export const FEEDBACK_LIMIT = { max: 20, timeWindow: '1 minute' };

/**
 * True when a browser POST comes from this site. Browsers send Origin on cross-site form posts; when a privacy tool
 * removes both Origin and Referer, the post is accepted (it needs no session, so there is nothing to ride on).
 */
function sameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const own = new Set([new URL(baseUrl).host, request.headers.host ?? '']);
  const origin = request.headers.origin;
  if (origin && origin !== 'null') return URL.canParse(origin) && own.has(new URL(origin).host);
  if (origin === 'null') return false;
  const referer = request.headers.referer;
  if (referer) return URL.canParse(referer) && own.has(new URL(referer).host);
  return true;
}

/** A path back into the same region (any of its languages), or the region's home in this language. */
function safeBack(value: unknown, base: string): string {
  const region = base.slice(0, base.lastIndexOf('/'));
  return typeof value === 'string' && value.startsWith(`${region}/`) && !value.startsWith('//') && !/[\s\\]/.test(value) && value.length < 1000 ? value : `${base}/`;
}

export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;

  // ---------- public ----------

  app.get('/:region/:lang/feedback', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const q = z.object({ q: z.string().max(200).optional().catch(undefined) }).parse(request.query);
    reply.header('x-robots-tag', 'noindex');
    return sendPage(request, reply, <FeedbackFormPage region={region} form={{ values: { query: q.q ?? '' }, errors: {} }} />);
  });

  app.post('/:region/:lang/feedback', { config: { csrf: false, rateLimit: FEEDBACK_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    if (!sameOrigin(request, baseUrl)) throw new AppError(403, 'cross_origin', 'errors.csrf_invalid');
    const values = formValues(request.body);
    const base = `/${region.slug}/${request.ctx.lang}`;
    const back = safeBack(request.headers.referer ? new URL(request.headers.referer, baseUrl).pathname : undefined, base);
    // Bots fill the hidden field: answer as if it worked, store nothing.
    if (values.website) return reply.redirect(`${base}/feedback/thanks?back=${encodeURIComponent(back)}`, 303);
    try {
      await submitFeedback(db, { region, language: request.ctx.lang, values });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(request, reply, <FeedbackFormPage region={region} form={{ values, errors: err.fields }} />, { status: 422 });
    }
    return reply.redirect(`${base}/feedback/thanks?back=${encodeURIComponent(back)}`, 303);
  });

  app.get('/:region/:lang/feedback/thanks', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const { back } = z.object({ back: z.string().max(1000).optional().catch(undefined) }).parse(request.query);
    reply.header('x-robots-tag', 'noindex');
    return sendPage(request, reply, <FeedbackThanksPage region={region} back={safeBack(back, `/${region.slug}/${request.ctx.lang}`)} />);
  });

  // ---------- admin inbox ----------

  app.get('/admin/regions/:id/feedback', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const filter = inboxFilterSchema.parse(request.query ?? {});
    const { region, items, counts } = await listFeedback(db, actor, { regionId: id, filter: { ...filter, language: filter.language || undefined } });
    return sendPage(request, reply, <FeedbackInboxPage region={region} items={items} counts={counts} filter={filter} />);
  });

  app.post('/admin/regions/:id/feedback/status', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const values = formValues(request.body);
    const from = inboxFilterSchema.shape.status.parse(values.from);
    try {
      const n = await setFeedbackStatus(db, actor, { regionId: id, ids: values.ids, status: values.status, requestId: request.id });
      reply.flash({ type: 'success', key: 'feedback.moved', params: { count: n } });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reply.flash({ type: 'error', key: 'feedback.error_none_selected' });
    }
    return reply.redirect(`/admin/regions/${id}/feedback?status=${from}`, 303);
  });
}
