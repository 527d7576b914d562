import { Button, ErrorSummary, Form, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { PoolTimesheetItem } from '../timesheets.js';
import { PoolLayout, poolBase } from './layout.js';
import { AppointmentSummary, HoursFields, TimesheetDetails } from './hours-parts.js';

/** /admin/regions/:id/sprachpool/hours/:timesheetId — the coordinator sets the billed figures of a disputed report. */
export function HoursResolvePage(props: { region: RegionRow; item: PoolTimesheetItem; form: FormState }) {
  const { t } = usePage();
  const { region, item } = props;
  const ts = item.timesheet;
  const title = t('sprachpool-billing.resolve_title');
  const open = ts.status === 'reported' || ts.status === 'disputed';
  return (
    <PoolLayout region={region} title={title} section="hours">
      <h1>{title}</h1>
      <AppointmentSummary region={region} request={item.request} agencyName={item.agency.name} mediatorName={`${item.mediator.firstName} ${item.mediator.lastName}`} showPlace />
      <h2>{t('sprachpool-billing.resolve_report_heading')}</h2>
      <TimesheetDetails region={region} timesheet={ts} />
      {open ? (
        <>
          <h2>{t('sprachpool-billing.resolve_heading')}</h2>
          <p>{ts.status === 'disputed' ? t('sprachpool-billing.resolve_intro_disputed') : t('sprachpool-billing.resolve_intro_reported')}</p>
          <ErrorSummary errors={props.form.errors} />
          <Form action={`${poolBase(region.id)}/hours/${ts.id}`} class="sp-hours-form">
            <input type="hidden" name="revision" value={valueOf(props.form, 'revision') || String(ts.revision)} />
            <HoursFields form={props.form} onSite={item.request.mode === 'on_site'} noteLabel={t('sprachpool-billing.field_resolution_note')} noteHint={t('sprachpool-billing.hint_resolution_note')} noteRequired />
            <div class="form-actions">
              <Button>{t('sprachpool-billing.resolve_submit')}</Button>
            </div>
          </Form>
        </>
      ) : null}
      <p>
        <a href={`${poolBase(region.id)}/hours`}>{t('sprachpool-billing.back_hours')}</a>
      </p>
    </PoolLayout>
  );
}
