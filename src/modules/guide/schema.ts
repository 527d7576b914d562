import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
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
import { accounts, languages, regions } from '../../platform/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const PAGE_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** Uploaded images: one row per upload, variants (resized, metadata stripped) in `media_variants`. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** Alternative text in the region's source language (the editor asks for it). */
    alt: text('alt').notNull().default(''),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Widths available as variants, ascending. */
    widths: integer('widths').array().notNull().default(sql`ARRAY[]::integer[]`),
    bytes: integer('bytes').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('media_region_idx').on(t.regionId, t.createdAt)],
);

/** Resized copies of an image (WebP), stored in the database so every instance and every backup has them. */
export const mediaVariants = pgTable(
  'media_variants',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    width: integer('width').notNull(),
    contentType: text('content_type').notNull(),
    data: bytea('data').notNull(),
    /** Strong ETag (sha256 of data). */
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.width] })],
);

/** A node of a region's guide tree. Texts live in `page_translations`, one row per language. */
export const pages = pgTable(
  'pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => pages.id, { onDelete: 'restrict' }),
    /** Order among siblings (0-based, gaps allowed). */
    position: integer('position').notNull().default(0),
    status: text('status', { enum: PAGE_STATUSES }).notNull().default('draft'),
    /** Optional window in which a published page is visible. */
    publishFrom: ts('publish_from'),
    publishUntil: ts('publish_until'),
    /** A named icon from the built-in set (see guide/icons.ts), or null. */
    icon: text('icon'),
    imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
    /** Revision of the page's own fields (tree place, status, dates, icon): optimistic lock. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('pages_region_parent_idx').on(t.regionId, t.parentId, t.position), index('pages_parent_idx').on(t.parentId)],
);

/**
 * The current text of a page in one language. `revision` is the number of the current (non-draft) revision in
 * `page_revisions`; `draftRevision` a newer draft when one exists. For the source language `majorRevision` is the
 * last revision that was not marked minor; a translation with `sourceRevision < source.majorRevision` is outdated.
 */
export const pageTranslations = pgTable(
  'page_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    /** Sanitised HTML (sanitizeRichText) of the current revision. */
    contentHtml: text('content_html').notNull().default(''),
    /** Plain text of title + content, for search and word counts. */
    contentText: text('content_text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    /** Current revision number (0 while only drafts exist). */
    revision: integer('revision').notNull().default(0),
    /** A draft revision newer than `revision`, or null. */
    draftRevision: integer('draft_revision'),
    /** Source language only: the last non-minor current revision. */
    majorRevision: integer('major_revision').notNull().default(0),
    /** Translations only: the source revision this text was translated from. */
    sourceRevision: integer('source_revision'),
    /** Machine output not yet approved by a person; the provider's name. */
    machineProvider: text('machine_provider'),
    /** PostgreSQL text search configuration for this language (german, english, russian, turkish or simple). */
    searchConfig: regconfig('search_config').notNull().default(sql`'simple'::regconfig`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector(search_config, coalesce(title, '')), 'A') || setweight(to_tsvector(search_config, coalesce(content_text, '')), 'B')`,
    ),
    /** The title alone: the search's first tier (texts whose title matches); small, kept in the row. */
    titleVector: tsvector('title_vector').generatedAlwaysAs(sql`to_tsvector(search_config, coalesce(title, ''))`),
    updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('page_translations_page_lang_key').on(t.pageId, t.language),
    uniqueIndex('page_translations_slug_key').on(t.regionId, t.language, t.slug),
    index('page_translations_region_lang_idx').on(t.regionId, t.language),
    // GIN without a pending list: PGlite has no autovacuum to merge it, and every search would read it entry by entry.
    index('page_translations_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('page_translations_title_vector_idx').using('gin', t.titleVector).with({ fastupdate: false }),
    index('page_translations_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

/** Every save of a page's text in one language: drafts and current versions, numbered per page and language. */
export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    contentHtml: text('content_html').notNull(),
    /** A draft never changes what readers see and never makes translations outdated. */
    isDraft: boolean('is_draft').notNull().default(false),
    /** Source language: a minor change (typo) keeps translations up to date. */
    minor: boolean('minor').notNull().default(false),
    sourceRevision: integer('source_revision'),
    machineProvider: text('machine_provider'),
    /** How the revision came to be: edit, restore, xliff, machine, import, seed. */
    origin: text('origin').notNull().default('edit'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('page_revisions_number_key').on(t.pageId, t.language, t.number)],
);

export const FEEDBACK_STATUSES = ['new', 'read', 'archived'] as const;

/** "Did this help?" from readers (no account), and "nothing found" from the search page. */
export const feedback = pgTable(
  'feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    pageId: uuid('page_id').references(() => pages.id, { onDelete: 'set null' }),
    language: text('language').notNull(),
    /** true = helped, false = did not help, null = only a comment or a search wish. */
    helpful: boolean('helpful'),
    comment: text('comment').notNull().default(''),
    /** The search that found nothing, when the feedback came from the search page. */
    query: text('query'),
    status: text('status', { enum: FEEDBACK_STATUSES }).notNull().default('new'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('feedback_region_status_idx').on(t.regionId, t.status, t.createdAt)],
);

/**
 * Translation memory: approved segment pairs of a region (one block — paragraph, heading, list item, cell — per
 * row), filled whenever a person saves or approves a translation. Exact matches by hash, fuzzy by trigram similarity.
 */
export const translationMemory = pgTable(
  'translation_memory',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    sourceLanguage: text('source_language').notNull(),
    targetLanguage: text('target_language').notNull(),
    /** Segment source as inline-coded text (see guide/segments.ts), and its sha256. */
    source: text('source').notNull(),
    sourceHash: text('source_hash').notNull(),
    target: text('target').notNull(),
    pageId: uuid('page_id').references(() => pages.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('translation_memory_pair_key').on(t.regionId, t.sourceLanguage, t.targetLanguage, t.sourceHash),
    index('translation_memory_source_trgm_idx').using('gin', sql`${t.source} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

export const MT_PROVIDERS = ['deepl', 'libretranslate'] as const;
export type MtProviderName = (typeof MT_PROVIDERS)[number];

/** Machine translation per region: provider endpoint, key (sealed), yearly word budget. Off unless enabled. */
export const mtSettings = pgTable('mt_settings', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  provider: text('provider', { enum: MT_PROVIDERS }).notNull().default('libretranslate'),
  endpoint: text('endpoint').notNull().default(''),
  /** Sealed with secret-box; never shown again. */
  apiKey: text('api_key'),
  yearlyWordBudget: integer('yearly_word_budget').notNull().default(0),
  /** Language pairs "de>en" that may be machine translated; empty = none. */
  pairs: text('pairs').array().notNull().default(sql`ARRAY[]::text[]`),
  revision: integer('revision').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Words sent to a provider and words saved by the translation memory, per region and calendar year. */
export const mtUsage = pgTable(
  'mt_usage',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    wordsUsed: integer('words_used').notNull().default(0),
    wordsSaved: integer('words_saved').notNull().default(0),
    requests: integer('requests').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] })],
);

/** XLIFF import reports, kept so an officer can read them again. */
export const xliffImports = pgTable(
  'xliff_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    version: text('version').notNull(),
    targetLanguage: text('target_language'),
    /** Per unit: { unit, pageId, status: applied|refused|unchanged, reason } */
    report: jsonb('report').$type<{ unit: string; pageId: string | null; title: string; status: string; reason: string | null }[]>().notNull().default([]),
    applied: integer('applied').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('xliff_imports_region_idx').on(t.regionId, t.createdAt)],
);
