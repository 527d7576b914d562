import type { FastifyInstance } from 'fastify';
import { apiHtmlRoutes } from './admin-routes.js';
import { apiRoutes } from './routes.js';

export { authenticateApiToken, createApiToken, revokeApiToken, type TokenActor } from './service.js';

/** JSON API under /api/v1 (regions, languages), its OpenAPI document, docs page and the admin pages for API tokens. */
export async function apiModule(app: FastifyInstance): Promise<void> {
  await app.register(apiRoutes);
  await app.register(apiHtmlRoutes);
}
