import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.js';
import { assembleHtml, buildFromMarkers, fromTaggedText, inlineCodeMap, segmentHtml, toTaggedText } from '../../guide/index.js';
import { TITLE_UNIT, tokensToTagged, writeXliff, XliffFormatError, type XliffDocumentData, type XliffVersion } from './codec.js';
import { readXliff, validateXliff } from './validate.js';

const PAGE = '0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e01';
const HTML = sanitizeRichText(
  '<h2>Aufenthaltstitel</h2><p>Sie brauchen einen <strong>gültigen</strong> Pass &amp; <a href="https://example.org/a?b=1&amp;c=2">ein Foto</a>.<br>Termin: <span lang="en">online</span></p>' +
    '<ul><li>Eins</li><li><em>Zwei</em> <img src="/media/0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e03/800.webp" alt="Bild"></li></ul><table><tr><td>A &lt; B</td></tr></table>',
);

function documentFor(version: XliffVersion, withTargets: boolean): XliffDocumentData {
  const { units } = segmentHtml(HTML);
  return {
    version,
    sourceLanguage: 'de',
    targetLanguage: 'ar',
    sourceDirection: 'ltr',
    targetDirection: 'rtl',
    files: [
      {
        pageId: PAGE,
        title: 'Aufenthalt & Pass',
        url: '/kreis/de/aufenthalt',
        sourceRevision: 7,
        sourceHash: 'abc123',
        targetRevision: 3,
        units: [
          { id: TITLE_UNIT, source: ['Aufenthalt & Pass'], target: withTargets ? ['الإقامة'] : null },
          ...units.map((u) => ({ id: u.id, source: u.source, target: withTargets ? fromTaggedText(`[ar] ${toTaggedText(u.source)}`, u.source) : null })),
        ],
      },
    ],
  };
}

describe('XLIFF codec', () => {
  for (const version of ['2.1', '1.2'] as const) {
    it(`writes XLIFF ${version} that validates against the OASIS schema, and reads it back with markup as inline codes`, async () => {
      for (const withTargets of [false, true]) {
        const xml = writeXliff(documentFor(version, withTargets));
        assert.deepEqual(await validateXliff(xml, version), [], xml);
        const parsed = await readXliff(xml);
        assert.equal(parsed.version, version);
        assert.equal(parsed.sourceLanguage, 'de');
        assert.equal(parsed.targetLanguage, 'ar');
        const [file] = parsed.files;
        assert.ok(file);
        assert.equal(file.pageId, PAGE);
        assert.equal(file.sourceRevision, 7);
        assert.equal(file.sourceHash, 'abc123');
        assert.equal(file.targetRevision, 3);
        const { skeleton, units } = segmentHtml(HTML);
        assert.equal(file.units.length, units.length + 1);
        assert.equal(tokensToTagged(file.units[0]?.source ?? []), 'Aufenthalt &amp; Pass');
        const rebuilt = new Map(
          units.map((u) => {
            const parsedUnit = file.units.find((p) => p.id === u.id);
            assert.ok(parsedUnit);
            assert.equal(tokensToTagged(parsedUnit.source), toTaggedText(u.source));
            const tokens = withTargets ? parsedUnit.target : parsedUnit.source;
            assert.ok(tokens);
            return [u.id, buildFromMarkers(tokens, inlineCodeMap(u.source), false)];
          }),
        );
        const html = assembleHtml(skeleton, rebuilt);
        if (withTargets) {
          assert.match(html, /<a href="https:\/\/example.org\/a\?b=1&amp;c=2">ein Foto<\/a>/);
          assert.match(html, /<li>\[ar\] <em>Zwei<\/em> <img src="\/media\/0b7e1c52-6f43-4d8e-9a55-3c1f2b9d4e03\/800.webp" alt="Bild" loading="lazy" \/><\/li>/);
        } else assert.equal(html, HTML);
      }
    });
  }

  it('keeps the original markup in originalData (2.1)', () => {
    const xml = writeXliff(documentFor('2.1', false));
    assert.match(xml, /<data id="d2">&lt;a href="https:\/\/example.org\/a\?b=1&amp;amp;c=2"&gt;<\/data>/);
    assert.match(xml, /<pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt">gültigen<\/pc>/);
    assert.match(xml, /<ph id="3" dataRef="d3" type="fmt"\/>/);
  });

  it('reads what other tools write: sc/ec, segments split in two, mrk, cp', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="ar">
  <file id="f1" original="page:${PAGE}">
    <unit id="u1">
      <segment><source>Ein <sc id="1"/>Satz<ec startRef="1"/>.</source><target>جملة <sc id="1"/>واحدة<ec startRef="1"/>.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment><source>Zwei</source><target><mrk id="m1" translate="no">اثنان</mrk><cp hex="00A0"/></target></segment>
    </unit>
  </file>
</xliff>`;
    const parsed = await readXliff(xml);
    const unit = parsed.files[0]?.units[0];
    assert.ok(unit?.target);
    assert.equal(tokensToTagged(unit.source), 'Ein <1>Satz</1>. Zwei');
    assert.equal(tokensToTagged(unit.target), 'جملة <1>واحدة</1>. اثنان\u00a0');
  });

  it('refuses malformed XML with a line number', async () => {
    const xml = writeXliff(documentFor('2.1', true)).replace('</segment>', '</segmnt>');
    await assert.rejects(readXliff(xml), (e: unknown) => e instanceof XliffFormatError && e.code === 'malformed' && (e.messages[0]?.line ?? 0) > 1);
  });

  it('refuses a DOCTYPE (no XXE, no entity expansion)', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="ar"><file id="f" original="page:${PAGE}"><unit id="u1"><segment><source>&xxe;</source></segment></unit></file></xliff>`;
    await assert.rejects(readXliff(xxe), (e: unknown) => e instanceof XliffFormatError && (e.code === 'doctype' || e.code === 'malformed'));
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de"><file id="f"><unit id="u"><segment><source>&lol2;</source></segment></unit></file></xliff>`;
    await assert.rejects(readXliff(bomb), (e: unknown) => e instanceof XliffFormatError && (e.code === 'doctype' || e.code === 'malformed'));
    const plainDoctype = `<?xml version="1.0"?><!DOCTYPE xliff><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de"><file id="f"><unit id="u"><segment><source>x</source></segment></unit></file></xliff>`;
    await assert.rejects(readXliff(plainDoctype), (e: unknown) => e instanceof XliffFormatError && e.code === 'doctype');
  });

  it('refuses schema-invalid files with the validator messages and their lines', async () => {
    const xml = writeXliff(documentFor('2.1', true)).replace('<segment state="translated">', '<segment state="approved">');
    await assert.rejects(readXliff(xml), (e: unknown) => {
      assert.ok(e instanceof XliffFormatError);
      assert.equal(e.code, 'invalid');
      assert.ok(e.messages.length >= 1);
      assert.ok((e.messages[0]?.line ?? 0) >= 10, JSON.stringify(e.messages));
      assert.match(e.messages[0]?.message ?? '', /state/);
      return true;
    });
    const v12 = writeXliff(documentFor('1.2', false)).replace('<body>', '<bodi>').replace('</body>', '</bodi>');
    await assert.rejects(readXliff(v12), (e: unknown) => e instanceof XliffFormatError && e.code === 'invalid');
  });

  it('refuses documents that are not XLIFF 2 or 1.2', async () => {
    await assert.rejects(readXliff('<?xml version="1.0"?><html><body/></html>'), (e: unknown) => e instanceof XliffFormatError && e.code === 'not_xliff');
    await assert.rejects(readXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.1"/>'), (e: unknown) => e instanceof XliffFormatError && e.code === 'not_xliff');
    await assert.rejects(readXliff(''), (e: unknown) => e instanceof XliffFormatError && e.code === 'malformed');
  });

  it('ships copies of the OASIS schemas with their notices', () => {
    const shared = '/work/shared/standards/xliff';
    const ours = new URL('./schemas/', import.meta.url);
    for (const name of ['xliff-core-2.0.xsd', 'xliff-core-1.2-strict.xsd', 'xml.xsd']) assert.ok(existsSync(new URL(name, ours)), name);
    assert.match(readFileSync(new URL('xliff-core-2.0.xsd', ours), 'utf8'), /Copyright \(c\) OASIS Open/);
    if (!existsSync(shared)) return;
    for (const name of readdirSync(shared).filter((n) => n.endsWith('.xsd'))) {
      assert.equal(readFileSync(new URL(name, ours), 'utf8'), readFileSync(`${shared}/${name}`, 'utf8'), `${name} equals the shared copy`);
    }
  });
});
