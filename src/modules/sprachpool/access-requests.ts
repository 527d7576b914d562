import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** pool.manage: the region's admins and pool coordinators (and the installation admin). */
const managers = (status: number) => ({ admin: status, region_admin: status, pool_coordinator: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const B = (w: World) => `/admin/regions/${w.county.id}/sprachpool`;
const R = (w: World) => `${B(w)}/requests/${NO_ID}`;
const MISSING = `/admin/regions/${NO_ID}/sprachpool`;
const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/**
 * Access-matrix rows of routes-requests.tsx. The world has no requests, offers or assignments: request pages answer
 * 404 to the coordinators. The mediator portal needs a mediator record of this pool: the world's `mediator` persona
 * has one (active, in the county) and sees its empty lists, unknown offers and assignments are 404 for it; everyone
 * else signed in gets 403 (the installation admin passes the permission but has no record) — routes-requests.test.ts
 * covers the pages with real offers and assignments. POSTs use input that changes nothing.
 */
export const rows: AccessRow<World>[] = [
  // coordinators: list and one request
  { method: 'GET', url: (w) => `${B(w)}/requests`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/sprachpool/requests`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool/requests`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/requests`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}/requests?status=needs_action&language=ar&from=2026-01-01&to=2026-12-31&flagged=1&page=2`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/requests?status=..%2F&language=ARABIC&from=2026-99-99&page=-1`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403, note: 'wrong filter values are ignored' },
  { method: 'GET', url: (w) => R(w), expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/requests/not-an-id`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool/requests/${NO_ID}`, expect: { anonymous: 303, admin: 404, other_region_admin: 404 }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/approve`, form: { revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/reject`, form: { reason: '', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/offers`, form: { mediatorIds: NO_ID }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/cancel`, form: { revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403, note: 'the confirmation page' },
  { method: 'POST', url: (w) => `${R(w)}/cancel`, form: { confirmed: '1', reason: 'x', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/no-show`, form: { assignmentId: NO_ID, revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${R(w)}/release`, form: { reason: '', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403, note: 'take an assignment back from its mediator' },
  { method: 'POST', url: `${MISSING}/requests/${NO_ID}/approve`, form: { revision: '1' }, expect: { anonymous: 303 }, otherwise: 404 },

  // the mediator portal
  { method: 'GET', url: (w) => `${B(w)}/me/offers`, expect: { anonymous: 303, mediator: 200 }, otherwise: 403, note: 'only a mediator of this pool' },
  { method: 'POST', url: (w) => `${B(w)}/me/offers/${NO_ID}/accept`, expect: { anonymous: 303, mediator: 404 }, otherwise: 403, note: 'an offer that is not theirs' },
  { method: 'POST', url: (w) => `${B(w)}/me/offers/${NO_ID}/decline`, form: { reason: '' }, expect: { anonymous: 303, mediator: 404 }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/me/assignments`, expect: { anonymous: 303, mediator: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/me/assignments/${NO_ID}.ics`, expect: { anonymous: 303, mediator: 404 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/me/offers`, expect: { anonymous: 303 }, otherwise: 404 },

  // the one-time link: the same for everyone, signed in or not
  { method: 'GET', url: (w) => `/${w.county.slug}/de/sprachpool/offers/${TOKEN}`, expect: {}, otherwise: 404, note: 'an offer link that matches no offer' },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/sprachpool/offers/kurz`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/sprachpool/offers/${TOKEN}`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/sprachpool/offers/${TOKEN}`, form: { answer: 'accept' }, expect: {}, otherwise: 404, note: 'answering (CSRF, rate limit): nothing changes' },
];
