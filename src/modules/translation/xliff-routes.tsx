import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readUpload, type Upload } from '../../platform/http/upload.js';
import { ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { emptyForm, formValues, type FormState } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { exportXliff, getXliffImport, getXliffOverview, importXliff, XLIFF_MAX_BYTES, XliffInvalidError } from './xliff/service.js';
import { XliffPage, type ImportFormState } from './views/xliff-page.js';
import { XliffReportPage } from './views/xliff-report.js';

const idParams = z.object({ id: z.string().max(64) });
const reportParams = z.object({ id: z.string().max(64), importId: z.string().max(64) });
const noImportErrors: ImportFormState = { errors: {}, messages: [] };


function exportFormFrom(values: FormState['values']): FormState {
  return { values, errors: {} };
}

function asciiFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** XLIFF 2.1 / 1.2 export and import: /admin/regions/:id/xliff. */
export async function xliffRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  // Uploads: registered in this plugin's scope unless someone registered multipart for the whole app already.
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: XLIFF_MAX_BYTES, files: 1, fields: 5 } });

  app.get('/admin/regions/:id/xliff', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const overview = await getXliffOverview(db, actor, id);
    return sendPage(request, reply, <XliffPage overview={overview} exportForm={emptyForm({ version: '2.1', selection: 'outdated_missing', language: overview.languages[0] })} importForm={noImportErrors} />);
  });

  app.post('/admin/regions/:id/xliff/export', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const out = await exportXliff(db, actor, { regionId: id, language: values.language, version: values.version, selection: values.selection, pageIds: values.pageIds });
      return reply
        .header('content-type', 'application/xliff+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${asciiFilename(out.filename)}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`)
        .header('cache-control', 'no-store')
        .send(out.xml);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const overview = await getXliffOverview(db, actor, id);
      return sendPage(request, reply, <XliffPage overview={overview} exportForm={{ ...exportFormFrom(values), errors: err.fields }} importForm={noImportErrors} />, { status: 422 });
    }
  });

  app.post('/admin/regions/:id/xliff/import', { bodyLimit: XLIFF_MAX_BYTES + 1024 * 1024, preValidation: readUpload({ maxBytes: XLIFF_MAX_BYTES, defaultName: 'upload.xlf' }) }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    // Permission first: people who may not import get 403 whatever they sent.
    const overview = await getXliffOverview(db, actor, id);
    const upload = (request.body ?? {}) as Upload;
    const exportForm = emptyForm({ version: '2.1', selection: 'outdated_missing', language: overview.languages[0] });
    const fail = (importForm: ImportFormState, status: number) => sendPage(request, reply, <XliffPage overview={overview} exportForm={exportForm} importForm={importForm} />, { status });
    if (upload.tooLarge) return fail({ errors: { file: { key: 'xliff.error_file_too_large', params: { mb: Math.round(XLIFF_MAX_BYTES / 1024 / 1024) } } }, messages: [] }, 413);
    if (!upload.file) return fail({ errors: { file: { key: 'xliff.error_no_file' } }, messages: [] }, 422);
    try {
      const result = await importXliff(db, actor, { regionId: id, filename: upload.file.filename, xml: upload.file.data, requestId: request.id });
      reply.flash({ type: result.refused ? 'info' : 'success', key: 'xliff.imported', params: { applied: result.applied, unchanged: result.unchanged, refused: result.refused } });
      return reply.redirect(`/admin/regions/${id}/xliff/imports/${result.import.id}`, 303);
    } catch (err) {
      if (!(err instanceof XliffInvalidError)) throw err;
      const params: Record<string, number> = err.reason === 'too_large' ? { mb: Math.round(XLIFF_MAX_BYTES / 1024 / 1024) } : {};
      return fail({ errors: { file: { key: err.messageKey, params } }, messages: err.messages }, err.reason === 'too_large' ? 413 : 422);
    }
  });

  app.get('/admin/regions/:id/xliff/imports/:importId', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, importId } = reportParams.parse(request.params);
    const { region, record, excerpts } = await getXliffImport(db, actor, id, importId);
    return sendPage(request, reply, <XliffReportPage region={region} record={record} excerpts={excerpts} />);
  });
}
