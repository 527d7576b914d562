import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as searchRows } from './access-search.js';

export const accessRows: AccessRow<World>[] = [...searchRows];
