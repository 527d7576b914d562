import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { translator } from '../../platform/i18n/catalog.js';
import { languageInfo } from '../../platform/i18n/languages.js';
import { formValues, type FormState, type FormValues } from '../../web/components/forms.js';
import { regionSettingsPost } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { withMoreRows } from './forms.js';
import type { TranslatableKind } from './schema.js';
import {
  addOrganizationEditor,
  addTerm,
  bulkServices,
  changeStatus,
  decideReview,
  deleteTerm,
  DuplicatesFoundError,
  formOptions,
  getCategories,
  getDirectorySettings,
  getForEdit,
  getLocationList,
  getOrganizationEditors,
  getOrganizationList,
  getReview,
  getReviewQueue,
  getServiceList,
  getTranslationForm,
  lookupCoordinates,
  moveTerm,
  openDirectory,
  removeOrganizationEditor,
  renameTerm,
  saveDirectorySettings,
  saveObject,
  saveTranslation,
  translationStates,
  type DirectoryContext,
  type DuplicateCandidate,
  type ObjectKind,
  type RevisionConflict,
} from './service.js';
import { ObjectFormPage, type Notice } from './views/admin-form.js';
import { LocationsListPage, OrganizationsListPage, ReviewQueuePage, ServicesListPage, dirBase, objectHref } from './views/admin-lists.js';
import { CategoriesPage, ReviewPage, TranslationPage } from './views/admin-other.js';
import { DirectorySettingsPage } from './views/admin-settings.js';

const regionParams = z.object({ id: z.string().max(64) });
const objectParams = z.object({ id: z.string().max(64), oid: z.string().max(64) });
const termParams = z.object({ id: z.string().max(64), tid: z.string().max(64) });
const reviewParams = z.object({ id: z.string().max(64), kind: z.enum(['service', 'organization', 'location']), oid: z.string().max(64) });
const translationParams = z.object({ id: z.string().max(64), kind: z.enum(['service', 'organization', 'location', 'taxonomy_term']), oid: z.string().max(64), lang: z.string().max(40) });
const listQuery = z.object({
  status: z.string().max(20).optional().catch(undefined),
  category: z.string().max(64).optional().catch(undefined),
  organization: z.string().max(64).optional().catch(undefined),
  overdue: z.string().max(5).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const all = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const KINDS: { kind: ObjectKind; path: string }[] = [
  { kind: 'service', path: 'services' },
  { kind: 'organization', path: 'organizations' },
  { kind: 'location', path: 'locations' },
];

type FormRender = { form: FormState; status?: number; conflict?: RevisionConflict; duplicates?: DuplicateCandidate[]; notice?: Notice; editorForm?: FormState };

async function renderObjectForm(db: Db, request: FastifyRequest, reply: FastifyReply, actor: Actor, ctx: DirectoryContext, kind: ObjectKind, id: string | undefined, opts: FormRender): Promise<FastifyReply> {
  const options = await formOptions(db, ctx);
  const choices = { languages: [...options.languages], terms: options.terms, locations: options.locations, organizations: options.organizations };
  let current;
  let states;
  let editors;
  if (id) {
    const loaded = await getForEdit(db, ctx, kind, id);
    current = { id: loaded.row.id, name: loaded.row.name, status: loaded.row.status, verifiedAt: kind === 'service' ? (loaded.row as { verifiedAt: Date | null }).verifiedAt : null, hasPending: loaded.pending !== null };
    states = (await translationStates(db, ctx.region, kind, [loaded.row])).get(loaded.row.id);
    if (kind === 'organization') editors = await getOrganizationEditors(db, ctx, loaded.row.id);
  }
  void actor;
  return sendPage(
    request,
    reply,
    <ObjectFormPage
      region={ctx.region}
      isEditor={ctx.isEditor}
      kind={kind}
      form={opts.form}
      choices={choices}
      current={current}
      conflict={opts.conflict}
      duplicates={opts.duplicates}
      notice={opts.notice}
      states={states}
      editors={editors}
      editorForm={opts.editorForm}
      geocoder={Boolean(ctx.settings.geocoderUrl)}
    />,
    { status: opts.status ?? 200 },
  );
}

/** Admin pages of the directory: lists, forms, review, translations, categories (under /admin/regions/:id/directory). */
export async function directoryAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  // Admin pages speak the signed-in person's interface language.
  app.addHook('preHandler', async (request) => {
    if (!request.url.includes('/directory')) return;
    const uiLanguage = request.ctx.actor ? request.ctx.session?.account.uiLanguage : undefined;
    if (!uiLanguage || request.ctx.lang === uiLanguage) return;
    request.ctx.lang = uiLanguage;
    request.ctx.dir = languageInfo(uiLanguage).direction;
    request.ctx.t = translator(uiLanguage);
  });

  const B = '/admin/regions/:id/directory';

  // ---------- lists ----------

  app.get(B, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const q = listQuery.parse(request.query);
    const data = await getServiceList(db, actor, id, { ...q, overdue: q.overdue === '1' });
    const filter = { status: q.status ?? '', category: q.category ?? '', organization: q.organization ?? '', overdue: q.overdue === '1', q: q.q ?? '' };
    return sendPage(request, reply, <ServicesListPage region={data.ctx.region} isEditor={data.ctx.isEditor} services={data.services} filter={filter} terms={data.terms} organizations={data.organizations} states={data.states} overdueBefore={data.cutoff} />);
  });

  app.post(`${B}/services/bulk`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const values = formValues(request.body);
    const action = str(values.action);
    try {
      const n = await bulkServices(db, actor, { regionId: id, action, ids: all(values.ids), requestId: request.id });
      reply.flash({ type: 'success', key: action === 'archive' ? 'directory-admin.flash_bulk_archived' : 'directory-admin.flash_bulk_verified', params: { count: n } });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reply.flash({ type: 'error', key: err.fields.ids ? 'directory-admin.error_none_selected' : 'validation.choose_valid' });
    }
    return reply.redirect(dirBase(id), 303);
  });

  app.get(`${B}/organizations`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const data = await getOrganizationList(db, actor, id);
    return sendPage(request, reply, <OrganizationsListPage region={data.ctx.region} isEditor={data.ctx.isEditor} organizations={data.organizations} states={data.states} />);
  });

  app.get(`${B}/locations`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const data = await getLocationList(db, actor, id);
    return sendPage(request, reply, <LocationsListPage region={data.ctx.region} isEditor={data.ctx.isEditor} locations={data.locations} states={data.states} />);
  });

  // ---------- create / edit (services, organisations, locations) ----------

  for (const { kind, path } of KINDS) {
    app.get(`${B}/${path}/new`, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id } = regionParams.parse(request.params);
      const ctx = await openDirectory(db, actor, id);
      if (kind === 'organization' && !ctx.isEditor) throw new AppError(403, 'forbidden', 'errors.forbidden');
      const start: FormValues = kind === 'service' ? { hsdsStatus: 'active', 'rows.weekly': '2' } : {};
      return renderObjectForm(db, request, reply, actor, ctx, kind, undefined, { form: { values: start, errors: {} } });
    });

    app.get(`${B}/${path}/:oid`, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id, oid } = objectParams.parse(request.params);
      const ctx = await openDirectory(db, actor, id);
      const loaded = await getForEdit(db, ctx, kind, oid);
      return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form: { values: loaded.values, errors: {} } });
    });

    const save = async (request: FastifyRequest, reply: FastifyReply, oid: string | undefined) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id } = regionParams.parse(request.params);
      const ctx = await openDirectory(db, actor, id);
      if (oid) await getForEdit(db, ctx, kind, oid); // 404 before anything else
      const values = formValues(request.body);
      const add = str(values.add);
      if (add) return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form: { values: withMoreRows(values, add), errors: {} } });
      if (kind === 'location' && str(values.geocode) === '1') {
        const found = await lookupCoordinates(db, actor, { regionId: id, values });
        const form = found.ok ? { values: { ...values, latitude: found.result.latitude.toFixed(6), longitude: found.result.longitude.toFixed(6), geoSource: 'geocoder' }, errors: {} } : { values, errors: {} };
        const notice: Notice = found.ok ? { type: 'success', key: 'directory-admin.geocoder_found', params: { label: found.result.label } } : { type: 'error', key: found.messageKey };
        return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form, notice, status: found.ok ? 200 : 422 });
      }
      try {
        const result = await saveObject(db, actor, { regionId: id, kind, id: oid, values, requestId: request.id });
        reply.flash({ type: 'success', key: `directory-admin.flash_${result.outcome}` });
        return reply.redirect(objectHref(id, kind, result.id), 303);
      } catch (err) {
        if (err instanceof ValidationError) return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form: { values, errors: err.fields }, status: 422 });
        if (err instanceof DuplicatesFoundError) return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form: { values, errors: {} }, duplicates: err.candidates, status: 409 });
        if (err instanceof ConflictError && err.code === 'revision_conflict') {
          const conflict = err.current as RevisionConflict;
          // The user's values stay; the revision becomes the current one, so a deliberate second save goes through.
          return renderObjectForm(db, request, reply, actor, ctx, kind, oid, { form: { values: { ...values, revision: String(conflict.revision) }, errors: {} }, conflict, status: 409 });
        }
        throw err;
      }
    };
    app.post(`${B}/${path}/new`, async (request, reply) => save(request, reply, undefined));
    app.post(`${B}/${path}/:oid`, async (request, reply) => save(request, reply, objectParams.parse(request.params).oid));

    app.post(`${B}/${path}/:oid/status`, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id, oid } = objectParams.parse(request.params);
      const values = formValues(request.body);
      try {
        const status = await changeStatus(db, actor, { regionId: id, kind, id: oid, action: str(values.action), requestId: request.id });
        reply.flash({ type: 'success', key: `directory-admin.flash_status_${status}` });
      } catch (err) {
        if (err instanceof ValidationError || (err instanceof AppError && err.code === 'status_not_allowed')) reply.flash({ type: 'error', key: 'directory-admin.error_status' });
        else throw err;
      }
      return reply.redirect(objectHref(id, kind, oid), 303);
    });
  }

  // ---------- partner editors of an organisation ----------

  app.post(`${B}/organizations/:oid/editors`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, oid } = objectParams.parse(request.params);
    const values = formValues(request.body);
    try {
      await addOrganizationEditor(db, actor, { regionId: id, organizationId: oid, email: str(values.email), requestId: request.id });
      reply.flash({ type: 'success', key: 'directory-admin.flash_editor_added' });
      return reply.redirect(`${objectHref(id, 'organization', oid)}#dir-editors-title`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const ctx = await openDirectory(db, actor, id);
      const loaded = await getForEdit(db, ctx, 'organization', oid);
      return renderObjectForm(db, request, reply, actor, ctx, 'organization', oid, { form: { values: loaded.values, errors: {} }, editorForm: { values, errors: err.fields }, status: 422 });
    }
  });

  app.post(`${B}/organizations/:oid/editors/remove`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, oid } = objectParams.parse(request.params);
    const values = formValues(request.body);
    await removeOrganizationEditor(db, actor, { regionId: id, organizationId: oid, accountId: str(values.accountId), requestId: request.id });
    reply.flash({ type: 'success', key: 'directory-admin.flash_editor_removed' });
    return reply.redirect(`${objectHref(id, 'organization', oid)}#dir-editors-title`, 303);
  });

  // ---------- review ----------

  app.get(`${B}/review`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const data = await getReviewQueue(db, actor, id);
    return sendPage(request, reply, <ReviewQueuePage region={data.ctx.region} items={data.items} />);
  });

  const renderReview = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof reviewParams>, form: FormState, status = 200) => {
    const r = await getReview(db, actor, { regionId: p.id, kind: p.kind, id: p.oid });
    return sendPage(request, reply, <ReviewPage region={r.ctx.region} kind={r.kind} id={r.row.id} name={r.row.name} status={r.row.status} changed={r.changed} current={r.current} proposed={r.proposed} form={form} />, { status });
  };

  app.get(`${B}/review/:kind/:oid`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = reviewParams.safeParse(request.params);
    if (!p.success) throw new AppError(404, 'not_found', 'errors.not_found');
    return renderReview(request, reply, actor, p.data, { values: {}, errors: {} });
  });

  app.post(`${B}/review/:kind/:oid`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = reviewParams.safeParse(request.params);
    if (!p.success) throw new AppError(404, 'not_found', 'errors.not_found');
    const values = formValues(request.body);
    try {
      const decision = await decideReview(db, actor, { regionId: p.data.id, kind: p.data.kind, id: p.data.oid, decision: str(values.decision), note: str(values.note), requestId: request.id });
      reply.flash({ type: 'success', key: `directory-admin.flash_review_${decision}` });
      return reply.redirect(`${dirBase(p.data.id)}/review`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderReview(request, reply, actor, p.data, { values, errors: err.fields }, 422);
      if (err instanceof AppError && err.code === 'nothing_to_review') {
        reply.flash({ type: 'info', key: err.messageKey });
        return reply.redirect(`${dirBase(p.data.id)}/review`, 303);
      }
      throw err;
    }
  });

  // ---------- translations ----------

  const renderTranslation = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof translationParams>, form: FormState | undefined, status = 200) => {
    const tf = await getTranslationForm(db, actor, { regionId: p.id, kind: p.kind as TranslatableKind, id: p.oid, language: p.lang });
    const values = form ?? { values: { ...(tf.translation?.fields ?? {}) }, errors: {} };
    return sendPage(request, reply, <TranslationPage region={tf.ctx.region} kind={tf.kind} id={tf.object.id} language={tf.language} source={tf.object.source} fields={tf.fields} state={tf.state} form={values} />, { status });
  };

  app.get(`${B}/translations/:kind/:oid/:lang`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = translationParams.safeParse(request.params);
    if (!p.success) throw new AppError(404, 'not_found', 'errors.not_found');
    return renderTranslation(request, reply, actor, p.data, undefined);
  });

  app.post(`${B}/translations/:kind/:oid/:lang`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = translationParams.safeParse(request.params);
    if (!p.success) throw new AppError(404, 'not_found', 'errors.not_found');
    const values = formValues(request.body);
    try {
      await saveTranslation(db, actor, { regionId: p.data.id, kind: p.data.kind, id: p.data.oid, language: p.data.lang, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'directory-admin.flash_translation_saved' });
      return reply.redirect(`${dirBase(p.data.id)}/translations/${p.data.kind}/${p.data.oid}/${p.data.lang}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderTranslation(request, reply, actor, p.data, { values, errors: err.fields }, 422);
      throw err;
    }
  });

  // ---------- settings ----------

  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, opts: { form?: FormState; conflict?: RevisionConflict; status?: number } = {}) => {
    const data = await getDirectorySettings(db, actor, regionId);
    const form = opts.form ?? { values: data.values, errors: {} };
    return sendPage(request, reply, <DirectorySettingsPage region={data.ctx.region} settings={data.settings} canChange={data.canChange} form={form} conflict={opts.conflict} />, { status: opts.status ?? 200 });
  };

  app.get(`${B}/settings`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    return renderSettings(request, reply, actor, id);
  });

  app.post(
    `${B}/settings`,
    regionSettingsPost({ save: (actor, input) => saveDirectorySettings(db, actor, input), savedKey: 'directory-admin.flash_settings_saved', page: (regionId) => `${dirBase(regionId)}/settings`, render: renderSettings }),
  );

  // ---------- categories ----------

  const renderCategories = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, opts: { form?: FormState; editing?: string; error?: { key: string; params: Record<string, string | number> }; status?: number } = {}) => {
    const data = await getCategories(db, actor, regionId);
    return sendPage(request, reply, <CategoriesPage region={data.ctx.region} terms={data.terms} states={data.states} form={opts.form ?? { values: {}, errors: {} }} editing={opts.editing} error={opts.error} />, { status: opts.status ?? 200 });
  };

  app.get(`${B}/categories`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    return renderCategories(request, reply, actor, id);
  });

  app.post(`${B}/categories`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const termId = await addTerm(db, actor, { regionId: id, parentId: str(values.parentId) || null, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'directory-admin.flash_term_added' });
      return reply.redirect(`${dirBase(id)}/categories#term-${termId}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderCategories(request, reply, actor, id, { form: { values, errors: err.fields }, editing: 'new', status: 422 });
      throw err;
    }
  });

  app.post(`${B}/categories/:tid`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, tid } = termParams.parse(request.params);
    const values = formValues(request.body);
    try {
      await renameTerm(db, actor, { regionId: id, id: tid, values, requestId: request.id });
      reply.flash({ type: 'success', key: 'directory-admin.flash_term_saved' });
      return reply.redirect(`${dirBase(id)}/categories#term-${tid}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderCategories(request, reply, actor, id, { form: { values, errors: err.fields }, editing: tid, status: 422 });
      throw err;
    }
  });

  app.post(`${B}/categories/:tid/move`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, tid } = termParams.parse(request.params);
    const values = formValues(request.body);
    try {
      await moveTerm(db, actor, { regionId: id, id: tid, direction: str(values.direction), requestId: request.id });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reply.flash({ type: 'error', key: 'validation.choose_valid' });
    }
    return reply.redirect(`${dirBase(id)}/categories#term-${tid}`, 303);
  });

  app.post(`${B}/categories/:tid/delete`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, tid } = termParams.parse(request.params);
    try {
      await deleteTerm(db, actor, { regionId: id, id: tid, requestId: request.id });
      reply.flash({ type: 'success', key: 'directory-admin.flash_term_deleted' });
      return reply.redirect(`${dirBase(id)}/categories`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'term_in_use' || err.code === 'term_has_children')) return renderCategories(request, reply, actor, id, { error: { key: err.messageKey, params: err.params }, status: 409 });
      throw err;
    }
  });
}
