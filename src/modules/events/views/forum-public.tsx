import { languageInfo } from '../../../platform/i18n/languages.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { languageNameIn } from '../../guide/index.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { documentTypeLabel, formatOccurrence, type PublicDocumentation } from '../forum.js';
import { placeLine, type EventText } from '../ics-data.js';
import type { EventRow, OccurrenceRow } from '../service.js';
import { eventUrls } from '../urls.js';
import { DateLine, formatBytes, StoredText } from './forum-parts.js';

/** Text in a language other than the page's carries its own lang and dir. */
function Localized(props: { lang: string; children: string }) {
  const page = usePage();
  if (props.lang === page.lang) return <>{props.children}</>;
  return (
    <span lang={props.lang} dir={languageInfo(props.lang).direction}>
      {props.children}
    </span>
  );
}

/** /{region}/{lang}/events/{event}/{date}/documentation — minutes, agenda and public documents of a past date. */
export function DocumentationPage(props: { region: RegionRow; doc: PublicDocumentation }) {
  const { t, lang } = usePage();
  const { region, doc } = props;
  const { event, occurrence, text } = doc;
  const source = region.sourceLanguage;
  const place = placeLine(doc.place, event.onlineUrl);
  const title = t('events-forum.public_title', { title: text.title });
  return (
    <PublicLayout title={`${title} – ${formatOccurrence(event, occurrence, lang).date}`} region={layoutRegion(region)}>
      <p class="breadcrumbs">
        <a href={eventUrls.list(region.slug, lang)}>{t('events-forum.public_events')}</a> › <a href={eventUrls.documentationList(region.slug, lang)}>{t('events-forum.public_list_title')}</a>
      </p>
      <article class="forum-doc" aria-labelledby="forum-doc-title">
        <h1 id="forum-doc-title">
          <Localized lang={text.language}>{text.title}</Localized>
        </h1>
        <p class="forum-doc__kind">{t(`events.category_${event.category}`)}</p>
        <dl class="summary-list">
          <dt>{t('events-forum.date')}</dt>
          <dd>
            <DateLine event={event} occurrence={occurrence} />
          </dd>
          {place ? (
            <>
              <dt>{t('events-forum.place')}</dt>
              <dd>{place}</dd>
            </>
          ) : null}
        </dl>
        {lang !== source && (occurrence.minutesHtml || occurrence.agendaHtml) ? (
          <div class="notice" data-notice="source-language">
            <p>{t('events-forum.public_source_language', { source: languageNameIn(source, lang) })}</p>
          </div>
        ) : null}
        <section aria-labelledby="forum-doc-minutes">
          <h2 id="forum-doc-minutes">{t('events-forum.minutes')}</h2>
          {occurrence.minutesHtml ? <StoredText html={occurrence.minutesHtml} lang={source} /> : <p>{t('events-forum.public_no_minutes')}</p>}
        </section>
        {occurrence.agendaHtml ? (
          <section aria-labelledby="forum-doc-agenda">
            <h2 id="forum-doc-agenda">{t('events-forum.agenda')}</h2>
            <StoredText html={occurrence.agendaHtml} lang={source} />
          </section>
        ) : null}
        {doc.documents.length ? (
          <section aria-labelledby="forum-doc-files">
            <h2 id="forum-doc-files">{t('events-forum.documents')}</h2>
            <ul class="forum-files">
              {doc.documents.map((d) => (
                <li key={d.id}>
                  <a href={eventUrls.documentationFile(region.slug, lang, event.id, occurrence.id, d.id)} download={d.filename}>
                    <Localized lang={source}>{d.title}</Localized>
                  </a>{' '}
                  <span class="meta">({t('events-forum.document_meta', { kind: t(`events-forum.kind_${d.kind}`), type: documentTypeLabel(d.contentType), size: formatBytes(d.bytes, lang) })})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </PublicLayout>
  );
}

/** /{region}/{lang}/events/documentation — published documentations, newest date first. */
export function DocumentationListPage(props: { region: RegionRow; items: { event: EventRow; occurrence: OccurrenceRow; text: EventText }[] }) {
  const { t, lang } = usePage();
  const { region } = props;
  const title = t('events-forum.public_list_title');
  return (
    <PublicLayout title={title} region={layoutRegion(region)}>
      <p class="breadcrumbs">
        <a href={eventUrls.list(region.slug, lang)}>{t('events-forum.public_events')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('events-forum.public_list_intro')}</p>
      {props.items.length ? (
        <ul class="forum-doc-list">
          {props.items.map(({ event, occurrence, text }) => (
            <li key={occurrence.id}>
              <a href={eventUrls.documentation(region.slug, lang, event.id, occurrence.id)}>
                <Localized lang={text.language}>{text.title}</Localized>
              </a>
              <br />
              <span class="meta">
                {t(`events.category_${event.category}`)} · <DateLine event={event} occurrence={occurrence} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('events-forum.public_list_empty')}</p>
      )}
    </PublicLayout>
  );
}
