import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/catalog.js';
import { PageContext, type PageCtx } from '../page-context.js';
import { RichTextField, type FormState } from './forms.js';

function render(node: VNode): string {
  const ctx: PageCtx = { lang: 'de', dir: 'ltr', t: translator('de'), actor: null, session: null, requestId: 'test', flashes: [], csrfToken: () => 'token', path: '/admin', assets: { css: '/a.css', js: '/a.js' } };
  return renderToString(<PageContext.Provider value={ctx}>{node}</PageContext.Provider>);
}

const config = <script type="application/json" data-js-editor-labels dangerouslySetInnerHTML={{ __html: '{}' }} />;

describe('RichTextField', () => {
  it('is a labelled textarea with the HTML as typed inside the editor island (what people without JavaScript edit)', () => {
    const form: FormState = { values: { body: '<p>Hallo & <b>Welt</b></p>' }, errors: {} };
    const html = render(<RichTextField name="body" label="Text" hint="Hinweis" form={form} language="de" rows={7} config={config} />);
    assert.match(html, /<label for="f-body">Text/);
    assert.match(html, /<div data-module="rich-editor" class="rich-editor" data-language="de"><script type="application\/json" data-js-editor-labels="true">\{\}<\/script>/);
    assert.match(html, /<textarea id="f-body" name="body" rows="7" lang="de" dir="ltr" data-js-editor-source="true" aria-describedby="h-body">&lt;p>Hallo &amp; &lt;b>Welt&lt;\/b>&lt;\/p><\/textarea><\/div>/);
    assert.doesNotMatch(html, /required/, 'the island hides the textarea, so it is never required');
  });

  it('writes right-to-left content right to left', () => {
    const html = render(<RichTextField name="body" label="Text" form={{ values: {}, errors: {} }} language="ar" rows={5} config={config} />);
    assert.match(html, /<textarea id="f-body" name="body" rows="5" lang="ar" dir="rtl" data-js-editor-source="true">/);
  });

  it('marks an error and points aria-describedby at the hint, the error and an extra hint after the textarea', () => {
    const form: FormState = { values: { body: '' }, errors: { body: { key: 'validation.required' } } };
    const html = render(
      <RichTextField name="body" label="Text" hint="Hinweis" form={form} language="de" rows={5} config={config} describedBy="h-body-extra">
        <p id="h-body-extra">Mehr</p>
      </RichTextField>,
    );
    assert.match(html, /class="field field--error"/);
    assert.match(html, /<p class="field-error" id="e-body">/);
    assert.match(html, /aria-invalid="true" aria-describedby="h-body e-body h-body-extra"><\/textarea><p id="h-body-extra">Mehr<\/p><\/div>/);
  });
});
