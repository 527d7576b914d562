// The services list as a phone shows it, through HTTP: with filters in effect a line names them (translated) and the
// form is folded into a closed <details> ("Filter ändern"), so the result count comes before the form's fields;
// without filters, or when a typed place was not found, the form is unfolded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { ensureDefaultTaxonomy } from './default-taxonomy.js';
import { dirTaxonomyTerms } from './schema.js';
import { writeOrganization, writeService } from './store.js';

const hasClass = (name: string) => (el: Element) => (el.attribs.class ?? '').split(/\s+/).includes(name);

function one(doc: Document | Element, test: (el: Element) => boolean, what: string): Element {
  const found = DomUtils.findOne(test, doc.children, true);
  assert.ok(found, `${what} is on the page`);
  return found;
}

const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
const inside = (el: Element, ancestor: Element) => DomUtils.findOne((x) => x === el, ancestor.children, true) !== null;

describe('directory: the filters of the public list on a phone', () => {
  let t: TestApp;
  let region: RegionRow;

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'kreis-filterzeile', name: 'Kreis Filterzeile', languages: ['de', 'en', 'ar'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    await ensureDefaultTaxonomy(t.db, region);
    const [term] = await t.db.select().from(dirTaxonomyTerms).where(and(eq(dirTaxonomyTerms.regionId, region.id), eq(dirTaxonomyTerms.code, 'migration-counselling')));
    assert.ok(term);
    const org = await writeOrganization(t.db, region.id, { name: 'Beratungsnetz Filterzeile', status: 'published' });
    await writeService(t.db, region.id, {
      organizationId: org,
      name: 'Migrationsberatung rund um die Uhr',
      status: 'published',
      free: true,
      languages: ['de', 'ar'],
      termIds: [term.id],
      schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '00:00', closesAt: '00:00' }],
    });
  });

  after(async () => {
    await t.close();
  });

  const load = async (path: string) => {
    const res = await t.app.inject({ url: `/${region.slug}/${path}` });
    assert.equal(res.statusCode, 200, path);
    const doc = parseDocument(res.body);
    return {
      doc,
      bar: one(doc, hasClass('dir-filterbar'), 'the filter area'),
      details: one(doc, (el) => el.name === 'details' && hasClass('dir-filter-toggle')(el), 'the <details> around the form'),
      form: one(doc, (el) => el.name === 'form' && hasClass('dir-filters')(el), 'the filter form'),
      count: one(doc, hasClass('result-count'), 'the result count'),
      active: DomUtils.findOne(hasClass('dir-active'), doc.children, true),
      intro: one(doc, hasClass('dir-intro'), 'the intro'),
    };
  };
  const activeItems = (active: Element | null) => (active ? DomUtils.findAll((el) => el.name === 'li', active.children).map(text) : []);

  it('with filters: a line names them, the form is folded into a closed <details> labelled "Filter ändern", the count follows', async () => {
    const p = await load('de/services?category=counselling&language=ar&open=1');
    assert.ok(p.active, 'the line naming the active filters');
    assert.equal(text(one(p.active, hasClass('dir-active__title'), 'the count of filters')), '3 Filter:');
    assert.deepEqual(activeItems(p.active), ['Beratung', 'Arabisch', 'Jetzt geöffnet']);
    assert.equal(one(p.active, (el) => el.name === 'a', 'the reset link').attribs.href, `/${region.slug}/de/services`);

    assert.equal(p.details.attribs.open, undefined, 'the <details> is closed');
    const summary = DomUtils.getChildren(p.details).find((n): n is Element => n.type === 'tag');
    assert.ok(summary && summary.name === 'summary', 'the <summary> is the first element of the <details>');
    assert.equal(text(summary), 'Filter ändern');
    assert.equal(summary.attribs.tabindex, undefined, 'the summary stays in the tab order');
    assert.ok(inside(p.form, p.details), 'the form is inside the <details>');
    assert.ok(inside(p.details, p.bar) && inside(p.active, p.bar));
    assert.ok(!inside(p.count, p.details), 'the result count is outside the folded form');
    assert.equal(text(p.count), '1 Angebot');
    assert.equal(p.intro.attribs['data-filtered'], 'yes', 'the intro can give way on a phone');

    // The folded form still carries the filters, so changing one keeps the others.
    assert.equal(one(p.form, (el) => el.name === 'option' && el.attribs.value === 'counselling', 'the category option').attribs.selected, '');
    assert.equal(one(p.form, (el) => el.attribs.id === 'dir-open', 'the open-now checkbox').attribs.checked, '');
  });

  it('names the filters in the reader language (Arabic, English)', async () => {
    const ar = await load('ar/services?category=counselling&language=ar&open=1');
    assert.equal(text(one(ar.active ?? ar.bar, hasClass('dir-active__title'), 'the count of filters')), '3 عوامل تصفية:');
    assert.deepEqual(activeItems(ar.active), ['الاستشارات', 'العربية', 'مفتوح الآن']);
    assert.equal(text(one(ar.details, (el) => el.name === 'summary', 'the summary')), 'تغيير عوامل التصفية');
    const en = await load('en/services?free=1&wheelchair=1');
    assert.equal(text(one(en.active ?? en.bar, hasClass('dir-active__title'), 'the count of filters')), '2 filters:');
    assert.deepEqual(activeItems(en.active), ['Wheelchair accessible', 'Free of charge']);
    assert.equal(text(one(en.details, (el) => el.name === 'summary', 'the summary')), 'Change filters');
    const single = await load('en/services?language=ar');
    assert.equal(text(one(single.active ?? single.bar, hasClass('dir-active__title'), 'the count of filters')), '1 filter:');
  });

  it('names a place with its radius, and the device position as "my location"', async () => {
    const device = await load('de/services?lat=51.2&lon=6.7&radius=5');
    assert.deepEqual(activeItems(device.active), ['Umkreis 5 km um meinen Standort']);
    assert.equal(device.details.attribs.open, undefined);
    const place = await load('en/services?place=Nirgendwo&radius=25');
    assert.deepEqual(activeItems(place.active), ['Within 25 km of \u2068Nirgendwo\u2069']);
    assert.equal(place.details.attribs.open, '', 'a place that was not found: the form is open to correct it');
    assert.ok(DomUtils.findOne((el) => el.attribs['data-notice'] === 'place-not-found', place.doc.children, true));
  });

  it('without filters: no summary line, and the form is open under "Angebote filtern"', async () => {
    for (const path of ['de/services', 'de/services?radius=25', 'de/services?page=1&category=']) {
      const p = await load(path);
      assert.equal(p.active, null, `${path}: no line of active filters`);
      assert.equal(p.bar.attribs['data-active-filters'], '0');
      assert.equal(p.details.attribs.open, '', `${path}: the <details> is open`);
      assert.equal(text(one(p.details, (el) => el.name === 'summary', 'the summary')), 'Angebote filtern');
      assert.ok(inside(p.form, p.details));
      assert.equal(p.intro.attribs['data-filtered'], undefined);
    }
  });
});
