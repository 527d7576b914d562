import type { ComponentChildren } from 'preact';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Form } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { TabNav } from '../../../web/components/tab-nav.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { LocationRow, OrganizationRow, ReviewItem, ServiceListItem, TermRow } from '../queries.js';
import { EDITORIAL_STATUSES } from '../schema.js';
import type { TranslationState } from '../service.js';

export const dirBase = (regionId: string): string => `/admin/regions/${regionId}/directory`;
export const KIND_PATHS = { service: 'services', organization: 'organizations', location: 'locations', taxonomy_term: 'categories' } as const;
export const objectHref = (regionId: string, kind: 'service' | 'organization' | 'location', id: string): string => `${dirBase(regionId)}/${KIND_PATHS[kind]}/${id}`;

/** The directory admin's tabs. */
export function DirectoryNav(props: { region: RegionRow; isEditor: boolean }) {
  const { t } = usePage();
  const base = dirBase(props.region.id);
  const tabs = [
    { href: base, label: t('directory-admin.nav_services'), show: true },
    { href: `${base}/organizations`, label: t('directory-admin.nav_organizations'), show: true },
    { href: `${base}/locations`, label: t('directory-admin.nav_locations'), show: true },
    { href: `${base}/categories`, label: t('directory-admin.nav_categories'), show: props.isEditor },
    { href: `${base}/review`, label: t('directory-admin.nav_review'), show: props.isEditor },
    { href: `${base}/import`, label: t('directory-admin.nav_import'), show: props.isEditor },
    { href: `${base}/settings`, label: t('directory-admin.nav_settings'), show: props.isEditor },
  ];
  return <TabNav label={t('directory-admin.nav_label')} tabs={tabs.filter((x) => x.show)} />;
}

export function DirectoryLayout(props: { region: RegionRow; isEditor: boolean; title: string; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <AdminLayout title={props.title}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a> ›{' '}
        <a href={dirBase(props.region.id)}>{t('directory-admin.title')}</a>
      </p>
      <DirectoryNav region={props.region} isEditor={props.isEditor} />
      {props.children}
    </AdminLayout>
  );
}

export function StatusBadge(props: { status: string }) {
  const { t } = usePage();
  return <span class={`badge dir-status dir-status--${props.status}`}>{t(`directory-admin.status_${props.status}`)}</span>;
}

/** Per language: up to date / outdated / missing, each a link to the translation form. */
export function TranslationStates(props: { region: RegionRow; kind: keyof typeof KIND_PATHS; id: string; states: Record<string, TranslationState> | undefined; linked: boolean }) {
  const { t } = usePage();
  const entries = Object.entries(props.states ?? {});
  if (!entries.length) return null;
  return (
    <ul class="dir-lang-states">
      {entries.map(([lang, state]) => {
        const label = (
          <>
            <abbr title={lang}>{lang.toUpperCase()}</abbr>
            <span class="visually-hidden">:</span> {t(`directory-admin.translation_${state}`)}
          </>
        );
        return (
          <li key={lang} class={`dir-lang-state dir-lang-state--${state}`}>
            {props.linked ? <a href={`${dirBase(props.region.id)}/translations/${props.kind}/${props.id}/${lang}`}>{label}</a> : label}
          </li>
        );
      })}
    </ul>
  );
}

export type ServiceListFilter = { status: string; category: string; organization: string; overdue: boolean; q: string };

export function ServicesListPage(props: {
  region: RegionRow;
  isEditor: boolean;
  services: ServiceListItem[];
  filter: ServiceListFilter;
  terms: TermRow[];
  organizations: OrganizationRow[];
  states: Map<string, Record<string, TranslationState>>;
  overdueBefore: Date;
  errorKey?: string | undefined;
}) {
  const { t, lang } = usePage();
  const base = dirBase(props.region.id);
  const f = props.filter;
  const date = (d: Date | null) => (d ? d.toLocaleDateString(lang, { timeZone: props.region.timezone }) : '—');
  return (
    <DirectoryLayout region={props.region} isEditor={props.isEditor} title={t('directory-admin.services_title')}>
      <h1>{t('directory-admin.services_title')}</h1>
      <ul class="actions">
        <li>
          <a class="button" href={`${base}/services/new`}>
            {t('directory-admin.new_service')}
          </a>
        </li>
      </ul>
      <form method="get" action={base} class="list-filter" role="search">
        <div class="field">
          <label for="f-q">{t('directory-admin.filter_search')}</label>
          <input id="f-q" name="q" type="search" value={f.q} />
        </div>
        <div class="field">
          <label for="f-status">{t('directory-admin.filter_status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('directory-admin.filter_all')}</option>
            {EDITORIAL_STATUSES.map((s) => (
              <option key={s} value={s} selected={f.status === s}>
                {t(`directory-admin.status_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-category">{t('directory-admin.filter_category')}</label>
          <select id="f-category" name="category">
            <option value="">{t('directory-admin.filter_all')}</option>
            {props.terms.map((term) => (
              <option key={term.id} value={term.id} selected={f.category === term.id}>
                {term.parentId ? '— ' : ''}
                {term.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-organization">{t('directory-admin.filter_organization')}</label>
          <select id="f-organization" name="organization">
            <option value="">{t('directory-admin.filter_all')}</option>
            {props.organizations.map((o) => (
              <option key={o.id} value={o.id} selected={f.organization === o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="f-overdue" name="overdue" value="1" checked={f.overdue} />
          <label for="f-overdue">{t('directory-admin.filter_overdue')}</label>
        </div>
        <button type="submit" class="button button--secondary">
          {t('directory-admin.filter_apply')}
        </button>
      </form>
      {props.errorKey ? (
        <div class="notice notice--error" role="alert">
          {t(props.errorKey)}
        </div>
      ) : null}
      {props.services.length ? (
        <Form action={`${base}/services/bulk`}>
          <TableWrap label={t('directory-admin.services_title')}>
            <table class="dir-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('directory-admin.select')}</span>
                  </th>
                  <th scope="col">{t('directory-admin.col_name')}</th>
                  <th scope="col">{t('directory-admin.col_organization')}</th>
                  <th scope="col">{t('directory-admin.col_status')}</th>
                  <th scope="col">{t('directory-admin.col_verified')}</th>
                  <th scope="col">{t('directory-admin.col_translations')}</th>
                </tr>
              </thead>
              <tbody>
                {props.services.map((s) => {
                  const overdue = s.status === 'published' && (s.verifiedAt ?? s.createdAt) < props.overdueBefore;
                  return (
                    <tr key={s.id}>
                      <td>
                        <input type="checkbox" name="ids" value={s.id} id={`select-${s.id}`} aria-label={t('directory-admin.select_named', { name: s.name })} />
                      </td>
                      <td>
                        <a href={objectHref(props.region.id, 'service', s.id)}>{s.name}</a>
                        {s.pendingAt ? <> <span class="badge dir-pending">{t('directory-admin.pending_badge')}</span></> : null}
                      </td>
                      <td>{s.organizationName}</td>
                      <td>
                        <StatusBadge status={s.status} />
                      </td>
                      <td class={overdue ? 'dir-overdue' : undefined}>
                        {date(s.verifiedAt)}
                        {overdue ? <> <strong class="badge dir-overdue-badge">{t('directory-admin.overdue_badge')}</strong></> : null}
                      </td>
                      <td>
                        <TranslationStates region={props.region} kind="service" id={s.id} states={props.states.get(s.id)} linked={props.isEditor} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <div class="button-group">
            <Button name="action" value="verify">
              {t('directory-admin.bulk_verify')}
            </Button>
            {props.isEditor ? (
              <Button name="action" value="archive" variant="secondary">
                {t('directory-admin.bulk_archive')}
              </Button>
            ) : null}
          </div>
        </Form>
      ) : (
        <p>{t('directory-admin.no_services')}</p>
      )}
    </DirectoryLayout>
  );
}

export function OrganizationsListPage(props: { region: RegionRow; isEditor: boolean; organizations: OrganizationRow[]; states: Map<string, Record<string, TranslationState>> }) {
  const { t } = usePage();
  const base = dirBase(props.region.id);
  return (
    <DirectoryLayout region={props.region} isEditor={props.isEditor} title={t('directory-admin.organizations_title')}>
      <h1>{t('directory-admin.organizations_title')}</h1>
      {props.isEditor ? (
        <ul class="actions">
          <li>
            <a class="button" href={`${base}/organizations/new`}>
              {t('directory-admin.new_organization')}
            </a>
          </li>
        </ul>
      ) : null}
      {props.organizations.length ? (
        <TableWrap label={t('directory-admin.organizations_title')}>
          <table class="dir-table">
            <thead>
              <tr>
                <th scope="col">{t('directory-admin.col_name')}</th>
                <th scope="col">{t('directory-admin.col_status')}</th>
                <th scope="col">{t('directory-admin.col_translations')}</th>
              </tr>
            </thead>
            <tbody>
              {props.organizations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={objectHref(props.region.id, 'organization', o.id)}>{o.name}</a>
                  </td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td>
                    <TranslationStates region={props.region} kind="organization" id={o.id} states={props.states.get(o.id)} linked={props.isEditor} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('directory-admin.no_organizations')}</p>
      )}
    </DirectoryLayout>
  );
}

export function LocationsListPage(props: { region: RegionRow; isEditor: boolean; locations: LocationRow[]; states: Map<string, Record<string, TranslationState>> }) {
  const { t } = usePage();
  const base = dirBase(props.region.id);
  return (
    <DirectoryLayout region={props.region} isEditor={props.isEditor} title={t('directory-admin.locations_title')}>
      <h1>{t('directory-admin.locations_title')}</h1>
      <ul class="actions">
        <li>
          <a class="button" href={`${base}/locations/new`}>
            {t('directory-admin.new_location')}
          </a>
        </li>
      </ul>
      {props.locations.length ? (
        <TableWrap label={t('directory-admin.locations_title')}>
          <table class="dir-table">
            <thead>
              <tr>
                <th scope="col">{t('directory-admin.col_name')}</th>
                <th scope="col">{t('directory-admin.col_address')}</th>
                <th scope="col">{t('directory-admin.col_coordinates')}</th>
                <th scope="col">{t('directory-admin.col_translations')}</th>
              </tr>
            </thead>
            <tbody>
              {props.locations.map((l) => (
                <tr key={l.id}>
                  <td>
                    <a href={objectHref(props.region.id, 'location', l.id)}>{l.name || t('directory-admin.unnamed')}</a>
                  </td>
                  <td>{[l.address1, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</td>
                  <td>{l.latitude != null && l.longitude != null ? `${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}` : t('directory-admin.no_coordinates')}</td>
                  <td>
                    <TranslationStates region={props.region} kind="location" id={l.id} states={props.states.get(l.id)} linked={props.isEditor} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('directory-admin.no_locations')}</p>
      )}
    </DirectoryLayout>
  );
}

export function ReviewQueuePage(props: { region: RegionRow; items: ReviewItem[] }) {
  const { t, lang } = usePage();
  return (
    <DirectoryLayout region={props.region} isEditor title={t('directory-admin.review_title')}>
      <h1>{t('directory-admin.review_title')}</h1>
      <p class="hint">{t('directory-admin.review_hint')}</p>
      {props.items.length ? (
        <TableWrap label={t('directory-admin.review_title')}>
          <table class="dir-table">
            <thead>
              <tr>
                <th scope="col">{t('directory-admin.col_name')}</th>
                <th scope="col">{t('directory-admin.col_kind')}</th>
                <th scope="col">{t('directory-admin.col_proposal')}</th>
                <th scope="col">{t('directory-admin.col_by')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={`${dirBase(props.region.id)}/review/${i.kind}/${i.id}`}>{i.name || t('directory-admin.unnamed')}</a>
                  </td>
                  <td>{t(`directory-admin.kind_${i.kind}`)}</td>
                  <td>{i.pendingAt ? t('directory-admin.review_change', { date: i.pendingAt.toLocaleDateString(lang, { timeZone: props.region.timezone }) }) : t('directory-admin.review_new')}</td>
                  <td>{i.pendingByEmail ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('directory-admin.review_empty')}</p>
      )}
    </DirectoryLayout>
  );
}
