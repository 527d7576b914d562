import { usePage } from '../../../web/page-context.js';
import type { PoolOverview } from '../overview.js';
import { REQUEST_STATUSES } from '../schema.js';
import { poolBase, PoolLayout } from './layout.js';

/** One figure with its label, linked to the list that shows the rows behind it. */
function Figure(props: { href: string; n: number; label: string; attention?: boolean }) {
  return (
    <li class={props.attention && props.n > 0 ? 'sp-figure sp-figure--attention' : 'sp-figure'}>
      <a href={props.href}>
        <span class="sp-figure__n">{props.n}</span> <span class="sp-figure__label">{props.label}</span>
      </a>
    </li>
  );
}

/** /admin/regions/:id/sprachpool: what needs doing today, then the state of requests, mediators and institutions. */
export function PoolOverviewPage(props: { data: PoolOverview }) {
  const { t } = usePage();
  const d = props.data;
  const base = poolBase(d.ctx.region.id);
  const title = t('sprachpool.overview_title');
  return (
    <PoolLayout region={d.ctx.region} title={title} section="overview">
      <h1>{title}</h1>
      <h2 id="sp-todo">{t('sprachpool.overview_todo')}</h2>
      <ul class="sp-figures" aria-labelledby="sp-todo">
        <Figure href={`${base}/requests?status=requested`} n={d.requests.requested} label={t('sprachpool.overview_to_approve')} attention />
        <Figure href={`${base}/requests?status=approved`} n={d.requests.approved} label={t('sprachpool.overview_to_offer')} attention />
        <Figure href={`${base}/requests?status=open&to=${d.urgentUntil}`} n={d.urgent} label={t('sprachpool.overview_urgent')} attention />
        <Figure href={`${base}/requests?flagged=1`} n={d.flagged} label={t('sprachpool.overview_flagged')} attention />
        <Figure href={`${base}/mediators?status=applied`} n={d.mediators.applied} label={t('sprachpool.overview_applications')} attention />
        <Figure href={`${base}/agencies?status=pending`} n={d.agencies.pending} label={t('sprachpool.overview_agencies_pending')} attention />
        <Figure href={`${base}/hours`} n={d.hours.disputed} label={t('sprachpool.overview_disputed')} attention />
        <Figure href={`${base}/mediators?documents=expiring`} n={d.mediators.documentsExpiring} label={t('sprachpool.overview_documents')} attention />
        <Figure href={`${base}/mediators?deletion=1`} n={d.mediators.deletionRequests} label={t('sprachpool.overview_deletion')} attention />
      </ul>
      <h2 id="sp-requests">{t('sprachpool.overview_requests')}</h2>
      <ul class="sp-figures" aria-labelledby="sp-requests">
        {REQUEST_STATUSES.map((s) => (
          <Figure key={s} href={`${base}/requests?status=${s}`} n={d.requests[s]} label={t(`sprachpool.request_status_${s}`)} />
        ))}
        <Figure href={`${base}/requests?status=offered`} n={d.openOffers} label={t('sprachpool.overview_open_offers')} />
        <Figure href={`${base}/requests?status=assigned`} n={d.upcomingAssignments} label={t('sprachpool.overview_next_week')} />
      </ul>
      <h2 id="sp-pool">{t('sprachpool.overview_pool')}</h2>
      <ul class="sp-figures" aria-labelledby="sp-pool">
        <Figure href={`${base}/mediators?status=active`} n={d.mediators.active} label={t('sprachpool.mediator_status_active')} />
        <Figure href={`${base}/mediators?status=paused`} n={d.mediators.paused} label={t('sprachpool.mediator_status_paused')} />
        <Figure href={`${base}/agencies?status=approved`} n={d.agencies.approved} label={t('sprachpool.overview_agencies_approved')} />
        <Figure href={`${base}/hours`} n={d.hours.reported} label={t('sprachpool.overview_hours_reported')} />
      </ul>
    </PoolLayout>
  );
}
