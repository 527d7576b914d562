/**
 * Translations of an event's title and description, with the same outdated tracking as guide pages: a translation
 * names the source's major revision it was made from (`source_revision`); once the source has a newer major revision
 * it is outdated. A person saving clears the machine flag. Translators may translate (`translation.edit`), limited to
 * their languages where their membership names some.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, can, translatorLanguages, type Actor } from '../../platform/auth/permissions.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';
import { findEventTranslation, listEventsForTranslation, listTranslationsOfEvents, type EventTranslationRow } from './admin-queries.js';
import { HTML_MAX, TITLE_MAX } from './model.js';
import { eventTranslations } from './schema.js';
import { findEventOrThrow, type EventRow } from './service.js';

/** Where a language stands for an event (the guide's states, so the same labels apply). */
export type EventTranslationState = 'up_to_date' | 'outdated' | 'missing' | 'machine';

export function eventTranslationState(event: Pick<EventRow, 'majorRevision'>, translation: Pick<EventTranslationRow, 'sourceRevision' | 'machineProvider'> | undefined): EventTranslationState {
  if (!translation) return 'missing';
  if (translation.sourceRevision < event.majorRevision) return 'outdated';
  if (translation.machineProvider) return 'machine';
  return 'up_to_date';
}

/** The languages an event is translated into: the region's content languages but the source language. */
export function targetLanguages(region: Pick<RegionRow, 'languages' | 'sourceLanguage'>): string[] {
  return region.languages.filter((l) => l !== region.sourceLanguage);
}

/** Per event, per target language: its state. */
export async function eventTranslationStates(db: Db, region: RegionRow, list: readonly Pick<EventRow, 'id' | 'majorRevision'>[]): Promise<Map<string, Record<string, EventTranslationState>>> {
  const rows = await listTranslationsOfEvents(
    db,
    region.id,
    list.map((e) => e.id),
  );
  const out = new Map<string, Record<string, EventTranslationState>>();
  for (const e of list) {
    const states: Record<string, EventTranslationState> = {};
    for (const lang of targetLanguages(region)) states[lang] = eventTranslationState(e, rows.find((r) => r.eventId === e.id && r.language === lang));
    out.set(e.id, states);
  }
  return out;
}

/** The region, checked for `translation.edit`; `languages` are those the actor may translate into. */
async function openTranslations(db: Db, actor: Actor, regionId: string): Promise<{ region: RegionRow; path: string[]; languages: string[]; canEdit: boolean }> {
  const found = await findRegionWithPath(db, regionId);
  if (!found) throw new NotFoundError('region_not_found');
  assertCan(actor, 'translation.edit', found.path);
  const allowed = translatorLanguages(actor, found.path);
  const languages = targetLanguages(found.region).filter((l) => !allowed || allowed.includes(l));
  return { ...found, languages, canEdit: can(actor, 'event.edit', found.path) };
}

export type TranslationOverview = { region: RegionRow; languages: string[]; canEdit: boolean; events: EventRow[]; states: Map<string, Record<string, EventTranslationState>> };

/** The events of a region with their translation states, for translators (and editors). */
export async function getTranslationOverview(db: Db, actor: Actor, regionId: string): Promise<TranslationOverview> {
  const ctx = await openTranslations(db, actor, regionId);
  const list = await listEventsForTranslation(db, ctx.region.id);
  return { region: ctx.region, languages: ctx.languages, canEdit: ctx.canEdit, events: list, states: await eventTranslationStates(db, ctx.region, list) };
}

export type TranslationForm = {
  region: RegionRow;
  event: EventRow;
  language: string;
  translation: EventTranslationRow | undefined;
  state: EventTranslationState;
  /** Every target language's state (the language tabs). */
  states: Record<string, EventTranslationState>;
  /** The languages the actor may translate into. */
  languages: string[];
  canEdit: boolean;
};

/** One event in one language for the side-by-side form; 404 for a language the region does not translate into. */
export async function getEventTranslation(db: Db, actor: Actor, input: { regionId: string; eventId: string; language: string }): Promise<TranslationForm> {
  const ctx = await openTranslations(db, actor, input.regionId);
  const event = await findEventOrThrow(db, ctx.region.id, input.eventId);
  if (!targetLanguages(ctx.region).includes(input.language)) throw new NotFoundError('language_not_found');
  if (!ctx.languages.includes(input.language)) throw new ForbiddenError();
  const translation = await findEventTranslation(db, event.id, input.language);
  const states = (await eventTranslationStates(db, ctx.region, [event])).get(event.id) ?? {};
  return { region: ctx.region, event, language: input.language, translation, state: eventTranslationState(event, translation), states, languages: ctx.languages, canEdit: ctx.canEdit };
}

export type SaveTranslationInput = {
  regionId: string;
  eventId: string;
  language: string;
  title: string;
  descriptionHtml: string;
  /**
   * The source's major revision the translator had in front of them (the form sends it). A translation made from an
   * older source stays outdated; absent or newer than the source: the source's current major revision.
   */
  sourceRevision?: number | undefined;
  requestId?: string | null;
};

/** Saves the title and description of one language (a person's text: no longer machine output). Audited. */
export async function saveEventTranslation(db: Db, actor: Actor, input: SaveTranslationInput): Promise<EventTranslationRow> {
  const form = await getEventTranslation(db, actor, input);
  const title = input.title.trim();
  const errors: FieldErrors = {};
  if (!title) errors.title = { key: 'validation.required' };
  else if (title.length > TITLE_MAX) errors.title = { key: 'validation.too_long', params: { max: TITLE_MAX } };
  if (input.descriptionHtml.length > HTML_MAX) errors.descriptionHtml = { key: 'validation.too_long', params: { max: HTML_MAX } };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const descriptionHtml = sanitizeRichText(input.descriptionHtml);
  const major = form.event.majorRevision;
  const sourceRevision = input.sourceRevision !== undefined && Number.isInteger(input.sourceRevision) && input.sourceRevision >= 1 && input.sourceRevision < major ? input.sourceRevision : major;
  return db.transaction(async (tx) => {
    const before = await findEventTranslation(tx, form.event.id, input.language);
    const values = { title, descriptionHtml, sourceRevision, machineProvider: null, updatedBy: actor.id, updatedAt: new Date() };
    const [row] = before
      ? await tx
          .update(eventTranslations)
          .set(values)
          .where(and(eq(eventTranslations.id, before.id), eq(eventTranslations.regionId, form.region.id)))
          .returning()
      : await tx
          .insert(eventTranslations)
          .values({ regionId: form.region.id, eventId: form.event.id, language: input.language, ...values })
          .returning();
    if (!row) throw new Error('translation write returned nothing');
    await recordAudit(tx, actor, {
      regionId: form.region.id,
      action: 'event.translation_save',
      entityType: 'event',
      entityId: form.event.id,
      before: before ? { language: before.language, title: before.title, descriptionHtml: before.descriptionHtml, sourceRevision: before.sourceRevision, machineProvider: before.machineProvider } : null,
      after: { language: input.language, title, descriptionHtml, sourceRevision, machineProvider: null },
      requestId: input.requestId ?? null,
    });
    return row;
  });
}
