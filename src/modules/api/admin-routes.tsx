import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues } from '../../web/components/forms.js';
import { sendPage } from '../../web/render.js';
import { apiDocsFrom, type ApiDocs } from './docs.js';
import { createApiToken, listApiTokens, revokeApiToken } from './service.js';
import { ApiDocsPage } from './views/docs.js';
import { ApiTokensPage } from './views/tokens.js';

const regionParams = z.object({ id: z.string().max(64) });
const tokenParams = z.object({ id: z.string().max(64), tokenId: z.string().max(64) });

/** HTML: the API docs page and the admin pages for a region's API tokens. */
export async function apiHtmlRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  let docs: ApiDocs | undefined;
  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    docs ??= apiDocsFrom(app.swagger(), app.deps.config.baseUrl);
    return sendPage(request, reply, <ApiDocsPage docs={docs} />, { cache: 'public' });
  });

  app.get('/admin/regions/:id/api-tokens', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const { region, tokens } = await listApiTokens(db, actor, { regionId: id });
    return sendPage(request, reply, <ApiTokensPage region={region} tokens={tokens} form={{ values: {}, errors: {} }} />);
  });

  app.post('/admin/regions/:id/api-tokens', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = regionParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const { token, row } = await createApiToken(db, actor, { regionId: id, name: values.name, requestId: request.id });
      const { region, tokens } = await listApiTokens(db, actor, { regionId: id });
      // The token is shown on this response only (never stored, never put in a cookie or a redirect).
      return sendPage(request, reply, <ApiTokensPage region={region} tokens={tokens} form={{ values: {}, errors: {} }} created={{ token, name: row.name }} />, { status: 201 });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const { region, tokens } = await listApiTokens(db, actor, { regionId: id });
      return sendPage(request, reply, <ApiTokensPage region={region} tokens={tokens} form={{ values, errors: err.fields }} />, { status: 422 });
    }
  });

  app.post('/admin/regions/:id/api-tokens/:tokenId/revoke', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id, tokenId } = tokenParams.parse(request.params);
    const row = await revokeApiToken(db, actor, { regionId: id, tokenId, requestId: request.id });
    reply.flash({ type: 'success', key: 'api.token_revoked', params: { name: row.name } });
    return reply.redirect(`/admin/regions/${id}/api-tokens`, 303);
  });
}
