import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import {
  alignUnits,
  assembleHtml,
  fromTaggedText,
  InlineCodeError,
  inlineToPlainText,
  missingInlineCodes,
  sameInlineCodes,
  segmentHtml,
  toTaggedText,
  type InlineContent,
} from './segments.js';

const SAMPLES = [
  '<p>Hallo Welt</p>',
  '<h2>Aufenthalt</h2><p>Sie brauchen einen <strong>gültigen</strong> Pass &amp; ein Foto.</p>',
  '<p>Rufen Sie <a href="tel:+4912345">0123 45</a> an<br />oder schreiben Sie <a href="mailto:a@b.de?subject=x&amp;y">uns</a>.</p>',
  '<ul><li>Eins</li><li>Zwei<ul><li>Zwei-a</li></ul></li></ul><ol start="3"><li><em>Drei</em></li></ol>',
  '<table><caption>Zeiten</caption><thead><tr><th scope="col">Tag</th><th scope="col">Uhrzeit</th></tr></thead><tbody><tr><td>Mo</td><td colspan="2">9–12 Uhr</td></tr></tbody></table>',
  '<figure><img src="/media/0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e01/800.webp" alt="Rathaus" width="800" height="600" loading="lazy" /><figcaption>Das <u>Rathaus</u></figcaption></figure>',
  '<blockquote><p>Zitat eins</p><p>Zitat zwei</p></blockquote>',
  '<aside class="contact-card"><h3>Migrationsberatung</h3><p>Bahnhofstraße 3<br />12345 Musterstadt</p><p><a href="tel:+4912345678">01234 5678</a></p></aside>',
  '<p>Auf Arabisch: <span lang="ar" dir="rtl">مرحبا</span>, <bdi>Name</bdi>, H<sub>2</sub>O, x<sup>2</sup>, <s>alt</s>.</p>',
  '<p>Text mit Bild <img src="/media/0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e02/400.webp" alt="" loading="lazy" /> mittendrin.</p>',
  '<p>  </p><p>\u00a0</p><p>a &lt; b &gt; c "quoted" \'single\'</p>',
  '<h3>Eins</h3>\n<p>Zwei</p>\n\n<h4>Drei</h4>',
  '<p><strong><em>beides</em></strong> und <a href="/de/seite?x=1&amp;y=&quot;2&quot;">Link</a></p>',
];

describe('segments', () => {
  it('round-trips sanitised HTML: assemble(segment(html), original units) === html', () => {
    for (const raw of SAMPLES) {
      const html = sanitizeRichText(raw);
      const { skeleton, units } = segmentHtml(html);
      const assembled = assembleHtml(skeleton, new Map(units.map((u) => [u.id, u.source])));
      assert.equal(assembled, html, `round trip of ${raw}`);
    }
  });

  it('makes one unit per block with text', () => {
    const html = sanitizeRichText(SAMPLES.slice(0, 9).join(''));
    const { units } = segmentHtml(html);
    const texts = units.map((u) => inlineToPlainText(u.source));
    assert.deepEqual(texts.slice(0, 2), ['Hallo Welt', 'Aufenthalt']);
    assert.ok(texts.includes('Eins'));
    assert.ok(texts.includes('Zwei'), 'list item text before its nested list is a unit of its own');
    assert.ok(texts.includes('Zwei-a'));
    assert.ok(texts.includes('Zeiten') && texts.includes('Tag') && texts.includes('9–12 Uhr'));
    assert.ok(texts.includes('Das Rathaus'));
    assert.ok(texts.includes('Zitat eins') && texts.includes('Zitat zwei'));
    assert.ok(texts.includes('Migrationsberatung') && texts.includes('Bahnhofstraße 3\n12345 Musterstadt'));
    assert.deepEqual(units.map((u) => u.id).slice(0, 3), ['u1', 'u2', 'u3']);
  });

  it('keeps blocks without text (an image alone, empty paragraphs) in the skeleton', () => {
    const { units } = segmentHtml(sanitizeRichText('<figure><img src="/media/0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e01/800.webp" alt="x"></figure><p> </p>'));
    assert.equal(units.length, 0);
  });

  it('turns inline markup into codes with their original markup', () => {
    const { units } = segmentHtml(sanitizeRichText(SAMPLES[2] ?? ''));
    const unit = units[0];
    assert.ok(unit);
    assert.equal(toTaggedText(unit.source), 'Rufen Sie <1>0123 45</1> an<2/>oder schreiben Sie <3>uns</3>.');
    const first = unit.source[1];
    assert.ok(typeof first === 'object' && first.kind === 'pc');
    assert.equal(first.start, '<a href="tel:+4912345">');
    assert.equal(first.end, '</a>');
  });

  it('trims whitespace at the edges of a unit into the skeleton', () => {
    const { skeleton, units } = segmentHtml('<p>  Hallo  </p>');
    assert.deepEqual(units[0]?.source, ['Hallo']);
    assert.deepEqual(skeleton, ['<p>  ', { unit: 'u1' }, '  </p>']);
  });

  it('reads tagged text back, with reordered codes, and assembles a translation', () => {
    const html = sanitizeRichText('<h2>Pass</h2><p>Ein <strong>gültiger</strong> Pass &amp; <a href="/x">ein Foto</a>.</p>');
    const { skeleton, units } = segmentHtml(html);
    const [title, para] = units;
    assert.ok(title && para);
    assert.equal(toTaggedText(para.source), 'Ein <1>gültiger</1> Pass &amp; <2>ein Foto</2>.');
    const translated = fromTaggedText('<2>A photo</2> &amp; a <1>valid</1> passport &lt;3.', para.source);
    const out = assembleHtml(skeleton, { u1: fromTaggedText('Passport', title.source), u2: translated });
    assert.equal(out, '<h2>Passport</h2><p><a href="/x">A photo</a> &amp; a <strong>valid</strong> passport &lt;3.</p>');
    assert.equal(sanitizeRichText(out), out);
  });

  it('refuses tagged text whose markers do not fit the source', () => {
    const source: InlineContent = segmentHtml('<p>a <strong>b</strong> c<br />d</p>').units[0]?.source ?? [];
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        assert.ok(e instanceof InlineCodeError);
        return e.code;
      }
      return 'none';
    };
    assert.equal(code(() => fromTaggedText('a <1>b</1> c<2/>d', source)), 'none');
    assert.equal(code(() => fromTaggedText('a <3>b</3> c<2/>d', source)), 'unknown_code');
    assert.equal(code(() => fromTaggedText('a <1>b</1> c', source)), 'missing_code');
    assert.equal(code(() => fromTaggedText('a <1>b</1> <1>c</1><2/>', source)), 'duplicate_code');
    assert.equal(code(() => fromTaggedText('a <1>b c<2/>d', source)), 'malformed');
    assert.equal(code(() => fromTaggedText('a <1/>b c<2/>d', source)), 'code_kind');
    assert.equal(code(() => fromTaggedText('a <1>b</1> < c<2/>d', source)), 'malformed');
    assert.equal(code(() => fromTaggedText('a <1>b</1> & c<2/>d', source)), 'malformed');
    assert.deepEqual(fromTaggedText('a <1>b</1>', source, { allowMissing: true }).length, 2);
  });

  it('compares codes', () => {
    const a = segmentHtml('<p>x <em>y</em><br />z</p>').units[0]?.source ?? [];
    const b = fromTaggedText('<2/>Z <1>Y</1> X', a);
    assert.ok(sameInlineCodes(a, b));
    assert.ok(!sameInlineCodes(a, ['x']));
    assert.deepEqual(missingInlineCodes(a, ['x']), ['1', '2']);
  });

  it('survives untidy input without losing text', () => {
    const { skeleton, units } = segmentHtml('text at root<p>para<!-- c --></p><div>in div<p>nested</p>tail</div>');
    assert.deepEqual(
      units.map((u) => inlineToPlainText(u.source)),
      ['text at root', 'para', 'in div', 'nested', 'tail'],
    );
    assert.equal(assembleHtml(skeleton, new Map(units.map((u) => [u.id, u.source]))), 'text at root<p>para<!-- c --></p><div>in div<p>nested</p>tail</div>');
  });

  it('pairs source and translation units when the block structure matches', () => {
    const pairs = alignUnits('<h2>Pass</h2><p>Ein <em>Foto</em>.</p>', '<h2>جواز</h2><p><em>صورة</em>.</p>');
    assert.deepEqual(pairs?.map((p) => [p.id, toTaggedText(p.source), toTaggedText(p.target)]), [
      ['u1', 'Pass', 'جواز'],
      ['u2', 'Ein <1>Foto</1>.', '<1>صورة</1>.'],
    ]);
    assert.equal(alignUnits('<p>a</p><p>b</p>', '<p>a</p>'), null);
  });
});
