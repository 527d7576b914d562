/**
 * The demo guide of "Landkreis Beispiel": about 40 pages in a tree of topics, translated into English, Arabic,
 * Ukrainian and Leichte Sprache (plus a few Turkish, Persian and Russian pages). Some gaps are left on purpose so the
 * translation workflow has something to show: a few languages missing, and a few pages whose German text changed
 * after translation (their translations are outdated).
 *
 * Two ways to write it, with the same result (the seed test compares them row by row):
 * - `viaService`: every page and text through the guide service (createPage, savePageText), as people would;
 * - the default, in bulk: the same rows computed with the service's own functions (slugify, sanitizeRichText,
 *   searchConfigFor …) and written with one insert per table. On PGlite the service path costs ~15–25 ms of CPU per
 *   save, about four seconds for the ~220 texts, which every start on fresh data and every test seeding the demo
 *   would pay; the bulk path takes a fraction of that.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { pageRevisions, pages, pageTranslations } from '../modules/guide/schema.js';
import { createPage, savePageText, searchConfigFor, slugify } from '../modules/guide/service.js';
import { recordAudit } from '../platform/audit/audit.js';
import { countWords, richTextToPlainText, sanitizeRichText } from '../platform/richtext/sanitize.js';
import { DEMO_GUIDE } from './guide/index.js';
import type { DemoLanguage, DemoPage } from './guide/types.js';

const SEED_ACTOR = { system: 'seed-demo' } as const;
/** Order in which translations are saved (the extra languages last). */
const TRANSLATION_ORDER: Exclude<DemoLanguage, 'de'>[] = ['en', 'ar', 'uk', 'de-x-ls', 'tr', 'fa', 'ru'];
const REVISION_NOTE = 'Neue Angaben (Demo: Übersetzungen veraltet)';

export type DemoGuideResult = { pages: number; translations: number; outdated: number };

/** Applies a page's revision (find → replace pairs) to its German HTML; throws when a passage is not found. */
export function revisedGerman(page: DemoPage): string | undefined {
  if (!page.revision) return undefined;
  let html = page.texts.de.html;
  for (const { find, replace } of page.revision) {
    if (!html.includes(find)) throw new Error(`demo guide: revision of ${page.key} does not find “${find}”`);
    html = html.replace(find, replace);
  }
  return html;
}

/** Creates the demo guide pages in `regionId` (a region with German as source and the demo languages). */
export async function seedDemoGuide(db: Db, regionId: string, opts: { viaService?: boolean } = {}): Promise<DemoGuideResult> {
  return opts.viaService ? seedViaService(db, regionId) : seedInBulk(db, regionId);
}

async function seedViaService(db: Db, regionId: string): Promise<DemoGuideResult> {
  const result: DemoGuideResult = { pages: 0, translations: 0, outdated: 0 };
  const revised: { pageId: string; page: DemoPage }[] = [];
  const seedPage = async (page: DemoPage, parentId: string | null): Promise<void> => {
    const { page: row } = await createPage(db, SEED_ACTOR, { regionId, parentId, title: page.texts.de.title, contentHtml: page.texts.de.html, icon: page.icon ?? null, status: 'published' });
    result.pages += 1;
    for (const language of TRANSLATION_ORDER) {
      const text = page.texts[language];
      if (!text) continue;
      await savePageText(db, SEED_ACTOR, { pageId: row.id, language, baseRevision: 0, title: text.title, contentHtml: text.html, origin: 'seed' });
      result.translations += 1;
    }
    if (page.revision) revised.push({ pageId: row.id, page });
    for (const child of page.children ?? []) await seedPage(child, row.id);
  };
  for (const topic of DEMO_GUIDE) await seedPage(topic, null);
  // Later changes of the German text: a major revision, so the translations made before are outdated now.
  for (const { pageId, page } of revised) {
    const html = revisedGerman(page);
    if (html === undefined) continue;
    await savePageText(db, SEED_ACTOR, { pageId, language: 'de', baseRevision: 1, title: page.texts.de.title, contentHtml: html, origin: 'seed', note: REVISION_NOTE });
    result.outdated += 1;
  }
  return result;
}

/** The computed columns of a text, exactly as savePageText fills them. */
function textColumns(language: string, title: string, rawHtml: string) {
  const contentHtml = sanitizeRichText(rawHtml);
  const text = richTextToPlainText(contentHtml);
  return {
    title,
    slug: slugify(title, language),
    contentHtml,
    contentText: `${title}\n${text}`,
    wordCount: countWords(`${title} ${text}`, language),
    searchConfig: searchConfigFor(language),
  };
}

async function seedInBulk(db: Db, regionId: string): Promise<DemoGuideResult> {
  const now = new Date();
  const pageRows: (typeof pages.$inferInsert)[] = [];
  const translationRows: (typeof pageTranslations.$inferInsert)[] = [];
  const revisionRows: (typeof pageRevisions.$inferInsert)[] = [];
  const result: DemoGuideResult = { pages: 0, translations: 0, outdated: 0 };
  const revision = (pageId: string, language: string, number: number, cols: ReturnType<typeof textColumns>, sourceRevision: number | null, note: string | null = null) =>
    revisionRows.push({ pageId, language, number, title: cols.title, slug: cols.slug, contentHtml: cols.contentHtml, isDraft: false, minor: false, sourceRevision, machineProvider: null, origin: 'seed', note, createdBy: null, createdAt: now });

  const visit = (page: DemoPage, parentId: string | null, position: number): void => {
    const id = randomUUID();
    pageRows.push({ id, regionId, parentId, position, status: 'published', icon: page.icon ?? null, createdBy: null, createdAt: now, updatedAt: now });
    result.pages += 1;
    const original = textColumns('de', page.texts.de.title, page.texts.de.html);
    revision(id, 'de', 1, original, null);
    const changed = revisedGerman(page);
    const current = changed === undefined ? original : textColumns('de', page.texts.de.title, changed);
    const sourceNumber = changed === undefined ? 1 : 2;
    if (changed !== undefined) {
      revision(id, 'de', 2, current, null, REVISION_NOTE);
      result.outdated += 1;
    }
    translationRows.push({ pageId: id, regionId, language: 'de', ...current, revision: sourceNumber, draftRevision: null, majorRevision: sourceNumber, sourceRevision: null, machineProvider: null, updatedBy: null, updatedAt: now });
    for (const language of TRANSLATION_ORDER) {
      const text = page.texts[language];
      if (!text) continue;
      const cols = textColumns(language, text.title, text.html);
      revision(id, language, 1, cols, 1);
      translationRows.push({ pageId: id, regionId, language, ...cols, revision: 1, draftRevision: null, majorRevision: 0, sourceRevision: 1, machineProvider: null, updatedBy: null, updatedAt: now });
      result.translations += 1;
    }
    (page.children ?? []).forEach((child, i) => visit(child, id, i));
  };
  DEMO_GUIDE.forEach((topic, i) => visit(topic, null, i));

  await db.insert(pages).values(pageRows);
  await db.insert(pageTranslations).values(translationRows);
  await db.insert(pageRevisions).values(revisionRows);
  for (const row of pageRows) {
    const languages = translationRows.filter((t) => t.pageId === row.id).map((t) => t.language);
    await recordAudit(db, SEED_ACTOR, { regionId, action: 'page.create', entityType: 'page', entityId: row.id ?? null, before: null, after: { parentId: row.parentId, position: row.position, status: row.status, icon: row.icon, languages, origin: 'seed' } });
  }
  return result;
}
