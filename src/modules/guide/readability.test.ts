import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyseReadability, bandFor, countSyllables, isReadabilityLanguage, sentenceLimitFor, splitSentences } from './readability.js';

describe('readability: syllables (German heuristic)', () => {
  const known: [string, number][] = [
    ['Haus', 1],
    ['Arbeit', 2],
    ['Straßenbahn', 3],
    ['Beratung', 3],
    ['Ärztin', 2],
    ['Information', 4],
    ['Einbürgerung', 4],
    ['Bundesagentur', 5],
    ['Ausländerbehörde', 6],
    ['Aufenthaltserlaubnis', 6],
    ['Teilnahmebescheinigung', 7],
    ['2026', 1],
  ];
  for (const [word, n] of known) it(`${word}: ${n}`, () => assert.equal(countSyllables(word), n));
});

describe('readability: sentences', () => {
  it('keeps abbreviations, initials and dates inside a sentence; every line is a block of its own', () => {
    assert.deepEqual(splitSentences('Das ist z. B. ein Test. Herr Dr. Müller kommt am 3. Mai. Gut! Wohnen Sie in Nr. 5? Ja.\nÜberschrift ohne Punkt'), [
      'Das ist z. B. ein Test.',
      'Herr Dr. Müller kommt am 3. Mai.',
      'Gut!',
      'Wohnen Sie in Nr. 5?',
      'Ja.',
      'Überschrift ohne Punkt',
    ]);
  });
});

describe('readability: Flesch-Amstad', () => {
  it('easy-to-read German: short sentences score high, nothing is flagged', () => {
    const r = analyseReadability('Ich heiße Amal. Ich wohne in Kassel. Ich lerne Deutsch.', 'de-x-ls');
    assert.equal(r.sentences, 3);
    assert.equal(r.words, 10);
    assert.equal(r.syllables, 15);
    // 180 − 10/3 − 58.5 × 1.5 = 88.9
    assert.equal(r.score, 89);
    assert.equal(r.band, 'easy');
    assert.deepEqual(r.longSentences, []);
    assert.deepEqual(r.longWords, []);
  });

  it('administrative German: one long sentence and the long words, longest first', () => {
    const text =
      'Die Aufenthaltserlaubnis wird von der Ausländerbehörde erteilt, sofern die Voraussetzungen nach dem Aufenthaltsgesetz erfüllt sind und keine Ausweisungsinteressen entgegenstehen, was im Einzelfall geprüft werden muss.';
    const r = analyseReadability(text, 'de');
    assert.equal(r.sentences, 1);
    assert.equal(r.words, 25);
    assert.equal(r.averageSentenceLength, 25);
    assert.equal(r.longSentences.length, 1);
    assert.equal(r.longSentences[0]?.words, 25);
    assert.ok(r.score < 30, `score ${r.score}`);
    assert.equal(r.band, 'very_difficult');
    assert.deepEqual(
      r.longWords.map((w) => w.word),
      ['Ausweisungsinteressen', 'Aufenthaltserlaubnis', 'Aufenthaltsgesetz', 'Ausländerbehörde'],
    );
  });

  it('a sentence of 18 words is long in easy-to-read German but not in standard German', () => {
    const text = 'Sie können am Montag oder am Dienstag mit Ihrem Pass und Ihrer Meldebescheinigung zu uns in das Büro kommen.';
    assert.equal(analyseReadability(text, 'de-x-ls').longSentences.length, 1);
    assert.equal(analyseReadability(text, 'de').longSentences.length, 0);
    assert.equal(sentenceLimitFor('de-x-ls'), 15);
    assert.equal(sentenceLimitFor('de'), 20);
  });

  it('empty text: no sentences, score 100, no division by zero', () => {
    const r = analyseReadability('', 'de');
    assert.equal(r.sentences, 0);
    assert.equal(r.score, 100);
    assert.equal(r.averageSentenceLength, 0);
  });

  it('bands follow the usual Flesch table', () => {
    assert.deepEqual([95, 85, 75, 65, 55, 40, 10].map(bandFor), ['very_easy', 'easy', 'fairly_easy', 'standard', 'fairly_difficult', 'difficult', 'very_difficult']);
  });

  it('only German languages get the hint', () => {
    assert.ok(isReadabilityLanguage('de'));
    assert.ok(isReadabilityLanguage('de-x-ls'));
    assert.ok(!isReadabilityLanguage('en'));
    assert.ok(!isReadabilityLanguage('ar'));
  });
});
