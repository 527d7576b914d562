import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { utcToZonedLocal } from '../../../platform/time/zoned-time.js';
import { withFilters, type EventList } from '../public.js';
import { eventUrls } from '../urls.js';
import { Breadcrumbs, DateList, FeedLinks, FilterPanel, Pagination } from './public-parts.js';

/**
 * `/{region}/{lang}/events`: the dates to come, grouped by day, with the filters (a sidebar on wide screens), paging,
 * the month view and the calendar feed.
 */
export function EventListPage(props: { region: RegionRow; list: EventList; now: Date }) {
  const { t, lang } = usePage();
  const r = props.region;
  const list = props.list;
  const base = eventUrls.list(r.slug, lang);
  const month = (list.filters.from ?? utcToZonedLocal(props.now, r.timezone)).slice(0, 7);
  const monthHref = withFilters(eventUrls.month(r.slug, lang, month), list.filters, { page: undefined, from: undefined, to: undefined });
  return (
    <PublicLayout title={`${t('events-public.list_title')} – ${r.name}`} region={layoutRegion(r)}>
      <Breadcrumbs regionSlug={r.slug} regionName={r.name} />
      <h1>{t('events-public.list_title')}</h1>
      <p class="ev-views">
        <a href={monthHref} class="ev-views__month">
          {t('events-public.to_month_view')}
        </a>
      </p>
      <div class="ev-layout">
        <FilterPanel action={base} filters={list.filters} choices={list.choices} />
        <div class="ev-results">
          <p id="ev-results-title" class="result-count" role="status">
            {t('events-public.results', { count: list.total })}
          </p>
          {list.entries.length ? <DateList entries={list.entries} timeZone={r.timezone} headingLevel={2} /> : <p class="ev-empty">{t('events-public.none')}</p>}
          <Pagination base={base} filters={list.filters} page={list.page} pages={list.pages} />
          <FeedLinks regionSlug={r.slug} category={list.filters.category} />
        </div>
      </div>
    </PublicLayout>
  );
}
