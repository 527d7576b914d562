import { Button, ErrorSummary, Form, TextArea, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { REASON_MAX, type AgencyHours } from '../timesheets.js';
import { AgencyLayout, agencyBase } from './layout.js';
import { AppointmentSummary, TimesheetDetails } from './hours-parts.js';

/** /admin/regions/:id/sprachpool/agency/requests/:requestId/hours — the institution confirms or disputes the hours. */
export function HoursConfirmPage(props: { data: AgencyHours; form: FormState }) {
  const { t } = usePage();
  const { ctx, request, timesheet, mediatorFirstName } = props.data;
  const region = ctx.region;
  const title = t('sprachpool-billing.confirm_title');
  const action = `${agencyBase(region.id)}/requests/${request.id}/hours`;
  const revision = timesheet ? String(timesheet.revision) : '';
  return (
    <AgencyLayout region={region} title={title} section="requests">
      <h1>{title}</h1>
      <AppointmentSummary region={region} request={request} mediatorName={mediatorFirstName} />
      {!timesheet ? (
        <p class="notice notice--info">{props.data.assignment ? t('sprachpool-billing.confirm_not_reported') : t('sprachpool-billing.confirm_no_assignment')}</p>
      ) : (
        <>
          <h2>{t('sprachpool-billing.confirm_reported_heading')}</h2>
          <TimesheetDetails region={region} timesheet={timesheet} />
          {timesheet.status === 'reported' ? (
            <>
              <p>{t('sprachpool-billing.confirm_intro')}</p>
              <ErrorSummary errors={props.form.errors} />
              <Form action={action} class="sp-confirm-form">
                <input type="hidden" name="revision" value={revision} />
                <input type="hidden" name="action" value="confirm" />
                <div class="form-actions">
                  <Button>{t('sprachpool-billing.confirm_submit')}</Button>
                </div>
              </Form>
              <h2>{t('sprachpool-billing.dispute_heading')}</h2>
              <Form action={action} class="sp-dispute-form">
                <input type="hidden" name="revision" value={revision} />
                <input type="hidden" name="action" value="dispute" />
                <TextArea name="reason" label={t('sprachpool-billing.field_reason')} hint={t('sprachpool-billing.hint_reason')} form={props.form} rows={4} maxLength={REASON_MAX} required />
                <div class="form-actions">
                  <Button variant="secondary">{t('sprachpool-billing.dispute_submit')}</Button>
                </div>
              </Form>
            </>
          ) : timesheet.status === 'disputed' ? (
            <p class="notice notice--info">{t('sprachpool-billing.confirm_disputed')}</p>
          ) : null}
        </>
      )}
      <p>
        <a href={agencyBase(region.id)}>{t('sprachpool-billing.back_requests')}</a>
      </p>
    </AgencyLayout>
  );
}
