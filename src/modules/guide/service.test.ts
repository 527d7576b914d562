import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers.js';
import { buildAccount, buildRegion } from '../../../test/fixtures.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { auditEvents } from '../../platform/schema.js';
import { ConflictError } from '../../platform/errors.js';
import {
  createPage,
  deletePage,
  getPageForAdmin,
  movePage,
  movePageStep,
  savePageText,
  slugify,
  translationState,
  buildPageTree,
  getRegionGuide,
  type TextConflict,
} from './service.js';

type Db = Database['db'];
const actorOf = (a: { id: string; email: string; name: string; isAdmin: boolean }, memberships: Actor['memberships'] = []): Actor => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, memberships });

describe('guide service', () => {
  let database: Database & { drop(): Promise<void> };
  let db: Db;
  let regionId: string;
  let editor: Actor;
  let farsiTranslator: Actor;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    const region = await buildRegion(db, { languages: ['de', 'en', 'ar', 'fa'], sourceLanguage: 'de' });
    regionId = region.id;
    const e = await buildAccount(db, { roles: [{ regionId, role: 'editor' }] });
    editor = actorOf(e, [{ regionId, role: 'editor', languages: [] }]);
    const f = await buildAccount(db, { roles: [{ regionId, role: 'translator', languages: ['fa'] }] });
    farsiTranslator = actorOf(f, [{ regionId, role: 'translator', languages: ['fa'] }]);
  });
  after(() => database.drop());

  it('makes readable slugs in the title’s own script', () => {
    assert.equal(slugify('Wohnsitz anmelden: Bürgerbüro & Ämter', 'de'), 'wohnsitz-anmelden-buergerbuero-aemter');
    assert.equal(slugify('Café für Groß und Klein', 'en'), 'cafe-fur-groß-und-klein');
    assert.equal(slugify('تسجيل السكن', 'ar'), 'تسجيل-السكن');
    assert.equal(slugify('Реєстрація місця проживання', 'uk'), 'реєстрація-місця-проживання');
  });

  it('tracks outdated translations: major changes outdate, minor changes and drafts do not', async () => {
    const { page, translation: source } = await createPage(db, editor, { regionId, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Bürgerbüro.</p>' });
    assert.equal(source.revision, 1);
    assert.equal(source.majorRevision, 1);
    const fa = await savePageText(db, farsiTranslator, { pageId: page.id, language: 'fa', baseRevision: 0, title: 'ثبت محل سکونت', contentHtml: '<p>به دفتر شهروندی بروید.</p>' });
    assert.equal(fa.translation.sourceRevision, 1);
    assert.equal(translationState(source, fa.translation), 'up_to_date');

    // A draft of the source: readers and translations unaffected.
    const draft = await savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Wohnsitz anmelden', contentHtml: '<p>Entwurf</p>', draft: true });
    assert.equal(draft.translation.revision, 1);
    assert.equal(draft.translation.draftRevision, 2);
    assert.equal(draft.translation.contentHtml, '<p>Gehen Sie zum Bürgerbüro.</p>');
    assert.equal(translationState(draft.translation, fa.translation), 'up_to_date');

    // A minor change keeps the translation up to date.
    const minor = await savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 2, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie zum Bürgerbüro!</p>', minor: true });
    assert.equal(minor.translation.revision, 3);
    assert.equal(minor.translation.majorRevision, 1);
    assert.equal(minor.translation.draftRevision, null);
    assert.equal(translationState(minor.translation, fa.translation), 'up_to_date');

    // A major change outdates it.
    const major = await savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 3, title: 'Wohnsitz anmelden', contentHtml: '<p>Gehen Sie innerhalb von zwei Wochen zum Bürgerbüro.</p>' });
    assert.equal(major.translation.majorRevision, 4);
    assert.equal(translationState(major.translation, fa.translation), 'outdated');
    assert.equal(translationState(major.translation, undefined), 'missing');

    // Updating the translation records the new source revision.
    const fa2 = await savePageText(db, farsiTranslator, { pageId: page.id, language: 'fa', baseRevision: 1, title: 'ثبت محل سکونت', contentHtml: '<p>ظرف دو هفته به دفتر شهروندی بروید.</p>' });
    assert.equal(fa2.translation.sourceRevision, 4);
    assert.equal(translationState(major.translation, fa2.translation), 'up_to_date');
    const machine = await savePageText(db, { system: 'mt' }, { pageId: page.id, language: 'en', baseRevision: 0, title: 'Register', contentHtml: '<p>Go</p>', machineProvider: 'libretranslate', origin: 'machine' });
    assert.equal(translationState(major.translation, machine.translation), 'machine');
  });

  it('refuses a second save from an old revision and hands back the other version', async () => {
    const { page } = await createPage(db, editor, { regionId, title: 'Sprachkurse', contentHtml: '<p>A</p>' });
    await savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Sprachkurse', contentHtml: '<p>B von Person 1</p>' });
    await assert.rejects(
      () => savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Sprachkurse', contentHtml: '<p>C von Person 2</p>' }),
      (err: unknown) => {
        assert.ok(err instanceof ConflictError);
        const other = err.current as TextConflict;
        assert.equal(other.latest.contentHtml, '<p>B von Person 1</p>');
        assert.equal(other.latest.number, 2);
        return true;
      },
    );
  });

  it('sanitises on save and keeps translators to their languages', async () => {
    const { page, translation } = await createPage(db, editor, { regionId, title: 'Arzt <script>x</script>', contentHtml: '<p onclick="x()">Hallo<script>alert(1)</script><a href="javascript:alert(1)">Link</a></p>' });
    assert.equal(translation.contentHtml, '<p>HalloLink</p>');
    assert.equal(translation.slug, 'arzt-script-x-script');
    await assert.rejects(() => savePageText(db, farsiTranslator, { pageId: page.id, language: 'ar', baseRevision: 0, title: 'x', contentHtml: '' }), { status: 403 });
    await assert.rejects(() => savePageText(db, farsiTranslator, { pageId: page.id, language: 'de', baseRevision: 1, title: 'x', contentHtml: '' }), { status: 403 });
    await assert.rejects(() => savePageText(db, editor, { pageId: page.id, language: 'de', baseRevision: 1, title: 'Zwei', slug: 'contact', contentHtml: '' }), { status: 422 });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, page.id), eq(auditEvents.action, 'page.text_save')));
    assert.ok(audit);
  });

  it('moves pages, refuses cycles, and deletes children only by choice', async () => {
    const a = (await createPage(db, editor, { regionId, title: 'Arbeit' })).page;
    const b = (await createPage(db, editor, { regionId, title: 'Anerkennung', parentId: a.id })).page;
    const c = (await createPage(db, editor, { regionId, title: 'Ausbildung', parentId: a.id })).page;
    await assert.rejects(() => movePage(db, editor, { pageId: a.id, revision: a.revision, parentId: b.id, position: 0 }), { code: 'page_move_cycle' });
    const movedC = await movePageStep(db, editor, { pageId: c.id, revision: c.revision, step: 'up' });
    const guide = await getRegionGuide(db, editor, regionId);
    const tree = buildPageTree(guide.pages, guide.translations);
    const work = tree.find((n) => n.page.id === a.id);
    assert.deepEqual(work?.children.map((n) => n.page.id), [c.id, b.id]);
    const indented = await movePageStep(db, editor, { pageId: b.id, revision: (await getPageForAdmin(db, editor, b.id)).page.revision, step: 'indent' });
    assert.equal(indented.parentId, movedC.id);
    const freshA = (await getPageForAdmin(db, editor, a.id)).page;
    await assert.rejects(() => deletePage(db, editor, { pageId: a.id, revision: freshA.revision }), { code: 'page_has_children' });
    await deletePage(db, editor, { pageId: a.id, revision: freshA.revision, children: 'move_up' });
    const after = await getPageForAdmin(db, editor, c.id);
    assert.equal(after.page.parentId, null);
    const res = await deletePage(db, editor, { pageId: c.id, revision: after.page.revision, children: 'delete' });
    assert.deepEqual(new Set(res.deleted), new Set([b.id, c.id]));
  });
});
