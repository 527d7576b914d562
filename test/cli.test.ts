import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, openPglite, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { accounts, auditEvents, mails, regions, sessions } from '../src/platform/schema.js';
import { verifyPassword } from '../src/platform/auth/passwords.js';
import { createSession } from '../src/platform/auth/sessions.js';
import { queueMail } from '../src/platform/mail/mail.js';
import { parseCommand } from '../src/cli.js';
import { ensureLanguages } from '../src/seed/languages.js';
import { buildAccount, buildRegion } from './fixtures.js';
import { childEnv, ENGINES, freshPostgres, runCli, sleep, spawnNode, tempDir } from './child-process.js';

const dirs: { remove(): void }[] = [];
function dataDir(): string {
  const d = tempDir('ww-cli-');
  dirs.push(d);
  return d.path;
}
after(() => dirs.forEach((d) => d.remove()));

/** A database for one test on the given engine, plus the environment the CLI needs to reach it. */
async function target(engine: 'pglite' | 'postgres'): Promise<{ env: NodeJS.ProcessEnv; open(): Promise<Database>; drop(): Promise<void> }> {
  const dir = dataDir();
  const pgdb = engine === 'postgres' ? await freshPostgres('ww_cli') : null;
  return {
    env: childEnv({ DATA_DIR: dir, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) }),
    open: () => openDatabase({ dataDir: dir, databaseUrl: pgdb?.url }),
    drop: async () => {
      await pgdb?.drop();
    },
  };
}

function passwordFrom(stdout: string): string {
  const match = /password: (\S+)/.exec(stdout);
  assert.ok(match?.[1], `a password is printed:\n${stdout}`);
  return match[1];
}

describe('argument validation', () => {
  test('parses the commands and their options', () => {
    assert.deepEqual(parseCommand(['create-admin', '--email', 'a@b.example', '--name', 'A']), {
      ok: true,
      command: { command: 'create-admin', positionals: [], email: 'a@b.example', name: 'A', passwordStdin: false },
    });
    assert.deepEqual(parseCommand(['restore', 'x.tar.gz', '--force']), { ok: true, command: { command: 'restore', positionals: ['x.tar.gz'], force: true } });
  });

  for (const argv of [['bogus'], ['create-admin'], ['create-admin', '--email', 'not-an-email'], ['backup'], ['backup', 'a', 'b'], ['migrate', '--force'], ['migrate', '--what']]) {
    test(`refuses: ${argv.join(' ')}`, () => {
      const result = parseCommand(argv);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.message.length > 0);
    });
  }

  test('bad input prints the usage and exits 2', async () => {
    const result = await runCli(['create-admin', '--email', 'nope'], childEnv({ DATA_DIR: dataDir() }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--email/);
    assert.match(result.stderr, /Usage: wegweiser <command>/);
  });

  test('bin/wegweiser.mjs runs the same CLI', async () => {
    const result = await spawnNode('bin/wegweiser.mjs', ['unknown-command'], childEnv({ DATA_DIR: dataDir() })).exited;
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "unknown-command"/);
  });
});

for (const engine of ENGINES) {
  describe(`CLI on ${engine}`, () => {
    test('migrate, then create-admin prints a password that logs in', async () => {
      const t = await target(engine);
      try {
        const migrated = await runCli(['migrate'], t.env);
        assert.equal(migrated.code, 0, migrated.stderr);
        assert.match(migrated.stdout, /up to date/);
        const created = await runCli(['create-admin', '--email', 'Chefin@Example.org', '--name', 'Chefin'], t.env);
        assert.equal(created.code, 0, created.stderr);
        const password = passwordFrom(created.stdout);
        const database = await t.open();
        try {
          const [row] = await database.db.select().from(accounts).where(eq(sql`lower(${accounts.email})`, 'chefin@example.org'));
          assert.ok(row);
          assert.equal(row.isAdmin, true);
          assert.equal(row.name, 'Chefin');
          assert.equal(await verifyPassword(row.passwordHash, password), true);
          const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
          assert.deepEqual(
            audit.map((a) => [a.action, a.actorLabel]),
            [['account.create', 'system:cli']],
          );
        } finally {
          await database.close();
        }
      } finally {
        await t.drop();
      }
    });

    test('create-admin --password-stdin promotes an existing account', async () => {
      const t = await target(engine);
      try {
        let database = await t.open();
        await runMigrations(database);
        await ensureLanguages(database.db);
        const person = await buildAccount(database.db, { email: 'editor@example.org', isAdmin: false });
        // Locked out: a second factor they can no longer produce, and a session somewhere.
        await database.db.update(accounts).set({ totpSecret: 'v1:lost', totpEnabledAt: new Date() }).where(eq(accounts.id, person.id));
        await createSession(database.db, person.id, { verified: true });
        await database.close();
        const result = await runCli(['create-admin', '--email', 'EDITOR@example.org', '--password-stdin'], t.env, 'a new long passphrase\n');
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, /password:/, 'no password printed when it came from stdin');
        database = await t.open();
        try {
          const [row] = await database.db.select().from(accounts).where(eq(accounts.id, person.id));
          assert.equal(row?.isAdmin, true);
          assert.equal(await verifyPassword(row?.passwordHash, 'a new long passphrase'), true);
          assert.equal(await verifyPassword(row?.passwordHash, person.password), false);
          assert.equal(row?.totpEnabledAt, null, 'second factor turned off');
          assert.equal(row?.totpSecret, null);
          const [{ s } = { s: -1 }] = await database.db.select({ s: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.accountId, person.id));
          assert.equal(s, 0, 'old sessions ended');
          const [{ n } = { n: -1 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accounts);
          assert.equal(n, 1, 'no second account');
        } finally {
          await database.close();
        }
        const short = await runCli(['create-admin', '--email', 'x@example.org', '--password-stdin'], t.env, 'short\n');
        assert.equal(short.code, 1);
        assert.match(short.stderr, /12/);
      } finally {
        await t.drop();
      }
    });

    test('seed-demo prints the demo admin login and refuses in production', async () => {
      const t = await target(engine);
      try {
        const refused = await runCli(['seed-demo'], { ...t.env, NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) });
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /production/);
        const seeded = await runCli(['seed-demo'], t.env);
        assert.equal(seeded.code, 0, seeded.stderr);
        assert.match(seeded.stdout, /admin@beispiel\.example/);
        const password = passwordFrom(seeded.stdout);
        const database = await t.open();
        try {
          const [admin] = await database.db.select().from(accounts).where(eq(accounts.email, 'admin@beispiel.example'));
          assert.equal(await verifyPassword(admin?.passwordHash, password), true);
          const slugs = (await database.db.select({ slug: regions.slug }).from(regions)).map((r) => r.slug).sort();
          assert.deepEqual(slugs, ['beispielstadt', 'landkreis-beispiel', 'musterdorf']);
        } finally {
          await database.close();
        }
        const again = await runCli(['seed-demo'], t.env);
        assert.equal(again.code, 0);
        assert.doesNotMatch(again.stdout, /password/, 'a second run seeds nothing');
      } finally {
        await t.drop();
      }
    });

    test('worker sends queued mail and stops gracefully on SIGTERM', async () => {
      const t = await target(engine);
      try {
        let database = await t.open();
        await runMigrations(database);
        const mailId = await queueMail(database.db, { to: 'someone@example.org', subject: 'Hallo', text: 'Test', regionId: null });
        await database.close();
        const worker = spawnNode('src/cli.ts', ['worker'], t.env);
        // Wait (bounded) until the worker runs; no SMTP is configured, so the mail gets kept.
        for (let i = 0; i < 600 && !worker.stdout().includes('worker running'); i++) await sleep(100);
        if (engine === 'postgres') {
          // Another process may look while the worker runs (PGlite is single-process: look after it stopped).
          let status = 'queued';
          for (let i = 0; i < 100 && status !== 'kept'; i++) {
            await sleep(200);
            database = await t.open();
            const [row] = await database.db.select({ status: mails.status }).from(mails).where(eq(mails.id, mailId));
            await database.close();
            status = row?.status ?? status;
          }
        } else {
          await sleep(1500); // the worker polls at once on start
        }
        worker.proc.kill('SIGTERM');
        const result = await worker.exited;
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /worker stopped/);
        database = await t.open();
        try {
          const [row] = await database.db.select({ status: mails.status }).from(mails).where(eq(mails.id, mailId));
          assert.equal(row?.status, 'kept');
        } finally {
          await database.close();
        }
      } finally {
        await t.drop();
      }
    });
  });
}

describe('backup and restore', () => {
  test('PGlite: a region created before the backup is there after restoring into a fresh DATA_DIR', async () => {
    const source = dataDir();
    const database = await openPglite(source);
    await runMigrations(database);
    await ensureLanguages(database.db);
    const region = await buildRegion(database.db, { name: 'Kreis vor der Sicherung' });
    await database.close();

    const file = join(dataDir(), 'backup.tar.gz');
    const backup = await runCli(['backup', file], childEnv({ DATA_DIR: source }));
    assert.equal(backup.code, 0, backup.stderr);
    assert.ok(existsSync(file));
    const again = await runCli(['backup', file], childEnv({ DATA_DIR: source }));
    assert.equal(again.code, 1, 'an existing backup file is not overwritten without --force');

    const fresh = dataDir();
    const restore = await runCli(['restore', file], childEnv({ DATA_DIR: fresh }));
    assert.equal(restore.code, 0, restore.stderr);
    const restored = await openPglite(fresh);
    try {
      const [row] = await restored.db.select().from(regions).where(eq(regions.id, region.id));
      assert.equal(row?.name, 'Kreis vor der Sicherung');
    } finally {
      await restored.close();
    }

    // A DATA_DIR with data is not overwritten …
    const refused = await runCli(['restore', file], childEnv({ DATA_DIR: fresh }));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /--force/);
    // … unless --force, and then the old data is kept aside.
    const forced = await runCli(['restore', file, '--force'], childEnv({ DATA_DIR: fresh }));
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(readdirSync(fresh).some((n) => n.startsWith('pgdata.before-restore-')));
  });

  test('PGlite: backup and restore refuse while another process has the database open', async () => {
    const source = dataDir();
    const database = await openPglite(source); // this test process holds DATA_DIR now, as a running server would
    try {
      await runMigrations(database);
      const file = join(dataDir(), 'busy.tar.gz');
      const backup = await runCli(['backup', file], childEnv({ DATA_DIR: source }));
      assert.equal(backup.code, 1);
      assert.match(backup.stderr, new RegExp(`in use by process ${process.pid}`));
      assert.ok(!existsSync(file));
      const restore = await runCli(['restore', file, '--force'], childEnv({ DATA_DIR: source }));
      assert.equal(restore.code, 1);
      assert.match(restore.stderr, /in use by process/);
      assert.ok(!readdirSync(source).some((n) => n.startsWith('pgdata.before-restore-')), 'nothing moved aside');
    } finally {
      await database.close();
    }
    // Once closed, the lock is gone and a backup works.
    const ok = await runCli(['backup', join(dataDir(), 'after.tar.gz')], childEnv({ DATA_DIR: source }));
    assert.equal(ok.code, 0, ok.stderr);
  });

  test('restore refuses a file that is not a backup and leaves DATA_DIR alone', async () => {
    const fresh = dataDir();
    const bogus = join(dataDir(), 'x.tar.gz');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bogus, 'not a backup');
    const result = await runCli(['restore', bogus], childEnv({ DATA_DIR: fresh }));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not a wegweiser PGlite backup/);
    assert.ok(!existsSync(join(fresh, 'pgdata')) || readdirSync(join(fresh, 'pgdata')).length === 0);
  });

  test('PostgreSQL: backup and restore point to pg_dump / pg_restore', async () => {
    const env = childEnv({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    const backup = await runCli(['backup', 'out.dump'], env);
    assert.equal(backup.code, 1);
    assert.match(backup.stderr, /pg_dump --format=custom/);
    const restore = await runCli(['restore', 'out.dump'], env);
    assert.equal(restore.code, 1);
    assert.match(restore.stderr, /pg_restore/);
  });
});
