import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
/** pool.manage: region admins and pool coordinators. */
const coordinators = (status: number) => ({ admin: status, region_admin: status, pool_coordinator: status });

/** Access-matrix rows of routes-overview.tsx. */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/admin/regions/${w.county.id}/sprachpool`, expect: { anonymous: 303, ...coordinators(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/sprachpool`, expect: { anonymous: 303, ...coordinators(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `/admin/regions/${w.otherCounty.id}/sprachpool`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `/admin/regions/${NO_ID}/sprachpool`, expect: { anonymous: 303 }, otherwise: 404 },
];
