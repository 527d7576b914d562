import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** event.edit: the region's admins and editors (roles on the county include its children). */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const F = (w: World) => `/admin/regions/${w.county.id}/events/${NO_ID}/forum`;
const D = (w: World) => `${F(w)}/dates/${NO_ID}`;

/**
 * Round tables and dialog forums. The test world has no events: the admin pages answer 404 to everyone allowed to
 * edit events (the permission is checked before the lookup, so everyone else gets 403), and POSTs change nothing.
 * forum-routes.test.ts covers real forums, and the same rows against a region with a forum.
 */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => F(w), expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/events/${NO_ID}/forum`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/events/${NO_ID}/forum`, expect: { anonymous: 303, admin: 404, other_region_admin: 404 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/events/${NO_ID}/forum`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/events/not-an-id/forum`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${F(w)}/members`, form: { name: '', email: 'x' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${F(w)}/members/${NO_ID}/remove`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => D(w), expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/invitations`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${D(w)}/agenda`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/agenda`, form: { html: '<p>x</p>', revision: '0' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${D(w)}/minutes`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${D(w)}/minutes`, form: { html: '<p>x</p>', revision: '0' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${D(w)}/bogus`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'POST', url: (w) => `${D(w)}/documents`, form: { title: '' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403, note: 'no file: nothing stored' },
  { method: 'POST', url: (w) => `${D(w)}/documentation`, form: { action: 'publish' }, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${F(w)}/documents/${NO_ID}`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${F(w)}/documents/${NO_ID}/delete`, expect: { anonymous: 303, ...editors(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/documentation`, expect: {}, otherwise: 200, note: 'public list of documentations (empty in the world)' },
  { method: 'GET', url: (w) => `/${w.otherCounty.slug}/ar/events/documentation`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/events/documentation`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/${NO_ID}/${NO_ID}/documentation`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/x/y/documentation`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/${NO_ID}/${NO_ID}/documentation/files/${NO_ID}`, expect: {}, otherwise: 404 },
];
