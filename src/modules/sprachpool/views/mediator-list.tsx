/** `/admin/regions/:id/sprachpool/mediators`: the pool's mediators with filters (GET form) and paging. */
import { Pagination } from '../../../web/components/pagination.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { ListFilters, MediatorListItem } from '../mediators.js';
import { MEDIATOR_STATUSES } from '../schema.js';
import { poolBase, PoolLayout } from './layout.js';
import { DocumentStateBadge, formatDay, LanguageList, languageOptions, MediatorStatusBadge, ModesText } from './mediator-parts.js';

export const mediatorsHref = (regionId: string) => `${poolBase(regionId)}/mediators`;
export const mediatorHref = (regionId: string, mediatorId: string) => `${mediatorsHref(regionId)}/${mediatorId}`;

/** The list's address with the filters (and a page). */
export function listHref(regionId: string, f: Partial<ListFilters>, page = 1): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.language) q.set('language', f.language);
  if (f.documents) q.set('documents', f.documents);
  if (f.deletion) q.set('deletion', f.deletion);
  if (f.q) q.set('q', f.q);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `${mediatorsHref(regionId)}${s ? `?${s}` : ''}`;
}

export function MediatorListPage(props: { region: RegionRow; items: MediatorListItem[]; total: number; page: number; pages: number; filters: ListFilters }) {
  const { t, lang } = usePage();
  const base = mediatorsHref(props.region.id);
  const f = props.filters;
  const title = t('sprachpool-mediators.list_title');
  const languages = languageOptions(t, lang).filter((o) => !o.value.includes(':'));
  return (
    <PoolLayout region={props.region} title={title} section="mediators">
      <h1>{title}</h1>
      <ul class="actions">
        <li>
          <a class="button" href={`${base}/new`}>
            {t('sprachpool-mediators.new_mediator')}
          </a>
        </li>
        <li>
          <a href={`/${props.region.slug}/${props.region.sourceLanguage}/sprachpool/become`}>{t('sprachpool-mediators.public_form_link')}</a>
        </li>
      </ul>
      <form method="get" action={base} class="list-filter sp-list-filter" role="search">
        <div class="field">
          <label for="f-status">{t('sprachpool-mediators.filter_status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('sprachpool-mediators.filter_all')}</option>
            {MEDIATOR_STATUSES.map((s) => (
              <option key={s} value={s} selected={f.status === s}>
                {t(`sprachpool.mediator_status_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-language">{t('sprachpool-mediators.filter_language')}</label>
          <select id="f-language" name="language">
            <option value="">{t('sprachpool-mediators.filter_all')}</option>
            {languages.map((o) => (
              <option key={o.value} value={o.value} selected={f.language === o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-documents">{t('sprachpool-mediators.filter_documents')}</label>
          <select id="f-documents" name="documents">
            <option value="">{t('sprachpool-mediators.filter_all')}</option>
            <option value="expiring" selected={f.documents === 'expiring'}>
              {t('sprachpool-mediators.filter_documents_expiring')}
            </option>
            <option value="expired" selected={f.documents === 'expired'}>
              {t('sprachpool-mediators.filter_documents_expired')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="f-q">{t('sprachpool-mediators.filter_search')}</label>
          <input id="f-q" name="q" type="search" value={f.q ?? ''} maxLength={100} />
        </div>
        <div class="checkbox">
          <input type="checkbox" id="f-deletion" name="deletion" value="1" checked={f.deletion === '1'} />
          <label for="f-deletion">{t('sprachpool-mediators.filter_deletion')}</label>
        </div>
        <button type="submit" class="button button--secondary">
          {t('sprachpool-mediators.filter_apply')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t('sprachpool-mediators.list_count', { count: props.total })}
      </p>
      {props.items.length ? (
        <TableWrap label={title}>
          <table class="sp-mediator-table">
            <thead>
              <tr>
                <th scope="col">{t('sprachpool-mediators.col_name')}</th>
                <th scope="col">{t('sprachpool-mediators.col_languages')}</th>
                <th scope="col">{t('sprachpool-mediators.col_modes')}</th>
                <th scope="col">{t('sprachpool-mediators.col_area')}</th>
                <th scope="col">{t('sprachpool-mediators.col_status')}</th>
                <th scope="col">{t('sprachpool-mediators.col_papers')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.mediator.id} data-mediator-id={i.mediator.id}>
                  <td>
                    <a href={mediatorHref(props.region.id, i.mediator.id)}>
                      {i.mediator.firstName} {i.mediator.lastName}
                    </a>
                    {i.mediator.deletionRequestedAt ? (
                      <>
                        <br />
                        <strong class="badge sp-deletion">{t('sprachpool-mediators.deletion_requested_badge')}</strong>
                      </>
                    ) : null}
                    {i.mediator.status === 'applied' ? (
                      <>
                        <br />
                        <span class="meta">{t('sprachpool-mediators.applied_on', { date: formatDay(i.mediator.createdAt.toISOString().slice(0, 10), lang) })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <LanguageList languages={i.languages} />
                  </td>
                  <td>
                    <ModesText modes={i.mediator.modes} />
                  </td>
                  <td>{[i.mediator.postalCode, i.mediator.city].filter(Boolean).join(' ')}</td>
                  <td>
                    <MediatorStatusBadge status={i.mediator.status} />
                  </td>
                  <td>
                    <DocumentStateBadge state={i.documents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('sprachpool-mediators.list_empty')}</p>
      )}
      <Pagination page={props.page} pages={props.pages} href={(p) => listHref(props.region.id, f, p)} label={t('sprachpool-mediators.pagination')} />
    </PoolLayout>
  );
}
