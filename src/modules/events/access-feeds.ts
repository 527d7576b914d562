import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** event.edit: the region's admins and editors (and the installation admin). */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const B = (w: World) => `/admin/regions/${w.county.id}/events/feeds`;

/** Calendar feeds (public) and the admin pages of imported feeds. POSTs use input that changes nothing. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events.ics`, expect: {}, otherwise: 200, note: 'public, signed in or not' },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/events.ics?category=round_table`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events.ics?category=party`, expect: {}, otherwise: 400, note: 'unknown category: problem+json' },
  { method: 'GET', url: (w) => `/${w.county.slug}/fr/events.ics`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: '/no-such-region/de/events.ics', expect: {}, otherwise: 404 },

  { method: 'GET', url: (w) => B(w), expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/events/feeds`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events/feeds`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/events/feeds`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}/new`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/new`, form: { name: '', url: 'ftp://x' }, expect: { anonymous: 303, ...editors(422) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/${NO_ID}`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/${NO_ID}`, form: { name: '', revision: '1' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/${NO_ID}/import`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
];
