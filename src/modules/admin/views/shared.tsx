import { Pagination as Pager } from '../../../web/components/pagination.js';
import { usePage } from '../../../web/page-context.js';

/** A date and time in the viewer's language, in the region's time zone (Europe/Berlin when none). */
export function DateTime(props: { at: Date | null | undefined; timeZone?: string | null }) {
  const { lang } = usePage();
  if (!props.at) return <span class="muted">–</span>;
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium', timeZone: props.timeZone ?? 'Europe/Berlin' }).format(props.at);
  return <time dateTime={props.at.toISOString()}>{text}</time>;
}

/** "Page n of m" with previous/next links that keep the other query parameters. */
export function Pagination(props: { page: number; pages: number; base: string; params?: Record<string, string | undefined> }) {
  const { t } = usePage();
  const href = (page: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params ?? {})) if (v) qs.set(k, v);
    qs.set('page', String(page));
    return `${props.base}?${qs.toString()}`;
  };
  return <Pager page={props.page} pages={props.pages} href={href} label={t('ops.pagination')} />;
}

/** A status word as a tag (the text is the information; the class only colours it). */
export function StatusTag(props: { status: string; label: string }) {
  return <span class={`tag tag--${props.status}`}>{props.label}</span>;
}

/** The region column: the region's name, or "installation-wide" for rows without a region. */
export function RegionName(props: { name: string | null | undefined }) {
  const { t } = usePage();
  return props.name ? <>{props.name}</> : <span class="muted">{t('ops.no_region')}</span>;
}
