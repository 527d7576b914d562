import { usePage } from '../page-context.js';

/** "Page n of m" with previous/next links; `href(page)` builds the link of a page (keeping filters and the like). */
export function Pagination(props: { page: number; pages: number; href: (page: number) => string; label: string }) {
  const { t } = usePage();
  if (props.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={props.label}>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={props.href(props.page - 1)} rel="prev">
              {t('common.previous_page')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('common.page_of', { page: props.page, pages: props.pages })}</li>
        {props.page < props.pages ? (
          <li>
            <a href={props.href(props.page + 1)} rel="next">
              {t('common.next_page')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
