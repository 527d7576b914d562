import type { FastifyInstance } from 'fastify';
import { regionRoutes } from './routes.js';

export { loadPublicRegion, useContentLanguage } from './routes.js';
export { LanguageNotAvailablePage, layoutRegion } from './views/public.js';

export {
  NAME_MAX,
  REGION_KINDS,
  RESERVED_SLUGS,
  SLUG_PATTERN,
  TEXT_MAX,
  findParent,
  findRegionWithPath,
  listPublicChildren,
  createRegion,
  findRegionBySlug,
  getPublicRegion,
  getRegionForAdmin,
  listLanguages,
  listPublicRegions,
  listRegions,
  regionFieldsSchema,
  regionPath,
  saveSettingsSection,
  updateRegion,
  type RegionRow,
  type SettingsConflict,
  type SettingsSection,
  type LanguageRow,
} from './service.js';

/** Regions: admin pages (tree, create, edit, archive) and the public region pages `/`, `/{region}/{lang}/…`. */
export async function regionsModule(app: FastifyInstance): Promise<void> {
  await regionRoutes(app);
}
