/**
 * One request for the coordinator: details and flags, the assignment, the offers with their states, the explained
 * ranking inside the "send offers" form, the actions (approve, reject with reason, cancel via a confirmation page,
 * no-show after the start) and the status history from the audit log. Every action is a plain form (no script).
 */
import type { FieldErrors } from '../../../platform/errors.js';
import { Button, ErrorSummary, Form, TextArea, type FormState } from '../../../web/components/forms.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { formatShort, requestLanguage, formatDay } from '../requests-format.js';
import { offerState, offeredIds, type HistoryEntry, type RequestDetail } from '../requests-service.js';
import { RankingTable } from './ranking.js';
import { PoolLayout } from './layout.js';
import { FlagBadges, Notice, OfferStateBadge, RequestDetails, RequestStatusBadge, requestHref, requestsHref } from './requests-parts.js';

export type DetailForms = {
  reject?: FormState;
  release?: FormState;
  offers?: { errors: FieldErrors; checked: Set<string> };
  /** Catalog key of why the last action could not be done (409). */
  problem?: string;
};

const KNOWN_VERBS = new Set(['create', 'approve', 'reject', 'offer', 'assign', 'decline', 'reopen', 'expire', 'cancel', 'no_show', 'remind', 'done', 'release', 'withdraw_offer']);
const REASON_FIELDS = ['rejectReason', 'cancelReason', 'declineReason', 'releaseReason'];

function HistoryList(props: { history: HistoryEntry[]; timeZone: string }) {
  const { t, lang } = usePage();
  if (!props.history.length) return <p class="meta">{t('sprachpool-requests.history_empty')}</p>;
  return (
    <ol class="sp-req-history">
      {props.history.map((h, i) => {
        const status = h.changes.status;
        const reason = REASON_FIELDS.map((f) => h.changes[f]?.[1]).find((v): v is string => typeof v === 'string' && v.length > 0);
        return (
          <li key={i}>
            <time datetime={h.at.toISOString()}>{formatShort(h.at, props.timeZone, lang)}</time>{' '}
            <strong>{KNOWN_VERBS.has(h.verb) ? t(`sprachpool-requests.history_${h.verb}`) : h.verb}</strong>
            {status ? (
              <span class="sp-req-history__status">
                {' '}
                ({status[0] ? `${t(`sprachpool.request_status_${String(status[0])}`)} → ` : ''}
                {t(`sprachpool.request_status_${String(status[1])}`)})
              </span>
            ) : null}{' '}
            <span class="meta">
              {h.system ? t(h.actor === 'offer_link' ? 'sprachpool-requests.actor_offer_link' : 'sprachpool-requests.actor_system') : <bdi>{h.actor}</bdi>}
            </span>
            {reason ? (
              <>
                <br />
                <span class="sp-pre">
                  <bdi>{reason}</bdi>
                </span>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function OffersTable(props: { detail: RequestDetail; now: Date }) {
  const { t, lang } = usePage();
  const { detail } = props;
  const tz = detail.ctx.region.timezone;
  if (!detail.offers.length) return <p class="meta">{t('sprachpool-requests.offers_none')}</p>;
  return (
    <TableWrap label={t('sprachpool-requests.offers_title')}>
      <table class="sp-offers-table">
        <TableHead columns={[t('sprachpool-requests.col_mediator'), t('sprachpool-requests.col_sent'), t('sprachpool-requests.col_expires'), t('sprachpool-requests.col_status')]} />
        <tbody>
          {detail.offers.map(({ offer, mediator }) => (
            <tr key={offer.id} data-offer={offer.id}>
              <th scope="row">
                <bdi>
                  {mediator.firstName} {mediator.lastName}
                </bdi>
              </th>
              <td>{formatShort(offer.createdAt, tz, lang)}</td>
              <td>{formatShort(offer.expiresAt, tz, lang)}</td>
              <td>
                <OfferStateBadge state={offerState(offer, detail.request, props.now)} />
                {offer.declineReason ? (
                  <>
                    <br />
                    <span class="meta sp-pre">
                      <bdi>{offer.declineReason}</bdi>
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function AssignmentBox(props: { detail: RequestDetail; release?: FormState | undefined }) {
  const { t } = usePage();
  const { detail } = props;
  const a = detail.assignment;
  if (!a) return null;
  const href = requestHref(detail.ctx.region.id, detail.request.id);
  return (
    <section class="sp-req-assignment" aria-labelledby="sp-assignment-title">
      <h2 id="sp-assignment-title">{t('sprachpool-requests.assignment_title')}</h2>
      <dl class="summary-list">
        <dt>{t('sprachpool-requests.col_mediator')}</dt>
        <dd>
          <bdi>
            {a.mediator.firstName} {a.mediator.lastName}
          </bdi>
        </dd>
        <dt>{t('sprachpool-mail.label_phone')}</dt>
        <dd>
          <bdi dir="ltr">{a.mediator.phone || '–'}</bdi>
        </dd>
        <dt>{t('sprachpool-mail.label_email')}</dt>
        <dd>
          <a href={`mailto:${a.mediator.email}`}>
            <bdi>{a.mediator.email}</bdi>
          </a>
        </dd>
        <dt>{t('sprachpool-requests.assignment_status')}</dt>
        <dd>{t(`sprachpool-requests.assignment_status_${a.assignment.status}`)}</dd>
        {a.timesheetStatus ? (
          <>
            <dt>{t('sprachpool-requests.hours_status')}</dt>
            <dd>{t(`sprachpool.timesheet_status_${a.timesheetStatus}`)}</dd>
          </>
        ) : null}
      </dl>
      {detail.can.noShow ? (
        <Form action={`${href}/no-show`} class="sp-req-action">
          <input type="hidden" name="assignmentId" value={a.assignment.id} />
          <input type="hidden" name="revision" value={String(detail.request.revision)} />
          <p class="hint">{t('sprachpool-requests.no_show_hint')}</p>
          <Button variant="secondary">{t('sprachpool-requests.no_show_action')}</Button>
        </Form>
      ) : null}
      {detail.can.release ? (
        <Form action={`${href}/release`} class="sp-req-action">
          <h3>{t('sprachpool-requests.release_title')}</h3>
          <input type="hidden" name="revision" value={String(detail.request.revision)} />
          <p class="hint">{t('sprachpool-requests.release_hint')}</p>
          <TextArea name="reason" label={t('sprachpool-requests.release_reason')} form={props.release ?? { values: {}, errors: {} }} rows={2} maxLength={1000} required />
          <Button variant="secondary">{t('sprachpool-requests.release_action')}</Button>
        </Form>
      ) : null}
    </section>
  );
}

/** /admin/regions/:id/sprachpool/requests/:requestId */
export function RequestDetailPage(props: { detail: RequestDetail; forms?: DetailForms; now: Date }) {
  const { t, lang } = usePage();
  const { detail } = props;
  const { request: r, ctx } = detail;
  const tz = ctx.region.timezone;
  const href = requestHref(ctx.region.id, r.id);
  const forms = props.forms ?? {};
  const reject = forms.reject ?? { values: {}, errors: {} };
  const offerErrors = forms.offers?.errors ?? {};
  const errors = { ...reject.errors, ...(forms.release?.errors ?? {}), ...offerErrors };
  const title = t('sprachpool-requests.detail_title', { language: requestLanguage(t, lang, r), date: formatDay(r.startsAt, tz, lang) });
  const revision = <input type="hidden" name="revision" value={String(r.revision)} />;
  return (
    <PoolLayout region={ctx.region} title={title} section="requests">
      <p>
        <a href={requestsHref(ctx.region.id)}>{t('sprachpool-requests.back_to_list')}</a>
      </p>
      <h1>
        <bdi>{title}</bdi>
      </h1>
      <div class="sp-req-head">
        <RequestStatusBadge status={r.status} />
        <FlagBadges flags={r.flags} />
      </div>
      {forms.problem ? (
        <Notice kind="error" id="sp-problem">
          <p>{t(forms.problem)}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />

      <section aria-labelledby="sp-details-title">
        <h2 id="sp-details-title">{t('sprachpool-requests.details_title')}</h2>
        <RequestDetails
          request={r}
          timeZone={tz}
          level="full"
          institution={detail.agency.name}
          extra={
            <>
              <dt>{t('sprachpool-requests.label_contact')}</dt>
              <dd>
                {detail.contact ? (
                  <>
                    <bdi>{detail.contact.name}</bdi>, <bdi dir="ltr">{detail.contact.email}</bdi>
                    {detail.contact.phone ? (
                      <>
                        , <bdi dir="ltr">{detail.contact.phone}</bdi>
                      </>
                    ) : null}
                  </>
                ) : (
                  <bdi dir="ltr">{detail.agency.email}</bdi>
                )}
              </dd>
              <dt>{t('sprachpool-requests.label_gender_preference')}</dt>
              <dd>{t(`sprachpool.gender_pref_${r.genderPreference}`)}</dd>
              <dt>{t('sprachpool-requests.label_created')}</dt>
              <dd>{formatShort(r.createdAt, tz, lang)}</dd>
              {r.rejectReason ? (
                <>
                  <dt>{t('sprachpool-requests.label_reject_reason')}</dt>
                  <dd class="sp-pre">
                    <bdi>{r.rejectReason}</bdi>
                  </dd>
                </>
              ) : null}
              {r.status === 'cancelled' ? (
                <>
                  <dt>{t('sprachpool-requests.label_cancelled')}</dt>
                  <dd>
                    {t(`sprachpool-requests.cancelled_by_${r.cancelledBy ?? 'coordinator'}`)}
                    {r.lateCancellation ? (
                      <>
                        {' '}
                        <strong class="badge sp-req-late">{t('sprachpool-requests.late_cancellation')}</strong>
                      </>
                    ) : null}
                    {r.cancelReason ? (
                      <>
                        <br />
                        <span class="sp-pre">
                          <bdi>{r.cancelReason}</bdi>
                        </span>
                      </>
                    ) : null}
                  </dd>
                </>
              ) : null}
            </>
          }
        />
      </section>

      <AssignmentBox detail={detail} release={forms.release} />

      <section aria-labelledby="sp-offers-title">
        <h2 id="sp-offers-title">{t('sprachpool-requests.offers_title')}</h2>
        <OffersTable detail={detail} now={props.now} />
      </section>

      {detail.can.offer && detail.ranking ? (
        <section aria-labelledby="sp-ranking-title" class="sp-req-ranking">
          <h2 id="sp-ranking-title">{t('sprachpool-requests.ranking_title')}</h2>
          <p class="hint">{t('sprachpool-requests.offer_hint', { hours: ctx.settings.offerExpiryHours })}</p>
          <Form action={`${href}/offers`}>
            <div id="f-mediatorIds" class={offerErrors.mediatorIds ? 'field field--error' : 'field'} tabIndex={-1}>
              {offerErrors.mediatorIds ? (
                <p class="field-error">
                  <span class="visually-hidden">{t('common.error_prefix')} </span>
                  {t(offerErrors.mediatorIds.key, offerErrors.mediatorIds.params)}
                </p>
              ) : null}
              <RankingTable ranking={detail.ranking} selectable offered={offeredIds(detail)} checked={forms.offers?.checked ?? new Set()} />
            </div>
            {detail.ranking.ranked.length ? (
              <div class="form-actions">
                <Button>{t('sprachpool-requests.send_offers')}</Button>
              </div>
            ) : null}
          </Form>
        </section>
      ) : null}

      {detail.can.approve || detail.can.reject || detail.can.cancel ? (
        <section aria-labelledby="sp-actions-title" class="sp-req-actions">
          <h2 id="sp-actions-title">{t('sprachpool-requests.actions_title')}</h2>
          {detail.can.approve ? (
            <Form action={`${href}/approve`} class="sp-req-action">
              {revision}
              <p class="hint">{t('sprachpool-requests.approve_hint')}</p>
              <Button>{t('sprachpool-requests.approve_action')}</Button>
            </Form>
          ) : null}
          {detail.can.reject ? (
            <Form action={`${href}/reject`} class="sp-req-action">
              {revision}
              <TextArea name="reason" label={t('sprachpool-requests.reject_reason')} hint={t('sprachpool-requests.reject_hint')} form={reject} rows={3} maxLength={1000} required />
              <Button variant="danger">{t('sprachpool-requests.reject_action')}</Button>
            </Form>
          ) : null}
          {detail.can.cancel ? (
            <Form action={`${href}/cancel`} class="sp-req-action">
              {revision}
              <p class="hint">{t('sprachpool-requests.cancel_hint')}</p>
              <Button variant="danger">{t('sprachpool-requests.cancel_action')}</Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="sp-history-title">
        <h2 id="sp-history-title">{t('sprachpool-requests.history_title')}</h2>
        <HistoryList history={detail.history} timeZone={tz} />
      </section>
    </PoolLayout>
  );
}

/** "Cancel this request?" without script: the reason, then the same form again with `confirmed=1`. */
export function CancelConfirmPage(props: { detail: RequestDetail; form: FormState }) {
  const { t, lang } = usePage();
  const { detail } = props;
  const { request: r, ctx } = detail;
  const href = requestHref(ctx.region.id, r.id);
  const title = t('sprachpool-requests.cancel_title');
  const who = detail.assignment && detail.assignment.assignment.status === 'active' ? `${detail.assignment.mediator.firstName} ${detail.assignment.mediator.lastName}` : null;
  return (
    <PoolLayout region={ctx.region} title={title} section="requests">
      <h1>{title}</h1>
      <ErrorSummary errors={props.form.errors} />
      <p>
        <bdi>{t('sprachpool-requests.detail_title', { language: requestLanguage(t, lang, r), date: formatDay(r.startsAt, ctx.region.timezone, lang) })}</bdi> – <bdi>{detail.agency.name}</bdi>
      </p>
      <p>{who ? t('sprachpool-requests.cancel_message_assigned', { name: who }) : t('sprachpool-requests.cancel_message')}</p>
      <Form action={`${href}/cancel`} class="sp-req-confirm">
        <input type="hidden" name="revision" value={String(r.revision)} />
        <input type="hidden" name="confirmed" value="1" />
        <TextArea name="reason" label={t('sprachpool-requests.cancel_reason')} hint={t('sprachpool-requests.cancel_reason_hint')} form={props.form} rows={3} maxLength={1000} required />
        <div class="form-actions">
          <Button variant="danger">{t('sprachpool-requests.cancel_confirm')}</Button> <a href={href}>{t('sprachpool-requests.confirm_back')}</a>
        </div>
      </Form>
    </PoolLayout>
  );
}
