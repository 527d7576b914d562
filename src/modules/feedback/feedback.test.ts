import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, Browser, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type RegionRow } from '../../../test/fixtures.js';
import { auditEvents } from '../../platform/schema.js';
import { feedback } from '../guide/schema.js';
import { createPage } from '../guide/index.js';
import { FEEDBACK_LIMIT } from './routes.js';

describe('feedback', () => {
  let t: TestApp;
  let region: RegionRow;
  let other: RegionRow;
  let pageId: string;
  let pagePath: string;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3000', ...headers }, payload: form(fields) });

  before(async () => {
    t = await createTestApp({ BASE_URL: 'http://localhost:3000' });
    region = await buildRegion(t.db, { languages: ['de', 'ar'] });
    other = await buildRegion(t.db);
    const { page, translation } = await createPage(t.db, { system: 'test' }, { regionId: region.id, title: 'Sprachkurse', contentHtml: '<p>Kurse</p>', status: 'published' });
    pageId = page.id;
    pagePath = `/${region.slug}/de/${translation.slug}`;
  });
  after(() => t.close());

  it('shows the box under a public guide page, without a session token so the page can be cached', async () => {
    const res = await t.app.inject(pagePath);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`action="/${region.slug}/de/feedback"`));
    assert.match(res.body, new RegExp(`name="pageId" value="${pageId}"`));
    assert.ok(!res.headers['set-cookie'], 'no cookie on a public page');
  });

  it('stores a vote with a comment from the same origin and thanks the reader', async () => {
    const res = await post(`/${region.slug}/ar/feedback`, { pageId, helpful: 'no', comment: 'لم أفهم العنوان' }, { origin: 'http://localhost:3000', referer: `http://localhost:3000${pagePath}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/${region.slug}/ar/feedback/thanks?back=${encodeURIComponent(pagePath)}`);
    const thanks = await t.app.inject(String(res.headers.location));
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, new RegExp(`href="${pagePath}"`));
    const rows = await t.db.select().from(feedback).where(eq(feedback.regionId, region.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.helpful, false);
    assert.equal(rows[0]?.language, 'ar');
    assert.equal(rows[0]?.pageId, pageId);
  });

  it('refuses cross-origin posts, ignores honeypot posts and re-renders an empty submission with a message', async () => {
    const cross = await post(`/${region.slug}/de/feedback`, { helpful: 'yes' }, { origin: 'https://evil.example' });
    assert.equal(cross.statusCode, 403);
    const bot = await post(`/${region.slug}/de/feedback`, { helpful: 'yes', website: 'http://spam.example' });
    assert.equal(bot.statusCode, 303);
    const empty = await post(`/${region.slug}/de/feedback`, { query: '', comment: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Bitte wählen Sie Ja oder Nein/);
    const before = (await t.db.select().from(feedback).where(eq(feedback.regionId, region.id))).length;
    assert.equal(before, 1, 'nothing stored from the three posts');
  });

  it('takes a search wish with the query, and a foreign page id is not linked', async () => {
    const wish = await t.app.inject(`/${region.slug}/de/feedback?q=Kita%20Anmeldung`);
    assert.match(wish.body, /value="Kita Anmeldung"/);
    const otherPage = await createPage(t.db, { system: 'test' }, { regionId: other.id, title: 'Fremd' });
    const res = await post(`/${region.slug}/de/feedback`, { query: 'Kita Anmeldung', comment: 'Wo melde ich mein Kind an?', pageId: otherPage.page.id });
    assert.equal(res.statusCode, 303);
    const [row] = await t.db.select().from(feedback).where(eq(feedback.query, 'Kita Anmeldung'));
    assert.equal(row?.pageId, null);
  });

  it('limits posts per IP', async () => {
    let last = 0;
    for (let i = 0; i <= FEEDBACK_LIMIT.max; i += 1) last = (await post(`/${other.slug}/de/feedback`, { helpful: 'yes' }, { 'x-forwarded-for': '198.51.100.7' })).statusCode;
    assert.equal(last, 429);
  });

  it('lists feedback in the region inbox, filters it, and moves items with an audit entry', async () => {
    const editor = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'editor' }] });
    const browser = new Browser(t.app);
    browser.cookies.set('ww_session', (await sessionCookieFor(t.app, t.db, editor.id)).split('=').slice(1).join('='));
    const inbox = await browser.get(`/admin/regions/${region.id}/feedback`);
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, /لم أفهم العنوان/);
    assert.match(inbox.body, /Kita Anmeldung/);
    const onlySearch = await browser.get(`/admin/regions/${region.id}/feedback?helpful=search`);
    assert.ok(!onlySearch.body.includes('لم أفهم العنوان'));
    const item = (await t.db.select().from(feedback).where(eq(feedback.helpful, false)))[0];
    assert.ok(item);
    const moved = await browser.submit(`/admin/regions/${region.id}/feedback/status`, { from: 'new', status: 'archived', ids: [String(item.id)] }, { formUrl: `/admin/regions/${region.id}/feedback` });
    assert.equal(moved.statusCode, 303);
    const archived = await browser.get(`/admin/regions/${region.id}/feedback?status=archived`);
    assert.match(archived.body, /لم أفهم العنوان/);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'feedback.status'));
    assert.equal(audit?.entityId, String(item.id));
    const foreign = await browser.get(`/admin/regions/${other.id}/feedback`);
    assert.equal(foreign.statusCode, 403);
  });
});
