import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../regions/index.js';
import { listEmbedChoices, registerContentEmbed } from './embeds.js';

describe('listEmbedChoices', () => {
  it('collects the choices of every embed that offers some, with its name; a failing embed offers none', async () => {
    registerContentEmbed({ name: 'kept-only', render: async () => null });
    registerContentEmbed({
      name: 'services',
      render: async () => null,
      choices: async ({ lang }) => [
        { category: 'leisure', label: lang === 'en' ? 'Leisure' : 'Freizeit', depth: 0 },
        { category: 'sports-clubs', label: lang === 'en' ? 'Sports clubs' : 'Sportvereine', depth: 1 },
      ],
    });
    registerContentEmbed({
      name: 'broken',
      render: async () => null,
      choices: () => Promise.reject(new Error('no table')),
    });
    const failed: string[] = [];
    // The fakes read neither the database nor the region.
    const input = { db: {} as Db, region: {} as RegionRow, lang: 'en' };
    const choices = await listEmbedChoices(input, (_err, name) => failed.push(name));
    assert.deepEqual(choices, [
      { name: 'services', category: 'leisure', label: 'Leisure', depth: 0 },
      { name: 'services', category: 'sports-clubs', label: 'Sports clubs', depth: 1 },
    ]);
    assert.deepEqual(failed, ['broken']);
  });
});
