import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.js';
import { openPglite, openPostgres, type Database, type Db } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { buildApp } from '../src/app.js';
import { ensureLanguages } from '../src/seed/languages.js';

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * The migrated PGlite data directory that test databases start from: the one the test runner built for this run
 * (WW_TEST_PGLITE_TEMPLATE), else one migrated here, once per process. Loading it skips initdb and the migrations.
 */
function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = process.env.WW_TEST_PGLITE_TEMPLATE;
    if (file) return new Blob([await readFile(file)]);
    const database = await openPglite('memory://');
    await runMigrations(database);
    const tarball = await database.pglite?.dumpDataDir('none');
    await database.close();
    if (!tarball) throw new Error('PGlite did not dump its data directory');
    return tarball;
  })();
  return pgliteTemplate;
}

/**
 * A fresh database for one test file: in-memory PGlite loaded from the migrated template by default; on PostgreSQL
 * (TEST_DATABASE_URL set) a new database cloned from the migrated template the test runner prepared (WW_TEST_TEMPLATE).
 */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite('memory://', await migratedPgliteTemplate());
    await ensureLanguages(database.db);
    return Object.assign(database, { drop: () => database.close() });
  }
  const name = `ww_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const template = process.env.WW_TEST_TEMPLATE;
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openPostgres(dbUrl.toString(), 5);
  if (!template) await runMigrations(database);
  await ensureLanguages(database.db);
  return Object.assign(database, {
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  });
}

/** A config for tests: quiet, no SMTP unless given, a fixed secret. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DATA_DIR: '/tmp/wegweiser-test-unused',
    WORKER: 'off',
    ...overrides,
  });
}

export type TestApp = { app: FastifyInstance; db: Db; database: Database; config: Config; close(): Promise<void> };

/** Builds the real app on a fresh database. Close it in `after()`. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A cookie jar for app.inject(): keeps cookies between requests like a browser. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  /** Posts a form the way a browser does, taking the CSRF token from the page at `formUrl` (default: url). */
  async submit(url: string, fields: Record<string, string | string[]>, opts: { formUrl?: string; csrf?: string } = {}): Promise<LightMyRequestResponse> {
    const csrf = opts.csrf ?? (await this.csrfFrom(opts.formUrl ?? url));
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: csrf, ...fields })) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.keep(res);
    return res;
  }

  /** Reads the CSRF token of the first form on a page. */
  async csrfFrom(url: string): Promise<string> {
    const page = await this.get(url);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!match?.[1]) throw new Error(`no CSRF token on ${url} (status ${page.statusCode})`);
    return match[1];
  }
}

/** The value of an input on a page (`name` as in the form: "title.de"). */
export function inputValue(html: string, name: string): string | undefined {
  const escaped = name.replace(/\./g, '\\.');
  return new RegExp(`name="${escaped}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`value="([^"]*)"[^>]*name="${escaped}"`).exec(html)?.[1];
}
