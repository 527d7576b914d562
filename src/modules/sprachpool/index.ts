import type { FastifyInstance } from 'fastify';
import { poolAgenciesRoutes } from './routes-agencies.js';
import { poolBillingRoutes } from './routes-billing.js';
import { poolMediatorsRoutes } from './routes-mediators.js';
import { poolOverviewRoutes } from './routes-overview.js';
import { poolRequestsRoutes } from './routes-requests.js';
import { registerRequestJobs } from './jobs.js';
import { registerMediatorJobs } from './mediator-jobs.js';
import { registerRetentionJob } from './retention.js';
import { registerGeocodingJob } from './geocoding.js';

export { poolSettings, type PoolSettings } from './settings.js';
export { POOL_LANGUAGES, poolLanguageName, languageWithDialect } from './languages.js';

/**
 * Sprachpool: the pool of language mediators — applications and the mediator portal, institutions and their
 * requests, explained matching, offers with one-time links, assignments without double booking, hours and billing,
 * statistics, retention.
 */
export async function sprachpoolModule(app: FastifyInstance): Promise<void> {
  registerRequestJobs(app.deps.config.baseUrl);
  registerMediatorJobs(app.deps.config.baseUrl);
  registerRetentionJob();
  registerGeocodingJob();
  await app.register(poolOverviewRoutes);
  await app.register(poolRequestsRoutes);
  await app.register(poolMediatorsRoutes);
  await app.register(poolAgenciesRoutes);
  await app.register(poolBillingRoutes);
}
