/**
 * How hours, money and appointment times are written on the Sprachpool's hours, billing and statistics pages, in
 * mails and in the CSV exports. Money stays in whole cents; it only becomes a decimal in text, built from the integer
 * digits (never through a float).
 */

/** Cents as a plain decimal with a point and two places ("1234.50", "-0.05"): the CSV format, and input to Intl. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as an amount in euros in the reader's language ("1.234,50 €", "€1,234.50"). */
export function formatMoney(cents: number, lang: string): string {
  // Intl formats a decimal string exactly (no binary float in between).
  const value = centsToDecimal(cents) as `${number}`;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(value);
  } catch {
    return new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(value);
  }
}

/** A number in the reader's language ("1.234", "12,5"). */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 0): string {
  try {
    return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
  } catch {
    return new Intl.NumberFormat('de', { maximumFractionDigits }).format(value);
  }
}

/** Minutes as decimal hours with two places for CSV ("1.50" for 90 minutes; exact to the minute/100 rounding). */
export function minutesToHoursDecimal(minutes: number): string {
  // Hundredths of an hour, rounded half up, in integers: 90 min → 150 → "1.50"; 20 min → 33 → "0.33".
  const hundredths = Math.floor((minutes * 100 * 2 + 60) / 120);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The short reference of a request used on invoices and pages (first 8 hex digits of its id, upper case). */
export function requestRef(requestId: string): string {
  return requestId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, { calendar: 'gregory', ...options });
  } catch {
    return new Intl.DateTimeFormat('de', options);
  }
}

/** "Di., 8. Dez. 2026, 16:00–17:30" in the region's zone. */
export function formatAppointment(startsAt: Date, endsAt: Date, timeZone: string, lang: string): string {
  return dateTimeFormat(lang, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).formatRange(startsAt, endsAt);
}

/** "8. Dezember 2026" in the region's zone. */
export function formatDay(at: Date, timeZone: string, lang: string): string {
  return dateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(at);
}

/** "8.12.2026, 14:05" in the region's zone. */
export function formatMoment(at: Date, timeZone: string, lang: string): string {
  return dateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(at);
}

/** "Dezember 2026" for a month "2026-12". */
export function formatMonth(month: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 15, 12));
  return dateTimeFormat(lang, { year: 'numeric', month: style, timeZone: 'UTC' }).format(at);
}
