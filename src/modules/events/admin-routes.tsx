import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentProps } from 'preact';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { requireActor } from '../../platform/http/guards.js';
import { translator } from '../../platform/i18n/catalog.js';
import { languageInfo } from '../../platform/i18n/languages.js';
import { formValues, TextArea, type FormState, type FormValues } from '../../web/components/forms.js';
import { regionSettingsPost, submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { LIST_VIEWS, type ListView } from './admin-queries.js';
import {
  cancelRegistration,
  changeEventStatus,
  changeOccurrenceStatus,
  checkIn,
  eventConflict,
  getCancelCheck,
  getDates,
  getEventForm,
  getEventList,
  getEventSettings,
  getOccurrenceCancelCheck,
  getRegistration,
  getRegistrations,
  loadChoices,
  previewOfEvent,
  previewOfForm,
  REASON_MAX,
  saveEventFromForm,
  saveEventSettings,
  type AdminContext,
  type DatePreview,
  type EventConflict,
  type SettingsConflict,
} from './admin-service.js';
import type { NotifyResult } from './cancellation.js';
import { eventFormValues, newEventValues, withDateAdded } from './forms.js';
import { STATUS_ACTIONS, type EventRow, type OccurrenceRow } from './service.js';
import { getEventTranslation, getTranslationOverview, saveEventTranslation, targetLanguages } from './translations.js';
import { registrationCsvRows, DatesPage, RegistrationsPage } from './views/admin-dates.js';
import { EventFormPage } from './views/admin-form.js';
import { EventListPage } from './views/admin-list.js';
import { ConfirmPage, datesHref, eventHref, eventsBase, formatWhen, registrationsHref, translationHref, type LayoutAccess } from './views/admin-parts.js';
import { EventSettingsPage } from './views/admin-settings.js';
import { TranslationOverviewPage, TranslationPage } from './views/admin-translations.js';

const id = z.string().max(64);
const regionParams = z.object({ id });
const eventParams = z.object({ id, eventId: id });
const occurrenceParams = z.object({ id, eventId: id, occurrenceId: id });
const registrationParams = z.object({ id, eventId: id, occurrenceId: id, registrationId: id });
const translationParams = z.object({ id, eventId: id, lang: z.string().max(40) });
const listQuery = z.object({
  view: z.enum(LIST_VIEWS).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

const access = (ctx: AdminContext): LayoutAccess => ({ canEdit: true, canTranslate: ctx.canTranslate, canSettings: ctx.canSettings });

/** The "Are you sure?" page of an admin action, in the events layout of the region. */
function sendConfirm(request: FastifyRequest, reply: FastifyReply, ctx: AdminContext, page: Omit<ComponentProps<typeof ConfirmPage>, 'region' | 'access'>, status = 200): FastifyReply {
  return sendPage(request, reply, <ConfirmPage region={ctx.region} access={access(ctx)} {...page} />, { status });
}

/** When a date takes place, as the confirmation pages name it. */
const whenOf = (found: { event: EventRow; occurrence: OccurrenceRow }, lang: string): string => formatWhen(found.occurrence.startsAt, found.event.timeZone, lang, found.event.allDay);

/** The languages the actor may open translations of (the event tabs). */
function languagesFor(ctx: AdminContext): string[] {
  return ctx.canTranslate ? targetLanguages(ctx.region) : [];
}

/** Flashes saying who was told about a cancellation (and who has to be called). */
function flashNotified(reply: FastifyReply, notified: NotifyResult): void {
  if (notified.mailed > 0) reply.flash({ type: 'info', key: 'events-admin.flash_registrants_mailed', params: { count: notified.mailed } });
  if (notified.withoutEmail > 0) reply.flash({ type: 'info', key: 'events-admin.flash_registrants_phone', params: { count: notified.withoutEmail } });
}

type FormRender = { form?: FormState; status?: number; conflict?: EventConflict; preview?: DatePreview | 'stored' };

/** Admin pages of events (under /admin/regions/:id/events): list, form, status, dates, registrations, translations, settings. */
export async function eventsAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;

  // Admin pages speak the signed-in person's interface language.
  app.addHook('preHandler', async (request) => {
    if (!request.url.includes('/events')) return;
    const uiLanguage = request.ctx.actor ? request.ctx.session?.account.uiLanguage : undefined;
    if (!uiLanguage || request.ctx.lang === uiLanguage) return;
    request.ctx.lang = uiLanguage;
    request.ctx.dir = languageInfo(uiLanguage).direction;
    request.ctx.t = translator(uiLanguage);
  });

  const B = '/admin/regions/:id/events';

  // ---------- list ----------

  app.get(B, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const q = listQuery.parse(request.query);
    const view: ListView = q.view ?? 'upcoming';
    const data = await getEventList(db, actor, regionId, { view, q: q.q?.trim() ?? '' });
    return sendPage(request, reply, <EventListPage region={data.ctx.region} access={access(data.ctx)} items={data.items} view={view} q={q.q ?? ''} />);
  });

  // ---------- new / edit ----------

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, eventId: string | undefined, opts: FormRender = {}) => {
    const data = await getEventForm(db, actor, regionId, eventId);
    const form = opts.form ?? { values: data.event ? eventFormValues(data.event) : newEventValues(), errors: {} };
    const preview = opts.preview === 'stored' ? (data.event ? previewOfEvent(data.event) : undefined) : opts.preview;
    return sendPage(
      request,
      reply,
      <EventFormPage
        region={data.ctx.region}
        access={access(data.ctx)}
        form={form}
        choices={data.choices}
        event={data.event}
        summary={data.summary}
        states={data.states}
        preview={preview}
        conflict={opts.conflict}
        languages={languagesFor(data.ctx)}
      />,
      { status: opts.status ?? 200 },
    );
  };

  app.get(`${B}/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    return renderForm(request, reply, actor, regionId, undefined);
  });

  app.get(`${B}/:eventId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, eventId: eid } = eventParams.parse(request.params);
    return renderForm(request, reply, actor, regionId, eid, { preview: 'stored' });
  });

  const save = async (request: FastifyRequest, reply: FastifyReply, eid: string | undefined) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const values = formValues(request.body);
    const add = str(values.add);
    // Without JavaScript: "add this date" and "show the dates" come back with the form as typed, nothing saved.
    if (add === 'exdates' || add === 'rdates') {
      const added = withDateAdded(values, add);
      return renderForm(request, reply, actor, regionId, eid, { form: { values: added.values, errors: added.errors }, status: Object.keys(added.errors).length ? 422 : 200 });
    }
    if (add === 'preview') {
      const data = await getEventForm(db, actor, regionId, eid);
      const checked = previewOfForm(data.ctx.region, values, await loadChoices(db, data.ctx.region, data.event), !data.event);
      return renderForm(request, reply, actor, regionId, eid, { form: { values, errors: checked.errors }, preview: checked.preview, status: Object.keys(checked.errors).length ? 422 : 200 });
    }
    return submitRevisedForm(values, {
      save: async () => {
        const result = await saveEventFromForm(db, actor, { regionId, id: eid, values, baseUrl, requestId: request.id });
        reply.flash({ type: 'success', key: result.created ? 'events-admin.flash_created' : 'events-admin.flash_saved' });
        if (result.cancelledDates > 0) reply.flash({ type: 'info', key: 'events-admin.flash_dates_cancelled', params: { count: result.cancelledDates } });
        flashNotified(reply, result.notified);
        if (result.promoted > 0) reply.flash({ type: 'info', key: 'events-admin.flash_waitlist_promoted', params: { count: result.promoted } });
        return reply.redirect(eventHref(regionId, result.event.id), 303);
      },
      showAgain: (again: FormAgain<EventConflict>) => renderForm(request, reply, actor, regionId, eid, again),
      conflictOf: (current) => eventConflict(current as EventRow, values),
    });
  };
  app.post(`${B}/new`, async (request, reply) => save(request, reply, undefined));
  app.post(`${B}/:eventId`, async (request, reply) => save(request, reply, eventParams.parse(request.params).eventId));

  // ---------- status ----------

  app.post(`${B}/:eventId/status`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, eventId: eid } = eventParams.parse(request.params);
    const values = formValues(request.body);
    const action = STATUS_ACTIONS.find((a) => a === str(values.action));
    if (!action) {
      // Unknown action: nothing to do; the permission check still applies.
      await getCancelCheck(db, actor, { regionId, eventId: eid });
      reply.flash({ type: 'error', key: 'validation.choose_valid' });
      return reply.redirect(eventHref(regionId, eid), 303);
    }
    if (action === 'cancel' && str(values.confirmed) !== '1') {
      const check = await getCancelCheck(db, actor, { regionId, eventId: eid });
      const { t } = request.ctx;
      return sendConfirm(request, reply, check.ctx, {
        title: t('events-admin.confirm_cancel_event_title', { title: check.event.title }),
        message: t('events-admin.confirm_cancel_event_text'),
        details: <p>{t('events-admin.confirm_registrants', { count: check.registrations })}</p>,
        action: `${eventHref(regionId, eid)}/status`,
        hidden: { action: 'cancel' },
        confirmLabel: t('events-admin.confirm_cancel_event'),
        backHref: eventHref(regionId, eid),
      });
    }
    try {
      const result = await changeEventStatus(db, actor, { regionId, id: eid, action, baseUrl, requestId: request.id });
      reply.flash({ type: 'success', key: `events-admin.flash_status_${action}` });
      flashNotified(reply, result.notified);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(eventHref(regionId, eid), 303);
  });

  // ---------- dates ----------

  app.get(`${B}/:eventId/dates`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, eventId: eid } = eventParams.parse(request.params);
    const data = await getDates(db, actor, { regionId, eventId: eid });
    return sendPage(request, reply, <DatesPage region={data.ctx.region} access={access(data.ctx)} event={data.event} occurrences={data.occurrences} languages={languagesFor(data.ctx)} now={new Date()} />);
  });

  const renderCancelDate = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof occurrenceParams>, form: FormState, status = 200) => {
    const check = await getOccurrenceCancelCheck(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
    const { t, lang } = request.ctx;
    return sendConfirm(
      request,
      reply,
      check.ctx,
      {
        title: t('events-admin.confirm_cancel_date_title', { date: whenOf(check, lang) }),
        message: t('events-admin.confirm_cancel_date_text', { title: check.event.title }),
        details: (
          <>
            <p>{t('events-admin.confirm_registrants_mail', { count: check.withEmail })}</p>
            {check.withoutEmail > 0 ? <p>{t('events-admin.confirm_registrants_phone', { count: check.withoutEmail })}</p> : null}
          </>
        ),
        action: `${registrationsHref(p.id, p.eventId, p.occurrenceId)}/status`,
        hidden: { action: 'cancel' },
        confirmLabel: t('events-admin.confirm_cancel_date'),
        backHref: datesHref(p.id, p.eventId),
        fields: <TextArea name="reason" label={t('events-admin.field_reason')} hint={t('events-admin.reason_hint')} form={form} rows={3} maxLength={REASON_MAX} />,
      },
      status,
    );
  };

  app.post(`${B}/:eventId/dates/:occurrenceId/status`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = occurrenceParams.parse(request.params);
    const values = formValues(request.body);
    const action = str(values.action);
    const cancel = action === 'cancel';
    if (!cancel && action !== 'reinstate') {
      await getOccurrenceCancelCheck(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
      reply.flash({ type: 'error', key: 'validation.choose_valid' });
      return reply.redirect(datesHref(p.id, p.eventId), 303);
    }
    if (cancel && str(values.confirmed) !== '1') return renderCancelDate(request, reply, actor, p, { values: {}, errors: {} });
    try {
      const result = await changeOccurrenceStatus(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, cancel, reason: str(values.reason), baseUrl, requestId: request.id });
      reply.flash({ type: result.changed ? 'success' : 'info', key: result.changed ? `events-admin.flash_date_${action}` : 'events-admin.flash_date_unchanged' });
      flashNotified(reply, result.notified);
    } catch (err) {
      if (err instanceof ValidationError) return renderCancelDate(request, reply, actor, p, { values, errors: err.fields }, 422);
      throw err;
    }
    return reply.redirect(`${datesHref(p.id, p.eventId)}#date-${p.occurrenceId}`, 303);
  });

  // ---------- registrations of a date ----------

  app.get(`${B}/:eventId/dates/:occurrenceId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = occurrenceParams.parse(request.params);
    const data = await getRegistrations(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
    return sendPage(request, reply, <RegistrationsPage region={data.ctx.region} access={access(data.ctx)} event={data.event} occurrence={data.occurrence} registrations={data.registrations} languages={languagesFor(data.ctx)} />);
  });

  app.get(`${B}/:eventId/dates/:occurrenceId/registrations.csv`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = occurrenceParams.parse(request.params);
    const data = await getRegistrations(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId });
    return sendCsv(reply, `registrations-${data.occurrence.recurrenceId.slice(0, 10)}`, toCsv(registrationCsvRows(request.ctx.t, data.event.timeZone, data.registrations)));
  });

  app.post(`${B}/:eventId/dates/:occurrenceId/registrations/:registrationId/check-in`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = registrationParams.parse(request.params);
    const present = str(formValues(request.body).present) !== '0';
    try {
      await checkIn(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, registrationId: p.registrationId, present, requestId: request.id });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(`${registrationsHref(p.id, p.eventId, p.occurrenceId)}#reg-${p.registrationId}`, 303);
  });

  app.post(`${B}/:eventId/dates/:occurrenceId/registrations/:registrationId/cancel`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = registrationParams.parse(request.params);
    const values = formValues(request.body);
    const back = registrationsHref(p.id, p.eventId, p.occurrenceId);
    if (str(values.confirmed) !== '1') {
      const found = await getRegistration(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, registrationId: p.registrationId });
      const { t, lang } = request.ctx;
      return sendConfirm(request, reply, found.ctx, {
        title: t('events-admin.confirm_cancel_registration_title', { name: found.registration.name }),
        message: t('events-admin.confirm_cancel_registration_text', { name: found.registration.name, title: found.event.title, date: whenOf(found, lang) }),
        action: `${back}/registrations/${p.registrationId}/cancel`,
        hidden: {},
        confirmLabel: t('events-admin.confirm_cancel_registration'),
        backHref: back,
      });
    }
    const result = await cancelRegistration(db, actor, { regionId: p.id, eventId: p.eventId, occurrenceId: p.occurrenceId, registrationId: p.registrationId, baseUrl, requestId: request.id });
    reply.flash({ type: result.alreadyCancelled ? 'info' : 'success', key: result.alreadyCancelled ? 'events-admin.flash_registration_already_cancelled' : 'events-admin.flash_registration_cancelled', params: { promoted: result.promoted.length } });
    return reply.redirect(`${back}#reg-${p.registrationId}`, 303);
  });

  // ---------- translations ----------

  app.get(`${B}/translations`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const data = await getTranslationOverview(db, actor, regionId);
    const layout: LayoutAccess = { canEdit: data.canEdit, canTranslate: true, canSettings: false };
    return sendPage(request, reply, <TranslationOverviewPage region={data.region} access={layout} languages={data.languages} events={data.events} states={data.states} />);
  });

  const renderTranslation = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof translationParams>, opts: { form?: FormState; status?: number } = {}) => {
    const data = await getEventTranslation(db, actor, { regionId: p.id, eventId: p.eventId, language: p.lang });
    const form = opts.form ?? { values: { title: data.translation?.title ?? '', descriptionHtml: data.translation?.descriptionHtml ?? '', sourceRevision: String(data.event.majorRevision) }, errors: {} };
    const layout: LayoutAccess = { canEdit: data.canEdit, canTranslate: true, canSettings: false };
    return sendPage(
      request,
      reply,
      <TranslationPage region={data.region} access={layout} event={data.event} language={data.language} languages={data.languages} translation={data.translation} state={data.state} states={data.states} form={form} />,
      { status: opts.status ?? 200 },
    );
  };

  app.get(`${B}/:eventId/translations/:lang`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderTranslation(request, reply, actor, translationParams.parse(request.params));
  });

  app.post(`${B}/:eventId/translations/:lang`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = translationParams.parse(request.params);
    const values = formValues(request.body);
    const seen = Number(str(values.sourceRevision));
    try {
      await saveEventTranslation(db, actor, { regionId: p.id, eventId: p.eventId, language: p.lang, title: str(values.title), descriptionHtml: str(values.descriptionHtml), sourceRevision: Number.isInteger(seen) && seen > 0 ? seen : undefined, requestId: request.id });
      reply.flash({ type: 'success', key: 'events-admin.flash_translation_saved' });
      return reply.redirect(translationHref(p.id, p.eventId, p.lang), 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderTranslation(request, reply, actor, p, { form: { values, errors: err.fields }, status: 422 });
      throw err;
    }
  });

  // ---------- settings ----------

  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, opts: { form?: FormState; conflict?: SettingsConflict; status?: number } = {}) => {
    const data = await getEventSettings(db, actor, regionId);
    const form = opts.form ?? { values: data.values, errors: {} as FieldErrors };
    return sendPage(request, reply, <EventSettingsPage region={data.ctx.region} access={access(data.ctx)} settings={data.settings} canChange={data.canChange} form={form} conflict={opts.conflict} />, { status: opts.status ?? 200 });
  };

  app.get(`${B}/settings`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    return renderSettings(request, reply, actor, regionId);
  });

  app.post(
    `${B}/settings`,
    regionSettingsPost({ save: (actor, input) => saveEventSettings(db, actor, input), savedKey: 'events-admin.flash_settings_saved', page: (regionId) => `${eventsBase(regionId)}/settings`, render: renderSettings }),
  );
}
