import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** People who exchange XLIFF on the county: translation.edit and page.read_admin. */
const translators = { admin: 200, region_admin: 200, editor: 200, translator: 200 };
const refused = (status: number) => ({ admin: status, region_admin: status, editor: status, translator: status });

/** XLIFF export and import pages. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/xliff`, expect: { anonymous: 303, ...translators }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/xliff`, expect: { anonymous: 303, ...translators }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/xliff`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: '/admin/regions/00000000-0000-4000-8000-000000000000/xliff', expect: { anonymous: 303 }, otherwise: 404 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/xliff/export`,
    form: { language: '', version: '2.1', selection: 'all' },
    expect: { anonymous: 303, ...refused(422) },
    otherwise: 403,
    note: 'no language chosen: the form again',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/xliff/import`,
    expect: { anonymous: 303, ...refused(422) },
    otherwise: 403,
    note: 'no file: the form again, nothing changes',
  },
  {
    method: 'GET',
    url: (w) => `/admin/regions/${w.county.id}/xliff/imports/00000000-0000-4000-8000-000000000000`,
    expect: { anonymous: 303, ...refused(404) },
    otherwise: 403,
  },
];
