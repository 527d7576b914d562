import type { RegionRow } from '../service.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { PlainText as SharedPlainText } from '../../../web/components/text.js';
import { usePage } from '../../../web/page-context.js';

/** Plain text as paragraphs and line breaks; always escaped (no HTML from the database reaches the page). */
export function PlainText(props: { text: string; lang?: string }) {
  return <SharedPlainText class="plain-text" text={props.text} lang={props.lang} />;
}

/** The translated label of a region kind. */
export function useKindLabel(): (kind: RegionRow['kind']) => string {
  const { t } = usePage();
  return (kind) => t(`regions.kind_${kind}`);
}

/** A language code shown with its native name, marked up in its own language and direction. */
export function LanguageName(props: { code: string }) {
  const info = languageInfo(props.code);
  return (
    <span lang={props.code} dir={info.direction}>
      {info.nativeName}
    </span>
  );
}
