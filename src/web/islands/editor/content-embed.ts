import { Node } from '@tiptap/core';
import { EMBED_NAME, EMBED_VALUE } from './config.js';

/** The text of the box that stands for a placeholder in the editor (the reader sees the live content instead). */
export type EmbedDescriber = (embed: string, category: string | null) => string;

/**
 * The document: ordinary blocks and, only at the top level, live-content placeholders. The server's sanitiser keeps
 * a placeholder only there (guide/embeds.ts), so the editor never lets one into a list, a quote or a table.
 */
export const TopLevelDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: '(block | topLevelBlock)+',
});

/**
 * A live-content placeholder, `<div data-embed="services" data-category="sports-clubs"></div>`: kept exactly as the
 * sanitiser writes it (data-embed, then data-category when there is one; nothing inside) and shown in the editor as a
 * box that cannot be edited, only selected, deleted or moved with the text around it.
 */
export const ContentEmbed = Node.create<{ describe: EmbedDescriber }>({
  name: 'contentEmbed',
  group: 'topLevelBlock',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { describe: (embed, category) => (category ? `${embed}: ${category}` : embed) };
  },

  addAttributes() {
    return {
      embed: { default: null, rendered: false, parseHTML: (element) => element.getAttribute('data-embed')?.trim() ?? null },
      category: {
        default: null,
        rendered: false,
        parseHTML: (element) => {
          const category = element.getAttribute('data-category')?.trim();
          return category !== undefined && EMBED_VALUE.test(category) ? category : null;
        },
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-embed]', priority: 60, getAttrs: (element) => (EMBED_NAME.test(element.getAttribute('data-embed')?.trim() ?? '') ? null : false) }];
  },

  renderHTML({ node }) {
    const embed = String(node.attrs.embed);
    const category = node.attrs.category as string | null;
    return ['div', category ? { 'data-embed': embed, 'data-category': category } : { 'data-embed': embed }];
  },

  addNodeView() {
    const describe = this.options.describe;
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = 'rich-editor__embed';
      dom.contentEditable = 'false';
      dom.setAttribute('data-js-editor-embed', '');
      const show = (current: typeof node) => {
        const embed = String(current.attrs.embed);
        const category = current.attrs.category as string | null;
        dom.dataset.embed = embed;
        if (category) dom.dataset.category = category;
        else delete dom.dataset.category;
        dom.textContent = describe(embed, category);
      };
      show(node);
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          show(updated);
          return true;
        },
      };
    };
  },
});
