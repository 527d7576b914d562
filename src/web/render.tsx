import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, type PageCtx } from './page-context.js';
import type { Assets } from './assets.js';
import { anonymousGet } from '../platform/http/page-cache.js';

let assetUrls: Pick<Assets, 'css' | 'js'> = { css: '/assets/main.css', js: '/assets/islands.js' };
/** Called once at start-up with the hashed asset names. */
export function setAssetUrls(a: Pick<Assets, 'css' | 'js'>): void {
  assetUrls = a;
}

/** Renders a view (with its layout) to a full HTML document string. */
export function renderDocument(request: FastifyRequest, view: VNode): string {
  const ctx: PageCtx = { ...request.ctx, path: request.url.split('?')[0] ?? '/', assets: assetUrls };
  return '<!doctype html>' + renderToString(<PageContext.Provider value={ctx}>{view}</PageContext.Provider>);
}

export type PageOptions = {
  status?: number;
  /**
   * `public`: the same for every anonymous reader — strong ETag, revalidated by caches and CDNs.
   * `private` (default): personal pages, never stored.
   */
  cache?: 'public' | 'private';
};

/** Sends a server-rendered page. Public pages get a strong ETag and answer 304 when unchanged. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, view: VNode, opts: PageOptions = {}): FastifyReply {
  const html = renderDocument(request, view);
  const status = opts.status ?? 200;
  reply.code(status).type('text/html; charset=utf-8');
  const cacheable = opts.cache === 'public' && status === 200 && !request.ctx.actor && !request.ctx.flashes.length && !reply.hasHeader('set-cookie');
  if (cacheable) {
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    const vary = [...new Set([...String(reply.getHeader('vary') ?? '').split(','), 'Accept-Encoding', 'Cookie'].map((v) => v.trim()).filter(Boolean))].join(', ');
    reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate').header('vary', vary);
    if (anonymousGet(request)) request.server.pageCache.store(request, html, etag, vary);
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((v) => v.trim() === etag)) return reply.code(304).send();
  } else {
    reply.header('cache-control', 'private, no-store');
  }
  return reply.send(html);
}
