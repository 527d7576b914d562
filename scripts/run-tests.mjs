#!/usr/bin/env node
// Runs the test suite with node's test runner (tsx loader).
//   node scripts/run-tests.mjs unit   — every *.test.ts(x) under src/ and test/ (not test/e2e)
//   node scripts/run-tests.mjs e2e    — browser tests under test/e2e (Debian chromium)
// With TEST_DATABASE_URL set (PostgreSQL), a template database is migrated once and each test file clones it.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mode = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

let files;
if (extra.length) files = extra;
else if (mode === 'e2e') files = find('test/e2e');
else files = [...find('src'), ...find('test').filter((f) => !f.startsWith(join('test', 'e2e')))];
files.sort();

const env = { ...process.env };
let template;
if (env.TEST_DATABASE_URL && mode !== 'e2e') {
  template = `ww_tpl_${process.pid}_${Date.now().toString(36)}`;
  const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'create', template], { stdio: 'inherit', env });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
  env.WW_TEST_TEMPLATE = template;
}

const concurrency = mode === 'e2e' ? '1' : (env.TEST_CONCURRENCY ?? '2');
const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit', env });
child.on('exit', (code, signal) => {
  if (template) spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-template.ts', 'drop', template], { stdio: 'inherit', env });
  process.exit(code ?? (signal ? 1 : 0));
});
