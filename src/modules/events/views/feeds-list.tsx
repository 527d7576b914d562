import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { FeedRow } from '../feed-service.js';
import { FeedsLayout, RunStatus, feedHref, feedsBase, formatMoment } from './feeds-parts.js';

/** /admin/regions/:id/events/feeds: the region's external calendars and how their last import went. */
export function FeedsListPage(props: { region: RegionRow; feeds: FeedRow[]; intervalHours: number }) {
  const { t, lang } = usePage();
  const { region, feeds } = props;
  const title = t('events-feeds.title');
  return (
    <FeedsLayout region={region} title={title}>
      <h1>{title}</h1>
      <p>{t('events-feeds.intro')}</p>
      <p>{t('events-feeds.interval_note', { hours: props.intervalHours })}</p>
      <ul class="actions">
        <li>
          <a class="button" href={`${feedsBase(region.id)}/new`}>
            {t('events-feeds.add')}
          </a>
        </li>
      </ul>
      {feeds.length === 0 ? (
        <p>{t('events-feeds.none')}</p>
      ) : (
        <TableWrap label={title}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('events-feeds.col_name')}</th>
                <th scope="col">{t('events-feeds.col_category')}</th>
                <th scope="col">{t('events-feeds.col_mode')}</th>
                <th scope="col">{t('events-feeds.col_last_run')}</th>
                <th scope="col">{t('events-feeds.col_status')}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.id}>
                  <td>
                    <a href={feedHref(region.id, f.id)}>
                      <bdi>{f.name}</bdi>
                    </a>
                    <br />
                    <code dir="ltr">{f.url}</code>
                  </td>
                  <td>{t(`events.category_${f.category}`)}</td>
                  <td>
                    {t(f.publish ? 'events-feeds.mode_publish' : 'events-feeds.mode_draft')}
                    {f.enabled ? null : (
                      <>
                        <br />
                        <span class="tag tag--kept">{t('events-feeds.disabled')}</span>
                      </>
                    )}
                  </td>
                  <td>{f.lastRunAt ? <time dateTime={f.lastRunAt.toISOString()}>{formatMoment(f.lastRunAt, region.timezone, lang)}</time> : t('events-feeds.never_run')}</td>
                  <td>
                    <RunStatus feed={f} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </FeedsLayout>
  );
}
