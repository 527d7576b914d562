import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary } from '../../../web/components/forms.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { formatMonth, formatNumber } from '../billing-format.js';
import { BarChart, type BarDatum } from '../charts.js';
import { poolLanguageName } from '../languages.js';
import type { CountRow, PoolStats } from '../stats.js';
import { PoolLayout, poolBase } from './layout.js';

type T = ReturnType<typeof usePage>['t'];

/** Hours as the page writes them ("3,5 Std."). */
function hours(t: T, lang: string, value: number | null): string {
  return value === null ? '—' : t('sprachpool-billing.hours_value', { hours: formatNumber(value, lang, 1) });
}

function percent(lang: string, value: number | null): string {
  if (value === null) return '—';
  try {
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat('de', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
}

function DateField(props: { name: 'from' | 'to'; label: string; value: string; errors: FieldErrors }) {
  const { t } = usePage();
  const error = props.errors[props.name];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {error ? (
        <p class="field-error" id={`e-${props.name}`}>
          <span class="visually-hidden">{t('common.error_prefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input id={`f-${props.name}`} type="date" name={props.name} value={props.value} aria-describedby={error ? `e-${props.name}` : undefined} aria-invalid={error ? 'true' : undefined} dir="ltr" />
    </div>
  );
}

/** A breakdown (language, setting, institution): the table with the numbers, and the chart drawn from them. */
function Breakdown(props: { id: string; heading: string; firstColumn: string; rows: CountRow[]; label: (row: CountRow) => string }) {
  const { t, lang } = usePage();
  if (!props.rows.length) return null;
  const data: BarDatum[] = props.rows.map((r) => ({ label: props.label(r), value: r.total, display: formatNumber(r.total, lang) }));
  return (
    <section aria-labelledby={`${props.id}-heading`} class="sp-breakdown">
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <div class="sp-stats-pair">
        <TableWrap label={props.heading}>
          <table class="sp-table" id={`${props.id}-table`}>
            <caption class="visually-hidden">{props.heading}</caption>
            <TableHead columns={[props.firstColumn, t('sprachpool-billing.col_requests'), t('sprachpool-billing.col_fulfilled')]} />
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <bdi>{props.label(r)}</bdi>
                  </th>
                  <td class="sp-num">{formatNumber(r.total, lang)}</td>
                  <td class="sp-num">{formatNumber(r.fulfilled, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <BarChart id={`${props.id}-chart`} title={props.heading} description={t('sprachpool-billing.chart_desc', { table: props.heading })} data={data} />
      </div>
    </section>
  );
}

/** /admin/regions/:id/sprachpool/stats?from=&to= — figures, tables and bar charts of the pool's requests. */
export function StatsPage(props: { region: RegionRow; stats: PoolStats | null; values: { from: string; to: string }; errors: FieldErrors }) {
  const { t, lang } = usePage();
  const { region, stats } = props;
  const title = t('sprachpool-billing.stats_title');
  const monthLabel = (m: string) => formatMonth(m, lang, 'short');
  return (
    <PoolLayout region={region} title={title} section="stats">
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors} />
      <form method="get" action={`${poolBase(region.id)}/stats`} class="filters sp-range" aria-label={t('sprachpool-billing.range_label')}>
        <DateField name="from" label={t('sprachpool-billing.field_from')} value={props.values.from} errors={props.errors} />
        <DateField name="to" label={t('sprachpool-billing.field_to')} value={props.values.to} errors={props.errors} />
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('sprachpool-billing.range_show')}
          </button>
          <a href={`${poolBase(region.id)}/stats`} class="button button--secondary">
            {t('sprachpool-billing.range_reset')}
          </a>
        </div>
      </form>
      {stats ? (
        <>
          <p class="hint">{t('sprachpool-billing.stats_intro')}</p>
          <dl class="stats sp-stats">
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_requests')}</dt>
              <dd>{formatNumber(stats.total, lang)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_fulfilment')}</dt>
              <dd>{percent(lang, stats.fulfilmentRate)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_median')}</dt>
              <dd>{hours(t, lang, stats.medianHoursToAssignment)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_p90')}</dt>
              <dd>{hours(t, lang, stats.p90HoursToAssignment)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_hours')}</dt>
              <dd>{formatNumber(stats.totalMinutes / 60, lang, 1)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_no_shows')}</dt>
              <dd>{formatNumber(stats.noShows, lang)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.stat_late_cancellations')}</dt>
              <dd>{formatNumber(stats.lateCancellations, lang)}</dd>
            </div>
          </dl>
          <p class="meta">
            {t('sprachpool-billing.stats_definition', { fulfilled: stats.fulfilled, considered: stats.considered, cancelled: stats.cancelledByInstitution, assigned: stats.assignedCount })}
          </p>

          <section aria-labelledby="sp-stats-months-heading">
            <h2 id="sp-stats-months-heading">{t('sprachpool-billing.by_month')}</h2>
            <div class="sp-stats-pair">
              <TableWrap label={t('sprachpool-billing.by_month')}>
                <table class="sp-table">
                  <caption class="visually-hidden">{t('sprachpool-billing.by_month')}</caption>
                  <TableHead columns={[t('sprachpool-billing.col_month'), t('sprachpool-billing.col_requests'), t('sprachpool-billing.col_hours')]} />
                  <tbody>
                    {stats.byMonth.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{formatMonth(m.month, lang)}</th>
                        <td class="sp-num">{formatNumber(m.requests, lang)}</td>
                        <td class="sp-num">{formatNumber(m.minutes / 60, lang, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <div>
                <BarChart
                  id="sp-chart-requests-month"
                  title={t('sprachpool-billing.chart_requests_month')}
                  description={t('sprachpool-billing.chart_desc', { table: t('sprachpool-billing.by_month') })}
                  data={stats.byMonth.map((m) => ({ label: monthLabel(m.month), value: m.requests, display: formatNumber(m.requests, lang) }))}
                />
                <BarChart
                  id="sp-chart-hours-month"
                  title={t('sprachpool-billing.chart_hours_month')}
                  description={t('sprachpool-billing.chart_desc', { table: t('sprachpool-billing.by_month') })}
                  data={stats.byMonth.map((m) => ({ label: monthLabel(m.month), value: m.minutes, display: formatNumber(m.minutes / 60, lang, 1) }))}
                />
              </div>
            </div>
          </section>

          <Breakdown id="sp-stats-language" heading={t('sprachpool-billing.by_language')} firstColumn={t('sprachpool-billing.col_language')} rows={stats.byLanguage} label={(r) => poolLanguageName(t, lang, r.key)} />
          <Breakdown id="sp-stats-setting" heading={t('sprachpool-billing.by_setting')} firstColumn={t('sprachpool-billing.col_setting')} rows={stats.bySetting} label={(r) => t(`sprachpool.setting_${r.key}`)} />
          <Breakdown id="sp-stats-institution" heading={t('sprachpool-billing.by_institution')} firstColumn={t('sprachpool-billing.col_institution')} rows={stats.byInstitution} label={(r) => r.label} />
          {stats.total === 0 ? <p>{t('sprachpool-billing.stats_none')}</p> : null}
        </>
      ) : null}
    </PoolLayout>
  );
}
