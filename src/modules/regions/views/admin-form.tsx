import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Checkboxes, ErrorSummary, Form, Select, TextArea, TextField, type FormState, type FormValues } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { EDITABLE_FIELDS, NAME_MAX, REGION_KINDS, TEXT_MAX, timeZones, type LanguageRow, type RegionRow } from '../service.js';
import { PlainText, useKindLabel } from './parts.js';

export type RegionFormProps = {
  mode: 'new' | 'edit';
  form: FormState;
  languages: LanguageRow[];
  /** The region being edited. */
  region?: RegionRow | undefined;
  /** The parent of a new child region. */
  parent?: RegionRow | undefined;
  /** On a revision conflict: the version stored now, shown next to the user's unsaved values. */
  conflict?: RegionRow | undefined;
};

/** Form values of a stored region. */
export function regionFormValues(r: RegionRow): FormValues {
  return { ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, r[f]])), revision: String(r.revision) };
}

function StoredVersion(props: { region: RegionRow }) {
  const { t } = usePage();
  const kindLabel = useKindLabel();
  const r = props.region;
  return (
    <section class="conflict__stored" aria-labelledby="stored-title">
      <h2 id="stored-title">{t('regions.conflict_stored_title', { revision: r.revision })}</h2>
      <dl class="summary-list">
        <dt>{t('regions.field_slug')}</dt>
        <dd>
          <code>{r.slug}</code>
        </dd>
        <dt>{t('regions.field_name')}</dt>
        <dd>{r.name}</dd>
        <dt>{t('regions.field_kind')}</dt>
        <dd>{kindLabel(r.kind)}</dd>
        <dt>{t('regions.field_timezone')}</dt>
        <dd>{r.timezone}</dd>
        <dt>{t('regions.field_languages')}</dt>
        <dd>{r.languages.join(', ')}</dd>
        <dt>{t('regions.field_source_language')}</dt>
        <dd>{r.sourceLanguage}</dd>
        {(['contact', 'imprint', 'privacy', 'accessibilityStatement'] as const).map((f) => (
          <>
            <dt key={`${f}-t`}>{t(`regions.field_${f}`)}</dt>
            <dd key={`${f}-d`}>{r[f] ? <PlainText text={r[f]} /> : <em>{t('regions.empty_text')}</em>}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** Create or edit a region. On a revision conflict the unsaved values stay in the form and the stored version is shown beside it. */
export function RegionFormPage(props: RegionFormProps) {
  const { t } = usePage();
  const kindLabel = useKindLabel();
  const { form } = props;
  const title =
    props.mode === 'edit' && props.region
      ? t('regions.edit_title', { name: props.region.name })
      : props.parent
        ? t('regions.new_child_title', { parent: props.parent.name })
        : t('regions.new_root_title');
  const action = props.mode === 'edit' && props.region ? `/admin/regions/${props.region.id}/edit` : '/admin/regions/new';
  const languageOptions = props.languages.map((l) => ({ value: l.code, label: `${l.nativeName} (${l.code})`, hint: l.nativeName === l.englishName ? undefined : l.englishName }));
  const formBody = (
    <Form action={action}>
      <ErrorSummary errors={form.errors} />
      {props.parent ? <input type="hidden" name="parent" value={props.parent.id} /> : null}
      {props.mode === 'edit' ? <input type="hidden" name="revision" value={String(form.values.revision ?? '')} /> : null}
      <TextField name="name" label={t('regions.field_name')} form={form} required maxLength={NAME_MAX} />
      <TextField name="slug" label={t('regions.field_slug')} hint={t('regions.field_slug_hint')} form={form} required maxLength={60} dir="ltr" autocomplete="off" />
      <Select name="kind" label={t('regions.field_kind')} form={form} required options={REGION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
      <Select name="timezone" label={t('regions.field_timezone')} form={form} required options={timeZones().map((z) => ({ value: z, label: z }))} />
      <Checkboxes name="languages" label={t('regions.field_languages')} hint={t('regions.field_languages_hint')} form={form} required options={languageOptions} />
      <Select
        name="sourceLanguage"
        label={t('regions.field_source_language')}
        hint={t('regions.field_source_language_hint')}
        form={form}
        required
        options={props.languages.map((l) => ({ value: l.code, label: `${l.nativeName} (${l.code})` }))}
      />
      <TextArea name="contact" label={t('regions.field_contact')} hint={t('regions.field_text_hint', { max: TEXT_MAX })} form={form} maxLength={TEXT_MAX} rows={6} />
      <TextArea name="imprint" label={t('regions.field_imprint')} form={form} maxLength={TEXT_MAX} rows={6} />
      <TextArea name="privacy" label={t('regions.field_privacy')} form={form} maxLength={TEXT_MAX} rows={8} />
      <TextArea name="accessibilityStatement" label={t('regions.field_accessibilityStatement')} form={form} maxLength={TEXT_MAX} rows={6} />
      <div class="form-actions">
        <Button>{props.mode === 'edit' ? (props.conflict ? t('regions.save_mine') : t('regions.save')) : t('regions.create')}</Button>{' '}
        <a href={props.region ? `/admin/regions/${props.region.id}` : props.parent ? `/admin/regions/${props.parent.id}` : '/admin/regions'}>{t('common.cancel')}</a>
      </div>
    </Form>
  );
  return (
    <AdminLayout title={title}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a>
      </p>
      <h1>{title}</h1>
      {props.conflict ? (
        <>
          <div class="notice notice--error" role="alert">
            <p>{t('errors.revision_conflict')}</p>
            <p>{t('regions.conflict_explain')}</p>
          </div>
          <div class="conflict">
            <section class="conflict__mine" aria-labelledby="mine-title">
              <h2 id="mine-title">{t('regions.conflict_mine_title')}</h2>
              {formBody}
            </section>
            <StoredVersion region={props.conflict} />
          </div>
        </>
      ) : (
        formBody
      )}
    </AdminLayout>
  );
}
