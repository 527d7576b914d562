// Sprachpool benchmarks (issue 7), without npm: `node --import tsx bench/sprachpool.ts`.
//   (1) Ranking latency: one request against 5,000 mediators in 60 languages with a year of assignments. The pool is
//       generated with set-based SQL (generate_series; deterministic through hashtext, the same on both engines):
//       mediators with 1–3 languages (skewed like real pools: Arabic, Dari, Farsi … far more common than Lithuanian),
//       dialects, weekly patterns, absences, documents (some expired), coordinates in a 65 × 65 km county, one
//       assignment every STEP days per mediator from a year ago to a month ahead (each with its request and accepted
//       offer), declines in the last 30 days. Then 200 approved requests in varied languages, modes, settings, dialects
//       and gender preferences over the next three weeks, each ranked by rankMediators (matching.ts) exactly as the
//       coordinator's page does — one at a time after a warm-up: p50 / p95 / max. On in-memory PGlite and a fresh
//       PostgreSQL database.
//   (2) Concurrent accepts, PostgreSQL: 20 mediators, 50 requests at overlapping times, every request offered to two
//       mediators and every mediator offered five requests (100 open offers); all 100 acceptOffer calls (lifecycle.ts,
//       through the one-time link) fired at once through a pool of 20 connections. Checked after each round: exactly
//       one assignment per mediator, no request with two, as many assignments as successful accepts, every refused
//       accept a ConflictError (no other error), and no two overlapping assignments of one mediator in the table.
// Writes its figures into bench/README.md between the bench-sprachpool markers. Environment:
//   BENCH_SP_MEDIATORS   mediators in the generated pool (default 5000)
//   BENCH_SP_LANGUAGES   languages (default 60)
//   BENCH_SP_STEP        days between two assignments of one mediator (default 9: ≈ 44 a year each)
//   BENCH_SP_REQUESTS    requests ranked (default 200)
//   BENCH_SP_ROUNDS      accept rounds (default 3)
//   BENCH_SP_POOL        PostgreSQL connections for the accepts (default 20)
//   BENCH_SP_ENGINES     ranking engines (default pglite,postgres)
//   BENCH_SP_EXPLAIN=1   print the plan of the slowest request's first statement
//   BENCH_PG_URL         PostgreSQL server to create fresh databases on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NO_WRITE=1     print the table only
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database, type Db } from '../src/db/client.js';
import { rowsOf } from '../src/db/rows.js';
import { runMigrations } from '../src/db/migrate.js';
import { localSlot } from '../src/modules/sprachpool/availability.js';
import { openPool, type PoolContext } from '../src/modules/sprachpool/context.js';
import { DIALECTS, POOL_LANGUAGES, type PoolLanguage } from '../src/modules/sprachpool/languages.js';
import { acceptOffer } from '../src/modules/sprachpool/lifecycle.js';
import { candidatesStatement, rankMediators, type RequestRow } from '../src/modules/sprachpool/matching.js';
import { assignments, offers, requests } from '../src/modules/sprachpool/schema.js';
import { buildAgency, buildMediator, buildRequest, dateInDays } from '../src/modules/sprachpool/test-support.js';
import { AppError } from '../src/platform/errors.js';
import { hashToken, newToken } from '../src/platform/auth/tokens.js';
import { regions } from '../src/platform/schema.js';
import { ensureLanguages } from '../src/seed/languages.js';
import { createDatabase, machine, ms, pass, PG_SERVER, writeReadmeSection } from './support.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'bench', 'README.md');
const START = '<!-- bench-sprachpool:start -->';
const END = '<!-- bench-sprachpool:end -->';
const MEDIATORS = Number(process.env.BENCH_SP_MEDIATORS ?? 5000);
const LANGUAGES = Math.min(POOL_LANGUAGES.length, Number(process.env.BENCH_SP_LANGUAGES ?? 60));
const STEP = Math.max(1, Number(process.env.BENCH_SP_STEP ?? 9));
const REQUESTS = Number(process.env.BENCH_SP_REQUESTS ?? 200);
const WARMUP = Math.min(20, REQUESTS);
const ROUNDS = Math.max(1, Number(process.env.BENCH_SP_ROUNDS ?? 3));
const POOL = Number(process.env.BENCH_SP_POOL ?? 20);
const TARGET_MS = 100;
const LOAD_AT_START = (loadavg()[0] ?? 0).toFixed(1);
const BASE_URL = 'https://wegweiser.example.org';
const TZ = 'Europe/Berlin';

function log(line: string): void {
  process.stderr.write(line + '\n');
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const int = (n: number) => Math.round(n).toLocaleString('en');

/** SQL for a deterministic integer in [0, n) from a text key (the same on PGlite and PostgreSQL). */
const H = (key: string, n: number) => `((hashtext(${key})::bigint + 2147483648) % ${n})`;
/** SQL for a deterministic fraction in [0, 1). */
const U = (key: string) => `(${H(key, 1_000_000)} / 1000000.0)`;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const LANGS = `ARRAY[${POOL_LANGUAGES.slice(0, LANGUAGES).map(quote).join(',')}]::text[]`;
/** A language, skewed: the first languages of POOL_LANGUAGES (Arabic, Dari, Farsi, Pashto, Kurdish …) are the common ones. */
const skewedLanguage = (key: string) => `(${LANGS})[1 + floor(${LANGUAGES} * power(${U(key)}, 2))::int]`;
/** A dialect for a language column: '' or one of the language's dialects (each equally likely). */
function dialectFor(langColumn: string, key: string): string {
  const cases = Object.entries(DIALECTS)
    .filter(([lang]) => POOL_LANGUAGES.slice(0, LANGUAGES).includes(lang as PoolLanguage))
    .map(([lang, list]) => {
      const options = ['', '', ...(list ?? [])];
      return `WHEN ${quote(lang)} THEN (ARRAY[${options.map(quote).join(',')}])[1 + ${H(key, options.length)}]`;
    });
  return cases.length ? `CASE ${langColumn} ${cases.join(' ')} ELSE '' END` : `''`;
}

/** Mediator i's id, agency j's id, request (i, k)'s id — derived, so statements can refer to each other's rows. */
const mediatorId = (tag: string, i: string) => `md5(${quote(tag + 'm')} || ${i})::uuid`;
const agencyId = (tag: string, j: string) => `md5(${quote(tag + 'a')} || ${j})::uuid`;
const requestId = (tag: string, i: string, k: string) => `md5(${quote(tag + 'r')} || ${i} || '-' || ${k})::uuid`;

/** The year of assignments: mediator i's k-th appointment STEP days apart (one per day at most, so never overlapping). */
function slotsSql(tag: string): string {
  const last = Math.floor((365 + 30) / STEP);
  return `SELECT i, k, d, (current_date + d) + make_interval(mins => 480 + ${H(`'h' || i || '-' || k`, 20)}::int * 30) AS local_start,
      (ARRAY[60, 90, 120])[1 + ${H(`'u' || i || '-' || k`, 3)}] AS minutes,
      ${skewedLanguage(`'x' || i || '-1'`)} AS language, ${H(`'ra' || i || '-' || k`, 50)} + 1 AS agency
    FROM generate_series(1, ${MEDIATORS}) i, generate_series(0, ${last}) k, LATERAL (SELECT -365 + k * ${STEP} + i % ${STEP} AS d) dd
    WHERE d <= 30 /* ${tag} */`;
}

/** Generates the pool with set-based statements; returns the number of rows per table. */
async function generatePool(database: Database, regionId: string, tag: string): Promise<Record<string, number>> {
  const R = quote(regionId);
  const steps: [string, string][] = [
    [
      'agencies',
      `INSERT INTO sp_agencies (id, region_id, status, name, kind, city, lat, lon, email, approved_at)
       SELECT ${agencyId(tag, 'j')}, ${R}, 'approved', 'Einrichtung ' || j, (ARRAY['school','day_care','counselling','health','authority','jobcenter','psychosocial','association','other'])[1 + j % 9],
         'Ort ' || (j % 40), 51.0 + ${U(`'ala' || j`)} * 0.6, 6.5 + ${U(`'alo' || j`)} * 0.9, 'einrichtung' || j || '@bench.example', now()
       FROM generate_series(1, 50) j`,
    ],
    [
      'mediators',
      `INSERT INTO sp_mediators (id, region_id, status, first_name, last_name, email, gender, german_level, modes, postal_code, city, lat, lon, max_travel_km,
         qualification_kinds, confidentiality_signed_on, confidentiality_expires_on, police_clearance_issued_on, police_clearance_expires_on, consent_at, approved_at)
       SELECT ${mediatorId(tag, 'i')}, ${R}, CASE WHEN i % 40 = 0 THEN 'paused' ELSE 'active' END,
         (ARRAY['Amal','Berfin','Cem','Dilan','Elena','Farid','Gül','Hassan','Irina','Jamal'])[1 + i % 10], 'Mittler ' || i, 'm' || i || '@bench.example',
         (ARRAY['female','male','female','male','diverse'])[1 + ${H(`'g' || i`, 5)}], 'C1',
         CASE ${H(`'mo' || i`, 10)} WHEN 0 THEN ARRAY['on_site'] WHEN 1 THEN ARRAY['phone','video'] ELSE ARRAY['on_site','phone','video'] END,
         '12345', 'Ort ' || (i % 40),
         CASE WHEN i % 25 = 0 THEN NULL ELSE 51.0 + ${U(`'la' || i`)} * 0.6 END, CASE WHEN i % 25 = 0 THEN NULL ELSE 6.5 + ${U(`'lo' || i`)} * 0.9 END,
         10 + ${H(`'tr' || i`, 50)},
         ARRAY['basic_training'] || CASE ${H(`'q' || i`, 6)} WHEN 0 THEN ARRAY['health'] WHEN 1 THEN ARRAY['psychosocial'] WHEN 2 THEN ARRAY['school'] WHEN 3 THEN ARRAY['authority'] ELSE ARRAY[]::text[] END,
         current_date - 400, current_date + ${H(`'c' || i`, 900)}::int - 60, current_date - 400, current_date + ${H(`'p' || i`, 900)}::int - 45, now(), now()
       FROM generate_series(1, ${MEDIATORS}) i`,
    ],
    [
      'languages',
      `INSERT INTO sp_mediator_languages (mediator_id, region_id, language, dialect, level)
       SELECT ${mediatorId(tag, 'i')}, ${R}, lang, ${dialectFor('lang', `'d' || i || '-' || k`)}, (ARRAY['native','native','C2','C1','B2','B1'])[1 + ${H(`'l' || i || '-' || k`, 6)}]
       FROM (SELECT i, k, ${skewedLanguage(`'x' || i || '-' || k`)} AS lang FROM generate_series(1, ${MEDIATORS}) i, generate_series(1, 3) k WHERE k <= 1 + ${H(`'n' || i`, 3)}) s
       ON CONFLICT DO NOTHING`,
    ],
    [
      'availability',
      `INSERT INTO sp_availability (mediator_id, weekday, start_minute, end_minute)
       SELECT ${mediatorId(tag, 'i')}, d, v.s, v.e
       FROM (SELECT i, d, ${H(`'a' || i || '-' || d`, 10)} AS a, ${H(`'b' || i || '-' || d`, 30)} AS b FROM generate_series(1, ${MEDIATORS}) i, generate_series(1, 7) d) x,
         LATERAL (VALUES (CASE WHEN b % 3 = 0 THEN 480 ELSE 420 + (b % 5) * 60 END, CASE WHEN b % 3 = 0 THEN 720 ELSE 420 + (b % 5) * 60 + (6 + b % 6) * 60 END), (840, 1200)) v(s, e)
       WHERE a < CASE WHEN d <= 5 THEN 7 ELSE 2 END AND (b % 3 = 0 OR v.s <> 840)`,
    ],
    [
      'absences',
      `INSERT INTO sp_absences (mediator_id, from_date, to_date, note)
       SELECT ${mediatorId(tag, 'i')}, current_date + f, current_date + f + ${H(`'al' || i`, 14)}::int, 'Urlaub'
       FROM (SELECT i, ${H(`'af' || i`, 60)}::int - 10 AS f FROM generate_series(1, ${MEDIATORS}) i WHERE ${H(`'ab' || i`, 100)} < 10) x`,
    ],
    [
      'requests',
      `INSERT INTO sp_requests (id, region_id, agency_id, status, language, mode, start_local, starts_at, ends_at, duration_minutes, place_name, city, lat, lon, setting, topic, approved_at, assigned_at, created_at)
       SELECT ${requestId(tag, 'i', 'k')}, ${R}, ${agencyId(tag, 'agency')}, CASE WHEN d < 0 THEN 'done' ELSE 'assigned' END, language,
         CASE WHEN ${H(`'rm' || i || '-' || k`, 10)} < 7 THEN 'on_site' ELSE 'phone' END,
         to_char(local_start, 'YYYY-MM-DD"T"HH24:MI'), local_start AT TIME ZONE '${TZ}', (local_start + make_interval(mins => minutes)) AT TIME ZONE '${TZ}', minutes,
         'Termin ' || k, 'Ort', 51.0 + ${U(`'rla' || i || '-' || k`)} * 0.6, 6.5 + ${U(`'rlo' || i || '-' || k`)} * 0.9,
         (ARRAY['school','day_care','counselling','authority','other'])[1 + ${H(`'rs' || i || '-' || k`, 5)}], 'other',
         (local_start AT TIME ZONE '${TZ}') - interval '5 days', (local_start AT TIME ZONE '${TZ}') - interval '4 days', (local_start AT TIME ZONE '${TZ}') - interval '6 days'
       FROM (${slotsSql(tag)}) s`,
    ],
    [
      'offers',
      `INSERT INTO sp_offers (region_id, request_id, mediator_id, status, token_hash, expires_at, created_at, responded_at)
       SELECT ${R}, ${requestId(tag, 'i', 'k')}, ${mediatorId(tag, 'i')}, 'accepted', md5(${quote(tag + 'o')} || i || '-' || k),
         (local_start AT TIME ZONE '${TZ}') - interval '3 days', (local_start AT TIME ZONE '${TZ}') - interval '5 days', (local_start AT TIME ZONE '${TZ}') - interval '4 days'
       FROM (${slotsSql(tag)}) s`,
    ],
    [
      'assignments',
      `INSERT INTO sp_assignments (region_id, request_id, mediator_id, status, starts_at, ends_at, created_at, updated_at)
       SELECT ${R}, ${requestId(tag, 'i', 'k')}, ${mediatorId(tag, 'i')}, CASE WHEN d < 0 THEN 'done' ELSE 'active' END,
         local_start AT TIME ZONE '${TZ}', (local_start + make_interval(mins => minutes)) AT TIME ZONE '${TZ}', now(), now()
       FROM (${slotsSql(tag)}) s`,
    ],
    [
      // Declines in the last 30 days: a fifth of the mediators turned down one to three offers for others' appointments.
      'declines',
      `INSERT INTO sp_offers (region_id, request_id, mediator_id, status, token_hash, expires_at, created_at, responded_at)
       SELECT ${R}, ${requestId(tag, `(i % ${MEDIATORS} + 1)`, `(${Math.floor((365 - 20) / STEP)} + n)`)}, ${mediatorId(tag, 'i')},
         CASE WHEN n = 1 THEN 'expired' ELSE 'declined' END, md5(${quote(tag + 'x')} || i || '-' || n),
         now() - make_interval(days => ${H(`'xd' || i || '-' || n`, 25)}::int) + interval '2 days', now() - make_interval(days => ${H(`'xd' || i || '-' || n`, 25)}::int), now() - make_interval(days => ${H(`'xd' || i || '-' || n`, 25)}::int)
       FROM generate_series(1, ${MEDIATORS}) i, generate_series(0, 2) n
       WHERE ${H(`'xa' || i`, 5)} = 0 AND n <= ${H(`'xn' || i`, 3)}`,
    ],
  ];
  for (const [name, statement] of steps) {
    const t0 = performance.now();
    await database.exec(statement);
    log(`  ${name}: ${ms(performance.now() - t0)}`);
  }
  await database.exec('ANALYZE');
  const counts: Record<string, number> = {};
  for (const table of ['sp_mediators', 'sp_mediator_languages', 'sp_availability', 'sp_absences', 'sp_requests', 'sp_offers', 'sp_assignments']) {
    const rows = await database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'sp_availability' || table === 'sp_absences' ? `mediator_id IN (SELECT id FROM sp_mediators WHERE region_id = ${R})` : `region_id = ${R}`}`));
    counts[table] = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
  }
  return counts;
}

/** REQUESTS approved requests over the next three weeks (weekdays), in skewed languages, modes, settings, dialects, preferences. */
async function generateRequests(database: Database, regionId: string, tag: string): Promise<string[]> {
  const R = quote(regionId);
  await database.exec(`INSERT INTO sp_requests (id, region_id, agency_id, status, language, dialect, mode, start_local, starts_at, ends_at, duration_minutes, place_name, city, lat, lon, setting, topic, gender_preference, approved_at)
    SELECT md5(${quote(tag + 'q')} || q)::uuid, ${R}, ${agencyId(tag, `(1 + q % 50)`)}, 'approved', lang, CASE WHEN ${H(`'qdd' || q`, 10)} < 3 THEN ${dialectFor('lang', `'qd' || q`)} ELSE '' END,
      (ARRAY['on_site','on_site','on_site','on_site','on_site','on_site','on_site','phone','phone','video'])[1 + ${H(`'qm' || q`, 10)}],
      to_char(ls, 'YYYY-MM-DD"T"HH24:MI'), ls AT TIME ZONE '${TZ}', (ls + make_interval(mins => minutes)) AT TIME ZONE '${TZ}', minutes, 'Beratungsraum', 'Ort',
      51.0 + ${U(`'qla' || q`)} * 0.6, 6.5 + ${U(`'qlo' || q`)} * 0.9,
      (ARRAY['school','school','day_care','counselling','health','authority','psychosocial','other'])[1 + ${H(`'qs' || q`, 8)}], 'other',
      (ARRAY['none','none','none','none','none','none','none','none','female','male'])[1 + ${H(`'qg' || q`, 10)}], now()
    FROM (SELECT q, lang, minutes, (day + CASE extract(isodow FROM day) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END) + make_interval(mins => 480 + ${H(`'qh' || q`, 18)}::int * 30) AS ls
      FROM (SELECT q, ${skewedLanguage(`'ql' || q`)} AS lang, (ARRAY[60, 90, 90, 120])[1 + ${H(`'qu' || q`, 4)}] AS minutes, current_date + 2 + ${H(`'qday' || q`, 19)}::int AS day
        FROM generate_series(1, ${REQUESTS}) q) a) b`);
  await database.exec('ANALYZE sp_requests');
  const rows = await database.db.select({ id: requests.id }).from(requests).where(sql`${requests.regionId} = ${regionId} AND ${requests.status} = 'approved'`);
  return rows.map((r) => r.id);
}

async function newRegion(db: Db, name: string): Promise<typeof regions.$inferSelect> {
  const [region] = await db
    .insert(regions)
    .values({ slug: `bench-sp-${randomBytes(3).toString('hex')}`, name, kind: 'county', sourceLanguage: 'de', languages: ['de', 'en', 'ar', 'uk'], timezone: TZ })
    .returning();
  if (!region) throw new Error('region insert failed');
  return region;
}

type RankFigures = {
  engine: string;
  generateMs: number;
  counts: Record<string, number>;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  candidatesMean: number;
  candidatesMax: number;
  rankedMean: number;
  slowest: string;
};

/** (1) on one engine: generate the pool, then rank REQUESTS requests one at a time. */
async function measureRanking(engine: string, database: Database): Promise<RankFigures> {
  await runMigrations(database);
  await ensureLanguages(database.db);
  const db = database.db;
  const region = await newRegion(db, 'Sprachpool (Benchmark)');
  const tag = randomBytes(3).toString('hex');
  log(`${engine}: generating ${MEDIATORS.toLocaleString('en')} mediators in ${LANGUAGES} languages with a year of assignments …`);
  const began = performance.now();
  const counts = await generatePool(database, region.id, tag);
  const generateMs = performance.now() - began;
  log(`${engine}: ${JSON.stringify(counts)} in ${ms(generateMs)}`);
  const ids = await generateRequests(database, region.id, tag);
  const ctx = await openPool(db, null, region.id, null);
  const list: RequestRow[] = await db.select().from(requests).where(inArray(requests.id, ids));
  list.sort((a, b) => a.id.localeCompare(b.id));

  log(`${engine}: ranking ${list.length} requests (${WARMUP} warm-up) …`);
  for (const r of list.slice(0, WARMUP)) await rankMediators(db, ctx, r);
  const times: number[] = [];
  const candidates: number[] = [];
  const ranked: number[] = [];
  let slowest = { ms: 0, label: '' };
  for (const r of list) {
    const t0 = performance.now();
    const ranking = await rankMediators(db, ctx, r);
    const took = performance.now() - t0;
    times.push(took);
    candidates.push(ranking.ranked.length + ranking.excluded.length);
    ranked.push(ranking.ranked.length);
    if (took > slowest.ms) slowest = { ms: took, label: `${r.language}${r.dialect ? `/${r.dialect}` : ''}, ${r.mode}, ${ranking.ranked.length + ranking.excluded.length} candidates` };
  }
  if (process.env.BENCH_SP_EXPLAIN === '1') await explainSlowest(database, ctx, list, times);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    engine,
    generateMs,
    counts,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times, 0),
    mean: mean(times),
    candidatesMean: mean(candidates),
    candidatesMax: Math.max(...candidates, 0),
    rankedMean: mean(ranked),
    slowest: slowest.label,
  };
}

/** Prints the plan of the ranking's first statement (candidates and what decides eligibility) for the slowest request. */
async function explainSlowest(database: Database, ctx: PoolContext, list: RequestRow[], times: number[]): Promise<void> {
  const worst = list[times.indexOf(Math.max(...times))];
  if (!worst) return;
  const plan = await database.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${candidatesStatement(ctx, worst, localSlot(worst.startsAt, worst.endsAt, TZ))}`);
  for (const row of rowsOf<Record<string, string>>(plan)) log(`  ${Object.values(row)[0] ?? ''}`);
}

type AcceptRound = { round: number; wallMs: number; p50: number; p95: number; accepted: number; refused: number; errors: number; codes: string; assignments: number; mediatorsWithOne: number; requestsWithTwo: number; overlapping: number; ok: boolean };

/** (2) on PostgreSQL: ROUNDS × 100 concurrent accepts on overlapping offers. */
async function measureAccepts(database: Database): Promise<AcceptRound[]> {
  const db = database.db;
  const region = await newRegion(db, 'Sprachpool Zusagen (Benchmark)');
  const { agency } = await buildAgency(db, region.id);
  const PEOPLE = 20;
  const PER_MEDIATOR = 5;
  const REQS = (PEOPLE * PER_MEDIATOR) / 2;
  const people = [];
  for (let m = 0; m < PEOPLE; m++) people.push(await buildMediator(db, region.id, { lastName: `Zusage ${m}`, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })) }));
  const out: AcceptRound[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const day = dateInDays(10 + round);
    // 50 requests between 10:00 and 11:00 for 90 minutes: every two of them overlap.
    const reqs = [];
    for (let r = 0; r < REQS; r++) reqs.push(await buildRequest(db, region.id, agency.id, { status: 'offered', startLocal: `${day}T${hhmm(600 + (r % 5) * 15)}`, durationMinutes: 90, approvedAt: new Date() }));
    // Request r goes to mediators floor(r / 5) and floor(r / 5) + 10: each mediator holds five offers, each request two.
    const tokens: { token: string; mediator: number; request: number }[] = [];
    const values = [];
    for (let r = 0; r < REQS; r++) {
      for (const m of [Math.floor(r / PER_MEDIATOR), Math.floor(r / PER_MEDIATOR) + PEOPLE / 2]) {
        const token = newToken();
        const person = people[m];
        const request = reqs[r];
        if (!person || !request) throw new Error('bad index');
        tokens.push({ token, mediator: m, request: r });
        values.push({ regionId: region.id, requestId: request.id, mediatorId: person.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 48 * 3_600_000) });
      }
    }
    await db.insert(offers).values(values);
    // Fire in a shuffled order, all at once.
    const order = tokens.map((t, i) => ({ t, key: (i * 7919) % tokens.length })).sort((a, b) => a.key - b.key);
    log(`PostgreSQL: round ${round}: ${order.length} accepts at once (${PEOPLE} mediators × ${PER_MEDIATOR} overlapping offers, ${REQS} requests) …`);
    const latencies: number[] = [];
    const began = performance.now();
    const results = await Promise.allSettled(
      order.map(async ({ t }) => {
        const t0 = performance.now();
        try {
          return await acceptOffer(db, { token: t.token }, { baseUrl: BASE_URL });
        } finally {
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const wallMs = performance.now() - began;
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof AppError && r.reason.status === 409 ? [r.reason.code] : []));
    const errors = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.status === 409));
    for (const e of errors.slice(0, 3)) log(`  error: ${e.status === 'rejected' ? String(e.reason) : ''}`);
    const codeCounts = new Map<string, number>();
    for (const c of refusals) codeCounts.set(c, (codeCounts.get(c) ?? 0) + 1);
    const rows = await db
      .select({ mediatorId: assignments.mediatorId, requestId: assignments.requestId })
      .from(assignments)
      .where(
        inArray(
          assignments.requestId,
          reqs.map((r) => r.id),
        ),
      );
    const perMediator = new Map<string, number>();
    const perRequest = new Map<string, number>();
    for (const a of rows) {
      perMediator.set(a.mediatorId, (perMediator.get(a.mediatorId) ?? 0) + 1);
      perRequest.set(a.requestId, (perRequest.get(a.requestId) ?? 0) + 1);
    }
    const overlapRows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sp_assignments a JOIN sp_assignments b ON a.mediator_id = b.mediator_id AND a.id < b.id AND a.status IN ('active','done') AND b.status IN ('active','done') AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) WHERE a.region_id = ${region.id}`,
    );
    const overlapping = Number(rowsOf<{ n: number }>(overlapRows)[0]?.n ?? -1);
    const [assignedRequests] = await db.select({ n: sql<number>`count(*)::int` }).from(requests).where(sql`${requests.id} IN (${sql.join(reqs.map((r) => sql`${r.id}`), sql`, `)}) AND ${requests.status} = 'assigned'`);
    const mediatorsWithOne = people.filter((p) => perMediator.get(p.id) === 1).length;
    const requestsWithTwo = [...perRequest.values()].filter((n) => n > 1).length;
    const ok =
      mediatorsWithOne === PEOPLE && [...perMediator.values()].every((n) => n === 1) && requestsWithTwo === 0 && rows.length === accepted && Number(assignedRequests?.n) === rows.length && errors.length === 0 && overlapping === 0 && accepted + refusals.length === order.length;
    out.push({
      round,
      wallMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      accepted,
      refused: refusals.length,
      errors: errors.length,
      codes: [...codeCounts].map(([c, n]) => `${c} ${n}`).join(', '),
      assignments: rows.length,
      mediatorsWithOne,
      requestsWithTwo,
      overlapping,
      ok,
    });
  }
  return out;
}

function rankingTable(results: RankFigures[]): string {
  const head = `| figure | ${results.map((r) => r.engine).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const row = (label: string, cell: (r: RankFigures) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const c = (r: RankFigures, t: string) => int(r.counts[t] ?? 0);
  return [
    head,
    sep,
    row('generate the pool, set-based SQL (incl. ANALYZE)', (r) => ms(r.generateMs)),
    row('… mediators / language rows / weekly availability rows / absences', (r) => `${c(r, 'sp_mediators')} / ${c(r, 'sp_mediator_languages')} / ${c(r, 'sp_availability')} / ${c(r, 'sp_absences')}`),
    row('… requests / offers / assignments (a year and a month ahead)', (r) => `${c(r, 'sp_requests')} / ${c(r, 'sp_offers')} / ${c(r, 'sp_assignments')}`),
    row(`**rank one request** (rankMediators): **p95** of ${REQUESTS}`, (r) => `**${ms(r.p95)}** ${pass(r.p95 < TARGET_MS)}`, `< ${TARGET_MS} ms`),
    row('… p50 / mean / max', (r) => `${ms(r.p50)} / ${ms(r.mean)} / ${ms(r.max)}`),
    row('… candidates per request (speak the language): mean / max; of them ranked (mean)', (r) => `${r.candidatesMean.toFixed(0)} / ${r.candidatesMax}; ${r.rankedMean.toFixed(0)}`),
    row('… slowest request', (r) => r.slowest),
  ].join('\n');
}

function acceptTable(result: AcceptRound[] | { skipped: string }): string {
  if ('skipped' in result) return `Concurrent accepts: not measured (${result.skipped}).`;
  const lines = [
    '| round | wall time | latency p50 / p95 | accepted / refused (why) / other errors | assignments | mediators with exactly one | requests with two | overlapping pairs | correct |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...result.map((r) => `| ${r.round} | ${ms(r.wallMs)} | ${ms(r.p50)} / ${ms(r.p95)} | ${r.accepted} / ${r.refused} (${r.codes || '—'}) / ${r.errors} | ${r.assignments} | ${r.mediatorsWithOne} of 20 | ${r.requestsWithTwo} | ${r.overlapping} | ${pass(r.ok)} |`),
  ];
  lines.push('', `Expected per round: 20 accepted (one per mediator), 80 refused with a ConflictError, no other error, no request assigned twice, no overlapping pair — ${pass(result.every((r) => r.ok))}.`);
  return lines.join('\n');
}

/** Runs (1) and (2), prints the section and writes it into bench/README.md. Returns whether every check passed. */
export async function runSprachpoolBench(): Promise<boolean> {
  const engines = (process.env.BENCH_SP_ENGINES ?? 'pglite,postgres').split(',');
  const figures: RankFigures[] = [];
  let accepts: AcceptRound[] | { skipped: string } = { skipped: `PostgreSQL not reachable at ${PG_SERVER}` };
  if (engines.includes('pglite')) {
    const lite = await openPglite('memory://');
    try {
      figures.push(await measureRanking('PGlite', lite));
    } finally {
      await lite.close();
    }
  }
  const created = await createDatabase('ww_bench_sp');
  if (created) {
    const database = await openPostgres(created.url, POOL);
    try {
      if (engines.includes('postgres')) figures.push(await measureRanking('PostgreSQL', database));
      else {
        await runMigrations(database);
        await ensureLanguages(database.db);
      }
      accepts = await measureAccepts(database);
    } finally {
      await database.close();
      await created.drop();
    }
  } else log(`PostgreSQL not reachable at ${PG_SERVER}; ranking measured on PGlite only, accepts not measured.`);

  const section = [
    START,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine(LOAD_AT_START)}.`,
    `Ranking: ${MEDIATORS.toLocaleString('en')} mediators in ${LANGUAGES} languages (1–3 each, skewed), one assignment every ${STEP} days per mediator from a year ago to a`,
    `month ahead; ${REQUESTS} approved requests in varied languages, modes and settings over the next three weeks, each ranked by`,
    `rankMediators as the coordinator's page does, one at a time after ${WARMUP} warm-ups, time as the application sees it (driver included).`,
    `Accepts: 100 acceptOffer calls through the one-time link started at once on PostgreSQL (pool of ${POOL} connections); 20 mediators, 50`,
    'requests at overlapping times, each request offered to two mediators, each mediator to five; checked from the table after each round.',
    '',
    figures.length ? rankingTable(figures) : 'Ranking: not measured.',
    '',
    acceptTable(accepts),
    END,
  ].join('\n');
  process.stdout.write(section + '\n');
  if (process.env.BENCH_NO_WRITE !== '1') {
    writeReadmeSection(README, START, END, section, 'Sprachpool figures (issue 7)');
    log(`written to ${README}`);
  }
  return figures.every((f) => f.p95 < TARGET_MS) && ('skipped' in accepts || accepts.every((r) => r.ok));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await runSprachpoolBench();
  if (!ok) process.exitCode = 1;
}
