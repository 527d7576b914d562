import type { FastifyInstance } from 'fastify';
import { authRoutes } from './routes.js';
import { mustSetUpSecondFactor } from './service.js';

export { safeNext } from './routes.js';
export { sendRoleInvitation } from './service.js';

/** Is the path the admin area (`/admin` or below)? */
function isAdminPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return path === '/admin' || path.startsWith('/admin/');
}

/**
 * The auth module: sign-in, sessions, password reset, own account, TOTP, members and invitations.
 * It is not encapsulated (skip-override, as fastify-plugin does) so that its hook guards every /admin route,
 * including those of other modules; its routes live in an encapsulated child plugin.
 */
async function authPlugin(app: FastifyInstance): Promise<void> {
  // When the installation demands it, admins and region admins set up a second factor before using /admin.
  app.addHook('onRequest', async (request, reply) => {
    if (!app.deps.config.requireAdmin2fa || !isAdminPath(request.url)) return;
    const { actor, session } = request.ctx;
    if (!session || !mustSetUpSecondFactor(true, actor, session.account.totpEnabled)) return;
    return reply.redirect('/account/2fa/setup', 303);
  });
  await app.register(authRoutes);
}

export const authModule = Object.assign(authPlugin, { [Symbol.for('skip-override')]: true });
