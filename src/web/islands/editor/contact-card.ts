import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The contact card: exactly `<aside class="contact-card"><h3>Name</h3><p>…</p>…</aside>`, the structure the server's
 * sanitiser keeps (a name, then paragraphs or a bulleted list).
 */
export const ContactCardName = Node.create({
  name: 'contactCardName',
  content: 'text*',
  marks: 'bold italic',
  defining: true,
  parseHTML() {
    // Any heading directly inside a card is its name.
    return ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag, context: 'contactCard/', priority: 100 }));
  },
  renderHTML() {
    return ['h3', 0];
  },
});

export const ContactCard = Node.create({
  name: 'contactCard',
  group: 'block',
  content: 'contactCardName (paragraph | bulletList)+',
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'aside.contact-card' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { class: 'contact-card' }), 0];
  },
});
