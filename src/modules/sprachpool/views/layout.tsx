/**
 * The three faces of the Sprachpool in the admin area, each with its own tab row:
 * the coordinators' pool (`/admin/regions/:id/sprachpool/…`), the mediator portal (`…/sprachpool/me/…`) and the
 * institution portal (`…/sprachpool/agency/…`). Pages render inside one of these layouts.
 */
import type { ComponentChildren } from 'preact';
import { AdminLayout } from '../../../web/components/layout.js';
import { TabNav } from '../../../web/components/tab-nav.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';

export const poolBase = (regionId: string) => `/admin/regions/${regionId}/sprachpool`;
export const portalBase = (regionId: string) => `${poolBase(regionId)}/me`;
export const agencyBase = (regionId: string) => `${poolBase(regionId)}/agency`;

export type PoolSection = 'overview' | 'requests' | 'mediators' | 'agencies' | 'hours' | 'billing' | 'stats' | 'settings';
export type PortalSection = 'offers' | 'assignments' | 'availability' | 'profile';
export type AgencySection = 'requests' | 'new' | 'institution';

function Breadcrumbs(props: { region: RegionRow; home: string; withRegion: boolean }) {
  const { t } = usePage();
  return (
    <p class="breadcrumbs">
      {props.withRegion ? (
        <>
          <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a> ›{' '}
        </>
      ) : (
        <>
          <a href="/admin">{t('sprachpool.admin_home')}</a> › {props.region.name} ›{' '}
        </>
      )}
      <a href={props.home}>{t('sprachpool.title')}</a>
    </p>
  );
}

/** Coordinators' pages: requests, mediators, institutions, hours, billing, statistics, settings. */
export function PoolLayout(props: { region: RegionRow; title: string; section: PoolSection; head?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  const base = poolBase(props.region.id);
  const tabs: { section: PoolSection; href: string; label: string }[] = [
    { section: 'overview', href: base, label: t('sprachpool.nav_overview') },
    { section: 'requests', href: `${base}/requests`, label: t('sprachpool.nav_requests') },
    { section: 'mediators', href: `${base}/mediators`, label: t('sprachpool.nav_mediators') },
    { section: 'agencies', href: `${base}/agencies`, label: t('sprachpool.nav_agencies') },
    { section: 'hours', href: `${base}/hours`, label: t('sprachpool.nav_hours') },
    { section: 'billing', href: `${base}/billing`, label: t('sprachpool.nav_billing') },
    { section: 'stats', href: `${base}/stats`, label: t('sprachpool.nav_stats') },
    { section: 'settings', href: `${base}/settings`, label: t('sprachpool.nav_settings') },
  ];
  return (
    <AdminLayout title={props.title} head={props.head}>
      <Breadcrumbs region={props.region} home={base} withRegion />
      <TabNav label={t('sprachpool.nav_label')} tabs={tabs.map((x) => ({ href: x.href, label: x.label, current: x.section === props.section }))} />
      {props.children}
    </AdminLayout>
  );
}

/** The mediator's own pages: offers, assignments (with hours), availability and absences, profile and data. */
export function PortalLayout(props: { region: RegionRow; title: string; section: PortalSection; head?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  const base = portalBase(props.region.id);
  const tabs: { section: PortalSection; href: string; label: string }[] = [
    { section: 'offers', href: `${base}/offers`, label: t('sprachpool.portal_offers') },
    { section: 'assignments', href: `${base}/assignments`, label: t('sprachpool.portal_assignments') },
    { section: 'availability', href: `${base}/availability`, label: t('sprachpool.portal_availability') },
    { section: 'profile', href: base, label: t('sprachpool.portal_profile') },
  ];
  return (
    <AdminLayout title={props.title} head={props.head}>
      <Breadcrumbs region={props.region} home={`${base}/offers`} withRegion={false} />
      <TabNav label={t('sprachpool.portal_label')} tabs={tabs.map((x) => ({ href: x.href, label: x.label, current: x.section === props.section }))} />
      {props.children}
    </AdminLayout>
  );
}

/** An institution's pages: its requests, a new request, the institution's data and contacts. */
export function AgencyLayout(props: { region: RegionRow; title: string; section: AgencySection; head?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  const base = agencyBase(props.region.id);
  const tabs: { section: AgencySection; href: string; label: string }[] = [
    { section: 'requests', href: base, label: t('sprachpool.agency_requests') },
    { section: 'new', href: `${base}/requests/new`, label: t('sprachpool.agency_new_request') },
    { section: 'institution', href: `${base}/institution`, label: t('sprachpool.agency_institution') },
  ];
  return (
    <AdminLayout title={props.title} head={props.head}>
      <Breadcrumbs region={props.region} home={base} withRegion={false} />
      <TabNav label={t('sprachpool.agency_label')} tabs={tabs.map((x) => ({ href: x.href, label: x.label, current: x.section === props.section }))} />
      {props.children}
    </AdminLayout>
  );
}
