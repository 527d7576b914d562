import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedBlocks, diffHtml, diffText, htmlBlocks, removedBlocks, sameText, similarity } from './diff.js';
import { segmentUnits } from './segments.js';

describe('htmlBlocks', () => {
  it('splits HTML into text blocks with their element, like the translation units', () => {
    const html = '<h2>Anmeldung</h2><p>Gehen Sie <strong>innerhalb von zwei Wochen</strong> zum Bürgerbüro.</p><ul><li>Pass</li><li>Mietvertrag</li></ul>';
    const blocks = htmlBlocks(html);
    assert.deepEqual(
      blocks.map((b) => [b.tag, b.text]),
      [
        ['h2', 'Anmeldung'],
        ['p', 'Gehen Sie innerhalb von zwei Wochen zum Bürgerbüro.'],
        ['li', 'Pass'],
        ['li', 'Mietvertrag'],
      ],
    );
    assert.deepEqual(
      blocks.map((b) => b.unitId),
      segmentUnits(html).map((u) => u.id),
    );
  });

  it('has no blocks for empty HTML', () => assert.deepEqual(htmlBlocks(''), []));
});

describe('diffText', () => {
  it('marks inserted and deleted words', () => {
    const parts = diffText('Bringen Sie Ihren Pass mit.', 'Bringen Sie Ihren Ausweis mit.');
    assert.ok(parts.some((p) => p.type === 'del' && p.text.includes('Pass')));
    assert.ok(parts.some((p) => p.type === 'ins' && p.text.includes('Ausweis')));
    // The text of equal + del parts is the old text, equal + ins the new one.
    const old = parts.filter((p) => p.type !== 'ins').map((p) => p.text).join('');
    const neu = parts.filter((p) => p.type !== 'del').map((p) => p.text).join('');
    assert.equal(old.replace(/\s+/g, ' '), 'Bringen Sie Ihren Pass mit.');
    assert.equal(neu.replace(/\s+/g, ' '), 'Bringen Sie Ihren Ausweis mit.');
  });

  it('works for right-to-left scripts and Cyrillic', () => {
    const ar = diffText('اذهب إلى المكتب', 'اذهب إلى البلدية');
    assert.ok(ar.some((p) => p.type === 'ins' && p.text.includes('البلدية')));
    const uk = diffText('Зареєструйте адресу', 'Зареєструйте нову адресу');
    assert.deepEqual(
      uk.filter((p) => p.type !== 'equal').map((p) => [p.type, p.text.trim()]),
      [['ins', 'нову']],
    );
  });

  it('is a single equal part for equal texts', () => assert.deepEqual(diffText('a b', 'a b'), [{ type: 'equal', text: 'a b' }]));
});

describe('similarity', () => {
  it('is 1 for equal texts, 0 for unrelated ones', () => {
    assert.equal(similarity('gleich', 'gleich'), 1);
    assert.ok(similarity('Der Hund bellt laut', 'Katzen schlafen') < 0.2);
    assert.ok(similarity('Bringen Sie Ihren Pass mit.', 'Bringen Sie Ihren Ausweis mit.') > 0.6);
  });
});

describe('diffHtml', () => {
  const before = '<h2>Anmeldung</h2><p>Gehen Sie zum Bürgerbüro.</p><p>Bringen Sie Ihren Pass mit.</p><p>Die Anmeldung ist kostenlos.</p>';

  it('reports no changes for the same text', () => {
    assert.ok(diffHtml(before, before).every((b) => b.status === 'equal'));
    assert.ok(sameText(before, before));
  });

  it('aligns blocks: a changed paragraph is diffed word by word, the others stay equal', () => {
    const after = before.replace('Pass', 'Reisepass oder Personalausweis');
    const blocks = diffHtml(before, after);
    assert.deepEqual(
      blocks.map((b) => b.status),
      ['equal', 'equal', 'changed', 'equal'],
    );
    const changed = blocks[2];
    assert.ok(changed?.parts.some((p) => p.type === 'del' && p.text.includes('Pass')));
    assert.ok(changed?.parts.some((p) => p.type === 'ins' && p.text.includes('Reisepass')));
  });

  it('shows an inserted paragraph as added and a removed one as removed', () => {
    const after = '<h2>Anmeldung</h2><p>Gehen Sie zum Bürgerbüro.</p><p>Vereinbaren Sie vorher einen Termin online.</p><p>Die Anmeldung ist kostenlos.</p>';
    const blocks = diffHtml(before, after);
    const statuses = blocks.map((b) => b.status);
    assert.ok(statuses.includes('added'));
    assert.ok(statuses.includes('removed'));
    assert.equal(blocks.find((b) => b.status === 'added')?.after?.text, 'Vereinbaren Sie vorher einen Termin online.');
    assert.equal(blocks.find((b) => b.status === 'removed')?.before?.text, 'Bringen Sie Ihren Pass mit.');
    assert.deepEqual(removedBlocks(before, after), ['Bringen Sie Ihren Pass mit.']);
  });

  it('pairs similar blocks in a stretch where several changed', () => {
    const a = '<p>Eins zwei drei vier fünf.</p><p>Sechs sieben acht neun zehn.</p>';
    const b = '<p>Ganz neuer Absatz hier.</p><p>Eins zwei drei vier fünf sechs.</p><p>Sechs sieben acht neun elf.</p>';
    const blocks = diffHtml(a, b);
    assert.deepEqual(
      blocks.map((x) => x.status),
      ['added', 'changed', 'changed'],
    );
  });

  it('ignores markup-only changes (the text is what readers and translators compare)', () => {
    assert.ok(sameText('<p>Hallo Welt</p>', '<p>Hallo <strong>Welt</strong></p>'));
  });

  it('keeps text as text: HTML-like characters come out as plain strings, never markup', () => {
    const blocks = diffHtml('<p>a &lt;script&gt; b</p>', '<p>a &lt;script&gt; c</p>');
    const all = blocks.flatMap((b) => b.parts.map((p) => p.text)).join('');
    assert.ok(all.includes('<script>'), 'the decoded text, for the renderer to escape');
  });
});

describe('changedBlocks', () => {
  it('lists new and changed blocks of the newer version with unit ids and positions', () => {
    const before = '<p>Erster Absatz bleibt.</p><p>Zweiter Absatz mit altem Inhalt.</p>';
    const after = '<p>Erster Absatz bleibt.</p><p>Zweiter Absatz mit neuem Inhalt.</p><p>Dritter Absatz ist neu.</p>';
    const changed = changedBlocks(before, after);
    assert.deepEqual(
      changed.map((c) => [c.unitId, c.index, c.status]),
      [
        ['u2', 1, 'changed'],
        ['u3', 2, 'added'],
      ],
    );
    assert.equal(changed[0]?.previous, 'Zweiter Absatz mit altem Inhalt.');
    assert.ok(changed[0]?.parts.some((p) => p.type === 'ins' && p.text.includes('neuem')));
  });

  it('is empty when nothing changed and lists everything for a first version', () => {
    assert.deepEqual(changedBlocks('<p>x</p>', '<p>x</p>'), []);
    assert.equal(changedBlocks('', '<p>a</p><p>b</p>').length, 2);
  });
});
