/**
 * The services of the demo directory, one entry per service: where it is offered (location keys of places.ts),
 * its categories (codes of the default taxonomy), opening hours, languages and telephone lines. `verified` is how
 * many days before seeding the entry was last confirmed (a few are older than six months, so the reminder shows);
 * `tr` holds English, Arabic and Ukrainian texts for a few services; `outdated` saves the service with a later major
 * revision than its translations, so they show as outdated.
 */
import type { ScheduleInput } from '../../modules/directory/model.js';
import { HOURS, monthly, weekly } from './hours.js';
import type { LocationKey, OrgKey } from './places.js';

export type DemoText = { name: string; description: string };

export type DemoService = {
  key: string;
  org: OrgKey;
  at: LocationKey[];
  cats: string[];
  name: string;
  description: string;
  /** Regular rules; `christmas` / `renovation` add the dated exceptions of hours.ts. */
  hours: ScheduleInput[];
  christmas?: boolean;
  renovation?: boolean;
  languages: string[];
  /** Local numbers (tel() of places.ts) with the languages spoken on the line. */
  phones?: [string, string[]][];
  email?: string;
  url?: string;
  /** A cost (then not free of charge); absent: free. */
  fees?: string;
  eligibility?: string;
  minAge?: number;
  maxAge?: number;
  documents?: string[];
  application?: string;
  interpretation?: string;
  areas?: string[];
  contact?: { name: string; title: string; email?: string };
  verified: number;
  tr?: Partial<Record<'en' | 'ar' | 'uk', DemoText>>;
  outdated?: true;
};

const COUNTY = ['Landkreis Beispiel'];
const PASS_DOCS = ['Reisepass oder Passersatz', 'Aufenthaltstitel oder Ankunftsnachweis'];

export const SERVICES: DemoService[] = [
  // ── Authorities of the county ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'integrationsbuero', org: 'lk', at: ['lra'], cats: ['integration-office'], verified: 20, areas: COUNTY,
    name: 'Integrationsbüro (WIR-Koordination)',
    description: 'Erste Anlaufstelle für Neuzugewanderte und alle, die sie unterstützen: Orientierung, Vermittlung an Beratungsstellen, Koordination der Integrationsarbeit im Landkreis.',
    hours: [weekly('MO,TU,WE,TH', '09:00', '12:00'), weekly('TH', '14:00', '17:00')], christmas: true,
    languages: ['de', 'en', 'ar', 'tr'], phones: [['567-210', ['de', 'en']]], email: 'integration@beispiel.example', url: 'https://www.landkreis-beispiel.example/integration',
    contact: { name: 'Sabine Krüger', title: 'Leitung Integrationsbüro', email: 'integration@beispiel.example' },
    tr: {
      en: { name: 'Integration office', description: 'First point of contact for newcomers and everyone who supports them: orientation, referral to counselling services, coordination of integration work in the county.' },
      ar: { name: 'مكتب الاندماج', description: 'نقطة الاتصال الأولى للقادمين الجدد ولكل من يدعمهم: توجيه وإحالة إلى مراكز الاستشارة وتنسيق أعمال الاندماج في المقاطعة.' },
      uk: { name: 'Бюро з питань інтеграції', description: 'Перше контактне місце для новоприбулих і всіх, хто їх підтримує: орієнтація, скерування до консультацій, координація інтеграційної роботи в районі.' },
    },
  },
  {
    key: 'auslaenderbehoerde', org: 'lk', at: ['lraB'], cats: ['immigration-office'], verified: 45, areas: COUNTY, outdated: true,
    name: 'Ausländerbehörde',
    description: 'Aufenthaltstitel, Verlängerungen, Niederlassungserlaubnis, Familiennachzug und Arbeitserlaubnis. Vorsprache nur mit Termin; Termine online oder telefonisch.',
    hours: [weekly('MO,TU,WE,TH,FR', '08:00', '12:00', 'nur mit Termin'), weekly('TH', '14:00', '18:00', 'nur mit Termin')], christmas: true,
    languages: ['de', 'en'], phones: [['567-300', ['de', 'en']]], email: 'auslaenderbehoerde@beispiel.example', url: 'https://www.landkreis-beispiel.example/auslaenderbehoerde',
    documents: [...PASS_DOCS, 'Biometrisches Passfoto', 'Meldebescheinigung', 'Nachweis über Einkommen und Krankenversicherung'],
    application: 'Termin online buchen oder anrufen; Unterlagen vollständig mitbringen.', interpretation: 'Sprachmittlung über den Sprachpool des Landkreises möglich.',
    tr: {
      en: { name: 'Immigration office', description: 'Residence permits, extensions, settlement permits, family reunification and work permits. Visits by appointment only.' },
      ar: { name: 'دائرة شؤون الأجانب', description: 'تصاريح الإقامة وتمديدها والإقامة الدائمة ولمّ شمل الأسرة وتصاريح العمل. المراجعة بموعد فقط.' },
      uk: { name: 'Відомство у справах іноземців', description: 'Дозволи на проживання, продовження, дозвіл на постійне проживання, возз’єднання сім’ї та дозволи на роботу. Прийом лише за записом.' },
    },
  },
  {
    key: 'einbuergerung', org: 'lk', at: ['lraB'], cats: ['immigration-office'], verified: 130, areas: COUNTY,
    name: 'Einbürgerungsberatung', description: 'Beratung zu Voraussetzungen, Einbürgerungstest und Antrag auf die deutsche Staatsangehörigkeit.',
    hours: [weekly('WE', '09:00', '12:00')], languages: ['de', 'en'], phones: [['567-310', ['de']]], email: 'einbuergerung@beispiel.example',
    documents: ['Reisepass', 'Aufenthaltstitel', 'Nachweis Deutschkenntnisse (B1)', 'Einbürgerungstest oder Orientierungskurs'], fees: 'Gebühr für den Antrag: 255 € für Erwachsene, 51 € für mitgebürgerte Kinder; die Beratung ist kostenlos.',
  },
  {
    key: 'sprachpool', org: 'lk', at: ['lra'], cats: ['language-mediation'], verified: 12, areas: COUNTY,
    name: 'Sprachpool des Landkreises – Sprachmittlung',
    description: 'Geschulte ehrenamtliche Sprachmittlerinnen und Sprachmittler begleiten zu Gesprächen in Schule, Kita, Ämtern und Beratungsstellen. Anfrage mindestens drei Werktage vorher.',
    hours: [weekly('MO,TU,WE,TH', '09:00', '12:00')],
    languages: ['de', 'ar', 'fa', 'ps', 'tr', 'ku', 'ru', 'uk', 'ti', 'so', 'fr', 'en', 'ro', 'bg'], phones: [['567-240', ['de', 'en']]], email: 'sprachpool@beispiel.example',
    application: 'Anfrage per Formular oder Telefon durch die Einrichtung, die das Gespräch führt.', eligibility: 'Für Gespräche mit öffentlichen Stellen, Schulen, Kitas und Beratungsstellen im Landkreis.',
    tr: {
      en: { name: 'County language mediator pool', description: 'Trained volunteer language mediators accompany conversations at schools, day care, public offices and counselling services. Request at least three working days in advance.' },
      ar: { name: 'مجمع الوسطاء اللغويين في المقاطعة', description: 'وسطاء لغويون متطوعون ومدرَّبون يرافقون المحادثات في المدرسة والحضانة والدوائر ومراكز الاستشارة. يُطلب قبل ثلاثة أيام عمل على الأقل.' },
      uk: { name: 'Пул мовних посередників району', description: 'Підготовлені волонтери-мовні посередники супроводжують розмови в школі, дитсадку, установах і консультаціях. Запит щонайменше за три робочі дні.' },
    },
  },
  {
    key: 'sprachmittler-werden', org: 'lk', at: ['lra'], cats: ['language-mediation', 'volunteering'], verified: 60,
    name: 'Infoabend: Sprachmittlerin oder Sprachmittler werden', description: 'Jeden ersten Mittwoch im Monat: wie die Schulung abläuft, was Sprachmittlung bedeutet und wie der Einsatz vergütet wird.',
    hours: [monthly('1WE', '17:00', '18:30', 'jeden 1. Mittwoch im Monat')], languages: ['de'], phones: [['567-240', ['de']]], email: 'sprachpool@beispiel.example',
    eligibility: 'Sehr gute Deutschkenntnisse (mindestens B2) und eine weitere Sprache auf muttersprachlichem Niveau.',
  },
  {
    key: 'fachdienst-wohnen', org: 'lk', at: ['lra'], cats: ['housing'], verified: 200, areas: COUNTY,
    name: 'Fachdienst Wohnen', description: 'Wohnberechtigungsschein, Wohngeld, Hilfe bei drohendem Wohnungsverlust und Unterbringung von Geflüchteten.',
    hours: HOURS.office, christmas: true, languages: ['de', 'en'], phones: [['567-900', ['de']]], email: 'wohnen@beispiel.example',
    documents: ['Personalausweis oder Pass', 'Mietvertrag', 'Einkommensnachweise der letzten drei Monate'],
  },
  {
    key: 'kita-servicestelle', org: 'lk', at: ['lra'], cats: ['child-care'], verified: 75, areas: COUNTY,
    name: 'Kita-Servicestelle des Jugendamts', description: 'Hilfe bei der Suche nach einem Platz in Kita oder Kindertagespflege und bei der Anmeldung im Online-Portal.',
    hours: [weekly('MO,TH', '09:00', '12:00', 'Hilfe bei der Anmeldung')], languages: ['de', 'en', 'ar'], phones: [['567-350', ['de', 'en']]], email: 'kita@beispiel.example',
    documents: ['Geburtsurkunde des Kindes', 'Nachweis der Masern-Impfung', 'Meldebescheinigung'], maxAge: 6,
  },
  {
    key: 'impfberatung', org: 'lk', at: ['ga'], cats: ['health-office'], verified: 95,
    name: 'Gesundheitsamt: Impfberatung und Impfsprechstunde', description: 'Beratung zu Impfungen, Prüfung des Impfausweises, Masern-Impfnachweis für Kita und Schule, Impfungen für Menschen ohne Krankenversicherung.',
    hours: [weekly('TU', '08:00', '12:00'), weekly('TH', '14:00', '17:00')], languages: ['de', 'en', 'ru'], phones: [['567-800', ['de', 'en']]], email: 'gesundheitsamt@beispiel.example',
  },
  {
    key: 'schwangerenberatung', org: 'lk', at: ['ga'], cats: ['family-counselling', 'women-counselling'], verified: 150,
    name: 'Schwangerenberatung', description: 'Vertrauliche Beratung in der Schwangerschaft, Hilfe bei Anträgen (Elterngeld, Stiftung Mutter und Kind), Schwangerschaftskonfliktberatung.',
    hours: HOURS.counselling, languages: ['de', 'en', 'ar', 'fa'], phones: [['567-820', ['de', 'en']]], email: 'schwangerenberatung@beispiel.example', interpretation: 'Sprachmittlung auf Wunsch, auch per Video.',
  },
  {
    key: 'sozialpsychiatrie', org: 'lk', at: ['ga'], cats: ['psychosocial'], verified: 240,
    name: 'Sozialpsychiatrischer Dienst', description: 'Hilfe für Menschen in seelischen Krisen und ihre Angehörigen; Hausbesuche möglich.',
    hours: HOURS.office, languages: ['de', 'en'], phones: [['567-830', ['de']]], email: 'spdi@beispiel.example',
  },
  {
    key: 'schulamt-seiteneinstieg', org: 'schulamt', at: ['schulamt'], cats: ['schools'], verified: 110, areas: COUNTY,
    name: 'Beratung Seiteneinstieg Schule', description: 'Für neu zugezogene Kinder und Jugendliche im Schulalter: Beratung, Sprachstandsfeststellung und Vermittlung eines Schulplatzes.',
    hours: [weekly('MO,WE', '08:30', '12:00')], languages: ['de', 'en', 'ar', 'uk'], phones: [['567-360', ['de', 'en']]], email: 'schulamt@beispiel.example', minAge: 6, maxAge: 18,
    documents: ['Meldebescheinigung', 'Zeugnisse aus dem Herkunftsland (wenn vorhanden)', 'Impfausweis'],
  },
  // ── Towns ────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'buergerbuero', org: 'stadt', at: ['rathaus'], cats: ['registration-office'], verified: 30,
    name: 'Bürgerbüro Beispielstadt', description: 'An- und Ummeldung, Meldebescheinigung, Personalausweis, Führungszeugnis.',
    hours: [weekly('MO,TU,WE,TH,FR', '08:00', '12:00'), weekly('TU', '14:00', '18:00')], christmas: true,
    languages: ['de', 'en'], phones: [['890-100', ['de']]], email: 'buergerbuero@beispiel.example',
    documents: ['Reisepass oder Personalausweis', 'Wohnungsgeberbestätigung'],
  },
  {
    key: 'buergerbuero-md', org: 'md', at: ['rathausMd'], cats: ['registration-office'], verified: 300,
    name: 'Bürgerbüro Musterdorf', description: 'An- und Ummeldung, Ausweise und Bescheinigungen für die Gemeinde Musterdorf.',
    hours: [weekly('MO,WE,FR', '08:00', '12:00'), weekly('WE', '14:00', '17:00')], languages: ['de'], phones: [['778-100', ['de']]], email: 'buergerbuero@musterdorf.example',
    documents: ['Reisepass oder Personalausweis', 'Wohnungsgeberbestätigung'],
  },
  {
    key: 'buecherei', org: 'stadt', at: ['buecherei'], cats: ['meeting-places'], verified: 40,
    name: 'Stadtbücherei: Medien in vielen Sprachen', description: 'Bücher, Filme und Hörbücher in über 20 Sprachen, Lernmaterial für Deutschkurse, zweisprachige Vorlesestunde samstags um 11 Uhr.',
    hours: [weekly('TU,WE,TH,FR', '10:00', '18:00'), weekly('SA', '10:00', '13:00')], christmas: true,
    languages: ['de', 'en', 'ar', 'tr', 'uk'], phones: [['567-550', ['de']]], email: 'buecherei@beispiel.example', fees: 'Leseausweis 12 € im Jahr; für Kinder, Jugendliche und mit Bürgergeld-Bescheid kostenlos.',
  },
  {
    key: 'hausaufgabentreff', org: 'stadt', at: ['buecherei'], cats: ['meeting-places', 'schools'], verified: 55,
    name: 'Hausaufgabentreff in der Stadtbücherei', description: 'Ehrenamtliche helfen Schülerinnen und Schülern bei den Hausaufgaben – ohne Anmeldung.',
    hours: [weekly('MO,TU,WE,TH', '14:00', '16:00')], languages: ['de', 'en', 'ar'], phones: [['567-550', ['de']]], minAge: 6, maxAge: 16,
  },
  {
    key: 'sprachcafe', org: 'stadt', at: ['famz'], cats: ['language-course', 'meeting-places'], verified: 14,
    name: 'Sprachcafé Beispielstadt', description: 'Deutsch sprechen üben bei Kaffee und Tee, ohne Anmeldung und für alle Niveaus. Neu: jeden Mittwoch im Familienzentrum am Lindenplatz.',
    hours: [weekly('WE', '16:00', '18:00')], languages: ['de', 'en', 'ar', 'uk'], email: 'sprachcafe@beispiel.example',
    tr: {
      en: { name: 'Language café Beispielstadt', description: 'Practise speaking German over coffee and tea, no registration, all levels. New: every Wednesday at the family centre on Lindenplatz.' },
      ar: { name: 'مقهى اللغة في بايشبيلشتات', description: 'تدرّب على التحدث بالألمانية مع القهوة والشاي، دون تسجيل ولجميع المستويات. جديد: كل أربعاء في مركز العائلة في ليندنبلاتس.' },
      uk: { name: 'Мовне кафе Байшпільштадт', description: 'Практика розмовної німецької за кавою та чаєм, без реєстрації, для всіх рівнів. Нове: щосереди в сімейному центрі на Лінденплац.' },
    },
  },
  {
    key: 'frauenfruehstueck', org: 'stadt', at: ['famz'], cats: ['meeting-places', 'women-counselling'], verified: 85,
    name: 'Internationales Frauenfrühstück', description: 'Frauen aus vielen Ländern frühstücken zusammen, jeden ersten Mittwoch im Monat; Kinderbetreuung im Nebenraum.',
    hours: [monthly('1WE', '09:30', '11:30', 'jeden 1. Mittwoch im Monat')], languages: ['de', 'ar', 'tr', 'fa', 'uk'], phones: [['567-560', ['de', 'tr']]],
  },
  {
    key: 'jugendhaus', org: 'stadt', at: ['jugendhaus'], cats: ['meeting-places'], verified: 25, renovation: true,
    name: 'Jugendhaus Beispielstadt', description: 'Offener Treff für Jugendliche von 12 bis 21: Billard, Musikraum, Bewerbungshilfe, Ferienprogramm. Wegen Renovierung vorübergehend geschlossen.',
    hours: HOURS.youth, languages: ['de', 'en', 'ar', 'tr'], phones: [['567-390', ['de']]], email: 'jugendhaus@beispiel.example', minAge: 12, maxAge: 21,
  },
  {
    key: 'jugendraum-md', org: 'md', at: ['jugendraumMd'], cats: ['meeting-places'], verified: 190,
    name: 'Jugendraum Musterdorf', description: 'Treffpunkt für Jugendliche mit Kicker, Spielen und Kochabenden.',
    hours: [weekly('TU,TH', '15:00', '19:00')], languages: ['de'], phones: [['778-390', ['de']]], minAge: 12, maxAge: 18,
  },
  {
    key: 'kita-regenbogen', org: 'stadt', at: ['kitaRegenbogen'], cats: ['child-care'], verified: 70, christmas: true,
    name: 'Kita Regenbogen', description: 'Städtische Kita für Kinder von 1 bis 6 Jahren; Erzieherinnen sprechen Arabisch, Türkisch und Englisch; Sprachförderung im Alltag.',
    hours: HOURS.kita, languages: ['de', 'ar', 'tr', 'en'], phones: [['567-370', ['de', 'ar', 'tr']]], email: 'kita-regenbogen@beispielstadt.example', minAge: 1, maxAge: 6,
    fees: 'Elternbeitrag nach Einkommen; die letzten zwei Jahre vor der Schule sind beitragsfrei.',
    application: 'Anmeldung über das Kita-Portal oder die Kita-Servicestelle.',
  },
  {
    key: 'kita-sonnenblume', org: 'stmartin', at: ['kitaSonne'], cats: ['child-care'], verified: 160,
    name: 'Kita Sonnenblume', description: 'Kita mit zwei Gruppen für Kinder ab zwei Jahren; Fachkräfte sprechen Ukrainisch, Russisch und Polnisch.',
    hours: [weekly('MO,TU,WE,TH', '07:15', '16:00'), weekly('FR', '07:15', '14:00')], christmas: true,
    languages: ['de', 'uk', 'ru', 'pl'], phones: [['778-520', ['de', 'uk', 'ru']]], email: 'kita-sonnenblume@st-martin-beispiel.example', minAge: 2, maxAge: 6,
    fees: 'Elternbeitrag nach Einkommen; die letzten zwei Jahre vor der Schule sind beitragsfrei.',
  },
  {
    key: 'gesamtschule', org: 'stadt', at: ['gesamtschule'], cats: ['schools'], verified: 100,
    name: 'Gesamtschule Beispielstadt: Seiteneinsteigerklasse', description: 'Internationale Vorbereitungsklasse für Jugendliche ohne Deutschkenntnisse (Klassen 5–10) mit schrittweisem Wechsel in die Regelklassen.',
    hours: HOURS.schoolOffice, languages: ['de', 'en', 'ar', 'uk'], phones: [['567-740', ['de']]], email: 'sekretariat@gesamtschule-beispielstadt.example', minAge: 10, maxAge: 16,
  },
  {
    key: 'berufskolleg', org: 'lk', at: ['bsz'], cats: ['schools', 'apprenticeship'], verified: 210,
    name: 'Berufskolleg: Internationale Förderklasse', description: 'Deutsch, Mathematik und Berufsorientierung für neu zugewanderte Jugendliche von 16 bis 25; Praktika in Betrieben der Region.',
    hours: HOURS.schoolOffice, languages: ['de', 'en', 'ar', 'fa'], phones: [['567-715', ['de']]], email: 'ifk@bk-beispiel.example', minAge: 16, maxAge: 25,
  },
  {
    key: 'grundschule-md', org: 'md', at: ['grundschuleMd'], cats: ['schools'], verified: 260,
    name: 'Grundschule Musterdorf: Sprachförderung', description: 'Deutsch als Zweitsprache in kleinen Gruppen zusätzlich zum Unterricht; offene Ganztagsschule bis 16 Uhr.',
    hours: HOURS.schoolOffice, languages: ['de', 'uk', 'ru'], phones: [['778-600', ['de']]], email: 'gs-musterdorf@musterdorf.example', minAge: 6, maxAge: 10,
  },
  // ── Migration counselling ────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'mbe-diakonie', org: 'diakonie', at: ['diakonie'], cats: ['migration-counselling'], verified: 35,
    name: 'Migrationsberatung für Erwachsene (MBE)', description: 'Beratung zu Aufenthalt, Integrationskurs, Arbeit, Wohnung, Familie und Gesundheit – vertraulich und kostenlos.',
    hours: HOURS.counselling, christmas: true, languages: ['de', 'en', 'ar', 'fa'], phones: [['567-410', ['de', 'en', 'ar']]], email: 'mbe@beispiel.example',
    eligibility: 'Zugewanderte ab 27 Jahren, in den ersten Jahren nach der Ankunft.', minAge: 27,
    contact: { name: 'Miriam Haddad', title: 'Migrationsberaterin' },
    tr: {
      en: { name: 'Migration counselling for adults (MBE)', description: 'Advice on residence, integration course, work, housing, family and health – confidential and free of charge.' },
      ar: { name: 'استشارة الهجرة للبالغين', description: 'استشارة حول الإقامة ودورة الاندماج والعمل والسكن والأسرة والصحة – بسرية ومجاناً.' },
      uk: { name: 'Міграційна консультація для дорослих', description: 'Консультації щодо перебування, інтеграційного курсу, роботи, житла, сім’ї та здоров’я – конфіденційно та безкоштовно.' },
    },
  },
  {
    key: 'mbe-diakonie-md', org: 'diakonie', at: ['gemeindehausMd'], cats: ['migration-counselling'], verified: 80,
    name: 'Migrationsberatung: Außensprechstunde Musterdorf', description: 'Die Migrationsberatung des Diakonischen Werks kommt nach Musterdorf: am zweiten und vierten Dienstag im Monat.',
    hours: [monthly('2TU,4TU', '10:00', '12:00', 'jeden 2. und 4. Dienstag im Monat')], languages: ['de', 'en', 'ar'], phones: [['567-410', ['de', 'en', 'ar']]], minAge: 27,
  },
  {
    key: 'mbe-stmartin', org: 'stmartin', at: ['stmartin'], cats: ['migration-counselling'], verified: 210,
    name: 'Migrationsberatung für Erwachsene', description: 'Beratung und Begleitung nach der Ankunft: Anträge, Briefe von Ämtern, Sprachkurs, Arbeit und Anerkennung.',
    hours: HOURS.office, christmas: true, languages: ['de', 'ru', 'uk', 'pl', 'en'], phones: [['778-430', ['de', 'ru', 'uk']]], email: 'migration@st-martin-beispiel.example', minAge: 27,
  },
  {
    key: 'mbe-arbeiterhilfe', org: 'awo', at: ['awo'], cats: ['migration-counselling'], verified: 50,
    name: 'Migrationsberatung Neuhausen', description: 'Offene Sprechstunde und Beratung nach Termin für Zugewanderte im Süden des Landkreises.',
    hours: HOURS.twiceWeekly, languages: ['de', 'tr', 'ku', 'ar'], phones: [['612 440', ['de', 'tr', 'ku']]], email: 'migration@arbeiterhilfe-beispiel.example', minAge: 27,
  },
  {
    key: 'fluechtlingsberatung', org: 'stmartin', at: ['stmartin'], cats: ['refugee-counselling'], verified: 65,
    name: 'Flüchtlingsberatung', description: 'Beratung im Asylverfahren, Vorbereitung auf die Anhörung, Hilfe bei Bescheiden und Familienzusammenführung.',
    hours: HOURS.office, languages: ['de', 'ar', 'fa', 'ti', 'en'], phones: [['778-435', ['de', 'ar', 'fa']]], email: 'fluechtlingsberatung@st-martin-beispiel.example',
  },
  {
    key: 'fluechtlingsberatung-nh', org: 'diakonie', at: ['wohnheimNh'], cats: ['refugee-counselling'], verified: 120,
    name: 'Flüchtlingsberatung im Übergangswohnheim Neuhausen', description: 'Sprechstunde vor Ort für Bewohnerinnen und Bewohner und Geflüchtete aus der Umgebung.',
    hours: [weekly('MO,WE', '09:00', '13:00')], languages: ['de', 'ar', 'fa', 'so'], phones: [['612 460', ['de', 'ar']]],
  },
  {
    key: 'jmd', org: 'awo', at: ['beratungshaus'], cats: ['youth-migration-service'], verified: 18,
    name: 'Jugendmigrationsdienst', description: 'Beratung für junge Menschen von 12 bis 27 Jahren mit Migrationsgeschichte: Schule, Ausbildung, Sprache, Aufenthalt und persönliche Fragen.',
    hours: HOURS.office, christmas: true, languages: ['de', 'en', 'ar', 'fa', 'uk'], phones: [['567-420', ['de', 'en']]], email: 'jmd@beispiel.example', minAge: 12, maxAge: 27,
    tr: {
      en: { name: 'Youth migration service', description: 'Counselling for young people aged 12 to 27 with a migration background: school, vocational training, language, residence and personal questions.' },
      ar: { name: 'خدمة هجرة الشباب', description: 'استشارة للشباب من 12 إلى 27 عاماً من أصول مهاجرة: المدرسة والتدريب المهني واللغة والإقامة والأسئلة الشخصية.' },
      uk: { name: 'Молодіжна міграційна служба', description: 'Консультації для молоді від 12 до 27 років з міграційним досвідом: школа, професійне навчання, мова, перебування та особисті питання.' },
    },
  },
  {
    key: 'jmd-bk', org: 'awo', at: ['bsz'], cats: ['youth-migration-service', 'schools'], verified: 90,
    name: 'Jugendmigrationsdienst: Sprechstunde im Berufskolleg', description: 'Jeden Mittwoch im Raum A 012 des Berufsschulzentrums, ohne Termin.',
    hours: [weekly('WE', '10:00', '13:00')], languages: ['de', 'en', 'ar'], phones: [['567-420', ['de', 'en']]], minAge: 16, maxAge: 27,
  },
  {
    key: 'lernpaten', org: 'awo', at: ['beratungshaus'], cats: ['volunteering', 'youth-migration-service'], verified: 140,
    name: 'Lernpatenschaften', description: 'Ehrenamtliche Lernpatinnen und -paten begleiten Schülerinnen und Schüler ab Klasse 5 einmal pro Woche. Wir suchen Kinder und Paten.',
    hours: [weekly('TU', '15:00', '18:00')], languages: ['de'], phones: [['567-425', ['de']]], email: 'lernpaten@beispiel.example',
  },
  // ── Work and recognition ─────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'anerkennung', org: 'anerkennung', at: ['beratungshaus'], cats: ['recognition-counselling'], verified: 28,
    name: 'Anerkennungsberatung', description: 'Welche Stelle ist zuständig, welche Unterlagen brauche ich, was kostet die Anerkennung? Beratung für Abschlüsse aus dem Ausland und zu Anpassungsqualifizierungen.',
    hours: HOURS.counselling, languages: ['de', 'en', 'ar', 'ru', 'uk', 'es'], phones: [['567-620', ['de', 'en', 'ru']]], email: 'anerkennung@beispiel.example',
    documents: ['Abschlusszeugnisse mit Fächer- und Notenübersicht', 'Lebenslauf', 'Nachweise über Berufserfahrung'],
    tr: { en: { name: 'Recognition counselling', description: 'Which authority is responsible, which documents do I need, what does recognition cost? Advice on foreign qualifications and adaptation training.' } },
  },
  {
    key: 'anerkennung-nh', org: 'anerkennung', at: ['bzn'], cats: ['recognition-counselling'], verified: 185,
    name: 'Anerkennungsberatung: Sprechtag Neuhausen', description: 'Am letzten Donnerstag im Monat im Bildungszentrum Neuhausen, mit Termin.',
    hours: [monthly('-1TH', '09:00', '15:00', 'letzter Donnerstag im Monat')], languages: ['de', 'en', 'ar'], phones: [['567-620', ['de', 'en']]],
  },
  {
    key: 'faire-arbeit', org: 'fair', at: ['beratungshaus'], cats: ['job-counselling', 'legal-advice'], verified: 42,
    name: 'Beratungsstelle Faire Arbeit', description: 'Kein Lohn, keine Pause, Kündigung ohne Grund? Arbeitsrechtliche Beratung für Beschäftigte aus dem Ausland, auch anonym.',
    hours: [weekly('TU', '10:00', '13:00'), weekly('TH', '14:00', '18:00')], languages: ['de', 'ro', 'bg', 'pl', 'en', 'ar'], phones: [['567-630', ['de', 'ro', 'bg', 'pl']]], email: 'faire-arbeit@beispiel.example',
  },
  {
    key: 'berufsberatung', org: 'agentur', at: ['agentur'], cats: ['jobcenter', 'job-counselling'], verified: 58,
    name: 'Berufsberatung der Agentur für Arbeit', description: 'Berufsorientierung, Ausbildungs- und Studienwahl, Vermittlung von Ausbildungsplätzen; Termine auch mit Sprachmittlung.',
    hours: [weekly('MO,TU,WE,TH,FR', '08:00', '12:30'), weekly('TH', '14:00', '18:00')], languages: ['de', 'en'], phones: [['567-600', ['de', 'en']]], email: 'beispielstadt.berufsberatung@arbeitsagentur.example',
  },
  {
    key: 'fachkraefte', org: 'agentur', at: ['agentur'], cats: ['jobcenter', 'job-counselling'], verified: 225,
    name: 'Arbeitsvermittlung für internationale Fachkräfte', description: 'Arbeitssuche mit ausländischem Abschluss, Bewerbung in Deutschland, Förderung von Weiterbildung.',
    hours: [weekly('MO,TU,WE,TH,FR', '08:00', '12:30')], languages: ['de', 'en', 'fr'], phones: [['567-605', ['de', 'en', 'fr']]],
    documents: ['Lebenslauf', 'Zeugnisse und Anerkennungsbescheid (wenn vorhanden)'],
  },
  {
    key: 'jobcenter', org: 'jobcenter', at: ['jobcenter'], cats: ['jobcenter'], verified: 33, areas: COUNTY,
    name: 'Jobcenter: Eingangszone und Bürgergeld', description: 'Antrag auf Bürgergeld, Abgabe von Unterlagen, Fragen zum Bescheid.',
    hours: HOURS.authority, christmas: true, languages: ['de', 'en'], phones: [['567-650', ['de', 'en']]], email: 'jobcenter@beispiel.example',
    documents: [...PASS_DOCS, 'Mietvertrag', 'Kontoauszüge der letzten drei Monate', 'Einkommensnachweise'],
  },
  {
    key: 'jobcenter-integration', org: 'jobcenter', at: ['jobcenter'], cats: ['jobcenter', 'job-counselling'], verified: 100,
    name: 'Jobcenter: Team Integration', description: 'Beratung und Vermittlung für Geflüchtete und Zugewanderte: Sprachkurse, Anerkennung, Arbeit und Ausbildung – nach Termin.',
    hours: HOURS.counselling, languages: ['de', 'en', 'ar', 'uk'], phones: [['567-655', ['de', 'en', 'ar', 'uk']]], email: 'integration.jobcenter@beispiel.example',
    tr: { en: { name: 'Jobcenter: integration team', description: 'Counselling and placement for refugees and immigrants: language courses, recognition, work and training – by appointment.' } },
  },
  {
    key: 'jobcenter-nh', org: 'jobcenter', at: ['jobcenterNh'], cats: ['jobcenter'], verified: 170,
    name: 'Jobcenter: Geschäftsstelle Neuhausen', description: 'Außenstelle für die Gemeinden im Süden des Landkreises.',
    hours: [weekly('MO,TU,TH', '08:00', '12:00')], languages: ['de'], phones: [['612 650', ['de']]],
  },
  {
    key: 'ausbildungsberatung', org: 'kammern', at: ['bsz'], cats: ['apprenticeship'], verified: 48,
    name: 'Ausbildungsberatung der Kammern', description: 'Welcher Beruf passt, wo gibt es freie Lehrstellen, wie bewerbe ich mich? Auch zur Ausbildungsduldung.',
    hours: HOURS.twiceWeekly, languages: ['de', 'en'], phones: [['567-710', ['de', 'en']]], email: 'kammer-ausbildung@beispiel.example',
  },
  {
    key: 'ausbildungsbegleitung', org: 'kammern', at: ['bsz'], cats: ['apprenticeship', 'volunteering'], verified: 115,
    name: 'Ausbildungsbegleitung', description: 'Begleitung während der Ausbildung: Nachhilfe für die Berufsschule, Gespräche mit dem Betrieb, ehrenamtliche Mentorinnen und Mentoren.',
    hours: [weekly('MO,WE', '13:00', '17:00')], languages: ['de', 'en', 'ar'], phones: [['567-720', ['de']]], email: 'ausbildungsbegleitung@beispiel.example',
  },
  // ── Language ─────────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'integrationskurs-vhs', org: 'vhs', at: ['vhs'], cats: ['integration-course'], verified: 22, christmas: true,
    name: 'Integrationskurs (allgemein)', description: 'Deutsch bis B1 und Orientierungskurs, vormittags, neue Kurse jeden Monat; Einstufungstest jeden Dienstag.',
    hours: HOURS.courseMorning, languages: ['de'], phones: [['567-500', ['de', 'en']]], email: 'deutsch@beispiel.example', url: 'https://www.vhs-beispiel.example/integrationskurse',
    fees: '2,29 € je Unterrichtsstunde; kostenlos mit Bürgergeld, Asylbewerberleistungen oder Verpflichtung durch die Ausländerbehörde.',
    eligibility: 'Mit Berechtigung oder Verpflichtung des BAMF; andere auf Antrag, wenn Plätze frei sind.', documents: ['Berechtigungsschein oder Verpflichtung', 'Pass oder Ausweis'],
    tr: {
      en: { name: 'Integration course (general)', description: 'German up to B1 plus orientation course, mornings, new courses every month; placement test every Tuesday.' },
      ar: { name: 'دورة الاندماج (عامة)', description: 'الألمانية حتى المستوى B1 ودورة التوجيه، صباحاً، دورات جديدة كل شهر؛ اختبار تحديد المستوى كل ثلاثاء.' },
      uk: { name: 'Інтеграційний курс (загальний)', description: 'Німецька до рівня B1 та орієнтаційний курс, зранку, нові курси щомісяця; тест на рівень щовівторка.' },
    },
  },
  {
    key: 'elternkurs-vhs', org: 'vhs', at: ['famz'], cats: ['integration-course', 'child-care'], verified: 88,
    name: 'Eltern-Integrationskurs mit Kinderbetreuung', description: 'Integrationskurs für Mütter und Väter im Familienzentrum; Kinder unter drei Jahren werden nebenan betreut.',
    hours: [weekly('MO,TU,WE,TH', '09:00', '12:00')], languages: ['de'], phones: [['567-500', ['de']]],
    fees: '2,29 € je Unterrichtsstunde, Befreiung möglich; Kinderbetreuung kostenlos.', eligibility: 'Eltern mit Berechtigung zum Integrationskurs.',
  },
  {
    key: 'alphakurs-vhs', org: 'vhs', at: ['vhs'], cats: ['integration-course'], verified: 250,
    name: 'Integrationskurs mit Alphabetisierung', description: 'Für Menschen, die noch nicht oder nicht in lateinischer Schrift lesen und schreiben können; kleine Gruppen, mehr Unterrichtsstunden.',
    hours: [weekly('MO,TU,WE,TH,FR', '08:30', '12:00')], languages: ['de'], phones: [['567-500', ['de']]],
    fees: '2,29 € je Unterrichtsstunde; Befreiung möglich.',
  },
  {
    key: 'berufssprachkurs', org: 'vhs', at: ['vhs'], cats: ['language-course', 'job-counselling'], verified: 60,
    name: 'Berufssprachkurse (B2, C1, Fachsprache Pflege)', description: 'Deutsch für den Beruf nach dem Integrationskurs; auch in Teilzeit neben der Arbeit. Beratung dienstags.',
    hours: [weekly('TU', '14:00', '17:00', 'Beratung')], languages: ['de', 'en'], phones: [['567-505', ['de', 'en']]], email: 'beruf-deutsch@beispiel.example',
    eligibility: 'Mit Berechtigung des Jobcenters, der Agentur für Arbeit oder des BAMF.',
  },
  {
    key: 'integrationskurs-lingua', org: 'lingua', at: ['lingua'], cats: ['integration-course'], verified: 140,
    name: 'Integrationskurs am Abend', description: 'Integrationskurs für Berufstätige, viermal pro Woche abends.',
    hours: HOURS.courseEvening, christmas: true, languages: ['de', 'en', 'ru'], phones: [['540 210', ['de', 'en', 'ru']]], email: 'kurse@lingua-beispiel.example',
    fees: '2,29 € je Unterrichtsstunde; Selbstzahler 4,58 €.',
  },
  {
    key: 'intensivkurs-lingua', org: 'lingua', at: ['lingua'], cats: ['language-course'], verified: 310,
    name: 'Deutsch-Intensivkurse B2/C1', description: 'Vier Wochen, 20 Stunden pro Woche, Prüfungsvorbereitung telc und Goethe.',
    hours: HOURS.courseMorning, languages: ['de', 'en'], phones: [['540 210', ['de', 'en']]], email: 'kurse@lingua-beispiel.example',
    fees: '390 € je Vierwochenmodul, Prüfungsgebühr extra.',
  },
  {
    key: 'integrationskurs-bzn', org: 'bzn', at: ['bzn'], cats: ['integration-course'], verified: 75, christmas: true,
    name: 'Integrationskurs Neuhausen', description: 'Integrationskurs vormittags mit Kinderbetreuung im Haus.',
    hours: HOURS.courseMorning, languages: ['de'], phones: [['612 400', ['de', 'ar', 'fa']]], email: 'info@bz-neuhausen.example',
    fees: '2,29 € je Unterrichtsstunde; Befreiung möglich.',
  },
  {
    key: 'alltagsdeutsch-bzn', org: 'bzn', at: ['bzn'], cats: ['language-course'], verified: 45,
    name: 'Deutsch für den Alltag', description: 'Ehrenamtlicher Deutschkurs für alle, die (noch) keinen Integrationskurs besuchen können – ohne Voraussetzungen.',
    hours: [weekly('TU,TH', '09:00', '11:30')], languages: ['de', 'ar', 'fa'], phones: [['612 400', ['de']]],
  },
  {
    key: 'sprachcafe-md', org: 'kgmd', at: ['gemeindehausMd'], cats: ['language-course', 'meeting-places'], verified: 95,
    name: 'Sprachcafé Musterdorf', description: 'Deutsch sprechen, Kuchen essen, Leute kennenlernen – am zweiten und vierten Donnerstag im Monat.',
    hours: [monthly('2TH,4TH', '15:00', '17:00', 'jeden 2. und 4. Donnerstag im Monat')], languages: ['de', 'uk', 'ar'], phones: [['778 310', ['de']]],
  },
  // ── Health ───────────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'psz', org: 'psz', at: ['psz'], cats: ['psychosocial'], verified: 38,
    name: 'Psychosoziale Beratung und Therapie', description: 'Für Geflüchtete, die unter belastenden Erlebnissen leiden: Beratung, Psychotherapie, Stabilisierungsgruppen; Gespräche mit Sprachmittlung.',
    hours: HOURS.counselling, christmas: true, languages: ['de', 'en', 'ar', 'fa', 'ku', 'ti', 'uk', 'ru'], phones: [['567-850', ['de', 'en', 'ar']]], email: 'psz@beispiel.example',
    eligibility: 'Geflüchtete und Menschen mit Migrationsgeschichte; eine Krankenversicherung ist nicht nötig.', interpretation: 'Qualifizierte Sprachmittlung in allen Gesprächen, kostenlos.',
    tr: {
      en: { name: 'Psychosocial counselling and therapy', description: 'For refugees suffering from distressing experiences: counselling, psychotherapy, stabilisation groups; sessions with interpreters.' },
      ar: { name: 'الاستشارة النفسية الاجتماعية والعلاج', description: 'للاجئين الذين يعانون من تجارب مؤلمة: استشارة وعلاج نفسي ومجموعات للاستقرار؛ جلسات بمساعدة وسطاء لغويين.' },
      uk: { name: 'Психосоціальне консультування та терапія', description: 'Для біженців, які страждають від важких переживань: консультації, психотерапія, групи стабілізації; розмови з мовним посередником.' },
    },
  },
  {
    key: 'psz-frauengruppe', org: 'psz', at: ['psz'], cats: ['psychosocial', 'women-counselling'], verified: 205,
    name: 'Gruppe „Kraft schöpfen“ für Frauen', description: 'Offene Gruppe für geflüchtete Frauen: Entspannung, Austausch, Informationen zu Gesundheit.',
    hours: [weekly('WE', '10:00', '12:00')], languages: ['ar', 'fa', 'de'], phones: [['567-850', ['de', 'ar', 'fa']]],
  },
  {
    key: 'aydin', org: 'aydin', at: ['aydin'], cats: ['doctors'], verified: 90,
    name: 'Hausärztin – Türkisch, Englisch', description: 'Allgemeinmedizin, Vorsorge, Impfungen, Chronikerprogramme. Neue Patientinnen und Patienten willkommen.',
    hours: HOURS.practice, languages: ['de', 'tr', 'en'], phones: [['530 411', ['de', 'tr']]], email: 'praxis@dr-aydin.example', documents: ['Versichertenkarte der Krankenkasse'],
  },
  {
    key: 'kovalenko', org: 'kovalenko', at: ['kovalenko'], cats: ['doctors'], verified: 55,
    name: 'Hausärztin – Ukrainisch, Russisch', description: 'Hausärztliche Versorgung, Hausbesuche in Lindenau und Umgebung.',
    hours: HOURS.practiceShort, languages: ['de', 'uk', 'ru'], phones: [['695 220', ['de', 'uk', 'ru']]], documents: ['Versichertenkarte der Krankenkasse'],
  },
  {
    key: 'haddad', org: 'haddad', at: ['haddad'], cats: ['doctors'], verified: 120,
    name: 'Kinderarzt – Arabisch, Französisch, Englisch', description: 'Vorsorgeuntersuchungen (U1–J2), Impfungen, Akutsprechstunde jeden Morgen ab 8 Uhr.',
    hours: HOURS.practice, languages: ['de', 'ar', 'fr', 'en'], phones: [['533 870', ['de', 'ar', 'fr']]], email: 'praxis@kinderarzt-haddad.example', maxAge: 17,
  },
  {
    key: 'rahimi', org: 'rahimi', at: ['rahimi'], cats: ['doctors', 'women-counselling'], verified: 230,
    name: 'Frauenärztin – Persisch (Farsi, Dari), Englisch', description: 'Vorsorge, Schwangerenbetreuung, Verhütung; Sprechstunde nur für Frauen.',
    hours: HOURS.practiceShort, languages: ['de', 'fa', 'en'], phones: [['531 560', ['de', 'fa']]], email: 'praxis@frauenarzt-rahimi.example',
  },
  {
    key: 'wolf', org: 'wolf', at: ['wolf'], cats: ['doctors'], verified: 65,
    name: 'Kinderärztin – Russisch, Ukrainisch', description: 'Kinder- und Jugendmedizin in Musterdorf, Vorsorge und Impfungen.',
    hours: HOURS.practiceShort, languages: ['de', 'ru', 'uk', 'en'], phones: [['778 450', ['de', 'ru', 'uk']]], maxAge: 17,
  },
  {
    key: 'kaya', org: 'kaya', at: ['kaya'], cats: ['doctors'], verified: 150,
    name: 'Hausarzt – Türkisch, Kurdisch, Arabisch', description: 'Allgemeinmedizin und Innere Medizin, Ultraschall, Langzeit-EKG.',
    hours: HOURS.practice, languages: ['de', 'tr', 'ku', 'ar'], phones: [['612 780', ['de', 'tr', 'ku']]],
  },
  {
    key: 'notdienstpraxis', org: 'kkh', at: ['kkh'], cats: ['emergency', 'doctors'], verified: 10,
    name: 'Notdienstpraxis am Kreiskrankenhaus', description: 'Ärztlicher Bereitschaftsdienst, wenn die Hausarztpraxis geschlossen ist – ohne Termin. Bundesweit auch unter 116 117. In Lebensgefahr: 112.',
    hours: [weekly('MO,TU,TH', '18:00', '22:00'), weekly('WE,FR', '13:00', '22:00'), weekly('SA,SU', '08:00', '22:00')],
    languages: ['de', 'en'], phones: [['567-998', ['de', 'en']]], documents: ['Versichertenkarte der Krankenkasse'],
  },
  {
    key: 'notaufnahme', org: 'kkh', at: ['kkh'], cats: ['emergency'], verified: 10,
    name: 'Zentrale Notaufnahme', description: 'Rund um die Uhr für Notfälle. In Lebensgefahr sofort 112 anrufen.',
    hours: HOURS.always, languages: ['de', 'en'], phones: [['567-999', ['de', 'en']]],
  },
  // ── Protection and advice ────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'frauenberatung', org: 'frauen', at: ['frauen'], cats: ['women-counselling'], verified: 27,
    name: 'Frauenberatungsstelle', description: 'Beratung bei Gewalt in Partnerschaft und Familie, Zwangsheirat, Trennung und Krisen; anonym und vertraulich.',
    hours: HOURS.office, languages: ['de', 'en', 'tr', 'ar', 'fa'], phones: [['567-870', ['de', 'en', 'tr']]], email: 'beratung@frauen-beispiel.example', minAge: 16,
    eligibility: 'Frauen und Mädchen ab 16 Jahren.',
  },
  {
    key: 'frauenhaus', org: 'frauen', at: [], cats: ['emergency', 'women-counselling'], verified: 15, areas: COUNTY,
    name: 'Frauenhaus: Notruf rund um die Uhr', description: 'Schutz für Frauen und ihre Kinder bei häuslicher Gewalt. Die Adresse ist geheim; rufen Sie an, wir holen Sie ab.',
    hours: HOURS.always, languages: ['de', 'en', 'ar', 'tr', 'ru'], phones: [['567-877', ['de', 'en']]],
    interpretation: 'Telefonische Sprachmittlung in vielen Sprachen.',
    tr: {
      en: { name: "Women's shelter: 24-hour emergency line", description: 'Protection for women and their children from domestic violence. The address is secret; call us and we will pick you up.' },
      ar: { name: 'دار حماية النساء: خط طوارئ على مدار الساعة', description: 'حماية للنساء وأطفالهن من العنف المنزلي. العنوان سري؛ اتصلي بنا وسنأتي لاصطحابك.' },
      uk: { name: 'Жіночий притулок: цілодобова гаряча лінія', description: 'Захист для жінок та їхніх дітей від домашнього насильства. Адреса таємна; зателефонуйте, і ми вас заберемо.' },
    },
  },
  {
    key: 'rechtsberatung-asyl', org: 'bleiberecht', at: ['buergerhausSued'], cats: ['legal-advice', 'refugee-counselling'], verified: 190,
    name: 'Rechtsberatung Asyl- und Aufenthaltsrecht', description: 'Anwältinnen und Anwälte beraten ehrenamtlich am ersten und dritten Montag im Monat; bitte Bescheide mitbringen.',
    hours: [monthly('1MO,3MO', '17:00', '19:00', 'jeden 1. und 3. Montag im Monat')], languages: ['de', 'en', 'fr', 'ar'], email: 'rechtsberatung@bleiberecht-beispiel.example',
    documents: ['Alle Bescheide und Briefe von BAMF, Ausländerbehörde und Gericht'],
  },
  {
    key: 'anwaltliche-erstberatung', org: 'anwaltsverein', at: ['rathaus'], cats: ['legal-advice'], verified: 280,
    name: 'Anwaltliche Erstberatung', description: 'Kurze Erstberatung zu allen Rechtsgebieten, auch Ausländer-, Sozial- und Mietrecht, im Rathaus.',
    hours: [weekly('WE', '16:00', '18:00')], languages: ['de', 'en'], phones: [['590 120', ['de']]],
    fees: '15 € Schutzgebühr; mit Beratungshilfeschein des Amtsgerichts kostenlos.',
  },
  {
    key: 'schuldnerberatung-diakonie', org: 'diakonie', at: ['diakonie'], cats: ['debt-counselling'], verified: 110,
    name: 'Schuldner- und Insolvenzberatung', description: 'Überblick über die Schulden, Verhandlung mit Gläubigern, Pfändungsschutzkonto, Verbraucherinsolvenz.',
    hours: HOURS.counselling, languages: ['de', 'en'], phones: [['567-415', ['de']]], email: 'schuldnerberatung@diakonie-beispiel.example',
    documents: ['Briefe von Gläubigern und Inkassofirmen', 'Einkommensnachweise', 'Kontoauszüge'],
  },
  {
    key: 'schuldnerberatung-arbeiterhilfe', org: 'awo', at: ['awo'], cats: ['debt-counselling'], verified: 205,
    name: 'Schuldnerberatung Neuhausen', description: 'Offene Sprechstunde am Montag, Beratung mit Termin am Mittwochnachmittag; Beratung auf Türkisch möglich.',
    hours: [weekly('MO', '09:00', '12:00'), weekly('WE', '14:00', '17:00')], languages: ['de', 'tr'], phones: [['612 445', ['de', 'tr']]],
  },
  {
    key: 'mieterverein', org: 'mieterverein', at: ['mieterverein'], cats: ['housing', 'legal-advice'], verified: 160,
    name: 'Mieterberatung', description: 'Rechtsberatung für Mitglieder zu Mietvertrag, Nebenkostenabrechnung, Mängeln und Kündigung.',
    hours: [weekly('MO,TH', '16:00', '18:00')], languages: ['de', 'en', 'tr'], phones: [['567-940', ['de']]], email: 'mieterverein@beispiel.example',
    fees: 'Mitgliedsbeitrag 7 € im Monat; Aufnahmegebühr entfällt mit Bürgergeld-Bescheid.',
  },
  {
    key: 'wohnbau', org: 'wohnbau', at: ['wohnbau'], cats: ['housing'], verified: 70,
    name: 'Wohnungsvermietung', description: 'Freie Mietwohnungen, auch mit Wohnberechtigungsschein; Vormerkung für Wohnungssuchende.',
    hours: [weekly('MO,TU,WE,TH', '08:00', '16:00'), weekly('FR', '08:00', '12:00')], languages: ['de', 'en'], phones: [['567-920', ['de']]], email: 'vermietung@beispiel.example',
    documents: ['Einkommensnachweise', 'Wohnberechtigungsschein (wenn vorhanden)'],
  },
  // ── Leisure, meeting people, volunteering ────────────────────────────────────────────────────────────────────
  {
    key: 'sportlotsen', org: 'ksb', at: ['ksb'], cats: ['sports-clubs'], verified: 52,
    name: 'Sport verbindet: Integrationslotsen im Sport', description: 'Lotsinnen und Lotsen finden den passenden Verein, helfen bei der Anmeldung und beim Antrag auf Übernahme der Beiträge (Bildungspaket).',
    hours: HOURS.twiceWeekly, languages: ['de', 'en', 'ar', 'uk'], phones: [['567-450', ['de', 'en']]], email: 'sport@beispiel.example',
  },
  {
    key: 'tus-fussball', org: 'tus', at: ['tus'], cats: ['sports-clubs'], verified: 135,
    name: 'Fußball für alle', description: 'Offenes Training für Jugendliche und Erwachsene; das erste Jahr ist beitragsfrei, Schuhe und Trikots werden gestellt.',
    hours: [weekly('TU,FR', '17:30', '19:00')], languages: ['de', 'en', 'ar'], phones: [['541 898', ['de']]], email: 'info@tus-beispielstadt.example', minAge: 14,
  },
  {
    key: 'schwimmkurs-frauen', org: 'svmd', at: ['hallenbadMd'], cats: ['sports-clubs'], verified: 175,
    name: 'Schwimmkurs für Frauen', description: 'Schwimmen lernen in einer reinen Frauengruppe mit Trainerin; Hallenbad an diesem Termin nur für Frauen.',
    hours: [weekly('SA', '09:00', '10:30')], languages: ['de', 'ar', 'fa'], phones: [['778 921', ['de']]], email: 'schwimmen@sv-musterdorf.example',
    fees: '20 € für zehn Termine; mit Bildungspaket oder Bürgergeld-Bescheid kostenlos.',
  },
  {
    key: 'boxtraining', org: 'box', at: ['box'], cats: ['sports-clubs'], verified: 320,
    name: 'Boxtraining für Jugendliche', description: 'Technik, Kondition, Fairness – kostenloses Probetraining, danach Mitgliedschaft.',
    hours: [weekly('MO,WE', '18:00', '20:00')], languages: ['de', 'tr', 'ru'], phones: [['612 955', ['de']]], minAge: 12, maxAge: 21,
  },
  {
    key: 'dakv', org: 'arab', at: ['arab'], cats: ['migrant-organisations'], verified: 85,
    name: 'Deutsch-Arabischer Kulturverein: Treffpunkt und Arabischunterricht', description: 'Freitags offener Treff mit Hilfe bei Briefen und Anträgen, samstags Arabischunterricht für Kinder.',
    hours: [weekly('FR', '16:00', '20:00', 'offener Treff'), weekly('SA', '10:00', '13:00', 'Arabischunterricht')], languages: ['ar', 'de'], phones: [['536 120', ['ar', 'de']]], email: 'info@dakv-beispiel.example',
  },
  {
    key: 'ukr-verein', org: 'ukr', at: ['lindenauHaus'], cats: ['migrant-organisations', 'meeting-places'], verified: 40,
    name: 'Ukrainischer Verein: Samstagstreff', description: 'Treffpunkt für ukrainische Familien, Beratung durch Ehrenamtliche, Spielgruppe für Kinder.',
    hours: [weekly('SA', '11:00', '15:00')], languages: ['uk', 'ru', 'de'], phones: [['695 300', ['uk', 'ru']]], email: 'hromada@ukr-beispiel.example',
  },
  {
    key: 'tde-elternabend', org: 'tde', at: ['buergerhausSued'], cats: ['migrant-organisations', 'family-counselling'], verified: 265,
    name: 'Elternabend des Türkisch-Deutschen Elternvereins', description: 'Jeden ersten Dienstag im Monat: Informationen zu Schule und Ausbildung, Austausch unter Eltern, auf Deutsch und Türkisch.',
    hours: [monthly('1TU', '18:30', '20:30', 'jeden 1. Dienstag im Monat')], languages: ['tr', 'de'], phones: [['537 440', ['tr', 'de']]],
  },
  {
    key: 'akv', org: 'afg', at: ['afg'], cats: ['migrant-organisations'], verified: 145,
    name: 'Afghanischer Kulturverein: Sonntagstreff', description: 'Familien aus Afghanistan treffen sich, Unterricht in Dari und Paschtu, Hilfe bei Behördengängen.',
    hours: [weekly('SU', '14:00', '18:00')], languages: ['fa', 'ps', 'de'], phones: [['612 510', ['fa', 'ps']]],
  },
  {
    key: 'begegnungscafe-md', org: 'kgmd', at: ['gemeindehausMd'], cats: ['meeting-places'], verified: 60,
    name: 'Begegnungscafé Musterdorf', description: 'Freitagnachmittags Kaffee, Kuchen und Gespräche für Alteingesessene und Neuzugezogene; Kinderecke.',
    hours: [weekly('FR', '15:00', '17:30')], languages: ['de', 'uk', 'ar'], phones: [['778 310', ['de']]],
  },
  {
    key: 'patenschaften', org: 'freiwillig', at: ['buecherei'], cats: ['volunteering'], verified: 34,
    name: 'Patenschaften und Ehrenamt', description: 'Wir vermitteln Patenschaften für Familien, Lernpaten, Begleitung zu Ämtern und Ehrenamt in Vereinen – auch für Neuzugewanderte, die sich engagieren möchten.',
    hours: HOURS.twiceWeekly, languages: ['de', 'en'], phones: [['567-230', ['de', 'en']]], email: 'ehrenamt@beispiel.example',
  },
  {
    key: 'willkommenspaten-md', org: 'kgmd', at: ['gemeindehausMd'], cats: ['volunteering'], verified: 220,
    name: 'Willkommenspaten Musterdorf', description: 'Ehrenamtliche begleiten neue Familien in den ersten Monaten; Treffen der Patinnen und Paten am ersten Donnerstag im Monat.',
    hours: [monthly('1TH', '19:00', '20:30', 'jeden 1. Donnerstag im Monat')], languages: ['de', 'en'], phones: [['778 310', ['de']]],
  },
];
