import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './routes.js';

/** Admin operations: dashboard, audit log (+ CSV), jobs, outgoing mail, languages. */
export async function adminModule(app: FastifyInstance): Promise<void> {
  await app.register(adminRoutes);
}
