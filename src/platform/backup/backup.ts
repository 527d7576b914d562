import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { assertDataDirFree, openPglite } from '../../db/client.js';

/** Raised when a backup or restore is refused; the message is meant for the operator. */
export class BackupError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The PGlite data directory inside DATA_DIR. */
export function pgdataDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/** True when DATA_DIR already holds a PGlite database (anything in pgdata/). */
export function hasPgliteData(dataDir: string): boolean {
  const dir = pgdataDir(dataDir);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * Writes the PGlite database under `dataDir` to `file` as a gzip-compressed tar (PGlite's dumpDataDir).
 * The server must not be running on the same DATA_DIR: PGlite is single-process.
 */
export async function backupPglite(dataDir: string, file: string, opts: { overwrite?: boolean } = {}): Promise<{ bytes: number }> {
  if (!hasPgliteData(dataDir)) throw new BackupError(`No database found in ${pgdataDir(dataDir)} — nothing to back up.`);
  if (existsSync(file) && !opts.overwrite) throw new BackupError(`${file} exists already; choose another file name or pass --force to overwrite it.`);
  const database = await openPglite(dataDir);
  try {
    const pglite = database.pglite;
    if (!pglite) throw new BackupError('PGlite database expected');
    // Checkpoint so the dump holds everything acknowledged so far.
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Write next to the target and rename: a crash never leaves a half-written backup under the real name.
    const partial = `${file}.partial`;
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, file);
    return { bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/**
 * Restores a backup made by backupPglite into `dataDir`. Refuses when DATA_DIR already holds a database unless
 * `force` is given; then the existing pgdata is kept beside it (pgdata.before-restore-<time>), never deleted.
 */
export async function restorePglite(dataDir: string, file: string, opts: { force?: boolean } = {}): Promise<{ movedAside: string | null; migrations: number }> {
  assertDataDirFree(dataDir);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const bytes = readFileSync(file);
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) throw new BackupError(`${file} is not a wegweiser PGlite backup (.tar.gz).`);
  const target = pgdataDir(dataDir);
  let movedAside: string | null = null;
  if (hasPgliteData(dataDir)) {
    if (!opts.force) throw new BackupError(`${target} already holds a database; restore refuses to overwrite it. Pass --force to keep it aside and restore anyway.`);
    movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, movedAside);
  } else if (existsSync(target)) {
    rmSync(target, { recursive: true, force: true });
  }
  try {
    const database = await openPglite(dataDir, new Blob([bytes], { type: 'application/x-gzip' }));
    try {
      // Proves the restored files form a wegweiser database.
      const result = await database.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      const migrations = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      await database.exec('CHECKPOINT');
      return { movedAside, migrations };
    } finally {
      await database.close();
    }
  } catch (err) {
    // Leave DATA_DIR as it was before.
    rmSync(target, { recursive: true, force: true });
    if (movedAside) renameSync(movedAside, target);
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Restore failed, DATA_DIR left unchanged: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** What to do instead on PostgreSQL: the standard tools, with commands to copy. */
export function postgresBackupHelp(command: 'backup' | 'restore', file: string): string {
  const f = JSON.stringify(file);
  const lines = [
    `wegweiser runs on PostgreSQL here (DATABASE_URL is set); use PostgreSQL's own tools for ${command === 'backup' ? 'backups' : 'restores'}:`,
    '',
    command === 'backup'
      ? `  pg_dump --format=custom --no-owner --file=${f} "$DATABASE_URL"`
      : `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${f}`,
    '',
    command === 'backup'
      ? 'Restore it with:  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ' + f
      : 'Make the backup with:  pg_dump --format=custom --no-owner --file=' + f + ' "$DATABASE_URL"',
    'Stop the app instances (or run with WORKER=off) while restoring; run `wegweiser migrate` afterwards.',
  ];
  return lines.join('\n');
}
