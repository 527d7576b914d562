/**
 * Geocoding through a Nominatim-compatible search endpoint (a region's `geocoderUrl`, e.g. a self-hosted Nominatim's
 * https://…/search). No result is `null`; a failure (HTTP error, network, timeout, unreadable answer) throws a
 * GeocoderError so the caller can save without coordinates and say so — nothing breaks when no geocoder is
 * configured or it is down.
 */
import { z } from 'zod';

export type GeocodeQuery = { address1?: string | null | undefined; postalCode?: string | null | undefined; city?: string | null | undefined; country?: string | undefined };
export type GeocodeResult = { latitude: number; longitude: number; label: string };
export type GeocodeOptions = { timeoutMs?: number | undefined; userAgent?: string | undefined };

export const DEFAULT_GEOCODER_TIMEOUT_MS = 5000;
export const DEFAULT_GEOCODER_USER_AGENT = 'wegweiser (integration guide; directory geocoding)';

/** Why a geocoder call failed: `http` (status in `status`), `network`, `timeout` or `invalid_response`. */
export class GeocoderError extends Error {
  constructor(
    message: string,
    readonly kind: 'http' | 'network' | 'timeout' | 'invalid_response',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GeocoderError';
  }
}

/** Whether latitude/longitude are finite numbers in range (−90…90, −180…180). */
export function validCoordinates(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

const coordinate = z.union([z.string().trim().min(1), z.number()]).transform(Number);
const placeSchema = z.object({ lat: coordinate, lon: coordinate, display_name: z.string().default('') });
const answerSchema = z.array(z.unknown());

/** Sends one search request and reads the first usable place. */
async function search(endpoint: string, params: Record<string, string>, opts: GeocodeOptions): Promise<GeocodeResult | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new GeocoderError(`invalid geocoder URL: ${endpoint}`, 'network');
  }
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('limit', '1');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);

  let res: Response;
  try {
    res = await fetch(url, {
      headers: { 'user-agent': opts.userAgent ?? DEFAULT_GEOCODER_USER_AGENT, accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_GEOCODER_TIMEOUT_MS),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new GeocoderError(`geocoder did not answer within ${opts.timeoutMs ?? DEFAULT_GEOCODER_TIMEOUT_MS} ms`, 'timeout');
    throw new GeocoderError(`geocoder not reachable: ${err instanceof Error ? err.message : String(err)}`, 'network');
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new GeocoderError(`geocoder answered HTTP ${res.status}`, 'http', res.status);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new GeocoderError('geocoder answer timed out', 'timeout');
    throw new GeocoderError('geocoder answer is not JSON', 'invalid_response');
  }
  const list = answerSchema.safeParse(body);
  if (!list.success) throw new GeocoderError('geocoder answer is not a list of places', 'invalid_response');
  for (const item of list.data) {
    const place = placeSchema.safeParse(item);
    if (!place.success) throw new GeocoderError('geocoder answer has a place without coordinates', 'invalid_response');
    const { lat, lon, display_name: label } = place.data;
    if (validCoordinates(lat, lon)) return { latitude: lat, longitude: lon, label };
  }
  return null;
}

const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

/**
 * Coordinates of a postal address by a structured Nominatim query (street, postalcode, city, countrycodes; country
 * defaults to "de"). Null when the address is not found or the query is empty.
 */
export async function geocode(endpoint: string, query: GeocodeQuery, opts: GeocodeOptions = {}): Promise<GeocodeResult | null> {
  const street = clean(query.address1);
  const postalCode = clean(query.postalCode);
  const city = clean(query.city);
  if (!street && !postalCode && !city) return null;
  const params: Record<string, string> = { countrycodes: clean(query.country || 'de').toLowerCase() };
  if (street) params.street = street;
  if (postalCode) params.postalcode = postalCode;
  if (city) params.city = city;
  return search(endpoint, params, opts);
}

/** Coordinates of a free-text place ("Musterdorf", "Bahnhofstraße 12, Beispielstadt") by a `q=` query in Germany. */
export async function geocodePlace(endpoint: string, text: string, opts: GeocodeOptions & { country?: string } = {}): Promise<GeocodeResult | null> {
  const q = clean(text);
  if (!q) return null;
  return search(endpoint, { q, countrycodes: clean(opts.country || 'de').toLowerCase() }, opts);
}
