import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../../db/client.js';
import { jobs } from '../schema.js';
import { backoffMs, claimJob, enqueueJob, failJob, registerJobHandler, retryJob, runNextJob, startWorker } from './jobs.js';

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function jobById(database: Database, id: number) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  assert.ok(row, `job ${id} exists`);
  return row;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('jobs (outbox worker)', () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());
  beforeEach(async () => {
    await database.db.delete(jobs);
  });

  it('never hands one job to two workers, even with many concurrent claims over several connections', async () => {
    const total = 60;
    const ids: number[] = [];
    for (let i = 0; i < total; i++) ids.push(await enqueueJob(database.db, 'test.noop', { i }));
    const claimed: number[] = [];
    // Eight workers race; on PostgreSQL they use the pool's separate connections, on PGlite one connection.
    const workers = Array.from({ length: 8 }, async (_, w) => {
      for (;;) {
        const job = await claimJob(database.db, `worker-${w}`);
        if (!job) return;
        claimed.push(job.id);
      }
    });
    await Promise.all(workers);
    assert.equal(claimed.length, total, 'every job claimed exactly once in total');
    assert.equal(new Set(claimed).size, total, 'no job claimed twice');
    assert.deepEqual([...claimed].sort((a, b) => a - b), ids);
    const rows = await database.db.select().from(jobs);
    assert.ok(rows.every((r) => r.status === 'running' && r.attempts === 1 && r.lockedBy?.startsWith('worker-')));
  });

  it('does not claim a job before its run_at', async () => {
    await enqueueJob(database.db, 'test.noop', {}, { runAt: new Date(Date.now() + 60_000) });
    assert.equal(await claimJob(database.db), null);
  });

  it('retries a failing job with growing back-off, then marks it failed after maxAttempts', async () => {
    registerJobHandler('test.always_fails', async () => {
      throw new Error('provider is down');
    });
    const id = await enqueueJob(database.db, 'test.always_fails', {}, { maxAttempts: 3 });

    const t0 = Date.now();
    assert.equal(await runNextJob(database.db), true);
    let row = await jobById(database, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, 'provider is down');
    assert.equal(row.lockedBy, null);
    assert.ok(row.runAt.getTime() >= t0 + backoffMs(1) - 1000, 'first retry about 30 s later');
    assert.equal(await runNextJob(database.db), false, 'not due yet');

    await database.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    const t1 = Date.now();
    await runNextJob(database.db);
    row = await jobById(database, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 2);
    assert.ok(row.runAt.getTime() >= t1 + backoffMs(2) - 1000, 'second retry about 60 s later');
    assert.ok(backoffMs(2) > backoffMs(1));

    await database.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    await runNextJob(database.db);
    row = await jobById(database, id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.ok(row.finishedAt);
    assert.equal(await runNextJob(database.db), false, 'a failed job is not run again by itself');
  });

  it('caps the back-off at one hour and scales with a base (tests use a tiny one)', () => {
    assert.equal(backoffMs(1), 30_000);
    assert.equal(backoffMs(3), 120_000);
    assert.equal(backoffMs(30), 60 * 60 * 1000);
    assert.equal(backoffMs(1, 10), 10);
    assert.equal(backoffMs(4, 10), 80);
  });

  it('fails a job whose type has no handler (with the reason recorded)', async () => {
    const id = await enqueueJob(database.db, 'test.nobody_handles_this', {}, { maxAttempts: 1 });
    await runNextJob(database.db);
    const row = await jobById(database, id);
    assert.equal(row.status, 'failed');
    assert.match(row.lastError ?? '', /no handler/);
  });

  it('retryJob puts a failed job back in the queue; other jobs are left alone', async () => {
    let calls = 0;
    registerJobHandler('test.fails_once', async () => {
      calls++;
      if (calls === 1) throw new Error('first time fails');
    });
    const id = await enqueueJob(database.db, 'test.fails_once', {}, { maxAttempts: 1 });
    await runNextJob(database.db);
    assert.equal((await jobById(database, id)).status, 'failed');

    assert.equal(await retryJob(database.db, id), true);
    const row = await jobById(database, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 0);
    assert.equal(row.finishedAt, null);
    assert.equal(await retryJob(database.db, id), false, 'only failed jobs are retried');

    assert.equal(await runNextJob(database.db), true);
    const done = await jobById(database, id);
    assert.equal(done.status, 'done');
    assert.equal(done.lastError, null);
    assert.equal(calls, 2);
  });

  it('failJob with a base back-off makes the job due again quickly', async () => {
    const id = await enqueueJob(database.db, 'test.noop', {});
    const job = await claimJob(database.db);
    assert.ok(job);
    await failJob(database.db, job, new Error('try later'), 5);
    const row = await jobById(database, id);
    assert.equal(row.status, 'pending');
    assert.ok(row.runAt.getTime() <= Date.now() + 50);
  });

  it('startWorker runs due jobs, and stop() waits for the job in hand to finish', async () => {
    const started = deferred();
    const release = deferred();
    let finished = false;
    registerJobHandler('test.slow', async () => {
      started.resolve();
      await release.promise;
      finished = true;
    });
    const id = await enqueueJob(database.db, 'test.slow', {});
    const worker = startWorker(database.db, { pollMs: 10 });
    await started.promise;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(stopped, false, 'stop() is still waiting for the running job');
    release.resolve();
    await stopping;
    assert.equal(finished, true);
    assert.equal((await jobById(database, id)).status, 'done');

    // Stopped means stopped: a new job stays pending.
    const later = await enqueueJob(database.db, 'test.noop', {});
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await jobById(database, later)).status, 'pending');
  });

  it('startWorker polls: jobs queued after start are picked up', async () => {
    let ran = 0;
    registerJobHandler('test.count', async () => {
      ran++;
    });
    const worker = startWorker(database.db, { pollMs: 10 });
    try {
      await enqueueJob(database.db, 'test.count', {});
      await enqueueJob(database.db, 'test.count', {});
      await waitFor(() => ran === 2);
    } finally {
      await worker.stop();
    }
  });

  it('takes back a running job whose worker vanished (stale lock), but not a fresh one', async () => {
    const staleId = await enqueueJob(database.db, 'test.noop', {});
    const first = await claimJob(database.db, 'crashed-worker');
    assert.equal(first?.id, staleId);
    assert.equal(await claimJob(database.db, 'other'), null, 'a freshly locked job is not taken');

    await database.db.update(jobs).set({ lockedAt: sql`now() - interval '11 minutes'` }).where(eq(jobs.id, staleId));
    const again = await claimJob(database.db, 'rescuer');
    assert.equal(again?.id, staleId);
    assert.equal(again?.lockedBy, 'rescuer');
    assert.equal(again?.attempts, 2);

    // The first worker comes back late: its failure must not release the job the rescuer is running.
    assert.ok(first);
    await failJob(database.db, first, new Error('late failure'));
    const row = await jobById(database, staleId);
    assert.equal(row.status, 'running');
    assert.equal(row.lockedBy, 'rescuer');
    assert.equal(row.lastError, null);
  });
});
