import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const managers = { admin: 200, region_admin: 200, other_region_admin: 200 };
const anonymousToLogin = { anonymous: 303 };
/** Invalid input for people who manage members; everyone else is refused before the input is looked at. */
const managersInvalid = { admin: 422, region_admin: 422, other_region_admin: 422, anonymous: 303 };

/**
 * Routes of the auth module × personas. POST rows send input that fails validation, so nothing changes.
 * POST /logout has no row on purpose: it has no input that could fail, and running it would end the personas'
 * sessions for every row after it; src/modules/auth/login.test.ts covers it (anonymous and signed in).
 */
export const accessRows: AccessRow<World>[] = [
  { method: 'GET', url: '/login', expect: { anonymous: 200 }, otherwise: 303, note: 'signed-in people go to /admin' },
  { method: 'GET', url: '/login?next=%2F%2Fevil.example', expect: { anonymous: 200 }, otherwise: 303 },
  { method: 'POST', url: '/login', form: { email: '', password: '' }, expect: {}, otherwise: 422 },
  { method: 'GET', url: '/login/2fa', expect: {}, otherwise: 303, note: 'only for a session waiting for its code' },
  { method: 'POST', url: '/login/2fa', form: { code: '' }, expect: {}, otherwise: 303 },
  { method: 'GET', url: '/password/forgot', expect: {}, otherwise: 200 },
  { method: 'POST', url: '/password/forgot', form: { email: 'not-an-address' }, expect: {}, otherwise: 422 },
  { method: 'GET', url: '/password/reset/unknown-token', expect: {}, otherwise: 400 },
  { method: 'POST', url: '/password/reset/unknown-token', form: { password: 'x', password_confirm: 'y' }, expect: {}, otherwise: 400 },
  { method: 'GET', url: '/account', expect: anonymousToLogin, otherwise: 200 },
  { method: 'POST', url: '/account/profile', form: { name: '', ui_language: 'xx' }, expect: anonymousToLogin, otherwise: 422 },
  { method: 'POST', url: '/account/password', form: { current_password: '', password: 'short', password_confirm: '' }, expect: anonymousToLogin, otherwise: 422 },
  { method: 'POST', url: '/account/sessions/revoke', form: { session_id: 'nope' }, expect: anonymousToLogin, otherwise: 422 },
  { method: 'POST', url: '/account/sessions/revoke-others', expect: {}, otherwise: 303, note: 'personas have one session each: nothing to end' },
  { method: 'GET', url: '/account/2fa/setup', expect: anonymousToLogin, otherwise: 200 },
  { method: 'POST', url: '/account/2fa/setup', form: { code: '' }, expect: anonymousToLogin, otherwise: 422 },
  { method: 'POST', url: '/account/2fa/disable', form: { disable_password: '', disable_code: '' }, expect: anonymousToLogin, otherwise: 422 },
  { method: 'GET', url: '/admin/members', expect: { ...managers, ...anonymousToLogin }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/members?region=${w.county.id}`, expect: { admin: 200, region_admin: 200, anonymous: 303 }, otherwise: 403 },
  { method: 'POST', url: '/admin/members/invite', form: { email: '', name: '', region_id: '', role: 'nope' }, expect: managersInvalid, otherwise: 403 },
  { method: 'POST', url: '/admin/members/remove', form: { accountId: 'x', regionId: 'y', role: 'nope' }, expect: managersInvalid, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/members/${w.accounts.editor?.id ?? 'missing'}/2fa-reset`,
    expect: { admin: 303, region_admin: 303, anonymous: 303 },
    otherwise: 403,
    note: "the county's editor has no second factor: nothing changes; another county's region admin is refused",
  },
  { method: 'POST', url: '/admin/members/not-an-id/2fa-reset', expect: { admin: 404, region_admin: 404, other_region_admin: 404, anonymous: 303 }, otherwise: 403 },
  { method: 'GET', url: '/invitation/unknown-token', expect: {}, otherwise: 400 },
  { method: 'POST', url: '/invitation/unknown-token', form: { name: '', password: '', password_confirm: '' }, expect: {}, otherwise: 400 },
];
