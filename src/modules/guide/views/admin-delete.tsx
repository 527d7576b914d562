import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { flattenTree, type PageRow, type TreeNode } from '../service.js';
import { GuideBreadcrumbs, StatusBadge } from './admin-parts.js';
import { pageTitle } from './admin-tree.js';

/** /admin/pages/:id/delete — confirmation; a page with subpages needs a choice what happens to them. */
export function DeletePagePage(props: { region: RegionRow; page: PageRow; title: string; subtree: TreeNode[]; form: FormState }) {
  const { t } = usePage();
  const { region, page, form } = props;
  const title = props.title || t('guide.untitled');
  const heading = t('guide.delete_title', { title });
  const below = flattenTree(props.subtree);
  const error = form.errors.children;
  const choice = form.values.children;
  return (
    <AdminLayout title={heading}>
      <GuideBreadcrumbs region={region} />
      <h1>{heading}</h1>
      <p>
        <StatusBadge status={page.status} />
      </p>
      <p>{t('guide.delete_explain')}</p>
      <Form action={`/admin/pages/${page.id}/delete`}>
        <ErrorSummary errors={form.errors} />
        <input type="hidden" name="revision" value={String(form.values.revision ?? page.revision)} />
        {below.length ? (
          <fieldset class={`field${error ? ' field--error' : ''}`} id="f-children" aria-describedby={error ? 'e-children' : undefined}>
            <legend>{t('guide.delete_children_legend', { count: below.length })}</legend>
            <ul class="delete-subtree">
              {below.map(({ node, depth }) => (
                <li key={node.page.id} class={`depth-${Math.min(depth, 6)}`}>
                  {pageTitle(node, region) || t('guide.untitled')}
                </li>
              ))}
            </ul>
            {error ? (
              <p class="field-error" id="e-children">
                <span class="visually-hidden">{t('common.error_prefix')} </span>
                {t(error.key, error.params)}
              </p>
            ) : null}
            <div class="checkboxes">
              <div class="checkbox">
                <input type="radio" id="f-children-move_up" name="children" value="move_up" checked={choice === 'move_up'} />
                <label for="f-children-move_up">{t('guide.delete_children_move_up')}</label>
              </div>
              <div class="checkbox">
                <input type="radio" id="f-children-delete" name="children" value="delete" checked={choice === 'delete'} />
                <label for="f-children-delete">{t('guide.delete_children_delete', { count: below.length })}</label>
              </div>
            </div>
          </fieldset>
        ) : null}
        <div class="form-actions">
          <Button variant="danger">{t('guide.delete_submit')}</Button> <a href={`/admin/regions/${region.id}/pages#page-${page.id}`}>{t('common.cancel')}</a>
        </div>
      </Form>
    </AdminLayout>
  );
}
