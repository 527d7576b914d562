/**
 * Coordinates for the pool's distance ranking. Mediators' home areas, institutions' addresses and the places of on-site
 * requests are geocoded in the background (a job per row, queued in the transaction that saved the address) with the
 * geocoder the region configured for its directory (*Angebotsverzeichnis › Einstellungen*, a Nominatim-compatible
 * server). Without a geocoder nothing happens: the ranking then uses coordinates borrowed from the same postal code, or
 * says "distance unknown". A failing geocoder is retried with back-off; an address it does not know stays without
 * coordinates. A row whose address changed after the job was queued is left alone (the newer job does it).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/jobs.js';
import { regions } from '../../platform/schema.js';
import { directorySettings, geocode } from '../directory/index.js';
import { agencies, mediators, requests } from './schema.js';

export const GEOCODE_JOB = 'sprachpool.geocode';
type Kind = 'mediator' | 'agency' | 'request';

/** Queues geocoding of a row's address (call inside the transaction that saved it, after the row has its address). */
export async function queueGeocoding(tx: Db, input: { regionId: string; kind: Kind; id: string }): Promise<void> {
  await enqueueJob(tx, GEOCODE_JOB, { kind: input.kind, id: input.id }, { regionId: input.regionId, maxAttempts: 5 });
}

type Address = { street: string; postalCode: string; city: string; lat: number | null };

async function addressOf(db: Db, kind: Kind, regionId: string, id: string): Promise<Address | undefined> {
  if (kind === 'mediator') {
    // Mediators give only their home area (postal code and place), never a street.
    const [m] = await db.select({ postalCode: mediators.postalCode, city: mediators.city, lat: mediators.lat }).from(mediators).where(and(eq(mediators.regionId, regionId), eq(mediators.id, id)));
    return m ? { ...m, street: '' } : undefined;
  }
  const table = kind === 'agency' ? agencies : requests;
  const [row] = await db.select({ street: table.street, postalCode: table.postalCode, city: table.city, lat: table.lat }).from(table).where(and(eq(table.regionId, regionId), eq(table.id, id)));
  return row;
}

/** Sets the coordinates unless the row got some meanwhile or its address changed since it was read. */
async function setCoordinates(db: Db, kind: Kind, id: string, address: Address, lat: number, lon: number): Promise<boolean> {
  if (kind === 'mediator') {
    const rows = await db
      .update(mediators)
      .set({ lat, lon })
      .where(and(eq(mediators.id, id), isNull(mediators.lat), eq(mediators.postalCode, address.postalCode), eq(mediators.city, address.city)))
      .returning({ id: mediators.id });
    return rows.length > 0;
  }
  const table = kind === 'agency' ? agencies : requests;
  const rows = await db
    .update(table)
    .set({ lat, lon })
    .where(and(eq(table.id, id), isNull(table.lat), eq(table.street, address.street), eq(table.postalCode, address.postalCode), eq(table.city, address.city)))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** Geocodes one row when its region has a geocoder and the row still has no coordinates. Returns whether it set them. */
export async function geocodeRow(db: Db, input: { regionId: string; kind: Kind; id: string }): Promise<boolean> {
  const [region] = await db.select({ settings: regions.settings }).from(regions).where(eq(regions.id, input.regionId));
  const endpoint = region ? directorySettings(region.settings).geocoderUrl : null;
  if (!endpoint) return false;
  const address = await addressOf(db, input.kind, input.regionId, input.id);
  if (!address || address.lat !== null || (!address.postalCode && !address.city)) return false;
  const found = await geocode(endpoint, { address1: address.street || null, postalCode: address.postalCode || null, city: address.city || null, country: 'DE' });
  if (!found) return false;
  return setCoordinates(db, input.kind, input.id, address, found.latitude, found.longitude);
}

export function registerGeocodingJob(): void {
  registerJobHandler(GEOCODE_JOB, async (payload, { db, job }) => {
    const kind = payload.kind;
    const id = payload.id;
    if (!job.regionId || (kind !== 'mediator' && kind !== 'agency' && kind !== 'request') || typeof id !== 'string') return;
    await geocodeRow(db, { regionId: job.regionId, kind, id });
  });
}
