/**
 * The directory of services, modelled on Open Referral HSDS 3.0 (../shared/standards/hsds-3.0/). Table and column
 * names follow the HSDS field names where they exist, so the HSDS API, the export and the import are mostly renames.
 *
 * Every table carries `region_id` (all queries are scoped by it) and the main objects carry `source_id`: the id an
 * imported record had in its file when that id could not be kept (it existed in another region). An import matches
 * records by `id = X OR source_id = X` within the region, which makes re-imports idempotent.
 *
 * Editorial state (`status`: draft → review → published → archived) is ours; the HSDS `status` of a service
 * (active, inactive, defunct, temporarily closed) is `hsds_status`. Only published, non-archived records reach readers
 * and the HSDS API.
 *
 * Texts are written in the region's source language on the row itself; other languages live in `dir_translations`
 * (one row per object and language, the same outdated tracking as guide pages: a translation whose
 * `source_revision` is below the object's `major_revision` is outdated).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, regions } from '../../platform/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const regionRef = () =>
  uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' });

export const EDITORIAL_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];
/** HSDS service.status. */
export const HSDS_SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type HsdsServiceStatus = (typeof HSDS_SERVICE_STATUSES)[number];
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export const SCHEDULE_FREQS = ['WEEKLY', 'MONTHLY'] as const;
export const TRANSLATABLE_KINDS = ['organization', 'service', 'location', 'taxonomy_term'] as const;
export type TranslatableKind = (typeof TRANSLATABLE_KINDS)[number];

/** A taxonomy (a category tree). Each region gets the default integration taxonomy; regions may add their own. */
export const dirTaxonomies = pgTable(
  'dir_taxonomies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    uri: text('uri'),
    version: text('version'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('dir_taxonomies_region_idx').on(t.regionId)],
);

/** A category. `name`/`description` in the region's source language; other languages in dir_translations. */
export const dirTaxonomyTerms = pgTable(
  'dir_taxonomy_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    taxonomyId: uuid('taxonomy_id')
      .notNull()
      .references(() => dirTaxonomies.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => dirTaxonomyTerms.id, { onDelete: 'restrict' }),
    /** Stable short code ("migration-counselling"); unique per region. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** A named icon of the built-in set (guide/icons.tsx) or null. */
    icon: text('icon'),
    termUri: text('term_uri'),
    position: integer('position').notNull().default(0),
    revision: integer('revision').notNull().default(1),
    majorRevision: integer('major_revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dir_taxonomy_terms_code_key').on(t.regionId, t.code), index('dir_taxonomy_terms_parent_idx').on(t.parentId)],
);

/** Columns every editorially managed object has. */
function managed() {
  return {
    status: text('status', { enum: EDITORIAL_STATUSES }).notNull().default('draft'),
    /** Optimistic lock: a save names the revision it started from. */
    revision: integer('revision').notNull().default(1),
    /** The last revision whose text change was not marked minor; translations below it are outdated. */
    majorRevision: integer('major_revision').notNull().default(1),
    /**
     * A partner's proposed change awaiting the region's review (the whole form's values, as the service layer parses
     * them), or null. Readers keep seeing the published version until the change is accepted.
     */
    pendingChange: jsonb('pending_change').$type<Record<string, unknown>>(),
    pendingBy: uuid('pending_by').references(() => accounts.id, { onDelete: 'set null' }),
    pendingAt: ts('pending_at'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  };
}

export const dirOrganizations = pgTable(
  'dir_organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull().default(''),
    email: text('email'),
    website: text('website'),
    legalStatus: text('legal_status'),
    parentOrganizationId: uuid('parent_organization_id').references((): AnyPgColumn => dirOrganizations.id, { onDelete: 'set null' }),
    ...managed(),
  },
  (t) => [index('dir_organizations_region_idx').on(t.regionId, t.status), index('dir_organizations_source_idx').on(t.regionId, t.sourceId)],
);

/** Accounts (role `partner` on the region) that may edit an organisation's entries, subject to review. */
export const dirOrganizationEditors = pgTable(
  'dir_organization_editors',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => dirOrganizations.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    regionId: regionRef(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.accountId] }), index('dir_organization_editors_account_idx').on(t.accountId)],
);

export const dirServices = pgTable(
  'dir_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => dirOrganizations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull().default(''),
    url: text('url'),
    email: text('email'),
    hsdsStatus: text('hsds_status', { enum: HSDS_SERVICE_STATUSES }).notNull().default('active'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    /** Free of charge (exported as an HSDS cost_option with amount 0). */
    free: boolean('free').notNull().default(false),
    waitTime: text('wait_time'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    alert: text('alert'),
    /** BCP 47 codes of the languages the service is offered in (HSDS `languages` with service_id). */
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    /** Category term ids (HSDS attributes linking the service to taxonomy terms), kept here for filtering. */
    termIds: uuid('term_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    /**
     * Derived, kept by the store (refreshServiceFilters): every language spoken by the service, at one of its
     * locations or on a phone line of either — what the "speaks my language" filter asks, answered by one GIN index.
     */
    allLanguages: text('all_languages').array().notNull().default(sql`ARRAY[]::text[]`),
    /** Derived, kept by the store: the service has opening hours of its own (else its places' hours apply). */
    hasOwnSchedules: boolean('has_own_schedules').notNull().default(false),
    /**
     * Derived, kept by the store: the bounding box of the service's places with coordinates (null without any), so a
     * distance search drops far-away candidates on the row itself before measuring their places.
     */
    geoMinLat: doublePrecision('geo_min_lat'),
    geoMaxLat: doublePrecision('geo_max_lat'),
    geoMinLon: doublePrecision('geo_min_lon'),
    geoMaxLon: doublePrecision('geo_max_lon'),
    /** When a person last confirmed the entry is correct, and who (HSDS assured_date / assurer_email). */
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** When the owners were last reminded to verify (the reminder job sends one per period). */
    remindedAt: ts('reminded_at'),
    ...managed(),
  },
  (t) => [
    index('dir_services_region_idx').on(t.regionId, t.status),
    index('dir_services_org_idx').on(t.organizationId),
    index('dir_services_source_idx').on(t.regionId, t.sourceId),
    index('dir_services_terms_idx').using('gin', t.termIds).with({ fastupdate: false }),
    index('dir_services_languages_idx').using('gin', t.allLanguages).with({ fastupdate: false }),
    index('dir_services_updated_idx').on(t.regionId, t.updatedAt),
  ],
);

export const dirLocations = pgTable(
  'dir_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    organizationId: uuid('organization_id').references(() => dirOrganizations.id, { onDelete: 'set null' }),
    locationType: text('location_type', { enum: LOCATION_TYPES }).notNull().default('physical'),
    name: text('name').notNull().default(''),
    alternateName: text('alternate_name'),
    description: text('description').notNull().default(''),
    transportation: text('transportation'),
    url: text('url'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** How the coordinates came to be: manual, geocoder, import, seed. */
    geoSource: text('geo_source'),
    // The physical address (HSDS address with address_type 'physical'); locations have at most one here.
    address1: text('address_1'),
    address2: text('address_2'),
    postalCode: text('postal_code'),
    city: text('city'),
    stateProvince: text('state_province'),
    country: text('country').notNull().default('DE'),
    /** Languages spoken at the location. */
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    /** Step-free access to the entrance and the rooms used. */
    wheelchair: boolean('wheelchair').notNull().default(false),
    accessibilityDescription: text('accessibility_description'),
    accessibilityDetails: text('accessibility_details'),
    ...managed(),
  },
  (t) => [
    index('dir_locations_region_idx').on(t.regionId),
    index('dir_locations_geo_idx').on(t.regionId, t.latitude, t.longitude),
    index('dir_locations_postcode_idx').on(t.regionId, t.postalCode),
    index('dir_locations_source_idx').on(t.regionId, t.sourceId),
  ],
);

export const dirServiceAtLocations = pgTable(
  'dir_service_at_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => dirServices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => dirLocations.id, { onDelete: 'cascade' }),
    description: text('description'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dir_sal_pair_key').on(t.serviceId, t.locationId), index('dir_sal_location_idx').on(t.locationId)],
);

/** Phone lines of an organisation, a service, a location or a contact (exactly one owner). */
export const dirPhones = pgTable(
  'dir_phones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    organizationId: uuid('organization_id').references(() => dirOrganizations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => dirServices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => dirLocations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references((): AnyPgColumn => dirContacts.id, { onDelete: 'cascade' }),
    /** E.164 when it could be normalised ("+4921311234"), else as given. */
    number: text('number').notNull(),
    extension: integer('extension'),
    /** HSDS phone type: text, voice, fax, cell, video, pager, textphone. */
    type: text('type').notNull().default('voice'),
    description: text('description'),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('dir_phones_service_idx').on(t.serviceId), index('dir_phones_location_idx').on(t.locationId), index('dir_phones_org_idx').on(t.organizationId)],
);

export const dirContacts = pgTable(
  'dir_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    organizationId: uuid('organization_id').references(() => dirOrganizations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => dirServices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => dirLocations.id, { onDelete: 'cascade' }),
    name: text('name'),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('dir_contacts_service_idx').on(t.serviceId), index('dir_contacts_org_idx').on(t.organizationId)],
);

/**
 * Opening hours as HSDS schedules, attached to a service, a location or a service-at-location. A regular rule is
 * WEEKLY (byday "MO,TU") or MONTHLY (byday "1MO" or "-1FR", or bymonthday), with opens_at/closes_at (local time in
 * the region's zone) and an optional valid_from/valid_to window. `closed = true` rows are exceptions: the service is
 * closed on the days of their window ("closed until 15 January", "closed 24–31 December"), whatever the rules say.
 *
 * `weekdays` (1 = Monday … 7 = Sunday), `ordinals` (1–5, -1 = last; empty = every week) and `opens_min`/`closes_min`
 * (minutes after midnight; closes_min may exceed 1440 for a slot past midnight) are derived from the HSDS fields by
 * the service layer so "open now" is an index-friendly query.
 */
export const dirSchedules = pgTable(
  'dir_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    serviceId: uuid('service_id').references(() => dirServices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => dirLocations.id, { onDelete: 'cascade' }),
    serviceAtLocationId: uuid('service_at_location_id').references(() => dirServiceAtLocations.id, { onDelete: 'cascade' }),
    freq: text('freq', { enum: SCHEDULE_FREQS }),
    interval: integer('interval'),
    byday: text('byday'),
    bymonthday: text('bymonthday'),
    /** "HH:MM" local time. */
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    closed: boolean('closed').notNull().default(false),
    description: text('description'),
    notes: text('notes'),
    attendingType: text('attending_type'),
    weekdays: smallint('weekdays').array().notNull().default(sql`ARRAY[]::smallint[]`),
    ordinals: smallint('ordinals').array().notNull().default(sql`ARRAY[]::smallint[]`),
    monthdays: smallint('monthdays').array().notNull().default(sql`ARRAY[]::smallint[]`),
    opensMin: smallint('opens_min'),
    closesMin: smallint('closes_min'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('dir_schedules_service_idx').on(t.serviceId),
    index('dir_schedules_location_idx').on(t.locationId),
    index('dir_schedules_sal_idx').on(t.serviceAtLocationId),
    // The few "closed" exceptions, read by every "open now" query (hours.ts closedOwnersSql).
    index('dir_schedules_closed_idx').on(t.validFrom, t.validTo).where(sql`${t.closed}`),
  ],
);

export const dirServiceAreas = pgTable(
  'dir_service_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => dirServices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    extent: text('extent'),
    extentType: text('extent_type'),
    uri: text('uri'),
  },
  (t) => [index('dir_service_areas_service_idx').on(t.serviceId)],
);

export const dirRequiredDocuments = pgTable(
  'dir_required_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    sourceId: text('source_id'),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => dirServices.id, { onDelete: 'cascade' }),
    document: text('document').notNull(),
    uri: text('uri'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('dir_required_documents_service_idx').on(t.serviceId)],
);

/**
 * Texts of an organisation, service, location or category in a language other than the region's source language:
 * `fields` maps a field name (name, description, eligibility_description, …) to its text.
 */
export const dirTranslations = pgTable(
  'dir_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    kind: text('kind', { enum: TRANSLATABLE_KINDS }).notNull(),
    entityId: uuid('entity_id').notNull(),
    language: text('language').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    /** The source object's revision this was translated from. */
    sourceRevision: integer('source_revision').notNull(),
    /** Machine output not yet approved by a person: the provider's name. */
    machineProvider: text('machine_provider'),
    updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dir_translations_key').on(t.kind, t.entityId, t.language), index('dir_translations_region_idx').on(t.regionId, t.language)],
);

/**
 * The searchable text of a published service in one language (source text, or a translation): maintained by the
 * service layer whenever a service, its organisation, its categories or a translation changes.
 */
export const dirSearchTexts = pgTable(
  'dir_search_texts',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => dirServices.id, { onDelete: 'cascade' }),
    regionId: regionRef(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    /** Description, organisation, categories, eligibility … as plain text. */
    body: text('body').notNull().default(''),
    searchConfig: regconfig('search_config').notNull().default(sql`'simple'::regconfig`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector(search_config, coalesce(title, '')), 'A') || setweight(to_tsvector(search_config, coalesce(body, '')), 'B')`,
    ),
    /** The title alone: the search's first tier (services whose name matches). */
    titleVector: tsvector('title_vector').generatedAlwaysAs(sql`to_tsvector(search_config, coalesce(title, ''))`),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.language] }),
    index('dir_search_texts_region_idx').on(t.regionId, t.language),
    index('dir_search_texts_vector_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('dir_search_texts_title_vector_idx').using('gin', t.titleVector).with({ fastupdate: false }),
    index('dir_search_texts_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

/** HSDS imports: the parsed file, its per-record report, and whether (and how much of) it was applied. */
export const dirImports = pgTable(
  'dir_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    format: text('format', { enum: ['json', 'tabular'] }).notNull(),
    filename: text('filename').notNull(),
    /** The records as parsed from the file (HSDS objects by table), kept until applied or discarded. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state', { enum: ['checked', 'applied', 'applied_partly', 'discarded'] }).notNull().default('checked'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    appliedAt: ts('applied_at'),
  },
  (t) => [index('dir_imports_region_idx').on(t.regionId, t.createdAt)],
);
