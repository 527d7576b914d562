import { ConfigError, loadConfig, type Config } from './config.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// The server (and the database engines) are loaded only once the configuration is known to be good: a bad setting
// is reported at once.
const { startServer } = await import('./server.js');
const { DatabaseInUseError } = await import('./db/client.js');
let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer(config);
} catch (err) {
  if (err instanceof DatabaseInUseError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
console.log(`\nwegweiser is running at ${running.url}/  (database: ${where})`);
if (running.demo?.created) {
  console.log(`\nDemo region "Landkreis Beispiel": ${running.url}/${running.demo.regionSlug}/de/`);
  console.log(`Demo admin login:  ${running.url}/login`);
  console.log(`  e-mail:   ${running.demo.adminEmail}`);
  console.log(`  password: ${running.demo.adminPassword}`);
  for (const a of running.demo.accounts ?? []) console.log(`  also (same password): ${a.email} — ${a.role}`);
  console.log('  (shown only this once — write it down, or run `npm run cli -- create-admin` later)\n');
} else if (running.demo) {
  console.log(`Demo region: ${running.url}/${running.demo.regionSlug}/de/`);
}

let shuttingDown = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    running.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
