import type { FastifyInstance } from 'fastify';

/** (being written) */
export async function eventsAdminRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
