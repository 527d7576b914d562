import type { FastifyInstance } from 'fastify';

export async function directoryHsdsRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
