import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { sendPage } from '../../web/render.js';
import type { FormValues } from '../../web/components/forms.js';
import { deleteMedia, getMediaVariant, getMediaVariantHash, imageAttributes, listMedia, uploadMedia } from './media.js';
import { MediaLibraryPage } from './views/media-library.js';

const regionParams = z.object({ id: z.string().max(64) });
const mediaParams = z.object({ id: z.string().max(64), mediaId: z.string().max(64) });
const variantParams = z.object({ id: z.string().max(64), file: z.string().max(20) });
const VARIANT_FILE = /^([1-9]\d{0,4})\.webp$/;

type UploadedFile = { filename: string; data: Buffer; truncated: boolean };

/** A text field of a multipart body ({ value }) or of a urlencoded one (a string). */
export function multipartText(field: unknown): string | undefined {
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return undefined;
}

/** The file of a multipart body (already buffered by the app's multipart hook), or undefined. */
function multipartFile(field: unknown): UploadedFile | undefined {
  if (!field || typeof field !== 'object' || !('type' in field) || field.type !== 'file') return undefined;
  const part = field as { filename?: unknown; _buf?: unknown; file?: { truncated?: unknown } };
  const data = Buffer.isBuffer(part._buf) ? part._buf : Buffer.alloc(0);
  return { filename: typeof part.filename === 'string' ? part.filename : '', data, truncated: part.file?.truncated === true };
}

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/** Image upload, the library page and the resized variants /media/{id}/{width}.webp. */
export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  const showLibrary = async (request: FastifyRequest, reply: FastifyReply, regionId: string, values: FormValues, errors: FieldErrors, status = 200) => {
    const actor = request.ctx.actor;
    if (!actor) return reply;
    const { region, items } = await listMedia(db, actor, regionId);
    return sendPage(request, reply, <MediaLibraryPage region={region} items={items} form={{ values, errors }} />, { status });
  };

  app.get('/admin/regions/:id/media', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    return showLibrary(request, reply, id, {}, {});
  });

  app.post('/admin/regions/:id/media', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const alt = multipartText(body.alt) ?? '';
    const file = multipartFile(body.file);
    try {
      const row = await uploadMedia(db, actor, {
        regionId: id,
        filename: file?.filename ?? '',
        alt,
        data: file?.data ?? Buffer.alloc(0),
        truncated: file?.truncated ?? false,
        requestId: request.id,
      });
      if (wantsJson(request)) return reply.code(201).send({ id: row.id, ...imageAttributes(row) });
      reply.flash({ type: 'success', key: 'editor.uploaded_flash' });
      return reply.redirect(`/admin/regions/${id}/media`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      if (wantsJson(request)) {
        const errors = Object.fromEntries(Object.entries(err.fields).map(([field, e]) => [field, request.ctx.t(e.key, e.params)]));
        return reply.code(422).send({ errors });
      }
      return showLibrary(request, reply, id, { alt }, err.fields, 422);
    }
  });

  app.post('/admin/regions/:id/media/:mediaId/delete', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, mediaId } = mediaParams.parse(request.params);
    await deleteMedia(db, actor, { regionId: id, id: mediaId, requestId: request.id });
    reply.flash({ type: 'success', key: 'editor.deleted_flash' });
    return reply.redirect(`/admin/regions/${id}/media`, 303);
  });

  // Variants never change (a new upload gets a new id): strong ETag, cached for a year, 304 on revalidation.
  app.get('/media/:id/:file', { schema: { hide: true } }, async (request, reply) => {
    const { id, file } = variantParams.parse(request.params);
    const width = Number(VARIANT_FILE.exec(file)?.[1] ?? NaN);
    const head = await getMediaVariantHash(db, id, width);
    if (!head) return reply.callNotFound();
    const etag = `"${head.hash}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return reply.code(304).send();
    const variant = await getMediaVariant(db, id, width);
    if (!variant) return reply.callNotFound();
    return reply.type(variant.contentType).send(variant.data);
  });
}
