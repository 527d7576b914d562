import type { VNode } from 'preact';
import { PublicLayout, type LayoutRegion } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionNode, RegionRow } from '../service.js';
import { LanguageName, PlainText, useKindLabel } from './parts.js';

/** What the layout needs of a region. */
export function layoutRegion(r: RegionRow): LayoutRegion {
  return { slug: r.slug, name: r.name, languages: r.languages, sourceLanguage: r.sourceLanguage };
}

function PublicTree(props: { nodes: RegionNode[] }) {
  const kindLabel = useKindLabel();
  return (
    <ul class="region-tree">
      {props.nodes.map(({ region, children }) => (
        <li key={region.id} data-js-filter-item>
          <a href={`/${region.slug}/`} lang={region.sourceLanguage}>
            {region.name}
          </a>{' '}
          <span class="meta">({kindLabel(region.kind)})</span>
          {children.length ? <PublicTree nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** `/`: every public region, with a search form that works without JavaScript. */
export function HomePage(props: { tree: RegionNode[]; matches: { region: RegionRow; parentNames: string[] }[] | null; q: string; langParam?: string | undefined }) {
  const { t } = usePage();
  const kindLabel = useKindLabel();
  return (
    <PublicLayout title={t('regions.home_title')}>
      <h1>{t('regions.home_title')}</h1>
      <p>{t('regions.home_intro')}</p>
      <div data-module="live-filter">
        <form method="get" action="/" role="search" class="search-form">
          <label for="region-q">{t('regions.search_label')}</label>
          <input id="region-q" type="search" name="q" value={props.q} maxLength={200} data-js-filter-input autocomplete="off" />
          {props.langParam ? <input type="hidden" name="lang" value={props.langParam} /> : null}
          <button type="submit" class="button">
            {t('common.search')}
          </button>
        </form>
        {props.matches ? (
          <>
            <h2>{t('regions.search_results', { count: props.matches.length, q: props.q })}</h2>
            {props.matches.length ? (
              <ul class="region-list">
                {props.matches.map(({ region, parentNames }) => (
                  <li key={region.id} data-js-filter-item>
                    <a href={`/${region.slug}/`} lang={region.sourceLanguage}>
                      {region.name}
                    </a>{' '}
                    <span class="meta">
                      ({kindLabel(region.kind)}
                      {parentNames.length ? `, ${parentNames.join(' › ')}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('regions.search_none')}</p>
            )}
            <p>
              <a href={props.langParam ? `/?lang=${props.langParam}` : '/'}>{t('regions.search_show_all')}</a>
            </p>
          </>
        ) : props.tree.length ? (
          <PublicTree nodes={props.tree} />
        ) : (
          <p>{t('regions.no_regions')}</p>
        )}
      </div>
    </PublicLayout>
  );
}

/** `/{region}/{lang}/`: the region's home in one of its content languages. */
export function RegionHomePage(props: { region: RegionRow; parent?: RegionRow | undefined; children: RegionRow[]; sections?: VNode[] }) {
  const { t, lang } = usePage();
  const kindLabel = useKindLabel();
  const r = props.region;
  return (
    <PublicLayout title={r.name} region={layoutRegion(r)}>
      {props.parent && !props.parent.archivedAt ? (
        <p class="breadcrumbs">
          <a href={`/${props.parent.slug}/${props.parent.languages.includes(lang) ? lang : props.parent.sourceLanguage}/`} lang={props.parent.sourceLanguage}>
            {props.parent.name}
          </a>
        </p>
      ) : null}
      <h1 lang={r.sourceLanguage}>{r.name}</h1>
      <p class="meta">{kindLabel(r.kind)}</p>
      {/* Blocks of other modules (src/web/home-sections.ts), e.g. the guide's topics. */}
      {props.sections}
      {props.children.length ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('regions.public_children_title')}</h2>
          <ul class="region-list">
            {props.children.map((c) => (
              <li key={c.id}>
                <a href={`/${c.slug}/${c.languages.includes(lang) ? lang : c.sourceLanguage}/`} lang={c.sourceLanguage}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="contact-box" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('common.contact')}</h2>
        {r.contact ? <PlainText text={r.contact} lang={r.sourceLanguage} /> : <p>{t('regions.empty_text_public')}</p>}
      </section>
    </PublicLayout>
  );
}

export type RegionTextKind = 'contact' | 'imprint' | 'privacy' | 'accessibility';

/** Contact, imprint, privacy and accessibility statement of a region (plain text, escaped). */
export function RegionTextPage(props: { region: RegionRow; kind: RegionTextKind; text: string }) {
  const { t } = usePage();
  const title = t(`common.${props.kind}`);
  const r = props.region;
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <h1>{title}</h1>
      {props.text ? <PlainText text={props.text} lang={r.sourceLanguage} /> : <p>{t('regions.empty_text_public')}</p>}
    </PublicLayout>
  );
}

/** 404 for a language the region does not offer, with links to the languages it does. */
export function LanguageNotAvailablePage(props: { region: RegionRow; requested: string }) {
  const { t } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={t('regions.lang_missing_title')}>
      <h1>{t('regions.lang_missing_title')}</h1>
      <p>{t('regions.lang_missing_text', { region: r.name, code: props.requested })}</p>
      <ul class="region-list">
        {r.languages.map((code) => (
          <li key={code}>
            <a href={`/${r.slug}/${code}/`} hreflang={code}>
              <LanguageName code={code} />
            </a>
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}
