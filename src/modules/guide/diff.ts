/**
 * Readable differences between two versions of a page's HTML, for people (history, conflicts, translators).
 *
 * Two steps: the texts are split into blocks — the translation units of `segments.ts` (a paragraph, a heading, a list
 * item, a table cell …) as plain text — and the blocks of both versions are aligned (identical blocks first, then
 * similar ones paired inside each changed stretch). Paired blocks are compared word by word (jsdiff `diffWords` with
 * `Intl.Segmenter`, so every script splits into words). The result is plain data; `views/admin-diff.tsx` renders it as
 * `<ins>`/`<del>` marks with escaped text, never as raw HTML.
 */
import { diffArrays, diffWords } from 'diff';
import { inlineToPlainText, segmentHtml } from './segments.js';

/** One block of a version: its unit id ("u1" …), the element it sits in (p, h2, li, td …) and its plain text. */
export type DiffSourceBlock = { unitId: string; tag: string; text: string };

export type WordPart = { type: 'equal' | 'ins' | 'del'; text: string };

export type DiffBlock = {
  /** equal: unchanged; added / removed: the whole block; changed: a block edited in place (see `parts`). */
  status: 'equal' | 'added' | 'removed' | 'changed';
  /** The element of the block (from the newer version when it exists). */
  tag: string;
  before?: DiffSourceBlock;
  after?: DiffSourceBlock;
  parts: WordPart[];
};

/** Blocks with less than this share of common text are treated as one removed and one added block. */
const PAIR_THRESHOLD = 0.35;
/** Above this many cell comparisons a changed stretch is not paired (keeps huge rewrites cheap). */
const MAX_PAIRING_CELLS = 40_000;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The blocks of some (sanitised) HTML, in document order. */
export function htmlBlocks(html: string): DiffSourceBlock[] {
  const { skeleton, units } = segmentHtml(html);
  const tags = new Map<string, string>();
  let before = '';
  for (const part of skeleton) {
    if (typeof part === 'string') {
      before = part;
      continue;
    }
    const open = /<([a-z][a-z0-9]*)\b[^>]*>\s*$/i.exec(before);
    tags.set(part.unit, open?.[1]?.toLowerCase() ?? 'p');
    before = '';
  }
  return units.map((u) => ({ unitId: u.id, tag: tags.get(u.id) ?? 'p', text: normaliseSpace(inlineToPlainText(u.source)) }));
}

/** Word-level difference of two plain texts. */
export function diffText(before: string, after: string): WordPart[] {
  if (before === after) return before === '' ? [] : [{ type: 'equal', text: before }];
  const parts: WordPart[] = [];
  for (const c of diffWords(before, after, { intlSegmenter: wordSegmenter })) {
    const type = c.added ? 'ins' : c.removed ? 'del' : 'equal';
    const last = parts.at(-1);
    if (last && last.type === type) last.text += c.value;
    else parts.push({ type, text: c.value });
  }
  return parts;
}

/** Share of text two blocks have in common (0 … 1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  if (total === 0) return 1;
  let common = 0;
  for (const c of diffWords(a, b, { intlSegmenter: wordSegmenter })) if (!c.added && !c.removed) common += c.value.length;
  return (2 * common) / total;
}

/**
 * Pairs removed and added blocks of one changed stretch, keeping their order (a weighted longest common
 * subsequence over similarity). Returns index pairs [removed, added].
 */
function pairBlocks(removed: DiffSourceBlock[], added: DiffSourceBlock[]): [number, number][] {
  const n = removed.length;
  const m = added.length;
  if (n === 0 || m === 0 || n * m > MAX_PAIRING_CELLS) return [];
  const sim = new Float64Array(n * m);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < m; j += 1) sim[i * m + j] = similarity(removed[i]?.text ?? '', added[j]?.text ?? '');
  // best[i, j]: the best total similarity using removed[i..] and added[j..]
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const at = (i: number, j: number) => best[i * w + j] ?? 0;
  const score = (i: number, j: number) => sim[i * m + j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const s = score(i, j);
      const take = s >= PAIR_THRESHOLD ? s + at(i + 1, j + 1) : -1;
      best[i * w + j] = Math.max(take, at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    const here = at(i, j);
    if (s >= PAIR_THRESHOLD && Math.abs(here - (s + at(i + 1, j + 1))) < 1e-9) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (Math.abs(here - at(i + 1, j)) < 1e-9) i += 1;
    else j += 1;
  }
  return pairs;
}

/** The block-by-block difference of two HTML versions (see the module comment). */
export function diffHtml(before: string, after: string): DiffBlock[] {
  return diffBlocks(htmlBlocks(before), htmlBlocks(after));
}

/** Aligns two block lists and diffs the paired blocks word by word. */
export function diffBlocks(a: DiffSourceBlock[], b: DiffSourceBlock[]): DiffBlock[] {
  const changes = diffArrays(
    a.map((x) => x.text),
    b.map((x) => x.text),
  );
  const out: DiffBlock[] = [];
  let ia = 0;
  let ib = 0;
  let removed: DiffSourceBlock[] = [];
  let added: DiffSourceBlock[] = [];
  const flush = () => {
    const pairs = pairBlocks(removed, added);
    let r = 0;
    let s = 0;
    const emitUntil = (rEnd: number, sEnd: number) => {
      for (; r < rEnd; r += 1) {
        const block = removed[r];
        if (block) out.push({ status: 'removed', tag: block.tag, before: block, parts: [{ type: 'del', text: block.text }] });
      }
      for (; s < sEnd; s += 1) {
        const block = added[s];
        if (block) out.push({ status: 'added', tag: block.tag, after: block, parts: [{ type: 'ins', text: block.text }] });
      }
    };
    for (const [pr, pa] of pairs) {
      emitUntil(pr, pa);
      const x = removed[pr];
      const y = added[pa];
      if (x && y) out.push({ status: 'changed', tag: y.tag, before: x, after: y, parts: diffText(x.text, y.text) });
      r = pr + 1;
      s = pa + 1;
    }
    emitUntil(removed.length, added.length);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      removed.push(...a.slice(ia, ia + count));
      ia += count;
    } else if (change.added) {
      added.push(...b.slice(ib, ib + count));
      ib += count;
    } else {
      flush();
      for (let k = 0; k < count; k += 1) {
        const x = a[ia + k];
        const y = b[ib + k];
        if (x && y) out.push({ status: 'equal', tag: y.tag, before: x, after: y, parts: y.text ? [{ type: 'equal', text: y.text }] : [] });
      }
      ia += count;
      ib += count;
    }
  }
  flush();
  return out;
}

/** True when two versions have the same text blocks (markup-only changes are not counted). */
export function sameText(before: string, after: string): boolean {
  return diffHtml(before, after).every((b) => b.status === 'equal');
}

export type ChangedBlock = {
  /** Unit id of the block in the newer version ("u3"), matching `segmentUnits(after)`. */
  unitId: string;
  /** Index of the block in the newer version (0-based). */
  index: number;
  status: 'added' | 'changed';
  text: string;
  /** The older text of a changed block. */
  previous?: string;
  /** Word-level difference for a changed block. */
  parts: WordPart[];
};

/**
 * The blocks of `after` that are new or different compared to `before` — e.g. what changed in the source since the
 * revision a translation was made from. Removed blocks are left out (they have no place in `after`); see
 * `removedBlocks` for them.
 */
export function changedBlocks(before: string, after: string): ChangedBlock[] {
  const afterBlocks = htmlBlocks(after);
  const index = new Map(afterBlocks.map((blk, i) => [blk.unitId, i]));
  const out: ChangedBlock[] = [];
  for (const d of diffBlocks(htmlBlocks(before), afterBlocks)) {
    if (!d.after || (d.status !== 'added' && d.status !== 'changed')) continue;
    out.push({ unitId: d.after.unitId, index: index.get(d.after.unitId) ?? -1, status: d.status, text: d.after.text, previous: d.before?.text, parts: d.parts });
  }
  return out;
}

/** Texts of the blocks of `before` that have no counterpart in `after`. */
export function removedBlocks(before: string, after: string): string[] {
  return diffHtml(before, after)
    .filter((d) => d.status === 'removed')
    .map((d) => d.before?.text ?? '');
}
