/**
 * Segments: page HTML split into translation units, the common currency of the translation memory, machine
 * translation and XLIFF.
 *
 * `segmentHtml` parses sanitised HTML (htmlparser2) and splits it into a skeleton (the block structure: p, headings,
 * lists, tables, figures, blockquotes, contact cards) and units: one per run of inline content that has text — a
 * paragraph, a heading, a list item (up to a nested list), a table cell, a caption, a figcaption, a paragraph of a
 * quote or card. Inside a unit, inline markup becomes inline codes: paired codes (`pc`: strong, em, u, s, sub, sup,
 * a, span, bdi …) around text, and placeholders (`ph`: br, img). Each code keeps its original markup (the opening
 * and closing tag with all attributes), so links and language spans survive translation unchanged.
 *
 * `toTaggedText` writes a unit as plain text with numbered markers — `<1>bold</1>`, `<2/>` — with `&`, `<`, `>`
 * escaped, which is what the translation memory stores and machine translation sees; `fromTaggedText` reads a
 * translation back against the source unit's codes. `assembleHtml` puts translated units into the skeleton; the
 * result goes through sanitizeRichText again when saved.
 *
 * The serialiser writes what sanitize-html writes (text escapes & < >, attribute values also ", void elements as
 * `<br />`), so for sanitised HTML `assembleHtml(skeleton, units)` with the untouched units is the input again.
 */
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** A paired inline code: markup around text (strong, em, a, span …). */
export type InlineSpan = {
  kind: 'pc';
  /** Unique within the unit: "1", "2" … in document order. */
  id: string;
  tag: string;
  /** The opening tag as HTML, attributes included (`<a href="…">`). */
  start: string;
  /** The closing tag as HTML (`</a>`). */
  end: string;
  children: InlineNode[];
};

/** A standalone inline code: an element without text (br, img). */
export type InlinePlaceholder = {
  kind: 'ph';
  id: string;
  tag: string;
  /** The element as HTML (`<br />`, `<img src="…" alt="…" loading="lazy" />`). */
  data: string;
};

export type InlineNode = string | InlineSpan | InlinePlaceholder;
/** The content of a unit: text with inline codes. */
export type InlineContent = InlineNode[];

/** One translation unit: "u1", "u2" … in document order. */
export type Segment = { id: string; source: InlineContent };

/** HTML between units, and the places where units go. */
export type SkeletonPart = string | { unit: string };
export type Skeleton = SkeletonPart[];

export type SegmentedHtml = { skeleton: Skeleton; units: Segment[] };

/** A code of a unit, flat (for comparing source and translation). */
export type InlineCode = { id: string; kind: 'pc' | 'ph'; tag: string; data: string };

export type InlineCodeErrorCode = 'malformed' | 'unknown_code' | 'duplicate_code' | 'missing_code' | 'code_kind';

/** A translation whose markers do not fit the source unit. */
export class InlineCodeError extends Error {
  constructor(
    readonly code: InlineCodeErrorCode,
    readonly codeId: string | null = null,
  ) {
    super(codeId === null ? code : `${code}: ${codeId}`);
    this.name = 'InlineCodeError';
  }
}

const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption', 'aside', 'div', 'section', 'article', 'header', 'footer', 'pre',
  'dl', 'dt', 'dd', 'hr', 'address', 'colgroup', 'col',
]);
const VOID_TAGS = new Set(['img', 'br', 'hr', 'area', 'base', 'basefont', 'input', 'link', 'meta', 'col', 'wbr', 'source', 'track', 'embed', 'param']);
/** Raw text elements (never in sanitised HTML): kept in the skeleton as they are. */
const RAW_TAGS = new Set(['script', 'style']);

// ---------- serialising (as sanitize-html does) ----------

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function openTag(el: Element): string {
  let out = `<${el.name}`;
  for (const [name, value] of Object.entries(el.attribs)) out += value === '' ? ` ${name}=""` : ` ${name}="${escapeAttribute(value)}"`;
  return out + (VOID_TAGS.has(el.name) ? ' />' : '>');
}

function closeTag(el: Element): string {
  return VOID_TAGS.has(el.name) ? '' : `</${el.name}>`;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function serializeNode(node: AnyNode): string {
  if (node.type === 'text') return escapeText(node.data);
  if (node.type === 'comment') return `<!--${node.data}-->`;
  if (node.type === 'directive') return `<${node.data}>`;
  if (node.type === 'cdata') return node.children.map(serializeNode).join('');
  if (!isElement(node)) return '';
  if (RAW_TAGS.has(node.name)) return openTag(node) + node.children.map((c) => (c.type === 'text' ? c.data : '')).join('') + closeTag(node);
  return openTag(node) + node.children.map(serializeNode).join('') + closeTag(node);
}

// ---------- splitting ----------

function hasText(nodes: AnyNode[]): boolean {
  return nodes.some((n) => (n.type === 'text' ? /\S/.test(n.data) : isElement(n) && !RAW_TAGS.has(n.name) && hasText(n.children)));
}

function isBlock(node: AnyNode): boolean {
  return isElement(node) && (BLOCK_TAGS.has(node.name) || RAW_TAGS.has(node.name));
}

/** Inline DOM nodes → inline content, numbering codes through `next`. */
function toInline(nodes: AnyNode[], next: { id: number }): InlineContent {
  const out: InlineContent = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const last = out.at(-1);
      if (typeof last === 'string') out[out.length - 1] = last + node.data;
      else out.push(node.data);
    } else if (isElement(node)) {
      const id = String(next.id++);
      if (VOID_TAGS.has(node.name)) out.push({ kind: 'ph', id, tag: node.name, data: openTag(node) });
      else out.push({ kind: 'pc', id, tag: node.name, start: openTag(node), end: closeTag(node), children: toInline(node.children, next) });
    }
    // comments and other node types inside a unit are dropped
  }
  return out;
}

/** Splits HTML into a skeleton and translation units (see the module comment). */
export function segmentHtml(html: string): SegmentedHtml {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const skeleton: Skeleton = [];
  const units: Segment[] = [];
  const emit = (s: string) => {
    if (s === '') return;
    const last = skeleton.at(-1);
    if (typeof last === 'string') skeleton[skeleton.length - 1] = last + s;
    else skeleton.push(s);
  };

  const flush = (run: AnyNode[]) => {
    if (run.length === 0) return;
    if (!hasText(run)) {
      for (const n of run) emit(serializeNode(n));
      return;
    }
    // Whitespace at the edges of a run stays in the skeleton.
    const content = toInline(run, { id: 1 });
    let lead = '';
    let trail = '';
    const first = content[0];
    if (typeof first === 'string') {
      lead = /^\s*/.exec(first)?.[0] ?? '';
      content[0] = first.slice(lead.length);
      if (content[0] === '') content.shift();
    }
    const last = content.at(-1);
    if (typeof last === 'string') {
      trail = /\s*$/.exec(last)?.[0] ?? '';
      content[content.length - 1] = last.slice(0, last.length - trail.length);
      if (content.at(-1) === '') content.pop();
    }
    const id = `u${units.length + 1}`;
    units.push({ id, source: content });
    emit(escapeText(lead));
    skeleton.push({ unit: id });
    emit(escapeText(trail));
  };

  const walk = (children: AnyNode[]) => {
    let run: AnyNode[] = [];
    for (const child of children) {
      if (isBlock(child) && isElement(child)) {
        flush(run);
        run = [];
        if (RAW_TAGS.has(child.name)) {
          emit(serializeNode(child));
          continue;
        }
        emit(openTag(child));
        walk(child.children);
        emit(closeTag(child));
      } else if (child.type === 'comment' || child.type === 'directive') {
        flush(run);
        run = [];
        emit(serializeNode(child));
      } else {
        run.push(child);
      }
    }
    flush(run);
  };
  walk(doc.children);
  return { skeleton, units };
}

/** The units of some HTML (the skeleton thrown away). */
export function segmentUnits(html: string): Segment[] {
  return segmentHtml(html).units;
}

/** Inline content as HTML (codes as their original markup). */
export function inlineToHtml(content: InlineContent): string {
  return content.map((n) => (typeof n === 'string' ? escapeText(n) : n.kind === 'ph' ? n.data : n.start + inlineToHtml(n.children) + n.end)).join('');
}

/** The text of a unit without any codes (for word counts and search). */
export function inlineToPlainText(content: InlineContent): string {
  return content.map((n) => (typeof n === 'string' ? n : n.kind === 'ph' ? (n.tag === 'br' ? '\n' : '') : inlineToPlainText(n.children))).join('');
}

/**
 * Rebuilds HTML from a skeleton and the content of each unit (translated or not). A unit missing from `units`
 * throws; callers decide before whether a page is complete.
 */
export function assembleHtml(skeleton: Skeleton, units: ReadonlyMap<string, InlineContent> | Readonly<Record<string, InlineContent>>): string {
  const get = (id: string): InlineContent | undefined => (units instanceof Map ? units.get(id) : (units as Readonly<Record<string, InlineContent>>)[id]);
  return skeleton
    .map((part) => {
      if (typeof part === 'string') return part;
      const content = get(part.unit);
      if (content === undefined) throw new Error(`assembleHtml: no content for unit ${part.unit}`);
      return inlineToHtml(content);
    })
    .join('');
}

// ---------- codes ----------

/** The codes of a unit in document order. */
export function inlineCodes(content: InlineContent): InlineCode[] {
  const out: InlineCode[] = [];
  const visit = (nodes: InlineContent) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.kind === 'ph') out.push({ id: n.id, kind: 'ph', tag: n.tag, data: n.data });
      else {
        out.push({ id: n.id, kind: 'pc', tag: n.tag, data: n.start + n.end });
        visit(n.children);
      }
    }
  };
  visit(content);
  return out;
}

/** True when both contents have the same codes with the same markup (order may differ: translations reorder). */
export function sameInlineCodes(a: InlineContent, b: InlineContent): boolean {
  const key = (c: InlineCode) => `${c.id}\u0000${c.kind}\u0000${c.data}`;
  const ka = inlineCodes(a).map(key).sort();
  const kb = inlineCodes(b).map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** Codes of `source` that `translation` lacks. */
export function missingInlineCodes(source: InlineContent, translation: InlineContent): string[] {
  const have = new Set(inlineCodes(translation).map((c) => c.id));
  return inlineCodes(source)
    .map((c) => c.id)
    .filter((id) => !have.has(id));
}

// ---------- tagged text ----------

function escapeTagged(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A unit as text with numbered markers: `Ein <1>wichtiger</1> Satz.<2/>` (& < > escaped). */
export function toTaggedText(content: InlineContent): string {
  return content.map((n) => (typeof n === 'string' ? escapeTagged(n) : n.kind === 'ph' ? `<${n.id}/>` : `<${n.id}>${toTaggedText(n.children)}</${n.id}>`)).join('');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeTaggedEntity(name: string): string | undefined {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  const m = /^#(?:x([0-9a-f]{1,6})|([0-9]{1,7}))$/i.exec(name);
  if (!m) return undefined;
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : undefined;
}

type TaggedFrame = { span: InlineSpan | null; children: InlineContent };

/**
 * Reads tagged text (a translation of `source`) back into inline content, taking each code's markup from the
 * source. Throws InlineCodeError for a marker the source does not have, a marker used twice, markers that do not
 * nest, a placeholder written as a pair (or the other way round), a stray `<` or `&`, and — unless
 * `allowMissing` — a source code the translation left out.
 */
export function fromTaggedText(tagged: string, source: InlineContent, opts: { allowMissing?: boolean } = {}): InlineContent {
  const codes = inlineCodeMap(source);
  return buildFromMarkers(scanTagged(tagged), codes, opts.allowMissing === true);
}

/** A token of tagged text (or of an XLIFF target): text, or a marker. */
export type InlineToken = { type: 'text'; text: string } | { type: 'open' | 'close' | 'ph'; id: string };

function scanTagged(tagged: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let text = '';
  let i = 0;
  while (i < tagged.length) {
    const c = tagged[i];
    if (c === '<') {
      const end = tagged.indexOf('>', i);
      const inner = end < 0 ? '' : tagged.slice(i + 1, end);
      const m = /^(\/)?([0-9]{1,4})(\/)?$/.exec(inner);
      if (!m || (m[1] && m[3])) throw new InlineCodeError('malformed');
      const id = m[2] ?? '';
      if (text) tokens.push({ type: 'text', text });
      text = '';
      tokens.push({ type: m[1] ? 'close' : m[3] ? 'ph' : 'open', id });
      i = end + 1;
    } else if (c === '&') {
      const end = tagged.indexOf(';', i);
      const decoded = end < 0 || end - i > 12 ? undefined : decodeTaggedEntity(tagged.slice(i + 1, end));
      if (decoded === undefined) throw new InlineCodeError('malformed');
      text += decoded;
      i = end + 1;
    } else {
      text += c;
      i += 1;
    }
  }
  if (text) tokens.push({ type: 'text', text });
  return tokens;
}

/**
 * Builds inline content from a token stream whose codes refer to `codes` by id (shared by tagged text and the
 * XLIFF readers). Checks nesting, unknown and repeated codes, kinds, and — unless `allowMissing` — completeness.
 */
export function buildFromMarkers(tokens: InlineToken[], codes: ReadonlyMap<string, InlinePlaceholder | InlineSpan>, allowMissing: boolean): InlineContent {
  const used = new Set<string>();
  const stack: TaggedFrame[] = [{ span: null, children: [] }];
  const top = (): TaggedFrame => {
    const frame = stack.at(-1);
    if (!frame) throw new InlineCodeError('malformed');
    return frame;
  };
  const use = (id: string, kind: 'pc' | 'ph') => {
    const code = codes.get(id);
    if (!code) throw new InlineCodeError('unknown_code', id);
    if (code.kind !== kind) throw new InlineCodeError('code_kind', id);
    if (used.has(id)) throw new InlineCodeError('duplicate_code', id);
    used.add(id);
    return code;
  };
  for (const token of tokens) {
    const frame = top();
    if (token.type === 'text') {
      const last = frame.children.at(-1);
      if (typeof last === 'string') frame.children[frame.children.length - 1] = last + token.text;
      else frame.children.push(token.text);
    } else if (token.type === 'ph') {
      const code = use(token.id, 'ph');
      if (code.kind === 'ph') frame.children.push({ ...code });
    } else if (token.type === 'open') {
      const code = use(token.id, 'pc');
      if (code.kind !== 'pc') continue;
      const span: InlineSpan = { kind: 'pc', id: code.id, tag: code.tag, start: code.start, end: code.end, children: [] };
      frame.children.push(span);
      stack.push({ span, children: span.children });
    } else {
      if (frame.span === null || frame.span.id !== token.id) throw new InlineCodeError('malformed', token.id);
      stack.pop();
    }
  }
  if (stack.length !== 1) throw new InlineCodeError('malformed', top().span?.id ?? null);
  if (!allowMissing) {
    for (const id of codes.keys()) if (!used.has(id)) throw new InlineCodeError('missing_code', id);
  }
  return top().children;
}

/** The codes of a unit by id (for `buildFromMarkers`). */
export function inlineCodeMap(content: InlineContent): Map<string, InlinePlaceholder | InlineSpan> {
  const codes = new Map<string, InlinePlaceholder | InlineSpan>();
  const collect = (nodes: InlineContent) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      codes.set(n.id, n);
      if (n.kind === 'pc') collect(n.children);
    }
  };
  collect(content);
  return codes;
}

// ---------- pairs ----------

/** The skeleton as a comparable string (units as placeholders). */
export function skeletonKey(skeleton: Skeleton): string {
  return skeleton.map((p) => (typeof p === 'string' ? p : `\u0000${p.unit}\u0000`)).join('');
}

/**
 * Source and translation units side by side, when both texts have the same block structure (same skeleton) —
 * what a translation saved from an export, the editor's side-by-side view or the translation memory can rely on.
 * Returns null when the structures differ (a paragraph added on one side); pairs whose codes differ keep both.
 */
export function alignUnits(sourceHtml: string, targetHtml: string): { id: string; source: InlineContent; target: InlineContent }[] | null {
  const source = segmentHtml(sourceHtml);
  const target = segmentHtml(targetHtml);
  if (skeletonKey(source.skeleton) !== skeletonKey(target.skeleton)) return null;
  const byId = new Map(target.units.map((u) => [u.id, u.source]));
  return source.units.map((u) => ({ id: u.id, source: u.source, target: byId.get(u.id) ?? [] }));
}
