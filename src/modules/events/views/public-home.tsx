import { usePage } from '../../../web/page-context.js';
import type { DateEntry } from '../public.js';
import { eventUrls } from '../urls.js';
import { datetimeAttr, formatWhen } from '../public-format.js';
import { Text } from '../../../web/components/text.js';

/** "Next events" on the region home: the next few dates, and the way to all of them and to the calendar. */
export function NextEventsSection(props: { regionSlug: string; timeZone: string; entries: DateEntry[] }) {
  const { t, lang } = usePage();
  return (
    <section class="ev-home" aria-labelledby="ev-home-title">
      <h2 id="ev-home-title">{t('events-public.home_title')}</h2>
      <ul class="ev-home__list">
        {props.entries.map((e) => (
          <li key={e.occurrenceId} class={e.cancelled ? 'ev-home__item ev-home__item--cancelled' : 'ev-home__item'}>
            <time datetime={datetimeAttr(e)}>{formatWhen(e, lang, props.timeZone, t)}</time>
            <a href={e.href}>
              <Text value={e.title} />
            </a>
            {e.cancelled ? <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong> : null}
          </li>
        ))}
      </ul>
      <p class="ev-home__all">
        <a class="button" href={eventUrls.list(props.regionSlug, lang)}>
          {t('events-public.home_link')}
        </a>
      </p>
    </section>
  );
}
