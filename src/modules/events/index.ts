import type { FastifyInstance } from 'fastify';

export { saveEvent, setEventStatus, setOccurrenceStatus, type EventRow, type OccurrenceRow } from './service.js';
export { register, cancelByToken } from './registration.js';
export { eventSettings, type EventSettings } from './settings.js';
export { EVENT_CATEGORIES, type EventCategory } from './schema.js';

/** Events, dialog forums and round tables: admin, public list/month/detail, registration, iCal feeds and import. */
export async function eventsModule(app: FastifyInstance): Promise<void> {
  void app;
}
