import type { Db } from '../../db/client.js';
import { deleteThrottle, findThrottles, incrementThrottle, setThrottleBlock } from './queries.js';

/** Failures allowed before a key is blocked, per kind of key. */
export const THROTTLE_LIMITS = { acct: 5, ip: 20 } as const;
export const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_MAX_SECONDS = 60 * 60;
/** A counter without failures for this long starts again. */
const DECAY_HOURS = 24;

export type ThrottleKey = `acct:${string}` | `ip:${string}`;

export const accountKey = (email: string): ThrottleKey => `acct:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string): ThrottleKey => `ip:${ip}`;

/** Seconds to block after `failures` failures with a limit of `limit`: 0 below the limit, then 30 s, 60 s, … ≤ 1 h. */
export function backoffSeconds(failures: number, limit: number): number {
  if (failures < limit) return 0;
  const step = Math.min(failures - limit, 20);
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** step, BACKOFF_MAX_SECONDS);
}

function limitFor(key: string): number {
  return key.startsWith('ip:') ? THROTTLE_LIMITS.ip : THROTTLE_LIMITS.acct;
}

/** Seconds until the longest of the keys' blocks ends (0 = not blocked). */
export async function throttleWait(db: Db, keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await findThrottles(db, keys);
  let wait = 0;
  for (const row of rows) {
    if (row.blockedUntil && row.blockedUntil > now) wait = Math.max(wait, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
  }
  return wait;
}

/** Counts a failed attempt on every key; blocks a key once it reaches its limit, for longer each time. */
export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const failures = await incrementThrottle(db, key, DECAY_HOURS);
    const seconds = backoffSeconds(failures, limitFor(key));
    if (seconds > 0) await setThrottleBlock(db, key, new Date(now.getTime() + seconds * 1000));
  }
}

/** Forgets the failures of a key (after a successful sign-in or password reset). */
export async function resetThrottle(db: Db, key: ThrottleKey): Promise<void> {
  await deleteThrottle(db, key);
}
