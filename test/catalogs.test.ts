import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { readCatalog, UI_LANGUAGES } from '../src/platform/i18n/catalog.js';

type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }>; children?: AstNode[] };

/** Names of the ICU arguments a message uses (walking plural/select branches and tags). */
function argumentNames(ast: AstNode[], out = new Set<string>()): Set<string> {
  for (const node of ast) {
    if (node.type >= 1 && node.type <= 6 && typeof node.value === 'string') out.add(node.value);
    if (node.type === 8 && typeof node.value === 'string') out.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentNames(option.value, out);
    if (node.children) argumentNames(node.children, out);
  }
  return out;
}

describe('UI catalogs', () => {
  const reference = readCatalog('de');

  it('German (the reference) has messages', () => assert.ok(reference.size > 50));

  for (const lang of UI_LANGUAGES) {
    it(`${lang}: has every key of the German catalog, no extra keys, and every message parses`, () => {
      const catalog = readCatalog(lang);
      const missing = [...reference.keys()].filter((k) => !catalog.has(k));
      const extra = [...catalog.keys()].filter((k) => !reference.has(k));
      assert.deepEqual(missing, [], `${lang} misses keys`);
      assert.deepEqual(extra, [], `${lang} has keys German does not`);
      const broken: string[] = [];
      for (const [key, message] of catalog) {
        try {
          new IntlMessageFormat(message, lang);
        } catch (err) {
          broken.push(`${key}: ${(err as Error).message}`);
        }
      }
      assert.deepEqual(broken, []);
    });

    it(`${lang}: uses the same ICU arguments as German`, () => {
      // A translation that drops or renames {count} would show wrong text at run time.
      const catalog = readCatalog(lang);
      const args = (m: string) => [...argumentNames(new IntlMessageFormat(m, 'de').getAst())].sort();
      const differ: string[] = [];
      for (const [key, message] of reference) {
        const other = catalog.get(key);
        if (other !== undefined && JSON.stringify(args(other)) !== JSON.stringify(args(message)))
          differ.push(key);
      }
      assert.deepEqual(differ, []);
    });
  }
});
