import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/catalog.js';
import { PageContext, type PageCtx } from '../../../web/page-context.js';
import { EDITOR_LABEL_KEYS, type EditorConfig } from '../../../web/islands/editor/config.js';
import { EditorLabels, EditorScript } from './editor-labels.js';

function render(node: preact.VNode, ui = 'de', t = translator(ui)): string {
  const ctx: PageCtx = { lang: ui, dir: 'ltr', t, actor: null, session: null, requestId: 'test', flashes: [], csrfToken: () => 'token', path: '/admin', assets: { css: '/a.css', js: '/a.js' } };
  return renderToString(<PageContext.Provider value={ctx}>{node}</PageContext.Provider>);
}

function configOf(html: string): EditorConfig {
  const json = /<script type="application\/json" data-js-editor-labels="true">([\s\S]*)<\/script>/.exec(html)?.[1];
  assert.ok(json, html);
  return JSON.parse(json) as EditorConfig;
}

describe('EditorLabels', () => {
  it('renders every label from the catalog, the upload URL and the edited language with its direction', () => {
    const config = configOf(render(<EditorLabels language="ar" regionId="2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10" />));
    assert.deepEqual(Object.keys(config.labels).sort(), [...EDITOR_LABEL_KEYS].sort());
    assert.equal(config.labels.bold, 'Fett');
    assert.equal(config.labels.heading_3, 'Überschrift 3');
    assert.match(config.labels.field_file_hint, /10 MB/);
    assert.equal(config.uploadUrl, '/admin/regions/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/media');
    assert.equal(config.language, 'ar');
    assert.equal(config.dir, 'rtl');
    // No label falls back to its key (every key exists in the catalog).
    for (const [key, value] of Object.entries(config.labels)) assert.ok(!value.startsWith('editor.'), `${key}: ${value}`);
  });

  it('cannot be broken out of: </script> and <!-- in a label stay inside the JSON', () => {
    const evil = (key: string) => (key === 'editor.bold' ? '</script><script>alert(1)</script><!--' : key);
    const html = render(<EditorLabels language="de" />, 'de', evil);
    assert.equal(html.match(/<\/script>/g)?.length, 1);
    assert.ok(!html.includes('<!--'));
    assert.equal(configOf(html).labels.bold, '</script><script>alert(1)</script><!--');
    assert.equal(configOf(html).uploadUrl, null);
  });

  it('hands over the live content the toolbar offers, and embed labels with the placeholder the island fills in', () => {
    const embeds = [{ name: 'services', category: 'sports-clubs', label: 'Sportvereine', depth: 1 }];
    const config = configOf(render(<EditorLabels language="de" embeds={embeds} />));
    assert.deepEqual(config.embeds, embeds);
    assert.equal(config.labels.embed_services, 'Live-Liste: Angebote der Kategorie {category}');
    assert.equal(config.labels.embed_other, 'Live-Inhalt: {name}');
    assert.deepEqual(configOf(render(<EditorLabels language="de" />)).embeds, []);
  });

  it('EditorScript points at the separate editor bundle', () => {
    assert.match(render(<EditorScript />), /<script type="module" src="\/assets\/editor(\.[0-9a-f]{12})?\.js"><\/script>/);
  });
});
