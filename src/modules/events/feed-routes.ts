import type { FastifyInstance } from 'fastify';

/** (being written) */
export async function eventsFeedRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
