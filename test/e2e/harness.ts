// Browser-test harness: the real server in-process on a free port, Debian chromium through playwright-core.
import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { startServer, type Running } from '../../src/server.js';
import type { Db } from '../../src/db/client.js';
import { freePort, freshPostgres, ROOT, tempDir } from '../child-process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type E2e = {
  url: string;
  db: Db;
  running: Running;
  browser: Browser;
  /** The demo admin's login (the demo is seeded on the fresh DATA_DIR, or DATA_DIR is a copy of a seeded one). */
  demoAdmin: { email: string; password: string };
  /** A fresh browser context (cookies of its own); closed by stop(). */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
};

/**
 * The demo admin's login when DATA_DIR starts as a copy of the demo DATA_DIR that the test runner seeded once for
 * this run (WW_E2E_TEMPLATE, see scripts/test-template.ts); null without one: the server then seeds a fresh DATA_DIR.
 */
function copyDemoDataDir(dataDir: string): { email: string; password: string } | null {
  const template = process.env.WW_E2E_TEMPLATE;
  if (!template) return null;
  cpSync(join(template, 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
  return JSON.parse(readFileSync(join(template, 'demo.json'), 'utf8')) as { email: string; password: string };
}

/**
 * Starts the real server (startServer: migrations, demo seed, in-process worker) on a temp DATA_DIR — a copy of the
 * run's seeded demo DATA_DIR when there is one — or a fresh PostgreSQL database when TEST_DATABASE_URL is set, and
 * launches chromium. Call in `before`, stop() in `after`.
 */
export async function startE2e(): Promise<E2e> {
  const dir = tempDir('ww-e2e-');
  const pgdb = await freshPostgres('ww_e2e');
  const seeded = pgdb ? null : copyDemoDataDir(dir.path);
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dir.path,
    LOG_LEVEL: 'silent',
    WORKER: 'inline',
    SEED_DEMO: 'true',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
  });
  const running = await startServer(config);
  const demo = seeded ? { adminEmail: seeded.email, adminPassword: seeded.password } : running.demo;
  assert.ok(demo?.adminEmail && demo.adminPassword, 'the demo admin was seeded');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    url: running.url,
    db: running.database.db,
    running,
    browser,
    demoAdmin: { email: demo.adminEmail, password: demo.adminPassword },
    async context(options = {}) {
      const context = await browser.newContext({ baseURL: running.url, locale: 'de-DE', ...options });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await running.stop();
      await pgdb?.drop();
      dir.remove();
    },
  };
}

/** Logs in through the login form (works with and without JavaScript) and waits for the page after it. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('form:has([name="password"]) [name="email"]').fill(email);
  await page.locator('form:has([name="password"]) [name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.locator('form:has([name="password"]) button[type="submit"], form:has([name="password"]) button:not([type])').first().click()]);
}

/** Submits the form that holds `field` (clicks its submit button) and waits for the next page to load. */
export async function submitFormOf(page: Page, field: string): Promise<void> {
  const form = page.locator(`form:has([name="${field}"])`);
  await Promise.all([page.waitForEvent('load'), form.locator('button[type="submit"], button:not([type])').first().click()]);
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] };

/**
 * Runs axe-core on the loaded page and returns the serious and critical violations. The context needs
 * `bypassCSP: true`: the app's CSP (rightly) refuses injected scripts.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list of axe violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact ?? '?'} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`).join('\n')}`).join('\n');
}
