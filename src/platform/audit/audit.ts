import type { Db } from '../../db/client.js';
import { auditEvents } from '../schema.js';
import type { Actor } from '../auth/permissions.js';
import { invalidatePublicPages } from '../http/page-cache.js';

/** Field names never written to the audit log (values are replaced by a marker). */
const SECRET = /password|secret|token|hash|totp/i;
export const REDACTED = '[redacted]';

export type AuditInput = {
  regionId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** State before and after; only fields that differ are recorded. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
};

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value with secrets inside nested objects (e.g. settings.smtpPassword) replaced by the marker. */
function redactNested(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactNested);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? (v === null || v === undefined ? v : REDACTED) : redactNested(v)]));
  }
  return value;
}

/** Fields that differ between before and after, as { field: [before, after] }, secrets redacted. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'revision') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (same(a, b)) continue;
    out[key] = SECRET.test(key) ? [a === null ? null : REDACTED, b === null ? null : REDACTED] : [redactNested(a), redactNested(b)];
  }
  return out;
}

/** Records an admin write. Call inside the same transaction as the write. */
export async function recordAudit(db: Db, actor: Actor | { system: string }, input: AuditInput): Promise<void> {
  const isSystem = 'system' in actor;
  await db.insert(auditEvents).values({
    actorId: isSystem ? null : actor.id,
    actorLabel: isSystem ? `system:${actor.system}` : actor.email,
    regionId: input.regionId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: diffFields(input.before, input.after),
    requestId: input.requestId ?? null,
  });
  // Public pages may show what just changed.
  invalidatePublicPages();
}
