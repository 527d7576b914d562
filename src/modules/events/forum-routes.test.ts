import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import createCsrf from '@fastify/csrf';
import { Browser, createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, buildWorld, PERSONAS, type RegionRow, signedIn, type World } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { mails } from '../../platform/schema.js';
import { rows as accessRows } from './access-forum.js';
import { addMember, FORUM_DOCUMENT_MAX_BYTES, saveOccurrenceText } from './forum.js';
import { forumMembers, occurrenceDocuments, occurrences } from './schema.js';
import type { EventRow, OccurrenceRow } from './service.js';
import { buildEvent, localInDays } from './test-support.js';
import { eventUrls } from './urls.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

function cookieHeader(browser: Browser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A multipart body the way a browser sends the upload form: the CSRF token first, then the fields, then the file. */
function multipart(fields: Record<string, string>, file?: { filename: string; type: string; data: Buffer }): { payload: Buffer; contentType: string } {
  const boundary = '----wegweiser-forum-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A monthly-style forum (weekly here, to have dates on both sides of today). */
async function buildForum(t: TestApp, regionId: string): Promise<{ event: EventRow; past: OccurrenceRow[]; upcoming: OccurrenceRow[] }> {
  const start = localInDays(-14);
  const { event, occurrences: occs } = await buildEvent(t.db, regionId, {
    category: 'dialog_forum',
    title: 'Dialogforum Integration',
    startLocal: start,
    endLocal: `${start.slice(0, 10)}T20:00`,
    recurrence: { freq: 'weekly', endMode: 'count', count: 4 },
  });
  const now = Date.now();
  return { event, past: occs.filter((o) => o.startsAt.getTime() <= now), upcoming: occs.filter((o) => o.startsAt.getTime() > now) };
}

describe('forum pages (no JavaScript)', () => {
  let t: TestApp;
  let region: RegionRow;
  let editor: { browser: Browser; actor: Actor };
  let forum: Awaited<ReturnType<typeof buildForum>>;
  let base: string;

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar'], sourceLanguage: 'de' });
    editor = await signedIn(t, { roles: [{ regionId: region.id, role: 'editor' }] });
    forum = await buildForum(t, region.id);
    base = `/admin/regions/${region.id}/events/${forum.event.id}/forum`;
  });
  after(() => t.close());

  const upload = async (occurrenceId: string, fields: Record<string, string>, file?: { filename: string; type: string; data: Buffer }) => {
    const url = `${base}/dates/${occurrenceId}`;
    const csrf = await editor.browser.csrfFrom(url);
    const { payload, contentType } = multipart({ _csrf: csrf, ...fields }, file);
    return t.app.inject({ method: 'POST', url: `${url}/documents`, headers: { cookie: cookieHeader(editor.browser), 'content-type': contentType }, payload });
  };

  it('adds a member through the form: 422 with the values kept, 303, a duplicate e-mail named at the field; removes', async () => {
    const page = await editor.browser.get(base);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Noch keine Mitglieder/);
    assert.match(page.body, /Kommende Termine/);

    const bad = await editor.browser.submit(`${base}/members`, { name: 'Leyla Yılmaz', email: 'leyla@', role: 'Vorsitz', language: 'tr' }, { formUrl: base });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-email"/);
    assert.match(bad.body, /value="Leyla Yılmaz"/);
    assert.match(bad.body, /<option value="tr" selected/);

    const ok = await editor.browser.submit(`${base}/members`, { name: 'Leyla Yılmaz', email: 'leyla@example.org', role: 'Vorsitz', organizationName: 'Türkischer Elternverein', language: 'tr' }, { formUrl: base });
    assert.equal(ok.statusCode, 303);
    const list = await editor.browser.get(String(ok.headers.location).split('#')[0] ?? base);
    assert.match(list.body, /Leyla Yılmaz wurde als Mitglied hinzugefügt/);
    assert.match(list.body, /Türkischer Elternverein/);

    const dup = await editor.browser.submit(`${base}/members`, { name: 'Leyla Y.', email: 'LEYLA@example.org', language: 'de' }, { formUrl: base });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /Diese E-Mail-Adresse gehört schon zu einem Mitglied \(Leyla Yılmaz\)/);

    const [member] = await t.db.select().from(forumMembers).where(eq(forumMembers.email, 'leyla@example.org'));
    assert.ok(member);
    const removed = await editor.browser.submit(`${base}/members/${member.id}/remove`, {}, { formUrl: base });
    assert.equal(removed.statusCode, 303);
    assert.equal((await t.db.select().from(forumMembers).where(eq(forumMembers.id, member.id))).length, 0);
  });

  it('sends invitations from the date page; a second time asks first ("already sent on …")', async () => {
    const [next] = forum.upcoming;
    assert.ok(next);
    for (const [name, email, language] of [
      ['Marta Nowak', 'marta@example.org', 'de'],
      ['Omar Saleh', 'omar@example.org', 'ar'],
    ] as const) {
      await addMember(t.db, editor.actor, { regionId: region.id, eventId: forum.event.id, values: { name, email, language } });
    }
    const url = `${base}/dates/${next.id}`;
    const page = await editor.browser.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Einladung an alle 2 Mitglieder senden/);
    const sent = await editor.browser.submit(`${url}/invitations`, {}, { formUrl: url });
    assert.equal(sent.statusCode, 303);
    assert.match((await editor.browser.get(url)).body, /2 Einladungen wurden zum Versand übergeben/);
    const queued = await t.db.select().from(mails).where(inArray(mails.to, ['marta@example.org', 'omar@example.org']));
    assert.equal(queued.length, 2);
    assert.ok(queued.find((m) => m.to === 'omar@example.org')?.subject.startsWith('دعوة'));

    const again = await editor.browser.submit(`${url}/invitations`, {}, { formUrl: url });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /wurden schon am .+ verschickt/);
    assert.match(again.body, /name="resend" value="1"/);
    assert.equal((await t.db.select().from(mails).where(inArray(mails.to, ['marta@example.org', 'omar@example.org']))).length, 2, 'nothing sent without the confirmation');
    const confirmed = await editor.browser.submit(`${url}/invitations`, { resend: '1' }, { formUrl: url });
    assert.equal(confirmed.statusCode, 303);
    assert.equal((await t.db.select().from(mails).where(inArray(mails.to, ['marta@example.org', 'omar@example.org']))).length, 4);
  });

  it('edits the agenda in a textarea (editor island on top); a stale revision shows both versions and keeps the text', async () => {
    const [next] = forum.upcoming;
    assert.ok(next);
    const url = `${base}/dates/${next.id}/agenda`;
    const form = await editor.browser.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /data-module="rich-editor"/);
    assert.match(form.body, /<textarea id="f-html" name="html"/);
    const revision = /name="revision" value="(\d+)"/.exec(form.body)?.[1];
    assert.ok(revision);
    const saved = await editor.browser.submit(url, { html: '<h2>TOP 1</h2><p>Bericht <script>x</script></p>', revision }, { formUrl: url });
    assert.equal(saved.statusCode, 303);
    const [row] = await t.db.select().from(occurrences).where(eq(occurrences.id, next.id));
    assert.equal(row?.agendaHtml, '<h2>TOP 1</h2><p>Bericht </p>');
    const datePage = await editor.browser.get(String(saved.headers.location));
    assert.match(datePage.body, /Die Tagesordnung wurde gespeichert/);
    assert.match(datePage.body, /<h3>TOP 1<\/h3>/, 'stored headings sit one level below the section heading');

    const stale = await editor.browser.submit(url, { html: '<p>Meine eigene Fassung</p>', revision }, { formUrl: url });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Jemand anderes hat diesen Eintrag inzwischen geändert/);
    assert.match(stale.body, /Die inzwischen gespeicherte Fassung/);
    assert.match(stale.body, /class="rich-text forum-text stored-text" lang="de" dir="ltr"><h3>TOP 1<\/h3>/, 'the stored version is shown');
    assert.match(stale.body, /&lt;p>Meine eigene Fassung&lt;\/p>|&lt;p&gt;Meine eigene Fassung&lt;\/p&gt;/, 'the own version stays in the textarea');
    assert.match(stale.body, new RegExp(`name="revision" value="${row?.revision}"`));
    assert.equal((await t.db.select().from(occurrences).where(eq(occurrences.id, next.id)))[0]?.agendaHtml, '<h2>TOP 1</h2><p>Bericht </p>');
    assert.equal((await editor.browser.get(`${base}/dates/${next.id}/bogus`)).statusCode, 404);
  });

  it('uploads documents as multipart with CSRF: a PDF is stored, an .exe renamed to .pdf and an oversize file are refused at the field', async () => {
    const [o] = forum.past;
    assert.ok(o);
    const ok = await upload(o.id, { title: 'Protokoll März', kind: 'minutes', public: '1' }, { filename: 'Protokoll März.pdf', type: 'application/pdf', data: PDF });
    assert.equal(ok.statusCode, 303);
    const [doc] = await t.db.select().from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, o.id));
    assert.ok(doc);
    assert.equal(doc.contentType, 'application/pdf');

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(512, 7)]);
    const refused = await upload(o.id, { title: 'Setup', kind: 'document', public: '1' }, { filename: 'setup.pdf', type: 'application/pdf', data: exe });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /href="#f-file"/);
    assert.match(refused.body, /kein PDF und kein Bild/);
    assert.match(refused.body, /value="Setup"/, 'the title is kept');

    const big = await upload(o.id, { title: 'Riesig', kind: 'document' }, { filename: 'big.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(FORUM_DOCUMENT_MAX_BYTES + 1024)]) });
    assert.equal(big.statusCode, 422);
    assert.match(big.body, /Die Datei ist zu groß. Erlaubt sind höchstens 15 MB/);

    const noToken = multipart({ title: 'x', kind: 'document' }, { filename: 'a.pdf', type: 'application/pdf', data: PDF });
    const forged = await t.app.inject({ method: 'POST', url: `${base}/dates/${o.id}/documents`, headers: { cookie: cookieHeader(editor.browser), 'content-type': noToken.contentType }, payload: noToken.payload });
    assert.equal(forged.statusCode, 403, 'no CSRF token: refused');
    assert.equal((await t.db.select().from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, o.id))).length, 1);

    const download = await editor.browser.get(`${base}/documents/${doc.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="Protokoll Ma.+rz\.pdf"; filename\*=UTF-8''Protokoll%20M%C3%A4rz\.pdf$/);
    assert.equal(download.rawPayload.equals(PDF), true);

    const page = await editor.browser.get(`${base}/dates/${o.id}`);
    assert.match(page.body, /Protokoll März/);
    const del = await editor.browser.submit(`${base}/documents/${doc.id}/delete`, {}, { formUrl: `${base}/dates/${o.id}` });
    assert.equal(del.statusCode, 303);
    assert.equal(String(del.headers.location), `${base}/dates/${o.id}#forum-documents-title`);
    assert.equal((await t.db.select().from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, o.id))).length, 0);
  });

  it('publishes the documentation: 404 before, then the page (de and ar, right-to-left), the list and public files; 404 again after unpublishing', async () => {
    const [o] = forum.past;
    assert.ok(o);
    const fresh = (await t.db.select().from(occurrences).where(eq(occurrences.id, o.id)))[0];
    assert.ok(fresh);
    await saveOccurrenceText(t.db, editor.actor, { regionId: region.id, eventId: forum.event.id, occurrenceId: o.id, field: 'minutes', html: '<p>Ergebnis: Sprachcafé im Rathaus</p>', revision: fresh.revision });
    assert.equal((await upload(o.id, { title: 'Folien', kind: 'document', public: '1' }, { filename: 'folien.pdf', type: 'application/pdf', data: PDF })).statusCode, 303);
    assert.equal((await upload(o.id, { title: 'Adressliste', kind: 'document' }, { filename: 'liste.pdf', type: 'application/pdf', data: PDF })).statusCode, 303);
    const docs = await t.db.select().from(occurrenceDocuments).where(eq(occurrenceDocuments.occurrenceId, o.id));
    const folien = docs.find((d) => d.title === 'Folien');
    const liste = docs.find((d) => d.title === 'Adressliste');
    assert.ok(folien && liste);
    assert.equal(liste.public, false, 'unticked box: internal');

    const anon = new Browser(t.app);
    const pageUrl = eventUrls.documentation(region.slug, 'de', forum.event.id, o.id);
    const fileUrl = eventUrls.documentationFile(region.slug, 'de', forum.event.id, o.id, folien.id);
    assert.equal((await anon.get(pageUrl)).statusCode, 404);
    assert.equal((await anon.get(fileUrl)).statusCode, 404);

    const datePage = `${base}/dates/${o.id}`;
    const published = await editor.browser.submit(`${datePage}/documentation`, { action: 'publish' }, { formUrl: datePage });
    assert.equal(published.statusCode, 303);

    const de = await anon.get(pageUrl);
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /<html lang="de" dir="ltr">/);
    assert.match(de.body, /Dialogforum Integration/);
    assert.match(de.body, /Ergebnis: Sprachcafé im Rathaus/);
    assert.match(de.body, /Kreishaus, Markt 1, 12345 Musterstadt/);
    assert.match(de.body, /Folien/);
    assert.match(de.body, /PDF, \d+\sB|PDF, 1\skB/);
    assert.doesNotMatch(de.body, /Adressliste/);

    const ar = await anon.get(eventUrls.documentation(region.slug, 'ar', forum.event.id, o.id));
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /المحضر/);
    assert.match(ar.body, /<div class="rich-text forum-text" lang="de" dir="ltr">/, 'German minutes keep their language and direction');

    const list = await anon.get(eventUrls.documentationList(region.slug, 'de'));
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`href="${pageUrl}"`));

    const file = await anon.get(fileUrl);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="folien\.pdf"/);
    assert.equal((await anon.get(fileUrl, { 'if-none-match': `"${folien.sha256}"` })).statusCode, 304);
    assert.equal((await anon.get(eventUrls.documentationFile(region.slug, 'de', forum.event.id, o.id, liste.id))).statusCode, 404, 'internal files stay internal');

    const unpublished = await editor.browser.submit(`${datePage}/documentation`, { action: 'unpublish' }, { formUrl: datePage });
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await anon.get(pageUrl)).statusCode, 404);
    assert.equal((await anon.get(fileUrl)).statusCode, 404);
    assert.ok(!(await anon.get(eventUrls.documentationList(region.slug, 'de'))).body.includes(pageUrl));
  });

  it('refuses to publish documentation of an upcoming date with a message', async () => {
    const [next] = forum.upcoming;
    assert.ok(next);
    const url = `${base}/dates/${next.id}`;
    const res = await editor.browser.submit(`${url}/documentation`, { action: 'publish' }, { formUrl: url });
    assert.equal(res.statusCode, 303);
    assert.match((await editor.browser.get(url)).body, /erst veröffentlicht werden, wenn der Termin begonnen hat/);
    assert.equal((await t.db.select().from(occurrences).where(eq(occurrences.id, next.id)))[0]?.documentationPublishedAt, null);
  });

  it("keeps another region's admin out: 403 through this region, 404 through their own", async () => {
    const other = await buildRegion(t.db);
    const stranger = await signedIn(t, { roles: [{ regionId: other.id, role: 'region_admin' }] });
    assert.equal((await stranger.browser.get(base)).statusCode, 403);
    assert.equal((await stranger.browser.get(`/admin/regions/${other.id}/events/${forum.event.id}/forum`)).statusCode, 404);
    const [o] = forum.past;
    assert.ok(o);
    assert.equal((await stranger.browser.get(`/admin/regions/${other.id}/events/${forum.event.id}/forum/dates/${o.id}`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: eventUrls.documentation(other.slug, 'de', forum.event.id, o.id) })).statusCode, 404);
  });
});

describe('forum routes × roles', () => {
  let t: TestApp;
  let world: World;
  let forum: Awaited<ReturnType<typeof buildForum>>;
  const tokens = createCsrf();
  const secret = tokens.secretSync();
  before(async () => {
    t = await createTestApp();
    world = await buildWorld(t.app, t.db);
    forum = await buildForum(t, world.county.id);
  });
  after(() => t.close());

  async function answers(method: 'GET' | 'POST', url: string, form: Record<string, string> = {}): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const persona of PERSONAS) {
      const cookie = [world.cookies[persona], `ww_csrf=${t.app.signCookie(secret)}`].filter(Boolean).join('; ');
      const res =
        method === 'GET'
          ? await t.app.inject({ method, url, headers: { cookie } })
          : await t.app.inject({ method, url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: tokens.create(secret), ...form }).toString() });
      out[persona] = res.statusCode;
    }
    return out;
  }

  it('answers every access row of the matrix (no forum in the world)', async () => {
    const failures: string[] = [];
    for (const row of accessRows) {
      const url = typeof row.url === 'string' ? row.url : row.url(world);
      const got = await answers(row.method, url, row.form);
      for (const persona of PERSONAS) {
        const expected = row.expect[persona] ?? row.otherwise;
        if (got[persona] !== expected) failures.push(`${row.method} ${url} ${persona}: expected ${expected}, got ${got[persona]}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('with a real forum: editors of the county (and admins) get the pages, everyone else 403, anonymous the login', async () => {
    const [o] = forum.past;
    assert.ok(o);
    const F = `/admin/regions/${world.county.id}/events/${forum.event.id}/forum`;
    const editors = { anonymous: 303, admin: 200, region_admin: 200, editor: 200 };
    const expect = (ok: Record<string, number>) => Object.fromEntries(PERSONAS.map((p) => [p, ok[p] ?? 403]));
    assert.deepEqual(await answers('GET', F), expect(editors));
    assert.deepEqual(await answers('GET', `${F}/dates/${o.id}`), expect(editors));
    assert.deepEqual(await answers('GET', `${F}/dates/${o.id}/minutes`), expect(editors));
    assert.deepEqual(await answers('POST', `${F}/members`, { name: '', email: '' }), expect({ anonymous: 303, admin: 422, region_admin: 422, editor: 422 }), 'invalid input: nothing written');
    assert.deepEqual(await answers('POST', `${F}/dates/${o.id}/minutes`, { html: '<p>x</p>', revision: '0' }), expect({ anonymous: 303, admin: 409, region_admin: 409, editor: 409 }), 'stale revision: nothing written');
    assert.deepEqual(await answers('POST', `${F}/dates/${o.id}/documents`, { title: 'x', kind: 'document' }), expect({ anonymous: 303, admin: 422, region_admin: 422, editor: 422 }), 'no file');
    const everyone = Object.fromEntries(PERSONAS.map((p) => [p, 404]));
    assert.deepEqual(await answers('GET', eventUrls.documentation(world.county.slug, 'de', forum.event.id, o.id)), everyone, 'unpublished: 404 for everyone, staff too');
    assert.deepEqual(await answers('GET', eventUrls.documentationList(world.county.slug, 'de')), Object.fromEntries(PERSONAS.map((p) => [p, 200])));
  });
});
