import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RequestContext } from '../platform/http/context.js';

/** What every view may read while rendering: language, translate, actor, CSRF. */
export type PageCtx = RequestContext & {
  /** URL path of the current page (for navigation state and language alternates). */
  path: string;
  assets: { css: string; js: string };
};

export const PageContext = createContext<PageCtx | null>(null);

/** The current page context; views call this instead of threading props. */
export function usePage(): PageCtx {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}
