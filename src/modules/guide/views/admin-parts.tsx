import { languageInfo } from '../../../platform/i18n/languages.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { PageStatus, TranslationState } from '../service.js';

/** The status of a page as a badge (the word carries the meaning; the class only colours it). */
export function StatusBadge(props: { status: PageStatus }) {
  const { t } = usePage();
  return <span class={`badge badge--page-${props.status}`}>{t(`guide.status_${props.status}`)}</span>;
}

/** Where one language of a page stands, as a small label: "EN: outdated". */
export function StateLabel(props: { language: string; state: TranslationState; href?: string | undefined; current?: boolean }) {
  const { t } = usePage();
  const label = (
    <>
      <abbr title={languageInfo(props.language).nativeName} lang={props.language}>
        {props.language.toUpperCase()}
      </abbr>
      <span class="visually-hidden">:</span> {t(`guide.state_${props.state}`)}
    </>
  );
  const cls = `lang-state lang-state--${props.state}`;
  return props.href ? (
    <a class={cls} href={props.href} aria-current={props.current ? 'page' : undefined}>
      {label}
    </a>
  ) : (
    <span class={cls}>{label}</span>
  );
}

/** A language's name in its own script, isolated so it keeps its direction inside a sentence. */
export function LanguageName(props: { code: string }) {
  const info = languageInfo(props.code);
  return (
    <bdi lang={props.code} dir={info.direction}>
      {info.nativeName}
    </bdi>
  );
}

type Crumb = { href: string; label: string };

/** Regions › Region (› trail …). */
export function RegionBreadcrumbs(props: { region: Pick<RegionRow, 'id' | 'name'>; trail?: Crumb[] }) {
  const { t } = usePage();
  return (
    <p class="breadcrumbs">
      <a href="/admin/regions">{t('guide.crumb_regions')}</a>
      {' › '}
      <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a>
      {(props.trail ?? []).map((c) => (
        <>
          {' › '}
          <a href={c.href}>{c.label}</a>
        </>
      ))}
    </p>
  );
}

/** Regions › Region › Pages (› extra). */
export function GuideBreadcrumbs(props: { region: Pick<RegionRow, 'id' | 'name'>; extra?: Crumb | undefined }) {
  const { t } = usePage();
  const pages = { href: `/admin/regions/${props.region.id}/pages`, label: t('guide.tree_title') };
  return <RegionBreadcrumbs region={props.region} trail={props.extra ? [pages, props.extra] : [pages]} />;
}

/** A date and time in the viewer's language and the region's time zone. */
export function When(props: { at: Date | null | undefined; timeZone: string }) {
  const { lang } = usePage();
  if (!props.at) return <span class="meta">–</span>;
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: props.timeZone }).format(props.at);
  return <time dateTime={props.at.toISOString()}>{text}</time>;
}

/** The admin URL of the editor of a page in a language. */
export function editorHref(pageId: string, language?: string): string {
  return language ? `/admin/pages/${pageId}/edit?lang=${encodeURIComponent(language)}` : `/admin/pages/${pageId}/edit`;
}
