import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** page.edit on the region (or an ancestor): installation admin, region admin, editor. */
const editors = { admin: 200, region_admin: 200, editor: 200 };
const NO_MEDIA = '00000000-0000-0000-0000-000000000000';

/** Images: the library, upload, delete, and the public variants. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/media`, expect: { anonymous: 303, ...editors }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/media`, expect: { anonymous: 303, ...editors }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/media`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_MEDIA}/media`, expect: { anonymous: 303 }, otherwise: 404 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/media`,
    form: { alt: '' },
    expect: { anonymous: 303, admin: 422, region_admin: 422, editor: 422 },
    otherwise: 403,
    note: 'no file, no alt text: refused, nothing stored',
  },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/media/${NO_MEDIA}/delete`,
    expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404 },
    otherwise: 403,
    note: 'unknown image: nothing changes',
  },
  { method: 'GET', url: `/media/${NO_MEDIA}/320.webp`, expect: {}, otherwise: 404, note: 'variants are public; unknown id' },
];
