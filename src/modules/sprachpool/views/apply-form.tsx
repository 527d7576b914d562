/**
 * `/{region}/{lang}/sprachpool/become`: the public application "become a language mediator" (no JavaScript needed:
 * rows are added with a submit button that sends the form back with one more), and the thank-you page.
 */
import { Checkboxes, ErrorSummary, Radios, Select, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { DOCUMENT_MAX_MB } from '../mediators.js';
import { GENDERS, LANGUAGE_LEVELS, MODES } from '../schema.js';
import { DateField, DefaultSubmit, LanguageRows, QualificationRows, WeeklyRows } from './mediator-parts.js';

export const applyHref = (regionSlug: string, lang: string) => `/${regionSlug}/${lang}/sprachpool/become`;

function Crumbs(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t('reader.breadcrumbs')}>
      <ol class="inline-list">
        <li>
          <a href={`/${props.region.slug}/${lang}/`}>{props.region.name}</a>
        </li>
      </ol>
    </nav>
  );
}

/** A file input with its label, hint and message (multipart form). */
function FileField(props: { name: string; label: string; form: FormState }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`f-${props.name}`}>
        {props.label}
        <span class="optional"> {t('common.optional')}</span>
      </label>
      {error ? (
        <p class="field-error" id={`e-${props.name}`}>
          <span class="visually-hidden">{t('common.error_prefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input id={`f-${props.name}`} name={props.name} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" aria-invalid={error ? 'true' : undefined} aria-describedby={['h-documents', error ? `e-${props.name}` : ''].filter(Boolean).join(' ')} />
    </div>
  );
}

/** The application form. `rowsAdded`: the page came back after "add a row" (files must be chosen again). */
export function ApplyPage(props: { region: RegionRow; form: FormState; rowsAdded?: boolean; hadFiles?: boolean }) {
  const { t, lang, csrfToken } = usePage();
  const r = props.region;
  const f = props.form;
  const title = t('sprachpool-mediators.apply_title');
  const levels = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`sprachpool.level_${l}`) }));
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <Crumbs region={r} />
      <h1>{title}</h1>
      <p class="lead">{t('sprachpool-mediators.apply_intro', { region: r.name })}</p>
      <ul class="sp-apply-facts">
        <li>{t('sprachpool-mediators.apply_fact_training')}</li>
        <li>{t('sprachpool-mediators.apply_fact_free')}</li>
        <li>{t('sprachpool-mediators.apply_fact_papers')}</li>
      </ul>
      {props.rowsAdded ? (
        <div class="notice" role="status" data-notice="row-added">
          <p>{t('sprachpool-mediators.row_added')}</p>
          {props.hadFiles ? <p>{t('sprachpool-mediators.files_again')}</p> : null}
        </div>
      ) : null}
      <ErrorSummary errors={f.errors} />
      {Object.keys(f.errors).length && props.hadFiles ? <p class="notice notice--warning">{t('sprachpool-mediators.files_again')}</p> : null}
      <form method="post" action={applyHref(r.slug, lang)} enctype="multipart/form-data" class="sp-apply sp-form" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <DefaultSubmit label={t('sprachpool-mediators.apply_submit')} />

        <fieldset class="sp-section">
          <legend>{t('sprachpool-mediators.section_person')}</legend>
          <TextField name="firstName" label={t('sprachpool-mediators.field_first_name')} form={f} required autocomplete="given-name" maxLength={100} />
          <TextField name="lastName" label={t('sprachpool-mediators.field_last_name')} form={f} required autocomplete="family-name" maxLength={100} />
          <TextField name="email" type="email" label={t('sprachpool-mediators.field_email')} form={f} required autocomplete="email" maxLength={254} dir="ltr" />
          <TextField name="phone" type="tel" label={t('sprachpool-mediators.field_phone')} hint={t('sprachpool-mediators.field_phone_hint')} form={f} required autocomplete="tel" maxLength={50} dir="ltr" />
          <Radios name="gender" label={t('sprachpool-mediators.field_gender')} hint={t('sprachpool-mediators.field_gender_hint')} form={f} options={GENDERS.map((g) => ({ value: g, label: t(`sprachpool.gender_${g}`) }))} />
        </fieldset>

        <fieldset class="sp-section">
          <legend>{t('sprachpool-mediators.section_languages')}</legend>
          <Select name="germanLevel" label={t('sprachpool-mediators.field_german_level')} form={f} required options={[{ value: '', label: t('sprachpool-mediators.choose') }, ...levels]} />
          <LanguageRows form={f} />
        </fieldset>

        <fieldset class="sp-section">
          <legend>{t('sprachpool-mediators.section_work')}</legend>
          <Checkboxes name="modes" label={t('sprachpool-mediators.field_modes')} hint={t('sprachpool-mediators.field_modes_hint')} form={f} required options={MODES.map((m) => ({ value: m, label: t(`sprachpool.mode_${m}`) }))} />
          <TextField name="postalCode" label={t('sprachpool-mediators.field_postal_code')} form={f} required autocomplete="postal-code" maxLength={10} inputMode="numeric" />
          <TextField name="city" label={t('sprachpool-mediators.field_city')} form={f} required autocomplete="address-level2" maxLength={100} />
          <TextField name="maxTravelKm" type="number" label={t('sprachpool-mediators.field_max_travel')} hint={t('sprachpool-mediators.field_max_travel_hint')} form={f} required inputMode="numeric" />
          <WeeklyRows form={f} />
        </fieldset>

        <QualificationRows form={f} />

        <fieldset class="sp-section">
          <legend>{t('sprachpool-mediators.section_documents')}</legend>
          <p class="hint" id="h-documents">
            {t('sprachpool-mediators.documents_hint', { max: DOCUMENT_MAX_MB })}
          </p>
          <DateField name="confidentialitySignedOn" label={t('sprachpool-mediators.field_confidentiality_signed')} hint={t('sprachpool-mediators.field_confidentiality_hint')} form={f} />
          <DateField name="policeClearanceIssuedOn" label={t('sprachpool-mediators.field_clearance_issued')} hint={t('sprachpool-mediators.field_clearance_hint')} form={f} />
          <DateField name="policeClearanceExpiresOn" label={t('sprachpool-mediators.field_clearance_valid')} form={f} />
          <FileField name="confidentialityFile" label={t('sprachpool-mediators.file_confidentiality')} form={f} />
          <FileField name="policeClearanceFile" label={t('sprachpool-mediators.file_clearance')} form={f} />
          <FileField name="qualificationFile" label={t('sprachpool-mediators.file_qualification')} form={f} />
        </fieldset>

        <fieldset class="sp-section">
          <legend>{t('sprachpool-mediators.section_motivation')}</legend>
          <TextArea name="motivation" label={t('sprachpool-mediators.field_motivation')} hint={t('sprachpool-mediators.field_motivation_hint')} form={f} rows={5} maxLength={2000} />
        </fieldset>

        <div class={`field sp-consent${f.errors.consent ? ' field--error' : ''}`}>
          {f.errors.consent ? (
            <p class="field-error" id="e-consent">
              <span class="visually-hidden">{t('common.error_prefix')} </span>
              {t(f.errors.consent.key, f.errors.consent.params)}
            </p>
          ) : null}
          <div class="checkbox">
            <input type="checkbox" id="f-consent" name="consent" value="1" checked={valueOf(f, 'consent') === '1'} aria-invalid={f.errors.consent ? 'true' : undefined} aria-describedby={f.errors.consent ? 'e-consent' : 'h-consent'} />
            <label for="f-consent">{t('sprachpool-mediators.field_consent')}</label>
          </div>
          <p class="hint" id="h-consent">
            {t('sprachpool-mediators.consent_hint')} <a href={`/${r.slug}/${lang}/privacy`}>{t('sprachpool-mediators.privacy_link')}</a>
          </p>
        </div>

        {/* Bots fill every field; people never see this one. */}
        <p class="visually-hidden" aria-hidden="true">
          <label for="sp-website">{t('sprachpool-mediators.honeypot')}</label>
          <input id="sp-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
        </p>
        <button type="submit" class="button">
          {t('sprachpool-mediators.apply_submit')}
        </button>
      </form>
    </PublicLayout>
  );
}

/** After sending: what happens next. */
export function ApplyThanksPage(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  const r = props.region;
  const title = t('sprachpool-mediators.thanks_title');
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <Crumbs region={r} />
      <h1>{title}</h1>
      <div class="notice notice--success" role="status" data-notice="application-sent">
        <p>{t('sprachpool-mediators.thanks_body')}</p>
      </div>
      <p>{t('sprachpool-mediators.thanks_next')}</p>
      <p>
        <a href={`/${r.slug}/${lang}/`}>{t('sprachpool-mediators.back_to_region', { region: r.name })}</a>
      </p>
    </PublicLayout>
  );
}
