import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { type Browser, createTestApp, inputValue, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow, signedIn } from '../../../test/fixtures.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { pages, pageTranslations } from './schema.js';
import { createPage, savePageText } from './service.js';
import { zonedLocalToUtc, utcToZonedLocal } from '../../platform/time/zoned-time.js';


function textareaValue(html: string): string | undefined {
  return /<textarea[^>]*name="contentHtml"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
}

async function translationOf(t: TestApp, pageId: string, language: string) {
  const [row] = await t.db
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.language, language)));
  return row;
}

describe('guide admin pages', () => {
  let t: TestApp;
  let region: RegionRow;
  let editor: { browser: Browser; actor: Actor };
  let colleague: { browser: Browser; actor: Actor };
  let translator: { browser: Browser; actor: Actor };

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { languages: ['de', 'en', 'ar', 'fa'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    editor = await signedIn(t, { name: 'Frau Krüger', uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] });
    colleague = await signedIn(t, { name: 'Herr Demir', uiLanguage: 'de', roles: [{ regionId: region.id, role: 'editor' }] });
    translator = await signedIn(t, { name: 'Parisa', uiLanguage: 'de', roles: [{ regionId: region.id, role: 'translator', languages: ['fa'] }] });
  });
  after(() => t.close());

  it('shows the tree with a state per language, and move controls with accessible names', async () => {
    const { page } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Aufenthalt', contentHtml: '<p>Alt.</p>' });
    await createPage(t.db, editor.actor, { regionId: region.id, parentId: page.id, title: 'Aufenthaltstitel verlängern', contentHtml: '<p>Kind.</p>' });
    await createPage(t.db, editor.actor, { regionId: region.id, title: 'Ankommen', contentHtml: '<p>Zweite Seite oben.</p>' });
    await savePageText(t.db, editor.actor, { pageId: page.id, language: 'en', baseRevision: 0, title: 'Residence', contentHtml: '<p>Old.</p>' });
    await savePageText(t.db, translator.actor, { pageId: page.id, language: 'fa', baseRevision: 0, title: 'اقامت', contentHtml: '<p>قدیمی.</p>' });
    await savePageText(t.db, editor.actor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Aufenthalt', contentHtml: '<p>Neu.</p>' });
    await savePageText(t.db, translator.actor, { pageId: page.id, language: 'fa', baseRevision: 1, title: 'اقامت', contentHtml: '<p>جدید.</p>' });

    const res = await editor.browser.get(`/admin/regions/${region.id}/pages`);
    assert.equal(res.statusCode, 200);
    const row = res.body.slice(res.body.indexOf(`id="page-${page.id}"`));
    assert.match(row, /lang-state--up_to_date[^]*?>DE<\/abbr>/);
    assert.match(row, /lang-state--outdated"[^>]*>[^]*?EN<\/abbr><span class="visually-hidden">:<\/span> veraltet/);
    assert.match(row, /lang-state--missing"[^>]*>[^]*?AR<\/abbr><span class="visually-hidden">:<\/span> fehlt/);
    assert.match(row, /lang-state--up_to_date"[^>]*>[^]*?FA<\/abbr>/);
    assert.match(res.body, /<span class="visually-hidden">Nach unten: Aufenthalt<\/span>/);
    assert.match(res.body, /<span class="visually-hidden">Ausrücken \(eine Ebene höher\): Aufenthaltstitel verlängern<\/span>/);
    assert.match(res.body, /Entwurf<\/span>/, 'status badge');

    // The region overview links to the tree.
    const overview = await editor.browser.get(`/admin/regions/${region.id}`);
    assert.match(overview.body, new RegExp(`href="/admin/regions/${region.id}/pages">Wegweiser-Seiten<`));

    // The translator reads the tree but gets no move controls.
    const tr = await translator.browser.get(`/admin/regions/${region.id}/pages`);
    assert.equal(tr.statusCode, 200);
    assert.doesNotMatch(tr.body, /move-step/);
  });

  it('moves pages with plain forms: down, indent, outdent, and refuses a cycle with a clear message', async () => {
    const r = await buildRegion(t.db, { languages: ['de'], sourceLanguage: 'de' });
    const ed = await signedIn(t, { uiLanguage: 'de', roles: [{ regionId: r.id, role: 'editor' }] });
    const { page: a } = await createPage(t.db, ed.actor, { regionId: r.id, title: 'Alpha' });
    const { page: b } = await createPage(t.db, ed.actor, { regionId: r.id, title: 'Beta' });
    const tree = `/admin/regions/${r.id}/pages`;

    const down = await ed.browser.submit(`/admin/pages/${a.id}/move-step`, { step: 'down', revision: String(a.revision) }, { formUrl: tree });
    assert.equal(down.statusCode, 303);
    assert.equal(down.headers.location, `${tree}#page-${a.id}`);
    const after1 = await ed.browser.get(tree);
    assert.match(after1.body, /Die Seite steht jetzt eine Stelle weiter unten/);
    assert.ok(after1.body.indexOf('>Beta<') < after1.body.indexOf('>Alpha<'), 'Beta comes first now');

    const [a2] = await t.db.select().from(pages).where(eq(pages.id, a.id));
    const indent = await ed.browser.submit(`/admin/pages/${a.id}/move-step`, { step: 'indent', revision: String(a2?.revision) }, { formUrl: tree });
    assert.equal(indent.statusCode, 303);
    const [a3] = await t.db.select().from(pages).where(eq(pages.id, a.id));
    assert.equal(a3?.parentId, b.id, 'Alpha is below Beta');

    // Beta below its own child: refused, nothing changes.
    const [b1] = await t.db.select().from(pages).where(eq(pages.id, b.id));
    const cycle = await ed.browser.submit(`/admin/pages/${b.id}/move`, { parentId: a.id, position: '', revision: String(b1?.revision) });
    assert.equal(cycle.statusCode, 409);
    assert.match(cycle.body, /Eine Seite kann nicht unter sich selbst oder eine ihrer Unterseiten verschoben werden/);
    const [b2] = await t.db.select().from(pages).where(eq(pages.id, b.id));
    assert.equal(b2?.parentId, null);

    // The move form offers neither the page itself nor its subtree.
    const form = await ed.browser.get(`/admin/pages/${b.id}/move`);
    assert.doesNotMatch(form.body, new RegExp(`<option value="${a.id}"`));

    const stale = await ed.browser.submit(`/admin/pages/${a.id}/move-step`, { step: 'outdent', revision: '1' }, { formUrl: tree });
    assert.equal(stale.statusCode, 303);
    assert.match((await ed.browser.get(tree)).body, /Jemand anderes hat diesen Eintrag inzwischen geändert/);

    const [a4] = await t.db.select().from(pages).where(eq(pages.id, a.id));
    const out = await ed.browser.submit(`/admin/pages/${a.id}/move-step`, { step: 'outdent', revision: String(a4?.revision) }, { formUrl: tree });
    assert.equal(out.statusCode, 303);
    const [a5] = await t.db.select().from(pages).where(eq(pages.id, a.id));
    assert.equal(a5?.parentId, null);

    // Move to a position through the form: Alpha first.
    const moved = await ed.browser.submit(`/admin/pages/${a.id}/move`, { parentId: '', position: '1', revision: String(a5?.revision) });
    assert.equal(moved.statusCode, 303);
    const [a6] = await t.db.select().from(pages).where(eq(pages.id, a.id));
    assert.equal(a6?.position, 0);
  });

  it('creates a page through the form and edits it: draft, current version, minor change', async () => {
    const newForm = await editor.browser.get(`/admin/regions/${region.id}/pages/new`);
    assert.equal(newForm.statusCode, 200);
    assert.match(newForm.body, /data-module="rich-editor"/);
    assert.match(newForm.body, /<textarea[^>]*name="contentHtml"[^>]*data-js-editor-source/);

    const empty = await editor.browser.submit(`/admin/regions/${region.id}/pages/new`, { title: '', slug: '', parentId: '', contentHtml: '<p>Behalten</p>' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#f-title"/);
    assert.match(textareaValue(empty.body) ?? '', /Behalten/, 'the text is kept');

    const created = await editor.browser.submit(`/admin/regions/${region.id}/pages/new`, { title: 'Sprachkurse', slug: '', parentId: '', contentHtml: '<p>Es gibt Integrationskurse.</p>' });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    const pageId = /\/admin\/pages\/([0-9a-f-]{36})\/edit\?lang=de/.exec(location)?.[1] ?? '';
    assert.ok(pageId, location);
    const edit = await editor.browser.get(location);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /Die Seite „Sprachkurse“ wurde angelegt/);
    assert.equal(inputValue(edit.body, 'baseRevision'), '1');
    assert.equal(inputValue(edit.body, 'slug'), 'sprachkurse');
    assert.match(edit.body, /class="readability/, 'German gets the readability hint');

    // A translation from revision 1.
    await savePageText(t.db, editor.actor, { pageId, language: 'en', baseRevision: 0, title: 'Language courses', contentHtml: '<p>There are integration courses.</p>' });

    // Draft: readers and translations unaffected; the editor shows the draft next time.
    const draft = await editor.browser.submit(location, { language: 'de', baseRevision: '1', title: 'Sprachkurse', slug: 'sprachkurse', contentHtml: '<p>Entwurf: neue Kurse ab Mai.</p>', intent: 'draft' });
    assert.equal(draft.statusCode, 303);
    const source = await translationOf(t, pageId, 'de');
    assert.equal(source?.revision, 1);
    assert.equal(source?.draftRevision, 2);
    assert.match(source?.contentHtml ?? '', /Es gibt Integrationskurse/);
    const withDraft = await editor.browser.get(location);
    assert.match(withDraft.body, /Sie bearbeiten den Entwurf \(Version 2\)/);
    assert.match(textareaValue(withDraft.body) ?? '', /neue Kurse ab Mai/);
    assert.equal(inputValue(withDraft.body, 'baseRevision'), '2');

    // Minor change: the English text stays up to date.
    assert.match(withDraft.body, /name="minor"/);
    const minor = await editor.browser.submit(location, { language: 'de', baseRevision: '2', title: 'Sprachkurse', slug: 'sprachkurse', contentHtml: '<p>Es gibt Integrationskurse.</p>', intent: 'save', minor: '1' });
    assert.equal(minor.statusCode, 303);
    const afterMinor = await translationOf(t, pageId, 'de');
    assert.equal(afterMinor?.revision, 3);
    assert.equal(afterMinor?.majorRevision, 1);
    const treeMinor = await editor.browser.get(`/admin/regions/${region.id}/pages`);
    const rowMinor = treeMinor.body.slice(treeMinor.body.indexOf(`id="page-${pageId}"`));
    assert.match(rowMinor, /lang-state--up_to_date"[^>]*>[^]*?EN<\/abbr>/);

    // A major change outdates it, and the English editor shows what changed in German.
    const major = await editor.browser.submit(location, { language: 'de', baseRevision: '3', title: 'Sprachkurse', slug: 'sprachkurse', contentHtml: '<p>Es gibt Integrationskurse und Berufssprachkurse.</p>', intent: 'save' });
    assert.equal(major.statusCode, 303);
    const en = await editor.browser.get(`/admin/pages/${pageId}/edit?lang=en`);
    // Side by side: the source column marks what changed since the revision the translation was made from.
    assert.match(en.body, /class="translate-side__source"/);
    assert.match(en.body, /seit Version 1 geändert hat, aus der diese Übersetzung stammt \(jetzt Version 4\)/);
    assert.match(en.body, /<ins><span class="visually-hidden">\[eingefügt: <\/span>[^<]*Berufssprachkurse/);
    assert.doesNotMatch(en.body, /name="minor"/, 'minor is for the source language only');
  });

  it('Journey 3: two editors save the same page; the second sees both versions and the differences, and nothing is lost', async () => {
    const { page } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Aufenthaltserlaubnis', contentHtml: '<p>Den Antrag stellen Sie bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass mit.</p>' });
    const url = `/admin/pages/${page.id}/edit?lang=de`;
    const mine = await editor.browser.get(url);
    const theirs = await colleague.browser.get(url);
    assert.equal(inputValue(mine.body, 'baseRevision'), '1');
    assert.equal(inputValue(theirs.body, 'baseRevision'), '1');

    const first = await colleague.browser.submit(url, {
      language: 'de',
      baseRevision: '1',
      title: 'Aufenthaltserlaubnis',
      slug: '',
      contentHtml: '<p>Den Antrag stellen Sie online oder bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass mit.</p>',
      intent: 'save',
    });
    assert.equal(first.statusCode, 303);

    const second = await editor.browser.submit(url, {
      language: 'de',
      baseRevision: '1',
      title: 'Aufenthaltserlaubnis beantragen',
      slug: '',
      contentHtml: '<p>Den Antrag stellen Sie bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass und ein Foto mit.</p>',
      intent: 'save',
    });
    assert.equal(second.statusCode, 409);
    const body = second.body;
    assert.match(body, /Jemand anderes hat diesen Eintrag inzwischen geändert/);
    // Mine, still in the form.
    assert.match(textareaValue(body) ?? '', /ein Foto mit/);
    assert.equal(inputValue(body, 'title'), 'Aufenthaltserlaubnis beantragen');
    assert.equal(inputValue(body, 'baseRevision'), '2', 'the base is the newest revision now');
    // Theirs, with author and time.
    assert.match(body, /Gespeicherte Fassung \(Version 2\)/);
    assert.match(body, /Gespeichert von Herr Demir,/);
    assert.match(body, /<time datetime="/i);
    assert.match(body, /online oder bei der Ausländerbehörde/);
    // The differences: saved → mine.
    assert.match(body, /<del><span class="visually-hidden">\[gelöscht: <\/span>[^<]*online oder/);
    assert.match(body, /<ins><span class="visually-hidden">\[eingefügt: <\/span>[^<]*Foto/);
    assert.equal((await translationOf(t, page.id, 'de'))?.revision, 2, 'nothing overwritten');

    // A deliberate second save goes through.
    const again = await editor.browser.submit(
      url,
      { language: 'de', baseRevision: '2', title: 'Aufenthaltserlaubnis beantragen', slug: '', contentHtml: '<p>Den Antrag stellen Sie online oder bei der Ausländerbehörde.</p><p>Bringen Sie Ihren Pass und ein Foto mit.</p>', intent: 'save' },
      { csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '' },
    );
    assert.equal(again.statusCode, 303);
    const saved = await translationOf(t, page.id, 'de');
    assert.equal(saved?.revision, 3);
    assert.match(saved?.contentHtml ?? '', /online oder[^]*Foto/);
  });

  it('shows the history, a readable diff between revisions, and restores an old one as a new revision', async () => {
    const { page } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Kita', contentHtml: '<p>Anmeldung im Rathaus.</p>' });
    await savePageText(t.db, colleague.actor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Kita', contentHtml: '<p>Anmeldung online.</p>', draft: true });
    await savePageText(t.db, colleague.actor, { pageId: page.id, language: 'de', baseRevision: 2, title: 'Kita und Krippe', contentHtml: '<p>Anmeldung online.</p>', minor: true });

    const history = await editor.browser.get(`/admin/pages/${page.id}/history?lang=de`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, />Version 3<\/a>/);
    assert.match(history.body, /Herr Demir/);
    assert.match(history.body, /badge--draft">Entwurf</);
    assert.match(history.body, />kleine Änderung</);
    assert.match(history.body, /badge--current">aktuell veröffentlicht</);

    const compare = await editor.browser.get(`/admin/pages/${page.id}/compare?lang=de&from=1&to=3`);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del><span class="visually-hidden">\[gelöscht: <\/span>[^<]*Rathaus/);
    assert.match(compare.body, /<ins><span class="visually-hidden">\[eingefügt: <\/span>[^<]*online/);
    assert.match(compare.body, /Titel:/, 'the title change too');
    assert.equal((await editor.browser.get(`/admin/pages/${page.id}/compare?lang=de&from=1&to=9`)).statusCode, 404);

    const one = await editor.browser.get(`/admin/pages/${page.id}/revisions/1?lang=de`);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /Anmeldung im Rathaus/);
    assert.match(one.body, /Version 1 wiederherstellen/);
    const restored = await editor.browser.submit(`/admin/pages/${page.id}/revisions/1/restore`, { language: 'de', baseRevision: '3' }, { formUrl: `/admin/pages/${page.id}/revisions/1?lang=de` });
    assert.equal(restored.statusCode, 303);
    const after1 = await editor.browser.get(String(restored.headers.location));
    assert.match(after1.body, /Version 1 wurde als neue Version 4 wiederhergestellt/);
    assert.match(after1.body, />wiederhergestellt</);
    const row = await translationOf(t, page.id, 'de');
    assert.equal(row?.revision, 4);
    assert.equal(row?.title, 'Kita');
    assert.match(row?.contentHtml ?? '', /Rathaus/);

    const stale = await editor.browser.submit(`/admin/pages/${page.id}/revisions/2/restore`, { language: 'de', baseRevision: '3' }, { formUrl: `/admin/pages/${page.id}/revisions/2?lang=de` });
    assert.equal(stale.statusCode, 303);
    assert.match((await editor.browser.get(String(stale.headers.location))).body, /Inzwischen wurde eine neuere Version gespeichert/);
    assert.equal((await translationOf(t, page.id, 'de'))?.revision, 4);
  });

  it('deletes a page with subpages only after a choice: move them up or delete them too', async () => {
    const { page: parent } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Eltern' });
    const { page: kid } = await createPage(t.db, editor.actor, { regionId: region.id, parentId: parent.id, title: 'Kind' });
    const confirm = await editor.browser.get(`/admin/pages/${parent.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Diese Seite hat eine Unterseite/);

    const none = await editor.browser.submit(`/admin/pages/${parent.id}/delete`, { revision: String(parent.revision) });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Wählen Sie, ob sie eine Ebene nach oben rücken oder mitgelöscht werden/);
    assert.match(none.body, /href="#f-children"/);
    assert.equal((await t.db.select().from(pages).where(eq(pages.id, parent.id))).length, 1);

    const up = await editor.browser.submit(`/admin/pages/${parent.id}/delete`, { revision: String(parent.revision), children: 'move_up' });
    assert.equal(up.statusCode, 303);
    assert.equal(up.headers.location, `/admin/regions/${region.id}/pages`);
    assert.equal((await t.db.select().from(pages).where(eq(pages.id, parent.id))).length, 0);
    const [moved] = await t.db.select().from(pages).where(eq(pages.id, kid.id));
    assert.equal(moved?.parentId, null);

    const { page: p2 } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Weg damit' });
    const { page: k2 } = await createPage(t.db, editor.actor, { regionId: region.id, parentId: p2.id, title: 'Auch weg' });
    const all = await editor.browser.submit(`/admin/pages/${p2.id}/delete`, { revision: String(p2.revision), children: 'delete' });
    assert.equal(all.statusCode, 303);
    assert.equal((await t.db.select().from(pages).where(eq(pages.id, k2.id))).length, 0);
    assert.match((await editor.browser.get(String(all.headers.location))).body, /„Weg damit“ wurde gelöscht \(2 Seiten\)/);
  });

  it('lets a translator read the source but not edit it, and edit her own language', async () => {
    const { page } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Arzt finden', contentHtml: '<p>Hausärzte in der Nähe.</p>' });
    const de = await translator.browser.get(`/admin/pages/${page.id}/edit?lang=de`);
    assert.equal(de.statusCode, 200);
    assert.doesNotMatch(de.body, /name="contentHtml"/);
    assert.match(de.body, /Den Text in der Ausgangssprache bearbeiten Redaktion und Regionsverwaltung/);
    assert.match(de.body, /Hausärzte in der Nähe/);
    assert.doesNotMatch(de.body, /Seiteneinstellungen/);

    const fa = await translator.browser.get(`/admin/pages/${page.id}/edit?lang=fa`);
    assert.match(fa.body, /<textarea[^>]*name="contentHtml"[^>]*lang="fa"[^>]*dir="rtl"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(fa.body)?.[1] ?? '';
    const refused = await translator.browser.submit(`/admin/pages/${page.id}/edit?lang=de`, { language: 'de', baseRevision: '1', title: 'Gehackt', contentHtml: '<p>x</p>', intent: 'save' }, { csrf });
    assert.equal(refused.statusCode, 403);
    assert.equal((await translationOf(t, page.id, 'de'))?.title, 'Arzt finden');
    const ar = await translator.browser.submit(`/admin/pages/${page.id}/edit?lang=ar`, { language: 'ar', baseRevision: '0', title: 'طبيب', contentHtml: '<p>x</p>', intent: 'save' }, { csrf });
    assert.equal(ar.statusCode, 403, 'not one of her languages');

    // A page whose German text is only a draft cannot be translated yet: the editor says so instead of a form.
    const { page: draftOnly } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Nur Entwurf', draft: true });
    const noSource = await translator.browser.get(`/admin/pages/${draftOnly.id}/edit?lang=fa`);
    assert.match(noSource.body, /Die Seite hat noch keinen Text in der Ausgangssprache/);
    assert.doesNotMatch(noSource.body, /name="contentHtml"/);

    const ok = await translator.browser.submit(`/admin/pages/${page.id}/edit?lang=fa`, { language: 'fa', baseRevision: '0', title: 'پیدا کردن پزشک', slug: '', contentHtml: '<p>پزشکان خانواده در نزدیکی.</p>', intent: 'save' }, { csrf });
    assert.equal(ok.statusCode, 303);
    const row = await translationOf(t, page.id, 'fa');
    assert.equal(row?.sourceRevision, 1);
    assert.equal(row?.slug, 'پیدا-کردن-پزشک');
  });

  it('saves page settings: status, window in the region time zone, icon, and refuses bad input with 422', async () => {
    const { page } = await createPage(t.db, editor.actor, { regionId: region.id, title: 'Willkommenscafé', contentHtml: '<p>Jeden Samstag.</p>' });
    const url = `/admin/pages/${page.id}/edit?lang=de`;
    const edit = await editor.browser.get(url);
    assert.match(edit.body, /type="datetime-local"[^>]*name="publishFrom"/);
    assert.match(edit.body, /Europe\/Berlin/);
    assert.match(edit.body, /<svg[^>]*data-icon="community"/);

    const bad = await editor.browser.submit(`/admin/pages/${page.id}/settings`, { revision: '1', lang: 'de', status: 'published', publishFrom: '2026-12-01T09:00', publishUntil: '2026-11-01T09:00', icon: 'community', imageId: '' }, { formUrl: url });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /„Sichtbar bis“ muss nach „Sichtbar ab“ liegen/);
    assert.match(bad.body, /value="2026-11-01T09:00"/, 'values kept');

    const badIcon = await editor.browser.submit(`/admin/pages/${page.id}/settings`, { revision: '1', lang: 'de', status: 'draft', icon: 'skull', imageId: '' }, { formUrl: url });
    assert.equal(badIcon.statusCode, 422);
    const foreignImage = await editor.browser.submit(`/admin/pages/${page.id}/settings`, { revision: '1', lang: 'de', status: 'draft', icon: '', imageId: '00000000-0000-4000-8000-000000000000' }, { formUrl: url });
    assert.equal(foreignImage.statusCode, 422);

    const ok = await editor.browser.submit(`/admin/pages/${page.id}/settings`, { revision: '1', lang: 'de', status: 'published', publishFrom: '2026-12-01T09:00', publishUntil: '', icon: 'community', imageId: '' }, { formUrl: url });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.db.select().from(pages).where(eq(pages.id, page.id));
    assert.equal(row?.status, 'published');
    assert.equal(row?.publishFrom?.toISOString(), '2026-12-01T08:00:00.000Z', '09:00 in Berlin in winter');
    assert.equal(row?.icon, 'community');
    const again = await editor.browser.get(url);
    assert.match(again.body, /name="publishFrom" value="2026-12-01T09:00"/);
    assert.match(again.body, /Die Seiteneinstellungen wurden gespeichert/);

    const stale = await editor.browser.submit(`/admin/pages/${page.id}/settings`, { revision: '1', lang: 'de', status: 'archived', icon: '', imageId: '' }, { formUrl: url });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Jemand hat die Einstellungen dieser Seite inzwischen geändert/);
    assert.equal(inputValue(stale.body.slice(stale.body.indexOf('/settings')), 'revision'), '2');
  });
});

describe('zoned time', () => {
  it('reads and writes datetime-local values in a region time zone, summer time included', () => {
    assert.equal(zonedLocalToUtc('2026-07-01T09:00', 'Europe/Berlin')?.toISOString(), '2026-07-01T07:00:00.000Z');
    assert.equal(zonedLocalToUtc('2026-01-15T23:30', 'Europe/Berlin')?.toISOString(), '2026-01-15T22:30:00.000Z');
    assert.equal(zonedLocalToUtc('2026-02-30T10:00', 'Europe/Berlin'), undefined);
    assert.equal(zonedLocalToUtc('morgen', 'Europe/Berlin'), undefined);
    assert.equal(utcToZonedLocal(new Date('2026-07-01T07:00:00Z'), 'Europe/Berlin'), '2026-07-01T09:00');
    assert.equal(utcToZonedLocal(null, 'Europe/Berlin'), '');
    assert.equal(utcToZonedLocal(zonedLocalToUtc('2026-03-29T02:30', 'Europe/Berlin'), 'Europe/Berlin'), '2026-03-29T03:30', 'a skipped hour moves forward');
  });
});
