/** The coordinator's fields of a mediator (new mediator and edit form): person, languages, work, papers, notes. */
import { Checkboxes, Select, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { GENDERS, LANGUAGE_LEVELS, MODES } from '../schema.js';
import { DateField, LanguageRows, QualificationRows, WeeklyRows } from './mediator-parts.js';

export function CoordinatorFields(props: { form: FormState; mailLanguages: string[]; consent: boolean }) {
  const { t } = usePage();
  const f = props.form;
  const levels = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`sprachpool.level_${l}`) }));
  return (
    <>
      <fieldset class="sp-section">
        <legend>{t('sprachpool-mediators.section_person')}</legend>
        <TextField name="firstName" label={t('sprachpool-mediators.field_first_name')} form={f} required maxLength={100} />
        <TextField name="lastName" label={t('sprachpool-mediators.field_last_name')} form={f} required maxLength={100} />
        <TextField name="email" type="email" label={t('sprachpool-mediators.field_email')} form={f} required maxLength={254} dir="ltr" />
        <TextField name="phone" type="tel" label={t('sprachpool-mediators.field_phone')} form={f} maxLength={50} dir="ltr" />
        <Select name="gender" label={t('sprachpool-mediators.field_gender')} form={f} options={GENDERS.map((g) => ({ value: g, label: t(`sprachpool.gender_${g}`) }))} />
        <Select
          name="language"
          label={t('sprachpool-mediators.field_mail_language')}
          hint={t('sprachpool-mediators.field_mail_language_hint')}
          form={f}
          required
          options={props.mailLanguages.map((code) => ({ value: code, label: languageInfo(code).nativeName }))}
        />
      </fieldset>

      <fieldset class="sp-section">
        <legend>{t('sprachpool-mediators.section_languages')}</legend>
        <Select name="germanLevel" label={t('sprachpool-mediators.summary_german')} form={f} required options={[{ value: '', label: t('sprachpool-mediators.choose') }, ...levels]} />
        <LanguageRows form={f} />
      </fieldset>

      <fieldset class="sp-section">
        <legend>{t('sprachpool-mediators.section_work')}</legend>
        <Checkboxes name="modes" label={t('sprachpool-mediators.col_modes')} form={f} required options={MODES.map((m) => ({ value: m, label: t(`sprachpool.mode_${m}`) }))} />
        <TextField name="postalCode" label={t('sprachpool-mediators.field_postal_code')} form={f} required maxLength={10} />
        <TextField name="city" label={t('sprachpool-mediators.field_city')} form={f} required maxLength={100} />
        <div class="sp-pair">
          <TextField name="lat" label={t('sprachpool-mediators.field_lat')} hint={t('sprachpool-mediators.field_coordinates_hint')} form={f} maxLength={20} inputMode="decimal" dir="ltr" />
          <TextField name="lon" label={t('sprachpool-mediators.field_lon')} form={f} maxLength={20} inputMode="decimal" dir="ltr" />
        </div>
        <TextField name="maxTravelKm" type="number" label={t('sprachpool-mediators.field_max_travel')} form={f} required inputMode="numeric" />
        <div class="checkbox">
          <input type="checkbox" id="f-paid" name="paid" value="1" checked={valueOf(f, 'paid') === '1'} />
          <label for="f-paid">{t('sprachpool-mediators.field_paid')}</label>
        </div>
        <WeeklyRows form={f} />
      </fieldset>

      <QualificationRows form={f} />

      <fieldset class="sp-section">
        <legend>{t('sprachpool-mediators.section_documents')}</legend>
        <p class="hint">{t('sprachpool-mediators.papers_required_hint')}</p>
        <DateField name="confidentialitySignedOn" label={t('sprachpool-mediators.field_confidentiality_signed')} form={f} />
        <DateField name="confidentialityExpiresOn" label={t('sprachpool-mediators.field_confidentiality_valid')} hint={t('sprachpool-mediators.field_confidentiality_valid_hint')} form={f} />
        <DateField name="policeClearanceIssuedOn" label={t('sprachpool-mediators.field_clearance_issued')} form={f} />
        <DateField name="policeClearanceExpiresOn" label={t('sprachpool-mediators.field_clearance_valid')} form={f} />
      </fieldset>

      <fieldset class="sp-section">
        <legend>{t('sprachpool-mediators.section_notes')}</legend>
        <TextArea name="coordinatorNotes" label={t('sprachpool-mediators.field_notes')} hint={t('sprachpool-mediators.field_notes_hint')} form={f} rows={4} maxLength={2000} />
      </fieldset>

      {props.consent ? (
        <div class={`field${f.errors.consent ? ' field--error' : ''}`}>
          {f.errors.consent ? (
            <p class="field-error" id="e-consent">
              <span class="visually-hidden">{t('common.error_prefix')} </span>
              {t(f.errors.consent.key, f.errors.consent.params)}
            </p>
          ) : null}
          <div class="checkbox">
            <input type="checkbox" id="f-consent" name="consent" value="1" checked={valueOf(f, 'consent') === '1'} aria-invalid={f.errors.consent ? 'true' : undefined} />
            <label for="f-consent">{t('sprachpool-mediators.field_consent_obtained')}</label>
          </div>
        </div>
      ) : null}
    </>
  );
}
