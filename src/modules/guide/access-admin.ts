import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** page.read_admin: may open the tree, the editor (read-only where they may not write) and the history. */
const readers = (status: number) => ({ admin: status, region_admin: status, editor: status, translator: status });
/** page.edit: may change pages (tree, settings, delete) and the source text. */
const editors = (status: number) => ({ admin: status, region_admin: status, editor: status });
const NO_PAGE = '00000000-0000-4000-8000-000000000000';

/** Guide admin pages (tree, editor, settings, history, move, delete). POSTs use input that changes nothing. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/pages`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/pages`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/pages`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_PAGE}/pages`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/pages/new`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/pages/new?parent=${w.guide.page.id}`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/regions/${w.county.id}/pages/new`,
    form: { title: '', parentId: '' },
    expect: { anonymous: 303, ...editors(422) },
    otherwise: 403,
    note: 'no title: the form again',
  },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.child.id}/move-step`,
    form: { step: 'outdent', revision: '0' },
    expect: { anonymous: 303, ...editors(303) },
    otherwise: 403,
    note: 'stale revision: back to the tree with an error, nothing moves',
  },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.child.id}/move`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/move`,
    form: { parentId: '', position: '', revision: '0' },
    expect: { anonymous: 303, ...editors(422) },
    otherwise: 403,
    note: 'invalid revision: the form again',
  },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/edit`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/edit?lang=ar`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/edit?lang=xx`, expect: { anonymous: 303, ...readers(404) }, otherwise: 403, note: 'a language the region does not have' },
  { method: 'GET', url: `/admin/pages/${NO_PAGE}/edit`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: '/admin/pages/not-a-uuid/edit', expect: { anonymous: 303 }, otherwise: 404 },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/edit`,
    form: { language: 'de', baseRevision: '1', title: '', contentHtml: '' },
    expect: { anonymous: 303, ...editors(422) },
    otherwise: 403,
    note: 'the source language: translators may not edit it',
  },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/edit`,
    form: { language: 'ar', baseRevision: '0', title: '', contentHtml: '' },
    expect: { anonymous: 303, ...readers(422) },
    otherwise: 403,
    note: 'a translation: translators may',
  },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/settings`,
    form: { revision: '1', status: 'bogus', lang: 'de' },
    expect: { anonymous: 303, ...editors(422) },
    otherwise: 403,
  },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/history`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/history?lang=ar`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/compare?lang=de&from=1&to=1`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/revisions/1`, expect: { anonymous: 303, ...readers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/revisions/99`, expect: { anonymous: 303, ...readers(404) }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/revisions/1/restore`,
    form: { language: 'de', baseRevision: '0' },
    expect: { anonymous: 303, ...editors(303) },
    otherwise: 403,
    note: 'stale base revision: back with an error, nothing restored',
  },
  { method: 'GET', url: (w) => `/admin/pages/${w.guide.page.id}/delete`, expect: { anonymous: 303, ...editors(200) }, otherwise: 403 },
  {
    method: 'POST',
    url: (w) => `/admin/pages/${w.guide.page.id}/delete`,
    form: { revision: '1' },
    expect: { anonymous: 303, ...editors(422) },
    otherwise: 403,
    note: 'the page has a child and no choice was made: nothing is deleted',
  },
];
