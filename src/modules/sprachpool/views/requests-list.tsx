/** The coordinators' list of requests: states with counts, filters (GET, no script), the table, pages. */
import { Pagination } from '../../../web/components/pagination.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { poolLanguageName } from '../languages.js';
import { formatShort, requestLanguage } from '../requests-format.js';
import { STATUS_FILTERS, type RequestFilters, type RequestList, type StatusFilter } from '../requests-service.js';
import { PoolLayout } from './layout.js';
import { FlagBadges, RequestStatusBadge, requestHref, requestsHref } from './requests-parts.js';

/** The list's address with these filters (empty ones left out). */
export function listHref(regionId: string, filters: Partial<RequestFilters>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${requestsHref(regionId)}?${qs}` : requestsHref(regionId);
}

function StateNav(props: { list: RequestList }) {
  const { t } = usePage();
  const { ctx, filters, counts } = props.list;
  const rest = { language: filters.language, from: filters.from, to: filters.to, flagged: filters.flagged };
  const item = (status: StatusFilter | undefined, label: string, n?: number) => (
    <li key={status ?? 'all'}>
      <a href={listHref(ctx.region.id, { ...rest, status })} aria-current={filters.status === status ? 'page' : undefined}>
        {label}
        {n === undefined ? null : <span class="sp-req-count"> {n}</span>}
      </a>
    </li>
  );
  return (
    <nav class="sp-req-states" aria-label={t('sprachpool-requests.states_label')}>
      <ul>
        {item(undefined, t('sprachpool-requests.filter_all'))}
        {STATUS_FILTERS.map((s) => item(s, s === 'needs_action' || s === 'open' ? t(`sprachpool-requests.filter_${s}`) : t(`sprachpool.request_status_${s}`), counts[s]))}
      </ul>
    </nav>
  );
}

function Filters(props: { list: RequestList }) {
  const { t, lang } = usePage();
  const { ctx, filters, languages } = props.list;
  return (
    <form method="get" action={requestsHref(ctx.region.id)} class="filters sp-req-filters">
      {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
      <div class="field">
        <label for="f-language">{t('sprachpool-requests.filter_language')}</label>
        <select id="f-language" name="language">
          <option value="">{t('sprachpool-requests.filter_any_language')}</option>
          {languages.map((code) => (
            <option key={code} value={code} selected={filters.language === code}>
              {poolLanguageName(t, lang, code)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-from">{t('sprachpool-requests.filter_from')}</label>
        <input type="date" id="f-from" name="from" value={filters.from ?? ''} />
      </div>
      <div class="field">
        <label for="f-to">{t('sprachpool-requests.filter_to')}</label>
        <input type="date" id="f-to" name="to" value={filters.to ?? ''} />
      </div>
      <div class="checkbox">
        <input type="checkbox" id="f-flagged" name="flagged" value="1" checked={filters.flagged === '1'} />
        <label for="f-flagged">{t('sprachpool-requests.filter_flagged')}</label>
      </div>
      <p class="filters__actions">
        <button type="submit" class="button button--secondary">
          {t('sprachpool-requests.filter_submit')}
        </button>{' '}
        <a href={listHref(ctx.region.id, { status: filters.status })}>{t('sprachpool-requests.filter_reset')}</a>
      </p>
    </form>
  );
}

/** /admin/regions/:id/sprachpool/requests */
export function RequestListPage(props: { list: RequestList }) {
  const { t, lang } = usePage();
  const { ctx, items, filters } = props.list;
  const tz = ctx.region.timezone;
  const title = t('sprachpool-requests.list_title');
  return (
    <PoolLayout region={ctx.region} title={title} section="requests">
      <h1>{title}</h1>
      <StateNav list={props.list} />
      <Filters list={props.list} />
      <p class="result-count" role="status">
        {t('sprachpool-requests.result_count', { count: props.list.total })}
      </p>
      {items.length ? (
        <TableWrap label={title}>
          <table class="sp-req-table">
            <TableHead
              columns={[
                t('sprachpool-requests.col_when'),
                t('sprachpool-requests.col_language'),
                t('sprachpool-requests.col_institution'),
                t('sprachpool-requests.col_mode'),
                t('sprachpool-requests.col_status'),
                t('sprachpool-requests.col_mediator'),
              ]}
            />
            <tbody>
              {items.map(({ request: r, agencyName, mediatorName, openOffers }) => (
                <tr key={r.id} data-request={r.id}>
                  <td>
                    <a href={requestHref(ctx.region.id, r.id)}>
                      <time datetime={r.startsAt.toISOString()}>{formatShort(r.startsAt, tz, lang)}</time>
                    </a>
                    <br />
                    <span class="meta">{t('sprachpool.minutes', { minutes: r.durationMinutes })}</span>
                  </td>
                  <td>
                    <bdi>{requestLanguage(t, lang, r)}</bdi>
                  </td>
                  <td>
                    <bdi>{agencyName}</bdi>
                    <br />
                    <span class="meta">{t(`sprachpool.setting_${r.setting}`)}</span>
                  </td>
                  <td>
                    {t(`sprachpool.mode_${r.mode}`)}
                    {r.mode === 'on_site' && r.city ? (
                      <>
                        <br />
                        <span class="meta">
                          <bdi>{r.city}</bdi>
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <RequestStatusBadge status={r.status} />
                    <FlagBadges flags={r.flags} />
                  </td>
                  <td>
                    {mediatorName ? <bdi>{mediatorName}</bdi> : r.status === 'offered' ? <span class="meta">{t('sprachpool-requests.open_offers', { count: openOffers })}</span> : <span class="meta">–</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p class="sp-req-empty">{t('sprachpool-requests.list_empty')}</p>
      )}
      <Pagination page={filters.page} pages={props.list.pages} href={(page) => listHref(ctx.region.id, { ...filters, page })} label={t('sprachpool-requests.pages_label')} />
    </PoolLayout>
  );
}
