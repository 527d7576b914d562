import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormState, type FormValues } from '../../web/components/forms.js';
import { submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion } from '../regions/index.js';
import {
  addMember,
  deleteDocument,
  FORUM_DOCUMENT_MAX_BYTES,
  getDocumentForStaff,
  getForum,
  getForumDate,
  getPublicDocument,
  getPublicDocumentation,
  InvitationsAlreadySentError,
  listPublicDocumentations,
  removeMember,
  saveOccurrenceText,
  sendInvitations,
  setDocumentationPublished,
  uploadDocument,
  type DocumentRow,
  type TextConflict,
  type TextField,
} from './forum.js';
import { DocumentationListPage, DocumentationPage } from './views/forum-public.js';
import { forumDateHref, forumHref, ForumDatePage, ForumPage, ForumTextPage, InvitationsConfirmPage } from './views/forum-admin.js';

const id = z.string().max(64);
const forumParams = z.object({ id, eventId: id });
const memberParams = forumParams.extend({ memberId: id });
const dateParams = forumParams.extend({ occurrenceId: id });
const textParams = dateParams.extend({ field: z.enum(['agenda', 'minutes']) });
const documentParams = forumParams.extend({ documentId: id });
const publicDateParams = z.object({ eventId: id, occurrenceId: id });
const publicFileParams = publicDateParams.extend({ documentId: id });

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** A text field of a multipart body ({ value }) or of a urlencoded one (a string). */
function bodyText(body: unknown, name: string): string {
  const field = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return '';
}

/** The file of a multipart body (buffered by the app's multipart hook; `truncated` past the size limit). */
function bodyFile(body: unknown): { filename: string; data: Buffer; truncated: boolean } | undefined {
  const field = body && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  if (!field || typeof field !== 'object' || !('type' in field) || field.type !== 'file') return undefined;
  const part = field as { filename?: unknown; _buf?: unknown; file?: { truncated?: unknown } };
  return { filename: typeof part.filename === 'string' ? part.filename : '', data: Buffer.isBuffer(part._buf) ? part._buf : Buffer.alloc(0), truncated: part.file?.truncated === true };
}

/** RFC 6266 Content-Disposition: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends a stored document as a download that browsers never sniff or run. */
function sendDocument(reply: FastifyReply, doc: DocumentRow, cache: 'private' | 'public'): FastifyReply {
  return reply
    .type(doc.contentType)
    .header('content-disposition', contentDisposition(doc.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache === 'public' ? 'public, max-age=0, must-revalidate' : 'private, no-store')
    .header('etag', `"${doc.sha256}"`)
    .send(doc.data);
}

/**
 * Round tables and dialog forums. Admin (permission event.edit, under /admin/regions/:id/events/:eventId/forum):
 * members, one page per date with invitations, agenda, minutes, documents and the documentation switch. Public:
 * the documentation page of a date, its public files, and the region's list of documentations.
 */
export async function eventsForumRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const B = '/admin/regions/:id/events/:eventId/forum';

  // ---------- forum page: members ----------

  const renderForum = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof forumParams>, memberForm: FormState = { values: {}, errors: {} }, status = 200) => {
    const data = await getForum(db, actor, { regionId: p.id, eventId: p.eventId });
    return sendPage(request, reply, <ForumPage region={data.region} event={data.event} members={data.members} dates={data.dates} organizations={data.organizations} memberForm={memberForm} now={new Date()} />, { status });
  };

  app.get(B, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderForum(request, reply, actor, forumParams.parse(request.params));
  });

  app.post(`${B}/members`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = forumParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const member = await addMember(db, actor, {
        regionId: p.id,
        eventId: p.eventId,
        values: { name: str(values.name), email: str(values.email), role: str(values.role), organizationId: str(values.organizationId), organizationName: str(values.organizationName), language: str(values.language) },
        requestId: request.id,
      });
      reply.flash({ type: 'success', key: 'events-forum.flash_member_added', params: { name: member.name } });
      return reply.redirect(`${forumHref(p.id, p.eventId)}#forum-members-title`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderForum(request, reply, actor, p, { values, errors: err.fields }, 422);
      throw err;
    }
  });

  app.post(`${B}/members/:memberId/remove`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = memberParams.parse(request.params);
    const member = await removeMember(db, actor, { regionId: p.id, eventId: p.eventId, memberId: p.memberId, requestId: request.id });
    reply.flash({ type: 'success', key: 'events-forum.flash_member_removed', params: { name: member.name } });
    return reply.redirect(`${forumHref(p.id, p.eventId)}#forum-members-title`, 303);
  });

  // ---------- one date ----------

  const renderDate = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof dateParams>, uploadForm: FormState = { values: {}, errors: {} }, status = 200) => {
    const data = await getForumDate(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
    return sendPage(
      request,
      reply,
      <ForumDatePage region={data.region} event={data.event} occurrence={data.occurrence} documents={data.documents} members={data.members} place={data.place} uploadForm={uploadForm} now={new Date()} />,
      { status },
    );
  };

  app.get(`${B}/dates/:occurrenceId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderDate(request, reply, actor, dateParams.parse(request.params));
  });

  app.post(`${B}/dates/:occurrenceId/invitations`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = dateParams.parse(request.params);
    const values = formValues(request.body);
    const back = forumDateHref(p.id, p.eventId, p.occurrenceId);
    try {
      const result = await sendInvitations(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, baseUrl: config.baseUrl, resend: str(values.resend) === '1', requestId: request.id });
      reply.flash({ type: 'success', key: 'events-forum.flash_invitations_sent', params: { count: result.sent } });
      return reply.redirect(back, 303);
    } catch (err) {
      if (err instanceof InvitationsAlreadySentError) {
        const data = await getForumDate(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
        return sendPage(request, reply, <InvitationsConfirmPage region={data.region} event={data.event} occurrence={data.occurrence} sentAt={err.sentAt} members={data.members} />, { status: 409 });
      }
      if (err instanceof AppError && err.status === 409) {
        reply.flash({ type: 'error', key: err.messageKey });
        return reply.redirect(back, 303);
      }
      throw err;
    }
  });

  // ---------- agenda and minutes ----------

  const renderText = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof textParams>, opts: { form?: FormState; conflict?: TextConflict; status?: number } = {}) => {
    const data = await getForumDate(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
    const stored = p.field === 'agenda' ? data.occurrence.agendaHtml : data.occurrence.minutesHtml;
    const form = opts.form ?? { values: { html: stored, revision: String(data.occurrence.revision) }, errors: {} };
    return sendPage(request, reply, <ForumTextPage region={data.region} event={data.event} occurrence={data.occurrence} field={p.field} form={form} conflict={opts.conflict} />, { status: opts.status ?? 200 });
  };

  app.get(`${B}/dates/:occurrenceId/:field`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = textParams.safeParse(request.params);
    if (!p.success) throw new AppError(404, 'not_found', 'errors.not_found');
    return renderText(request, reply, actor, p.data);
  });

  app.post(`${B}/dates/:occurrenceId/:field`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parsed = textParams.safeParse(request.params);
    if (!parsed.success) throw new AppError(404, 'not_found', 'errors.not_found');
    const p = parsed.data;
    const values = formValues(request.body);
    const revision = Number.parseInt(str(values.revision), 10);
    return submitRevisedForm(values, {
      save: async () => {
        await saveOccurrenceText(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, field: p.field as TextField, html: str(values.html), revision: Number.isFinite(revision) ? revision : -1, requestId: request.id });
        reply.flash({ type: 'success', key: `events-forum.flash_${p.field}_saved` });
        return reply.redirect(forumDateHref(p.id, p.eventId, p.occurrenceId), 303);
      },
      showAgain: (again: FormAgain<TextConflict>) => renderText(request, reply, actor, p, again),
    });
  });

  // ---------- documents ----------

  app.post(
    `${B}/dates/:occurrenceId/documents`,
    // The app's multipart hook buffers the file; this route allows larger files than the app-wide default.
    { bodyLimit: FORUM_DOCUMENT_MAX_BYTES + 1024 * 1024, config: { multipartOptions: { limits: { fileSize: FORUM_DOCUMENT_MAX_BYTES } } } },
    async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const p = dateParams.parse(request.params);
      const body = request.body;
      const file = bodyFile(body);
      const values: FormValues = { title: bodyText(body, 'title'), kind: bodyText(body, 'kind'), public: bodyText(body, 'public') === '1' ? '1' : '0' };
      try {
        const doc = await uploadDocument(db, actor, {
          regionId: p.id,
          eventId: p.eventId,
          occurrenceId: p.occurrenceId,
          title: str(values.title),
          kind: str(values.kind),
          isPublic: values.public === '1',
          filename: file?.filename ?? '',
          data: file?.data ?? Buffer.alloc(0),
          truncated: file?.truncated ?? false,
          requestId: request.id,
        });
        reply.flash({ type: 'success', key: 'events-forum.flash_document_uploaded', params: { title: doc.title } });
        return reply.redirect(`${forumDateHref(p.id, p.eventId, p.occurrenceId)}#forum-documents-title`, 303);
      } catch (err) {
        if (err instanceof ValidationError) return renderDate(request, reply, actor, p, { values, errors: err.fields }, 422);
        throw err;
      }
    },
  );

  app.get(`${B}/documents/:documentId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = documentParams.parse(request.params);
    const doc = await getDocumentForStaff(db, actor, { regionId: p.id, eventId: p.eventId, documentId: p.documentId });
    return sendDocument(reply, doc, 'private');
  });

  app.post(`${B}/documents/:documentId/delete`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = documentParams.parse(request.params);
    const doc = await deleteDocument(db, actor, { regionId: p.id, eventId: p.eventId, documentId: p.documentId, requestId: request.id });
    reply.flash({ type: 'success', key: 'events-forum.flash_document_deleted', params: { title: doc.title } });
    return reply.redirect(`${forumDateHref(p.id, p.eventId, doc.occurrenceId)}#forum-documents-title`, 303);
  });

  // ---------- documentation ----------

  app.post(`${B}/dates/:occurrenceId/documentation`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = dateParams.parse(request.params);
    const action = str(formValues(request.body).action);
    const back = `${forumDateHref(p.id, p.eventId, p.occurrenceId)}#forum-documentation-title`;
    if (action !== 'publish' && action !== 'unpublish') {
      await getForumDate(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId }); // 403/404 first
      reply.flash({ type: 'error', key: 'validation.choose_valid' });
      return reply.redirect(back, 303);
    }
    try {
      await setDocumentationPublished(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, publish: action === 'publish', requestId: request.id });
      reply.flash({ type: 'success', key: action === 'publish' ? 'events-forum.flash_documentation_published' : 'events-forum.flash_documentation_unpublished' });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(back, 303);
  });

  // ---------- public ----------

  app.get('/:region/:lang/events/documentation', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const items = await listPublicDocumentations(db, region, request.ctx.lang);
    return sendPage(request, reply, <DocumentationListPage region={region} items={items} />, { cache: 'public' });
  });

  app.get('/:region/:lang/events/:eventId/:occurrenceId/documentation', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const p = publicDateParams.parse(request.params);
    const doc = await getPublicDocumentation(db, region, request.ctx.lang, p);
    return sendPage(request, reply, <DocumentationPage region={region} doc={doc} />, { cache: 'public' });
  });

  app.get('/:region/:lang/events/:eventId/:occurrenceId/documentation/files/:documentId', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const doc = await getPublicDocument(db, region, publicFileParams.parse(request.params));
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((v) => v.trim() === `"${doc.sha256}"`)) return reply.code(304).header('etag', `"${doc.sha256}"`).send();
    return sendDocument(reply, doc, 'public');
  });
}
