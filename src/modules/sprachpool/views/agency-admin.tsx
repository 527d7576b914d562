import { ErrorSummary, TextArea, TextField, type FormState } from '../../../web/components/forms.js';
import { Pagination } from '../../../web/components/pagination.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { AgencyDetail, AgencyListItem } from '../agencies.js';
import type { AgencyRow } from '../context.js';
import { formatShort, requestLanguage } from '../requests-format.js';
import { AGENCY_STATUSES, type AgencyStatus } from '../schema.js';
import { addressLine, agenciesHref, agencyHref, AgencyStatusBadge, coordinatorRequestHref, formatDay, RequestStatusBadge } from './agency-parts.js';
import { PoolLayout } from './layout.js';
import { AgencyFields } from './public-register.js';

/** /admin/regions/:id/sprachpool/agencies — the pool's institutions by status (GET filter, paged). */
export function AgencyListPage(props: { region: RegionRow; items: AgencyListItem[]; counts: Record<AgencyStatus, number>; status: AgencyStatus | undefined; page: number; pages: number }) {
  const { t, lang } = usePage();
  const r = props.region;
  const base = agenciesHref(r.id);
  const title = t('sprachpool-agencies.admin_list_title');
  const all = Object.values(props.counts).reduce((a, b) => a + b, 0);
  return (
    <PoolLayout region={r} title={title} section="agencies">
      <h1>{title}</h1>
      <nav class="spa-views" aria-label={t('sprachpool-agencies.admin_filter_status')}>
        <ul>
          <li>
            <a href={base} aria-current={props.status ? undefined : 'page'}>
              {t('sprachpool-agencies.admin_all', { count: all })}
            </a>
          </li>
          {AGENCY_STATUSES.map((s) => (
            <li key={s}>
              <a href={`${base}?status=${s}`} aria-current={props.status === s ? 'page' : undefined} data-status-count={s}>
                {t('sprachpool-agencies.admin_status_count', { status: t(`sprachpool.agency_status_${s}`), count: props.counts[s] })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.items.length ? (
        <TableWrap label={title}>
          <table class="spa-table">
            <thead>
              <tr>
                <th scope="col">{t('sprachpool-agencies.col_name')}</th>
                <th scope="col">{t('sprachpool-agencies.col_kind')}</th>
                <th scope="col">{t('sprachpool-agencies.field_city')}</th>
                <th scope="col">{t('sprachpool-agencies.col_status')}</th>
                <th scope="col">{t('sprachpool-agencies.col_contacts')}</th>
                <th scope="col">{t('sprachpool-agencies.col_requests')}</th>
                <th scope="col">{t('sprachpool-agencies.col_registered')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((a) => (
                <tr key={a.id} data-agency={a.id}>
                  <td>
                    <a href={agencyHref(r.id, a.id)}>
                      <bdi>{a.name}</bdi>
                    </a>
                  </td>
                  <td>{t(`sprachpool.agency_kind_${a.kind}`)}</td>
                  <td>{a.city}</td>
                  <td>
                    <AgencyStatusBadge status={a.status} />
                  </td>
                  <td class="spa-num">{a.contactCount}</td>
                  <td class="spa-num" data-requests={`${a.openRequestCount}/${a.requestCount}`}>
                    {t('sprachpool-agencies.requests_open_total', { open: a.openRequestCount, total: a.requestCount })}
                  </td>
                  <td>{formatDay(a.createdAt, r.timezone, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p data-empty="agencies">{t('sprachpool-agencies.admin_none')}</p>
      )}
      <Pagination page={props.page} pages={props.pages} label={t('sprachpool-agencies.pagination')} href={(p) => `${base}?${props.status ? `status=${props.status}&` : ''}page=${p}`} />
    </PoolLayout>
  );
}

/** A status-changing form with the revision (and a reason field where one is asked for). */
function DecisionForm(props: { action: string; revision: number; label: string; variant: 'primary' | 'secondary' | 'danger'; reason?: 'required' | 'optional'; form?: FormState; hint?: string }) {
  const { t, csrfToken } = usePage();
  const f = props.form ?? { values: {}, errors: {} };
  return (
    <form method="post" action={props.action} class="spa-decision" noValidate>
      <input type="hidden" name="_csrf" value={csrfToken()} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      {props.reason ? <TextArea name="reason" label={t('sprachpool-agencies.field_reason')} hint={props.hint} form={f} rows={2} maxLength={1000} required={props.reason === 'required'} /> : null}
      <button type="submit" class={`button button--${props.variant}`}>
        {props.label}
      </button>
    </form>
  );
}

export type AgencyDetailForms = {
  edit?: FormState;
  /** The stored version when the edit met a newer one (409). */
  conflict?: AgencyRow;
  reject?: FormState;
  contact?: FormState;
};

/** /admin/regions/:id/sprachpool/agencies/:agencyId — an institution: decisions, data, contacts, requests. */
export function AgencyDetailPage(props: { detail: AgencyDetail; forms: AgencyDetailForms }) {
  const { t, lang, csrfToken } = usePage();
  const { agency: a, ctx } = props.detail;
  const r = ctx.region;
  const href = agencyHref(r.id, a.id);
  const errors = { ...(props.forms.edit?.errors ?? {}), ...(props.forms.reject?.errors ?? {}), ...(props.forms.contact?.errors ?? {}) };
  const edit: FormState = props.forms.edit ?? {
    values: { name: a.name, kind: a.kind, street: a.street, postalCode: a.postalCode, city: a.city, email: a.email, phone: a.phone, billingReference: a.billingReference, coordinatorNotes: a.coordinatorNotes, revision: String(a.revision) },
    errors: {},
  };
  const contactForm = props.forms.contact ?? { values: {}, errors: {} };
  const counts = props.detail.requestCounts;
  return (
    <PoolLayout region={r} title={a.name} section="agencies">
      <p class="breadcrumbs">
        <a href={agenciesHref(r.id)}>{t('sprachpool-agencies.admin_list_title')}</a>
      </p>
      <h1>
        <bdi>{a.name}</bdi>
      </h1>
      <p>
        <AgencyStatusBadge status={a.status} /> <span class="meta">{t(`sprachpool.agency_kind_${a.kind}`)}</span>
      </p>
      <ErrorSummary errors={errors} />
      {props.forms.conflict ? (
        <div class="notice notice--error" role="alert" data-notice="conflict">
          <p>{t('sprachpool-agencies.error_revision')}</p>
          <p>{t('sprachpool-agencies.conflict_stored', { name: props.forms.conflict.name, address: addressLine(props.forms.conflict), email: props.forms.conflict.email })}</p>
        </div>
      ) : null}

      <section class="spa-decisions" aria-labelledby="spa-decisions-title">
        <h2 id="spa-decisions-title">{t('sprachpool-agencies.admin_decision_title')}</h2>
        <p>{t(`sprachpool-agencies.admin_decision_${a.status}`)}</p>
        <div class="spa-decision-forms">
          {a.status === 'pending' || a.status === 'rejected' ? (
            <DecisionForm action={`${href}/approve`} revision={a.revision} variant="primary" label={t('sprachpool-agencies.approve')} />
          ) : null}
          {a.status === 'pending' ? (
            <DecisionForm action={`${href}/reject`} revision={a.revision} variant="danger" label={t('sprachpool-agencies.reject')} reason="required" form={props.forms.reject} hint={t('sprachpool-agencies.reject_hint')} />
          ) : null}
          {a.status === 'approved' ? <DecisionForm action={`${href}/suspend`} revision={a.revision} variant="danger" label={t('sprachpool-agencies.suspend')} reason="optional" hint={t('sprachpool-agencies.suspend_hint')} /> : null}
          {a.status === 'suspended' ? <DecisionForm action={`${href}/reinstate`} revision={a.revision} variant="primary" label={t('sprachpool-agencies.reinstate')} /> : null}
        </div>
      </section>

      <section aria-labelledby="spa-contacts-title">
        <h2 id="spa-contacts-title">{t('sprachpool-agencies.register_contacts')}</h2>
        <TableWrap>
          <table class="spa-table">
            <thead>
              <tr>
                <th scope="col">{t('sprachpool-agencies.field_contact_name')}</th>
                <th scope="col">{t('sprachpool-agencies.field_contact_position')}</th>
                <th scope="col">{t('sprachpool-agencies.field_contact_email')}</th>
                <th scope="col">{t('sprachpool-agencies.field_contact_phone')}</th>
                <th scope="col">{t('sprachpool-agencies.col_account')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('sprachpool-agencies.col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.detail.contacts.map((c) => (
                <tr key={c.id} data-contact={c.email}>
                  <td>
                    <bdi>{c.name}</bdi>
                  </td>
                  <td>{c.position}</td>
                  <td dir="ltr">{c.email}</td>
                  <td dir="ltr">{c.phone}</td>
                  <td>{c.accountId ? t('sprachpool-agencies.account_linked') : a.status === 'approved' ? t('sprachpool-agencies.account_invited') : '—'}</td>
                  <td>
                    {props.detail.contacts.length > 1 ? (
                      <form method="post" action={`${href}/contacts/${c.id}/remove`} class="inline-form">
                        <input type="hidden" name="_csrf" value={csrfToken()} />
                        <button type="submit" class="link-button">
                          {t('sprachpool-agencies.remove_contact')}
                          <span class="visually-hidden"> {c.name}</span>
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <form method="post" action={`${href}/contacts`} class="spa-form spa-add-contact" noValidate>
          <input type="hidden" name="_csrf" value={csrfToken()} />
          <fieldset>
            <legend>{t('sprachpool-agencies.add_contact')}</legend>
            {a.status === 'approved' ? <p class="hint">{t('sprachpool-agencies.add_contact_invites')}</p> : null}
            <div class="spa-row">
              <TextField name="contactName" label={t('sprachpool-agencies.field_contact_name')} form={contactForm} required maxLength={200} />
              <TextField name="contactEmail" type="email" label={t('sprachpool-agencies.field_contact_email')} form={contactForm} required maxLength={200} dir="ltr" />
            </div>
            <div class="spa-row">
              <TextField name="contactPhone" type="tel" label={t('sprachpool-agencies.field_contact_phone')} form={contactForm} maxLength={50} dir="ltr" />
              <TextField name="contactPosition" label={t('sprachpool-agencies.field_contact_position')} form={contactForm} maxLength={100} />
            </div>
            <button type="submit" class="button button--secondary">
              {t('sprachpool-agencies.add_contact_submit')}
            </button>
          </fieldset>
        </form>
      </section>

      <section aria-labelledby="spa-requests-title">
        <h2 id="spa-requests-title">{t('sprachpool-agencies.admin_requests_title')}</h2>
        <p data-request-counts={`${counts.total}/${counts.open}/${counts.done}/${counts.cancelled}`}>
          {t('sprachpool-agencies.admin_request_counts', { total: counts.total, open: counts.open, done: counts.done, cancelled: counts.cancelled })}
        </p>
        {props.detail.recentRequests.length ? (
          <ul class="spa-recent">
            {props.detail.recentRequests.map((q) => (
              <li key={q.id}>
                <a href={coordinatorRequestHref(r.id, q.id)}>
                  {formatShort(q.startsAt, r.timezone, lang)} · {requestLanguage(t, lang, q)}
                </a>{' '}
                <RequestStatusBadge status={q.status} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="spa-edit-title">
        <h2 id="spa-edit-title">{t('sprachpool-agencies.admin_edit_title')}</h2>
        <form method="post" action={href} class="spa-form" noValidate>
          <input type="hidden" name="_csrf" value={csrfToken()} />
          <input type="hidden" name="revision" value={typeof edit.values.revision === 'string' ? edit.values.revision : String(a.revision)} />
          <AgencyFields form={edit} />
          <TextArea name="coordinatorNotes" label={t('sprachpool-agencies.field_coordinator_notes')} hint={t('sprachpool-agencies.field_coordinator_notes_hint')} form={edit} rows={3} maxLength={4000} />
          <p class="actions">
            <button type="submit" class="button">
              {t('sprachpool-agencies.save')}
            </button>
          </p>
        </form>
      </section>
    </PoolLayout>
  );
}
