import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { assignmentCalendar, assignmentIcsFilename, assignmentUid, uidHost, type AssignmentIcsInput } from './ics.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

function input(overrides: Partial<AssignmentIcsInput> = {}): AssignmentIcsInput {
  return {
    method: 'REQUEST',
    uid: assignmentUid('4f1c0a3e-1111-4222-8333-944455556666', 'wegweiser.example.org'),
    sequence: 0,
    summary: 'Sprachmittlung Arabisch (irakisch): Grundschule am Markt',
    description: 'Adresse: Schulweg 1, 12345 Musterstadt\nAnsprechperson vor Ort: Frau Lehrerin, Raum 12',
    location: 'Grundschule am Markt, Schulweg 1, 12345 Musterstadt',
    startLocal: '2026-12-08T16:30',
    endLocal: '2026-12-08T18:00',
    timeZone: 'Europe/Berlin',
    organizer: { name: 'Sprachpool Kreis A', email: 'sprachpool@kreis.example' },
    attendee: { name: 'Amina Haddad', email: 'amina@example.org' },
    url: 'https://wegweiser.example.org/admin/regions/r/sprachpool/me/assignments',
    createdAt: new Date('2026-11-30T10:00:00Z'),
    dtstamp: new Date('2026-11-30T10:00:05Z'),
    ...overrides,
  };
}

function parse(text: string): { cal: ICAL.Component; vevent: ICAL.Component } {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.ok(vevent);
  return { cal, vevent };
}

describe('assignment calendar', () => {
  it('is an iTIP REQUEST with the start in the region zone, its VTIMEZONE, organizer and attendee', () => {
    const text = assignmentCalendar(input());
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(text, /[^\r]\n/, 'CRLF only');
    const { cal, vevent } = parse(text);
    assert.equal(cal.getFirstPropertyValue('method'), 'REQUEST');
    const zone = cal.getFirstSubcomponent('vtimezone');
    assert.ok(zone, 'the zone is defined in the file');
    assert.equal(zone.getFirstPropertyValue('tzid'), 'Europe/Berlin');
    // Resolve DTSTART through the VTIMEZONE in the file: 16:30 in Berlin in December is 15:30 UTC.
    const tz = new ICAL.Timezone(zone);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    assert.equal(vevent.getFirstProperty('dtstart')?.getParameter('tzid'), 'Europe/Berlin');
    start.zone = tz;
    assert.equal(start.toJSDate().toISOString(), '2026-12-08T15:30:00.000Z');
    assert.equal(vevent.getFirstPropertyValue('uid'), 'sp-assignment-4f1c0a3e-1111-4222-8333-944455556666@wegweiser.example.org');
    assert.equal(vevent.getFirstPropertyValue('sequence'), 0);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(vevent.getFirstPropertyValue('summary'), 'Sprachmittlung Arabisch (irakisch): Grundschule am Markt');
    assert.equal(vevent.getFirstPropertyValue('description'), 'Adresse: Schulweg 1, 12345 Musterstadt\nAnsprechperson vor Ort: Frau Lehrerin, Raum 12', 'line breaks survive the escaping');
    assert.equal(vevent.getFirstPropertyValue('location'), 'Grundschule am Markt, Schulweg 1, 12345 Musterstadt', 'commas survive the escaping');
    assert.equal(vevent.getFirstPropertyValue('organizer'), 'mailto:sprachpool@kreis.example');
    assert.equal(vevent.getFirstProperty('attendee')?.getParameter('cn'), 'Amina Haddad');
    assert.equal(vevent.getFirstPropertyValue('attendee'), 'mailto:amina@example.org');
    assert.ok(unfolded(text).includes('DTSTAMP:20261130T100005Z'));
  });

  it('a CANCEL keeps the UID, raises the SEQUENCE and says CANCELLED', () => {
    const request = parse(assignmentCalendar(input())).vevent;
    const { cal, vevent } = parse(assignmentCalendar(input({ method: 'CANCEL', sequence: 1 })));
    assert.equal(cal.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(vevent.getFirstPropertyValue('uid'), request.getFirstPropertyValue('uid'));
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(vevent.getFirstPropertyValue('sequence'), 1);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const arabic = 'وساطة لغوية بالعربية العراقية في المدرسة الابتدائية في السوق مع ولي الأمر والمعلمة وممثل الإدارة';
    const text = assignmentCalendar(input({ summary: arabic, description: 'Ж'.repeat(200) }));
    assert.deepEqual(
      text.split('\r\n').filter((l) => octets(l) > 75),
      [],
    );
    const { vevent } = parse(text);
    assert.equal(vevent.getFirstPropertyValue('summary'), arabic);
    assert.equal(vevent.getFirstPropertyValue('description'), 'Ж'.repeat(200));
  });

  it('an unknown zone gives floating local times rather than an undefined TZID', () => {
    const text = assignmentCalendar(input({ timeZone: 'Mars/Olympus_Mons' }));
    const { cal, vevent } = parse(text);
    assert.equal(cal.getFirstSubcomponent('vtimezone'), null);
    assert.equal(vevent.getFirstProperty('dtstart')?.getParameter('tzid'), undefined);
    assert.ok(unfolded(text).includes('DTSTART:20261208T163000'));
  });

  it('names the file after the day and the UID host after the base URL', () => {
    assert.equal(assignmentIcsFilename('2026-12-08T16:30'), 'sprachmittlung-2026-12-08.ics');
    assert.equal(uidHost('https://wegweiser.kreis.example:8443/x'), 'wegweiser.kreis.example');
    assert.equal(uidHost('not a url'), 'wegweiser.local');
  });
});
