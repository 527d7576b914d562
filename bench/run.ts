// `npm run bench`: throughput and latency of the public region home page against a static file of the same size,
// the size of the first response compressed, and cold start-up time — on PGlite and (when reachable) PostgreSQL.
// Writes the figures into bench/README.md between the bench markers. Environment:
//   BENCH_DURATION   seconds per autocannon run (default 10)
//   BENCH_PG_URL     PostgreSQL server to create a fresh database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NO_WRITE=1 print the table only
//   BENCH_DATA=1     also run bench/data.ts (search over 10,000 pages, XLIFF of 1,000 pages; several minutes)
//   BENCH_DIRECTORY=1 also run bench/directory.ts (directory of 50,000 services: list query, HSDS export/import; minutes)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { createDatabase, machine, pass, PG_SERVER, writeReadmeSection } from './support.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'bench', 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const HOME = '/landkreis-beispiel/de/';
/** A demo guide page (subpage with a table and a contact card): the "guide page" figure. */
const GUIDE = '/landkreis-beispiel/de/deutsch-lernen/integrationskurs';
const TARGET_RATIO = 0.5;
const TARGET_FIRST_RESPONSE = 14 * 1024;

type Load = { rps: number; p99: number; non2xx: number; errors: number };
type EngineFigures = {
  engine: string;
  home: Load;
  /** The same size file from disk, served by the same app (same plugins and hooks): the baseline of the ratio. */
  staticFile: Load;
  /** A guide page, and a file of its size from disk served by the same app. */
  guide: Load;
  staticGuide: Load;
  guideBytes: number;
  /** The same bytes from a bare node:http server: the machine's ceiling, for information. */
  bareStatic: Load;
  /** /healthz: the app's per-request floor (hooks, headers) without a page or a query. */
  health: Load;
  htmlBytes: number;
  gzipBytes: number;
  brBytes: number;
  coldStartMs: number;
  warmStartMs: number;
};

function log(line: string): void {
  process.stderr.write(line + '\n');
}

/** Runs autocannon against a URL for DURATION seconds with CONNECTIONS connections. */
async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/** The raw (still compressed) body size of one GET with the given Accept-Encoding. */
function compressedSize(url: string, encoding: 'gzip' | 'br' | 'identity'): Promise<{ bytes: number; encoding: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': encoding, 'accept-language': 'de' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** A minimal node:http server answering every request with the same bytes (the baseline). */
async function staticServer(body: Buffer): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Spawns `node --import tsx src/main.ts` and measures the time until /readyz answers 200; then stops it. */
async function timeStartup(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error('server exited during start-up');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        await res.body?.cancel();
        if (res.status === 200) return performance.now() - began;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const done = new Promise((r) => child.once('exit', r));
    if (!exited) child.kill('SIGTERM');
    await done;
  }
}

/** All figures for one engine: `databaseUrl` undefined means PGlite in a temp DATA_DIR. */
async function measure(engine: string, databaseUrl: string | undefined): Promise<EngineFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ww-bench-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WORKER: 'off',
      SEED_DEMO: 'true',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    // The static baseline: a file on disk, streamed by a route of the same server (as @fastify/static would).
    const staticPath = join(dataDir, 'static.html');
    const staticGuidePath = join(dataDir, 'static-guide.html');
    const running = await startServer(config, {
      beforeListen: (app) => {
        app.get('/bench/static.html', async (_request, reply) => reply.type('text/html; charset=utf-8').send(createReadStream(staticPath)));
        app.get('/bench/static-guide.html', async (_request, reply) => reply.type('text/html; charset=utf-8').send(createReadStream(staticGuidePath)));
      },
    });
    let figures: Omit<EngineFigures, 'coldStartMs' | 'warmStartMs'>;
    try {
      const homeUrl = `${running.url}${HOME}`;
      const plain = await fetch(homeUrl, { headers: { 'accept-encoding': 'identity' } });
      if (plain.status !== 200) throw new Error(`${HOME} answered ${plain.status}`);
      const html = Buffer.from(await plain.arrayBuffer());
      const gzip = await compressedSize(homeUrl, 'gzip');
      const br = await compressedSize(homeUrl, 'br');
      if (gzip.encoding !== 'gzip' || br.encoding !== 'br') log(`note: compression not applied (gzip: ${gzip.encoding}, br: ${br.encoding})`);
      writeFileSync(staticPath, Buffer.alloc(html.length, 'x'));
      const guideUrl = `${running.url}${GUIDE}`;
      const guidePlain = await fetch(guideUrl, { headers: { 'accept-encoding': 'identity' } });
      if (guidePlain.status !== 200) throw new Error(`${GUIDE} answered ${guidePlain.status}`);
      const guideBytes = (await guidePlain.arrayBuffer()).byteLength;
      writeFileSync(staticGuidePath, Buffer.alloc(guideBytes, 'x'));
      const baseline = await staticServer(Buffer.alloc(html.length, 'x'));
      try {
        log(`${engine}: home page ${DURATION} s …`);
        const home = await load(homeUrl);
        log(`${engine}: static file from the same server ${DURATION} s …`);
        const staticFile = await load(`${running.url}/bench/static.html`);
        log(`${engine}: guide page ${DURATION} s …`);
        const guide = await load(guideUrl);
        log(`${engine}: static file of the guide page's size ${DURATION} s …`);
        const staticGuide = await load(`${running.url}/bench/static-guide.html`);
        log(`${engine}: static file from bare node:http ${DURATION} s …`);
        const bareStatic = await load(baseline.url);
        log(`${engine}: /healthz ${DURATION} s …`);
        const health = await load(`${running.url}/healthz`);
        figures = { engine, home, staticFile, guide, staticGuide, guideBytes, bareStatic, health, htmlBytes: html.length, gzipBytes: gzip.bytes, brBytes: br.bytes };
      } finally {
        await new Promise<void>((done) => baseline.server.close(() => done()));
      }
    } finally {
      await running.stop();
    }
    // Start-up: a fresh DATA_DIR / database (migrations + demo seed), then again on the existing data.
    log(`${engine}: start-up times …`);
    const freshDir = mkdtempSync(join(tmpdir(), 'ww-bench-start-'));
    const freshDb = databaseUrl ? await createDatabase('ww_bench_start') : null;
    try {
      const env = { DATA_DIR: freshDir, ...(freshDb ? { DATABASE_URL: freshDb.url } : {}) };
      const coldStartMs = await timeStartup(env);
      const warmStartMs = await timeStartup(env);
      return { ...figures, coldStartMs, warmStartMs };
    } finally {
      await freshDb?.drop();
      rmSync(freshDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;
const ms = (v: number) => `${Math.round(v)} ms`;
const rps = (v: number) => `${Math.round(v).toLocaleString('en')} req/s`;

function table(results: EngineFigures[]): string {
  const head = `| figure | ${results.map((r) => r.engine).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const row = (label: string, cell: (r: EngineFigures) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const ratio = (r: EngineFigures) => r.home.rps / r.staticFile.rps;
  return [
    head,
    sep,
    row(`home page \`${HOME}\``, (r) => rps(r.home.rps)),
    row('static file, same size, same server', (r) => rps(r.staticFile.rps)),
    row('**home / static**', (r) => `**${(ratio(r) * 100).toFixed(0)} %** ${pass(ratio(r) >= TARGET_RATIO)}`, '≥ 50 %'),
    row(`guide page \`${GUIDE}\` (${(results[0]?.guideBytes ?? 0).toLocaleString('en')} B)`, (r) => rps(r.guide.rps)),
    row('static file of the guide page’s size, same server', (r) => rps(r.staticGuide.rps)),
    row('**guide page / static**', (r) => `**${((r.guide.rps / r.staticGuide.rps) * 100).toFixed(0)} %** ${pass(r.guide.rps / r.staticGuide.rps >= TARGET_RATIO)}`, '≥ 50 %'),
    row('guide page p99 latency', (r) => ms(r.guide.p99)),
    row('`/healthz` (the app without page or query)', (r) => rps(r.health.rps)),
    row('same bytes from a bare node:http server (ceiling, for information)', (r) => `${rps(r.bareStatic.rps)} (home: ${((r.home.rps / r.bareStatic.rps) * 100).toFixed(0)} %)`),
    row('home page p99 latency', (r) => ms(r.home.p99)),
    row('static file p99 latency', (r) => ms(r.staticFile.p99)),
    row('home page HTML, uncompressed', (r) => kb(r.htmlBytes)),
    row('first response, gzip', (r) => `${kb(r.gzipBytes)} ${pass(r.gzipBytes <= TARGET_FIRST_RESPONSE)}`, '≤ 14 KB'),
    row('first response, br', (r) => `${kb(r.brBytes)} ${pass(r.brBytes <= TARGET_FIRST_RESPONSE)}`, '≤ 14 KB'),
    row('start-up to /readyz, fresh data (migrate + demo seed)', (r) => ms(r.coldStartMs)),
    row('start-up to /readyz, existing data', (r) => ms(r.warmStartMs)),
    row('errors / non-2xx during load', (r) => { const all = [r.home, r.staticFile, r.guide, r.staticGuide, r.bareStatic, r.health]; return `${all.reduce((n, l) => n + l.errors, 0)} / ${all.reduce((n, l) => n + l.non2xx, 0)}`; }, '0 / 0'),
  ].join('\n');
}


const results: EngineFigures[] = [];
results.push(await measure('PGlite', undefined));
const pgDatabase = await createDatabase('ww_bench');
if (pgDatabase) {
  try {
    results.push(await measure('PostgreSQL', pgDatabase.url));
  } finally {
    await pgDatabase.drop();
  }
} else {
  log(`PostgreSQL not reachable at ${PG_SERVER}; measured PGlite only.`);
}

const section = [
  START,
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
  `autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, server and load generator in one process (the static`,
  'baseline shares the same handicap, so the ratio is the figure to watch). Compressed sizes are the raw bytes of one',
  'response with `Accept-Encoding: gzip` / `br`.',
  '',
  table(results),
  END,
].join('\n');

process.stdout.write(section + '\n');
if (process.env.BENCH_NO_WRITE !== '1') {
  writeReadmeSection(README, START, END, section);
  log(`written to ${README}`);
}

if (process.env.BENCH_DATA === '1') {
  const { runDataBench } = await import('./data.js');
  await runDataBench();
}

if (process.env.BENCH_DIRECTORY === '1') {
  const { runDirectoryBench } = await import('./directory.js');
  await runDirectoryBench();
}
