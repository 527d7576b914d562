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
  if (props.pages <= 1) return null;
  const href = (page: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params ?? {})) if (v) qs.set(k, v);
    qs.set('page', String(page));
    return `${props.base}?${qs.toString()}`;
  };
  return (
    <nav class="pagination" aria-label={t('ops.pagination')}>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={href(props.page - 1)} rel="prev">
              {t('common.previous_page')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('common.page_of', { page: props.page, pages: props.pages })}</li>
        {props.page < props.pages ? (
          <li>
            <a href={href(props.page + 1)} rel="next">
              {t('common.next_page')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
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
