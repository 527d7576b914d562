import type { FieldErrors } from '../../../../platform/errors.js';
import { AdminLayout } from '../../../../web/components/layout.js';
import { Button, ErrorSummary, Form } from '../../../../web/components/forms.js';
import { usePage } from '../../../../web/page-context.js';
import type { RegionRow } from '../../../regions/index.js';
import { HSDS_FORM_MAX_BYTES, type HsdsImportRow, type ImportReport, type RecordAction } from '../import.js';

type ImportListItem = Omit<HsdsImportRow, 'payload'>;

function Breadcrumbs({ region }: { region: RegionRow }) {
  const { t } = usePage();
  return (
    <p class="breadcrumbs">
      <a href="/admin/regions">{t('hsds.breadcrumb_regions')}</a>
      {' › '}
      <a href={`/admin/regions/${region.id}`}>{region.name}</a>
    </p>
  );
}

/** Export links, the import form and the recent imports of a region. */
export function HsdsImportPage(props: { region: RegionRow; imports: ImportListItem[]; errors: FieldErrors; detail?: string | undefined }) {
  const { t, csrfToken } = usePage();
  const { region } = props;
  const api = `/api/hsds/${region.slug}`;
  const base = `/admin/regions/${region.id}/directory/import`;
  const fileError = props.errors.file;
  return (
    <AdminLayout title={t('hsds.title')}>
      <Breadcrumbs region={region} />
      <h1>{t('hsds.title')}</h1>
      <p>{t('hsds.intro')}</p>

      <section class="hsds-section" aria-labelledby="hsds-export-title">
        <h2 id="hsds-export-title">{t('hsds.export_title')}</h2>
        <p>{t('hsds.export_intro')}</p>
        <ul>
          <li>
            <a href={`${api}/export.json`} download>
              {t('hsds.export_json')}
            </a>
          </li>
          <li>
            <a href={`${api}/export.zip`} download>
              {t('hsds.export_zip')}
            </a>
          </li>
          <li>
            <a href={`${api}/`}>{t('hsds.api_link')}</a> <code dir="ltr">{`${api}/services`}</code>
          </li>
        </ul>
      </section>

      <section class="hsds-section" aria-labelledby="hsds-import-title">
        <h2 id="hsds-import-title">{t('hsds.import_title')}</h2>
        <p>{t('hsds.import_intro')}</p>
        <form method="post" action={base} enctype="multipart/form-data" id="hsds-import" noValidate>
          <input type="hidden" name="_csrf" value={csrfToken()} />
          <ErrorSummary errors={props.errors} />
          <div class={`field${fileError ? ' field--error' : ''}`}>
            <label for="f-file">{t('hsds.field_file')}</label>
            <p class="hint" id="h-file">
              {t('hsds.file_hint', { mb: Math.round(HSDS_FORM_MAX_BYTES / 1024 / 1024) })}
            </p>
            {fileError ? (
              <div class="field-error" id="e-file">
                <p>
                  <span class="visually-hidden">{t('common.error_prefix')} </span>
                  {t(fileError.key, fileError.params)}
                </p>
                {props.detail ? (
                  <p>
                    <code dir="ltr">{props.detail}</code>
                  </p>
                ) : null}
              </div>
            ) : null}
            <input type="file" id="f-file" name="file" accept=".json,.zip,application/json,application/zip" aria-describedby={fileError ? 'h-file e-file' : 'h-file'} aria-invalid={fileError ? 'true' : undefined} />
          </div>
          <Button>{t('hsds.import_button')}</Button>
        </form>
      </section>

      <section class="hsds-section" aria-labelledby="hsds-imports-title">
        <h2 id="hsds-imports-title">{t('hsds.imports_title')}</h2>
        {props.imports.length === 0 ? (
          <p>{t('hsds.no_imports')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('hsds.col_file')}</th>
                <th scope="col">{t('hsds.col_date')}</th>
                <th scope="col">{t('hsds.col_state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={`${base}/${i.id}`}>
                      <bdi>{i.filename}</bdi>
                    </a>
                  </td>
                  <td>
                    <time dateTime={i.createdAt.toISOString()}>{i.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</time>
                  </td>
                  <td>{t(`hsds.state_${i.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminLayout>
  );
}

const ACTIONS: RecordAction[] = ['new', 'changed', 'unchanged', 'refused'];

/** The per-record report of one import, with apply / apply-valid / discard. */
export function HsdsReportPage(props: { region: RegionRow; row: ImportListItem; report: ImportReport; errors?: FieldErrors | undefined }) {
  const { t } = usePage();
  const { region, row, report } = props;
  const base = `/admin/regions/${region.id}/directory/import/${row.id}`;
  const refused = report.counts.refused;
  const writes = report.counts.new + report.counts.changed;
  const shown = report.records.filter((r) => r.action !== 'unchanged').slice(0, 2000);
  return (
    <AdminLayout title={t('hsds.report_title', { file: row.filename })}>
      <Breadcrumbs region={region} />
      <p>
        <a href={`/admin/regions/${region.id}/directory/import`}>{t('hsds.back')}</a>
      </p>
      <h1>{t('hsds.report_title', { file: row.filename })}</h1>
      <p class={`notice ${refused ? 'notice--warning' : 'notice--success'}`} role="status">
        {t('hsds.report_summary', { new: report.counts.new, changed: report.counts.changed, unchanged: report.counts.unchanged, refused })}
      </p>
      <p>{t(`hsds.state_${row.state}`)}</p>
      {row.state === 'checked' ? (
        <div class="hsds-actions">
          {props.errors ? <ErrorSummary errors={props.errors} /> : null}
          {writes === 0 ? (
            <p>{t('hsds.nothing_to_apply')}</p>
          ) : (
            <Form action={`${base}/apply`} id="hsds-apply">
              <fieldset class="field">
                <legend>{t('hsds.field_status')}</legend>
                <div class="radios">
                  <label>
                    <input type="radio" name="status" value="published" checked /> {t('hsds.status_published')}
                  </label>
                  <label>
                    <input type="radio" name="status" value="draft" /> {t('hsds.status_draft')}
                  </label>
                </div>
              </fieldset>
              {refused ? (
                <>
                  <p>{t('hsds.refused_help', { refused })}</p>
                  <input type="hidden" name="partial" value="1" />
                  <Button variant="secondary">{t('hsds.apply_valid_button', { count: writes })}</Button>
                </>
              ) : (
                <Button>{t('hsds.apply_button', { count: writes })}</Button>
              )}
            </Form>
          )}
          <Form action={`${base}/discard`} id="hsds-discard">
            <Button variant="danger">{t('hsds.discard_button')}</Button>
          </Form>
        </div>
      ) : null}
      {shown.length ? (
        <table class="table hsds-report">
          <caption>{t('hsds.report_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hsds.col_table')}</th>
              <th scope="col">{t('hsds.col_name')}</th>
              <th scope="col">{t('hsds.col_action')}</th>
              <th scope="col">{t('hsds.col_reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.table}:${r.id}`} class={`hsds-report__row hsds-report__row--${r.action}`}>
                <td>{t(`hsds.table_${r.table}`)}</td>
                <td>
                  <bdi>{r.name}</bdi>
                  <br />
                  <code dir="ltr" class="hsds-report__id">
                    {r.id}
                  </code>
                </td>
                <td>{t(`hsds.action_${ACTIONS.includes(r.action) ? r.action : 'refused'}`)}</td>
                <td>
                  {r.reasons.length ? (
                    <ul class="hsds-report__reasons" dir="ltr">
                      {r.reasons.map((reason, i) => (
                        <li key={i}>{reason}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminLayout>
  );
}
