import type { FastifyInstance } from 'fastify';
import { xliffRoutes } from './xliff-routes.js';
import { mtRoutes } from './mt-routes.js';
import { translationWorkflowRoutes } from './workflow-routes.js';

/** The translation workflow: task lists, side-by-side, coverage, XLIFF, machine translation and memory. */
export async function translationModule(app: FastifyInstance): Promise<void> {
  await app.register(xliffRoutes);
  await app.register(mtRoutes);
  await app.register(translationWorkflowRoutes);
}
