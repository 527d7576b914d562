// Events benchmarks (issue 6), without npm: `node --import tsx bench/events.ts`.
//   (a) The iCal feed of a region with 1,000 published events — a third of them series (weekly or monthly, with
//       EXDATEs and a cancelled date each), some online in another time zone — generated through saveEvent, then the
//       feed built by regionFeed (ics-data.ts: the query, texts, places, ical.js, folding) as /{region}/{lang}/events.ics
//       serves it: generation time (median of several runs after one warm-up), size (and gzip), and a validity check
//       of the output. On in-memory PGlite and (when reachable) a fresh PostgreSQL database.
//   (b) 200 concurrent registrations for one date with 50 places, on PostgreSQL through a pool of 20 connections
//       (openPostgres), all started at once: wall time, registrations per second, latency per registration — and
//       correctness, checked after every round: exactly 50 confirmed, 150 waitlisted, nothing over-filled, no error.
//       A failed check marks the figure ❌ and makes the process exit with status 1.
// Writes its figures into bench/README.md between the bench-events markers. Environment:
//   BENCH_EV_EVENTS         events in the generated region (default 1000)
//   BENCH_EV_RUNS           timed feed generations per engine (default 7; median, min and max are reported)
//   BENCH_EV_REGISTRATIONS  concurrent registrations per round (default 200)
//   BENCH_EV_CAPACITY       places of the date (default 50)
//   BENCH_EV_POOL           PostgreSQL connections of the pool (default 20)
//   BENCH_EV_ROUNDS         registration rounds, each on a new date (default 3)
//   BENCH_EV_ENGINES        feed engines (default pglite,postgres)
//   BENCH_PG_URL            PostgreSQL server to create fresh databases on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_NO_WRITE=1        print the table only
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { openPglite, openPostgres, type Database, type Db } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { regionFeed, uidHost } from '../src/modules/events/ics-data.js';
import type { EventInput } from '../src/modules/events/model.js';
import { register } from '../src/modules/events/registration.js';
import { EVENT_CATEGORIES, events, occurrences, registrations } from '../src/modules/events/schema.js';
import { saveEvent, setOccurrenceStatus } from '../src/modules/events/service.js';
import { regions } from '../src/platform/schema.js';
import { ensureLanguages } from '../src/seed/languages.js';
import { createDatabase, machine, ms, pass, PG_SERVER, writeReadmeSection } from './support.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'bench', 'README.md');
const START = '<!-- bench-events:start -->';
const END = '<!-- bench-events:end -->';
const EVENTS = Number(process.env.BENCH_EV_EVENTS ?? 1000);
const RUNS = Math.max(1, Number(process.env.BENCH_EV_RUNS ?? 7));
const REGISTRATIONS = Number(process.env.BENCH_EV_REGISTRATIONS ?? 200);
const CAPACITY = Number(process.env.BENCH_EV_CAPACITY ?? 50);
const POOL = Number(process.env.BENCH_EV_POOL ?? 20);
const ROUNDS = Math.max(1, Number(process.env.BENCH_EV_ROUNDS ?? 3));
const LOAD_AT_START = (loadavg()[0] ?? 0).toFixed(1);
const BASE_URL = 'https://wegweiser.example.org';
const SYSTEM = { system: 'bench' };

function log(line: string): void {
  process.stderr.write(line + '\n');
}

/** A small deterministic PRNG (mulberry32), so every run generates the same region. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const localDay = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const plusDays = (local: string, days: number) => new Date(Date.parse(`${local}:00Z`) + days * 86_400_000).toISOString().slice(0, 16);
const plusMonths = (local: string, months: number) => {
  const d = new Date(`${local}:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 16);
};

const TITLES = ['Willkommensabend im Kreishaus', 'Dialogforum Vielfalt', 'Runder Tisch Migration', 'Fortbildung: Interkulturelle Öffnung', 'Workshop Bewerbung', 'Unternehmensfrühstück Fachkräfte', 'Austausch mit der Partnerstadt', 'Sprachcafé', 'Offener Treff'];
const PLACES = [
  { placeName: 'Kreishaus', street: 'Markt 1', postalCode: '12345', city: 'Beispielstadt' },
  { placeName: 'Stadtbibliothek', street: 'Bahnhofstraße 12', postalCode: '12345', city: 'Beispielstadt' },
  { placeName: 'Bürgerhaus Musterdorf', street: 'Lindenweg 3', postalCode: '12349', city: 'Musterdorf' },
  { placeName: 'Familienzentrum', street: 'Am Wasserturm 7', postalCode: '12351', city: 'Neuhausen' },
];
const TEXT =
  '<p>Wir laden herzlich ein: Austausch, Information und Begegnung für Neuzugewanderte und Alteingesessene. Es gibt Kaffee, Tee und Kuchen; Kinder sind willkommen.</p><p>Sprachmittlung auf Arabisch, Ukrainisch und Türkisch ist möglich – bitte bei der Anmeldung angeben.</p>';

/** The i-th event of the generated region: one-off, or (every third) a weekly or monthly series with exceptions. */
function eventInput(i: number, rnd: () => number): { input: EventInput; series: boolean } {
  const category = EVENT_CATEGORIES[i % EVENT_CATEGORIES.length] ?? 'other';
  const hour = String(9 + Math.floor(rnd() * 10)).padStart(2, '0');
  const online = i % 20 === 7;
  const series = i % 3 === 0;
  const start = localDay(series ? 1 + Math.floor(rnd() * 30) : 1 + Math.floor(rnd() * 330), `${hour}:00`);
  const base: EventInput = {
    title: `${TITLES[i % TITLES.length] ?? 'Termin'} ${i + 1}`,
    descriptionHtml: TEXT,
    category,
    startLocal: start,
    endLocal: `${start.slice(0, 11)}${String(Number(hour) + 2).padStart(2, '0')}:00`,
    ...(online ? { timeZone: 'Europe/Istanbul', onlineUrl: `https://meet.jit.si/wegweiser-${i}` } : (PLACES[i % PLACES.length] ?? {})),
    languages: ['de', ...(i % 2 ? ['ar'] : []), ...(i % 5 ? [] : ['uk'])],
    organizerName: 'Kommunales Integrationszentrum',
    contactEmail: 'ki@kreis-beispiel.example',
    status: 'published',
  };
  if (!series) return { input: base, series: false };
  // Monthly series start on a day that every month has.
  if ((i / 3) % 2 === 1) {
    const monthly = `${start.slice(0, 8)}${String(1 + (i % 28)).padStart(2, '0')}${start.slice(10)}`;
    const begin = monthly < localDay(1, '00:00') ? plusMonths(monthly, 1) : monthly;
    return {
      input: { ...base, startLocal: begin, endLocal: `${begin.slice(0, 11)}${base.endLocal.slice(11)}`, recurrence: { freq: 'monthly', monthlyMode: 'day', endMode: i % 4 ? 'never' : 'count', count: 12 }, exdates: [plusMonths(begin, 3)] },
      series: true,
    };
  }
  const until = plusDays(start, 180).slice(0, 10);
  return { input: { ...base, recurrence: { freq: 'weekly', endMode: i % 2 ? 'until' : 'count', until, count: 26 }, exdates: [plusDays(start, 21), plusDays(start, 56)] }, series: true };
}

type FeedFigures = { engine: string; generateMs: number; series: number; occurrences: number; medianMs: number; minMs: number; maxMs: number; bytes: number; gzipBytes: number; vevents: number; overrides: number; valid: boolean; problems: string[] };

/** Whether a feed passes the checks of ics.test.ts that are cheap enough for 1,000 events. */
function checkFeed(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('END:VCALENDAR\r\n')) problems.push('no final CRLF');
  if (/[^\r]\n/.test(text)) problems.push('bare LF');
  if (text.split('\r\n').some((l) => Buffer.byteLength(l) > 75)) problems.push('line over 75 octets');
  try {
    const cal = new ICAL.Component(ICAL.parse(text));
    const used = new Set([...text.replace(/\r\n /g, '').matchAll(/;TZID=([^;:]+)/g)].map((m) => m[1]));
    const defined = new Set(cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
    if ([...used].some((z) => !defined.has(z ?? ''))) problems.push('TZID without VTIMEZONE');
    if (cal.getAllSubcomponents('vevent').some((v) => !v.getFirstPropertyValue('uid'))) problems.push('VEVENT without UID');
  } catch (err) {
    problems.push(`ical.js: ${err instanceof Error ? err.message : String(err)}`);
  }
  return problems;
}

async function newRegion(db: Db, name: string): Promise<typeof regions.$inferSelect> {
  const [region] = await db
    .insert(regions)
    .values({ slug: `bench-events-${randomBytes(3).toString('hex')}`, name, kind: 'county', sourceLanguage: 'de', languages: ['de', 'en', 'ar', 'uk'], timezone: 'Europe/Berlin' })
    .returning();
  if (!region) throw new Error('region insert failed');
  return region;
}

/** (a) on one engine: generate the region, then time the feed. */
async function measureFeed(engine: string, database: Database): Promise<FeedFigures> {
  await runMigrations(database);
  await ensureLanguages(database.db);
  const db = database.db;
  const region = await newRegion(db, 'Landkreis Beispiel (Benchmark)');
  log(`${engine}: generating ${EVENTS} events through saveEvent …`);
  const rnd = prng(20261204);
  let series = 0;
  const began = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const { input, series: isSeries } = eventInput(i, rnd);
    const { event } = await saveEvent(db, SYSTEM, { regionId: region.id, input });
    if (!isSeries) continue;
    series += 1;
    // One date of every series is cancelled: a RECURRENCE-ID override with STATUS:CANCELLED in the feed.
    const [fifth] = await db.select({ id: occurrences.id }).from(occurrences).where(eq(occurrences.eventId, event.id)).orderBy(occurrences.startsAt).offset(4).limit(1);
    if (fifth) await setOccurrenceStatus(db, SYSTEM, { regionId: region.id, occurrenceId: fifth.id, cancel: true, reason: 'Raum nicht verfügbar' });
    if ((i + 1) % 200 === 0) log(`${engine}: … ${i + 1} events`);
  }
  const generateMs = performance.now() - began;
  const [{ n = 0 } = {}] = await db.select({ n: sql<number>`count(*)::int` }).from(occurrences).where(eq(occurrences.regionId, region.id));

  const feed = () => regionFeed(db, { region: { id: region.id, slug: region.slug, name: region.name, sourceLanguage: 'de' }, lang: 'de', baseUrl: BASE_URL, host: uidHost(BASE_URL) });
  log(`${engine}: feed, 1 warm-up + ${RUNS} timed runs …`);
  const text = await feed();
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await feed();
    times.push(performance.now() - t0);
  }
  const problems = checkFeed(text);
  const vevents = (text.match(/\r\nBEGIN:VEVENT\r\n/g) ?? []).length;
  const overrides = (text.match(/\r\nRECURRENCE-ID/g) ?? []).length;
  return {
    engine,
    generateMs,
    series,
    occurrences: n,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text).length,
    vevents,
    overrides,
    valid: problems.length === 0,
    problems,
  };
}

type RoundFigures = { round: number; wallMs: number; perSecond: number; p50: number; p95: number; max: number; confirmed: number; waitlisted: number; confirmedRows: number; waitlistedRows: number; overfilled: number; errors: number; ok: boolean };

/** (b) on PostgreSQL: ROUNDS × REGISTRATIONS concurrent registrations for CAPACITY places. */
async function measureRegistrations(): Promise<RoundFigures[] | { skipped: string }> {
  const created = await createDatabase('ww_bench_ev');
  if (!created) return { skipped: `PostgreSQL not reachable at ${PG_SERVER}` };
  const database = await openPostgres(created.url, POOL);
  try {
    await runMigrations(database);
    await ensureLanguages(database.db);
    const db = database.db;
    const region = await newRegion(db, 'Anmeldungen (Benchmark)');
    const out: RoundFigures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const start = localDay(7 + round, '18:00');
      const { event } = await saveEvent(db, SYSTEM, {
        regionId: region.id,
        input: { title: `Willkommensabend ${round}`, category: 'welcome', startLocal: start, endLocal: `${start.slice(0, 11)}20:00`, placeName: 'Kreishaus', registrationRequired: true, capacity: CAPACITY, maxPartySize: 1, status: 'published' },
      });
      const [date] = await db.select().from(occurrences).where(eq(occurrences.eventId, event.id));
      if (!date) throw new Error('no occurrence');
      log(`PostgreSQL: round ${round}: ${REGISTRATIONS} registrations at once for ${CAPACITY} places …`);
      const latencies: number[] = [];
      const began = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: REGISTRATIONS }, async (_, k) => {
          const t0 = performance.now();
          const r = await register(db, { regionId: region.id, occurrenceId: date.id, form: { name: `Person ${k}`, email: `person-${round}-${k}@bench.example`, language: k % 2 ? 'ar' : 'de' }, baseUrl: BASE_URL });
          latencies.push(performance.now() - t0);
          return r;
        }),
      );
      const wallMs = performance.now() - began;
      const errors = results.filter((r) => r.status === 'rejected');
      for (const e of errors.slice(0, 3)) log(`  error: ${e.status === 'rejected' ? String(e.reason) : ''}`);
      const [after] = await db.select().from(occurrences).where(eq(occurrences.id, date.id));
      const byStatus = await db.select({ status: registrations.status, n: sql<number>`count(*)::int` }).from(registrations).where(eq(registrations.occurrenceId, date.id)).groupBy(registrations.status);
      const rows = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
      const confirmed = after?.confirmed ?? -1;
      const waitlisted = after?.waitlisted ?? -1;
      const overfilled = Math.max(0, confirmed - CAPACITY, rows('confirmed') - CAPACITY);
      const expectedWaiting = Math.max(0, REGISTRATIONS - CAPACITY);
      const ok = confirmed === Math.min(CAPACITY, REGISTRATIONS) && rows('confirmed') === confirmed && waitlisted === expectedWaiting && rows('waitlisted') === expectedWaiting && overfilled === 0 && errors.length === 0;
      out.push({ round, wallMs, perSecond: (REGISTRATIONS / wallMs) * 1000, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies, 0), confirmed, waitlisted, confirmedRows: rows('confirmed'), waitlistedRows: rows('waitlisted'), overfilled, errors: errors.length, ok });
      await db.delete(events).where(eq(events.id, event.id));
    }
    return out;
  } finally {
    await database.close();
    await created.drop();
  }
}

function feedTable(results: FeedFigures[]): string {
  const head = `| figure | ${results.map((r) => r.engine).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const row = (label: string, cell: (r: FeedFigures) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const first = results[0];
  return [
    head,
    sep,
    row(`generate ${EVENTS.toLocaleString('en')} events through saveEvent (${first?.series ?? 0} series, one date of each cancelled); occurrences`, (r) => `${ms(r.generateMs)}; ${r.occurrences.toLocaleString('en')}`),
    row(`**iCal feed of the region** (regionFeed): median of ${RUNS} runs`, (r) => `**${ms(r.medianMs)}**`),
    row('… fastest / slowest run', (r) => `${ms(r.minMs)} / ${ms(r.maxMs)}`),
    row('… size; gzip', (r) => `${kb(r.bytes)} (${r.bytes.toLocaleString('en')} B); ${kb(r.gzipBytes)}`),
    row('… VEVENTs (of which cancelled overrides)', (r) => `${r.vevents.toLocaleString('en')} (${r.overrides})`),
    row('… valid: CRLF, lines ≤ 75 octets, VTIMEZONE per TZID, UIDs, read by ical.js', (r) => `${pass(r.valid)}${r.problems.length ? ` ${r.problems.join(', ')}` : ''}`),
  ].join('\n');
}

function registrationTable(result: RoundFigures[] | { skipped: string }): string {
  if ('skipped' in result) return `Registrations: not measured (${result.skipped}).`;
  const lines = [
    '| round | wall time | registrations/s | latency p50 / p95 / max | confirmed / waitlisted (rows) | over-filled | errors | correct |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    ...result.map((r) => `| ${r.round} | ${ms(r.wallMs)} | ${Math.round(r.perSecond).toLocaleString('en')} / s | ${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.max)} | ${r.confirmed} / ${r.waitlisted} (${r.confirmedRows} / ${r.waitlistedRows}) | ${r.overfilled} | ${r.errors} | ${pass(r.ok)} |`),
  ];
  const median_ = median(result.map((r) => r.perSecond));
  lines.push('', `Median throughput ${Math.round(median_).toLocaleString('en')} registrations/s; expected per round: exactly ${Math.min(CAPACITY, REGISTRATIONS)} confirmed, ${Math.max(0, REGISTRATIONS - CAPACITY)} waitlisted, 0 over-filled, 0 errors — ${pass(result.every((r) => r.ok))}.`);
  return lines.join('\n');
}

/** Runs (a) and (b), prints the section and writes it into bench/README.md. Returns whether every check passed. */
export async function runEventsBench(): Promise<boolean> {
  const engines = (process.env.BENCH_EV_ENGINES ?? 'pglite,postgres').split(',');
  const feeds: FeedFigures[] = [];
  if (engines.includes('pglite')) {
    const lite = await openPglite('memory://');
    try {
      feeds.push(await measureFeed('PGlite', lite));
    } finally {
      await lite.close();
    }
  }
  if (engines.includes('postgres')) {
    const created = await createDatabase('ww_bench_evf');
    if (created) {
      const database = await openPostgres(created.url, 5);
      try {
        feeds.push(await measureFeed('PostgreSQL', database));
      } finally {
        await database.close();
        await created.drop();
      }
    } else log(`PostgreSQL not reachable at ${PG_SERVER}; feed measured on PGlite only.`);
  }
  const regs = await measureRegistrations();
  const section = [
    START,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine(LOAD_AT_START)}.`,
    `Feed: ${EVENTS.toLocaleString('en')} published events (a third weekly or monthly series with EXDATEs and one cancelled date each, 5 % online in`,
    'Europe/Istanbul), the whole feed as `/{region}/{lang}/events.ics` builds it (query, texts, places, ical.js, folding), one at',
    `a time after one warm-up. Registrations: ${REGISTRATIONS} register() calls started at once for one date with ${CAPACITY} places, PostgreSQL,`,
    `pool of ${POOL} connections; counts checked from the occurrence row and the registration rows after each round.`,
    '',
    feeds.length ? feedTable(feeds) : 'Feed: not measured.',
    '',
    registrationTable(regs),
    END,
  ].join('\n');
  process.stdout.write(section + '\n');
  if (process.env.BENCH_NO_WRITE !== '1') {
    writeReadmeSection(README, START, END, section, 'Events figures (issue 6)');
    log(`written to ${README}`);
  }
  return feeds.every((f) => f.valid) && ('skipped' in regs || regs.every((r) => r.ok));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await runEventsBench();
  if (!ok) process.exitCode = 1;
}
