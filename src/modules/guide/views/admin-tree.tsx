import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, Select, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { GuideIcon } from '../icons.js';
import { flattenTree, translationState, SLUG_MAX, TITLE_MAX, type PageRow, type TreeNode } from '../service.js';
import { editorHref, GuideBreadcrumbs, StateLabel, StatusBadge, When } from './admin-parts.js';
import { ContentField } from './admin-editor.js';
import { EditorScript } from './editor-labels.js';

/** The title of a page in the region's source language (a draft-only text keeps its title too). */
export function pageTitle(node: TreeNode, region: Pick<RegionRow, 'sourceLanguage'>): string {
  return node.translations.get(region.sourceLanguage)?.title ?? '';
}

/** Options for a parent choice: top level, then every page indented by depth (optionally leaving a subtree out). */
export function parentOptions(nodes: TreeNode[], region: Pick<RegionRow, 'sourceLanguage'>, topLabel: string, untitled: string, exclude?: string): { value: string; label: string }[] {
  const skip = (list: TreeNode[]): TreeNode[] => list.filter((n) => n.page.id !== exclude).map((n) => ({ ...n, children: skip(n.children) }));
  return [{ value: '', label: topLabel }, ...flattenTree(skip(nodes)).map(({ node, depth }) => ({ value: node.page.id, label: `${'— '.repeat(depth + 1)}${pageTitle(node, region) || untitled}` }))];
}

function MoveButtons(props: { page: PageRow; title: string; first: boolean; last: boolean }) {
  const { t, dir } = usePage();
  const steps: { step: string; show: boolean; glyph: string; label: string }[] = [
    { step: 'up', show: !props.first, glyph: '↑', label: t('guide.move_up', { title: props.title }) },
    { step: 'down', show: !props.last, glyph: '↓', label: t('guide.move_down', { title: props.title }) },
    // Indenting moves the row towards the end of the line: right in left-to-right, left in right-to-left.
    { step: 'indent', show: !props.first, glyph: dir === 'rtl' ? '←' : '→', label: t('guide.move_indent', { title: props.title }) },
    { step: 'outdent', show: props.page.parentId !== null, glyph: dir === 'rtl' ? '→' : '←', label: t('guide.move_outdent', { title: props.title }) },
  ];
  if (!steps.some((s) => s.show)) return null;
  return (
    <Form action={`/admin/pages/${props.page.id}/move-step`} class="page-tree__move">
      <input type="hidden" name="revision" value={String(props.page.revision)} />
      {/* Every step keeps its slot, so the arrows line up from row to row. */}
      {steps.map((s) =>
        s.show ? (
          <button key={s.step} type="submit" name="step" value={s.step} class="icon-button">
            <span aria-hidden="true">{s.glyph}</span>
            <span class="visually-hidden">{s.label}</span>
          </button>
        ) : (
          <span key={s.step} class="icon-button-slot" aria-hidden="true" />
        ),
      )}
    </Form>
  );
}

function TreeRows(props: { nodes: TreeNode[]; region: RegionRow; canEdit: boolean }) {
  const { t } = usePage();
  const { region } = props;
  const source = (n: TreeNode) => n.translations.get(region.sourceLanguage);
  return (
    <ol class="page-tree">
      {props.nodes.map((node, i) => {
        const p = node.page;
        const title = pageTitle(node, region) || t('guide.untitled');
        return (
          <li key={p.id} id={`page-${p.id}`} class="page-tree__item" tabIndex={-1}>
            <div class="page-tree__row">
              <div class="page-tree__main">
                <GuideIcon name={p.icon} class="guide-icon page-tree__icon" />
                <a class="page-tree__title" href={editorHref(p.id, region.sourceLanguage)}>
                  {title}
                </a>{' '}
                <StatusBadge status={p.status} />
                {p.publishFrom || p.publishUntil ? (
                  <span class="meta page-tree__window">
                    {' '}
                    {p.publishFrom ? (
                      <>
                        {t('guide.window_from')} <When at={p.publishFrom} timeZone={region.timezone} />{' '}
                      </>
                    ) : null}
                    {p.publishUntil ? (
                      <>
                        {t('guide.window_until')} <When at={p.publishUntil} timeZone={region.timezone} />
                      </>
                    ) : null}
                  </span>
                ) : null}
                <ul class="page-tree__langs" aria-label={t('guide.languages_of', { title })}>
                  {region.languages.map((code) => (
                    <li key={code}>
                      <StateLabel language={code} state={translationState(source(node), node.translations.get(code))} href={editorHref(p.id, code)} />
                    </li>
                  ))}
                </ul>
                {props.canEdit ? (
                  <ul class="page-tree__actions">
                    <li>
                      <a href={`/admin/pages/${p.id}/move`}>
                        {t('guide.move_to')}
                        <span class="visually-hidden">: {title}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/admin/regions/${region.id}/pages/new?parent=${p.id}`}>
                        {t('guide.new_child')}
                        <span class="visually-hidden">: {title}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/admin/pages/${p.id}/history?lang=${region.sourceLanguage}`}>
                        {t('guide.history')}
                        <span class="visually-hidden">: {title}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/admin/pages/${p.id}/delete`}>
                        {t('guide.delete')}
                        <span class="visually-hidden">: {title}</span>
                      </a>
                    </li>
                  </ul>
                ) : null}
              </div>
              {props.canEdit ? (
                <div class="page-tree__controls">
                  <MoveButtons page={p} title={title} first={i === 0} last={i === props.nodes.length - 1} />
                </div>
              ) : null}
            </div>
            {node.children.length ? <TreeRows nodes={node.children} region={region} canEdit={props.canEdit} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** /admin/regions/:id/pages — the region's page tree with states per language and no-JS move controls. */
export function PageTreePage(props: { region: RegionRow; tree: TreeNode[]; canEdit: boolean }) {
  const { t } = usePage();
  const { region } = props;
  const count = flattenTree(props.tree).length;
  return (
    <AdminLayout title={`${t('guide.tree_title')} – ${region.name}`}>
      <GuideBreadcrumbs region={region} />
      <h1>
        {t('guide.tree_title')}: {region.name}
      </h1>
      <p class="meta">{t('guide.tree_count', { count })}</p>
      {props.canEdit ? (
        <p>
          <a class="button button--secondary" href={`/admin/regions/${region.id}/pages/new`}>
            {t('guide.new_page')}
          </a>
        </p>
      ) : null}
      {count ? <TreeRows nodes={props.tree} region={region} canEdit={props.canEdit} /> : <p>{t('guide.tree_empty')}</p>}
      <details class="state-legend">
        <summary>{t('guide.legend_title')}</summary>
        <dl>
          {(['up_to_date', 'outdated', 'missing', 'machine'] as const).map((s) => (
            <>
              <dt key={`${s}-t`}>
                <span class={`lang-state lang-state--${s}`}>{t(`guide.state_${s}`)}</span>
              </dt>
              <dd key={`${s}-d`}>{t(`guide.legend_${s}`)}</dd>
            </>
          ))}
        </dl>
      </details>
    </AdminLayout>
  );
}

/** /admin/regions/:id/pages/new — a new page (title, optional address, parent, first text). */
export function NewPagePage(props: { region: RegionRow; tree: TreeNode[]; form: FormState }) {
  const { t } = usePage();
  const { region, form } = props;
  return (
    <AdminLayout title={t('guide.new_page')} head={<EditorScript />}>
      <GuideBreadcrumbs region={region} />
      <h1>{t('guide.new_page')}</h1>
      <Form action={`/admin/regions/${region.id}/pages/new`}>
        <ErrorSummary errors={form.errors} />
        <TextField name="title" label={t('guide.field_title')} hint={t('guide.field_title_hint_source', { language: region.sourceLanguage.toUpperCase() })} form={form} required maxLength={TITLE_MAX} />
        <TextField name="slug" label={t('guide.field_slug')} hint={t('guide.field_slug_hint')} form={form} maxLength={SLUG_MAX} autocomplete="off" />
        <Select name="parentId" label={t('guide.field_parent')} form={form} options={parentOptions(props.tree, region, t('guide.parent_top'), t('guide.untitled'))} />
        <ContentField form={form} language={region.sourceLanguage} regionId={region.id} />
        <div class="form-actions">
          <Button>{t('guide.create')}</Button> <a href={`/admin/regions/${region.id}/pages`}>{t('common.cancel')}</a>
        </div>
      </Form>
    </AdminLayout>
  );
}

/** /admin/pages/:id/move — move a page to another parent and position. */
export function MovePagePage(props: { region: RegionRow; tree: TreeNode[]; page: PageRow; title: string; form: FormState; error?: string | undefined }) {
  const { t } = usePage();
  const { region, form } = props;
  const heading = t('guide.move_title', { title: props.title || t('guide.untitled') });
  return (
    <AdminLayout title={heading}>
      <GuideBreadcrumbs region={region} />
      <h1>{heading}</h1>
      {props.error ? (
        <div class="notice notice--error" role="alert">
          <p>{t(props.error)}</p>
        </div>
      ) : null}
      <Form action={`/admin/pages/${props.page.id}/move`}>
        <ErrorSummary errors={form.errors} />
        <input type="hidden" name="revision" value={String(form.values.revision ?? props.page.revision)} />
        <Select name="parentId" label={t('guide.field_parent')} hint={t('guide.field_parent_move_hint')} form={form} options={parentOptions(props.tree, region, t('guide.parent_top'), t('guide.untitled'), props.page.id)} />
        <TextField name="position" type="number" inputMode="numeric" label={t('guide.field_position')} hint={t('guide.field_position_hint')} form={form} />
        <div class="form-actions">
          <Button>{t('guide.move_submit')}</Button> <a href={`/admin/regions/${region.id}/pages#page-${props.page.id}`}>{t('common.cancel')}</a>
        </div>
      </Form>
    </AdminLayout>
  );
}
