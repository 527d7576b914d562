import { z } from 'zod';

// Turns the generated OpenAPI document into what the docs page shows. The document is our own, but it crosses
// a boundary (a plugin builds it), so it is read through a loose schema rather than trusted.

const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    description: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    required: z.array(z.string()).optional(),
    items: jsonSchema.optional(),
    anyOf: z.array(jsonSchema).optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    pattern: z.string().optional(),
    example: z.unknown().optional(),
    examples: z.array(z.unknown()).optional(),
  }),
);
export type JsonSchema = {
  type?: string | string[] | undefined;
  description?: string | undefined;
  enum?: unknown[] | undefined;
  properties?: Record<string, JsonSchema> | undefined;
  required?: string[] | undefined;
  items?: JsonSchema | undefined;
  anyOf?: JsonSchema[] | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  pattern?: string | undefined;
  example?: unknown;
  examples?: unknown[] | undefined;
};

const content = z.record(z.string(), z.looseObject({ schema: jsonSchema.optional() })).optional();
const operation = z.looseObject({
  summary: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  parameters: z
    .array(z.looseObject({ name: z.string(), in: z.string(), required: z.boolean().optional(), description: z.string().optional(), schema: jsonSchema.optional() }))
    .optional(),
  requestBody: z.looseObject({ content }).optional(),
  responses: z.record(z.string(), z.looseObject({ description: z.string().optional(), content })).optional(),
});
const document = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export type DocField = { name: string; type: string; required: boolean; constraints: string; description: string };
export type DocOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  secured: boolean;
  parameters: { name: string; in: string; required: boolean; type: string; description: string }[];
  bodyFields: DocField[];
  responseFields: DocField[];
  responses: { status: string; description: string }[];
  curl: string;
};
export type ApiDocs = { title: string; version: string; description: string; openapi: string; operations: DocOperation[] };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A readable type name of a schema: `string`, `integer`, `array of string`, `one of: a, b`. */
export function typeName(s: JsonSchema | undefined): string {
  if (!s) return '';
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeName).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? '');
  if (type === 'array') return `${typeName(s.items)}[]`;
  return type;
}

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined) parts.push(`minLength ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`maxLength ${s.maxLength}`);
  if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${s.maximum}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  return parts.join(', ');
}

function fields(s: JsonSchema | undefined): DocField[] {
  const target = s?.type === 'array' ? s.items : s;
  if (!target?.properties) return [];
  const required = new Set(target.required ?? []);
  return Object.entries(target.properties).map(([name, p]) => ({
    name,
    type: typeName(p),
    required: required.has(name),
    constraints: constraints(p),
    description: p.description ?? p.anyOf?.find((a) => a.description)?.description ?? '',
  }));
}

/** An example value for a schema (used for the curl examples). */
export function exampleFor(s: JsonSchema | undefined, name = ''): unknown {
  if (!s) return null;
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return exampleFor(s.anyOf.find((a) => a.type !== 'null') ?? s.anyOf[0], name);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    const required = new Set(s.required ?? []);
    for (const [key, p] of Object.entries(s.properties ?? {})) if (required.has(key)) out[key] = exampleFor(p, key);
    return out;
  }
  if (type === 'array') return [exampleFor(s.items, name)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  const byName: Record<string, string> = { slug: 'beispielstadt', name: 'Beispielstadt', sourceLanguage: 'de', languages: 'de', timezone: 'Europe/Berlin' };
  return byName[name] ?? 'text';
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The operations of an OpenAPI document, with field tables and a curl example each. */
export function apiDocsFrom(raw: unknown, baseUrl: string): ApiDocs {
  const doc = document.parse(raw);
  const operations: DocOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!(method in methods)) continue;
      const op = operation.parse(methods[method]);
      const params = (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, type: typeName(p.schema), description: p.description ?? p.schema?.description ?? '' }));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const okStatus = Object.keys(op.responses ?? {}).find((s) => s.startsWith('2'));
      const okSchema = okStatus ? op.responses?.[okStatus]?.content?.['application/json']?.schema : undefined;
      const secured = (op.security ?? []).length > 0;
      const url = baseUrl.replace(/\/$/, '') + path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'slug' ? 'landkreis-beispiel' : name));
      const curl = [
        `curl -sS${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} ${shellQuote(url)}`,
        ...(secured ? [`  -H ${shellQuote('Authorization: Bearer ww_xxxxxxxx_…')}`] : []),
        ...(bodySchema ? [`  -H ${shellQuote('Content-Type: application/json')}`, `  -d ${shellQuote(JSON.stringify(exampleFor(bodySchema)))}`] : []),
      ].join(' \\\n');
      operations.push({
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, ''),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        tags: op.tags ?? [],
        secured,
        parameters: params,
        bodyFields: fields(bodySchema),
        responseFields: fields(okSchema),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? '' })),
        curl,
      });
    }
  }
  return { title: doc.info.title, version: doc.info.version, description: doc.info.description ?? '', openapi: doc.openapi, operations };
}
