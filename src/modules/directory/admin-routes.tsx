import type { FastifyInstance } from 'fastify';

export async function directoryAdminRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
