/**
 * The demo county's language-mediator pool: 35 mediators over 26 languages (Arabic dialects, Dari, Farsi, Pashto,
 * Kurmanji, Sorani, Tigrinya, Ukrainian, Russian, Turkish, Somali, …), 8 institutions, and requests in every state —
 * a year of past assignments with hours (reported, confirmed, disputed, resolved) so that billing and statistics show
 * something, and coming requests waiting to be approved, offered, or assigned. Dates are relative to the start day.
 * Rows are written directly (like a migration of existing spreadsheets would be); no mails go out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { zonedLocalToUtc } from '../platform/time/zoned-time.js';
import { recordAudit } from '../platform/audit/audit.js';
import {
  absences,
  agencies,
  agencyContacts,
  assignments,
  availability,
  mediatorLanguages,
  mediators,
  offers,
  requests,
  timesheets,
  type AgencyKind,
  type Gender,
  type LanguageLevel,
  type Mode,
  type QualificationKind,
  type RequestFlag,
  type RequestStatus,
  type Setting,
  type Topic,
} from '../modules/sprachpool/schema.js';

const TZ = 'Europe/Berlin';
const TOWNS = {
  bs: { postalCode: '12345', city: 'Beispielstadt', lat: 51.2012, lon: 6.7021 },
  md: { postalCode: '12349', city: 'Musterdorf', lat: 51.245, lon: 6.781 },
  nh: { postalCode: '12351', city: 'Neuhausen', lat: 51.162, lon: 6.612 },
  la: { postalCode: '12353', city: 'Lindenau', lat: 51.289, lon: 6.655 },
} as const;
type Town = keyof typeof TOWNS;

type DemoMediator = {
  first: string;
  last: string;
  gender: Gender;
  town: Town;
  langs: [string, string, LanguageLevel][];
  modes?: Mode[];
  quals?: QualificationKind[];
  /** Weekly availability: weekdays and hours; default Mon–Fri 9–18. */
  weekly?: { days: number[]; from: string; to: string };
  travel?: number;
  paid?: boolean;
  /** Days from today at which the confidentiality declaration expires (default: in a year). */
  confidentialityDays?: number;
  policeDays?: number;
  status?: 'active' | 'applied' | 'paused';
};

/** The pool. Dilan (Kurmanji, Turkish) is journey 5's mediator and has a demo account. */
export const DEMO_MEDIATORS: DemoMediator[] = [
  { first: 'Dilan', last: 'Aydın', gender: 'female', town: 'bs', langs: [['kmr', '', 'native'], ['tr', '', 'C2']], quals: ['basic_training', 'school'], weekly: { days: [1, 2, 3, 4], from: '08:00', to: '19:00' } },
  { first: 'Rojda', last: 'Kaya', gender: 'female', town: 'bs', langs: [['kmr', 'bahdini', 'native'], ['ar', 'iraqi', 'C1']], quals: ['basic_training', 'health'] },
  { first: 'Serhat', last: 'Demir', gender: 'male', town: 'md', langs: [['kmr', '', 'native'], ['tr', '', 'native']], quals: ['basic_training'], weekly: { days: [4, 5], from: '14:00', to: '20:00' } },
  { first: 'Zozan', last: 'Ekinci', gender: 'female', town: 'la', langs: [['kmr', '', 'native']], quals: ['basic_training', 'psychosocial'], confidentialityDays: -20 },
  { first: 'Azad', last: 'Hassan', gender: 'male', town: 'nh', langs: [['kmr', '', 'C2'], ['ar', 'levantine', 'native']], quals: ['basic_training'], travel: 40 },
  { first: 'Jiyan', last: 'Doğan', gender: 'female', town: 'nh', langs: [['kmr', '', 'native'], ['tr', '', 'C1']], quals: ['basic_training'], modes: ['on_site', 'phone', 'video'] },
  { first: 'Berivan', last: 'Yıldız', gender: 'female', town: 'md', langs: [['kmr', '', 'native'], ['ckb', 'sulaimani', 'B2']], quals: ['basic_training', 'school'], modes: ['on_site', 'phone'] },
  { first: 'Karwan', last: 'Aziz', gender: 'male', town: 'bs', langs: [['ckb', 'sulaimani', 'native'], ['ar', 'iraqi', 'C1']], quals: ['basic_training', 'authority'] },
  { first: 'Samira', last: 'Haddad', gender: 'female', town: 'bs', langs: [['ar', 'levantine', 'native'], ['en', '', 'C1']], quals: ['basic_training', 'health', 'psychosocial'] },
  { first: 'Omar', last: 'Khalil', gender: 'male', town: 'md', langs: [['ar', 'levantine', 'native']], quals: ['basic_training', 'authority'] },
  { first: 'Hanan', last: 'Al-Sayed', gender: 'female', town: 'nh', langs: [['ar', 'egyptian', 'native'], ['fr', '', 'B2']], quals: ['basic_training', 'school'] },
  { first: 'Yusuf', last: 'Mahmoud', gender: 'male', town: 'bs', langs: [['ar', 'iraqi', 'native'], ['ckb', '', 'B2']], quals: ['basic_training'] },
  { first: 'Fatima', last: 'Benali', gender: 'female', town: 'la', langs: [['ar', 'maghrebi', 'native'], ['ber', 'tarifit', 'native'], ['fr', '', 'C1']], quals: ['basic_training'] },
  { first: 'Mohammad', last: 'Rahimi', gender: 'male', town: 'bs', langs: [['prs', '', 'native'], ['fa', '', 'native'], ['ps', '', 'B2']], quals: ['basic_training', 'authority'] },
  { first: 'Maryam', last: 'Hosseini', gender: 'female', town: 'md', langs: [['fa', '', 'native'], ['prs', '', 'C2']], quals: ['basic_training', 'health'] },
  { first: 'Zahra', last: 'Ahmadi', gender: 'female', town: 'bs', langs: [['prs', '', 'native'], ['fa', 'afghan_farsi', 'native']], quals: ['basic_training', 'psychosocial'], modes: ['on_site', 'phone', 'video'] },
  { first: 'Ahmad', last: 'Noori', gender: 'male', town: 'nh', langs: [['ps', 'kandahari', 'native'], ['prs', '', 'C1']], quals: ['basic_training'] },
  { first: 'Gul', last: 'Stanekzai', gender: 'female', town: 'la', langs: [['ps', 'yusufzai', 'native'], ['ur', '', 'B2']], quals: ['basic_training'], modes: ['phone', 'video'] },
  { first: 'Senait', last: 'Tesfay', gender: 'female', town: 'bs', langs: [['ti', '', 'native'], ['am', '', 'C1']], quals: ['basic_training', 'health'] },
  { first: 'Yonas', last: 'Gebremedhin', gender: 'male', town: 'md', langs: [['ti', '', 'native'], ['ar', 'sudanese', 'B2']], quals: ['basic_training'] },
  { first: 'Hodan', last: 'Warsame', gender: 'female', town: 'bs', langs: [['so', '', 'native'], ['en', '', 'C1']], quals: ['basic_training', 'school'] },
  { first: 'Olena', last: 'Kovalenko', gender: 'female', town: 'bs', langs: [['uk', '', 'native'], ['ru', '', 'native']], quals: ['basic_training', 'school', 'health'] },
  { first: 'Taras', last: 'Shevchuk', gender: 'male', town: 'nh', langs: [['uk', '', 'native'], ['pl', '', 'B2']], quals: ['basic_training'] },
  { first: 'Iryna', last: 'Bondarenko', gender: 'female', town: 'md', langs: [['uk', '', 'native'], ['ru', '', 'C2']], quals: ['basic_training', 'psychosocial'], policeDays: 12 },
  { first: 'Natalia', last: 'Smirnova', gender: 'female', town: 'la', langs: [['ru', '', 'native'], ['uk', '', 'B2']], quals: ['basic_training', 'authority'] },
  { first: 'Emre', last: 'Şahin', gender: 'male', town: 'bs', langs: [['tr', '', 'native'], ['en', '', 'B2']], quals: ['basic_training'] },
  { first: 'Ayşe', last: 'Öztürk', gender: 'female', town: 'md', langs: [['tr', '', 'native']], quals: ['basic_training', 'health'], paid: false },
  { first: 'Arben', last: 'Krasniqi', gender: 'male', town: 'bs', langs: [['sq', '', 'native'], ['sr', '', 'C1']], quals: ['basic_training'] },
  { first: 'Elena', last: 'Popescu', gender: 'female', town: 'nh', langs: [['ro', '', 'native'], ['bg', '', 'B2']], quals: ['basic_training'] },
  { first: 'Nino', last: 'Beridze', gender: 'female', town: 'bs', langs: [['ka', '', 'native'], ['ru', '', 'C1']], quals: ['basic_training'], modes: ['phone', 'video'] },
  { first: 'Aminata', last: 'Diallo', gender: 'female', town: 'la', langs: [['fr', '', 'native'], ['ff', '', 'native'], ['wo', '', 'C1']], quals: ['basic_training'] },
  { first: 'Chinedu', last: 'Okafor', gender: 'male', town: 'bs', langs: [['en', '', 'native'], ['ig', '', 'native']], quals: ['basic_training'] },
  { first: 'Ali', last: 'Reza', gender: 'male', town: 'md', langs: [['ur', '', 'native'], ['hi', '', 'C1'], ['en', '', 'C1']], quals: ['basic_training', 'sworn_interpreter'], status: 'paused' },
  { first: 'Lina', last: 'Nasser', gender: 'female', town: 'bs', langs: [['ar', 'levantine', 'native'], ['en', '', 'B2']], status: 'applied', confidentialityDays: 0, policeDays: 0 },
  { first: 'Reza', last: 'Karimi', gender: 'male', town: 'nh', langs: [['fa', '', 'native']], status: 'applied', confidentialityDays: 0, policeDays: 0 },
];

type DemoAgency = { key: string; name: string; kind: AgencyKind; town: Town; street: string; contact: string; position: string; status?: 'pending' | 'approved' };

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'gsn', name: 'Grundschule Nord Beispielstadt', kind: 'school', town: 'bs', street: 'Schulstraße 12', contact: 'Frau Brandt', position: 'Schulleitung' },
  { key: 'kita', name: 'Kita Regenbogen Musterdorf', kind: 'day_care', town: 'md', street: 'Lindenweg 4', contact: 'Herr Petersen', position: 'Kita-Leitung' },
  { key: 'jc', name: 'Jobcenter Landkreis Beispiel', kind: 'jobcenter', town: 'bs', street: 'Bahnhofstraße 20', contact: 'Frau Yilmaz-Becker', position: 'Teamleitung Integration' },
  { key: 'abh', name: 'Ausländerbehörde Landkreis Beispiel', kind: 'authority', town: 'bs', street: 'Musterstraße 1', contact: 'Herr Schulte', position: 'Sachgebietsleitung' },
  { key: 'kh', name: 'Kreiskrankenhaus Beispielstadt', kind: 'health', town: 'bs', street: 'Klinikweg 2', contact: 'Frau Dr. Lorenz', position: 'Sozialdienst' },
  { key: 'psz', name: 'Psychosoziales Zentrum für Geflüchtete', kind: 'psychosocial', town: 'nh', street: 'Am Markt 7', contact: 'Frau Wagner', position: 'Beratung' },
  { key: 'mbe', name: 'Migrationsberatung Caritas Lindenau', kind: 'counselling', town: 'la', street: 'Kirchplatz 3', contact: 'Herr Nowak', position: 'Migrationsberatung' },
  { key: 'gs2', name: 'Gesamtschule Neuhausen', kind: 'school', town: 'nh', street: 'Schulzentrum 1', contact: 'Frau Kaiser', position: 'Schulsozialarbeit', status: 'pending' },
];

/** A local date "YYYY-MM-DD" `days` from `now` (Berlin calendar). */
function localDate(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: TZ });
}
const weekdayOf = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
/** The next weekday (Mon–Fri) on or after `days` from now. */
function workdayFrom(now: Date, days: number): string {
  let d = days;
  while (weekdayOf(localDate(now, d)) > 5) d += 1;
  return localDate(now, d);
}
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const tokenHash = () => createHash('sha256').update(randomBytes(32)).digest('base64url');

/** A deterministic pseudo-random sequence, so the demo looks the same on every start. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

type SeedResult = { mediators: number; languages: number; agencies: number; requests: number; demoEmails: { coordinator: string; mediator: string; agency: string } };

/**
 * Seeds the pool into `regionId`. `accounts` links the demo logins: the mediator account to Dilan, the agency
 * account to the primary school's contact.
 */
export async function seedDemoSprachpool(db: Db, regionId: string, opts: { mediatorAccountId?: string | null; agencyAccountId?: string | null; agencyEmail: string; mediatorEmail: string; now?: Date }): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const rand = sequence(42);
  const mediatorIds: { id: string; m: DemoMediator }[] = [];
  for (const [i, m] of DEMO_MEDIATORS.entries()) {
    const town = TOWNS[m.town];
    const isDilan = i === 0;
    const status = m.status ?? 'active';
    const [row] = await db
      .insert(mediators)
      .values({
        regionId,
        accountId: isDilan ? (opts.mediatorAccountId ?? null) : null,
        status,
        firstName: m.first,
        lastName: m.last,
        email: isDilan ? opts.mediatorEmail : `${m.first}.${m.last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@mail.example',
        phone: `+49 170 55${String(100 + i).padStart(3, '0')}${String(10 + i)}`,
        gender: m.gender,
        germanLevel: m.langs.some(([l]) => l === 'de') ? 'native' : i % 3 === 0 ? 'C2' : 'C1',
        modes: m.modes ?? ['on_site', 'phone'],
        postalCode: town.postalCode,
        city: town.city,
        lat: town.lat + (rand() - 0.5) * 0.02,
        lon: town.lon + (rand() - 0.5) * 0.02,
        maxTravelKm: m.travel ?? 25,
        qualificationKinds: m.quals ?? [],
        qualifications: (m.quals ?? []).map((kind, k) => ({ kind, title: '', date: localDate(now, -400 - 90 * k) })),
        confidentialitySignedOn: m.confidentialityDays === 0 ? null : localDate(now, (m.confidentialityDays ?? 365) - 730),
        confidentialityExpiresOn: m.confidentialityDays === 0 ? null : localDate(now, m.confidentialityDays ?? 365 + i * 7),
        policeClearanceIssuedOn: m.policeDays === 0 ? null : localDate(now, (m.policeDays ?? 500) - 1095),
        policeClearanceExpiresOn: m.policeDays === 0 ? null : localDate(now, m.policeDays ?? 500 + i * 5),
        paid: m.paid ?? true,
        motivation: status === 'applied' ? 'Ich habe selbst erlebt, wie schwer die ersten Termine ohne Sprache sind, und möchte helfen.' : '',
        consentAt: new Date(now.getTime() - (400 - i) * 86_400_000),
        language: 'de',
        approvedAt: status === 'applied' ? null : new Date(now.getTime() - (380 - i) * 86_400_000),
        createdAt: new Date(now.getTime() - (400 - i) * 86_400_000),
      })
      .returning({ id: mediators.id });
    if (!row) throw new Error('seed: mediator');
    for (const [language, dialect, level] of m.langs) await db.insert(mediatorLanguages).values({ mediatorId: row.id, regionId, language, dialect, level });
    const weekly = m.weekly ?? { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
    for (const weekday of weekly.days) await db.insert(availability).values({ mediatorId: row.id, weekday, startMinute: minutes(weekly.from), endMinute: minutes(weekly.to) });
    mediatorIds.push({ id: row.id, m });
  }
  // Dilan's holiday in two weeks (journey 5), and Omar's next week.
  const dilan = mediatorIds[0];
  const omar = mediatorIds.find((x) => x.m.first === 'Omar');
  if (dilan) await db.insert(absences).values({ mediatorId: dilan.id, fromDate: localDate(now, 21), toDate: localDate(now, 34), note: 'Urlaub' });
  if (omar) await db.insert(absences).values({ mediatorId: omar.id, fromDate: localDate(now, 5), toDate: localDate(now, 9), note: '' });

  const agencyIds = new Map<string, { id: string; contactId: string; town: Town; street: string; name: string }>();
  for (const [i, a] of DEMO_AGENCIES.entries()) {
    const town = TOWNS[a.town];
    const status = a.status ?? 'approved';
    const [row] = await db
      .insert(agencies)
      .values({
        regionId,
        status,
        name: a.name,
        kind: a.kind,
        street: a.street,
        postalCode: town.postalCode,
        city: town.city,
        lat: town.lat,
        lon: town.lon,
        email: `${a.key}@einrichtung.example`,
        phone: `01234 ${600 + i}-0`,
        billingReference: a.kind === 'school' ? 'Schulträger Landkreis Beispiel, Kostenstelle 4711' : `Rechnungsanschrift: ${a.name}`,
        approvedAt: status === 'approved' ? new Date(now.getTime() - 390 * 86_400_000) : null,
      })
      .returning({ id: agencies.id });
    if (!row) throw new Error('seed: agency');
    const isSchool = a.key === 'gsn';
    const [contact] = await db
      .insert(agencyContacts)
      .values({ agencyId: row.id, accountId: isSchool ? (opts.agencyAccountId ?? null) : null, name: a.contact, email: isSchool ? opts.agencyEmail : `${a.key}.kontakt@einrichtung.example`, phone: `01234 ${600 + i}-12`, position: a.position })
      .returning({ id: agencyContacts.id });
    if (!contact) throw new Error('seed: contact');
    agencyIds.set(a.key, { id: row.id, contactId: contact.id, town: a.town, street: a.street, name: a.name });
  }

  const approvedAgencies = DEMO_AGENCIES.filter((a) => (a.status ?? 'approved') === 'approved').map((a) => a.key);
  const active = mediatorIds.filter((x) => (x.m.status ?? 'active') === 'active');
  const settingOf: Record<string, Setting> = { school: 'school', day_care: 'day_care', jobcenter: 'authority', authority: 'authority', health: 'health', psychosocial: 'psychosocial', counselling: 'counselling' };
  const topicOf: Record<Setting, Topic> = { school: 'parents_meeting', day_care: 'development', authority: 'benefits', health: 'medical', psychosocial: 'counselling', counselling: 'residence', court: 'other', police: 'other', other: 'other' };
  let requestCount = 0;
  const busy = new Map<string, [number, number][]>();
  const free = (mediatorId: string, start: Date, end: Date) => !(busy.get(mediatorId) ?? []).some(([s, e]) => s < end.getTime() && start.getTime() < e);

  type Plan = { agency: string; days: number; time: string; duration: number; mediator?: (typeof active)[number]; language?: string; dialect?: string; status: RequestStatus; mode?: Mode; flags?: RequestFlag[]; notes?: string; timesheet?: 'reported' | 'confirmed' | 'disputed' | 'resolved' | null; late?: boolean; offersTo?: (typeof active)[number][]; reason?: string };
  const insertPlan = async (p: Plan) => {
    const agency = agencyIds.get(p.agency);
    if (!agency) return;
    const kind = DEMO_AGENCIES.find((a) => a.key === p.agency)?.kind ?? 'other';
    const setting = settingOf[kind] ?? 'other';
    const date = p.days < 0 ? localDate(now, p.days) : workdayFrom(now, p.days);
    const startLocal = `${date}T${p.time}`;
    const startsAt = zonedLocalToUtc(startLocal, TZ);
    if (!startsAt) return;
    const endsAt = new Date(startsAt.getTime() + p.duration * 60_000);
    const lang = p.mediator?.m.langs[0] ?? [p.language ?? 'ar', p.dialect ?? '', 'native'];
    const mode = p.mode ?? 'on_site';
    const town = TOWNS[agency.town];
    const createdAt = new Date(Math.min(now.getTime(), startsAt.getTime()) - (8 + Math.floor(rand() * 10)) * 86_400_000);
    const assigned = ['assigned', 'done', 'no_show'].includes(p.status) || (p.status === 'cancelled' && p.mediator);
    const [req] = await db
      .insert(requests)
      .values({
        regionId,
        agencyId: agency.id,
        contactId: agency.contactId,
        status: p.status,
        language: p.language ?? lang[0],
        dialect: p.dialect ?? lang[1],
        mode,
        startLocal,
        startsAt,
        endsAt,
        durationMinutes: p.duration,
        placeName: mode === 'on_site' ? agency.name : '',
        street: mode === 'on_site' ? agency.street : '',
        postalCode: mode === 'on_site' ? town.postalCode : '',
        city: mode === 'on_site' ? town.city : '',
        lat: mode === 'on_site' ? town.lat : null,
        lon: mode === 'on_site' ? town.lon : null,
        joinInfo: mode === 'phone' ? 'Wir rufen Sie unter Ihrer Mobilnummer an.' : mode === 'video' ? 'https://video.example/raum-4711' : '',
        setting,
        topic: topicOf[setting],
        notes: p.notes ?? '',
        onSiteContact: mode === 'on_site' ? 'Sekretariat, Raum 1.12' : '',
        flags: p.flags ?? [],
        rejectReason: p.status === 'rejected' ? (p.reason ?? '') : null,
        cancelledBy: p.status === 'cancelled' ? 'agency' : null,
        cancelReason: p.status === 'cancelled' ? (p.reason ?? 'Termin wurde verschoben.') : null,
        cancelledAt: p.status === 'cancelled' ? new Date(startsAt.getTime() - (p.late ? 5 : 96) * 3_600_000) : null,
        lateCancellation: p.late ?? false,
        approvedAt: p.status === 'requested' || p.status === 'rejected' ? null : new Date(createdAt.getTime() + 86_400_000),
        assignedAt: assigned ? new Date(createdAt.getTime() + (1 + rand() * 3) * 86_400_000) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: requests.id });
    if (!req) return;
    requestCount += 1;
    if (assigned && p.mediator) {
      const [offer] = await db
        .insert(offers)
        .values({ regionId, requestId: req.id, mediatorId: p.mediator.id, status: 'accepted', tokenHash: tokenHash(), expiresAt: startsAt, createdAt: new Date(createdAt.getTime() + 86_400_000), respondedAt: new Date(createdAt.getTime() + 2 * 86_400_000) })
        .returning({ id: offers.id });
      const status = p.status === 'cancelled' ? 'cancelled' : p.status === 'no_show' ? 'no_show' : p.status === 'done' ? 'done' : 'active';
      const [assignment] = await db
        .insert(assignments)
        .values({ regionId, requestId: req.id, mediatorId: p.mediator.id, offerId: offer?.id ?? null, status, startsAt, endsAt, cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - 5 * 3_600_000) : null, createdAt: new Date(createdAt.getTime() + 2 * 86_400_000) })
        .returning({ id: assignments.id });
      if (status === 'active' || status === 'done') busy.set(p.mediator.id, [...(busy.get(p.mediator.id) ?? []), [startsAt.getTime(), endsAt.getTime()]]);
      if (assignment && p.timesheet) {
        const reported = p.duration + (rand() < 0.3 ? 15 : 0);
        const km = mode === 'on_site' ? 4 + Math.floor(rand() * 20) : 0;
        await db.insert(timesheets).values({
          regionId,
          assignmentId: assignment.id,
          mediatorId: p.mediator.id,
          status: p.timesheet,
          minutes: reported,
          travelKm: km,
          transportCents: 0,
          reportedAt: new Date(endsAt.getTime() + 20 * 3_600_000),
          confirmedAt: p.timesheet === 'confirmed' || p.timesheet === 'resolved' ? new Date(endsAt.getTime() + 50 * 3_600_000) : null,
          disputeReason: p.timesheet === 'disputed' || p.timesheet === 'resolved' ? 'Das Gespräch endete nach 60 Minuten.' : null,
          resolvedMinutes: p.timesheet === 'resolved' ? 60 : null,
          resolvedTravelKm: p.timesheet === 'resolved' ? km : null,
          resolvedTransportCents: p.timesheet === 'resolved' ? 0 : null,
          resolutionNote: p.timesheet === 'resolved' ? 'Mit Schule und Sprachmittlerin telefonisch geklärt: 60 Minuten.' : null,
          resolvedAt: p.timesheet === 'resolved' ? new Date(endsAt.getTime() + 80 * 3_600_000) : null,
        });
      }
    }
    for (const m of p.offersTo ?? []) {
      await db.insert(offers).values({ regionId, requestId: req.id, mediatorId: m.id, status: 'open', tokenHash: tokenHash(), expiresAt: new Date(Math.min(startsAt.getTime(), now.getTime() + 40 * 3_600_000)), createdAt: new Date(now.getTime() - 6 * 3_600_000) });
    }
  };

  // Coming requests, one or more in every state (before the history, so that it avoids their times).
  const by = (first: string) => active.find((x) => x.m.first === first);
  /** Days until Thursday of next week (journey 4: "next Thursday", a full week ahead so the lead time is met). */
  const nextThursday = ((4 - weekdayOf(localDate(now, 0)) + 7) % 7) + 7;
  const plans: Plan[] = [
    // Journey 4: the primary school's parents' evening next Thursday, Kurmanji, on site, 90 minutes — waiting for Herr Yılmaz.
    { agency: 'gsn', days: nextThursday, time: '16:00', duration: 90, language: 'kmr', dialect: '', status: 'requested', notes: 'Elternabend der Klasse 2b; mehrere Familien sprechen Kurmandschi.' },
    // … where Berivan is already booked at 16:30 nearby (so the ranking excludes her and says why).
    { agency: 'kita', days: nextThursday, time: '16:30', duration: 60, mediator: by('Berivan'), status: 'assigned' },
    { agency: 'kita', days: 9, time: '09:30', duration: 60, language: 'ar', dialect: 'levantine', status: 'requested' },
    { agency: 'jc', days: 6, time: '10:00', duration: 60, language: 'prs', status: 'approved' },
    { agency: 'kh', days: 7, time: '11:00', duration: 45, language: 'ti', status: 'offered', offersTo: [by('Senait'), by('Yonas')].filter((m) => m !== undefined) },
    { agency: 'abh', days: 8, time: '13:30', duration: 60, language: 'uk', status: 'offered', offersTo: [by('Olena'), by('Taras')].filter((m) => m !== undefined) },
    { agency: 'mbe', days: 10, time: '14:00', duration: 90, language: 'ln', status: 'requested', flags: ['no_speaker'] },
    { agency: 'psz', days: 12, time: '10:00', duration: 90, language: 'fa', status: 'requested', flags: ['personal_data_warning'], notes: 'Folgetermin, Akte 2024-118.' },
    { agency: 'gsn', days: 4, time: '08:00', duration: 60, mediator: by('Dilan'), status: 'assigned' },
    { agency: 'jc', days: 5, time: '09:00', duration: 60, mediator: by('Mohammad'), status: 'assigned', mode: 'phone' },
    { agency: 'kh', days: 6, time: '15:00', duration: 60, mediator: by('Samira'), status: 'assigned' },
    { agency: 'abh', days: 11, time: '10:30', duration: 90, mediator: by('Karwan'), status: 'assigned' },
    { agency: 'kita', days: 13, time: '16:30', duration: 60, mediator: by('Serhat'), status: 'assigned' },
    { agency: 'gsn', days: 14, time: '14:00', duration: 60, language: 'so', status: 'cancelled', reason: 'Die Familie ist umgezogen.' },
    { agency: 'abh', days: 15, time: '09:00', duration: 120, language: 'ar', status: 'rejected', reason: 'Anhörungen im Asylverfahren übernimmt der Pool nicht; bitte eine beeidigte Dolmetscherin beauftragen.' },
    // Journey 5: Dilan's last appointment, hours not yet reported.
    { agency: 'kita', days: -1, time: '10:00', duration: 60, mediator: by('Dilan'), status: 'assigned' },
    // Hours in dispute and one resolved, so the coordinator's hours page has work.
    { agency: 'jc', days: -3, time: '11:00', duration: 90, mediator: by('Karwan'), status: 'done', timesheet: 'disputed' },
    { agency: 'gsn', days: -2, time: '14:00', duration: 60, mediator: by('Hodan'), status: 'done', timesheet: 'reported' },
    { agency: 'kh', days: -20, time: '09:00', duration: 60, mediator: by('Samira'), status: 'done', timesheet: 'resolved' },
  ];
  for (const p of plans) await insertPlan(p);

  // A year of past work: about 3 assignments a week over the languages the pool covers.
  const times = ['08:30', '10:00', '11:30', '14:00', '15:30', '16:30'];
  for (let day = -360; day <= -2; day += 2 + Math.floor(rand() * 2)) {
    const date = localDate(now, day);
    if (weekdayOf(date) > 5) continue;
    const mediator = active[Math.floor(rand() * active.length)];
    const agency = approvedAgencies[Math.floor(rand() * approvedAgencies.length)];
    if (!mediator || !agency) continue;
    const time = times[Math.floor(rand() * times.length)] ?? '10:00';
    const duration = [45, 60, 60, 90, 90, 120][Math.floor(rand() * 6)] ?? 60;
    const startsAt = zonedLocalToUtc(`${date}T${time}`, TZ);
    if (!startsAt || !free(mediator.id, startsAt, new Date(startsAt.getTime() + duration * 60_000))) continue;
    const r = rand();
    const status: RequestStatus = r < 0.82 ? 'done' : r < 0.86 ? 'no_show' : r < 0.94 ? 'cancelled' : 'rejected';
    // Hours of the last weeks are still being confirmed; older ones are confirmed (a few were disputed and resolved).
    const timesheet = status !== 'done' ? null : day > -8 ? 'reported' : day > -15 && rand() < 0.5 ? 'disputed' : rand() < 0.05 ? 'resolved' : 'confirmed';
    await insertPlan({ agency, days: day, time, duration, mediator: status === 'rejected' ? undefined : mediator, ...(status === 'rejected' ? { language: 'ar', reason: 'Für dieses Gespräch ist eine beeidigte Dolmetscherin nötig.' } : {}), status, timesheet, late: status === 'cancelled' && rand() < 0.4, mode: rand() < 0.8 ? 'on_site' : 'phone' });
  }


  await recordAudit(db, { system: 'seed-demo' }, { regionId, action: 'sprachpool.seed', entityType: 'region', entityId: regionId, after: { mediators: mediatorIds.length, agencies: agencyIds.size, requests: requestCount } });
  const languages = new Set(DEMO_MEDIATORS.flatMap((m) => m.langs.map(([l]) => l)));
  return { mediators: mediatorIds.length, languages: languages.size, agencies: agencyIds.size, requests: requestCount, demoEmails: { coordinator: '', mediator: opts.mediatorEmail, agency: opts.agencyEmail } };
}
