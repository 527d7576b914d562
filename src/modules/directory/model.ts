/**
 * The directory's objects as the store writes them (store.ts). Admin forms, the HSDS import, the demo seed and the
 * benchmark all build these shapes, already validated; the store only writes. Field names are ours (camelCase), the
 * HSDS names are their snake_case forms.
 */
import type { EditorialStatus, HsdsServiceStatus } from './schema.js';

export type ScheduleInput = {
  id?: string | undefined;
  sourceId?: string | null | undefined;
  /** WEEKLY or MONTHLY for a rule; null for an exception that closes (closed = true). */
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval?: number | null | undefined;
  /** HSDS/RFC 5545 BYDAY: "MO,TU,WE" (weekly) or "1MO", "-1FR" (monthly). */
  byday?: string | null | undefined;
  bymonthday?: string | null | undefined;
  /** "HH:MM". */
  opensAt?: string | null | undefined;
  closesAt?: string | null | undefined;
  /** "YYYY-MM-DD". */
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  closed?: boolean | undefined;
  description?: string | null | undefined;
  notes?: string | null | undefined;
  attendingType?: string | null | undefined;
};

export type PhoneInput = {
  id?: string | undefined;
  sourceId?: string | null | undefined;
  number: string;
  extension?: number | null | undefined;
  type?: string | undefined;
  description?: string | null | undefined;
  languages?: string[] | undefined;
};

export type ContactInput = {
  id?: string | undefined;
  sourceId?: string | null | undefined;
  name?: string | null | undefined;
  title?: string | null | undefined;
  department?: string | null | undefined;
  email?: string | null | undefined;
  phones?: PhoneInput[] | undefined;
};

type Managed = {
  /** Keep this id (import of a known record, demo); a new random id otherwise. */
  id?: string | undefined;
  sourceId?: string | null | undefined;
  status?: EditorialStatus | undefined;
};

export type OrganizationInput = Managed & {
  name: string;
  alternateName?: string | null | undefined;
  description?: string | undefined;
  email?: string | null | undefined;
  website?: string | null | undefined;
  legalStatus?: string | null | undefined;
  parentOrganizationId?: string | null | undefined;
  phones?: PhoneInput[] | undefined;
  contacts?: ContactInput[] | undefined;
};

export type LocationInput = Managed & {
  organizationId?: string | null | undefined;
  locationType?: 'physical' | 'postal' | 'virtual' | undefined;
  name?: string | undefined;
  alternateName?: string | null | undefined;
  description?: string | undefined;
  transportation?: string | null | undefined;
  url?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  geoSource?: string | null | undefined;
  address1?: string | null | undefined;
  address2?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  stateProvince?: string | null | undefined;
  country?: string | undefined;
  languages?: string[] | undefined;
  wheelchair?: boolean | undefined;
  accessibilityDescription?: string | null | undefined;
  accessibilityDetails?: string | null | undefined;
  phones?: PhoneInput[] | undefined;
  contacts?: ContactInput[] | undefined;
  schedules?: ScheduleInput[] | undefined;
};

export type ServiceAtLocationInput = {
  id?: string | undefined;
  sourceId?: string | null | undefined;
  locationId: string;
  description?: string | null | undefined;
  schedules?: ScheduleInput[] | undefined;
};

export type ServiceInput = Managed & {
  organizationId: string;
  name: string;
  alternateName?: string | null | undefined;
  description?: string | undefined;
  url?: string | null | undefined;
  email?: string | null | undefined;
  hsdsStatus?: HsdsServiceStatus | undefined;
  interpretationServices?: string | null | undefined;
  applicationProcess?: string | null | undefined;
  feesDescription?: string | null | undefined;
  free?: boolean | undefined;
  waitTime?: string | null | undefined;
  eligibilityDescription?: string | null | undefined;
  minimumAge?: number | null | undefined;
  maximumAge?: number | null | undefined;
  alert?: string | null | undefined;
  languages?: string[] | undefined;
  termIds?: string[] | undefined;
  verifiedAt?: Date | null | undefined;
  verifiedBy?: string | null | undefined;
  phones?: PhoneInput[] | undefined;
  contacts?: ContactInput[] | undefined;
  schedules?: ScheduleInput[] | undefined;
  serviceAreas?: { id?: string | undefined; sourceId?: string | null | undefined; name: string; description?: string | null | undefined; extent?: string | null | undefined; extentType?: string | null | undefined; uri?: string | null | undefined }[] | undefined;
  requiredDocuments?: { id?: string | undefined; sourceId?: string | null | undefined; document: string; uri?: string | null | undefined }[] | undefined;
  locations?: ServiceAtLocationInput[] | undefined;
};

/** Translatable text fields per kind (the keys of dir_translations.fields). */
export const TRANSLATABLE_FIELDS = {
  organization: ['name', 'alternateName', 'description'],
  service: ['name', 'alternateName', 'description', 'applicationProcess', 'feesDescription', 'eligibilityDescription', 'waitTime', 'alert', 'interpretationServices'],
  location: ['name', 'description', 'transportation', 'accessibilityDescription'],
  taxonomy_term: ['name', 'description'],
} as const;
