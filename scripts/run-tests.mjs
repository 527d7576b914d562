#!/usr/bin/env node
// Runs the test suite with node's test runner (tsx loader).
//   node scripts/run-tests.mjs unit   — every *.test.ts(x) under src/ and test/ (not test/e2e)
//   node scripts/run-tests.mjs e2e    — browser tests under test/e2e (Debian chromium)
//   node scripts/run-tests.mjs unit a.test.ts --test-reporter=spec   — given files only; `--` options go to node
// The migrations run once per run: with TEST_DATABASE_URL set (PostgreSQL) into a template database that each test
// file clones, otherwise into a PGlite data directory (a tarball) that each test file loads (test/helpers.ts).
// Browser tests on PGlite copy one DATA_DIR migrated and seeded with the demo (test/e2e/harness.ts).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mode = process.argv[2] ?? 'unit';
const args = process.argv.slice(3);
const nodeOptions = args.filter((a) => a.startsWith('--'));
const extra = args.filter((a) => !a.startsWith('--'));

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

// The whole-program tests under test/ (child processes, the access matrix) are the longest files: they start first,
// so that the run does not end with one of them alone on one CPU while the other waits.
let files;
if (extra.length) files = [...extra].sort();
else if (mode === 'e2e') files = find('test/e2e').sort();
else files = [...find('test').filter((f) => !f.startsWith(join('test', 'e2e'))).sort(), ...find('src').sort()];

const env = { ...process.env };
let template;
let pgliteTemplate;
let e2eTemplate;
if (env.TEST_DATABASE_URL && mode !== 'e2e') {
  template = `ww_tpl_${process.pid}_${Date.now().toString(36)}`;
  const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'create', template], { stdio: 'inherit', env });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
  env.WW_TEST_TEMPLATE = template;
} else if (mode !== 'e2e') {
  pgliteTemplate = join(tmpdir(), `ww-pglite-template-${process.pid}-${Date.now().toString(36)}.tar`);
  const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'pglite', pgliteTemplate], { stdio: 'inherit', env });
  if (prep.status !== 0) {
    rmSync(pgliteTemplate, { force: true });
    process.exit(prep.status ?? 1);
  }
  env.WW_TEST_PGLITE_TEMPLATE = pgliteTemplate;
} else if (!env.TEST_DATABASE_URL) {
  e2eTemplate = mkdtempSync(join(tmpdir(), 'ww-e2e-template-'));
  const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'demo', e2eTemplate], { stdio: 'inherit', env });
  if (prep.status !== 0) {
    rmSync(e2eTemplate, { recursive: true, force: true });
    process.exit(prep.status ?? 1);
  }
  env.WW_E2E_TEMPLATE = e2eTemplate;
}

const concurrency = mode === 'e2e' ? '1' : (env.TEST_CONCURRENCY ?? '2');
const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...nodeOptions, ...files], { stdio: 'inherit', env });
// On Ctrl-C or a CI timeout the runner waits for the tests to stop, then removes the templates.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (pgliteTemplate) rmSync(pgliteTemplate, { force: true });
  if (e2eTemplate) rmSync(e2eTemplate, { recursive: true, force: true });
  if (template) spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'drop', template], { stdio: 'inherit', env });
  process.exit(code ?? (signal ? 1 : 0));
});
