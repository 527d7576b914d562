/**
 * Demo guide content of "Landkreis Beispiel": fictional but realistic pages (addresses in 12345 Beispielstadt,
 * telephone numbers 01234 …, mail addresses @beispiel.example). Each topic module exports one top-level page with
 * its subpages; every text is HTML that `sanitizeRichText` keeps unchanged (the seed test checks it).
 */

/** Languages the demo county offers besides German (the source). */
export const CORE_TRANSLATIONS = ['en', 'ar', 'uk', 'de-x-ls'] as const;
export type CoreLanguage = (typeof CORE_TRANSLATIONS)[number];
export type DemoLanguage = 'de' | CoreLanguage | 'tr' | 'fa' | 'ru';

export type DemoText = { title: string; html: string };

export type DemoPage = {
  /** Stable key for tests and cross references. */
  key: string;
  icon?: string;
  texts: { de: DemoText } & Partial<Record<Exclude<DemoLanguage, 'de'>, DemoText>>;
  /** Core languages left out on purpose (the admin shows them as missing). */
  missing?: CoreLanguage[];
  /**
   * A major change of the German text saved after the translations, so that they show as outdated: each pair
   * replaces one passage of the German HTML.
   */
  revision?: { find: string; replace: string }[];
  children?: DemoPage[];
};

/** `01234 567-210` → `tel:+491234567210`. */
function telHref(display: string): string {
  return `+49${display.replace(/\D/g, '').replace(/^0/, '')}`;
}

/** A telephone link; always left to right, so that it reads correctly inside Arabic or Persian text. */
export function tel(display: string): string {
  return `<a dir="ltr" href="tel:${telHref(display)}">${display}</a>`;
}

export function mail(address: string): string {
  return `<a href="mailto:${address}">${address}</a>`;
}

export function link(href: string, text: string): string {
  return `<a href="${href}">${text}</a>`;
}

/** A contact card: heading plus paragraphs (each may hold `<br />` line breaks and links). */
export function card(heading: string, ...paragraphs: string[]): string {
  return `<aside class="contact-card"><h3>${heading}</h3>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</aside>`;
}

export function list(items: string[], ordered = false): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`;
}

/** A simple table with column headers. */
export function table(head: string[], rows: string[][], caption?: string): string {
  const cap = caption ? `<caption>${caption}</caption>` : '';
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table>${cap}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A live list of the directory's services of one category (a guide embed, see modules/guide/embeds.ts); it stands on
 * its own between blocks, and readers see the current services in their language.
 */
export function services(category: string): string {
  return `<div data-embed="services" data-category="${category}"></div>`;
}

export const h2 = (s: string): string => `<h2>${s}</h2>`;
export const h3 = (s: string): string => `<h3>${s}</h3>`;
export const p = (s: string): string => `<p>${s}</p>`;

// Shared contact details (addresses stay in German in every language: that is what is on the door).
export const ADDR = {
  landratsamt: 'Landratsamt Beispiel<br />Musterstraße 1<br />12345 Beispielstadt',
  auslaender: 'Landratsamt Beispiel, Haus B<br />Musterstraße 3<br />12345 Beispielstadt',
  buergerbuero: 'Rathaus Beispielstadt<br />Rathausplatz 2<br />12345 Beispielstadt',
  mbe: 'Diakonisches Werk Beispiel<br />Kirchgasse 5<br />12345 Beispielstadt',
  jmd: 'Jugendmigrationsdienst<br />Bahnhofstraße 12<br />12345 Beispielstadt',
  vhs: 'Volkshochschule Beispiel<br />Schulstraße 8<br />12345 Beispielstadt',
  buecherei: 'Stadtbücherei Beispielstadt<br />Marktplatz 4<br />12345 Beispielstadt',
  agentur: 'Agentur für Arbeit Beispielstadt<br />Gartenweg 20<br />12345 Beispielstadt',
  jobcenter: 'Jobcenter Landkreis Beispiel<br />Gartenweg 22<br />12345 Beispielstadt',
  anerkennung: 'Beratungsstelle Anerkennung<br />Bahnhofstraße 12<br />12345 Beispielstadt',
  ausbildung: 'Ausbildungsbüro im Berufsschulzentrum<br />Am Schulberg 3<br />12345 Beispielstadt',
  gesundheitsamt: 'Gesundheitsamt Beispiel<br />Musterstraße 5<br />12345 Beispielstadt',
  psz: 'Psychosoziales Zentrum Beispiel<br />Lindenallee 7<br />12345 Beispielstadt',
  wohnen: 'Fachdienst Wohnen<br />Musterstraße 1<br />12345 Beispielstadt',
  jugendamt: 'Jugendamt, Kita-Servicestelle<br />Musterstraße 1<br />12345 Beispielstadt',
  schulamt: 'Staatliches Schulamt<br />Am Schulberg 1<br />12345 Beispielstadt',
  sport: 'Kreissportbund Beispiel<br />Sportplatzweg 1<br />12345 Beispielstadt',
  ehrenamt: 'Freiwilligenagentur Beispiel<br />Marktplatz 4<br />12345 Beispielstadt',
  sprachpool: 'Sprachpool im Integrationsbüro<br />Musterstraße 1<br />12345 Beispielstadt',
} as const;
