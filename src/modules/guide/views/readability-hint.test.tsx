import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/catalog.js';
import { PageContext, type PageCtx } from '../../../web/page-context.js';
import { ReadabilityHint } from './readability-hint.js';

function render(html: string, language: string, ui = 'de'): string {
  const ctx: PageCtx = {
    lang: ui,
    dir: 'ltr',
    t: translator(ui),
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
      <ReadabilityHint html={html} language={language} />
    </PageContext.Provider>,
  );
}

describe('ReadabilityHint', () => {
  it('shows score, band, long sentences and long words for German (no JavaScript needed)', () => {
    const out = render(
      '<h2>Aufenthalt</h2><p>Die Aufenthaltserlaubnis wird von der Ausländerbehörde erteilt, sofern die Voraussetzungen nach dem Aufenthaltsgesetz erfüllt sind und keine Ausweisungsinteressen entgegenstehen, was im Einzelfall geprüft werden muss.</p>',
      'de',
    );
    assert.match(out, /data-js-readability/);
    assert.match(out, /Lesbarkeit/);
    assert.match(out, /data-js-readability-band[^>]*>sehr schwer</);
    assert.match(out, /Lange Sätze \(mehr als 20 Wörter/);
    assert.match(out, /<li>Die Aufenthaltserlaubnis wird .* muss\. <span class="readability__count">\(25\)<\/span><\/li>/);
    assert.match(out, /<li>Ausweisungsinteressen<\/li>/);
  });

  it('easy-to-read German uses the 15-word limit and says when all is short', () => {
    const out = render('<p>Ich heiße Amal. Ich wohne in Kassel.</p>', 'de-x-ls', 'en');
    assert.match(out, /data-js-readability-ok="true">No long sentences/);
    assert.match(out, /more than 15 words/);
  });

  it('renders nothing for other languages', () => {
    assert.equal(render('<p>Hello world.</p>', 'en'), '');
    assert.equal(render('<p>مرحبا</p>', 'ar'), '');
  });
});
