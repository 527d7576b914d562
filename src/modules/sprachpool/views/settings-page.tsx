import { Button, Checkboxes, ErrorSummary, Form, Select, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow, SettingsConflict } from '../../regions/index.js';
import { QUALIFICATION_KINDS, SETTINGS } from '../schema.js';
import { MONEY_FIELDS, NUMBER_LIMITS, qualificationField, type NumberField } from '../settings-form.js';
import { PoolLayout, poolBase } from './layout.js';

type T = ReturnType<typeof usePage>['t'];

/** A stored value as the conflict notice shows it. */
function shown(t: T, field: string, conflict: SettingsConflict): string {
  const f: FormState = { values: conflict.values, errors: {} };
  if (field === 'excludedSettings') {
    const raw = conflict.values.excludedSettings;
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return list.length ? list.map((s) => t(`sprachpool.setting_${s}`)).join(', ') : '—';
  }
  if (field === 'requiredQualifications') {
    const parts = SETTINGS.filter((s) => valueOf(f, qualificationField(s))).map((s) => `${t(`sprachpool.setting_${s}`)}: ${t(`sprachpool.qualification_${valueOf(f, qualificationField(s))}`)}`);
    return parts.length ? parts.join('; ') : '—';
  }
  return valueOf(f, field) || '—';
}

function ConflictNotice(props: { conflict: SettingsConflict }) {
  const { t } = usePage();
  return (
    <div class="notice notice--error" role="alert">
      <p>
        <strong>{t('sprachpool-billing.settings_conflict_title')}</strong>
      </p>
      <p>{t('sprachpool-billing.settings_conflict_text')}</p>
      {props.conflict.changed.length ? (
        <dl class="summary-list">
          {props.conflict.changed.map((field) => [<dt key={`${field}-t`}>{t(`sprachpool-billing.settings_field_${field}`)}</dt>, <dd key={`${field}-d`}>{shown(t, field, props.conflict)}</dd>])}
        </dl>
      ) : null}
    </div>
  );
}

function NumberInput(props: { name: NumberField; form: FormState }) {
  const { t } = usePage();
  const limits = NUMBER_LIMITS[props.name];
  return (
    <TextField
      name={props.name}
      label={t(`sprachpool-billing.settings_field_${props.name}`)}
      hint={t(`sprachpool-billing.settings_hint_${props.name}`, limits)}
      form={props.form}
      required
      inputMode="numeric"
      maxLength={4}
      dir="ltr"
    />
  );
}

/** /admin/regions/:id/sprachpool/settings — every pool setting; rates in euros. */
export function PoolSettingsPage(props: { region: RegionRow; form: FormState; conflict?: SettingsConflict | undefined }) {
  const { t } = usePage();
  const f = props.form;
  const title = t('sprachpool-billing.settings_title');
  const qualificationOptions = [{ value: '', label: t('sprachpool-billing.settings_no_qualification') }, ...QUALIFICATION_KINDS.map((q) => ({ value: q, label: t(`sprachpool.qualification_${q}`) }))];
  return (
    <PoolLayout region={props.region} title={title} section="settings">
      <h1>{title}</h1>
      <p>{t('sprachpool-billing.settings_intro')}</p>
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <ErrorSummary errors={f.errors} />
      <Form action={`${poolBase(props.region.id)}/settings`} class="sp-settings-form">
        <input type="hidden" name="revision" value={valueOf(f, 'revision')} />
        <fieldset class="sp-fieldset">
          <legend>{t('sprachpool-billing.settings_group_requests')}</legend>
          <NumberInput name="leadTimeWorkingDays" form={f} />
          <Checkboxes
            name="excludedSettings"
            label={t('sprachpool-billing.settings_field_excludedSettings')}
            hint={t('sprachpool-billing.settings_hint_excludedSettings')}
            form={f}
            required
            options={SETTINGS.map((s) => ({ value: s, label: t(`sprachpool.setting_${s}`) }))}
          />
          <NumberInput name="freeCancellationHours" form={f} />
          <NumberInput name="offerExpiryHours" form={f} />
          <NumberInput name="travelBufferMinutes" form={f} />
        </fieldset>
        <fieldset class="sp-fieldset">
          <legend>{t('sprachpool-billing.settings_field_requiredQualifications')}</legend>
          <p class="hint">{t('sprachpool-billing.settings_hint_requiredQualifications')}</p>
          {SETTINGS.map((s) => (
            <Select key={s} name={qualificationField(s)} label={t(`sprachpool.setting_${s}`)} form={f} required options={qualificationOptions} />
          ))}
        </fieldset>
        <fieldset class="sp-fieldset">
          <legend>{t('sprachpool-billing.settings_group_rates')}</legend>
          <p class="hint">{t('sprachpool-billing.settings_hint_money')}</p>
          {MONEY_FIELDS.slice(0, 1).map((name) => (
            <TextField key={name} name={name} label={t(`sprachpool-billing.settings_field_${name}`)} hint={t(`sprachpool-billing.settings_hint_${name}`)} form={f} required inputMode="decimal" maxLength={12} dir="ltr" />
          ))}
          <NumberInput name="minimumMinutes" form={f} />
          {MONEY_FIELDS.slice(1).map((name) => (
            <TextField key={name} name={name} label={t(`sprachpool-billing.settings_field_${name}`)} hint={t(`sprachpool-billing.settings_hint_${name}`)} form={f} required inputMode="decimal" maxLength={12} dir="ltr" />
          ))}
        </fieldset>
        <fieldset class="sp-fieldset">
          <legend>{t('sprachpool-billing.settings_group_privacy')}</legend>
          <NumberInput name="retentionDays" form={f} />
          <NumberInput name="documentReminderDays" form={f} />
          <TextField name="contactEmail" type="email" label={t('sprachpool-billing.settings_field_contactEmail')} hint={t('sprachpool-billing.settings_hint_contactEmail')} form={f} autocomplete="email" maxLength={200} dir="ltr" />
        </fieldset>
        <div class="form-actions">
          <Button>{t(props.conflict ? 'sprachpool-billing.settings_save_mine' : 'sprachpool-billing.settings_save')}</Button>
        </div>
      </Form>
    </PoolLayout>
  );
}
