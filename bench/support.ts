// Shared parts of the data benchmarks (bench/data.ts, bench/directory.ts): a fresh PostgreSQL database per run, the
// machine line, number formats, and writing a marked section of bench/README.md.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import pg from 'pg';
import { openPostgres, type Database } from '../src/db/client.js';

export const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, empty database on PG_SERVER (its URL; dropped by `drop`), or null when the server is not reachable. */
export async function createDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_SERVER });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Like createDatabase, opened (and closed before it is dropped). */
export async function freshPostgres(prefix: string): Promise<{ database: Database; drop(): Promise<void> } | null> {
  const created = await createDatabase(prefix);
  if (!created) return null;
  const database = await openPostgres(created.url, 5);
  return {
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

export const ms = (v: number): string => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en')} ms`);
export const pass = (ok: boolean): string => (ok ? '✅' : '❌');

/** "2 × AMD EPYC, 23.5 GB RAM, linux …, Node …[, load average …]" */
export function machine(loadAtStart?: string): string {
  const list = cpus();
  const load = loadAtStart === undefined ? '' : `, load average ${loadAtStart}`;
  return `${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${platform()} ${release()}, Node ${process.version}${load}`;
}

/**
 * Replaces the section between `start` and `end` in the README, or appends it (under `## heading` when given); a
 * missing README is started.
 */
export function writeReadmeSection(readme: string, start: string, end: string, section: string, heading?: string): void {
  let text: string;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    text = `# Benchmarks\n\n${start}\n${end}\n`;
  }
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const appended = heading ? `## ${heading}\n\n${section}` : section;
  writeFileSync(readme, from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${appended}\n`);
}
