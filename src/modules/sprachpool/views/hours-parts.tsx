/** Pieces shared by the hours pages of mediators, institutions and coordinators. */
import { TextArea, TextField, type FormState } from '../../../web/components/forms.js';
import { PlainText } from '../../../web/components/text.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { formatAppointment, formatMoney, formatMoment, requestRef } from '../billing-format.js';
import { languageWithDialect } from '../languages.js';
import type { TimesheetStatus } from '../schema.js';
import { billedFigures, NOTE_MAX, type RequestRow, type TimesheetRow } from '../timesheets.js';

/** Text people typed, in whatever language and direction they wrote it (dir="auto": an Arabic note in a German page). */
function UserText(props: { text: string }) {
  return (
    <div dir="auto">
      <PlainText text={props.text} />
    </div>
  );
}

/** A timesheet's status as a word in a tag (the colour only supports it). */
export function TimesheetStatusTag(props: { status: TimesheetStatus | 'unreported' | 'late_cancellation' }) {
  const { t } = usePage();
  const label =
    props.status === 'unreported' ? t('sprachpool-billing.status_unreported') : props.status === 'late_cancellation' ? t('sprachpool-billing.item_late_cancellation') : t(`sprachpool.timesheet_status_${props.status}`);
  return <span class={`tag sp-tag sp-tag--${props.status}`}>{label}</span>;
}

/** When, where and in which language an appointment took place. */
export function AppointmentSummary(props: { region: RegionRow; request: RequestRow; agencyName?: string | undefined; mediatorName?: string | null | undefined; showPlace?: boolean }) {
  const { t, lang } = usePage();
  const r = props.request;
  const place = [r.placeName, r.street, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <dl class="summary-list">
      <dt>{t('sprachpool-billing.field_when')}</dt>
      <dd>{formatAppointment(r.startsAt, r.endsAt, props.region.timezone, lang)}</dd>
      <dt>{t('sprachpool-billing.field_ref')}</dt>
      <dd>{requestRef(r.id)}</dd>
      {props.agencyName ? (
        <>
          <dt>{t('sprachpool-billing.field_institution')}</dt>
          <dd>{props.agencyName}</dd>
        </>
      ) : null}
      {props.mediatorName ? (
        <>
          <dt>{t('sprachpool-billing.field_mediator')}</dt>
          <dd>{props.mediatorName}</dd>
        </>
      ) : null}
      <dt>{t('sprachpool-billing.field_language')}</dt>
      <dd>
        <bdi>{languageWithDialect(t, lang, r.language, r.dialect)}</bdi>
      </dd>
      <dt>{t('sprachpool-billing.field_mode')}</dt>
      <dd>{t(`sprachpool.mode_${r.mode}`)}</dd>
      {props.showPlace && r.mode === 'on_site' && place ? (
        <>
          <dt>{t('sprachpool-billing.field_place')}</dt>
          <dd>{place}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The figures of a timesheet: as reported, and (when resolved) as the coordinator set them, with the texts. */
export function TimesheetDetails(props: { region: RegionRow; timesheet: TimesheetRow; showReason?: boolean }) {
  const { t, lang } = usePage();
  const ts = props.timesheet;
  const tz = props.region.timezone;
  const resolved = ts.status === 'resolved';
  const billed = billedFigures(ts);
  return (
    <dl class="summary-list sp-hours">
      <dt>{t('sprachpool-billing.field_status')}</dt>
      <dd>
        <TimesheetStatusTag status={ts.status} />
      </dd>
      <dt>{t('sprachpool-billing.field_reported')}</dt>
      <dd>
        {t('sprachpool.minutes', { minutes: ts.minutes })}
        {ts.travelKm > 0 ? <>, {t('sprachpool.km', { km: ts.travelKm })}</> : null}
        {ts.transportCents > 0 ? <>, {t('sprachpool-billing.tickets', { amount: formatMoney(ts.transportCents, lang) })}</> : null}
        <span class="meta"> · {formatMoment(ts.reportedAt, tz, lang)}</span>
      </dd>
      {ts.note ? (
        <>
          <dt>{t('sprachpool-billing.field_note')}</dt>
          <dd>
            <UserText text={ts.note} />
          </dd>
        </>
      ) : null}
      {ts.confirmedAt ? (
        <>
          <dt>{t('sprachpool-billing.field_confirmed_at')}</dt>
          <dd>{formatMoment(ts.confirmedAt, tz, lang)}</dd>
        </>
      ) : null}
      {ts.disputeReason && props.showReason !== false ? (
        <>
          <dt>{t('sprachpool-billing.field_dispute_reason')}</dt>
          <dd>
            <UserText text={ts.disputeReason} />
          </dd>
        </>
      ) : null}
      {resolved ? (
        <>
          <dt>{t('sprachpool-billing.field_resolved')}</dt>
          <dd>
            {t('sprachpool.minutes', { minutes: billed.minutes })}
            {billed.travelKm > 0 ? <>, {t('sprachpool.km', { km: billed.travelKm })}</> : null}
            {billed.transportCents > 0 ? <>, {t('sprachpool-billing.tickets', { amount: formatMoney(billed.transportCents, lang) })}</> : null}
            {ts.resolvedAt ? <span class="meta"> · {formatMoment(ts.resolvedAt, tz, lang)}</span> : null}
          </dd>
          {ts.resolutionNote ? (
            <>
              <dt>{t('sprachpool-billing.field_resolution_note')}</dt>
              <dd>
                <UserText text={ts.resolutionNote} />
              </dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

/** The figures' fields: minutes, kilometres, tickets in euros, note (the names parseHoursForm reads). */
export function HoursFields(props: { form: FormState; onSite: boolean; noteLabel: string; noteHint: string; noteRequired?: boolean }) {
  const { t } = usePage();
  const f = props.form;
  return (
    <>
      <TextField name="minutes" label={t('sprachpool-billing.field_minutes')} hint={t('sprachpool-billing.hint_minutes')} form={f} required inputMode="numeric" maxLength={5} dir="ltr" />
      {props.onSite ? (
        <fieldset class="sp-travel">
          <legend>{t('sprachpool-billing.travel_legend')}</legend>
          <p class="hint">{t('sprachpool-billing.hint_travel')}</p>
          <TextField name="travelKm" label={t('sprachpool-billing.field_km')} hint={t('sprachpool-billing.hint_km')} form={f} inputMode="numeric" maxLength={5} dir="ltr" />
          <TextField name="transport" label={t('sprachpool-billing.field_transport')} hint={t('sprachpool-billing.hint_transport')} form={f} inputMode="decimal" maxLength={10} dir="ltr" />
        </fieldset>
      ) : null}
      <TextArea name="note" label={props.noteLabel} hint={props.noteHint} form={f} rows={3} maxLength={NOTE_MAX} required={props.noteRequired} />
    </>
  );
}
