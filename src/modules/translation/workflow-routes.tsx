import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { requireActor } from '../../platform/http/guards.js';
import { sendPage } from '../../web/render.js';
import { addEditorExtension, approveMachineTranslation, editorHref, type EditorData } from '../guide/index.js';
import { memorySuggestions } from './memory.js';
import { mtAvailability } from './mt/service.js';
import { COVERAGE_STATES, getCoverage, getTaskList, taskQuery } from './workflow.js';
import { CoveragePage, TaskListPage } from './views/workflow-pages.js';
import { TranslationTools } from './views/workflow-tools.js';

const idParams = z.object({ id: z.string().max(64) });
const taskParams = z.object({ id: z.string().max(64), lang: z.string().max(40) });
const approveBody = z.object({ language: z.string().max(40).catch('') });

/** Approval, machine translation and memory matches above the text form of a translation the actor may edit. */
async function translationTools(db: Db, actor: Actor, data: EditorData) {
  if (data.isSource || !data.canEditText || !data.source || data.source.revision === 0) return null;
  const [availability, suggestions] = await Promise.all([mtAvailability(db, data.region), memorySuggestions(db, actor, { pageId: data.page.id, language: data.language })]);
  const mtEnabled = availability.enabled && availability.languages.includes(data.language);
  const machine = data.current?.machineProvider ?? null;
  if (!machine && !mtEnabled && !suggestions.some((s) => s.exact || s.fuzzy.length > 0)) return null;
  return <TranslationTools pageId={data.page.id} language={data.language} machine={machine} mtEnabled={mtEnabled} suggestions={suggestions} />;
}

/** Translator task lists per language, coverage report, approval of machine output; tools in the page editor. */
export async function translationWorkflowRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  addEditorExtension(translationTools);

  app.get('/admin/regions/:id/translations', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    return sendPage(request, reply, <CoveragePage coverage={await getCoverage(db, actor, id)} />);
  });

  app.get('/admin/regions/:id/translations.csv', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const coverage = await getCoverage(db, actor, id);
    const t = request.ctx.t;
    const header = [t('workflow.col_language'), ...COVERAGE_STATES.flatMap((s) => [`${t(`guide.state_${s}`)}: ${t('workflow.csv_pages')}`, `${t(`guide.state_${s}`)}: ${t('workflow.csv_words')}`]), t('workflow.col_progress')];
    const rows = coverage.languages.map((l) => [l.language, ...COVERAGE_STATES.flatMap((s) => [String(l.counts[s].pages), String(l.counts[s].words)]), String(l.percentUpToDate)]);
    return sendCsv(reply, `translations-${coverage.region.slug}`, toCsv([header, ...rows]));
  });

  app.get('/admin/regions/:id/translations/:lang', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, lang } = taskParams.parse(request.params);
    const { state } = taskQuery.parse(request.query ?? {});
    return sendPage(request, reply, <TaskListPage list={await getTaskList(db, actor, id, lang, state)} />);
  });

  app.post('/admin/pages/:id/approve-machine', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { language } = approveBody.parse(request.body ?? {});
    const approved = await approveMachineTranslation(db, actor, { pageId: id, language, requestId: request.id });
    reply.flash({ type: 'success', key: 'workflow.flash_approved', params: { title: approved.title } });
    return reply.redirect(editorHref(id, approved.language), 303);
  });
}
