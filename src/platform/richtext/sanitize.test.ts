import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, richTextToPlainText, safeLinkHref, sanitizeRichText } from './sanitize.js';

/** [what, input, expected output] — OWASP XSS cheat-sheet vectors and their relatives. */
const attacks: [string, string, string][] = [
  ['script element', '<script>alert(1)</script><p>x</p>', '<p>x</p>'],
  ['script with src, upper case', '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>', ''],
  ['split script tag', '<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
  ['breaking out of an attribute in text', '"><script>alert(1)</script>', '"&gt;'],
  ['img onerror with foreign src', '<img src=x onerror=alert(1)>', ''],
  ['img onerror with good src', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" onerror="alert(1)" alt="Foto">', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="Foto" loading="lazy" />'],
  ['attribute after a slash', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp"/onerror=alert(1) alt="">', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="" loading="lazy" />'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>ok', 'ok'],
  ['script inside svg', '<svg><script>alert(1)</script></svg>', ''],
  ['mathml mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', ''],
  ['event handlers on allowed tags', '<p onclick="alert(1)" onmouseover="alert(1)">x</p>', '<p>x</p>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>s</summary>x</details>', 'sx'],
  ['video source onerror', '<video><source onerror=alert(1)></video>', ''],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>', 'x'],
  ['javascript: with an encoded tab', '<a href="jav&#x09;ascript:alert(1)">x</a>', 'x'],
  ['javascript: with an encoded newline', '<a href="jav&#x0A;ascript:alert(1)">x</a>', 'x'],
  ['javascript: as decimal entities', '<a href="&#106;&#97;vascript:alert(1)">x</a>', 'x'],
  ['javascript&colon;', '<a href="javascript&colon;alert(1)">x</a>', 'x'],
  ['javascript: in mixed case with spaces', '<a href="  JaVaScRiPt:alert(1)">x</a>', 'x'],
  ['javascript: after a control character', '<a href="&#x01;javascript:alert(1)">x</a>', 'x'],
  ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>', 'x'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', 'x'],
  ['data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">', ''],
  ['remote image', '<img src="https://evil.example/track.png" alt="">', ''],
  ['protocol-relative link', '<a href="//evil.example/">x</a>', 'x'],
  ['protocol-relative link with a backslash', '<a href="/\\evil.example/">x</a>', 'x'],
  ['protocol-relative image', '<img src="//evil.example/a.png" alt="">', ''],
  ['javascript: in srcset', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="" srcset="javascript:alert(1) 1x">', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="" loading="lazy" />'],
  ['other same-origin path as image', '<img src="/files/a.jpg" alt="">', ''],
  ['image path with traversal', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/../../admin.webp" alt="">', ''],
  ['image path with query', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp?x=1" alt="">', ''],
  ['image path not a uuid', '<img src="/media/abc/640.webp" alt="">', ''],
  ['image variant of another type', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.svg" alt="">', ''],
  ['foreign path in srcset', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" srcset="/files/a.jpg 640w" alt="">', '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="" loading="lazy" />'],
  ['style with expression()', '<p style="width: expression(alert(1))">x</p>', '<p>x</p>'],
  ['style with a javascript: url', '<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
  ['style element', '<style>p{background:url(javascript:alert(1))}</style><p>x</p>', '<p>x</p>'],
  ['javascript: in a legacy attribute', '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>', '<table><tr><td>x</td></tr></table>'],
  ['iframe', '<iframe src="javascript:alert(1)"><p>fallback</p></iframe>after', 'after'],
  ['object', '<object data="/files/x.swf"><p>fallback</p></object>y', 'y'],
  ['embed', '<embed src="/files/x.swf">y', 'y'],
  ['form', '<form action="javascript:alert(1)"><input name=a><button>Go</button></form>rest', 'rest'],
  ['base, meta refresh, link', '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel=stylesheet href="https://evil.example/a.css">x', 'x'],
  ['textarea', '<textarea><img src=x onerror=alert(1)></textarea>', ''],
  ['xmp', '<xmp><img src=x onerror=alert(1)></xmp>', ''],
  ['comment', '<!--<img src=x onerror=alert(1)>--><p>x<!-- y --></p>', '<p>x</p>'],
  ['class, id, data-*', '<p class="evil" id="x" data-x="1">x</p>', '<p>x</p>'],
  ['lang breaking out of its quotes', '<span lang="de&quot; onmouseover=&quot;alert(1)">x</span>', 'x'],
  ['invalid dir', '<p dir="rtl&quot;onclick">x</p>', '<p>x</p>'],
  ['unclosed tags', '<p>one <strong>two <em>three', '<p>one <strong>two <em>three</em></strong></p>'],
  ['tag left open inside an attribute', '<a href="https://example.org/"<img src=x onerror=alert(1)>x</a>', '<a href="https://example.org/">x</a>'],
  ['target and rel', '<a target="_blank" rel="opener" href="https://example.org">x</a>', '<a href="https://example.org">x</a>'],
  ['class on a fake card', '<aside class="contact-card x"><p>y</p></aside><aside class="other">z</aside>', '<aside class="contact-card"><p>y</p></aside>z'],
];

const dangerous = /<(?:script|style|svg|math|iframe|object|embed|form|base|meta|link)|\son\w+\s*=|style=|javascript:|vbscript:|data:|srcset="[^"]*:/i;

describe('sanitizeRichText: XSS vectors', () => {
  for (const [what, input, expected] of attacks) {
    it(what, () => {
      const out = sanitizeRichText(input);
      assert.equal(out, expected);
      assert.doesNotMatch(out, dangerous);
      assert.equal(sanitizeRichText(out), out, 'sanitising twice changes nothing');
    });
  }
});

describe('sanitizeRichText: allowed markup', () => {
  const kept: [string, string][] = [
    ['headings and inline marks', '<h2>Ankommen</h2><h3>Erste Schritte</h3><h4>Termine</h4><p><strong>Wichtig:</strong> <em>bitte</em> <u>mitbringen</u>, <s>alt</s>, H<sub>2</sub>O, m<sup>2</sup><br />Zeile 2</p>'],
    ['lists and quotes', '<ul><li>Pass</li><li>Meldebescheinigung</li></ul><ol start="3"><li>drei</li></ol><blockquote><p>Zitat</p></blockquote>'],
    ['a table with header scope', '<table><caption>Öffnungszeiten</caption><thead><tr><th scope="col">Tag</th><th scope="col">Zeit</th></tr></thead><tbody><tr><th scope="row">Montag</th><td colspan="2" rowspan="1">8–12 Uhr</td></tr></tbody></table>'],
    ['links', '<p><a href="https://www.bamf.de/DE/Startseite/startseite_node.html">BAMF</a> <a href="/kreis/de/sprachkurse">Sprachkurse</a> <a href="#termine">Termine</a> <a href="mailto:integration@kreis.example">E-Mail</a> <a href="tel:+49 6221 12345">Telefon</a> <a href="/kreis/ar/amt" hreflang="ar">العربية</a></p>'],
    ['an image with alt text', '<figure><img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1024.webp" srcset="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/320.webp 320w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp 640w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1024.webp 1024w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1600.webp 1600w" sizes="(max-width: 40rem) 100vw, 40rem" alt="Das Rathaus am Marktplatz" width="1024" height="683" loading="lazy" /><figcaption>Rathaus</figcaption></figure>'],
    ['a decorative image', '<p><img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/320.webp" alt="" loading="lazy" /></p>'],
    ['a contact card', '<aside class="contact-card"><h3>Migrationsberatung für Erwachsene</h3><p>Bahnhofstraße 3<br />12345 Musterstadt</p><p><a href="tel:+49123456789">01234 56789</a> · <a href="mailto:mbe@caritas.example">mbe@caritas.example</a></p><ul><li>Mo–Do 9–12 Uhr</li></ul></aside>'],
    ['an Arabic paragraph', '<p dir="rtl" lang="ar">مكتب الهجرة مفتوح يوم الاثنين من الساعة <bdi>8:00</bdi> حتى <span dir="ltr" lang="de">12 Uhr</span>.</p>'],
    ['Easy German', '<p lang="de-x-ls">Das ist ein Amt.</p>'],
  ];
  for (const [what, html] of kept) {
    it(`keeps ${what} unchanged`, () => assert.equal(sanitizeRichText(html), html));
  }

  it('turns h1 into h2 and h5/h6 into h4, b/i/strike into strong/em/s', () => {
    assert.equal(sanitizeRichText('<h1 dir="rtl">عنوان</h1><h5>a</h5><h6>b</h6>'), '<h2 dir="rtl">عنوان</h2><h4>a</h4><h4>b</h4>');
    assert.equal(sanitizeRichText('<p><b>f</b> <i>k</i> <strike>d</strike></p>'), '<p><strong>f</strong> <em>k</em> <s>d</s></p>');
  });

  it('cleans what the editor (Tiptap) sends', () => {
    assert.equal(
      sanitizeRichText('<table style="min-width: 50px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1" colwidth="120"><p>A</p></th></tr></tbody></table>'),
      '<table><tbody><tr><th colspan="1" rowspan="1"><p>A</p></th></tr></tbody></table>',
    );
    assert.equal(
      sanitizeRichText('<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.org">x</a></p>'),
      '<p><a href="https://example.org">x</a></p>',
    );
  });

  it('gives images alt and loading, and keeps only sane sizes', () => {
    assert.equal(sanitizeRichText('<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" width="99999" height="12px">'), '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="" loading="lazy" />');
    assert.equal(sanitizeRichText('<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" srcset="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp 2q" sizes="100vw" alt="a">'), '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt="a" loading="lazy" />');
  });

  it('keeps table spans small and scopes known', () => {
    assert.equal(
      sanitizeRichText('<table><tr><th scope="everything" colspan="2" rowspan="999">A</th><td colspan="x" scope="row">B</td></tr></table>'),
      '<table><tr><th colspan="2">A</th><td>B</td></tr></table>',
    );
  });

  it('keeps only the card structure inside a contact card', () => {
    assert.equal(
      sanitizeRichText('<aside class="contact-card"><h2>Name</h2><img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp" alt=""><aside class="contact-card">innen</aside><table><tr><td>Zelle</td></tr></table><p>Text</p></aside>'),
      '<aside class="contact-card"><h3>Name</h3>innenZelle<p>Text</p></aside>',
    );
  });

  it('keeps the text of links whose target is refused and of spans without dir or lang', () => {
    assert.equal(sanitizeRichText('<p><a href="ftp://x.example">f</a> <a>g</a> <span class="x">h</span></p>'), '<p>f g h</p>');
  });

  it('escapes text', () => {
    assert.equal(sanitizeRichText('<p>1 < 2 & 3 > 2</p>'), '<p>1 &lt; 2 &amp; 3 &gt; 2</p>');
  });
});

describe('safeLinkHref', () => {
  it('accepts web, mail, phone and relative links and refuses the rest', () => {
    for (const ok of ['https://example.org/a?b=1', 'http://example.org', 'mailto:a@b.example', 'tel:+49 30 1234', '/de/amt', 'amt', '../amt', '#oben', '?q=1']) {
      assert.equal(safeLinkHref(ok), ok, ok);
    }
    for (const bad of ['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.example', 'http://', '']) {
      assert.equal(safeLinkHref(bad), undefined, bad);
    }
    assert.equal(safeLinkHref('  https://example.org  '), 'https://example.org');
  });
});

describe('richTextToPlainText', () => {
  it('keeps block boundaries as lines and collapses whitespace', () => {
    const html =
      '<h2>Anmeldung</h2>\n<p>Bitte  bringen Sie\nIhren Pass mit.</p><ul><li>Pass</li><li>Mietvertrag</li></ul>' +
      '<table><tr><th>Tag</th><th>Zeit</th></tr><tr><td>Montag</td><td>8 &amp; 14 Uhr</td></tr></table>' +
      '<p>Zeile 1<br>Zeile <strong>2</strong></p><aside class="contact-card"><h3>Amt</h3><p>&lt;Hof&gt;</p></aside><script>x()</script>';
    assert.equal(
      richTextToPlainText(html),
      ['Anmeldung', 'Bitte bringen Sie Ihren Pass mit.', 'Pass', 'Mietvertrag', 'Tag Zeit', 'Montag 8 & 14 Uhr', 'Zeile 1', 'Zeile 2', 'Amt', '<Hof>'].join('\n'),
    );
  });

  it('joins inline markup without adding spaces', () => {
    assert.equal(richTextToPlainText('<p>Aus<em>länder</em>behörde</p>'), 'Ausländerbehörde');
  });
});

describe('countWords', () => {
  it('counts German, Arabic, Russian, Persian and Ukrainian words', () => {
    assert.equal(countWords('Die Ausländerbehörde ist montags von 8 bis 12 Uhr geöffnet.', 'de'), 10);
    assert.equal(countWords('مكتب الهجرة مفتوح يوم الاثنين.', 'ar'), 5);
    assert.equal(countWords('Управление по делам иностранцев открыто по понедельникам.', 'ru'), 7);
    assert.equal(countWords('لطفاً فرم را پر کنید.', 'fa'), 5);
    assert.equal(countWords('Служба у справах іноземців працює щопонеділка.', 'uk'), 6);
  });

  it('counts a hyphenated compound once and ignores punctuation', () => {
    assert.equal(countWords('Bitte E-Mail-Adresse angeben – danke!'), 4);
    assert.equal(countWords(' … – !'), 0);
    assert.equal(countWords(''), 0);
  });

  it('works with private-use and unknown language tags', () => {
    assert.equal(countWords('Das ist ein Amt.', 'de-x-ls'), 4);
    assert.equal(countWords('Das ist ein Amt.', 'not a tag!'), 4);
  });

  it('counts the plain text of rich text', () => {
    assert.equal(countWords(richTextToPlainText('<h2>Sprach<em>kurse</em></h2><p>Integrations­kurse beim BAMF</p>'), 'de'), 4);
  });
});
