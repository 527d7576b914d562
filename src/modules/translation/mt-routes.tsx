import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues } from '../../web/components/forms.js';
import { submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { installTranslationMemory } from './memory.js';
import { deriveMtKey, getMtOverview, machineTranslateMissing, machineTranslatePage, registerMtJob, saveMtSettings, type MtSettingsView } from './mt/service.js';
import { mtFormValues, MtSettingsPage } from './views/mt-settings.js';

const idParams = z.object({ id: z.string().max(64) });
const languageField = z.object({ language: z.string().max(40).catch(''), back: z.string().max(500).optional().catch(undefined) });

/** A place on this site's admin to return to (never another host). */
function safeBack(back: string | undefined, fallback: string): string {
  if (back && /^\/admin\/[^/\\]/.test(back) && !/[\\\s]/.test(back)) return back;
  return fallback;
}

/** Machine translation settings, budget and the translate actions; connects the translation memory and the job. */
export async function mtRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const key = deriveMtKey(app.deps.config.sessionSecret);
  installTranslationMemory();
  registerMtJob({ key });

  const settingsUrl = (id: string) => `/admin/regions/${id}/machine-translation`;

  app.get('/admin/regions/:id/machine-translation', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const overview = await getMtOverview(db, actor, id);
    return sendPage(request, reply, <MtSettingsPage overview={overview} form={{ values: mtFormValues(overview.settings), errors: {} }} />);
  });

  app.post('/admin/regions/:id/machine-translation', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    // The key the person typed is never sent back into the page.
    return submitRevisedForm(
      { ...values, apiKey: '' },
      {
        save: async () => {
          await saveMtSettings(db, actor, key, { ...values, revision: values.revision, regionId: id, requestId: request.id });
          reply.flash({ type: 'success', key: 'mt.saved' });
          return reply.redirect(settingsUrl(id), 303);
        },
        showAgain: async (again: FormAgain<MtSettingsView>) => {
          const overview = await getMtOverview(db, actor, id);
          return sendPage(request, reply, <MtSettingsPage overview={overview} form={again.form} conflict={again.conflict} />, { status: again.status });
        },
      },
    );
  });

  app.post('/admin/regions/:id/machine-translation/bulk', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { language } = languageField.parse(request.body ?? {});
    try {
      const result = await machineTranslateMissing(db, actor, { regionId: id, language, requestId: request.id });
      reply.flash({ type: 'success', key: 'mt.bulk_queued', params: { count: result.queued } });
    } catch (err) {
      // Switched off, pair not enabled, budget used up: explained, nothing queued.
      if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 422)) throw err;
      reply.flash({ type: 'error', key: err.messageKey, params: err.params });
    }
    return reply.redirect(settingsUrl(id), 303);
  });

  app.post('/admin/pages/:id/machine-translate', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { language, back } = languageField.parse(request.body ?? {});
    const fallback = `/admin/pages/${id}/edit?lang=${encodeURIComponent(language)}`;
    try {
      const result = await machineTranslatePage(db, actor, { pageId: id, language, requestId: request.id });
      reply.flash({ type: 'success', key: result.queued ? 'mt.queued' : 'mt.already_queued' });
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 422)) throw err;
      reply.flash({ type: 'error', key: err.messageKey, params: err.params });
    }
    return reply.redirect(safeBack(back, fallback), 303);
  });
}
