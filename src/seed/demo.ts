import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, memberships, regions } from '../platform/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { recordAudit } from '../platform/audit/audit.js';
import { seedDemoGuide } from './demo-guide.js';
import { seedDemoDirectory } from './directory/index.js';
import { seedDemoEvents } from './events.js';
import { seedDemoSprachpool } from './sprachpool.js';

export const DEMO_LANGUAGES = ['de', 'de-x-ls', 'en', 'ar', 'uk', 'fa', 'tr', 'ru'];
export const DEMO_ADMIN_EMAIL = 'admin@beispiel.example';

/** A readable random password (printed once at start; never a fixed default). */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Demo logins besides the admin (same password): the pool's coordinator, a mediator and a school. */
export const DEMO_ACCOUNTS = [
  { email: 'koordination@beispiel.example', name: 'Kemal Yılmaz', role: 'pool_coordinator' },
  { email: 'dilan.aydin@beispiel.example', name: 'Dilan Aydın', role: 'mediator' },
  { email: 'grundschule-nord@beispiel.example', name: 'Frau Brandt (Grundschule Nord)', role: 'agency' },
] as const;

export type DemoResult = { created: boolean; adminEmail?: string; adminPassword?: string; regionSlug: string; accounts?: { email: string; role: string }[] };

const demoTexts = {
  contact:
    'Landratsamt Beispiel – Integrationsbüro\nMusterstraße 1, 12345 Beispielstadt\nTelefon: 01234 567-0\nE-Mail: integration@beispiel.example\nSprechzeiten: Mo–Do 9–12 Uhr, Do 14–17 Uhr',
  imprint:
    'Landkreis Beispiel (fiktiv)\nvertreten durch den Landrat\nMusterstraße 1, 12345 Beispielstadt\n\nDies ist eine Demo-Installation von wegweiser. Alle Angaben sind erfunden.',
  privacy:
    'Wir verarbeiten personenbezogene Daten nur, soweit es für den Betrieb dieses Angebots nötig ist. Öffentliche Seiten setzen keine Cookies und laden nichts von fremden Servern. Rückmeldungen und Anmeldungen werden nach Ablauf der angegebenen Fristen gelöscht.',
  accessibilityStatement:
    'Dieses Angebot soll die Anforderungen der BITV 2.0 / WCAG 2.1 AA erfüllen. Barrieren melden Sie bitte an integration@beispiel.example; wir antworten innerhalb von zwei Wochen.',
};

/**
 * Seeds the fictional demo county "Landkreis Beispiel" with two municipalities and a demo admin with a random
 * password — only when the database has no region yet. Never called in production.
 */
export async function seedDemo(db: Db, opts: { baseUrl?: string } = {}): Promise<DemoResult> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if ((existing?.n ?? 0) > 0) return { created: false, regionSlug: 'landkreis-beispiel' };
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [county] = await tx
      .insert(regions)
      .values({ slug: 'landkreis-beispiel', name: 'Landkreis Beispiel', kind: 'county', sourceLanguage: 'de', languages: DEMO_LANGUAGES, ...demoTexts })
      .returning();
    if (!county) throw new Error('seed failed');
    for (const [slug, name] of [
      ['beispielstadt', 'Beispielstadt'],
      ['musterdorf', 'Musterdorf'],
    ] as const) {
      await tx.insert(regions).values({ parentId: county.id, slug, name, kind: 'municipality', sourceLanguage: 'de', languages: DEMO_LANGUAGES, ...demoTexts });
    }
    const existingAdmin = await tx.select({ id: accounts.id }).from(accounts).where(eq(sql`lower(${accounts.email})`, DEMO_ADMIN_EMAIL));
    let adminId = existingAdmin[0]?.id;
    if (!adminId) {
      const [admin] = await tx
        .insert(accounts)
        .values({ email: DEMO_ADMIN_EMAIL, name: 'Demo-Admin', passwordHash, isAdmin: true, uiLanguage: 'de' })
        .returning({ id: accounts.id });
      adminId = admin?.id;
    }
    if (adminId) await tx.insert(memberships).values({ accountId: adminId, regionId: county.id, role: 'region_admin' }).onConflictDoNothing();
    await recordAudit(tx, { system: 'seed-demo' }, { regionId: county.id, action: 'region.create', entityType: 'region', entityId: county.id, after: { slug: county.slug, name: county.name } });
    await seedDemoGuide(tx, county.id);
    await seedDemoDirectory(tx, county.id, { verifiedBy: adminId ?? null });
    await seedDemoEvents(tx, county.id, opts.baseUrl ? { baseUrl: opts.baseUrl } : {});
    const ids: Record<string, string | null> = {};
    for (const a of DEMO_ACCOUNTS) {
      const [row] = await tx.insert(accounts).values({ email: a.email, name: a.name, passwordHash, uiLanguage: 'de' }).onConflictDoNothing().returning({ id: accounts.id });
      ids[a.role] = row?.id ?? null;
      if (row) await tx.insert(memberships).values({ accountId: row.id, regionId: county.id, role: a.role });
    }
    await seedDemoSprachpool(tx, county.id, {
      mediatorAccountId: ids.mediator ?? null,
      agencyAccountId: ids.agency ?? null,
      mediatorEmail: DEMO_ACCOUNTS[1].email,
      agencyEmail: DEMO_ACCOUNTS[2].email,
    });
    return { created: true, adminEmail: DEMO_ADMIN_EMAIL, adminPassword: password, regionSlug: county.slug, accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })) };
  });
}
