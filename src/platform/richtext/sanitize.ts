/**
 * Rich text: the one allow-list every stored HTML fragment passes through (guide pages, directory and event
 * descriptions). The server calls `sanitizeRichText` on every save; what it returns is the only HTML a template may
 * insert unescaped (see `SanitizedHtml` in render.tsx).
 *
 * What survives:
 * - blocks: p, h2, h3, h4 (h1 is the page title and becomes h2; h5/h6 become h4), ul, ol (start), li, blockquote,
 *   figure, figcaption;
 * - inline: strong, em, u, s, sub, sup, br (b/i/strike are renamed to strong/em/s), bdi, and span only while it
 *   carries dir or lang;
 * - links: a with href of http, https, mailto, tel or a relative path; protocol-relative (`//host`) is refused. A link
 *   whose href is refused keeps its text. No target, no rel (links open in the same tab).
 * - tables: table, caption, thead, tbody, tfoot, tr, th (scope), td; colspan/rowspan 1–50;
 * - images: img whose src is one of our own image variants, `/media/<uuid>/<width>.webp` (nothing else: no other
 *   path, no scheme, no `//`, no data:), optional srcset of such paths, sizes, width/height 1–10000, alt (an image
 *   without alt gets alt="" – the editor asks for it), and loading="lazy" always. An image without an acceptable
 *   src is removed.
 * - every element may carry dir (ltr/rtl/auto) and lang (a BCP 47 tag); a may carry hreflang.
 * - contact card, the one place a class is allowed:
 *
 *       <aside class="contact-card">
 *         <h3>Migrationsberatung</h3>
 *         <p>Bahnhofstraße 3<br>12345 Musterstadt</p>
 *         <p><a href="tel:+4912345678">01234 5678</a></p>
 *       </aside>
 *
 *   Inside a card only h3, p, ul, li, a, strong, em, br, span and bdi are kept (any heading becomes h3; anything else
 *   is unwrapped to its text). An aside without the contact-card class is unwrapped.
 *
 * - embed placeholder, the one place a div and data-* are allowed, at the top level only (what
 *   guide/embeds.ts replaces with live content, e.g. a list of services; text inside it is not shown):
 *
 *       <div data-embed="services" data-category="migration-counselling"></div>
 *
 * Everything else goes: script, style, iframe, object, embed, form, svg, math and friends with their content; unknown
 * elements keep their text; all other attributes (on*, style, class, id, data-*), comments and unsafe URLs.
 */
import sanitizeHtml from 'sanitize-html';

declare const safeHtmlBrand: unique symbol;

/** HTML that passed `sanitizeRichText` (now, or when it was saved). Only this may be inserted unescaped. */
export type SafeHtml = string & { readonly [safeHtmlBrand]: true };

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'u', 's', 'sub', 'sup', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img', 'figure', 'figcaption', 'aside',
  'bdi', 'span', 'div',
];
const ALLOWED = new Set(ALLOWED_TAGS);
const CARD_CHILDREN = new Set(['h3', 'p', 'ul', 'li', 'a', 'strong', 'em', 'br', 'span', 'bdi']);
const RENAME: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4', b: 'strong', i: 'em', strike: 's' };
/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'button', 'xmp', 'noscript', 'noembed', 'noframes', 'template',
  'title', 'iframe', 'object', 'form', 'svg', 'math', 'head',
];
const CARD_CLASS = 'contact-card';
/** Names and parameter values of embed placeholders (guide/embeds.ts). */
const EMBED_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const EMBED_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;
/** An image variant served by guide/media-routes: `/media/<uuid>/<width>.webp`. */
const IMAGE_PATH = /^\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[1-9]\d{0,4}\.webp$/;
const SRCSET_DESCRIPTOR = /^(?:\d{1,5}w|\d{1,2}(?:\.\d{1,2})?x)$/;
const SIZES = /^[a-z0-9\s(),.:%-]{1,200}$/i;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const DIRS = new Set(['ltr', 'rtl', 'auto']);
const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/** A link target we accept, trimmed, or undefined. */
export function safeLinkHref(raw: string): string | undefined {
  const href = raw.trim();
  if (href === '' || CONTROL_OR_BACKSLASH.test(href) || href.startsWith('//')) return undefined;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return href; // relative: path, ?query or #fragment
  if (!LINK_SCHEMES.has(scheme)) return undefined;
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(href)) return undefined;
  }
  return href;
}

/** One of our image variant paths (`/media/<uuid>/<width>.webp`), or undefined. */
function safeImagePath(raw: string): string | undefined {
  const src = raw.trim();
  return IMAGE_PATH.test(src) && !CONTROL_OR_BACKSLASH.test(src) ? src : undefined;
}

function safeSrcset(raw: string): string | undefined {
  const candidates = raw.split(',').map((c) => c.trim().split(/\s+/));
  for (const [url, descriptor, ...rest] of candidates) {
    if (url === undefined || safeImagePath(url) === undefined || rest.length > 0) return undefined;
    if (descriptor !== undefined && !SRCSET_DESCRIPTOR.test(descriptor)) return undefined;
  }
  return candidates.map((c) => c.join(' ')).join(', ');
}

function smallInteger(raw: string | undefined, max: number): string | undefined {
  if (raw === undefined || !/^\s*\d{1,6}\s*$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= max ? String(n) : undefined;
}

/** The attributes `name` may keep, each validated; everything else is dropped. */
function allowedAttributes(name: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  const dir = attribs.dir?.trim().toLowerCase();
  if (dir !== undefined && DIRS.has(dir)) out.dir = dir;
  const lang = attribs.lang?.trim();
  if (lang !== undefined && LANG.test(lang)) out.lang = lang;
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  switch (name) {
    case 'a': {
      set('href', attribs.href === undefined ? undefined : safeLinkHref(attribs.href));
      const hreflang = attribs.hreflang?.trim();
      if (hreflang !== undefined && LANG.test(hreflang)) out.hreflang = hreflang;
      break;
    }
    case 'img':
      set('src', attribs.src === undefined ? undefined : safeImagePath(attribs.src));
      set('srcset', attribs.srcset === undefined ? undefined : safeSrcset(attribs.srcset));
      if (out.srcset !== undefined && attribs.sizes !== undefined && SIZES.test(attribs.sizes)) out.sizes = attribs.sizes;
      out.alt = attribs.alt ?? '';
      set('width', smallInteger(attribs.width, 10000));
      set('height', smallInteger(attribs.height, 10000));
      out.loading = 'lazy';
      break;
    case 'th':
    case 'td': {
      const scope = attribs.scope?.trim().toLowerCase();
      if (name === 'th' && scope !== undefined && SCOPES.has(scope)) out.scope = scope;
      set('colspan', smallInteger(attribs.colspan, 50));
      set('rowspan', smallInteger(attribs.rowspan, 50));
      break;
    }
    case 'ol':
      set('start', smallInteger(attribs.start, 10000));
      break;
    case 'aside':
      out.class = CARD_CLASS;
      break;
  }
  return out;
}

interface OpenElement {
  name: string;
  /** This element is a contact card. */
  card: boolean;
  /** Drop this element's tags, keep what is inside. */
  unwrap: boolean;
}

function buildOptions(): sanitizeHtml.IOptions {
  // Elements open at this point of the parse, to know whether we are inside a contact card. Fed by onOpenTag /
  // onCloseTag (htmlparser2 closes every element it opens, implied ones included); one stack per call.
  const open: OpenElement[] = [];
  let closed: OpenElement | undefined;
  const insideCard = () => open.slice(0, -1).some((e) => e.card);

  // Unwrapping is done by exclusiveFilter ('excludeTag'), never by renaming to a disallowed tag: sanitize-html keeps
  // the new name of a discarded renamed tag and would use it for a later closing tag at the same depth. For the same
  // reason every rename here goes to an allowed tag, and there is no nestingLimit.
  const transform: sanitizeHtml.Transformer = (tagName, attribs) => {
    let name = RENAME[tagName] ?? tagName;
    // Tags we do not allow keep their name, so that script, style … are still recognised and dropped with content.
    if (!ALLOWED.has(name)) return { tagName, attribs: {} };
    const current = open.at(-1);
    const unwrap = () => {
      if (current) current.unwrap = true;
      return { tagName: name, attribs: {} };
    };
    if (insideCard()) {
      if (/^h[1-6]$/.test(tagName)) name = 'h3';
      else if (!CARD_CHILDREN.has(name)) return unwrap();
    }
    if (name === 'div') {
      // Only an embed placeholder at the top level survives, in one fixed form; any other div is unwrapped.
      const embed = attribs['data-embed']?.trim();
      if (open.length !== 1 || embed === undefined || !EMBED_NAME.test(embed)) return unwrap();
      const category = attribs['data-category']?.trim();
      return { tagName: 'div', attribs: { 'data-embed': embed, ...(category !== undefined && EMBED_VALUE.test(category) ? { 'data-category': category } : {}) } };
    }
    if (name === 'aside') {
      if (!(attribs.class ?? '').split(/\s+/).includes(CARD_CLASS)) return unwrap();
      if (current) current.card = true;
    }
    return { tagName: name, attribs: allowedAttributes(name, attribs) };
  };

  return {
    allowedTags: ALLOWED_TAGS,
    // A second line of defence behind `transform`, which already validated each value.
    allowedAttributes: {
      '*': ['dir', 'lang'],
      a: ['href', 'hreflang'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
      th: ['scope', 'colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
      ol: ['start'],
      div: ['data-embed', 'data-category'],
    },
    allowedClasses: { aside: [CARD_CLASS] },
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: { '*': transform },
    onOpenTag: (name) => {
      open.push({ name, card: false, unwrap: false });
    },
    onCloseTag: (name) => {
      const index = open.findLastIndex((e) => e.name === name);
      closed = open[index];
      if (index >= 0) open.length = index;
    },
    // Runs right after onCloseTag for the same element.
    exclusiveFilter: (frame) => {
      if (closed?.unwrap) return 'excludeTag';
      if (frame.tag === 'img') return frame.attribs.src === undefined;
      if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
      if (frame.tag === 'span' && frame.attribs.dir === undefined && frame.attribs.lang === undefined) return 'excludeTag';
      return false;
    },
  };
}

/** Reduces rich text from an editor (or a paste, or an import) to the allow-list above. Call it on every save. */
export function sanitizeRichText(html: string): SafeHtml {
  return sanitizeHtml(html, buildOptions()) as SafeHtml;
}

/**
 * Marks HTML read back from a column that only ever receives `sanitizeRichText` output (the database column is the
 * boundary: content is sanitised when saved, not again when shown). Never use it on anything else.
 */
export function trustStoredHtml(stored: string): SafeHtml {
  return stored as SafeHtml;
}

const BLOCK_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'figure', 'figcaption', 'aside', 'div', 'section', 'article', 'header', 'footer', 'pre', 'dl', 'dt',
  'dd', 'hr', 'address',
];
const CELL_TAGS = ['td', 'th'];

/**
 * The text of rich text, for search indexing, excerpts and word counts: one line per block (paragraph, heading, list
 * item, table row), cells of a row separated by spaces, runs of whitespace collapsed, no markup or entities left.
 */
export function richTextToPlainText(html: string): string {
  const marked = sanitizeHtml(html, {
    allowedTags: [...BLOCK_TAGS, ...CELL_TAGS, 'br'],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parseStyleAttributes: false,
  });
  // Only attribute-less tags of the lists above remain; text is escaped as &amp; &lt; &gt; and nothing else.
  const text = marked
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/<\/?(?:td|th)>/g, ' ')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const segmenters = new Map<string, Intl.Segmenter>();
const HYPHENS = new Set(['-', '\u2010', '\u2011']);

function wordSegmenter(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  const cached = segmenters.get(key);
  if (cached) return cached;
  let locales: string[] = [];
  try {
    if (lang) locales = Intl.Segmenter.supportedLocalesOf(lang);
  } catch {
    // not a BCP 47 tag: the default (root) word rules, which serve every script
  }
  const segmenter = new Intl.Segmenter(locales, { granularity: 'word' });
  segmenters.set(key, segmenter);
  return segmenter;
}

/**
 * Words in plain text, in any script (Unicode word segmentation, so Arabic, Persian, Cyrillic and others count as
 * readers see them). Numbers count as words; a hyphenated compound (E-Mail-Adresse) counts once.
 */
export function countWords(text: string, lang?: string): number {
  let count = 0;
  let previous: 'word' | 'hyphen' | 'other' = 'other';
  for (const { segment, isWordLike } of wordSegmenter(lang).segment(text)) {
    if (isWordLike) {
      if (previous !== 'hyphen') count += 1;
      previous = 'word';
    } else {
      previous = previous === 'word' && HYPHENS.has(segment) ? 'hyphen' : 'other';
    }
  }
  return count;
}
