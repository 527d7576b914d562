import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import type { Translate } from '../i18n/catalog.js';
import type { Actor } from '../auth/permissions.js';
import type { LoadedSession } from '../auth/sessions.js';
import type { PageCache } from './page-cache.js';

/** A one-time message shown on the next page (Post/Redirect/Get). */
export type Flash = { type: 'success' | 'info' | 'error'; key: string; params?: Record<string, string | number> };

/** Per-request state available to routes and views. */
export type RequestContext = {
  /** Language of the page (content language on public pages, UI language in admin). */
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  actor: Actor | null;
  session: LoadedSession | null;
  requestId: string;
  flashes: Flash[];
  /** A CSRF token for forms; sets the CSRF cookie the first time it is called. */
  csrfToken: () => string;
};

export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
};

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Rendered public pages for anonymous readers (see page-cache.ts). */
    pageCache: PageCache;
  }
  interface FastifyReply {
    /** Queues a flash message for the next page. */
    flash(flash: Flash): FastifyReply;
  }
}
