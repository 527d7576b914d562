import type { FastifyInstance } from 'fastify';

/** (being written) */
export async function eventsPublicRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
