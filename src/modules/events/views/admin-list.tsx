import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { LIST_VIEWS, type EventListItem, type ListView } from '../admin-queries.js';
import { eventHref, eventsBase, EventsLayout, formatWhen, registrationsHref, StatusBadge, type LayoutAccess } from './admin-parts.js';

/** The registrations of the date shown: "12 / 20 · 3 waiting". */
function Registrations(props: { item: EventListItem; regionId: string }) {
  const { t } = usePage();
  const i = props.item;
  if (!i.registrationRequired) return <span class="meta">{t('events-admin.registration_off')}</span>;
  const text = i.capacity === null ? t('events-admin.registered_unlimited', { confirmed: i.confirmed }) : t('events-admin.registered_of', { confirmed: i.confirmed, capacity: i.capacity });
  return (
    <>
      {i.shownOccurrenceId ? <a href={registrationsHref(props.regionId, i.id, i.shownOccurrenceId)}>{text}</a> : text}
      {i.waitlisted > 0 ? (
        <>
          {' · '}
          {t('events-admin.waitlisted_count', { count: i.waitlisted })}
        </>
      ) : null}
    </>
  );
}

/** /admin/regions/:id/events — the region's events with a filter (GET form, works without JavaScript). */
export function EventListPage(props: { region: RegionRow; access: LayoutAccess; items: EventListItem[]; view: ListView; q: string }) {
  const { t, lang } = usePage();
  const base = eventsBase(props.region.id);
  const title = t('events-admin.list_title');
  return (
    <EventsLayout region={props.region} access={props.access} title={title}>
      <h1>{title}</h1>
      <ul class="actions">
        <li>
          <a class="button" href={`${base}/new`}>
            {t('events-admin.new_event')}
          </a>
        </li>
      </ul>
      <form method="get" action={base} class="list-filter" role="search">
        <div class="field">
          <label for="f-view">{t('events-admin.filter_view')}</label>
          <select id="f-view" name="view">
            {LIST_VIEWS.map((v) => (
              <option key={v} value={v} selected={props.view === v}>
                {t(`events-admin.view_${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-q">{t('events-admin.filter_search')}</label>
          <input id="f-q" name="q" type="search" value={props.q} maxLength={200} />
        </div>
        <button type="submit" class="button button--secondary">
          {t('events-admin.filter_apply')}
        </button>
      </form>
      {props.items.length ? (
        <TableWrap label={title}>
          <table class="ev-table">
            <caption class="visually-hidden">{t('events-admin.list_caption', { view: t(`events-admin.view_${props.view}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events-admin.col_title')}</th>
                <th scope="col">{t(props.view === 'past' ? 'events-admin.col_last_date' : 'events-admin.col_next_date')}</th>
                <th scope="col">{t('events-admin.col_category')}</th>
                <th scope="col">{t('events-admin.col_status')}</th>
                <th scope="col">{t('events-admin.col_registrations')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={eventHref(props.region.id, i.id)}>{i.title}</a>
                    {i.recurring ? <span class="meta"> · {t('events-admin.recurring_dates', { count: i.upcomingCount })}</span> : null}
                  </td>
                  <td>
                    {i.shownStartsAt ? formatWhen(i.shownStartsAt, props.region.timezone, lang) : '—'}
                    {i.shownStatus === 'cancelled' ? (
                      <>
                        {' '}
                        <StatusBadge status="cancelled" />
                      </>
                    ) : null}
                  </td>
                  <td>{t(`events.category_${i.category}`)}</td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>
                    <Registrations item={i} regionId={props.region.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t(props.q ? 'events-admin.list_none_found' : 'events-admin.list_empty')}</p>
      )}
    </EventsLayout>
  );
}
