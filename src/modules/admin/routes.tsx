import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormState } from '../../web/components/forms.js';
import { sendCsv } from '../../platform/http/csv.js';
import { sendPage } from '../../web/render.js';
import * as service from './service.js';
import { AuditPageView } from './views/audit.js';
import { DashboardPage } from './views/dashboard.js';
import { JobsPage } from './views/jobs.js';
import { LanguageEditPage, LanguagesPage } from './views/languages.js';
import { MailDetailPage, MailListPage } from './views/mail.js';

type WithParams<P> = FastifyRequest<{ Params: P }>;

/** Runs a form service; a ValidationError re-renders the form (422) with the user's values and the messages. */
async function submitForm(request: FastifyRequest, reply: FastifyReply, run: () => Promise<void>, renderAgain: (form: FormState) => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    await run();
    return reply;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    reply.code(422);
    return renderAgain({ values: formValues(request.body), errors: err.fields });
  }
}

/** Admin operations pages: dashboard, audit log, jobs, outgoing mail, languages. Routes stay thin; rules live in service.ts. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.db;

  app.get('/admin', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return sendPage(request, reply, <DashboardPage data={await service.getDashboard(db(), actor)} />);
  });

  app.get('/admin/audit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const filters = service.auditFilterSchema.parse(request.query ?? {});
    const data = await service.listAuditLog(db(), actor, filters);
    return sendPage(request, reply, <AuditPageView data={data} filters={filters} />);
  });

  app.get('/admin/audit.csv', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const filters = service.auditFilterSchema.parse(request.query ?? {});
    return sendCsv(reply, 'audit', await service.exportAuditCsv(db(), actor, filters, request.ctx.t));
  });

  app.get('/admin/jobs', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return sendPage(request, reply, <JobsPage data={await service.getJobsOverview(db(), actor)} />);
  });

  app.post('/admin/jobs/:id/retry', async (request: WithParams<{ id: string }>, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const retried = await service.retryFailedJob(db(), actor, { id: request.params.id, requestId: request.id });
    reply.flash(retried ? { type: 'success', key: 'ops.job_retried', params: { id: request.params.id } } : { type: 'info', key: 'ops.job_not_failed', params: { id: request.params.id } });
    return reply.redirect('/admin/jobs', 303);
  });

  app.get('/admin/mail', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return sendPage(request, reply, <MailListPage data={await service.listOutgoingMail(db(), actor, request.query)} />);
  });

  app.get('/admin/mail/:id', async (request: WithParams<{ id: string }>, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return sendPage(request, reply, <MailDetailPage mail={await service.getOutgoingMail(db(), actor, request.params.id)} />);
  });

  app.get('/admin/languages', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const languages = await service.listLanguagesForAdmin(db(), actor);
    return sendPage(request, reply, <LanguagesPage languages={languages} form={{ values: { direction: 'ltr' }, errors: {} }} />);
  });

  app.post('/admin/languages', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return submitForm(
      request,
      reply,
      async () => {
        const row = await service.addLanguage(db(), actor, formValues(request.body), request.id);
        reply.flash({ type: 'success', key: 'ops.language_added', params: { code: row.code } }).redirect('/admin/languages', 303);
      },
      async (form) => sendPage(request, reply, <LanguagesPage languages={await service.listLanguagesForAdmin(db(), actor)} form={form} />, { status: 422 }),
    );
  });

  app.get('/admin/languages/:code', async (request: WithParams<{ code: string }>, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const language = await service.getLanguageForAdmin(db(), actor, request.params.code);
    const values = { nativeName: language.nativeName, englishName: language.englishName, direction: language.direction };
    return sendPage(request, reply, <LanguageEditPage language={language} form={{ values, errors: {} }} />);
  });

  app.post('/admin/languages/:code', async (request: WithParams<{ code: string }>, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return submitForm(
      request,
      reply,
      async () => {
        const row = await service.editLanguage(db(), actor, request.params.code, formValues(request.body), request.id);
        reply.flash({ type: 'success', key: 'ops.language_saved', params: { code: row.code } }).redirect('/admin/languages', 303);
      },
      async (form) => sendPage(request, reply, <LanguageEditPage language={await service.getLanguageForAdmin(db(), actor, request.params.code)} form={form} />, { status: 422 }),
    );
  });
}
