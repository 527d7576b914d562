import type { FastifyInstance } from 'fastify';

export async function directoryPublicRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
