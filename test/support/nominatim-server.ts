/**
 * A real local HTTP server that speaks Nominatim's search API (GET /search, format=jsonv2 or json) over a small fixed
 * gazetteer of the demo county "Landkreis Beispiel": its four towns (by postcode and name) and the street addresses
 * of the demo locations (src/seed/directory/places.ts). For tests of the geocoder and of anything that geocodes
 * (admin location forms, imports).
 *
 * Queries: structured (`street`, `postalcode`, `city`, `countrycodes`) or free text (`q`). Street matching ignores
 * case, accents, "ß"/"ss" and "str."/"straße"; a structured query with a street finds only that address (no fallback
 * to the town, as Nominatim). `limit` is honoured. Unknown or empty queries answer `[]`.
 *
 * Knobs: `mode` ('ok' | 'error' answers 500 | 'slow' waits `delayMs` before answering, default 2 s | 'invalid'
 * answers 200 with JSON that is not a result list), `delayMs`. It keeps
 * the requests it got (URL search params and User-Agent) so tests can check what was sent.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCATIONS, townOf } from '../../src/seed/directory/places.js';

export type GazetteerEntry = {
  /** "Musterstraße 1"; absent for a town. */
  street?: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
};

/** The towns of the demo county (centre points). */
export const DEMO_TOWNS: GazetteerEntry[] = [
  { postalCode: '12345', city: 'Beispielstadt', lat: 51.2, lon: 6.7 },
  { postalCode: '12349', city: 'Musterdorf', lat: 51.256, lon: 6.785 },
  { postalCode: '12351', city: 'Neuhausen', lat: 51.148, lon: 6.615 },
  { postalCode: '12353', city: 'Lindenau', lat: 51.235, lon: 6.591 },
];

/** Every street address of the demo directory, plus one address that is in no demo record. */
export const DEMO_ADDRESSES: GazetteerEntry[] = [
  ...new Map(
    Object.values(LOCATIONS).map((l) => {
      const town = townOf(l);
      return [`${l.street}|${town.postalCode}`, { street: l.street, postalCode: town.postalCode, city: town.city, lat: l.lat, lon: l.lon }] as const;
    }),
  ).values(),
  { street: 'Am Wasserturm 7', postalCode: '12345', city: 'Beispielstadt', lat: 51.2101, lon: 6.6899 },
];

export type NominatimRequest = { params: Record<string, string>; userAgent: string | undefined };

export type FakeNominatim = {
  /** http://127.0.0.1:<port>/search — what a region's geocoderUrl would be. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  mode: 'ok' | 'error' | 'slow' | 'invalid';
  delayMs: number;
  requests: NominatimRequest[];
  reset(): void;
  close(): Promise<void>;
};

/** Lower case, no accents, "ß" → "ss", "str." / "strasse" unified, single spaces. */
export function normaliseAddress(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/str\.?(?=\s|$)/g, 'strasse')
    .replace(/[,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function displayName(e: GazetteerEntry): string {
  const parts = [e.street, e.city, 'Landkreis Beispiel', 'Nordrhein-Westfalen', e.postalCode, 'Deutschland'].filter(Boolean);
  return parts.join(', ');
}

function toJson(e: GazetteerEntry, index: number, format: string): Record<string, unknown> {
  const bbox = [e.lat - 0.0005, e.lat + 0.0005, e.lon - 0.0005, e.lon + 0.0005].map((n) => n.toFixed(7));
  const common = {
    place_id: 100000 + index,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: e.street ? 'way' : 'relation',
    osm_id: 200000 + index,
    lat: e.lat.toFixed(7),
    lon: e.lon.toFixed(7),
    importance: e.street ? 0.1 : 0.5,
    name: e.street ? '' : e.city,
    display_name: displayName(e),
    boundingbox: bbox,
  };
  if (format === 'json') return { ...common, class: e.street ? 'place' : 'boundary', type: e.street ? 'house' : 'administrative' };
  return { ...common, category: e.street ? 'place' : 'boundary', type: e.street ? 'house' : 'administrative', place_rank: e.street ? 30 : 16, addresstype: e.street ? 'place' : 'town' };
}

/** The entries a query finds, best first. */
export function searchGazetteer(params: URLSearchParams): GazetteerEntry[] {
  const countries = params.get('countrycodes');
  if (countries && !countries.toLowerCase().split(',').includes('de')) return [];
  const q = params.get('q');
  if (q !== null) {
    const words = normaliseAddress(q).split(' ').filter(Boolean);
    if (!words.length) return [];
    const hay = (e: GazetteerEntry) => ` ${normaliseAddress([e.street, e.postalCode, e.city, 'deutschland germany'].filter(Boolean).join(' '))} `;
    const hits = [...DEMO_ADDRESSES, ...DEMO_TOWNS].filter((e) => words.every((w) => hay(e).includes(` ${w} `)));
    // A query with a house number wants the address; one without ("Musterdorf") the town first.
    const wantsAddress = words.some((w) => /\d/.test(w) && !/^\d{5}$/.test(w));
    const rank = (e: GazetteerEntry) => (Boolean(e.street) === wantsAddress ? 0 : 1);
    return hits.sort((a, b) => rank(a) - rank(b));
  }
  const street = params.get('street');
  const postalCode = params.get('postalcode')?.trim();
  const city = params.get('city');
  const sameTown = (e: GazetteerEntry) =>
    (!postalCode || e.postalCode === postalCode) && (!city || normaliseAddress(e.city) === normaliseAddress(city));
  if (street) {
    const s = normaliseAddress(street);
    return DEMO_ADDRESSES.filter((e) => e.street && normaliseAddress(e.street) === s && sameTown(e));
  }
  if (!postalCode && !city) return [];
  return DEMO_TOWNS.filter(sameTown);
}

const ALL = [...DEMO_ADDRESSES, ...DEMO_TOWNS];

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the server on a free port (127.0.0.1). Close it in `after()`. */
export async function startFakeNominatim(opts: { mode?: FakeNominatim['mode']; delayMs?: number } = {}): Promise<FakeNominatim> {
  const state: FakeNominatim = {
    url: '',
    origin: '',
    mode: opts.mode ?? 'ok',
    delayMs: opts.delayMs ?? 2000,
    requests: [],
    reset() {
      state.mode = 'ok';
      state.delayMs = 2000;
      state.requests = [];
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' || !/\/search(\.php)?$/.test(url.pathname)) {
        send(res, 404, { error: 'Not found' });
        return;
      }
      state.requests.push({ params: Object.fromEntries(url.searchParams), userAgent: req.headers['user-agent'] });
      if (state.mode === 'slow') await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.mode === 'error') {
        send(res, 500, { error: { code: 500, message: 'Internal Server Error' } });
        return;
      }
      if (state.mode === 'invalid') {
        send(res, 200, { results: [{ latitude: 'north' }] });
        return;
      }
      const format = url.searchParams.get('format') ?? 'jsonv2';
      if (format !== 'jsonv2' && format !== 'json') {
        send(res, 400, { error: { code: 400, message: `Parameter 'format' must be one of: json, jsonv2` } });
        return;
      }
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 10) || 10, 1), 40);
      const hits = searchGazetteer(url.searchParams).slice(0, limit);
      send(res, 200, hits.map((e) => toJson(e, ALL.indexOf(e), format)));
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'fake server failure' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.url = `${state.origin}/search`;
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  return state;
}
