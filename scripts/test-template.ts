// Creates (migrated) or drops the PostgreSQL template database that test files clone.
import pg from 'pg';
import { openPostgres } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';

const [action, name] = process.argv.slice(2);
const url = process.env.TEST_DATABASE_URL;
if (!url || !name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: test-template.ts create|drop NAME (with TEST_DATABASE_URL)');
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
