import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const readers = { admin: 200, region_admin: 200, editor: 200 };

export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/feedback`, expect: {}, otherwise: 200, note: 'public: tell us what you were looking for' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/feedback/thanks`, expect: {}, otherwise: 200 },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/feedback`, form: { comment: '' }, expect: {}, otherwise: 422, note: 'public, no session needed; empty feedback is refused' },
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/feedback`, expect: { anonymous: 303, ...readers }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/feedback`, expect: { anonymous: 303, ...readers }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/feedback`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'POST', url: (w) => `/admin/regions/${w.county.id}/feedback/status`, form: { status: 'read' }, expect: { anonymous: 303, admin: 303, region_admin: 303, editor: 303 }, otherwise: 403, note: 'nothing selected: back to the inbox with a message' },
];
