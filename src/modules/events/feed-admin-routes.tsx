import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormState } from '../../web/components/forms.js';
import { submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import type { RegionRow } from '../regions/index.js';
import { createFeed, feedFormValues, getFeed, listFeeds, openFeeds, updateFeed, type FeedRow } from './feed-service.js';
import { importFeed, type FeedReport } from './import.js';
import { eventSettings } from './settings.js';
import { FeedEditPage } from './views/feeds-edit.js';
import { FeedsListPage } from './views/feeds-list.js';
import { feedHref } from './views/feeds-parts.js';

const regionParams = z.object({ id: z.string().max(64) });
const feedParams = z.object({ id: z.string().max(64), fid: z.string().max(64) });

const intervalOf = (region: RegionRow) => eventSettings(region.settings).feedIntervalHours;

/** The flash after "import now": what changed, that nothing did, or why nothing could. */
function importFlash(report: FeedReport): { type: 'success' | 'error' | 'info'; key: string; params?: Record<string, string | number> } {
  if (report.outcome === 'failed') return { type: 'error', key: 'events-feeds.flash_import_failed' };
  if (report.outcome === 'not_modified') return { type: 'info', key: 'events-feeds.report_not_modified' };
  const c = report.counts;
  return { type: c.refused ? 'error' : 'success', key: 'events-feeds.report_summary', params: { created: c.created, updated: c.updated, unchanged: c.unchanged, cancelled: c.cancelled, refused: c.refused } };
}

/** Admin pages of the external iCal feeds: /admin/regions/:id/events/feeds (permission event.edit). */
export async function feedAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const B = '/admin/regions/:id/events/feeds';

  const renderForm = (request: FastifyRequest, reply: FastifyReply, region: RegionRow, feed: FeedRow | undefined, form: FormState, opts: { status?: number; conflict?: FeedRow } = {}) =>
    sendPage(request, reply, <FeedEditPage region={region} feed={feed} form={form} intervalHours={intervalOf(region)} conflict={opts.conflict} />, { status: opts.status ?? 200 });

  app.get(B, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const { region, feeds } = await listFeeds(db, actor, id);
    return sendPage(request, reply, <FeedsListPage region={region} feeds={feeds} intervalHours={intervalOf(region)} />);
  });

  app.get(`${B}/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const { region } = await openFeeds(db, actor, id);
    return renderForm(request, reply, region, undefined, { values: feedFormValues(), errors: {} });
  });

  app.post(`${B}/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const feed = await createFeed(db, actor, { regionId: id, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'events-feeds.flash_created' });
      return reply.redirect(feedHref(id, feed.id), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const { region } = await openFeeds(db, actor, id);
      return renderForm(request, reply, region, undefined, { values, errors: err.fields }, { status: 422 });
    }
  });

  const show = async (request: FastifyRequest, reply: FastifyReply, actor: Actor) => {
    const { id, fid } = feedParams.parse(request.params);
    const { region, feed } = await getFeed(db, actor, id, fid);
    return renderForm(request, reply, region, feed, { values: feedFormValues(feed), errors: {} });
  };

  app.get(`${B}/:fid`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return show(request, reply, actor);
  });

  app.post(`${B}/:fid`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, fid } = feedParams.parse(request.params);
    const { region, feed } = await getFeed(db, actor, id, fid); // 404 before anything else
    const values = formValues(request.body);
    return submitRevisedForm(values, {
      save: async () => {
        await updateFeed(db, actor, { regionId: id, id: fid, values, requestId: request.id });
        reply.flash({ type: 'success', key: 'events-feeds.flash_saved' });
        return reply.redirect(feedHref(id, fid), 303);
      },
      // After a conflict the page shows the stored feed.
      showAgain: (again: FormAgain<FeedRow>) => renderForm(request, reply, region, again.conflict ?? feed, again.form, { status: again.status, conflict: again.conflict }),
    });
  });

  app.post(`${B}/:fid/import`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, fid } = feedParams.parse(request.params);
    await getFeed(db, actor, id, fid);
    try {
      reply.flash(importFlash(await importFeed(db, actor, { regionId: id, feedId: fid, baseUrl: app.deps.config.baseUrl, requestId: request.id })));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'feed_import_running')) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(`${feedHref(id, fid)}#feed-report`, 303);
  });

}
