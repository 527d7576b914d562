import type { ComponentChildren } from 'preact';
import { languageInfo, uiLanguageFor } from '../../../platform/i18n/languages.js';
import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { GuideIcon, isIconName } from '../icons.js';
import type { ContentPart } from '../embeds.js';
import type { PageLink, ReaderPage } from '../public.js';
import { PageFeedback } from './public-feedback.js';

/** The name of a language in the reader's language ("Deutsch", "الألمانية"); private-use tags by their own name. */
export function languageNameIn(code: string, readerLang: string): string {
  if (code.includes('-x-')) return languageInfo(code).nativeName;
  try {
    return new Intl.DisplayNames([readerLang, uiLanguageFor(readerLang)], { type: 'language', fallback: 'none' }).of(code) ?? languageInfo(code).nativeName;
  } catch {
    return languageInfo(code).nativeName;
  }
}

/** A date as the reader's language writes it (Gregorian calendar, the region's time zone). */
export function formatDate(date: Date, lang: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', calendar: 'gregory', timeZone };
  try {
    return new Intl.DateTimeFormat([lang, uiLanguageFor(lang)], options).format(date);
  } catch {
    return new Intl.DateTimeFormat(uiLanguageFor(lang), { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** Link text in its own language: `lang`/`dir` only where it differs from the page. */
function Localized(props: { lang: string; children: ComponentChildren }) {
  const page = usePage();
  if (props.lang === page.lang) return <>{props.children}</>;
  return (
    <span lang={props.lang} dir={languageInfo(props.lang).direction}>
      {props.children}
    </span>
  );
}

/** A list of guide pages with their icons (children of a page; topics on the region home). */
export function PageList(props: { links: PageLink[]; class?: string }) {
  // Titles line up: where some pages have icons, the others keep the icon's place empty.
  const anyIcon = props.links.some((l) => isIconName(l.icon));
  return (
    <ul class={`guide-list ${props.class ?? ''}`.trim()}>
      {props.links.map((l) => (
        <li key={l.id}>
          <a href={l.href} class="guide-list__link">
            {isIconName(l.icon) ? <GuideIcon name={l.icon} /> : anyIcon ? <span class="guide-list__no-icon" /> : null}
            <span class="guide-list__title">
              <Localized lang={l.lang}>{l.title}</Localized>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Breadcrumbs(props: { region: RegionRow; links: PageLink[]; current: string; currentLang: string }) {
  const { t, lang } = usePage();
  return (
    <nav class="breadcrumbs guide-breadcrumbs" aria-label={t('reader.breadcrumbs')}>
      <ol>
        <li>
          <a href={`/${props.region.slug}/${lang}/`}>
            <Localized lang={props.region.sourceLanguage}>{props.region.name}</Localized>
          </a>
        </li>
        {props.links.map((l) => (
          <li key={l.id}>
            <a href={l.href}>
              <Localized lang={l.lang}>{l.title}</Localized>
            </a>
          </li>
        ))}
        <li aria-current="page">
          <Localized lang={props.currentLang}>{props.current}</Localized>
        </li>
      </ol>
    </nav>
  );
}

function Notices(props: { page: ReaderPage; region: RegionRow }) {
  const { t, lang } = usePage();
  const p = props.page;
  const source = languageNameIn(props.region.sourceLanguage, lang);
  return (
    <>
      {p.fallback ? (
        <div class="notice notice--warning guide-notice" data-notice="fallback">
          <p>{t('reader.fallback_notice', { source })}</p>
          {p.availableIn.length ? (
            <>
              <p id="guide-available">{t('reader.fallback_languages')}</p>
              <ul class="inline-list guide-available" aria-labelledby="guide-available">
                {p.availableIn.map((code) => (
                  <li key={code}>
                    <a href={p.alternates[code]} hreflang={code} lang={code} dir={languageInfo(code).direction}>
                      {languageInfo(code).nativeName}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {p.outdated ? (
        <div class="notice notice--warning guide-notice" data-notice="outdated">
          <p>{t('reader.outdated_notice', { source })}</p>
          <p>
            <a href={p.sourcePath} hreflang={props.region.sourceLanguage}>
              {t('reader.outdated_link', { source })}
            </a>
          </p>
        </div>
      ) : null}
      {p.machine ? (
        <div class="notice guide-notice" data-notice="machine">
          <p>{t('reader.machine_notice')}</p>
        </div>
      ) : null}
    </>
  );
}

/** `/{region}/{lang}/{slug-path}`: a guide page for readers. */
export function GuidePage(props: { region: RegionRow; page: ReaderPage; baseUrl: string; parts?: ContentPart[] | undefined }) {
  const { t, lang } = usePage();
  const { region, page: p } = props;
  const url = `${props.baseUrl}${p.path}`;
  const textDir = languageInfo(p.textLanguage).direction;
  const differs = p.textLanguage !== lang;
  const head = (
    <>
      <link rel="canonical" href={url} />
      {p.availableIn.map((code) => (
        <link key={code} rel="alternate" hreflang={code} href={`${props.baseUrl}${p.alternates[code] ?? ''}`} />
      ))}
      <link rel="alternate" hreflang="x-default" href={`${props.baseUrl}${p.sourcePath}`} />
      {p.excerpt ? <meta name="description" content={p.excerpt} /> : null}
      {/* Link previews in messengers, where newcomers share pages. */}
      <meta property="og:type" content="article" />
      <meta property="og:title" content={p.title} />
      {p.excerpt ? <meta property="og:description" content={p.excerpt} /> : null}
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={region.name} />
      <meta property="og:locale" content={p.textLanguage.replace('-', '_')} />
    </>
  );
  return (
    <PublicLayout title={`${p.title} – ${region.name}`} region={layoutRegion(region)} alternates={p.alternates} head={head}>
      <Breadcrumbs region={region} links={p.breadcrumbs} current={p.title} currentLang={p.textLanguage} />
      <article class="guide-page" aria-labelledby="guide-title">
        <h1 id="guide-title" lang={differs ? p.textLanguage : undefined} dir={differs ? textDir : undefined}>
          {p.title}
        </h1>
        <Notices page={p} region={region} />
        {props.parts ? (
          // A page with embeds: its HTML pieces around the live content (guide/embeds.ts).
          <div class="guide-content" lang={p.textLanguage} dir={textDir}>
            {props.parts.map((part, i) => (part.kind === 'html' ? <SanitizedHtml key={i} html={part.html} class="guide-content__part" /> : <div key={i} class="guide-embed" lang={lang} dir={languageInfo(lang).direction}>{part.node}</div>))}
          </div>
        ) : (
          <SanitizedHtml html={p.contentHtml} class="guide-content" lang={p.textLanguage} dir={textDir} />
        )}
        {p.children.length ? (
          <nav class="guide-children" aria-labelledby="guide-children-title">
            <h2 id="guide-children-title">{t('reader.children_title')}</h2>
            <PageList links={p.children} />
          </nav>
        ) : null}
        <footer class="guide-meta">
          <p class="guide-meta__updated">
            {t('reader.updated')} <time datetime={p.updatedAt.toISOString()}>{formatDate(p.updatedAt, lang, region.timezone)}</time>
          </p>
          <div class="guide-share" data-module="share" data-share-title={p.title}>
            <p class="guide-share__label" id="guide-share-label">
              {t('reader.share_text')}
            </p>
            <p class="guide-share__link">
              <a href={url} data-js-share-link aria-describedby="guide-share-label" dir="ltr">
                {decodeURI(url)}
              </a>
            </p>
            <p class="guide-share__actions" data-js-share-actions hidden>
              <button type="button" class="button button--secondary" data-js-share-copy data-done={t('reader.share_copied')}>
                {t('reader.share_copy')}
              </button>{' '}
              <button type="button" class="button button--secondary" data-js-share-native hidden>
                {t('reader.share_native')}
              </button>
              <span class="guide-share__status" role="status" data-js-share-status />
            </p>
          </div>
        </footer>
      </article>
      <PageFeedback regionSlug={region.slug} lang={lang} pageId={p.id} />
    </PublicLayout>
  );
}

/** 404 inside a region: the region's header and a way back to its home. */
export function GuideNotFoundPage(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={`${t('reader.not_found_title')} – ${r.name}`} region={layoutRegion(r)}>
      <div class="error-page">
        <h1>{t('reader.not_found_title')}</h1>
        <p>{t('reader.not_found_text')}</p>
        <p>
          <a href={`/${r.slug}/${lang}/`}>{t('reader.back_home', { region: r.name })}</a>
        </p>
      </div>
    </PublicLayout>
  );
}

/** The guide's top-level pages on the region home (a home section, see src/web/home-sections.ts). */
export function GuideTopics(props: { links: PageLink[] }) {
  const { t } = usePage();
  return (
    <section class="guide-topics" aria-labelledby="guide-topics-title">
      <h2 id="guide-topics-title">{t('reader.topics_title')}</h2>
      <PageList links={props.links} class="guide-list--topics" />
    </section>
  );
}
