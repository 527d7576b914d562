/**
 * Demo events of "Landkreis Beispiel": eighteen events across every category, some recurring (a weekly language
 * café, a monthly round table with members, a fortnightly parents' café), some with registration and a full
 * waitlist, one cancelled date, one cancelled event, an online series, and a past dialog forum with published
 * documentation. Written through the events service (saveEvent, register), so occurrences, counts and audit are
 * what an organiser's work would produce. Dates are relative to `now`, so the demo never runs out of events.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dirLocations, dirOrganizations } from '../modules/directory/schema.js';
import { register } from '../modules/events/registration.js';
import { eventTranslations, forumMembers, occurrences } from '../modules/events/schema.js';
import { saveEvent, setOccurrenceStatus, setEventStatus, type EventRow } from '../modules/events/service.js';
import type { EventInput } from '../modules/events/model.js';
import { utcToZonedLocal } from '../platform/time/zoned-time.js';

const TZ = 'Europe/Berlin';
const WEEKDAY = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 0 } as const;

/** The local date ("2026-12-08") of the `nth` coming `weekday` after today (0 = the next one). */
function nextWeekday(now: Date, weekday: keyof typeof WEEKDAY, nth = 0): string {
  const today = utcToZonedLocal(now, TZ).slice(0, 10);
  const d = new Date(`${today}T12:00:00Z`);
  const delta = (WEEKDAY[weekday] - d.getUTCDay() + 7) % 7 || 7;
  return new Date(d.getTime() + (delta + 7 * nth) * 86_400_000).toISOString().slice(0, 10);
}

/** The local date of the `n`th `weekday` (-1 = last) of the month `monthsAhead` months from now's month. */
function nthWeekdayOfMonth(now: Date, monthsAhead: number, weekday: keyof typeof WEEKDAY, n: number): string {
  const today = utcToZonedLocal(now, TZ);
  const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + monthsAhead, 1, 12));
  const firstMatch = 1 + ((WEEKDAY[weekday] - first.getUTCDay() + 7) % 7);
  const day = firstMatch + 7 * (n - 1);
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day, 12)).toISOString().slice(0, 10);
}

function inDays(now: Date, days: number): string {
  const today = utcToZonedLocal(now, TZ).slice(0, 10);
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type DemoEvent = Omit<EventInput, 'locationId'> & {
  key: string;
  place?: string;
  organizer?: string;
  translations?: Partial<Record<'en' | 'ar' | 'uk', { title: string; descriptionHtml: string }>>;
};

const p = (...paragraphs: string[]) => paragraphs.map((t) => `<p>${t}</p>`).join('');

/** The demo events (dates relative to `now`). */
export function demoEvents(now: Date): DemoEvent[] {
  const cafe = nextWeekday(now, 'TU');
  // The round table started three months ago (past dates exist); the info evening and the online hour next month.
  const roundTableStart = nthWeekdayOfMonth(now, -3, 'WE', 2);
  const infoStart = nthWeekdayOfMonth(now, 1, 'TH', 1);
  const onlineStart = nthWeekdayOfMonth(now, 1, 'TU', 3);
  return [
    {
      key: 'sprachcafe',
      title: 'Sprachcafé in der Stadtbücherei',
      descriptionHtml: p(
        'Jeden Dienstag üben wir Deutsch im Gespräch – bei Kaffee, Tee und Gebäck. Ehrenamtliche aus Beispielstadt sind dabei; Anfängerinnen und Anfänger sind genauso willkommen wie Fortgeschrittene.',
        'Kinder können mitkommen: In der Kinderecke liegen Bilderbücher in vielen Sprachen.',
      ),
      category: 'leisure',
      startLocal: `${cafe}T17:00`,
      endLocal: `${cafe}T19:00`,
      recurrence: { freq: 'weekly', endMode: 'never' },
      exdates: [],
      place: 'Stadtbücherei Beispielstadt',
      organizer: 'stadt',
      organizerName: 'Stadtbücherei Beispielstadt und Freiwilligenagentur',
      contactEmail: 'sprachcafe@beispielstadt.example',
      languages: ['de', 'ar', 'uk', 'fa', 'en'],
      accessibility: 'Stufenloser Zugang, Aufzug, barrierefreies WC.',
      translations: {
        en: { title: 'Language café at the town library', descriptionHtml: p('Every Tuesday we practise German in conversation – with coffee, tea and biscuits. Beginners are as welcome as advanced learners.') },
        ar: { title: 'مقهى اللغة في مكتبة المدينة', descriptionHtml: p('كل يوم ثلاثاء نتدرّب على اللغة الألمانية بالمحادثة مع القهوة والشاي والكعك. المبتدئون مرحّب بهم مثل المتقدّمين.') },
        uk: { title: 'Мовне кафе в міській бібліотеці', descriptionHtml: p('Щовівторка ми практикуємо німецьку в розмові – за кавою, чаєм і печивом. Раді і початківцям, і тим, хто вже добре говорить.') },
      },
    },
    {
      key: 'runder-tisch',
      title: 'Runder Tisch Integration im Landkreis',
      descriptionHtml: p(
        'Der Runde Tisch bringt Migrationsberatungen, Sprachkursträger, Jobcenter, Schulen, Vereine und Migrant*innenorganisationen zusammen. Wir tauschen uns über aktuelle Entwicklungen aus und verabreden gemeinsame Schritte.',
        'Gäste sind nach Anmeldung beim Integrationsbüro willkommen.',
      ),
      category: 'round_table',
      startLocal: `${roundTableStart}T16:00`,
      endLocal: `${roundTableStart}T18:00`,
      recurrence: { freq: 'monthly', monthlyMode: 'weekday', setPos: 2, endMode: 'until', until: `${inDays(now, 400)}` },
      place: 'Landratsamt Beispiel',
      organizer: 'lk',
      organizerName: 'Integrationsbüro des Landkreises',
      contactEmail: 'integration@beispiel.example',
      languages: ['de'],
    },
    {
      key: 'dialogforum-zusammenleben',
      title: 'Dialogforum „Zusammenleben in Beispielstadt“',
      descriptionHtml: p(
        'Alteingesessene und Neuzugezogene sprechen über Nachbarschaft, Vereine und Begegnungsorte. Moderation: Integrationsbüro. Sprachmittlung in Arabisch, Ukrainisch und Dari.',
      ),
      category: 'dialog_forum',
      startLocal: `${inDays(now, -18)}T18:00`,
      endLocal: `${inDays(now, -18)}T20:30`,
      place: 'Bürgerhaus Süd',
      organizer: 'lk',
      organizerName: 'Integrationsbüro des Landkreises',
      contactEmail: 'integration@beispiel.example',
      languages: ['de', 'ar', 'uk', 'fa'],
      mediationAvailable: true,
      accessibility: 'Stufenloser Zugang; Induktionsschleife im großen Saal.',
    },
    {
      key: 'dialogforum-wohnen',
      title: 'Dialogforum „Wohnen und Nachbarschaft“',
      descriptionHtml: p('Wie finden neu Zugezogene eine Wohnung, und wie gelingt gute Nachbarschaft? Mit Wohnungsbaugesellschaft, Mieterverein und Hausverwaltungen.'),
      category: 'dialog_forum',
      startLocal: `${inDays(now, 26)}T18:00`,
      endLocal: `${inDays(now, 26)}T20:00`,
      place: 'Bürgerhaus Süd',
      organizer: 'lk',
      organizerName: 'Integrationsbüro des Landkreises',
      contactEmail: 'integration@beispiel.example',
      languages: ['de', 'ar', 'tr'],
      mediationAvailable: true,
      registrationRequired: true,
      capacity: 60,
    },
    {
      key: 'willkommensfest',
      title: 'Willkommensfest im Bürgerhaus Süd',
      descriptionHtml: p(
        'Musik, Essen aus vielen Ländern, Spiele für Kinder – und an Infoständen stellen sich Beratungsstellen, Sportvereine und Sprachkursträger vor.',
        'Bitte melden Sie sich an, damit wir genug Essen vorbereiten.',
      ),
      category: 'welcome',
      startLocal: `${nextWeekday(now, 'SA', 2)}T14:00`,
      endLocal: `${nextWeekday(now, 'SA', 2)}T19:00`,
      place: 'Bürgerhaus Süd',
      organizer: 'lk',
      organizerName: 'Landkreis Beispiel und Stadt Beispielstadt',
      contactEmail: 'integration@beispiel.example',
      languages: ['de', 'ar', 'uk', 'tr', 'fa', 'ru'],
      mediationAvailable: true,
      registrationRequired: true,
      capacity: 150,
      maxPartySize: 8,
      accessibility: 'Stufenloser Zugang, barrierefreies WC, Ruheraum.',
      translations: {
        en: { title: 'Welcome party at Bürgerhaus Süd', descriptionHtml: p('Music, food from many countries, games for children – and counselling services, sports clubs and language schools introduce themselves.') },
        ar: { title: 'حفل ترحيب في البيت المدني الجنوبي', descriptionHtml: p('موسيقى وطعام من بلدان كثيرة وألعاب للأطفال – وتعرّف على مراكز الاستشارة والأندية الرياضية ومدارس اللغة.') },
      },
    },
    {
      key: 'infoabend',
      title: 'Neu im Landkreis – Infoabend für Neuzugewanderte',
      descriptionHtml: p('Wo melde ich mich an, wie finde ich einen Sprachkurs, wer hilft bei Fragen zum Aufenthalt? Das Integrationsbüro erklärt die ersten Schritte und beantwortet Fragen. Sprachmittlerinnen und Sprachmittler übersetzen.'),
      category: 'welcome',
      startLocal: `${infoStart}T17:30`,
      endLocal: `${infoStart}T19:00`,
      recurrence: { freq: 'monthly', monthlyMode: 'weekday', setPos: 1, endMode: 'count', count: 6 },
      place: 'Landratsamt Beispiel',
      organizer: 'lk',
      organizerName: 'Integrationsbüro des Landkreises',
      contactEmail: 'integration@beispiel.example',
      languages: ['de', 'ar', 'uk', 'fa'],
      mediationAvailable: true,
      registrationRequired: true,
      capacity: 25,
      translations: {
        ar: { title: 'جديد في المقاطعة – أمسية معلومات للقادمين الجدد', descriptionHtml: p('أين أسجّل عنواني، كيف أجد دورة لغة، من يساعدني في أسئلة الإقامة؟ يشرح مكتب الاندماج الخطوات الأولى ويجيب عن الأسئلة.') },
        uk: { title: 'Нові в районі – інформаційний вечір для новоприбулих', descriptionHtml: p('Де зареєструватися, як знайти мовний курс, хто допоможе з питаннями перебування? Бюро інтеграції пояснює перші кроки.') },
      },
    },
    {
      key: 'fruehstueck',
      title: 'Unternehmensfrühstück „Fachkräfte aus dem Ausland gewinnen“',
      descriptionHtml: p('Für Betriebe aus dem Landkreis: Wie gelingt die Anerkennung ausländischer Abschlüsse, welche Förderungen gibt es, und was brauchen neue Kolleginnen und Kollegen in den ersten Wochen? Mit Agentur für Arbeit, Kammern und dem Netzwerk Anerkennung.'),
      category: 'company_breakfast',
      startLocal: `${nextWeekday(now, 'WE', 1)}T08:00`,
      endLocal: `${nextWeekday(now, 'WE', 1)}T10:00`,
      place: 'Berufsschulzentrum Beispielstadt',
      organizer: 'kammern',
      organizerName: 'Ausbildungsbüro der Kammern und Integrationsbüro',
      contactEmail: 'kammer-ausbildung@beispiel.example',
      languages: ['de'],
      registrationRequired: true,
      capacity: 30,
      maxPartySize: 3,
    },
    {
      key: 'fortbildung-ikoe',
      title: 'Fortbildung: Interkulturelle Öffnung in der Verwaltung',
      descriptionHtml: p('Zweitägige Fortbildung für Beschäftigte der Kreis- und Gemeindeverwaltungen: Kommunikation mit Sprachmittlung, Leichte Sprache in Bescheiden, Umgang mit Mehrdeutigkeit. Die Plätze sind begrenzt; bei Absagen rücken Personen von der Warteliste nach.'),
      category: 'training',
      startLocal: `${inDays(now, 17)}T09:00`,
      endLocal: `${inDays(now, 17)}T16:00`,
      rdates: [`${inDays(now, 18)}T09:00`],
      place: 'Volkshochschule Beispiel',
      organizer: 'vhs',
      organizerName: 'Volkshochschule Beispiel',
      contactEmail: 'fortbildung@vhs-beispiel.example',
      languages: ['de'],
      registrationRequired: true,
      capacity: 4,
      maxPartySize: 1,
    },
    {
      key: 'workshop-bewerbung',
      title: 'Workshop: Bewerben in Deutschland',
      descriptionHtml: p('Lebenslauf, Anschreiben, Vorstellungsgespräch: Was Betriebe in Deutschland erwarten. Bitte bringen Sie, wenn vorhanden, Ihre Zeugnisse mit. Der Workshop ist ausgebucht – melden Sie sich trotzdem an, Sie kommen auf die Warteliste.'),
      category: 'workshop',
      startLocal: `${nextWeekday(now, 'MO', 1)}T10:00`,
      endLocal: `${nextWeekday(now, 'MO', 1)}T13:00`,
      place: 'Jobcenter Landkreis Beispiel',
      organizer: 'jobcenter',
      organizerName: 'Jobcenter Landkreis Beispiel',
      contactEmail: 'jobcenter@beispiel.example',
      languages: ['de', 'en', 'ar'],
      registrationRequired: true,
      capacity: 6,
      maxPartySize: 1,
    },
    {
      key: 'austausch',
      title: 'Austauschbesuch im Partnerlandkreis Kraków',
      descriptionHtml: p('Eine Delegation aus Verwaltung, Vereinen und Migrant*innenorganisationen besucht Integrationsprojekte im Partnerlandkreis. Programm und Reisekosten auf Anfrage beim Integrationsbüro.'),
      category: 'exchange_visit',
      startLocal: `${inDays(now, 60)}T00:00`,
      endLocal: `${inDays(now, 62)}T00:00`,
      allDay: true,
      placeName: 'Powiat Krakowski',
      city: 'Kraków',
      organizer: 'lk',
      organizerName: 'Integrationsbüro des Landkreises',
      contactEmail: 'integration@beispiel.example',
      languages: ['de', 'pl', 'en'],
    },
    {
      key: 'elterncafe',
      title: 'Elterncafé im Familienzentrum',
      descriptionHtml: p('Eltern treffen Eltern: Fragen zu Kita, Schule und Ausbildung, Austausch in vielen Sprachen. Alle vierzehn Tage freitags; Kinderbetreuung im Nebenraum.'),
      category: 'other',
      startLocal: `${nextWeekday(now, 'FR')}T15:00`,
      endLocal: `${nextWeekday(now, 'FR')}T17:00`,
      recurrence: { freq: 'weekly', interval: 2, endMode: 'until', until: inDays(now, 180) },
      place: 'Familienzentrum Beispielstadt',
      organizer: 'tde',
      organizerName: 'Türkisch-Deutscher Elternverein und Familienzentrum',
      contactEmail: 'eltern@tde-beispiel.example',
      languages: ['de', 'tr', 'ar'],
    },
    {
      key: 'radkurs',
      title: 'Fahrradkurs für Frauen',
      descriptionHtml: p('Sechs Termine, in denen Frauen Radfahren lernen – vom ersten Gleichgewicht bis zur Fahrt im Straßenverkehr. Fahrräder und Helme werden gestellt.'),
      category: 'leisure',
      startLocal: `${nextWeekday(now, 'SA')}T10:00`,
      endLocal: `${nextWeekday(now, 'SA')}T12:00`,
      recurrence: { freq: 'weekly', endMode: 'count', count: 6 },
      place: 'Sportpark TuS Beispielstadt',
      organizer: 'ksb',
      organizerName: 'Kreissportbund Beispiel – Sport verbindet',
      contactEmail: 'sport@beispiel.example',
      languages: ['de', 'ar', 'fa', 'uk'],
      registrationRequired: true,
      capacity: 10,
      maxPartySize: 1,
    },
    {
      key: 'schwimmkurs',
      title: 'Schwimmkurs für Erwachsene',
      descriptionHtml: p('Schwimmen lernen in kleinen Gruppen, mit Trainerinnen und Trainern, die Arabisch und Ukrainisch sprechen. Für Frauen gibt es eine eigene Gruppe.'),
      category: 'leisure',
      startLocal: `${nextWeekday(now, 'SU')}T09:00`,
      endLocal: `${nextWeekday(now, 'SU')}T10:00`,
      recurrence: { freq: 'weekly', endMode: 'count', count: 8 },
      place: 'Hallenbad Musterdorf',
      organizer: 'svmd',
      organizerName: 'SV Musterdorf 1921 e. V.',
      contactEmail: 'schwimmen@sv-musterdorf.example',
      languages: ['de', 'ar', 'uk'],
      price: 20,
      costNote: '20 € für acht Termine, mit Bürgergeld oder Leistungen nach dem Asylbewerberleistungsgesetz kostenlos.',
      registrationRequired: true,
      capacity: 12,
      maxPartySize: 2,
    },
    {
      key: 'anerkennung-online',
      title: 'Online-Sprechstunde: Anerkennung ausländischer Abschlüsse',
      descriptionHtml: p('Einmal im Monat beantwortet das Netzwerk Anerkennung Fragen zur Anerkennung von Berufs- und Studienabschlüssen. Sie brauchen nur ein Telefon oder einen Computer mit Internet.'),
      category: 'training',
      startLocal: `${onlineStart}T11:00`,
      endLocal: `${onlineStart}T12:00`,
      recurrence: { freq: 'monthly', monthlyMode: 'weekday', setPos: 3, endMode: 'never' },
      onlineUrl: 'https://meet.beispiel.example/anerkennung',
      organizer: 'anerkennung',
      organizerName: 'Netzwerk Anerkennung und Qualifizierung Beispiel',
      contactEmail: 'anerkennung@beispiel.example',
      languages: ['de', 'en', 'ru', 'uk'],
    },
    {
      key: 'kochabend',
      title: 'Internationaler Kochabend',
      descriptionHtml: p('Wir kochen gemeinsam Gerichte aus Syrien, der Ukraine und Afghanistan und essen zusammen. Bitte bringen Sie eine Schürze mit.'),
      category: 'leisure',
      startLocal: `${nextWeekday(now, 'FR', 2)}T18:00`,
      endLocal: `${nextWeekday(now, 'FR', 2)}T21:00`,
      place: 'Vereinsräume Deutsch-Arabischer Kulturverein',
      organizer: 'arab',
      organizerName: 'Deutsch-Arabischer Kulturverein Beispiel e. V.',
      contactEmail: 'info@dakv-beispiel.example',
      languages: ['de', 'ar', 'uk', 'fa'],
      price: 5,
      costNote: '5 € für Zutaten; Kinder kostenlos.',
      registrationRequired: true,
      capacity: 20,
      maxPartySize: 4,
    },
    {
      key: 'ehrenamtsboerse',
      title: 'Ehrenamtsbörse: Patin oder Pate werden',
      descriptionHtml: p('Vereine und Initiativen stellen Ehrenämter vor – von der Lernpatenschaft bis zur Begleitung zu Behörden. Die Freiwilligenagentur berät vor Ort.'),
      category: 'other',
      startLocal: `${nextWeekday(now, 'TH', 3)}T16:00`,
      endLocal: `${nextWeekday(now, 'TH', 3)}T19:00`,
      place: 'Rathaus Beispielstadt',
      organizer: 'freiwillig',
      organizerName: 'Freiwilligenagentur Beispiel',
      contactEmail: 'ehrenamt@beispiel.example',
      languages: ['de'],
    },
    {
      key: 'sprachmittler-schulung',
      title: 'Schulung für Sprachmittlerinnen und Sprachmittler: Dolmetschen im Gesundheitswesen',
      descriptionHtml: p('Pflichtschulung für Mitglieder des Sprachpools, die in Arztpraxen und im Krankenhaus übersetzen: Schweigepflicht, Fachbegriffe, Umgang mit belastenden Gesprächen.'),
      category: 'training',
      startLocal: `${inDays(now, 33)}T09:30`,
      endLocal: `${inDays(now, 33)}T15:30`,
      place: 'Kreiskrankenhaus Beispielstadt',
      organizer: 'lk',
      organizerName: 'Sprachpool des Landkreises',
      contactEmail: 'sprachpool@beispiel.example',
      languages: ['de'],
      registrationRequired: true,
      capacity: 16,
      maxPartySize: 1,
    },
    {
      key: 'stadtfuehrung',
      title: 'Stadtführung auf Arabisch und Ukrainisch',
      descriptionHtml: p('Ein Rundgang zu Rathaus, Bürgerbüro, Bücherei und Jobcenter – damit Sie die wichtigen Orte kennen. Treffpunkt vor dem Rathaus.'),
      category: 'welcome',
      startLocal: `${nextWeekday(now, 'SA', 1)}T11:00`,
      endLocal: `${nextWeekday(now, 'SA', 1)}T12:30`,
      recurrence: { freq: 'weekly', interval: 2, endMode: 'count', count: 4 },
      place: 'Rathaus Beispielstadt',
      organizer: 'stadt',
      organizerName: 'Stadt Beispielstadt, Bürgerbüro',
      contactEmail: 'stadt@beispielstadt.example',
      languages: ['de', 'ar', 'uk'],
    },
  ];
}

const MINUTES = [
  '<h2>Protokoll</h2>',
  '<p>Anwesend: 34 Personen, davon 12 aus Migrant*innenorganisationen. Sprachmittlung in Arabisch, Ukrainisch und Dari.</p>',
  '<h3>1. Begegnungsorte</h3><p>Viele Neuzugezogene kennen das Bürgerhaus Süd und die Stadtbücherei nicht. Vorschlag: eine Stadtführung in mehreren Sprachen (beschlossen, erste Termine stehen im Kalender).</p>',
  '<h3>2. Vereine</h3><p>Sportvereine berichten von guten Erfahrungen mit Integrationslotsinnen. Der Kreissportbund bietet an, weitere Vereine zu beraten.</p>',
  '<h3>3. Nächste Schritte</h3><ul><li>Mehrsprachige Aushänge im Bürgerhaus (Stadt, bis Ende des Quartals)</li><li>Nächstes Dialogforum zum Thema Wohnen</li></ul>',
].join('');
const AGENDA = '<ol><li>Begrüßung und Vorstellungsrunde</li><li>Begegnungsorte in Beispielstadt</li><li>Vereine und Ehrenamt</li><li>Verabredungen</li></ol>';

const PEOPLE = ['Amal Haddad', 'Olena Kovalenko', 'Reza Ahmadi', 'Fatma Yılmaz', 'Jonas Becker', 'Mariam Noori', 'Svitlana Bondar', 'Yusuf Demir', 'Hana Ali', 'Lukas Schmidt', 'Nour Khalil', 'Iryna Petrenko'];

export type DemoEventsResult = { events: number; occurrences: number; registrations: number };

/** Seeds the demo events into `regionId` (after the directory: places and organisers come from it). */
export async function seedDemoEvents(tx: Db, regionId: string, opts: { now?: Date; baseUrl?: string } = {}): Promise<DemoEventsResult> {
  const now = opts.now ?? new Date();
  const baseUrl = opts.baseUrl ?? 'http://localhost:3000';
  const system = { system: 'seed-demo' };
  const locations = await tx.select({ id: dirLocations.id, name: dirLocations.name }).from(dirLocations).where(eq(dirLocations.regionId, regionId));
  const locationId = new Map(locations.map((l) => [l.name, l.id]));
  const orgs = await tx.select({ id: dirOrganizations.id, email: dirOrganizations.email, name: dirOrganizations.name }).from(dirOrganizations).where(eq(dirOrganizations.regionId, regionId));
  const created = new Map<string, EventRow>();
  let registrationsMade = 0;

  for (const demo of demoEvents(now)) {
    const { key, place, organizer, translations, ...input } = demo;
    void organizer;
    const loc = place ? locationId.get(place) : undefined;
    if (place && !loc) throw new Error(`demo events: unknown place ${place}`);
    const org = orgs.find((o) => o.name === demo.organizerName) ?? null;
    const { event } = await saveEvent(tx, system, {
      regionId,
      now,
      input: { ...input, status: 'published', locationId: loc ?? null, organizerOrganizationId: org?.id ?? null },
    });
    created.set(key, event);
    for (const [language, text] of Object.entries(translations ?? {})) {
      await tx.insert(eventTranslations).values({ regionId, eventId: event.id, language, title: text.title, descriptionHtml: text.descriptionHtml, sourceRevision: event.majorRevision });
    }
  }

  const occ = async (key: string) => {
    const event = created.get(key);
    if (!event) throw new Error(`demo events: ${key} missing`);
    return tx.select().from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(asc(occurrences.startsAt));
  };
  const signUp = async (occurrenceId: string, people: string[], lang = 'de') => {
    for (const [i, name] of people.entries()) {
      const email = `${name.toLowerCase().normalize('NFKD').replace(/[^a-z ]/g, '').replace(/ /g, '.')}@beispiel.example`;
      // One minute apart, in order: the waitlist is first come, first served.
      const at = new Date(now.getTime() - 3_600_000 + registrationsMade * 60_000);
      await register(tx, { regionId, occurrenceId, form: { name, email, language: ['de', 'ar', 'uk', 'fa', 'tr'][i % 5] ?? lang, partySize: 1 }, baseUrl, now: at });
      registrationsMade++;
    }
  };

  // Full with a waitlist: the two-day training (4 places, 6 people) and the application workshop (6 places, 9 people).
  const training = await occ('fortbildung-ikoe');
  if (training[0]) await signUp(training[0].id, PEOPLE.slice(0, 6));
  const workshop = await occ('workshop-bewerbung');
  if (workshop[0]) await signUp(workshop[0].id, PEOPLE.slice(2, 11));
  // Some registrations elsewhere.
  const party = await occ('willkommensfest');
  if (party[0]) await signUp(party[0].id, PEOPLE.slice(0, 5));
  const info = await occ('infoabend');
  if (info[0]) await signUp(info[0].id, PEOPLE.slice(5, 9));

  // One date of the city tour is cancelled (the guide is ill).
  const tour = await occ('stadtfuehrung');
  if (tour[1]) await setOccurrenceStatus(tx, system, { regionId, occurrenceId: tour[1].id, cancel: true, reason: 'Die Stadtführerin ist erkrankt. Der nächste Termin findet statt.', now });

  // The round table: members, and the agenda of its next date.
  const roundTable = created.get('runder-tisch');
  if (roundTable) {
    const members = [
      { name: 'Sabine Krüger', email: 'integration@beispiel.example', role: 'Vorsitz', org: 'Landkreis Beispiel – Kreisverwaltung' },
      { name: 'Thomas Neumann', email: 'info@diakonie-beispiel.example', role: 'Protokoll', org: 'Diakonisches Werk Beispiel' },
      { name: 'Layla Saleh', email: 'info@dakv-beispiel.example', role: '', org: 'Deutsch-Arabischer Kulturverein Beispiel e. V.' },
      { name: 'Oksana Hrytsenko', email: 'hromada@ukr-beispiel.example', role: '', org: 'Ukrainischer Verein Beispiel e. V.' },
      { name: 'Ahmad Rahimi', email: 'info@akv-neuhausen.example', role: '', org: 'Afghanischer Kulturverein Neuhausen e. V.' },
      { name: 'Petra Schulz', email: 'deutsch@beispiel.example', role: '', org: 'Volkshochschule Beispiel' },
      { name: 'Kerstin Vogel', email: 'jobcenter@beispiel.example', role: '', org: 'Jobcenter Landkreis Beispiel' },
    ];
    for (const m of members) {
      const org = orgs.find((o) => o.name === m.org);
      await tx.insert(forumMembers).values({ regionId, eventId: roundTable.id, name: m.name, email: m.email, role: m.role, organizationId: org?.id ?? null, organizationName: org ? '' : m.org });
    }
    const [next] = (await occ('runder-tisch')).filter((o) => o.startsAt > now);
    if (next) await tx.update(occurrences).set({ agendaHtml: AGENDA.replace('Begegnungsorte in Beispielstadt', 'Bericht aus dem Dialogforum „Zusammenleben“') }).where(eq(occurrences.id, next.id));
  }

  // The past dialog forum: agenda, minutes and published documentation.
  const [forumDate] = await occ('dialogforum-zusammenleben');
  if (forumDate) {
    await tx
      .update(occurrences)
      .set({ agendaHtml: AGENDA, minutesHtml: MINUTES, documentationPublishedAt: new Date(forumDate.endsAt.getTime() + 3 * 86_400_000), checkedIn: 34 })
      .where(eq(occurrences.id, forumDate.id));
  }

  // A whole event called off: kept visible as cancelled.
  const fair = created.get('ehrenamtsboerse');
  if (fair) await setEventStatus(tx, system, { regionId, id: fair.id, action: 'cancel', now });

  const all = await tx
    .select({ id: occurrences.id })
    .from(occurrences)
    .where(and(eq(occurrences.regionId, regionId), inArray(occurrences.eventId, [...created.values()].map((e) => e.id))));
  return { events: created.size, occurrences: all.length, registrations: registrationsMade };
}
