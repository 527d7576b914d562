/**
 * The directory's settings of a region, kept in `regions.settings.directory` (JSON). Missing or invalid values fall
 * back to the defaults, so an older region or a hand-edited row never breaks a page.
 */
import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v.replace(/\{[a-z]\}/g, 'x')), 'validation.url');

export const directorySettingsSchema = z.object({
  /** Owners are reminded when an entry was last verified longer ago than this. */
  verifyAfterMonths: z.coerce.number().int().min(1).max(60).catch(6).default(6),
  /** Raster tile URL template ({z}/{x}/{y}) for the map; no map without it. */
  tileUrl: httpUrl.nullable().catch(null).default(null),
  tileAttribution: z.string().trim().max(300).catch('').default(''),
  /** Nominatim-compatible search endpoint (…/search); no geocoding without it. */
  geocoderUrl: httpUrl.nullable().catch(null).default(null),
  /** Map centre when nothing else is known (the region's seat). */
  centerLat: z.coerce.number().min(-90).max(90).nullable().catch(null).default(null),
  centerLon: z.coerce.number().min(-180).max(180).nullable().catch(null).default(null),
  /**
   * ISO 3166-2 code of the federal state whose public holidays close services (DE-NW, DE-BY, …); null = only the
   * nationwide holidays.
   */
  holidayState: z
    .string()
    .regex(/^DE-[A-Z]{2}$/)
    .nullable()
    .catch(null)
    .default(null),
});

export type DirectorySettings = z.infer<typeof directorySettingsSchema>;

/** The directory settings of a region row (`regions.settings`). */
export function directorySettings(settings: Record<string, unknown> | null | undefined): DirectorySettings {
  const raw = settings?.directory;
  return directorySettingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}
