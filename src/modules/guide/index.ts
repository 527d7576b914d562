import type { FastifyInstance } from 'fastify';
import { guideAdminRoutes } from './admin-routes.js';
import { guidePublicRoutes } from './public-routes.js';
import { guideApiRoutes } from './api-routes.js';
import { mediaRoutes } from './media-routes.js';

export * from './service.js';
export * from './segments.js';
/** Readable differences between two versions of a page (history, conflicts, what changed for translators). */
export { changedBlocks, diffHtml, diffText, htmlBlocks, removedBlocks, type ChangedBlock, type DiffBlock, type WordPart } from './diff.js';
export { DiffParts, RevisionDiff } from './views/admin-diff.js';
/** The editor's extension point and the admin views other modules reuse (translation workflow). */
export { addEditorExtension, type EditorData, type EditorExtension } from './admin-service.js';
export { editorHref, LanguageName, RegionBreadcrumbs, StateLabel, StatusBadge, When } from './views/admin-parts.js';
/** Reader-side helpers other modules' pages share: language names in the reader's language, dates, images. */
export { formatDate, languageNameIn } from './views/public-page.js';
export { imageAttributes, imageHtml, type MediaForHtml } from './media.js';
/** The rich-text editor island (labels + script) and the media library choices, for other modules' forms. */
export { EditorLabels, EditorScript } from './views/editor-labels.js';
export { listMediaChoices, type MediaChoice } from './admin-queries.js';
/** The built-in page icons (inline SVG). */
export { GuideIcon, ICON_NAMES, isIconName, type IconName } from './icons.js';
/** Live content other modules embed in guide pages (e.g. the directory's list of services of a category). */
export { registerContentEmbed, type ContentEmbed, type ContentEmbedInput } from './embeds.js';
/** Readers' view of the guide (visible tree, page addresses per language) for search, offline bundles and others. */
export { buildReaderGuide, loadReaderGuide, excerptOf, type ReaderGuide, type ReaderNode, type PageLink } from './public.js';
/** The rows a reader guide is built from (search keeps them between content changes and rebuilds per request). */
export { listPageNodesOfRegion, listTextSummariesOfRegion, type PublicPageRow, type TextSummaryRow } from './public-queries.js';

/** The multilingual local guide: page tree, editor, revisions, public pages, API and images. */
export async function guideModule(app: FastifyInstance): Promise<void> {
  await app.register(guideAdminRoutes);
  await app.register(mediaRoutes);
  await app.register(guideApiRoutes);
  await app.register(guidePublicRoutes);
}
