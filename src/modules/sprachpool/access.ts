import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';
import { rows as agencyRows } from './access-agencies.js';
import { rows as billingRows } from './access-billing.js';
import { rows as mediatorRows } from './access-mediators.js';
import { rows as overviewRows } from './access-overview.js';
import { rows as requestRows } from './access-requests.js';

export const accessRows: AccessRow<World>[] = [...overviewRows, ...requestRows, ...mediatorRows, ...agencyRows, ...billingRows];
