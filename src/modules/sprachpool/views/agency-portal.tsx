import { Fragment } from 'preact';
import { ErrorSummary, TextArea, type FormState } from '../../../web/components/forms.js';
import { Pagination } from '../../../web/components/pagination.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { PlainText } from '../../../web/components/text.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { AgencyContactRow, AgencyRow } from '../context.js';
import type { AgencyRequestDetail, AgencyRequestItem, AgencyRequestView } from '../requests.js';
import { formatRange, formatShort, placeLine, requestLanguage } from '../requests-format.js';
import type { PoolSettings } from '../settings.js';
import { addressLine, FlagList, formatMoney, newRequestHref, portalRequestHref, portalRequestsHref, RequestStatusBadge } from './agency-parts.js';
import { AgencyLayout } from './layout.js';

/** …/sprachpool/agency — the institution's requests, upcoming or past. */
export function AgencyRequestsPage(props: { region: RegionRow; agency: AgencyRow; view: AgencyRequestView; items: AgencyRequestItem[]; page: number; pages: number }) {
  const { t, lang } = usePage();
  const r = props.region;
  const base = portalRequestsHref(r.id);
  const title = t('sprachpool.agency_requests');
  return (
    <AgencyLayout region={r} title={title} section="requests">
      <h1>{title}</h1>
      <p class="meta">{props.agency.name}</p>
      <ul class="actions">
        <li>
          <a class="button" href={newRequestHref(r.id)}>
            {t('sprachpool.agency_new_request')}
          </a>
        </li>
      </ul>
      <nav class="spa-views" aria-label={t('sprachpool-agencies.portal_views')}>
        <ul>
          {(['upcoming', 'past'] as const).map((v) => (
            <li key={v}>
              <a href={v === 'upcoming' ? base : `${base}?view=past`} aria-current={v === props.view ? 'page' : undefined}>
                {t(`sprachpool-agencies.portal_view_${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.items.length ? (
        <TableWrap label={title}>
          <table class="spa-table" data-requests={props.view}>
            <thead>
              <tr>
                <th scope="col">{t('sprachpool-agencies.col_when')}</th>
                <th scope="col">{t('sprachpool-agencies.col_language')}</th>
                <th scope="col">{t('sprachpool-agencies.col_setting')}</th>
                <th scope="col">{t('sprachpool-agencies.col_status')}</th>
                <th scope="col">{t('sprachpool-agencies.col_mediator')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.id} data-request={i.id}>
                  <td>
                    <a href={portalRequestHref(r.id, i.id)}>{formatShort(i.startsAt, r.timezone, lang)}</a>
                  </td>
                  <td>
                    {requestLanguage(t, lang, i)}
                    <span class="meta"> · {t(`sprachpool.mode_${i.mode}`)}</span>
                  </td>
                  <td>{t(`sprachpool.setting_${i.setting}`)}</td>
                  <td>
                    <RequestStatusBadge status={i.status} />
                    {i.lateCancellation ? <span class="meta"> · {t('sprachpool-agencies.late_cancellation')}</span> : null}
                    <FlagList flags={i.flags} />
                  </td>
                  <td>{i.mediatorFirstName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p data-empty="requests">{t(props.view === 'upcoming' ? 'sprachpool-agencies.portal_none_upcoming' : 'sprachpool-agencies.portal_none_past')}</p>
      )}
      <Pagination page={props.page} pages={props.pages} label={t('sprachpool-agencies.pagination')} href={(p) => `${base}?view=${props.view}&page=${p}`} />
    </AgencyLayout>
  );
}

/** The details of a request as the institution entered them. */
function RequestSummary(props: { region: RegionRow; detail: AgencyRequestDetail }) {
  const { t, lang } = usePage();
  const q = props.detail.request;
  const rows: [string, string][] = [
    [t('sprachpool-agencies.field_language'), requestLanguage(t, lang, q)],
    [t('sprachpool-agencies.col_when'), formatRange(q.startsAt, q.endsAt, props.region.timezone, lang)],
    [t('sprachpool-agencies.field_mode'), t(`sprachpool.mode_${q.mode}`)],
    [t('sprachpool-agencies.field_setting'), `${t(`sprachpool.setting_${q.setting}`)} – ${t(`sprachpool.topic_${q.topic}`)}`],
    [t('sprachpool-agencies.field_gender'), t(`sprachpool.gender_pref_${q.genderPreference}`)],
  ];
  if (q.mode === 'on_site') rows.push([t('sprachpool-agencies.form_where_title'), placeLine(q)]);
  else rows.push([t('sprachpool-agencies.field_join_info'), q.joinInfo]);
  if (q.onSiteContact) rows.push([t('sprachpool-agencies.field_on_site_contact'), q.onSiteContact]);
  return (
    <dl class="summary-list">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>
            <bdi>{v}</bdi>
          </dd>
        </Fragment>
      ))}
      {q.notes ? (
        <>
          <dt>{t('sprachpool-agencies.field_notes')}</dt>
          <dd>
            <PlainText text={q.notes} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The cancellation terms in words: free until …, or late (with the fee when the region charges one). */
function CancellationTerms(props: { region: RegionRow; detail: AgencyRequestDetail; settings: PoolSettings }) {
  const { t, lang } = usePage();
  const c = props.detail.cancellation;
  const when = formatShort(c.freeUntil, props.region.timezone, lang);
  if (!c.late) return <p data-cancellation="free">{t('sprachpool-agencies.cancel_free_until', { when })}</p>;
  const fee = props.settings.lateCancellationFeeCents;
  return (
    <p data-cancellation="late">
      {fee > 0 ? t('sprachpool-agencies.cancel_late_fee', { hours: props.settings.freeCancellationHours, fee: formatMoney(fee, lang) }) : t('sprachpool-agencies.cancel_late', { hours: props.settings.freeCancellationHours })}
    </p>
  );
}

/** …/sprachpool/agency/requests/:requestId — one request: status, the mediator once assigned, cancel, hours. */
export function AgencyRequestPage(props: { region: RegionRow; detail: AgencyRequestDetail; settings: PoolSettings; cancelForm?: FormState }) {
  const { t, csrfToken } = usePage();
  const r = props.region;
  const d = props.detail;
  const q = d.request;
  const title = t('sprachpool-agencies.request_title');
  const f = props.cancelForm ?? { values: {}, errors: {} };
  const hoursHref = `${portalRequestHref(r.id, q.id)}/hours`;
  return (
    <AgencyLayout region={r} title={title} section="requests">
      <p class="breadcrumbs">
        <a href={portalRequestsHref(r.id)}>{t('sprachpool.agency_requests')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <RequestStatusBadge status={q.status} />
        {q.lateCancellation ? <span class="meta"> · {t('sprachpool-agencies.late_cancellation')}</span> : null}
      </p>
      <FlagList flags={q.flags} />
      {q.flags.includes('no_speaker') ? <p class="notice notice--warning" data-notice="no-speaker">{t('sprachpool-agencies.no_speaker_notice')}</p> : null}
      {q.status === 'rejected' && q.rejectReason ? <p class="notice">{t('sprachpool-agencies.rejected_reason', { reason: q.rejectReason })}</p> : null}
      {q.status === 'cancelled' && q.cancelReason ? <p class="notice">{t('sprachpool-agencies.cancelled_reason', { reason: q.cancelReason })}</p> : null}

      {d.mediator ? (
        <section class="spa-mediator" aria-labelledby="spa-mediator-title" data-mediator="assigned">
          <h2 id="spa-mediator-title">{t('sprachpool-agencies.mediator_title')}</h2>
          <dl class="summary-list">
            <dt>{t('sprachpool-agencies.mediator_name')}</dt>
            <dd>
              <bdi>{d.mediator.firstName}</bdi>
            </dd>
            {d.mediator.phone ? (
              <>
                <dt>{t('sprachpool-agencies.mediator_phone')}</dt>
                <dd>
                  <a href={`tel:${d.mediator.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                    {d.mediator.phone}
                  </a>
                </dd>
              </>
            ) : null}
            <dt>{t('sprachpool-agencies.mediator_email')}</dt>
            <dd>
              <a href={`mailto:${d.mediator.email}`} dir="ltr">
                {d.mediator.email}
              </a>
            </dd>
          </dl>
          <p class="hint">{t('sprachpool-agencies.mediator_hint')}</p>
        </section>
      ) : null}

      <h2>{t('sprachpool-agencies.request_details')}</h2>
      <RequestSummary region={r} detail={d} />

      {d.timesheet || q.status === 'done' ? (
        <p>
          <a class="button button--secondary" href={hoursHref} data-link="hours">
            {t('sprachpool-agencies.hours_link')}
          </a>
          {d.timesheet ? <span class="meta"> · {t(`sprachpool.timesheet_status_${d.timesheet.status}`)}</span> : null}
        </p>
      ) : null}

      {d.cancellation.possible ? (
        <section class="spa-cancel" aria-labelledby="spa-cancel-title">
          <h2 id="spa-cancel-title">{t('sprachpool-agencies.cancel_title')}</h2>
          <CancellationTerms region={r} detail={d} settings={props.settings} />
          <ErrorSummary errors={f.errors} />
          <form method="post" action={`${portalRequestHref(r.id, q.id)}/cancel`} noValidate>
            <input type="hidden" name="_csrf" value={csrfToken()} />
            <input type="hidden" name="revision" value={String(q.revision)} />
            <TextArea name="reason" label={t('sprachpool-agencies.cancel_reason')} hint={t('sprachpool-agencies.cancel_reason_hint')} form={f} rows={2} maxLength={1000} />
            <button type="submit" class="button button--secondary">
              {t('sprachpool-agencies.cancel_next')}
            </button>
          </form>
        </section>
      ) : null}
    </AgencyLayout>
  );
}

/** The confirm step of a cancellation: free or late, and the button that cancels. */
export function CancelConfirmPage(props: { region: RegionRow; detail: AgencyRequestDetail; settings: PoolSettings; form: FormState; problem?: string }) {
  const { t, lang, csrfToken } = usePage();
  const r = props.region;
  const q = props.detail.request;
  const title = t('sprachpool-agencies.cancel_confirm_title');
  const reason = typeof props.form.values.reason === 'string' ? props.form.values.reason : '';
  return (
    <AgencyLayout region={r} title={title} section="requests">
      <p class="breadcrumbs">
        <a href={portalRequestsHref(r.id)}>{t('sprachpool.agency_requests')}</a> › <a href={portalRequestHref(r.id, q.id)}>{t('sprachpool-agencies.request_title')}</a>
      </p>
      <h1>{title}</h1>
      {props.problem ? (
        <div class="notice notice--error" role="alert">
          <p>{t(props.problem)}</p>
        </div>
      ) : null}
      <ErrorSummary errors={props.form.errors} />
      <p>
        <strong>
          {requestLanguage(t, lang, q)} · {formatRange(q.startsAt, q.endsAt, r.timezone, lang)}
        </strong>
      </p>
      <div class={`notice ${props.detail.cancellation.late ? 'notice--warning' : ''}`} data-confirm={props.detail.cancellation.late ? 'late' : 'free'}>
        <CancellationTerms region={r} detail={props.detail} settings={props.settings} />
      </div>
      {reason ? <p>{t('sprachpool-agencies.cancelled_reason', { reason })}</p> : null}
      {props.detail.cancellation.possible ? (
      <form method="post" action={`${portalRequestHref(r.id, q.id)}/cancel`} noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <input type="hidden" name="revision" value={String(q.revision)} />
        <input type="hidden" name="reason" value={reason} />
        <input type="hidden" name="confirmed" value="1" />
        <p class="actions">
          <button type="submit" class="button button--danger">
            {t('sprachpool-agencies.cancel_confirm')}
          </button>
          <a href={portalRequestHref(r.id, q.id)}>{t('sprachpool-agencies.cancel_keep')}</a>
        </p>
      </form>
      ) : (
        <p>
          <a href={portalRequestHref(r.id, q.id)}>{t('sprachpool-agencies.back_to_request')}</a>
        </p>
      )}
    </AgencyLayout>
  );
}

/** …/sprachpool/agency/institution — the institution's data and contact people, read-only. */
export function AgencyInstitutionPage(props: { region: RegionRow; agency: AgencyRow; contacts: AgencyContactRow[]; contact: AgencyContactRow; settings: PoolSettings }) {
  const { t } = usePage();
  const a = props.agency;
  const title = t('sprachpool.agency_institution');
  return (
    <AgencyLayout region={props.region} title={title} section="institution">
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t('sprachpool-agencies.field_name')}</dt>
        <dd>
          <bdi>{a.name}</bdi>
        </dd>
        <dt>{t('sprachpool-agencies.field_kind')}</dt>
        <dd>{t(`sprachpool.agency_kind_${a.kind}`)}</dd>
        <dt>{t('sprachpool-agencies.field_address')}</dt>
        <dd>
          <bdi>{addressLine(a)}</bdi>
        </dd>
        <dt>{t('sprachpool-agencies.field_email')}</dt>
        <dd dir="ltr">{a.email}</dd>
        {a.phone ? (
          <>
            <dt>{t('sprachpool-agencies.field_phone')}</dt>
            <dd dir="ltr">{a.phone}</dd>
          </>
        ) : null}
        {a.billingReference ? (
          <>
            <dt>{t('sprachpool-agencies.field_billing')}</dt>
            <dd>
              <PlainText text={a.billingReference} />
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('sprachpool-agencies.register_contacts')}</h2>
      <TableWrap>
        <table class="spa-table">
          <thead>
            <tr>
              <th scope="col">{t('sprachpool-agencies.field_contact_name')}</th>
              <th scope="col">{t('sprachpool-agencies.field_contact_position')}</th>
              <th scope="col">{t('sprachpool-agencies.field_contact_email')}</th>
              <th scope="col">{t('sprachpool-agencies.field_contact_phone')}</th>
            </tr>
          </thead>
          <tbody>
            {props.contacts.map((c) => (
              <tr key={c.id} data-contact={c.email}>
                <td>
                  <bdi>{c.name}</bdi>
                  {c.id === props.contact.id ? <span class="meta"> ({t('sprachpool-agencies.you')})</span> : null}
                </td>
                <td>{c.position}</td>
                <td dir="ltr">{c.email}</td>
                <td dir="ltr">{c.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="hint">{props.settings.contactEmail ? t('sprachpool-agencies.institution_change_contact', { email: props.settings.contactEmail }) : t('sprachpool-agencies.institution_change')}</p>
    </AgencyLayout>
  );
}
