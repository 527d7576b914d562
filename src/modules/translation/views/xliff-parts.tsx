import { languageInfo } from '../../../platform/i18n/languages.js';
import { usePage } from '../../../web/page-context.js';
import type { UnitExcerpts, XliffImportListItem, XliffReportRow } from '../xliff/service.js';

export function formatWhen(lang: string, at: Date): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(at);
}

export function LanguageTag({ code }: { code: string | null }) {
  if (!code) return <>–</>;
  const info = languageInfo(code);
  return (
    <span lang={code} dir={info.direction}>
      {info.nativeName}
    </span>
  );
}

/** Past imports of a region with their counts, newest first. */
export function ImportList(props: { regionId: string; imports: XliffImportListItem[] }) {
  const { t, lang } = usePage();
  if (!props.imports.length) return <p>{t('xliff.imports_empty')}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={t('xliff.imports_title')} tabIndex={0}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('xliff.col_date')}</th>
            <th scope="col">{t('xliff.col_file')}</th>
            <th scope="col">{t('xliff.col_language')}</th>
            <th scope="col">{t('xliff.col_version')}</th>
            <th scope="col">{t('xliff.col_applied')}</th>
            <th scope="col">{t('xliff.col_refused')}</th>
            <th scope="col">{t('xliff.col_by')}</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((i) => (
            <tr key={i.id}>
              <td>
                <a href={`/admin/regions/${props.regionId}/xliff/imports/${i.id}`}>{formatWhen(lang, i.createdAt)}</a>
              </td>
              <td>
                <bdi>{i.filename}</bdi>
              </td>
              <td>
                <LanguageTag code={i.targetLanguage} />
              </td>
              <td>{i.version}</td>
              <td>{i.applied}</td>
              <td>{i.refused}</td>
              <td>
                <bdi>{i.createdByName ?? '–'}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A refusal reason (`code` or `code:detail`) in words, with the technical detail. */
export function Reason({ reason }: { reason: string | null }) {
  const { t } = usePage();
  if (!reason) return <>–</>;
  const at = reason.indexOf(':');
  const code = at < 0 ? reason : reason.slice(0, at);
  const detail = at < 0 ? '' : reason.slice(at + 1);
  return (
    <>
      {t(`xliff.reason_${code}`)}
      {detail ? (
        <>
          {' '}
          <code dir="ltr">{detail}</code>
        </>
      ) : null}
    </>
  );
}

/** The per-unit report table. */
export function ReportTable({ rows, language, excerpts }: { rows: XliffReportRow[]; language: string | null; excerpts: UnitExcerpts }) {
  const { t } = usePage();
  return (
    <div class="table-wrap" role="region" aria-label={t('xliff.report_table')} tabIndex={0}>
      <table class="table xliff-report">
        <thead>
          <tr>
            <th scope="col">{t('xliff.col_page')}</th>
            <th scope="col">{t('xliff.col_unit')}</th>
            <th scope="col">{t('xliff.col_status')}</th>
            <th scope="col">{t('xliff.col_reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} class={`xliff-row xliff-row--${r.status}`}>
              <td>{r.pageId ? <a href={`/admin/pages/${r.pageId}/edit${language ? `?lang=${encodeURIComponent(language)}` : ''}`}><bdi>{r.title}</bdi></a> : <bdi>{r.title}</bdi>}</td>
              <td>
                {r.unit === 'title' ? (
                  t('xliff.unit_title')
                ) : (
                  <>
                    <code dir="ltr">{r.unit}</code>
                    {r.pageId && excerpts.get(`${r.pageId} ${r.unit}`) ? <bdi class="xliff-excerpt">{excerpts.get(`${r.pageId} ${r.unit}`)}</bdi> : null}
                  </>
                )}
              </td>
              <td>
                <span class={`xliff-status xliff-status--${r.status}`}>{t(`xliff.status_${r.status}`)}</span>
              </td>
              <td>
                <Reason reason={r.reason} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
