import type { FastifyInstance } from 'fastify';

/** (being written) */
export async function eventsForumRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
