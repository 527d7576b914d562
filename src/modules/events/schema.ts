/**
 * Events, dialog forums and round tables.
 *
 * An event is written once (`ev_events`: wall-clock start and end in a time zone, an optional RFC 5545 RRULE with
 * EXDATE/RDATE) and materialised into occurrences (`ev_occurrences`: one row per date, with its own instant, status,
 * capacity and counts). Registrations, documentation and check-in hang off occurrences. Editing an event re-derives
 * its occurrences by their recurrence id (the local start, as in RECURRENCE-ID), so registrations stay attached to
 * the date they were made for.
 *
 * No occurrence is over-filled: `ev_occurrences.confirmed` (the sum of confirmed parties) is kept by the registration
 * service under a row lock and guarded by a CHECK against `capacity`, so even a bug in the service cannot over-fill.
 *
 * Texts are written in the region's source language on the event row; other languages live in `ev_translations` with
 * the same outdated tracking as guide pages and directory entries (a translation whose `source_revision` is below the
 * event's `major_revision` is outdated).
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, customType, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, regions } from '../../platform/schema.js';
import { media } from '../guide/schema.js';
import { dirLocations, dirOrganizations } from '../directory/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const regionRef = () =>
  uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' });

export const EVENT_CATEGORIES = [
  'welcome',
  'dialog_forum',
  'round_table',
  'training',
  'workshop',
  'company_breakfast',
  'exchange_visit',
  'leisure',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
/** Categories that are run as a series with members, invitations, agenda, minutes and a documentation page. */
export const FORUM_CATEGORIES: readonly EventCategory[] = ['dialog_forum', 'round_table'];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const DOCUMENT_KINDS = ['agenda', 'minutes', 'document'] as const;

export const events = pgTable(
  'ev_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    category: text('category', { enum: EVENT_CATEGORIES }).notNull().default('other'),
    /** Source-language texts. `description_html` is sanitised rich text. */
    title: text('title').notNull(),
    descriptionHtml: text('description_html').notNull().default(''),
    /** Wall-clock start and end ("2026-12-08T18:00"; all-day: "2026-12-08T00:00", end exclusive day) in `time_zone`. */
    startLocal: text('start_local').notNull(),
    endLocal: text('end_local').notNull(),
    timeZone: text('time_zone').notNull(),
    allDay: boolean('all_day').notNull().default(false),
    /** RRULE value without "RRULE:" ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270630T235959"), or null for one date. */
    rrule: text('rrule'),
    /** Local starts ("2026-12-22T18:00") left out of the series, and dates added to it. */
    exdates: text('exdates').array().notNull().default(sql`ARRAY[]::text[]`),
    rdates: text('rdates').array().notNull().default(sql`ARRAY[]::text[]`),
    /** A directory place, or a plain address when the place is not in the directory. */
    locationId: uuid('location_id').references(() => dirLocations.id, { onDelete: 'set null' }),
    placeName: text('place_name'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    onlineUrl: text('online_url'),
    organizerName: text('organizer_name').notNull().default(''),
    organizerOrganizationId: uuid('organizer_organization_id').references(() => dirOrganizations.id, { onDelete: 'set null' }),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** BCP 47 codes of the languages spoken at the event. */
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    mediationAvailable: boolean('mediation_available').notNull().default(false),
    accessibility: text('accessibility').notNull().default(''),
    /** Price in euros; null = free. `cost_note` says more ("Material 5 €, ermäßigt 2 €"). */
    price: numeric('price', { precision: 10, scale: 2 }),
    costNote: text('cost_note').notNull().default(''),
    imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
    /** Registration: off, or on with a capacity per occurrence (null = unlimited) and a largest party. */
    registrationRequired: boolean('registration_required').notNull().default(false),
    capacity: integer('capacity'),
    maxPartySize: integer('max_party_size').notNull().default(4),
    /** Imported from an external feed: the feed and the UID there (idempotent re-imports). */
    feedId: uuid('feed_id').references((): AnyPgColumn => eventFeeds.id, { onDelete: 'set null' }),
    sourceUid: text('source_uid'),
    sourceUrl: text('source_url'),
    /** Optimistic lock and outdated tracking, as for guide pages. */
    revision: integer('revision').notNull().default(1),
    majorRevision: integer('major_revision').notNull().default(1),
    /** Occurrences are materialised up to here (open-ended series are extended by a daily job). */
    materialisedUntil: ts('materialised_until'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
  },
  (t) => [
    index('ev_events_region_idx').on(t.regionId, t.status),
    uniqueIndex('ev_events_source_key').on(t.regionId, t.feedId, t.sourceUid),
    check('ev_events_capacity_check', sql`${t.capacity} IS NULL OR ${t.capacity} >= 1`),
    check('ev_events_party_check', sql`${t.maxPartySize} BETWEEN 1 AND 50`),
  ],
);

export const occurrences = pgTable(
  'ev_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The local start it was generated from ("2026-12-08T18:00"): the RECURRENCE-ID, stable across edits. */
    recurrenceId: text('recurrence_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status', { enum: OCCURRENCE_STATUSES }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    /** Copied from the event (null = unlimited); changed with it, never below `confirmed`. */
    capacity: integer('capacity'),
    /** Sum of the party sizes of confirmed registrations; kept by the registration service under a row lock. */
    confirmed: integer('confirmed').notNull().default(0),
    waitlisted: integer('waitlisted').notNull().default(0),
    checkedIn: integer('checked_in').notNull().default(0),
    /** Registrations were deleted after the retention period; the counts above stay. */
    attendeesPurgedAt: ts('attendees_purged_at'),
    remindersSentAt: ts('reminders_sent_at'),
    /** Forums: agenda before, minutes after (sanitised rich text), public documentation page when published. */
    agendaHtml: text('agenda_html').notNull().default(''),
    minutesHtml: text('minutes_html').notNull().default(''),
    documentationPublishedAt: ts('documentation_published_at'),
    invitationsSentAt: ts('invitations_sent_at'),
    revision: integer('revision').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ev_occurrences_key').on(t.eventId, t.recurrenceId),
    index('ev_occurrences_region_time_idx').on(t.regionId, t.startsAt),
    check('ev_occurrences_not_overfilled', sql`${t.capacity} IS NULL OR ${t.confirmed} <= ${t.capacity}`),
    check('ev_occurrences_counts_check', sql`${t.confirmed} >= 0 AND ${t.waitlisted} >= 0 AND ${t.checkedIn} >= 0`),
  ],
);

export const registrations = pgTable(
  'ev_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => occurrences.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower-cased; at least one of e-mail and phone. */
    email: text('email'),
    /** E.164 when it could be parsed, else as typed. */
    phone: text('phone'),
    language: text('language').notNull(),
    partySize: integer('party_size').notNull().default(1),
    accessibilityNeeds: text('accessibility_needs').notNull().default(''),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** SHA-256 of the cancel link's token (the token itself is only in the mail). */
    cancelTokenHash: text('cancel_token_hash').notNull(),
    checkedInAt: ts('checked_in_at'),
    promotedAt: ts('promoted_at'),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ev_registrations_occurrence_idx').on(t.occurrenceId, t.status, t.createdAt),
    uniqueIndex('ev_registrations_email_key').on(t.occurrenceId, t.email).where(sql`${t.status} <> 'cancelled' AND ${t.email} IS NOT NULL`),
    uniqueIndex('ev_registrations_phone_key').on(t.occurrenceId, t.phone).where(sql`${t.status} <> 'cancelled' AND ${t.phone} IS NOT NULL`),
    uniqueIndex('ev_registrations_token_key').on(t.cancelTokenHash),
    check('ev_registrations_contact_check', sql`${t.email} IS NOT NULL OR ${t.phone} IS NOT NULL`),
    check('ev_registrations_party_check', sql`${t.partySize} BETWEEN 1 AND 50`),
  ],
);

export const eventTranslations = pgTable(
  'ev_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    title: text('title').notNull(),
    descriptionHtml: text('description_html').notNull().default(''),
    /** The event's revision this was translated from. */
    sourceRevision: integer('source_revision').notNull(),
    /** Machine output not yet approved by a person: the provider's name. */
    machineProvider: text('machine_provider'),
    updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ev_translations_key').on(t.eventId, t.language), index('ev_translations_region_idx').on(t.regionId, t.language)],
);

/** Members of a round table or dialog forum: people, or partner organisations with a contact address. */
export const forumMembers = pgTable(
  'ev_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organizationId: uuid('organization_id').references(() => dirOrganizations.id, { onDelete: 'set null' }),
    organizationName: text('organization_name').notNull().default(''),
    role: text('role').notNull().default(''),
    language: text('language').notNull().default('de'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ev_members_email_key').on(t.eventId, t.email)],
);

/** Files attached to an occurrence (agenda, minutes, other documents): PDF or images, stored in the database. */
export const occurrenceDocuments = pgTable(
  'ev_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => occurrences.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull().default('document'),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /** Shown on the public documentation page (minutes may be internal). */
    public: boolean('public').notNull().default(true),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ev_documents_occurrence_idx').on(t.occurrenceId)],
);

/** External iCal feeds imported on a schedule (a city's own calendar). */
export const eventFeeds = pgTable(
  'ev_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    category: text('category', { enum: EVENT_CATEGORIES }).notNull().default('other'),
    /** Imported events are published at once, or wait as drafts for an editor. */
    publish: boolean('publish').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    /** Conditional GET. */
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastRunAt: ts('last_run_at'),
    lastStatus: text('last_status'),
    /** What the last run changed: counts and per-UID lines. */
    lastReport: jsonb('last_report').$type<Record<string, unknown>>(),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ev_feeds_url_key').on(t.regionId, t.url)],
);

/** Days after an occurrence at which its registrations are deleted (region setting `events.retentionDays`). */
export const DEFAULT_RETENTION_DAYS = 30;
/** Largest number of occurrences one event may have; more is refused with a message. */
export const MAX_OCCURRENCES = 500;
/** Open-ended series are materialised this far ahead and extended daily. */
export const HORIZON_DAYS = 400;
