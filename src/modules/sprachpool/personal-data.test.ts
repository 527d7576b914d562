import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, type PersonalDataKind } from './personal-data.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const kinds = (text: string, field: 'notes' | 'onSiteContact' | 'placeName' | 'joinInfo' = 'notes', allowedEmails: string[] = []) =>
  findPersonalData({ [field]: text }, { allowedEmails, now: NOW }).map((f) => f.kind);

describe('personal data in the free text of a request', () => {
  it('lets a request without personal data through', () => {
    const clean = 'Elterngespräch zur Schullaufbahn, Mutter spricht Dari. Bitte 10 Minuten früher kommen, Raum 2.14. Termin am 12.03.2027 um 08.30 Uhr.';
    assert.deepEqual(findPersonalData({ notes: clean, placeName: 'Grundschule am Park, Raum 2.14', onSiteContact: 'Frau Berger (Sekretariat), 05251 123456' }, { allowedEmails: [], now: NOW }), []);
  });

  it('finds names after a salutation and "Name:" labels', () => {
    assert.deepEqual(kinds('Gespräch mit Frau Yilmaz über ihren Sohn'), ['salutation']);
    assert.deepEqual(kinds('Vater: Herrn Ahmadi anrufen'), ['salutation']);
    assert.deepEqual(kinds('Name: Ahmad K., 3b'), ['name_label']);
    assert.deepEqual(kinds('Klientin: A. K.'), ['name_label']);
  });

  it('finds dates of birth and "geb."', () => {
    assert.deepEqual(kinds('Kind, 03.04.2015'), ['birth_date']);
    assert.deepEqual(kinds('Kind (2015-04-03)'), ['birth_date']);
    assert.deepEqual(kinds('Mutter geb. 1990 in Kabul'), ['born']);
    assert.deepEqual(kinds('Termin zur Nachbesprechung am 12.01.2027'), [], 'a coming date is no date of birth');
  });

  it('finds e-mail addresses other than the institution’s', () => {
    assert.deepEqual(kinds('Rückfragen an mutter.k@gmail.com'), ['email']);
    assert.deepEqual(kinds('Rückfragen an sekretariat@schule.example', 'notes', ['Sekretariat@schule.example']), [], 'the institution’s own address');
    assert.deepEqual(kinds('Rückfragen an privat@example.org', 'onSiteContact', ['sekretariat@schule.example']), ['email'], 'also in the on-site contact');
  });

  it('finds phone numbers in the notes but not in the staff contact or join info', () => {
    assert.deepEqual(kinds('Familie erreichbar unter 0170 1234567'), ['phone']);
    assert.deepEqual(kinds('Familie erreichbar unter +49 170 1234567'), ['phone']);
    assert.deepEqual(kinds('Frau Berger, 05251 123456', 'onSiteContact'), []);
    assert.deepEqual(kinds('Einwahl: +49 30 1234 5678, PIN 4711', 'joinInfo'), []);
  });

  it('finds file numbers, IBANs and long digit sequences', () => {
    assert.deepEqual(kinds('BG-Nummer 12345BG0012345'), ['file_number', 'long_number']);
    assert.deepEqual(kinds('Az. 4 F 123/26'), ['file_number']);
    assert.deepEqual(kinds('Erstattung auf DE89 3704 0044 0532 0130 00'), ['iban']);
    assert.deepEqual(kinds('Vorgang 2026004711'), ['long_number']);
    assert.deepEqual(kinds('Vorgang 2026004711', 'onSiteContact'), ['long_number'], 'a file number is no staff phone number');
  });

  it('names the field and the text that looked personal', () => {
    const found = findPersonalData({ notes: 'Sohn von Frau Yilmaz', placeName: 'Praxis Dr. Meier' }, { allowedEmails: [], now: NOW });
    assert.deepEqual(found, [{ field: 'notes', kind: 'salutation' satisfies PersonalDataKind, match: 'Frau Yilmaz' }]);
  });
});
