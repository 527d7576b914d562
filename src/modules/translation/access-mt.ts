import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** mt.manage: the region's admins (and the installation admin). */
const managers = { admin: 200, region_admin: 200 };
/** People who may edit a translation of the county's guide (canEditLanguage). */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status, translator: status });

/** Machine translation: settings page, settings form, bulk action, the per-page translate action. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/machine-translation`, expect: { anonymous: 303, ...managers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/machine-translation`, expect: { anonymous: 303, ...managers }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/machine-translation`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: '/admin/regions/00000000-0000-4000-8000-000000000000/machine-translation', expect: { anonymous: 303 }, otherwise: 404 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/machine-translation`,
    form: { revision: '0', enabled: '1', provider: 'libretranslate', endpoint: 'not an address', yearlyWordBudget: 'many' },
    expect: { anonymous: 303, admin: 422, region_admin: 422 },
    otherwise: 403,
    note: 'invalid settings: the form again, nothing saved',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/machine-translation/bulk`,
    form: { language: 'ar' },
    expect: { anonymous: 303, admin: 303, region_admin: 303 },
    otherwise: 403,
    note: 'off by default: back to the settings with an error message, nothing queued',
  },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/machine-translate`,
    form: { language: 'ar' },
    expect: { anonymous: 303, ...editors(303) },
    otherwise: 403,
    note: 'off by default: back with an error message, nothing queued',
  },
  {
    method: 'POST',
    url: '/admin/pages/00000000-0000-4000-8000-000000000000/machine-translate',
    form: { language: 'ar' },
    expect: { anonymous: 303 },
    otherwise: 404,
  },
];
