import type { VNode } from 'preact';
import type { Db } from '../db/client.js';

/** What a section of a region's public home is given: the region and the reader's content language. */
export type HomeSectionInput = {
  db: Db;
  region: { id: string; slug: string; name: string; languages: string[]; sourceLanguage: string; timezone: string };
  lang: string;
};

/**
 * A block on `/{region}/{lang}/` filled by another module (the guide's topics, upcoming events …). `load` runs in the
 * route (it may query); it returns the rendered block, or null to show nothing. Lower `order` comes first.
 */
export type HomeSection = { id: string; order: number; load: (input: HomeSectionInput) => Promise<VNode | null> };

const sections = new Map<string, HomeSection>();

/** Adds (or replaces, by id) a section of the region home; modules call it when they register their routes. */
export function registerHomeSection(section: HomeSection): void {
  sections.set(section.id, section);
}

/** The rendered sections for a region home, in order; a failing section is left out rather than breaking the page. */
export async function loadHomeSections(input: HomeSectionInput, onError?: (err: unknown, id: string) => void): Promise<VNode[]> {
  const ordered = [...sections.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const loaded = await Promise.all(
    ordered.map(async (s) => {
      try {
        return await s.load(input);
      } catch (err) {
        onError?.(err, s.id);
        return null;
      }
    }),
  );
  return loaded.filter((v): v is VNode => v !== null);
}
