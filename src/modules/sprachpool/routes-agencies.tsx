import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, ConflictError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormState, type FormValues } from '../../web/components/forms.js';
import { submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { loadPublicRegion, type RegionRow } from '../regions/index.js';
import { addAgencyContact, decideAgency, getAgency, listAgencies, MAX_CONTACTS, registerAgency, removeAgencyContact, updateAgency, type RegistrationInput } from './agencies.js';
import type { AgencyDecision } from './agency-mails.js';
import type { AgencyRow } from './context.js';
import { cancelRequest } from './lifecycle.js';
import { createRequest, getAgencyForContact, getRequestForAgency, getRequestFormContext, listRequestsForAgency, PersonalDataWarning, REQUEST_FORM_FIELDS, type RequestInput } from './requests.js';
import { AGENCY_STATUSES } from './schema.js';
import { poolSettings } from './settings.js';
import { AgencyDetailPage, AgencyListPage, type AgencyDetailForms } from './views/agency-admin.js';
import { agencyHref, formatDate, portalRequestHref, registerHref } from './views/agency-parts.js';
import { AgencyInstitutionPage, AgencyRequestPage, AgencyRequestsPage, CancelConfirmPage } from './views/agency-portal.js';
import { newRequestValues, RequestFormPage } from './views/agency-request-form.js';
import { PoolLandingPage } from './views/public-landing.js';
import { countPoolLanguages } from './overview.js';
import { DEFAULT_CONTACT_ROWS, RegisterPage } from './views/public-register.js';

/** Twenty registrations a minute per address (an office behind one address), not a flood. */
export const AGENCY_REGISTRATION_LIMIT = { max: 20, timeWindow: '1 minute' };

const id = z.string().max(64);
const regionParams = z.object({ id });
const agencyParams = z.object({ id, agencyId: id });
const contactParams = z.object({ id, agencyId: id, contactId: id });
const requestParams = z.object({ id, requestId: id });
const page = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined);
const agencyListQuery = z.object({ status: z.enum(AGENCY_STATUSES).optional().catch(undefined), page });
const portalListQuery = z.object({ view: z.enum(['upcoming', 'past']).optional().catch(undefined), page });
const doneQuery = z.object({ done: z.string().optional().catch(undefined) });

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const revisionOf = (values: FormValues): number => {
  const n = Number(str(values.revision));
  return Number.isInteger(n) ? n : -1;
};

/** The contact rows a submitted form had (at least the default, at most the maximum). */
function rowsOf(values: FormValues): number {
  const indices = Object.keys(values)
    .map((k) => /^contacts\.(\d+)\./.exec(k)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  const declared = Number(str(values.rows)) || 0;
  return Math.min(MAX_CONTACTS, Math.max(DEFAULT_CONTACT_ROWS, declared, ...indices.map((i) => i + 1)));
}

/** The registration fields of a submitted form. */
function registrationInput(values: FormValues, rows: number): RegistrationInput {
  return {
    name: str(values.name),
    kind: str(values.kind) as RegistrationInput['kind'],
    street: str(values.street),
    postalCode: str(values.postalCode),
    city: str(values.city),
    email: str(values.email),
    phone: str(values.phone),
    billingReference: str(values.billingReference),
    contacts: Array.from({ length: rows }, (_, i) => ({
      name: str(values[`contacts.${i}.name`]),
      email: str(values[`contacts.${i}.email`]),
      phone: str(values[`contacts.${i}.phone`]),
      position: str(values[`contacts.${i}.position`]),
    })),
    consent: str(values.consent) === '1',
  };
}

/** The service names the earliest possible date as "YYYY-MM-DD": written out in the page's language (Gregorian calendar). */
function withDatesWritten(errors: FieldErrors, lang: string): FieldErrors {
  const date = errors.date;
  const earliest = date?.params?.earliest;
  if (!date || typeof earliest !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(earliest)) return errors;
  return { ...errors, date: { key: date.key, params: { ...date.params, earliest: formatDate(earliest, lang) } } };
}

/** The request fields of a submitted form (nothing else reaches the service). */
function requestInput(values: FormValues): RequestInput {
  const out: RequestInput = {};
  for (const k of REQUEST_FORM_FIELDS) out[k] = str(values[k]);
  return out;
}

/**
 * Institutions in the Sprachpool: the public pages (`/{region}/{lang}/sprachpool`, the registration), the
 * coordinators' pages (`/admin/regions/:id/sprachpool/agencies…`) and the institution portal
 * (`/admin/regions/:id/sprachpool/agency…`: requests, new request, cancel, the institution's data).
 */
export async function poolAgenciesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;


  // ---------- public ----------

  app.get('/:region/:lang/sprachpool', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    return sendPage(request, reply, <PoolLandingPage region={region} settings={poolSettings(region.settings)} languageCount={await countPoolLanguages(db, region.id)} />, { cache: 'public' });
  });

  const P = '/:region/:lang/sprachpool/institutions/register';
  const renderRegister = (request: FastifyRequest, reply: FastifyReply, region: RegionRow, form: FormState, rows: number, status = 200) =>
    sendPage(request, reply, <RegisterPage region={region} form={form} rows={rows} max={MAX_CONTACTS} />, { status });

  app.get(P, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    if (doneQuery.parse(request.query ?? {}).done) return sendPage(request, reply, <RegisterPage region={region} form={{ values: {}, errors: {} }} rows={0} max={MAX_CONTACTS} done />);
    return renderRegister(request, reply, region, { values: {}, errors: {} }, DEFAULT_CONTACT_ROWS);
  });

  app.post(P, { config: { rateLimit: AGENCY_REGISTRATION_LIMIT } }, async (request, reply) => {
    const region = await loadPublicRegion(db, request, reply);
    if (!region) return reply;
    const values = formValues(request.body);
    const lang = request.ctx.lang;
    const done = `${registerHref(region.slug, lang)}?done=1`;
    // Bots fill the hidden field: answer as if all went well, store nothing.
    if (str(values.website)) return reply.redirect(done, 303);
    const kept = { ...values, website: undefined };
    const rows = rowsOf(values);
    // Without JavaScript, "add a row" comes back with the form as typed and one more row; nothing is saved.
    if (str(values.add) === 'contact') return renderRegister(request, reply, region, { values: kept, errors: {} }, Math.min(MAX_CONTACTS, rows + 1));
    try {
      await registerAgency(db, { regionId: region.id, input: registrationInput(values, rows), lang, baseUrl, requestId: request.id });
      return reply.redirect(done, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderRegister(request, reply, region, { values: kept, errors: err.fields }, rows, 422);
      throw err;
    }
  });

  // ---------- coordinators ----------

  const C = '/admin/regions/:id/sprachpool/agencies';

  app.get(C, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const q = agencyListQuery.parse(request.query ?? {});
    const list = await listAgencies(db, actor, { regionId, status: q.status, page: q.page ?? 1 });
    return sendPage(request, reply, <AgencyListPage region={list.ctx.region} items={list.items} counts={list.counts} status={q.status} page={list.page} pages={list.pages} />);
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, regionId: string, agencyId: string, forms: AgencyDetailForms = {}, status = 200) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const detail = await getAgency(db, actor, { regionId, agencyId });
    return sendPage(request, reply, <AgencyDetailPage detail={detail} forms={forms} />, { status });
  };

  app.get(`${C}/:agencyId`, async (request, reply) => {
    const { id: regionId, agencyId } = agencyParams.parse(request.params);
    return renderDetail(request, reply, regionId, agencyId);
  });

  app.post(`${C}/:agencyId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, agencyId } = agencyParams.parse(request.params);
    const values = formValues(request.body);
    const input = {
      name: str(values.name),
      kind: str(values.kind) as AgencyRow['kind'],
      street: str(values.street),
      postalCode: str(values.postalCode),
      city: str(values.city),
      email: str(values.email),
      phone: str(values.phone),
      billingReference: str(values.billingReference),
      coordinatorNotes: str(values.coordinatorNotes),
    };
    return submitRevisedForm(values, {
      save: async () => {
        await updateAgency(db, actor, { regionId, agencyId, revision: revisionOf(values), input });
        reply.flash({ type: 'success', key: 'sprachpool-agencies.flash_saved' });
        return reply.redirect(agencyHref(regionId, agencyId), 303);
      },
      showAgain: (again: FormAgain<AgencyRow>) => renderDetail(request, reply, regionId, agencyId, { edit: again.form, conflict: again.conflict }, again.status),
    });
  });

  const DECISIONS: Record<string, AgencyDecision> = { approve: 'approved', reject: 'rejected', suspend: 'suspended', reinstate: 'reinstated' };
  for (const [path, decision] of Object.entries(DECISIONS)) {
    app.post(`${C}/:agencyId/${path}`, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id: regionId, agencyId } = agencyParams.parse(request.params);
      const values = formValues(request.body);
      try {
        const result = await decideAgency(db, actor, { regionId, agencyId, revision: revisionOf(values), decision, reason: str(values.reason), baseUrl });
        reply.flash({ type: 'success', key: `sprachpool-agencies.flash_${decision}`, params: { count: result.invited } });
        return reply.redirect(agencyHref(regionId, agencyId), 303);
      } catch (err) {
        if (err instanceof ValidationError) return renderDetail(request, reply, regionId, agencyId, { reject: { values, errors: err.fields } }, 422);
        if (err instanceof ConflictError) {
          reply.flash({ type: 'error', key: err.messageKey });
          return reply.redirect(agencyHref(regionId, agencyId), 303);
        }
        throw err;
      }
    });
  }

  app.post(`${C}/:agencyId/contacts`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, agencyId } = agencyParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const result = await addAgencyContact(db, actor, {
        regionId,
        agencyId,
        input: { name: str(values.contactName), email: str(values.contactEmail), phone: str(values.contactPhone), position: str(values.contactPosition) },
        baseUrl,
      });
      reply.flash({ type: 'success', key: result.invited ? 'sprachpool-agencies.flash_contact_invited' : 'sprachpool-agencies.flash_contact_added', params: { name: result.contact.name } });
      return reply.redirect(agencyHref(regionId, agencyId), 303);
    } catch (err) {
      if (err instanceof ValidationError) {
        const renamed: FieldErrors = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`contact${k.charAt(0).toUpperCase()}${k.slice(1)}`, v]));
        return renderDetail(request, reply, regionId, agencyId, { contact: { values, errors: renamed } }, 422);
      }
      throw err;
    }
  });

  app.post(`${C}/:agencyId/contacts/:contactId/remove`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, agencyId, contactId } = contactParams.parse(request.params);
    try {
      await removeAgencyContact(db, actor, { regionId, agencyId, contactId });
      reply.flash({ type: 'success', key: 'sprachpool-agencies.flash_contact_removed' });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(agencyHref(regionId, agencyId), 303);
  });

  // ---------- the institution portal ----------

  const A = '/admin/regions/:id/sprachpool/agency';

  app.get(A, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const q = portalListQuery.parse(request.query ?? {});
    const view = q.view ?? 'upcoming';
    const list = await listRequestsForAgency(db, actor, { regionId, view, page: q.page ?? 1 });
    return sendPage(request, reply, <AgencyRequestsPage region={list.ctx.region} agency={list.agency} view={view} items={list.items} page={list.page} pages={list.pages} />);
  });

  const renderRequestForm = async (request: FastifyRequest, reply: FastifyReply, regionId: string, form?: FormState, status = 200, findings?: PersonalDataWarning['findings']) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const data = await getRequestFormContext(db, actor, regionId);
    const f = form ? { ...form, errors: withDatesWritten(form.errors, request.ctx.lang) } : { values: newRequestValues(data.agency), errors: {} };
    return sendPage(request, reply, <RequestFormPage region={data.ctx.region} agency={data.agency} settings={data.ctx.settings} earliest={data.earliest} form={f} findings={findings} />, { status });
  };

  app.get(`${A}/requests/new`, async (request, reply) => {
    const { id: regionId } = regionParams.parse(request.params);
    return renderRequestForm(request, reply, regionId);
  });

  app.post(`${A}/requests/new`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const values = formValues(request.body);
    try {
      const created = await createRequest(db, actor, { regionId, input: requestInput(values), confirmPersonalData: str(values.confirmPersonalData) === '1', baseUrl });
      reply.flash({ type: 'success', key: 'sprachpool-agencies.flash_request_created' });
      if (created.flags.includes('no_speaker')) reply.flash({ type: 'info', key: 'sprachpool-agencies.no_speaker_notice' });
      return reply.redirect(portalRequestHref(regionId, created.id), 303);
    } catch (err) {
      if (err instanceof PersonalDataWarning) return renderRequestForm(request, reply, regionId, { values: { ...values, confirmPersonalData: undefined }, errors: {} }, 422, err.findings);
      if (err instanceof ValidationError) return renderRequestForm(request, reply, regionId, { values, errors: err.fields }, 422);
      throw err;
    }
  });

  app.get(`${A}/requests/:requestId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, requestId } = requestParams.parse(request.params);
    const detail = await getRequestForAgency(db, actor, { regionId, requestId });
    return sendPage(request, reply, <AgencyRequestPage region={detail.ctx.region} detail={detail} settings={detail.ctx.settings} />);
  });

  app.post(`${A}/requests/:requestId/cancel`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId, requestId } = requestParams.parse(request.params);
    const values = formValues(request.body);
    const detail = await getRequestForAgency(db, actor, { regionId, requestId });
    const region = detail.ctx.region;
    const settings = detail.ctx.settings;
    const form: FormState = { values: { reason: str(values.reason) }, errors: {} };
    if (!detail.cancellation.possible) {
      reply.flash({ type: 'error', key: 'sprachpool-agencies.cancel_not_possible' });
      return reply.redirect(portalRequestHref(regionId, requestId), 303);
    }
    // First step: the confirmation page says whether it is free or late; the second cancels.
    if (str(values.confirmed) !== '1') return sendPage(request, reply, <CancelConfirmPage region={region} detail={detail} settings={settings} form={form} />);
    try {
      const result = await cancelRequest(db, actor, { regionId, requestId, by: 'agency', reason: str(values.reason), revision: revisionOf(values), baseUrl });
      reply.flash({ type: 'success', key: result.late ? 'sprachpool-agencies.flash_cancelled_late' : 'sprachpool-agencies.flash_cancelled' });
      return reply.redirect(portalRequestHref(regionId, requestId), 303);
    } catch (err) {
      if (err instanceof ValidationError) return sendPage(request, reply, <CancelConfirmPage region={region} detail={detail} settings={settings} form={{ ...form, errors: err.fields }} />, { status: 422 });
      if (err instanceof AppError && err.status === 409) {
        // Changed meanwhile (assigned, cancelled by the coordination): show it as it is now.
        const fresh = await getRequestForAgency(db, actor, { regionId, requestId });
        return sendPage(request, reply, <CancelConfirmPage region={region} detail={fresh} settings={settings} form={form} problem={err.messageKey} />, { status: 409 });
      }
      throw err;
    }
  });

  app.get(`${A}/institution`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const data = await getAgencyForContact(db, actor, regionId);
    return sendPage(request, reply, <AgencyInstitutionPage region={data.ctx.region} agency={data.agency} contacts={data.contacts} contact={data.contact} settings={data.ctx.settings} />);
  });
}
