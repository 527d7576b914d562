import { z } from 'zod';

// JSON shapes of the guide's read API. They are the route schemas, so the OpenAPI document is generated from them.

export const pagesParams = z.object({
  slug: z.string().max(200).meta({ description: 'Region slug' }),
  lang: z.string().max(40).meta({ description: 'Content language (BCP 47), one of the region’s languages', example: 'ar' }),
});

export const conditionalHeaders = z.object({
  'if-none-match': z.string().max(2000).optional().meta({ description: 'The ETag of an earlier answer: 304 Not Modified when nothing changed' }),
});

export const pageParams = pagesParams.extend({
  id: z.string().max(64).meta({ description: 'Page id (UUID)' }),
});

export const apiPageLanguageSchema = z.object({
  language: z.string().meta({ description: 'BCP 47 code of a language the page has a current text in' }),
  state: z.enum(['up_to_date', 'outdated', 'machine']).meta({
    description: 'up_to_date: translated from the current source (or the source itself); outdated: the source changed since (major change); machine: machine translation not yet checked by a person',
  }),
  path: z.string().meta({ description: 'URL path of the page in that language' }),
});

export const apiPageSchema = z.object({
  id: z.string().meta({ description: 'Page id (UUID)' }),
  parent: z.string().nullable().meta({ description: 'Id of the parent page; null at the top level' }),
  position: z.number().int().meta({ description: 'Order among the visible siblings, from 0' }),
  path: z.string().meta({ description: 'URL path of the page for readers of the requested language', example: '/landkreis-beispiel/ar/…' }),
  language: z.string().meta({
    description: 'Language of title and content: the requested one, or the region’s source language when the page is not translated yet (then `fallback` is true)',
  }),
  fallback: z.boolean().meta({ description: 'True when the page has no text in the requested language and the source text is given instead' }),
  title: z.string(),
  excerpt: z.string().meta({ description: 'The first ~200 characters of the text, plain, cut at a word' }),
  contentHtml: z.string().meta({ description: 'Sanitised HTML of the content (the same allow-list as the web pages)' }),
  updatedAt: z.string().meta({ description: 'Last change of this text (ISO 8601 date-time)' }),
  contentHash: z.string().meta({ description: 'sha256 (hex) of contentHtml' }),
  machine: z.boolean().meta({ description: 'Machine translation not yet checked by a person' }),
  outdated: z.boolean().meta({ description: 'The translation is older than the source’s last major change' }),
  icon: z.string().nullable().meta({ description: 'Name of the page’s icon from the built-in set, or null' }),
  languages: z.array(apiPageLanguageSchema).meta({ description: 'Every language the page has a current text in, with its state' }),
});

export const apiPageListSchema = z.object({
  region: z.string().meta({ description: 'Region slug' }),
  language: z.string().meta({ description: 'The requested language' }),
  sourceLanguage: z.string().meta({ description: 'The region’s source language (used where a translation is missing)' }),
  pages: z.array(apiPageSchema).meta({ description: 'Every visible page, depth first: a parent always comes before its children' }),
});

export type ApiPageList = z.infer<typeof apiPageListSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable error code: region_not_found, language_not_available, page_not_found' }),
    instance: z.string(),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json)' });
