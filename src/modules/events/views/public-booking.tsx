import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import type { Booking } from '../public.js';
import { eventUrls } from '../urls.js';
import { datetimeAttr, formatWhen } from '../public-format.js';
import { Text } from '../../../web/components/text.js';

/** What brought the reader here: a registration just made, a cancellation just done, or the link from the mail. */
export type BookingMoment = 'new' | 'cancelled' | 'visit';

/**
 * The page behind the cancel link (`urls.cancel`): right after registering it is the confirmation (confirmed, or
 * waitlisted with the place in the queue, and that a mail was sent); later it shows what is booked and the button
 * to cancel; after cancelling it says so.
 */
export function BookingPage(props: { region: RegionRow; booking: Booking; token: string; moment: BookingMoment; problem?: string | undefined }) {
  const { t, lang, csrfToken } = usePage();
  const r = props.region;
  const b = props.booking;
  const reg = b.registration;
  const e = b.entry;
  const action = eventUrls.cancel(r.slug, lang, props.token);
  const status = reg.status;
  return (
    <PublicLayout title={`${t('events-public.booking_title')} – ${r.name}`} region={layoutRegion(r)}>
      <h1>{t('events-public.booking_title')}</h1>
      {props.problem ? (
        <div class="notice notice--error" role="alert" data-notice="booking-problem">
          <p>{t(props.problem)}</p>
        </div>
      ) : null}
      {props.moment === 'new' && status === 'confirmed' ? (
        <div class="notice notice--success" role="status" data-booking="confirmed">
          <p>
            <strong>{t('events-public.booked_confirmed')}</strong>
          </p>
        </div>
      ) : null}
      {(props.moment === 'new' || props.moment === 'visit') && status === 'waitlisted' ? (
        <div class="notice notice--warning" role="status" data-booking="waitlisted">
          <p>
            <strong>{t('events-public.booked_waitlisted', { position: b.position ?? 1 })}</strong>
          </p>
          <p>{t('events-public.booked_waitlisted_text')}</p>
        </div>
      ) : null}
      {props.moment === 'cancelled' || (props.moment === 'visit' && status === 'cancelled') ? (
        <div class="notice notice--success" role="status" data-booking="cancelled">
          <p>
            <strong>{t('events-public.booking_cancelled')}</strong>
          </p>
        </div>
      ) : null}
      {props.moment === 'new' ? <p data-booking-mail={reg.email ? 'sent' : 'none'}>{reg.email ? t('events-public.mail_sent', { email: `\u2068${reg.email}\u2069` }) : t('events-public.keep_this_link')}</p> : null}

      <section class="ev-booking" aria-labelledby="ev-booking-what">
        <h2 id="ev-booking-what">
          <a href={e.href}>
            <Text value={e.title} />
          </a>
        </h2>
        <dl class="summary-list">
          <>
            <dt>{t('events-public.when')}</dt>
            <dd>
              <time datetime={datetimeAttr(e)}>{formatWhen(e, lang, r.timezone, t)}</time>
              {e.cancelled ? (
                <>
                  {' '}
                  <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong>
                </>
              ) : null}
            </dd>
          </>
          {e.place ? (
            <>
              <dt>{t('events-public.place')}</dt>
              <dd>
                <bdi>{e.place}</bdi>
              </dd>
            </>
          ) : null}
          <>
            <dt>{t('events-public.booking_name')}</dt>
            <dd>{reg.name}</dd>
          </>
          <>
            <dt>{t('events-public.booking_people')}</dt>
            <dd>{reg.partySize.toLocaleString([lang, 'de'])}</dd>
          </>
          <>
            <dt>{t('events-public.booking_status')}</dt>
            <dd data-status={status}>{t(`events-public.status_${status}`)}</dd>
          </>
        </dl>
        {status !== 'cancelled' && !e.cancelled ? (
          <p>
            <a href={eventUrls.occurrenceIcs(r.slug, lang, e.eventId, e.occurrenceId)} type="text/calendar" download>
              {t('events-public.add_to_calendar')}
            </a>
          </p>
        ) : null}
      </section>

      {status !== 'cancelled' && !e.past ? (
        <section class="ev-booking-cancel" aria-labelledby="ev-booking-cancel">
          <h2 id="ev-booking-cancel">{t('events-public.cancel_title')}</h2>
          <p>{t(status === 'waitlisted' ? 'events-public.cancel_text_waitlist' : 'events-public.cancel_text')}</p>
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={csrfToken()} />
            <button type="submit" class="button button--danger">
              {t('events-public.cancel_button')}
            </button>
          </form>
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** 404: a cancel link that matches no registration (mistyped, or the data was deleted after the event). */
export function InvalidLinkPage(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={`${t('events-public.invalid_link_title')} – ${r.name}`} region={layoutRegion(r)}>
      <div class="error-page">
        <h1>{t('events-public.invalid_link_title')}</h1>
        <p>{t('events-public.invalid_link_text')}</p>
        <p>
          <a href={eventUrls.list(r.slug, lang)}>{t('events-public.back_to_list')}</a>
        </p>
      </div>
    </PublicLayout>
  );
}
