import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const viewers = { admin: 200, region_admin: 200, editor: 200, translator: 200, pool_coordinator: 200, volunteer_coordinator: 200, reviewer: 200 };

/** Regions: admin pages and public region pages, per persona. */
export const accessRows: AccessRow<World>[] = [
  // Every signed-in person sees the list (filtered to the regions they may see).
  { method: 'GET', url: '/admin/regions', expect: { anonymous: 303 }, otherwise: 200 },
  { method: 'GET', url: '/admin/regions/new', expect: { anonymous: 303, admin: 200 }, otherwise: 403, note: 'root regions: installation admin only' },
  { method: 'GET', url: (w) => `/admin/regions/new?parent=${w.county.id}`, expect: { anonymous: 303, admin: 200, region_admin: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: '/admin/regions/new',
    form: { parent: '', slug: '', name: '' },
    expect: { anonymous: 303, admin: 422 },
    otherwise: 403,
  },
  {
    method: 'POST',
    url: '/admin/regions/new',
    form: { slug: '', name: '' },
    expect: { anonymous: 303, admin: 422 },
    otherwise: 403,
    note: 'no parent field: a root region',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/new?for=${w.county.id}`,
    form: { slug: 'x', name: '' },
    expect: { anonymous: 303, admin: 422 },
    otherwise: 403,
    note: 'the parent comes from the form field, never from the query',
  },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}`, expect: { anonymous: 303, ...viewers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}`, expect: { anonymous: 303, ...viewers }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: '/admin/regions/00000000-0000-0000-0000-000000000000', expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/edit`, expect: { anonymous: 303, admin: 200, region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/edit`, expect: { anonymous: 303, admin: 200, region_admin: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/edit`,
    form: { revision: '1', slug: '', name: '' },
    expect: { anonymous: 303, admin: 422, region_admin: 422 },
    otherwise: 403,
    note: 'invalid input: nothing changes',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/archive`,
    expect: { anonymous: 303, admin: 303, region_admin: 303 },
    otherwise: 403,
    note: 'refused (the county has an active municipality), redirected with an error; nothing changes',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/unarchive`,
    expect: { anonymous: 303, admin: 303, region_admin: 303 },
    otherwise: 403,
    note: 'not archived: no change',
  },
  // Public pages: the same for everyone.
  { method: 'GET', url: '/', expect: {}, otherwise: 200 },
  { method: 'GET', url: '/?q=kreis', expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/`, expect: {}, otherwise: 303 },
  { method: 'GET', url: (w) => `/${w.county.slug}`, expect: {}, otherwise: 303 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de`, expect: {}, otherwise: 301 },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/tr/`, expect: {}, otherwise: 404, note: 'a language the region does not have' },
  { method: 'GET', url: '/no-such-region/de/', expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.municipality.slug}/en/`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/contact`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/en/imprint`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/privacy`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/accessibility`, expect: {}, otherwise: 200 },
];
