import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { ApiTokenRow } from '../service.js';

function useDate(timeZone: string): (d: Date | null) => string {
  const { lang, t } = usePage();
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (d) => (d ? fmt.format(d) : t('api.tokens_never'));
}

/** The API tokens of a region: list, revoke, create. */
export function ApiTokensPage(props: { region: RegionRow; tokens: ApiTokenRow[]; form: FormState; created?: { token: string; name: string } | undefined }) {
  const { t } = usePage();
  const date = useDate(props.region.timezone);
  const r = props.region;
  const title = t('api.tokens_title', { region: r.name });
  return (
    <AdminLayout title={title}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${r.id}`}>{r.name}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('api.tokens_intro')}</p>
      <p>
        <a href="/api/docs">{t('api.docs_link')}</a>
      </p>
      {props.created ? (
        <div class="notice notice--success" role="status">
          <h2>{t('api.token_created_title', { name: props.created.name })}</h2>
          <p>{t('api.token_created_once')}</p>
          <p>
            <label for="new-token">{t('api.token_label')}</label>
            <input id="new-token" class="token-output" type="text" readOnly value={props.created.token} dir="ltr" autocomplete="off" spellcheck={false} />
          </p>
        </div>
      ) : null}
      <h2>{t('api.tokens_list_title')}</h2>
      {props.tokens.length ? (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('api.token_name')}</th>
              <th scope="col">{t('api.token_prefix')}</th>
              <th scope="col">{t('api.token_created_at')}</th>
              <th scope="col">{t('api.token_last_used')}</th>
              <th scope="col">{t('api.token_status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('api.token_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td>
                  <code dir="ltr">ww_{tok.prefix}_…</code>
                </td>
                <td>{date(tok.createdAt)}</td>
                <td>{date(tok.lastUsedAt)}</td>
                <td>{tok.revokedAt ? t('api.token_revoked_at', { date: date(tok.revokedAt) }) : t('api.token_active')}</td>
                <td>
                  {tok.revokedAt ? null : (
                    <Form action={`/admin/regions/${r.id}/api-tokens/${tok.id}/revoke`} confirm={t('api.token_revoke_confirm', { name: tok.name })}>
                      <Button variant="danger">{t('api.token_revoke')}</Button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('api.tokens_none')}</p>
      )}
      <h2>{t('api.token_new_title')}</h2>
      <Form action={`/admin/regions/${r.id}/api-tokens`}>
        <ErrorSummary errors={props.form.errors} />
        <TextField name="name" label={t('api.token_name')} hint={t('api.token_name_hint')} form={props.form} required maxLength={100} />
        <Button>{t('api.token_create')}</Button>
      </Form>
    </AdminLayout>
  );
}
