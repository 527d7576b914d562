/**
 * The mediator's assignments: upcoming ones with everything needed on the day (address or how to join, the contact
 * on site, notes) and the .ics, then past and cancelled ones with their state and the link to report hours.
 */
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { PoolContext } from '../context.js';
import { formatShort, requestLanguage } from '../requests-format.js';
import type { PortalAssignment } from '../requests-service.js';
import { PortalLayout } from './layout.js';
import { hoursHref, portalAssignmentsHref, RequestDetails } from './requests-parts.js';

function AssignmentState(props: { item: PortalAssignment }) {
  const { t } = usePage();
  const { assignment, timesheetStatus } = props.item;
  return (
    <>
      <span class={`badge sp-assignment-status sp-assignment-status--${assignment.status}`}>{t(`sprachpool-requests.assignment_status_${assignment.status}`)}</span>
      {timesheetStatus ? (
        <>
          <br />
          <span class="meta">
            {t('sprachpool-requests.hours_status')}: {t(`sprachpool.timesheet_status_${timesheetStatus}`)}
          </span>
        </>
      ) : null}
    </>
  );
}

/** …/sprachpool/me/assignments */
export function PortalAssignmentsPage(props: { ctx: PoolContext; upcoming: PortalAssignment[]; past: PortalAssignment[]; now: Date }) {
  const { t, lang } = usePage();
  const { ctx } = props;
  const tz = ctx.region.timezone;
  const title = t('sprachpool-requests.portal_assignments_title');
  const base = portalAssignmentsHref(ctx.region.id);
  return (
    <PortalLayout region={ctx.region} title={title} section="assignments">
      <h1>{title}</h1>
      <section aria-labelledby="sp-upcoming">
        <h2 id="sp-upcoming">{t('sprachpool-requests.portal_upcoming', { count: props.upcoming.length })}</h2>
        {props.upcoming.length ? (
          props.upcoming.map((item) => (
            <article key={item.assignment.id} class="sp-assignment-card" aria-labelledby={`sp-a-${item.assignment.id}`} data-assignment={item.assignment.id}>
              <h3 id={`sp-a-${item.assignment.id}`}>
                <bdi>{requestLanguage(t, lang, item.request)}</bdi> – {formatShort(item.request.startsAt, tz, lang)}
              </h3>
              <RequestDetails request={item.request} timeZone={tz} level="full" institution={item.agencyName} />
              <p>
                <a href={`${base}/${item.assignment.id}.ics`} type="text/calendar" download>
                  {t('sprachpool-requests.add_to_calendar')}
                </a>
              </p>
            </article>
          ))
        ) : (
          <p class="meta">{t('sprachpool-requests.portal_no_upcoming')}</p>
        )}
      </section>
      <section aria-labelledby="sp-past">
        <h2 id="sp-past">{t('sprachpool-requests.portal_past')}</h2>
        {props.past.length ? (
          <TableWrap label={t('sprachpool-requests.portal_past')}>
            <table class="sp-assignments-table">
              <TableHead columns={[t('sprachpool-requests.col_when'), t('sprachpool-requests.col_language'), t('sprachpool-requests.col_institution'), t('sprachpool-requests.col_status')]} actions={t('sprachpool-requests.col_actions')} />
              <tbody>
                {props.past.map((item) => {
                  const canReport = item.assignment.status === 'active' && item.assignment.endsAt <= props.now && !item.timesheetStatus;
                  return (
                    <tr key={item.assignment.id} data-assignment={item.assignment.id}>
                      <td>{formatShort(item.request.startsAt, tz, lang)}</td>
                      <td>
                        <bdi>{requestLanguage(t, lang, item.request)}</bdi>
                      </td>
                      <td>
                        <bdi>{item.agencyName}</bdi>
                      </td>
                      <td>
                        <AssignmentState item={item} />
                      </td>
                      <td>{canReport ? <a href={hoursHref(ctx.region.id, item.assignment.id)}>{t('sprachpool-requests.report_hours')}</a> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p class="meta">{t('sprachpool-requests.portal_no_past')}</p>
        )}
      </section>
    </PortalLayout>
  );
}
