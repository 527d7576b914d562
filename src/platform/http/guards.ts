import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/permissions.js';
import { UnauthorizedError } from '../errors.js';

/**
 * The signed-in actor, or: HTML requests are redirected to the login page (303, with `next`), API requests get 401.
 * Returns null when a redirect was sent; routes then just `return reply`.
 */
export function requireActor(request: FastifyRequest, reply: FastifyReply): Actor | null {
  const actor = request.ctx.actor;
  if (actor) return actor;
  if (request.url.startsWith('/api/')) throw new UnauthorizedError();
  // A session waiting for its second factor goes to the code prompt.
  const target = request.ctx.session && !request.ctx.session.verified ? '/login/2fa' : '/login';
  void reply.redirect(`${target}?next=${encodeURIComponent(request.url)}`, 303);
  return null;
}
