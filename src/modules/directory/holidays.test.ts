import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, GERMAN_STATES, isPublicHoliday, publicHolidays } from './holidays.js';

const dates = (year: number, state: string | null) => Object.fromEntries(publicHolidays(year, state).map((h) => [h.key, h.date]));

describe('public holidays', () => {
  it('computes Easter Sunday (Gregorian) for known years', () => {
    const known: Record<number, string> = { 2019: '04-21', 2024: '03-31', 2025: '04-20', 2026: '04-05', 2027: '03-28', 2038: '04-25', 2285: '03-22' };
    for (const [year, md] of Object.entries(known)) {
      const [m, d] = easterSunday(Number(year));
      assert.equal(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, md, `Easter ${year}`);
    }
  });

  it('2026 nationwide: nine holidays with the Easter-dependent dates', () => {
    assert.deepEqual(publicHolidays(2026, null), [
      { date: '2026-01-01', key: 'new_year' },
      { date: '2026-04-03', key: 'good_friday' },
      { date: '2026-04-06', key: 'easter_monday' },
      { date: '2026-05-01', key: 'labour_day' },
      { date: '2026-05-14', key: 'ascension_day' },
      { date: '2026-05-25', key: 'whit_monday' },
      { date: '2026-10-03', key: 'german_unity_day' },
      { date: '2026-12-25', key: 'christmas_day' },
      { date: '2026-12-26', key: 'boxing_day' },
    ]);
  });

  it('2027: Easter on 28 March moves Good Friday, Ascension, Whit Monday and Corpus Christi', () => {
    const nw = dates(2027, 'DE-NW');
    assert.equal(nw.good_friday, '2027-03-26');
    assert.equal(nw.easter_monday, '2027-03-29');
    assert.equal(nw.ascension_day, '2027-05-06');
    assert.equal(nw.whit_monday, '2027-05-17');
    assert.equal(nw.corpus_christi, '2027-05-27');
    assert.equal(nw.all_saints_day, '2027-11-01');
    assert.equal(nw.reformation_day, undefined);
  });

  it('state differences 2026', () => {
    const by = dates(2026, 'DE-BY');
    assert.equal(by.epiphany, '2026-01-06');
    assert.equal(by.corpus_christi, '2026-06-04');
    assert.equal(by.assumption_day, '2026-08-15');
    assert.equal(by.all_saints_day, '2026-11-01');

    assert.equal(dates(2026, 'DE-BE').womens_day, '2026-03-08');
    assert.equal(dates(2026, 'DE-MV').womens_day, '2026-03-08');
    assert.equal(dates(2026, 'DE-NW').womens_day, undefined);
    assert.equal(dates(2026, 'DE-SL').assumption_day, '2026-08-15');
    assert.equal(dates(2026, 'DE-HE').assumption_day, undefined);
    assert.equal(dates(2026, 'DE-TH').childrens_day, '2026-09-20');
    assert.equal(dates(2026, 'DE-SN').repentance_day, '2026-11-18');
    assert.equal(dates(2027, 'DE-SN').repentance_day, '2027-11-17');
    for (const s of ['DE-BB', 'DE-HB', 'DE-HH', 'DE-MV', 'DE-NI', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH']) assert.equal(dates(2026, s).reformation_day, '2026-10-31', s);
    for (const s of ['DE-BW', 'DE-BY', 'DE-BE', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL']) assert.equal(dates(2026, s).reformation_day, undefined, s);
    assert.equal(dates(2026, 'DE-ST').epiphany, '2026-01-06');
    assert.equal(dates(2026, 'DE-BB').easter_sunday, '2026-04-05');
  });

  it('year-dependent rules: Reformation Day 2017 everywhere, Women’s Day in MV only from 2023', () => {
    assert.equal(dates(2017, 'DE-BY').reformation_day, '2017-10-31');
    assert.equal(dates(2017, null).reformation_day, '2017-10-31');
    assert.equal(dates(2022, 'DE-MV').womens_day, undefined);
    assert.equal(dates(2025, 'DE-BE').liberation_day, '2025-05-08');
  });

  it('every state has at least the nine nationwide holidays, sorted by date', () => {
    for (const s of GERMAN_STATES) {
      const list = publicHolidays(2026, s);
      assert.ok(list.length >= 9, s);
      assert.deepEqual(
        list.map((h) => h.date),
        [...list.map((h) => h.date)].sort(),
      );
    }
  });

  it('isPublicHoliday checks the state; lower-case codes work', () => {
    assert.equal(isPublicHoliday('2026-04-03', null), true);
    assert.equal(isPublicHoliday('2026-06-04', 'DE-NW'), true);
    assert.equal(isPublicHoliday('2026-06-04', 'de-nw'), true);
    assert.equal(isPublicHoliday('2026-06-04', 'DE-NI'), false);
    assert.equal(isPublicHoliday('2026-06-04', null), false);
    assert.equal(isPublicHoliday('2026-06-05', 'DE-NW'), false);
    assert.equal(isPublicHoliday('not a date', 'DE-NW'), false);
  });
});
