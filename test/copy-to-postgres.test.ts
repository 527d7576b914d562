// `wegweiser copy-to-postgres <url>`: the embedded database of a laptop demo moves to a PostgreSQL server.
import { rowsOf } from '../src/db/rows.js';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { accounts, auditEvents } from '../src/platform/schema.js';
import { recordAudit } from '../src/platform/audit/audit.js';
import { verifyPassword } from '../src/platform/auth/passwords.js';
import { createSession, loadSession } from '../src/platform/auth/sessions.js';
import { enqueueJob } from '../src/platform/jobs/jobs.js';
import { queueMail } from '../src/platform/mail/mail.js';
import { orderSelfReferencing, tableOrder } from '../src/platform/backup/copy-to-postgres.js';
import { ensureLanguages } from '../src/seed/languages.js';
import { DEMO_ADMIN_EMAIL, seedDemo } from '../src/seed/demo.js';
import { childEnv, freshPostgres, runCli, tempDir } from './child-process.js';

const NO_POSTGRES = process.env.TEST_DATABASE_URL ? false : 'needs a PostgreSQL server: set TEST_DATABASE_URL';

const dirs: { remove(): void }[] = [];
function dataDir(): string {
  const d = tempDir('ww-copy-');
  dirs.push(d);
  return d.path;
}
after(() => dirs.forEach((d) => d.remove()));

async function rows<T>(database: Database, text: string): Promise<T[]> {
  const result = await database.db.execute(sql.raw(text));
  return (result as unknown as { rows: T[] }).rows;
}

/** Rows per table of schema public. */
async function counts(database: Database): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(database, `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number }>(database, `SELECT count(*)::int AS n FROM public."${name}"`);
    out[name] = row?.n ?? -1;
  }
  return out;
}

/** Values that must survive exactly; timestamps as microseconds since the epoch (independent of time zones). */
async function snapshot(database: Database) {
  return {
    counts: await counts(database),
    regions: await rows(database, `SELECT id::text, parent_id::text, slug, languages, settings, settings::text AS settings_text, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us FROM regions ORDER BY slug`),
    audit: await rows(database, `SELECT id::text, action, changes, (extract(epoch FROM at) * 1000000)::bigint::text AS at_us FROM audit_events ORDER BY id`),
    jobs: await rows(database, `SELECT id::text, type, payload, status FROM jobs ORDER BY id`),
    mails: await rows(database, `SELECT id::text, "to", subject, attachments, status FROM mails ORDER BY id`),
    admin: await rows(database, `SELECT id::text, email, password_hash, is_admin FROM accounts WHERE email = '${DEMO_ADMIN_EMAIL}'`),
  };
}

/** A PGlite DATA_DIR as after `npm start` with the demo plus some use: audit trail, queued mail, a job, a session. */
async function buildSource(dir: string): Promise<{ password: string; sessionToken: string; demoMails: number; demoJobs: number }> {
  const database = await openPglite(dir);
  try {
    await runMigrations(database);
    await ensureLanguages(database.db);
    const demo = await seedDemo(database.db);
    assert.ok(demo.adminPassword);
    // The demo queues mails of its own (confirmations of the demo events' registrations), each with its send job.
    const count = async (table: string) => rowsOf<{ n: number }>(await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n ?? 0;
    const demoMails = await count('mails');
    const demoJobs = await count('jobs');
    await database.db.execute(
      // Written as JSON text: 9007199254740993 does not fit a JS number and must arrive digit for digit.
      sql`UPDATE regions SET settings = ${'{"theme": {"accent": "#0a5"}, "tags": ["Ankommen", "وصول", "Прибуття"], "n": 1.25, "big": 9007199254740993, "nothing": null}'}::jsonb WHERE slug = 'landkreis-beispiel'`,
    );
    await recordAudit(database.db, { system: 'test' }, { action: 'region.update', entityType: 'region', entityId: 'x', before: { name: 'Alt' }, after: { name: 'Neu – „Ü“', list: [1, { a: 'ب' }] } });
    await queueMail(database.db, { to: 'someone@example.org', subject: 'Willkommen', text: 'Hallo', regionId: null });
    await enqueueJob(database.db, 'test.noop', { n: 3, nested: { ok: true } });
    const [admin] = await database.db.select().from(accounts).where(eq(accounts.email, DEMO_ADMIN_EMAIL));
    assert.ok(admin);
    const sessionToken = await createSession(database.db, admin.id, { verified: true, userAgent: 'test' });
    return { password: demo.adminPassword, sessionToken, demoMails, demoJobs };
  } finally {
    await database.close();
  }
}

async function snapshotOf(dir: string) {
  const database = await openPglite(dir);
  try {
    return await snapshot(database);
  } finally {
    await database.close();
  }
}

describe('copy-to-postgres: ordering', () => {
  test('tables come after the tables they reference; cycles are refused', () => {
    const order = tableOrder(['memberships', 'accounts', 'regions', 'sessions'], [
      { table: 'memberships', refTable: 'accounts' },
      { table: 'memberships', refTable: 'regions' },
      { table: 'regions', refTable: 'regions' },
      { table: 'sessions', refTable: 'accounts' },
    ]);
    assert.ok(order.indexOf('accounts') < order.indexOf('memberships'));
    assert.ok(order.indexOf('regions') < order.indexOf('memberships'));
    assert.ok(order.indexOf('accounts') < order.indexOf('sessions'));
    assert.throws(() => tableOrder(['a', 'b'], [{ table: 'a', refTable: 'b' }, { table: 'b', refTable: 'a' }]), /cycle/);
  });

  test('rows of a self-referencing table come parents first', () => {
    const rows = [
      ['c', 'b'],
      ['b', 'a'],
      ['d', null],
      ['a', null],
      ['e', 'a'],
    ];
    const ordered = orderSelfReferencing(rows, ['id', 'parent_id'], [{ cols: ['parent_id'], refCols: ['id'] }]).map((r) => r[0]);
    assert.equal(ordered.length, rows.length);
    for (const [id, parent] of rows) if (parent) assert.ok(ordered.indexOf(parent) < ordered.indexOf(id), `${parent} before ${id}: ${ordered.join(',')}`);
  });
});

describe('copy-to-postgres: command line', () => {
  for (const argv of [['copy-to-postgres'], ['copy-to-postgres', 'not a url'], ['copy-to-postgres', 'mysql://u@h/db'], ['copy-to-postgres', 'postgres://u@h/a', 'postgres://u@h/b'], ['copy-to-postgres', 'postgres://u@h/db', '--force']]) {
    test(`wrong usage exits 2: ${argv.slice(1).join(' ') || '(no URL)'}`, async () => {
      const dir = dataDir();
      const result = await runCli(argv, childEnv({ DATA_DIR: dir }));
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /Usage: wegweiser <command>/);
      assert.match(result.stderr, /copy-to-postgres/);
    });
  }

  test('refuses without an embedded database in DATA_DIR', async () => {
    const result = await runCli(['copy-to-postgres', 'postgres://nobody@127.0.0.1:1/none'], childEnv({ DATA_DIR: dataDir() }));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No embedded database found/);
  });

  test('refuses while another process (a running server) has DATA_DIR open', async () => {
    const dir = dataDir();
    const database = await openPglite(dir);
    try {
      await runMigrations(database);
      const result = await runCli(['copy-to-postgres', 'postgres://nobody@127.0.0.1:1/none'], childEnv({ DATA_DIR: dir }));
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`in use by process ${process.pid}`));
    } finally {
      await database.close();
    }
  });

  test('an unreachable server fails with exit 1 and never prints the password', async () => {
    const dir = dataDir();
    const database = await openPglite(dir);
    await runMigrations(database);
    await database.close();
    const result = await runCli(['copy-to-postgres', 'postgres://someone:geheim-123@127.0.0.1:1/none'], childEnv({ DATA_DIR: dir }));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/);
    assert.doesNotMatch(result.stdout + result.stderr, /geheim-123/);
  });
});

describe('copy-to-postgres: PGlite demo to PostgreSQL', () => {
  test('copies every table exactly, continues sequences, keeps logins and sessions; a second run refuses', { skip: NO_POSTGRES }, async () => {
    const dir = dataDir();
    const { password, sessionToken, demoMails, demoJobs } = await buildSource(dir);
    const before = await snapshotOf(dir);
    const pgdb = await freshPostgres('ww_copy');
    assert.ok(pgdb);
    try {
      const result = await runCli(['copy-to-postgres', pgdb.url], childEnv({ DATA_DIR: dir }));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /regions\s+3\n/);
      assert.match(result.stdout, new RegExp(`audit_events\\s+${String(before.counts.audit_events)}\\n`), 'the report names the copied audit events');
      assert.match(result.stdout, /SESSION_SECRET/);

      const target = await openPostgres(pgdb.url);
      try {
        const copied = await snapshot(target);
        assert.deepEqual(copied.counts, before.counts, 'row counts per table');
        assert.ok(Object.values(before.counts).every((n) => n >= 0) && before.counts.jobs === demoJobs + 2 && before.counts.mails === demoMails + 1 && before.counts.sessions === 1);
        assert.deepEqual(copied.regions, before.regions, 'regions: ids, parents, languages arrays, settings jsonb, timestamps to the microsecond');
        const county = copied.regions.find((r) => (r as { slug: string }).slug === 'landkreis-beispiel') as { languages: string[]; settings: { tags: string[] }; settings_text: string } | undefined;
        assert.deepEqual(county?.languages, ['de', 'de-x-ls', 'en', 'ar', 'uk', 'fa', 'tr', 'ru']);
        assert.deepEqual(county?.settings.tags, ['Ankommen', 'وصول', 'Прибуття']);
        assert.match(county?.settings_text ?? '', /"big": 9007199254740993/);
        assert.deepEqual(copied.audit, before.audit, 'audit events with their jsonb changes');
        assert.deepEqual(copied.jobs, before.jobs);
        assert.deepEqual(copied.mails, before.mails);
        assert.deepEqual(copied.admin, before.admin, 'the demo admin with the same password hash');
        const [admin] = copied.admin as { password_hash: string }[];
        assert.equal(await verifyPassword(admin?.password_hash, password), true, 'the demo password still logs in');
        assert.ok(await loadSession(target.db, sessionToken), 'a session from the laptop is still valid');

        // Sequences continue after the copied rows.
        const maxAudit = Math.max(...(before.audit as { id: string }[]).map((a) => Number(a.id)));
        await recordAudit(target.db, { system: 'test' }, { action: 'after.copy', entityType: 'test' });
        const [fresh] = await target.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'after.copy'));
        assert.ok(fresh && Number(fresh.id) > maxAudit, `new audit id ${String(fresh?.id)} > ${maxAudit}`);
        const jobId = await enqueueJob(target.db, 'test.after', {});
        assert.ok(jobId > Math.max(...(before.jobs as { id: string }[]).map((j) => Number(j.id))));

        // A second run refuses: the target is not empty; nothing changes.
        const countsBefore = await counts(target);
        const again = await runCli(['copy-to-postgres', pgdb.url], childEnv({ DATA_DIR: dir }));
        assert.equal(again.code, 1, again.stdout);
        assert.match(again.stderr, /not empty/);
        assert.deepEqual(await counts(target), countsBefore);
      } finally {
        await target.close();
      }
    } finally {
      await pgdb.drop();
    }
  });

  test('an error during the copy rolls everything back', { skip: NO_POSTGRES }, async () => {
    const dir = dataDir();
    await buildSource(dir);
    const pgdb = await freshPostgres('ww_copy');
    assert.ok(pgdb);
    try {
      // Make the target fail halfway: inserting into mails raises (regions, accounts, … are copied before it).
      let target = await openPostgres(pgdb.url);
      await runMigrations(target);
      await target.exec(`CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
        CREATE TRIGGER refuse BEFORE INSERT ON public.mails FOR EACH ROW EXECUTE FUNCTION public.refuse();`);
      await target.close();
      const result = await runCli(['copy-to-postgres', pgdb.url], childEnv({ DATA_DIR: dir }));
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stderr, /rolled back.*disk full \(simulated\)/);
      target = await openPostgres(pgdb.url);
      try {
        const after = await counts(target);
        assert.ok(Object.values(after).every((n) => n === 0), `nothing written: ${JSON.stringify(after)}`);
        // With the obstacle gone the same command succeeds.
        await target.exec('DROP TRIGGER refuse ON public.mails');
      } finally {
        await target.close();
      }
      const retry = await runCli(['copy-to-postgres', pgdb.url], childEnv({ DATA_DIR: dir }));
      assert.equal(retry.code, 0, retry.stderr);
    } finally {
      await pgdb.drop();
    }
  });
});
