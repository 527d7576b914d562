import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** event.edit: the region's admins and editors. */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status });
/** translation.edit: editors and translators (translations pages only). */
const translators = (status: number) => ({ ...editors(status), translator: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const B = (w: World) => `/admin/regions/${w.county.id}/events`;
const E = (w: World) => `${B(w)}/${NO_ID}`;
const D = (w: World) => `${E(w)}/dates/${NO_ID}`;

/** Events admin pages. POSTs use input that changes nothing (validation errors, unknown ids). */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => B(w), expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/events`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/events`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}?view=past&q=x`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/new`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/new`, form: { title: '' }, expect: { anonymous: 303, ...editors(422) }, otherwise: 403, note: 'invalid input: the form again, nothing saved' },
  { method: 'POST', url: (w) => `${B(w)}/new`, form: { title: 'x', add: 'preview' }, expect: { anonymous: 303, ...editors(422) }, otherwise: 403, note: '"show the dates" checks without saving' },
  { method: 'GET', url: (w) => E(w), expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/not-an-id`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events/${NO_ID}`, expect: { anonymous: 303, admin: 404, other_region_admin: 404 }, otherwise: 403 },
  { method: 'POST', url: (w) => E(w), form: { title: '', revision: '1' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${E(w)}/status`, form: { action: 'publish' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${E(w)}/status`, form: { action: 'cancel' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403, note: 'the confirmation page' },

  { method: 'GET', url: (w) => `${E(w)}/dates`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/status`, form: { action: 'cancel' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/status`, form: { action: 'reinstate' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => D(w), expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${D(w)}/registrations.csv`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/registrations/${NO_ID}/check-in`, form: { present: '1' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/registrations/${NO_ID}/cancel`, form: { confirmed: '1' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/translations`, expect: { anonymous: 303, ...translators(200) }, otherwise: 403, note: 'translators translate events (translation.edit)' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events/translations`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `${E(w)}/translations/en`, expect: { anonymous: 303, ...translators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${E(w)}/translations/en`, form: { title: '' }, expect: { anonymous: 303, ...translators(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/settings`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403, note: 'editors read the settings; only event.settings gets the form' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events/settings`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/settings`, form: { retentionDays: '0', feedIntervalHours: '6', revision: '1' }, expect: { anonymous: 303, admin: 422, region_admin: 422 }, otherwise: 403, note: 'event.settings: region admins; invalid input changes nothing' },
  { method: 'POST', url: `/admin/regions/${NO_ID}/events/settings`, form: { retentionDays: '30', revision: '1' }, expect: { anonymous: 303 }, otherwise: 404 },
];
