import type { ComponentChildren } from 'preact';
import { languageInfo, uiLanguageFor } from '../../../platform/i18n/languages.js';
import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { ErrorSummary, TextArea, TextField, type FormState, valueOf, describedBy, FieldShell } from '../../../web/components/forms.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { Paragraphs, Text } from '../../../web/components/text.js';
import { usePage } from '../../../web/page-context.js';
import { languageNameIn } from '../../guide/index.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { jsonLdText } from '../jsonld.js';
import { dateJsonLd, type DateEntry, type EventDetail, type Localised, type OccurrenceDetail } from '../public.js';
import { eventUrls } from '../urls.js';
import { Breadcrumbs, DateBadges, SeatsBadge } from './public-parts.js';
import { datetimeAttr, formatWhen } from '../public-format.js';

/** A price as the reader's language writes euros ("5,00 €", "€5.00"). */
function formatPrice(price: string, lang: string): string {
  const options: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR' };
  try {
    return new Intl.NumberFormat([lang, uiLanguageFor(lang)], options).format(Number(price));
  } catch {
    return new Intl.NumberFormat('de', options).format(Number(price));
  }
}

/** A text that only exists in the source language (accessibility notes, cost note), marked with its language. */
function sourceText(text: string, sourceLanguage: string): Localised {
  return { text, lang: sourceLanguage };
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="ev-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Notices(props: { detail: EventDetail }) {
  const { t, lang } = usePage();
  const d = props.detail;
  const source = languageNameIn(d.sourceLanguage, lang);
  return (
    <>
      {d.cancelled ? (
        <div class="notice notice--warning" data-notice="event-cancelled" role="status">
          <p>{t('events-public.event_cancelled_notice')}</p>
        </div>
      ) : null}
      {d.texts.fallback ? (
        <div class="notice notice--warning" data-notice="fallback">
          <p>{t('events-public.fallback_notice', { source })}</p>
        </div>
      ) : null}
      {d.texts.outdated ? (
        <div class="notice notice--warning" data-notice="outdated">
          <p>{t('events-public.outdated_notice', { source })}</p>
        </div>
      ) : null}
      {d.texts.machine ? (
        <div class="notice" data-notice="machine">
          <p>{t('events-public.machine_notice')}</p>
        </div>
      ) : null}
    </>
  );
}

/** The dates to come of an event: when, state, link to each date's page. */
function UpcomingDates(props: { detail: EventDetail; timeZone: string; current?: string }) {
  const { t, lang } = usePage();
  const d = props.detail;
  if (!d.upcoming.length) return <p>{t('events-public.no_upcoming')}</p>;
  return (
    <>
      <ul class="ev-dates">
        {d.upcoming.map((e) => (
          <li key={e.occurrenceId} class={e.cancelled ? 'ev-dates__item ev-dates__item--cancelled' : 'ev-dates__item'} data-occurrence-id={e.occurrenceId}>
            {e.occurrenceId === props.current ? (
              <span aria-current="page">
                <time datetime={datetimeAttr(e)}>{formatWhen(e, lang, props.timeZone, t)}</time>
              </span>
            ) : (
              <a href={e.href}>
                <time datetime={datetimeAttr(e)}>{formatWhen(e, lang, props.timeZone, t)}</time>
              </a>
            )}{' '}
            {e.cancelled ? <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong> : <SeatsBadge seats={e.seats} />}
          </li>
        ))}
      </ul>
      {d.upcomingTotal > d.upcoming.length ? <p>{t('events-public.more_dates', { count: d.upcomingTotal - d.upcoming.length })}</p> : null}
    </>
  );
}

/** Place, organiser, contact, languages, accessibility, costs and documentation: the same on event and date pages. */
function Facts(props: { detail: EventDetail; region: RegionRow }) {
  const { t, lang } = usePage();
  const d = props.detail;
  const e = d.event;
  const src = d.sourceLanguage;
  const free = e.price === null || Number(e.price) === 0;
  return (
    <>
      {d.place || e.onlineUrl ? (
        <Section id="ev-place" title={t('events-public.place')}>
          {d.place ? (
            <p class="ev-place__address">
              {d.place.name ? (
                <>
                  <strong>{d.place.name}</strong>
                  <br />
                </>
              ) : null}
              {[d.place.street, [d.place.postalCode, d.place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
              {d.place.lat !== null && d.place.lon !== null ? (
                <>
                  <br />
                  <a href={`https://www.openstreetmap.org/directions?to=${d.place.lat.toFixed(6)}%2C${d.place.lon.toFixed(6)}`}>{t('events-public.directions')}</a>
                </>
              ) : null}
            </p>
          ) : null}
          {d.servicesHere.length ? (
            <>
              <p class="ev-place__services-title">{t('events-public.services_here')}</p>
              <ul class="ev-place__services">
                {d.servicesHere.map((s) => (
                  <li key={s.href}>
                    <a href={s.href}>
                      <Text value={s.name} />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {e.onlineUrl ? (
            <p class="ev-place__online">
              {t('events-public.online_link')}:{' '}
              <a href={e.onlineUrl} rel="noopener nofollow" dir="ltr">
                {e.onlineUrl.replace(/^https?:\/\//, '')}
              </a>
            </p>
          ) : null}
        </Section>
      ) : null}

      {d.organizer.name || e.contactEmail || e.contactPhone ? (
        <Section id="ev-organizer" title={t('events-public.organizer')}>
          {d.organizer.name ? (
            <p lang={src !== lang ? src : undefined}>
              {d.organizer.website ? (
                <a href={d.organizer.website} rel="noopener">
                  {d.organizer.name}
                </a>
              ) : (
                d.organizer.name
              )}
            </p>
          ) : null}
          {e.contactEmail || e.contactPhone ? (
            <ul class="ev-contact">
              {e.contactEmail ? (
                <li>
                  {t('events-public.email')}:{' '}
                  <a href={`mailto:${e.contactEmail}`} dir="ltr">
                    {e.contactEmail}
                  </a>
                </li>
              ) : null}
              {e.contactPhone ? (
                <li>
                  {t('events-public.phone')}:{' '}
                  <a href={`tel:${e.contactPhone.replace(/[^\d+]/g, '')}`} dir="ltr">
                    {e.contactPhone}
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </Section>
      ) : null}

      {e.languages.length || e.mediationAvailable ? (
        <Section id="ev-languages" title={t('events-public.languages')}>
          {e.languages.length ? (
            <ul class="inline-list ev-languages">
              {e.languages.map((code) => (
                <li key={code}>{languageNameIn(code, lang)}</li>
              ))}
            </ul>
          ) : null}
          {e.mediationAvailable ? <p class="ev-mediation">{t('events-public.mediation_available')}</p> : null}
        </Section>
      ) : null}

      {e.accessibility ? (
        <Section id="ev-accessibility" title={t('events-public.accessibility')}>
          <Paragraphs value={sourceText(e.accessibility, src)} />
        </Section>
      ) : null}

      <Section id="ev-costs" title={t('events-public.costs')}>
        <p class="ev-price">{free ? t('events-public.free_of_charge') : t('events-public.price', { price: formatPrice(e.price ?? '0', lang) })}</p>
        {e.costNote ? <Paragraphs value={sourceText(e.costNote, src)} /> : null}
      </Section>

      {d.documented.length ? (
        <Section id="ev-documentation" title={t('events-public.documentation')}>
          <ul class="ev-dates">
            {d.documented.map((o) => (
              <li key={o.occurrenceId}>
                <a href={o.href}>{t('events-public.documentation_of', { date: formatWhen(o, lang, props.region.timezone, t) })}</a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function Picture(props: { detail: EventDetail }) {
  const { lang } = usePage();
  const img = props.detail.image;
  if (!img) return null;
  return (
    <img class="ev-image" src={img.src} srcset={img.srcset} sizes={img.sizes} width={img.width} height={img.height} alt={img.alt} lang={img.alt && img.lang !== lang ? img.lang : undefined} />
  );
}

function Description(props: { detail: EventDetail }) {
  const { lang } = usePage();
  const desc = props.detail.texts.descriptionHtml;
  if (!props.detail.descriptionText) return null;
  const other = desc.lang !== lang;
  return <SanitizedHtml html={trustStoredHtml(desc.text)} class="guide-content ev-description" lang={other ? desc.lang : undefined} dir={other ? languageInfo(desc.lang).direction : undefined} />;
}

function Title(props: { detail: EventDetail }) {
  const { lang } = usePage();
  const title = props.detail.texts.title;
  const other = title.lang !== lang;
  return (
    <h1 id="ev-title" lang={other ? title.lang : undefined} dir={other ? languageInfo(title.lang).direction : undefined}>
      {title.text}
    </h1>
  );
}

function head(props: { baseUrl: string; href: string; detail: EventDetail; jsonLd?: Record<string, unknown> | Record<string, unknown>[] }) {
  return (
    <>
      <link rel="canonical" href={`${props.baseUrl}${props.href}`} />
      {props.detail.descriptionText ? <meta name="description" content={props.detail.descriptionText.slice(0, 200)} /> : null}
      {props.jsonLd && (!Array.isArray(props.jsonLd) || props.jsonLd.length > 0) ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(props.jsonLd) }} /> : null}
    </>
  );
}

/** `/{region}/{lang}/events/{eventId}`: the event with all its dates to come. */
export function EventDetailPage(props: { region: RegionRow; detail: EventDetail; baseUrl: string }) {
  const { t, lang } = usePage();
  const r = props.region;
  const d = props.detail;
  return (
    <PublicLayout title={`${d.texts.title.text} – ${r.name}`} region={layoutRegion(r)} head={head({ baseUrl: props.baseUrl, href: d.href, detail: d, jsonLd: d.upcoming.slice(0, 10).map((entry) => dateJsonLd(d, entry, props.baseUrl)) })}>
      <Breadcrumbs regionSlug={r.slug} regionName={r.name}>
        <li>
          <a href={eventUrls.list(r.slug, lang)}>{t('events-public.list_title')}</a>
        </li>
      </Breadcrumbs>
      <article class="ev-event" aria-labelledby="ev-title">
        <Title detail={d} />
        <p class="ev-badges">
          <a class="tag" href={`${eventUrls.list(r.slug, lang)}?category=${d.event.category}`}>
            {t(`events.category_${d.event.category}`)}
          </a>
          {d.event.mediationAvailable ? <span class="tag ev-badge--mediation">{t('events-public.badge_mediation')}</span> : null}
        </p>
        <Notices detail={d} />
        <Picture detail={d} />
        <Description detail={d} />
        <Section id="ev-dates" title={t('events-public.dates')}>
          <UpcomingDates detail={d} timeZone={r.timezone} />
        </Section>
        <Facts detail={d} region={r} />
      </article>
    </PublicLayout>
  );
}

/** The registration form's state: values and field messages (422), or a message for the whole form (409). */
export type RegistrationFormState = FormState & { problem?: string | undefined };

function RegistrationForm(props: { region: RegionRow; detail: OccurrenceDetail; form: RegistrationFormState }) {
  const { t, lang, csrfToken } = usePage();
  const d = props.detail;
  const e = d.event;
  const f = props.form;
  const party = valueOf(f, 'partySize') || '1';
  const language = valueOf(f, 'language') || lang;
  const languages = [...new Set([lang, ...props.region.languages])];
  const waitlist = d.entry.seats?.kind === 'waitlist';
  return (
    <>
      {f.problem ? (
        <div class="notice notice--error" role="alert" data-notice="registration-problem" tabIndex={-1}>
          <p>{t(f.problem)}</p>
        </div>
      ) : null}
      <ErrorSummary errors={f.errors} />
      <form method="post" action={d.entry.href} class="ev-register" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <TextField name="name" label={t('events-public.field_name')} form={f} required autocomplete="name" maxLength={200} />
        <TextField name="email" type="email" label={t('events-public.field_email')} hint={t('events-public.contact_hint')} form={f} autocomplete="email" maxLength={254} dir="ltr" />
        <TextField name="phone" type="tel" label={t('events-public.field_phone')} form={f} autocomplete="tel" maxLength={50} dir="ltr" />
        <FieldShell name="language" label={t('events-public.field_language')} hint={t('events-public.field_language_hint')} form={f} required>
          <select id="f-language" name="language" aria-describedby={describedBy({ name: 'language', form: f, hint: 'x' })} aria-invalid={f.errors.language ? 'true' : undefined}>
            {languages.map((code) => (
              <option key={code} value={code} selected={code === language}>
                {languageNameIn(code, lang)}
              </option>
            ))}
          </select>
        </FieldShell>
        <FieldShell name="partySize" label={t('events-public.field_party')} hint={t('events-public.field_party_hint', { max: e.maxPartySize })} form={f} required>
          <select id="f-partySize" name="partySize" aria-describedby={describedBy({ name: 'partySize', form: f, hint: 'x' })} aria-invalid={f.errors.partySize ? 'true' : undefined}>
            {Array.from({ length: e.maxPartySize }, (_, i) => String(i + 1)).map((n) => (
              <option key={n} value={n} selected={n === party}>
                {Number(n).toLocaleString([lang, 'de'])}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextArea name="accessibilityNeeds" label={t('events-public.field_needs')} hint={t('events-public.field_needs_hint')} form={f} rows={3} maxLength={1000} />
        {/* Bots fill every field; people never see this one. */}
        <p class="visually-hidden" aria-hidden="true">
          <label for="ev-website">{t('events-public.honeypot')}</label>
          <input id="ev-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
        </p>
        <p class="hint ev-register__privacy">{t('events-public.privacy_note', { days: d.retentionDays })}</p>
        <button type="submit" class="button">
          {waitlist ? t('events-public.submit_waitlist') : t('events-public.submit')}
        </button>
      </form>
    </>
  );
}

function Registration(props: { region: RegionRow; detail: OccurrenceDetail; form: RegistrationFormState }) {
  const { t } = usePage();
  const d = props.detail;
  const reason = d.closedReason;
  if (reason === 'registration_not_offered' && !d.event.registrationRequired) {
    if (d.entry.cancelled || d.entry.past) return null;
    return (
      <Section id="ev-registration" title={t('events-public.registration')}>
        <p data-registration="not-needed">{t('events-public.no_registration_needed')}</p>
      </Section>
    );
  }
  return (
    <Section id="ev-registration" title={t('events-public.registration')}>
      {reason ? (
        <p class="notice" data-registration="closed" data-reason={reason}>
          {t(`events.error_${reason}`)}
        </p>
      ) : (
        <>
          {d.entry.seats?.kind === 'left' ? (
            <p class="ev-seats" data-registration="places">
              {t('events-public.places_left', { count: d.entry.seats.count })}
            </p>
          ) : d.entry.seats?.kind === 'waitlist' ? (
            <p class="notice notice--warning" data-registration="waitlist">
              {t('events-public.full_waitlist')}
            </p>
          ) : null}
          <RegistrationForm region={props.region} detail={d} form={props.form} />
        </>
      )}
    </Section>
  );
}

/** `/{region}/{lang}/events/{eventId}/{occurrenceId}`: one date, with "add to calendar", registration and JSON-LD. */
export function OccurrencePage(props: { region: RegionRow; detail: OccurrenceDetail; baseUrl: string; form: RegistrationFormState }) {
  const { t, lang } = usePage();
  const r = props.region;
  const d = props.detail;
  const entry: DateEntry = d.entry;
  return (
    <PublicLayout title={`${d.texts.title.text} – ${formatWhen(entry, lang, r.timezone, t)} – ${r.name}`} region={layoutRegion(r)} head={head({ baseUrl: props.baseUrl, href: entry.href, detail: d, jsonLd: d.jsonLd })}>
      <Breadcrumbs regionSlug={r.slug} regionName={r.name}>
        <li>
          <a href={eventUrls.list(r.slug, lang)}>{t('events-public.list_title')}</a>
        </li>
        <li>
          <a href={d.href}>
            <Text value={d.texts.title} />
          </a>
        </li>
      </Breadcrumbs>
      <article class="ev-event" aria-labelledby="ev-title">
        <Title detail={d} />
        <div class={`ev-when${entry.cancelled ? ' ev-when--cancelled' : ''}`}>
          <p class="ev-when__date">
            <time datetime={datetimeAttr(entry)}>{formatWhen(entry, lang, r.timezone, t)}</time>
          </p>
          {entry.cancelled ? (
            <p class="ev-when__status" data-status="cancelled">
              <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong> {t('events-public.date_cancelled_text')}
            </p>
          ) : null}
          {entry.cancelled && entry.cancelReason ? (
            <p class="ev-when__reason" data-cancel-reason="true" lang={r.sourceLanguage}>
              <bdi>{entry.cancelReason}</bdi>
            </p>
          ) : null}
          {entry.cancelled ? null : entry.past ? (
            <p class="ev-when__status" data-status="past">
              {t('events-public.date_past')}
            </p>
          ) : null}
          {d.place ? (
            <p class="ev-when__place">
              <bdi>{d.placeLine}</bdi>
            </p>
          ) : null}
          <DateBadges entry={entry} />
          {entry.cancelled ? null : (
            <p class="ev-when__ics">
              <a href={d.icsHref} type="text/calendar" download>
                {t('events-public.add_to_calendar')}
              </a>
            </p>
          )}
        </div>
        <Notices detail={d} />
        <Picture detail={d} />
        <Description detail={d} />
        <Registration region={r} detail={d} form={props.form} />
        <Facts detail={d} region={r} />
        {d.upcomingTotal > 1 || (d.upcomingTotal === 1 && d.upcoming[0]?.occurrenceId !== entry.occurrenceId) ? (
          <Section id="ev-dates" title={t('events-public.other_dates')}>
            <UpcomingDates detail={d} timeZone={r.timezone} current={entry.occurrenceId} />
          </Section>
        ) : null}
      </article>
    </PublicLayout>
  );
}

/** 404 inside a region: the event (or date) is not there or not public. */
export function EventNotFoundPage(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={`${t('events-public.not_found_title')} – ${r.name}`} region={layoutRegion(r)}>
      <div class="error-page">
        <h1>{t('events-public.not_found_title')}</h1>
        <p>{t('events-public.not_found_text')}</p>
        <p>
          <a href={eventUrls.list(r.slug, lang)}>{t('events-public.back_to_list')}</a>
        </p>
      </div>
    </PublicLayout>
  );
}
