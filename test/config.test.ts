import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { childEnv, ENGINES, freePort, freshPostgres, runNode, startMain, tempDir } from './child-process.js';

const data = tempDir('ww-config-');
after(() => data.remove());

describe('a bad environment variable stops start-up with one clear line', { concurrency: true }, () => {
  const cases: [string, string][] = [
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'http://x'],
    ['REDIS_URL', 'x'],
    ['SESSION_SECRET', 'short'],
    ['BASE_URL', 'notaurl'],
  ];
  for (const [variable, value] of cases) {
    test(`${variable}=${value}`, async () => {
      const result = await runNode('src/main.ts', [], childEnv({ DATA_DIR: data.path, [variable]: value }));
      assert.equal(result.code, 1, `exit code (stderr: ${result.stderr})`);
      const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, `exactly one line on stderr, got:\n${result.stderr}`);
      assert.match(lines[0] ?? '', new RegExp(`\\b${variable}\\b`));
      assert.equal(result.stdout.trim(), '', 'nothing on stdout');
      if (variable === 'SESSION_SECRET') assert.doesNotMatch(result.stderr, /short/, 'a secret is never echoed');
    });
  }
});

describe('session secret', () => {
  test('is generated under DATA_DIR when absent and the same on the next load', () => {
    const dir = tempDir('ww-secret-');
    try {
      const first = loadConfig({ DATA_DIR: dir.path });
      assert.ok(first.sessionSecret.length >= 32);
      assert.equal(readFileSync(join(dir.path, 'session-secret'), 'utf8').trim(), first.sessionSecret);
      const second = loadConfig({ DATA_DIR: dir.path });
      assert.equal(second.sessionSecret, first.sessionSecret);
      const other = tempDir('ww-secret-');
      try {
        assert.notEqual(loadConfig({ DATA_DIR: other.path }).sessionSecret, first.sessionSecret, 'each installation gets its own');
      } finally {
        other.remove();
      }
    } finally {
      dir.remove();
    }
  });

  test('a given SESSION_SECRET is used and nothing is written', () => {
    const dir = tempDir('ww-secret-');
    try {
      const secret = 'x'.repeat(40);
      assert.equal(loadConfig({ DATA_DIR: dir.path, SESSION_SECRET: secret }).sessionSecret, secret);
      assert.throws(() => readFileSync(join(dir.path, 'session-secret')));
    } finally {
      dir.remove();
    }
  });
});

describe('NODE_ENV=production never seeds the demo', () => {
  for (const engine of ENGINES) {
    test(engine, async () => {
      const dir = tempDir('ww-prod-');
      const pgdb = engine === 'postgres' ? await freshPostgres('ww_cfg') : null;
      try {
        const env = childEnv({
          NODE_ENV: 'production',
          DATA_DIR: dir.path,
          SEED_DEMO: 'true', // even when asked for
          LOG_LEVEL: 'warn',
          ...(pgdb ? { DATABASE_URL: pgdb.url, SESSION_SECRET: 'p'.repeat(48) } : {}),
        });
        const server = await startMain(env, await freePort());
        server.proc.kill('SIGTERM');
        const result = await server.exited;
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, /password/i, 'no demo password printed');
        assert.doesNotMatch(result.stdout, /Demo/);
        const database = await openDatabase({ databaseUrl: pgdb?.url, dataDir: dir.path });
        try {
          const rows = await database.db.execute(sql`SELECT count(*)::int AS n FROM regions`);
          assert.equal((rows as unknown as { rows: { n: number }[] }).rows[0]?.n, 0, 'no region exists');
          const admins = await database.db.execute(sql`SELECT count(*)::int AS n FROM accounts`);
          assert.equal((admins as unknown as { rows: { n: number }[] }).rows[0]?.n, 0, 'no account exists');
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
