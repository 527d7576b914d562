import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionNode } from '../service.js';
import { useKindLabel } from './parts.js';

function Tree(props: { nodes: RegionNode[] }) {
  const { t } = usePage();
  const kindLabel = useKindLabel();
  return (
    <ul class="region-tree">
      {props.nodes.map(({ region, children }) => (
        <li key={region.id}>
          <a href={`/admin/regions/${region.id}`}>{region.name}</a> <span class="meta">
            {kindLabel(region.kind)} · <bdi dir="ltr" class="nowrap">/{region.slug}/</bdi>
          </span>{' '}
          <span class="meta">
            {t('regions.languages_count', { count: region.languages.length })}: <bdi dir="ltr">{region.languages.join(', ')}</bdi>
          </span>
          {region.archivedAt ? (
            <>
              {' '}
              <strong class="badge badge--archived">{t('regions.archived_badge')}</strong>
            </>
          ) : null}
          {children.length ? <Tree nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Admin list of the regions the actor may see, as a tree. */
export function RegionListPage(props: { tree: RegionNode[]; canCreateRoot: boolean }) {
  const { t } = usePage();
  return (
    <AdminLayout title={t('regions.admin_list_title')}>
      <h1>{t('regions.admin_list_title')}</h1>
      {props.canCreateRoot ? (
        <p>
          <a class="button button--secondary" href="/admin/regions/new">
            {t('regions.create_root')}
          </a>
        </p>
      ) : null}
      {props.tree.length ? <Tree nodes={props.tree} /> : <p>{t('regions.admin_list_empty')}</p>}
    </AdminLayout>
  );
}
