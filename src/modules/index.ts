import type { FastifyInstance } from 'fastify';
import { authModule } from './auth/index.js';
import { regionsModule } from './regions/index.js';
import { adminModule } from './admin/index.js';
import { apiModule } from './api/index.js';
import { guideModule } from './guide/index.js';
import { translationModule } from './translation/index.js';
import { searchModule } from './search/index.js';
import { feedbackModule } from './feedback/index.js';
import { directoryModule } from './directory/index.js';
import { eventsModule } from './events/index.js';
import { sprachpoolModule } from './sprachpool/index.js';

/** Feature plugins, in order. Each module is one Fastify plugin exported from its index.ts. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(authModule);
  await app.register(adminModule);
  await app.register(apiModule);
  await app.register(guideModule);
  await app.register(translationModule);
  await app.register(searchModule);
  await app.register(feedbackModule);
  await app.register(directoryModule);
  await app.register(eventsModule);
  await app.register(sprachpoolModule);
  // Regions last: it owns the catch-all public routes /{region}/{lang}/…
  await app.register(regionsModule);
}
