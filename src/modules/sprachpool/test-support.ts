// Helpers shared by the Sprachpool module's tests and benchmarks (not loaded by the app). They insert rows directly,
// so each test states the world it needs without going through the forms.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { zonedLocalToUtc } from '../../platform/time/zoned-time.js';
import {
  agencies,
  agencyContacts,
  availability,
  mediatorLanguages,
  mediators,
  requests,
  type LanguageLevel,
} from './schema.js';

export type MediatorRow = typeof mediators.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyContactRow = typeof agencyContacts.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;

const unique = () => randomUUID().slice(0, 8);
/** A random id without digits: seven digits in a row in a name would look like a file number to the personal-data check. */
const lettersOnly = (id: string) => id.replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)] ?? 'x');

/** A local date `days` from now ("2027-03-02"). */
export function dateInDays(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export type MediatorOverrides = Partial<typeof mediators.$inferInsert> & {
  languages?: { language: string; dialect?: string; level?: LanguageLevel }[];
  /** Weekly availability; default Monday to Friday 08:00–20:00. `[]` = none. */
  weekly?: { weekday: number; start: string; end: string }[];
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An active mediator (Arabic, Turkish unless given) with documents valid for a year and weekday availability. */
export async function buildMediator(db: Db, regionId: string, overrides: MediatorOverrides = {}): Promise<MediatorRow> {
  const { languages = [{ language: 'ar', level: 'native' }, { language: 'tr', level: 'C1' }], weekly, ...fields } = overrides;
  const id = unique();
  const [row] = await db
    .insert(mediators)
    .values({
      regionId,
      status: 'active',
      firstName: `Mira-${id}`,
      lastName: 'Beispiel',
      email: `mediator-${id}@example.org`,
      phone: '+49 170 1234567',
      gender: 'female',
      germanLevel: 'C1',
      modes: ['on_site', 'phone', 'video'],
      postalCode: '12345',
      city: 'Musterstadt',
      lat: 52.0,
      lon: 10.0,
      maxTravelKm: 30,
      qualificationKinds: ['basic_training'],
      qualifications: [{ kind: 'basic_training', title: 'Grundqualifizierung', date: '2024-05-01' }],
      confidentialitySignedOn: dateInDays(-100),
      confidentialityExpiresOn: dateInDays(365),
      policeClearanceIssuedOn: dateInDays(-100),
      policeClearanceExpiresOn: dateInDays(365),
      consentAt: new Date(),
      approvedAt: new Date(),
      ...fields,
    })
    .returning();
  if (!row) throw new Error('mediator insert failed');
  for (const l of languages) {
    await db.insert(mediatorLanguages).values({ mediatorId: row.id, regionId, language: l.language, dialect: l.dialect ?? '', level: l.level ?? 'native' });
  }
  const slots = weekly ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  for (const s of slots) await db.insert(availability).values({ mediatorId: row.id, weekday: s.weekday, startMinute: minutesOf(s.start), endMinute: minutesOf(s.end) });
  return row;
}

/** An approved institution with one contact person (pass `contactAccountId` to link an `agency` account). */
export async function buildAgency(
  db: Db,
  regionId: string,
  overrides: Partial<typeof agencies.$inferInsert> & { contactAccountId?: string; contactEmail?: string } = {},
): Promise<{ agency: AgencyRow; contact: AgencyContactRow }> {
  const { contactAccountId, contactEmail, ...fields } = overrides;
  const id = unique();
  const [agency] = await db
    .insert(agencies)
    .values({ regionId, status: 'approved', name: `Grundschule ${lettersOnly(id)}`, kind: 'school', street: 'Schulweg 1', postalCode: '12345', city: 'Musterstadt', lat: 52.01, lon: 10.01, email: `school-${id}@example.org`, approvedAt: new Date(), ...fields })
    .returning();
  if (!agency) throw new Error('agency insert failed');
  const [contact] = await db
    .insert(agencyContacts)
    .values({ agencyId: agency.id, accountId: contactAccountId ?? null, name: 'Frau Lehrerin', email: contactEmail ?? `contact-${id}@example.org`, phone: '+49 5251 123' })
    .returning();
  if (!contact) throw new Error('contact insert failed');
  return { agency, contact };
}

/** A request (status `requested` unless given) in the region's time zone (Europe/Berlin unless given). */
export async function buildRequest(
  db: Db,
  regionId: string,
  agencyId: string,
  overrides: Partial<typeof requests.$inferInsert> & { timeZone?: string } = {},
): Promise<RequestRow> {
  const { timeZone = 'Europe/Berlin', ...fields } = overrides;
  const startLocal = fields.startLocal ?? `${dateInDays(10)}T16:00`;
  const durationMinutes = fields.durationMinutes ?? 90;
  const startsAt = zonedLocalToUtc(startLocal, timeZone);
  if (!startsAt) throw new Error(`bad local time ${startLocal}`);
  const [row] = await db
    .insert(requests)
    .values({
      regionId,
      agencyId,
      language: 'ar',
      mode: 'on_site',
      setting: 'school',
      topic: 'parents_meeting',
      placeName: 'Grundschule',
      street: 'Schulweg 1',
      postalCode: '12345',
      city: 'Musterstadt',
      lat: 52.01,
      lon: 10.01,
      ...fields,
      startLocal,
      durationMinutes,
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
    })
    .returning();
  if (!row) throw new Error('request insert failed');
  return row;
}
