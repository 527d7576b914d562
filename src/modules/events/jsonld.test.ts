// schema.org Event JSON-LD of a date: offsets of the event's zone (winter, summer, other zones), all-day dates,
// status, attendance mode and location, offers, and text that tries to close the script element.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventJsonLd, isoWithOffset, jsonLdText, offsetOf, type EventJsonLdInput } from './jsonld.js';

const place = { name: 'Kreishaus', street: 'Markt 1', postalCode: '12345', city: 'Musterstadt', lat: 51.2, lon: 6.7, locationId: null };
const base: EventJsonLdInput = {
  name: 'Sprachcafé',
  description: 'Deutsch üben bei Kaffee.',
  url: 'https://wegweiser.example/kreis/de/events/e/o',
  startsAt: new Date('2026-12-08T17:00:00Z'),
  endsAt: new Date('2026-12-08T19:00:00Z'),
  allDay: false,
  timeZone: 'Europe/Berlin',
  cancelled: false,
  place,
  onlineUrl: null,
  organizer: { name: 'Integrationsbüro', email: 'buero@example.org' },
  languages: ['de', 'ar'],
  textLanguage: 'de',
  imageUrl: null,
  price: null,
};

describe('JSON-LD of a date', () => {
  it('writes local times with the zone offset of that day, never Z', () => {
    assert.equal(offsetOf(new Date('2026-12-08T17:00:00Z'), 'Europe/Berlin'), '+01:00');
    assert.equal(offsetOf(new Date('2027-07-08T16:00:00Z'), 'Europe/Berlin'), '+02:00');
    assert.equal(offsetOf(new Date('2026-12-08T17:00:00Z'), 'America/St_Johns'), '-03:30');
    assert.equal(offsetOf(new Date('2026-12-08T17:00:00Z'), 'UTC'), '+00:00');
    assert.equal(isoWithOffset(new Date('2026-12-08T17:00:00Z'), 'Europe/Berlin'), '2026-12-08T18:00:00+01:00');
    const ld = eventJsonLd(base);
    assert.equal(ld.startDate, '2026-12-08T18:00:00+01:00');
    assert.equal(ld.endDate, '2026-12-08T20:00:00+01:00');
    const summer = eventJsonLd({ ...base, startsAt: new Date('2027-07-08T16:00:00Z'), endsAt: new Date('2027-07-08T18:00:00Z') });
    assert.equal(summer.startDate, '2027-07-08T18:00:00+02:00');
  });

  it('writes dates for all-day events, the last day inclusive', () => {
    // Stored: midnight to the midnight after the last day, in the event's zone.
    const ld = eventJsonLd({ ...base, allDay: true, startsAt: new Date('2026-12-07T23:00:00Z'), endsAt: new Date('2026-12-09T23:00:00Z') });
    assert.equal(ld.startDate, '2026-12-08');
    assert.equal(ld.endDate, '2026-12-09');
    const one = eventJsonLd({ ...base, allDay: true, startsAt: new Date('2026-12-07T23:00:00Z'), endsAt: new Date('2026-12-08T23:00:00Z') });
    assert.equal(one.endDate, '2026-12-08');
  });

  it('names status, attendance mode and places: offline, online, mixed', () => {
    const offline = eventJsonLd(base);
    assert.equal(offline.eventStatus, 'https://schema.org/EventScheduled');
    assert.equal(offline.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.deepEqual(offline.location, {
      '@type': 'Place',
      name: 'Kreishaus',
      address: { '@type': 'PostalAddress', streetAddress: 'Markt 1', postalCode: '12345', addressLocality: 'Musterstadt' },
      geo: { '@type': 'GeoCoordinates', latitude: 51.2, longitude: 6.7 },
    });
    const online = eventJsonLd({ ...base, place: null, onlineUrl: 'https://meet.example.org/x', cancelled: true });
    assert.equal(online.eventStatus, 'https://schema.org/EventCancelled');
    assert.equal(online.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(online.location, { '@type': 'VirtualLocation', url: 'https://meet.example.org/x' });
    const mixed = eventJsonLd({ ...base, onlineUrl: 'https://meet.example.org/x' });
    assert.equal(mixed.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode');
    assert.ok(Array.isArray(mixed.location) && mixed.location.length === 2);
  });

  it('has an offer in euros when there is a price, and says free otherwise', () => {
    const paid = eventJsonLd({ ...base, price: '5.00' });
    assert.deepEqual(paid.offers, { '@type': 'Offer', price: '5.00', priceCurrency: 'EUR', url: base.url });
    assert.equal(paid.isAccessibleForFree, undefined);
    const free = eventJsonLd(base);
    assert.equal(free.offers, undefined);
    assert.equal(free.isAccessibleForFree, true);
    assert.equal(eventJsonLd({ ...base, price: '0.00' }).isAccessibleForFree, true);
  });

  it('names organiser and languages', () => {
    const ld = eventJsonLd(base);
    assert.deepEqual(ld.organizer, { '@type': 'Organization', name: 'Integrationsbüro', email: 'buero@example.org' });
    assert.deepEqual(ld.inLanguage, ['de', 'ar']);
    assert.equal(eventJsonLd({ ...base, languages: [] }).inLanguage, 'de');
  });

  it('cannot be closed early by the text inside', () => {
    const text = jsonLdText(eventJsonLd({ ...base, name: 'Abend </script><script>alert(1)</script> & mehr\u2028' }));
    assert.doesNotMatch(text, /<|>|&|\u2028/);
    assert.equal((JSON.parse(text) as { name: string }).name, 'Abend </script><script>alert(1)</script> & mehr\u2028');
  });
});
