import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));

export type Asset = { body: Buffer; type: string; hash: string };
export type Assets = { css: string; js: string; files: Map<string, Asset>; bundles: Record<string, string> };

/**
 * Island bundles that are NOT part of islands.js (large, needed on few pages): name → entry under islands/. A page
 * includes one with `<script type="module" src={bundleUrl('editor')}>` (see guide/views/editor-labels.tsx).
 */
const SEPARATE_BUNDLES: Record<string, string> = { editor: join('editor', 'index.ts'), map: 'map.ts' };
let bundleUrls: Record<string, string> = {};

// Large bundles are built once per process (tests build many apps). A bundle whose entry imports CSS (the map imports
// Leaflet's stylesheet, its images inlined) also has a stylesheet, served as `<name>.css` (bundleUrl('map.css')).
const bundleCache = new Map<string, Promise<{ js: Buffer; css: Buffer | null }>>();
function buildBundle(entry: string): Promise<{ js: Buffer; css: Buffer | null }> {
  let pending = bundleCache.get(entry);
  if (!pending) {
    pending = build({
      entryPoints: [join(webDir, 'islands', entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2019'],
      write: false,
      legalComments: 'none',
      outdir: join(webDir, 'bundle-out'),
      loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    }).then((out) => {
      const js = out.outputFiles.find((f) => f.path.endsWith('.js'));
      const css = out.outputFiles.find((f) => f.path.endsWith('.css'));
      return { js: Buffer.from(js?.text ?? ''), css: css ? Buffer.from(css.text) : null };
    });
    pending.catch(() => bundleCache.delete(entry));
    bundleCache.set(entry, pending);
  }
  return pending;
}

/** The hashed URL of a separate island bundle (after buildAssets ran). */
export function bundleUrl(name: string): string {
  return bundleUrls[name] ?? `/assets/${name}.js`;
}

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

/**
 * Builds the stylesheet (all files in styles/, in name order) and the island bundle (islands/index.ts) in memory
 * at start-up, served under content-hashed names with immutable caching. No build step for `npm start`.
 */
export async function buildAssets(): Promise<Assets> {
  const files = new Map<string, Asset>();
  const stylesDir = join(webDir, 'styles');
  const css = Buffer.from(
    readdirSync(stylesDir)
      .filter((f) => f.endsWith('.css'))
      .sort()
      .map((f) => readFileSync(join(stylesDir, f), 'utf8'))
      .join('\n'),
  );
  const minCss = await build({ stdin: { contents: css.toString(), loader: 'css' }, minify: true, write: false, bundle: false });
  const cssBody = Buffer.from(minCss.outputFiles[0]?.text ?? css.toString());
  const cssName = `main.${hashOf(cssBody)}.css`;
  files.set(cssName, { body: cssBody, type: 'text/css; charset=utf-8', hash: hashOf(cssBody) });

  const js = await build({
    entryPoints: [join(webDir, 'islands', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2019'],
    write: false,
    legalComments: 'none',
  });
  const jsBody = Buffer.from(js.outputFiles[0]?.text ?? '');
  const jsName = `islands.${hashOf(jsBody)}.js`;
  files.set(jsName, { body: jsBody, type: 'text/javascript; charset=utf-8', hash: hashOf(jsBody) });

  const bundles: Record<string, string> = {};
  for (const [name, entry] of Object.entries(SEPARATE_BUNDLES)) {
    const { js: body, css: style } = await buildBundle(entry);
    const file = `${name}.${hashOf(body)}.js`;
    files.set(file, { body, type: 'text/javascript; charset=utf-8', hash: hashOf(body) });
    bundles[name] = `/assets/${file}`;
    if (style) {
      const cssFile = `${name}.${hashOf(style)}.css`;
      files.set(cssFile, { body: style, type: 'text/css; charset=utf-8', hash: hashOf(style) });
      bundles[`${name}.css`] = `/assets/${cssFile}`;
    }
  }
  bundleUrls = bundles;
  return { css: `/assets/${cssName}`, js: `/assets/${jsName}`, files, bundles };
}
