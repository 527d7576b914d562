import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import { AppError, ConflictError, ValidationError } from '../../platform/errors.js';
import { cancelByToken, promoteWaitingParties, purgeAttendeeData, register } from './registration.js';
import { occurrences, registrations } from './schema.js';
import { saveEvent, setOccurrenceStatus, type EventRow } from './service.js';
import { buildEvent, localInDays } from './test-support.js';

const BASE = 'http://localhost:3000';

describe('registration', () => {
  let database: Database & { drop(): Promise<void> };
  let region: RegionRow;
  before(async () => {
    database = await createTestDatabase();
    region = await buildRegion(database.db);
  });
  after(async () => database.drop());

  const reg = (occurrenceId: string, email: string, partySize = 1, now?: Date) =>
    register(database.db, { regionId: region.id, occurrenceId, form: { name: email.split('@')[0] ?? 'x', email, language: 'de', partySize }, baseUrl: BASE, ...(now ? { now } : {}) });

  async function counts(id: string) {
    const [o] = await database.db.select().from(occurrences).where(eq(occurrences.id, id));
    return { confirmed: o?.confirmed, waitlisted: o?.waitlisted };
  }

  it('confirms while places are free, then waitlists; a cancellation promotes the first waiting party that fits', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 3 });
    assert.ok(o);
    const a = await reg(o.id, 'a@example.org', 2);
    const b = await reg(o.id, 'b@example.org', 1);
    const c = await reg(o.id, 'c@example.org', 2);
    const d = await reg(o.id, 'd@example.org', 1);
    assert.deepEqual([a.status, b.status, c.status, d.status], ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    assert.deepEqual(await counts(o.id), { confirmed: 3, waitlisted: 3 });
    // b (1 person) cancels: one place free; c (2) does not fit, d (1) does and is promoted.
    const cancelled = await cancelByToken(database.db, { token: b.token, baseUrl: BASE });
    assert.deepEqual(cancelled.promoted.map((r) => r.email), ['d@example.org']);
    assert.deepEqual(await counts(o.id), { confirmed: 3, waitlisted: 2 });
    // a (2) cancels: c fits now.
    const again = await cancelByToken(database.db, { token: a.token, baseUrl: BASE });
    assert.deepEqual(again.promoted.map((r) => r.email), ['c@example.org']);
    assert.deepEqual(await counts(o.id), { confirmed: 3, waitlisted: 0 });
    // Cancelling twice changes nothing.
    const twice = await cancelByToken(database.db, { token: a.token, baseUrl: BASE });
    assert.equal(twice.alreadyCancelled, true);
    assert.deepEqual(await counts(o.id), { confirmed: 3, waitlisted: 0 });
  });

  it('a free place that the waiting (bigger) party cannot use goes to a newcomer who fits', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 3 });
    assert.ok(o);
    await reg(o.id, 'two@example.org', 2);
    const one = await reg(o.id, 'one@example.org', 1);
    assert.equal((await reg(o.id, 'pair@example.org', 2)).status, 'waitlisted');
    assert.deepEqual((await cancelByToken(database.db, { token: one.token, baseUrl: BASE })).promoted, [], 'the pair does not fit in one place');
    assert.equal((await reg(o.id, 'single@example.org', 1)).status, 'confirmed', 'one free place, one person: no need to wait');
    assert.deepEqual(await counts(o.id), { confirmed: 3, waitlisted: 2 });
  });

  it('places added by a raised capacity go to the waiting parties first', async () => {
    const raise = async (event: Pick<EventRow, 'id' | 'title' | 'category' | 'startLocal' | 'endLocal' | 'revision'>, capacity: number) =>
      saveEvent(database.db, { system: 'test' }, { regionId: region.id, id: event.id, revision: event.revision, input: { title: event.title, category: event.category, startLocal: event.startLocal, endLocal: event.endLocal, placeName: 'Kreishaus', registrationRequired: true, capacity } });
    const first = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 1 });
    const [o] = first.occurrences;
    assert.ok(o);
    await reg(o.id, 'first@example.org');
    await reg(o.id, 'waiting@example.org');
    await raise(first.event, 2);
    // Nobody promoted yet (saving an event does not send mails); the next registration promotes the waiting one first.
    assert.equal((await reg(o.id, 'newcomer@example.org')).status, 'waitlisted');
    const rows = await database.db.select().from(registrations).where(eq(registrations.occurrenceId, o.id));
    assert.deepEqual(rows.map((r) => [r.email, r.status]).sort(), [['first@example.org', 'confirmed'], ['newcomer@example.org', 'waitlisted'], ['waiting@example.org', 'confirmed']]);

    const second = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 1 });
    const [p] = second.occurrences;
    assert.ok(p);
    await reg(p.id, 'a@example.org');
    await reg(p.id, 'b@example.org', 2);
    await reg(p.id, 'c@example.org');
    await raise(second.event, 3);
    assert.equal(await promoteWaitingParties(database.db, { regionId: region.id, eventId: second.event.id, baseUrl: BASE }), 1, 'the pair fits in the two new places, c waits');
    assert.deepEqual(await counts(p.id), { confirmed: 3, waitlisted: 1 });
  });

  it('refuses duplicates, too large parties, cancelled and past dates with their own codes', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 10, maxPartySize: 3 });
    assert.ok(o);
    await reg(o.id, 'dup@example.org');
    await assert.rejects(reg(o.id, 'DUP@example.org'), (e) => e instanceof ConflictError && e.code === 'registration_duplicate');
    await assert.rejects(reg(o.id, 'big@example.org', 4), (e) => e instanceof ValidationError && 'partySize' in e.fields);
    await assert.rejects(register(database.db, { regionId: region.id, occurrenceId: o.id, form: { name: 'x', language: 'de' }, baseUrl: BASE }), (e) => e instanceof ValidationError && 'email' in e.fields);
    await assert.rejects(reg(o.id, 'late@example.org', 1, new Date(o.startsAt.getTime() + 1000)), (e) => e instanceof AppError && e.code === 'occurrence_past');
    await setOccurrenceStatus(database.db, { system: 'test' }, { regionId: region.id, occurrenceId: o.id, cancel: true });
    await assert.rejects(reg(o.id, 'x@example.org'), (e) => e instanceof AppError && e.code === 'occurrence_cancelled');
    assert.deepEqual(await counts(o.id), { confirmed: 1, waitlisted: 0 }, 'nothing half-written');
  });

  it('refuses a capacity below the people already confirmed, naming the date', async () => {
    const { event, occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5 });
    assert.ok(o);
    await reg(o.id, 'p1@example.org', 3);
    const input = { title: event.title, category: event.category, startLocal: event.startLocal, endLocal: event.endLocal, placeName: 'Kreishaus', registrationRequired: true, capacity: 2 };
    await assert.rejects(saveEvent(database.db, { system: 'test' }, { regionId: region.id, id: event.id, revision: event.revision, input }), (e) => e instanceof ValidationError && e.fields.capacity?.params?.count === 3);
    const ok = await saveEvent(database.db, { system: 'test' }, { regionId: region.id, id: event.id, revision: event.revision, input: { ...input, capacity: 3 } });
    assert.equal(ok.event.capacity, 3);
    assert.equal((await reg(o.id, 'p2@example.org')).status, 'waitlisted', 'the lowered capacity is full');
  });

  it('a date that drops out of a series with registrations is cancelled, not deleted', async () => {
    const start = localInDays(7);
    const { event, occurrences: occs } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5, startLocal: start, endLocal: `${start.slice(0, 10)}T20:00`, recurrence: { freq: 'weekly', endMode: 'count', count: 3 } });
    assert.equal(occs.length, 3);
    const second = occs[1];
    assert.ok(second);
    await reg(second.id, 'kept@example.org');
    const input = { title: event.title, category: event.category, startLocal: event.startLocal, endLocal: event.endLocal, placeName: 'Kreishaus', registrationRequired: true, capacity: 5, recurrence: { freq: 'weekly' as const, endMode: 'count' as const, count: 3 }, exdates: [second.recurrenceId, occs[2]?.recurrenceId ?? ''] };
    const saved = await saveEvent(database.db, { system: 'test' }, { regionId: region.id, id: event.id, input });
    assert.deepEqual(saved.cancelledOccurrences.map((o) => o.id), [second.id]);
    const rows = await database.db.select().from(occurrences).where(eq(occurrences.eventId, event.id));
    assert.deepEqual(rows.map((r) => [r.recurrenceId, r.status]).sort(), [[occs[0]?.recurrenceId, 'scheduled'], [second.recurrenceId, 'cancelled']].sort());
  });

  it('deletes attendee data after the retention period and keeps the counts', async () => {
    const { occurrences: [o] } = await buildEvent(database.db, region.id, { registrationRequired: true, capacity: 5 });
    assert.ok(o);
    await reg(o.id, 'old@example.org', 2);
    assert.equal(await purgeAttendeeData(database.db, { regionId: region.id, days: 30, now: new Date(o.endsAt.getTime() + 29 * 86_400_000) }), 0);
    const n = await purgeAttendeeData(database.db, { regionId: region.id, days: 30, now: new Date(o.endsAt.getTime() + 31 * 86_400_000) });
    assert.ok(n >= 1);
    assert.equal((await database.db.select().from(registrations).where(eq(registrations.occurrenceId, o.id))).length, 0);
    assert.deepEqual(await counts(o.id), { confirmed: 2, waitlisted: 0 });
  });
});
