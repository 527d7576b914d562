// wegweiser command line: `npm run cli -- <command>` or `wegweiser <command>` (bin/wegweiser.mjs).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DatabaseInUseError, openDatabase, type Database, type Db } from './db/client.js';
import { expectedMigrationCount, runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { accounts } from './platform/schema.js';
import { revokeAllSessions } from './platform/auth/sessions.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './platform/auth/passwords.js';
import { recordAudit } from './platform/audit/audit.js';
import { startWorker } from './platform/jobs/jobs.js';
import { BackupError, backupPglite, postgresBackupHelp, restorePglite } from './platform/backup/backup.js';
import { CopyError, copyToPostgres, describePostgresUrl } from './platform/backup/copy-to-postgres.js';
import { ensureLanguages } from './seed/languages.js';
import { randomPassword, seedDemo } from './seed/demo.js';

export const USAGE = `Usage: wegweiser <command> [options]   (or: npm run cli -- <command> [options])

Commands:
  migrate                               apply database migrations
  seed-demo                             create the demo county "Landkreis Beispiel" (not in production)
  create-admin --email <e-mail> [--name <name>] [--password-stdin]
                                        create an installation admin, or make an existing account one
                                        (new password, second factor off, signed out everywhere: the way
                                        back in); prints the password once unless --password-stdin is given
  worker                                run the job worker (mail, …) without HTTP until SIGTERM
  backup <file> [--force]               write the PGlite database to <file> (.tar.gz); --force overwrites
  restore <file> [--force]              load <file> into an empty DATA_DIR; --force keeps existing data aside
                                        (PGlite is single-process: stop the server on DATA_DIR first;
                                        on PostgreSQL both print the pg_dump / pg_restore commands to use)
  copy-to-postgres <postgres-url>       copy the PGlite database in DATA_DIR into an empty PostgreSQL database
                                        (e.g. postgres://user@host/db; stop the server on DATA_DIR first)

Configuration comes from the environment (DATA_DIR, DATABASE_URL, …) as for \`npm start\`.`;

/** A postgres:// or postgresql:// URL (the message never repeats it: it may hold a password). */
function postgresUrlSchema() {
  return z.string().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      return false;
    }
  }, 'expects a PostgreSQL URL');
}

/** What a command's positional arguments look like, for the error message. */
const POSITIONAL_HINTS: Partial<Record<string, string>> = {
  'copy-to-postgres': 'copy-to-postgres expects one PostgreSQL URL, e.g. postgres://user@host/db',
};

/** Exit codes: 0 done, 1 failed, 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const commandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('migrate'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('seed-demo'), positionals: z.tuple([]) }),
  z.object({
    command: z.literal('create-admin'),
    positionals: z.tuple([]),
    email: z.email(),
    name: z.string().trim().min(1).max(200).optional(),
    passwordStdin: z.boolean().default(false),
  }),
  z.object({ command: z.literal('worker'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('backup'), positionals: z.tuple([z.string().min(1)]), force: z.boolean().default(false) }),
  z.object({ command: z.literal('restore'), positionals: z.tuple([z.string().min(1)]), force: z.boolean().default(false) }),
  z.object({ command: z.literal('copy-to-postgres'), positionals: z.tuple([postgresUrlSchema()]) }),
]);
export type Command = z.infer<typeof commandSchema>;

/** Parses argv (without node and script) into a validated command, or an error message for the usage text. */
export function parseCommand(argv: string[]): { ok: true; command: Command } | { ok: false; message: string } {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { ok: false, message: '' };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  const input: Record<string, unknown> = { command, positionals };
  if (values.email !== undefined) input.email = values.email;
  if (values.name !== undefined) input.name = values.name;
  if (values['password-stdin'] !== undefined) input.passwordStdin = values['password-stdin'];
  if (values.force !== undefined) input.force = values.force;
  const result = commandSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const message =
      where === 'command'
        ? `unknown command "${command}"`
        : where.startsWith('positionals')
          ? (POSITIONAL_HINTS[command] ?? `wrong arguments for ${command}`)
          : `${command}: ${where ? `--${where.replace('passwordStdin', 'password-stdin')} ` : ''}${issue?.message ?? 'invalid'}`;
    return { ok: false, message };
  }
  // Options that belong to another command are refused rather than ignored.
  const allowed: Record<Command['command'], string[]> = {
    migrate: [],
    'seed-demo': [],
    'create-admin': ['email', 'name', 'password-stdin'],
    worker: [],
    backup: ['force'],
    restore: ['force'],
    'copy-to-postgres': [],
  };
  const stray = Object.keys(values).filter((k) => !allowed[result.data.command].includes(k));
  if (stray.length) return { ok: false, message: `${command} does not take --${stray.join(', --')}` };
  return { ok: true, command: result.data };
}

/**
 * Creates an installation admin, or promotes an existing account. For an existing account this is the way back in:
 * it sets the given password, turns off the second factor (lost phone, changed SESSION_SECRET) and ends all its
 * sessions. Audited.
 */
export async function createOrPromoteAdmin(db: Db, input: { email: string; name?: string | undefined; password: string }): Promise<{ created: boolean; accountId: string }> {
  const email = input.email.trim();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(accounts).where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
    if (existing) {
      await tx
        .update(accounts)
        .set({
          isAdmin: true,
          passwordHash,
          disabledAt: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          updatedAt: new Date(),
          ...(input.name ? { name: input.name } : {}),
        })
        .where(eq(accounts.id, existing.id));
      await revokeAllSessions(tx, existing.id);
      await recordAudit(tx, { system: 'cli' }, {
        action: 'account.promote_admin',
        entityType: 'account',
        entityId: existing.id,
        before: { isAdmin: existing.isAdmin, disabled: existing.disabledAt !== null, twoFactor: existing.totpEnabledAt !== null, passwordHash: 'old' },
        after: { isAdmin: true, disabled: false, twoFactor: false, passwordHash: 'new' },
      });
      return { created: false, accountId: existing.id };
    }
    const [row] = await tx
      .insert(accounts)
      .values({ email, name: input.name ?? email.split('@')[0] ?? email, passwordHash, isAdmin: true })
      .returning({ id: accounts.id });
    if (!row) throw new Error('account insert returned nothing');
    await recordAudit(tx, { system: 'cli' }, { action: 'account.create', entityType: 'account', entityId: row.id, after: { email, isAdmin: true } });
    return { created: true, accountId: row.id };
  });
}

type Io = { out(line: string): void; err(line: string): void; stdin(): Promise<string> };

const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  async stdin() {
    if (process.stdin.isTTY) throw new CliFailure('--password-stdin expects the password on standard input (e.g. `echo "$PW" | wegweiser create-admin …`)');
    let text = '';
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
};

class CliFailure extends Error {}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    await ensureLanguages(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function describeDatabase(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    if (parsed.message) io.err(`wegweiser: ${parsed.message}\n`);
    io.err(USAGE);
    return parsed.message ? EXIT.usage : argv.length ? EXIT.ok : EXIT.usage;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return EXIT.failed;
    }
    throw err;
  }
  const cmd = parsed.command;
  try {
    switch (cmd.command) {
      case 'migrate':
        await withDatabase(config, async () => undefined);
        io.out(`Database is up to date (${expectedMigrationCount()} migrations; ${describeDatabase(config)}).`);
        return EXIT.ok;
      case 'seed-demo': {
        if (config.env === 'production') throw new CliFailure('seed-demo is refused in production (NODE_ENV=production): the demo has a known admin account.');
        const demo = await withDatabase(config, (database) => seedDemo(database.db, { baseUrl: config.baseUrl }));
        if (!demo.created) {
          io.out(`The database already has regions; nothing seeded. Demo region: ${config.baseUrl}/${demo.regionSlug}/de/`);
          return EXIT.ok;
        }
        io.out(`Demo region "Landkreis Beispiel": ${config.baseUrl}/${demo.regionSlug}/de/`);
        io.out(`Demo admin login:  ${config.baseUrl}/login`);
        io.out(`  e-mail:   ${demo.adminEmail ?? ''}`);
        io.out(`  password: ${demo.adminPassword ?? ''}`);
        io.out('  (shown only this once — write it down, or run `wegweiser create-admin` later)');
        return EXIT.ok;
      }
      case 'create-admin': {
        let password: string;
        let generated = false;
        if (cmd.passwordStdin) {
          password = (await io.stdin()).replace(/\r?\n$/, '');
          if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
            throw new CliFailure(`The password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`);
        } else {
          password = randomPassword();
          generated = true;
        }
        const result = await withDatabase(config, (database) => createOrPromoteAdmin(database.db, { email: cmd.email, name: cmd.name, password }));
        io.out(result.created ? `Created installation admin ${cmd.email}.` : `${cmd.email} is now an installation admin; the password was replaced.`);
        if (generated) {
          io.out(`  password: ${password}`);
          io.out('  (shown only this once — write it down)');
        }
        io.out(`Log in at ${config.baseUrl}/login`);
        return EXIT.ok;
      }
      case 'worker':
        return await runWorker(config, io);
      case 'backup': {
        const [file] = cmd.positionals;
        if (config.databaseUrl) {
          io.err(postgresBackupHelp('backup', file));
          return EXIT.failed;
        }
        const { bytes } = await backupPglite(config.dataDir, resolve(file), { overwrite: cmd.force });
        io.out(`Backup of ${describeDatabase(config)} written to ${resolve(file)} (${bytes} bytes).`);
        return EXIT.ok;
      }
      case 'restore': {
        const [file] = cmd.positionals;
        if (config.databaseUrl) {
          io.err(postgresBackupHelp('restore', file));
          return EXIT.failed;
        }
        const result = await restorePglite(config.dataDir, resolve(file), { force: cmd.force });
        io.out(`Restored ${resolve(file)} into ${describeDatabase(config)} (${result.migrations} migrations recorded).`);
        if (result.movedAside) io.out(`The previous database was kept in ${result.movedAside}.`);
        io.out('Start the server as usual; pending migrations run at start-up.');
        return EXIT.ok;
      }
      case 'copy-to-postgres': {
        const [url] = cmd.positionals;
        const where = `PostgreSQL at ${describePostgresUrl(url)}`;
        io.out(`Copying PGlite in ${config.dataDir} to ${where} (one transaction) …`);
        const result = await copyToPostgres(config.dataDir, url);
        const width = Math.max(5, ...result.tables.map((t) => t.table.length));
        for (const { table, rows } of result.tables) io.out(`  ${table.padEnd(width)}  ${String(rows).padStart(8)}`);
        const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
        io.out(`  ${'total'.padEnd(width)}  ${String(total).padStart(8)} rows in ${result.tables.length} tables`);
        if (result.sequences.length) io.out(`Sequences continue after: ${result.sequences.map((s) => `${s.sequence} = ${s.value}`).join(', ')}`);
        io.out(`Done. The embedded database in ${config.dataDir} is unchanged.`);
        io.out('Next: keep the server on DATA_DIR stopped, then start wegweiser with DATABASE_URL set to that URL and the');
        io.out(`same SESSION_SECRET (without one set, it is the content of ${resolve(config.dataDir, 'session-secret')}),\nso sessions and two-factor setups keep working.`);
        return EXIT.ok;
      }
    }
  } catch (err) {
    if (err instanceof CliFailure || err instanceof BackupError || err instanceof CopyError || err instanceof DatabaseInUseError) {
      io.err(err.message);
      return EXIT.failed;
    }
    throw err;
  }
}

/** Runs the job worker until SIGTERM/SIGINT; finishes the job in hand, then exits 0. */
async function runWorker(config: Config, io: Io): Promise<number> {
  const database = await openDatabase(config);
  await runMigrations(database);
  await ensureLanguages(database.db);
  // Building the app registers every module's job handlers exactly as in the web process; it never listens.
  const app = await buildApp(config, database);
  await app.ready();
  const worker = startWorker(database.db, { onError: (err) => app.log.error({ err }, 'worker error') });
  io.out(`wegweiser worker running (database: ${describeDatabase(config)}); stop with SIGTERM or Ctrl+C.`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'));
    process.once('SIGINT', () => done('SIGINT'));
  });
  io.out(`${signal}: finishing the job in hand …`);
  await worker.stop();
  await app.close();
  await database.close();
  io.out('worker stopped.');
  return EXIT.ok;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(EXIT.failed);
    },
  );
}
