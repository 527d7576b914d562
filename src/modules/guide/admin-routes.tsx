import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ConflictError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { translator } from '../../platform/i18n/catalog.js';
import { languageInfo } from '../../platform/i18n/languages.js';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import { formValues, type FormState, type FormValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { editorExtras, getEditorData, getGuideTree, getHistory, getPageInTree, type EditorData } from './admin-service.js';
import { listEmbedChoices } from './embeds.js';
import { isIconName } from './icons.js';
import {
  CHILD_STRATEGIES,
  createPage,
  deletePage,
  getRevision,
  MOVE_STEPS,
  movePage,
  movePageStep,
  restoreRevision,
  savePageText,
  updatePageSettings,
  type PageRow,
  type TextConflict,
} from './service.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import { DeletePagePage } from './views/admin-delete.js';
import { EditorPage, type TextConflictView } from './views/admin-editor.js';
import { ComparePage, HistoryPage, RevisionPage } from './views/admin-history.js';
import { editorHref } from './views/admin-parts.js';
import { MovePagePage, NewPagePage, PageTreePage } from './views/admin-tree.js';

const idParams = z.object({ id: z.string().max(64) });
const revisionParams = z.object({ id: z.string().max(64), number: z.coerce.number().int().min(1).max(1_000_000_000) });
const langQuery = z.object({ lang: z.string().max(40).optional().catch(undefined) });
const compareQuery = z.object({
  lang: z.string().max(40).optional().catch(undefined),
  from: z.coerce.number().int().min(1).max(1_000_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000_000),
});
const parentQuery = z.object({ parent: z.string().max(64).optional().catch(undefined) });

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** Settings form values of a stored page, dates as wall-clock time in the region's zone. */
function settingsValues(page: PageRow, timeZone: string): FormValues {
  return {
    status: page.status,
    publishFrom: utcToZonedLocal(page.publishFrom, timeZone),
    publishUntil: utcToZonedLocal(page.publishUntil, timeZone),
    icon: page.icon ?? '',
    imageId: page.imageId ?? '',
    revision: String(page.revision),
  };
}

function textValues(data: EditorData): FormValues {
  return { title: data.text.title, slug: data.text.slug, contentHtml: data.text.contentHtml, baseRevision: String(data.text.baseRevision) };
}

/** A datetime-local value as an instant in the region's zone; other text goes on to the service, which refuses it. */
function toInstant(value: string, timeZone: string): Date | string {
  if (value.trim() === '') return '';
  return zonedLocalToUtc(value, timeZone) ?? value;
}

type EditorRender = { textForm?: FormState; settingsForm?: FormState; conflict?: TextConflictView; settingsConflict?: PageRow; textError?: string; status?: number };

async function renderEditor(db: Db, request: FastifyRequest, reply: FastifyReply, actor: Actor, pageId: string, language: string | undefined, opts: EditorRender = {}): Promise<FastifyReply> {
  const data = await getEditorData(db, actor, pageId, language);
  const textForm = opts.textForm ?? { values: textValues(data), errors: {} };
  const settingsForm = opts.settingsForm ?? { values: settingsValues(data.page, data.region.timezone), errors: {} };
  return sendPage(
    request,
    reply,
    <EditorPage
      data={data}
      textForm={textForm}
      settingsForm={settingsForm}
      conflict={opts.conflict}
      settingsConflict={opts.settingsConflict}
      textError={opts.textError}
      extras={data.canEditText && !opts.conflict ? await editorExtras(db, actor, data) : undefined}
      embeds={data.canEditText ? await listEmbedChoices({ db, region: data.region, lang: request.ctx.lang }, (err, name) => request.log.error({ err, embed: name }, 'embed choices failed')) : undefined}
    />,
    { status: opts.status ?? 200 },
  );
}

/** Admin pages of the guide: tree, page editor, revisions, settings, move, delete. */
export async function guideAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  // `?lang=` names the content language here, not the interface language: signed-in people keep their own UI language.
  app.addHook('preHandler', async (request) => {
    const uiLanguage = request.ctx.actor ? request.ctx.session?.account.uiLanguage : undefined;
    if (!uiLanguage || request.ctx.lang === uiLanguage) return;
    request.ctx.lang = uiLanguage;
    request.ctx.dir = languageInfo(uiLanguage).direction;
    request.ctx.t = translator(uiLanguage);
  });

  // ---------- the tree ----------

  app.get('/admin/regions/:id/pages', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { region, tree, canEdit } = await getGuideTree(db, actor, id);
    return sendPage(request, reply, <PageTreePage region={region} tree={tree} canEdit={canEdit} />);
  });

  app.get('/admin/regions/:id/pages/new', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { parent } = parentQuery.parse(request.query);
    const { region, tree } = await getGuideTree(db, actor, id, { forEdit: true });
    return sendPage(request, reply, <NewPagePage region={region} tree={tree} form={{ values: { parentId: parent ?? '' }, errors: {} }} />);
  });

  app.post('/admin/regions/:id/pages/new', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const { page, translation } = await createPage(db, actor, {
        regionId: id,
        parentId: str(values.parentId) || null,
        title: values.title,
        slug: values.slug,
        contentHtml: values.contentHtml,
        requestId: request.id,
      });
      reply.flash({ type: 'success', key: 'guide.flash_created', params: { title: translation.title } });
      return reply.redirect(editorHref(page.id, translation.language), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const { region, tree } = await getGuideTree(db, actor, id, { forEdit: true });
      return sendPage(request, reply, <NewPagePage region={region} tree={tree} form={{ values, errors: err.fields }} />, { status: 422 });
    }
  });

  // ---------- moving ----------

  app.post('/admin/pages/:id/move-step', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    const { page, region } = await getPageInTree(db, actor, id);
    const step = z.enum(MOVE_STEPS).safeParse(str(values.step));
    const back = `/admin/regions/${region.id}/pages#page-${page.id}`;
    if (!step.success) {
      reply.flash({ type: 'error', key: 'guide.error_move_step' });
      return reply.redirect(back, 303);
    }
    try {
      await movePageStep(db, actor, { pageId: page.id, revision: values.revision, step: step.data, requestId: request.id });
      reply.flash({ type: 'success', key: `guide.flash_moved_${step.data}` });
    } catch (err) {
      // Refused moves (first sibling indented, stale revision …) change nothing; the tree shows why.
      if (err instanceof ValidationError) reply.flash({ type: 'error', key: 'errors.revision_conflict' });
      else if (err instanceof AppError && err.status === 409) reply.flash({ type: 'error', key: err.messageKey });
      else throw err;
    }
    return reply.redirect(back, 303);
  });

  app.get('/admin/pages/:id/move', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { region, tree, page, title } = await getPageInTree(db, actor, id);
    const form = { values: { parentId: page.parentId ?? '', position: '', revision: String(page.revision) }, errors: {} };
    return sendPage(request, reply, <MovePagePage region={region} tree={tree} page={page} title={title} form={form} />);
  });

  app.post('/admin/pages/:id/move', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    const rawPosition = str(values.position).trim();
    const position = rawPosition === '' ? Number.MAX_SAFE_INTEGER : Number(rawPosition);
    const rerender = async (status: number, errors: FieldErrors, notice?: string, revision?: number) => {
      const { region, tree, page, title } = await getPageInTree(db, actor, id);
      const form = { values: { ...values, revision: String(revision ?? str(values.revision)) }, errors };
      return sendPage(request, reply, <MovePagePage region={region} tree={tree} page={page} title={title} form={form} error={notice} />, { status });
    };
    if (!Number.isInteger(position) || position < 1) {
      return rerender(422, { position: { key: 'validation.invalid' } });
    }
    try {
      const moved = await movePage(db, actor, { pageId: id, revision: values.revision, parentId: str(values.parentId) || null, position: position === Number.MAX_SAFE_INTEGER ? position : position - 1, requestId: request.id });
      reply.flash({ type: 'success', key: 'guide.flash_moved' });
      return reply.redirect(`/admin/regions/${moved.regionId}/pages#page-${moved.id}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return rerender(422, err.fields);
      if (err instanceof ConflictError && err.code === 'revision_conflict') {
        const current = err.current as PageRow | undefined;
        return rerender(409, {}, 'errors.revision_conflict', current?.revision);
      }
      if (err instanceof AppError && err.code === 'page_move_cycle') return rerender(409, { parentId: { key: err.messageKey } });
      throw err;
    }
  });

  // ---------- the editor ----------

  app.get('/admin/pages/:id/edit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { lang } = langQuery.parse(request.query);
    return renderEditor(db, request, reply, actor, id, lang);
  });

  app.post('/admin/pages/:id/edit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { lang } = langQuery.parse(request.query);
    const values = formValues(request.body);
    const language = str(values.language) || lang || '';
    const draft = str(values.intent) === 'draft';
    try {
      const { translation } = await savePageText(db, actor, {
        pageId: id,
        language,
        baseRevision: values.baseRevision,
        title: values.title,
        slug: values.slug,
        contentHtml: str(values.contentHtml),
        draft,
        minor: str(values.minor) === '1',
        requestId: request.id,
      });
      reply.flash({ type: 'success', key: draft ? 'guide.flash_draft_saved' : 'guide.flash_saved', params: { title: translation.title } });
      return reply.redirect(editorHref(id, translation.language), 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderEditor(db, request, reply, actor, id, language, { textForm: { values, errors: err.fields }, status: 422 });
      if (err instanceof ConflictError && err.code === 'revision_conflict') {
        const current = err.current as TextConflict | undefined;
        const latest = current ? current.latest.number : (await getEditorData(db, actor, id, language)).text.baseRevision;
        // The user's text stays in the form; the base becomes the newest revision, so a deliberate second save goes through.
        const textForm = { values: { ...values, baseRevision: String(latest) }, errors: {} };
        const conflict = current ? { latest: current.latest, authorName: current.authorName, mineHtml: sanitizeRichText(str(values.contentHtml)) } : undefined;
        return renderEditor(db, request, reply, actor, id, language, { textForm, conflict, textError: conflict ? undefined : 'errors.revision_conflict', status: 409 });
      }
      if (err instanceof AppError && err.code === 'source_missing') return renderEditor(db, request, reply, actor, id, language, { textForm: { values, errors: {} }, textError: err.messageKey, status: 409 });
      throw err;
    }
  });

  app.post('/admin/pages/:id/settings', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    const lang = str(values.lang) || undefined;
    const data = await getEditorData(db, actor, id, undefined);
    const tz = data.region.timezone;
    const icon = str(values.icon);
    const imageId = str(values.imageId);
    const errors: FieldErrors = {};
    if (icon !== '' && !isIconName(icon)) errors.icon = { key: 'validation.choose_valid' };
    // Only the region's own images: the id is a reference across the tenant boundary otherwise.
    if (imageId !== '' && data.canEditPage && !data.images.some((m) => m.id === imageId)) errors.imageId = { key: 'validation.choose_valid' };
    const settingsForm = (e: FieldErrors, override: FormValues = {}) => ({ values: { ...values, ...override }, errors: e });
    try {
      if (Object.keys(errors).length && data.canEditPage) throw new ValidationError(errors);
      await updatePageSettings(db, actor, {
        pageId: id,
        revision: values.revision,
        status: str(values.status),
        publishFrom: toInstant(str(values.publishFrom), tz),
        publishUntil: toInstant(str(values.publishUntil), tz),
        icon,
        imageId,
        requestId: request.id,
      });
      reply.flash({ type: 'success', key: 'guide.flash_settings_saved' });
      return reply.redirect(editorHref(id, lang ?? data.region.sourceLanguage), 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderEditor(db, request, reply, actor, id, lang, { settingsForm: settingsForm({ ...errors, ...err.fields }), status: 422 });
      if (err instanceof ConflictError && err.code === 'revision_conflict') {
        const current = err.current as PageRow | undefined;
        return renderEditor(db, request, reply, actor, id, lang, { settingsForm: settingsForm({}, { revision: String(current?.revision ?? '') }), settingsConflict: current, status: 409 });
      }
      if (err instanceof AppError && err.code === 'page_has_no_text') return renderEditor(db, request, reply, actor, id, lang, { settingsForm: settingsForm({ status: { key: err.messageKey } }), status: 409 });
      throw err;
    }
  });

  // ---------- history ----------

  app.get('/admin/pages/:id/history', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { lang } = langQuery.parse(request.query);
    const ctx = await getHistory(db, actor, id, lang);
    return sendPage(request, reply, <HistoryPage ctx={ctx} />);
  });

  app.get('/admin/pages/:id/compare', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const ctx = await getHistory(db, actor, id, langQuery.parse(request.query).lang);
    const q = compareQuery.safeParse(request.query);
    if (!q.success) return reply.redirect(`/admin/pages/${ctx.page.id}/history?lang=${encodeURIComponent(ctx.language)}`, 303);
    const [from, to] = await Promise.all([getRevision(db, actor, id, ctx.language, q.data.from), getRevision(db, actor, id, ctx.language, q.data.to)]);
    return sendPage(request, reply, <ComparePage ctx={ctx} from={from.revision} to={to.revision} />);
  });

  app.get('/admin/pages/:id/revisions/:number', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, number } = revisionParams.parse(request.params);
    const ctx = await getHistory(db, actor, id, langQuery.parse(request.query).lang);
    const { revision } = await getRevision(db, actor, id, ctx.language, number);
    return sendPage(request, reply, <RevisionPage ctx={ctx} revision={revision} meta={ctx.revisions.find((r) => r.number === number)} />);
  });

  app.post('/admin/pages/:id/revisions/:number/restore', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, number } = revisionParams.parse(request.params);
    const values = formValues(request.body);
    const ctx = await getHistory(db, actor, id, str(values.language) || undefined);
    await getRevision(db, actor, id, ctx.language, number);
    try {
      const { revision } = await restoreRevision(db, actor, { pageId: ctx.page.id, language: ctx.language, number, baseRevision: values.baseRevision, minor: str(values.minor) === '1', requestId: request.id });
      reply.flash({ type: 'success', key: 'guide.flash_restored', params: { number, revision: revision.number } });
      return reply.redirect(`/admin/pages/${ctx.page.id}/history?lang=${encodeURIComponent(ctx.language)}`, 303);
    } catch (err) {
      if (err instanceof ValidationError || (err instanceof ConflictError && err.code === 'revision_conflict')) {
        reply.flash({ type: 'error', key: 'guide.restore_conflict' });
        return reply.redirect(`/admin/pages/${ctx.page.id}/revisions/${number}?lang=${encodeURIComponent(ctx.language)}`, 303);
      }
      if (err instanceof AppError && err.code === 'source_missing') {
        reply.flash({ type: 'error', key: err.messageKey });
        return reply.redirect(`/admin/pages/${ctx.page.id}/history?lang=${encodeURIComponent(ctx.language)}`, 303);
      }
      throw err;
    }
  });

  // ---------- deleting ----------

  app.get('/admin/pages/:id/delete', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { region, page, node, title } = await getPageInTree(db, actor, id);
    return sendPage(request, reply, <DeletePagePage region={region} page={page} title={title} subtree={node.children} form={{ values: { revision: String(page.revision) }, errors: {} }} />);
  });

  app.post('/admin/pages/:id/delete', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    const { region, page, node, title } = await getPageInTree(db, actor, id);
    const choice = z.enum(CHILD_STRATEGIES).safeParse(str(values.children));
    try {
      const { deleted } = await deletePage(db, actor, { pageId: page.id, revision: values.revision, children: choice.success ? choice.data : undefined, requestId: request.id });
      reply.flash({ type: 'success', key: 'guide.flash_deleted', params: { title, count: deleted.length } });
      return reply.redirect(`/admin/regions/${region.id}/pages`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'page_has_children') {
        const form = { values: { ...values, revision: String(page.revision) }, errors: { children: { key: err.messageKey } } };
        return sendPage(request, reply, <DeletePagePage region={region} page={page} title={title} subtree={node.children} form={form} />, { status: 422 });
      }
      if (err instanceof ValidationError || (err instanceof ConflictError && err.code === 'revision_conflict')) {
        reply.flash({ type: 'error', key: 'errors.revision_conflict' });
        return reply.redirect(`/admin/pages/${page.id}/delete`, 303);
      }
      throw err;
    }
  });
}
