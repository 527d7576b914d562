/**
 * The daily verification reminder: published services last verified (or, never verified, created) longer ago than
 * the region's `verifyAfterMonths` get their owners reminded — the organisation's partner editors, or else the
 * region's admins and editors. One mail per person lists all their overdue entries; each service is reminded at most
 * once per period (`reminded_at`).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { translator } from '../../platform/i18n/catalog.js';
import { registerRecurringJob } from '../../platform/jobs/jobs.js';
import { queueMail } from '../../platform/mail/mail.js';
import { findRegionWithPath } from '../regions/index.js';
import { listEditorsOfOrganizations, listOverdueServices, listRegionEditors, listRegionIdsWithServices, type OverdueService } from './queries.js';
import { dirServices } from './schema.js';
import { overdueBefore } from './service.js';
import { directorySettings } from './settings.js';

export const REMINDER_JOB = 'directory.verify_reminders';
const DAY = 24 * 60 * 60 * 1000;

type Person = { accountId: string; email: string; name: string; uiLanguage: string; services: OverdueService[] };

/** Sends the reminders that are due; returns how many mails were queued and services reminded. */
export async function sendVerificationReminders(db: Db, opts: { baseUrl: string; now?: Date }): Promise<{ mails: number; services: number }> {
  const now = opts.now ?? new Date();
  let mails = 0;
  let services = 0;
  for (const regionId of await listRegionIdsWithServices(db)) {
    const found = await findRegionWithPath(db, regionId);
    if (!found || found.region.archivedAt) continue;
    const { region } = found;
    const cutoff = overdueBefore(directorySettings(region.settings), now);
    await db.transaction(async (tx) => {
      const overdue = await listOverdueServices(tx, region.id, cutoff);
      if (!overdue.length) return;
      const orgEditors = await listEditorsOfOrganizations(tx, region.id, [...new Set(overdue.map((s) => s.organizationId))]);
      const regionEditors = await listRegionEditors(tx, region.id);
      const people = new Map<string, Person>();
      for (const s of overdue) {
        const owners = orgEditors.filter((e) => e.organizationId === s.organizationId);
        for (const o of owners.length ? owners : regionEditors) {
          const p = people.get(o.accountId) ?? { ...o, services: [] };
          p.services.push(s);
          people.set(o.accountId, p);
        }
      }
      for (const p of people.values()) {
        const t = translator(p.uiLanguage);
        const links = p.services.map((s) => `- ${s.name}\n  ${opts.baseUrl}/admin/regions/${region.id}/directory/services/${s.id}`);
        await queueMail(tx, {
          to: p.email,
          regionId: region.id,
          subject: t('directory-admin.reminder_subject', { region: region.name, count: p.services.length }),
          text: [t('directory-admin.reminder_greeting', { name: p.name || p.email }), '', t('directory-admin.reminder_intro', { count: p.services.length, region: region.name }), '', ...links, '', t('directory-admin.reminder_outro')].join('\n'),
        });
        mails += 1;
      }
      const ids = overdue.map((s) => s.id);
      await tx
        .update(dirServices)
        .set({ remindedAt: now })
        .where(and(eq(dirServices.regionId, region.id), inArray(dirServices.id, ids)));
      services += ids.length;
      await recordAudit(tx, { system: REMINDER_JOB }, { regionId: region.id, action: 'directory.service.remind', entityType: 'directory_service', after: { services: ids.length, recipients: people.size } });
    });
  }
  return { mails, services };
}

/** Registers the daily reminder job (links in the mails point to `baseUrl`). */
export function registerVerificationReminderJob(baseUrl: string): void {
  registerRecurringJob(REMINDER_JOB, DAY, async (_payload, { db }) => {
    await sendVerificationReminders(db, { baseUrl });
  });
}
