/**
 * The directory admin's reads (Drizzle only, every query scoped by region). Writes go through store.ts, called by
 * service.ts.
 */
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, memberships } from '../../platform/schema.js';
import type { ContactInput, LocationInput, OrganizationInput, PhoneInput, ScheduleInput, ServiceInput } from './model.js';
import {
  dirContacts,
  dirLocations,
  dirOrganizationEditors,
  dirOrganizations,
  dirPhones,
  dirRequiredDocuments,
  dirSchedules,
  dirServiceAreas,
  dirServiceAtLocations,
  dirServices,
  dirTaxonomies,
  dirTaxonomyTerms,
  dirTranslations,
  type EditorialStatus,
  type TranslatableKind,
} from './schema.js';

export type ServiceRow = typeof dirServices.$inferSelect;
export type OrganizationRow = typeof dirOrganizations.$inferSelect;
export type LocationRow = typeof dirLocations.$inferSelect;
export type TermRow = typeof dirTaxonomyTerms.$inferSelect;
export type TranslationRow = typeof dirTranslations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID.test(v);

// ---------- single objects (tenant-scoped) ----------

export async function findService(db: Db, regionId: string, id: string, opts: { lock?: boolean } = {}): Promise<ServiceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(dirServices).where(and(eq(dirServices.regionId, regionId), eq(dirServices.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function findOrganization(db: Db, regionId: string, id: string, opts: { lock?: boolean } = {}): Promise<OrganizationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(dirOrganizations).where(and(eq(dirOrganizations.regionId, regionId), eq(dirOrganizations.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function findLocation(db: Db, regionId: string, id: string, opts: { lock?: boolean } = {}): Promise<LocationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(dirLocations).where(and(eq(dirLocations.regionId, regionId), eq(dirLocations.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function findTerm(db: Db, regionId: string, id: string): Promise<TermRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(dirTaxonomyTerms)
    .where(and(eq(dirTaxonomyTerms.regionId, regionId), eq(dirTaxonomyTerms.id, id)));
  return row;
}

// ---------- children as model input ----------

async function phonesOf(db: Db, column: 'organizationId' | 'serviceId' | 'locationId' | 'contactId', ids: string[]): Promise<(typeof dirPhones.$inferSelect)[]> {
  if (!ids.length) return [];
  return db.select().from(dirPhones).where(inArray(dirPhones[column], ids)).orderBy(asc(dirPhones.position));
}

const phoneInput = (p: typeof dirPhones.$inferSelect): PhoneInput => ({ number: p.number, type: p.type, languages: p.languages, description: p.description, extension: p.extension });

async function contactsOf(db: Db, column: 'organizationId' | 'serviceId' | 'locationId', id: string): Promise<ContactInput[]> {
  const rows = await db.select().from(dirContacts).where(eq(dirContacts[column], id)).orderBy(asc(dirContacts.position));
  const phones = await phonesOf(
    db,
    'contactId',
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({ name: c.name, title: c.title, department: c.department, email: c.email, phones: phones.filter((p) => p.contactId === c.id).map(phoneInput) }));
}

async function schedulesOf(db: Db, column: 'serviceId' | 'locationId', id: string): Promise<ScheduleInput[]> {
  const rows = await db.select().from(dirSchedules).where(eq(dirSchedules[column], id)).orderBy(asc(dirSchedules.position));
  return rows.map((s) => ({
    freq: s.freq,
    interval: s.interval,
    byday: s.byday,
    bymonthday: s.bymonthday,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    validFrom: s.validFrom,
    validTo: s.validTo,
    closed: s.closed,
    description: s.description,
    notes: s.notes,
    attendingType: s.attendingType,
  }));
}

/** An organisation as the input that would write it again. */
export async function organizationInput(db: Db, o: OrganizationRow): Promise<OrganizationInput> {
  return {
    name: o.name,
    alternateName: o.alternateName,
    description: o.description,
    email: o.email,
    website: o.website,
    legalStatus: o.legalStatus,
    parentOrganizationId: o.parentOrganizationId,
    phones: (await phonesOf(db, 'organizationId', [o.id])).map(phoneInput),
    contacts: await contactsOf(db, 'organizationId', o.id),
  };
}

export async function locationInput(db: Db, l: LocationRow): Promise<LocationInput> {
  return {
    organizationId: l.organizationId,
    locationType: l.locationType,
    name: l.name,
    alternateName: l.alternateName,
    description: l.description,
    transportation: l.transportation,
    url: l.url,
    latitude: l.latitude,
    longitude: l.longitude,
    geoSource: l.geoSource,
    address1: l.address1,
    address2: l.address2,
    postalCode: l.postalCode,
    city: l.city,
    stateProvince: l.stateProvince,
    country: l.country,
    languages: l.languages,
    wheelchair: l.wheelchair,
    accessibilityDescription: l.accessibilityDescription,
    accessibilityDetails: l.accessibilityDetails,
    phones: (await phonesOf(db, 'locationId', [l.id])).map(phoneInput),
    contacts: await contactsOf(db, 'locationId', l.id),
    schedules: await schedulesOf(db, 'locationId', l.id),
  };
}

export async function serviceInput(db: Db, s: ServiceRow): Promise<ServiceInput> {
  const at = await db.select().from(dirServiceAtLocations).where(eq(dirServiceAtLocations.serviceId, s.id));
  const atSchedules = at.length ? await db.select().from(dirSchedules).where(inArray(dirSchedules.serviceAtLocationId, at.map((a) => a.id))) : [];
  return {
    organizationId: s.organizationId,
    name: s.name,
    alternateName: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    hsdsStatus: s.hsdsStatus,
    interpretationServices: s.interpretationServices,
    applicationProcess: s.applicationProcess,
    feesDescription: s.feesDescription,
    free: s.free,
    waitTime: s.waitTime,
    eligibilityDescription: s.eligibilityDescription,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    alert: s.alert,
    languages: s.languages,
    termIds: s.termIds,
    phones: (await phonesOf(db, 'serviceId', [s.id])).map(phoneInput),
    contacts: await contactsOf(db, 'serviceId', s.id),
    schedules: await schedulesOf(db, 'serviceId', s.id),
    serviceAreas: (await db.select().from(dirServiceAreas).where(eq(dirServiceAreas.serviceId, s.id))).map((a) => ({ name: a.name, description: a.description, extent: a.extent, extentType: a.extentType, uri: a.uri })),
    requiredDocuments: (await db.select().from(dirRequiredDocuments).where(eq(dirRequiredDocuments.serviceId, s.id)).orderBy(asc(dirRequiredDocuments.position))).map((d) => ({ document: d.document, uri: d.uri })),
    // Schedules of a service-at-location (imported data) are kept as they are.
    locations: at.map((a) => ({
      locationId: a.locationId,
      description: a.description,
      schedules: atSchedules
        .filter((x) => x.serviceAtLocationId === a.id)
        .map((x) => ({ freq: x.freq, byday: x.byday, bymonthday: x.bymonthday, opensAt: x.opensAt, closesAt: x.closesAt, validFrom: x.validFrom, validTo: x.validTo, closed: x.closed, description: x.description })),
    })),
  };
}

// ---------- lists ----------

export type ServiceFilter = {
  status?: EditorialStatus | undefined;
  termId?: string | undefined;
  organizationId?: string | undefined;
  /** Only services verified (or, never verified, created) before this instant. */
  overdueBefore?: Date | undefined;
  q?: string | undefined;
  /** Partner scope: only these organisations. */
  organizationIds?: string[] | undefined;
};

export type ServiceListItem = Pick<ServiceRow, 'id' | 'name' | 'status' | 'verifiedAt' | 'createdAt' | 'updatedAt' | 'organizationId' | 'majorRevision' | 'pendingAt'> & { organizationName: string };

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listServices(db: Db, regionId: string, f: ServiceFilter = {}, limit = 500): Promise<ServiceListItem[]> {
  const conditions: (SQL | undefined)[] = [eq(dirServices.regionId, regionId)];
  if (f.status) conditions.push(eq(dirServices.status, f.status));
  if (f.termId) conditions.push(sql`${f.termId}::uuid = ANY(${dirServices.termIds})`);
  if (f.organizationId) conditions.push(eq(dirServices.organizationId, f.organizationId));
  if (f.organizationIds) conditions.push(f.organizationIds.length ? inArray(dirServices.organizationId, f.organizationIds) : sql`false`);
  if (f.overdueBefore) conditions.push(eq(dirServices.status, 'published'), lt(sql`coalesce(${dirServices.verifiedAt}, ${dirServices.createdAt})`, f.overdueBefore));
  if (f.q) conditions.push(or(ilike(dirServices.name, likePattern(f.q)), ilike(dirServices.alternateName, likePattern(f.q))));
  return db
    .select({
      id: dirServices.id,
      name: dirServices.name,
      status: dirServices.status,
      verifiedAt: dirServices.verifiedAt,
      createdAt: dirServices.createdAt,
      updatedAt: dirServices.updatedAt,
      organizationId: dirServices.organizationId,
      majorRevision: dirServices.majorRevision,
      pendingAt: dirServices.pendingAt,
      organizationName: dirOrganizations.name,
    })
    .from(dirServices)
    .innerJoin(dirOrganizations, eq(dirOrganizations.id, dirServices.organizationId))
    .where(and(...conditions))
    .orderBy(asc(dirServices.name))
    .limit(limit);
}

export async function listOrganizations(db: Db, regionId: string, organizationIds?: string[]): Promise<OrganizationRow[]> {
  const scope = organizationIds ? (organizationIds.length ? inArray(dirOrganizations.id, organizationIds) : sql`false`) : undefined;
  return db
    .select()
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), scope))
    .orderBy(asc(dirOrganizations.name));
}

export async function listLocations(db: Db, regionId: string, organizationIds?: string[]): Promise<LocationRow[]> {
  const scope = organizationIds ? (organizationIds.length ? inArray(dirLocations.organizationId, organizationIds) : sql`false`) : undefined;
  return db
    .select()
    .from(dirLocations)
    .where(and(eq(dirLocations.regionId, regionId), scope))
    .orderBy(asc(dirLocations.name), asc(dirLocations.city));
}

export async function listTerms(db: Db, regionId: string): Promise<TermRow[]> {
  return db.select().from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, regionId)).orderBy(asc(dirTaxonomyTerms.position), asc(dirTaxonomyTerms.name));
}

export async function findFirstTaxonomy(db: Db, regionId: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: dirTaxonomies.id }).from(dirTaxonomies).where(eq(dirTaxonomies.regionId, regionId)).orderBy(asc(dirTaxonomies.createdAt)).limit(1);
  return row;
}

export async function countServicesWithTerm(db: Db, regionId: string, termId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dirServices)
    .where(and(eq(dirServices.regionId, regionId), sql`${termId}::uuid = ANY(${dirServices.termIds})`));
  return row?.n ?? 0;
}

export async function countServicesOfOrganization(db: Db, regionId: string, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dirServices)
    .where(and(eq(dirServices.regionId, regionId), eq(dirServices.organizationId, organizationId)));
  return row?.n ?? 0;
}

/** Services whose search text depends on an object (for refreshing after a translation or rename). */
export async function serviceIdsAffectedBy(db: Db, regionId: string, kind: TranslatableKind, id: string): Promise<string[]> {
  if (kind === 'service') return [id];
  if (kind === 'organization')
    return (await db.select({ id: dirServices.id }).from(dirServices).where(and(eq(dirServices.regionId, regionId), eq(dirServices.organizationId, id)))).map((r) => r.id);
  if (kind === 'taxonomy_term')
    return (await db.select({ id: dirServices.id }).from(dirServices).where(and(eq(dirServices.regionId, regionId), sql`${id}::uuid = ANY(${dirServices.termIds})`))).map((r) => r.id);
  return (await db.select({ id: dirServiceAtLocations.serviceId }).from(dirServiceAtLocations).where(and(eq(dirServiceAtLocations.regionId, regionId), eq(dirServiceAtLocations.locationId, id)))).map((r) => r.id);
}

// ---------- translations ----------

export async function listTranslations(db: Db, regionId: string, kind: TranslatableKind, entityIds: string[]): Promise<TranslationRow[]> {
  if (!entityIds.length) return [];
  return db
    .select()
    .from(dirTranslations)
    .where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.kind, kind), inArray(dirTranslations.entityId, entityIds)));
}

export async function findTranslation(db: Db, regionId: string, kind: TranslatableKind, entityId: string, language: string): Promise<TranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(dirTranslations)
    .where(and(eq(dirTranslations.regionId, regionId), eq(dirTranslations.kind, kind), eq(dirTranslations.entityId, entityId), eq(dirTranslations.language, language)));
  return row;
}

// ---------- duplicates ----------

export type DuplicateCandidate = { kind: 'service' | 'organization'; id: string; name: string; reason: 'name_address' | 'phone' | 'name' };

/** Services and organisations of the region with their names, location addresses and phone numbers (for duplicate checks). */
export async function duplicateCandidates(db: Db, regionId: string, phones: string[]): Promise<{
  services: { id: string; name: string; postalCode: string | null; address1: string | null }[];
  organizations: { id: string; name: string }[];
  phoneOwners: { serviceId: string | null; organizationId: string | null; number: string }[];
}> {
  const services = await db
    .select({ id: dirServices.id, name: dirServices.name, postalCode: dirLocations.postalCode, address1: dirLocations.address1 })
    .from(dirServices)
    .leftJoin(dirServiceAtLocations, eq(dirServiceAtLocations.serviceId, dirServices.id))
    .leftJoin(dirLocations, eq(dirLocations.id, dirServiceAtLocations.locationId))
    .where(and(eq(dirServices.regionId, regionId), isNull(dirServices.archivedAt)));
  const organizations = await db
    .select({ id: dirOrganizations.id, name: dirOrganizations.name })
    .from(dirOrganizations)
    .where(and(eq(dirOrganizations.regionId, regionId), isNull(dirOrganizations.archivedAt)));
  const phoneOwners = phones.length
    ? await db
        .select({ serviceId: dirPhones.serviceId, organizationId: dirPhones.organizationId, number: dirPhones.number })
        .from(dirPhones)
        .where(and(eq(dirPhones.regionId, regionId), inArray(dirPhones.number, phones), or(isNotNull(dirPhones.serviceId), isNotNull(dirPhones.organizationId))))
    : [];
  return { services, organizations, phoneOwners };
}

// ---------- partners ----------

/** The organisations of a region a partner account may edit. */
export async function organizationIdsOfEditor(db: Db, regionId: string, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dirOrganizationEditors.organizationId })
    .from(dirOrganizationEditors)
    .where(and(eq(dirOrganizationEditors.regionId, regionId), eq(dirOrganizationEditors.accountId, accountId)));
  return rows.map((r) => r.id);
}

export async function listEditorsOfOrganization(db: Db, regionId: string, organizationId: string): Promise<{ accountId: string; email: string; name: string }[]> {
  return db
    .select({ accountId: accounts.id, email: accounts.email, name: accounts.name })
    .from(dirOrganizationEditors)
    .innerJoin(accounts, eq(accounts.id, dirOrganizationEditors.accountId))
    .where(and(eq(dirOrganizationEditors.regionId, regionId), eq(dirOrganizationEditors.organizationId, organizationId)))
    .orderBy(asc(accounts.email));
}

/** An account with the partner role on one of the given regions (the region and its ancestors), by e-mail. */
export async function findPartnerAccount(db: Db, regionPath: string[], email: string): Promise<{ id: string; email: string } | undefined> {
  const [row] = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .innerJoin(memberships, eq(memberships.accountId, accounts.id))
    .where(and(sql`lower(${accounts.email}) = lower(${email})`, inArray(memberships.regionId, regionPath), eq(memberships.role, 'partner'), isNull(accounts.disabledAt)))
    .limit(1);
  return row;
}

// ---------- review queue ----------

export type ReviewItem = { kind: 'service' | 'organization' | 'location'; id: string; name: string; status: EditorialStatus; pendingAt: Date | null; pendingBy: string | null; pendingByEmail: string | null };

export async function listReviewQueue(db: Db, regionId: string): Promise<ReviewItem[]> {
  const pick = async (kind: ReviewItem['kind'], table: typeof dirServices | typeof dirOrganizations | typeof dirLocations) => {
    const rows = await db
      .select({ id: table.id, name: table.name, status: table.status, pendingAt: table.pendingAt, pendingBy: table.pendingBy, pendingByEmail: accounts.email })
      .from(table)
      .leftJoin(accounts, eq(accounts.id, table.pendingBy))
      .where(and(eq(table.regionId, regionId), or(isNotNull(table.pendingChange), eq(table.status, 'review'))))
      .orderBy(desc(table.pendingAt));
    return rows.map((r) => ({ ...r, kind }));
  };
  return [...(await pick('service', dirServices)), ...(await pick('organization', dirOrganizations)), ...(await pick('location', dirLocations))];
}

// ---------- reminders ----------

export type OverdueService = { id: string; name: string; regionId: string; organizationId: string; verifiedAt: Date | null; createdAt: Date };

/** Published services of a region last verified (or created) before `before`, not reminded since `remindedBefore`. */
export async function listOverdueServices(db: Db, regionId: string, before: Date): Promise<OverdueService[]> {
  return db
    .select({ id: dirServices.id, name: dirServices.name, regionId: dirServices.regionId, organizationId: dirServices.organizationId, verifiedAt: dirServices.verifiedAt, createdAt: dirServices.createdAt })
    .from(dirServices)
    .where(
      and(
        eq(dirServices.regionId, regionId),
        eq(dirServices.status, 'published'),
        lt(sql`coalesce(${dirServices.verifiedAt}, ${dirServices.createdAt})`, before),
        or(isNull(dirServices.remindedAt), lt(dirServices.remindedAt, before)),
      ),
    )
    .orderBy(asc(dirServices.name));
}

/** Regions that have at least one published service. */
export async function listRegionIdsWithServices(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ regionId: dirServices.regionId }).from(dirServices).where(eq(dirServices.status, 'published'));
  return rows.map((r) => r.regionId);
}

export async function listEditorsOfOrganizations(db: Db, regionId: string, organizationIds: string[]): Promise<{ organizationId: string; accountId: string; email: string; name: string; uiLanguage: string }[]> {
  if (!organizationIds.length) return [];
  return db
    .select({ organizationId: dirOrganizationEditors.organizationId, accountId: accounts.id, email: accounts.email, name: accounts.name, uiLanguage: accounts.uiLanguage })
    .from(dirOrganizationEditors)
    .innerJoin(accounts, eq(accounts.id, dirOrganizationEditors.accountId))
    .where(and(eq(dirOrganizationEditors.regionId, regionId), inArray(dirOrganizationEditors.organizationId, organizationIds), isNull(accounts.disabledAt)));
}

/** Region admins and editors with a membership on the region itself. */
export async function listRegionEditors(db: Db, regionId: string): Promise<{ accountId: string; email: string; name: string; uiLanguage: string }[]> {
  return db
    .selectDistinct({ accountId: accounts.id, email: accounts.email, name: accounts.name, uiLanguage: accounts.uiLanguage })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.regionId, regionId), inArray(memberships.role, ['region_admin', 'editor']), isNull(accounts.disabledAt)));
}
