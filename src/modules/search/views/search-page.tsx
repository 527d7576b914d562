import { languageInfo, uiLanguageFor } from '../../../platform/i18n/languages.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import type { SearchHit, SnippetHtml } from '../registry.js';
import { QUERY_MAX, QUERY_MIN } from '../service.js';

/** A language's name in the reader's language ("Deutsch", "الألمانية"). */
function languageName(code: string, readerLang: string): string {
  if (code.includes('-x-')) return languageInfo(code).nativeName;
  try {
    return new Intl.DisplayNames([readerLang, uiLanguageFor(readerLang)], { type: 'language', fallback: 'none' }).of(code) ?? languageInfo(code).nativeName;
  } catch {
    return languageInfo(code).nativeName;
  }
}

/**
 * An excerpt with its matches marked. The one place the search inserts HTML: `SnippetHtml` only comes from
 * `toSnippetHtml`, which escapes the text and adds nothing but `<mark>`.
 */
export function HighlightedSnippet(props: { html: SnippetHtml; lang?: string | undefined; dir?: 'ltr' | 'rtl' | undefined }) {
  return <p class="search-hit__snippet" lang={props.lang} dir={props.dir} dangerouslySetInnerHTML={{ __html: props.html }} />;
}

/** The search form (label visible) of the search page. */
function SearchForm(props: { action: string; q: string }) {
  const { t } = usePage();
  return (
    <form method="get" action={props.action} role="search" class="search-form search-page__form">
      <label for="search-q">{t('search.label')}</label>
      <input id="search-q" type="search" name="q" value={props.q} maxLength={QUERY_MAX} autocomplete="off" enterkeyhint="search" />
      <button type="submit" class="button">
        {t('common.search')}
      </button>
    </form>
  );
}

function Hit(props: { hit: SearchHit }) {
  const { t, lang } = usePage();
  const h = props.hit;
  const other = h.language !== lang;
  const own = other ? { lang: h.language, dir: languageInfo(h.language).direction } : { lang: undefined, dir: undefined };
  return (
    <li class="search-hit">
      {h.kindKey || h.path.length ? (
        <p class="search-hit__path">
          {h.kindKey ? <span class="tag search-hit__kind">{t(h.kindKey)}</span> : null}
          {h.kindKey && h.path.length ? ' ' : null}
          {h.path.join(' › ')}
        </p>
      ) : null}
      <h3 class="search-hit__title">
        <a href={h.url} lang={own.lang} dir={own.dir}>
          {h.title}
        </a>
      </h3>
      {other ? <p class="search-hit__note">{t('search.only_in', { language: languageName(h.language, lang) })}</p> : null}
      {h.snippetHtml ? <HighlightedSnippet html={h.snippetHtml} lang={own.lang} dir={own.dir} /> : null}
    </li>
  );
}

/** "Tell us what you were looking for": a plain form into the feedback inbox (no session, works on a cached page). */
function NothingFound(props: { region: RegionRow; q: string }) {
  const { t, lang } = usePage();
  return (
    <section class="search-wish" aria-labelledby="search-wish-title">
      <h2 id="search-wish-title">{t('search.wish_title')}</h2>
      <p>{t('search.wish_text')}</p>
      <form method="post" action={`/${props.region.slug}/${lang}/feedback`}>
        <input type="hidden" name="query" value={props.q} />
        <div class="field">
          <label for="search-wish-comment">{t('search.wish_label')}</label>
          <span class="hint" id="search-wish-hint">
            {t('search.wish_hint')}
          </span>
          <textarea id="search-wish-comment" name="comment" rows={3} maxLength={2000} aria-describedby="search-wish-hint" />
        </div>
        {/* A field people never see; bots fill it in. */}
        <p class="visually-hidden" aria-hidden="true">
          <label for="search-wish-website">Website</label>
          <input id="search-wish-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </p>
        <button type="submit" class="button button--secondary">
          {t('search.wish_send')}
        </button>
      </form>
    </section>
  );
}

/** `/{region}/{lang}/search?q=`: the form, the hits, or a way to tell the region what was missing. */
export function SearchPage(props: { region: RegionRow; q: string; typed: boolean; hits: SearchHit[] }) {
  const { t, lang } = usePage();
  const r = props.region;
  const action = `/${r.slug}/${lang}/search`;
  const title = props.q ? t('search.page_title_q', { q: props.q }) : t('search.page_title');
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <h1>{t('search.page_title')}</h1>
      <SearchForm action={action} q={props.q} />
      {props.typed && !props.q ? <p class="notice notice--info">{t('search.too_short', { min: QUERY_MIN })}</p> : null}
      {props.q ? (
        <>
          <h2 id="search-results-title" aria-live="polite">
            {t('search.results', { count: props.hits.length, q: props.q })}
          </h2>
          {props.hits.length ? (
            <ol class="search-results" aria-labelledby="search-results-title">
              {props.hits.map((h) => (
                <Hit key={h.url} hit={h} />
              ))}
            </ol>
          ) : (
            <>
              <p>{t('search.none_tips')}</p>
              <NothingFound region={r} q={props.q} />
            </>
          )}
        </>
      ) : null}
    </PublicLayout>
  );
}
