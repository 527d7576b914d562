import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion } from '../regions/index.js';
import { acceptOffer, approveRequest, assignmentIcs, cancelRequest, declineOffer, markNoShow, rejectRequest, releaseAssignment, sendOffers } from './lifecycle.js';
import { findOfferByToken, getPoolRequest, listMediatorAssignments, listMediatorOffers, listPoolRequests, listQuerySchema } from './requests-service.js';
import { OfferLinkPage, OfferNotFoundPage, offerPageHref, type OfferPageMoment } from './views/offer-page.js';
import { PortalAssignmentsPage } from './views/portal-assignments.js';
import { PortalOffersPage, type PortalOffersState } from './views/portal-offers.js';
import { CancelConfirmPage, RequestDetailPage, type DetailForms } from './views/requests-detail.js';
import { RequestListPage } from './views/requests-list.js';
import { portalAssignmentsHref, portalOffersHref, requestHref } from './views/requests-parts.js';

const id = z.string().max(64);
const regionParams = z.object({ id });
const requestParams = z.object({ id, requestId: id });
const offerParams = z.object({ id, offerId: id });
const assignmentParams = z.object({ id, assignmentId: id });
const tokenParams = z.object({ token: z.string().max(200) });
const offerPageQuery = z.object({
  done: z.enum(['accepted', 'declined']).optional().catch(undefined),
  answer: z.enum(['accept', 'decline']).optional().catch(undefined),
});

/** Answers through the one-time link: twenty a minute per address is plenty for a person, not for guessing. */
export const OFFER_LINK_LIMIT = { max: 20, timeWindow: '1 minute' };

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []);
/** The revision a form was rendered with (0 when missing: a certain conflict rather than a blind write). */
const revisionOf = (values: FormValues): number => {
  const n = Number(str(values.revision));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** A conflict the page explains (409): the message key, else rethrow. */
function conflictKey(err: unknown): string | undefined {
  return err instanceof AppError && err.status === 409 ? err.messageKey : undefined;
}

/** The one-time link's pages are personal: never stored, never indexed, the token never leaks as a referrer. */
function personal(reply: FastifyReply): void {
  reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
}

/**
 * Request lifecycle pages. Coordinators (pool.manage): the list and one request with the ranking, offers and actions
 * (approve, reject, send offers, cancel, no-show). Mediators (pool.mediate): the offers inbox and their assignments
 * with .ics. Anyone with an offer's one-time link: that offer, with accept and decline.
 */
export async function poolRequestsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;
  const B = '/admin/regions/:id/sprachpool/requests';
  const P = '/admin/regions/:id/sprachpool/me';

  // ---------- coordinators ----------

  app.get(B, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const data = await listPoolRequests(db, actor, regionId, listQuerySchema.parse(request.query ?? {}));
    return sendPage(request, reply, <RequestListPage list={data} />);
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, requestId: string, forms?: DetailForms, status = 200) => {
    const now = new Date();
    const detail = await getPoolRequest(db, actor, regionId, requestId, now);
    return sendPage(request, reply, <RequestDetailPage detail={detail} forms={forms} now={now} />, { status });
  };

  app.get(`${B}/:requestId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, requestId } = requestParams.parse(request.params);
    return renderDetail(request, reply, actor, regionId, requestId);
  });

  /** Runs a coordinator action; a conflict shows the request again with the reason (409). */
  const act = async (request: FastifyRequest, reply: FastifyReply, action: (actor: Actor, regionId: string, requestId: string, values: FormValues) => Promise<void>, onInvalid?: (err: ValidationError, values: FormValues) => DetailForms) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, requestId } = requestParams.parse(request.params);
    const values = formValues(request.body);
    try {
      await action(actor, regionId, requestId, values);
      return reply.redirect(requestHref(regionId, requestId), 303);
    } catch (err) {
      if (err instanceof ValidationError && onInvalid) return renderDetail(request, reply, actor, regionId, requestId, onInvalid(err, values), 422);
      const problem = conflictKey(err);
      if (problem) return renderDetail(request, reply, actor, regionId, requestId, { problem }, 409);
      throw err;
    }
  };

  app.post(`${B}/:requestId/approve`, async (request, reply) =>
    act(request, reply, async (actor, regionId, requestId, values) => {
      await approveRequest(db, actor, { regionId, requestId, revision: revisionOf(values) });
      reply.flash({ type: 'success', key: 'sprachpool-requests.flash_approved' });
    }),
  );

  app.post(`${B}/:requestId/reject`, async (request, reply) =>
    act(
      request,
      reply,
      async (actor, regionId, requestId, values) => {
        await rejectRequest(db, actor, { regionId, requestId, revision: revisionOf(values), reason: str(values.reason), baseUrl });
        reply.flash({ type: 'success', key: 'sprachpool-requests.flash_rejected' });
      },
      (err, values) => ({ reject: { values, errors: err.fields } }),
    ),
  );

  app.post(`${B}/:requestId/offers`, async (request, reply) =>
    act(
      request,
      reply,
      async (actor, regionId, requestId, values) => {
        const sent = await sendOffers(db, actor, { regionId, requestId, mediatorIds: list(values.mediatorIds), baseUrl });
        reply.flash({ type: 'success', key: 'sprachpool-requests.flash_offers_sent', params: { count: sent.length } });
      },
      (err, values) => ({ offers: { errors: err.fields, checked: new Set(list(values.mediatorIds)) } }),
    ),
  );

  app.post(`${B}/:requestId/no-show`, async (request, reply) =>
    act(request, reply, async (actor, regionId, _requestId, values) => {
      await markNoShow(db, actor, { regionId, assignmentId: str(values.assignmentId), revision: revisionOf(values) });
      reply.flash({ type: 'success', key: 'sprachpool-requests.flash_no_show' });
    }),
  );

  app.post(`${B}/:requestId/release`, async (request, reply) =>
    act(
      request,
      reply,
      async (actor, regionId, requestId, values) => {
        await releaseAssignment(db, actor, { regionId, requestId, reason: str(values.reason), revision: revisionOf(values), baseUrl });
        reply.flash({ type: 'success', key: 'sprachpool-requests.flash_released' });
      },
      (err, values) => ({ release: { values, errors: err.fields } }),
    ),
  );

  // Cancel: first the confirmation page with the reason, then the same form with `confirmed=1`.
  app.post(`${B}/:requestId/cancel`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, requestId } = requestParams.parse(request.params);
    const values = formValues(request.body);
    const confirmPage = async (errors: ValidationError['fields'], status: number) => {
      const detail = await getPoolRequest(db, actor, regionId, requestId);
      return sendPage(request, reply, <CancelConfirmPage detail={detail} form={{ values, errors }} />, { status });
    };
    if (str(values.confirmed) !== '1') return confirmPage({}, 200);
    try {
      await cancelRequest(db, actor, { regionId, requestId, by: 'coordinator', reason: str(values.reason), revision: revisionOf(values), baseUrl });
      reply.flash({ type: 'success', key: 'sprachpool-requests.flash_cancelled' });
      return reply.redirect(requestHref(regionId, requestId), 303);
    } catch (err) {
      if (err instanceof ValidationError) return confirmPage(err.fields, 422);
      const problem = conflictKey(err);
      if (problem) return renderDetail(request, reply, actor, regionId, requestId, { problem }, 409);
      throw err;
    }
  });

  // ---------- mediator portal ----------

  const renderOffers = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, state?: PortalOffersState, status = 200) => {
    const data = await listMediatorOffers(db, actor, regionId);
    return sendPage(request, reply, <PortalOffersPage ctx={data.ctx} open={data.open} answered={data.answered} state={state} />, { status });
  };

  app.get(`${P}/offers`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    return renderOffers(request, reply, actor, regionId);
  });

  app.post(`${P}/offers/:offerId/accept`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, offerId } = offerParams.parse(request.params);
    try {
      await acceptOffer(db, { actor, regionId, offerId }, { baseUrl });
    } catch (err) {
      const problem = conflictKey(err);
      if (problem) return renderOffers(request, reply, actor, regionId, { problem }, 409);
      throw err;
    }
    reply.flash({ type: 'success', key: 'sprachpool-requests.flash_accepted' });
    return reply.redirect(portalAssignmentsHref(regionId), 303);
  });

  app.post(`${P}/offers/:offerId/decline`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, offerId } = offerParams.parse(request.params);
    const values = formValues(request.body);
    try {
      await declineOffer(db, { actor, regionId, offerId }, { reason: str(values.reason), baseUrl });
    } catch (err) {
      if (err instanceof ValidationError) return renderOffers(request, reply, actor, regionId, { decline: { offerId, form: { values, errors: err.fields } } }, 422);
      const problem = conflictKey(err);
      if (problem) return renderOffers(request, reply, actor, regionId, { problem }, 409);
      throw err;
    }
    reply.flash({ type: 'success', key: 'sprachpool-requests.flash_declined' });
    return reply.redirect(portalOffersHref(regionId), 303);
  });

  app.get(`${P}/assignments`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const now = new Date();
    const data = await listMediatorAssignments(db, actor, regionId, now);
    return sendPage(request, reply, <PortalAssignmentsPage ctx={data.ctx} upcoming={data.upcoming} past={data.past} now={now} />);
  });

  app.get(`${P}/assignments/:assignmentId.ics`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, assignmentId } = assignmentParams.parse(request.params);
    const ics = await assignmentIcs(db, actor, { regionId, assignmentId, baseUrl });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ics.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(ics.body);
  });

  // ---------- the one-time link ----------

  app.get('/:region/:lang/sprachpool/offers/:token', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    personal(reply);
    const { token } = tokenParams.parse(request.params);
    const view = await findOfferByToken(db, region, token);
    if (!view) return sendPage(request, reply, <OfferNotFoundPage region={region} />, { status: 404 });
    const q = offerPageQuery.parse(request.query ?? {});
    // "Done" only shows when it is true (a reloaded or shared address does not claim what did not happen).
    const done = q.done && view.state === q.done ? q.done : undefined;
    const moment: OfferPageMoment = { ...(done ? { done } : {}), ...(q.answer ? { answer: q.answer } : {}) };
    return sendPage(request, reply, <OfferLinkPage region={region} view={view} token={token} moment={moment} />);
  });

  app.post('/:region/:lang/sprachpool/offers/:token', { config: { rateLimit: OFFER_LINK_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    personal(reply);
    const { token } = tokenParams.parse(request.params);
    const lang = request.ctx.lang;
    const view = await findOfferByToken(db, region, token);
    if (!view) return sendPage(request, reply, <OfferNotFoundPage region={region} />, { status: 404 });
    const values = formValues(request.body);
    const answer = str(values.answer);
    const again = async (moment: OfferPageMoment, status: number) => {
      const fresh = (await findOfferByToken(db, region, token)) ?? view;
      return sendPage(request, reply, <OfferLinkPage region={region} view={fresh} token={token} moment={moment} />, { status });
    };
    if (answer !== 'accept' && answer !== 'decline') return again({ problem: 'sprachpool-requests.error_choose_answer' }, 422);
    try {
      if (answer === 'accept') await acceptOffer(db, { token }, { baseUrl });
      else await declineOffer(db, { token }, { reason: str(values.reason), baseUrl });
    } catch (err) {
      if (err instanceof ValidationError) return again({ answer: 'decline', decline: { values, errors: err.fields } }, 422);
      if (err instanceof NotFoundError) return sendPage(request, reply, <OfferNotFoundPage region={region} />, { status: 404 });
      const problem = conflictKey(err);
      if (problem) return again({ problem }, 409);
      throw err;
    }
    return reply.redirect(`${offerPageHref(region.slug, lang, token)}?done=${answer === 'accept' ? 'accepted' : 'declined'}`, 303);
  });
}
