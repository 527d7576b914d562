import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { invalidatePublicPages } from '../../platform/http/page-cache.js';
import { formValues, type FormValues } from '../../web/components/forms.js';
import { registerHomeSection } from '../../web/home-sections.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion, type RegionRow } from '../regions/index.js';
import { registerSearchProvider } from '../search/index.js';
import { icsFilename } from './ics.js';
import { occurrenceCalendar, uidHost } from './ics-data.js';
import type { RegistrationInput } from './model.js';
import { eventFiltersSchema, findBooking, getEventForReaders, getOccurrenceForReaders, listDatesForReaders, listNextDates, monthForReaders } from './public.js';
import { cancelByToken, register } from './registration.js';
import { eventSearchProvider } from './search-provider.js';
import { eventUrls } from './urls.js';
import { BookingPage, InvalidLinkPage, type BookingMoment } from './views/public-booking.js';
import { EventDetailPage, EventNotFoundPage, OccurrencePage, type RegistrationFormState } from './views/public-detail.js';
import { NextEventsSection } from './views/public-home.js';
import { EventListPage } from './views/public-list.js';
import { MonthPage } from './views/public-month.js';

/** Twenty registrations or cancellations a minute per address: a family or a class on one connection, not a flood. */
export const REGISTRATION_LIMIT = { max: 20, timeWindow: '1 minute' };
/** Dates on the region home. */
const HOME_DATES = 4;

const eventParams = z.object({ eventId: z.string().max(64) });
const occurrenceParams = z.object({ eventId: z.string().max(64), occurrence: z.string().max(80) });
const monthParams = z.object({ month: z.string().max(20) });
const tokenParams = z.object({ token: z.string().max(200) });
const bookingQuery = z.object({ new: z.string().optional().catch(undefined), done: z.string().optional().catch(undefined) });

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The registration fields of a submitted form (nothing else reaches the service). */
function registrationInput(values: FormValues): RegistrationInput {
  return {
    name: first(values.name),
    email: first(values.email),
    phone: first(values.phone),
    language: first(values.language),
    partySize: first(values.partySize) || '1',
    accessibilityNeeds: first(values.accessibilityNeeds),
  };
}

/** Pages behind a cancel link are personal: never stored, never indexed, and the link never leaks as a referrer. */
function personal(reply: FastifyReply): void {
  reply.header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
}

/**
 * Events for readers: the list of dates (`/{region}/{lang}/events`, GET filters), the month calendar, an event's
 * page, a date's page with registration (no-JS form, CSRF, rate limit, honeypot) and its .ics, and the page behind
 * the cancel link. Also registers the search provider (kind `event`) and the "next events" block of the region home.
 */
export async function eventsPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;

  registerSearchProvider(eventSearchProvider);

  registerHomeSection({
    id: 'events-next',
    order: 30,
    load: async ({ db: sectionDb, region, lang }) => {
      const entries = await listNextDates(sectionDb, region, lang, HOME_DATES);
      return entries.length ? <NextEventsSection regionSlug={region.slug} timeZone={region.timezone} entries={entries} /> : null;
    },
  });

  const notFound = (request: FastifyRequest, reply: FastifyReply, region: RegionRow) => sendPage(request, reply, <EventNotFoundPage region={region} />, { status: 404 });

  app.get('/:region/:lang/events', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const now = new Date();
    const filters = eventFiltersSchema.parse(request.query ?? {});
    const list = await listDatesForReaders(db, region, request.ctx.lang, filters, now);
    return sendPage(request, reply, <EventListPage region={region} list={list} now={now} />, { cache: 'public' });
  });

  app.get('/:region/:lang/events/month/:month', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const { month } = monthParams.parse(request.params);
    const filters = eventFiltersSchema.parse(request.query ?? {});
    const view = await monthForReaders(db, region, request.ctx.lang, month, filters);
    return sendPage(request, reply, <MonthPage region={region} view={view} />, { cache: 'public' });
  });

  // ---------- the cancel link (before /:eventId, which would take "cancel" for an id) ----------

  app.get('/:region/:lang/events/cancel/:token', async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    personal(reply);
    const { token } = tokenParams.parse(request.params);
    const booking = await findBooking(db, region, request.ctx.lang, token);
    if (!booking) return sendPage(request, reply, <InvalidLinkPage region={region} />, { status: 404 });
    const q = bookingQuery.parse(request.query ?? {});
    const moment: BookingMoment = q.new ? 'new' : q.done ? 'cancelled' : 'visit';
    return sendPage(request, reply, <BookingPage region={region} booking={booking} token={token} moment={moment} />);
  });

  app.post('/:region/:lang/events/cancel/:token', { config: { rateLimit: REGISTRATION_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    personal(reply);
    const { token } = tokenParams.parse(request.params);
    const lang = request.ctx.lang;
    const booking = await findBooking(db, region, lang, token);
    if (!booking) return sendPage(request, reply, <InvalidLinkPage region={region} />, { status: 404 });
    try {
      await cancelByToken(db, { token, baseUrl });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      return sendPage(request, reply, <BookingPage region={region} booking={booking} token={token} moment="visit" problem={err.messageKey} />, { status: 409 });
    }
    invalidatePublicPages();
    return reply.redirect(`${eventUrls.cancel(region.slug, lang, token)}?done=1`, 303);
  });

  // ---------- an event, a date, its .ics, registration ----------

  app.get('/:region/:lang/events/:eventId', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const { eventId } = eventParams.parse(request.params);
    try {
      const detail = await getEventForReaders(db, region, request.ctx.lang, eventId);
      return sendPage(request, reply, <EventDetailPage region={region} detail={detail} baseUrl={baseUrl} />, { cache: 'public' });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return notFound(request, reply, region);
    }
  });

  app.get('/:region/:lang/events/:eventId/:occurrence', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const { eventId, occurrence } = occurrenceParams.parse(request.params);
    const lang = request.ctx.lang;
    const ics = occurrence.endsWith('.ics');
    const occurrenceId = ics ? occurrence.slice(0, -4) : occurrence;
    let detail;
    try {
      detail = await getOccurrenceForReaders(db, region, lang, eventId, occurrenceId, baseUrl);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return notFound(request, reply, region);
    }
    if (ics) {
      const body = await occurrenceCalendar(db, { region, lang, baseUrl, host: uidHost(baseUrl), event: detail.event, occurrence: detail.occurrence });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${icsFilename(detail.event.title, detail.occurrence.recurrenceId)}"`)
        .header('cache-control', 'public, max-age=300')
        .send(body);
    }
    const form: RegistrationFormState = { values: { language: lang, partySize: '1' }, errors: {} };
    // With the registration form the page carries a CSRF token: it is never stored for other readers.
    return sendPage(request, reply, <OccurrencePage region={region} detail={detail} baseUrl={baseUrl} form={form} />, { cache: detail.closedReason ? 'public' : 'private' });
  });

  app.post('/:region/:lang/events/:eventId/:occurrence', { config: { rateLimit: REGISTRATION_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const { eventId, occurrence: occurrenceId } = occurrenceParams.parse(request.params);
    const lang = request.ctx.lang;
    const values = formValues(request.body);
    const load = () => getOccurrenceForReaders(db, region, lang, eventId, occurrenceId, baseUrl);
    let detail;
    try {
      detail = await load();
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return notFound(request, reply, region);
    }
    // Bots fill the hidden field: answer as if nothing happened, store nothing.
    if (first(values.website)) return reply.redirect(detail.entry.href, 303);
    const kept = { ...values, website: undefined };
    try {
      const result = await register(db, { regionId: region.id, occurrenceId: detail.occurrence.id, form: registrationInput(values), baseUrl, requestId: request.id });
      // Places left show on cached lists and pages.
      invalidatePublicPages();
      return reply.redirect(`${eventUrls.cancel(region.slug, lang, result.token)}?new=1`, 303);
    } catch (err) {
      if (err instanceof ValidationError) {
        return sendPage(request, reply, <OccurrencePage region={region} detail={detail} baseUrl={baseUrl} form={{ values: kept, errors: err.fields }} />, { status: 422 });
      }
      if (err instanceof AppError && err.status === 409) {
        // The date may have changed meanwhile (full, cancelled): show it as it is now.
        const fresh = await load();
        return sendPage(request, reply, <OccurrencePage region={region} detail={fresh} baseUrl={baseUrl} form={{ values: kept, errors: {}, problem: err.messageKey }} />, { status: 409 });
      }
      if (err instanceof NotFoundError) return notFound(request, reply, region);
      throw err;
    }
  });
}
