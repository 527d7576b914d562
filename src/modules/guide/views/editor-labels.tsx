import { languageInfo } from '../../../platform/i18n/languages.js';
import { bundleUrl } from '../../../web/assets.js';
import { usePage } from '../../../web/page-context.js';
import { EDITOR_LABEL_KEYS, LABEL_PLACEHOLDERS, type EditorConfig, type EditorLabelKey, type EmbedChoice } from '../../../web/islands/editor/config.js';
import { MEDIA_MAX_MB } from '../media.js';

/** The catalog message behind each editor label (keys of the `editor` namespace unless written out). */
const MESSAGE: Partial<Record<EditorLabelKey, [string, Record<string, string | number>?]>> = {
  heading_2: ['editor.heading', { level: 2 }],
  heading_3: ['editor.heading', { level: 3 }],
  heading_4: ['editor.heading', { level: 4 }],
  field_file_hint: ['editor.field_file_hint', { max: MEDIA_MAX_MB }],
  // The island fills these in per placeholder.
  embed_services: ['editor.embed_services', { category: LABEL_PLACEHOLDERS.category }],
  embed_other: ['editor.embed_other', { name: LABEL_PLACEHOLDERS.name }],
};

/** JSON that is safe inside <script>: no `<`, `>`, `&` or line separators can end the element or confuse parsers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The editor island's labels and settings, as `<script type="application/json" data-js-editor-labels>`. Put it inside
 * the `data-module="rich-editor"` element (or anywhere on the page). `regionId` enables image upload into that
 * region's library; `language` is the content language being edited (the editing area gets its lang and dir);
 * `embeds` is the live content the toolbar offers (guide/embeds.ts `listEmbedChoices`), none when left out.
 */
export function EditorLabels(props: { language: string; regionId?: string | null; embeds?: readonly EmbedChoice[] | undefined }) {
  const { t } = usePage();
  const labels = Object.fromEntries(
    EDITOR_LABEL_KEYS.map((key) => {
      const [message, params] = MESSAGE[key] ?? [`editor.${key}`];
      return [key, t(message, params)];
    }),
  ) as Record<EditorLabelKey, string>;
  const config: EditorConfig = {
    labels,
    uploadUrl: props.regionId ? `/admin/regions/${props.regionId}/media` : null,
    language: props.language,
    dir: languageInfo(props.language).direction,
    embeds: props.embeds ? [...props.embeds] : [],
  };
  return <script type="application/json" data-js-editor-labels dangerouslySetInnerHTML={{ __html: scriptJson(config) }} />;
}

/** The editor bundle (separate from islands.js, so public pages never load it). Put it into the layout's `head`. */
export function EditorScript() {
  return <script type="module" src={bundleUrl('editor')} />;
}
