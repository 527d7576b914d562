/**
 * The demo directory of "Landkreis Beispiel": about 80 published services of about 45 organisations across every
 * category of the default taxonomy, written through the directory's one write path (store.ts), so derived schedule
 * fields and search texts are exactly what an admin save would produce.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ensureDefaultTaxonomy, refreshServiceSearch, writeLocation, writeOrganization, writeService, type ScheduleInput } from '../../modules/directory/index.js';
import { dirTaxonomyTerms, dirTranslations } from '../../modules/directory/schema.js';
import { regions } from '../../platform/schema.js';
import { datedExceptions } from './hours.js';
import { LOCATIONS, ORGANIZATIONS, tel, townOf, type LocationKey, type OrgKey } from './places.js';
import { SERVICES } from './services.js';

export { LOCATIONS, ORGANIZATIONS } from './places.js';
export { SERVICES, type DemoService } from './services.js';

/** The directory settings of the demo county (regions.settings.directory). */
export const DEMO_DIRECTORY_SETTINGS = { verifyAfterMonths: 6, holidayState: 'DE-NW', centerLat: 51.2, centerLon: 6.7 } as const;

export type DemoDirectoryResult = { organizations: number; locations: number; services: number; translations: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo directory into `regionId` (German source language): settings, default taxonomy (its categories
 * named in every language of the region), organisations, locations, services and a few translations. `now` fixes the
 * dated parts (verification dates, "closed until", the Christmas closure); `verifiedBy` names the account that
 * verified the entries.
 */
export async function seedDemoDirectory(tx: Db, regionId: string, opts: { now?: Date; verifiedBy?: string | null } = {}): Promise<DemoDirectoryResult> {
  const now = opts.now ?? new Date();
  const [region] = await tx.select({ id: regions.id, sourceLanguage: regions.sourceLanguage, languages: regions.languages, settings: regions.settings }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new Error(`demo directory: region ${regionId} not found`);
  await tx
    .update(regions)
    .set({ settings: { ...region.settings, directory: { ...(region.settings.directory as Record<string, unknown> | undefined), ...DEMO_DIRECTORY_SETTINGS } } })
    .where(eq(regions.id, regionId));

  await ensureDefaultTaxonomy(tx, region);
  const terms = await tx.select({ id: dirTaxonomyTerms.id, code: dirTaxonomyTerms.code }).from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId));
  const termId = new Map(terms.map((t) => [t.code, t.id]));
  const termIds = (codes: string[]) =>
    codes.map((code) => {
      const id = termId.get(code);
      if (!id) throw new Error(`demo directory: unknown category ${code}`);
      return id;
    });

  const orgIds = new Map<OrgKey, string>();
  for (const [key, o] of Object.entries(ORGANIZATIONS) as [OrgKey, (typeof ORGANIZATIONS)[OrgKey]][]) {
    const phone = 'phone' in o ? o.phone : undefined;
    const id = await writeOrganization(tx, regionId, {
      status: 'published',
      name: o.name,
      description: o.description,
      email: o.email ?? null,
      website: 'website' in o ? o.website : null,
      legalStatus: 'legalStatus' in o ? o.legalStatus : null,
      phones: phone ? [{ number: tel(phone), languages: ['de'], description: 'Zentrale' }] : [],
    });
    orgIds.set(key, id);
  }
  const orgId = (key: OrgKey) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`demo directory: unknown organisation ${key}`);
    return id;
  };

  const locationIds = new Map<LocationKey, string>();
  for (const [key, l] of Object.entries(LOCATIONS) as [LocationKey, (typeof LOCATIONS)[LocationKey]][]) {
    const id = await writeLocation(tx, regionId, {
      status: 'published',
      organizationId: orgId(l.org),
      locationType: 'physical',
      name: l.name,
      latitude: l.lat,
      longitude: l.lon,
      geoSource: 'seed',
      address1: l.street,
      ...townOf(l),
      stateProvince: 'Nordrhein-Westfalen',
      country: 'DE',
      languages: 'languages' in l ? l.languages : ['de'],
      wheelchair: l.wheelchair,
      transportation: 'transportation' in l ? l.transportation : null,
      accessibilityDescription: 'accessibility' in l ? l.accessibility : null,
    });
    locationIds.set(key, id);
  }

  const { christmas, renovation, renovationUntil } = datedExceptions(now);
  let translations = 0;
  for (const s of SERVICES) {
    const schedules: ScheduleInput[] = [...s.hours, ...(s.christmas ? [christmas] : []), ...(s.renovation ? [renovation] : [])];
    const revision = s.outdated ? 2 : 1;
    const serviceId = await writeService(
      tx,
      regionId,
      {
        status: 'published',
        organizationId: orgId(s.org),
        name: s.name,
        description: s.description,
        url: s.url ?? null,
        email: s.email ?? null,
        free: s.fees === undefined,
        feesDescription: s.fees ?? null,
        eligibilityDescription: s.eligibility ?? null,
        minimumAge: s.minAge ?? null,
        maximumAge: s.maxAge ?? null,
        applicationProcess: s.application ?? null,
        interpretationServices: s.interpretation ?? null,
        alert: s.renovation ? `Wegen Renovierung geschlossen bis einschließlich ${germanDate(renovationUntil)}.` : null,
        languages: s.languages,
        termIds: termIds(s.cats),
        verifiedAt: new Date(now.getTime() - s.verified * DAY_MS),
        verifiedBy: opts.verifiedBy ?? null,
        phones: (s.phones ?? []).map(([number, languages]) => ({ number: tel(number), languages })),
        contacts: s.contact ? [{ name: s.contact.name, title: s.contact.title, email: s.contact.email ?? null }] : [],
        schedules,
        serviceAreas: (s.areas ?? []).map((name) => ({ name, extentType: 'text' })),
        requiredDocuments: (s.documents ?? []).map((document) => ({ document })),
        locations: s.at.map((key) => {
          const id = locationIds.get(key);
          if (!id) throw new Error(`demo directory: unknown location ${key}`);
          return { locationId: id };
        }),
      },
      { revision, majorRevision: revision },
    );
    const texts = Object.entries(s.tr ?? {});
    if (texts.length === 0) continue;
    // Translated from revision 1; a service saved later with a major change (revision 2) has outdated translations.
    await tx.insert(dirTranslations).values(texts.map(([language, fields]) => ({ regionId, kind: 'service' as const, entityId: serviceId, language, fields, sourceRevision: 1 })));
    translations += texts.length;
    await refreshServiceSearch(tx, serviceId);
  }
  return { organizations: orgIds.size, locations: locationIds.size, services: SERVICES.length, translations };
}

/** "2026-12-24" → "24.12.2026". */
function germanDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

