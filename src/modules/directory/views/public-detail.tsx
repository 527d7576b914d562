import { languageInfo } from '../../../platform/i18n/languages.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { formatDate, languageNameIn } from '../../guide/index.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { formatList, weeklyHours } from '../hours.js';
import { formatPhone } from '../phone.js';
import type { PlaceDetail, ServiceDetail } from '../public.js';
import type { PhoneRow, ScheduleRow } from '../public-queries.js';
import { OpenBadge } from './public-parts.js';
import { Paragraphs, Text } from '../../../web/components/text.js';

/**
 * Directions: an OpenStreetMap route planner link with the place as destination (works on every device and in
 * every browser; the `geo:` URI only opens an app on some phones, so it is not used).
 */
export function directionsHref(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/directions?to=${lat.toFixed(6)}%2C${lon.toFixed(6)}`;
}

/** The dialable form of a number: E.164 as stored (digits and a leading +), nothing else. */
export function telHref(number: string, extension: number | null): string {
  const digits = number.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return `tel:${digits}${extension ? `;ext=${extension}` : ''}`;
}

function Phones(props: { phones: PhoneRow[] }) {
  const { t, lang } = usePage();
  if (!props.phones.length) return null;
  return (
    <ul class="dir-phones">
      {props.phones.map((p, i) => (
        <li key={i}>
          <span class="dir-phones__type">{t(`directory.phone_${['voice', 'fax', 'text', 'cell', 'video', 'textphone'].includes(p.type) ? p.type : 'voice'}`)}: </span>
          {/* dir="ltr" keeps "+33 1 23 …" in order inside right-to-left pages; the link dials E.164 as stored. */}
          {p.type === 'fax' ? (
            <bdi dir="ltr">{formatPhone(p.number)}</bdi>
          ) : (
            <a href={telHref(p.number, p.extension)} dir="ltr">
              {formatPhone(p.number)}
              {p.extension ? ` – ${p.extension}` : ''}
            </a>
          )}
          {p.description ? <span class="dir-phones__note"> ({p.description})</span> : null}
          {p.languages.length ? <span class="dir-phones__langs"> · {formatList(p.languages.map((c) => languageNameIn(c, lang)), lang)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Hours(props: { schedules: ScheduleRow[]; labelledBy?: string }) {
  const { t, lang } = usePage();
  const rows = weeklyHours(props.schedules, lang, t);
  if (!rows.length) return null;
  return (
    <table class="dir-hours" aria-labelledby={props.labelledBy}>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.days}</th>
            <td>
              {r.slots.map((s, j) => (
                <span key={j} class="dir-hours__slot">
                  {s}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Place(props: { place: PlaceDetail; index: number }) {
  const { t } = usePage();
  const p = props.place;
  const id = `dir-place-${props.index}`;
  return (
    <section class="dir-place" aria-labelledby={id}>
      <h3 id={id}>{p.name ? <Text value={p.name} /> : p.address || t('directory.place')}</h3>
      {p.address ? (
        <p class="dir-place__address">
          {p.address}
          {p.lat !== null && p.lon !== null ? (
            <>
              <br />
              <a href={directionsHref(p.lat, p.lon)} class="dir-place__directions">
                {t('directory.directions')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {p.transportation ? <Paragraphs value={p.transportation} class="dir-place__transport" /> : null}
      <Phones phones={p.phones} />
      {p.schedules.length ? (
        <>
          <h4 id={`${id}-hours`}>{t('directory.hours')}</h4>
          <p>
            <OpenBadge state={p.state} />
          </p>
          <Hours schedules={p.schedules} labelledBy={`${id}-hours`} />
        </>
      ) : null}
      {p.wheelchair || p.accessibility ? (
        <>
          <h4>{t('directory.accessibility')}</h4>
          {p.wheelchair ? <p class="dir-place__wheelchair">{t('directory.wheelchair_yes')}</p> : null}
          {p.accessibility ? <Paragraphs value={p.accessibility} /> : null}
        </>
      ) : null}
    </section>
  );
}

function Notices(props: { detail: ServiceDetail; region: RegionRow }) {
  const { t, lang } = usePage();
  const d = props.detail;
  const source = languageNameIn(props.region.sourceLanguage, lang);
  return (
    <>
      {d.fallback ? (
        <div class="notice notice--warning" data-notice="fallback">
          <p>{t('directory.fallback_notice', { source })}</p>
        </div>
      ) : null}
      {d.outdated ? (
        <div class="notice notice--warning" data-notice="outdated">
          <p>{t('directory.outdated_notice', { source })}</p>
        </div>
      ) : null}
      {d.machine ? (
        <div class="notice" data-notice="machine">
          <p>{t('directory.machine_notice')}</p>
        </div>
      ) : null}
    </>
  );
}

function Section(props: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section class="dir-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** `/{region}/{lang}/services/{id}`: everything a reader needs to go there, call or write. */
export function ServiceDetailPage(props: { region: RegionRow; detail: ServiceDetail; baseUrl: string }) {
  const { t, lang } = usePage();
  const r = props.region;
  const d = props.detail;
  const textDir = languageInfo(d.name.lang).direction;
  const differs = d.name.lang !== lang;
  const ages = d.minimumAge !== null || d.maximumAge !== null;
  const head = (
    <>
      <link rel="canonical" href={`${props.baseUrl}${d.href}`} />
      {d.description ? <meta name="description" content={d.description.text.slice(0, 200)} /> : null}
    </>
  );
  return (
    <PublicLayout title={`${d.name.text} – ${r.name}`} region={layoutRegion(r)} head={head}>
      <nav class="breadcrumbs" aria-label={t('reader.breadcrumbs')}>
        <ol class="inline-list">
          <li>
            <a href={`/${r.slug}/${lang}/`}>{r.name}</a>
          </li>
          <li>
            <a href={`/${r.slug}/${lang}/services`}>{t('directory.list_title')}</a>
          </li>
        </ol>
      </nav>
      <article class="dir-service" aria-labelledby="dir-title">
        <h1 id="dir-title" lang={differs ? d.name.lang : undefined} dir={differs ? textDir : undefined}>
          {d.name.text}
        </h1>
        <p class="dir-service__org">
          <Text value={d.organisation} />
        </p>
        <Notices detail={d} region={r} />
        {d.hsdsStatus !== 'active' ? (
          <div class="notice notice--warning" data-notice="status">
            <p>{t(`directory.status_${d.hsdsStatus === 'temporarily closed' ? 'temporarily_closed' : d.hsdsStatus === 'defunct' ? 'defunct' : 'inactive'}`)}</p>
          </div>
        ) : null}
        {d.alert ? (
          <div class="notice notice--warning" data-notice="alert">
            <Paragraphs value={d.alert} />
          </div>
        ) : null}
        <p class="dir-service__state">
          <OpenBadge state={d.state} />
        </p>
        {d.categories.length ? (
          <ul class="inline-list dir-service__categories" aria-label={t('directory.categories')}>
            {d.categories.map((c) => (
              <li key={c.id}>
                <a class="tag" href={`/${r.slug}/${lang}/services?category=${encodeURIComponent(c.code)}`}>
                  <Text value={c.name} />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {d.description ? <Paragraphs value={d.description} class="dir-service__description" /> : null}

        <Section id="dir-contact" title={t('directory.contact')}>
          <Phones phones={d.phones} />
          <ul class="dir-links">
            {d.email ? (
              <li>
                {t('directory.email')}:{' '}
                <a href={`mailto:${d.email}`} dir="ltr">
                  {d.email}
                </a>
              </li>
            ) : null}
            {d.url ? (
              <li>
                {t('directory.website')}:{' '}
                <a href={d.url} dir="ltr" rel="noopener">
                  {d.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              </li>
            ) : null}
          </ul>
        </Section>

        {d.places.length ? (
          <Section id="dir-places" title={d.places.length > 1 ? t('directory.places') : t('directory.place')}>
            {d.places.map((p, i) => (
              <Place key={p.id} place={p} index={i} />
            ))}
          </Section>
        ) : d.schedules.length ? (
          <Section id="dir-hours" title={t('directory.hours')}>
            <Hours schedules={d.schedules} labelledBy="dir-hours" />
          </Section>
        ) : null}

        {d.languages.length || d.interpretation ? (
          <Section id="dir-languages" title={t('directory.languages_spoken')}>
            {d.languages.length ? (
              <ul class="inline-list dir-languages">
                {d.languages.map((l) => (
                  <li key={l.code} lang={l.code} dir={languageInfo(l.code).direction}>
                    {l.name}
                  </li>
                ))}
              </ul>
            ) : null}
            {d.interpretation ? <Paragraphs value={d.interpretation} /> : null}
          </Section>
        ) : null}

        <Section id="dir-costs" title={t('directory.costs')}>
          {d.free ? <p class="dir-free">{t('directory.free_of_charge')}</p> : null}
          {d.fees ? <Paragraphs value={d.fees} /> : d.free ? null : <p>{t('directory.fees_unknown')}</p>}
        </Section>

        {d.eligibility || ages ? (
          <Section id="dir-eligibility" title={t('directory.eligibility')}>
            {ages ? (
              <p>
                {d.minimumAge !== null && d.maximumAge !== null
                  ? t('directory.ages_range', { min: d.minimumAge, max: d.maximumAge })
                  : d.minimumAge !== null
                    ? t('directory.ages_from', { min: d.minimumAge })
                    : t('directory.ages_to', { max: d.maximumAge ?? 0 })}
              </p>
            ) : null}
            {d.eligibility ? <Paragraphs value={d.eligibility} /> : null}
          </Section>
        ) : null}

        {d.documents.length ? (
          <Section id="dir-documents" title={t('directory.documents')}>
            <ul lang={r.sourceLanguage !== lang ? r.sourceLanguage : undefined}>
              {d.documents.map((doc, i) => (
                <li key={i}>{doc.uri ? <a href={doc.uri}>{doc.document}</a> : doc.document}</li>
              ))}
            </ul>
          </Section>
        ) : null}

        {d.applicationProcess || d.waitTime ? (
          <Section id="dir-apply" title={t('directory.application')}>
            {d.applicationProcess ? <Paragraphs value={d.applicationProcess} /> : null}
            {d.waitTime ? (
              <p>
                {t('directory.wait_time')}: <Text value={d.waitTime} />
              </p>
            ) : null}
          </Section>
        ) : null}

        <footer class="dir-verified">
          <p>
            {d.verifiedAt
              ? t('directory.verified', { date: formatDate(d.verifiedAt, lang, r.timezone), who: d.verifiedBy ?? r.name })
              : t('directory.not_verified', { date: formatDate(d.updatedAt, lang, r.timezone) })}
          </p>
          <p>
            <a href={`/${r.slug}/${lang}/feedback`}>{t('directory.report_error')}</a>
          </p>
        </footer>
      </article>
    </PublicLayout>
  );
}

/** 404 inside a region: the region's header and a way back to the list. */
export function ServiceNotFoundPage(props: { region: RegionRow }) {
  const { t, lang } = usePage();
  const r = props.region;
  return (
    <PublicLayout title={`${t('directory.not_found_title')} – ${r.name}`} region={layoutRegion(r)}>
      <div class="error-page">
        <h1>{t('directory.not_found_title')}</h1>
        <p>{t('directory.not_found_text')}</p>
        <p>
          <a href={`/${r.slug}/${lang}/services`}>{t('directory.back_to_list')}</a>
        </p>
      </div>
    </PublicLayout>
  );
}
