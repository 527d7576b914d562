import { usePage } from '../../../web/page-context.js';
import { diffHtml, diffText, type DiffBlock, type WordPart } from '../diff.js';

/** Word parts as `<ins>`/`<del>` with escaped text; screen readers hear "inserted"/"deleted" before each mark. */
export function DiffParts({ parts }: { parts: WordPart[] }) {
  const { t } = usePage();
  return (
    <>
      {parts.map((p, i) =>
        p.type === 'ins' ? (
          <ins key={i}>
            <span class="visually-hidden">[{t('guide.diff_inserted')}: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : p.type === 'del' ? (
          <del key={i}>
            <span class="visually-hidden">[{t('guide.diff_deleted')}: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function BlockRow({ block }: { block: DiffBlock }) {
  const { t } = usePage();
  const label = block.status === 'added' ? t('guide.diff_block_added') : block.status === 'removed' ? t('guide.diff_block_removed') : block.status === 'changed' ? t('guide.diff_block_changed') : null;
  const heading = /^h[2-4]$/.test(block.tag);
  return (
    <li class={`diff-block diff-block--${block.status}${heading ? ' diff-block--heading' : ''}`} data-tag={block.tag}>
      {label ? <span class="diff-block__label">{label}</span> : null}
      <span class="diff-block__text">
        <DiffParts parts={block.parts} />
      </span>
    </li>
  );
}

type Row = { kind: 'block'; block: DiffBlock } | { kind: 'skip'; count: number };

/** Unchanged stretches longer than 2 × context + 1 are folded to "… n unchanged blocks …". */
function fold(blocks: DiffBlock[], context: number): Row[] {
  const rows: Row[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    if (!block) break;
    if (block.status !== 'equal') {
      rows.push({ kind: 'block', block });
      i += 1;
      continue;
    }
    let j = i;
    while (j < blocks.length && blocks[j]?.status === 'equal') j += 1;
    const run = blocks.slice(i, j);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = j === blocks.length ? 0 : context;
    if (run.length > keepHead + keepTail + 1) {
      for (const b of run.slice(0, keepHead)) rows.push({ kind: 'block', block: b });
      rows.push({ kind: 'skip', count: run.length - keepHead - keepTail });
      for (const b of run.slice(run.length - keepTail)) rows.push({ kind: 'block', block: b });
    } else for (const b of run) rows.push({ kind: 'block', block: b });
    i = j;
  }
  return rows;
}

/**
 * The readable difference between two versions of a text: block by block, changed words marked. `before`/`after`
 * are stored (sanitised) HTML; only their text is shown, escaped. Optional titles are compared first.
 */
export function RevisionDiff(props: { before: string; after: string; beforeTitle?: string; afterTitle?: string; context?: number; lang?: string; dir?: 'ltr' | 'rtl' }) {
  const { t } = usePage();
  const blocks = diffHtml(props.before, props.after);
  const titleChanged = props.beforeTitle !== undefined && props.afterTitle !== undefined && props.beforeTitle !== props.afterTitle;
  const unchanged = !titleChanged && blocks.every((b) => b.status === 'equal');
  return (
    <div class="revision-diff" lang={props.lang} dir={props.dir}>
      {titleChanged ? (
        <p class="revision-diff__title">
          <span class="diff-block__label">{t('guide.diff_title')}</span> <DiffParts parts={diffText(props.beforeTitle ?? '', props.afterTitle ?? '')} />
        </p>
      ) : null}
      {unchanged ? (
        <p class="revision-diff__none">{t('guide.diff_no_changes')}</p>
      ) : (
        <ol class="revision-diff__blocks">
          {fold(blocks, props.context ?? 1).map((row, i) =>
            row.kind === 'skip' ? (
              <li key={i} class="diff-block diff-block--skip">
                {t('guide.diff_unchanged_blocks', { count: row.count })}
              </li>
            ) : (
              <BlockRow key={i} block={row.block} />
            ),
          )}
        </ol>
      )}
    </div>
  );
}
