/**
 * The translator's side of the guide: a coverage report per language (pages and words up to date, outdated,
 * machine-translated awaiting review, missing) and a task list per language with word counts and, for outdated
 * translations, how many words of the source changed since the revision the translation was made from.
 *
 * Only pages that are not archived and have a source text count. Words are always words of the source text: that is
 * what a translator (or an agency's quote) works from. Translators restricted to some languages see task lists only
 * for those (canEditLanguage); the coverage report is read-only and shows every language.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { countWords } from '../../platform/richtext/sanitize.js';
import {
  buildPageTree,
  canEditLanguage,
  changedBlocks,
  diffText,
  flattenTree,
  getRegionGuide,
  translationState,
  type PageRow,
  type PageStatus,
  type TranslationRow,
  type TranslationState,
} from '../guide/index.js';
import { pageRevisions } from '../guide/schema.js';
import type { RegionRow } from '../regions/index.js';

export const TASK_STATES = ['missing', 'outdated', 'machine'] as const satisfies readonly TranslationState[];
export type TaskState = (typeof TASK_STATES)[number];
export const COVERAGE_STATES = ['up_to_date', 'outdated', 'machine', 'missing'] as const satisfies readonly TranslationState[];

export type Tally = { pages: number; words: number };
export type LanguageCoverage = {
  language: string;
  counts: Record<TranslationState, Tally>;
  /** Share of the source words whose translation is up to date (0–100, rounded down so 100 means complete). */
  percentUpToDate: number;
  /** May the actor work on this language (task list, editor)? */
  canTranslate: boolean;
};
export type Coverage = { region: RegionRow; path: string[]; pages: number; words: number; languages: LanguageCoverage[]; draftOrReview: number };

export type Task = {
  pageId: string;
  depth: number;
  /** The source title (what the translator recognises). */
  title: string;
  /** The title in the target language when there is one. */
  targetTitle: string | null;
  pageStatus: PageStatus;
  state: TaskState;
  /** Words of the current source text (title and body). */
  words: number;
  /** Outdated only: words added or changed in the source since the translation's source revision (null when unknown). */
  changedWords: number | null;
  /** Source revision the translation was made from, and the current one. */
  fromRevision: number | null;
  sourceRevision: number;
  updatedAt: Date | null;
  machineProvider: string | null;
};
export type TaskList = {
  region: RegionRow;
  language: string;
  filter: TaskState | 'all';
  tasks: Task[];
  totals: Record<TaskState, Tally & { changedWords: number }>;
  /** Other languages the actor may work on (for switching). */
  languages: string[];
};

export const taskQuery = z.object({
  state: z.enum([...TASK_STATES, 'all']).catch('all').default('all'),
});

type Entry = { page: PageRow; depth: number; source: TranslationRow; translations: Map<string, TranslationRow> };

/** Pages with a source text that are not archived, in tree order. */
async function translatablePages(db: Db, actor: Actor, regionId: string): Promise<{ region: RegionRow; path: string[]; entries: Entry[] }> {
  const { region, path, pages, translations } = await getRegionGuide(db, actor, regionId);
  const entries: Entry[] = [];
  for (const { node, depth } of flattenTree(buildPageTree(pages, translations))) {
    const source = node.translations.get(region.sourceLanguage);
    if (node.page.status === 'archived' || !source || source.revision === 0) continue;
    entries.push({ page: node.page, depth, source, translations: node.translations });
  }
  return { region, path, entries };
}

const emptyTally = (): Tally => ({ pages: 0, words: 0 });

/** The coverage report of a region's guide: every target language, pages and source words per state. */
export async function getCoverage(db: Db, actor: Actor, regionId: string): Promise<Coverage> {
  const { region, path, entries } = await translatablePages(db, actor, regionId);
  const words = entries.reduce((sum, e) => sum + e.source.wordCount, 0);
  const languages = region.languages
    .filter((l) => l !== region.sourceLanguage)
    .map((language): LanguageCoverage => {
      const counts = { up_to_date: emptyTally(), outdated: emptyTally(), machine: emptyTally(), missing: emptyTally() };
      for (const e of entries) {
        const tally = counts[translationState(e.source, e.translations.get(language))];
        tally.pages += 1;
        tally.words += e.source.wordCount;
      }
      const percentUpToDate = words === 0 ? (entries.length === 0 ? 100 : Math.floor((100 * counts.up_to_date.pages) / entries.length)) : Math.floor((100 * counts.up_to_date.words) / words);
      return { language, counts, percentUpToDate, canTranslate: canEditLanguage(actor, region, path, language) };
    });
  return { region, path, pages: entries.length, words, languages, draftOrReview: entries.filter((e) => e.page.status === 'draft' || e.page.status === 'review').length };
}

/** Words added or changed in `after` compared with `before` (added blocks whole, changed blocks their new words). */
export function changedWordCount(before: { title: string; contentHtml: string }, after: { title: string; contentHtml: string }, language: string): number {
  let count = 0;
  if (before.title !== after.title) count += diffText(before.title, after.title).reduce((n, p) => n + (p.type === 'ins' ? countWords(p.text, language) : 0), 0);
  for (const block of changedBlocks(before.contentHtml, after.contentHtml)) {
    count += block.status === 'added' ? countWords(block.text, language) : block.parts.reduce((n, p) => n + (p.type === 'ins' ? countWords(p.text, language) : 0), 0);
  }
  return count;
}

/** The source texts the outdated translations were made from, by page id (one query). */
async function sourceRevisionsThen(db: Db, language: string, wanted: { pageId: string; number: number }[]): Promise<Map<string, { title: string; contentHtml: string }>> {
  const out = new Map<string, { title: string; contentHtml: string }>();
  if (wanted.length === 0) return out;
  const rows = await db
    .select({ pageId: pageRevisions.pageId, number: pageRevisions.number, title: pageRevisions.title, contentHtml: pageRevisions.contentHtml })
    .from(pageRevisions)
    .where(
      and(
        eq(pageRevisions.language, language),
        inArray(
          pageRevisions.pageId,
          wanted.map((w) => w.pageId),
        ),
        inArray(pageRevisions.number, [...new Set(wanted.map((w) => w.number))]),
      ),
    );
  const want = new Set(wanted.map((w) => `${w.pageId}:${w.number}`));
  for (const r of rows) if (want.has(`${r.pageId}:${r.number}`)) out.set(r.pageId, r);
  return out;
}

/**
 * What is left to translate into one language: missing, outdated and machine-translated pages in tree order. 404 for
 * a language the region lacks or its source language; 403 when the actor may not translate into it.
 */
export async function getTaskList(db: Db, actor: Actor, regionId: string, language: string, filter: TaskState | 'all' = 'all'): Promise<TaskList> {
  const { region, path, entries } = await translatablePages(db, actor, regionId);
  if (!region.languages.includes(language) || language === region.sourceLanguage) throw new NotFoundError('language_not_found');
  if (!canEditLanguage(actor, region, path, language)) throw new ForbiddenError();

  const open = entries
    .map((e) => {
      const target = e.translations.get(language);
      return { e, target, state: translationState(e.source, target) };
    })
    .filter((x): x is typeof x & { state: TaskState } => x.state !== 'up_to_date');
  const then = await sourceRevisionsThen(
    db,
    region.sourceLanguage,
    open.filter((x) => x.state === 'outdated' && x.target?.sourceRevision).map((x) => ({ pageId: x.e.page.id, number: x.target?.sourceRevision ?? 0 })),
  );
  const totals = { missing: { ...emptyTally(), changedWords: 0 }, outdated: { ...emptyTally(), changedWords: 0 }, machine: { ...emptyTally(), changedWords: 0 } };
  const tasks: Task[] = open.map(({ e, target, state }) => {
    const old = then.get(e.page.id);
    const changedWords = state === 'outdated' && old ? changedWordCount(old, e.source, region.sourceLanguage) : null;
    const tally = totals[state];
    tally.pages += 1;
    tally.words += e.source.wordCount;
    tally.changedWords += changedWords ?? 0;
    return {
      pageId: e.page.id,
      depth: e.depth,
      title: e.source.title,
      targetTitle: target && target.revision > 0 ? target.title : null,
      pageStatus: e.page.status,
      state,
      words: e.source.wordCount,
      changedWords,
      fromRevision: target?.sourceRevision ?? null,
      sourceRevision: e.source.revision,
      updatedAt: target && target.revision > 0 ? target.updatedAt : null,
      machineProvider: target?.machineProvider ?? null,
    };
  });
  return {
    region,
    language,
    filter,
    tasks: filter === 'all' ? tasks : tasks.filter((t) => t.state === filter),
    totals,
    languages: region.languages.filter((l) => l !== region.sourceLanguage && canEditLanguage(actor, region, path, l)),
  };
}
