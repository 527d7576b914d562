import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const editors = { admin: 200, region_admin: 200, editor: 200 };
const NO_IMPORT = '00000000-0000-0000-0000-000000000000';

/** HSDS: public read API and exports (anonymous, any persona); admin import pages need directory.edit. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/`, expect: {}, otherwise: 200, note: 'public HSDS API' },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/services`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/services?per_page=500`, expect: {}, otherwise: 400, note: 'per_page is capped at 200' },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/services/${NO_IMPORT}`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/organizations`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/service_at_locations`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/taxonomies`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/taxonomy_terms`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/export.json`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/hsds/${w.county.slug}/export.zip`, expect: {}, otherwise: 200 },
  { method: 'GET', url: '/api/hsds/no-such-region/services', expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/directory/import`, expect: { anonymous: 303, ...editors }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/directory/import`, expect: { anonymous: 303, ...editors }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/directory/import`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/directory/import`,
    form: {},
    expect: { anonymous: 303, admin: 422, region_admin: 422, editor: 422 },
    otherwise: 403,
    note: 'no file: the form again, nothing stored',
  },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/directory/import/${NO_IMPORT}`, expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404 }, otherwise: 403 },
  { method: 'POST', url: (w) => `/admin/regions/${w.county.id}/directory/import/${NO_IMPORT}/apply`, form: {}, expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404 }, otherwise: 403 },
  { method: 'POST', url: (w) => `/admin/regions/${w.county.id}/directory/import/${NO_IMPORT}/discard`, form: {}, expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404 }, otherwise: 403 },
];
