import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** directory.edit: the region's editors change everything. */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status });
/** directory.edit_own: partners work on their organisations' entries (none in the world: lists are empty). */
const withPartner = (status: number, partner = status) => ({ ...editors(status), partner });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const B = (w: World) => `/admin/regions/${w.county.id}/directory`;

/** Directory admin pages. POSTs use input that changes nothing (validation errors, unknown ids). */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => B(w), expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/directory`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/directory`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/directory`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}?status=published&overdue=1&q=x`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/services/bulk`, form: { action: 'verify' }, expect: { anonymous: 303, ...withPartner(303) }, otherwise: 403, note: 'nothing selected: back to the list' },
  { method: 'GET', url: (w) => `${B(w)}/organizations`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/locations`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/services/new`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/services/new`, form: { name: '' }, expect: { anonymous: 303, ...withPartner(422) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/services/${NO_ID}`, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/services/${NO_ID}`, form: { name: '', revision: '1' }, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/services/${NO_ID}/status`, form: { action: 'publish' }, expect: { anonymous: 303, ...withPartner(404, 403) }, otherwise: 403, note: 'partners may only submit for review' },
  { method: 'GET', url: (w) => `${B(w)}/organizations/new`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/organizations/new`, form: { name: '' }, expect: { anonymous: 303, ...editors(422) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/organizations/${NO_ID}`, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/organizations/${NO_ID}`, form: { name: '', revision: '1' }, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/organizations/${NO_ID}/status`, form: { action: 'archive' }, expect: { anonymous: 303, ...withPartner(404, 403) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/organizations/${NO_ID}/editors`, form: { email: '' }, expect: { anonymous: 303, ...withPartner(404, 403) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/organizations/${NO_ID}/editors/remove`, form: { accountId: NO_ID }, expect: { anonymous: 303, ...withPartner(404, 403) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/locations/new`, expect: { anonymous: 303, ...withPartner(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/locations/new`, form: { name: '' }, expect: { anonymous: 303, ...withPartner(422) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/locations/new`, form: { name: 'Ort', address1: 'Markt 1', geocode: '1' }, expect: { anonymous: 303, ...withPartner(422) }, otherwise: 403, note: 'no geocoder configured: a message, nothing saved' },
  { method: 'GET', url: (w) => `${B(w)}/locations/${NO_ID}`, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/locations/${NO_ID}`, form: { name: '', revision: '1' }, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/locations/${NO_ID}/status`, form: { action: 'submit' }, expect: { anonymous: 303, ...withPartner(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/review`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/review/service/${NO_ID}`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/review/bogus/${NO_ID}`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'POST', url: (w) => `${B(w)}/review/service/${NO_ID}`, form: { decision: 'accept' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/translations/service/${NO_ID}/en`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/translations/organization/${NO_ID}/en`, form: { name: '' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `${B(w)}/settings`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403, note: 'editors read the settings; only directory.settings gets the form' },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/directory/settings`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/directory/settings`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/directory/settings`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'POST', url: (w) => `${B(w)}/settings`, form: { verifyAfterMonths: '0', tileUrl: 'not a url', revision: '1' }, expect: { anonymous: 303, admin: 422, region_admin: 422 }, otherwise: 403, note: 'directory.settings: region admins; invalid input changes nothing' },
  { method: 'POST', url: `/admin/regions/${NO_ID}/directory/settings`, form: { verifyAfterMonths: '6', revision: '1' }, expect: { anonymous: 303 }, otherwise: 404 },

  { method: 'GET', url: (w) => `${B(w)}/categories`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/categories`, form: { name: '' }, expect: { anonymous: 303, ...editors(422) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/categories/${NO_ID}`, form: { name: 'x' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/categories/${NO_ID}/move`, form: { direction: 'up' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/categories/${NO_ID}/delete`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
];
