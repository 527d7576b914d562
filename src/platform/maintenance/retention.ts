import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { registerRecurringJob } from '../jobs/jobs.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long operational data is kept (data minimisation, GDPR Art. 5(1)(e)). Content and the audit log are kept;
 * these are the traces of signing in and of sending mail.
 */
export const RETENTION = {
  /** Sessions past their expiry. */
  expiredSessionsDays: 0,
  /** Invitation and reset tokens, counted from their expiry (used or not). */
  tokensDays: 30,
  /** Failed-login counters (e-mail and IP keys) without a running block, counted from the last failure. */
  throttlesDays: 1,
  /** Finished jobs (failed ones stay until someone retries or they are 90 days old). */
  doneJobsDays: 14,
  failedJobsDays: 90,
  /** Sent and kept mails (they hold names and one-time links). */
  mailsDays: 30,
  /** Reader feedback ("Did this help?", search wishes): anonymous, but comments may name people. */
  feedbackDays: 365,
} as const;

export type RetentionResult = Record<'sessions' | 'tokens' | 'throttles' | 'jobs' | 'mails' | 'feedback', number>;

function ago(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY);
}

async function deleted(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  // node-postgres reports rowCount, PGlite affectedRows.
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

/** Deletes what is past its retention period; returns counts per kind. */
export async function purgeExpiredData(db: Db, now = new Date()): Promise<RetentionResult> {
  return {
    sessions: await deleted(db, sql`DELETE FROM sessions WHERE expires_at < ${ago(RETENTION.expiredSessionsDays, now)}`),
    tokens: await deleted(db, sql`DELETE FROM account_tokens WHERE expires_at < ${ago(RETENTION.tokensDays, now)}`),
    throttles: await deleted(
      db,
      sql`DELETE FROM login_throttles WHERE updated_at < ${ago(RETENTION.throttlesDays, now)} AND (blocked_until IS NULL OR blocked_until < ${now})`,
    ),
    jobs: await deleted(
      db,
      sql`DELETE FROM jobs WHERE (status = 'done' AND finished_at < ${ago(RETENTION.doneJobsDays, now)})
                            OR (status = 'failed' AND finished_at < ${ago(RETENTION.failedJobsDays, now)})`,
    ),
    mails: await deleted(db, sql`DELETE FROM mails WHERE status IN ('sent', 'kept', 'failed') AND created_at < ${ago(RETENTION.mailsDays, now)}`),
    feedback: await deleted(db, sql`DELETE FROM feedback WHERE created_at < ${ago(RETENTION.feedbackDays, now)}`),
  };
}

/** Registers the hourly clean-up job. */
export function registerRetentionJob(): void {
  registerRecurringJob('maintenance.retention', 60 * 60 * 1000, async (_payload, { db }) => {
    await purgeExpiredData(db);
  });
}
