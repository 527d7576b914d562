/**
 * The HSDS tabular package: one CSV per table (the `path` of each schema, e.g. services.csv, service_at_location.csv)
 * with the schema's one-to-one fields as columns, plus a Frictionless datapackage.json describing them. Nested HSDS
 * objects are flattened by following each schema's arrays (a phone inside a service becomes a row of phones.csv
 * with service_id set); reading a package nests the rows back by their foreign keys.
 *
 * Cells are written as they are (no spreadsheet formula escaping: this is a data interchange format, and "+49…"
 * phone numbers must survive a round trip).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { HSDS_SCHEMAS, hsdsSchema, type HsdsSchemaName, type HsdsSchemaProperty } from './validate.js';
import type { HsdsObject } from './serialize.js';

/** Scalar (one-to-one) columns of a table, in schema order. */
export function tableColumns(name: HsdsSchemaName): { name: string; prop: HsdsSchemaProperty & { datapackage_type?: string } }[] {
  return Object.entries(hsdsSchema(name).properties)
    .filter(([, p]) => p.type && p.type !== 'array' && p.type !== 'object' && !p.$ref)
    .map(([field, prop]) => ({ name: field, prop }));
}

function childSchema(prop: HsdsSchemaProperty): HsdsSchemaName | undefined {
  const ref = prop.type === 'array' ? prop.items?.$ref : undefined;
  const name = ref?.replace(/\.json$/, '');
  return name && (HSDS_SCHEMAS as readonly string[]).includes(name) ? (name as HsdsSchemaName) : undefined;
}

export type Tables = Map<HsdsSchemaName, HsdsObject[]>;

/** Adds one object and its array children (recursively) to the row lists; nested single objects are skipped. */
export function flattenInto(tables: Tables, name: HsdsSchemaName, obj: HsdsObject): void {
  const row: HsdsObject = {};
  for (const [field, prop] of Object.entries(hsdsSchema(name).properties)) {
    const value = obj[field];
    if (value === undefined) continue;
    const child = childSchema(prop);
    if (child) {
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') flattenInto(tables, child, item as HsdsObject);
    } else if (!prop.$ref && prop.type !== 'array' && prop.type !== 'object') row[field] = value;
  }
  let list = tables.get(name);
  if (!list) {
    list = [];
    tables.set(name, list);
  }
  list.push(row);
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function fieldType(p: HsdsSchemaProperty & { datapackage_type?: string }): { type: string; format?: string } {
  if (p.datapackage_type) return { type: p.datapackage_type };
  if (p.type === 'number') return { type: 'number' };
  if (p.type === 'boolean') return { type: 'boolean' };
  if (p.format === 'email' || p.format === 'uri' || p.format === 'uuid') return { type: 'string', format: p.format };
  return { type: 'string' };
}

/** The Frictionless data package descriptor of the HSDS tables. */
export function datapackage(meta: { name: string; title: string; created: string }): Record<string, unknown> {
  const resources = [...HSDS_SCHEMAS]
    .map((name) => ({ name, schema: hsdsSchema(name) }))
    .sort((a, b) => (a.schema.datapackage_metadata?.order ?? 99) - (b.schema.datapackage_metadata?.order ?? 99))
    .map(({ name, schema }) => {
      const required = new Set(schema.required ?? []);
      return {
        name: schema.name,
        path: schema.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: tableColumns(name).map((c) => ({ name: c.name, ...fieldType(c.prop), ...(required.has(c.name) ? { constraints: { required: true } } : {}) })),
          primaryKey: ['id'],
        },
      };
    });
  return { profile: 'tabular-data-package', name: meta.name, title: meta.title, created: meta.created, hsds_version: '3.0', resources };
}

/** The zip of a complete package: every table (empty tables with their header) and datapackage.json. */
export function buildTabularZip(tables: Tables, meta: { name: string; title: string; created: string }): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const name of HSDS_SCHEMAS) {
    const cols = tableColumns(name).map((c) => c.name);
    const rows = tables.get(name) ?? [];
    const csv = stringify([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))], { record_delimiter: 'unix' });
    files[hsdsSchema(name).path] = strToU8(csv);
  }
  files['datapackage.json'] = strToU8(JSON.stringify(datapackage(meta), null, 2));
  return Buffer.from(zipSync(files, { level: 6 }));
}

export class TabularFormatError extends Error {
  constructor(
    readonly reason: 'not_zip' | 'too_large' | 'no_tables' | 'bad_csv',
    readonly detail = '',
  ) {
    super(reason);
  }
}

/** Reads the CSVs of a package (any folder inside the zip) into typed rows per table. Unknown files are ignored. */
export function readTabularZip(data: Buffer, maxUncompressed = 300 * 1024 * 1024): Tables {
  let total = 0;
  const byPath = new Map<string, HsdsSchemaName>(HSDS_SCHEMAS.map((n) => [hsdsSchema(n).path, n]));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(data), {
      filter: (f) => {
        const base = f.name.split('/').pop() ?? '';
        if (!byPath.has(base)) return false;
        total += f.originalSize;
        if (total > maxUncompressed) throw new TabularFormatError('too_large');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof TabularFormatError) throw err;
    throw new TabularFormatError('not_zip');
  }
  const tables: Tables = new Map();
  for (const [path, bytes] of Object.entries(entries)) {
    const name = byPath.get(path.split('/').pop() ?? '');
    if (!name) continue;
    let records: Record<string, string>[];
    try {
      records = parse(strFromU8(bytes), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
    } catch (err) {
      throw new TabularFormatError('bad_csv', `${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const props = hsdsSchema(name).properties;
    const required = new Set(hsdsSchema(name).required ?? []);
    tables.set(
      name,
      records.map((r) => {
        const row: HsdsObject = {};
        for (const [k, v] of Object.entries(r)) {
          if (!(k in props) || (v === '' && !(required.has(k) && props[k]?.type === 'string'))) continue;
          const type = props[k]?.type;
          // A number that is not one stays a string, so schema validation names the field.
          row[k] = type === 'number' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
        }
        return row;
      }),
    );
  }
  if (!tables.has('service') && !tables.has('organization')) throw new TabularFormatError('no_tables');
  return tables;
}

/**
 * Nests the rows of a package into HSDS objects by their foreign keys: the same shape as the JSON export
 * (organizations, services, locations, taxonomies, taxonomy_terms).
 */
export function nestTables(tables: Tables): { organizations: HsdsObject[]; services: HsdsObject[]; locations: HsdsObject[]; taxonomies: HsdsObject[]; taxonomy_terms: HsdsObject[] } {
  const rows = (n: HsdsSchemaName) => tables.get(n) ?? [];
  const index = new Map<string, HsdsObject>();
  const keyOf = (n: string, id: unknown) => `${n}:${String(id)}`;
  const copy = (n: HsdsSchemaName) => rows(n).map((r) => ({ ...r }));
  const organizations = copy('organization');
  const services = copy('service');
  const locations = copy('location');
  const sals = copy('service_at_location');
  const contacts = copy('contact');
  const phones = copy('phone');
  for (const [n, list] of [
    ['organization', organizations],
    ['service', services],
    ['location', locations],
    ['service_at_location', sals],
    ['contact', contacts],
    ['phone', phones],
  ] as const)
    for (const o of list) index.set(keyOf(n, o.id), o);
  const push = (parent: HsdsObject | undefined, field: string, child: HsdsObject): boolean => {
    if (!parent) return false;
    const list = (parent[field] as HsdsObject[] | undefined) ?? [];
    list.push(child);
    parent[field] = list;
    return true;
  };
  const attach = (child: HsdsObject, field: string, owners: [string, string][]): void => {
    for (const [fk, n] of owners) {
      if (child[fk] !== undefined && push(index.get(keyOf(n, child[fk])), field, child)) return;
    }
  };
  for (const l of copy('language')) attach(l, 'languages', [['phone_id', 'phone'], ['service_id', 'service'], ['location_id', 'location']]);
  for (const p of phones) attach(p, 'phones', [['contact_id', 'contact'], ['service_at_location_id', 'service_at_location'], ['service_id', 'service'], ['location_id', 'location'], ['organization_id', 'organization']]);
  for (const c of contacts) attach(c, 'contacts', [['service_at_location_id', 'service_at_location'], ['service_id', 'service'], ['location_id', 'location'], ['organization_id', 'organization']]);
  for (const s of copy('schedule')) attach(s, 'schedules', [['service_at_location_id', 'service_at_location'], ['service_id', 'service'], ['location_id', 'location']]);
  for (const s of sals) attach(s, 'service_at_locations', [['service_id', 'service']]);
  for (const a of copy('address')) attach(a, 'addresses', [['location_id', 'location']]);
  for (const a of copy('accessibility')) attach(a, 'accessibility', [['location_id', 'location']]);
  for (const a of copy('service_area')) attach(a, 'service_areas', [['service_id', 'service']]);
  for (const d of copy('required_document')) attach(d, 'required_documents', [['service_id', 'service']]);
  for (const c of copy('cost_option')) attach(c, 'cost_options', [['service_id', 'service']]);
  for (const a of copy('attribute')) {
    const entity = typeof a.link_entity === 'string' ? a.link_entity : 'service';
    push(index.get(keyOf(entity, a.link_id)), 'attributes', a);
  }
  return { organizations, services, locations, taxonomies: copy('taxonomy'), taxonomy_terms: copy('taxonomy_term') };
}
