import type { ComponentChildren } from 'preact';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { FeedRow } from '../feed-service.js';
import { EventsLayout } from './admin-parts.js';

export const feedsBase = (regionId: string): string => `/admin/regions/${regionId}/events/feeds`;
export const feedHref = (regionId: string, feedId: string): string => `${feedsBase(regionId)}/${feedId}`;

/** A moment in the region's zone, in the page's language ("4. Dez. 2026, 14:05"). */
export function formatMoment(at: Date, timeZone: string, lang: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone };
  try {
    return new Intl.DateTimeFormat(lang, options).format(at);
  } catch {
    return new Intl.DateTimeFormat('de', options).format(at);
  }
}

/** The events admin's layout (breadcrumbs, the events navigation with the import tab); only editors get here. */
export function FeedsLayout(props: { region: RegionRow; title: string; children: ComponentChildren }) {
  return (
    <EventsLayout region={props.region} title={props.title} access={{ canEdit: true, canTranslate: true, canSettings: false }}>
      {props.children}
    </EventsLayout>
  );
}

/** The state of a feed's last run as a word ("changes applied", "failed" …); colour only supports it. */
export function RunStatus(props: { feed: Pick<FeedRow, 'lastStatus' | 'lastRunAt'> }) {
  const { t } = usePage();
  const status = props.feed.lastRunAt ? (props.feed.lastStatus ?? 'failed') : 'never';
  const tone: Record<string, string> = { ok: 'tag--done', not_modified: 'tag--done', partial: 'tag--kept', failed: 'tag--failed', running: 'tag--running' };
  return <span class={`tag ${tone[status] ?? ''}`.trim()}>{t(`events-feeds.status_${status}`)}</span>;
}
