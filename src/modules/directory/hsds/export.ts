/**
 * Full export of a region's directory (readers' view: published, not archived) as HSDS JSON and as the HSDS tabular
 * package. The bundle is loaded in a fixed number of queries and serialised in memory.
 *
 * JSON shape: { hsds_version, region, language, generated_at, organizations, services, locations, taxonomies,
 * taxonomy_terms }: each object once, valid against its own schema. Services carry all their children, their
 * service_at_locations (with location_id) and category attributes; organisations carry phones and contacts;
 * locations carry addresses, phones, contacts, schedules, languages and accessibility. The import reads this shape
 * (and also a plain array of fully nested services).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { NotFoundError } from '../../../platform/errors.js';
import { regions } from '../../../platform/schema.js';
import { loadBundle } from './api-queries.js';
import { locationObject, organizationObject, serviceObject, taxonomyObject, termObject, type HsdsBundle, type HsdsObject } from './serialize.js';
import { buildTabularZip, flattenInto, type Tables } from './tabular.js';

export type HsdsExport = {
  hsds_version: '3.0';
  region: string;
  language: string;
  generated_at: string;
  organizations: HsdsObject[];
  services: HsdsObject[];
  locations: HsdsObject[];
  taxonomies: HsdsObject[];
  taxonomy_terms: HsdsObject[];
};

/** The export objects of a loaded bundle. */
export function exportFromBundle(b: HsdsBundle, region: string): HsdsExport {
  return {
    hsds_version: '3.0',
    region,
    language: b.language,
    generated_at: new Date().toISOString(),
    organizations: [...b.organizations.values()].map((o) => organizationObject(b, o, 'export')),
    services: [...b.services.values()].map((s) => serviceObject(b, s, 'export')),
    locations: [...b.locations.values()].map((l) => locationObject(b, l)),
    taxonomies: [...b.taxonomies.values()].map(taxonomyObject),
    taxonomy_terms: [...b.terms.values()].map((t) => termObject(b, t)),
  };
}

async function regionOf(db: Db, regionId: string) {
  const [region] = await db.select({ slug: regions.slug, name: regions.name, sourceLanguage: regions.sourceLanguage }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new NotFoundError('region_not_found');
  return region;
}

/** All published records of a region as HSDS objects (source language, or `language` where translated). */
export async function exportHsdsJson(db: Db, regionId: string, language?: string): Promise<HsdsExport> {
  const region = await regionOf(db, regionId);
  const bundle = await loadBundle(db, regionId, { kind: 'region', includeUnpublished: false }, { language: language ?? region.sourceLanguage, sourceLanguage: region.sourceLanguage });
  return exportFromBundle(bundle, region.slug);
}

/** Flattens an export into the rows of the tabular tables. */
export function exportTables(data: Pick<HsdsExport, 'organizations' | 'services' | 'locations' | 'taxonomies' | 'taxonomy_terms'>): Tables {
  const tables: Tables = new Map();
  for (const o of data.organizations) flattenInto(tables, 'organization', o);
  for (const s of data.services) flattenInto(tables, 'service', s);
  for (const l of data.locations) flattenInto(tables, 'location', l);
  for (const t of data.taxonomies) flattenInto(tables, 'taxonomy', t);
  for (const t of data.taxonomy_terms) flattenInto(tables, 'taxonomy_term', t);
  return tables;
}

/** The HSDS tabular package (zip of CSVs + datapackage.json) of a region. */
export async function exportHsdsTabular(db: Db, regionId: string, language?: string): Promise<Buffer> {
  const region = await regionOf(db, regionId);
  const data = await exportHsdsJson(db, regionId, language);
  return buildTabularZip(exportTables(data), { name: `hsds-${region.slug}`, title: `${region.name} – HSDS 3.0`, created: data.generated_at });
}
