import { Button, ErrorSummary, Form, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { formatMoment } from '../billing-format.js';
import type { MediatorHours } from '../timesheets.js';
import { PortalLayout, portalBase } from './layout.js';
import { AppointmentSummary, HoursFields, TimesheetDetails } from './hours-parts.js';

/** What the mediator reads about a report that is in (and what happens next). */
function NextStep(props: { data: MediatorHours }) {
  const { t } = usePage();
  const status = props.data.timesheet?.status;
  if (status === 'reported') return <p class="notice notice--info">{t('sprachpool-billing.report_waiting')}</p>;
  if (status === 'disputed') return <p class="notice notice--warning">{t('sprachpool-billing.report_disputed')}</p>;
  return null;
}

/** /admin/regions/:id/sprachpool/me/assignments/:assignmentId/hours — report time and travel once after the end. */
export function HoursReportPage(props: { data: MediatorHours; form: FormState }) {
  const { t, lang } = usePage();
  const { ctx, assignment, request, timesheet, blocker } = props.data;
  const region = ctx.region;
  const title = t('sprachpool-billing.report_title');
  const action = `${portalBase(region.id)}/assignments/${assignment.id}/hours`;
  return (
    <PortalLayout region={region} title={title} section="assignments">
      <h1>{title}</h1>
      <AppointmentSummary region={region} request={request} agencyName={props.data.agencyName} showPlace />
      {timesheet ? (
        <>
          <h2>{t('sprachpool-billing.report_your_report')}</h2>
          <NextStep data={props.data} />
          <TimesheetDetails region={region} timesheet={timesheet} />
        </>
      ) : blocker === 'too_early' ? (
        <p class="notice notice--info">{t('sprachpool-billing.report_too_early', { time: formatMoment(assignment.endsAt, region.timezone, lang) })}</p>
      ) : blocker === 'cancelled' ? (
        <p class="notice notice--warning">{t('sprachpool-billing.error_hours_cancelled')}</p>
      ) : blocker === 'no_show' ? (
        <p class="notice notice--warning">{t('sprachpool-billing.error_hours_no_show')}</p>
      ) : (
        <>
          <p>{t('sprachpool-billing.report_intro')}</p>
          <ErrorSummary errors={props.form.errors} />
          <Form action={action} class="sp-hours-form">
            <HoursFields form={props.form} onSite={request.mode === 'on_site'} noteLabel={t('sprachpool-billing.field_note')} noteHint={t('sprachpool-billing.hint_note')} />
            <div class="form-actions">
              <Button>{t('sprachpool-billing.report_submit')}</Button>
            </div>
          </Form>
        </>
      )}
      <p>
        <a href={`${portalBase(region.id)}/assignments`}>{t('sprachpool-billing.back_assignments')}</a>
      </p>
    </PortalLayout>
  );
}
