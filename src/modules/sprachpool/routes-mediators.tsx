import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import type { FormState, FormValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion } from '../regions/index.js';
import { openPool } from './context.js';
import { addRowRequest, mediatorFormValues, rowValues } from './mediator-forms.js';
import {
  addAbsence,
  createMediator,
  deleteAbsence,
  deleteMediatorData,
  deleteMediatorDocument,
  DOCUMENT_MAX_BYTES,
  exportOwnData,
  getMediatorDetail,
  getMediatorDocument,
  getOwnProfile,
  listFiltersSchema,
  listMediators,
  requestDeletion,
  REVIEW_ACTIONS,
  reviewMediator,
  setAvailability,
  submitApplication,
  updateMediator,
  updateOwnProfile,
  uploadMediatorDocument,
  type MediatorDetail,
  type ReviewAction,
  type UploadedFile,
} from './mediators.js';
import { ApplyPage, ApplyThanksPage, applyHref } from './views/apply-form.js';
import { portalBase } from './views/layout.js';
import { MediatorDetailPage, MediatorNewPage, type ActionProblem } from './views/mediator-detail.js';
import { listHref, mediatorHref, MediatorListPage } from './views/mediator-list.js';
import { PortalAvailabilityPage } from './views/portal-availability.js';
import { PortalProfilePage } from './views/portal-profile.js';

/** Twenty applications a minute per address: a course applying together, not a flood. */
export const APPLICATION_LIMIT = { max: 20, timeWindow: '1 minute' };
/** Upload routes read multipart bodies with more fields (rows) and files than the app-wide default. */
const applicationUpload = { files: 3, fields: 400, parts: 410, fileSize: DOCUMENT_MAX_BYTES };
const documentUpload = { files: 1, fields: 10, parts: 12, fileSize: DOCUMENT_MAX_BYTES };

const id = z.string().max(64);
const regionParams = z.object({ id });
const mediatorParams = regionParams.extend({ mediatorId: id });
const documentParams = mediatorParams.extend({ documentId: id });
const absenceParams = regionParams.extend({ absenceId: id });

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const emptyForm = (): FormState => ({ values: {}, errors: {} });

/**
 * A form body as string values and files, urlencoded or multipart (the app's multipart hook leaves fields as
 * `{ type: 'field', value }` and files as `{ type: 'file', filename, _buf }`, repeated names as arrays).
 */
export function bodyParts(body: unknown): { values: FormValues; files: UploadedFile[] } {
  const values: FormValues = {};
  const files: UploadedFile[] = [];
  if (!body || typeof body !== 'object') return { values, files };
  const one = (key: string, v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (!v || typeof v !== 'object') return v === undefined || v === null ? undefined : String(v);
    if ('type' in v && v.type === 'file') {
      const part = v as { filename?: unknown; _buf?: unknown; file?: { truncated?: unknown } };
      files.push({ field: key, filename: typeof part.filename === 'string' ? part.filename : '', data: Buffer.isBuffer(part._buf) ? part._buf : Buffer.alloc(0), truncated: part.file?.truncated === true });
      return undefined;
    }
    if ('value' in v && typeof v.value === 'string') return v.value;
    return undefined;
  };
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (Array.isArray(raw)) {
      const list = raw.map((x) => one(key, x)).filter((x): x is string => x !== undefined);
      if (list.length) values[key] = list;
    } else {
      const v = one(key, raw);
      if (v !== undefined) values[key] = v;
    }
  }
  return { values, files };
}

/** RFC 6266 Content-Disposition: an ASCII fallback and the UTF-8 name. */
function attachment(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const revisionOf = (values: FormValues): number => {
  const n = Number(str(values.revision));
  return Number.isInteger(n) ? n : -1;
};

/**
 * Mediators. Public: the application "become a language mediator" (`/{region}/{lang}/sprachpool/become`, no-JS rows,
 * optional uploads, honeypot, rate limit). Coordinators (pool.manage, `/admin/regions/:id/sprachpool/mediators…`):
 * list, new, detail with edit, status actions, documents, "delete now". Mediator portal (pool.mediate,
 * `…/sprachpool/me…`): profile, availability and absences, data export, deletion request.
 */
export async function poolMediatorsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;
  const M = '/admin/regions/:id/sprachpool/mediators';
  const ME = '/admin/regions/:id/sprachpool/me';

  // ---------- public application ----------

  app.get('/:region/:lang/sprachpool/become', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    // With the form the page carries a CSRF token: never stored for other readers.
    return sendPage(request, reply, <ApplyPage region={region} form={{ values: { maxTravelKm: '20', modes: ['on_site'] }, errors: {} }} />);
  });

  app.get('/:region/:lang/sprachpool/become/thanks', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    return sendPage(request, reply, <ApplyThanksPage region={region} />, { cache: 'public' });
  });

  app.post(
    '/:region/:lang/sprachpool/become',
    { bodyLimit: 3 * DOCUMENT_MAX_BYTES + 1024 * 1024, config: { rateLimit: APPLICATION_LIMIT, multipartOptions: { limits: applicationUpload } } },
    async (request, reply) => {
      const region = await loadPublicRegion(db, request, reply);
      if (!region) return reply;
      const lang = request.ctx.lang;
      const { values, files } = bodyParts(request.body);
      const thanks = `${applyHref(region.slug, lang)}/thanks`;
      // Bots fill the hidden field: answer as if all went well, store nothing.
      if (str(values.website)) return reply.redirect(thanks, 303);
      const kept: FormValues = { ...values, website: undefined };
      const hadFiles = files.some((f) => f.data.length > 0);
      if (addRowRequest(values)) return sendPage(request, reply, <ApplyPage region={region} form={{ values: kept, errors: {} }} rowsAdded hadFiles={hadFiles} />);
      try {
        await submitApplication(db, { regionId: region.id, lang, values, files, baseUrl, requestId: request.id });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return sendPage(request, reply, <ApplyPage region={region} form={{ values: kept, errors: err.fields }} hadFiles={hadFiles} />, { status: 422 });
      }
      return reply.redirect(thanks, 303);
    },
  );

  // ---------- coordinators: list and new ----------

  app.get(M, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const filters = listFiltersSchema.parse(request.query ?? {});
    const list = await listMediators(db, actor, { regionId, filters });
    return sendPage(request, reply, <MediatorListPage region={list.ctx.region} items={list.items} total={list.total} page={list.page} pages={list.pages} filters={list.filters} />);
  });

  app.get(`${M}/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const ctx = await openPool(db, actor, regionId, 'pool.manage');
    const values: FormValues = { maxTravelKm: '20', modes: ['on_site'], language: ctx.region.sourceLanguage, paid: '1' };
    return sendPage(request, reply, <MediatorNewPage region={ctx.region} form={{ values, errors: {} }} />);
  });

  app.post(`${M}/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const { values } = bodyParts(request.body);
    if (addRowRequest(values)) {
      const ctx = await openPool(db, actor, regionId, 'pool.manage');
      return sendPage(request, reply, <MediatorNewPage region={ctx.region} form={{ values, errors: {} }} />);
    }
    try {
      const m = await createMediator(db, actor, { regionId, values, baseUrl, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_created', params: { name: `${m.firstName} ${m.lastName}`, email: m.email } });
      return reply.redirect(mediatorHref(regionId, m.id), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const ctx = await openPool(db, actor, regionId, 'pool.manage');
      return sendPage(request, reply, <MediatorNewPage region={ctx.region} form={{ values, errors: err.fields }} />, { status: 422 });
    }
  });

  // ---------- coordinators: one mediator ----------

  const renderDetail = (
    request: FastifyRequest,
    reply: FastifyReply,
    detail: MediatorDetail,
    opts: { form?: FormState; documentForm?: FormState; conflict?: boolean; problem?: ActionProblem; status?: number } = {},
  ) => {
    const form = opts.form ?? { values: mediatorFormValues(detail.mediator, detail.languages, detail.weekly), errors: {} };
    return sendPage(request, reply, <MediatorDetailPage detail={detail} form={form} documentForm={opts.documentForm ?? emptyForm()} conflict={opts.conflict} problem={opts.problem} />, { status: opts.status ?? 200 });
  };

  const detailFor = (actor: Actor, p: { id: string; mediatorId: string }) => getMediatorDetail(db, actor, { regionId: p.id, mediatorId: p.mediatorId });

  app.get(`${M}/:mediatorId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = mediatorParams.parse(request.params);
    return renderDetail(request, reply, await detailFor(actor, p));
  });

  app.post(`${M}/:mediatorId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = mediatorParams.parse(request.params);
    const { values } = bodyParts(request.body);
    if (addRowRequest(values)) return renderDetail(request, reply, await detailFor(actor, p), { form: { values, errors: {} } });
    try {
      const m = await updateMediator(db, actor, { regionId: p.id, mediatorId: p.mediatorId, revision: revisionOf(values), values, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_saved', params: { name: `${m.firstName} ${m.lastName}` } });
      return reply.redirect(mediatorHref(p.id, p.mediatorId), 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderDetail(request, reply, await detailFor(actor, p), { form: { values, errors: err.fields }, status: 422 });
      if (err instanceof ConflictError && err.code === 'revision_conflict') {
        // The person's input stays; the revision becomes the stored one, so a deliberate second save goes through.
        const detail = await detailFor(actor, p);
        return renderDetail(request, reply, detail, { form: { values: { ...values, revision: String(detail.mediator.revision) }, errors: {} }, conflict: true, status: 409 });
      }
      throw err;
    }
  });

  app.post(`${M}/:mediatorId/status`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = mediatorParams.parse(request.params);
    const { values } = bodyParts(request.body);
    const action = str(values.action);
    if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
      return renderDetail(request, reply, await detailFor(actor, p), { problem: { key: 'validation.choose_valid' }, status: 422 });
    }
    try {
      const m = await reviewMediator(db, actor, { regionId: p.id, mediatorId: p.mediatorId, revision: revisionOf(values), action: action as ReviewAction, reason: str(values.reason), baseUrl, requestId: request.id });
      reply.flash({ type: 'success', key: `sprachpool-mediators.flash_${action}`, params: { name: `${m.firstName} ${m.lastName}`, email: m.email } });
      return reply.redirect(mediatorHref(p.id, p.mediatorId), 303);
    } catch (err) {
      if (err instanceof ValidationError) {
        const key = err.code === 'documents_missing' ? 'sprachpool-mediators.error_activation_papers' : 'errors.validation_failed';
        return renderDetail(request, reply, await detailFor(actor, p), { problem: { key, fields: err.fields }, status: 422 });
      }
      if (err instanceof AppError && err.status === 409) return renderDetail(request, reply, await detailFor(actor, p), { problem: { key: err.messageKey }, status: 409 });
      throw err;
    }
  });

  app.post(
    `${M}/:mediatorId/documents`,
    { bodyLimit: DOCUMENT_MAX_BYTES + 1024 * 1024, config: { multipartOptions: { limits: documentUpload } } },
    async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const p = mediatorParams.parse(request.params);
      const { values, files } = bodyParts(request.body);
      try {
        const doc = await uploadMediatorDocument(db, actor, {
          regionId: p.id,
          mediatorId: p.mediatorId,
          kind: str(values.kind),
          expiresOn: str(values.expiresOn),
          file: files.find((f) => f.field === 'file') ?? null,
          requestId: request.id,
        });
        reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_document_uploaded', params: { name: doc.fileName } });
        return reply.redirect(`${mediatorHref(p.id, p.mediatorId)}#sp-documents-title`, 303);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return renderDetail(request, reply, await detailFor(actor, p), { documentForm: { values, errors: err.fields }, status: 422 });
      }
    },
  );

  app.get(`${M}/:mediatorId/documents/:documentId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = documentParams.parse(request.params);
    const doc = await getMediatorDocument(db, actor, { regionId: p.id, mediatorId: p.mediatorId, documentId: p.documentId });
    return reply
      .type(doc.contentType)
      .header('content-disposition', attachment(doc.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(doc.data);
  });

  app.post(`${M}/:mediatorId/documents/:documentId/delete`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = documentParams.parse(request.params);
    const doc = await deleteMediatorDocument(db, actor, { regionId: p.id, mediatorId: p.mediatorId, documentId: p.documentId, requestId: request.id });
    reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_document_deleted', params: { name: doc.fileName } });
    return reply.redirect(`${mediatorHref(p.id, p.mediatorId)}#sp-documents-title`, 303);
  });

  app.post(`${M}/:mediatorId/delete`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = mediatorParams.parse(request.params);
    try {
      const result = await deleteMediatorData(db, actor, { regionId: p.id, mediatorId: p.mediatorId, requestId: request.id });
      reply.flash({ type: 'success', key: result === 'deleted' ? 'sprachpool-mediators.flash_deleted' : 'sprachpool-mediators.flash_anonymised' });
      return reply.redirect(listHref(p.id, { page: 1 }), 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      return renderDetail(request, reply, await detailFor(actor, p), { problem: { key: err.messageKey }, status: 409 });
    }
  });

  // ---------- the mediator's portal ----------

  const profileForm = (profile: Awaited<ReturnType<typeof getOwnProfile>>): FormState => ({ values: mediatorFormValues(profile.mediator, profile.languages, profile.weekly), errors: {} });

  app.get(ME, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const profile = await getOwnProfile(db, actor, { regionId });
    return sendPage(request, reply, <PortalProfilePage profile={profile} form={profileForm(profile)} />);
  });

  app.post(ME, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const { values } = bodyParts(request.body);
    if (addRowRequest(values)) return sendPage(request, reply, <PortalProfilePage profile={await getOwnProfile(db, actor, { regionId })} form={{ values, errors: {} }} />);
    try {
      await updateOwnProfile(db, actor, { regionId, revision: revisionOf(values), values, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_profile_saved' });
      return reply.redirect(portalBase(regionId), 303);
    } catch (err) {
      if (err instanceof ValidationError) return sendPage(request, reply, <PortalProfilePage profile={await getOwnProfile(db, actor, { regionId })} form={{ values, errors: err.fields }} />, { status: 422 });
      if (err instanceof ConflictError && err.code === 'revision_conflict') {
        const profile = await getOwnProfile(db, actor, { regionId });
        return sendPage(request, reply, <PortalProfilePage profile={profile} form={{ values: { ...values, revision: String(profile.mediator.revision) }, errors: {} }} conflict />, { status: 409 });
      }
      throw err;
    }
  });

  const renderAvailability = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, opts: { weeklyForm?: FormState; absenceForm?: FormState; status?: number } = {}) => {
    const profile = await getOwnProfile(db, actor, { regionId });
    const weeklyForm = opts.weeklyForm ?? { values: rowValues([], profile.weekly, []), errors: {} };
    return sendPage(request, reply, <PortalAvailabilityPage profile={profile} weeklyForm={weeklyForm} absenceForm={opts.absenceForm ?? emptyForm()} />, { status: opts.status ?? 200 });
  };

  app.get(`${ME}/availability`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    return renderAvailability(request, reply, actor, regionId);
  });

  app.post(`${ME}/availability`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const { values } = bodyParts(request.body);
    if (addRowRequest(values)) return renderAvailability(request, reply, actor, regionId, { weeklyForm: { values, errors: {} } });
    try {
      await setAvailability(db, actor, { regionId, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_weekly_saved' });
      return reply.redirect(`${portalBase(regionId)}/availability`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderAvailability(request, reply, actor, regionId, { weeklyForm: { values, errors: err.fields }, status: 422 });
    }
  });

  app.post(`${ME}/absences`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const { values } = bodyParts(request.body);
    try {
      await addAbsence(db, actor, { regionId, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_absence_added' });
      return reply.redirect(`${portalBase(regionId)}/availability#sp-absences-title`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderAvailability(request, reply, actor, regionId, { absenceForm: { values, errors: err.fields }, status: 422 });
    }
  });

  app.post(`${ME}/absences/:absenceId/delete`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = absenceParams.parse(request.params);
    await deleteAbsence(db, actor, { regionId: p.id, absenceId: p.absenceId, requestId: request.id });
    reply.flash({ type: 'success', key: 'sprachpool-mediators.flash_absence_deleted' });
    return reply.redirect(`${portalBase(p.id)}/availability#sp-absences-title`, 303);
  });

  app.get(`${ME}/export`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const { fileName, data } = await exportOwnData(db, actor, { regionId });
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', attachment(fileName))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(JSON.stringify(data, null, 2));
  });

  app.post(`${ME}/delete-request`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    let already: boolean;
    try {
      ({ already } = await requestDeletion(db, actor, { regionId, baseUrl, confirmed: bodyParts(request.body).values.confirmed === '1', requestId: request.id }));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reply.flash({ type: 'error', key: 'sprachpool-mediators.error_delete_request_confirm' });
      return reply.redirect(`${portalBase(regionId)}#sp-own-data`, 303);
    }
    reply.flash({ type: already ? 'info' : 'success', key: already ? 'sprachpool-mediators.flash_deletion_already' : 'sprachpool-mediators.flash_deletion_requested' });
    return reply.redirect(`${portalBase(regionId)}#sp-own-data`, 303);
  });
}

