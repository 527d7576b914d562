import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureLanguages } from '../src/seed/languages.js';
import { regions } from '../src/platform/schema.js';
import type { Actor } from '../src/platform/auth/permissions.js';
import { createApiToken } from '../src/modules/api/index.js';
import { buildAccount, buildRegion } from './fixtures.js';
import { childEnv, ENGINES, freePort, freshPostgres, sleep, startMain, tempDir } from './child-process.js';

/** Acknowledged writes before the kill; the API allows 120 writes a minute per client, so stay well below. */
const ACKED_BEFORE_KILL = 30;
const WRITERS = 4;

describe('every acknowledged write survives SIGKILL', () => {
  for (const engine of ENGINES) {
    test(engine, async () => {
      const dir = tempDir('ww-durability-');
      const pgdb = engine === 'postgres' ? await freshPostgres('ww_dur') : null;
      const where = { dataDir: dir.path, databaseUrl: pgdb?.url };
      try {
        // A county and an API token for it, made through the API module's own service.
        let database = await openDatabase(where);
        await runMigrations(database);
        await ensureLanguages(database.db);
        const admin = await buildAccount(database.db, { isAdmin: true });
        const county = await buildRegion(database.db, { slug: 'dauer-kreis', languages: ['de'] });
        const actor: Actor = { id: admin.id, email: admin.email, name: admin.name, isAdmin: true, memberships: [] };
        const { token } = await createApiToken(database.db, actor, { regionId: county.id, name: 'Dauertest' });
        await database.close(); // PGlite is single-process: hand the data over to the server

        const env = childEnv({ DATA_DIR: dir.path, SEED_DEMO: 'false', LOG_LEVEL: 'error', ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) });
        const port = await freePort();
        const server = await startMain(env, port);

        const acked: string[] = [];
        let failedAfterKill = 0;
        let killed = false;
        let next = 0;
        const writer = async () => {
          // Each writer sends one write after another until the server is gone.
          for (;;) {
            const slug = `dauer-${next++}`;
            try {
              const res = await fetch(`${server.url}/api/v1/regions/dauer-kreis/children`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ slug, name: `Gemeinde ${slug}`, kind: 'municipality', languages: ['de'], sourceLanguage: 'de' }),
                signal: AbortSignal.timeout(10_000),
              });
              await res.body?.cancel();
              if (res.status >= 200 && res.status < 300) acked.push(slug);
              else if (!killed) assert.fail(`unexpected status ${res.status} for ${slug} before the kill`);
            } catch {
              if (killed) {
                failedAfterKill++;
                return;
              }
              throw new Error(`write ${slug} failed before the kill`);
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, () => writer());
        // Kill in the middle of the stream: once enough writes are acknowledged, with others still in flight.
        while (acked.length < ACKED_BEFORE_KILL) await sleep(5);
        server.proc.kill('SIGKILL');
        killed = true;
        await Promise.all(writers);
        const exit = await server.exited;
        assert.equal(exit.signal, 'SIGKILL');
        assert.ok(acked.length >= ACKED_BEFORE_KILL);
        assert.ok(failedAfterKill > 0, 'some writes were in flight when the process died');

        // Restart on the same data: it comes up, and every acknowledged write is there.
        const again = await startMain(env, await freePort());
        try {
          for (const slug of acked) {
            const res = await fetch(`${again.url}/api/v1/regions/${slug}`);
            assert.equal(res.status, 200, `acknowledged ${slug} is readable after the restart`);
            const body = (await res.json()) as { slug: string; parent: string };
            assert.equal(body.parent, 'dauer-kreis');
          }
        } finally {
          again.proc.kill('SIGTERM');
          assert.equal((await again.exited).code, 0);
        }
        database = await openDatabase(where);
        try {
          const rows = await database.db.select({ slug: regions.slug }).from(regions).where(inArray(regions.slug, acked));
          assert.equal(rows.length, acked.length, 'every acknowledged write is in the database');
        } finally {
          await database.close();
        }
      } finally {
        await pgdb?.drop();
        dir.remove();
      }
    });
  }
});
