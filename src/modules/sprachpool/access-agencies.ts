import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
/** pool.manage: the region's admins and pool coordinators (and the installation admin). */
const coordinators = (status: number) => ({ admin: status, region_admin: status, pool_coordinator: status });
const C = (w: World) => `/admin/regions/${w.county.id}/sprachpool/agencies`;
const A = (w: World) => `/admin/regions/${w.county.id}/sprachpool/agency`;
const AGENCY = (w: World) => `${C(w)}/${NO_ID}`;

/**
 * Institutions in the Sprachpool. Public pages answer everyone alike. Coordinators' pages need pool.manage; their rows
 * ask for an unknown institution id, which is 404 for them. The portal needs pool.request and a contact person of an
 * approved institution of this pool: the world's `agency` persona is the contact of one (without requests) and gets
 * the real answers; everyone else signed in gets 403 — the installation admin too, who passes the permission but acts
 * for no institution. routes-agencies.test.ts covers requests and other institution states. POSTs use input that
 * changes nothing.
 */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool`, expect: {}, otherwise: 200, note: 'public landing' },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/sprachpool`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/sprachpool`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool/institutions/register`, expect: {}, otherwise: 200, note: 'registration form' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool/institutions/register?done=1`, expect: {}, otherwise: 200 },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/sprachpool/institutions/register`, form: { name: '' }, expect: {}, otherwise: 422, note: 'invalid: the form again (CSRF, rate limit)' },

  { method: 'GET', url: (w) => C(w), expect: { anonymous: 303, ...coordinators(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${C(w)}?status=pending&page=2`, expect: { anonymous: 303, ...coordinators(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/sprachpool/agencies`, expect: { anonymous: 303, ...coordinators(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool/agencies`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/sprachpool/agencies`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => AGENCY(w), expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${C(w)}/not-an-id`, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => AGENCY(w), form: { name: '', revision: '1' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/approve`, form: { revision: '1' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/reject`, form: { revision: '1', reason: '' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/suspend`, form: { revision: '1' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/reinstate`, form: { revision: '1' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/contacts`, form: { contactName: '' }, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${AGENCY(w)}/contacts/${NO_ID}/remove`, expect: { anonymous: 303, ...coordinators(404) }, otherwise: 403 },

  { method: 'GET', url: (w) => A(w), expect: { anonymous: 303, agency: 200 }, otherwise: 403, note: 'institution portal: only a contact person of an institution of this pool' },
  { method: 'GET', url: (w) => `${A(w)}?view=past&page=3`, expect: { anonymous: 303, agency: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `${A(w)}/requests/new`, expect: { anonymous: 303, agency: 200 }, otherwise: 403 },
  { method: 'POST', url: (w) => `${A(w)}/requests/new`, form: { language: '' }, expect: { anonymous: 303, agency: 422 }, otherwise: 403, note: 'invalid: the form again, nothing stored' },
  { method: 'GET', url: (w) => `${A(w)}/requests/${NO_ID}`, expect: { anonymous: 303, agency: 404 }, otherwise: 403, note: 'a request that is not theirs' },
  { method: 'POST', url: (w) => `${A(w)}/requests/${NO_ID}/cancel`, form: { revision: '1' }, expect: { anonymous: 303, agency: 404 }, otherwise: 403 },
  { method: 'GET', url: (w) => `${A(w)}/institution`, expect: { anonymous: 303, agency: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/sprachpool/agency`, expect: { anonymous: 303 }, otherwise: 404 },
];
