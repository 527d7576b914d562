import type { ComponentChildren } from 'preact';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Form, valueOf, type FormState } from '../../../web/components/forms.js';
import { TabNav } from '../../../web/components/tab-nav.js';
import { usePage } from '../../../web/page-context.js';
import { StateLabel } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import type { FormValues } from '../../../web/components/forms.js';
import { formOfRrule, WEEKDAYS, type RecurrenceForm, type Weekday } from '../recurrence.js';
import { FORUM_CATEGORIES } from '../schema.js';
import type { EventRow } from '../service.js';
import type { EventTranslationState } from '../translations.js';

export const eventsBase = (regionId: string): string => `/admin/regions/${regionId}/events`;
export const eventHref = (regionId: string, eventId: string): string => `${eventsBase(regionId)}/${eventId}`;
export const datesHref = (regionId: string, eventId: string): string => `${eventHref(regionId, eventId)}/dates`;
export const registrationsHref = (regionId: string, eventId: string, occurrenceId: string): string => `${datesHref(regionId, eventId)}/${occurrenceId}`;
export const translationHref = (regionId: string, eventId: string, language: string): string => `${eventHref(regionId, eventId)}/translations/${encodeURIComponent(language)}`;

type T = ReturnType<typeof usePage>['t'];

/** Date and time of an instant in the event's zone ("Di., 8. Dez. 2026, 18:00"); the date only for all-day events. */
export function formatWhen(at: Date, timeZone: string, lang: string, allDay = false): string {
  const options: Intl.DateTimeFormatOptions = allDay ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone } : { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone };
  try {
    return new Intl.DateTimeFormat(lang, options).format(at);
  } catch {
    return new Intl.DateTimeFormat('de', options).format(at);
  }
}

/** A wall-clock local time as written ("2026-12-22T18:00"), formatted without any zone change. */
export function formatLocal(local: string, lang: string, allDay = false): string {
  const at = new Date(Date.parse(`${local.length === 10 ? `${local}T00:00` : local}:00Z`));
  if (Number.isNaN(at.getTime())) return local;
  return formatWhen(at, 'UTC', lang, allDay);
}

/** The name of a weekday (RFC 5545 code) in the page's language. */
export function weekdayName(code: Weekday, lang: string, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const at = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(code), 12));
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(at);
}

function listOf(items: string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

const POS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** A recurrence in words: "Every 2 weeks on Tuesday, until 30 June 2027". */
export function describeRecurrence(t: T, lang: string, r: RecurrenceForm, startLocal: string): string {
  if (r.freq === 'none') return t('events-admin.rec_none');
  const weekday = (WEEKDAYS[(new Date(`${startLocal.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7] ?? 'MO') as Weekday;
  let what: string;
  if (r.freq === 'daily') what = t('events-admin.rec_daily', { interval: r.interval });
  else if (r.freq === 'weekly') what = t('events-admin.rec_weekly', { interval: r.interval, days: listOf((r.byDay.length ? r.byDay : [weekday]).map((d) => weekdayName(d, lang)), lang) });
  else if (r.freq === 'monthly')
    what = r.monthlyMode === 'weekday' ? t('events-admin.rec_monthly_weekday', { interval: r.interval, pos: POS[r.setPos] ?? 'first', weekday: weekdayName(weekday, lang) }) : t('events-admin.rec_monthly_day', { interval: r.interval, day: Number(startLocal.slice(8, 10)) });
  else what = t('events-admin.rec_yearly', { interval: r.interval });
  const end = r.endMode === 'count' ? t('events-admin.rec_count', { count: r.count }) : r.endMode === 'until' && r.until ? t('events-admin.rec_until', { date: formatLocal(r.until, lang, true) }) : t('events-admin.rec_never');
  return t('events-admin.rec_with_end', { rule: what, end });
}

/** An event's schedule in words; a rule the form cannot show is named as it is stored. */
export function describeSchedule(t: T, lang: string, e: Pick<EventRow, 'rrule' | 'startLocal' | 'timeZone' | 'allDay'>): string {
  const form = formOfRrule(e.rrule, e);
  if (form) return describeRecurrence(t, lang, form, e.startLocal);
  return t('events-admin.rec_custom', { rule: e.rrule ?? '' });
}

/** The same for form values (a conflict's stored side). */
export function describeScheduleValues(t: T, lang: string, values: FormValues): string {
  const v = (name: string) => valueOf({ values, errors: {} }, name);
  if (v('rrule')) return t('events-admin.rec_custom', { rule: v('rrule') });
  const byDay = values['recurrence.byDay'];
  const form: RecurrenceForm = {
    freq: (v('recurrence.freq') || 'none') as RecurrenceForm['freq'],
    interval: Number(v('recurrence.interval')) || 1,
    byDay: (Array.isArray(byDay) ? byDay : byDay ? [byDay] : []).filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)),
    monthlyMode: v('recurrence.monthlyMode') === 'weekday' ? 'weekday' : 'day',
    setPos: (Number(v('recurrence.setPos')) || 1) as RecurrenceForm['setPos'],
    endMode: (v('recurrence.endMode') || 'until') as RecurrenceForm['endMode'],
    until: v('recurrence.until'),
    count: Number(v('recurrence.count')) || 10,
  };
  return describeRecurrence(t, lang, form, v('startLocal') || '2024-01-01T00:00');
}

export function StatusBadge(props: { status: string }) {
  const { t } = usePage();
  return <span class={`badge ev-status ev-status--${props.status}`}>{t(`events-admin.status_${props.status}`)}</span>;
}

/** The events admin's tabs. Translators see only the translations. */
function EventsNav(props: { region: RegionRow; canEdit: boolean; canTranslate: boolean; canSettings: boolean }) {
  const { t } = usePage();
  const base = eventsBase(props.region.id);
  const tabs = [
    { href: base, label: t('events-admin.nav_events'), show: props.canEdit },
    { href: `${base}/new`, label: t('events-admin.nav_new'), show: props.canEdit },
    { href: `${base}/translations`, label: t('events-admin.nav_translations'), show: props.canTranslate },
    { href: `${base}/feeds`, label: t('events-feeds.title'), show: props.canEdit },
    { href: `${base}/settings`, label: t('events-admin.nav_settings'), show: props.canEdit },
  ];
  return <TabNav label={t('events-admin.nav_label')} tabs={tabs.filter((x) => x.show)} />;
}

export type LayoutAccess = { canEdit: boolean; canTranslate: boolean; canSettings: boolean };

export function EventsLayout(props: { region: RegionRow; title: string; access: LayoutAccess; head?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <AdminLayout title={props.title} head={props.head}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a> ›{' '}
        <a href={props.access.canEdit ? eventsBase(props.region.id) : `${eventsBase(props.region.id)}/translations`}>{t('events-admin.title')}</a>
      </p>
      <EventsNav region={props.region} {...props.access} />
      {props.children}
    </AdminLayout>
  );
}

/** The tabs of one event: details, dates, translations, and for round tables and dialog forums the forum pages. */
export function EventTabs(props: { region: RegionRow; event: Pick<EventRow, 'id' | 'title'> & { category?: EventRow['category'] }; languages: string[]; current: 'details' | 'dates' | 'translations' }) {
  const { t } = usePage();
  const tabs = [
    { key: 'details', href: eventHref(props.region.id, props.event.id), label: t('events-admin.tab_details') },
    { key: 'dates', href: datesHref(props.region.id, props.event.id), label: t('events-admin.tab_dates') },
    ...(props.languages.length ? [{ key: 'translations', href: translationHref(props.region.id, props.event.id, props.languages[0] ?? ''), label: t('events-admin.tab_translations') }] : []),
    ...(props.event.category && FORUM_CATEGORIES.includes(props.event.category) ? [{ key: 'forum', href: `${eventHref(props.region.id, props.event.id)}/forum`, label: t('events-forum.admin_link') }] : []),
  ];
  return <TabNav label={t('events-admin.tabs_label', { title: props.event.title })} tabs={tabs.map((x) => ({ href: x.href, label: x.label, current: x.key === props.current }))} />;
}

/** Per language: up to date / outdated / missing / machine, each a link to its translation form. */
export function TranslationStates(props: { region: RegionRow; eventId: string; states: Record<string, EventTranslationState> | undefined; current?: string }) {
  const entries = Object.entries(props.states ?? {});
  if (!entries.length) return null;
  return (
    <ul class="ev-lang-states">
      {entries.map(([lang, state]) => (
        <li key={lang}>
          <StateLabel language={lang} state={state} href={translationHref(props.region.id, props.eventId, lang)} current={lang === props.current} />
        </li>
      ))}
    </ul>
  );
}

/**
 * "Are you sure?" without JavaScript: the same form again with `confirmed=1`, the values it came with kept in hidden
 * fields, and optional extra fields (a reason).
 */
export function ConfirmPage(props: {
  region: RegionRow;
  access: LayoutAccess;
  title: string;
  message: string;
  details?: ComponentChildren;
  action: string;
  hidden: Record<string, string>;
  confirmLabel: string;
  backHref: string;
  fields?: ComponentChildren;
  form?: FormState;
}) {
  const { t } = usePage();
  return (
    <EventsLayout region={props.region} access={props.access} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.details}
      <Form action={props.action} class="ev-confirm">
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="1" />
        {props.fields}
        <div class="form-actions">
          <Button variant="danger">{props.confirmLabel}</Button> <a href={props.backHref}>{t('events-admin.confirm_back')}</a>
        </div>
      </Form>
    </EventsLayout>
  );
}
