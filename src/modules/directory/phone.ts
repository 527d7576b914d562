/**
 * Telephone numbers of the directory: parsing what editors and HSDS files write into E.164 ("+4921311234"), and
 * showing stored numbers to readers. Parsing, validation and formatting are libphonenumber-js with its default "min"
 * metadata; the few rules here are ours (short codes, the trunk prefix, no extensions).
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';

/** The German emergency and service short codes (110, 112, 115 Behördennummer, 116 xxx, 118 xx directory enquiries), kept as dialled. */
const SHORT_CODE = /^(110|112|115|116\d{3}|118\d{2,3})$/;

/** The country whose numbers a region writes and dials nationally; all our regions are German. */
export const HOME_COUNTRY: CountryCode = 'DE';

/**
 * A phone number as E.164 ("+4921311234"), a German short code as dialled ("115"), or null when it is not a
 * number. Accepts German national formats ("02131 12 34", "(02131) 1234-0") and international ones ("+49 (0) 2131
 * 1234", "0049 …", "+33 1 23 45 67 89").
 *
 * Validity is libphonenumber's `isValid()` with the "min" metadata: that checks the length and the country's general
 * number pattern, not the allocated ranges, so invented numbers (the demo's 01234 area) and newly allocated ones are
 * accepted, while "+49 0000" is not. (`isPossible()`, a length check only, would accept "+49 0000"; the full metadata's
 * `isValid()` would refuse the demo numbers.)
 *
 * Stricter than the library where a stored number would be wrong: a German number written without the trunk prefix 0
 * ("123456") has no area code and cannot be dialled from elsewhere; a trunk 0 after the country code ("+49 0211 …",
 * unless marked optional as "(0)") is a dialling error; an extension ("… ext. 12") has no place in E.164 (the form
 * has no field for it), so such inputs are refused rather than silently shortened.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode = HOME_COUNTRY): string | null {
  const text = raw.trim();
  const compact = text.replace(/[\s()./-]/g, '');
  if (defaultCountry === 'DE' && SHORT_CODE.test(compact)) return compact;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  if (!parsed?.isValid() || parsed.ext) return null;
  const digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (text.startsWith('+') || digits.startsWith('00')) {
    if (digits.replace(/^00/, '') !== parsed.number.slice(1)) return null;
  } else if (defaultCountry === 'DE' && !digits.startsWith('0')) return null;
  return parsed.number;
}

/** The stored number parsed, when libphonenumber knows how to group it (it has a format rule for its range). */
function formattable(stored: string, homeCountry: CountryCode): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(stored, { defaultCountry: homeCountry, extract: false });
  if (!parsed?.isValid() || parsed.ext) return null;
  // Without a format rule the national format is the bare national number, which drops the trunk prefix.
  return parsed.formatNational() === parsed.nationalNumber ? null : parsed;
}

/**
 * A stored number as readers see it: numbers of the home country in national format ("02131 1234"), as dialled
 * there, others in international format ("+33 1 23 45 67 89"). Short codes, and numbers libphonenumber cannot group
 * (invented or unknown ranges), are shown as stored. The digits are never localised: readers dial or copy them, and
 * the page language does not change where they dial from, so this takes the region's country, not the reader's locale.
 */
export function formatPhone(stored: string, homeCountry: CountryCode = HOME_COUNTRY): string {
  const parsed = formattable(stored, homeCountry);
  if (!parsed) return stored;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}
