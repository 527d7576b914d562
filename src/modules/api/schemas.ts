import { z } from 'zod';
import { NAME_MAX, REGION_KINDS, TEXT_MAX } from '../regions/index.js';

// JSON shapes of /api/v1. They are the route schemas, so the OpenAPI document is generated from them.
// Messages are catalog keys, so validation errors come back localised.

const slug = z.string().min(2, 'validation.slug').max(60, 'validation.slug').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'validation.slug');
/** Type errors name the problem; length and format errors keep their own keys (with their limits). */
const typeError = (issue: { code: string; input?: unknown }) => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'validation.required' : 'validation.invalid');
const text = z.string({ error: typeError }).max(TEXT_MAX);

export const languageSchema = z.object({
  code: z.string().meta({ description: 'BCP 47 code, lower case', example: 'de-x-ls' }),
  nativeName: z.string(),
  englishName: z.string(),
  direction: z.enum(['ltr', 'rtl']),
});

export const regionSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(REGION_KINDS),
  parent: z.string().nullable().meta({ description: 'Slug of the parent region; null for a root' }),
  timezone: z.string().meta({ description: 'IANA time zone', example: 'Europe/Berlin' }),
  languages: z.array(z.string()).meta({ description: 'Content languages (BCP 47), source language first' }),
  sourceLanguage: z.string(),
  revision: z.number().int().meta({ description: 'Send it back with PATCH; a stale revision is refused with 409' }),
  updatedAt: z.string().meta({ description: 'ISO 8601 date-time' }),
});

export const regionSchema = regionSummarySchema.extend({
  contact: z.string(),
  imprint: z.string(),
  privacy: z.string(),
  accessibilityStatement: z.string(),
  children: z.array(z.string()).meta({ description: 'Slugs of the non-archived child regions' }),
});

export const regionFieldsBody = {
  slug,
  name: z.string({ error: typeError }).min(1, 'validation.required').max(NAME_MAX),
  kind: z.enum(REGION_KINDS, { error: 'validation.choose_valid' }),
  timezone: z.string({ error: typeError }).min(1, 'validation.timezone').max(64, 'validation.timezone'),
  languages: z.array(z.string({ error: 'validation.language_code' }).max(40, 'validation.language_code'), { error: typeError }).min(1, 'validation.choose_one').max(50),
  sourceLanguage: z.string({ error: 'validation.language_code' }).min(1, 'validation.language_code').max(40, 'validation.language_code'),
  contact: text,
  imprint: text,
  privacy: text,
  accessibilityStatement: text,
};

export const createRegionBody = z.strictObject({
  ...regionFieldsBody,
  timezone: regionFieldsBody.timezone.optional(),
  contact: text.optional(),
  imprint: text.optional(),
  privacy: text.optional(),
  accessibilityStatement: text.optional(),
});

export const patchRegionBody = z.strictObject({
  revision: z.number({ error: typeError }).int('validation.invalid').min(1),
  slug: slug.optional(),
  name: regionFieldsBody.name.optional(),
  kind: regionFieldsBody.kind.optional(),
  timezone: regionFieldsBody.timezone.optional(),
  languages: regionFieldsBody.languages.optional(),
  sourceLanguage: regionFieldsBody.sourceLanguage.optional(),
  contact: text.optional(),
  imprint: text.optional(),
  privacy: text.optional(),
  accessibilityStatement: text.optional(),
});

export const slugParams = z.object({ slug: z.string().max(200).meta({ description: 'Region slug' }) });
export const listRegionsQuery = z.object({ parent: z.string().max(200).optional().meta({ description: 'Only the children of the region with this slug' }) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable error code, e.g. revision_conflict, slug_taken, token_invalid' }),
    instance: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    current: regionSchema.optional().meta({ description: 'On 409 revision_conflict: the version stored now' }),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json)' });

export type ApiRegion = z.infer<typeof regionSchema>;
export type ApiRegionSummary = z.infer<typeof regionSummarySchema>;
