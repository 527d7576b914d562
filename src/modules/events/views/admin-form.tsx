import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { Button, Checkboxes, describedBy, Radios, ErrorSummary, FieldError, FieldShell, Form, RichTextField, Select, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { languageNameIn, EditorLabels, EditorScript } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import type { DatePreview, EventChoices, EventConflict, EventSummary } from '../admin-service.js';
import { readDateTime } from '../forms.js';
import { EVENT_CATEGORIES } from '../schema.js';
import { SET_POSITIONS, WEEKDAYS, type Weekday } from '../recurrence.js';
import type { EventRow } from '../service.js';
import type { EventTranslationState } from '../translations.js';
import { datesHref, describeSchedule, describeScheduleValues, eventHref, eventsBase, EventsLayout, EventTabs, formatLocal, formatWhen, StatusBadge, TranslationStates, weekdayName, type LayoutAccess } from './admin-parts.js';

type T = ReturnType<typeof usePage>['t'];

function CheckboxField(props: { name: string; label: string; form: FormState; hint?: string }) {
  const hintId = props.hint ? `h-${props.name}` : undefined;
  return (
    <div class="checkbox">
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="1" checked={valueOf(props.form, props.name) === '1'} aria-describedby={hintId} />
      <label for={`f-${props.name}`}>
        {props.label}
        {props.hint ? (
          <span class="hint" id={hintId}>
            {' '}
            {props.hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** A date or date-time input (`datetime-local`; `date` for all-day events). */
function WhenField(props: { name: string; label: string; form: FormState; dateOnly: boolean; hint?: string; required?: boolean }) {
  const raw = valueOf(props.form, props.name);
  // A date-time shown in a date input (or the other way round) would show as empty: convert what can be converted.
  const read = readDateTime(raw);
  const value = !read ? raw : props.dateOnly ? read.date : read.time ? `${read.date}T${read.time}` : raw;
  return (
    <FieldShell name={props.name} label={props.label} form={props.form} hint={props.hint} required={props.required}>
      <input
        type={props.dateOnly ? 'date' : 'datetime-local'}
        id={`f-${props.name}`}
        name={props.name}
        value={value}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

/** The description as HTML in a textarea; the rich-editor island (as on guide pages) enhances it. Sanitised on save. */
export function DescriptionField(props: { form: FormState; language: string; regionId: string; label: string; hint: string }) {
  return <RichTextField name="descriptionHtml" label={props.label} hint={props.hint} form={props.form} language={props.language} rows={12} config={<EditorLabels language={props.language} regionId={props.regionId} />} />;
}

function all(form: FormState, name: string): string[] {
  const v = form.values[name];
  return Array.isArray(v) ? v.filter(Boolean) : v ? [v] : [];
}

/** Frequency, interval, weekdays, monthly mode, end — every field visible (no JavaScript needed), each with its hint. */
function RecurrenceFields(props: { form: FormState }) {
  const { t, lang } = usePage();
  const f = props.form;
  const start = readDateTime(valueOf(f, 'startLocal'));
  const startWeekday = start ? (WEEKDAYS[(new Date(`${start.date}T00:00:00Z`).getUTCDay() + 6) % 7] as Weekday) : undefined;
  const stored = valueOf(f, 'rrule');
  return (
    <fieldset class="ev-recurrence" aria-describedby="h-recurrence">
      <legend>{t('events-admin.section_recurrence')}</legend>
      <p class="hint" id="h-recurrence">
        {t('events-admin.recurrence_hint')}
      </p>
      {stored ? (
        <div class="notice notice--info ev-custom-rule">
          <p>{t('events-admin.custom_rule_note')}</p>
          <p>
            <code dir="ltr">{stored}</code>
          </p>
          <input type="hidden" name="rrule" value={stored} />
          <CheckboxField name="replaceRrule" label={t('events-admin.custom_rule_replace')} form={f} />
        </div>
      ) : null}
      <Select
        name="recurrence.freq"
        label={t('events-admin.field_recurrence_freq')}
        form={f}
        options={(['none', 'daily', 'weekly', 'monthly', 'yearly'] as const).map((x) => ({ value: x, label: t(`events-admin.freq_${x}`) }))}
      />
      <TextField name="recurrence.interval" label={t('events-admin.field_recurrence_interval')} hint={t('events-admin.recurrence_interval_hint')} form={f} inputMode="numeric" maxLength={2} dir="ltr" />
      <Checkboxes name="recurrence.byDay" label={t('events-admin.field_recurrence_byDay')} hint={t('events-admin.recurrence_byday_hint')} form={f} options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, lang) }))} />
      <Radios
        name="recurrence.monthlyMode"
        label={t('events-admin.field_recurrence_monthlyMode')}
        form={f}
        options={[
          { value: 'day', label: start ? t('events-admin.monthly_day_of', { day: Number(start.date.slice(8, 10)) }) : t('events-admin.monthly_day') },
          { value: 'weekday', label: startWeekday ? t('events-admin.monthly_weekday_of', { weekday: weekdayName(startWeekday, lang) }) : t('events-admin.monthly_weekday') },
        ]}
      />
      <Select
        name="recurrence.setPos"
        label={t('events-admin.field_recurrence_setPos')}
        hint={t('events-admin.recurrence_setpos_hint')}
        form={f}
        options={SET_POSITIONS.map((p) => ({ value: String(p), label: t(`events-admin.setpos_${p === -1 ? 'last' : p}`) }))}
      />
      <Radios
        name="recurrence.endMode"
        label={t('events-admin.field_recurrence_endMode')}
        form={f}
        options={[
          { value: 'until', label: t('events-admin.end_until') },
          { value: 'count', label: t('events-admin.end_count') },
          { value: 'never', label: t('events-admin.end_never') },
        ]}
      />
      <WhenField name="recurrence.until" label={t('events-admin.field_recurrence_until')} hint={t('events-admin.recurrence_until_hint')} form={f} dateOnly />
      <TextField name="recurrence.count" label={t('events-admin.field_recurrence_count')} hint={t('events-admin.recurrence_count_hint')} form={f} inputMode="numeric" maxLength={3} dir="ltr" />
    </fieldset>
  );
}

/** Dates left out of the series (EXDATE) or added to it (RDATE): ticked = kept; one more can be typed and added. */
function DateListField(props: { form: FormState; name: 'exdates' | 'rdates'; allDay: boolean }) {
  const { t, lang } = usePage();
  const f = props.form;
  const dates = all(f, props.name);
  const error = f.errors[props.name];
  const newName = `${props.name}New`;
  return (
    <fieldset class={`ev-date-list${error ? ' field--error' : ''}`} id={`f-${props.name}`} aria-describedby={`h-${props.name}`}>
      <legend>{t(`events-admin.section_${props.name}`)}</legend>
      <p class="hint" id={`h-${props.name}`}>
        {t(`events-admin.${props.name}_hint`)}
      </p>
      <FieldError error={error} />
      {dates.length ? (
        <div class="checkboxes">
          {dates.map((d) => (
            <div class="checkbox" key={d}>
              <input type="checkbox" id={`f-${props.name}-${d}`} name={props.name} value={d} checked />
              <label for={`f-${props.name}-${d}`}>{formatLocal(d, lang, props.allDay || d.length === 10)}</label>
            </div>
          ))}
        </div>
      ) : (
        <p class="meta">{t(`events-admin.${props.name}_none`)}</p>
      )}
      <div class="ev-date-add">
        <WhenField name={newName} label={t(`events-admin.field_${newName}`)} form={f} dateOnly={props.name === 'exdates' || props.allDay} />
        <button type="submit" name="add" value={props.name} class="button button--secondary">
          {t(`events-admin.add_${props.name}`)}
        </button>
      </div>
    </fieldset>
  );
}

/** The next dates the rule yields. */
function Preview(props: { preview: DatePreview; region: RegionRow; allDay: boolean }) {
  const { t, lang } = usePage();
  const { preview } = props;
  return (
    <section class="ev-preview" aria-labelledby="ev-preview-title">
      <h3 id="ev-preview-title">{t('events-admin.preview_title')}</h3>
      {preview.dates.length ? (
        <>
          <ol>
            {preview.dates.map((d) => (
              <li key={d.recurrenceId}>{formatWhen(d.startsAt, props.region.timezone, lang, props.allDay)}</li>
            ))}
          </ol>
          <p class="meta">{preview.continues ? t('events-admin.preview_continues', { count: preview.total }) : t('events-admin.preview_total', { count: preview.total })}</p>
        </>
      ) : (
        <p>{t('events-admin.preview_none')}</p>
      )}
    </section>
  );
}

/** The stored value of a field as the conflict notice shows it. */
function storedValue(t: T, lang: string, field: string, conflict: EventConflict, choices: EventChoices) {
  const v = conflict.stored;
  const one = (name: string) => valueOf({ values: v, errors: {} }, name);
  const many = (name: string) => {
    const x = v[name];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const allDay = one('allDay') === '1';
  switch (field) {
    case 'descriptionHtml':
      return <SanitizedHtml html={trustStoredHtml(conflict.storedHtml)} class="rich-text" />;
    case 'category':
      return t(`events.category_${one('category')}`);
    case 'allDay':
    case 'mediationAvailable':
    case 'registrationRequired':
      return one(field) === '1' ? t('common.yes') : t('common.no');
    case 'startLocal':
    case 'endLocal':
      return one(field) ? formatLocal(one(field), lang, allDay) : '—';
    case 'schedule':
      return describeScheduleValues(t, lang, v);
    case 'exdates':
    case 'rdates':
      return many(field).map((d) => formatLocal(d, lang, allDay || d.length === 10)).join(', ') || '—';
    case 'languages':
      return many(field).map((c) => languageNameIn(c, lang)).join(', ') || '—';
    case 'locationId':
      return choices.locations.find((l) => l.id === one(field))?.name ?? '—';
    case 'organizerOrganizationId':
      return choices.organizations.find((o) => o.id === one(field))?.name ?? '—';
    case 'imageId':
      return choices.images.find((m) => m.id === one(field))?.filename ?? '—';
    default:
      return one(field) || '—';
  }
}

function ConflictNotice(props: { conflict: EventConflict; choices: EventChoices }) {
  const { t, lang } = usePage();
  const { conflict } = props;
  return (
    <div class="notice notice--error ev-conflict" role="alert">
      <p>
        <strong>{t('events-admin.conflict_title')}</strong>
      </p>
      <p>{t('events-admin.conflict_text')}</p>
      {conflict.changed.length ? (
        <>
          <p>{t('events-admin.conflict_fields')}</p>
          <dl class="summary-list">
            {conflict.changed.map((field) => [
              <dt key={`${field}-t`}>{t(`events-admin.field_${field}`)}</dt>,
              <dd key={`${field}-d`}>
                <bdi>{storedValue(t, lang, field, conflict, props.choices)}</bdi>
              </dd>,
            ])}
          </dl>
        </>
      ) : (
        <p>{t('events-admin.conflict_same')}</p>
      )}
    </div>
  );
}

/** Publish, unpublish, cancel (confirmed on the next page), reinstate. */
function StatusActions(props: { region: RegionRow; event: EventRow }) {
  const { t } = usePage();
  const s = props.event.status;
  const actions: { action: string; show: boolean; variant: 'primary' | 'secondary' | 'danger' }[] = [
    { action: 'publish', show: s === 'draft', variant: 'primary' },
    { action: 'unpublish', show: s === 'published', variant: 'secondary' },
    { action: 'cancel', show: s !== 'cancelled', variant: 'danger' },
    { action: 'reinstate', show: s === 'cancelled', variant: 'secondary' },
  ];
  return (
    <section class="ev-status-actions" aria-labelledby="ev-status-title">
      <h2 id="ev-status-title">{t('events-admin.status_title')}</h2>
      <p>
        {t('events-admin.status_now')} <StatusBadge status={s} />
      </p>
      <Form action={`${eventHref(props.region.id, props.event.id)}/status`} class="button-group">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Button key={a.action} name="action" value={a.action} variant={a.variant}>
              {t(`events-admin.action_${a.action}`)}
            </Button>
          ))}
      </Form>
      <p class="hint">{t(`events-admin.status_hint_${s}`)}</p>
    </section>
  );
}

export type EventFormProps = {
  region: RegionRow;
  access: LayoutAccess;
  form: FormState;
  choices: EventChoices;
  event?: EventRow | undefined;
  summary?: EventSummary | undefined;
  states?: Record<string, EventTranslationState> | undefined;
  preview?: DatePreview | undefined;
  conflict?: EventConflict | undefined;
  /** Languages the event can be translated into (for the tabs). */
  languages: string[];
};

/** The new/edit form of an event; works without JavaScript (the description editor is an island). */
export function EventFormPage(props: EventFormProps) {
  const { t, lang } = usePage();
  const { region, form: f, event, choices } = props;
  const allDay = valueOf(f, 'allDay') === '1';
  const title = event ? t('events-admin.edit_title', { title: event.title }) : t('events-admin.new_title');
  const action = event ? eventHref(region.id, event.id) : `${eventsBase(region.id)}/new`;
  const timeZone = valueOf(f, 'timeZone') || region.timezone;
  const locationOptions = [{ value: '', label: t('events-admin.location_none') }, ...choices.locations.map((l) => ({ value: l.id, label: [l.name, l.address1, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') }))];
  return (
    <EventsLayout region={region} access={props.access} title={title} head={<EditorScript />}>
      <h1>{title}</h1>
      {event ? <EventTabs region={region} event={event} languages={props.languages} current="details" /> : null}
      {event && props.summary ? (
        <dl class="summary-list">
          <dt>{t('events-admin.col_status')}</dt>
          <dd>
            <StatusBadge status={event.status} />
          </dd>
          <dt>{t('events-admin.summary_schedule')}</dt>
          <dd>{describeSchedule(t, lang, event)}</dd>
          <dt>{t('events-admin.summary_dates')}</dt>
          <dd>
            <a href={datesHref(region.id, event.id)}>{t('events-admin.summary_dates_text', { upcoming: props.summary.upcoming, cancelled: props.summary.cancelled })}</a>
          </dd>
          {event.registrationRequired ? (
            <>
              <dt>{t('events-admin.summary_registrations')}</dt>
              <dd>{t('events-admin.summary_registrations_text', { confirmed: props.summary.confirmed, waitlisted: props.summary.waitlisted })}</dd>
            </>
          ) : null}
          {props.states && Object.keys(props.states).length ? (
            <>
              <dt>{t('events-admin.summary_translations')}</dt>
              <dd>
                <TranslationStates region={region} eventId={event.id} states={props.states} />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {props.conflict ? <ConflictNotice conflict={props.conflict} choices={choices} /> : null}
      <ErrorSummary errors={f.errors} />
      <Form action={action} class="ev-form">
        {/* Enter in a text field saves (the first submit button of a form is its default). */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('events-admin.save')}
        </button>
        {event ? <input type="hidden" name="revision" value={valueOf(f, 'revision')} /> : null}
        <input type="hidden" name="timeZone" value={valueOf(f, 'timeZone')} />
        <fieldset>
          <legend>{t('events-admin.section_what')}</legend>
          <TextField name="title" label={t('events-admin.field_title')} form={f} required maxLength={200} />
          <Select name="category" label={t('events-admin.field_category')} form={f} required options={EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`events.category_${c}`) }))} />
          <DescriptionField form={f} language={region.sourceLanguage} regionId={region.id} label={t('events-admin.field_descriptionHtml')} hint={t('events-admin.description_hint')} />
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_when')}</legend>
          <p class="hint">{t('events-admin.when_hint', { timezone: timeZone })}</p>
          <CheckboxField name="allDay" label={t('events-admin.field_allDay')} hint={t('events-admin.allday_hint')} form={f} />
          <WhenField name="startLocal" label={t(allDay ? 'events-admin.field_startDate' : 'events-admin.field_startLocal')} form={f} dateOnly={allDay} required />
          <WhenField name="endLocal" label={t(allDay ? 'events-admin.field_endDate' : 'events-admin.field_endLocal')} hint={t(allDay ? 'events-admin.end_date_hint' : 'events-admin.end_hint')} form={f} dateOnly={allDay} required={!allDay} />
          <RecurrenceFields form={f} />
          <DateListField form={f} name="exdates" allDay={allDay} />
          <DateListField form={f} name="rdates" allDay={allDay} />
          {props.preview ? <Preview preview={props.preview} region={region} allDay={allDay} /> : null}
          <button type="submit" name="add" value="preview" class="button button--secondary">
            {t('events-admin.preview_button')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_where')}</legend>
          <p class="hint">{t('events-admin.where_hint')}</p>
          <Select name="locationId" label={t('events-admin.field_locationId')} hint={t('events-admin.location_hint')} form={f} options={locationOptions} />
          <TextField name="placeName" label={t('events-admin.field_placeName')} form={f} maxLength={200} />
          <TextField name="street" label={t('events-admin.field_street')} form={f} maxLength={200} autocomplete="off" />
          <TextField name="postalCode" label={t('events-admin.field_postalCode')} form={f} maxLength={20} inputMode="numeric" />
          <TextField name="city" label={t('events-admin.field_city')} form={f} maxLength={100} />
          <TextField name="onlineUrl" label={t('events-admin.field_onlineUrl')} hint={t('events-admin.online_hint')} form={f} type="url" dir="ltr" maxLength={500} />
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_who')}</legend>
          <TextField name="organizerName" label={t('events-admin.field_organizerName')} form={f} maxLength={200} />
          <Select
            name="organizerOrganizationId"
            label={t('events-admin.field_organizerOrganizationId')}
            hint={t('events-admin.organization_hint')}
            form={f}
            options={[{ value: '', label: t('events-admin.organization_none') }, ...choices.organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <TextField name="contactEmail" label={t('events-admin.field_contactEmail')} form={f} type="email" dir="ltr" maxLength={254} />
          <TextField name="contactPhone" label={t('events-admin.field_contactPhone')} form={f} type="tel" dir="ltr" maxLength={50} />
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_access')}</legend>
          <Checkboxes name="languages" label={t('events-admin.field_languages')} hint={t('events-admin.languages_hint')} form={f} options={choices.languages.map((code) => ({ value: code, label: languageNameIn(code, lang) }))} />
          <CheckboxField name="mediationAvailable" label={t('events-admin.field_mediationAvailable')} hint={t('events-admin.mediation_hint')} form={f} />
          <TextArea name="accessibility" label={t('events-admin.field_accessibility')} hint={t('events-admin.accessibility_hint')} form={f} rows={3} maxLength={2000} />
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_cost')}</legend>
          <TextField name="price" label={t('events-admin.field_price')} hint={t('events-admin.price_hint')} form={f} inputMode="decimal" maxLength={12} dir="ltr" />
          <TextField name="costNote" label={t('events-admin.field_costNote')} hint={t('events-admin.cost_note_hint')} form={f} maxLength={500} />
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_image')}</legend>
          <Select
            name="imageId"
            label={t('events-admin.field_imageId')}
            hint={t('events-admin.image_hint')}
            form={f}
            options={[{ value: '', label: t('events-admin.image_none') }, ...choices.images.map((m) => ({ value: m.id, label: m.alt ? `${m.alt} (${m.filename})` : m.filename }))]}
          />
          <p class="hint">
            <a href={`/admin/regions/${region.id}/media`}>{t('events-admin.media_library')}</a>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('events-admin.section_registration')}</legend>
          <CheckboxField name="registrationRequired" label={t('events-admin.field_registrationRequired')} hint={t('events-admin.registration_hint')} form={f} />
          <TextField name="capacity" label={t('events-admin.field_capacity')} hint={t('events-admin.capacity_hint')} form={f} inputMode="numeric" maxLength={6} dir="ltr" />
          <TextField name="maxPartySize" label={t('events-admin.field_maxPartySize')} hint={t('events-admin.party_hint')} form={f} inputMode="numeric" maxLength={2} dir="ltr" />
        </fieldset>

        {event ? (
          <CheckboxField name="minor" label={t('events-admin.field_minor')} hint={t('events-admin.minor_hint')} form={f} />
        ) : (
          <Select
            name="status"
            label={t('events-admin.field_status')}
            form={f}
            options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`events-admin.status_${s}`) }))}
          />
        )}
        <div class="form-actions">
          <Button>{t(props.conflict ? 'events-admin.save_mine' : event ? 'events-admin.save' : 'events-admin.create')}</Button>
        </div>
      </Form>
      {event ? <StatusActions region={region} event={event} /> : null}
    </EventsLayout>
  );
}
