import type { FastifyInstance } from 'fastify';
import { searchRoutes } from './routes.js';

export { registerSearchProvider, searchProviders, toSnippetHtml, headlineOptions, HIGHLIGHT_MARKERS, type SearchHit, type SearchInput, type SearchProvider, type SearchRegion, type SnippetHtml } from './registry.js';
export { searchRegion, normaliseQuery, QUERY_MAX as SEARCH_QUERY_MAX } from './service.js';
export { tieredMatches, type SearchTable } from './queries.js';

/** One search per region and language over the guide (and later services and events). */
export async function searchModule(app: FastifyInstance): Promise<void> {
  await app.register(searchRoutes);
}
