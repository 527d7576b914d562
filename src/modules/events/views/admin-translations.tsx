import { languageInfo } from '../../../platform/i18n/languages.js';
import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { Button, ErrorSummary, Form, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { LanguageName, StateLabel, EditorScript } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import type { EventRow } from '../service.js';
import type { EventTranslationRow } from '../admin-queries.js';
import type { EventTranslationState } from '../translations.js';
import { DescriptionField } from './admin-form.js';
import { eventHref, EventsLayout, EventTabs, StatusBadge, translationHref, TranslationStates, type LayoutAccess } from './admin-parts.js';

/** /admin/regions/:id/events/translations — every event with its state per language (the translators' start page). */
export function TranslationOverviewPage(props: { region: RegionRow; access: LayoutAccess; languages: string[]; events: EventRow[]; states: Map<string, Record<string, EventTranslationState>> }) {
  const { t } = usePage();
  const title = t('events-admin.translations_title');
  return (
    <EventsLayout region={props.region} access={props.access} title={title}>
      <h1>{title}</h1>
      <p>{t('events-admin.translations_intro')}</p>
      {props.events.length && props.languages.length ? (
        <TableWrap label={title}>
          <table class="ev-table">
            <thead>
              <tr>
                <th scope="col">{t('events-admin.col_title')}</th>
                <th scope="col">{t('events-admin.col_status')}</th>
                <th scope="col">{t('events-admin.col_translations')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => {
                const states = Object.fromEntries(Object.entries(props.states.get(e.id) ?? {}).filter(([l]) => props.languages.includes(l)));
                return (
                  <tr key={e.id}>
                    <th scope="row">{props.access.canEdit ? <a href={eventHref(props.region.id, e.id)}>{e.title}</a> : e.title}</th>
                    <td>
                      <StatusBadge status={e.status} />
                    </td>
                    <td>
                      <TranslationStates region={props.region} eventId={e.id} states={states} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('events-admin.translations_none')}</p>
      )}
    </EventsLayout>
  );
}

/** /admin/regions/:id/events/:eid/translations/:lang — source left, the language's text right. */
export function TranslationPage(props: {
  region: RegionRow;
  access: LayoutAccess;
  event: EventRow;
  language: string;
  languages: string[];
  translation: EventTranslationRow | undefined;
  state: EventTranslationState;
  states: Record<string, EventTranslationState>;
  form: FormState;
}) {
  const { t } = usePage();
  const { region, event, language, form } = props;
  const source = region.sourceLanguage;
  const sourceDir = languageInfo(source).direction;
  const target = languageInfo(language);
  const title = t('events-admin.translate_title', { title: event.title, language: target.nativeName });
  return (
    <EventsLayout region={region} access={props.access} title={title} head={<EditorScript />}>
      <h1>{title}</h1>
      {props.access.canEdit ? <EventTabs region={region} event={event} languages={props.languages} current="translations" /> : null}
      <nav aria-label={t('events-admin.languages_nav')}>
        <ul class="ev-lang-states">
          {Object.entries(props.states)
            .filter(([l]) => props.languages.includes(l))
            .map(([l, state]) => (
              <li key={l}>
                <StateLabel language={l} state={state} href={translationHref(region.id, event.id, l)} current={l === language} />
              </li>
            ))}
        </ul>
      </nav>
      <p>
        {t('events-admin.translation_state')} <StateLabel language={language} state={props.state} />
      </p>
      {props.state === 'outdated' && props.translation ? <p class="notice notice--warning">{t('events-admin.translation_outdated', { from: props.translation.sourceRevision, to: event.majorRevision })}</p> : null}
      {props.state === 'machine' ? <p class="notice notice--info">{t('events-admin.translation_machine')}</p> : null}
      <div class="translate-side">
        <section class="translate-side__source" aria-labelledby="source-title">
          <h2 id="source-title">
            {t('events-admin.source_text')} <LanguageName code={source} />
          </h2>
          <p lang={source} dir={sourceDir}>
            <strong>{event.title}</strong>
          </p>
          <SanitizedHtml html={trustStoredHtml(event.descriptionHtml)} class="rich-text" lang={source} dir={sourceDir} />
        </section>
        <section class="translate-side__target" aria-labelledby="target-title">
          <h2 id="target-title">
            {t('events-admin.target_text')} <LanguageName code={language} />
          </h2>
          <ErrorSummary errors={form.errors} />
          <Form action={translationHref(region.id, event.id, language)}>
            <input type="hidden" name="sourceRevision" value={valueOf(form, 'sourceRevision')} />
            <TextField name="title" label={t('events-admin.field_title')} form={form} required maxLength={200} dir={target.direction} />
            <DescriptionField form={form} language={language} regionId={region.id} label={t('events-admin.field_descriptionHtml')} hint={t('events-admin.description_hint')} />
            <div class="form-actions">
              <Button>{t('events-admin.translation_save')}</Button>
            </div>
          </Form>
        </section>
      </div>
    </EventsLayout>
  );
}
