import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { formatAppointment, formatMoney, requestRef } from '../billing-format.js';
import { languageWithDialect } from '../languages.js';
import { billedFigures, type PoolTimesheetItem, type UnreportedItem } from '../timesheets.js';
import { PoolLayout, poolBase } from './layout.js';
import { TimesheetStatusTag } from './hours-parts.js';

function Travel(props: { km: number; transportCents: number }) {
  const { t, lang } = usePage();
  if (props.transportCents > 0) return <>{t('sprachpool-billing.tickets', { amount: formatMoney(props.transportCents, lang) })}</>;
  if (props.km > 0) return <>{t('sprachpool.km', { km: props.km })}</>;
  return <>—</>;
}

function TimesheetTable(props: { region: RegionRow; items: PoolTimesheetItem[]; caption: string }) {
  const { t, lang } = usePage();
  return (
    <TableWrap label={props.caption}>
      <table class="sp-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <TableHead
          columns={[t('sprachpool-billing.col_when'), t('sprachpool-billing.col_institution'), t('sprachpool-billing.col_mediator'), t('sprachpool-billing.col_language'), t('sprachpool-billing.col_minutes'), t('sprachpool-billing.col_travel'), t('sprachpool-billing.col_status')]}
        />
        <tbody>
          {props.items.map((item) => {
            const f = billedFigures(item.timesheet);
            return (
              <tr key={item.timesheet.id}>
                <th scope="row">
                  <a href={`${poolBase(props.region.id)}/hours/${item.timesheet.id}`}>{formatAppointment(item.request.startsAt, item.request.endsAt, props.region.timezone, lang)}</a>
                  <span class="meta"> · {requestRef(item.request.id)}</span>
                </th>
                <td>{item.agency.name}</td>
                <td>
                  {item.mediator.firstName} {item.mediator.lastName}
                </td>
                <td>
                  <bdi>{languageWithDialect(t, lang, item.request.language, item.request.dialect)}</bdi>
                </td>
                <td>{t('sprachpool.minutes', { minutes: f.minutes })}</td>
                <td>
                  <Travel km={f.travelKm} transportCents={f.transportCents} />
                </td>
                <td>
                  <TimesheetStatusTag status={item.timesheet.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function UnreportedTable(props: { region: RegionRow; items: UnreportedItem[]; caption: string }) {
  const { t, lang } = usePage();
  return (
    <TableWrap label={props.caption}>
      <table class="sp-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <TableHead columns={[t('sprachpool-billing.col_when'), t('sprachpool-billing.col_institution'), t('sprachpool-billing.col_mediator'), t('sprachpool-billing.col_language')]} />
        <tbody>
          {props.items.map((item) => (
            <tr key={item.assignment.id}>
              <th scope="row">
                {formatAppointment(item.request.startsAt, item.request.endsAt, props.region.timezone, lang)}
                <span class="meta"> · {requestRef(item.request.id)}</span>
              </th>
              <td>{item.agency.name}</td>
              <td>
                {item.mediator.firstName} {item.mediator.lastName}
                <br />
                <a href={`mailto:${item.mediator.email}`}>{item.mediator.email}</a>
              </td>
              <td>
                <bdi>{languageWithDialect(t, lang, item.request.language, item.request.dialect)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** /admin/regions/:id/sprachpool/hours — disputed hours to resolve, reports waiting for institutions, and the rest. */
export function HoursListPage(props: { region: RegionRow; disputed: PoolTimesheetItem[]; reported: PoolTimesheetItem[]; closed: PoolTimesheetItem[]; unreported: UnreportedItem[] }) {
  const { t } = usePage();
  const title = t('sprachpool-billing.hours_title');
  const sections = [
    { id: 'disputed', heading: t('sprachpool-billing.hours_disputed', { count: props.disputed.length }), hint: t('sprachpool-billing.hours_disputed_hint'), items: props.disputed, empty: t('sprachpool-billing.hours_none_disputed') },
    { id: 'reported', heading: t('sprachpool-billing.hours_reported', { count: props.reported.length }), hint: t('sprachpool-billing.hours_reported_hint'), items: props.reported, empty: t('sprachpool-billing.hours_none_reported') },
  ];
  return (
    <PoolLayout region={props.region} title={title} section="hours">
      <h1>{title}</h1>
      <p>{t('sprachpool-billing.hours_intro')}</p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`sp-hours-${s.id}`}>
          <h2 id={`sp-hours-${s.id}`}>{s.heading}</h2>
          <p class="hint">{s.hint}</p>
          {s.items.length ? <TimesheetTable region={props.region} items={s.items} caption={s.heading} /> : <p>{s.empty}</p>}
        </section>
      ))}
      <section aria-labelledby="sp-hours-unreported">
        <h2 id="sp-hours-unreported">{t('sprachpool-billing.hours_unreported', { count: props.unreported.length })}</h2>
        <p class="hint">{t('sprachpool-billing.hours_unreported_hint')}</p>
        {props.unreported.length ? <UnreportedTable region={props.region} items={props.unreported} caption={t('sprachpool-billing.hours_unreported', { count: props.unreported.length })} /> : <p>{t('sprachpool-billing.hours_none_unreported')}</p>}
      </section>
      {props.closed.length ? (
        <section aria-labelledby="sp-hours-closed">
          <h2 id="sp-hours-closed">{t('sprachpool-billing.hours_closed')}</h2>
          <TimesheetTable region={props.region} items={props.closed} caption={t('sprachpool-billing.hours_closed')} />
        </section>
      ) : null}
    </PoolLayout>
  );
}
