import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
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

/** An uploaded file after the multipart body was read (see readUpload). */
type Upload = { _csrf?: string; file?: { filename: string; data: Buffer }; tooLarge?: boolean };

function fieldValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'value' in v && typeof v.value === 'string') return v.value;
  return undefined;
}

/** A multipart file part cut off at the size limit (the stream's `truncated`, set when the limit does not throw). */
function isTruncated(part: unknown): boolean {
  if (!part || typeof part !== 'object') return false;
  const stream = 'file' in part ? part.file : undefined;
  return Boolean(stream && typeof stream === 'object' && 'truncated' in stream && stream.truncated === true);
}

/**
 * Reads the multipart body of the import form into `{ _csrf, file }` before the CSRF check (which looks at
 * `body._csrf`). Works whether @fastify/multipart is registered here (parts read now, with our size limit) or
 * globally with `attachFieldsToBody`.
 */
async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const upload: Upload = {};
  const attached = request.body;
  if (attached && typeof attached === 'object') {
    const body = attached as Record<string, unknown>;
    upload._csrf = fieldValue(body._csrf);
    const file = body.file;
    if (Buffer.isBuffer(file)) upload.file = { filename: 'upload.xlf', data: file };
    else if (isTruncated(file)) upload.tooLarge = true;
    else if (file && typeof file === 'object' && 'toBuffer' in file && typeof file.toBuffer === 'function') {
      try {
        const data = (await (file.toBuffer as () => Promise<Buffer>)()) as Buffer;
        const filename = 'filename' in file && typeof file.filename === 'string' ? file.filename : 'upload.xlf';
        upload.file = { filename, data };
      } catch {
        upload.tooLarge = true;
      }
    }
    if (upload.file && upload.file.data.length > XLIFF_MAX_BYTES) upload.tooLarge = true;
    request.body = upload;
    return;
  }
  // Anonymous requests are sent to the login page by the handler; their upload is not read.
  if (!request.ctx.actor) {
    request.body = upload;
    return;
  }
  try {
    for await (const part of request.parts({ limits: { fileSize: XLIFF_MAX_BYTES, files: 1, fields: 5, fieldSize: 4096 } })) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf' && typeof part.value === 'string') upload._csrf = part.value;
      } else if (part.fieldname === 'file') {
        const data = await part.toBuffer();
        if (part.filename || data.length) upload.file = { filename: part.filename || 'upload.xlf', data };
      } else {
        part.file.resume();
      }
    }
  } catch (err) {
    if (!(err instanceof Error) || !/too large|limit/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`)) throw err;
    upload.tooLarge = true;
  }
  request.body = upload;
}

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

  app.post('/admin/regions/:id/xliff/import', { bodyLimit: XLIFF_MAX_BYTES + 1024 * 1024, preValidation: readUpload }, async (request, reply) => {
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
