// Directory benchmarks (issue 5; part of `npm run bench` with BENCH_DIRECTORY=1, or alone:
// `node --import tsx bench/directory.ts`): a generated directory of 50,000 services in one region, on in-memory PGlite
// and (when reachable) a fresh PostgreSQL database —
//   - latency (p50, p95, max) of "category + language + open now + within 10 km" through findServices
//     (public-queries.ts, the query of the public list), 20 rounds × 10 varied queries;
//   - HSDS export throughput through exportHsdsJson / exportHsdsTabular (hsds/export.ts);
//   - HSDS import of 10,000 services through checkHsdsImport + applyHsdsImport (hsds/import.ts).
// Writes its figures into bench/README.md between the bench-directory markers. Environment:
//   BENCH_DIR_SERVICES  services of the generated region (default 50000)
//   BENCH_DIR_IMPORT    services exported from a second generated region and imported into an empty one (default 10000; 0 skips)
//   BENCH_DIR_ROUNDS    rounds of the 10 queries (default 20)
//   BENCH_DIR_EXPORT=0  skip the export figures
//   BENCH_DIR_ENGINES   which engines (default pglite,postgres)
//   BENCH_DIR_EXPLAIN=1 print EXPLAIN ANALYZE of the slowest query of each engine
//   BENCH_PG_URL        PostgreSQL server to create fresh databases on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NO_WRITE=1    print the table only
//
// The generator writes straight into the tables in batches (writeService per service would take many minutes for
// 50,000); the derived schedule columns are computed with the store's own deriveSchedule, so "open now" sees exactly
// what a saved service would have. Search texts are not generated (the query measured does not use them).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openPglite, type Database, type Db } from '../src/db/client.js';
import { freshPostgres, machine, ms, pass, PG_SERVER, writeReadmeSection } from './support.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureDefaultTaxonomy } from '../src/modules/directory/default-taxonomy.js';
import type { ScheduleInput } from '../src/modules/directory/model.js';
import { findServices, type FindServicesInput } from '../src/modules/directory/public-queries.js';
import { dirLocations, dirOrganizations, dirPhones, dirSchedules, dirServiceAtLocations, dirServices, dirTaxonomyTerms } from '../src/modules/directory/schema.js';
import { deriveSchedule, refreshServiceFilters } from '../src/modules/directory/store.js';
import { exportHsdsJson, exportHsdsTabular } from '../src/modules/directory/hsds/export.js';
import { applyHsdsImport, checkHsdsImport } from '../src/modules/directory/hsds/import.js';
import type { Actor } from '../src/platform/auth/permissions.js';
import { accounts, regions } from '../src/platform/schema.js';
import { ensureLanguages } from '../src/seed/languages.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'bench', 'README.md');
const START = '<!-- bench-directory:start -->';
const END = '<!-- bench-directory:end -->';
const SERVICES = Number(process.env.BENCH_DIR_SERVICES ?? 50_000);
const IMPORT_SERVICES = Number(process.env.BENCH_DIR_IMPORT ?? 10_000);
const ROUNDS = Number(process.env.BENCH_DIR_ROUNDS ?? 20);
const TARGET_P95_MS = 50;
const LOAD_AT_START = (loadavg()[0] ?? 0).toFixed(1);
const BATCH = 500;

/** The area: 40 × 40 km around 51.2° N 6.7° E (Lower Rhine), with eight towns where most services cluster. */
const CENTRE = { lat: 51.2, lon: 6.7 };
const HALF_LAT = 20 / 111.32;
const HALF_LON = 20 / (111.32 * Math.cos((CENTRE.lat * Math.PI) / 180));
const TOWNS = [
  { lat: 51.2, lon: 6.7, weight: 5 },
  { lat: 51.256, lon: 6.785, weight: 2 },
  { lat: 51.148, lon: 6.615, weight: 2 },
  { lat: 51.235, lon: 6.59, weight: 1 },
  { lat: 51.12, lon: 6.79, weight: 1 },
  { lat: 51.3, lon: 6.65, weight: 1 },
  { lat: 51.17, lon: 6.45, weight: 1 },
  { lat: 51.28, lon: 6.9, weight: 1 },
];
const LANGUAGE_POOL = ['en', 'ar', 'tr', 'ru', 'uk', 'fa', 'fr', 'pl', 'ro', 'ku', 'ti', 'so', 'es', 'bg'];

type Figures = { queries: number; p50: number; p95: number; max: number; avgTotal: number; slowest: FindServicesInput | null };
type ExportFigures = { jsonMs: number; services: number; records: number; jsonBytes: number; tabularMs: number; tabularBytes: number };
type ImportFigures = { services: number; checkMs: number; applyMs: number; note: string } | { skipped: string };
type EngineData = {
  engine: string;
  generateMs: number;
  rows: Record<string, number>;
  full: Figures;
  withoutOpenNow: Figures;
  withoutNear: Figures;
  export: ExportFigures | { skipped: string };
  import: ImportFigures;
};

function log(line: string): void {
  process.stderr.write(line + '\n');
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** A small seeded PRNG (mulberry32), so every run generates the same directory. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w = (days: string, opensAt: string, closesAt: string): ScheduleInput => ({ freq: 'WEEKLY', interval: 1, byday: days, opensAt, closesAt });
const m = (days: string, opensAt: string, closesAt: string): ScheduleInput => ({ freq: 'MONTHLY', interval: 1, byday: days, opensAt, closesAt });

/** Opening-hour patterns with weights (how often they occur among the generated services). */
const HOUR_PATTERNS: [number, ScheduleInput[]][] = [
  [20, [w('MO,TU,WE,TH,FR', '09:00', '12:00'), w('TU,TH', '14:00', '17:00')]],
  [12, [w('MO,TU,WE,TH,FR', '08:00', '12:00'), w('TH', '14:00', '18:00')]],
  [12, [w('MO,TU,WE,TH', '09:00', '12:30'), w('MO,WE', '13:30', '16:00')]],
  [10, [w('MO,TU,WE,TH,FR', '08:00', '12:00'), w('MO,TU,TH', '15:00', '18:00')]],
  [8, [w('MO,TU,WE,TH,FR', '07:00', '16:30')]],
  [8, [w('TU', '10:00', '12:00'), w('TH', '15:00', '18:00')]],
  [6, [w('MO,TU,WE,TH,FR', '14:00', '20:00')]],
  [5, [w('MO,TU,WE,TH', '18:00', '21:15')]],
  [5, [w('SA', '10:00', '14:00'), w('SU', '14:00', '18:00')]],
  [4, [m('1WE', '16:00', '18:00')]],
  [4, [m('2TU,4TU', '10:00', '12:00')]],
  [2, [m('-1TH', '09:00', '15:00')]],
  [2, [w('FR,SA', '20:00', '02:00')]],
  [2, [w('MO,TU,WE,TH,FR,SA,SU', '00:00', '00:00')]],
];

function pick<T>(rand: () => number, weighted: [number, T][]): T {
  const total = weighted.reduce((n, [wt]) => n + wt, 0);
  let r = rand() * total;
  for (const [wt, v] of weighted) {
    r -= wt;
    if (r < 0) return v;
  }
  const last = weighted.at(-1);
  if (!last) throw new Error('empty choice');
  return last[1];
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** A point in the area: 70 % near a town (σ ≈ 2 km), the rest anywhere in the 40 × 40 km square. */
function point(rand: () => number): { lat: number; lon: number } {
  const clamp = (v: number, c: number, half: number) => Math.min(c + half, Math.max(c - half, v));
  if (rand() < 0.7) {
    const town = pick(rand, TOWNS.map((t) => [t.weight, t] as [number, typeof t]));
    return { lat: clamp(town.lat + (gaussian(rand) * 2) / 111.32, CENTRE.lat, HALF_LAT), lon: clamp(town.lon + (gaussian(rand) * 2) / 69.8, CENTRE.lon, HALF_LON) };
  }
  return { lat: CENTRE.lat + (rand() * 2 - 1) * HALF_LAT, lon: CENTRE.lon + (rand() * 2 - 1) * HALF_LON };
}

function languagesFor(rand: () => number): string[] {
  const out = new Set(['de']);
  const extra = Math.floor(rand() * 4);
  for (let i = 0; i < extra; i++) out.add(LANGUAGE_POOL[Math.floor(Math.pow(rand(), 1.6) * LANGUAGE_POOL.length)] ?? 'en');
  return [...out];
}

function dateOffset(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function insertBatches<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export type GeneratedRegion = { id: string; slug: string; leafTermIds: string[]; termChildren: Map<string, string[]> };

/**
 * A region of `count` published services: one organisation per 10 services, one location per 1.5 services (services
 * of an organisation share its locations; a tenth are offered at two), a phone line per service, 1–3 schedule rules
 * from weighted patterns plus a few closures; random categories (1–2 leaf terms), languages, wheelchair access, cost.
 */
export async function generateDirectory(db: Db, count: number, seed = 42): Promise<GeneratedRegion> {
  const rand = prng(seed);
  const slug = `bench-verzeichnis-${randomBytes(3).toString('hex')}`;
  const [region] = await db
    .insert(regions)
    .values({ slug, name: slug, kind: 'county', sourceLanguage: 'de', languages: ['de', 'en', 'ar', 'uk'], settings: { directory: { holidayState: 'DE-NW', centerLat: CENTRE.lat, centerLon: CENTRE.lon } } })
    .returning({ id: regions.id });
  if (!region) throw new Error('region insert failed');
  const regionId = region.id;
  await ensureDefaultTaxonomy(db, { id: regionId, sourceLanguage: 'de' });
  const terms = await db.select({ id: dirTaxonomyTerms.id, parentId: dirTaxonomyTerms.parentId }).from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId));
  const parents = new Set(terms.map((t) => t.parentId).filter((p): p is string => p !== null));
  const leafTermIds = terms.filter((t) => !parents.has(t.id)).map((t) => t.id);
  const termChildren = new Map<string, string[]>();
  for (const t of terms) if (t.parentId) termChildren.set(t.parentId, [...(termChildren.get(t.parentId) ?? []), t.id]);

  const orgCount = Math.max(1, Math.ceil(count / 10));
  const orgRows: (typeof dirOrganizations.$inferInsert)[] = [];
  const locationRows: (typeof dirLocations.$inferInsert)[] = [];
  const orgLocations: string[][] = [];
  for (let o = 0; o < orgCount; o++) {
    const id = crypto.randomUUID();
    orgRows.push({ id, regionId, name: `Träger ${o + 1}`, description: 'Generierter Träger für den Benchmark', email: `traeger${o + 1}@bench.example`, status: 'published' });
    const own: string[] = [];
    // ~1 location per 1.5 services: an organisation with 10 services has 6–7 places.
    const n = rand() < 0.7 ? 7 : 6;
    const home = point(rand);
    for (let k = 0; k < n; k++) {
      const lid = crypto.randomUUID();
      const p = k === 0 || rand() < 0.5 ? { lat: home.lat + gaussian(rand) * 0.004, lon: home.lon + gaussian(rand) * 0.006 } : point(rand);
      locationRows.push({
        id: lid,
        regionId,
        organizationId: id,
        name: `Standort ${o + 1}-${k + 1}`,
        latitude: p.lat,
        longitude: p.lon,
        geoSource: 'import',
        address1: `Teststraße ${k + 1}`,
        postalCode: String(41000 + Math.floor(rand() * 900)),
        city: 'Beispielstadt',
        languages: rand() < 0.3 ? languagesFor(rand) : ['de'],
        wheelchair: rand() < 0.7,
        status: 'published',
      });
      own.push(lid);
    }
    orgLocations.push(own);
  }
  const serviceRows: (typeof dirServices.$inferInsert)[] = [];
  const salRows: (typeof dirServiceAtLocations.$inferInsert)[] = [];
  const phoneRows: (typeof dirPhones.$inferInsert)[] = [];
  const scheduleRows: (typeof dirSchedules.$inferInsert)[] = [];
  const christmasYear = new Date().getUTCFullYear();
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const org = i % orgCount;
    const orgId = orgRows[org]?.id ?? '';
    const languages = languagesFor(rand);
    const cats = new Set([leafTermIds[Math.floor(rand() * leafTermIds.length)] ?? '']);
    if (rand() < 0.3) cats.add(leafTermIds[Math.floor(rand() * leafTermIds.length)] ?? '');
    const free = rand() < 0.8;
    serviceRows.push({
      id,
      regionId,
      organizationId: orgId,
      name: `Angebot ${i + 1}`,
      description: 'Generiertes Angebot für den Benchmark: Beratung, Begleitung und Information.',
      free,
      feesDescription: free ? null : 'Kostenbeitrag nach Vereinbarung',
      languages,
      termIds: [...cats],
      verifiedAt: new Date(Date.now() - Math.floor(rand() * 365) * 86_400_000),
      status: 'published',
    });
    const places = orgLocations[org] ?? [];
    const first = places[Math.floor(rand() * places.length)];
    if (first) salRows.push({ regionId, serviceId: id, locationId: first });
    const second = places[Math.floor(rand() * places.length)];
    if (second && second !== first && rand() < 0.1) salRows.push({ regionId, serviceId: id, locationId: second });
    phoneRows.push({ regionId, serviceId: id, number: `+4912349${String(i).padStart(6, '0')}`, languages: languages.slice(0, 2) });
    const schedules: ScheduleInput[] = [...pick(rand, HOUR_PATTERNS)];
    const r = rand();
    if (r < 0.03) schedules.push({ freq: null, closed: true, validFrom: `${christmasYear}-12-24`, validTo: `${christmasYear + 1}-01-01` });
    else if (r < 0.05) schedules.push({ freq: null, closed: true, validFrom: dateOffset(-7), validTo: dateOffset(21) });
    schedules.forEach((s, position) =>
      scheduleRows.push({ regionId, serviceId: id, freq: s.freq, interval: s.interval ?? null, byday: s.byday ?? null, opensAt: s.opensAt ?? null, closesAt: s.closesAt ?? null, validFrom: s.validFrom ?? null, validTo: s.validTo ?? null, closed: s.closed ?? false, position, ...deriveSchedule(s) }),
    );
  }
  await insertBatches(orgRows, (c) => db.insert(dirOrganizations).values(c));
  await insertBatches(locationRows, (c) => db.insert(dirLocations).values(c));
  await insertBatches(serviceRows, (c) => db.insert(dirServices).values(c));
  await insertBatches(salRows, (c) => db.insert(dirServiceAtLocations).values(c));
  await insertBatches(phoneRows, (c) => db.insert(dirPhones).values(c));
  await insertBatches(scheduleRows, (c) => db.insert(dirSchedules).values(c));
  const analyze = async () => {
    for (const table of ['dir_organizations', 'dir_locations', 'dir_services', 'dir_service_at_locations', 'dir_phones', 'dir_schedules']) await db.execute(sql.raw(`ANALYZE ${table}`));
  };
  // The derived filter columns, as the store keeps them (statistics first: the update probes the child tables).
  await analyze();
  await refreshServiceFilters(db, regionId, 'region');
  await analyze();
  return { id: regionId, slug, leafTermIds, termChildren };
}

/**
 * Ten varied queries: a category (a leaf, or a top-level category expanded to its children as the public page
 * does), a language, open now at a given moment, within 10 km of a point (town centres and open country).
 */
function queries(region: GeneratedRegion): FindServicesInput[] {
  const rand = prng(7);
  const tops = [...region.termChildren.keys()];
  const moments = ['2026-03-03T09:30:00Z', '2026-03-05T14:15:00Z', '2026-03-07T10:00:00Z', '2026-03-04T16:30:00Z', '2026-03-02T18:30:00Z'];
  const langs = ['ar', 'uk', 'tr', 'ru', 'fa', 'en', 'ar', 'uk', 'fr', 'tr'];
  const out: FindServicesInput[] = [];
  for (let q = 0; q < 10; q++) {
    const town = TOWNS[q % TOWNS.length] ?? CENTRE;
    const near = q < 7 ? { lat: town.lat, lon: town.lon, km: 10 } : { ...point(rand), km: 10 };
    const termIds = q % 3 === 0 ? (region.termChildren.get(tops[q % tops.length] ?? '') ?? []) : [region.leafTermIds[Math.floor(rand() * region.leafTermIds.length)] ?? ''];
    out.push({ regionId: region.id, language: 'de', termIds, languages: [langs[q] ?? 'en'], openNow: true, near, limit: 20, offset: 0, at: new Date(moments[q % moments.length] ?? moments[0] ?? '') });
  }
  return out;
}

async function measureQueries(db: Db, list: FindServicesInput[]): Promise<Figures> {
  for (const q of list) await findServices(db, q); // warm-up
  const times: number[] = [];
  let total = 0;
  let slowest: { ms: number; q: FindServicesInput | null } = { ms: -1, q: null };
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of list) {
      const began = performance.now();
      const result = await findServices(db, q);
      const ms = performance.now() - began;
      times.push(ms);
      total += result.total;
      if (ms > slowest.ms) slowest = { ms, q };
    }
  }
  times.sort((a, b) => a - b);
  return { queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0, avgTotal: total / times.length, slowest: slowest.q };
}

/** EXPLAIN ANALYZE of one findServices call (the statement is captured from the driver call). */
async function explain(db: Db, q: FindServicesInput): Promise<string> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return async (query: SQL) => {
          const built = new PgDialect().sqlToQuery(query);
          captured.push({ sql: built.sql, params: built.params });
          return target.execute(query);
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  await findServices(spy as Db, q);
  const main = captured.at(-1);
  if (!main) return '(no statement captured)';
  let text = main.sql;
  // Inline the parameters ($n → literal) so the plan is of the real statement.
  text = text.replace(/\$(\d+)/g, (_m, n: string) => {
    const v = main.params[Number(n) - 1];
    if (typeof v === 'number') return String(v);
    if (v instanceof Date) return `'${v.toISOString()}'`;
    return `'${String(v).replace(/'/g, "''")}'`;
  });
  const result = await db.execute(sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${text}`));
  return (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
}

async function measureExport(db: Db, regionId: string, services: number): Promise<ExportFigures> {
  let began = performance.now();
  const data = await exportHsdsJson(db, regionId);
  const json = JSON.stringify(data);
  const jsonMs = performance.now() - began;
  began = performance.now();
  const zip = await exportHsdsTabular(db, regionId);
  const tabularMs = performance.now() - began;
  const records = data.organizations.length + data.services.length + data.locations.length + data.taxonomy_terms.length;
  if (data.services.length !== services) log(`note: export has ${data.services.length} services, generated ${services}`);
  return { jsonMs, services: data.services.length, records, jsonBytes: Buffer.byteLength(json), tabularMs, tabularBytes: zip.length };
}

/**
 * Import of `count` services: a second region is generated and exported as HSDS JSON, then checked and applied
 * (published, as a region admin would) into an empty region through the import module.
 */
async function measureImport(db: Db, count: number): Promise<ImportFigures> {
  if (count <= 0) return { skipped: 'BENCH_DIR_IMPORT=0' };
  const source = await generateDirectory(db, count, 4242);
  const file = Buffer.from(JSON.stringify(await exportHsdsJson(db, source.id)));
  const [target] = await db.insert(regions).values({ slug: `bench-import-${randomBytes(3).toString('hex')}`, name: 'Import', kind: 'county', sourceLanguage: 'de', languages: ['de'] }).returning({ id: regions.id });
  const [account] = await db.insert(accounts).values({ email: `bench-${randomBytes(4).toString('hex')}@bench.example`, name: 'Bench', isAdmin: true }).returning({ id: accounts.id, email: accounts.email });
  if (!target || !account) throw new Error('region or account insert failed');
  const actor: Actor = { id: account.id, email: account.email, name: 'Bench', isAdmin: true, memberships: [] };
  // The target needs the default categories the exported services refer to (an import refuses unknown terms).
  await ensureDefaultTaxonomy(db, { id: target.id, sourceLanguage: 'de' });
  let began = performance.now();
  const checked = await checkHsdsImport(db, actor, { regionId: target.id, format: 'json', filename: 'bench.json', data: file });
  const checkMs = performance.now() - began;
  began = performance.now();
  const applied = await applyHsdsImport(db, actor, { regionId: target.id, importId: checked.importId, partial: true, status: 'published' });
  const applyMs = performance.now() - began;
  const c = checked.report.counts;
  for (const r of checked.report.records.filter((x) => x.action === 'refused').slice(0, 5)) log(`refused ${r.table} ${r.id}: ${r.reasons.join('; ')}`);
  const note = `(${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.refused} refused records; ${applied.state})`;
  return { services: count, checkMs, applyMs, note };
}

async function measureEngine(engine: string, database: Database): Promise<EngineData> {
  await runMigrations(database);
  await ensureLanguages(database.db);
  const db = database.db;
  log(`${engine}: generating ${SERVICES} services …`);
  let began = performance.now();
  const region = await generateDirectory(db, SERVICES);
  const generateMs = performance.now() - began;
  const rows: Record<string, number> = {};
  for (const table of ['dir_organizations', 'dir_locations', 'dir_services', 'dir_schedules']) {
    const result = await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    rows[table] = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  }
  log(`${engine}: generated in ${Math.round(generateMs)} ms (${JSON.stringify(rows)})`);
  const list = queries(region);
  log(`${engine}: ${ROUNDS} rounds × ${list.length} queries (category + language + open now + 10 km) …`);
  const full = await measureQueries(db, list);
  log(`${engine}: p50 ${full.p50.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms, max ${full.max.toFixed(1)} ms, ${full.avgTotal.toFixed(1)} hits`);
  const withoutOpenNow = await measureQueries(db, list.map((q) => ({ ...q, openNow: false })));
  const withoutNear = await measureQueries(db, list.map((q) => ({ ...q, near: null })));
  if (process.env.BENCH_DIR_EXPLAIN === '1' && full.slowest) log(`${engine}: EXPLAIN ANALYZE of the slowest query\n${await explain(db, full.slowest)}`);
  log(`${engine}: HSDS export …`);
  let exported: EngineData['export'];
  try {
    exported = process.env.BENCH_DIR_EXPORT === '0' ? { skipped: 'BENCH_DIR_EXPORT=0' } : await measureExport(db, region.id, SERVICES);
  } catch (err) {
    exported = { skipped: `failed: ${(err as Error).message.slice(0, 120)}` };
  }
  log(`${engine}: HSDS import of ${IMPORT_SERVICES} services …`);
  began = performance.now();
  const imported = await measureImport(db, IMPORT_SERVICES);
  log(`${engine}: import step done in ${Math.round(performance.now() - began)} ms`);
  return { engine, generateMs, rows, full, withoutOpenNow, withoutNear, export: exported, import: imported };
}

const n = (v: number) => Math.round(v).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function table(results: EngineData[]): string {
  const head = `| figure | ${results.map((r) => r.engine).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const row = (label: string, cell: (r: EngineData) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const first = results[0];
  const lines = [
    head,
    sep,
    row(
      `generate ${n(SERVICES)} services (${n(first?.rows.dir_organizations ?? 0)} organisations, ${n(first?.rows.dir_locations ?? 0)} locations, ${n(first?.rows.dir_schedules ?? 0)} schedule rows), bulk insert`,
      (r) => ms(r.generateMs),
    ),
    row(`category + language + open now + within 10 km: **p95** (${first?.full.queries ?? 0} queries)`, (r) => `**${ms(r.full.p95)}** ${pass(r.full.p95 < TARGET_P95_MS)}`, `< ${TARGET_P95_MS} ms`),
    row('… p50 / max; matching services per query', (r) => `${ms(r.full.p50)} / ${ms(r.full.max)}; ${r.full.avgTotal.toFixed(1)}`),
    row('same without “open now”: p95 / p50; matches', (r) => `${ms(r.withoutOpenNow.p95)} / ${ms(r.withoutOpenNow.p50)}; ${r.withoutOpenNow.avgTotal.toFixed(0)}`),
    row('same without distance (whole region): p95 / p50; matches', (r) => `${ms(r.withoutNear.p95)} / ${ms(r.withoutNear.p50)}; ${r.withoutNear.avgTotal.toFixed(0)}`),
    row('HSDS JSON export (exportHsdsJson + JSON.stringify): time; size', (r) => ('skipped' in r.export ? r.export.skipped : `${ms(r.export.jsonMs)}; ${mb(r.export.jsonBytes)}`)),
    row('… throughput: services/s; records/s (organisations + services + locations + terms)', (r) =>
      'skipped' in r.export ? '–' : `${n(r.export.services / (r.export.jsonMs / 1000))} / s; ${n(r.export.records / (r.export.jsonMs / 1000))} / s`,
    ),
    row('HSDS tabular export (CSV + datapackage.json, zip): time; size; services/s', (r) =>
      'skipped' in r.export ? '–' : `${ms(r.export.tabularMs)}; ${mb(r.export.tabularBytes)}; ${n(r.export.services / (r.export.tabularMs / 1000))} / s`,
    ),
    row(`HSDS import of ${n(IMPORT_SERVICES)} services: check; apply; services/s`, (r) =>
      'skipped' in r.import ? `not measured (${r.import.skipped})` : `${ms(r.import.checkMs)}; ${ms(r.import.applyMs)}; ${n(r.import.services / ((r.import.checkMs + r.import.applyMs) / 1000))} / s ${r.import.note}`,
    ),
  ];
  return lines.join('\n');
}


/** Measures both engines and writes the bench-directory section of bench/README.md (unless BENCH_NO_WRITE=1). */
export async function runDirectoryBench(): Promise<string> {
  const results: EngineData[] = [];
  const engines = (process.env.BENCH_DIR_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('pglite')) {
    const lite = await openPglite('memory://');
    try {
      results.push(await measureEngine('PGlite', lite));
    } finally {
      await lite.close();
    }
  }
  const postgres = engines.includes('postgres') ? await freshPostgres('ww_bench_dir') : null;
  if (postgres) {
    try {
      results.push(await measureEngine('PostgreSQL', postgres.database));
    } finally {
      await postgres.drop();
    }
  } else {
    log(`PostgreSQL not reachable at ${PG_SERVER}; measured PGlite only.`);
  }
  const section = [
    START,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine(LOAD_AT_START)}.`,
    `${ROUNDS} rounds of 10 queries through findServices (the public list's query: 20 results and the total count), one at`,
    'a time, time per query as the application sees it (driver included). Export: exportHsdsJson / exportHsdsTabular of',
    'the whole region. Import: a second generated region exported as HSDS JSON, checked and applied into an empty one.',
    '',
    table(results),
    END,
  ].join('\n');
  process.stdout.write(section + '\n');
  if (process.env.BENCH_NO_WRITE !== '1') {
    writeReadmeSection(README, START, END, section, 'Directory figures (issue 5)');
    log(`written to ${README}`);
  }
  return section;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runDirectoryBench();
