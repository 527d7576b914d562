// Region search through HTTP and the service: full-text per language (German stemming), typo tolerance (pg_trgm),
// Arabic article forms, fallback to the source text, excerpts with <mark> and escaped text, visibility, the
// "nothing found" way into the feedback inbox, the header search box and the rate limit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, type RegionRow } from '../../../test/fixtures.js';
import { createPage, savePageText, updatePageSettings, type PageRow } from '../guide/index.js';
import { pages } from '../guide/schema.js';
import { arabicVariants } from './providers/guide.js';
import { clearReaderCache } from './reader-cache.js';
import { findPageHits, type TextSet } from './queries.js';
import { indexWords, similarWords, trigramSimilarity, trigrams } from './lexicon.js';
import { registerSearchProvider, toSnippetHtml, type SearchHit } from './registry.js';
import { normaliseQuery, searchRegion } from './service.js';

const system = { system: 'test' };

describe('search: pure parts', () => {
  it('escapes excerpts and turns only the markers into <mark>', () => {
    assert.equal(toSnippetHtml('a <script>alert("x")</script> & \u0001Kurs\u0002 b'), 'a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>Kurs</mark> b');
    assert.equal(toSnippetHtml('\u0001open \u0001twice\u0002 \u0002 end\u0001'), '<mark>open twice</mark>  end<mark></mark>');
    assert.equal(toSnippetHtml('<mark>fake</mark>'), '&lt;mark&gt;fake&lt;/mark&gt;');
  });

  it('normalises queries (NFC, spaces, length) and refuses one character', () => {
    assert.equal(normaliseQuery('  Sprach\u00a0kurs \n Berlin '), 'Sprach kurs Berlin');
    assert.equal(normaliseQuery('a'), '');
    assert.equal(normaliseQuery(['x']), '');
    assert.equal(normaliseQuery('x'.repeat(500)).length, 200);
  });

  it('spells Arabic queries with and without the attached article', () => {
    assert.deepEqual(arabicVariants('طبيب'), ['الطبيب']);
    assert.deepEqual(arabicVariants('الطبيب'), ['الالطبيب', 'طبيب'].filter((v) => v !== 'الالطبيب'));
    assert.deepEqual(arabicVariants('Kurs'), []);
  });

  it('computes trigram similarity like pg_trgm', () => {
    assert.deepEqual([...trigrams('Kurs')], ['  k', ' ku', 'kur', 'urs', 'rs ']);
    assert.equal(trigramSimilarity(trigrams('kurs'), trigrams('kur')), 0.5);
    assert.equal(Math.round(trigramSimilarity(trigrams('sprachkrus'), trigrams('sprachkur')) * 100) / 100, 0.5);
    // The inverted index finds exactly the words a comparison with every word would (those sharing a trigram).
    const words = ['sprachkur', 'sprachcaf', 'kur', 'wohnung', 'wohnungssuch', 'integrationskur', 'طبيب', 'طبيبة', 'житло'];
    const probes = [trigrams('sprachkrus'), trigrams('wohnugn'), trigrams('طبيب')];
    const brute = new Map(words.map((w) => [w, Math.max(...probes.map((p) => trigramSimilarity(p, trigrams(w))))] as const).filter(([, s]) => s > 0));
    assert.deepEqual(new Map([...similarWords(indexWords(words), probes)].sort()), new Map([...brute].sort()));
  });
});

describe('search: region guide', () => {
  let t: TestApp;
  let region: RegionRow;
  const ids: Record<string, PageRow> = {};

  async function publish(key: string, title: string, contentHtml: string, parentId: string | null = null, status: 'published' | 'draft' = 'published'): Promise<PageRow> {
    const { page } = await createPage(t.db, system, { regionId: region.id, parentId, title, contentHtml, status });
    ids[key] = page;
    return page;
  }
  async function translate(key: string, language: string, title: string, contentHtml: string): Promise<void> {
    const page = ids[key];
    if (!page) throw new Error(key);
    await savePageText(t.db, system, { pageId: page.id, language, baseRevision: 0, title, contentHtml });
  }
  const search = (lang: string, q: string): Promise<SearchHit[]> => searchRegion(t.db, { region, language: lang, q }).then((r) => r.hits);
  const titles = (hits: SearchHit[]) => hits.map((h) => h.title);

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { slug: 'kreis-suche', name: 'Kreis Suche', languages: ['de', 'en', 'ar', 'uk', 'de-x-ls'], sourceLanguage: 'de' });
    const language = await publish('language', 'Deutsch lernen', '<p>Hier finden Sie Angebote für Erwachsene.</p>');
    await publish('course', 'Sprachkurs finden', '<p>Ein Sprachkurs hilft beim Ankommen. Der Kurs beginnt jeden Monat neu.</p>', language.id);
    await publish('health', 'Gesundheit', '<p>Beim Arzt: Bringen Sie Ihre Versichertenkarte mit.</p>');
    await publish('waste', 'Müllabfuhr', '<p>Die Müllabfuhr kommt alle zwei Wochen. Gelbe Tonne für Verpackungen.</p>');
    await publish('xss', 'Sicherheit im Netz', '<p>Schreiben Sie nie &lt;script&gt;alert(1)&lt;/script&gt; in ein Formular, sagt die Polizei. Regel: Passwort-Länge &lt; 8 &amp; "1234" ist unsicher &lt;b onclick=x</p>');
    await publish('draft', 'Geheimwort Entwurf', '<p>Geheimwort im Entwurf.</p>', null, 'draft');
    const hidden = await publish('hiddenParent', 'Versteckter Bereich', '<p>Nicht sichtbar.</p>', null, 'draft');
    await publish('hiddenChild', 'Geheimwort Kind', '<p>Geheimwort unter einem Entwurf.</p>', hidden.id);
    const expired = await publish('expired', 'Geheimwort abgelaufen', '<p>Geheimwort, abgelaufen.</p>');
    await t.db.update(pages).set({ publishUntil: new Date(Date.now() - 60_000) }).where(eq(pages.id, expired.id));

    await translate('health', 'ar', 'الصحة', '<p>عند الطبيب: أحضر بطاقة التأمين الصحي.</p>');
    await translate('language', 'ar', 'تعلم الألمانية', '<p>دورات اللغة للبالغين.</p>');
    await translate('course', 'ar', 'البحث عن دورة لغة', '<p>دورة اللغة تساعدك على البداية.</p>');
    await translate('health', 'uk', 'Здоровʼя', '<p>У лікаря: візьміть із собою страхову картку. Як знайти житло та лікаря.</p>');
    await translate('language', 'uk', 'Вивчення німецької', '<p>Мовні курси для дорослих.</p>');
    await translate('course', 'uk', 'Мовний курс', '<p>Мовний курс допомагає почати нове життя.</p>');
  });
  after(() => t.close());

  it('German: stemming finds "Kurs" for "Kurse" and marks it', async () => {
    const hits = await search('de', 'Kurse');
    assert.equal(hits[0]?.title, 'Sprachkurs finden');
    assert.equal(hits[0]?.url, '/kreis-suche/de/deutsch-lernen/sprachkurs-finden');
    assert.deepEqual(hits[0]?.path, ['Deutsch lernen']);
    assert.match(hits[0]?.snippetHtml ?? '', /<mark>Kurs<\/mark>/);
    assert.equal(hits[0]?.language, 'de');
  });

  it('a page whose publishing window opens later is found from that moment on (the kept guide is rebuilt then)', async () => {
    const soon = await publish('soon', 'Sommerfest Zeitfenster', '<p>Zeitfenster für das Sommerfest.</p>');
    const opens = new Date(Date.now() + 3_600_000);
    await t.db.update(pages).set({ publishFrom: opens }).where(eq(pages.id, soon.id));
    clearReaderCache(); // the row was changed behind the services' back (they would have audited it)
    const at = (ms: number) => searchRegion(t.db, { region, language: 'de', q: 'Zeitfenster', now: new Date(ms) }).then((r) => titles(r.hits));
    assert.deepEqual(await at(Date.now()), []);
    assert.deepEqual(await at(opens.getTime() - 1), []);
    assert.deepEqual(await at(opens.getTime()), ['Sommerfest Zeitfenster']);
    await t.db.update(pages).set({ status: 'archived' }).where(eq(pages.id, soon.id));
    clearReaderCache();
  });

  it('German: a typo ("Sprachkrus") still finds "Sprachkurs"', async () => {
    const hits = await search('de', 'Sprachkrus');
    assert.equal(hits[0]?.title, 'Sprachkurs finden');
    assert.match(hits[0]?.snippetHtml ?? '', /<mark>Sprachkurs<\/mark>/);
  });

  it('German: a full-text hit ranks above a near one, title words count', async () => {
    const hits = await search('de', 'Müllabfuhr Tonne');
    assert.deepEqual(titles(hits), ['Müllabfuhr']);
    assert.match(hits[0]?.snippetHtml ?? '', /<mark>Tonne<\/mark>/);
  });

  it('Arabic: "طبيب" finds the page that says "الطبيب"', async () => {
    const hits = await search('ar', 'طبيب');
    assert.equal(hits[0]?.title, 'الصحة');
    assert.equal(hits[0]?.language, 'ar');
    assert.match(hits[0]?.snippetHtml ?? '', /<mark>الطبيب<\/mark>/);
    assert.equal(hits[0]?.url, `/kreis-suche/ar/${encodeURIComponent('الصحة')}`);
  });

  it('Arabic: "دورات" / "دورة" find the language pages', async () => {
    assert.ok(titles(await search('ar', 'دورة')).includes('البحث عن دورة لغة'));
  });

  it('Ukrainian: another case ending ("житла") finds "житло" by similarity', async () => {
    const hits = await search('uk', 'житла');
    assert.equal(hits[0]?.title, 'Здоровʼя');
    assert.match(hits[0]?.snippetHtml ?? '', /<mark>житло<\/mark>/);
    assert.ok(titles(await search('uk', 'курс')).includes('Мовний курс'));
  });

  it('falls back to the source text for pages without a translation and says so', async () => {
    const hits = await search('uk', 'Müllabfuhr');
    assert.equal(hits[0]?.title, 'Müllabfuhr');
    assert.equal(hits[0]?.language, 'de');
    assert.equal(hits[0]?.url, '/kreis-suche/uk/muellabfuhr');
    // A page translated into Ukrainian is searched in Ukrainian only.
    assert.deepEqual(titles(await search('uk', 'Versichertenkarte')), []);
    // Leichte Sprache has no texts yet: everything falls back to German.
    assert.equal((await search('de-x-ls', 'Kurse'))[0]?.title, 'Sprachkurs finden');
  });

  it('never finds drafts, pages below a draft or pages outside their window', async () => {
    assert.deepEqual(await search('de', 'Geheimwort'), []);
    // In Arabic the German texts are searched for the pages without an Arabic text: the same pages stay hidden.
    assert.deepEqual(await search('ar', 'Geheimwort'), []);
  });

  it('a common word: the texts with it in their title are ranked first, the rest up to a cap, hidden pages never', async () => {
    const own = await buildRegion(t.db, { languages: ['de'], sourceLanguage: 'de' });
    const make = async (title: string, text: string, status: 'published' | 'draft' = 'published') =>
      (await createPage(t.db, system, { regionId: own.id, parentId: null, title, contentHtml: `<p>${text}</p>`, status })).page.id;
    const titled = [await make('Fahrrad fahren lernen', 'Kurse für Erwachsene.'), await make('Ein Fahrrad kaufen', 'Gebraucht oder neu.'), await make('Fahrrad reparieren', 'In der Werkstatt.')];
    const body = [
      await make('Freizeit', 'Mit dem Fahrrad zum See.'),
      await make('Arbeitsweg', 'Viele fahren mit dem Fahrrad zur Arbeit.'),
      await make('Schule', 'Kinder kommen oft mit dem Fahrrad.'),
      await make('Umwelt', 'Bus, Bahn und Fahrrad schonen das Klima.'),
    ];
    const hidden = await make('Fahrrad Entwurf', 'Fahrrad, Fahrrad, Fahrrad.', 'draft');
    const set = (pageIds: string[], otherPageIds: string[]): TextSet => ({ language: 'de', config: 'german', pageIds, otherPageIds, exact: "'fahrrad'", widened: "'fahrrad'" });
    const visible = [...titled, ...body];
    const find = (s: TextSet, caps?: { title: number; body: number }) => findPageHits(t.db, { regionId: own.id, q: 'Fahrrad', sets: [s], limit: 20, ...(caps ? { caps } : {}) }).then((c) => c.map((x) => x.pageId));

    // Uncapped: every visible text (the hidden page is named as "other", so it is left out by exclusion).
    const all = await find(set(visible, [hidden]));
    assert.deepEqual(new Set(all), new Set(visible));
    assert.deepEqual(new Set(all.slice(0, 3)), new Set(titled), 'title hits first');
    // Capped at 2 title hits and 2 others: four texts, the two title hits first, never the hidden one.
    const capped = await find(set(visible, [hidden]), { title: 2, body: 2 });
    assert.equal(capped.length, 4);
    assert.ok(capped.slice(0, 2).every((id) => titled.includes(id)));
    assert.ok(capped.slice(2).every((id) => visible.includes(id)));
    // The same filter the other way round (a short list of pages to search): only those.
    const [oneTitled, oneBody] = [titled[0] ?? '', body[0] ?? ''];
    assert.deepEqual(new Set(await find(set([oneTitled, oneBody], [...visible.filter((id) => id !== oneTitled && id !== oneBody), hidden]))), new Set([oneTitled, oneBody]));
  });

  it('a page unpublished a moment ago is not found any more (cached tree follows every audited write)', async () => {
    await publish('shortLived', 'Fahrradkurs für Frauen', '<p>Radfahren lernen.</p>');
    assert.deepEqual(titles(await search('de', 'Fahrradkurs')), ['Fahrradkurs für Frauen']);
    const admin = await buildAccount(t.db, { isAdmin: true });
    const page = ids.shortLived;
    if (!page) throw new Error('no page');
    await updatePageSettings(t.db, { id: admin.id, email: admin.email, name: admin.name, isAdmin: true, memberships: [] }, { pageId: page.id, revision: page.revision, status: 'draft' });
    assert.deepEqual(titles(await search('de', 'Fahrradkurs')), []);
  });

  it('excerpts are escaped text: markup in the content cannot leak', async () => {
    const hits = await search('de', 'Formular Polizei unsicher');
    const html = hits[0]?.snippetHtml ?? '';
    assert.match(html, /&lt; 8 &amp; &quot;1234&quot; ist <mark>unsicher<\/mark> &lt;b onclick/);
    // ts_headline drops what looks like a tag; whatever it keeps is escaped, and <mark> is the only element.
    assert.doesNotMatch(html.replace(/<\/?mark>/g, ''), /</);
    const res = await t.app.inject({ url: '/kreis-suche/de/search?q=Formular%20unsicher' });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert|<b onclick/);
    assert.match(res.body, /&lt;b onclick/);
  });

  it('GET /{region}/{lang}/search renders hits without JavaScript', async () => {
    const res = await t.app.inject({ url: '/kreis-suche/de/search?q=Kurse' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form method="get" action="\/kreis-suche\/de\/search" role="search"/);
    assert.match(res.body, /<input id="search-q" type="search" name="q" value="Kurse"/);
    assert.match(res.body, /1 Treffer für „Kurse“/);
    assert.match(res.body, /<a href="\/kreis-suche\/de\/deutsch-lernen\/sprachkurs-finden">Sprachkurs finden<\/a>/);
    assert.match(res.body, /<p class="search-hit__path">Deutsch lernen<\/p>/);
    assert.equal(res.headers['x-robots-tag'], 'noindex, follow');
    assert.match(String(res.headers['cache-control']), /public/);
    assert.equal(res.headers['set-cookie'], undefined);
  });

  it('marks fallback hits with their language', async () => {
    const res = await t.app.inject({ url: `/kreis-suche/ar/search?q=${encodeURIComponent('Müllabfuhr')}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /<a href="\/kreis-suche\/ar\/muellabfuhr" lang="de" dir="ltr">Müllabfuhr<\/a>/);
    assert.match(res.body, /<p class="search-hit__snippet" lang="de" dir="ltr">/);
    assert.match(res.body, /متوفر فقط باللغة/);
  });

  it('nothing found: a form into the feedback inbox with the query', async () => {
    const res = await t.app.inject({ url: '/kreis-suche/en/search?q=Fahrradwerkstatt' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /No results for “Fahrradwerkstatt”/);
    assert.match(res.body, /<form method="post" action="\/kreis-suche\/en\/feedback"><input type="hidden" name="query" value="Fahrradwerkstatt"\/>/);
    assert.doesNotMatch(res.body, /name="_csrf"/);
  });

  it('too short or missing queries show the form only', async () => {
    const empty = await t.app.inject({ url: '/kreis-suche/de/search' });
    assert.equal(empty.statusCode, 200);
    assert.doesNotMatch(empty.body, /Treffer/);
    const short = await t.app.inject({ url: '/kreis-suche/de/search?q=a' });
    assert.match(short.body, /mindestens 2 Zeichen/);
    const list = await t.app.inject({ url: '/kreis-suche/de/search?q=a&q=b' });
    assert.equal(list.statusCode, 200);
    const lang = await t.app.inject({ url: '/kreis-suche/fr/search?q=Kurs' });
    assert.equal(lang.statusCode, 404);
  });

  it('region pages carry a search box in the header (not the search page itself)', async () => {
    const home = await t.app.inject({ url: '/kreis-suche/uk/' });
    assert.match(home.body, /<form method="get" action="\/kreis-suche\/uk\/search" role="search" class="container header-search">/);
    assert.match(home.body, /<label for="header-search-q" class="visually-hidden">Пошук у довіднику<\/label>/);
    const page = await t.app.inject({ url: '/kreis-suche/de/gesundheit' });
    assert.match(page.body, /action="\/kreis-suche\/de\/search" role="search"/);
    const searchPage = await t.app.inject({ url: '/kreis-suche/de/search' });
    assert.doesNotMatch(searchPage.body, /header-search/);
    const root = await t.app.inject({ url: '/' });
    assert.doesNotMatch(root.body, /header-search/);
  });

  it('other features add providers; hits merge by score', async () => {
    registerSearchProvider({
      kind: 'event',
      search: async (_db, input) => [{ kind: 'event', title: `Café ${input.q}`, url: `/${input.region.slug}/${input.language}/events/1`, path: [], snippetHtml: toSnippetHtml('Samstag'), score: 99, language: input.language }],
    });
    const hits = await search('de', 'Kurse');
    assert.deepEqual(
      hits.map((h) => h.kind),
      ['event', 'page'],
    );
    registerSearchProvider({ kind: 'event', search: async () => [] });
  });

  it('limits searches per IP (429 after 60 a minute)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i += 1) codes.push((await t.app.inject({ url: '/kreis-suche/de/search?q=x', remoteAddress: '203.0.113.9' })).statusCode);
    assert.equal(codes.filter((c) => c === 200).length, 60);
    assert.equal(codes.at(-1), 429);
  });
});
