import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';
import { analyseReadability, isReadabilityLanguage } from '../../../modules/guide/readability.js';
import { ContactCard, ContactCardName } from './contact-card.js';
import { ContentEmbed, TopLevelDocument } from './content-embed.js';
import {
  acceptableHref,
  EDITOR_LABEL_KEYS,
  EMBED_NAME,
  EMBED_VALUE,
  LABEL_PLACEHOLDERS,
  type EditorConfig,
  type EditorLabelKey,
  type EmbedChoice,
  type UploadedImage,
} from './config.js';

/** Images exactly as `imageHtml` writes them and the sanitiser keeps them (attribute order included). */
const WebImage = Image.extend({
  addAttributes() {
    return {
      src: { default: null },
      srcset: { default: null },
      sizes: { default: null },
      alt: { default: '' },
      width: { default: null },
      height: { default: null },
      loading: { default: 'lazy' },
    };
  },
});

type Labels = Record<EditorLabelKey, string>;

/** An embed choice as the sanitiser would keep it (anything else in the config is ignored). */
function isEmbedChoice(value: unknown): value is EmbedChoice {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Record<keyof EmbedChoice, unknown>>;
  return typeof c.name === 'string' && EMBED_NAME.test(c.name) && typeof c.category === 'string' && EMBED_VALUE.test(c.category) && typeof c.label === 'string' && typeof c.depth === 'number';
}

/** The config from `<script type="application/json" data-js-editor-labels>` (inside the root, else on the page). */
export function readConfig(root: HTMLElement): EditorConfig | undefined {
  const script = root.querySelector<HTMLScriptElement>('script[data-js-editor-labels]') ?? document.querySelector<HTMLScriptElement>('script[data-js-editor-labels]');
  if (!script) return undefined;
  const parsed = JSON.parse(script.textContent ?? '{}') as Partial<EditorConfig>;
  const labels = parsed.labels ?? ({} as Partial<Labels>);
  const complete = Object.fromEntries(EDITOR_LABEL_KEYS.map((k) => [k, labels[k] ?? k])) as Labels;
  return {
    labels: complete,
    uploadUrl: typeof parsed.uploadUrl === 'string' ? parsed.uploadUrl : null,
    language: typeof parsed.language === 'string' ? parsed.language : document.documentElement.lang,
    dir: parsed.dir === 'rtl' ? 'rtl' : 'ltr',
    embeds: Array.isArray(parsed.embeds) ? parsed.embeds.filter(isEmbedChoice) : [],
  };
}

/** The text of an embed's box in the editor: "Live list: services of category Sports clubs". */
function embedDescriber(labels: Labels, choices: readonly EmbedChoice[]) {
  return (embed: string, category: string | null): string => {
    if (embed === 'services') {
      const choice = choices.find((c) => c.name === embed && c.category === category);
      return labels.embed_services.replace(LABEL_PLACEHOLDERS.category, () => choice?.label ?? category ?? '–');
    }
    return labels.embed_other.replace(LABEL_PLACEHOLDERS.name, () => (category ? `${embed}: ${category}` : embed));
  };
}

/**
 * Inserts a placeholder at the top level (the only place the sanitiser keeps one): after the top-level block the
 * cursor is in, or instead of it when that is an empty paragraph.
 */
function insertEmbed(editor: Editor, choice: EmbedChoice): void {
  const { selection } = editor.state;
  const { $from } = selection;
  const node = { type: 'contentEmbed', attrs: { embed: choice.name, category: choice.category } };
  if ($from.depth === 0) {
    editor.chain().focus().insertContentAt(selection.to, node).run();
    return;
  }
  const block = $from.node(1);
  const range = block.type.name === 'paragraph' && block.content.size === 0 ? { from: $from.before(1), to: $from.after(1) } : $from.after(1);
  editor.chain().focus().insertContentAt(range, node).run();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

let uid = 0;
function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

type ToolbarButton = {
  key: EditorLabelKey;
  run: (editor: Editor) => void;
  /** A toggle: aria-pressed follows this. */
  active?: (editor: Editor) => boolean;
  /** Disabled unless this is true. */
  enabled?: (editor: Editor) => boolean;
};

/**
 * The editor's HTML for the textarea: an empty document is the empty string, and the empty paragraph the editor
 * keeps at the end (so the cursor can get below a table or a card) is not part of the text.
 */
export function editorHtml(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML().replace(/(?:<p><\/p>)+$/, '');
}

/** Mounts the editor on `<div data-module="rich-editor">` holding `<textarea data-js-editor-source>`. */
export function mountRichEditor(root: HTMLElement): Editor | undefined {
  const textarea = root.querySelector<HTMLTextAreaElement>('textarea[data-js-editor-source]');
  const config = readConfig(root);
  if (!textarea || !config) return undefined;
  const { labels } = config;
  const language = textarea.getAttribute('lang') || config.language;
  const dir = textarea.getAttribute('dir') === 'rtl' || textarea.getAttribute('dir') === 'ltr' ? (textarea.getAttribute('dir') as 'ltr' | 'rtl') : config.dir;

  const wrapper = el('div', { class: 'rich-editor__ui' });
  const toolbar = el('div', { class: 'rich-editor__toolbar', role: 'toolbar', 'aria-label': labels.toolbar_label, 'aria-controls': nextId('rich-editor-content') });
  const contentId = toolbar.getAttribute('aria-controls') ?? '';
  const area = el('div', { class: 'rich-editor__area' });
  wrapper.append(toolbar, area);

  // The textarea's own label names the editing area; its hint and error message describe it.
  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (label && !label.id) label.id = nextId('rich-editor-label');
  // How to write an embed by hand concerns the textarea only: the toolbar inserts them here.
  const htmlHint = root.querySelector<HTMLElement>('[data-js-editor-html-hint]');
  if (htmlHint) htmlHint.hidden = true;
  const describedBy = (textarea.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => id !== '' && id !== htmlHint?.id)
    .join(' ');
  const contentAttributes: Record<string, string> = {
    id: contentId,
    class: 'rich-editor__content guide-content',
    role: 'textbox',
    'aria-multiline': 'true',
    lang: language,
    dir,
    spellcheck: 'true',
  };
  if (label) contentAttributes['aria-labelledby'] = label.id;
  else contentAttributes['aria-label'] = labels.content_label;
  if (describedBy) contentAttributes['aria-describedby'] = describedBy;
  if (textarea.getAttribute('aria-invalid') === 'true') contentAttributes['aria-invalid'] = 'true';

  const editor = new Editor({
    element: area,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        document: false,
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        underline: false,
        strike: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['mailto', 'tel'],
          HTMLAttributes: { rel: null, target: null },
          isAllowedUri: (url) => acceptableHref(url) !== undefined,
        },
      }),
      TableKit.configure({ table: { resizable: false } }),
      WebImage.configure({ inline: false, allowBase64: false }),
      ContactCard,
      ContactCardName,
      TopLevelDocument,
      ContentEmbed.configure({ describe: embedDescriber(labels, config.embeds) }),
    ],
    editorProps: { attributes: contentAttributes },
  });

  const sync = () => {
    textarea.value = editorHtml(editor);
  };
  const readability = startReadability(root, editor);
  editor.on('update', () => {
    sync();
    readability?.();
  });
  textarea.form?.addEventListener('submit', sync);
  label?.addEventListener('click', (e) => {
    e.preventDefault();
    editor.commands.focus();
  });

  const buttons: ToolbarButton[] = [
    { key: 'paragraph', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
    ...([2, 3, 4] as const).map(
      (level): ToolbarButton => ({
        key: `heading_${level}`,
        run: (e) => e.chain().focus().toggleHeading({ level }).run(),
        active: (e) => e.isActive('heading', { level }),
      }),
    ),
    { key: 'bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { key: 'italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { key: 'bullet_list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { key: 'ordered_list', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { key: 'link', run: (e) => openLinkDialog(e), active: (e) => e.isActive('link') },
    { key: 'unlink', run: (e) => e.chain().focus().extendMarkRange('link').unsetLink().run(), enabled: (e) => e.isActive('link') },
    { key: 'table_insert', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(), enabled: (e) => !e.isActive('table') },
    { key: 'table_add_row', run: (e) => e.chain().focus().addRowAfter().run(), enabled: (e) => e.can().addRowAfter() },
    { key: 'table_add_column', run: (e) => e.chain().focus().addColumnAfter().run(), enabled: (e) => e.can().addColumnAfter() },
    { key: 'table_delete_row', run: (e) => e.chain().focus().deleteRow().run(), enabled: (e) => e.can().deleteRow() },
    { key: 'table_delete_column', run: (e) => e.chain().focus().deleteColumn().run(), enabled: (e) => e.can().deleteColumn() },
    { key: 'table_delete', run: (e) => e.chain().focus().deleteTable().run(), enabled: (e) => e.can().deleteTable() },
    ...(config.uploadUrl ? [{ key: 'image_insert', run: () => openImageDialog() } satisfies ToolbarButton] : []),
    {
      key: 'contact_card_insert',
     
      run: (e) =>
        e
          .chain()
          .focus()
          .insertContent({
            type: 'contactCard',
            content: [
              { type: 'contactCardName', content: [{ type: 'text', text: labels.contact_card_name }] },
              { type: 'paragraph', content: [{ type: 'text', text: labels.contact_card_details }] },
            ],
          })
          .run(),
      enabled: (e) => !e.isActive('contactCard') && !e.isActive('table'),
    },
    ...(config.embeds.length ? [{ key: 'embed_insert', run: () => embedDialog?.open() } satisfies ToolbarButton] : []),
    { key: 'undo', run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
    { key: 'redo', run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
  ];

  const elements = buttons.map((b, i) => {
    // The visible text is the accessible name (no icon-only buttons: staff should not have to guess).
    const button = el('button', { type: 'button', class: `rich-editor__button rich-editor__button--${b.key}`, 'data-js-editor-command': b.key, tabindex: i === 0 ? '0' : '-1' }, labels[b.key]);
    button.addEventListener('click', () => b.run(editor));
    toolbar.append(button);
    return button;
  });
  const refresh = () => {
    buttons.forEach((b, i) => {
      const button = elements[i];
      if (!button) return;
      if (b.active) button.setAttribute('aria-pressed', String(b.active(editor)));
      if (b.enabled) button.setAttribute('aria-disabled', String(!b.enabled(editor)));
    });
  };
  editor.on('transaction', refresh);
  editor.on('selectionUpdate', refresh);
  refresh();
  rovingToolbar(toolbar, elements);

  // Dialogs (native <dialog>: focus is trapped and returned by the browser, Escape closes).
  const linkDialog = buildLinkDialog(labels, (href) => {
    if (href === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  });
  function openLinkDialog(e: Editor) {
    const current = (e.getAttributes('link').href as string | undefined) ?? '';
    linkDialog.open(current);
  }
  const imageDialog = config.uploadUrl ? buildImageDialog(labels, config.uploadUrl, textarea, (image) => {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'image', attrs: { src: image.src, srcset: image.srcset, sizes: image.sizes, alt: image.alt, width: image.width, height: image.height, loading: 'lazy' } })
      .run();
  }) : undefined;
  function openImageDialog() {
    imageDialog?.open();
  }
  const embedDialog = config.embeds.length ? buildEmbedDialog(labels, config.embeds, (choice) => insertEmbed(editor, choice)) : undefined;
  wrapper.append(linkDialog.dialog);
  if (imageDialog) wrapper.append(imageDialog.dialog);
  if (embedDialog) wrapper.append(embedDialog.dialog);

  textarea.hidden = true;
  textarea.setAttribute('aria-hidden', 'true');
  textarea.insertAdjacentElement('afterend', wrapper);
  root.classList.add('rich-editor-root--enhanced');
  sync();
  return editor;
}

/** Arrow keys move between toolbar buttons; one tab stop (WAI-ARIA toolbar pattern). */
function rovingToolbar(toolbar: HTMLElement, buttons: HTMLButtonElement[]) {
  toolbar.addEventListener('keydown', (e) => {
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    // The toolbar reads in the direction of the user interface (not of the text being edited).
    const dir = getComputedStyle(toolbar).direction === 'rtl' ? 'rtl' : 'ltr';
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next = index;
    if (e.key === forward) next = (index + 1) % buttons.length;
    else if (e.key === back) next = (index - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    buttons.forEach((b, i) => b.setAttribute('tabindex', i === next ? '0' : '-1'));
    buttons[next]?.focus();
  });
  // aria-disabled buttons stay focusable but do nothing.
  toolbar.addEventListener(
    'click',
    (e) => {
      const target = (e.target as HTMLElement).closest('button');
      if (target?.getAttribute('aria-disabled') === 'true') e.stopImmediatePropagation();
    },
    true,
  );
}

function dialogShell(title: string): { dialog: HTMLDialogElement; form: HTMLFormElement; error: HTMLElement; actions: HTMLElement; cancel: HTMLButtonElement; ok: HTMLButtonElement } {
  const titleId = nextId('rich-editor-dialog');
  const dialog = el('dialog', { class: 'rich-editor__dialog', 'aria-labelledby': titleId });
  const form = el('form', { method: 'dialog', novalidate: '' });
  const heading = el('h2', { id: titleId, class: 'rich-editor__dialog-title' }, title);
  const error = el('p', { class: 'field-error', role: 'alert' });
  error.hidden = true;
  const actions = el('div', { class: 'rich-editor__dialog-actions' });
  const ok = el('button', { type: 'submit', class: 'button button--primary' });
  const cancel = el('button', { type: 'button', class: 'button button--secondary' });
  cancel.addEventListener('click', () => dialog.close());
  actions.append(ok, cancel);
  form.append(heading, error);
  dialog.append(form);
  return { dialog, form, error, actions, cancel, ok };
}

function field(labelText: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  const wrap = el('div', { class: 'field' });
  const id = nextId('rich-editor-field');
  input.id = id;
  const label = el('label', { for: id }, labelText);
  wrap.append(label);
  if (hint) {
    const hintId = `${id}-hint`;
    wrap.append(el('p', { class: 'hint', id: hintId }, hint));
    input.setAttribute('aria-describedby', hintId);
  }
  wrap.append(input);
  return wrap;
}

function buildLinkDialog(labels: Labels, apply: (href: string) => void) {
  const shell = dialogShell(labels.link);
  const input = el('input', { type: 'text', inputmode: 'url', autocomplete: 'off', dir: 'ltr', class: 'input' });
  shell.ok.textContent = labels.dialog_ok;
  shell.cancel.textContent = labels.dialog_cancel;
  shell.form.append(field(labels.link_url, input), shell.actions);
  shell.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const raw = input.value.trim();
    if (raw === '') {
      apply('');
      shell.dialog.close();
      return;
    }
    const href = acceptableHref(raw) ?? (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(raw) ? acceptableHref(`https://${raw}`) : undefined);
    if (href === undefined) {
      shell.error.textContent = labels.link_invalid;
      shell.error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    apply(href);
    shell.dialog.close();
  });
  return {
    dialog: shell.dialog,
    open(current: string) {
      input.value = current;
      shell.error.hidden = true;
      input.removeAttribute('aria-invalid');
      shell.dialog.showModal();
      input.focus();
    },
  };
}

/** Choosing what to embed: a select of the offered choices (categories in tree order, indented by depth). */
function buildEmbedDialog(labels: Labels, choices: readonly EmbedChoice[], apply: (choice: EmbedChoice) => void) {
  const shell = dialogShell(labels.embed_insert);
  const select = el('select');
  choices.forEach((choice, index) => {
    select.append(el('option', { value: String(index) }, `${'– '.repeat(choice.depth)}${choice.label} (${choice.category})`));
  });
  shell.ok.textContent = labels.dialog_ok;
  shell.cancel.textContent = labels.dialog_cancel;
  shell.form.append(field(labels.embed_category, select, labels.embed_category_hint), shell.actions);
  shell.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const choice = choices[Number(select.value)];
    shell.dialog.close();
    if (choice) apply(choice);
  });
  return {
    dialog: shell.dialog,
    open() {
      shell.dialog.showModal();
      select.focus();
    },
  };
}

function csrfTokenOf(textarea: HTMLTextAreaElement): string {
  return textarea.form?.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
}

function buildImageDialog(labels: Labels, uploadUrl: string, textarea: HTMLTextAreaElement, insert: (image: UploadedImage) => void) {
  const shell = dialogShell(labels.image_insert);
  const file = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff' });
  const alt = el('input', { type: 'text', class: 'input', maxlength: '300', autocomplete: 'off' });
  const status = el('p', { class: 'hint', role: 'status' });
  shell.ok.textContent = labels.dialog_ok;
  shell.cancel.textContent = labels.dialog_cancel;
  shell.form.append(field(labels.field_file, file, labels.field_file_hint), field(labels.field_alt, alt, labels.field_alt_hint), status, shell.actions);
  const fail = (message: string, focus: HTMLElement) => {
    shell.error.textContent = message;
    shell.error.hidden = false;
    status.textContent = '';
    shell.ok.disabled = false;
    focus.focus();
  };
  shell.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return fail(labels.error_file_required, file);
    if (alt.value.trim() === '') return fail(labels.alt_required, alt);
    const body = new FormData();
    const token = csrfTokenOf(textarea);
    body.append('_csrf', token); // before the file: the server reads the token first
    body.append('alt', alt.value.trim());
    body.append('file', chosen);
    shell.error.hidden = true;
    status.textContent = labels.uploading;
    shell.ok.disabled = true;
    fetch(uploadUrl, { method: 'POST', body, headers: { accept: 'application/json', 'x-csrf-token': token }, credentials: 'same-origin' })
      .then(async (response) => {
        const data = (await response.json().catch(() => ({}))) as Partial<UploadedImage> & { errors?: Record<string, string>; detail?: string };
        if (!response.ok || typeof data.src !== 'string') {
          const message = data.errors ? Object.values(data.errors).join(' ') : (data.detail ?? labels.upload_failed);
          fail(message || labels.upload_failed, file);
          return;
        }
        insert(data as UploadedImage);
        status.textContent = '';
        shell.ok.disabled = false;
        shell.dialog.close();
      })
      .catch(() => fail(labels.upload_failed, file));
  });
  return {
    dialog: shell.dialog,
    open() {
      file.value = '';
      alt.value = '';
      shell.error.hidden = true;
      status.textContent = '';
      shell.ok.disabled = false;
      shell.dialog.showModal();
      file.focus();
    },
  };
}

/** Recomputes the readability hint (server-rendered beside the editor) while the user types. */
function startReadability(root: HTMLElement, editor: Editor): (() => void) | undefined {
  const form = root.closest('form');
  const hint = root.querySelector<HTMLElement>('[data-js-readability]') ?? form?.querySelector<HTMLElement>('[data-js-readability]') ?? document.querySelector<HTMLElement>('[data-js-readability]');
  const language = hint?.dataset.language ?? '';
  if (!hint || !isReadabilityLanguage(language) || typeof Intl.Segmenter !== 'function') return undefined;
  const bands = JSON.parse(hint.dataset.bands ?? '{}') as Record<string, string>;
  const max = Number(hint.dataset.listMax ?? '10');
  const q = <T extends HTMLElement>(name: string) => hint.querySelector<T>(`[data-js-readability-${name}]`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const numberFormat = new Intl.NumberFormat(document.documentElement.lang || 'de', { maximumFractionDigits: 1 });
  const update = () => {
    const r = analyseReadability(editor.getText({ blockSeparator: '\n' }), language);
    const score = q('score');
    if (score) score.textContent = String(r.score);
    const band = q('band');
    if (band) {
      band.textContent = bands[r.band] ?? r.band;
      band.className = `readability__band readability__band--${r.band}`;
    }
    const asl = q('asl');
    if (asl) asl.textContent = numberFormat.format(r.averageSentenceLength);
    const sentences = r.longSentences.slice(0, max);
    const words = r.longWords.slice(0, max);
    const sentenceList = q('sentences');
    if (sentenceList) {
      sentenceList.replaceChildren(
        ...sentences.map((s) => {
          const li = el('li', {}, `${s.text} `);
          li.append(el('span', { class: 'readability__count' }, `(${s.words})`));
          return li;
        }),
      );
    }
    const wordList = q('words');
    if (wordList) wordList.replaceChildren(...words.map((w) => el('li', {}, w.word)));
    const sentenceBox = q('sentences-box');
    if (sentenceBox) sentenceBox.hidden = sentences.length === 0;
    const wordBox = q('words-box');
    if (wordBox) wordBox.hidden = words.length === 0;
    const ok = q('ok');
    if (ok) ok.hidden = sentences.length > 0 || words.length > 0;
  };
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
}
