import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as adminRows } from './access-admin.js';
import { rows as hsdsRows } from './access-hsds.js';
import { rows as publicRows } from './access-public.js';

export const accessRows: AccessRow<World>[] = [...adminRows, ...publicRows, ...hsdsRows];
