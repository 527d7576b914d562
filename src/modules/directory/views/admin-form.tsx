import { Button, Checkboxes, ErrorSummary, FieldShell, Form, Select, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { DAY_CODES, ORDINALS, PHONE_TYPES, collectRows, rowCount } from '../forms.js';
import type { LocationRow, OrganizationRow, TermRow } from '../queries.js';
import { HSDS_SERVICE_STATUSES, type EditorialStatus } from '../schema.js';
import type { DuplicateCandidate, ObjectKind, RevisionConflict, TranslationState } from '../service.js';
import { DirectoryLayout, KIND_PATHS, StatusBadge, TranslationStates, dirBase, objectHref } from './admin-lists.js';

export type FormChoices = { languages: string[]; terms: TermRow[]; locations: LocationRow[]; organizations: OrganizationRow[] };
export type Notice = { type: 'info' | 'error' | 'success'; key: string; params?: Record<string, string | number> };

export type ObjectFormProps = {
  region: RegionRow;
  isEditor: boolean;
  kind: ObjectKind;
  form: FormState;
  choices: FormChoices;
  /** The stored object (edit form); absent for a new one. */
  current?: { id: string; name: string; status: EditorialStatus; verifiedAt?: Date | null; hasPending: boolean } | undefined;
  conflict?: RevisionConflict | undefined;
  duplicates?: DuplicateCandidate[] | undefined;
  notice?: Notice | undefined;
  states?: Record<string, TranslationState> | undefined;
  editors?: { accountId: string; email: string; name: string }[] | undefined;
  editorForm?: FormState | undefined;
  geocoder: boolean;
};

function languageLabel(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The hidden row count and the "add more rows" button of a repeatable group. */
function MoreRows(props: { kind: string; count: number }) {
  const { t } = usePage();
  return (
    <>
      <input type="hidden" name={`rows.${props.kind}`} value={String(props.count)} />
      <button type="submit" name="add" value={props.kind} class="button button--secondary dir-add-rows">
        {t('directory-admin.add_rows')}
      </button>
    </>
  );
}

function countOf(form: FormState, kind: string, min: number): number {
  const filled = collectRows(form.values, kind).reduce((max, r) => Math.max(max, r.index + 1), 0);
  return Math.max(rowCount(form.values, kind, filled), min, filled);
}

function PhoneRows(props: { form: FormState }) {
  const { t } = usePage();
  const n = countOf(props.form, 'phones', 2);
  const types = PHONE_TYPES.map((x) => ({ value: x, label: t(`directory-admin.phone_type_${x}`) }));
  return (
    <fieldset class="dir-rows">
      <legend>{t('directory-admin.section_phones')}</legend>
      <p class="hint">{t('directory-admin.phones_hint')}</p>
      {Array.from({ length: n }, (_, i) => (
        <div class="dir-row" key={i}>
          <TextField name={`phones.${i}.number`} label={t('directory-admin.field_phone_number', { n: i + 1 })} form={props.form} type="tel" dir="ltr" />
          <Select name={`phones.${i}.type`} label={t('directory-admin.field_phone_type')} form={props.form} options={types} />
          <TextField name={`phones.${i}.languages`} label={t('directory-admin.field_phone_languages')} form={props.form} hint={t('directory-admin.phone_languages_hint')} dir="ltr" />
        </div>
      ))}
      <MoreRows kind="phones" count={n} />
    </fieldset>
  );
}

function ContactRows(props: { form: FormState }) {
  const { t } = usePage();
  const n = countOf(props.form, 'contacts', 2);
  return (
    <fieldset class="dir-rows">
      <legend>{t('directory-admin.section_contacts')}</legend>
      {Array.from({ length: n }, (_, i) => (
        <div class="dir-row" key={i}>
          <TextField name={`contacts.${i}.name`} label={t('directory-admin.field_contact_name', { n: i + 1 })} form={props.form} />
          <TextField name={`contacts.${i}.title`} label={t('directory-admin.field_contact_title')} form={props.form} />
          <TextField name={`contacts.${i}.email`} label={t('directory-admin.field_email')} form={props.form} type="email" dir="ltr" />
          <TextField name={`contacts.${i}.phone`} label={t('directory-admin.field_phone')} form={props.form} type="tel" dir="ltr" />
        </div>
      ))}
      <MoreRows kind="contacts" count={n} />
    </fieldset>
  );
}

function HoursRows(props: { form: FormState }) {
  const { t } = usePage();
  const days = DAY_CODES.map((d) => ({ value: d, label: t(`directory-admin.day_${d}`) }));
  const weekly = countOf(props.form, 'weekly', 2);
  const monthly = countOf(props.form, 'monthly', 1);
  const closures = countOf(props.form, 'closures', 1);
  return (
    <fieldset class="dir-rows dir-hours">
      <legend>{t('directory-admin.section_hours')}</legend>
      <p class="hint">{t('directory-admin.hours_hint')}</p>
      <h3>{t('directory-admin.hours_weekly')}</h3>
      {Array.from({ length: weekly }, (_, i) => (
        <div class="dir-row" key={i}>
          <Checkboxes name={`weekly.${i}.days`} label={t('directory-admin.field_days', { n: i + 1 })} form={props.form} options={days} />
          <TextField name={`weekly.${i}.opens`} label={t('directory-admin.field_opens')} form={props.form} hint="09:00" dir="ltr" />
          <TextField name={`weekly.${i}.closes`} label={t('directory-admin.field_closes')} form={props.form} hint="16:00" dir="ltr" />
          <DateField name={`weekly.${i}.validFrom`} label={t('directory-admin.field_valid_from')} form={props.form} />
          <DateField name={`weekly.${i}.validTo`} label={t('directory-admin.field_valid_to')} form={props.form} />
        </div>
      ))}
      <MoreRows kind="weekly" count={weekly} />
      <h3>{t('directory-admin.hours_monthly')}</h3>
      {Array.from({ length: monthly }, (_, i) => (
        <div class="dir-row" key={i}>
          <Select
            name={`monthly.${i}.ordinal`}
            label={t('directory-admin.field_ordinal', { n: i + 1 })}
            form={props.form}
            options={[{ value: '', label: '–' }, ...ORDINALS.map((o) => ({ value: o, label: t(`directory-admin.ordinal_${o === '-1' ? 'last' : o}`) }))]}
          />
          <Select name={`monthly.${i}.day`} label={t('directory-admin.field_weekday')} form={props.form} options={[{ value: '', label: '–' }, ...days]} />
          <TextField name={`monthly.${i}.opens`} label={t('directory-admin.field_opens')} form={props.form} dir="ltr" />
          <TextField name={`monthly.${i}.closes`} label={t('directory-admin.field_closes')} form={props.form} dir="ltr" />
        </div>
      ))}
      <MoreRows kind="monthly" count={monthly} />
      <h3>{t('directory-admin.hours_closures')}</h3>
      <p class="hint">{t('directory-admin.closures_hint')}</p>
      {Array.from({ length: closures }, (_, i) => (
        <div class="dir-row" key={i}>
          <DateField name={`closures.${i}.from`} label={t('directory-admin.field_closed_from', { n: i + 1 })} form={props.form} />
          <DateField name={`closures.${i}.to`} label={t('directory-admin.field_closed_to')} form={props.form} />
          <TextField name={`closures.${i}.note`} label={t('directory-admin.field_closure_note')} form={props.form} />
        </div>
      ))}
      <MoreRows kind="closures" count={closures} />
    </fieldset>
  );
}

function DateField(props: { name: string; label: string; form: FormState }) {
  return (
    <FieldShell name={props.name} label={props.label} form={props.form}>
      <input id={`f-${props.name}`} name={props.name} type="date" value={valueOf(props.form, props.name)} aria-invalid={props.form.errors[props.name] ? 'true' : undefined} />
    </FieldShell>
  );
}

function CheckboxField(props: { name: string; label: string; form: FormState; hint?: string }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="1" checked={valueOf(props.form, props.name) === '1'} />
      <label for={`f-${props.name}`}>
        {props.label}
        {props.hint ? <span class="hint"> {props.hint}</span> : null}
      </label>
    </div>
  );
}

/** Categories as checkboxes, grouped under their parent category. */
function CategoryChoice(props: { form: FormState; terms: TermRow[] }) {
  const { t } = usePage();
  const roots = props.terms.filter((x) => !x.parentId);
  return (
    <fieldset class="field dir-categories" id="f-termIds">
      <legend>{t('directory-admin.field_categories')}</legend>
      {props.form.errors.termIds ? <p class="field-error">{t(props.form.errors.termIds.key)}</p> : null}
      {roots.map((root) => {
        const children = props.terms.filter((x) => x.parentId === root.id);
        return (
          <Checkboxes
            key={root.id}
            name="termIds"
            label={root.name}
            form={{ values: props.form.values, errors: {} }}
            options={[{ value: root.id, label: root.name }, ...children.map((c) => ({ value: c.id, label: c.name }))]}
          />
        );
      })}
    </fieldset>
  );
}

function ConflictNotice(props: { conflict: RevisionConflict }) {
  const { t } = usePage();
  return (
    <div class="notice notice--error dir-conflict" role="alert">
      <p>
        <strong>{t('directory-admin.conflict_title')}</strong>
      </p>
      <p>{t('directory-admin.conflict_text')}</p>
      {props.conflict.changed.length ? (
        <>
          <p>{t('directory-admin.conflict_fields')}</p>
          <dl class="summary-list">
            {props.conflict.changed.map((field) => {
              const v = props.conflict.values[field];
              return [
                <dt key={`${field}-t`}>{t(`directory-admin.field_${field}`)}</dt>,
                <dd key={`${field}-d`}>{(Array.isArray(v) ? v.join(', ') : v) || '—'}</dd>,
              ];
            })}
          </dl>
        </>
      ) : null}
    </div>
  );
}

function DuplicatesNotice(props: { region: RegionRow; duplicates: DuplicateCandidate[]; form: FormState }) {
  const { t } = usePage();
  return (
    <div class="notice notice--error dir-duplicates" role="alert">
      <p>
        <strong>{t('directory-admin.duplicates_title')}</strong>
      </p>
      <ul>
        {props.duplicates.map((d) => (
          <li key={d.id}>
            <a href={objectHref(props.region.id, d.kind, d.id)}>{d.name}</a> ({t(`directory-admin.duplicate_${d.reason}`)})
          </li>
        ))}
      </ul>
      <CheckboxField name="createAnyway" label={t('directory-admin.create_anyway')} form={props.form} />
    </div>
  );
}

function StatusActions(props: { region: RegionRow; kind: ObjectKind; id: string; status: EditorialStatus; isEditor: boolean }) {
  const { t } = usePage();
  const actions: { action: string; show: boolean; variant: 'primary' | 'secondary' | 'danger' }[] = [
    { action: 'publish', show: props.isEditor && (props.status === 'draft' || props.status === 'review'), variant: 'primary' },
    { action: 'submit', show: !props.isEditor && props.status === 'draft', variant: 'primary' },
    { action: 'draft', show: props.isEditor && props.status === 'published', variant: 'secondary' },
    { action: 'archive', show: props.isEditor && props.status !== 'archived', variant: 'danger' },
    { action: 'unarchive', show: props.isEditor && props.status === 'archived', variant: 'secondary' },
  ];
  const shown = actions.filter((a) => a.show);
  if (!shown.length) return null;
  return (
    <Form action={`${objectHref(props.region.id, props.kind, props.id)}/status`} class="dir-status-actions">
      {shown.map((a) => (
        <Button key={a.action} name="action" value={a.action} variant={a.variant}>
          {t(`directory-admin.action_${a.action}`)}
        </Button>
      ))}
    </Form>
  );
}

function EditorsSection(props: { region: RegionRow; organizationId: string; editors: { accountId: string; email: string; name: string }[]; form: FormState }) {
  const { t } = usePage();
  const href = `${objectHref(props.region.id, 'organization', props.organizationId)}/editors`;
  return (
    <section class="dir-editors" aria-labelledby="dir-editors-title">
      <h2 id="dir-editors-title">{t('directory-admin.editors_title')}</h2>
      <p class="hint">{t('directory-admin.editors_hint')}</p>
      {props.editors.length ? (
        <ul>
          {props.editors.map((e) => (
            <li key={e.accountId}>
              {e.name ? `${e.name} – ` : ''}
              {e.email}{' '}
              <Form action={`${href}/remove`} class="inline-form">
                <input type="hidden" name="accountId" value={e.accountId} />
                <Button variant="secondary">
                  {t('directory-admin.editor_remove')}
                  <span class="visually-hidden"> {e.email}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('directory-admin.editors_none')}</p>
      )}
      <Form action={href}>
        <TextField name="email" label={t('directory-admin.editor_email')} form={props.form} type="email" dir="ltr" />
        <Button variant="secondary">{t('directory-admin.editor_add')}</Button>
      </Form>
    </section>
  );
}

function OrganizationFields(props: { form: FormState }) {
  const { t } = usePage();
  const f = props.form;
  return (
    <>
      <TextField name="name" label={t('directory-admin.field_name')} form={f} required />
      <TextField name="alternateName" label={t('directory-admin.field_alternateName')} form={f} />
      <TextArea name="description" label={t('directory-admin.field_description')} form={f} />
      <TextField name="email" label={t('directory-admin.field_email')} form={f} type="email" dir="ltr" />
      <TextField name="website" label={t('directory-admin.field_website')} form={f} type="url" dir="ltr" hint={t('directory-admin.url_hint')} />
      <TextField name="legalStatus" label={t('directory-admin.field_legalStatus')} form={f} hint={t('directory-admin.legal_status_hint')} />
      <PhoneRows form={f} />
      <ContactRows form={f} />
    </>
  );
}

function LanguageChoice(props: { form: FormState; languages: string[]; label: string }) {
  return <Checkboxes name="languages" label={props.label} form={props.form} options={props.languages.map((code) => ({ value: code, label: `${languageLabel(code)} (${code})` }))} />;
}

function LocationFields(props: { form: FormState; choices: FormChoices; geocoder: boolean; isEditor: boolean }) {
  const { t } = usePage();
  const f = props.form;
  return (
    <>
      <TextField name="name" label={t('directory-admin.field_name')} form={f} required />
      <Select
        name="organizationId"
        label={t('directory-admin.field_organization')}
        form={f}
        required={!props.isEditor}
        options={[...(props.isEditor ? [{ value: '', label: t('directory-admin.no_organization') }] : []), ...props.choices.organizations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <TextArea name="description" label={t('directory-admin.field_description')} form={f} rows={3} />
      <fieldset class="dir-address">
        <legend>{t('directory-admin.section_address')}</legend>
        <TextField name="address1" label={t('directory-admin.field_address1')} form={f} />
        <TextField name="postalCode" label={t('directory-admin.field_postalCode')} form={f} inputMode="numeric" />
        <TextField name="city" label={t('directory-admin.field_city')} form={f} />
        <input type="hidden" name="geoSource" value={valueOf(f, 'geoSource')} />
        <TextField name="latitude" label={t('directory-admin.field_latitude')} form={f} hint={t('directory-admin.latitude_hint')} dir="ltr" inputMode="decimal" />
        <TextField name="longitude" label={t('directory-admin.field_longitude')} form={f} hint={t('directory-admin.longitude_hint')} dir="ltr" inputMode="decimal" />
        {props.geocoder ? (
          <button type="submit" name="geocode" value="1" class="button button--secondary">
            {t('directory-admin.find_coordinates')}
          </button>
        ) : (
          <p class="hint">{t('directory-admin.geocoder_not_configured')}</p>
        )}
      </fieldset>
      <LanguageChoice form={f} languages={props.choices.languages} label={t('directory-admin.field_location_languages')} />
      <CheckboxField name="wheelchair" label={t('directory-admin.field_wheelchair')} form={f} />
      <TextArea name="accessibilityDescription" label={t('directory-admin.field_accessibilityDescription')} form={f} rows={3} />
      <TextArea name="transportation" label={t('directory-admin.field_transportation')} form={f} rows={2} />
      <PhoneRows form={f} />
      <HoursRows form={f} />
    </>
  );
}

function ServiceFields(props: { form: FormState; choices: FormChoices }) {
  const { t } = usePage();
  const f = props.form;
  return (
    <>
      <Select name="organizationId" label={t('directory-admin.field_organization')} form={f} required options={[{ value: '', label: '–' }, ...props.choices.organizations.map((o) => ({ value: o.id, label: o.name }))]} />
      <TextField name="name" label={t('directory-admin.field_name')} form={f} required />
      <TextField name="alternateName" label={t('directory-admin.field_alternateName')} form={f} />
      <TextArea name="description" label={t('directory-admin.field_description')} form={f} />
      <TextField name="url" label={t('directory-admin.field_url')} form={f} type="url" dir="ltr" hint={t('directory-admin.url_hint')} />
      <TextField name="email" label={t('directory-admin.field_email')} form={f} type="email" dir="ltr" />
      <Select name="hsdsStatus" label={t('directory-admin.field_hsdsStatus')} form={f} options={HSDS_SERVICE_STATUSES.map((s) => ({ value: s, label: t(`directory-admin.hsds_${s.replace(' ', '_')}`) }))} />
      <TextField name="alert" label={t('directory-admin.field_alert')} form={f} hint={t('directory-admin.alert_hint')} />
      <CategoryChoice form={f} terms={props.choices.terms} />
      <LanguageChoice form={f} languages={props.choices.languages} label={t('directory-admin.field_languages')} />
      <fieldset class="dir-cost">
        <legend>{t('directory-admin.section_cost')}</legend>
        <CheckboxField name="free" label={t('directory-admin.field_free')} form={f} />
        <TextArea name="feesDescription" label={t('directory-admin.field_feesDescription')} form={f} rows={2} />
      </fieldset>
      <TextArea name="eligibilityDescription" label={t('directory-admin.field_eligibilityDescription')} form={f} rows={3} />
      <TextField name="minimumAge" label={t('directory-admin.field_minimumAge')} form={f} inputMode="numeric" />
      <TextField name="maximumAge" label={t('directory-admin.field_maximumAge')} form={f} inputMode="numeric" />
      <TextArea name="applicationProcess" label={t('directory-admin.field_applicationProcess')} form={f} rows={3} />
      <TextArea name="requiredDocuments" label={t('directory-admin.field_requiredDocuments')} form={f} rows={3} hint={t('directory-admin.one_per_line')} />
      <TextArea name="serviceAreas" label={t('directory-admin.field_serviceAreas')} form={f} rows={2} hint={t('directory-admin.one_per_line')} />
      <Checkboxes
        name="locationIds"
        label={t('directory-admin.field_locations')}
        form={f}
        hint={t('directory-admin.locations_hint')}
        options={props.choices.locations.map((l) => ({ value: l.id, label: [l.name, l.address1, l.city].filter(Boolean).join(', ') }))}
      />
      <PhoneRows form={f} />
      <ContactRows form={f} />
      <HoursRows form={f} />
    </>
  );
}

/** The create/edit form of a service, an organisation or a location; works without JavaScript. */
export function ObjectFormPage(props: ObjectFormProps) {
  const { t, lang } = usePage();
  const { region, kind, form, current } = props;
  const path = KIND_PATHS[kind];
  const action = current ? objectHref(region.id, kind, current.id) : `${dirBase(region.id)}/${path}/new`;
  const title = current ? t(`directory-admin.edit_${kind}`, { name: current.name }) : t(`directory-admin.new_${kind}`);
  return (
    <DirectoryLayout region={region} isEditor={props.isEditor} title={title}>
      <h1>{title}</h1>
      {current ? (
        <dl class="summary-list">
          <dt>{t('directory-admin.col_status')}</dt>
          <dd>
            <StatusBadge status={current.status} />
            {current.hasPending ? <> <span class="badge dir-pending">{t('directory-admin.pending_badge')}</span></> : null}
          </dd>
          {kind === 'service' ? (
            <>
              <dt>{t('directory-admin.col_verified')}</dt>
              <dd>{current.verifiedAt ? current.verifiedAt.toLocaleDateString(lang, { timeZone: region.timezone }) : t('directory-admin.never_verified')}</dd>
            </>
          ) : null}
          {props.states && Object.keys(props.states).length ? (
            <>
              <dt>{t('directory-admin.col_translations')}</dt>
              <dd>
                <TranslationStates region={region} kind={kind} id={current.id} states={props.states} linked={props.isEditor} />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {current?.hasPending && !props.isEditor ? <div class="notice notice--info">{t('directory-admin.pending_notice_partner')}</div> : null}
      {current?.hasPending && props.isEditor ? (
        <div class="notice notice--info">
          {t('directory-admin.pending_notice_editor')} <a href={`${dirBase(region.id)}/review/${kind}/${current.id}`}>{t('directory-admin.review_open')}</a>
        </div>
      ) : null}
      {props.notice ? (
        <div class={`notice notice--${props.notice.type}`} role={props.notice.type === 'error' ? 'alert' : 'status'}>
          {t(props.notice.key, props.notice.params)}
        </div>
      ) : null}
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={action} class="dir-form">
        {props.duplicates?.length ? <DuplicatesNotice region={region} duplicates={props.duplicates} form={form} /> : null}
        {current ? <input type="hidden" name="revision" value={valueOf(form, 'revision')} /> : null}
        {kind === 'organization' ? <OrganizationFields form={form} /> : kind === 'location' ? <LocationFields form={form} choices={props.choices} geocoder={props.geocoder} isEditor={props.isEditor} /> : <ServiceFields form={form} choices={props.choices} />}
        {!current && props.isEditor ? (
          <Select
            name="status"
            label={t('directory-admin.field_status')}
            form={form}
            options={(['published', 'draft', 'review'] as const).map((s) => ({ value: s, label: t(`directory-admin.status_${s}`) }))}
          />
        ) : null}
        {current && props.isEditor ? <CheckboxField name="minor" label={t('directory-admin.minor_change')} hint={t('directory-admin.minor_change_hint')} form={form} /> : null}
        {!props.isEditor ? <p class="hint">{t(current?.status === 'published' ? 'directory-admin.partner_save_hint' : 'directory-admin.partner_new_hint')}</p> : null}
        <Button>{t(current ? 'directory-admin.save' : 'directory-admin.create')}</Button>
      </Form>
      {current ? <StatusActions region={region} kind={kind} id={current.id} status={current.status} isEditor={props.isEditor} /> : null}
      {kind === 'organization' && current && props.isEditor && props.editors ? <EditorsSection region={region} organizationId={current.id} editors={props.editors} form={props.editorForm ?? { values: {}, errors: {} }} /> : null}
    </DirectoryLayout>
  );
}
