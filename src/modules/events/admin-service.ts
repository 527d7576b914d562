/**
 * What the events admin pages do, on top of the event services (service.ts, registration.ts): the form's choices,
 * saving from the form (form errors and service errors together), status changes with the registrants told, the
 * dates and registrations of an event, and the region's events settings. Each function checks `event.edit` (or
 * `event.settings`) on the region first and loads everything through the region.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { can, type Actor } from '../../platform/auth/permissions.js';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { KNOWN_LANGUAGES } from '../../platform/i18n/languages.js';
import type { FormValues } from '../../web/components/forms.js';
import { listMediaChoices, type MediaChoice } from '../guide/index.js';
import { listLanguages, saveSettingsSection, type RegionRow, type SettingsConflict, type SettingsSection } from '../regions/index.js';
import {
  listActiveRegistrations,
  listEventsForAdmin,
  listLocationChoices,
  listOccurrencesOfEvent,
  listOrganizationChoices,
  type EventListItem,
  type ListView,
  type LocationChoice,
  type OrganizationChoice,
} from './admin-queries.js';
import { notifyEventCancelled, notifyOccurrenceCancelled, type NotifyResult } from './cancellation.js';
import { changedFields, changedSettings, eventFormValues, eventSettingsValues, explainErrors, parseEventForm, parseEventSettingsForm, type ConflictField } from './forms.js';
import { expandSchedule, type Occurrence } from './recurrence.js';
import { cancelByStaff, listRegistrations, promoteWaitingParties, setCheckIn, type CancelResult, type RegistrationRow } from './registration.js';
import { registrations } from './schema.js';
import {
  countRegistrations,
  findEventOrThrow,
  findOccurrenceOrThrow,
  loadEventRegion,
  parseEventInput,
  saveEvent,
  setEventStatus,
  setOccurrenceStatus,
  type EventRow,
  type OccurrenceRow,
  type StatusAction,
} from './service.js';
import { eventSettings, type EventSettings } from './settings.js';
import { eventTranslationStates, type EventTranslationState } from './translations.js';

export type AdminContext = { region: RegionRow; path: string[]; canSettings: boolean; canTranslate: boolean };

/** The region of the events admin, checked for `event.edit` (or `action`). */
export async function openEventsAdmin(db: Db, actor: Actor, regionId: string, action: 'event.edit' | 'event.settings' = 'event.edit'): Promise<AdminContext> {
  const { region, path } = await loadEventRegion(db, actor, regionId, action);
  return { region, path, canSettings: can(actor, 'event.settings', path), canTranslate: can(actor, 'translation.edit', path) && region.languages.length > 1 };
}

// ---------- list ----------

export async function getEventList(db: Db, actor: Actor, regionId: string, filter: { view: ListView; q: string }, now = new Date()): Promise<{ ctx: AdminContext; items: EventListItem[] }> {
  const ctx = await openEventsAdmin(db, actor, regionId);
  return { ctx, items: await listEventsForAdmin(db, ctx.region.id, filter, now) };
}

// ---------- form ----------

export type EventChoices = { locations: LocationChoice[]; organizations: OrganizationChoice[]; images: MediaChoice[]; languages: string[] };

/** Languages people may mark as spoken: the region's, the installation's and the common languages of newcomers. */
async function languageChoices(db: Db, region: RegionRow, event?: EventRow): Promise<string[]> {
  const installation = (await listLanguages(db)).map((l) => l.code);
  const common = KNOWN_LANGUAGES.map((l) => l.code);
  return [...new Set([...region.languages, ...installation, ...common, ...(event?.languages ?? [])])].filter((c) => !c.includes('-x-'));
}

export async function loadChoices(db: Db, region: RegionRow, event?: EventRow): Promise<EventChoices> {
  const [locations, organizations, images, languages] = await Promise.all([
    listLocationChoices(db, region.id, event?.locationId ?? null),
    listOrganizationChoices(db, region.id, event?.organizerOrganizationId ?? null),
    listMediaChoices(db, region.id),
    languageChoices(db, region, event),
  ]);
  return { locations, organizations, images, languages };
}

export type EventSummary = { occurrences: number; upcoming: number; cancelled: number; confirmed: number; waitlisted: number };

export type EventFormData = {
  ctx: AdminContext;
  choices: EventChoices;
  event?: EventRow | undefined;
  summary?: EventSummary | undefined;
  states?: Record<string, EventTranslationState> | undefined;
};

/** What the new/edit form needs: the choices, and for an existing event the event, its dates at a glance and translation states. */
export async function getEventForm(db: Db, actor: Actor, regionId: string, eventId?: string, now = new Date()): Promise<EventFormData> {
  const ctx = await openEventsAdmin(db, actor, regionId);
  if (!eventId) return { ctx, choices: await loadChoices(db, ctx.region) };
  const event = await findEventOrThrow(db, ctx.region.id, eventId);
  const [choices, occurrences, states] = await Promise.all([loadChoices(db, ctx.region, event), listOccurrencesOfEvent(db, event.id), eventTranslationStates(db, ctx.region, [event])]);
  const future = occurrences.filter((o) => o.endsAt > now);
  const summary: EventSummary = {
    occurrences: occurrences.length,
    upcoming: future.filter((o) => o.status === 'scheduled').length,
    cancelled: occurrences.filter((o) => o.status === 'cancelled').length,
    confirmed: future.reduce((s, o) => s + o.confirmed, 0),
    waitlisted: future.reduce((s, o) => s + o.waitlisted, 0),
  };
  return { ctx, choices, event, summary, states: states.get(event.id) };
}

export type DatePreview = { dates: Occurrence[]; total: number; continues: boolean };
const PREVIEW_DATES = 12;

/** The next dates an event's stored schedule yields (the edit page's preview). */
export function previewOfEvent(event: EventRow, now = new Date()): DatePreview {
  const expansion = expandSchedule(event, { now });
  const future = expansion.occurrences.filter((o) => o.endsAt > now);
  return { dates: future.slice(0, PREVIEW_DATES), total: future.length, continues: expansion.continues };
}

/** The next dates the submitted form would yield ("show the dates" without saving), or every error that stops it. */
export function previewOfForm(region: RegionRow, values: FormValues, choices: EventChoices, creating: boolean, now = new Date()): { preview?: DatePreview; errors: FieldErrors } {
  const { input, errors } = parseEventForm(values, formOptions(choices, creating));
  try {
    const { expansion } = parseEventInput(input, region, now);
    if (Object.keys(errors).length) return { errors: explainErrors(errors) };
    const future = expansion.occurrences.filter((o) => o.endsAt > now);
    return { preview: { dates: future.slice(0, PREVIEW_DATES), total: future.length, continues: expansion.continues }, errors: {} };
  } catch (err) {
    if (err instanceof ValidationError) return { errors: explainErrors({ ...err.fields, ...errors }) };
    throw err;
  }
}

function formOptions(choices: EventChoices, creating: boolean) {
  return { locationIds: choices.locations.map((l) => l.id), organizationIds: choices.organizations.map((o) => o.id), imageIds: choices.images.map((m) => m.id), languages: choices.languages, creating };
}

/** The other side of a revision conflict: the stored version's form values and the fields that differ from the user's. */
export type EventConflict = { revision: number; stored: FormValues; storedHtml: string; changed: ConflictField[] };

export function eventConflict(current: EventRow, submitted: FormValues): EventConflict {
  const stored = eventFormValues(current);
  return { revision: current.revision, stored, storedHtml: current.descriptionHtml, changed: changedFields(stored, submitted) };
}

const NONE: NotifyResult = { mailed: 0, withoutEmail: 0 };
const add = (a: NotifyResult, b: NotifyResult): NotifyResult => ({ mailed: a.mailed + b.mailed, withoutEmail: a.withoutEmail + b.withoutEmail });

export type SaveFromFormResult = {
  event: EventRow;
  created: boolean;
  notified: NotifyResult;
  cancelledDates: number;
  /** Waiting parties that got a place because the capacity was raised or removed. */
  promoted: number;
};

/**
 * Saves the event form (create when `id` is absent). Form and service errors come back together as one
 * ValidationError; a stale revision is a ConflictError with the stored event. Dates that dropped out of the series
 * but had registrations are cancelled by saveEvent; their registrants are told in the same transaction. Places freed
 * by a raised capacity go to the waiting list.
 */
export async function saveEventFromForm(db: Db, actor: Actor, input: { regionId: string; id?: string | undefined; values: FormValues; baseUrl: string; requestId?: string | null; now?: Date }): Promise<SaveFromFormResult> {
  const now = input.now ?? new Date();
  const ctx = await openEventsAdmin(db, actor, input.regionId);
  const existing = input.id ? await findEventOrThrow(db, ctx.region.id, input.id) : undefined;
  const choices = await loadChoices(db, ctx.region, existing);
  const { input: eventInput, errors } = parseEventForm(input.values, formOptions(choices, !existing));
  if (Object.keys(errors).length) {
    let serviceErrors: FieldErrors = {};
    try {
      parseEventInput(eventInput, ctx.region, now);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      serviceErrors = err.fields;
    }
    throw new ValidationError(explainErrors({ ...serviceErrors, ...errors }));
  }
  const revisionText = input.values.revision;
  const revision = existing ? Number(Array.isArray(revisionText) ? revisionText[0] : (revisionText ?? '')) || 0 : undefined;
  try {
    return await db.transaction(async (tx) => {
      const result = await saveEvent(tx, actor, { regionId: ctx.region.id, id: existing?.id, revision, input: eventInput, minorChange: input.values.minor === '1', requestId: input.requestId ?? null, now });
      let notified = NONE;
      for (const o of result.cancelledOccurrences) notified = add(notified, await notifyOccurrenceCancelled(tx, o.id, input.baseUrl, now));
      const promoted = result.created ? 0 : await promoteWaitingParties(tx, { regionId: ctx.region.id, eventId: result.event.id, baseUrl: input.baseUrl, now });
      return { event: result.event, created: result.created, notified, cancelledDates: result.cancelledOccurrences.length, promoted };
    });
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(explainErrors(err.fields));
    throw err;
  }
}

// ---------- status ----------

/** How many registrations a cancellation would reach (confirmed or waiting, on dates still to come). */
export async function getCancelCheck(db: Db, actor: Actor, input: { regionId: string; eventId: string; now?: Date }): Promise<{ ctx: AdminContext; event: EventRow; registrations: number }> {
  const ctx = await openEventsAdmin(db, actor, input.regionId);
  const event = await findEventOrThrow(db, ctx.region.id, input.eventId);
  return { ctx, event, registrations: await countRegistrations(db, event.id, input.now ?? new Date()) };
}

/** Publishes, unpublishes, cancels or reinstates an event; cancelling tells everyone registered for a date to come. */
export async function changeEventStatus(db: Db, actor: Actor, input: { regionId: string; id: string; action: StatusAction; baseUrl: string; requestId?: string | null; now?: Date }): Promise<{ event: EventRow; notified: NotifyResult }> {
  const now = input.now ?? new Date();
  const ctx = await openEventsAdmin(db, actor, input.regionId);
  return db.transaction(async (tx) => {
    const event = await setEventStatus(tx, actor, { regionId: ctx.region.id, id: input.id, action: input.action, requestId: input.requestId ?? null, now });
    const notified = input.action === 'cancel' ? await notifyEventCancelled(tx, event.id, input.baseUrl, now) : NONE;
    return { event, notified };
  });
}

// ---------- dates ----------

export async function getDates(db: Db, actor: Actor, input: { regionId: string; eventId: string }): Promise<{ ctx: AdminContext; event: EventRow; occurrences: OccurrenceRow[] }> {
  const ctx = await openEventsAdmin(db, actor, input.regionId);
  const event = await findEventOrThrow(db, ctx.region.id, input.eventId);
  return { ctx, event, occurrences: await listOccurrencesOfEvent(db, event.id) };
}

/** A date of an event of the region (404 when it belongs to another event). */
export async function getOccurrence(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string }): Promise<{ ctx: AdminContext; event: EventRow; occurrence: OccurrenceRow }> {
  const ctx = await openEventsAdmin(db, actor, input.regionId);
  const event = await findEventOrThrow(db, ctx.region.id, input.eventId);
  const occurrence = await findOccurrenceOrThrow(db, ctx.region.id, input.occurrenceId);
  if (occurrence.eventId !== event.id) throw new NotFoundError('occurrence_not_found');
  return { ctx, event, occurrence };
}

/** Who a date's cancellation would reach: registrations with an e-mail address, and those with only a phone number. */
export async function getOccurrenceCancelCheck(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string }): Promise<{ ctx: AdminContext; event: EventRow; occurrence: OccurrenceRow; withEmail: number; withoutEmail: number }> {
  const found = await getOccurrence(db, actor, input);
  const active = await listActiveRegistrations(db, found.occurrence.id);
  const withEmail = active.filter((r) => r.email !== null).length;
  return { ...found, withEmail, withoutEmail: active.length - withEmail };
}

export const REASON_MAX = 500;

/**
 * Cancels (with an optional reason) or reinstates one date. Cancelling tells its registrants, in the same
 * transaction. A date already in the wanted state is left alone (no second mail).
 */
export async function changeOccurrenceStatus(
  db: Db,
  actor: Actor,
  input: { regionId: string; eventId: string; occurrenceId: string; cancel: boolean; reason?: string; baseUrl: string; requestId?: string | null; now?: Date },
): Promise<{ occurrence: OccurrenceRow; changed: boolean; notified: NotifyResult }> {
  const now = input.now ?? new Date();
  const { ctx, occurrence } = await getOccurrence(db, actor, input);
  const reason = (input.reason ?? '').trim();
  if (reason.length > REASON_MAX) throw new ValidationError({ reason: { key: 'validation.too_long', params: { max: REASON_MAX } } });
  if ((occurrence.status === 'cancelled') === input.cancel) return { occurrence, changed: false, notified: NONE };
  return db.transaction(async (tx) => {
    const row = await setOccurrenceStatus(tx, actor, { regionId: ctx.region.id, occurrenceId: occurrence.id, cancel: input.cancel, reason, requestId: input.requestId ?? null, now });
    const notified = input.cancel ? await notifyOccurrenceCancelled(tx, row.id, input.baseUrl, now) : NONE;
    return { occurrence: row, changed: true, notified };
  });
}

// ---------- registrations ----------

export async function getRegistrations(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string }): Promise<{ ctx: AdminContext; event: EventRow; occurrence: OccurrenceRow; registrations: RegistrationRow[] }> {
  const { ctx, event, occurrence } = await getOccurrence(db, actor, input);
  const list = await listRegistrations(db, actor, { regionId: ctx.region.id, occurrenceId: occurrence.id });
  return { ctx, event, occurrence: list.occurrence, registrations: list.registrations };
}

/** A registration of the date (404 when it belongs to another date). */
async function registrationOf(db: Db, regionId: string, occurrenceId: string, registrationId: string): Promise<RegistrationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(registrationId)) throw new NotFoundError('registration_not_found');
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.regionId, regionId), eq(registrations.id, registrationId), eq(registrations.occurrenceId, occurrenceId)));
  if (!row) throw new NotFoundError('registration_not_found');
  return row;
}

export async function getRegistration(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string; registrationId: string }): Promise<{ ctx: AdminContext; event: EventRow; occurrence: OccurrenceRow; registration: RegistrationRow }> {
  const found = await getOccurrence(db, actor, input);
  return { ...found, registration: await registrationOf(db, found.ctx.region.id, found.occurrence.id, input.registrationId) };
}

/** Marks a registrant as present at the door (or not). */
export async function checkIn(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string; registrationId: string; present: boolean; requestId?: string | null }): Promise<RegistrationRow> {
  const { ctx, registration } = await getRegistration(db, actor, input);
  return setCheckIn(db, actor, { regionId: ctx.region.id, registrationId: registration.id, present: input.present, requestId: input.requestId ?? null });
}

/** Cancels a registration for the registrant (they called); the waitlist moves up. */
export async function cancelRegistration(db: Db, actor: Actor, input: { regionId: string; eventId: string; occurrenceId: string; registrationId: string; baseUrl: string; requestId?: string | null }): Promise<CancelResult> {
  const { ctx, registration } = await getRegistration(db, actor, input);
  return cancelByStaff(db, actor, { regionId: ctx.region.id, registrationId: registration.id, baseUrl: input.baseUrl, requestId: input.requestId ?? null });
}

// ---------- settings ----------

export type { SettingsConflict };

export async function getEventSettings(db: Db, actor: Actor, regionId: string): Promise<{ ctx: AdminContext; settings: EventSettings; values: FormValues; canChange: boolean }> {
  const ctx = await openEventsAdmin(db, actor, regionId);
  const settings = eventSettings(ctx.region.settings);
  return { ctx, settings, values: { ...eventSettingsValues(settings), revision: String(ctx.region.revision) }, canChange: ctx.canSettings };
}

/** The events settings as a section of `regions.settings` (saved with the region revision guarding them). */
const EVENT_SETTINGS: SettingsSection<EventSettings> = {
  key: 'events',
  permission: 'event.settings',
  auditAction: 'event.settings.update',
  parse: parseEventSettingsForm,
  read: eventSettings,
  formValues: eventSettingsValues,
  changed: changedSettings,
};

/** Saves the events settings of a region (`regions.settings.events`); a stale save is a ConflictError with the stored settings. */
export async function saveEventSettings(db: Db, actor: Actor, input: { regionId: string; values: FormValues; requestId?: string | null }): Promise<EventSettings> {
  return saveSettingsSection(db, actor, EVENT_SETTINGS, input);
}
