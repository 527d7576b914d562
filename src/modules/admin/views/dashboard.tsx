import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { Dashboard } from '../service.js';

/** /admin: the person's regions and roles, what they may open, queue counts for admins. */
export function DashboardPage({ data }: { data: Dashboard }) {
  const { t, actor } = usePage();
  const links: { href: string; label: string; hint: string }[] = [
    { href: '/admin/regions', label: t('admin.nav_regions'), hint: t('ops.link_regions_hint') },
    ...(data.links.members ? [{ href: '/admin/members', label: t('admin.nav_members'), hint: t('ops.link_members_hint') }] : []),
    ...(data.links.audit ? [{ href: '/admin/audit', label: t('admin.nav_audit'), hint: t('ops.link_audit_hint') }] : []),
    ...(data.links.jobs ? [{ href: '/admin/jobs', label: t('admin.nav_jobs'), hint: t('ops.link_jobs_hint') }] : []),
    ...(data.links.mail ? [{ href: '/admin/mail', label: t('admin.nav_mail'), hint: t('ops.link_mail_hint') }] : []),
    ...(data.links.languages ? [{ href: '/admin/languages', label: t('admin.nav_languages'), hint: t('ops.link_languages_hint') }] : []),
    { href: '/account', label: t('ops.link_account'), hint: t('ops.link_account_hint') },
  ];
  return (
    <AdminLayout title={t('ops.dashboard_title')}>
      <h1>{t('ops.dashboard_title')}</h1>
      <p class="lead">{t('ops.dashboard_welcome', { name: actor?.name || actor?.email || '' })}</p>

      {data.counts ? (
        <section aria-labelledby="dash-queues">
          <h2 id="dash-queues">{t('ops.dashboard_queues')}</h2>
          <dl class="stats">
            <div class="stat">
              <dt>{t('ops.count_pending_jobs')}</dt>
              <dd>
                <a href="/admin/jobs#waiting">{data.counts.pendingJobs}</a>
              </dd>
            </div>
            <div class={`stat${data.counts.failedJobs ? ' stat--warning' : ''}`}>
              <dt>{t('ops.count_failed_jobs')}</dt>
              <dd>
                <a href="/admin/jobs#failed">{data.counts.failedJobs}</a>
              </dd>
            </div>
            <div class="stat">
              <dt>{t('ops.count_kept_mails')}</dt>
              <dd>
                <a href="/admin/mail">{data.counts.keptMails}</a>
              </dd>
            </div>
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="dash-regions">
        <h2 id="dash-regions">{t('ops.dashboard_regions')}</h2>
        {actor?.isAdmin ? <p>{t('ops.dashboard_admin_all_regions')}</p> : null}
        {data.regions.length ? (
          <ul class="region-roles">
            {data.regions.map((r) => (
              <li key={r.id}>
                {r.roles.some((role) => role !== 'mediator' && role !== 'agency') ? <a href={`/admin/regions/${r.id}`}>{r.name}</a> : r.name}
                {' – '}
                {r.roles.map((role) => t(`ops.role_${role}`)).join(', ')}
                <PoolLinks regionId={r.id} roles={r.roles} />
              </li>
            ))}
          </ul>
        ) : actor?.isAdmin ? null : (
          <p>{t('ops.dashboard_no_regions')}</p>
        )}
      </section>

      <section aria-labelledby="dash-links">
        <h2 id="dash-links">{t('ops.dashboard_links')}</h2>
        <ul class="link-list">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
              <span class="hint"> – {l.hint}</span>
            </li>
          ))}
        </ul>
      </section>
    </AdminLayout>
  );
}

/** The Sprachpool entrance for each pool role: coordinators' pages, the mediator portal, the institution portal. */
function PoolLinks(props: { regionId: string; roles: readonly string[] }) {
  const { t } = usePage();
  const base = `/admin/regions/${props.regionId}/sprachpool`;
  const links = [
    props.roles.includes('pool_coordinator') || props.roles.includes('region_admin') ? { href: base, label: t('sprachpool.link_admin') } : null,
    props.roles.includes('mediator') ? { href: `${base}/me/offers`, label: t('sprachpool.link_portal') } : null,
    props.roles.includes('agency') ? { href: `${base}/agency`, label: t('sprachpool.link_agency') } : null,
  ].filter((l) => l !== null);
  if (!links.length) return null;
  return (
    <ul class="inline-list">
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
}
