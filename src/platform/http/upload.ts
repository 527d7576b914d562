/**
 * One uploaded file from a multipart form (import pages: XLIFF, HSDS), read in `preValidation` into
 * `request.body = { _csrf, file, tooLarge }` so the CSRF check (which looks at `body._csrf`) and the handler see it.
 * Works whether @fastify/multipart is registered globally with `attachFieldsToBody` or here (parts read now, with the
 * size limit). Anonymous requests are sent to the login page by the handler; their upload is not read.
 */
import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';

/** An uploaded file after the multipart body was read. */
export type Upload = { _csrf?: string | undefined; file?: { filename: string; data: Buffer } | undefined; tooLarge?: boolean };

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

/** A preValidation hook reading the form's `file` (at most `maxBytes`; `defaultName` when the browser sends none). */
export function readUpload(opts: { maxBytes: number; defaultName: string }): preValidationAsyncHookHandler {
  return async function readUploadHook(request: FastifyRequest): Promise<void> {
    if (!request.isMultipart()) return;
    const upload: Upload = {};
    const attached = request.body;
    if (attached && typeof attached === 'object') {
      const body = attached as Record<string, unknown>;
      upload._csrf = fieldValue(body._csrf);
      const file = body.file;
      if (Buffer.isBuffer(file)) upload.file = { filename: opts.defaultName, data: file };
      else if (isTruncated(file)) upload.tooLarge = true;
      else if (file && typeof file === 'object' && 'toBuffer' in file && typeof file.toBuffer === 'function') {
        try {
          const data = (await (file.toBuffer as () => Promise<Buffer>)()) as Buffer;
          const filename = 'filename' in file && typeof file.filename === 'string' ? file.filename : '';
          if (filename || data.length) upload.file = { filename: filename || opts.defaultName, data };
        } catch {
          upload.tooLarge = true;
        }
      }
      if (upload.file && upload.file.data.length > opts.maxBytes) upload.tooLarge = true;
      request.body = upload;
      return;
    }
    if (!request.ctx.actor) {
      request.body = upload;
      return;
    }
    try {
      for await (const part of request.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 5, fieldSize: 4096 } })) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf' && typeof part.value === 'string') upload._csrf = part.value;
        } else if (part.fieldname === 'file') {
          const data = await part.toBuffer();
          if (part.filename || data.length) upload.file = { filename: part.filename || opts.defaultName, data };
        } else {
          part.file.resume();
        }
      }
    } catch (err) {
      if (!(err instanceof Error) || !/too large|limit/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`)) throw err;
      upload.tooLarge = true;
    }
    request.body = upload;
  };
}
