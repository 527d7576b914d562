/**
 * Simple server-rendered bar charts for the statistics page. Each chart is an SVG image (`role="img"`, named by its
 * `<title>`, described by its `<desc>`); the table next to it carries the same numbers as text, so the chart adds
 * nothing a screen reader misses. Bars grow from the inline start: in right-to-left pages the chart is mirrored, and
 * each label keeps its own direction (a Latin institution name in an Arabic page reads left to right).
 * Colours come from the base palette (bars 8.5:1, text 13:1 on white), set as attributes so the chart keeps them
 * without the stylesheet.
 */
import { usePage } from '../../web/page-context.js';

export type BarDatum = { label: string; value: number; display: string };

const WIDTH = 420;
const ROW = 32;
const BAR = 22;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 56;
const PAD = 8;
const LABEL_CHARS = 16;
const BAR_FILL = '#2044aa';
const TEXT_FILL = '#171a2b';

/** A label cut to fit its column (the full text is in the table). */
export function shortLabel(label: string, max = LABEL_CHARS): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/** A horizontal bar chart: one row per datum, label at the start, bar, value after the bar. */
export function BarChart(props: { id: string; title: string; description: string; data: BarDatum[] }) {
  const { dir } = usePage();
  const rtl = dir === 'rtl';
  const max = Math.max(0, ...props.data.map((d) => d.value));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD;
  const height = Math.max(1, props.data.length) * ROW + PAD;
  // Physical x of a logical inline position (0 = inline start).
  const x = (inline: number) => (rtl ? WIDTH - inline : inline);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="sp-chart">
      {/* Seen on screen; screen readers get the same words as the image's name. */}
      <figcaption class="sp-chart__caption" aria-hidden="true">
        {props.title}
      </figcaption>
      <svg
        class="sp-chart__svg"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        preserveAspectRatio="xMinYMin meet"
        direction={dir}
        font-size="16"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {props.data.map((d, i) => {
          const y = i * ROW + PAD / 2;
          const length = max > 0 ? Math.round((d.value / max) * barSpace) : 0;
          const barStart = LABEL_WIDTH + PAD;
          const barX = rtl ? WIDTH - barStart - length : barStart;
          return (
            <g key={`${i}-${d.label}`} class="sp-chart__row">
              <text class="sp-chart__label" x={x(LABEL_WIDTH)} y={y + BAR / 2} dominant-baseline="central" text-anchor="end" unicode-bidi="plaintext" font-size="14" fill={TEXT_FILL}>
                {shortLabel(d.label)}
              </text>
              {length > 0 ? <rect class="sp-chart__bar" x={barX} y={y} width={length} height={BAR} fill={BAR_FILL} /> : null}
              <text class="sp-chart__value" x={x(barStart + length + PAD / 2)} y={y + BAR / 2} dominant-baseline="central" text-anchor="start" fill={TEXT_FILL}>
                {d.display}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
