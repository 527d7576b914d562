/**
 * Schema validation of XLIFF files against the OASIS XSDs in ./schemas (copies of the published schemas, notices
 * kept), with libxml2 compiled to WebAssembly (xmllint-wasm): no native build, and no network or disk access from
 * the validator — the schemas are handed to it in memory.
 */
import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';
import { detectVersion, parseXmlDocument, readXliffDocument, XliffFormatError, type ParsedXliff, type XliffMessage, type XliffVersion } from './codec.js';

/** How many messages an error shows at most. */
export const MAX_MESSAGES = 10;

const SCHEMA_FILES: Record<XliffVersion, string> = { '2.1': 'xliff-core-2.0.xsd', '1.2': 'xliff-core-1.2-strict.xsd' };
const schemaCache = new Map<string, Promise<string>>();

function schemaText(name: string): Promise<string> {
  let cached = schemaCache.get(name);
  if (!cached) {
    cached = readFile(new URL(`./schemas/${name}`, import.meta.url), 'utf8');
    schemaCache.set(name, cached);
  }
  return cached;
}

/** Validates XML against the XLIFF schema of `version`: the first messages, with line numbers; [] when valid. */
export async function validateXliff(xml: string, version: XliffVersion): Promise<XliffMessage[]> {
  const [schema, xmlXsd] = await Promise.all([schemaText(SCHEMA_FILES[version]), schemaText('xml.xsd')]);
  const result = await validateXML({
    xml: [{ fileName: 'import.xlf', contents: xml }],
    schema: [schema],
    preload: [{ fileName: 'xml.xsd', contents: xmlXsd }],
    // 64 KiB pages: up to 512 MiB for large files (10 MB of XLIFF and its DOM).
    maxMemoryPages: 8192,
  });
  if (result.valid) return [];
  return result.errors.slice(0, MAX_MESSAGES).map((e) => ({ line: e.loc?.lineNumber ?? 0, message: e.message.replace(/^.*?Schemas validity error : /, '') }));
}

/**
 * Reads an uploaded XLIFF file: well-formed XML without DOCTYPE, an XLIFF 2.0/2.1 or 1.2 root, valid against the
 * schema. Throws XliffFormatError with the first messages otherwise.
 */
export async function readXliff(xml: string): Promise<ParsedXliff> {
  const root = parseXmlDocument(xml);
  const version = detectVersion(root);
  const messages = await validateXliff(xml.replace(/^\uFEFF/, ''), version);
  if (messages.length) throw new XliffFormatError('invalid', messages);
  return readXliffDocument(root);
}
