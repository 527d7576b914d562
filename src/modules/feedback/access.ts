import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as feedbackRows } from './access-feedback.js';

export const accessRows: AccessRow<World>[] = [...feedbackRows];
