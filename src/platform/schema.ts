import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** BCP 47 languages known to the installation (content and UI). */
export const languages = pgTable('languages', {
  code: text('code').primaryKey(),
  nativeName: text('native_name').notNull(),
  englishName: text('english_name').notNull(),
  direction: text('direction', { enum: ['ltr', 'rtl'] }).notNull().default('ltr'),
  /** Language whose UI catalog exists; other content languages fall back to English UI strings. */
  hasUiCatalog: boolean('has_ui_catalog').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** State › county › municipality. Everything else belongs to a region. */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => regions.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['state', 'county', 'city', 'municipality'] }).notNull(),
    timezone: text('timezone').notNull().default('Europe/Berlin'),
    sourceLanguage: text('source_language').notNull().default('de'),
    /** Content languages in display order; always includes the source language. */
    languages: text('languages').array().notNull().default(sql`ARRAY['de']::text[]`),
    contact: text('contact').notNull().default(''),
    imprint: text('imprint').notNull().default(''),
    privacy: text('privacy').notNull().default(''),
    accessibilityStatement: text('accessibility_statement').notNull().default(''),
    /** Feature settings (map tiles, retention days, MT budget, …) owned by later modules. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    revision: integer('revision').notNull().default(1),
    archivedAt: ts('archived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('regions_slug_key').on(t.slug), index('regions_parent_idx').on(t.parentId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    passwordHash: text('password_hash'),
    /** Installation-wide administrator (role `admin`). */
    isAdmin: boolean('is_admin').notNull().default(false),
    uiLanguage: text('ui_language').notNull().default('de'),
    /** AES-256-GCM sealed (`v1:…`, see platform/auth/secret-box.ts); older rows may still hold the plain base32. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** Time step (unix time / 30 s) of the last accepted TOTP code: a code is accepted only once. */
    totpLastStep: integer('totp_last_step'),
    disabledAt: ts('disabled_at'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`)],
);

export const ROLES = [
  'region_admin',
  'editor',
  'translator',
  'pool_coordinator',
  'mediator',
  'agency',
  'volunteer_coordinator',
  'volunteer',
  'partner',
  'reviewer',
] as const;
export type RegionRole = (typeof ROLES)[number];

/** A role of an account on a region; it also applies to the region's children. */
export const memberships = pgTable(
  'memberships',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    /** Translators may be restricted to some languages; empty = all. */
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.regionId, t.role] }), index('memberships_region_idx').on(t.regionId)],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** False until the second factor was given (when the account has one). */
    verified: boolean('verified').notNull().default(true),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** One-time tokens by e-mail: invitations (with region and role) and password resets. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['invitation', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('account_tokens_hash_key').on(t.tokenHash)],
);

/** Failed-login counters per account and per IP, for growing back-off (shared by all instances). */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: ts('blocked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Who did what, when, where: every admin write. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    regionId: uuid('region_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Changed fields: { field: [before, after] }; secrets are never recorded. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [index('audit_events_region_at_idx').on(t.regionId, t.at), index('audit_events_entity_idx').on(t.entityType, t.entityId)],
);

/** Background jobs / outbox. Written in the same transaction as the change that causes them. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    regionId: uuid('region_id'),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    runAt: ts('run_at').notNull().defaultNow(),
    lockedAt: ts('locked_at'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    /** At most one pending or running job per key (recurring jobs, "remind once" jobs); null = no limit. */
    uniqueKey: text('unique_key'),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.runAt),
    index('jobs_region_idx').on(t.regionId, t.status),
    uniqueIndex('jobs_unique_key_open').on(t.uniqueKey).where(sql`status IN ('pending', 'running')`),
  ],
);

/** Every mail the system wants to send; kept and shown when no SMTP server is configured. */
export const mails = pgTable(
  'mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Attachments as { filename, contentType, content (base64) }. */
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>().notNull().default([]),
    status: text('status', { enum: ['queued', 'sent', 'kept', 'failed'] }).notNull().default('queued'),
    messageId: text('message_id'),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mails_region_created_idx').on(t.regionId, t.createdAt)],
);

/** Per-region API tokens for writes through /api/v1; only the hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);
