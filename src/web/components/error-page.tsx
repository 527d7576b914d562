import type { AppError } from '../../platform/errors.js';
import { usePage } from '../page-context.js';
import { AdminLayout, PublicLayout } from './layout.js';

/** A localised error page; in the admin area it keeps the admin navigation. */
export function ErrorPage({ error }: { error: AppError }) {
  const { t, path, actor } = usePage();
  const title = t(`errors.title_${error.status}`, {}) === `errors.title_${error.status}` ? t('errors.title_generic') : t(`errors.title_${error.status}`);
  const body = (
    <div class="error-page">
      <h1>{title}</h1>
      <p>{t(error.messageKey, error.params)}</p>
      <p class="error-page__code">
        {t('errors.code_label')} <code>{error.code}</code>
      </p>
      <p>
        <a href={path.startsWith('/admin') ? '/admin' : '/'}>{t('errors.back_home')}</a>
      </p>
    </div>
  );
  if (actor && path.startsWith('/admin')) return <AdminLayout title={title}>{body}</AdminLayout>;
  return <PublicLayout title={title}>{body}</PublicLayout>;
}
