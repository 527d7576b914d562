import { AdminLayout } from '../../../web/components/layout.js';
import { Form } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { JobsOverview } from '../service.js';
import { DateTime, RegionName, StatusTag } from './shared.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

/** /admin/jobs: counts by status, failed jobs with "retry", waiting and running jobs. */
export function JobsPage({ data }: { data: JobsOverview }) {
  const { t } = usePage();
  const statuses = ['pending', 'running', 'failed', 'done'] as const;
  return (
    <AdminLayout title={t('ops.jobs_title')}>
      <h1>{t('ops.jobs_title')}</h1>
      <p class="lead">{t('ops.jobs_intro')}</p>
      <dl class="stats">
        {statuses.map((s) => (
          <div key={s} class={`stat${s === 'failed' && data.counts.failed ? ' stat--warning' : ''}`}>
            <dt>{t(`ops.job_status_${s}`)}</dt>
            <dd>{data.counts[s]}</dd>
          </div>
        ))}
      </dl>

      <h2 id="failed">{t('ops.jobs_failed')}</h2>
      {data.failed.length ? (
        <TableWrap>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ops.col_job')}</th>
                <th scope="col">{t('ops.col_region')}</th>
                <th scope="col">{t('ops.col_attempts')}</th>
                <th scope="col">{t('ops.col_last_error')}</th>
                <th scope="col">{t('ops.col_created')}</th>
                <th scope="col">{t('ops.col_failed_at')}</th>
                {data.canRetry ? <th scope="col">{t('ops.col_actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.failed.map((j) => (
                <tr key={j.id}>
                  <td>
                    <code>{j.type}</code> <span class="muted">#{j.id}</span>
                  </td>
                  <td>
                    <RegionName name={j.regionName} />
                  </td>
                  <td>{t('ops.attempts_of', { attempts: j.attempts, max: j.maxAttempts })}</td>
                  <td class="error-text">{j.lastError ?? '–'}</td>
                  <td>
                    <DateTime at={j.createdAt} />
                  </td>
                  <td>
                    <DateTime at={j.finishedAt} />
                  </td>
                  {data.canRetry ? (
                    <td>
                      <Form action={`/admin/jobs/${j.id}/retry`} class="inline-form">
                        <button type="submit" class="button button--secondary">
                          {t('ops.job_retry')}
                          <span class="visually-hidden"> {t('ops.job_label', { type: j.type, id: j.id })}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ops.jobs_failed_empty')}</p>
      )}

      <h2 id="waiting">{t('ops.jobs_waiting')}</h2>
      {data.waiting.length ? (
        <TableWrap>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ops.col_job')}</th>
                <th scope="col">{t('ops.col_status')}</th>
                <th scope="col">{t('ops.col_region')}</th>
                <th scope="col">{t('ops.col_attempts')}</th>
                <th scope="col">{t('ops.col_due')}</th>
                <th scope="col">{t('ops.col_last_error')}</th>
              </tr>
            </thead>
            <tbody>
              {data.waiting.map((j) => (
                <tr key={j.id}>
                  <td>
                    <code>{j.type}</code> <span class="muted">#{j.id}</span>
                  </td>
                  <td>
                    <StatusTag status={j.status} label={t(`ops.job_status_${j.status}`)} />
                  </td>
                  <td>
                    <RegionName name={j.regionName} />
                  </td>
                  <td>{t('ops.attempts_of', { attempts: j.attempts, max: j.maxAttempts })}</td>
                  <td>
                    <DateTime at={j.status === 'running' ? j.lockedAt : j.runAt} />
                  </td>
                  <td class="error-text">{j.lastError ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ops.jobs_waiting_empty')}</p>
      )}
    </AdminLayout>
  );
}
