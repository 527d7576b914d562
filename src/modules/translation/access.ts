import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as mtRows } from './access-mt.js';
import { rows as xliffRows } from './access-xliff.js';
import { rows as workflowRows } from './access-workflow.js';

export const accessRows: AccessRow<World>[] = [...mtRows, ...xliffRows, ...workflowRows];
