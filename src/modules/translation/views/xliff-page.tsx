import { languageInfo } from '../../../platform/i18n/languages.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, Select, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { XliffMessage, XliffOverview } from '../xliff/service.js';
import { XLIFF_MAX_BYTES } from '../xliff/service.js';
import { ImportList } from './xliff-parts.js';

export type ImportFormState = { errors: FieldErrors; messages: XliffMessage[] };

function LanguageLabel({ code }: { code: string }) {
  const info = languageInfo(code);
  return (
    <span lang={code} dir={info.direction}>
      {info.nativeName}
    </span>
  );
}

/** The XLIFF page of a region: export form, import form, past imports. */
export function XliffPage(props: { overview: XliffOverview; exportForm: FormState; importForm: ImportFormState }) {
  const { t, csrfToken } = usePage();
  const { region, languages, pages, imports } = props.overview;
  const form = props.exportForm;
  const selection = typeof form.values.selection === 'string' ? form.values.selection : 'outdated_missing';
  const rawPages = form.values.pageIds;
  const chosen = new Set(Array.isArray(rawPages) ? rawPages : rawPages ? [rawPages] : []);
  const base = `/admin/regions/${region.id}/xliff`;
  const importError = props.importForm.errors.file;
  return (
    <AdminLayout title={t('xliff.title')}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('xliff.breadcrumb_regions')}</a>
        {' › '}
        <a href={`/admin/regions/${region.id}`}>{region.name}</a>
      </p>
      <h1>{t('xliff.title')}</h1>
      <p>{t('xliff.intro')}</p>

      <section class="xliff-section" aria-labelledby="xliff-export-title">
        <h2 id="xliff-export-title">{t('xliff.export_title')}</h2>
        {languages.length === 0 ? (
          <p>{t('xliff.no_languages')}</p>
        ) : pages.length === 0 ? (
          <p>{t('xliff.no_pages')}</p>
        ) : (
          <Form action={`${base}/export`} id="xliff-export">
            <ErrorSummary errors={form.errors} />
            <p>{t('xliff.export_intro')}</p>
            <div class={`field${form.errors.language ? ' field--error' : ''}`}>
              <label for="f-language">{t('xliff.field_language')}</label>
              {form.errors.language ? (
                <p class="field-error" id="e-language">
                  <span class="visually-hidden">{t('common.error_prefix')} </span>
                  {t(form.errors.language.key, form.errors.language.params)}
                </p>
              ) : null}
              <select id="f-language" name="language" aria-describedby={form.errors.language ? 'e-language' : undefined} aria-invalid={form.errors.language ? 'true' : undefined}>
                {languages.map((code) => (
                  <option key={code} value={code} selected={form.values.language === code}>
                    {`${languageInfo(code).nativeName} (${code})`}
                  </option>
                ))}
              </select>
            </div>
            <Select
              name="version"
              label={t('xliff.field_version')}
              form={{ values: { version: typeof form.values.version === 'string' ? form.values.version : '2.1' }, errors: form.errors }}
              required
              options={[
                { value: '2.1', label: t('xliff.version_21') },
                { value: '1.2', label: t('xliff.version_12') },
              ]}
            />
            <fieldset class={`field${form.errors.selection ? ' field--error' : ''}`} id="f-selection">
              <legend>{t('xliff.field_selection')}</legend>
              {form.errors.selection ? (
                <p class="field-error">
                  <span class="visually-hidden">{t('common.error_prefix')} </span>
                  {t(form.errors.selection.key, form.errors.selection.params)}
                </p>
              ) : null}
              <div class="checkboxes">
                {(['outdated_missing', 'all', 'pages'] as const).map((value) => (
                  <div class="checkbox" key={value}>
                    <input type="radio" id={`f-selection-${value}`} name="selection" value={value} checked={selection === value} />
                    <label for={`f-selection-${value}`}>{t(`xliff.selection_${value}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <fieldset class={`field xliff-pages${form.errors.pageIds ? ' field--error' : ''}`} id="f-pageIds" aria-describedby="h-pageIds">
              <legend>{t('xliff.field_pages')}</legend>
              <p class="hint" id="h-pageIds">
                {t('xliff.pages_hint')}
              </p>
              {form.errors.pageIds ? (
                <p class="field-error">
                  <span class="visually-hidden">{t('common.error_prefix')} </span>
                  {t(form.errors.pageIds.key, form.errors.pageIds.params)}
                </p>
              ) : null}
              <ul class="xliff-page-list">
                {pages.map((p) => (
                  <li key={p.page.id} data-depth={Math.min(p.depth, 5)}>
                    <input type="checkbox" id={`f-page-${p.page.id}`} name="pageIds" value={p.page.id} checked={chosen.has(p.page.id)} />
                    <label for={`f-page-${p.page.id}`}>
                      <bdi>{p.title}</bdi>
                      <span class="xliff-states">
                        {languages.map((code) => (
                          <span key={code} class={`xliff-state xliff-state--${p.states[code] ?? 'missing'}`}>
                            <LanguageLabel code={code} />: {t(`xliff.state_${p.states[code] ?? 'missing'}`)}
                          </span>
                        ))}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <Button>{t('xliff.export_button')}</Button>
          </Form>
        )}
      </section>

      <section class="xliff-section" aria-labelledby="xliff-import-title">
        <h2 id="xliff-import-title">{t('xliff.import_title')}</h2>
        <p>{t('xliff.import_intro')}</p>
        {languages.length === 0 ? null : (
          <form method="post" action={`${base}/import`} enctype="multipart/form-data" id="xliff-import" noValidate>
            <input type="hidden" name="_csrf" value={csrfToken()} />
            <ErrorSummary errors={props.importForm.errors} />
            <div class={`field${importError ? ' field--error' : ''}`}>
              <label for="f-file">{t('xliff.field_file')}</label>
              <p class="hint" id="h-file">
                {t('xliff.file_hint', { mb: Math.round(XLIFF_MAX_BYTES / 1024 / 1024) })}
              </p>
              {importError ? (
                <div class="field-error" id="e-file">
                  <p>
                    <span class="visually-hidden">{t('common.error_prefix')} </span>
                    {t(importError.key, importError.params)}
                  </p>
                  {props.importForm.messages.length ? (
                    <ul class="xliff-messages">
                      {props.importForm.messages.map((m, i) => (
                        <li key={i}>
                          {m.line > 0 ? t('xliff.message_line', { line: m.line }) : null} <code dir="ltr">{m.message}</code>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              <input type="file" id="f-file" name="file" accept=".xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml" aria-describedby={importError ? 'h-file e-file' : 'h-file'} aria-invalid={importError ? 'true' : undefined} />
            </div>
            <Button>{t('xliff.import_button')}</Button>
          </form>
        )}
      </section>

      <section class="xliff-section" aria-labelledby="xliff-imports-title">
        <h2 id="xliff-imports-title">{t('xliff.imports_title')}</h2>
        <ImportList regionId={region.id} imports={imports} />
      </section>
    </AdminLayout>
  );
}
