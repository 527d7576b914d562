/**
 * The daily reminder of expiring papers: when a mediator's confidentiality declaration, police clearance certificate
 * or an uploaded document with an end date runs out within the region's `documentReminderDays`, the mediator and the
 * coordinators get a mail — once per end date — and once more when the day has passed.
 *
 * What was reminded is kept in `sp_mediators.documents_reminded_for`: a sorted `;`-list of
 * `<item>@<end date>:<stage>` (item `confidentiality`, `police_clearance` or `doc-<id>`, stage `soon` or `expired`).
 * A renewed paper has a new end date and so starts afresh; entries of papers that are gone are dropped. The row is
 * claimed with an UPDATE that only matches the list it was read with, so two runs at once remind once.
 */
import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { regions } from '../../platform/schema.js';
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';
import { openPool, type PoolContext } from './context.js';
import { addDays } from '../../platform/time/zoned-time.js';
import { queueDocumentReminder, type ReminderLine } from './mediator-mails.js';
import { mediatorDocuments, mediators } from './schema.js';

export const DOCUMENT_REMINDER_JOB = 'sprachpool.document_reminders';
const DAY = 24 * 60 * 60 * 1000;
/** The longest reminder period a region can set (settings.ts): a cheap first filter across all regions. */
const LONGEST_REMINDER_DAYS = 180;

/** A paper with an end date. */
export type Paper = { item: string; what: ReminderLine['what']; fileName: string; expiresOn: string };

/**
 * Which papers are due for a reminder today, and the new value of `documents_reminded_for`. A paper is `expired` once
 * its end date has passed (it is valid through that day) and `soon` within `days` before; each stage of each end date
 * is reminded once. A paper already expired at its first reminder gets only the `expired` one.
 */
export function dueReminders(papers: readonly Paper[], remindedFor: string | null, today: string, days: number): { due: (Paper & { expired: boolean })[]; key: string } {
  const remembered = new Set((remindedFor ?? '').split(';').filter(Boolean));
  const soon = addDays(today, days);
  const keep: string[] = [];
  const due: (Paper & { expired: boolean })[] = [];
  for (const p of papers) {
    const prefix = `${p.item}@${p.expiresOn}:`;
    for (const k of remembered) if (k.startsWith(prefix)) keep.push(k);
    const stage = p.expiresOn < today ? 'expired' : p.expiresOn <= soon ? 'soon' : null;
    if (!stage || remembered.has(`${prefix}${stage}`)) continue;
    due.push({ ...p, expired: stage === 'expired' });
    keep.push(`${prefix}${stage}`);
  }
  return { due, key: [...new Set(keep)].sort().join(';') };
}

/**
 * Sends the due reminders of every active or paused mediator (regions not archived). Returns how many mediators
 * were reminded and how many mails were queued.
 */
export async function sendDocumentReminders(db: Db, opts: { baseUrl: string; now?: Date }): Promise<{ mediators: number; mails: number }> {
  const now = opts.now ?? new Date();
  // Generous first filter (UTC day, longest period); the exact check runs per region below.
  const horizon = new Date(now.getTime() + (LONGEST_REMINDER_DAYS + 2) * DAY).toISOString().slice(0, 10);
  const candidates = await db
    .select({ mediator: mediators, region: regions })
    .from(mediators)
    .innerJoin(regions, eq(regions.id, mediators.regionId))
    .where(
      and(
        inArray(mediators.status, ['active', 'paused']),
        isNull(regions.archivedAt),
        or(
          lte(mediators.confidentialityExpiresOn, horizon),
          lte(mediators.policeClearanceExpiresOn, horizon),
          sql`EXISTS (SELECT 1 FROM ${mediatorDocuments} d WHERE d.mediator_id = ${mediators.id} AND d.expires_on <= ${horizon})`,
        ),
      ),
    );
  let reminded = 0;
  let mails = 0;
  const pools = new Map<string, PoolContext>();
  for (const { mediator: m, region } of candidates) {
    const ctx = pools.get(region.id) ?? (await openPool(db, null, region.id, null));
    pools.set(region.id, ctx);
    const settings = ctx.settings;
    const today = utcToZonedLocal(now, region.timezone).slice(0, 10);
    const docs = await db
      .select({ id: mediatorDocuments.id, kind: mediatorDocuments.kind, fileName: mediatorDocuments.fileName, expiresOn: mediatorDocuments.expiresOn })
      .from(mediatorDocuments)
      .where(and(eq(mediatorDocuments.mediatorId, m.id), isNotNull(mediatorDocuments.expiresOn)));
    const papers: Paper[] = [
      ...(m.confidentialityExpiresOn ? [{ item: 'confidentiality', what: 'confidentiality' as const, fileName: '', expiresOn: m.confidentialityExpiresOn }] : []),
      ...(m.policeClearanceExpiresOn ? [{ item: 'police_clearance', what: 'police_clearance' as const, fileName: '', expiresOn: m.policeClearanceExpiresOn }] : []),
      ...docs.map((d) => ({ item: `doc-${d.id}`, what: 'document' as const, fileName: d.fileName, expiresOn: d.expiresOn ?? '' })),
    ];
    const { due, key } = dueReminders(papers, m.documentsRemindedFor, today, settings.documentReminderDays);
    if (!due.length) continue;
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(mediators)
        .set({ documentsRemindedFor: key })
        .where(and(eq(mediators.id, m.id), sql`${mediators.documentsRemindedFor} IS NOT DISTINCT FROM ${m.documentsRemindedFor}`))
        .returning();
      if (!claimed) return;
      const lines: ReminderLine[] = due.map((p) => ({ what: p.what, fileName: p.fileName, expiresOn: p.expiresOn, expired: p.expired }));
      const sent = await queueDocumentReminder(tx, ctx, claimed, lines, opts.baseUrl);
      await recordAudit(tx, { system: DOCUMENT_REMINDER_JOB }, {
        regionId: region.id,
        action: 'sprachpool.mediator_documents_reminded',
        entityType: 'sp_mediator',
        entityId: m.id,
        before: null,
        after: { papers: due.map((p) => `${p.item}@${p.expiresOn}:${p.expired ? 'expired' : 'soon'}`) },
      });
      reminded += 1;
      mails += sent;
    });
  }
  return { mediators: reminded, mails };
}

/** Registers the mediators' daily job (links in mails point to `baseUrl`). */
export function registerMediatorJobs(baseUrl: string): void {
  registerRecurringJob(DOCUMENT_REMINDER_JOB, DAY, async (_payload, { db }) => {
    await sendDocumentReminders(db, { baseUrl });
  });
}
