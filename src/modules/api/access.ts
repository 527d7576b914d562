import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** API: public reads, token-only writes (a session cookie never authorises an API write), token admin pages. */
export const accessRows: AccessRow<World>[] = [
  { method: 'GET', url: '/api/v1/languages', expect: {}, otherwise: 200 },
  { method: 'GET', url: '/api/v1/regions', expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/v1/regions?parent=${w.county.slug}`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/v1/regions/${w.county.slug}`, expect: {}, otherwise: 200 },
  { method: 'GET', url: '/api/v1/regions/no-such-region', expect: {}, otherwise: 404 },
  { method: 'GET', url: '/api/openapi.json', expect: {}, otherwise: 200 },
  { method: 'GET', url: '/api/docs', expect: {}, otherwise: 200 },
  {
    method: 'POST',
    url: (w) => `/api/v1/regions/${w.county.slug}/children`,
    form: { slug: 'x' },
    expect: {},
    otherwise: 401,
    note: 'bearer token only; cookies do not count',
  },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/api-tokens`, expect: { anonymous: 303, admin: 200, region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/api-tokens`, expect: { anonymous: 303, admin: 200, region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/api-tokens`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/api-tokens`,
    form: { name: '' },
    expect: { anonymous: 303, admin: 422, region_admin: 422 },
    otherwise: 403,
    note: 'empty name: nothing is created',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/api-tokens/00000000-0000-0000-0000-000000000000/revoke`,
    expect: { anonymous: 303, admin: 404, region_admin: 404 },
    otherwise: 403,
  },
];
