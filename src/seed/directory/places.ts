/**
 * Organisations and locations of the demo directory of "Landkreis Beispiel" (fictional). Addresses match the demo
 * guide (src/seed/guide/types.ts ADDR: Musterstraße 1, Kirchgasse 5, Bahnhofstraße 12 … in 12345 Beispielstadt);
 * coordinates lie in one area of NRW around 51.2° N 6.7° E, all within ~10 km of the county seat. Telephone numbers
 * use the guide's area code 01234 (E.164 +491234…); web and mail addresses use the reserved .example domain.
 */

/** "567-410" (a number in the 01234 area, as the guide prints it) → "+491234567410". */
export function tel(local: string): string {
  return `+491234${local.replace(/\D/g, '')}`;
}

export type DemoOrganization = {
  name: string;
  description: string;
  email?: string;
  website?: string;
  phone?: string;
  legalStatus?: string;
};

export const ORGANIZATIONS = {
  lk: { name: 'Landkreis Beispiel – Kreisverwaltung', description: 'Die Kreisverwaltung mit Integrationsbüro, Ausländerbehörde, Gesundheitsamt, Jugendamt und Fachdienst Wohnen.', email: 'info@beispiel.example', website: 'https://www.landkreis-beispiel.example', phone: '567-0', legalStatus: 'Körperschaft des öffentlichen Rechts' },
  stadt: { name: 'Stadt Beispielstadt', description: 'Die Kreisstadt: Bürgerbüro, Stadtbücherei, Familienzentrum, Jugendhaus und städtische Kitas und Schulen.', email: 'stadt@beispielstadt.example', website: 'https://www.beispielstadt.example', phone: '890-0', legalStatus: 'Gemeinde' },
  md: { name: 'Gemeinde Musterdorf', description: 'Gemeindeverwaltung Musterdorf mit Bürgerbüro, Jugendraum und Grundschule.', email: 'gemeinde@musterdorf.example', website: 'https://www.musterdorf.example', phone: '778-0', legalStatus: 'Gemeinde' },
  schulamt: { name: 'Staatliches Schulamt für den Landkreis Beispiel', description: 'Schulaufsicht für Grund- und Förderschulen; berät Familien, die neu zugezogen sind, bei der Schulanmeldung.', email: 'schulamt@beispiel.example', website: 'https://schulamt.beispiel.example', phone: '567-360', legalStatus: 'Landesbehörde' },
  diakonie: { name: 'Diakonisches Werk Beispiel', description: 'Evangelischer Wohlfahrtsverband: Migrationsberatung, Flüchtlingsberatung, Schuldnerberatung.', email: 'info@diakonie-beispiel.example', website: 'https://www.diakonie-beispiel.example', phone: '567-400', legalStatus: 'eingetragener Verein' },
  stmartin: { name: 'Sozialdienst St. Martin e. V.', description: 'Katholischer Wohlfahrtsverband im Landkreis Beispiel: Migrationsberatung, Flüchtlingsberatung und Kindertagesstätten.', email: 'kontakt@st-martin-beispiel.example', website: 'https://www.st-martin-beispiel.example', phone: '567-430', legalStatus: 'eingetragener Verein' },
  awo: { name: 'Arbeiterhilfe Kreis Beispiel e. V.', description: 'Freier Wohlfahrtsverband: Jugendmigrationsdienst, Migrationsberatung und Schuldnerberatung.', email: 'info@arbeiterhilfe-beispiel.example', website: 'https://www.arbeiterhilfe-beispiel.example', phone: '567-440', legalStatus: 'eingetragener Verein' },
  vhs: { name: 'Volkshochschule Beispiel', description: 'Weiterbildung für den ganzen Landkreis; zugelassener Träger für Integrationskurse und Berufssprachkurse.', email: 'deutsch@beispiel.example', website: 'https://www.vhs-beispiel.example', phone: '567-500', legalStatus: 'Zweckverband' },
  lingua: { name: 'Sprachinstitut Lingua Beispiel GmbH', description: 'Private Sprachschule mit Integrationskursen am Abend und Intensivkursen bis C1.', email: 'kurse@lingua-beispiel.example', website: 'https://www.lingua-beispiel.example', phone: '540 210', legalStatus: 'GmbH' },
  bzn: { name: 'Bildungszentrum Neuhausen gGmbH', description: 'Bildungsträger im Süden des Landkreises: Integrationskurse, Alltagsdeutsch, Beratungstage.', email: 'info@bz-neuhausen.example', website: 'https://www.bz-neuhausen.example', phone: '612 400', legalStatus: 'gGmbH' },
  kgmd: { name: 'Evangelische Kirchengemeinde Musterdorf', description: 'Kirchengemeinde mit Sprachcafé, Begegnungscafé und Willkommenspaten im Gemeindehaus.', email: 'gemeindehaus@kirche-musterdorf.example', website: 'https://www.kirche-musterdorf.example', phone: '778 310' },
  agentur: { name: 'Agentur für Arbeit Beispielstadt', description: 'Berufsberatung, Arbeitsvermittlung und Arbeitslosengeld; Beratung für internationale Fachkräfte.', email: 'beispielstadt@arbeitsagentur.example', website: 'https://www.arbeitsagentur.example/beispielstadt', phone: '567-600', legalStatus: 'Bundesbehörde' },
  jobcenter: { name: 'Jobcenter Landkreis Beispiel', description: 'Bürgergeld, Vermittlung in Arbeit und Ausbildung, Förderung von Sprachkursen.', email: 'jobcenter@beispiel.example', website: 'https://www.jobcenter-beispiel.example', phone: '567-650', legalStatus: 'gemeinsame Einrichtung' },
  anerkennung: { name: 'Netzwerk Anerkennung und Qualifizierung Beispiel', description: 'Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse und zu Anpassungsqualifizierungen.', email: 'anerkennung@beispiel.example', website: 'https://www.anerkennung-beispiel.example', phone: '567-620' },
  fair: { name: 'Beratungsnetz Faire Arbeit Beispiel', description: 'Arbeitsrechtliche Beratung für Beschäftigte aus dem Ausland: Lohn, Vertrag, Kündigung, Unterkunft.', email: 'faire-arbeit@beispiel.example', website: 'https://www.faire-arbeit-beispiel.example', phone: '567-630' },
  kammern: { name: 'Ausbildungsbüro der Kammern im Landkreis Beispiel', description: 'Gemeinsames Büro von Handwerkskammer und IHK: Ausbildungsberatung, Lehrstellenbörse, Ausbildungsbegleitung.', email: 'kammer-ausbildung@beispiel.example', website: 'https://www.ausbildung-beispiel.example', phone: '567-710' },
  psz: { name: 'Psychosoziales Zentrum für Geflüchtete Beispiel e. V.', description: 'Beratung, Psychotherapie und Gruppen für Geflüchtete nach belastenden Erlebnissen; mit Sprachmittlung.', email: 'psz@beispiel.example', website: 'https://www.psz-beispiel.example', phone: '567-850', legalStatus: 'eingetragener Verein' },
  frauen: { name: 'Frauen helfen Frauen Beispiel e. V.', description: 'Frauenberatungsstelle und Frauenhaus für den Landkreis Beispiel.', email: 'beratung@frauen-beispiel.example', website: 'https://www.frauen-beispiel.example', phone: '567-870', legalStatus: 'eingetragener Verein' },
  bleiberecht: { name: 'Initiative Bleiberecht Beispiel e. V.', description: 'Ehrenamtliche Initiative mit kostenloser Rechtsberatung im Asyl- und Aufenthaltsrecht durch Anwältinnen und Anwälte.', email: 'rechtsberatung@bleiberecht-beispiel.example', website: 'https://www.bleiberecht-beispiel.example', legalStatus: 'eingetragener Verein' },
  anwaltsverein: { name: 'Anwaltsverein Beispiel e. V.', description: 'Zusammenschluss der Rechtsanwältinnen und Rechtsanwälte im Landkreis; anwaltliche Erstberatung für Bürgerinnen und Bürger.', email: 'info@anwaltsverein-beispiel.example', website: 'https://www.anwaltsverein-beispiel.example', phone: '590 120', legalStatus: 'eingetragener Verein' },
  kkh: { name: 'Kreiskrankenhaus Beispielstadt gGmbH', description: 'Krankenhaus der Grund- und Regelversorgung mit Notaufnahme und Notdienstpraxis der niedergelassenen Ärztinnen und Ärzte.', email: 'info@kkh-beispielstadt.example', website: 'https://www.kkh-beispielstadt.example', phone: '567-999', legalStatus: 'gGmbH' },
  aydin: { name: 'Hausarztpraxis Dr. med. Leyla Aydın', description: 'Allgemeinmedizinische Praxis in der Innenstadt.', email: 'praxis@dr-aydin.example', website: 'https://www.dr-aydin.example', phone: '530 411' },
  kovalenko: { name: 'Praxis Dr. med. Olena Kovalenko', description: 'Hausärztliche Praxis in Lindenau.', email: 'praxis@dr-kovalenko.example', phone: '695 220' },
  haddad: { name: 'Kinder- und Jugendarztpraxis Dr. med. Samir Haddad', description: 'Kinder- und Jugendmedizin, Vorsorgeuntersuchungen und Impfungen.', email: 'praxis@kinderarzt-haddad.example', website: 'https://www.kinderarzt-haddad.example', phone: '533 870' },
  rahimi: { name: 'Frauenarztpraxis Dr. med. Maryam Rahimi', description: 'Frauenheilkunde und Geburtshilfe, Schwangerenvorsorge.', email: 'praxis@frauenarzt-rahimi.example', phone: '531 560' },
  wolf: { name: 'Kinderarztpraxis Dr. med. Natalia Wolf', description: 'Kinder- und Jugendmedizin in Musterdorf.', email: 'praxis@kinderarzt-wolf.example', phone: '778 450' },
  kaya: { name: 'Hausarztpraxis Dr. med. Mehmet Kaya', description: 'Allgemeinmedizin und Innere Medizin in Neuhausen.', email: 'praxis@dr-kaya.example', phone: '612 780' },
  ksb: { name: 'Kreissportbund Beispiel e. V.', description: 'Dachverband der Sportvereine im Landkreis; Programm „Sport verbindet“ mit Integrationslotsinnen und -lotsen.', email: 'sport@beispiel.example', website: 'https://www.ksb-beispiel.example', phone: '567-450', legalStatus: 'eingetragener Verein' },
  tus: { name: 'TuS Beispielstadt 1898 e. V.', description: 'Mehrspartenverein: Fußball, Leichtathletik, Turnen, Tischtennis.', email: 'info@tus-beispielstadt.example', website: 'https://www.tus-beispielstadt.example', phone: '541 898', legalStatus: 'eingetragener Verein' },
  svmd: { name: 'SV Musterdorf 1921 e. V.', description: 'Sportverein mit Schwimmabteilung im Hallenbad Musterdorf.', email: 'schwimmen@sv-musterdorf.example', phone: '778 921', legalStatus: 'eingetragener Verein' },
  box: { name: 'Box- und Fitnessclub Neuhausen e. V.', description: 'Boxen, Kraft- und Fitnesstraining für Jugendliche und Erwachsene.', email: 'training@bfc-neuhausen.example', phone: '612 955', legalStatus: 'eingetragener Verein' },
  arab: { name: 'Deutsch-Arabischer Kulturverein Beispiel e. V.', description: 'Begegnung, Arabischunterricht für Kinder, Feste und Hilfe im Alltag.', email: 'info@dakv-beispiel.example', phone: '536 120', legalStatus: 'eingetragener Verein' },
  ukr: { name: 'Ukrainischer Verein Beispiel e. V.', description: 'Verein von und für Ukrainerinnen und Ukrainer im Landkreis: Treffpunkt, Beratung, Kulturabende.', email: 'hromada@ukr-beispiel.example', phone: '695 300', legalStatus: 'eingetragener Verein' },
  tde: { name: 'Türkisch-Deutscher Elternverein Beispiel e. V.', description: 'Eltern unterstützen Eltern: Schule, Ausbildung, Mehrsprachigkeit.', email: 'eltern@tde-beispiel.example', phone: '537 440', legalStatus: 'eingetragener Verein' },
  afg: { name: 'Afghanischer Kulturverein Neuhausen e. V.', description: 'Treffpunkt für Familien aus Afghanistan, Dari- und Paschtu-Unterricht, Hilfe bei Behördengängen.', email: 'info@akv-neuhausen.example', phone: '612 510', legalStatus: 'eingetragener Verein' },
  freiwillig: { name: 'Freiwilligenagentur Beispiel', description: 'Vermittelt Ehrenamt und Patenschaften im ganzen Landkreis.', email: 'ehrenamt@beispiel.example', website: 'https://www.ehrenamt-beispiel.example', phone: '567-230' },
  mieterverein: { name: 'Mieterverein Beispiel e. V.', description: 'Beratung für Mieterinnen und Mieter: Mietvertrag, Nebenkosten, Mängel, Kündigung.', email: 'mieterverein@beispiel.example', website: 'https://www.mieterverein-beispiel.example', phone: '567-940', legalStatus: 'eingetragener Verein' },
  wohnbau: { name: 'Wohnungsbaugesellschaft Beispiel mbH', description: 'Kommunale Wohnungsgesellschaft mit rund 2.400 Mietwohnungen im Landkreis.', email: 'vermietung@beispiel.example', website: 'https://www.wohnbau-beispiel.example', phone: '567-920', legalStatus: 'GmbH' },
} satisfies Record<string, DemoOrganization>;

export type OrgKey = keyof typeof ORGANIZATIONS;

const TOWNS = {
  bs: { postalCode: '12345', city: 'Beispielstadt' },
  md: { postalCode: '12349', city: 'Musterdorf' },
  nh: { postalCode: '12351', city: 'Neuhausen' },
  la: { postalCode: '12353', city: 'Lindenau' },
} as const;

export type DemoLocation = {
  org: OrgKey;
  name: string;
  street: string;
  town: keyof typeof TOWNS;
  lat: number;
  lon: number;
  wheelchair: boolean;
  languages?: string[];
  transportation?: string;
  accessibility?: string;
};

/** Town → postal code and city of a demo location. */
export function townOf(location: DemoLocation): { postalCode: string; city: string } {
  return TOWNS[location.town];
}

const BUS_CENTRE = 'Bus 1, 3, 5 bis Haltestelle Marktplatz';

export const LOCATIONS = {
  lra: { org: 'lk', name: 'Landratsamt Beispiel', street: 'Musterstraße 1', town: 'bs', lat: 51.2012, lon: 6.7021, wheelchair: true, languages: ['de', 'en'], transportation: 'Bus 1 und 4 bis Haltestelle Landratsamt', accessibility: 'Stufenloser Eingang an der Rückseite, Aufzug, barrierefreies WC im Erdgeschoss' },
  lraB: { org: 'lk', name: 'Landratsamt Beispiel, Haus B', street: 'Musterstraße 3', town: 'bs', lat: 51.2016, lon: 6.7029, wheelchair: true, transportation: 'Bus 1 und 4 bis Haltestelle Landratsamt', accessibility: 'Aufzug; Wartebereich mit Aufrufanzeige' },
  ga: { org: 'lk', name: 'Gesundheitsamt Beispiel', street: 'Musterstraße 5', town: 'bs', lat: 51.2019, lon: 6.7036, wheelchair: true },
  rathaus: { org: 'stadt', name: 'Rathaus Beispielstadt', street: 'Rathausplatz 2', town: 'bs', lat: 51.1996, lon: 6.6985, wheelchair: true, transportation: BUS_CENTRE },
  buecherei: { org: 'stadt', name: 'Stadtbücherei Beispielstadt', street: 'Marktplatz 4', town: 'bs', lat: 51.199, lon: 6.6978, wheelchair: true, transportation: BUS_CENTRE, accessibility: 'Aufzug in alle Etagen' },
  famz: { org: 'stadt', name: 'Familienzentrum Beispielstadt', street: 'Lindenplatz 2', town: 'bs', lat: 51.2042, lon: 6.694, wheelchair: true, languages: ['de', 'ar', 'tr'] },
  jugendhaus: { org: 'stadt', name: 'Jugendhaus Beispielstadt', street: 'Parkstraße 6', town: 'bs', lat: 51.202, lon: 6.689, wheelchair: true },
  gesamtschule: { org: 'stadt', name: 'Gesamtschule Beispielstadt', street: 'Schulstraße 20', town: 'bs', lat: 51.2038, lon: 6.71, wheelchair: true },
  kitaRegenbogen: { org: 'stadt', name: 'Kita Regenbogen', street: 'Am Stadtpark 12', town: 'bs', lat: 51.206, lon: 6.696, wheelchair: true, languages: ['de', 'ar', 'tr', 'en'] },
  buergerhausSued: { org: 'stadt', name: 'Bürgerhaus Süd', street: 'Südring 40', town: 'bs', lat: 51.1905, lon: 6.702, wheelchair: true, transportation: 'Bus 2 bis Haltestelle Südring' },
  rathausMd: { org: 'md', name: 'Rathaus Musterdorf', street: 'Dorfstraße 1', town: 'md', lat: 51.2562, lon: 6.7845, wheelchair: true },
  jugendraumMd: { org: 'md', name: 'Jugendraum Musterdorf', street: 'Dorfstraße 11', town: 'md', lat: 51.2558, lon: 6.7835, wheelchair: false, accessibility: 'Im Obergeschoss, kein Aufzug' },
  grundschuleMd: { org: 'md', name: 'Grundschule Musterdorf', street: 'Schulweg 2', town: 'md', lat: 51.2545, lon: 6.7875, wheelchair: false, accessibility: 'Altbau mit Stufen am Eingang; Unterricht bei Bedarf im Erdgeschoss' },
  schulamt: { org: 'schulamt', name: 'Staatliches Schulamt', street: 'Am Schulberg 1', town: 'bs', lat: 51.2072, lon: 6.7142, wheelchair: true },
  bsz: { org: 'lk', name: 'Berufsschulzentrum Beispielstadt', street: 'Am Schulberg 3', town: 'bs', lat: 51.2075, lon: 6.715, wheelchair: true, transportation: 'Bus 4 bis Haltestelle Schulzentrum' },
  diakonie: { org: 'diakonie', name: 'Diakonisches Werk Beispiel', street: 'Kirchgasse 5', town: 'bs', lat: 51.1984, lon: 6.6962, wheelchair: false, languages: ['de', 'en', 'ar', 'fa'], transportation: BUS_CENTRE, accessibility: 'Drei Stufen am Eingang; Beratung im Gemeindehaus nebenan (stufenlos) nach Absprache' },
  stmartin: { org: 'stmartin', name: 'Haus St. Martin', street: 'Kirchplatz 3', town: 'md', lat: 51.2565, lon: 6.7862, wheelchair: true, languages: ['de', 'ru', 'uk', 'pl'] },
  kitaSonne: { org: 'stmartin', name: 'Kita Sonnenblume', street: 'Schulweg 4', town: 'md', lat: 51.2548, lon: 6.788, wheelchair: true, languages: ['de', 'uk', 'ru', 'pl'] },
  awo: { org: 'awo', name: 'Arbeiterhilfe Beratungszentrum Neuhausen', street: 'Neustraße 14', town: 'nh', lat: 51.1478, lon: 6.6148, wheelchair: true, languages: ['de', 'tr', 'ku', 'ar'] },
  beratungshaus: { org: 'awo', name: 'Haus der Beratung', street: 'Bahnhofstraße 12', town: 'bs', lat: 51.1965, lon: 6.706, wheelchair: true, transportation: 'Zwei Minuten vom Bahnhof; Bus 1, 2, 4 bis Haltestelle Bahnhof', accessibility: 'Aufzug, barrierefreies WC, Induktionsschleife im Beratungsraum 1' },
  wohnheimNh: { org: 'lk', name: 'Übergangswohnheim Neuhausen', street: 'Industriestraße 2', town: 'nh', lat: 51.146, lon: 6.6185, wheelchair: true },
  vhs: { org: 'vhs', name: 'Volkshochschule Beispiel', street: 'Schulstraße 8', town: 'bs', lat: 51.203, lon: 6.708, wheelchair: true, accessibility: 'Aufzug; Kursräume im 1. und 2. Obergeschoss' },
  lingua: { org: 'lingua', name: 'Sprachinstitut Lingua', street: 'Königstraße 21', town: 'bs', lat: 51.2003, lon: 6.7045, wheelchair: false, accessibility: '2. Obergeschoss, kein Aufzug' },
  bzn: { org: 'bzn', name: 'Bildungszentrum Neuhausen', street: 'Am Markt 5', town: 'nh', lat: 51.149, lon: 6.617, wheelchair: true },
  gemeindehausMd: { org: 'kgmd', name: 'Evangelisches Gemeindehaus Musterdorf', street: 'Kirchplatz 1', town: 'md', lat: 51.2568, lon: 6.7858, wheelchair: true },
  agentur: { org: 'agentur', name: 'Agentur für Arbeit Beispielstadt', street: 'Gartenweg 20', town: 'bs', lat: 51.194, lon: 6.711, wheelchair: true },
  jobcenter: { org: 'jobcenter', name: 'Jobcenter Landkreis Beispiel', street: 'Gartenweg 22', town: 'bs', lat: 51.1938, lon: 6.7118, wheelchair: true, languages: ['de', 'en'] },
  jobcenterNh: { org: 'jobcenter', name: 'Jobcenter, Geschäftsstelle Neuhausen', street: 'Rathausstraße 3', town: 'nh', lat: 51.1485, lon: 6.616, wheelchair: true },
  psz: { org: 'psz', name: 'Psychosoziales Zentrum Beispiel', street: 'Lindenallee 7', town: 'bs', lat: 51.2055, lon: 6.6905, wheelchair: true, accessibility: 'Stufenlos; ruhiger Warteraum' },
  frauen: { org: 'frauen', name: 'Frauenberatungsstelle Beispiel', street: 'Gutenbergstraße 9', town: 'bs', lat: 51.205, lon: 6.701, wheelchair: true },
  kkh: { org: 'kkh', name: 'Kreiskrankenhaus Beispielstadt', street: 'Klinikweg 1', town: 'bs', lat: 51.211, lon: 6.72, wheelchair: true, transportation: 'Bus 4 bis Haltestelle Krankenhaus' },
  aydin: { org: 'aydin', name: 'Hausarztpraxis Dr. Aydın', street: 'Hauptstraße 45', town: 'bs', lat: 51.1975, lon: 6.7005, wheelchair: true },
  kovalenko: { org: 'kovalenko', name: 'Praxis Dr. Kovalenko', street: 'Dorfplatz 3', town: 'la', lat: 51.2348, lon: 6.5905, wheelchair: false, accessibility: 'Vier Stufen am Eingang, Hausbesuche möglich' },
  haddad: { org: 'haddad', name: 'Kinderarztpraxis Dr. Haddad', street: 'Bahnhofstraße 30', town: 'bs', lat: 51.196, lon: 6.7085, wheelchair: true },
  rahimi: { org: 'rahimi', name: 'Frauenarztpraxis Dr. Rahimi', street: 'Königstraße 10', town: 'bs', lat: 51.2008, lon: 6.7038, wheelchair: true },
  wolf: { org: 'wolf', name: 'Kinderarztpraxis Dr. Wolf', street: 'Dorfstraße 20', town: 'md', lat: 51.2575, lon: 6.784, wheelchair: true },
  kaya: { org: 'kaya', name: 'Hausarztpraxis Dr. Kaya', street: 'Kirchstraße 8', town: 'nh', lat: 51.1472, lon: 6.613, wheelchair: true },
  ksb: { org: 'ksb', name: 'Kreissportbund Beispiel', street: 'Sportplatzweg 1', town: 'bs', lat: 51.192, lon: 6.685, wheelchair: true },
  tus: { org: 'tus', name: 'Sportpark TuS Beispielstadt', street: 'Sportplatzweg 3', town: 'bs', lat: 51.1915, lon: 6.684, wheelchair: true },
  hallenbadMd: { org: 'svmd', name: 'Hallenbad Musterdorf', street: 'Badstraße 1', town: 'md', lat: 51.259, lon: 6.79, wheelchair: true, accessibility: 'Lifter am Becken' },
  box: { org: 'box', name: 'Boxhalle Neuhausen', street: 'Industriestraße 7', town: 'nh', lat: 51.1455, lon: 6.62, wheelchair: false },
  arab: { org: 'arab', name: 'Vereinsräume Deutsch-Arabischer Kulturverein', street: 'Friedrichstraße 17', town: 'bs', lat: 51.197, lon: 6.693, wheelchair: false, languages: ['ar', 'de'] },
  lindenauHaus: { org: 'ukr', name: 'Begegnungshaus Lindenau', street: 'Lindenstraße 2', town: 'la', lat: 51.236, lon: 6.592, wheelchair: true, languages: ['uk', 'ru', 'de'] },
  afg: { org: 'afg', name: 'Kulturtreff Neuhausen', street: 'Bachstraße 9', town: 'nh', lat: 51.1502, lon: 6.6122, wheelchair: true, languages: ['fa', 'ps', 'de'] },
  mieterverein: { org: 'mieterverein', name: 'Mieterverein Beispiel', street: 'Marktplatz 9', town: 'bs', lat: 51.1992, lon: 6.699, wheelchair: false, accessibility: 'Altbau, 1. Obergeschoss ohne Aufzug; Termine im Rathaus möglich' },
  wohnbau: { org: 'wohnbau', name: 'Kundenzentrum Wohnungsbaugesellschaft', street: 'Lindenallee 20', town: 'bs', lat: 51.2062, lon: 6.6918, wheelchair: true },
} satisfies Record<string, DemoLocation>;

export type LocationKey = keyof typeof LOCATIONS;
