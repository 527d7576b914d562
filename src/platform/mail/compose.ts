import { languageInfo } from '../i18n/languages.js';

/** A paragraph of a mail: text (line breaks kept; a plain string is the same), or a link with its label. */
export type MailBlock = string | { text: string } | { link: string; label: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Blocks as plain text and as simple HTML in the mail's language and direction (right to left for Arabic, Persian).
 * Empty paragraphs are left out, so optional lines can be passed as ''.
 */
export function composeMail(blocks: MailBlock[], lang: string): { text: string; html: string } {
  const kept = blocks.map((b) => (typeof b === 'string' ? { text: b } : b)).filter((b) => ('link' in b ? b.link : b.text.trim()));
  const text = kept.map((b) => ('link' in b ? `${b.label}:\n${b.link}` : b.text)).join('\n\n') + '\n';
  const body = kept
    .map((b) => ('link' in b ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a><br>${escapeHtml(b.link)}</p>` : `<p>${escapeHtml(b.text).replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
  return { text, html: `<div lang="${escapeHtml(lang)}" dir="${languageInfo(lang).direction}">\n${body}\n</div>\n` };
}
