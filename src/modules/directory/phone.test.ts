// Phone numbers: parsing what editors and HSDS files write (libphonenumber-js, "min" metadata, plus our rules) and
// showing stored numbers to readers; then the detail page through HTTP in an Arabic (right-to-left) page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildRegion } from '../../../test/fixtures.js';
import { tel } from '../../seed/directory/places.js';
import { formatPhone, normalisePhone } from './phone.js';
import { writeOrganization, writeService } from './store.js';

describe('directory: phone numbers', () => {
  it('parses German national and international formats to E.164', () => {
    assert.equal(normalisePhone('02131 12 34'), '+4921311234');
    assert.equal(normalisePhone('(02131) 1234-0'), '+49213112340');
    assert.equal(normalisePhone('02131 / 12 34-0'), '+49213112340');
    assert.equal(normalisePhone('+49 (0) 2131 1234'), '+4921311234');
    assert.equal(normalisePhone('0049 2131 1234'), '+4921311234');
    assert.equal(normalisePhone('0049 (0) 2131 1234'), '+4921311234');
    assert.equal(normalisePhone('  030/1234567 '), '+49301234567');
    assert.equal(normalisePhone('0171 1234567'), '+491711234567');
    assert.equal(normalisePhone('0800 1110111'), '+498001110111');
  });

  it('parses other countries written with + or 00', () => {
    assert.equal(normalisePhone('+33 1 23 45 67 89'), '+33123456789');
    assert.equal(normalisePhone('0033 1 23 45 67 89'), '+33123456789');
    assert.equal(normalisePhone('+90 212 555 1234'), '+902125551234');
    assert.equal(normalisePhone('+380 44 123 4567'), '+380441234567');
  });

  it('keeps emergency and service short codes as dialled', () => {
    for (const code of ['110', '112', '115', '116117', '116 016', '11833']) assert.equal(normalisePhone(code), code.replace(' ', ''));
  });

  it('refuses what is not a dialable number', () => {
    assert.equal(normalisePhone('12345'), null, 'a local number without area code');
    assert.equal(normalisePhone('123456'), null, 'a local number without area code');
    assert.equal(normalisePhone('abc'), null);
    assert.equal(normalisePhone(''), null);
    assert.equal(normalisePhone('0211-abc'), null);
    assert.equal(normalisePhone('02131 1234 abc'), null, 'no text around the number');
    assert.equal(normalisePhone('+49 0000'), null);
    assert.equal(normalisePhone('+49 0211 1234'), null, 'a trunk zero after the country code');
    assert.equal(normalisePhone('0211 1234567890123456'), null, 'too long');
    assert.equal(normalisePhone('030 12345678 ext. 12'), null, 'an extension would be lost in E.164');
    assert.equal(normalisePhone('+33 1'), null, 'too short for France');
  });

  it('accepts invented numbers of the demo data (the area code 01234 does not exist)', () => {
    // If this fails, the metadata checks allocated ranges (e.g. "max" instead of "min"): see normalisePhone.
    assert.equal(normalisePhone('01234 567620'), '+491234567620');
    assert.equal(normalisePhone('01234 567-0'), '+4912345670');
    assert.equal(normalisePhone('+4912349123456'), '+4912349123456');
    for (const local of ['567-0', '567-410', '890-0', '540 210', '567-999']) assert.equal(normalisePhone(tel(local)), tel(local), local);
  });

  it('shows German numbers nationally and others internationally', () => {
    assert.equal(formatPhone('+4921311234'), '02131 1234');
    assert.equal(formatPhone('+49301234567'), '030 1234567');
    assert.equal(formatPhone('+491711234567'), '0171 1234567');
    assert.equal(formatPhone('+33123456789'), '+33 1 23 45 67 89');
    assert.equal(formatPhone('+902125551234'), '+90 212 555 12 34');
    assert.equal(formatPhone('+33123456789', 'FR'), '01 23 45 67 89', 'the home country decides');
  });

  it('shows what it cannot group as stored', () => {
    assert.equal(formatPhone('+491234567410'), '+491234567410', 'an invented range: no format rule');
    assert.equal(formatPhone('115'), '115');
    assert.equal(formatPhone('+4921110'), '+4921110', 'too short to be valid');
    assert.equal(formatPhone('kaputt'), 'kaputt');
  });
});

describe('directory: phone numbers on the detail page', () => {
  let t: TestApp;
  let slug: string;
  let serviceId: string;

  before(async () => {
    t = await createTestApp();
    const region = await buildRegion(t.db, { slug: 'kreis-telefon', languages: ['de', 'ar'], sourceLanguage: 'de', timezone: 'Europe/Berlin' });
    slug = region.slug;
    const org = await writeOrganization(t.db, region.id, { name: 'Beratungsstelle', status: 'published' });
    serviceId = await writeService(t.db, region.id, {
      organizationId: org,
      name: 'Beratung am Telefon',
      status: 'published',
      phones: [
        { number: '+4921311234', type: 'voice' },
        { number: '+33123456789', type: 'fax' },
      ],
    });
  });
  after(() => t.close());

  it('shows formatted numbers left to right in a right-to-left page, and dials E.164', async () => {
    const res = await t.app.inject({ url: `/${slug}/ar/services/${serviceId}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html[^>]* dir="rtl"/);
    assert.match(res.body, /<a href="tel:\+4921311234" dir="ltr">02131 1234<\/a>/);
    assert.match(res.body, /<bdi dir="ltr">\+33 1 23 45 67 89<\/bdi>/);
  });
});
