import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

export const rows: AccessRow<World>[] = [];
