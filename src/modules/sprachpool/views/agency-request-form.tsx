import { Checkboxes, describedBy, ErrorSummary, FieldShell, Radios, Select, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { AgencyRow } from '../context.js';
import { DIALECTS, POOL_LANGUAGES, poolLanguageName } from '../languages.js';
import type { PersonalDataFinding } from '../personal-data.js';
import { GENDER_PREFERENCES, MODES, SETTINGS, TOPICS } from '../schema.js';
import type { PoolSettings } from '../settings.js';
import { formatDate, newRequestHref } from './agency-parts.js';
import { AgencyLayout } from './layout.js';

/** Durations the form offers (minutes); the service accepts any 15–600. */
const DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480];

/** The values of an empty form: the institution's address as the place, an hour on site. */
export function newRequestValues(agency: AgencyRow): FormState['values'] {
  return { mode: 'on_site', durationMinutes: '60', placeName: agency.name, street: agency.street, postalCode: agency.postalCode, city: agency.city, genderPreference: 'none', topic: '', setting: '' };
}

/** A date or time input inside the shared field shell. */
function DateTimeInput(props: { name: string; type: 'date' | 'time'; label: string; hint?: string; form: FormState; min?: string }) {
  const f = props.form;
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} form={f} required>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type}
        value={valueOf(f, props.name)}
        min={props.min}
        step={props.type === 'time' ? 300 : undefined}
        required
        dir="ltr"
        aria-invalid={f.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy({ name: props.name, form: f, hint: props.hint })}
      />
    </FieldShell>
  );
}

/** What looked like personal data, and the box to confirm there is none. */
function PersonalDataNotice(props: { findings: PersonalDataFinding[]; form: FormState }) {
  const { t } = usePage();
  return (
    <div class="notice notice--warning spa-pii" role="alert" data-notice="personal-data">
      <h2>{t('sprachpool-agencies.pii_title')}</h2>
      <p>{t('sprachpool-agencies.pii_text')}</p>
      <ul>
        {props.findings.map((x, i) => (
          <li key={i} data-pii={x.kind}>
            {t('sprachpool-agencies.pii_finding', { field: t(`sprachpool-agencies.pii_field_${x.field}`), kind: t(`sprachpool-agencies.pii_kind_${x.kind}`) })}{' '}
            <q>
              <bdi>{x.match}</bdi>
            </q>
          </li>
        ))}
      </ul>
      <p>{t('sprachpool-agencies.pii_what_to_do')}</p>
      <Checkboxes name="confirmPersonalData" label={t('sprachpool-agencies.pii_confirm_legend')} form={props.form} options={[{ value: '1', label: t('sprachpool-agencies.pii_confirm') }]} />
    </div>
  );
}

/** …/sprachpool/agency/requests/new — the request form (no JavaScript needed). */
export function RequestFormPage(props: { region: RegionRow; agency: AgencyRow; settings: PoolSettings; earliest: string; form: FormState; findings?: PersonalDataFinding[] }) {
  const { t, lang, csrfToken } = usePage();
  const f = props.form;
  const s = props.settings;
  const title = t('sprachpool.agency_new_request');
  const languages = [...POOL_LANGUAGES].map((code) => ({ code, name: poolLanguageName(t, lang, code) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const language = valueOf(f, 'language');
  const dialect = valueOf(f, 'dialect');
  const excluded = new Set<string>(s.excludedSettings);
  return (
    <AgencyLayout region={props.region} title={title} section="new">
      <h1>{title}</h1>
      <div class="notice notice--warning spa-no-personal" data-notice="no-personal-data">
        <p>
          <strong>{t('sprachpool-agencies.form_no_personal_title')}</strong>
        </p>
        <p>{t('sprachpool-agencies.form_no_personal_text')}</p>
      </div>
      <p class="hint" data-lead-time={props.earliest}>
        {t('sprachpool-agencies.form_lead_time', { days: s.leadTimeWorkingDays, earliest: formatDate(props.earliest, lang) })}
      </p>
      <ErrorSummary errors={f.errors} />
      <form method="post" action={newRequestHref(props.region.id)} class="spa-form" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        {props.findings?.length ? <PersonalDataNotice findings={props.findings} form={f} /> : null}

        <fieldset>
          <legend>
            <h2>{t('sprachpool-agencies.form_language_title')}</h2>
          </legend>
          <FieldShell name="language" label={t('sprachpool-agencies.field_language')} form={f} required>
            <select id="f-language" name="language" aria-invalid={f.errors.language ? 'true' : undefined} aria-describedby={describedBy({ name: 'language', form: f })}>
              <option value="">{t('sprachpool-agencies.choose')}</option>
              {languages.map((l) => (
                <option key={l.code} value={l.code} selected={l.code === language}>
                  {l.name}
                </option>
              ))}
            </select>
          </FieldShell>
          <FieldShell name="dialect" label={t('sprachpool-agencies.field_dialect')} hint={t('sprachpool-agencies.field_dialect_hint')} form={f}>
            <select id="f-dialect" name="dialect" aria-invalid={f.errors.dialect ? 'true' : undefined} aria-describedby={describedBy({ name: 'dialect', form: f, hint: 'x' })}>
              <option value="">{t('sprachpool.no_dialect')}</option>
              {Object.entries(DIALECTS).map(([code, dialects]) => (
                <optgroup key={code} label={poolLanguageName(t, lang, code)}>
                  {(dialects ?? []).map((d) => (
                    <option key={d} value={d} selected={d === dialect && code === language}>
                      {t(`sprachpool.dialect_${d}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </FieldShell>
          <Select name="genderPreference" label={t('sprachpool-agencies.field_gender')} form={f} options={GENDER_PREFERENCES.map((g) => ({ value: g, label: t(`sprachpool.gender_pref_${g}`) }))} />
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t('sprachpool-agencies.form_when_title')}</h2>
          </legend>
          <div class="spa-row">
            <DateTimeInput name="date" type="date" label={t('sprachpool-agencies.field_date')} form={f} min={props.earliest} />
            <DateTimeInput name="time" type="time" label={t('sprachpool-agencies.field_time')} hint={t('sprachpool-agencies.field_time_hint', { zone: props.region.timezone })} form={f} />
          </div>
          <Select
            name="durationMinutes"
            label={t('sprachpool-agencies.field_duration')}
            form={f}
            options={[...new Set([...DURATIONS.map(String), valueOf(f, 'durationMinutes')].filter(Boolean))].map((m) => ({ value: m, label: Number.isFinite(Number(m)) ? t('sprachpool.minutes', { minutes: Number(m) }) : m }))}
          />
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t('sprachpool-agencies.form_where_title')}</h2>
          </legend>
          <Radios name="mode" label={t('sprachpool-agencies.field_mode')} form={f} options={MODES.map((m) => ({ value: m, label: t(`sprachpool.mode_${m}`) }))} />
          <h3>{t('sprachpool-agencies.form_on_site_title')}</h3>
          <p class="hint">{t('sprachpool-agencies.form_on_site_hint')}</p>
          <TextField name="placeName" label={t('sprachpool-agencies.field_place_name')} hint={t('sprachpool-agencies.field_place_name_hint')} form={f} maxLength={200} />
          <TextField name="street" label={t('sprachpool-agencies.field_street')} form={f} maxLength={200} autocomplete="street-address" />
          <div class="spa-row">
            <TextField name="postalCode" label={t('sprachpool-agencies.field_postal_code')} form={f} maxLength={5} inputMode="numeric" dir="ltr" />
            <TextField name="city" label={t('sprachpool-agencies.field_city')} form={f} maxLength={100} />
          </div>
          <h3>{t('sprachpool-agencies.form_remote_title')}</h3>
          <TextArea name="joinInfo" label={t('sprachpool-agencies.field_join_info')} hint={t('sprachpool-agencies.field_join_info_hint')} form={f} rows={2} maxLength={500} />
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t('sprachpool-agencies.form_what_title')}</h2>
          </legend>
          {excluded.size ? <p class="hint">{t('sprachpool-agencies.form_excluded_hint')}</p> : null}
          <Select
            name="setting"
            label={t('sprachpool-agencies.field_setting')}
            form={f}
            required
            options={[
              { value: '', label: t('sprachpool-agencies.choose') },
              ...SETTINGS.map((x) => ({ value: x, label: excluded.has(x) ? t('sprachpool-agencies.setting_not_served', { setting: t(`sprachpool.setting_${x}`) }) : t(`sprachpool.setting_${x}`) })),
            ]}
          />
          <Select name="topic" label={t('sprachpool-agencies.field_topic')} form={f} required options={[{ value: '', label: t('sprachpool-agencies.choose') }, ...TOPICS.map((x) => ({ value: x, label: t(`sprachpool.topic_${x}`) }))]} />
          <TextArea name="notes" label={t('sprachpool-agencies.field_notes')} hint={t('sprachpool-agencies.field_notes_hint')} form={f} rows={4} maxLength={2000} />
          <TextField name="onSiteContact" label={t('sprachpool-agencies.field_on_site_contact')} hint={t('sprachpool-agencies.field_on_site_contact_hint')} form={f} maxLength={300} />
        </fieldset>

        <p class="actions">
          <button type="submit" class="button">
            {t('sprachpool-agencies.form_submit')}
          </button>
        </p>
      </form>
    </AgencyLayout>
  );
}
