import { Button, ErrorSummary, Form, Select, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { GERMAN_STATES } from '../holidays.js';
import type { RevisionConflict } from '../service.js';
import type { DirectorySettings } from '../settings.js';
import { MONTHS_MAX, MONTHS_MIN } from '../settings-form.js';
import { DirectoryLayout, dirBase } from './admin-lists.js';

export const TILE_URL_EXAMPLE = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const GEOCODER_URL_EXAMPLE = 'https://nominatim.openstreetmap.org/search';

/** Catalog key of a federal state's name ("DE-NW" → directory-admin.state_nw). */
const stateKey = (code: string): string => `directory-admin.state_${code.slice(3).toLowerCase()}`;

/** A stored value as the page shows it ('—' when empty). */
function shown(t: ReturnType<typeof usePage>['t'], field: string, value: string): string {
  if (field === 'holidayState') return value ? t(stateKey(value)) : t('directory-admin.holiday_nationwide');
  return value || '—';
}

function ConflictNotice(props: { conflict: RevisionConflict }) {
  const { t } = usePage();
  const { changed, values } = props.conflict;
  return (
    <div class="notice notice--error dir-conflict" role="alert">
      <p>
        <strong>{t('directory-admin.settings_conflict_title')}</strong>
      </p>
      <p>{t('directory-admin.conflict_text')}</p>
      {changed.length ? (
        <>
          <p>{t('directory-admin.conflict_fields')}</p>
          <dl class="summary-list">
            {changed.map((field) => [
              <dt key={`${field}-t`}>{t(`directory-admin.settings_field_${field}`)}</dt>,
              <dd key={`${field}-d`}>
                <bdi>{shown(t, field, valueOf({ values, errors: {} }, field))}</bdi>
              </dd>,
            ])}
          </dl>
        </>
      ) : null}
    </div>
  );
}

function SettingsForm(props: { region: RegionRow; form: FormState; conflict?: RevisionConflict | undefined }) {
  const { t, lang } = usePage();
  const f = props.form;
  const states = GERMAN_STATES.map((code) => ({ value: code, label: t(stateKey(code)) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <>
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <ErrorSummary errors={f.errors} />
      <Form action={`${dirBase(props.region.id)}/settings`} class="dir-form dir-settings">
        <input type="hidden" name="revision" value={valueOf(f, 'revision')} />
        <fieldset>
          <legend>{t('directory-admin.settings_section_verification')}</legend>
          <TextField
            name="verifyAfterMonths"
            label={t('directory-admin.settings_field_verifyAfterMonths')}
            hint={t('directory-admin.settings_hint_verifyAfterMonths', { min: MONTHS_MIN, max: MONTHS_MAX })}
            form={f}
            required
            inputMode="numeric"
            maxLength={2}
            dir="ltr"
          />
        </fieldset>
        <fieldset>
          <legend>{t('directory-admin.settings_section_map')}</legend>
          <TextField name="tileUrl" label={t('directory-admin.settings_field_tileUrl')} hint={t('directory-admin.settings_hint_tileUrl', { example: TILE_URL_EXAMPLE, z: '{z}', x: '{x}', y: '{y}' })} form={f} type="url" dir="ltr" autocomplete="off" maxLength={500} />
          <TextField name="tileAttribution" label={t('directory-admin.settings_field_tileAttribution')} hint={t('directory-admin.settings_hint_tileAttribution')} form={f} maxLength={300} />
          <TextField name="centerLat" label={t('directory-admin.settings_field_centerLat')} hint={t('directory-admin.settings_hint_centerLat')} form={f} inputMode="decimal" dir="ltr" />
          <TextField name="centerLon" label={t('directory-admin.settings_field_centerLon')} hint={t('directory-admin.settings_hint_centerLon')} form={f} inputMode="decimal" dir="ltr" />
        </fieldset>
        <fieldset>
          <legend>{t('directory-admin.settings_section_geocoder')}</legend>
          <TextField name="geocoderUrl" label={t('directory-admin.settings_field_geocoderUrl')} hint={t('directory-admin.settings_hint_geocoderUrl', { example: GEOCODER_URL_EXAMPLE })} form={f} type="url" dir="ltr" autocomplete="off" maxLength={500} />
        </fieldset>
        <fieldset>
          <legend>{t('directory-admin.settings_section_holidays')}</legend>
          <Select name="holidayState" label={t('directory-admin.settings_field_holidayState')} hint={t('directory-admin.settings_hint_holidayState')} form={f} options={[{ value: '', label: t('directory-admin.holiday_nationwide') }, ...states]} />
        </fieldset>
        <div class="form-actions">
          <Button>{t(props.conflict ? 'directory-admin.settings_save_mine' : 'directory-admin.settings_save')}</Button>
        </div>
      </Form>
    </>
  );
}

/** What the region's editors see: the settings in force, without a form. */
function SettingsSummary(props: { settings: DirectorySettings }) {
  const { t } = usePage();
  const s = props.settings;
  const rows: [string, string][] = [
    ['verifyAfterMonths', String(s.verifyAfterMonths)],
    ['tileUrl', s.tileUrl ?? ''],
    ['tileAttribution', s.tileAttribution],
    ['centerLat', s.centerLat === null ? '' : String(s.centerLat)],
    ['centerLon', s.centerLon === null ? '' : String(s.centerLon)],
    ['geocoderUrl', s.geocoderUrl ?? ''],
    ['holidayState', s.holidayState ?? ''],
  ];
  return (
    <>
      <p class="notice notice--info">{t('directory-admin.settings_readonly')}</p>
      <dl class="summary-list dir-settings-summary">
        {rows.map(([field, value]) => [
          <dt key={`${field}-t`}>{t(`directory-admin.settings_field_${field}`)}</dt>,
          <dd key={`${field}-d`}>
            <bdi>{shown(t, field, value)}</bdi>
          </dd>,
        ])}
      </dl>
    </>
  );
}

/** /admin/regions/:id/directory/settings: the form for region admins, a summary for the region's editors. */
export function DirectorySettingsPage(props: { region: RegionRow; settings: DirectorySettings; canChange: boolean; form: FormState; conflict?: RevisionConflict | undefined }) {
  const { t } = usePage();
  const title = t('directory-admin.settings_title');
  return (
    <DirectoryLayout region={props.region} isEditor title={title}>
      <h1>{title}</h1>
      <p>{t('directory-admin.settings_intro')}</p>
      {props.canChange ? <SettingsForm region={props.region} form={props.form} conflict={props.conflict} /> : <SettingsSummary settings={props.settings} />}
    </DirectoryLayout>
  );
}
