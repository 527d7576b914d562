import type { FastifyInstance } from 'fastify';
import { feedbackRoutes } from './routes.js';

/** "Did this help?" on public pages, "tell us what you were looking for" from search, and the admin inbox. */
export async function feedbackModule(app: FastifyInstance): Promise<void> {
  await app.register(feedbackRoutes);
}
