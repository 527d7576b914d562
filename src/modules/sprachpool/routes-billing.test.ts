import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { signedIn } from '../../../test/fixtures.js';
import { auditEvents, mails, regions } from '../../platform/schema.js';
import { buildAssignment, buildPoolWorld, buildTimesheet, localAt, type PoolWorld } from './billing-test-support.js';
import { timesheets } from './schema.js';
import { poolSettings } from './settings.js';

describe('hours, billing, statistics and settings pages (no JavaScript)', () => {
  let t: TestApp;
  let w: PoolWorld;
  let P: string;
  let day = -30;
  const past = async (mode: 'on_site' | 'phone' = 'on_site') => {
    day += 1;
    return buildAssignment(t.db, { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id, contactId: w.agency.contact.id }, { startLocal: localAt(day, '10:00'), request: { mode } });
  };
  const sheetOf = async (assignmentId: string) => (await t.db.select().from(timesheets).where(eq(timesheets.assignmentId, assignmentId)))[0];

  before(async () => {
    t = await createTestApp();
    w = await buildPoolWorld(t);
    P = `/admin/regions/${w.region.id}/sprachpool`;
  });
  after(() => t.close());

  it('the mediator reports time and travel through the form; bad input comes back with messages; a second report is refused', async () => {
    const { assignment, request } = await past();
    const url = `${P}/me/assignments/${assignment.id}/hours`;
    const page = await w.mediator.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Zeit und Fahrtkosten melden/);
    assert.match(page.body, /name="minutes"/);
    assert.match(page.body, /name="travelKm"/);
    assert.match(page.body, /name="transport"/);

    const bad = await w.mediator.browser.submit(url, { minutes: 'neunzig', travelKm: '12', transport: '4,50', note: 'Notiz' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-minutes"/);
    assert.equal(inputValue(bad.body, 'minutes'), 'neunzig', 'the values stay');
    const both = await w.mediator.browser.submit(url, { minutes: '90', travelKm: '12', transport: '4,50', note: '' });
    assert.equal(both.statusCode, 422);
    assert.match(both.body, /entweder Kilometer oder Fahrkarten/);
    assert.equal(await sheetOf(assignment.id), undefined, 'nothing saved');

    const ok = await w.mediator.browser.submit(url, { minutes: '90', travelKm: '', transport: '4,50', note: 'Gespräch mit Pause' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, url);
    const after = await w.mediator.browser.get(url);
    assert.match(after.body, /Ihre Angaben sind gemeldet/);
    assert.match(after.body, /gemeldet/);
    assert.match(after.body, /90 Minuten/);
    assert.doesNotMatch(after.body, /name="minutes"/, 'no form once reported');
    const sheet = await sheetOf(assignment.id);
    assert.deepEqual([sheet?.minutes, sheet?.transportCents, sheet?.travelKm], [90, 450, 0]);

    const twice = await w.mediator.browser.submit(url, { minutes: '120' }, { csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' });
    assert.equal(twice.statusCode, 303);
    const refused = await w.mediator.browser.get(url);
    assert.match(refused.body, /schon gemeldet/);
    assert.equal((await sheetOf(assignment.id))?.minutes, 90);

    const [mail] = await t.db.select().from(mails).where(eq(mails.to, w.agency.contact.email));
    assert.ok(mail?.text.includes(`${P}/agency/requests/${request.id}/hours`), 'the link in the mail points to the confirmation page');
  });

  it('before the end the page says when reporting opens, and has no form', async () => {
    const { assignment } = await buildAssignment(t.db, { region: w.region, mediatorId: w.mediator.row.id, agencyId: w.agency.row.id }, { startLocal: localAt(3, '10:00') });
    const page = await w.mediator.browser.get(`${P}/me/assignments/${assignment.id}/hours`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /nach dem Ende des Einsatzes melden/);
    assert.doesNotMatch(page.body, /name="minutes"/);
  });

  it('the institution disputes with a reason, the coordinator resolves, the mediator sees the resolution', async () => {
    const { assignment, request } = await past();
    const figures = { minutes: '120', travelKm: '30', transport: '', note: '' };
    await w.mediator.browser.submit(`${P}/me/assignments/${assignment.id}/hours`, figures);
    const confirmUrl = `${P}/agency/requests/${request.id}/hours`;
    const page = await w.agency.browser.get(confirmUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /120 Minuten/);
    assert.match(page.body, /name="action" value="confirm"/);
    assert.match(page.body, /name="action" value="dispute"/);
    assert.doesNotMatch(page.body, new RegExp(w.mediator.row.lastName), 'the institution sees the first name only');

    const noReason = await w.agency.browser.submit(confirmUrl, { action: 'dispute', reason: '', revision: inputValue(page.body, 'revision') ?? '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#f-reason"/);
    const disputed = await w.agency.browser.submit(confirmUrl, { action: 'dispute', reason: 'Es waren 60 Minuten.', revision: inputValue(page.body, 'revision') ?? '' });
    assert.equal(disputed.statusCode, 303);
    assert.match((await w.agency.browser.get(confirmUrl)).body, /Beanstandung ist eingegangen/);

    const list = await w.coordinator.browser.get(`${P}/hours`);
    assert.equal(list.statusCode, 200);
    const sheet = await sheetOf(assignment.id);
    assert.ok(sheet);
    assert.match(list.body, new RegExp(`href="${P}/hours/${sheet.id}"`));
    assert.match(list.body, /Beanstandet \(1\)/);

    const resolveUrl = `${P}/hours/${sheet.id}`;
    const form = await w.coordinator.browser.get(resolveUrl);
    assert.equal(inputValue(form.body, 'minutes'), '120', 'prefilled with the report');
    assert.match(form.body, /Es waren 60 Minuten\./);
    const noNote = await w.coordinator.browser.submit(resolveUrl, { minutes: '60', travelKm: '30', transport: '', note: '', revision: inputValue(form.body, 'revision') ?? '' });
    assert.equal(noNote.statusCode, 422);
    assert.match(noNote.body, /href="#f-note"/);
    const resolved = await w.coordinator.browser.submit(resolveUrl, { minutes: '60', travelKm: '30', transport: '', note: 'Laut Einrichtung.', revision: inputValue(form.body, 'revision') ?? '' });
    assert.equal(resolved.statusCode, 303);
    assert.equal(resolved.headers.location, `${P}/hours`);
    assert.equal((await sheetOf(assignment.id))?.resolvedMinutes, 60);

    const mediatorView = await w.mediator.browser.get(`${P}/me/assignments/${assignment.id}/hours`);
    assert.match(mediatorView.body, /geklärt/);
    assert.match(mediatorView.body, /Laut Einrichtung\./);
    const mediatorMail = (await t.db.select().from(mails).where(eq(mails.to, w.mediator.row.email))).find((m) => m.subject.includes('geklärt'));
    assert.ok(mediatorMail);
  });

  it('the institution confirms; the figures become billable on the billing page and in the CSV', async () => {
    const { assignment, request } = await past();
    await buildTimesheet(t.db, w.region.id, assignment, { minutes: 75, travelKm: 10 });
    const confirmUrl = `${P}/agency/requests/${request.id}/hours`;
    const page = await w.agency.browser.get(confirmUrl);
    const res = await w.agency.browser.submit(confirmUrl, { action: 'confirm', revision: inputValue(page.body, 'revision') ?? '' });
    assert.equal(res.statusCode, 303);
    assert.equal((await sheetOf(assignment.id))?.status, 'confirmed');
    assert.match((await w.agency.browser.get(confirmUrl)).body, /Die Angaben sind bestätigt/);

    const month = request.startLocal.slice(0, 7);
    const billing = await w.coordinator.browser.get(`${P}/billing?month=${month}`);
    assert.equal(billing.statusCode, 200);
    assert.match(billing.body, new RegExp(w.agency.row.name));
    // 75 min × 25 € = 31,25 €, 10 km × 0,30 € = 3,00 €: 34,25 €
    assert.match(billing.body, /34,25\u00a0€/);
    assert.match(billing.body, new RegExp(`href="${P}/billing/invoices.csv\\?month=${month}"`));
    const csv = await w.coordinator.browser.get(`${P}/billing/invoices.csv?month=${month}`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="sprachpool-invoices-${month}-`));
    assert.match(csv.body, /34\.25/);
    const payouts = await w.coordinator.browser.get(`${P}/billing/payouts.csv?month=${month}`);
    assert.equal(payouts.statusCode, 200);
    assert.match(payouts.body, new RegExp(w.mediator.row.lastName));

    const badMonth = await w.coordinator.browser.get(`${P}/billing?month=2026-13`);
    assert.equal(badMonth.statusCode, 422);
    assert.match(badMonth.body, /class="error-summary"/);
  });

  it('institutions and mediators cannot open the coordinators’ pages', async () => {
    for (const path of ['/hours', '/billing', '/billing/invoices.csv?month=2026-01', '/stats', '/settings']) {
      assert.equal((await w.agency.browser.get(`${P}${path}`)).statusCode, 403, path);
      assert.equal((await w.mediator.browser.get(`${P}${path}`)).statusCode, 403, path);
    }
  });

  it('the statistics page shows figures, tables and accessible charts, in Arabic right to left', async () => {
    const de = await w.coordinator.browser.get(`${P}/stats`);
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /Vermittlungsquote/);
    assert.match(de.body, /<svg[^>]*role="img"[^>]*aria-labelledby="sp-chart-requests-month-title"/);
    assert.match(de.body, /<title id="sp-chart-requests-month-title">Anfragen je Monat<\/title>/);
    assert.match(de.body, /<th scope="col">Sprache<\/th>/);
    const arabic = await signedIn(t, { uiLanguage: 'ar', roles: [{ regionId: w.region.id, role: 'pool_coordinator' }] });
    const ar = await arabic.browser.get(`${P}/stats`);
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html[^>]*dir="rtl"/);
    assert.match(ar.body, /<svg[^>]*direction="rtl"/);
    const wrong = await w.coordinator.browser.get(`${P}/stats?from=2025-05-01&to=2025-04-01`);
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#f-to"/);
  });

  it('settings: every field as a form, euros with comma or point, 422 on bad input, 409 on a stale revision', async () => {
    const url = `${P}/settings`;
    const page = await w.coordinator.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.equal(inputValue(page.body, 'hourlyRateCents'), '25,00');
    assert.equal(inputValue(page.body, 'perKmCents'), '0,30');
    const fields = (changes: Record<string, string | string[]>): Record<string, string | string[]> => {
      const out: Record<string, string | string[]> = {};
      for (const name of ['leadTimeWorkingDays', 'freeCancellationHours', 'offerExpiryHours', 'travelBufferMinutes', 'retentionDays', 'documentReminderDays', 'minimumMinutes', 'hourlyRateCents', 'perKmCents', 'flatFeeCents', 'lateCancellationFeeCents', 'mediatorHourlyCents', 'contactEmail', 'revision']) {
        out[name] = inputValue(page.body, name) ?? '';
      }
      out.excludedSettings = ['court', 'police'];
      out.requiredQualification_health = 'health';
      return { ...out, ...changes };
    };

    const bad = await w.coordinator.browser.submit(url, fields({ hourlyRateCents: '25,555', retentionDays: '10', contactEmail: 'keine-adresse' }));
    assert.equal(bad.statusCode, 422);
    for (const f of ['hourlyRateCents', 'retentionDays', 'contactEmail']) assert.match(bad.body, new RegExp(`href="#f-${f}"`));
    assert.equal(inputValue(bad.body, 'hourlyRateCents'), '25,555', 'the values stay');

    const ok = await w.coordinator.browser.submit(url, fields({ hourlyRateCents: '27.5', perKmCents: '0,35', flatFeeCents: '5', lateCancellationFeeCents: '40,00', excludedSettings: ['court', 'police', 'psychosocial'] }));
    assert.equal(ok.statusCode, 303);
    const [region] = await t.db.select().from(regions).where(eq(regions.id, w.region.id));
    const s = poolSettings(region?.settings);
    assert.deepEqual([s.hourlyRateCents, s.perKmCents, s.flatFeeCents, s.lateCancellationFeeCents], [2750, 35, 500, 4000]);
    assert.deepEqual(s.excludedSettings, ['psychosocial', 'court', 'police']);
    assert.deepEqual(s.requiredQualifications, { health: 'health' });
    const [audit] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sprachpool.settings.update'), eq(auditEvents.regionId, w.region.id)));
    assert.ok(audit);

    // The first page's revision is stale now.
    const stale = await w.coordinator.browser.submit(url, fields({ hourlyRateCents: '30,00' }));
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /inzwischen geändert/);
    assert.equal(inputValue(stale.body, 'hourlyRateCents'), '30,00', 'the user’s input stays');
    const [unchanged] = await t.db.select().from(regions).where(eq(regions.id, w.region.id));
    assert.equal(poolSettings(unchanged?.settings).hourlyRateCents, 2750);
  });
});
