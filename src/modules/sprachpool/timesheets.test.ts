import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { signedIn } from '../../../test/fixtures.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { auditEvents, mails } from '../../platform/schema.js';
import { buildAssignment, buildPoolWorld, localAt, type PoolWorld } from './billing-test-support.js';
import { assignments, requests, timesheets } from './schema.js';
import { buildMediator } from './test-support.js';
import { confirmHours, disputeHours, getMediatorHours, parseHoursForm, reportHours, resolveDispute } from './timesheets.js';

const BASE_URL = 'https://wegweiser.example';

/** Asserts that `promise` rejects with an AppError of this code. */
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AppError, `expected AppError ${code}, got ${String(err)}`);
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${code}, nothing thrown`);
}

describe('timesheets: report, confirm, dispute, resolve', () => {
  let t: TestApp;
  let w: PoolWorld;
  let day = -40;
  /** An assignment of the world's mediator that ended yesterday or earlier (each test its own day). */
  const pastAssignment = async (opts: { mode?: 'on_site' | 'phone' | 'video'; status?: 'active' | 'cancelled' | 'no_show' } = {}) => {
    day += 1;
    return buildAssignment(t.db, { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id, contactId: w.agency.contact.id }, { startLocal: localAt(day, '10:00'), status: opts.status, request: { mode: opts.mode ?? 'on_site' } });
  };
  const report = (assignmentId: string, figures: Partial<{ minutes: number; travelKm: number; transportCents: number; note: string }> = {}) =>
    reportHours(t.db, w.mediator.actor, { regionId: w.region.id, assignmentId, minutes: 75, travelKm: 12, transportCents: 0, note: '', baseUrl: BASE_URL, ...figures });
  const sheetOf = async (assignmentId: string) => (await t.db.select().from(timesheets).where(eq(timesheets.assignmentId, assignmentId)))[0];
  const mailsTo = async (to: string) => t.db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt));

  before(async () => {
    t = await createTestApp();
    w = await buildPoolWorld(t);
  });
  after(() => t.close());

  it('the mediator reports once after the end: assignment and request become done, audited, the institution is asked', async () => {
    const { request, assignment } = await pastAssignment();
    const { timesheet } = await report(assignment.id, { minutes: 75, travelKm: 12, note: 'Gespräch dauerte länger' });
    assert.equal(timesheet.status, 'reported');
    assert.equal(timesheet.minutes, 75);
    assert.equal(timesheet.travelKm, 12);
    const [a] = await t.db.select().from(assignments).where(eq(assignments.id, assignment.id));
    const [r] = await t.db.select().from(requests).where(eq(requests.id, request.id));
    assert.equal(a?.status, 'done');
    assert.equal(r?.status, 'done');
    assert.equal(r?.revision, request.revision + 1);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.regionId, w.region.id))).map((e) => `${e.action}:${e.entityId}`);
    assert.ok(actions.includes(`sprachpool.timesheet.report:${timesheet.id}`));
    assert.ok(actions.includes(`sprachpool.assignment.done:${assignment.id}`));
    assert.ok(actions.includes(`sprachpool.request.done:${request.id}`));
    const [mail] = (await mailsTo(w.agency.contact.email)).filter((m) => m.text.includes(`/agency/requests/${request.id}/hours`));
    assert.ok(mail, 'the institution contact is asked to confirm, with a link to the page');
    assert.match(mail.subject, /Bitte bestätigen/);
    assert.match(mail.text, /75 Minuten/);
    assert.match(mail.text, new RegExp(w.mediator.row.firstName));
    assert.doesNotMatch(mail.text, new RegExp(w.mediator.row.lastName), 'the institution learns the first name only');
  });

  it('refuses a second report with a clear message and changes nothing', async () => {
    const { assignment } = await pastAssignment();
    await report(assignment.id, { minutes: 60 });
    const err = await rejectsWith(report(assignment.id, { minutes: 120 }), 'hours_already_reported');
    assert.equal(err.messageKey, 'sprachpool-billing.error_hours_already_reported');
    assert.equal((await sheetOf(assignment.id))?.minutes, 60);
  });

  it('refuses a report before the end of the assignment', async () => {
    const { request } = await buildAssignment(t.db, { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id }, { startLocal: localAt(5, '09:00') });
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.requestId, request.id));
    assert.ok(assignment);
    await rejectsWith(report(assignment.id), 'hours_too_early');
    assert.equal(await sheetOf(assignment.id), undefined);
    // A minute after the end it goes through.
    await reportHours(t.db, w.mediator.actor, { regionId: w.region.id, assignmentId: assignment.id, minutes: 90, travelKm: 0, transportCents: 0, note: '' }, new Date(assignment.endsAt.getTime() + 60_000));
    assert.equal((await sheetOf(assignment.id))?.status, 'reported');
  });

  it('refuses a report for a cancelled assignment and for a no-show', async () => {
    const cancelled = await pastAssignment({ status: 'cancelled' });
    await rejectsWith(report(cancelled.assignment.id), 'hours_cancelled');
    const noShow = await pastAssignment({ status: 'no_show' });
    await rejectsWith(report(noShow.assignment.id), 'hours_no_show');
    assert.equal(await sheetOf(cancelled.assignment.id), undefined);
    assert.equal(await sheetOf(noShow.assignment.id), undefined);
    const [r] = await t.db.select().from(requests).where(eq(requests.id, cancelled.request.id));
    assert.equal(r?.status, 'cancelled', 'the request stays cancelled');
  });

  it("someone else's assignment is not found, for another mediator and for a coordinator", async () => {
    const { assignment } = await pastAssignment();
    const other = await signedIn(t, { roles: [{ regionId: w.region.id, role: 'mediator' }] });
    await buildMediator(t.db, w.region.id, { accountId: other.account.id, email: other.account.email });
    await assert.rejects(reportHours(t.db, other.actor, { regionId: w.region.id, assignmentId: assignment.id, minutes: 60, travelKm: 0, transportCents: 0, note: '' }), NotFoundError);
    await assert.rejects(getMediatorHours(t.db, other.actor, { regionId: w.region.id, assignmentId: assignment.id }), NotFoundError);
    await assert.rejects(reportHours(t.db, w.coordinator.actor, { regionId: w.region.id, assignmentId: assignment.id, minutes: 60, travelKm: 0, transportCents: 0, note: '' }), (err: unknown) => err instanceof AppError && err.status === 403);
    assert.equal(await sheetOf(assignment.id), undefined);
  });

  it('checks the figures: range, kilometres or tickets, no travel for phone and video', async () => {
    const onSite = await pastAssignment();
    const e1 = await rejectsWith(report(onSite.assignment.id, { minutes: 0 }), 'validation_failed');
    assert.ok(e1 instanceof ValidationError && e1.fields.minutes);
    const e2 = await rejectsWith(report(onSite.assignment.id, { travelKm: 10, transportCents: 580 }), 'validation_failed');
    assert.equal(e2 instanceof ValidationError && e2.fields.transport?.key, 'sprachpool-billing.error_km_or_ticket');
    const phone = await pastAssignment({ mode: 'phone' });
    const e3 = await rejectsWith(report(phone.assignment.id, { travelKm: 5 }), 'validation_failed');
    assert.equal(e3 instanceof ValidationError && e3.fields.travelKm?.key, 'sprachpool-billing.error_no_travel_remote');
    assert.equal(await sheetOf(onSite.assignment.id), undefined);
    const [a] = await t.db.select().from(assignments).where(eq(assignments.id, onSite.assignment.id));
    assert.equal(a?.status, 'active', 'nothing changed');
  });

  it('parses the form: whole minutes, euros with comma or point, empty travel as 0', () => {
    const ok = parseHoursForm({ minutes: ' 75 ', travelKm: '', transport: '5,80', note: ' x ' });
    assert.deepEqual(ok, { ok: true, input: { minutes: 75, travelKm: 0, transportCents: 580, note: 'x' } });
    const point = parseHoursForm({ minutes: '60', transport: '0.3' });
    assert.ok(point.ok && point.input.transportCents === 30);
    const bad = parseHoursForm({ minutes: '1,5', travelKm: 'zehn', transport: '5,805' });
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.errors).sort(), ['minutes', 'transport', 'travelKm']);
    const empty = parseHoursForm({});
    assert.ok(!empty.ok && empty.errors.minutes?.key === 'validation.required');
  });

  it('the institution confirms: billable, audited; a second confirmation or a dispute afterwards is refused', async () => {
    const { assignment } = await pastAssignment();
    const { timesheet } = await report(assignment.id);
    const confirmed = await confirmHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, revision: timesheet.revision });
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.confirmedBy, w.agency.actor.id);
    assert.ok(confirmed.confirmedAt);
    await rejectsWith(confirmHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id }), 'hours_closed');
    await rejectsWith(disputeHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, reason: 'zu lang' }), 'hours_closed');
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sprachpool.timesheet.confirm'), eq(auditEvents.entityId, timesheet.id)));
    assert.ok(audit);
  });

  it('a stale revision is refused', async () => {
    const { assignment } = await pastAssignment();
    const { timesheet } = await report(assignment.id);
    await rejectsWith(confirmHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, revision: timesheet.revision + 1 }), 'hours_changed');
    assert.equal((await sheetOf(assignment.id))?.status, 'reported');
  });

  it('another institution cannot see or confirm the hours', async () => {
    const { assignment } = await pastAssignment();
    const { timesheet } = await report(assignment.id);
    const other = await signedIn(t, { roles: [{ regionId: w.region.id, role: 'agency' }] });
    const { buildAgency } = await import('./test-support.js');
    await buildAgency(t.db, w.region.id, { contactAccountId: other.account.id, contactEmail: other.account.email });
    await assert.rejects(confirmHours(t.db, other.actor, { regionId: w.region.id, timesheetId: timesheet.id }), NotFoundError);
    assert.equal((await sheetOf(assignment.id))?.status, 'reported');
  });

  it('dispute needs a reason, tells the coordinators; the coordinator resolves with figures and a note, the mediator is told', async () => {
    const { assignment } = await pastAssignment();
    const { timesheet } = await report(assignment.id, { minutes: 120, travelKm: 30 });
    const noReason = await rejectsWith(disputeHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, reason: '  ' }), 'validation_failed');
    assert.ok(noReason instanceof ValidationError && noReason.fields.reason);
    const disputed = await disputeHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, reason: 'Das Gespräch dauerte 60 Minuten.', baseUrl: BASE_URL });
    assert.equal(disputed.status, 'disputed');
    assert.equal(disputed.disputeReason, 'Das Gespräch dauerte 60 Minuten.');
    const coordinatorMail = (await mailsTo(w.coordinator.actor.email)).find((m) => m.text.includes(`/hours/${timesheet.id}`));
    assert.ok(coordinatorMail, 'the coordinator is told, with a link to the timesheet');
    assert.match(coordinatorMail.text, /Das Gespräch dauerte 60 Minuten\./);
    await rejectsWith(confirmHours(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id }), 'hours_disputed');

    const noNote = await rejectsWith(resolveDispute(t.db, w.coordinator.actor, { regionId: w.region.id, timesheetId: timesheet.id, minutes: 60, travelKm: 30, transportCents: 0, note: '' }), 'validation_failed');
    assert.ok(noNote instanceof ValidationError && noNote.fields.note);
    await assert.rejects(resolveDispute(t.db, w.agency.actor, { regionId: w.region.id, timesheetId: timesheet.id, minutes: 60, travelKm: 30, transportCents: 0, note: 'x' }), (err: unknown) => err instanceof AppError && err.status === 403);

    const resolved = await resolveDispute(t.db, w.coordinator.actor, { regionId: w.region.id, timesheetId: timesheet.id, minutes: 60, travelKm: 30, transportCents: 0, note: 'Laut Einrichtung 60 Minuten.', revision: disputed.revision, baseUrl: BASE_URL });
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.resolvedMinutes, 60);
    assert.equal(resolved.minutes, 120, 'the report stays as reported');
    assert.equal(resolved.resolvedBy, w.coordinator.actor.id);
    const mediatorMail = (await mailsTo(w.mediator.row.email)).find((m) => m.text.includes(`/me/assignments/${assignment.id}/hours`));
    assert.ok(mediatorMail, 'the mediator is told of the resolution');
    assert.match(mediatorMail.text, /60 Minuten/);
    assert.match(mediatorMail.text, /Laut Einrichtung 60 Minuten\./);
    await rejectsWith(resolveDispute(t.db, w.coordinator.actor, { regionId: w.region.id, timesheetId: timesheet.id, minutes: 90, travelKm: 0, transportCents: 0, note: 'nochmal' }), 'hours_closed');
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sprachpool.timesheet.resolve'), eq(auditEvents.entityId, timesheet.id)));
    assert.ok(audit);
  });

  it('two reports at the same time: exactly one timesheet', async () => {
    const { assignment } = await pastAssignment();
    const results = await Promise.allSettled([report(assignment.id, { minutes: 61 }), report(assignment.id, { minutes: 62 })]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected');
    assert.ok(failed && failed.status === 'rejected' && failed.reason instanceof ConflictError && failed.reason.code === 'hours_already_reported');
    assert.equal((await t.db.select().from(timesheets).where(eq(timesheets.assignmentId, assignment.id))).length, 1);
  });
});
