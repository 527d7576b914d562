import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as adminRows } from './access-admin.js';
import { rows as feedRows } from './access-feeds.js';
import { rows as forumRows } from './access-forum.js';
import { rows as publicRows } from './access-public.js';

export const accessRows: AccessRow<World>[] = [...adminRows, ...publicRows, ...feedRows, ...forumRows];
