// Helpers shared by the events module's tests (not loaded by the app).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { EventInput } from './model.js';
import { occurrences } from './schema.js';
import { saveEvent, type EventRow, type OccurrenceRow } from './service.js';

/** A future local start ("2027-03-02T18:00") `days` from now, at `time`. */
export function localInDays(days: number, time = '18:00', now = new Date()): string {
  return `${new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

/** A published event (one date in two weeks unless given) saved through the service, with its occurrences. */
export async function buildEvent(db: Db, regionId: string, overrides: Partial<EventInput> = {}): Promise<{ event: EventRow; occurrences: OccurrenceRow[] }> {
  const startLocal = overrides.startLocal ?? localInDays(14);
  const input: EventInput = {
    title: `Veranstaltung ${randomUUID().slice(0, 6)}`,
    category: 'welcome',
    startLocal,
    endLocal: overrides.endLocal ?? `${startLocal.slice(0, 10)}T20:00`,
    placeName: 'Kreishaus',
    street: 'Markt 1',
    postalCode: '12345',
    city: 'Musterstadt',
    status: 'published',
    ...overrides,
  };
  const { event } = await saveEvent(db, { system: 'test' }, { regionId, input });
  const rows = await db.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt));
  return { event, occurrences: rows };
}
