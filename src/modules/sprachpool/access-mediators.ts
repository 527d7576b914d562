import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** pool.manage: the region's admins and pool coordinators (and the installation admin). */
const managers = (status: number) => ({ admin: status, region_admin: status, pool_coordinator: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const M = (w: World) => `/admin/regions/${w.county.id}/sprachpool/mediators`;
const ONE = (w: World) => `${M(w)}/${NO_ID}`;
const ME = (w: World) => `/admin/regions/${w.county.id}/sprachpool/me`;

/**
 * Access-matrix rows of routes-mediators.tsx. POSTs use input that changes nothing (validation errors, unknown ids),
 * except the deletion request, which has no input to refuse (see its row).
 * The portal (`…/me`) needs pool.mediate and a mediator record of this pool linked to the account: the world's
 * `mediator` persona has an active record in the county (linked by e-mail on the first visit) and gets the real
 * answers; everyone else signed in gets 403 — the installation admin too, who passes the permission but has no record.
 */
export const rows: AccessRow<World>[] = [
  // public application
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool/become`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/sprachpool/become`, expect: {}, otherwise: 200, note: 'every language of the region' },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/sprachpool/become`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool/become/thanks`, expect: {}, otherwise: 200 },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/sprachpool/become`, form: { firstName: '', consent: '' }, expect: {}, otherwise: 422, note: 'invalid input: the form again, nothing stored' },

  // coordinators
  { method: 'GET', url: (w) => M(w), expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${M(w)}?status=applied&language=ar&documents=expired&deletion=1&q=x&page=3`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/sprachpool/mediators`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool/mediators`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/sprachpool/mediators`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${M(w)}/new`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${M(w)}/new`, form: { firstName: '' }, expect: { anonymous: 303, ...managers(422) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${M(w)}/new`, form: { firstName: 'x', add: 'lang' }, expect: { anonymous: 303, ...managers(200) }, otherwise: 403, note: '"add a row": the form again, nothing stored' },
  { method: 'GET', url: (w) => ONE(w), expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${M(w)}/not-an-id`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool/mediators/${NO_ID}`, expect: { anonymous: 303, admin: 404, other_region_admin: 404 }, otherwise: 403 },
  { method: 'POST', url: (w) => ONE(w), form: { firstName: '', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${ONE(w)}/status`, form: { action: 'activate', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${ONE(w)}/documents`, form: { kind: 'other' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${ONE(w)}/documents/${NO_ID}`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403, note: 'documents: coordinators only' },
  { method: 'POST', url: (w) => `${ONE(w)}/documents/${NO_ID}/delete`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${ONE(w)}/delete`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },

  // the mediator portal
  { method: 'GET', url: (w) => ME(w), expect: { anonymous: 303, mediator: 200 }, otherwise: 403, note: 'own profile: only the mediator of this pool' },
  { method: 'POST', url: (w) => ME(w), form: { phone: '', revision: '1' }, expect: { anonymous: 303, mediator: 422 }, otherwise: 403, note: 'invalid: the form again, nothing stored' },
  { method: 'GET', url: (w) => `${ME(w)}/availability`, expect: { anonymous: 303, mediator: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `${ME(w)}/availability`,
    form: { 'avail.0.weekday': '9', 'avail.0.from': '08:00', 'avail.0.to': '12:00' },
    expect: { anonymous: 303, mediator: 422 },
    otherwise: 403,
    note: 'a weekday that does not exist: the week stays as it was (a row without times would be skipped and the week emptied)',
  },
  { method: 'POST', url: (w) => `${ME(w)}/absences`, form: { fromDate: '' }, expect: { anonymous: 303, mediator: 422 }, otherwise: 403 },
  { method: 'POST', url: (w) => `${ME(w)}/absences/${NO_ID}/delete`, expect: { anonymous: 303, mediator: 404 }, otherwise: 403, note: 'an absence that is not theirs' },
  { method: 'GET', url: (w) => `${ME(w)}/export`, expect: { anonymous: 303, mediator: 200 }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `${ME(w)}/delete-request`,
    expect: { anonymous: 303, mediator: 303 },
    otherwise: 403,
    note: 'without the confirmation tick nothing is filed (a flash message asks for it)',
  },
];
