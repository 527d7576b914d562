import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeNominatim, type FakeNominatim } from '../../../test/support/nominatim-server.js';
import { LOCATIONS } from '../../seed/directory/places.js';
import { geocode, geocodePlace, GeocoderError, validCoordinates } from './geocoder.js';

describe('geocoder (against a local Nominatim)', () => {
  let server: FakeNominatim;
  before(async () => {
    server = await startFakeNominatim();
  });
  beforeEach(() => server.reset());
  after(async () => server.close());

  it('finds a demo address by a structured query and sends format, limit, country and User-Agent', async () => {
    const hit = await geocode(server.url, { address1: 'Musterstraße 1', postalCode: '12345', city: 'Beispielstadt' }, { userAgent: 'wegweiser-test/1' });
    assert.deepEqual(hit, { latitude: LOCATIONS.lra.lat, longitude: LOCATIONS.lra.lon, label: 'Musterstraße 1, Beispielstadt, Landkreis Beispiel, Nordrhein-Westfalen, 12345, Deutschland' });
    assert.deepEqual(server.requests[0]?.params, { format: 'jsonv2', limit: '1', countrycodes: 'de', street: 'Musterstraße 1', postalcode: '12345', city: 'Beispielstadt' });
    assert.equal(server.requests[0]?.userAgent, 'wegweiser-test/1');
  });

  it('tolerates spelling variants ("Musterstr. 1") and needs only postcode or city', async () => {
    const hit = await geocode(server.url, { address1: ' Musterstr.  1 ', postalCode: '12345' });
    assert.equal(hit?.latitude, LOCATIONS.lra.lat);
    const town = await geocode(server.url, { postalCode: '12349' });
    assert.match(town?.label ?? '', /^Musterdorf/);
  });

  it('returns null when nothing is found or the query is empty (no request for an empty query)', async () => {
    assert.equal(await geocode(server.url, { address1: 'Nirgendwoweg 99', postalCode: '12345' }), null);
    assert.equal(await geocode(server.url, { address1: 'Musterstraße 1', postalCode: '99999' }), null);
    assert.equal(server.requests.length, 2);
    assert.equal(await geocode(server.url, { address1: '  ', city: null }), null);
    assert.equal(await geocodePlace(server.url, ''), null);
    assert.equal(server.requests.length, 2);
  });

  it('free text with geocodePlace: a town, or an address', async () => {
    const town = await geocodePlace(server.url, 'Neuhausen');
    assert.match(town?.label ?? '', /^Neuhausen/);
    assert.deepEqual(server.requests[0]?.params, { format: 'jsonv2', limit: '1', q: 'Neuhausen', countrycodes: 'de' });
    const address = await geocodePlace(server.url, 'Bahnhofstraße 12, Beispielstadt');
    assert.equal(address?.latitude, LOCATIONS.beratungshaus.lat);
  });

  it('keeps query parameters of the configured endpoint (an API key)', async () => {
    await geocodePlace(`${server.url}?key=abc`, 'Lindenau');
    assert.equal(server.requests[0]?.params.key, 'abc');
  });

  it('throws a GeocoderError for HTTP errors, timeouts and unreachable servers', async () => {
    server.mode = 'error';
    await assert.rejects(geocodePlace(server.url, 'Musterdorf'), (err: unknown) => err instanceof GeocoderError && err.kind === 'http' && err.status === 500);
    server.mode = 'slow';
    server.delayMs = 1000;
    await assert.rejects(geocodePlace(server.url, 'Musterdorf', { timeoutMs: 100 }), (err: unknown) => err instanceof GeocoderError && err.kind === 'timeout');
    await assert.rejects(geocodePlace('http://127.0.0.1:9/search', 'Musterdorf', { timeoutMs: 2000 }), (err: unknown) => err instanceof GeocoderError && err.kind === 'network');
    await assert.rejects(geocodePlace('not a url', 'Musterdorf'), GeocoderError);
  });

  it('rejects answers that are not Nominatim results', async () => {
    await assert.rejects(geocodePlace(`${server.origin}/reverse`, 'Musterdorf'), (err: unknown) => err instanceof GeocoderError && err.kind === 'http' && err.status === 404);
    server.mode = 'invalid';
    await assert.rejects(geocodePlace(server.url, 'Musterdorf'), (err: unknown) => err instanceof GeocoderError && err.kind === 'invalid_response');
  });
});

describe('validCoordinates', () => {
  it('accepts the range and rejects the rest', () => {
    assert.equal(validCoordinates(51.2, 6.7), true);
    assert.equal(validCoordinates(-90, 180), true);
    assert.equal(validCoordinates(90.0001, 0), false);
    assert.equal(validCoordinates(0, -180.5), false);
    assert.equal(validCoordinates(Number.NaN, 0), false);
    assert.equal(validCoordinates(0, Number.POSITIVE_INFINITY), false);
  });
});
