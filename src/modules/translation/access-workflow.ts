import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** People who read the county's guide in the admin (page.read_admin) and who translate it (translation.edit). */
const readers = { admin: 200, region_admin: 200, editor: 200, translator: 200 };

/** Coverage report, task lists per language, approval of machine output. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/translations`, expect: { anonymous: 303, ...readers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/translations`, expect: { anonymous: 303, ...readers }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/translations`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/translations.csv`, expect: { anonymous: 303, ...readers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/translations/ar`, expect: { anonymous: 303, ...readers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/translations/de`, expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404, translator: 404 }, otherwise: 403, note: 'the source language has no tasks' },
  { method: 'GET', url: '/admin/regions/00000000-0000-4000-8000-000000000000/translations', expect: { anonymous: 303 }, otherwise: 404 },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/approve-machine`,
    form: { language: 'ar' },
    expect: { anonymous: 303, admin: 404, region_admin: 404, editor: 404, translator: 404 },
    otherwise: 403,
    note: 'no Arabic text yet: nothing to approve',
  },
];
