import type { FastifyInstance } from 'fastify';

/** Translator task lists per language, side-by-side translation view and coverage report. */
export async function translationWorkflowRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
