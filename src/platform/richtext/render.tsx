import type { SafeHtml } from './sanitize.js';

export type { SafeHtml } from './sanitize.js';

interface SanitizedHtmlProps {
  /** Output of `sanitizeRichText`, or a stored value of it marked with `trustStoredHtml`. A plain string is refused. */
  html: SafeHtml;
  as?: 'div' | 'section';
  class?: string;
  /** Language and direction of the content when they differ from the page (a fallback or translated text). */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

/**
 * Inserts sanitised rich text unescaped: the one place in the templates that does. Values are sanitised when they are
 * saved (the database column is the boundary), so this does not sanitise again; the `SafeHtml` type keeps any other
 * string out.
 */
export function SanitizedHtml({ html, as: Tag = 'div', class: className, lang, dir }: SanitizedHtmlProps) {
  return <Tag class={className} lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}
