import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Rendered public pages for anonymous readers, kept in memory with their compressed forms. Public pages are the
 * same for every anonymous reader of a URL and language, so the hot path (newcomers reading the guide) is served
 * without database queries, rendering or compression.
 *
 * Freshness: every admin write goes through the audit log, which bumps the local generation at once
 * (`invalidatePublicPages`); other instances notice through `contentVersion` (the newest audit id), which is read
 * at most every VERSION_CHECK_MS. Entries also expire after TTL_MS.
 */
const TTL_MS = 60_000;
const VERSION_CHECK_MS = 2_000;
const MAX_ENTRIES = 2_000;

type Entry = { html: Buffer; br: Buffer; gzip: Buffer; etag: string; vary: string; generation: number; expires: number };

/** Bumped by every audited write in this process: all caches of the process drop what they hold. */
let generation = 0;

/** Drops every cached page (called on each audited write; modules call it for other public-facing writes). */
export function invalidatePublicPages(): void {
  generation += 1;
}

/** Route option `config: { publicCache: true }` opts a route in. */
export function routeIsCacheable(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as { publicCache?: boolean } | undefined;
  return config?.publicCache === true;
}

const keys = new WeakMap<FastifyRequest, string>();
/**
 * URL + the language negotiated before the route ran (it matters for `/`); fixed at the first call, because routes
 * switch `ctx.lang` to the page's content language later.
 */
function keyOf(request: FastifyRequest): string {
  let key = keys.get(request);
  if (!key) {
    key = `${request.ctx.lang}\u0000${request.url}`;
    keys.set(request, key);
  }
  return key;
}

/** True when this request may be answered from / stored into the cache. */
export function anonymousGet(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.ctx.session && !request.ctx.flashes.length && routeIsCacheable(request);
}

function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepts = (name: string) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`, 'i').test(header);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** One app instance's cache (each app built by buildApp has its own). */
export class PageCache {
  private entries = new Map<string, Entry>();
  private lastVersion: string | null = null;
  private versionCheckedAt = 0;
  private versionCheck: Promise<void> | null = null;

  /** `readVersion` returns the shared content version (newest audit event id); it is cheap (max() on the key). */
  constructor(private readonly readVersion: () => Promise<string | null>) {}

  /** Checks the shared content version at most every few seconds; a change (from any instance) empties the cache. */
  async refresh(): Promise<void> {
    if (Date.now() - this.versionCheckedAt < VERSION_CHECK_MS) return;
    this.versionCheck ??= (async () => {
      try {
        const version = await this.readVersion();
        if (version !== this.lastVersion) {
          this.entries.clear();
          this.lastVersion = version;
        }
        this.versionCheckedAt = Date.now();
      } finally {
        this.versionCheck = null;
      }
    })();
    await this.versionCheck;
  }

  /** Sends a cached page when there is a fresh one; returns false on a miss. */
  sendCached(request: FastifyRequest, reply: FastifyReply): boolean {
    const entry = this.entries.get(keyOf(request));
    if (!entry || entry.generation !== generation || entry.expires < Date.now()) return false;
    reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate').header('vary', entry.vary).header('x-cache', 'hit');
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((v) => v.trim() === entry.etag)) {
      void reply.code(304).send();
      return true;
    }
    reply.code(200).type('text/html; charset=utf-8');
    const encoding = pickEncoding(request.headers['accept-encoding']);
    if (encoding) void reply.header('content-encoding', encoding).send(encoding === 'br' ? entry.br : entry.gzip);
    else void reply.send(entry.html);
    return true;
  }

  /** Stores a rendered public page with its compressed forms. */
  store(request: FastifyRequest, html: string, etag: string, vary: string): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const body = Buffer.from(html);
    this.entries.set(keyOf(request), {
      html: body,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzip: gzipSync(body, { level: 9 }),
      etag,
      vary,
      generation,
      expires: Date.now() + TTL_MS,
    });
  }
}
