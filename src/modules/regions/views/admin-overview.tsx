import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Form } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../service.js';
import { LanguageName, useKindLabel } from './parts.js';

export type OverviewPermissions = { canEdit: boolean; canArchive: boolean; canCreateChild: boolean; canManageTokens: boolean; canReadGuide?: boolean; canReadFeedback?: boolean; canExchangeXliff?: boolean; canManageMt?: boolean; canEditDirectory?: boolean; canEditEvents?: boolean; canTranslateEvents?: boolean; canManagePool?: boolean };

/** One region in the admin area: its settings at a glance, children, actions. */
export function RegionOverviewPage(props: { region: RegionRow; parent?: RegionRow | undefined; children: RegionRow[]; can: OverviewPermissions }) {
  const { t } = usePage();
  const kindLabel = useKindLabel();
  const r = props.region;
  return (
    <AdminLayout title={r.name}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a>
        {props.parent ? (
          <>
            {' › '}
            <a href={`/admin/regions/${props.parent.id}`}>{props.parent.name}</a>
          </>
        ) : null}
      </p>
      <h1>
        {r.name} {r.archivedAt ? <strong class="badge badge--archived">{t('regions.archived_badge')}</strong> : null}
      </h1>
      <dl class="summary-list">
        <dt>{t('regions.field_slug')}</dt>
        <dd>
          <code>{r.slug}</code>
        </dd>
        <dt>{t('regions.field_kind')}</dt>
        <dd>{kindLabel(r.kind)}</dd>
        <dt>{t('regions.field_timezone')}</dt>
        <dd>{r.timezone}</dd>
        <dt>{t('regions.field_languages')}</dt>
        <dd>
          <ul class="inline-list">
            {r.languages.map((code) => (
              <li key={code}>
                <LanguageName code={code} /> <code>{code}</code>
                {code === r.sourceLanguage ? <> ({t('regions.source_language_marker')})</> : null}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('regions.revision')}</dt>
        <dd>{r.revision}</dd>
      </dl>
      <ul class="actions">
        {props.can.canReadGuide ? (
          <li>
            <a href={`/admin/regions/${r.id}/pages`}>{t('guide.tree_title')}</a>
          </li>
        ) : null}
        {props.can.canReadGuide && r.languages.length > 1 ? (
          <li>
            <a href={`/admin/regions/${r.id}/translations`}>{t('workflow.title')}</a>
          </li>
        ) : null}
        {props.can.canEditDirectory ? (
          <li>
            <a href={`/admin/regions/${r.id}/directory`}>{t('directory-admin.admin_link')}</a>
          </li>
        ) : null}
        {props.can.canEditEvents || props.can.canTranslateEvents ? (
          <li>
            <a href={`/admin/regions/${r.id}/events${props.can.canEditEvents ? '' : '/translations'}`}>{t('events-admin.admin_link')}</a>
          </li>
        ) : null}
        {props.can.canManagePool ? (
          <li>
            <a href={`/admin/regions/${r.id}/sprachpool`}>{t('sprachpool.link_admin')}</a>
          </li>
        ) : null}
        {props.can.canReadFeedback ? (
          <li>
            <a href={`/admin/regions/${r.id}/feedback`}>{t('feedback.admin_link')}</a>
          </li>
        ) : null}
        {props.can.canExchangeXliff ? (
          <li>
            <a href={`/admin/regions/${r.id}/xliff`}>{t('xliff.title')}</a>
          </li>
        ) : null}
        {props.can.canManageMt ? (
          <li>
            <a href={`/admin/regions/${r.id}/machine-translation`}>{t('mt.title')}</a>
          </li>
        ) : null}
        {!r.archivedAt ? (
          <li>
            <a href={`/${r.slug}/${r.sourceLanguage}/`}>{t('regions.view_public')}</a>
          </li>
        ) : null}
        {props.can.canEdit ? (
          <li>
            <a href={`/admin/regions/${r.id}/edit`}>{t('regions.edit')}</a>
          </li>
        ) : null}
        {props.can.canCreateChild && r.kind !== 'municipality' && !r.archivedAt ? (
          <li>
            <a href={`/admin/regions/new?parent=${r.id}`}>{t('regions.create_child')}</a>
          </li>
        ) : null}
        {props.can.canManageTokens ? (
          <li>
            <a href={`/admin/regions/${r.id}/api-tokens`}>{t('regions.api_tokens_link')}</a>
          </li>
        ) : null}
      </ul>
      <h2>{t('regions.children_title')}</h2>
      {props.children.length ? (
        <ul>
          {props.children.map((c) => (
            <li key={c.id}>
              <a href={`/admin/regions/${c.id}`}>{c.name}</a> <span class="meta">({kindLabel(c.kind)})</span>
              {c.archivedAt ? <> <strong class="badge badge--archived">{t('regions.archived_badge')}</strong></> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('regions.no_children')}</p>
      )}
      {props.can.canArchive ? (
        r.archivedAt ? (
          <Form action={`/admin/regions/${r.id}/unarchive`}>
            <Button variant="secondary">{t('regions.unarchive')}</Button>
          </Form>
        ) : (
          <Form action={`/admin/regions/${r.id}/archive`} confirm={t('regions.archive_confirm', { name: r.name })}>
            <p class="hint">{t('regions.archive_hint')}</p>
            <Button variant="danger">{t('regions.archive')}</Button>
          </Form>
        )
      ) : null}
    </AdminLayout>
  );
}
