import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database or transaction handle; services take this and never care which engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs raw SQL (used by migrations, health checks and tests). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance when embedded (backup uses it). */
  pglite?: PGlite;
  /** The pg pool when on PostgreSQL. */
  pool?: pg.Pool;
};

/** Raised when another live process has the embedded database open (PGlite is single-process). */
export class DatabaseInUseError extends Error {}

/** True when a process with this pid exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes DATA_DIR/pgdata.lock for this process. A lock left by a process that died (SIGKILL, power loss) is taken
 * over; a live owner makes this throw, so a second server or a backup never opens the same files.
 */
function lockDataDir(dataDir: string): () => void {
  assertDataDirFree(dataDir);
  const file = join(dataDir, 'pgdata.lock');
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

/** Throws DatabaseInUseError when a live process (not this one) holds DATA_DIR's database. */
export function assertDataDirFree(dataDir: string): void {
  const file = join(dataDir, 'pgdata.lock');
  try {
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
      throw new DatabaseInUseError(`The database in ${dataDir} is in use by process ${owner} (stop it first; the embedded database serves one process).`);
  } catch (err) {
    if (err instanceof DatabaseInUseError) throw err;
  }
}

/** Opens PGlite under `dataDir/pgdata` (or in memory when dataDir is `memory://`). */
export async function openPglite(dataDir: string | 'memory://', loadDataDir?: Blob): Promise<Database> {
  let location: string | undefined;
  let unlock = () => {};
  if (dataDir !== 'memory://') {
    location = join(dataDir, 'pgdata');
    mkdirSync(location, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(location, { extensions: { pg_trgm, btree_gist }, loadDataDir });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async close() {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

/** Connects to PostgreSQL with a pool. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  // JIT compilation costs 100+ ms per query and only pays off for long analytical queries; our queries are short
  // page loads whose plans merely look expensive on large tables (e.g. the directory filter over 50,000 services).
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  pool.on('error', () => {
    /* idle client errors are surfaced on the next query; never crash the process */
  });
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    pool,
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async close() {
      await pool.end();
    },
  };
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise PGlite under dataDir. */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
