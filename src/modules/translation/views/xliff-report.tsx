import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { UnitExcerpts, XliffImportRow } from '../xliff/service.js';
import { formatWhen, LanguageTag, ReportTable } from './xliff-parts.js';

/** One stored import: who, when, which file, and what happened to every unit. */
export function XliffReportPage(props: { region: RegionRow; record: XliffImportRow & { createdByName: string | null }; excerpts: UnitExcerpts }) {
  const { t, lang } = usePage();
  const r = props.record;
  const unchanged = r.report.filter((row) => row.status === 'unchanged').length;
  const refusedRows = r.report.filter((row) => row.status === 'refused');
  return (
    <AdminLayout title={t('xliff.report_title', { file: r.filename })}>
      <p class="breadcrumbs">
        <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a>
        {' › '}
        <a href={`/admin/regions/${props.region.id}/xliff`}>{t('xliff.title')}</a>
      </p>
      <h1>{t('xliff.report_title', { file: r.filename })}</h1>
      <dl class="summary-list">
        <dt>{t('xliff.col_date')}</dt>
        <dd>{formatWhen(lang, r.createdAt)}</dd>
        <dt>{t('xliff.col_by')}</dt>
        <dd>
          <bdi>{r.createdByName ?? '–'}</bdi>
        </dd>
        <dt>{t('xliff.col_language')}</dt>
        <dd>
          <LanguageTag code={r.targetLanguage} />
        </dd>
        <dt>{t('xliff.col_version')}</dt>
        <dd>{r.version}</dd>
      </dl>
      <p class={`notice ${r.refused ? 'notice--warning' : 'notice--success'}`} role="status">
        {t('xliff.report_summary', { applied: r.applied, unchanged, refused: r.refused })}
      </p>
      {refusedRows.length ? <p>{t('xliff.report_refused_help')}</p> : null}
      <ReportTable rows={r.report} language={r.targetLanguage} excerpts={props.excerpts} />
      <p>
        <a href={`/admin/regions/${props.region.id}/xliff`}>{t('xliff.back')}</a>
      </p>
    </AdminLayout>
  );
}
