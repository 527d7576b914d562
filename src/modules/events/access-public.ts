import type { AccessRow } from '../../platform/http/access.js';
import type { World } from '../../../test/fixtures.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Events for readers: the same answer for everyone, signed in or not. The test world has no events, so lists and
 * calendars are empty and every event, date, .ics and cancel link answers 404; public.test.ts covers real events.
 * One POST row per route: the routes are rate-limited per address (twenty a minute), and each row runs once per persona.
 */
export const rows: AccessRow<World>[] = [
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events`, expect: {}, otherwise: 200, note: 'list of dates (GET filters, works without JS)' },
  { method: 'GET', url: (w) => `/${w.county.slug}/ar/events?category=workshop&language=ar&from=2026-12-01&to=2026-12-31&place=Musterstadt&page=2`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events?category=..%2F&from=2026-99-99&page=-1`, expect: {}, otherwise: 200, note: 'wrong filter values are ignored' },
  { method: 'GET', url: (w) => `/${w.county.slug}/fa/events`, expect: {}, otherwise: 404, note: 'a language the region does not offer' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/month/2026-12`, expect: {}, otherwise: 200, note: 'month calendar' },
  { method: 'GET', url: (w) => `/${w.otherCounty.slug}/ar/events/month/2027-01?category=leisure`, expect: {}, otherwise: 200 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/month/2026-13`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/${NO_ID}`, expect: {}, otherwise: 404, note: 'event page' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/kein-termin`, expect: {}, otherwise: 404 },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/${NO_ID}/${NO_ID}`, expect: {}, otherwise: 404, note: 'date page with registration' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/${NO_ID}/${NO_ID}.ics`, expect: {}, otherwise: 404, note: 'add to calendar' },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/events/${NO_ID}/${NO_ID}`, form: { name: '' }, expect: {}, otherwise: 404, note: 'registration (CSRF, rate limit)' },
  { method: 'GET', url: (w) => `/${w.county.slug}/de/events/cancel/abcdefghijklmnopqrstuvwxyz012345`, expect: {}, otherwise: 404, note: 'cancel link' },
  { method: 'POST', url: (w) => `/${w.county.slug}/de/events/cancel/abcdefghijklmnopqrstuvwxyz012345`, expect: {}, otherwise: 404 },
];
