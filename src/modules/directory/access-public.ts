import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/**
 * The directory for readers: the same answer for everyone, signed in or not. The test world has no services, so the
 * list is empty and detail pages answer 404 here; public.test.ts covers visible services.
 */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/services`, expect: {}, otherwise: 200, note: 'public list (GET form, works without JS)' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/services?open=1&wheelchair=1&free=1&place=12345&radius=5`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/services?category=..%2F&radius=999&page=-1`, expect: {}, otherwise: 200, note: 'wrong filter values are ignored' },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/services`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.otherCounty.slug}/ar/services`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/services/00000000-0000-0000-0000-000000000000`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/services/kein-angebot`, expect: {}, otherwise: 404 },
];
