import { languageInfo } from '../../../platform/i18n/languages.js';
import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { usePage } from '../../../web/page-context.js';
import { formatOccurrence } from '../forum.js';
import type { EventRow, OccurrenceRow } from '../service.js';

/** "1,4 MB", "820 kB" in the reader's language. */
export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024);
  const unit = mb >= 1 ? 'megabyte' : 'kilobyte';
  const value = mb >= 1 ? mb : Math.max(1, Math.round(bytes / 1024));
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat('de', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  }
}

/**
 * A user-written name inside a sentence of another script keeps its own direction (Unicode first-strong isolate):
 * a German title in an Arabic heading does not scramble the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * Agenda and minutes as stored (sanitised: headings h2–h4 only), one heading level down, so they sit below the
 * page's own section headings (h2) instead of beside them.
 */
export function StoredText(props: { html: string; lang: string; class?: string }) {
  // Tags in sanitised HTML are exactly `<h2>`/`</h2>` with optional attributes; text can never contain a raw `<`.
  const demoted = props.html.replace(/<(\/?)h([2-4])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
  return <SanitizedHtml html={trustStoredHtml(demoted)} class={`rich-text forum-text${props.class ? ` ${props.class}` : ''}`} lang={props.lang} dir={languageInfo(props.lang).direction} />;
}

/** The day and time of a date in the page's language and the event's zone. */
export function DateLine(props: { event: EventRow; occurrence: Pick<OccurrenceRow, 'startsAt' | 'endsAt'> }) {
  const { t, lang } = usePage();
  const w = formatOccurrence(props.event, props.occurrence, lang);
  return <time dateTime={props.occurrence.startsAt.toISOString()}>{w.time ? t('events-forum.date_time', { date: w.date, time: w.time }) : w.date}</time>;
}
