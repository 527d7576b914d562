/**
 * Sprachpool: the region's pool of lay language mediators (Sprachmittler:innen) and the institutions that book them.
 *
 * A mediator applies through the public form (`sp_mediators.status = 'applied'`), a coordinator reviews and activates
 * them and invites an account (role `mediator`). Institutions (`sp_agencies`) register with their contact people and
 * are approved the same way (contacts get role `agency`). An institution's request (`sp_requests`) moves
 * requested → approved → offered → assigned → done (or cancelled / no_show / rejected). The coordinator ranks the
 * eligible mediators (matching.ts), sends offers (`sp_offers`, each with a one-time link); the first accept creates
 * the assignment (`sp_assignments`) and withdraws the other offers.
 *
 * No double booking: `sp_assignments` carries an exclusion constraint (btree_gist, in the migration) so that one
 * mediator can never hold two active assignments whose times overlap, whatever the services do; and a partial unique
 * index allows one active assignment per request.
 *
 * After an assignment the mediator reports time and travel (`sp_timesheets`, one per assignment), the institution
 * confirms or disputes, the coordinator resolves. After the region's retention period a job reduces requests to
 * anonymous statistics (`anonymised_at`: free text, place and contact details emptied; language, setting, times and
 * hours stay for the statistics and the billing history).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, regions } from '../../platform/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const regionRef = () =>
  uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' });

export const MEDIATOR_STATUSES = ['applied', 'active', 'paused', 'rejected', 'retired'] as const;
export type MediatorStatus = (typeof MEDIATOR_STATUSES)[number];
export const MODES = ['on_site', 'phone', 'video'] as const;
export type Mode = (typeof MODES)[number];
export const GENDERS = ['female', 'male', 'diverse', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];
/** CEFR levels, plus "native" (first language). */
export const LANGUAGE_LEVELS = ['native', 'C2', 'C1', 'B2', 'B1', 'A2', 'A1'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
/** Where an appointment takes place; regions exclude some (court and police by default) or require a qualification. */
export const SETTINGS = ['school', 'day_care', 'counselling', 'health', 'authority', 'psychosocial', 'court', 'police', 'other'] as const;
export type Setting = (typeof SETTINGS)[number];
export const TOPICS = ['parents_meeting', 'enrolment', 'development', 'medical', 'benefits', 'residence', 'housing', 'work', 'counselling', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
/** Trainings and qualifications a mediator can hold; some settings require one (region settings). */
export const QUALIFICATION_KINDS = ['basic_training', 'health', 'psychosocial', 'school', 'authority', 'sworn_interpreter', 'other'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
export const GENDER_PREFERENCES = ['none', 'female', 'male'] as const;
export type GenderPreference = (typeof GENDER_PREFERENCES)[number];

export const AGENCY_KINDS = ['school', 'day_care', 'counselling', 'health', 'authority', 'jobcenter', 'psychosocial', 'association', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const REQUEST_STATUSES = ['requested', 'approved', 'offered', 'assigned', 'done', 'cancelled', 'no_show', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** States in which nothing more happens to a request. */
export const CLOSED_REQUEST_STATUSES: readonly RequestStatus[] = ['done', 'cancelled', 'no_show', 'rejected'];
/** Flags set on a request when it is made: kept with it, shown to the coordinator. */
export const REQUEST_FLAGS = ['no_speaker', 'short_notice', 'personal_data_warning'] as const;
export type RequestFlag = (typeof REQUEST_FLAGS)[number];

export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const ASSIGNMENT_STATUSES = ['active', 'done', 'no_show', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const TIMESHEET_STATUSES = ['reported', 'confirmed', 'disputed', 'resolved'] as const;
export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];
export const MEDIATOR_DOCUMENT_KINDS = ['confidentiality', 'police_clearance', 'qualification', 'other'] as const;
export type MediatorDocumentKind = (typeof MEDIATOR_DOCUMENT_KINDS)[number];

/** A qualification or training with its date, as the mediator or the coordinator entered it. */
export type Qualification = { kind: QualificationKind; title: string; date: string | null };

export const mediators = pgTable(
  'sp_mediators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    /** Set when the coordinator invited the activated mediator and they accepted (role `mediator`). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    status: text('status', { enum: MEDIATOR_STATUSES }).notNull().default('applied'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    gender: text('gender', { enum: GENDERS }).notNull().default('unspecified'),
    /** German level (CEFR or native). */
    germanLevel: text('german_level', { enum: LANGUAGE_LEVELS }).notNull(),
    modes: text('modes', { enum: MODES }).array().notNull().default(sql`ARRAY['on_site']::text[]`),
    /** Home area: postal code and place, with coordinates when known (distance ranking). */
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    lat: real('lat'),
    lon: real('lon'),
    /** Largest distance (km, straight line) the mediator travels for on-site work. */
    maxTravelKm: integer('max_travel_km').notNull().default(20),
    /** Qualification kinds held (for matching) and the list with titles and dates (for people). */
    qualificationKinds: text('qualification_kinds', { enum: QUALIFICATION_KINDS }).array().notNull().default(sql`ARRAY[]::text[]`),
    qualifications: jsonb('qualifications').$type<Qualification[]>().notNull().default([]),
    /** Signed confidentiality declaration and police clearance certificate (erweitertes Führungszeugnis). */
    confidentialitySignedOn: day('confidentiality_signed_on'),
    confidentialityExpiresOn: day('confidentiality_expires_on'),
    policeClearanceIssuedOn: day('police_clearance_issued_on'),
    policeClearanceExpiresOn: day('police_clearance_expires_on'),
    /** Paid per hour (else volunteer with expense allowance); affects only the payout export. */
    paid: boolean('paid').notNull().default(true),
    /** Applicant's own words and the coordinator's internal notes. */
    motivation: text('motivation').notNull().default(''),
    coordinatorNotes: text('coordinator_notes').notNull().default(''),
    consentAt: ts('consent_at').notNull(),
    /** UI language for mails. */
    language: text('language').notNull().default('de'),
    /** Documents about to expire: when the last reminder went out (once per expiry date). */
    documentsRemindedFor: text('documents_reminded_for'),
    deletionRequestedAt: ts('deletion_requested_at'),
    approvedAt: ts('approved_at'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sp_mediators_region_idx').on(t.regionId, t.status),
    uniqueIndex('sp_mediators_email_key').on(t.regionId, t.email),
    uniqueIndex('sp_mediators_account_key').on(t.regionId, t.accountId),
    check('sp_mediators_travel_check', sql`${t.maxTravelKm} BETWEEN 0 AND 500`),
  ],
);

/** Languages a mediator speaks: a language code (ISO 639, see languages.ts) with an optional dialect and a level. */
export const mediatorLanguages = pgTable(
  'sp_mediator_languages',
  {
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    regionId: regionRef(),
    language: text('language').notNull(),
    /** '' = no particular dialect. */
    dialect: text('dialect').notNull().default(''),
    level: text('level', { enum: LANGUAGE_LEVELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.language, t.dialect] }), index('sp_mediator_languages_lookup_idx').on(t.regionId, t.language)],
);

/**
 * Weekly availability: minutes after local midnight on an ISO weekday (1 = Monday). Entries of one mediator on one
 * weekday may not overlap (exclusion constraint in the migration).
 */
export const availability = pgTable(
  'sp_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [
    index('sp_availability_mediator_idx').on(t.mediatorId),
    check('sp_availability_weekday_check', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('sp_availability_minutes_check', sql`${t.startMinute} >= 0 AND ${t.endMinute} <= 1440 AND ${t.startMinute} < ${t.endMinute}`),
  ],
);

/** Absences (holidays, illness): whole local days, both inclusive. */
export const absences = pgTable(
  'sp_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date').notNull(),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sp_absences_mediator_idx').on(t.mediatorId, t.fromDate), check('sp_absences_order_check', sql`${t.fromDate} <= ${t.toDate}`)],
);

/** Uploaded documents (declaration, clearance certificate, certificates): coordinators only. */
export const mediatorDocuments = pgTable(
  'sp_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MEDIATOR_DOCUMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    expiresOn: day('expires_on'),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sp_documents_mediator_idx').on(t.mediatorId)],
);

/** Institutions that book mediators (schools, day-care centres, counselling services, Jobcenter, authorities). */
export const agencies = pgTable(
  'sp_agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    status: text('status', { enum: AGENCY_STATUSES }).notNull().default('pending'),
    name: text('name').notNull(),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull(),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    lat: real('lat'),
    lon: real('lon'),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    /** Invoice address or cost centre, as the institution wants it on the invoice. */
    billingReference: text('billing_reference').notNull().default(''),
    coordinatorNotes: text('coordinator_notes').notNull().default(''),
    approvedAt: ts('approved_at'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('sp_agencies_region_idx').on(t.regionId, t.status)],
);

/** Contact people of an institution; each gets an account with role `agency` when the institution is approved. */
export const agencyContacts = pgTable(
  'sp_agency_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    position: text('position').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sp_agency_contacts_email_key').on(t.agencyId, t.email), index('sp_agency_contacts_account_idx').on(t.accountId)],
);

export const requests = pgTable(
  'sp_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'restrict' }),
    /** The contact person who made the request. */
    contactId: uuid('contact_id').references(() => agencyContacts.id, { onDelete: 'set null' }),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('requested'),
    language: text('language').notNull(),
    dialect: text('dialect').notNull().default(''),
    mode: text('mode', { enum: MODES }).notNull(),
    /** Local start ("2026-12-10T16:00") in the region's time zone, and the instants. */
    startLocal: text('start_local').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** On-site: where. Phone/video: how to join (number or link), given to the assigned mediator only. */
    placeName: text('place_name').notNull().default(''),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    lat: real('lat'),
    lon: real('lon'),
    joinInfo: text('join_info').notNull().default(''),
    setting: text('setting', { enum: SETTINGS }).notNull(),
    topic: text('topic', { enum: TOPICS }).notNull().default('other'),
    genderPreference: text('gender_preference', { enum: GENDER_PREFERENCES }).notNull().default('none'),
    /** No client names or personal data: the form says so and warns on patterns (flag `personal_data_warning`). */
    notes: text('notes').notNull().default(''),
    /** Contact for the day of the appointment (staff of the institution). */
    onSiteContact: text('on_site_contact').notNull().default(''),
    flags: text('flags', { enum: REQUEST_FLAGS }).array().notNull().default(sql`ARRAY[]::text[]`),
    rejectReason: text('reject_reason'),
    cancelledBy: text('cancelled_by', { enum: ['agency', 'coordinator', 'mediator'] }),
    cancelReason: text('cancel_reason'),
    cancelledAt: ts('cancelled_at'),
    /** Cancelled by the institution inside the region's free-cancellation window: billed as the region says. */
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    approvedAt: ts('approved_at'),
    assignedAt: ts('assigned_at'),
    anonymisedAt: ts('anonymised_at'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sp_requests_region_status_idx').on(t.regionId, t.status, t.startsAt),
    index('sp_requests_agency_idx').on(t.agencyId, t.startsAt),
    check('sp_requests_duration_check', sql`${t.durationMinutes} BETWEEN 15 AND 600`),
    check('sp_requests_time_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const offers = pgTable(
  'sp_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('open'),
    /** SHA-256 of the one-time link's token (the token itself is only in the mail). */
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    declineReason: text('decline_reason'),
    sentBy: uuid('sent_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    respondedAt: ts('responded_at'),
  },
  (t) => [
    uniqueIndex('sp_offers_token_key').on(t.tokenHash),
    uniqueIndex('sp_offers_request_mediator_key').on(t.requestId, t.mediatorId),
    index('sp_offers_mediator_idx').on(t.mediatorId, t.status, t.createdAt),
    index('sp_offers_open_idx').on(t.status, t.expiresAt),
  ],
);

/**
 * The mediator who does a request. Exclusion constraint `sp_assignments_no_overlap` (migration): no two assignments
 * of one mediator in states active/done whose [starts_at, ends_at) overlap.
 */
export const assignments = pgTable(
  'sp_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'restrict' }),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('active'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    remindedAt: ts('reminded_at'),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sp_assignments_request_active_key').on(t.requestId).where(sql`${t.status} <> 'cancelled'`),
    index('sp_assignments_mediator_idx').on(t.mediatorId, t.startsAt),
    index('sp_assignments_region_idx').on(t.regionId, t.startsAt),
    check('sp_assignments_time_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** Time and travel the mediator reports for an assignment (one per assignment), confirmed or disputed by the institution. */
export const timesheets = pgTable(
  'sp_timesheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: regionRef(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'restrict' }),
    status: text('status', { enum: TIMESHEET_STATUSES }).notNull().default('reported'),
    /** As reported by the mediator. */
    minutes: integer('minutes').notNull(),
    travelKm: integer('travel_km').notNull().default(0),
    /** Public transport tickets, in cents. */
    transportCents: integer('transport_cents').notNull().default(0),
    note: text('note').notNull().default(''),
    reportedAt: ts('reported_at').notNull().defaultNow(),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => accounts.id, { onDelete: 'set null' }),
    disputeReason: text('dispute_reason'),
    /** The coordinator's resolution of a dispute: the figures that are billed. */
    resolvedMinutes: integer('resolved_minutes'),
    resolvedTravelKm: integer('resolved_travel_km'),
    resolvedTransportCents: integer('resolved_transport_cents'),
    resolutionNote: text('resolution_note'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => accounts.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sp_timesheets_assignment_key').on(t.assignmentId),
    index('sp_timesheets_region_idx').on(t.regionId, t.status),
    check('sp_timesheets_figures_check', sql`${t.minutes} BETWEEN 1 AND 1440 AND ${t.travelKm} BETWEEN 0 AND 2000 AND ${t.transportCents} >= 0`),
  ],
);
