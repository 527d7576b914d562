import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/permissions.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { negotiateLanguage, translator } from '../../platform/i18n/catalog.js';
import { languageInfo } from '../../platform/i18n/languages.js';
import { formValues, type FormValues } from '../../web/components/forms.js';
import { submitRevisedForm, type FormAgain } from '../../web/form-submit.js';
import { sendPage } from '../../web/render.js';
import { loadHomeSections } from '../../web/home-sections.js';
import type { Db } from '../../db/client.js';
import {
  archiveRegion,
  assertCanCreateRegion,
  createRegion,
  findParent,
  getPublicRegion,
  getRegionForAdmin,
  listLanguages,
  listPublicChildren,
  listPublicRegions,
  listRegions,
  unarchiveRegion,
  updateRegion,
  EDITABLE_FIELDS,
  REGION_KINDS,
  type RegionRow,
} from './service.js';
import { RegionListPage } from './views/admin-list.js';
import { RegionOverviewPage } from './views/admin-overview.js';
import { RegionFormPage, regionFormValues } from './views/admin-form.js';
import { HomePage, LanguageNotAvailablePage, RegionHomePage, RegionTextPage, type RegionTextKind } from './views/public.js';

const idParams = z.object({ id: z.string().max(64) });
const homeQuery = z.object({ q: z.string().max(200).optional().catch(undefined), lang: z.string().max(20).optional().catch(undefined) });

/** Switches the page to a region's content language (UI strings follow: de-x-ls uses German, unknown languages English). */
export function useContentLanguage(request: FastifyRequest, lang: string): void {
  request.ctx.lang = lang;
  request.ctx.dir = languageInfo(lang).direction;
  request.ctx.t = translator(lang);
}

/** Only the editable fields of a submitted region form (never ids, parent or revision). */
function submittedFields(values: FormValues): Record<string, unknown> {
  return Object.fromEntries(EDITABLE_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
}

/** Default values for a new region: below the parent, with the parent's languages and time zone. */
function newRegionDefaults(parent: RegionRow | undefined): FormValues {
  const childKind = parent ? REGION_KINDS[Math.min(REGION_KINDS.indexOf(parent.kind) + 1, REGION_KINDS.length - 1)] : 'county';
  return {
    kind: childKind,
    timezone: parent?.timezone ?? 'Europe/Berlin',
    languages: parent?.languages ?? ['de'],
    sourceLanguage: parent?.sourceLanguage ?? 'de',
  };
}

const regionLangParams = z.object({ region: z.string().max(200), lang: z.string().max(40) });

/**
 * The region and content language of a public page `/{region}/{lang}/…` (switching the page to that language), or
 * null after sending a 404 page listing the region's languages. Unknown region: 404; archived: 410.
 */
export async function loadPublicRegion(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<RegionRow | null> {
  const { region: slug, lang } = regionLangParams.parse(request.params);
  const region = await getPublicRegion(db, slug);
  if (!region.languages.includes(lang)) {
    void sendPage(request, reply, <LanguageNotAvailablePage region={region} requested={lang} />, { status: 404 });
    return null;
  }
  useContentLanguage(request, lang);
  return region;
}

function vary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  reply.header('vary', current ? `${String(current)}, ${header}` : header);
}

export async function regionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  // ---------- admin ----------

  app.get('/admin/regions', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const tree = await listRegions(db, actor);
    return sendPage(request, reply, <RegionListPage tree={tree} canCreateRoot={can(actor, 'region.create_root')} />);
  });

  app.get('/admin/regions/new', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parentId = z.object({ parent: z.string().max(64).optional().catch(undefined) }).parse(request.query).parent ?? null;
    const parent = await assertCanCreateRegion(db, actor, parentId);
    const languages = await listLanguages(db);
    return sendPage(request, reply, <RegionFormPage mode="new" parent={parent} languages={languages} form={{ values: newRegionDefaults(parent), errors: {} }} />);
  });

  app.post('/admin/regions/new', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const values = formValues(request.body);
    const parentId = typeof values.parent === 'string' && values.parent ? values.parent : null;
    try {
      const region = await createRegion(db, actor, { ...submittedFields(values), parentId, requestId: request.id });
      reply.flash({ type: 'success', key: 'regions.created', params: { name: region.name } });
      return reply.redirect(`/admin/regions/${region.id}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const parent = await assertCanCreateRegion(db, actor, parentId);
      const languages = await listLanguages(db);
      return sendPage(request, reply, <RegionFormPage mode="new" parent={parent} languages={languages} form={{ values, errors: err.fields }} />, { status: 422 });
    }
  });

  app.get('/admin/regions/:id', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { region, parent, children, path } = await getRegionForAdmin(db, actor, id);
    const permissions = {
      canEdit: can(actor, 'region.update', path),
      canArchive: can(actor, 'region.archive', path),
      canCreateChild: can(actor, 'region.create_child', path),
      canManageTokens: can(actor, 'api_token.manage', path),
      canReadGuide: can(actor, 'page.read_admin', path),
      canReadFeedback: can(actor, 'feedback.read', path),
      canExchangeXliff: can(actor, 'translation.edit', path),
      canManageMt: can(actor, 'mt.manage', path),
      canEditDirectory: can(actor, 'directory.edit', path) || can(actor, 'directory.edit_own', path),
      canEditEvents: can(actor, 'event.edit', path),
      canTranslateEvents: can(actor, 'translation.edit', path) && region.languages.length > 1,
      canManagePool: can(actor, 'pool.manage', path),
    };
    return sendPage(request, reply, <RegionOverviewPage region={region} parent={parent} children={children} can={permissions} />);
  });

  app.get('/admin/regions/:id/edit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const { region } = await getRegionForAdmin(db, actor, id, 'region.update');
    const languages = await listLanguages(db);
    return sendPage(request, reply, <RegionFormPage mode="edit" region={region} languages={languages} form={{ values: regionFormValues(region), errors: {} }} />);
  });

  app.post('/admin/regions/:id/edit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { id } = idParams.parse(request.params);
    const values = formValues(request.body);
    // Unchecking every language sends no `languages` field at all; that is an empty choice, not "keep".
    const fields = { languages: [], ...submittedFields(values) };
    return submitRevisedForm(values, {
      save: async () => {
        const region = await updateRegion(db, actor, { ...fields, id, revision: values.revision, requestId: request.id });
        reply.flash({ type: 'success', key: 'regions.saved', params: { name: region.name } });
        return reply.redirect(`/admin/regions/${region.id}`, 303);
      },
      // After a conflict the page shows the stored region; after bad input the region as it is now.
      showAgain: async (again: FormAgain<RegionRow>) => {
        const region = again.conflict ?? (await getRegionForAdmin(db, actor, id, 'region.update')).region;
        const languages = await listLanguages(db);
        return sendPage(request, reply, <RegionFormPage mode="edit" region={region} languages={languages} form={again.form} conflict={again.conflict} />, { status: again.status });
      },
    });
  });

  for (const [action, run, done] of [
    ['archive', archiveRegion, 'regions.archived'],
    ['unarchive', unarchiveRegion, 'regions.unarchived'],
  ] as const) {
    app.post(`/admin/regions/:id/${action}`, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const { id } = idParams.parse(request.params);
      try {
        const region = await run(db, actor, { id, requestId: request.id });
        reply.flash({ type: 'success', key: done, params: { name: region.name } });
      } catch (err) {
        // A refused archive (active children, archived parent) is explained on the overview; nothing changed.
        if (!(err instanceof AppError) || err.status !== 409) throw err;
        reply.flash({ type: 'error', key: err.messageKey });
      }
      return reply.redirect(`/admin/regions/${id}`, 303);
    });
  }

  // ---------- public ----------

  app.get('/', { config: { publicCache: true }, onSend: async (_request, reply) => vary(reply, 'Accept-Language') }, async (request, reply) => {
    const query = homeQuery.parse(request.query);
    const q = (query.q ?? '').trim();
    const { tree, matches } = await listPublicRegions(db, { q });
    const langParam = query.lang && query.lang === request.ctx.lang ? query.lang : undefined;
    return sendPage(request, reply, <HomePage tree={tree} matches={matches} q={q} langParam={langParam} />, { cache: 'public' });
  });

  const toRegion = async (request: FastifyRequest, reply: FastifyReply) => {
    const { region: slug } = z.object({ region: z.string().max(200) }).parse(request.params);
    const region = await getPublicRegion(db, slug);
    const lang = negotiateLanguage(request.headers['accept-language'], region.languages, region.sourceLanguage);
    vary(reply, 'Accept-Language');
    reply.header('cache-control', 'private, max-age=0');
    return reply.redirect(`/${region.slug}/${lang}/`, 303);
  };
  app.get('/:region', toRegion);
  app.get('/:region/', toRegion);

  const loadPublic = (request: FastifyRequest, reply: FastifyReply) => loadPublicRegion(db, request, reply);

  app.get('/:region/:lang', async (request, reply) => {
    const region = await loadPublic(request, reply);
    if (!region) return reply;
    return reply.redirect(`/${region.slug}/${request.ctx.lang}/`, 301);
  });

  app.get('/:region/:lang/', { config: { publicCache: true } }, async (request, reply) => {
    const region = await loadPublic(request, reply);
    if (!region) return reply;
    const [parent, children, sections] = await Promise.all([
      findParent(db, region),
      listPublicChildren(db, region.id),
      loadHomeSections({ db, region, lang: request.ctx.lang }, (err, id) => request.log.error({ err, section: id }, 'home section failed')),
    ]);
    return sendPage(request, reply, <RegionHomePage region={region} parent={parent} children={children} sections={sections} />, { cache: 'public' });
  });

  const texts: Record<RegionTextKind, (r: RegionRow) => string> = {
    contact: (r) => r.contact,
    imprint: (r) => r.imprint,
    privacy: (r) => r.privacy,
    accessibility: (r) => r.accessibilityStatement,
  };
  for (const [kind, pick] of Object.entries(texts) as [RegionTextKind, (r: RegionRow) => string][]) {
    app.get(`/:region/:lang/${kind}`, { config: { publicCache: true } }, async (request, reply) => {
      const region = await loadPublic(request, reply);
      if (!region) return reply;
      return sendPage(request, reply, <RegionTextPage region={region} kind={kind} text={pick(region)} />, { cache: 'public' });
    });
  }

}
