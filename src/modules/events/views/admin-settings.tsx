import { Button, ErrorSummary, Form, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { SettingsConflict } from '../admin-service.js';
import { SETTINGS_LIMITS } from '../forms.js';
import type { EventSettings } from '../settings.js';
import { eventsBase, EventsLayout, type LayoutAccess } from './admin-parts.js';

type T = ReturnType<typeof usePage>['t'];

function shown(t: T, field: string, value: string): string {
  if (field === 'reminders') return value === '1' || value === 'true' ? t('events-admin.reminders_on') : t('events-admin.reminders_off');
  return value || '—';
}

function ConflictNotice(props: { conflict: SettingsConflict }) {
  const { t } = usePage();
  return (
    <div class="notice notice--error ev-conflict" role="alert">
      <p>
        <strong>{t('events-admin.settings_conflict_title')}</strong>
      </p>
      <p>{t('events-admin.conflict_text')}</p>
      {props.conflict.changed.length ? (
        <dl class="summary-list">
          {props.conflict.changed.map((field) => [
            <dt key={`${field}-t`}>{t(`events-admin.settings_field_${field}`)}</dt>,
            <dd key={`${field}-d`}>{shown(t, field, valueOf({ values: props.conflict.values, errors: {} }, field))}</dd>,
          ])}
        </dl>
      ) : null}
    </div>
  );
}

/** /admin/regions/:id/events/settings: the form for region admins, what is in force for editors. */
export function EventSettingsPage(props: { region: RegionRow; access: LayoutAccess; settings: EventSettings; canChange: boolean; form: FormState; conflict?: SettingsConflict | undefined }) {
  const { t } = usePage();
  const title = t('events-admin.settings_title');
  const f = props.form;
  const s = props.settings;
  return (
    <EventsLayout region={props.region} access={props.access} title={title}>
      <h1>{title}</h1>
      <p>{t('events-admin.settings_intro')}</p>
      {props.canChange ? (
        <>
          {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
          <ErrorSummary errors={f.errors} />
          <Form action={`${eventsBase(props.region.id)}/settings`} class="ev-form">
            <input type="hidden" name="revision" value={valueOf(f, 'revision')} />
            <TextField name="retentionDays" label={t('events-admin.settings_field_retentionDays')} hint={t('events-admin.settings_hint_retentionDays', SETTINGS_LIMITS.retentionDays)} form={f} required inputMode="numeric" maxLength={3} dir="ltr" />
            <div class="checkbox">
              <input type="checkbox" id="f-reminders" name="reminders" value="1" checked={valueOf(f, 'reminders') === '1'} aria-describedby="h-reminders" />
              <label for="f-reminders">
                {t('events-admin.settings_field_reminders')}
                <span class="hint" id="h-reminders">
                  {' '}
                  {t('events-admin.settings_hint_reminders')}
                </span>
              </label>
            </div>
            <TextField name="feedIntervalHours" label={t('events-admin.settings_field_feedIntervalHours')} hint={t('events-admin.settings_hint_feedIntervalHours', SETTINGS_LIMITS.feedIntervalHours)} form={f} required inputMode="numeric" maxLength={3} dir="ltr" />
            <div class="form-actions">
              <Button>{t(props.conflict ? 'events-admin.save_mine' : 'events-admin.settings_save')}</Button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p class="notice notice--info">{t('events-admin.settings_readonly')}</p>
          <dl class="summary-list">
            <dt>{t('events-admin.settings_field_retentionDays')}</dt>
            <dd>{s.retentionDays}</dd>
            <dt>{t('events-admin.settings_field_reminders')}</dt>
            <dd>{shown(t, 'reminders', s.reminders ? '1' : '')}</dd>
            <dt>{t('events-admin.settings_field_feedIntervalHours')}</dt>
            <dd>{s.feedIntervalHours}</dd>
          </dl>
        </>
      )}
    </EventsLayout>
  );
}
