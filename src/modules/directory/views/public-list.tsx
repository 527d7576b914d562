import { bundleUrl } from '../../../web/assets.js';
import { FilterPanel as SharedFilterPanel } from '../../../web/components/filter-panel.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { Pagination as Pager } from '../../../web/components/pagination.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import type { Translate } from '../../../platform/i18n/catalog.js';
import { filterParams, RADII, type Localised, type ServiceList } from '../public.js';
import { languageNameIn } from '../../guide/index.js';
import { ServiceCards } from './public-parts.js';
import { Text } from '../../../web/components/text.js';

/** The markers of the map island (data-map JSON): the current page of results. */
export type MapData = {
  tileUrl: string;
  attribution: string;
  center: [number, number] | null;
  here: [number, number] | null;
  markers: { lat: number; lon: number; name: string; href: string }[];
};

export function mapData(list: ServiceList): MapData | null {
  const s = list.settings;
  if (!s.tileUrl) return null;
  const markers = list.cards.flatMap((c) => (c.place && c.place.lat !== null && c.place.lon !== null ? [{ lat: c.place.lat, lon: c.place.lon, name: c.name.text, href: c.href }] : []));
  const center: [number, number] | null = list.near ? [list.near.lat, list.near.lon] : s.centerLat !== null && s.centerLon !== null ? [s.centerLat, s.centerLon] : null;
  if (!markers.length && !center) return null;
  return { tileUrl: s.tileUrl, attribution: s.tileAttribution, center, here: list.near ? [list.near.lat, list.near.lon] : null, markers };
}

/** One filter the list is narrowed by, as the summary line names it (a category may be in the source language). */
export type ActiveFilter = { name: 'category' | 'language' | 'near' | 'open' | 'wheelchair' | 'free'; label: Localised };

/** The filters in effect, in the order of the form; paging and a radius without a place narrow nothing. */
export function activeFilters(list: ServiceList, lang: string, t: Translate): ActiveFilter[] {
  const f = list.filters;
  const own = (text: string): Localised => ({ text, lang });
  const out: ActiveFilter[] = [];
  if (f.category) out.push({ name: 'category', label: list.categories.find((c) => c.code === f.category)?.name ?? own(f.category) });
  if (f.language) out.push({ name: 'language', label: own(languageNameIn(f.language, lang)) });
  const km = f.radius ?? 10;
  // The typed place is isolated (FSI…PDI): a Latin town name or postcode must not reorder an Arabic sentence.
  if (f.place) out.push({ name: 'near', label: own(t('directory.filter_active_near', { km, place: `\u2068${f.place}\u2069` })) });
  else if (f.lat !== undefined && f.lon !== undefined) out.push({ name: 'near', label: own(t('directory.filter_active_near_me', { km })) });
  if (f.open) out.push({ name: 'open', label: own(t('directory.filter_open_now')) });
  if (f.wheelchair) out.push({ name: 'wheelchair', label: own(t('directory.filter_wheelchair')) });
  if (f.free) out.push({ name: 'free', label: own(t('directory.filter_free')) });
  return out;
}

/**
 * The filters: with some in effect, a line naming them and the form folded ("Change filters"), so on a phone the
 * results come first; without any (or when a typed place was not found) it is unfolded.
 */
function FilterPanel(props: { region: RegionRow; list: ServiceList; active: ActiveFilter[] }) {
  const { t, lang } = usePage();
  const active = props.active;
  const f = props.list.filters;
  return (
    <SharedFilterPanel
      prefix="dir"
      action={`/${props.region.slug}/${lang}/services`}
      active={active.map((a) => ({ name: a.name, label: <Text value={a.label} /> }))}
      open={active.length === 0 || props.list.placeProblem !== null}
      ns="directory"
    >
      <div class="filter-panel__row dir-filters__row">
        <div class="field">
          <label for="dir-category">{t('directory.filter_category')}</label>
          <select id="dir-category" name="category">
            <option value="">{t('directory.filter_category_all')}</option>
            {props.list.categories.map((c) => (
              <option key={c.id} value={c.code} selected={f.category === c.code} lang={c.name.lang !== lang ? c.name.lang : undefined}>
                {`${'\u2003'.repeat(c.depth)}${c.name.text}`}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="dir-language">{t('directory.filter_language')}</label>
          <select id="dir-language" name="language">
            <option value="">{t('directory.filter_language_all')}</option>
            {props.list.spokenLanguages.map((code) => (
              <option key={code} value={code} selected={f.language === code}>
                {languageNameIn(code, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="dir-filters__near">
        <legend>{t('directory.filter_near')}</legend>
        <div class="filter-panel__row dir-filters__row" data-module="geolocate">
          <div class="field dir-filters__place">
            <label for="dir-place">{t('directory.filter_place')}</label>
            <span class="hint" id="dir-place-hint">
              {t('directory.filter_place_hint')}
            </span>
            <div class="dir-filters__place-line">
              <input id="dir-place" type="text" name="place" value={f.place ?? ''} maxLength={200} autocomplete="postal-code" aria-describedby="dir-place-hint" data-js-place />
              <p class="dir-filters__locate" data-js-locate-wrap hidden>
                <button type="button" class="button button--secondary" data-js-locate data-denied={t('directory.locate_denied')} data-using={t('directory.locate_using')}>
                  {t('directory.locate_button')}
                </button>
              </p>
            </div>
            <span class="dir-filters__locate-status" role="status" data-js-locate-status />
            <input type="hidden" name="lat" value={f.place === undefined && f.lat !== undefined ? String(f.lat) : ''} data-js-lat />
            <input type="hidden" name="lon" value={f.place === undefined && f.lon !== undefined ? String(f.lon) : ''} data-js-lon />
          </div>
          <div class="field dir-filters__radius">
            <label for="dir-radius">{t('directory.filter_radius')}</label>
            <select id="dir-radius" name="radius">
              {RADII.map((km) => (
                <option key={km} value={String(km)} selected={(f.radius ?? 10) === km}>
                  {t('directory.radius_km', { km })}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset class="dir-filters__checks">
        <legend class="visually-hidden">{t('directory.filter_more')}</legend>
        <div class="checkbox">
          <input type="checkbox" id="dir-open" name="open" value="1" checked={f.open} />
          <label for="dir-open">{t('directory.filter_open_now')}</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="dir-wheelchair" name="wheelchair" value="1" checked={f.wheelchair} />
          <label for="dir-wheelchair">{t('directory.filter_wheelchair')}</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="dir-free" name="free" value="1" checked={f.free} />
          <label for="dir-free">{t('directory.filter_free')}</label>
        </div>
      </fieldset>
    </SharedFilterPanel>
  );
}

function Pagination(props: { list: ServiceList; base: string }) {
  const { t } = usePage();
  const { page, pages, filters } = props.list;
  const href = (p: number) => {
    const q = filterParams(filters, { page: p > 1 ? String(p) : undefined }).toString();
    return q ? `${props.base}?${q}` : props.base;
  };
  return <Pager page={page} pages={pages} href={href} label={t('directory.pagination')} />;
}

/**
 * `/{region}/{lang}/services`: the filters (a sidebar on wide screens), a map (when the region has tiles), the results
 * and paging.
 */
export function ServiceListPage(props: { region: RegionRow; list: ServiceList }) {
  const { t, lang } = usePage();
  const r = props.region;
  const list = props.list;
  const base = `/${r.slug}/${lang}/services`;
  const map = mapData(list);
  const active = activeFilters(list, lang, t);
  const head = map ? <script type="module" src={bundleUrl('map')} /> : null;
  const mapCss = map ? bundleUrl('map.css') : null;
  return (
    <PublicLayout title={`${t('directory.list_title')} – ${r.name}`} region={layoutRegion(r)} head={<>{mapCss ? <link rel="stylesheet" href={mapCss} /> : null}{head}</>}>
      <nav class="breadcrumbs" aria-label={t('reader.breadcrumbs')}>
        <ol class="inline-list">
          <li>
            <a href={`/${r.slug}/${lang}/`}>{r.name}</a>
          </li>
        </ol>
      </nav>
      <h1>{t('directory.list_title')}</h1>
      <p class="dir-intro" data-filtered={active.length ? 'yes' : undefined}>
        {t('directory.list_intro')}
      </p>
      <div class="dir-layout">
        <FilterPanel region={r} list={list} active={active} />
        <div class="dir-results">
          {list.placeProblem === 'not_found' ? (
            <div class="notice notice--warning" data-notice="place-not-found" role="status">
              <p>{t('directory.place_not_found', { place: list.filters.place ?? '' })}</p>
            </div>
          ) : null}
          {list.near?.source === 'places' ? <p class="dir-near-note">{t('directory.near_places_note', { place: list.near.label })}</p> : null}
          <h2 id="dir-results-title" class="result-count" aria-live="polite">
            {t('directory.results', { count: list.total })}
          </h2>
          {map && list.cards.length ? <div class="dir-map" data-module="map" data-map={JSON.stringify(map)} role="region" aria-label={t('directory.map_label')} /> : null}
          {list.cards.length ? (
            <ServiceCards cards={list.cards} headingLevel={3} labelledBy="dir-results-title" />
          ) : (
            <p class="dir-empty">{list.placeProblem ? t('directory.none_place') : t('directory.none')}</p>
          )}
          <Pagination list={list} base={base} />
        </div>
      </div>
    </PublicLayout>
  );
}
