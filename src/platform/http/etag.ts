/**
 * Strong ETags for public JSON answers (guide API, HSDS API): a hash of the serialised body, and whether the client
 * already has it (`If-None-Match`, a list or `*`) so the route can answer 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sets the strong ETag of `body` and `cache-control` on the reply; true when the client's `If-None-Match` matches
 * (the caller then answers 304).
 */
export function tagAndCheck(request: FastifyRequest, reply: FastifyReply, body: string, cacheControl: string): boolean {
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', cacheControl);
  const inm = request.headers['if-none-match'];
  return Boolean(inm && inm.split(',').some((v) => v.trim() === etag || v.trim() === '*'));
}
