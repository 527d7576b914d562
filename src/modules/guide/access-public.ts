import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/**
 * Public guide pages and the pages API: the same answer for everyone, signed in or not (readers need no account).
 * The test world has no pages, so page paths answer 404 here; public.test.ts covers visible pages.
 */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/gibt-es-nicht`, expect: {}, otherwise: 404, note: 'unknown page: 404 inside the region layout' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/a/b/c`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/gibt-es-nicht`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.municipality.slug}/en/gibt-es-nicht`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/api/v1/regions/${w.county.slug}/languages/de/pages`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/v1/regions/${w.otherCounty.slug}/languages/ar/pages`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/api/v1/regions/${w.county.slug}/languages/fa/pages`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/api/v1/regions/${w.county.slug}/languages/de/pages/00000000-0000-0000-0000-000000000000`, expect: {}, otherwise: 404 },
  { method: 'GET', url: '/api/v1/regions/gibt-es-nicht/languages/de/pages', expect: {}, otherwise: 404 },
];
