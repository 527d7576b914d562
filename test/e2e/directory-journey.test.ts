// The service directory walked in a real browser, on the demo county.
// Journey 1 (Amal, directory part): an Arabic phone reaches the services list from the region home, filters migration
// counselling + Arabic + open now, with and without JavaScript, gets the same right-to-left result and a call link.
// "Open now" is not pinned by a clock (the public routes have none): the test's own services are open around the
// clock or closed indefinitely, and the demo's services are compared with the list computed from the database.
// Journey 7 (SV Beispiel 09): a region editor makes a partner account editor of the club; the partner creates a free
// trial training with an Arabic/Dari phone contact, which waits for review and stays invisible; the editor accepts
// it from the review queue; it then appears in the list filtered by Dari (fa) + free, on its detail page and in the
// sports-clubs list a guide page embeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { devices, type BrowserContextOptions, type Page } from 'playwright-core';
import { findRegionBySlug } from '../../src/modules/regions/index.js';
import { createPage } from '../../src/modules/guide/index.js';
import { refreshServiceSearch, writeOrganization, writeService, type ScheduleInput } from '../../src/modules/directory/index.js';
import { filtersSchema, listServicesForReaders } from '../../src/modules/directory/public.js';
import { dirTaxonomyTerms, dirTranslations } from '../../src/modules/directory/schema.js';
import { buildAccount, type AccountRow } from '../fixtures.js';
import { login, startE2e, type E2e } from './harness.js';

const REGION = 'landkreis-beispiel';
/** Every day, a slot closing at its opening time: open around the clock (also on public holidays). */
const ALWAYS: ScheduleInput = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '00:00', closesAt: '00:00' };
/** An exception that closes every day from 2020 to 2099. */
const CLOSED: ScheduleInput = { freq: null, closed: true, validFrom: '2020-01-01', validTo: '2099-12-31', description: 'Umbau' };
const HOTLINE_NUMBER = '+491234567490';
const HOTLINE_AR = 'استشارة الهجرة عبر الهاتف على مدار الساعة';
const TRAINING = 'Kostenloses Probetraining für Neuzugewanderte';

/** A phone-sized Android device (no `defaultBrowserType`: not a context option). */
function phone(options: BrowserContextOptions): BrowserContextOptions {
  const { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch } = devices['Moto G4'];
  return { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch, ...options };
}

let e2e: E2e;
let regionId: string;
let editor: AccountRow & { password: string };
let partner: AccountRow & { password: string };
let clubId: string;
const ids: Record<string, string> = {};
const amalFilter = { category: 'migration-counselling', language: 'ar', open: '1' };

before(async () => {
  e2e = await startE2e();
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region, 'the demo county exists');
  regionId = region.id;
  const terms = await e2e.db.select({ id: dirTaxonomyTerms.id, code: dirTaxonomyTerms.code }).from(dirTaxonomyTerms).where(eq(dirTaxonomyTerms.regionId, region.id));
  const term = (code: string) => {
    const found = terms.find((t) => t.code === code);
    assert.ok(found, `category ${code} exists in the demo county`);
    return found.id;
  };

  // Journey 1: one Arabic migration counselling line open around the clock, and three that the filters must drop.
  const org = await writeOrganization(e2e.db, region.id, { name: 'Beratungsnetz Beispiel e. V.', status: 'published' });
  const service = (name: string, termCode: string, languages: string[], schedules: ScheduleInput[], number: string) =>
    writeService(e2e.db, region.id, { organizationId: org, name, status: 'published', free: true, termIds: [term(termCode)], languages, schedules, phones: [{ number, languages }] });
  ids.hotline = await service('Migrationsberatung am Telefon (rund um die Uhr)', 'migration-counselling', ['de', 'ar'], [ALWAYS], HOTLINE_NUMBER);
  ids.closed = await service('Migrationsberatung im Umbau', 'migration-counselling', ['de', 'ar'], [ALWAYS, CLOSED], '+491234567491');
  ids.turkish = await service('Migrationsberatung auf Türkisch (rund um die Uhr)', 'migration-counselling', ['de', 'tr'], [ALWAYS], '+491234567492');
  ids.refugee = await service('Flüchtlingsberatung am Telefon (rund um die Uhr)', 'refugee-counselling', ['de', 'ar'], [ALWAYS], '+491234567493');
  await e2e.db.insert(dirTranslations).values({ regionId: region.id, kind: 'service', entityId: ids.hotline, language: 'ar', fields: { name: HOTLINE_AR, description: 'نصائح حول الإقامة والعمل والأسرة.' }, sourceRevision: 1 });
  await refreshServiceSearch(e2e.db, ids.hotline);

  // Journey 7: the club, its partner account, a region editor, and the guide page that embeds the sports clubs.
  clubId = await writeOrganization(e2e.db, region.id, { name: 'SV Beispiel 09 e. V.', status: 'published', description: 'Fußball, Turnen und Leichtathletik für alle.' });
  partner = await buildAccount(e2e.db, { email: 'jugendwart@sv-beispiel09.example', name: 'Jugendwart SV Beispiel 09', roles: [{ regionId: region.id, role: 'partner' }] });
  editor = await buildAccount(e2e.db, { email: 'verzeichnis@beispiel.example', name: 'Redaktion Verzeichnis', roles: [{ regionId: region.id, role: 'editor' }] });
  await createPage(e2e.db, { system: 'e2e' }, {
    regionId: region.id,
    title: 'Sport und Freizeit',
    slug: 'sport-und-freizeit-e2e',
    status: 'published',
    contentHtml: '<p>Im Verein lernen Sie schnell Menschen kennen.</p><div data-embed="services" data-category="sports-clubs"></div>',
  });
});
after(async () => {
  await e2e.stop();
});

/** The service ids of the result cards, in order. */
async function cardIds(page: Page, scope = '.dir-cards'): Promise<string[]> {
  return page.locator(`${scope} > li.dir-card`).evaluateAll((items) => items.map((li) => li.getAttribute('data-service-id') ?? ''));
}

/** What the list shows for Amal's filter according to the database, at this moment. */
async function expectedForAmal(): Promise<string[]> {
  const region = await findRegionBySlug(e2e.db, REGION);
  assert.ok(region);
  const list = await listServicesForReaders(e2e.db, region, 'ar', filtersSchema.parse(amalFilter));
  return list.cards.map((c) => c.id);
}

/** Fills and sends the list's GET form (the same clicks with and without JavaScript). */
async function filterForAmal(page: Page): Promise<void> {
  await page.locator('#dir-category').selectOption('migration-counselling');
  await page.locator('#dir-language').selectOption('ar');
  await page.locator('#dir-open').check();
  await Promise.all([page.waitForURL((u) => u.searchParams.get('open') === '1'), page.getByRole('button', { name: 'عرض الخدمات' }).click()]);
}

/** No sideways scrolling on a phone. */
async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Runs Amal's filter; the shown ids must be what the database says before or after the page load (a slot may end). */
async function amalsResult(page: Page): Promise<string[]> {
  const before = await expectedForAmal();
  await filterForAmal(page);
  const shown = await cardIds(page);
  const afterwards = await expectedForAmal();
  assert.ok(JSON.stringify(shown) === JSON.stringify(before) || JSON.stringify(shown) === JSON.stringify(afterwards), `shown ${shown.join(', ')}; expected ${before.join(', ')}`);
  return shown;
}

let withJs: string[] = [];

test('journey 1: Amal gets Arabic, filters migration counselling in Arabic open now, and finds a number to call', async () => {
  const page = await (await e2e.context(phone({ locale: 'ar' }))).newPage();
  await page.goto(`/${REGION}/`);
  assert.equal(new URL(page.url()).pathname, `/${REGION}/ar/`, 'her phone asks for Arabic: the region home opens in Arabic');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');

  await Promise.all([page.waitForURL(`**/${REGION}/ar/services`), page.locator('.dir-home').getByRole('link', { name: 'ابحث عن الخدمات' }).click()]);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');

  withJs = await amalsResult(page);
  const params = new URL(page.url()).searchParams;
  assert.deepEqual([params.get('category'), params.get('language'), params.get('open')], ['migration-counselling', 'ar', '1'], 'the filter is in the address: she can share or bookmark it');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', 'the result page is right to left');
  assert.ok(withJs.includes(ids.hotline ?? ''), 'the Arabic line open around the clock is found');
  for (const hidden of [ids.closed, ids.turkish, ids.refugee]) assert.ok(!withJs.includes(hidden ?? ''), 'closed, not in Arabic, or another category: not shown');
  assert.equal(await page.locator('.dir-cards .dir-open[data-open="no"]').count(), 0, 'every card says it is open');
  assert.equal(await page.locator(`.dir-card[data-service-id="${ids.hotline}"] .dir-open`).getAttribute('data-open'), 'yes');
  assert.ok(await fitsTheScreen(page), 'the list fits the phone screen');

  const card = page.locator(`.dir-card[data-service-id="${ids.hotline}"]`);
  assert.equal((await card.locator('.dir-card__title a').textContent())?.trim(), HOTLINE_AR, 'the service name in Arabic');
  await Promise.all([page.waitForURL(`**/ar/services/${ids.hotline}*`), card.locator('.dir-card__title a').click()]);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal((await page.locator('h1').textContent())?.trim(), HOTLINE_AR);
  assert.equal(await page.locator('.dir-service__state .dir-open').getAttribute('data-open'), 'yes', 'the detail page says it is open now');
  const call = page.locator('section[aria-labelledby="dir-contact"] a[href^="tel:"]');
  assert.equal(await call.count(), 1, 'one call link');
  assert.equal(await call.getAttribute('href'), `tel:${HOTLINE_NUMBER}`, 'tapping dials the number');
  assert.equal((await call.textContent())?.trim(), HOTLINE_NUMBER, 'the number is shown');
  assert.equal(await call.getAttribute('dir'), 'ltr', 'the number reads left to right inside the Arabic page');
  assert.ok(await call.isVisible());
  assert.match((await page.locator('section[aria-labelledby="dir-languages"]').textContent()) ?? '', /العربية/, 'Arabic is listed among the languages spoken');
  assert.ok(await fitsTheScreen(page), 'the detail page fits the phone screen');
});

test('journey 1 without JavaScript: the same filter gives the same list and the same call link', async () => {
  const page = await (await e2e.context(phone({ locale: 'ar', javaScriptEnabled: false }))).newPage();
  await page.goto(`/${REGION}/ar/services`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const shown = await amalsResult(page);
  assert.deepEqual(new Set(shown), new Set(withJs), 'the same services as with JavaScript');
  assert.ok(shown.includes(ids.hotline ?? ''));
  await Promise.all([page.waitForURL(`**/ar/services/${ids.hotline}*`), page.locator(`.dir-card[data-service-id="${ids.hotline}"] .dir-card__title a`).click()]);
  assert.equal(await page.locator('section[aria-labelledby="dir-contact"] a[href^="tel:"]').getAttribute('href'), `tel:${HOTLINE_NUMBER}`);
});

test('journey 7: SV Beispiel 09 submits a free trial training with an Arabic/Dari contact; after review it is in the directory and on the guide page', async () => {
  const admin = `/admin/regions/${regionId}/directory`;
  const reader = await (await e2e.context()).newPage();
  const listUrl = `/${REGION}/de/services?language=fa&free=1`;

  // The region editor lets the club's account edit the club's entries.
  const editorPage = await (await e2e.context()).newPage();
  await login(editorPage, editor.email, editor.password);
  await editorPage.goto(`${admin}/organizations/${clubId}`);
  const editors = editorPage.locator('section.dir-editors');
  await editors.locator('[name="email"]').fill(partner.email);
  await Promise.all([editorPage.waitForEvent('load'), editors.getByRole('button', { name: 'Partner hinzufügen' }).click()]);
  assert.match((await editorPage.locator('.flashes').textContent()) ?? '', /kann die Einträge des Trägers jetzt bearbeiten/);
  assert.match((await editors.locator('ul').textContent()) ?? '', /jugendwart@sv-beispiel09\.example/, 'the partner is listed as editor of the club');

  // The club's account creates the offer; the club is the only organisation it may choose.
  const club = await (await e2e.context()).newPage();
  await login(club, partner.email, partner.password);
  await club.goto(`${admin}/services/new`);
  const orgOptions = await club.locator('[name="organizationId"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.deepEqual(orgOptions, [clubId], 'a partner picks only among its own organisations');
  await club.locator('[name="organizationId"]').selectOption(clubId);
  await club.locator('[name="name"]').fill(TRAINING);
  await club.locator('[name="description"]').fill('Jeden Samstag Fußball und Leichtathletik zum Ausprobieren, ohne Mitgliedschaft. Trikots leihen wir.');
  await club.getByRole('checkbox', { name: 'Sportvereine', exact: true }).check();
  for (const code of ['de', 'ar', 'fa']) await club.locator(`[name="languages"][value="${code}"]`).check();
  await club.locator('#f-free').check();
  await club.locator('[name="phones.0.number"]').fill('01234 909 0909');
  await club.locator('[name="phones.0.languages"]').fill('ar, fa');
  await club.locator('[name="contacts.0.name"]').fill('Mariam Ahmadi');
  await club.locator('[name="contacts.0.title"]').fill('Integrationslotsin, spricht Arabisch und Dari');
  await club.locator('[name="weekly.0.days"][value="SA"]').check();
  await club.locator('[name="weekly.0.opens"]').fill('10:00');
  await club.locator('[name="weekly.0.closes"]').fill('12:00');
  await Promise.all([club.waitForEvent('load'), club.getByRole('button', { name: 'Anlegen', exact: true }).click()]);
  const problems = (await club.locator('.error-summary, .notice--error, [role="alert"]').allTextContents()).join(' | ');
  assert.match(club.url(), /\/directory\/services\/[0-9a-f-]{36}$/, `the entry was created (page says: ${problems})`);
  const serviceId = /\/services\/([0-9a-f-]{36})$/.exec(club.url())?.[1] ?? '';
  assert.match((await club.locator('.flashes').textContent()) ?? '', /wartet auf Prüfung durch die Region/, 'the club is told the entry waits for review');
  assert.match((await club.locator('.summary-list').first().textContent()) ?? '', /In Prüfung/);

  // Not public yet: not in the filtered list, no detail page, not on the guide page.
  await reader.goto(listUrl);
  assert.ok(!(await cardIds(reader)).includes(serviceId), 'not in the list before review');
  assert.equal((await reader.goto(`/${REGION}/de/services/${serviceId}`))?.status(), 404, 'no detail page before review');
  await reader.goto(`/${REGION}/de/sport-und-freizeit-e2e`);
  assert.equal(await reader.locator(`[data-embed-rendered="services"] [data-service-id="${serviceId}"]`).count(), 0, 'not on the guide page before review');

  // The region editor accepts it from the review queue.
  await editorPage.goto(`${admin}/review`);
  await Promise.all([editorPage.waitForURL(`**/review/service/${serviceId}`), editorPage.getByRole('link', { name: TRAINING }).click()]);
  await Promise.all([editorPage.waitForURL(/\/directory\/review$/), editorPage.getByRole('button', { name: 'Annehmen und veröffentlichen' }).click()]);
  assert.match((await editorPage.locator('.flashes').textContent()) ?? '', /Angenommen und veröffentlicht/);
  assert.equal(await editorPage.getByRole('link', { name: TRAINING }).count(), 0, 'the queue no longer lists it');

  // A reader filters by Dari (the region's code is fa: Persian/Dari) and free of charge through the form.
  await reader.goto(`/${REGION}/de/services`);
  await reader.locator('#dir-language').selectOption('fa');
  await reader.locator('#dir-free').check();
  await Promise.all([reader.waitForURL((u) => u.searchParams.get('free') === '1'), reader.getByRole('button', { name: 'Angebote anzeigen' }).click()]);
  const card = reader.locator(`.dir-card[data-service-id="${serviceId}"]`);
  assert.equal(await card.count(), 1, 'the trial training is in the list filtered by Dari and free');
  assert.equal((await card.locator('.dir-card__title a').textContent())?.trim(), TRAINING);
  assert.match((await card.locator('.dir-card__org').textContent()) ?? '', /SV Beispiel 09/);
  assert.match((await card.locator('.dir-card__facts').textContent()) ?? '', /kostenlos/i);
  assert.match((await card.locator('.dir-card__languages').textContent()) ?? '', /Arabisch/);
  assert.match((await card.locator('.dir-card__languages').textContent()) ?? '', /Persisch|Dari/);

  await Promise.all([reader.waitForURL(`**/de/services/${serviceId}*`), card.locator('.dir-card__title a').click()]);
  assert.equal((await reader.locator('h1').textContent())?.trim(), TRAINING);
  assert.equal(await reader.locator('section[aria-labelledby="dir-contact"] a[href^="tel:"]').getAttribute('href'), 'tel:+4912349090909', 'the number the club typed is dialable');
  assert.match((await reader.locator('section[aria-labelledby="dir-contact"] .dir-phones__langs').textContent()) ?? '', /Arabisch.*(Persisch|Dari)/, 'the phone line says it speaks Arabic and Dari');
  assert.match((await reader.locator('section[aria-labelledby="dir-costs"]').textContent()) ?? '', /kostenlos/);

  // The guide page's live list of sports clubs shows it, linking to the detail page.
  await reader.goto(`/${REGION}/de/sport-und-freizeit-e2e`);
  const embedded = reader.locator(`[data-embed-rendered="services"] [data-service-id="${serviceId}"] a`);
  assert.equal(await embedded.count(), 1, 'the guide page lists the new offer');
  assert.equal((await embedded.textContent())?.trim(), TRAINING);
  assert.match((await embedded.getAttribute('href')) ?? '', new RegExp(`^/${REGION}/de/services/${serviceId}`));
});
