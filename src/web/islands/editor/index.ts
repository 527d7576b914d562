// Entry of the editor bundle (a separate esbuild entry, loaded only on pages that include <EditorScript />, never on
// public pages). Starts the rich-text editor on every `data-module="rich-editor"`; the common island loader ignores
// the name. Without this script (or when it fails) the textarea stays and is edited as HTML.
import { mountRichEditor } from './editor.js';

function start(): void {
  document.querySelectorAll<HTMLElement>('[data-module~="rich-editor"]').forEach((root) => {
    if (root.dataset.richEditorStarted) return;
    root.dataset.richEditorStarted = '1';
    try {
      mountRichEditor(root);
    } catch (err) {
      console.error('island rich-editor failed', err);
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
