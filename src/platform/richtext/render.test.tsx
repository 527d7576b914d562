import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { SanitizedHtml } from './render.js';
import { sanitizeRichText, trustStoredHtml } from './sanitize.js';

describe('SanitizedHtml', () => {
  it('inserts sanitised HTML unescaped', () => {
    const html = sanitizeRichText('<p>Hallo <strong>Welt</strong></p><script>alert(1)</script>');
    assert.equal(renderToString(<SanitizedHtml html={html} />), '<div><p>Hallo <strong>Welt</strong></p></div>');
  });

  it('renders as a section with class, language and direction', () => {
    const stored = trustStoredHtml('<p>مرحبا</p>');
    assert.equal(
      renderToString(<SanitizedHtml html={stored} as="section" class="prose" lang="ar" dir="rtl" />),
      '<section class="prose" lang="ar" dir="rtl"><p>مرحبا</p></section>',
    );
  });

  it('refuses a plain string at compile time', () => {
    const plain = '<img src=x onerror=alert(1)>';
    // @ts-expect-error -- a plain string is not SafeHtml: it must go through sanitizeRichText or trustStoredHtml
    const out = renderToString(<SanitizedHtml html={plain} />);
    assert.equal(typeof out, 'string');
  });
});
