import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/http/guards.js';
import { sendPage } from '../../web/render.js';
import { getPoolOverview } from './overview.js';
import { PoolOverviewPage } from './views/overview.js';

const params = z.object({ id: z.string().max(64) });

/** The coordinators' overview of the pool. */
export async function poolOverviewRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  app.get('/admin/regions/:id/sprachpool', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = params.parse(request.params);
    const data = await getPoolOverview(db, actor, id);
    return sendPage(request, reply, <PoolOverviewPage data={data} />);
  });
}
