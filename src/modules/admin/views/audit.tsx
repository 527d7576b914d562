import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { AuditFilters, AuditPage } from '../service.js';
import { DateTime, Pagination, RegionName } from './shared.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Changed fields as a small "field: before → after" table. */
function Changes({ changes }: { changes: Record<string, [unknown, unknown]> }) {
  const { t } = usePage();
  const entries = Object.entries(changes);
  if (!entries.length) return <span class="muted">{t('ops.no_changes')}</span>;
  return (
    <table class="changes">
      <thead>
        <tr>
          <th scope="col">{t('ops.col_field')}</th>
          <th scope="col">{t('ops.col_before')}</th>
          <th scope="col">
            <span aria-hidden="true" class="dir-arrow">→ </span>
            {t('ops.col_after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, [before, after]]) => (
          <tr key={field}>
            <th scope="row">
              <code>{field}</code>
            </th>
            <td>
              <del>{show(before)}</del>
            </td>
            <td>
              <ins>{show(after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FilterInput(props: { name: keyof AuditFilters; label: string; value: string | undefined; type?: 'text' | 'date' | 'search' }) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <input id={`filter-${props.name}`} name={props.name} type={(props.type ?? 'text') as 'text'} value={props.value ?? ''} />
    </div>
  );
}

function FilterSelect(props: { name: keyof AuditFilters; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  const { t } = usePage();
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{t('ops.filter_any')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** /admin/audit: filters (plain GET form), events with their changes, paging, CSV download of the same filters. */
export function AuditPageView({ data, filters }: { data: AuditPage; filters: AuditFilters }) {
  const { t } = usePage();
  const params: Record<string, string | undefined> = {
    region: filters.region,
    actor: filters.actor,
    action: filters.action,
    entity: filters.entity,
    from: filters.from,
    to: filters.to,
  };
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <AdminLayout title={t('ops.audit_title')}>
      <h1>{t('ops.audit_title')}</h1>
      <p class="lead">{t('ops.audit_intro')}</p>
      <form method="get" action="/admin/audit" class="filters" role="search" aria-label={t('ops.filters')}>
        <FilterSelect name="region" label={t('ops.filter_region')} value={filters.region} options={data.regions.map((r) => ({ value: r.id, label: r.name }))} />
        <FilterInput name="actor" label={t('ops.filter_actor')} value={filters.actor} type="search" />
        <FilterSelect name="action" label={t('ops.filter_action')} value={filters.action} options={data.actions.map((a) => ({ value: a, label: a }))} />
        <FilterSelect name="entity" label={t('ops.filter_entity')} value={filters.entity} options={data.entityTypes.map((a) => ({ value: a, label: a }))} />
        <FilterInput name="from" label={t('ops.filter_from')} value={filters.from} type="date" />
        <FilterInput name="to" label={t('ops.filter_to')} value={filters.to} type="date" />
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('ops.filter_apply')}
          </button>
          <a href="/admin/audit" class="button button--secondary">
            {t('ops.filter_reset')}
          </a>
        </div>
      </form>

      <p class="result-count" role="status">
        {t('ops.audit_count', { count: data.total })}{' '}
        <a href={`/admin/audit.csv${qs ? `?${qs}` : ''}`} download>
          {t('ops.audit_csv')}
        </a>
      </p>

      {data.events.length ? (
        <TableWrap>
          <table class="data-table audit-table">
            <caption class="visually-hidden">{t('ops.audit_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ops.col_time')}</th>
                <th scope="col">{t('ops.col_actor')}</th>
                <th scope="col">{t('ops.col_region')}</th>
                <th scope="col">{t('ops.col_action')}</th>
                <th scope="col">{t('ops.col_entity')}</th>
                <th scope="col">{t('ops.col_changes')}</th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <DateTime at={e.at} timeZone={e.regionTimezone} />
                  </td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <RegionName name={e.regionName} />
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.entityType}
                    {e.entityId ? (
                      <>
                        {' '}
                        <code class="id">{e.entityId}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Changes changes={e.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ops.audit_empty')}</p>
      )}
      <Pagination page={data.page} pages={data.pages} base="/admin/audit" params={params} />
    </AdminLayout>
  );
}
