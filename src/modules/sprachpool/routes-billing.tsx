import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/permissions.js';
import { AppError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { requireActor } from '../../platform/http/guards.js';
import { formValues, type FormState, type FormValues } from '../../web/components/forms.js';
import { regionSettingsPost } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import type { SettingsConflict } from '../regions/index.js';
import { defaultBillingMonth, getBillingMonth, invoiceCsvRows, parseMonth, payoutCsvRows } from './billing.js';
import { centsToEuroText, getPoolSettingsForm, savePoolSettings } from './settings-form.js';
import { getPoolStats, parseStatsRange } from './stats.js';
import { openPool } from './context.js';
import { billedFigures, confirmHours, disputeHours, getAgencyHours, getMediatorHours, getPoolTimesheet, listPoolTimesheets, parseHoursForm, reportHours, resolveDispute } from './timesheets.js';
import { BillingPage } from './views/billing-page.js';
import { HoursConfirmPage } from './views/hours-confirm.js';
import { HoursListPage } from './views/hours-list.js';
import { HoursReportPage } from './views/hours-report.js';
import { HoursResolvePage } from './views/hours-resolve.js';
import { agencyBase, poolBase, portalBase } from './views/layout.js';
import { PoolSettingsPage } from './views/settings-page.js';
import { StatsPage } from './views/stats-page.js';

const id = z.string().max(64);
const regionParams = z.object({ id });
const assignmentParams = z.object({ id, assignmentId: id });
const requestParams = z.object({ id, requestId: id });
const timesheetParams = z.object({ id, timesheetId: id });
const monthQuery = z.object({ month: z.string().max(20).optional().catch(undefined) });
const rangeQuery = z.object({ from: z.string().max(20).optional().catch(undefined), to: z.string().max(20).optional().catch(undefined) });

const str = (v: FormValues[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
/** The revision a form was loaded at (undefined when the form sent none). */
const revisionOf = (values: FormValues): number | undefined => {
  const n = Number(str(values.revision));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** A state conflict of the hours (reported twice, too early, already confirmed…): shown as a flash message. */
function isStateConflict(err: unknown): err is AppError {
  return err instanceof AppError && err.status === 409;
}

/**
 * Hours, billing, statistics and settings of the Sprachpool:
 * the mediator's report (`/me/assignments/:assignmentId/hours`), the institution's confirmation
 * (`/agency/requests/:requestId/hours`), and the coordinators' hours, billing (+ CSV), statistics and settings pages.
 */
export async function poolBillingRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl;


  const B = '/admin/regions/:id/sprachpool';

  // ---------- the mediator reports ----------

  const renderReport = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof assignmentParams>, form?: FormState, status = 200) => {
    const data = await getMediatorHours(db, actor, { regionId: p.id, assignmentId: p.assignmentId });
    return sendPage(request, reply, <HoursReportPage data={data} form={form ?? { values: {}, errors: {} }} />, { status });
  };

  app.get(`${B}/me/assignments/:assignmentId/hours`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderReport(request, reply, actor, assignmentParams.parse(request.params));
  });

  app.post(`${B}/me/assignments/:assignmentId/hours`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = assignmentParams.parse(request.params);
    const values = formValues(request.body);
    const back = `${portalBase(p.id)}/assignments/${p.assignmentId}/hours`;
    const parsed = parseHoursForm(values);
    if (!parsed.ok) {
      // The page first (its permission checks), then the messages.
      return renderReport(request, reply, actor, p, { values, errors: parsed.errors }, 422);
    }
    try {
      await reportHours(db, actor, { regionId: p.id, assignmentId: p.assignmentId, ...parsed.input, baseUrl, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-billing.flash_reported' });
    } catch (err) {
      if (err instanceof ValidationError) return renderReport(request, reply, actor, p, { values, errors: err.fields }, 422);
      if (!isStateConflict(err)) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(back, 303);
  });

  // ---------- the institution confirms or disputes ----------

  const renderConfirm = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof requestParams>, form?: FormState, status = 200) => {
    const data = await getAgencyHours(db, actor, { regionId: p.id, requestId: p.requestId });
    return sendPage(request, reply, <HoursConfirmPage data={data} form={form ?? { values: {}, errors: {} }} />, { status });
  };

  app.get(`${B}/agency/requests/:requestId/hours`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderConfirm(request, reply, actor, requestParams.parse(request.params));
  });

  app.post(`${B}/agency/requests/:requestId/hours`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = requestParams.parse(request.params);
    const values = formValues(request.body);
    const back = `${agencyBase(p.id)}/requests/${p.requestId}/hours`;
    // The timesheet is the one of this request of the signed-in person's institution, never an id from the form.
    const data = await getAgencyHours(db, actor, { regionId: p.id, requestId: p.requestId });
    const action = str(values.action);
    if (!data.timesheet || (action !== 'confirm' && action !== 'dispute')) {
      reply.flash({ type: 'error', key: data.timesheet ? 'validation.choose_valid' : 'sprachpool-billing.confirm_not_reported' });
      return reply.redirect(back, 303);
    }
    const input = { regionId: p.id, timesheetId: data.timesheet.id, revision: revisionOf(values), requestId: request.id };
    try {
      if (action === 'confirm') {
        await confirmHours(db, actor, input);
        reply.flash({ type: 'success', key: 'sprachpool-billing.flash_confirmed' });
      } else {
        await disputeHours(db, actor, { ...input, reason: str(values.reason), baseUrl });
        reply.flash({ type: 'success', key: 'sprachpool-billing.flash_disputed' });
      }
    } catch (err) {
      if (err instanceof ValidationError) return renderConfirm(request, reply, actor, p, { values, errors: err.fields }, 422);
      if (!isStateConflict(err)) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
    }
    return reply.redirect(back, 303);
  });

  // ---------- the coordinators: hours ----------

  app.get(`${B}/hours`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const data = await listPoolTimesheets(db, actor, { regionId });
    return sendPage(request, reply, <HoursListPage region={data.ctx.region} disputed={data.disputed} reported={data.reported} closed={data.closed} unreported={data.unreported} />);
  });

  const renderResolve = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, p: z.infer<typeof timesheetParams>, form?: FormState, status = 200) => {
    const { ctx, item } = await getPoolTimesheet(db, actor, { regionId: p.id, timesheetId: p.timesheetId });
    const f = billedFigures(item.timesheet);
    const initial: FormState = {
      values: { minutes: String(f.minutes), travelKm: f.travelKm ? String(f.travelKm) : '', transport: f.transportCents ? centsToEuroText(f.transportCents) : '', note: '', revision: String(item.timesheet.revision) },
      errors: {},
    };
    return sendPage(request, reply, <HoursResolvePage region={ctx.region} item={item} form={form ?? initial} />, { status });
  };

  app.get(`${B}/hours/:timesheetId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderResolve(request, reply, actor, timesheetParams.parse(request.params));
  });

  app.post(`${B}/hours/:timesheetId`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const p = timesheetParams.parse(request.params);
    const values = formValues(request.body);
    const back = `${poolBase(p.id)}/hours/${p.timesheetId}`;
    const parsed = parseHoursForm(values);
    if (!parsed.ok) return renderResolve(request, reply, actor, p, { values, errors: parsed.errors }, 422);
    try {
      await resolveDispute(db, actor, { regionId: p.id, timesheetId: p.timesheetId, ...parsed.input, revision: revisionOf(values), baseUrl, requestId: request.id });
      reply.flash({ type: 'success', key: 'sprachpool-billing.flash_resolved' });
      return reply.redirect(`${poolBase(p.id)}/hours`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderResolve(request, reply, actor, p, { values, errors: err.fields }, 422);
      if (!isStateConflict(err)) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
      return reply.redirect(back, 303);
    }
  });

  // ---------- billing ----------

  app.get(`${B}/billing`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const q = monthQuery.parse(request.query);
    const ctx = await openPool(db, actor, regionId, 'pool.manage');
    const fallback = defaultBillingMonth(ctx.region.timezone);
    const month = q.month ? parseMonth(q.month) : fallback;
    if (!month) {
      const errors: FieldErrors = { month: { key: 'sprachpool-billing.error_month' } };
      return sendPage(request, reply, <BillingPage region={ctx.region} month={fallback} billing={null} value={q.month ?? ''} errors={errors} />, { status: 422 });
    }
    const data = await getBillingMonth(db, actor, { regionId, month });
    return sendPage(request, reply, <BillingPage region={data.ctx.region} month={month} billing={data.billing} value={month} errors={{}} />);
  });

  const csvMonth = (request: FastifyRequest): string => {
    const month = parseMonth(monthQuery.parse(request.query).month);
    if (!month) throw new ValidationError({ month: { key: 'sprachpool-billing.error_month' } });
    return month;
  };

  app.get(`${B}/billing/invoices.csv`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    await openPool(db, actor, regionId, 'pool.manage');
    const data = await getBillingMonth(db, actor, { regionId, month: csvMonth(request) });
    const { t, lang } = request.ctx;
    return sendCsv(reply, `sprachpool-invoices-${data.month}`, toCsv(invoiceCsvRows(t, lang, data.ctx.region.timezone, data.billing)));
  });

  app.get(`${B}/billing/payouts.csv`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    await openPool(db, actor, regionId, 'pool.manage');
    const data = await getBillingMonth(db, actor, { regionId, month: csvMonth(request) });
    return sendCsv(reply, `sprachpool-payouts-${data.month}`, toCsv(payoutCsvRows(request.ctx.t, data.billing)));
  });

  // ---------- statistics ----------

  app.get(`${B}/stats`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const q = rangeQuery.parse(request.query);
    const ctx = await openPool(db, actor, regionId, 'pool.manage');
    const parsed = parseStatsRange(q, ctx.region.timezone);
    if (!parsed.ok) return sendPage(request, reply, <StatsPage region={ctx.region} stats={null} values={{ from: q.from ?? '', to: q.to ?? '' }} errors={parsed.errors} />, { status: 422 });
    const data = await getPoolStats(db, actor, { regionId, range: parsed.range });
    return sendPage(request, reply, <StatsPage region={data.ctx.region} stats={data.stats} values={parsed.range} errors={{}} />);
  });

  // ---------- settings ----------

  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, opts: { form?: FormState; conflict?: SettingsConflict; status?: number } = {}) => {
    const data = await getPoolSettingsForm(db, actor, regionId);
    return sendPage(request, reply, <PoolSettingsPage region={data.ctx.region} form={opts.form ?? { values: data.values, errors: {} }} conflict={opts.conflict} />, { status: opts.status ?? 200 });
  };

  app.get(`${B}/settings`, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return renderSettings(request, reply, actor, regionParams.parse(request.params).id);
  });

  app.post(
    `${B}/settings`,
    regionSettingsPost({ save: (actor, input) => savePoolSettings(db, actor, input), savedKey: 'sprachpool-billing.flash_settings_saved', page: (regionId) => `${poolBase(regionId)}/settings`, render: renderSettings }),
  );
}
