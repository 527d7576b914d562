import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/search?q=Wohnen`, expect: {}, otherwise: 200, note: 'public search, same for everyone' },
  { method: 'GET', url: (w) => `/${w.county.slug}/xx/search?q=Wohnen`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
];
