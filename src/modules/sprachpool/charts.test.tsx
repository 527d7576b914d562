import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/catalog.js';
import { PageContext, type PageCtx } from '../../web/page-context.js';
import { BarChart, shortLabel, type BarDatum } from './charts.js';

function render(data: BarDatum[], dir: 'ltr' | 'rtl' = 'ltr'): string {
  const ctx: PageCtx = {
    lang: dir === 'rtl' ? 'ar' : 'de',
    dir,
    t: translator(dir === 'rtl' ? 'ar' : 'de'),
    actor: null,
    session: null,
    requestId: 'test',
    flashes: [],
    csrfToken: () => 'token',
    path: '/admin',
    assets: { css: '/a.css', js: '/a.js' },
  };
  return renderToString(
    <PageContext.Provider value={ctx}>
      <BarChart id="c1" title="Anfragen je Sprache" description="Die Zahlen stehen auch in der Tabelle." data={data} />
    </PageContext.Provider>,
  );
}

/** The numeric attributes of each element of a kind, in document order. */
function attrs(svg: string, tag: string, name: string): number[] {
  return [...svg.matchAll(new RegExp(`<${tag}[^>]*\\s${name}="([-\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
}

const DATA: BarDatum[] = [
  { label: 'Arabisch', value: 40, display: '40' },
  { label: 'Ukrainisch', value: 10, display: '10' },
  { label: 'Dari', value: 0, display: '0' },
];

describe('BarChart (server-rendered SVG)', () => {
  it('is an image named by its title and described by its description', () => {
    const svg = render(DATA);
    assert.match(svg, /<svg[^>]*role="img"/);
    assert.match(svg, /<svg[^>]*aria-labelledby="c1-title"/);
    assert.match(svg, /<svg[^>]*aria-describedby="c1-desc"/);
    assert.match(svg, /<title id="c1-title">Anfragen je Sprache<\/title>/);
    assert.match(svg, /<desc id="c1-desc">Die Zahlen stehen auch in der Tabelle\.<\/desc>/);
    assert.match(svg, /viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /<figcaption class="sp-chart__caption" aria-hidden="true">Anfragen je Sprache<\/figcaption>/, 'a visible caption, not read twice');
  });

  it('draws bars proportional to the values, none for zero, with every label and value as text', () => {
    const svg = render(DATA);
    const widths = attrs(svg, 'rect', 'width');
    assert.equal(widths.length, 2, 'no bar for a zero value');
    assert.ok(widths[0] && widths[1]);
    assert.equal(Math.round((widths[0] / widths[1]) * 10) / 10, 4);
    for (const d of DATA) {
      assert.match(svg, new RegExp(`>${d.label}</text>`));
      assert.match(svg, new RegExp(`>${d.display}</text>`));
    }
    assert.match(svg, /fill="#2044aa"/, 'the bar colour (8.5:1 on white) is set without the stylesheet');
  });

  it('mirrors in right-to-left pages: bars grow from the right edge', () => {
    const ltr = render(DATA, 'ltr');
    const rtl = render(DATA, 'rtl');
    assert.match(rtl, /<svg[^>]*direction="rtl"/);
    const [xl] = attrs(ltr, 'rect', 'x');
    const [wl] = attrs(ltr, 'rect', 'width');
    const [xr] = attrs(rtl, 'rect', 'x');
    const [wr] = attrs(rtl, 'rect', 'width');
    assert.ok(xl !== undefined && wl !== undefined && xr !== undefined && wr !== undefined);
    assert.equal(wl, wr);
    const width = Number(/viewBox="0 0 (\d+)/.exec(rtl)?.[1]);
    assert.equal(xr, width - xl - wl, 'the bar sits at the mirrored position');
    const [labelL] = attrs(ltr, 'text', 'x');
    const [labelR] = attrs(rtl, 'text', 'x');
    assert.equal(labelR, width - (labelL ?? 0));
  });

  it('escapes labels and shortens long ones (the table has the full text)', () => {
    const svg = render([{ label: '<script>alert(1)</script> Beratungsstelle für Migration und Flucht', value: 1, display: '1' }]);
    assert.doesNotMatch(svg, /<script>/);
    assert.match(svg, /&lt;script>|&lt;script&gt;/);
    assert.equal([...shortLabel('x'.repeat(40))].length, 16);
    assert.ok(shortLabel('x'.repeat(40)).endsWith('…'));
    assert.equal(shortLabel('kurz'), 'kurz');
  });

  it('renders an empty chart without dividing by zero', () => {
    const svg = render([{ label: 'Arabisch', value: 0, display: '0' }]);
    assert.doesNotMatch(svg, /NaN|Infinity/);
    assert.doesNotMatch(svg, /<rect/);
  });
});
