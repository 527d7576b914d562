/**
 * The page behind an offer's one-time link (`/{region}/{lang}/sprachpool/offers/{token}`), for mediators without an
 * account too: what the appointment is (no address or join details before accepting), until when to answer, and an
 * accept and a decline form. An answered, taken, withdrawn or expired offer says so and offers nothing to press.
 */
import { Button, ErrorSummary, Form, TextArea, type FormState } from '../../../web/components/forms.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { formatFull } from '../requests-format.js';
import type { OfferView } from '../requests-service.js';
import { Notice, OfferStateBadge, RequestDetails } from './requests-parts.js';

export const offerPageHref = (regionSlug: string, lang: string, token: string): string => `/${regionSlug}/${lang}/sprachpool/offers/${token}`;

const noindex = <meta name="robots" content="noindex, nofollow" />;

export type OfferPageMoment = { done?: 'accepted' | 'declined'; problem?: string; answer?: 'accept' | 'decline'; decline?: FormState };

/** What an offer that can no longer be answered says. */
function StateNotice(props: { view: OfferView }) {
  const { t } = usePage();
  const { state } = props.view;
  if (state === 'open') return null;
  return (
    <Notice kind={state === 'accepted' ? 'success' : 'warning'} id="sp-offer-state">
      <p>
        <strong>{t(`sprachpool-requests.offer_page_${state}`)}</strong>
      </p>
    </Notice>
  );
}

export function OfferLinkPage(props: { region: RegionRow; view: OfferView; token: string; moment?: OfferPageMoment }) {
  const { t, lang } = usePage();
  const { region, view } = props;
  const moment = props.moment ?? {};
  const action = offerPageHref(region.slug, lang, props.token);
  const title = t('sprachpool-requests.offer_page_title');
  const decline = moment.decline ?? { values: {}, errors: {} };
  const acceptForm = (
    <section class="sp-offer-answer" aria-labelledby="sp-accept-title" key="accept">
      <h2 id="sp-accept-title">{t('sprachpool-requests.accept_title')}</h2>
      <p>{t('sprachpool-requests.accept_text')}</p>
      <Form action={action}>
        <input type="hidden" name="answer" value="accept" />
        <Button>{t('sprachpool-requests.accept_action')}</Button>
      </Form>
    </section>
  );
  const declineForm = (
    <section class="sp-offer-answer" aria-labelledby="sp-decline-title" key="decline">
      <h2 id="sp-decline-title">{t('sprachpool-requests.decline_title')}</h2>
      <Form action={action}>
        <input type="hidden" name="answer" value="decline" />
        <TextArea name="reason" label={t('sprachpool-requests.decline_reason')} hint={t('sprachpool-requests.decline_reason_hint')} form={decline} rows={2} maxLength={500} />
        <Button variant="secondary">{t('sprachpool-requests.decline_action')}</Button>
      </Form>
    </section>
  );
  return (
    <PublicLayout title={`${title} – ${region.name}`} region={layoutRegion(region)} head={noindex}>
      <h1>{title}</h1>
      {moment.done ? (
        <Notice kind="success" id="sp-offer-done">
          <p>
            <strong>{t(moment.done === 'accepted' ? 'sprachpool-requests.offer_done_accepted' : 'sprachpool-requests.offer_done_declined', { name: view.mediator.firstName })}</strong>
          </p>
        </Notice>
      ) : null}
      {moment.problem ? (
        <Notice kind="error" id="sp-offer-problem">
          <p>{t(moment.problem)}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={decline.errors} />
      {moment.done || moment.problem ? null : <StateNotice view={view} />}
      <p>{t('sprachpool-requests.offer_page_intro', { name: view.mediator.firstName, region: region.name })}</p>
      <RequestDetails
        request={view.request}
        timeZone={region.timezone}
        level="offer"
        extra={
          <>
            <dt>{t('sprachpool-requests.col_status')}</dt>
            <dd>
              <OfferStateBadge state={view.state} />
            </dd>
            {view.state === 'open' ? (
              <>
                <dt>{t('sprachpool-requests.answer_by')}</dt>
                <dd>{formatFull(view.offer.expiresAt, region.timezone, lang)}</dd>
              </>
            ) : null}
          </>
        }
      />
      {view.state === 'open' ? (
        <>
          <p class="hint">{t('sprachpool-requests.offer_privacy')}</p>
          <div class="sp-offer-answers">{moment.answer === 'decline' ? [declineForm, acceptForm] : [acceptForm, declineForm]}</div>
        </>
      ) : null}
    </PublicLayout>
  );
}

/** 404: a link that matches no offer (mistyped, forged, or another region's). Nothing was changed. */
export function OfferNotFoundPage(props: { region: RegionRow }) {
  const { t } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={`${t('sprachpool-requests.offer_invalid_title')} – ${r.name}`} region={layoutRegion(r)} head={noindex}>
      <div class="error-page">
        <h1>{t('sprachpool-requests.offer_invalid_title')}</h1>
        <p>{t('sprachpool-requests.offer_invalid_text')}</p>
      </div>
    </PublicLayout>
  );
}
