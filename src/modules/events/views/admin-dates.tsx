import { Button, Form } from '../../../web/components/forms.js';
import { SYSTEM_CANCEL_REASONS } from '../cancel-reasons.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { languageNameIn } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import type { RegistrationRow } from '../registration.js';
import type { EventRow, OccurrenceRow } from '../service.js';
import { datesHref, EventsLayout, EventTabs, formatWhen, registrationsHref, StatusBadge, type LayoutAccess } from './admin-parts.js';

type T = ReturnType<typeof usePage>['t'];

/** Why a date was cancelled: the organiser's words, or that it dropped out of the series. */
export function cancelReasonText(t: T, reason: string | null): string {
  if (!reason) return '';
  if (reason === SYSTEM_CANCEL_REASONS.removedFromSeries) return t('events-admin.reason_removed_from_series');
  if (reason === SYSTEM_CANCEL_REASONS.cancelledInSource) return t('events-admin.reason_cancelled_in_source');
  return reason;
}

function Places(props: { occurrence: OccurrenceRow }) {
  const { t } = usePage();
  const o = props.occurrence;
  return <>{o.capacity === null ? t('events-admin.registered_unlimited', { confirmed: o.confirmed }) : t('events-admin.registered_of', { confirmed: o.confirmed, capacity: o.capacity })}</>;
}

function DateRow(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; past: boolean }) {
  const { t, lang } = usePage();
  const { region, event, occurrence: o } = props;
  const when = formatWhen(o.startsAt, event.timeZone, lang, event.allDay);
  const action = `${registrationsHref(region.id, event.id, o.id)}/status`;
  return (
    <tr id={`date-${o.id}`}>
      <th scope="row">{event.registrationRequired || o.confirmed + o.waitlisted > 0 || o.attendeesPurgedAt ? <a href={registrationsHref(region.id, event.id, o.id)}>{when}</a> : when}</th>
      <td>
        <StatusBadge status={o.status} />
        {o.status === 'cancelled' && o.cancelReason ? <span class="meta"> {cancelReasonText(t, o.cancelReason)}</span> : null}
      </td>
      <td>{event.registrationRequired || o.confirmed > 0 ? <Places occurrence={o} /> : '—'}</td>
      <td>{o.waitlisted > 0 ? o.waitlisted : '—'}</td>
      <td>{o.checkedIn > 0 ? o.checkedIn : '—'}</td>
      <td>
        {props.past ? null : o.status === 'scheduled' ? (
          <Form action={action} class="inline-form">
            <input type="hidden" name="action" value="cancel" />
            <Button variant="secondary">
              {t('events-admin.date_cancel')}
              <span class="visually-hidden"> {when}</span>
            </Button>
          </Form>
        ) : (
          <Form action={action} class="inline-form">
            <input type="hidden" name="action" value="reinstate" />
            <Button variant="secondary">
              {t('events-admin.date_reinstate')}
              <span class="visually-hidden"> {when}</span>
            </Button>
          </Form>
        )}
      </td>
    </tr>
  );
}

function DatesTable(props: { region: RegionRow; event: EventRow; occurrences: OccurrenceRow[]; past: boolean; caption: string }) {
  const { t } = usePage();
  return (
    <TableWrap label={props.caption}>
      <table class="ev-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <TableHead columns={[t('events-admin.col_date'), t('events-admin.col_status'), t('events-admin.col_registered'), t('events-admin.col_waitlist'), t('events-admin.col_checked_in')]} actions={t('events-admin.col_actions')} />
        <tbody>
          {props.occurrences.map((o) => (
            <DateRow key={o.id} region={props.region} event={props.event} occurrence={o} past={props.past} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** /admin/regions/:id/events/:eid/dates — every date with its status and counts; cancel or reinstate one date. */
export function DatesPage(props: { region: RegionRow; access: LayoutAccess; event: EventRow; occurrences: OccurrenceRow[]; languages: string[]; now: Date }) {
  const { t } = usePage();
  const { region, event } = props;
  const title = t('events-admin.dates_title', { title: event.title });
  const upcoming = props.occurrences.filter((o) => o.endsAt > props.now);
  const past = props.occurrences.filter((o) => o.endsAt <= props.now).reverse();
  return (
    <EventsLayout region={region} access={props.access} title={title}>
      <h1>{title}</h1>
      <EventTabs region={region} event={event} languages={props.languages} current="dates" />
      {event.status === 'cancelled' ? <p class="notice notice--info">{t('events-admin.dates_event_cancelled')}</p> : null}
      <p class="hint">{t('events-admin.dates_hint')}</p>
      <h2>{t('events-admin.dates_upcoming')}</h2>
      {upcoming.length ? <DatesTable region={region} event={event} occurrences={upcoming} past={false} caption={t('events-admin.dates_upcoming')} /> : <p>{t('events-admin.dates_none_upcoming')}</p>}
      {past.length ? (
        <>
          <h2>{t('events-admin.dates_past')}</h2>
          <DatesTable region={region} event={event} occurrences={past} past caption={t('events-admin.dates_past')} />
        </>
      ) : null}
    </EventsLayout>
  );
}

/** The registrations of one date as CSV rows (header first); the cells are made formula-safe by toCsv. */
export function registrationCsvRows(t: T, timeZone: string, rows: RegistrationRow[]): string[][] {
  const at = (d: Date | null) => (d ? new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(d) : '');
  return [
    ['col_name', 'col_email', 'col_phone', 'col_language', 'col_party', 'col_needs', 'col_status', 'col_registered_at', 'col_checked_in_at'].map((k) => t(`events-admin.${k}`)),
    ...rows.map((r) => [r.name, r.email ?? '', r.phone ?? '', r.language, String(r.partySize), r.accessibilityNeeds, t(`events-admin.registration_${r.status}`), at(r.createdAt), at(r.checkedInAt)]),
  ];
}

function RegistrationRowView(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; r: RegistrationRow }) {
  const { t, lang } = usePage();
  const { r } = props;
  const base = `${registrationsHref(props.region.id, props.event.id, props.occurrence.id)}/registrations/${r.id}`;
  return (
    <tr id={`reg-${r.id}`}>
      <th scope="row">
        <bdi>{r.name}</bdi>
      </th>
      <td>
        {r.email ? (
          <a href={`mailto:${r.email}`} dir="ltr">
            {r.email}
          </a>
        ) : null}
        {r.email && r.phone ? <br /> : null}
        {r.phone ? (
          <a href={`tel:${r.phone}`} dir="ltr">
            {r.phone}
          </a>
        ) : null}
      </td>
      <td>{languageNameIn(r.language, lang)}</td>
      <td>{r.partySize}</td>
      <td>{r.accessibilityNeeds ? <bdi>{r.accessibilityNeeds}</bdi> : '—'}</td>
      <td>
        <span class={`badge ev-reg ev-reg--${r.status}`}>{t(`events-admin.registration_${r.status}`)}</span>
      </td>
      <td>{formatWhen(r.createdAt, props.event.timeZone, lang)}</td>
      <td>
        {r.status === 'confirmed' ? (
          <Form action={`${base}/check-in`} class="inline-form">
            <input type="hidden" name="present" value={r.checkedInAt ? '0' : '1'} />
            <Button variant={r.checkedInAt ? 'secondary' : 'primary'}>
              {t(r.checkedInAt ? 'events-admin.check_in_undo' : 'events-admin.check_in')}
              <span class="visually-hidden"> {r.name}</span>
            </Button>
          </Form>
        ) : null}
        {r.checkedInAt ? <span class="meta"> {t('events-admin.checked_in_at', { time: formatWhen(r.checkedInAt, props.event.timeZone, lang) })}</span> : null}
      </td>
      <td>
        {r.status !== 'cancelled' ? (
          <Form action={`${base}/cancel`} class="inline-form">
            <Button variant="secondary">
              {t('events-admin.registration_cancel')}
              <span class="visually-hidden"> {r.name}</span>
            </Button>
          </Form>
        ) : null}
      </td>
    </tr>
  );
}

/** /admin/regions/:id/events/:eid/dates/:oid — the registrations of one date: check-in, cancel, CSV. */
export function RegistrationsPage(props: { region: RegionRow; access: LayoutAccess; event: EventRow; occurrence: OccurrenceRow; registrations: RegistrationRow[]; languages: string[] }) {
  const { t, lang } = usePage();
  const { region, event, occurrence: o } = props;
  const when = formatWhen(o.startsAt, event.timeZone, lang, event.allDay);
  const title = t('events-admin.registrations_title', { title: event.title, date: when });
  const href = registrationsHref(region.id, event.id, o.id);
  const active = props.registrations.filter((r) => r.status !== 'cancelled');
  return (
    <EventsLayout region={region} access={props.access} title={title}>
      <h1>{title}</h1>
      <EventTabs region={region} event={event} languages={props.languages} current="dates" />
      <p>
        <a href={datesHref(region.id, event.id)}>{t('events-admin.back_to_dates')}</a>
      </p>
      <dl class="summary-list">
        <dt>{t('events-admin.col_status')}</dt>
        <dd>
          <StatusBadge status={o.status} />
          {o.status === 'cancelled' && o.cancelReason ? <span class="meta"> {cancelReasonText(t, o.cancelReason)}</span> : null}
        </dd>
        <dt>{t('events-admin.col_registered')}</dt>
        <dd>
          <Places occurrence={o} />
        </dd>
        <dt>{t('events-admin.col_waitlist')}</dt>
        <dd>{t('events-admin.people_count', { count: o.waitlisted })}</dd>
        <dt>{t('events-admin.col_checked_in')}</dt>
        <dd>{t('events-admin.checked_in_count', { count: o.checkedIn })}</dd>
      </dl>
      {o.attendeesPurgedAt ? (
        <p class="notice notice--info">{t('events-admin.purged_note', { date: formatWhen(o.attendeesPurgedAt, event.timeZone, lang, true), confirmed: o.confirmed, checkedIn: o.checkedIn })}</p>
      ) : props.registrations.length ? (
        <>
          <p>
            <a class="button button--secondary" href={`${href}/registrations.csv`} download>
              {t('events-admin.csv_export')}
            </a>
          </p>
          <TableWrap label={title}>
            <table class="ev-table ev-registrations">
              <caption class="visually-hidden">{t('events-admin.registrations_caption', { count: active.length })}</caption>
              <TableHead columns={[t('events-admin.col_name'), t('events-admin.col_contact'), t('events-admin.col_language'), t('events-admin.col_party'), t('events-admin.col_needs'), t('events-admin.col_status'), t('events-admin.col_registered_at'), t('events-admin.col_check_in')]} actions={t('events-admin.col_actions')} />
              <tbody>
                {props.registrations.map((r) => (
                  <RegistrationRowView key={r.id} region={region} event={event} occurrence={o} r={r} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <p>{t('events-admin.registrations_none')}</p>
      )}
    </EventsLayout>
  );
}
