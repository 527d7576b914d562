import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

// Region admins (of this county or another) and the installation admin read operations pages; every other role
// gets 403; anonymous people are sent to the login page (303).
const opsReaders = { anonymous: 303, admin: 200, region_admin: 200, other_region_admin: 200 };
const adminOnly = { anonymous: 303, admin: 200 };
/** An id that exists nowhere: POST rows must not change data. */
const NO_SUCH_JOB = '987654321';
const NO_SUCH_MAIL = '5b0a3c1e-8f4d-4a6b-9c2d-7e1f0a9b8c7d';

export const accessRows: AccessRow<World>[] = [
  { method: 'GET', url: '/admin', expect: { anonymous: 303 }, otherwise: 200 },
  { method: 'GET', url: '/admin/audit', expect: opsReaders, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/audit?region=${w.county.id}&from=2020-01-01`, expect: opsReaders, otherwise: 403 },
  { method: 'GET', url: '/admin/audit.csv', expect: opsReaders, otherwise: 403 },
  { method: 'GET', url: '/admin/jobs', expect: opsReaders, otherwise: 403 },
  {
    method: 'POST',
    url: `/admin/jobs/${NO_SUCH_JOB}/retry`,
    expect: { anonymous: 303, admin: 404, region_admin: 404, other_region_admin: 404 },
    otherwise: 403,
    note: 'no such job: nothing changes',
  },
  { method: 'GET', url: '/admin/mail', expect: opsReaders, otherwise: 403 },
  { method: 'GET', url: `/admin/mail/${NO_SUCH_MAIL}`, expect: { anonymous: 303, admin: 404, region_admin: 404, other_region_admin: 404 }, otherwise: 403 },
  { method: 'GET', url: '/admin/languages', expect: adminOnly, otherwise: 403 },
  { method: 'GET', url: '/admin/languages/de', expect: adminOnly, otherwise: 403 },
  {
    method: 'POST',
    url: '/admin/languages',
    form: { code: 'NOT A CODE', nativeName: '', englishName: '', direction: 'sideways' },
    expect: { anonymous: 303, admin: 422 },
    otherwise: 403,
    note: 'invalid input: nothing is added',
  },
  {
    method: 'POST',
    url: '/admin/languages/de',
    form: { nativeName: '', englishName: '', direction: 'ltr' },
    expect: { anonymous: 303, admin: 422 },
    otherwise: 403,
    note: 'invalid input: nothing changes',
  },
];
