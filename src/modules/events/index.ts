import type { FastifyInstance } from 'fastify';
import { eventsAdminRoutes } from './admin-routes.js';
import { eventsFeedRoutes } from './feed-routes.js';
import { eventsForumRoutes } from './forum-routes.js';
import { registerEventJobs } from './jobs.js';
import { eventsPublicRoutes } from './public-routes.js';
import { allowPrivateFeedHosts } from './import.js';

export { saveEvent, setEventStatus, setOccurrenceStatus, type EventRow, type OccurrenceRow } from './service.js';
export { register, cancelByToken } from './registration.js';
export { eventSettings, type EventSettings } from './settings.js';
export { EVENT_CATEGORIES, type EventCategory } from './schema.js';

/** Events, dialog forums and round tables: admin, public list/month/detail, registration, iCal feeds and import. */
export async function eventsModule(app: FastifyInstance): Promise<void> {
  registerEventJobs(app.deps.config.baseUrl);
  allowPrivateFeedHosts(app.deps.config.feedsAllowPrivateHosts);
  await app.register(eventsAdminRoutes);
  await app.register(eventsFeedRoutes);
  await app.register(eventsForumRoutes);
  await app.register(eventsPublicRoutes);
}
