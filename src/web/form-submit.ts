import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../platform/auth/permissions.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import { requireActor } from '../platform/http/guards.js';
import { formValues, type FormState, type FormValues } from './components/forms.js';

/** How a form page is shown again after a failed save: the user's values with messages, or with the stored version. */
export type FormAgain<C> = { form: FormState; conflict?: C; status: 409 | 422 };

/**
 * The POST half of an edit form with a revision check (Post/Redirect/Get). `save` stores the values and answers
 * (flash and 303 redirect on success); `showAgain` renders the form page with what it is given. When `save` throws a
 * ValidationError, the form comes back with the user's values and a message at each field (422); on a
 * `revision_conflict` ConflictError it comes back with the user's values, the stored version
 * (`conflictOf(err.current)`) and the current revision, so a deliberate second save goes through (409). Any other error
 * is thrown on. The conflict's type comes from `showAgain`'s parameter (`FormAgain<SettingsConflict>`).
 */
export async function submitRevisedForm<C extends { revision: number }, R>(
  values: FormValues,
  handlers: {
    save: () => Promise<R>;
    showAgain: (again: FormAgain<C>) => R | Promise<R>;
    /** The stored version as the page shows it; by default the error's `current` as it is. */
    conflictOf?: (current: unknown) => C;
  },
): Promise<R> {
  try {
    return await handlers.save();
  } catch (err) {
    if (err instanceof ValidationError) return handlers.showAgain({ form: { values, errors: err.fields }, status: 422 });
    if (!(err instanceof ConflictError) || err.code !== 'revision_conflict') throw err;
    const conflict = handlers.conflictOf ? handlers.conflictOf(err.current) : (err.current as C);
    return handlers.showAgain({ form: { values: { ...values, revision: String(conflict.revision) }, errors: {} }, conflict, status: 409 });
  }
}

const regionParams = z.object({ id: z.string().max(64) });

/** How a region's settings page is rendered (the form's first load, or again after a failed save). */
export type SettingsRender<C> = (request: FastifyRequest, reply: FastifyReply, actor: Actor, regionId: string, again?: FormAgain<C>) => Promise<FastifyReply>;

/**
 * The POST handler of a settings page under /admin/regions/:id (a section of the region's settings with a revision
 * check): the signed-in actor (else the login redirect), then `save`; on success the flash `savedKey` and 303 back to
 * `page(regionId)`; a failed save shows the page again as submitRevisedForm does (422 or 409).
 */
export function regionSettingsPost<C extends { revision: number }>(settings: {
  save: (actor: Actor, input: { regionId: string; values: FormValues; requestId: string }) => Promise<unknown>;
  savedKey: string;
  page: (regionId: string) => string;
  render: SettingsRender<C>;
}): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id: regionId } = regionParams.parse(request.params);
    const values = formValues(request.body);
    return submitRevisedForm(values, {
      save: async () => {
        await settings.save(actor, { regionId, values, requestId: request.id });
        reply.flash({ type: 'success', key: settings.savedKey });
        return reply.redirect(settings.page(regionId), 303);
      },
      showAgain: (again: FormAgain<C>) => settings.render(request, reply, actor, regionId, again),
    });
  };
}
