// The access matrix: every route × every persona → the expected status. Each module lists its rows in
// src/modules/<name>/access.ts; adding a route means adding its row there. See README "Roles and permissions".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import createCsrf from '@fastify/csrf';
import { createTestApp, type TestApp } from './helpers.js';
import { buildWorld, PERSONAS, type World } from './fixtures.js';
import type { AccessRow } from '../src/platform/http/access.js';

const modulesDir = join(import.meta.dirname, '..', 'src', 'modules');
const rows: { module: string; row: AccessRow<World> }[] = [];
for (const name of readdirSync(modulesDir).sort()) {
  const file = join(modulesDir, name, 'access.ts');
  if (!existsSync(file)) continue;
  const mod = (await import(file)) as { accessRows: AccessRow<World>[] };
  for (const row of mod.accessRows) rows.push({ module: name, row });
}

describe('access matrix (route × role → status)', () => {
  let t: TestApp;
  let world: World;
  const tokens = createCsrf();
  const secret = tokens.secretSync();
  before(async () => {
    t = await createTestApp();
    world = await buildWorld(t.app, t.db);
  });
  after(() => t.close());

  it('has rows', () => assert.ok(rows.length > 0));

  for (const { module, row } of rows) {
    const label = typeof row.url === 'string' ? row.url : row.url.toString().replace(/^\(?\w*\)?\s*=>\s*/, '');
    it(`${module}: ${row.method} ${label}`, async () => {
      const failures: string[] = [];
      for (const persona of PERSONAS) {
        const expected = row.expect[persona] ?? row.otherwise;
        const url = typeof row.url === 'string' ? row.url : row.url(world);
        const cookie = [world.cookies[persona], `ww_csrf=${t.app.signCookie(secret)}`].filter(Boolean).join('; ');
        const res =
          row.method === 'GET'
            ? await t.app.inject({ method: 'GET', url, headers: { cookie } })
            : await t.app.inject({
                method: 'POST',
                url,
                headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
                payload: new URLSearchParams({ _csrf: tokens.create(secret), ...(row.form ?? {}) }).toString(),
              });
        if (res.statusCode !== expected) failures.push(`${persona}: expected ${expected}, got ${res.statusCode}`);
      }
      assert.deepEqual(failures, [], `${row.method} ${label}\n${failures.join('\n')}`);
    });
  }
});
