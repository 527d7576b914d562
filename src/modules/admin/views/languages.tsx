import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, Select, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { LanguageRow } from '../queries.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

function LanguageFields({ form, withCode }: { form: FormState; withCode: boolean }) {
  const { t } = usePage();
  return (
    <>
      {withCode ? <TextField name="code" label={t('ops.lang_code')} hint={t('ops.lang_code_hint')} form={form} required maxLength={35} autocomplete="off" dir="ltr" /> : null}
      <TextField name="nativeName" label={t('ops.lang_native_name')} hint={t('ops.lang_native_name_hint')} form={form} required maxLength={100} dir="auto" />
      <TextField name="englishName" label={t('ops.lang_english_name')} form={form} required maxLength={100} dir="ltr" />
      <Select
        name="direction"
        label={t('ops.lang_direction')}
        form={form}
        required
        options={[
          { value: 'ltr', label: t('ops.direction_ltr') },
          { value: 'rtl', label: t('ops.direction_rtl') },
        ]}
      />
    </>
  );
}

/** /admin/languages: every language with its names and direction, and a form to add a content language. */
export function LanguagesPage({ languages, form }: { languages: LanguageRow[]; form: FormState }) {
  const { t } = usePage();
  return (
    <AdminLayout title={t('ops.languages_title')}>
      <h1>{t('ops.languages_title')}</h1>
      <p class="lead">{t('ops.languages_intro')}</p>
      <TableWrap>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('ops.lang_code')}</th>
              <th scope="col">{t('ops.lang_native_name')}</th>
              <th scope="col">{t('ops.lang_english_name')}</th>
              <th scope="col">{t('ops.lang_direction')}</th>
              <th scope="col">{t('ops.lang_ui_catalog')}</th>
              <th scope="col">{t('ops.col_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {languages.map((l) => (
              <tr key={l.code}>
                <td>
                  <code>{l.code}</code>
                </td>
                <td lang={l.code} dir={l.direction}>
                  {l.nativeName}
                </td>
                <td>{l.englishName}</td>
                <td>{t(`ops.direction_${l.direction}`)}</td>
                <td>{l.hasUiCatalog ? t('common.yes') : t('common.no')}</td>
                <td>
                  <a href={`/admin/languages/${encodeURIComponent(l.code)}`}>
                    {t('ops.edit')}
                    <span class="visually-hidden"> {l.englishName}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2 id="add">{t('ops.lang_add_title')}</h2>
      <p>{t('ops.lang_add_intro')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/languages">
        <LanguageFields form={form} withCode />
        <Button>{t('ops.lang_add_submit')}</Button>
      </Form>
    </AdminLayout>
  );
}

/** /admin/languages/:code: change names or direction. */
export function LanguageEditPage({ language, form }: { language: LanguageRow; form: FormState }) {
  const { t } = usePage();
  return (
    <AdminLayout title={t('ops.lang_edit_title', { code: language.code })}>
      <p>
        <a href="/admin/languages">{t('ops.languages_back')}</a>
      </p>
      <h1>{t('ops.lang_edit_title', { code: language.code })}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/admin/languages/${encodeURIComponent(language.code)}`}>
        <LanguageFields form={form} withCode={false} />
        <Button>{t('common.save')}</Button>
      </Form>
    </AdminLayout>
  );
}
