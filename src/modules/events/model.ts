/**
 * What the event services accept, validated with zod: the same shape from the admin form (after forms.ts turns form
 * strings into values), from the iCal import and from the demo seed. Messages are catalog keys at the field.
 */
import { z } from 'zod';
import { EVENT_CATEGORIES, EVENT_STATUSES } from './schema.js';
import { END_MODES, FREQS, SET_POSITIONS, WEEKDAYS } from './recurrence.js';

export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const HTML_MAX = 100_000;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const localDateTime = z.string().regex(LOCAL, { message: 'events.error_datetime' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.too_long' })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

export const recurrenceSchema = z.object({
  freq: z.enum(FREQS).default('none'),
  interval: z.coerce.number().int().min(1, { message: 'events.error_interval' }).max(99, { message: 'events.error_interval' }).default(1),
  byDay: z.array(z.enum(WEEKDAYS)).default([]),
  monthlyMode: z.enum(['day', 'weekday']).default('day'),
  setPos: z.union(SET_POSITIONS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<-1>]).default(1),
  endMode: z.enum(END_MODES).default('until'),
  until: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'events.error_date' }).default(''),
  count: z.coerce.number().int().min(1, { message: 'events.error_count' }).max(500, { message: 'events.error_count' }).default(10),
});

export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1, { message: 'validation.required' }).max(TITLE_MAX, { message: 'validation.too_long' }),
    descriptionHtml: z.string().max(HTML_MAX, { message: 'validation.too_long' }).default(''),
    category: z.enum(EVENT_CATEGORIES, { message: 'validation.choose_valid' }),
    startLocal: localDateTime,
    endLocal: localDateTime,
    allDay: z.boolean().default(false),
    /** The region's zone unless the event says otherwise (an online event run from elsewhere). */
    timeZone: z.string().optional(),
    /** Either the form's recurrence, or an RRULE as it came (iCal import, unchanged imported rules). */
    recurrence: recurrenceSchema.default({ freq: 'none', interval: 1, byDay: [], monthlyMode: 'day', setPos: 1, endMode: 'until', until: '', count: 10 }),
    rrule: z.string().trim().max(500).nullable().default(null),
    exdates: z.array(localDateTime).max(500).default([]),
    rdates: z.array(localDateTime).max(500).default([]),
    locationId: z.string().uuid().nullable().default(null),
    placeName: optionalText(200),
    street: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    onlineUrl: z
      .string()
      .trim()
      .max(500, { message: 'validation.too_long' })
      .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { message: 'events.error_url' })
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
    organizerName: z.string().trim().max(200, { message: 'validation.too_long' }).default(''),
    organizerOrganizationId: z.string().uuid().nullable().default(null),
    contactEmail: z
      .string()
      .trim()
      .max(254)
      .refine((s) => s === '' || z.email().safeParse(s).success, { message: 'validation.email' })
      .transform((s) => (s === '' ? null : s.toLowerCase()))
      .nullable()
      .default(null),
    contactPhone: optionalText(50),
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)).max(40).default([]),
    mediationAvailable: z.boolean().default(false),
    accessibility: z.string().trim().max(TEXT_MAX, { message: 'validation.too_long' }).default(''),
    price: z.number().min(0, { message: 'events.error_price' }).max(100_000, { message: 'events.error_price' }).nullable().default(null),
    costNote: z.string().trim().max(500, { message: 'validation.too_long' }).default(''),
    imageId: z.string().uuid().nullable().default(null),
    registrationRequired: z.boolean().default(false),
    capacity: z.number().int().min(1, { message: 'events.error_capacity' }).max(100_000, { message: 'events.error_capacity' }).nullable().default(null),
    maxPartySize: z.number().int().min(1, { message: 'events.error_party' }).max(50, { message: 'events.error_party' }).default(4),
    status: z.enum(EVENT_STATUSES).optional(),
  })
  .superRefine((v, ctx) => {
    if (LOCAL.test(v.startLocal) && LOCAL.test(v.endLocal) && v.endLocal <= v.startLocal && !(v.allDay && v.endLocal === v.startLocal)) {
      ctx.addIssue({ code: 'custom', path: ['endLocal'], message: 'events.error_end_before_start' });
    }
    if (!v.locationId && !v.street && !v.placeName && !v.onlineUrl) {
      ctx.addIssue({ code: 'custom', path: ['placeName'], message: 'events.error_place_required' });
    }
    if (v.recurrence.freq !== 'none' && v.recurrence.endMode === 'until' && v.recurrence.until === '') {
      ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'events.error_until_required' });
    }
    if (v.recurrence.freq !== 'none' && v.recurrence.until && v.recurrence.until < v.startLocal.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'events.error_until_before_start' });
    }
  });

export type EventInput = z.input<typeof eventInputSchema>;
export type ParsedEventInput = z.output<typeof eventInputSchema>;

/** Fields whose change makes translations outdated. */
export const TRANSLATABLE_FIELDS = ['title', 'descriptionHtml'] as const;

/** Registration form, as the public page and the API send it. */
export const registrationInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.too_long' }),
    email: z.preprocess(
      (v) => v ?? '',
      z
        .string()
        .trim()
        .max(254)
        .refine((s) => s === '' || z.email().safeParse(s).success, { message: 'validation.email' })
        .transform((s) => (s === '' ? null : s.toLowerCase())),
    ),
    phone: z.preprocess(
      (v) => v ?? '',
      z
        .string()
        .trim()
        .max(50, { message: 'validation.too_long' })
        .refine((s) => s === '' || /^[+0-9 ()/-]{5,}$/.test(s), { message: 'events.error_phone' })
        .transform((s) => (s === '' ? null : s.replace(/[^+0-9]/g, ''))),
    ),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/),
    partySize: z.coerce.number().int().min(1, { message: 'events.error_party' }).max(50, { message: 'events.error_party' }).default(1),
    accessibilityNeeds: z.string().trim().max(1000, { message: 'validation.too_long' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'events.error_contact_required' });
  });

/** zod's input type makes preprocessed fields required `unknown`; callers send strings or leave them out. */
export type RegistrationInput = Omit<z.input<typeof registrationInputSchema>, 'email' | 'phone' | 'partySize'> & { email?: string | null; phone?: string | null; partySize?: number | string };

/** Field errors from a zod error: the first message per field path ("recurrence.until"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, { key: string }> {
  const out: Record<string, { key: string }> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    if (out[field]) continue;
    const key = issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'validation.invalid';
    out[field] = { key };
  }
  return out;
}
