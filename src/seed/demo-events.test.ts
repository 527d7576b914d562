import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { EVENT_CATEGORIES, events, forumMembers, occurrences, registrations } from '../modules/events/schema.js';
import { regions } from '../platform/schema.js';
import { seedDemo } from './demo.js';

describe('seeded demo events', () => {
  let database: Database & { drop(): Promise<void> };
  let regionId: string;
  const now = new Date();

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    const [county] = await database.db.select().from(regions).where(eq(regions.slug, 'landkreis-beispiel'));
    assert.ok(county);
    regionId = county.id;
  });
  after(async () => database.drop());

  it('has at least 15 events across every category but "other" alone, some of them recurring', async () => {
    const rows = await database.db.select().from(events).where(eq(events.regionId, regionId));
    assert.ok(rows.length >= 15, `${rows.length} events`);
    const categories = new Set(rows.map((e) => e.category));
    for (const c of EVENT_CATEGORIES) assert.ok(categories.has(c), `category ${c}`);
    const weekly = rows.find((e) => e.rrule?.startsWith('FREQ=WEEKLY') && !e.rrule.includes('COUNT') && !e.rrule.includes('UNTIL'));
    assert.ok(weekly, 'an open-ended weekly series (the language café)');
    const monthly = rows.find((e) => e.category === 'round_table' && e.rrule?.startsWith('FREQ=MONTHLY'));
    assert.ok(monthly, 'a monthly round table');
    const members = await database.db.select().from(forumMembers).where(eq(forumMembers.eventId, monthly.id));
    assert.ok(members.length >= 5, 'the round table has members');
  });

  it('has future dates with registration, and at least one full date with a waitlist', async () => {
    const dates = await database.db.select().from(occurrences).where(eq(occurrences.regionId, regionId));
    const full = dates.filter((o) => o.capacity !== null && o.confirmed === o.capacity && o.waitlisted > 0 && o.startsAt > now);
    assert.ok(full.length >= 1, 'a full date with people waiting');
    const waiting = await database.db.select().from(registrations).where(and(eq(registrations.regionId, regionId), eq(registrations.status, 'waitlisted')));
    assert.ok(waiting.length >= 2);
    for (const o of dates) assert.ok(o.capacity === null || o.confirmed <= o.capacity, 'never over-filled');
  });

  it('has one past dialog forum with published documentation, a cancelled date and a cancelled event', async () => {
    const documented = await database.db
      .select({ category: events.category, endsAt: occurrences.endsAt, minutes: occurrences.minutesHtml })
      .from(occurrences)
      .innerJoin(events, eq(events.id, occurrences.eventId))
      .where(and(eq(occurrences.regionId, regionId), isNotNull(occurrences.documentationPublishedAt)));
    assert.ok(documented.some((d) => d.category === 'dialog_forum' && d.endsAt < now && d.minutes.includes('<h2>')));
    const cancelledDates = await database.db.select().from(occurrences).where(and(eq(occurrences.regionId, regionId), eq(occurrences.status, 'cancelled')));
    assert.ok(cancelledDates.length >= 1);
    const cancelledEvents = await database.db.select().from(events).where(and(eq(events.regionId, regionId), eq(events.status, 'cancelled')));
    assert.ok(cancelledEvents.length >= 1);
  });
});
