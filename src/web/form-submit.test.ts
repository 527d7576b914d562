import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { Actor } from '../platform/auth/permissions.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import type { Flash } from '../platform/http/context.js';
import type { FormValues } from './components/forms.js';
import { regionSettingsPost, submitRevisedForm, type FormAgain } from './form-submit.js';

type Stored = { revision: number; title: string };
const values: FormValues = { title: 'Mine', revision: '3', tags: ['a', 'b'] };

/** Runs the helper with a `save` that throws `error` (or answers 'saved'), recording what the page was shown with. */
async function run(error?: unknown, conflictOf?: (current: unknown) => Stored) {
  const shown: FormAgain<Stored>[] = [];
  const answer = await submitRevisedForm(values, {
    save: async () => {
      if (error) throw error;
      return 'saved';
    },
    showAgain: (again: FormAgain<Stored>) => {
      shown.push(again);
      return 'shown';
    },
    conflictOf,
  });
  return { answer, shown };
}

describe('submitRevisedForm', () => {
  it("answers with save's answer and shows nothing when the save goes through", async () => {
    assert.deepEqual(await run(), { answer: 'saved', shown: [] });
  });

  it('shows the form again with the typed values and the field messages (422)', async () => {
    const { answer, shown } = await run(new ValidationError({ title: { key: 'validation.required' } }));
    assert.equal(answer, 'shown');
    assert.deepEqual(shown, [{ form: { values, errors: { title: { key: 'validation.required' } } }, status: 422 }]);
  });

  it('on a revision conflict keeps the typed values, takes the current revision and passes the stored version (409)', async () => {
    const stored: Stored = { revision: 7, title: 'Theirs' };
    const { answer, shown } = await run(new ConflictError('revision_conflict', 'errors.revision_conflict', stored));
    assert.equal(answer, 'shown');
    assert.deepEqual(shown, [{ form: { values: { ...values, revision: '7' }, errors: {} }, conflict: stored, status: 409 }]);
    assert.equal(values.revision, '3', 'the submitted values are not changed in place');
  });

  it('maps the stored version with conflictOf', async () => {
    const { shown } = await run(new ConflictError('revision_conflict', 'errors.revision_conflict', { rev: 9 }), (current) => ({ revision: (current as { rev: number }).rev, title: 'mapped' }));
    assert.deepEqual(shown[0]?.conflict, { revision: 9, title: 'mapped' });
    assert.equal(shown[0]?.form.values.revision, '9');
  });

  it('throws other errors on, other conflicts included', async () => {
    const other = new ConflictError('slug_taken', 'errors.slug_taken');
    await assert.rejects(run(other), (err) => err === other);
    const missing = new NotFoundError();
    await assert.rejects(run(missing), (err) => err === missing);
  });
});

describe('regionSettingsPost', () => {
  const actor: Actor = { id: 'a1', email: 'a@example.test', name: 'A', isAdmin: true, memberships: [] };

  /** A bare app with the one route; `save` decides what the save does, every save and page shown is recorded. */
  async function app(save: (values: FormValues) => Promise<void>, signedIn = true) {
    const saved: { actor: Actor; input: { regionId: string; values: FormValues; requestId: string } }[] = [];
    const shown: { regionId: string; again?: FormAgain<Stored> }[] = [];
    const flashes: Flash[] = [];
    const server = Fastify();
    await server.register(formbody);
    server.decorateRequest('ctx', null as unknown as FastifyRequest['ctx']);
    server.decorateReply('flash', function (this: FastifyReply, flash: Flash) {
      flashes.push(flash);
      return this;
    });
    server.addHook('onRequest', async (request) => {
      request.ctx = { actor: signedIn ? actor : null, session: null } as typeof request.ctx;
    });
    server.post(
      '/admin/regions/:id/things/settings',
      regionSettingsPost<Stored>({
        save: async (a, input) => {
          saved.push({ actor: a, input });
          await save(input.values);
        },
        savedKey: 'things.saved',
        page: (regionId) => `/admin/regions/${regionId}/things/settings`,
        render: async (_request, reply, _actor, regionId, again) => {
          shown.push({ regionId, again });
          return reply.code(again?.status ?? 200).send('page');
        },
      }),
    );
    const post = (body: string) => server.inject({ method: 'POST', url: '/admin/regions/r1/things/settings', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    return { post, saved, shown, flashes };
  }

  it('saves as the signed-in actor with the region from the path, flashes and goes back to the page (303)', async () => {
    const t = await app(async () => {});
    const res = await t.post('limit=3&revision=2&_csrf=x');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/regions/r1/things/settings');
    assert.deepEqual(t.saved.map((s) => [s.actor.id, s.input.regionId, s.input.values]), [['a1', 'r1', { limit: '3', revision: '2' }]]);
    assert.deepEqual(t.flashes, [{ type: 'success', key: 'things.saved' }]);
    assert.deepEqual(t.shown, []);
  });

  it('shows the page again on bad input (422) and on a stale revision (409), nothing flashed', async () => {
    const invalid = await app(async () => {
      throw new ValidationError({ limit: { key: 'validation.too_big', params: { max: 2 } } });
    });
    assert.equal((await invalid.post('limit=3&revision=2')).statusCode, 422);
    assert.deepEqual(invalid.shown, [{ regionId: 'r1', again: { form: { values: { limit: '3', revision: '2' }, errors: { limit: { key: 'validation.too_big', params: { max: 2 } } } }, status: 422 } }]);
    assert.deepEqual(invalid.flashes, []);

    const stale = await app(async () => {
      throw new ConflictError('revision_conflict', 'errors.revision_conflict', { revision: 5, title: 'Theirs' });
    });
    assert.equal((await stale.post('limit=3&revision=2')).statusCode, 409);
    assert.deepEqual(stale.shown[0]?.again, { form: { values: { limit: '3', revision: '5' }, errors: {} }, conflict: { revision: 5, title: 'Theirs' }, status: 409 });
  });

  it('sends people who are not signed in to the login page without saving', async () => {
    const t = await app(async () => {}, false);
    const res = await t.post('limit=3');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/login\?next=/);
    assert.deepEqual(t.saved, []);
  });
});
