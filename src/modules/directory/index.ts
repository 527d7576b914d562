import type { FastifyInstance } from 'fastify';
import { directoryAdminRoutes } from './admin-routes.js';
import { directoryHsdsRoutes } from './hsds-routes.js';
import { directoryPublicRoutes } from './public-routes.js';
import { registerVerificationReminderJob } from './reminders.js';

export { ensureDefaultTaxonomy, DEFAULT_TERMS } from './default-taxonomy.js';
export { directorySettings, type DirectorySettings } from './settings.js';
export { serviceHref } from './public.js';
export { geocode, GeocoderError } from './geocoder.js';
export { writeLocation, writeOrganization, writeService, refreshServiceSearch, deriveSchedule } from './store.js';
export type { LocationInput, OrganizationInput, ServiceInput, ScheduleInput, PhoneInput, ContactInput } from './model.js';

/** The directory of services (Open Referral HSDS 3.0): admin, public list and detail, HSDS API, import and export. */
export async function directoryModule(app: FastifyInstance): Promise<void> {
  registerVerificationReminderJob(app.deps.config.baseUrl);
  await app.register(directoryAdminRoutes);
  await app.register(directoryHsdsRoutes);
  await app.register(directoryPublicRoutes);
}
