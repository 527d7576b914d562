import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import type { ApiDocs, DocField } from '../docs.js';

function FieldTable(props: { fields: DocField[]; caption: string }) {
  const { t } = usePage();
  return (
    <TableWrap><table class="table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('api.docs_field')}</th>
          <th scope="col">{t('api.docs_type')}</th>
          <th scope="col">{t('api.docs_required')}</th>
          <th scope="col">{t('api.docs_constraints')}</th>
          <th scope="col">{t('api.docs_description')}</th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map((f) => (
          <tr key={f.name}>
            <td>
              <code>{f.name}</code>
            </td>
            <td>
              <code>{f.type}</code>
            </td>
            <td>{f.required ? t('common.yes') : t('common.no')}</td>
            <td dir="ltr">{f.constraints}</td>
            <td lang="en">{f.description}</td>
          </tr>
        ))}
      </tbody>
    </table></TableWrap>
  );
}

/** Server-rendered API documentation generated from the OpenAPI document (no third-party assets). */
export function ApiDocsPage(props: { docs: ApiDocs }) {
  const { t } = usePage();
  const { docs } = props;
  return (
    <PublicLayout title={t('api.docs_title')}>
      <h1>{t('api.docs_title')}</h1>
      <p>{t('api.docs_intro', { version: docs.openapi })}</p>
      <p>
        <a href="/api/openapi.json">{t('api.docs_openapi_link')}</a>
      </p>
      <h2>{t('api.docs_auth_title')}</h2>
      <p>{t('api.docs_auth_text')}</p>
      <pre dir="ltr" tabIndex={0}>
        <code>Authorization: Bearer ww_xxxxxxxx_…</code>
      </pre>
      <p>{t('api.docs_errors_text')}</p>
      <h2>{t('api.docs_operations')}</h2>
      <ul>
        {docs.operations.map((op) => (
          <li key={op.id}>
            <a href={`#${op.id}`}>
              <code dir="ltr">
                {op.method} {op.path}
              </code>
            </a>{' '}
            <span lang="en">{op.summary}</span>
          </li>
        ))}
      </ul>
      {docs.operations.map((op) => (
        <section key={op.id} id={op.id} class="api-operation" aria-labelledby={`${op.id}-title`}>
          <h3 id={`${op.id}-title`}>
            <code dir="ltr">
              {op.method} {op.path}
            </code>
          </h3>
          <p lang="en">{op.summary}</p>
          {op.description ? <p lang="en">{op.description}</p> : null}
          <p>{op.secured ? t('api.docs_needs_token') : t('api.docs_public')}</p>
          {op.parameters.length ? (
            <TableWrap><table class="table">
              <caption>{t('api.docs_parameters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('api.docs_field')}</th>
                  <th scope="col">{t('api.docs_in')}</th>
                  <th scope="col">{t('api.docs_type')}</th>
                  <th scope="col">{t('api.docs_required')}</th>
                  <th scope="col">{t('api.docs_description')}</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td>{p.in}</td>
                    <td>
                      <code>{p.type}</code>
                    </td>
                    <td>{p.required ? t('common.yes') : t('common.no')}</td>
                    <td lang="en">{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table></TableWrap>
          ) : null}
          {op.bodyFields.length ? <FieldTable fields={op.bodyFields} caption={t('api.docs_request_body')} /> : null}
          {op.responseFields.length ? <FieldTable fields={op.responseFields} caption={t('api.docs_response_body')} /> : null}
          <h4>{t('api.docs_responses')}</h4>
          <ul>
            {op.responses.map((r) => (
              <li key={r.status}>
                <code>{r.status}</code> <span lang="en">{r.description}</span>
              </li>
            ))}
          </ul>
          <h4>{t('api.docs_example')}</h4>
          <pre dir="ltr" tabIndex={0}>
            <code>{op.curl}</code>
          </pre>
        </section>
      ))}
    </PublicLayout>
  );
}
