import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { startWorker, type Worker } from './platform/jobs/jobs.js';
import { ensureLanguages } from './seed/languages.js';
import { seedDemo, type DemoResult } from './seed/demo.js';

export type Running = { app: FastifyInstance; database: Database; worker: Worker | null; demo: DemoResult | null; url: string; stop(): Promise<void> };

/** Opens the database, migrates, seeds the demo when wanted, listens, and starts the in-process worker. */
export async function startServer(config: Config, opts: { beforeListen?: (app: FastifyInstance) => void | Promise<void> } = {}): Promise<Running> {
  const database = await openDatabase(config);
  await runMigrations(database);
  await ensureLanguages(database.db);
  const demo = config.seedDemo ? await seedDemo(database.db, { baseUrl: config.baseUrl }) : null;
  const app = await buildApp(config, database);
  await opts.beforeListen?.(app);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const worker = config.worker === 'inline' ? startWorker(database.db, { onError: (err) => app.log.error({ err }, 'worker error') }) : null;
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    worker,
    demo,
    url: config.baseUrl.replace(`:${config.port}`, `:${port}`),
    stop() {
      // Stop accepting, finish in-flight requests and the job in hand, then close the database cleanly.
      stopping ??= (async () => {
        await app.close();
        await worker?.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
