import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import type { MailListRow } from '../queries.js';
import type { getOutgoingMail } from '../service.js';
import { DateTime, Pagination, RegionName, StatusTag } from './shared.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

/** /admin/mail: every mail the system sent or keeps, newest first. */
export function MailListPage({ data }: { data: { mails: MailListRow[]; total: number; page: number; pages: number } }) {
  const { t } = usePage();
  return (
    <AdminLayout title={t('ops.mail_title')}>
      <h1>{t('ops.mail_title')}</h1>
      <p class="lead">{t('ops.mail_intro')}</p>
      <p role="status">{t('ops.mail_count', { count: data.total })}</p>
      {data.mails.length ? (
        <TableWrap>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ops.col_to')}</th>
                <th scope="col">{t('ops.col_subject')}</th>
                <th scope="col">{t('ops.col_status')}</th>
                <th scope="col">{t('ops.col_region')}</th>
                <th scope="col">{t('ops.col_created')}</th>
                <th scope="col">{t('ops.col_sent')}</th>
                <th scope="col">{t('ops.col_error')}</th>
              </tr>
            </thead>
            <tbody>
              {data.mails.map((m) => (
                <tr key={m.id}>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/admin/mail/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>
                    <StatusTag status={m.status} label={t(`ops.mail_status_${m.status}`)} />
                  </td>
                  <td>
                    <RegionName name={m.regionName} />
                  </td>
                  <td>
                    <DateTime at={m.createdAt} />
                  </td>
                  <td>
                    <DateTime at={m.sentAt} />
                  </td>
                  <td class="error-text">{m.error ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ops.mail_empty')}</p>
      )}
      <Pagination page={data.page} pages={data.pages} base="/admin/mail" />
    </AdminLayout>
  );
}

/** /admin/mail/:id: headers and the plain-text body (escaped), so a demo without SMTP can follow its links. */
export function MailDetailPage({ mail }: { mail: Awaited<ReturnType<typeof getOutgoingMail>> }) {
  const { t } = usePage();
  return (
    <AdminLayout title={mail.subject}>
      <p>
        <a href="/admin/mail">{t('ops.mail_back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t('ops.col_to')}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t('ops.col_status')}</dt>
          <dd>
            <StatusTag status={mail.status} label={t(`ops.mail_status_${mail.status}`)} />
          </dd>
        </div>
        <div>
          <dt>{t('ops.col_region')}</dt>
          <dd>
            <RegionName name={mail.regionName} />
          </dd>
        </div>
        <div>
          <dt>{t('ops.col_created')}</dt>
          <dd>
            <DateTime at={mail.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t('ops.col_sent')}</dt>
          <dd>
            <DateTime at={mail.sentAt} />
          </dd>
        </div>
        {mail.error ? (
          <div>
            <dt>{t('ops.col_error')}</dt>
            <dd class="error-text">{mail.error}</dd>
          </div>
        ) : null}
        {mail.attachments.length ? (
          <div>
            <dt>{t('ops.mail_attachments')}</dt>
            <dd>
              <ul>
                {mail.attachments.map((a, i) => (
                  <li key={i}>
                    {a.filename} <span class="muted">({a.contentType})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <h2>{t('ops.mail_body')}</h2>
      <p class="hint">{t('ops.mail_body_hint')}</p>
      <pre class="mail-body">{mail.text}</pre>
    </AdminLayout>
  );
}
