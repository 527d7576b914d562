import { hostname } from 'node:os';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from '../schema.js';

export type JobRow = typeof jobs.$inferSelect;
export type JobContext = { db: Db; job: JobRow };
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the function that runs jobs of a type (modules call this from their index). */
export function registerJobHandler(type: string, handler: JobHandler): void {
  handlers.set(type, handler);
}

export function jobHandler(type: string): JobHandler | undefined {
  return handlers.get(type);
}

/** Queues a job; call inside the transaction of the change that causes it (outbox). */
export async function enqueueJob(
  db: Db,
  type: string,
  payload: Record<string, unknown>,
  opts: { regionId?: string | null; runAt?: Date; maxAttempts?: number } = {},
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({ type, payload, regionId: opts.regionId ?? null, runAt: opts.runAt ?? new Date(), maxAttempts: opts.maxAttempts ?? 8 })
    .returning({ id: jobs.id });
  if (!row) throw new Error('job insert returned nothing');
  return row.id;
}

/**
 * Queues a job unless one with the same key is already pending or running ("remind once", "import this feed").
 * Returns the new job's id, or null when one was there already.
 */
export async function enqueueUniqueJob(
  db: Db,
  type: string,
  payload: Record<string, unknown>,
  opts: { uniqueKey: string; regionId?: string | null; runAt?: Date; maxAttempts?: number },
): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values({ type, payload, uniqueKey: opts.uniqueKey, regionId: opts.regionId ?? null, runAt: opts.runAt ?? new Date(), maxAttempts: opts.maxAttempts ?? 8 })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

const recurring = new Map<string, number>();

/**
 * Registers a job that runs every `everyMs` on some worker of the installation (retention clean-ups, reminders,
 * feed imports). One row per type: after a successful run it is put back to pending for the next time; a run that
 * failed for good is replaced by `ensureRecurringJobs`, which every worker calls now and then.
 */
export function registerRecurringJob(type: string, everyMs: number, handler: JobHandler): void {
  handlers.set(type, handler);
  recurring.set(type, everyMs);
}

/** Makes sure each recurring job has a pending (or running) row; cheap and idempotent. */
export async function ensureRecurringJobs(db: Db): Promise<void> {
  for (const type of recurring.keys()) await enqueueUniqueJob(db, type, {}, { uniqueKey: `recurring:${type}`, maxAttempts: 3 });
}

/** Delay before attempt n+1: 30 s, 1 min, 2 min … capped at 1 h (scaled in tests). */
export function backoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** A running job whose worker vanished is taken again after this long. */
const STALE_MS = 10 * 60 * 1000;
export const workerId = `${hostname()}:${process.pid}`;

/** Claims the next due job with FOR UPDATE SKIP LOCKED; several workers never get the same row. */
export async function claimJob(db: Db, by = workerId): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const staleBefore = new Date(Date.now() - STALE_MS);
    const result = await tx.execute(sql`
      SELECT id FROM jobs
      WHERE (status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_at < ${staleBefore})
      ORDER BY run_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`);
    const id = (result as unknown as { rows: { id: number | string }[] }).rows[0]?.id;
    if (id === undefined) return null;
    const [job] = await tx
      .update(jobs)
      .set({ status: 'running', lockedAt: new Date(), lockedBy: by, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, Number(id)))
      .returning();
    return job ?? null;
  });
}

/**
 * The row as long as the caller still holds the lock. A worker that took longer than the stale limit may find its
 * job taken over by another worker; it must then not overwrite that worker's state (a failure would otherwise
 * release the job to a third worker while the second still runs it).
 */
function stillOwned(job: Pick<JobRow, 'id' | 'lockedBy' | 'lockedAt'>) {
  return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), job.lockedAt ? eq(jobs.lockedAt, job.lockedAt) : undefined);
}

/** Marks a claimed job done (a number id: done regardless of who holds it). */
export async function completeJob(db: Db, job: number | JobRow): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: new Date(), lockedAt: null, lockedBy: null, lastError: null })
    .where(typeof job === 'number' ? eq(jobs.id, job) : stillOwned(job));
}

/** Puts a finished recurring job back to pending for its next run (only while the caller still holds it). */
async function rescheduleJob(db: Db, job: JobRow, runAt: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'pending', runAt, attempts: 0, finishedAt: new Date(), lockedAt: null, lockedBy: null, lastError: null })
    .where(stillOwned(job));
}

/** Records a failure: back to pending with back-off, or failed after the last attempt. */
export async function failJob(db: Db, job: JobRow, error: unknown, baseBackoffMs?: number): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'pending',
      runAt: final ? job.runAt : new Date(Date.now() + backoffMs(job.attempts, baseBackoffMs)),
      lastError: message.slice(0, 2000),
      lockedAt: null,
      lockedBy: null,
      finishedAt: final ? new Date() : null,
    })
    .where(stillOwned(job));
}

/** Puts a failed job back in the queue (the failed-jobs view's "retry"). */
export async function retryJob(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: new Date(), finishedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Runs one due job if there is one; returns whether a job was run. */
export async function runNextJob(db: Db, opts: { baseBackoffMs?: number } = {}): Promise<boolean> {
  const job = await claimJob(db);
  if (!job) return false;
  const handler = handlers.get(job.type);
  try {
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    await handler(job.payload, { db, job });
    const every = recurring.get(job.type);
    if (every !== undefined) await rescheduleJob(db, job, new Date(Date.now() + every));
    else await completeJob(db, job);
  } catch (err) {
    await failJob(db, job, err, opts.baseBackoffMs);
  }
  return true;
}

/** Due jobs count (tests and /readyz details). */
export async function countDueJobs(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, new Date())));
  return row?.n ?? 0;
}

/** How often a worker makes sure every recurring job is scheduled. */
const RECURRING_CHECK_MS = 60_000;

export type Worker = { stop(): Promise<void>; /** Runs due jobs until none is left (tests). */ drain(): Promise<void> };

/** Polls for jobs until stopped; stop() waits for the job in hand to finish (graceful shutdown). */
export function startWorker(db: Db, opts: { pollMs?: number; baseBackoffMs?: number; onError?: (err: unknown) => void } = {}): Worker {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pollMs = opts.pollMs ?? 1000;
  let recurringCheckedAt = 0;

  const tick = async () => {
    timer = undefined;
    if (stopped) return;
    try {
      if (Date.now() - recurringCheckedAt > RECURRING_CHECK_MS) {
        recurringCheckedAt = Date.now();
        await ensureRecurringJobs(db);
      }
      while (!stopped && (await runNextJob(db, opts))) {
        /* keep going while jobs are due */
      }
    } catch (err) {
      opts.onError?.(err);
    }
    if (!stopped) timer = setTimeout(schedule, pollMs);
  };
  const schedule = () => {
    current = tick();
  };
  timer = setTimeout(schedule, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
    async drain() {
      while (await runNextJob(db, opts)) {
        /* run until empty */
      }
    },
  };
}
