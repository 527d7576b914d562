/**
 * What the server hands the editor island (islands cannot read catalogs): labels in the UI language, the upload
 * endpoint, the language being edited and the live content (guide/embeds.ts) editors may insert. Rendered by `EditorLabels` (guide/views/editor-labels.tsx) as
 * `<script type="application/json" data-js-editor-labels>`.
 */
export const EDITOR_LABEL_KEYS = [
  'toolbar_label',
  'content_label',
  'paragraph',
  'heading_2',
  'heading_3',
  'heading_4',
  'bold',
  'italic',
  'bullet_list',
  'ordered_list',
  'link',
  'unlink',
  'link_url',
  'link_invalid',
  'table_insert',
  'table_add_row',
  'table_add_column',
  'table_delete_row',
  'table_delete_column',
  'table_delete',
  'image_insert',
  'field_file',
  'field_file_hint',
  'field_alt',
  'field_alt_hint',
  'error_file_required',
  'alt_required',
  'contact_card_insert',
  'contact_card_name',
  'contact_card_details',
  'embed_insert',
  'embed_category',
  'embed_category_hint',
  'embed_services',
  'embed_other',
  'undo',
  'redo',
  'dialog_ok',
  'dialog_cancel',
  'upload_failed',
  'uploading',
] as const;

export type EditorLabelKey = (typeof EDITOR_LABEL_KEYS)[number];

/**
 * Labels the island fills in itself carry these placeholders literally (the server formats them with the placeholder
 * as the value): `embed_services` names a category, `embed_other` an embed.
 */
export const LABEL_PLACEHOLDERS = { category: '{category}', name: '{name}' } as const;

/**
 * A live-content placeholder the editor may insert, `<div data-embed="NAME" data-category="CATEGORY"></div>`: the
 * embed's name, its category, a label (the category's name) and the depth of the category in its tree.
 */
export type EmbedChoice = { name: string; category: string; label: string; depth: number };

export type EditorConfig = {
  labels: Record<EditorLabelKey, string>;
  /** POST endpoint for image uploads (multipart: _csrf, alt, file), or null when images cannot be added here. */
  uploadUrl: string | null;
  /** The content language being edited (BCP 47) and its direction. */
  language: string;
  dir: 'ltr' | 'rtl';
  /** What the toolbar offers to embed; empty when nothing can be embedded here (no button then). */
  embeds: EmbedChoice[];
};

/** Embed names and category codes as the server's sanitiser keeps them (platform/richtext/sanitize.ts). */
export const EMBED_NAME = /^[a-z][a-z0-9-]{0,30}$/;
export const EMBED_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What the upload endpoint answers with `Accept: application/json`. */
export type UploadedImage = {
  id: string;
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  alt: string;
};

/** A link target the server's sanitiser keeps (mirrors safeLinkHref in platform/richtext/sanitize.ts). */
export function acceptableHref(raw: string): string | undefined {
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (href === '' || /[\u0000-\u001f\u007f\\]/.test(href) || href.startsWith('//')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return href;
  if (!['http', 'https', 'mailto', 'tel'].includes(scheme)) return undefined;
  if (scheme === 'http' || scheme === 'https') {
    try {
      new URL(href);
    } catch {
      return undefined;
    }
  }
  return href;
}
