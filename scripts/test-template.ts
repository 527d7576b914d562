// Builds the migrated database that test files start from, once per test run (scripts/run-tests.mjs):
//   test-template.ts create NAME    — PostgreSQL (TEST_DATABASE_URL): a migrated template database NAME
//   test-template.ts drop NAME      — PostgreSQL: drops it
//   test-template.ts pglite FILE    — PGlite: a migrated data directory written to FILE (a tarball for loadDataDir)
//   test-template.ts demo DIR       — browser tests: DIR/pgdata migrated and seeded with the demo as the server
//                                     does on a fresh DATA_DIR, and the demo admin's login in DIR/demo.json
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/seed/demo.js';
import { ensureLanguages } from '../src/seed/languages.js';

const [action, name] = process.argv.slice(2);
if (action === 'pglite' && name) {
  const database = await openPglite('memory://');
  await runMigrations(database);
  const tarball = await database.pglite?.dumpDataDir('none');
  if (!tarball) throw new Error('PGlite did not dump its data directory');
  writeFileSync(name, Buffer.from(await tarball.arrayBuffer()));
  await database.close();
} else if (action === 'demo' && name) {
  const database = await openPglite(name);
  await runMigrations(database);
  await ensureLanguages(database.db);
  const demo = await seedDemo(database.db);
  await database.close();
  if (!demo.adminEmail || !demo.adminPassword) throw new Error('the demo was not seeded');
  writeFileSync(join(name, 'demo.json'), JSON.stringify({ email: demo.adminEmail, password: demo.adminPassword }));
} else {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: test-template.ts create|drop NAME (with TEST_DATABASE_URL) | pglite FILE | demo DIR');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (action === 'create') {
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), 1);
    await runMigrations(database);
    await database.close();
  } else {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin.end();
}
