import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../platform/i18n/catalog.js';
import { FilterPanel as SharedFilterPanel } from '../../../web/components/filter-panel.js';
import { Pagination as Pager } from '../../../web/components/pagination.js';
import { usePage } from '../../../web/page-context.js';
import { languageNameIn } from '../../guide/index.js';
import { dateFormat, dayAt, datetimeAttr, formatDay, formatWhen, startDay } from '../public-format.js';
import { withFilters, type DateEntry, type EventFilters, type FilterChoices, type Seats } from '../public.js';
import { eventUrls } from '../urls.js';
import { Text } from '../../../web/components/text.js';

/** Places left / waitlist / registration needed, as a badge (words carry the meaning). */
export function SeatsBadge(props: { seats: Seats | null }) {
  const { t } = usePage();
  const s = props.seats;
  if (!s) return null;
  if (s.kind === 'open') return <span class="badge ev-badge--register">{t('events-public.badge_registration')}</span>;
  if (s.kind === 'left') return <span class="badge ev-badge--places">{t('events-public.badge_places_left', { count: s.count })}</span>;
  return <span class="badge ev-badge--full">{t('events-public.badge_full_waitlist')}</span>;
}

/** The badges of a date: cancelled, category, free, language mediation, registration. */
export function DateBadges(props: { entry: DateEntry; category?: boolean }) {
  const { t } = usePage();
  const e = props.entry;
  return (
    <p class="ev-badges">
      {e.cancelled ? <strong class="badge ev-badge--cancelled">{t('events-public.cancelled')}</strong> : null}
      {props.category === false ? null : <span class="tag">{t(`events.category_${e.category}`)}</span>}
      {e.free ? <span class="tag ev-badge--free">{t('events-public.badge_free')}</span> : null}
      {e.mediation ? <span class="tag ev-badge--mediation">{t('events-public.badge_mediation')}</span> : null}
      {e.online ? <span class="tag">{t('events-public.badge_online')}</span> : null}
      {e.cancelled || e.past ? null : <SeatsBadge seats={e.seats} />}
    </p>
  );
}

/** One date in a list: time, title (link to the date), place, badges. */
export function DateItem(props: { entry: DateEntry; timeZone: string; headingLevel: 2 | 3 | 4; timeOnly: boolean }) {
  const { t, lang } = usePage();
  const e = props.entry;
  const H = `h${props.headingLevel}` as 'h3';
  return (
    <li class={`ev-item${e.cancelled ? ' ev-item--cancelled' : ''}`} data-occurrence-id={e.occurrenceId}>
      <p class="ev-item__when">
        <time datetime={datetimeAttr(e)}>{formatWhen(e, lang, props.timeZone, t, props.timeOnly)}</time>
      </p>
      <H class="ev-item__title">
        <a href={e.href}>
          <Text value={e.title} />
        </a>
      </H>
      {e.place ? (
        <p class="ev-item__place">
          <span class="visually-hidden">{t('events-public.place')}: </span>
          <bdi>{e.place}</bdi>
        </p>
      ) : null}
      <DateBadges entry={e} />
    </li>
  );
}

/** Dates grouped under a heading per day (the day they start on). */
export function DateList(props: { entries: DateEntry[]; timeZone: string; headingLevel: 2 | 3 }) {
  const { lang } = usePage();
  const groups: { day: string; entries: DateEntry[] }[] = [];
  for (const e of props.entries) {
    const day = startDay(e, props.timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.entries.push(e);
    else groups.push({ day, entries: [e] });
  }
  const H = `h${props.headingLevel}` as 'h3';
  return (
    <div class="ev-days">
      {groups.map((g) => (
        <section key={g.day} class="ev-day-group" aria-labelledby={`ev-day-${g.day}`}>
          <H id={`ev-day-${g.day}`} class="ev-day-group__title">
            <time datetime={g.day}>{formatDay(g.day, lang)}</time>
          </H>
          <ul class="ev-list">
            {g.entries.map((e) => (
              <DateItem key={e.occurrenceId} entry={e} timeZone={props.timeZone} headingLevel={props.headingLevel === 2 ? 3 : 4} timeOnly />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The filters in effect, as the line above the folded form names them. */
export function activeFilterLabels(f: EventFilters, choices: FilterChoices, lang: string, t: Translate): { name: string; label: string }[] {
  const out: { name: string; label: string }[] = [];
  if (f.category) out.push({ name: 'category', label: t(`events.category_${f.category}`) });
  if (f.language) out.push({ name: 'language', label: languageNameIn(f.language, lang) });
  const day = (d: string) => dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(dayAt(d));
  // Dates and place names are isolated (FSI…PDI): Latin text must not reorder an Arabic sentence.
  if (f.from && f.to) out.push({ name: 'dates', label: t('events-public.filter_active_range', { from: `\u2068${day(f.from)}\u2069`, to: `\u2068${day(f.to)}\u2069` }) });
  else if (f.from) out.push({ name: 'dates', label: t('events-public.filter_active_from', { date: `\u2068${day(f.from)}\u2069` }) });
  else if (f.to) out.push({ name: 'dates', label: t('events-public.filter_active_to', { date: `\u2068${day(f.to)}\u2069` }) });
  if (f.place) {
    const location = choices.locations.find((l) => l.id === f.place?.toLowerCase());
    out.push({ name: 'place', label: `\u2068${location?.name ?? f.place}\u2069` });
  }
  return out;
}

/** The events filter form in the shared filter panel (GET, works without JavaScript; folded while filters are in effect). */
export function FilterPanel(props: { action: string; filters: EventFilters; choices: FilterChoices; showDates?: boolean }) {
  const { t, lang } = usePage();
  const f = props.filters;
  const active = activeFilterLabels(f, props.choices, lang, t);
  const known = new Set([...props.choices.towns, ...props.choices.locations.map((l) => l.id)]);
  return (
    <SharedFilterPanel prefix="ev" action={props.action} active={active} open={active.length === 0} ns="events-public">
      <div class="filter-panel__row ev-filters__row">
        <div class="field">
          <label for="ev-category">{t('events-public.filter_category')}</label>
          <select id="ev-category" name="category">
            <option value="">{t('events-public.filter_category_all')}</option>
            {props.choices.categories.map((c) => (
              <option key={c} value={c} selected={f.category === c}>
                {t(`events.category_${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ev-language">{t('events-public.filter_language')}</label>
          <select id="ev-language" name="language">
            <option value="">{t('events-public.filter_language_all')}</option>
            {[...new Set([...props.choices.languages, ...(f.language ? [f.language] : [])])].map((code) => (
              <option key={code} value={code} selected={f.language === code}>
                {languageNameIn(code, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ev-place">{t('events-public.filter_place')}</label>
          <select id="ev-place" name="place">
            <option value="">{t('events-public.filter_place_all')}</option>
            {props.choices.towns.length ? (
              <optgroup label={t('events-public.filter_towns')}>
                {props.choices.towns.map((town) => (
                  <option key={town} value={town} selected={f.place?.toLowerCase() === town.toLowerCase()}>
                    {town}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {props.choices.locations.length ? (
              <optgroup label={t('events-public.filter_locations')}>
                {props.choices.locations.map((l) => (
                  <option key={l.id} value={l.id} selected={f.place?.toLowerCase() === l.id}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {f.place && !known.has(f.place) && !props.choices.towns.some((x) => x.toLowerCase() === f.place?.toLowerCase()) ? (
              <option value={f.place} selected>
                {f.place}
              </option>
            ) : null}
          </select>
        </div>
      </div>
      {props.showDates === false ? null : (
        <fieldset class="ev-filters__dates">
          <legend>{t('events-public.filter_dates')}</legend>
          <div class="filter-panel__row ev-filters__row">
            <div class="field">
              <label for="ev-from">{t('events-public.filter_from')}</label>
              <input id="ev-from" type="date" name="from" value={f.from ?? ''} />
            </div>
            <div class="field">
              <label for="ev-to">{t('events-public.filter_to')}</label>
              <input id="ev-to" type="date" name="to" value={f.to ?? ''} />
            </div>
          </div>
        </fieldset>
      )}
    </SharedFilterPanel>
  );
}

/** Previous / next page, keeping the filters. */
export function Pagination(props: { base: string; filters: EventFilters; page: number; pages: number }) {
  const { t } = usePage();
  const href = (p: number) => withFilters(props.base, props.filters, { page: p > 1 ? String(p) : undefined });
  return <Pager page={props.page} pages={props.pages} href={href} label={t('events-public.pagination')} />;
}

/** The calendar feed of the region (and of the chosen category), with what subscribing means. */
export function FeedLinks(props: { regionSlug: string; category?: string | undefined }) {
  const { t, lang } = usePage();
  return (
    <section class="ev-feeds" aria-labelledby="ev-feeds-title">
      <h2 id="ev-feeds-title">{t('events-public.feed_title')}</h2>
      <p>{t('events-public.feed_text')}</p>
      <ul class="ev-feeds__list">
        <li>
          <a href={eventUrls.feed(props.regionSlug, lang)} type="text/calendar" data-feed="all">
            {t('events-public.feed_all')}
          </a>
        </li>
        {props.category ? (
          <li>
            <a href={eventUrls.feed(props.regionSlug, lang, props.category)} type="text/calendar" data-feed="category">
              {t('events-public.feed_category', { category: t(`events.category_${props.category}`) })}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** Breadcrumbs of public event pages: the region, then the given links. */
export function Breadcrumbs(props: { regionSlug: string; regionName: string; children?: ComponentChildren }) {
  const { t, lang } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t('reader.breadcrumbs')}>
      <ol class="inline-list">
        <li>
          <a href={`/${props.regionSlug}/${lang}/`}>{props.regionName}</a>
        </li>
        {props.children}
      </ol>
    </nav>
  );
}
