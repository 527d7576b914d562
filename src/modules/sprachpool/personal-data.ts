/**
 * A request must not carry client names or other personal data: the coordinator and every mediator who gets an offer
 * read it. The form says so; this check catches the obvious slips in the free-text fields (a name after "Frau", a
 * date of birth, a file number, an IBAN, a private e-mail address) so the institution can look again before sending.
 * It is a warning, not a filter: the institution may confirm that nothing personal is there (false positives happen:
 * "Frau Dr. Schulz" may be the teacher), and the request is then saved with the flag `personal_data_warning`.
 *
 * The on-site contact and the join info are for the institution's staff, so names and phone numbers are expected
 * there; only the patterns that point at a client (birth dates, file numbers, other people's e-mail) are checked.
 */

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'birth_date', 'salutation', 'name_label', 'born', 'file_number', 'iban', 'long_number'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Fields of a request whose text is checked. */
export type CheckedField = 'notes' | 'onSiteContact' | 'placeName' | 'street' | 'joinInfo';

export type PersonalDataFinding = { field: CheckedField; kind: PersonalDataKind; match: string };

type Pattern = { kind: PersonalDataKind; re: RegExp; keep?: (match: string, now: Date) => boolean };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;
/** International or national number, at least eight digits in groups ("+49 5251 123456", "0170/1234567"). */
const PHONE = /(?:\+|(?<![\p{N}])0)\d[\d /().-]{5,}\d/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b/g;
/** A full date: 3.4.2015, 03.04.15, 2015-04-03, 3/4/2015. */
const FULL_DATE = /\b(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\b/g;

/** The year of a matched date (two-digit years: the most recent century in the past). */
function yearOf(match: string, now: Date): number | null {
  const iso = /^(\d{4})-/.exec(match);
  if (iso?.[1]) return Number(iso[1]);
  const tail = /(\d{2,4})$/.exec(match);
  if (!tail?.[1]) return null;
  const y = Number(tail[1]);
  if (tail[1].length === 4) return y;
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + y > now.getUTCFullYear() ? century - 100 + y : century + y;
}

/**
 * A date more than a year back is no appointment date: in a request it is nearly always someone's date of birth
 * (the appointment itself has its own fields).
 */
const pastDate = (match: string, now: Date) => {
  const year = yearOf(match, now);
  return year !== null && year < now.getUTCFullYear() - 1;
};

const CLIENT_PATTERNS: Pattern[] = [
  { kind: 'birth_date', re: FULL_DATE, keep: pastDate },
  { kind: 'born', re: /(?<![\p{L}])(?:geb\.|geboren|Geburtsdatum|Geb\.-?Dat|date of birth|born on|DOB)(?![\p{L}])/giu },
  { kind: 'file_number', re: /(?<![\p{L}])(?:Aktenzeichen|Az\.|AZ:|Kundennummer|Kunden-Nr\.?|BG-?Nummer|BG-?Nr\.?|Versichertennummer|Vers\.-?Nr\.?|Steuer-?ID|Sozialversicherungsnummer|file no\.?|case no\.?)(?![\p{L}])/giu },
  { kind: 'iban', re: IBAN },
];

const NAME_PATTERNS: Pattern[] = [
  // "Frau Yilmaz", "Herrn Ahmadi", "Mr Smith": a salutation followed by a capitalised word.
  { kind: 'salutation', re: /(?<![\p{L}])(?:Herrn?|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}[\p{L}'-]+/gu },
  { kind: 'name_label', re: /(?<![\p{L}])(?:Name|Vorname|Nachname|Familienname|Klient(?:in)?|Patient(?:in)?|client|patient|first name|last name)\s*:/giu },
];

/** Seven or more digits in a row: file numbers, customer and insurance numbers. */
const LONG_NUMBER: Pattern = { kind: 'long_number', re: /(?<![\p{N}])\d{7,}(?![\p{N}])/gu };

function matches(text: string, pattern: Pattern, now: Date): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(pattern.re)) {
    const value = m[0].trim();
    if (!pattern.keep || pattern.keep(value, now)) out.push(value);
  }
  return out;
}

/** The checks each field gets: notes and the place are free text about the appointment; the rest is for staff. */
function patternsFor(field: CheckedField): { client: boolean; names: boolean; phone: boolean } {
  switch (field) {
    case 'notes':
    case 'placeName':
    case 'street':
      return { client: true, names: true, phone: true };
    case 'onSiteContact':
    case 'joinInfo':
      return { client: true, names: false, phone: false };
  }
}

/**
 * What looks like personal data in the free-text fields of a request. `allowedEmails` are the institution's own
 * addresses (its e-mail and its contact people's), which may appear.
 */
export function findPersonalData(fields: Partial<Record<CheckedField, string>>, opts: { allowedEmails: string[]; now?: Date }): PersonalDataFinding[] {
  const now = opts.now ?? new Date();
  const allowed = new Set(opts.allowedEmails.map((e) => e.trim().toLowerCase()));
  const out: PersonalDataFinding[] = [];
  const seen = new Set<string>();
  const add = (field: CheckedField, kind: PersonalDataKind, match: string) => {
    const key = `${field}\u0000${kind}\u0000${match}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, kind, match });
  };
  for (const [name, raw] of Object.entries(fields) as [CheckedField, string | undefined][]) {
    if (!raw) continue;
    const which = patternsFor(name);
    let text = raw;
    for (const m of matches(text, { kind: 'email', re: EMAIL }, now)) if (!allowed.has(m.toLowerCase())) add(name, 'email', m);
    // What is taken as an e-mail address is not looked at again (its digits are no phone number).
    text = text.replace(EMAIL, ' ');
    if (which.client) for (const p of CLIENT_PATTERNS) for (const m of matches(text, p, now)) add(name, p.kind, m);
    if (which.names) for (const p of NAME_PATTERNS) for (const m of matches(text, p, now)) add(name, p.kind, m);
    // Dates and IBANs are no phone numbers; staff phone numbers are no file numbers.
    let rest = text.replace(IBAN, ' ').replace(FULL_DATE, ' ');
    const phones = matches(rest, { kind: 'phone', re: PHONE }, now).filter((m) => m.replace(/\D/g, '').length >= 8);
    if (which.phone) for (const m of phones) add(name, 'phone', m);
    for (const p of phones) rest = rest.replace(p, ' ');
    for (const m of matches(rest, LONG_NUMBER, now)) add(name, 'long_number', m);
  }
  return out;
}
