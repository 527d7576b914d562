/**
 * The mediator's offers inbox: open offers with what the appointment is and until when to answer, each with an
 * accept and a decline form (POST, no script), then the offers answered or gone in the last weeks.
 */
import { Button, ErrorSummary, Form, TextArea, type FormState } from '../../../web/components/forms.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { PoolContext } from '../context.js';
import { formatFull, formatShort, requestLanguage } from '../requests-format.js';
import type { PortalOffer } from '../requests-service.js';
import { PortalLayout } from './layout.js';
import { Notice, OfferStateBadge, portalOffersHref, RequestDetails } from './requests-parts.js';

export type PortalOffersState = { problem?: string; decline?: { offerId: string; form: FormState } };

function OpenOffer(props: { ctx: PoolContext; item: PortalOffer; decline?: FormState | undefined }) {
  const { t, lang } = usePage();
  const { ctx, item } = props;
  const base = `${portalOffersHref(ctx.region.id)}/${item.offer.id}`;
  const headingId = `sp-offer-${item.offer.id}`;
  const decline = props.decline ?? { values: {}, errors: {} };
  return (
    <article class="sp-offer-card" aria-labelledby={headingId} data-offer={item.offer.id}>
      <h3 id={headingId}>
        <bdi>{requestLanguage(t, lang, item.request)}</bdi> – {formatShort(item.request.startsAt, ctx.region.timezone, lang)}
      </h3>
      <RequestDetails
        request={item.request}
        timeZone={ctx.region.timezone}
        level="offer"
        extra={
          <>
            <dt>{t('sprachpool-requests.answer_by')}</dt>
            <dd>{formatFull(item.offer.expiresAt, ctx.region.timezone, lang)}</dd>
          </>
        }
      />
      <div class="sp-offer-answers">
        <Form action={`${base}/accept`} class="sp-offer-answer">
          <Button>{t('sprachpool-requests.accept_action')}</Button>
        </Form>
        <Form action={`${base}/decline`} class="sp-offer-answer">
          <details open={Boolean(props.decline)}>
            <summary class="toggle-button">{t('sprachpool-requests.decline_title')}</summary>
            <TextArea name="reason" label={t('sprachpool-requests.decline_reason')} hint={t('sprachpool-requests.decline_reason_hint')} form={decline} rows={2} maxLength={500} />
            <Button variant="secondary">{t('sprachpool-requests.decline_action')}</Button>
          </details>
        </Form>
      </div>
    </article>
  );
}

/** …/sprachpool/me/offers */
export function PortalOffersPage(props: { ctx: PoolContext; open: PortalOffer[]; answered: PortalOffer[]; state?: PortalOffersState }) {
  const { t, lang } = usePage();
  const { ctx } = props;
  const state = props.state ?? {};
  const title = t('sprachpool-requests.portal_offers_title');
  return (
    <PortalLayout region={ctx.region} title={title} section="offers">
      <h1>{title}</h1>
      {state.problem ? (
        <Notice kind="error" id="sp-problem">
          <p>{t(state.problem)}</p>
        </Notice>
      ) : null}
      {state.decline ? <ErrorSummary errors={state.decline.form.errors} /> : null}
      <p class="hint">{t('sprachpool-requests.portal_offers_hint')}</p>
      <section aria-labelledby="sp-open-offers">
        <h2 id="sp-open-offers">{t('sprachpool-requests.portal_open_offers', { count: props.open.length })}</h2>
        {props.open.length ? (
          props.open.map((item) => <OpenOffer key={item.offer.id} ctx={ctx} item={item} decline={state.decline?.offerId === item.offer.id ? state.decline.form : undefined} />)
        ) : (
          <p class="meta">{t('sprachpool-requests.portal_no_open_offers')}</p>
        )}
      </section>
      <section aria-labelledby="sp-answered-offers">
        <h2 id="sp-answered-offers">{t('sprachpool-requests.portal_answered_offers')}</h2>
        {props.answered.length ? (
          <TableWrap label={t('sprachpool-requests.portal_answered_offers')}>
            <table class="sp-offers-table">
              <TableHead columns={[t('sprachpool-requests.col_when'), t('sprachpool-requests.col_language'), t('sprachpool-requests.col_mode'), t('sprachpool-requests.col_status')]} />
              <tbody>
                {props.answered.map((item) => (
                  <tr key={item.offer.id} data-offer={item.offer.id}>
                    <td>{formatShort(item.request.startsAt, ctx.region.timezone, lang)}</td>
                    <td>
                      <bdi>{requestLanguage(t, lang, item.request)}</bdi>
                    </td>
                    <td>{t(`sprachpool.mode_${item.request.mode}`)}</td>
                    <td>
                      <OfferStateBadge state={item.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p class="meta">{t('sprachpool-requests.portal_no_answered')}</p>
        )}
      </section>
    </PortalLayout>
  );
}
