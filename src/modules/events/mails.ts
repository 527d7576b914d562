/**
 * Mails to registrants, queued in the caller's transaction (outbox): confirmation (with an .ics of the date and the
 * cancel link), waitlist notice, promotion from the waitlist, cancellation of the date, reminder the day before.
 */
import type { Db } from '../../db/client.js';
import { queueMail } from '../../platform/mail/mail.js';
import type { registrations } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'occurrence_cancelled' | 'reminder';

export type RegistrationMailInput = {
  kind: RegistrationMailKind;
  registration: typeof registrations.$inferSelect;
  event: EventRow;
  occurrence: OccurrenceRow;
  /** The cancel link's token; only known right after registering. */
  token?: string;
  baseUrl: string;
};

/** Queues the mail of a registration event to the registrant, when they gave an e-mail address. */
export async function queueRegistrationMail(db: Db, input: RegistrationMailInput): Promise<void> {
  if (!input.registration.email) return;
  // TODO(events-mails): localised texts, .ics attachment, cancel link — being written.
  await queueMail(db, { to: input.registration.email, subject: input.event.title, text: `${input.kind}: ${input.event.title}`, regionId: input.event.regionId });
}
