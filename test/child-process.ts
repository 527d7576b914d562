// Helpers for tests that run the real program (`node --import tsx src/main.ts`, the CLI) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '..');

/** A port nobody listens on right now (the OS picks it; we close and hand it on). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'ww-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A clean environment for the child: only what node needs plus the given variables, so the developer's or CI's
 * DATABASE_URL and friends never leak into a test.
 */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  if (process.env.TMPDIR) base.TMPDIR = process.env.TMPDIR;
  return { ...base, ...vars };
}

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** A running child with its output collected so far. */
export type Child = {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<Finished>;
};

/** Spawns `node --import tsx <script> ...args` in the project root. */
export function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (stdin !== undefined) proc.stdin?.end(stdin);
  else proc.stdin?.end();
  const exited = new Promise<Finished>((done) => {
    proc.on('close', (code, signal) => done({ code, signal, stdout: out, stderr: err }));
  });
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Runs a script to its end and returns exit code and output. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<Finished> {
  return spawnNode(script, args, env, stdin).exited;
}

/** Runs the CLI (`src/cli.ts`) with arguments. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<Finished> {
  return runNode('src/cli.ts', args, env, stdin);
}

/**
 * Starts `src/main.ts` on the given port and waits until /readyz answers 200. Rejects (with the child's output)
 * when the process exits first or is not ready within `timeoutMs` (a safety net, not a timing assertion).
 */
export async function startMain(env: NodeJS.ProcessEnv, port: number, timeoutMs = 90_000): Promise<Child & { url: string }> {
  const child = spawnNode('src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  let exited: Finished | null = null;
  void child.exited.then((f) => (exited = f));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      const f: Finished = exited;
      throw new Error(`server exited early (code ${f.code}, signal ${f.signal})\nstdout: ${f.stdout}\nstderr: ${f.stderr}`);
    }
    if (await isReady(url)) return { ...child, url };
    await sleep(100);
  }
  child.proc.kill('SIGKILL');
  throw new Error(`server not ready after ${timeoutMs} ms\nstdout: ${child.stdout()}\nstderr: ${child.stderr()}`);
}

/** True when GET /readyz answers 200. */
export async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** A PostgreSQL database of its own (created empty, dropped with drop()), or null without TEST_DATABASE_URL. */
export async function freshPostgres(prefix: string, serverUrl = process.env.TEST_DATABASE_URL): Promise<{ url: string; name: string; drop(): Promise<void> } | null> {
  if (!serverUrl) return null;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The engines a process-level test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
