/**
 * XLIFF 2.1 and 1.2: writing an export and reading an import. Pure functions, no database.
 *
 * One `<file>` per page (`original="page:<uuid>"`) with notes for the page's source title, its address, and the
 * facts the import checks: the source revision and the sha256 of the source HTML that were exported, and the
 * translation's latest revision at export time. One unit per segment (see guide/segments.ts) plus a unit "title".
 *
 * Inline markup travels as codes: in 2.1 `<pc>`/`<ph>` with the original HTML in `<originalData>`, in 1.2
 * `<g>`/`<x/>` with a `ctype`. On import a code only refers to the source unit's code of the same id; markup is
 * always taken from the current source text, never from the file.
 *
 * Reading: @xmldom/xmldom (a namespace-aware DOM with line numbers; mixed content — text between inline codes — is
 * natural in a DOM, which is why it was chosen over fast-xml-parser). A DOCTYPE (and so any entity declaration) is
 * refused before the file reaches anything else, so there is no XXE and no entity expansion. Then the file is
 * validated against the OASIS schemas (see validate.ts).
 */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { type InlineContent, type InlineToken } from '../../guide/index.js';

export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF_VERSIONS = ['2.1', '1.2'] as const;
export type XliffVersion = (typeof XLIFF_VERSIONS)[number];
/** The id of the unit that carries the page title. */
export const TITLE_UNIT = 'title';

export type XliffUnitData = { id: string; source: InlineContent; target: InlineContent | null };
export type XliffFileData = {
  pageId: string;
  /** The source title (as a note, for people). */
  title: string;
  url: string;
  sourceRevision: number;
  sourceHash: string;
  /** The translation's latest revision number (drafts included) at export; 0 when there is none. */
  targetRevision: number;
  units: XliffUnitData[];
};
export type XliffDocumentData = {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  /** Writing directions, so CAT tools show right-to-left text right (XLIFF 2 `srcDir`/`trgDir`). */
  sourceDirection?: 'ltr' | 'rtl';
  targetDirection?: 'ltr' | 'rtl';
  files: XliffFileData[];
};

export type ParsedUnit = { id: string; line: number; source: InlineToken[]; target: InlineToken[] | null };
export type ParsedFile = {
  original: string;
  line: number;
  pageId: string | null;
  sourceRevision: number | null;
  sourceHash: string | null;
  targetRevision: number | null;
  units: ParsedUnit[];
};
export type ParsedXliff = { version: XliffVersion; sourceLanguage: string; targetLanguage: string | null; files: ParsedFile[] };

/** A message about a file, with its line (0 when unknown). */
export type XliffMessage = { line: number; message: string };

/** The file is not well-formed XML, has a DOCTYPE, is no XLIFF, or breaks the schema. */
export class XliffFormatError extends Error {
  constructor(
    readonly code: 'malformed' | 'doctype' | 'not_xliff' | 'invalid',
    readonly messages: XliffMessage[],
  ) {
    super(`${code}: ${messages.map((m) => `${m.line}: ${m.message}`).join('; ')}`);
    this.name = 'XliffFormatError';
  }
}

const NOTE_SOURCE_REVISION = 'source-revision';
const NOTE_SOURCE_HASH = 'source-hash';
const NOTE_TARGET_REVISION = 'target-revision';
const PAGE_ORIGINAL = /^page:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

// ---------- writing ----------

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Text for XLIFF 2: characters XML cannot hold become `<cp hex="…"/>`. */
function xliff2Text(s: string): string {
  let out = '';
  let plain = '';
  for (const ch of s) {
    if (ch.match(NOT_XML_CHAR)) {
      out += escapeXmlText(plain) + `<cp hex="${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}"/>`;
      plain = '';
    } else plain += ch;
  }
  return out + escapeXmlText(plain);
}

const attrs = (pairs: [string, string | number | null | undefined][]) =>
  pairs
    .filter((p): p is [string, string | number] => p[1] !== null && p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');

function codeType2(tag: string): string {
  return tag === 'a' ? 'link' : tag === 'img' ? 'image' : 'fmt';
}

function inline2(content: InlineContent): string {
  return content
    .map((n) => {
      if (typeof n === 'string') return xliff2Text(n);
      if (n.kind === 'ph') return `<ph${attrs([['id', n.id], ['dataRef', `d${n.id}`], ['type', codeType2(n.tag)]])}/>`;
      return `<pc${attrs([['id', n.id], ['dataRefStart', `d${n.id}`], ['dataRefEnd', `d${n.id}e`], ['type', codeType2(n.tag)]])}>${inline2(n.children)}</pc>`;
    })
    .join('');
}

function originalData(content: InlineContent): string {
  const out: string[] = [];
  const visit = (nodes: InlineContent) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.kind === 'ph') out.push(`<data id="d${n.id}">${escapeXmlText(n.data)}</data>`);
      else {
        out.push(`<data id="d${n.id}">${escapeXmlText(n.start)}</data>`, `<data id="d${n.id}e">${escapeXmlText(n.end)}</data>`);
        visit(n.children);
      }
    }
  };
  visit(content);
  return out.length ? `<originalData>${out.join('')}</originalData>` : '';
}

const CTYPES_12: Record<string, string> = { strong: 'bold', em: 'italic', u: 'underline', a: 'link', br: 'lb', img: 'image' };

function inline12(content: InlineContent): string {
  return content
    .map((n) => {
      if (typeof n === 'string') return escapeXmlText(n);
      const ctype = CTYPES_12[n.tag] ?? `x-html-${n.tag}`;
      if (n.kind === 'ph') return `<x${attrs([['id', n.id], ['ctype', ctype]])}/>`;
      return `<g${attrs([['id', n.id], ['ctype', ctype]])}>${inline12(n.children)}</g>`;
    })
    .join('');
}

function fileId(pageId: string): string {
  return `page-${pageId}`;
}

/** Serialises an export as XLIFF 2.1 or 1.2. */
export function writeXliff(doc: XliffDocumentData): string {
  return doc.version === '2.1' ? writeXliff2(doc) : writeXliff12(doc);
}

function writeXliff2(doc: XliffDocumentData): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff xmlns="${XLIFF2_NS}"${attrs([['version', '2.1'], ['srcLang', doc.sourceLanguage], ['trgLang', doc.targetLanguage]])}>`];
  for (const file of doc.files) {
    lines.push(`  <file${attrs([['id', fileId(file.pageId)], ['original', `page:${file.pageId}`], ['srcDir', doc.sourceDirection], ['trgDir', doc.targetDirection]])}>`);
    lines.push('    <notes>');
    lines.push(`      <note category="title">${escapeXmlText(file.title)}</note>`);
    lines.push(`      <note category="url">${escapeXmlText(file.url)}</note>`);
    lines.push(`      <note category="${NOTE_SOURCE_REVISION}">${file.sourceRevision}</note>`);
    lines.push(`      <note category="${NOTE_SOURCE_HASH}">${escapeXmlText(file.sourceHash)}</note>`);
    lines.push(`      <note category="${NOTE_TARGET_REVISION}">${file.targetRevision}</note>`);
    lines.push('    </notes>');
    for (const unit of file.units) {
      const state = unit.target ? ' state="translated"' : '';
      const target = unit.target ? `<target>${inline2(unit.target)}</target>` : '';
      lines.push(`    <unit${attrs([['id', unit.id]])} xml:space="preserve">${originalData(unit.source)}<segment${state}><source>${inline2(unit.source)}</source>${target}</segment></unit>`);
    }
    lines.push('  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

function writeXliff12(doc: XliffDocumentData): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff xmlns="${XLIFF12_NS}" version="1.2">`];
  for (const file of doc.files) {
    lines.push(`  <file${attrs([['original', `page:${file.pageId}`], ['source-language', doc.sourceLanguage], ['target-language', doc.targetLanguage], ['datatype', 'html']])}>`);
    lines.push('    <header>');
    lines.push(`      <note from="title">${escapeXmlText(file.title)}</note>`);
    lines.push(`      <note from="url">${escapeXmlText(file.url)}</note>`);
    lines.push(`      <note from="${NOTE_SOURCE_REVISION}">${file.sourceRevision}</note>`);
    lines.push(`      <note from="${NOTE_SOURCE_HASH}">${escapeXmlText(file.sourceHash)}</note>`);
    lines.push(`      <note from="${NOTE_TARGET_REVISION}">${file.targetRevision}</note>`);
    lines.push('    </header>');
    lines.push('    <body>');
    for (const unit of file.units) {
      const target = unit.target ? `<target state="translated">${inline12(unit.target)}</target>` : '';
      lines.push(`      <trans-unit${attrs([['id', unit.id]])} xml:space="preserve"><source>${inline12(unit.source)}</source>${target}</trans-unit>`);
    }
    lines.push('    </body>');
    lines.push('  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

// ---------- reading ----------

type LineNode = XmlNode & { lineNumber?: number };

function lineOf(node: XmlNode): number {
  return (node as LineNode).lineNumber ?? 0;
}

function elementChildren(el: XmlElement, ns: string, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const child = n as XmlElement;
      if (child.namespaceURI === ns && (name === undefined || child.localName === name)) out.push(child);
    }
  }
  return out;
}

function textOf(el: XmlElement): string {
  return el.textContent ?? '';
}

/** Parses the XML (well-formedness, no DOCTYPE) into a DOM; throws XliffFormatError. */
export function parseXmlDocument(xml: string): XmlElement {
  const messages: XliffMessage[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return;
        const line = (context as { locator?: { lineNumber?: number } } | undefined)?.locator?.lineNumber ?? 0;
        messages.push({ line, message: message.trim() });
      },
    }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number } }).locator;
    throw new XliffFormatError('malformed', [...messages, { line: locator?.lineNumber ?? 0, message: e instanceof Error ? e.message.split('\n')[0] ?? '' : 'parse error' }]);
  }
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 10) throw new XliffFormatError('doctype', [{ line: lineOf(n), message: 'DOCTYPE declarations are not accepted' }]);
  }
  if (doc.doctype) throw new XliffFormatError('doctype', [{ line: 0, message: 'DOCTYPE declarations are not accepted' }]);
  if (messages.length) throw new XliffFormatError('malformed', messages);
  const root = doc.documentElement;
  if (!root) throw new XliffFormatError('malformed', [{ line: 0, message: 'no root element' }]);
  const declaration = doc.firstChild;
  if (declaration && declaration.nodeType === 7 && declaration.nodeName === 'xml') {
    const encoding = /encoding\s*=\s*["']([^"']+)["']/i.exec((declaration as XmlNode & { data?: string }).data ?? '')?.[1];
    if (encoding && !/^utf-?8$/i.test(encoding)) throw new XliffFormatError('malformed', [{ line: 1, message: `encoding ${encoding} is not supported; save the file as UTF-8` }]);
  }
  return root as XmlElement;
}

/** The XLIFF version of a parsed root element; throws XliffFormatError('not_xliff'). */
export function detectVersion(root: XmlElement): XliffVersion {
  if (root.localName === 'xliff' && root.namespaceURI === XLIFF2_NS) {
    const v = root.getAttribute('version');
    if (v === '2.0' || v === '2.1') return '2.1';
    throw new XliffFormatError('not_xliff', [{ line: lineOf(root), message: `XLIFF version ${v ?? '?'} is not supported (2.0, 2.1 or 1.2)` }]);
  }
  if (root.localName === 'xliff' && root.namespaceURI === XLIFF12_NS) {
    if (root.getAttribute('version') === '1.2') return '1.2';
    throw new XliffFormatError('not_xliff', [{ line: lineOf(root), message: `XLIFF version ${root.getAttribute('version') ?? '?'} is not supported (2.0, 2.1 or 1.2)` }]);
  }
  throw new XliffFormatError('not_xliff', [{ line: lineOf(root), message: `the root element is {${root.namespaceURI ?? ''}}${root.localName ?? ''}, not an XLIFF 2 or 1.2 document` }]);
}

function toInt(s: string | null | undefined): number | null {
  return s !== null && s !== undefined && /^\s*\d{1,9}\s*$/.test(s) ? Number(s) : null;
}

function pushText(tokens: InlineToken[], text: string): void {
  if (text === '') return;
  const last = tokens.at(-1);
  if (last?.type === 'text') last.text += text;
  else tokens.push({ type: 'text', text });
}

/** Inline content of an XLIFF 2 source/target as tokens. */
function tokens2(el: XmlElement, out: InlineToken[] = []): InlineToken[] {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) pushText(out, (n as XmlNode & { data: string }).data);
    if (n.nodeType !== 1) continue;
    const c = n as XmlElement;
    if (c.namespaceURI !== XLIFF2_NS) continue;
    const id = c.getAttribute('id') ?? '';
    switch (c.localName) {
      case 'pc':
        out.push({ type: 'open', id });
        tokens2(c, out);
        out.push({ type: 'close', id });
        break;
      case 'ph':
        out.push({ type: 'ph', id });
        break;
      case 'sc':
        out.push({ type: 'open', id });
        break;
      case 'ec':
        out.push({ type: 'close', id: c.getAttribute('startRef') ?? id });
        break;
      case 'cp': {
        const cp = parseInt(c.getAttribute('hex') ?? '', 16);
        if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) pushText(out, String.fromCodePoint(cp));
        break;
      }
      case 'mrk':
        tokens2(c, out);
        break;
      default:
        break; // sm, em: annotations only
    }
  }
  return out;
}

/** Inline content of an XLIFF 1.2 source/target as tokens. */
function tokens12(el: XmlElement, out: InlineToken[] = [], pairs = new Map<string, string>()): InlineToken[] {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) pushText(out, (n as XmlNode & { data: string }).data);
    if (n.nodeType !== 1) continue;
    const c = n as XmlElement;
    if (c.namespaceURI !== XLIFF12_NS) continue;
    const id = c.getAttribute('id') ?? '';
    const rid = c.getAttribute('rid');
    switch (c.localName) {
      case 'g':
        out.push({ type: 'open', id });
        tokens12(c, out, pairs);
        out.push({ type: 'close', id });
        break;
      case 'x':
      case 'ph':
        out.push({ type: 'ph', id });
        break;
      case 'bx':
      case 'bpt':
        if (rid) pairs.set(rid, id);
        out.push({ type: 'open', id });
        break;
      case 'ex':
      case 'ept':
        out.push({ type: 'close', id: (rid ? pairs.get(rid) : undefined) ?? id });
        break;
      case 'mrk':
        tokens12(c, out, pairs);
        break;
      default:
        break; // it, sub: not produced by wegweiser
    }
  }
  return out;
}

function parsePageOriginal(original: string): string | null {
  return PAGE_ORIGINAL.exec(original.trim())?.[1]?.toLowerCase() ?? null;
}

function readNotes(notes: XmlElement[], attribute: 'category' | 'from'): Map<string, string> {
  const out = new Map<string, string>();
  for (const note of notes) {
    const key = note.getAttribute(attribute);
    if (key && !out.has(key)) out.set(key, textOf(note).trim());
  }
  return out;
}

function collectUnits(el: XmlElement, ns: string, unitName: string, groupName: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of elementChildren(el, ns)) {
    if (child.localName === unitName) out.push(child);
    else if (child.localName === groupName) collectUnits(child, ns, unitName, groupName, out);
  }
  return out;
}

function readXliff2(root: XmlElement): ParsedXliff {
  const files: ParsedFile[] = [];
  for (const file of elementChildren(root, XLIFF2_NS, 'file')) {
    const original = file.getAttribute('original') ?? '';
    const notes = readNotes(elementChildren(file, XLIFF2_NS, 'notes').flatMap((n) => elementChildren(n, XLIFF2_NS, 'note')), 'category');
    const units: ParsedUnit[] = [];
    for (const unit of collectUnits(file, XLIFF2_NS, 'unit', 'group')) {
      const source: InlineToken[] = [];
      let target: InlineToken[] | null = [];
      for (const part of elementChildren(unit, XLIFF2_NS)) {
        if (part.localName !== 'segment' && part.localName !== 'ignorable') continue;
        const s = elementChildren(part, XLIFF2_NS, 'source')[0];
        const t = elementChildren(part, XLIFF2_NS, 'target')[0];
        if (s) tokens2(s, source);
        if (t && target) tokens2(t, target);
        else if (part.localName === 'segment') target = null;
        else if (s && target) tokens2(s, target); // an ignorable without target keeps its source
      }
      units.push({ id: unit.getAttribute('id') ?? '', line: lineOf(unit), source, target });
    }
    files.push({
      original,
      line: lineOf(file),
      pageId: parsePageOriginal(original),
      sourceRevision: toInt(notes.get(NOTE_SOURCE_REVISION)),
      sourceHash: notes.get(NOTE_SOURCE_HASH) ?? null,
      targetRevision: toInt(notes.get(NOTE_TARGET_REVISION)),
      units,
    });
  }
  return { version: '2.1', sourceLanguage: root.getAttribute('srcLang') ?? '', targetLanguage: root.getAttribute('trgLang') || null, files };
}

function readXliff12(root: XmlElement): ParsedXliff {
  const files: ParsedFile[] = [];
  let sourceLanguage = '';
  let targetLanguage: string | null = null;
  const messages: XliffMessage[] = [];
  for (const file of elementChildren(root, XLIFF12_NS, 'file')) {
    const src = file.getAttribute('source-language') ?? '';
    const trg = file.getAttribute('target-language') || null;
    if (files.length === 0) {
      sourceLanguage = src;
      targetLanguage = trg;
    } else if (src !== sourceLanguage || trg !== targetLanguage) {
      messages.push({ line: lineOf(file), message: 'all <file> elements must have the same source-language and target-language' });
    }
    const original = file.getAttribute('original') ?? '';
    const header = elementChildren(file, XLIFF12_NS, 'header')[0];
    const notes = readNotes(header ? elementChildren(header, XLIFF12_NS, 'note') : [], 'from');
    const body = elementChildren(file, XLIFF12_NS, 'body')[0];
    const units: ParsedUnit[] = [];
    for (const unit of body ? collectUnits(body, XLIFF12_NS, 'trans-unit', 'group') : []) {
      const s = elementChildren(unit, XLIFF12_NS, 'source')[0];
      const t = elementChildren(unit, XLIFF12_NS, 'target')[0];
      units.push({ id: unit.getAttribute('id') ?? '', line: lineOf(unit), source: s ? tokens12(s) : [], target: t ? tokens12(t) : null });
    }
    files.push({
      original,
      line: lineOf(file),
      pageId: parsePageOriginal(original),
      sourceRevision: toInt(notes.get(NOTE_SOURCE_REVISION)),
      sourceHash: notes.get(NOTE_SOURCE_HASH) ?? null,
      targetRevision: toInt(notes.get(NOTE_TARGET_REVISION)),
      units,
    });
  }
  if (messages.length) throw new XliffFormatError('invalid', messages);
  return { version: '1.2', sourceLanguage, targetLanguage, files };
}

/** Reads the structure of a well-formed XLIFF root element (after validation). */
export function readXliffDocument(root: XmlElement): ParsedXliff {
  return detectVersion(root) === '2.1' ? readXliff2(root) : readXliff12(root);
}

/** Tokens as tagged text (see guide/segments.ts `toTaggedText`), to compare a file's source with ours. */
export function tokensToTagged(tokens: InlineToken[]): string {
  return tokens
    .map((t) => (t.type === 'text' ? t.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : t.type === 'open' ? `<${t.id}>` : t.type === 'close' ? `</${t.id}>` : `<${t.id}/>`))
    .join('');
}
