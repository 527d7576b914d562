import { languageInfo } from '../../platform/i18n/languages.js';
import { usePage } from '../page-context.js';

/** A text and the language it is in (a translation, or the source-language fallback). */
export type Localised = { text: string; lang: string };

/** Text in its own language: `lang`/`dir` only where it differs from the page (a source-language fallback). */
export function Text(props: { value: Localised; as?: 'span' | 'p' | 'div'; class?: string }) {
  const { lang } = usePage();
  const Tag = props.as ?? 'span';
  const other = props.value.lang !== lang;
  return (
    <Tag class={props.class} lang={other ? props.value.lang : undefined} dir={other ? languageInfo(props.value.lang).direction : undefined}>
      {props.value.text}
    </Tag>
  );
}

/** Plain text as paragraphs (blank lines separate them) and line breaks; always escaped, never HTML. */
export function PlainText(props: { text: string; lang?: string | undefined; class?: string | undefined }) {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class={props.class} lang={props.lang} dir={props.lang ? languageInfo(props.lang).direction : undefined}>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <>
              {j > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

/** Multi-line plain text in its own language as paragraphs: `lang`/`dir` only where it differs from the page. */
export function Paragraphs(props: { value: Localised; class?: string }) {
  const { lang } = usePage();
  return <PlainText text={props.value.text} lang={props.value.lang !== lang ? props.value.lang : undefined} class={props.class} />;
}
