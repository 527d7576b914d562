import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { withFilters, type CalendarDay, type MonthView } from '../public.js';
import { eventUrls } from '../urls.js';
import { Breadcrumbs, FeedLinks, FilterPanel } from './public-parts.js';
import { calendarTime, dateFormat, datetimeAttr, formatDay } from '../public-format.js';
import { Text } from '../../../web/components/text.js';

/** Monday … Sunday in the reader's language (1 January 2024 was a Monday). */
function weekdayNames(lang: string): { long: string; short: string }[] {
  return Array.from({ length: 7 }, (_, i) => {
    const at = new Date(Date.UTC(2024, 0, 1 + i, 12));
    return { long: dateFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(at), short: dateFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(at) };
  });
}

function monthName(month: string, lang: string): string {
  return dateFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

function Day(props: { day: CalendarDay; timeZone: string }) {
  const { t, lang } = usePage();
  const d = props.day;
  const cls = ['ev-month__day', d.inMonth ? '' : 'ev-month__day--out', d.today ? 'ev-month__day--today' : '', d.entries.length ? 'ev-month__day--busy' : ''].filter(Boolean).join(' ');
  return (
    <td class={cls} data-date={d.date} aria-current={d.today ? 'date' : undefined}>
      <span class="ev-month__num" aria-hidden="true">
        {Number(d.date.slice(8, 10)).toLocaleString([lang, 'de'])}
      </span>
      <span class="ev-month__date">
        <time datetime={d.date}>{formatDay(d.date, lang)}</time>
      </span>
      {d.entries.length ? (
        <ul class="ev-month__events">
          {d.entries.map((e) => (
            <li key={e.occurrenceId} class={e.cancelled ? 'ev-month__event ev-month__event--cancelled' : 'ev-month__event'}>
              <a href={e.href}>
                <time class="ev-month__time" datetime={datetimeAttr(e)}>
                  {calendarTime(e, d.date, lang, props.timeZone, t)}
                </time>{' '}
                <Text value={e.title} />
              </a>
              {e.cancelled ? (
                <>
                  {' '}
                  <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

/**
 * `/{region}/{lang}/events/month/YYYY-MM`: a calendar table (weeks from Monday, weekday names of the reader's
 * language, each day's dates as links) that narrow screens show as a list of the days with dates (CSS only).
 */
export function MonthPage(props: { region: RegionRow; view: MonthView }) {
  const { t, lang } = usePage();
  const r = props.region;
  const v = props.view;
  const names = weekdayNames(lang);
  const title = monthName(v.month, lang);
  const href = (month: string) => withFilters(eventUrls.month(r.slug, lang, month), v.filters, { page: undefined, from: undefined, to: undefined });
  const listHref = withFilters(eventUrls.list(r.slug, lang), v.filters, { page: undefined, from: v.month >= v.current ? undefined : `${v.month}-01`, to: undefined });
  const empty = v.weeks.every((w) => w.every((d) => d.entries.length === 0));
  return (
    <PublicLayout title={`${title} – ${t('events-public.list_title')} – ${r.name}`} region={layoutRegion(r)}>
      <Breadcrumbs regionSlug={r.slug} regionName={r.name}>
        <li>
          <a href={eventUrls.list(r.slug, lang)}>{t('events-public.list_title')}</a>
        </li>
      </Breadcrumbs>
      <h1>
        {t('events-public.month_title')}: {title}
      </h1>
      <p class="ev-views">
        <a href={listHref}>{t('events-public.to_list_view')}</a>
      </p>
      <FilterPanel action={eventUrls.month(r.slug, lang, v.month)} filters={v.filters} choices={v.choices} showDates={false} />
      <nav class="ev-month-nav" aria-label={t('events-public.month_nav')}>
        <ul>
          <li>
            <a href={href(v.prev)} rel="prev" class="ev-month-nav__prev">
              {t('events-public.month_prev', { month: monthName(v.prev, lang) })}
            </a>
          </li>
          {v.month !== v.current ? (
            <li>
              <a href={href(v.current)}>{t('events-public.month_current')}</a>
            </li>
          ) : null}
          <li>
            <a href={href(v.next)} rel="next" class="ev-month-nav__next">
              {t('events-public.month_next', { month: monthName(v.next, lang) })}
            </a>
          </li>
        </ul>
      </nav>
      {empty ? <p class="ev-empty">{t('events-public.month_none')}</p> : null}
      <table class="ev-month" data-empty={empty ? 'yes' : undefined}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col">
                <abbr title={n.long}>{n.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((d) => (
                <Day key={d.date} day={d} timeZone={r.timezone} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FeedLinks regionSlug={r.slug} category={v.filters.category} />
    </PublicLayout>
  );
}
