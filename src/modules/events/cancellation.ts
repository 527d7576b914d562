/**
 * Telling registrants that their date is off. Called after a date was cancelled (the dates tab), after a whole event
 * was cancelled (once per date still to come), and for the dates saveEvent cancelled because they dropped out of the
 * series. Registrations stay as they are: the counts remain for the organiser, and reinstating the date keeps them.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../platform/errors.js';
import { listActiveRegistrations } from './admin-queries.js';
import { queueRegistrationMail } from './mails.js';
import { events, occurrences } from './schema.js';

export type NotifyResult = {
  /** Cancellation mails queued (registrants with an e-mail address). */
  mailed: number;
  /** Registrants who gave only a phone number: the organiser has to call them. */
  withoutEmail: number;
};

/**
 * Queues the cancellation mail (`occurrence_cancelled`) to every confirmed and waiting registrant of a date, in one
 * transaction (outbox). Does nothing unless the date or its event is cancelled, or when the date is already over.
 */
export async function notifyOccurrenceCancelled(db: Db, occurrenceId: string, baseUrl: string, now = new Date()): Promise<NotifyResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ occurrence: occurrences, event: events }).from(occurrences).innerJoin(events, and(eq(events.id, occurrences.eventId), eq(events.regionId, occurrences.regionId))).where(eq(occurrences.id, occurrenceId));
    if (!row) throw new NotFoundError('occurrence_not_found');
    const { occurrence, event } = row;
    if (occurrence.status !== 'cancelled' && event.status !== 'cancelled') return { mailed: 0, withoutEmail: 0 };
    if (occurrence.endsAt <= now) return { mailed: 0, withoutEmail: 0 };
    const active = await listActiveRegistrations(tx, occurrence.id);
    for (const registration of active) await queueRegistrationMail(tx, { kind: 'occurrence_cancelled', registration, event, occurrence, baseUrl });
    const mailed = active.filter((r) => r.email !== null).length;
    return { mailed, withoutEmail: active.length - mailed };
  });
}

/**
 * After a whole event was cancelled: the cancellation mail for every date still to come that was not cancelled on its
 * own before (those were announced then).
 */
export async function notifyEventCancelled(db: Db, eventId: string, baseUrl: string, now = new Date()): Promise<NotifyResult> {
  const dates = await db.select({ id: occurrences.id }).from(occurrences).where(and(eq(occurrences.eventId, eventId), eq(occurrences.status, 'scheduled'), gt(occurrences.endsAt, now)));
  const total: NotifyResult = { mailed: 0, withoutEmail: 0 };
  for (const d of dates) {
    const r = await notifyOccurrenceCancelled(db, d.id, baseUrl, now);
    total.mailed += r.mailed;
    total.withoutEmail += r.withoutEmail;
  }
  return total;
}
