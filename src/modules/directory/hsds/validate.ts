/**
 * Validation against the official HSDS 3.0 JSON Schemas (./schema: copies of openreferral/specification 3.0,
 * CC BY-SA 4.0). The files refer to each other by file name ("$ref": "phone.json"); they are registered under one
 * base URI so Ajv resolves those references. They carry extra keywords (core, datapackage_metadata, constraints,
 * example, …), hence `strict: false`.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** The HSDS object schemas we read or write (file name without .json). */
export const HSDS_SCHEMAS = [
  'accessibility',
  'address',
  'attribute',
  'contact',
  'cost_option',
  'funding',
  'language',
  'location',
  'meta_table_description',
  'metadata',
  'organization',
  'organization_identifier',
  'phone',
  'program',
  'required_document',
  'schedule',
  'service',
  'service_area',
  'service_at_location',
  'taxonomy',
  'taxonomy_term',
] as const;
export type HsdsSchemaName = (typeof HSDS_SCHEMAS)[number];

const BASE = 'https://wegweiser.invalid/hsds-3.0/';

export type HsdsSchemaProperty = { type?: string; format?: string; enum?: string[]; $ref?: string; items?: { $ref?: string } };
export type HsdsSchemaFile = {
  name: string;
  path: string;
  properties: Record<string, HsdsSchemaProperty>;
  required?: string[];
  datapackage_metadata?: { order?: number };
};

const files = new Map<HsdsSchemaName, HsdsSchemaFile>();
/** The parsed schema file (cached). */
export function hsdsSchema(name: HsdsSchemaName): HsdsSchemaFile {
  let file = files.get(name);
  if (!file) {
    file = JSON.parse(readFileSync(new URL(`./schema/${name}.json`, import.meta.url), 'utf8')) as HsdsSchemaFile;
    files.set(name, file);
  }
  return file;
}

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
const validators = new Map<HsdsSchemaName, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  const a = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(a);
  for (const name of HSDS_SCHEMAS) a.addSchema({ ...hsdsSchema(name), $id: `${BASE}${name}.json` });
  ajv = a;
  return a;
}

/** The compiled validator of one HSDS object schema (nested objects are checked through their $refs). */
export function hsdsValidator(name: HsdsSchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    const found = instance().getSchema(`${BASE}${name}.json`);
    if (!found) throw new Error(`HSDS schema ${name} missing`);
    v = found;
    validators.set(name, v);
  }
  return v;
}

export type HsdsProblem = { path: string; message: string };

function describe(e: ErrorObject): HsdsProblem {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(record)';
  if (e.keyword === 'required') return { path: e.params.missingProperty ? `${e.instancePath.replace(/^\//, '').replace(/\//g, '.')}${e.instancePath ? '.' : ''}${String(e.params.missingProperty)}` : path, message: 'required field missing' };
  if (e.keyword === 'format') return { path, message: `not a valid ${String(e.params.format)}` };
  if (e.keyword === 'enum') return { path, message: `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}` };
  if (e.keyword === 'type') return { path, message: `must be of type ${String(e.params.type)}` };
  return { path, message: e.message ?? e.keyword };
}

/** Problems of one object against an HSDS schema; an empty list means valid. */
export function validateHsds(name: HsdsSchemaName, value: unknown): HsdsProblem[] {
  const v = hsdsValidator(name);
  if (v(value)) return [];
  return (v.errors ?? []).map(describe);
}
