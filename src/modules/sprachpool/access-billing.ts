import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

/** pool.manage: the region's admins and pool coordinators (and the installation admin). */
const managers = (status: number) => ({ admin: status, region_admin: status, pool_coordinator: status });
const NO_ID = '00000000-0000-4000-8000-000000000000';
const B = (w: World) => `/admin/regions/${w.county.id}/sprachpool`;
const OTHER = (w: World) => `/admin/regions/${w.otherCounty.id}/sprachpool`;
const MISSING = `/admin/regions/${NO_ID}/sprachpool`;

/**
 * Access-matrix rows of routes-billing.tsx. The world has a mediator record (the `mediator` persona's) and an
 * institution (the `agency` persona is its contact) but no assignments or timesheets: the mediator's report and the
 * institution's confirmation answer 404 to their own persona for an unknown assignment or request (the page is
 * looked up before the form is checked), and 403 to everyone else signed in (the installation admin passes the
 * permission but has no record) — routes-billing.test.ts covers real hours. POSTs use input that changes nothing.
 */
export const rows: AccessRow<World>[] = [
  // the mediator's report
  { method: 'GET', url: (w) => `${B(w)}/me/assignments/${NO_ID}/hours`, expect: { anonymous: 303, mediator: 404 }, otherwise: 403, note: 'only a mediator of this pool, for their own assignment' },
  { method: 'POST', url: (w) => `${B(w)}/me/assignments/${NO_ID}/hours`, form: { minutes: '' }, expect: { anonymous: 303, mediator: 404 }, otherwise: 403, note: 'invalid too, but the unknown assignment answers first' },
  { method: 'GET', url: `${MISSING}/me/assignments/${NO_ID}/hours`, expect: { anonymous: 303 }, otherwise: 404 },

  // the institution's confirmation
  { method: 'GET', url: (w) => `${B(w)}/agency/requests/${NO_ID}/hours`, expect: { anonymous: 303, agency: 404 }, otherwise: 403, note: 'only a contact of an approved institution of this pool, for its own request' },
  { method: 'POST', url: (w) => `${B(w)}/agency/requests/${NO_ID}/hours`, form: { action: 'confirm' }, expect: { anonymous: 303, agency: 404 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/agency/requests/${NO_ID}/hours`, expect: { anonymous: 303 }, otherwise: 404 },

  // the coordinators' hours
  { method: 'GET', url: (w) => `${B(w)}/hours`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `/admin/regions/${w.municipality.id}/sprachpool/hours`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403, note: 'roles on the county include its children' },
  { method: 'GET', url: (w) => `${OTHER(w)}/hours`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/hours`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}/hours/${NO_ID}`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/hours/not-an-id`, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/hours/${NO_ID}`, form: { minutes: '' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/hours/${NO_ID}`, form: { minutes: '60', note: 'x', revision: '1' }, expect: { anonymous: 303, ...managers(404) }, otherwise: 403 },

  // billing
  { method: 'GET', url: (w) => `${B(w)}/billing`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/billing?month=2026-01`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/billing?month=2026-13`, expect: { anonymous: 303, ...managers(422) }, otherwise: 403, note: 'a month that does not exist: the picker with a message' },
  { method: 'GET', url: (w) => `${OTHER(w)}/billing`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/billing`, expect: { anonymous: 303 }, otherwise: 404 },
  { method: 'GET', url: (w) => `${B(w)}/billing/invoices.csv?month=2026-01`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/billing/invoices.csv`, expect: { anonymous: 303, ...managers(422) }, otherwise: 403, note: 'the export names its month' },
  { method: 'GET', url: (w) => `${B(w)}/billing/payouts.csv?month=2026-01`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/billing/payouts.csv?month=x`, expect: { anonymous: 303, ...managers(422) }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/billing/payouts.csv?month=2026-01`, expect: { anonymous: 303 }, otherwise: 404 },

  // statistics
  { method: 'GET', url: (w) => `${B(w)}/stats`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/stats?from=2025-01-01&to=2025-12-31`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${B(w)}/stats?from=2025-02-30`, expect: { anonymous: 303, ...managers(422) }, otherwise: 403, note: 'a date that does not exist' },
  { method: 'GET', url: (w) => `${OTHER(w)}/stats`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'GET', url: `${MISSING}/stats`, expect: { anonymous: 303 }, otherwise: 404 },

  // settings
  { method: 'GET', url: (w) => `${B(w)}/settings`, expect: { anonymous: 303, ...managers(200) }, otherwise: 403 },
  { method: 'GET', url: (w) => `${OTHER(w)}/settings`, expect: { anonymous: 303, admin: 200, other_region_admin: 200 }, otherwise: 403 },
  { method: 'POST', url: (w) => `${B(w)}/settings`, form: { leadTimeWorkingDays: 'x', revision: '1' }, expect: { anonymous: 303, ...managers(422) }, otherwise: 403, note: 'invalid input changes nothing' },
  { method: 'POST', url: `${MISSING}/settings`, form: { leadTimeWorkingDays: '3', revision: '1' }, expect: { anonymous: 303 }, otherwise: 404 },
];
