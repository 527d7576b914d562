import type { ComponentChildren } from 'preact';
import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, describedBy, ErrorSummary, FieldError, FieldShell, Form, RichTextField, Select, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { EditorData } from '../admin-service.js';
import type { EmbedChoice } from '../embeds.js';
import { GuideIcon, ICON_NAMES } from '../icons.js';
import { PAGE_STATUSES, SLUG_MAX, TITLE_MAX, translationState, type PageRow, type RevisionRow, type TranslationRow } from '../service.js';
import { editorHref, GuideBreadcrumbs, LanguageName, StateLabel, StatusBadge, When } from './admin-parts.js';
import { RevisionDiff } from './admin-diff.js';
import { EditorLabels, EditorScript } from './editor-labels.js';
import { ReadabilityHint } from './readability-hint.js';

/** The placeholder of a live list of services, as people without JavaScript type it (see guide/embeds.ts). */
export const EMBED_EXAMPLE = '<div data-embed="services" data-category="sports-clubs"></div>';

/**
 * The page text as HTML in a textarea; the rich-editor island (Tiptap) enhances it. Without JavaScript people edit
 * the HTML directly; it is sanitised on save. A second hint shows how to write a live list of services; the island
 * hides it (its toolbar inserts them). `embeds` is what the island's toolbar offers to embed.
 */
export function ContentField(props: { form: FormState; language: string; regionId: string; embeds?: readonly EmbedChoice[] | undefined }) {
  const { t } = usePage();
  const embedHintId = 'h-contentHtml-embed';
  return (
    <RichTextField
      name="contentHtml"
      label={t('guide.field_content')}
      hint={t('guide.field_content_hint')}
      form={props.form}
      language={props.language}
      rows={18}
      config={<EditorLabels language={props.language} regionId={props.regionId} embeds={props.embeds} />}
      describedBy={embedHintId}
    >
      <p class="hint" id={embedHintId} data-js-editor-html-hint>
        {t('guide.field_content_embed_hint')}{' '}
        <code dir="ltr" lang="en">
          {EMBED_EXAMPLE}
        </code>
      </p>
    </RichTextField>
  );
}

function DateTimeField(props: { name: string; label: string; form: FormState; hint: string }) {
  return (
    <FieldShell name={props.name} label={props.label} form={props.form} hint={props.hint}>
      <input
        type="datetime-local"
        id={`f-${props.name}`}
        name={props.name}
        value={valueOf(props.form, props.name)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

function IconChoice(props: { form: FormState }) {
  const { t } = usePage();
  const current = valueOf(props.form, 'icon');
  const error = props.form.errors.icon;
  return (
    <fieldset class={`field icon-choice${error ? ' field--error' : ''}`} id="f-icon">
      <legend>
        {t('guide.field_icon')} <span class="optional">{t('common.optional')}</span>
      </legend>
      <FieldError error={error} />
      <div class="icon-choice__options">
        <div class="icon-choice__option">
          <input type="radio" id="f-icon-none" name="icon" value="" checked={current === ''} />
          <label for="f-icon-none">{t('guide.icon_none')}</label>
        </div>
        {ICON_NAMES.map((name) => (
          <div class="icon-choice__option" key={name}>
            <input type="radio" id={`f-icon-${name}`} name="icon" value={name} checked={current === name} />
            <label for={`f-icon-${name}`}>
              <GuideIcon name={name} /> {t(`guide.icon_${name}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The page's own settings: status, visibility window (region time zone), icon, image. */
function SettingsForm(props: { data: EditorData; form: FormState; conflict?: PageRow | undefined }) {
  const { t } = usePage();
  const { data, form } = props;
  const tz = data.region.timezone;
  const imageOptions = [{ value: '', label: t('guide.image_none') }, ...data.images.map((m) => ({ value: m.id, label: m.alt ? `${m.alt} (${m.filename})` : m.filename }))];
  return (
    <section class="page-settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('guide.settings_title')}</h2>
      {props.conflict ? (
        <div class="notice notice--error" role="alert">
          <p>{t('guide.settings_conflict')}</p>
          <p>
            {t('guide.settings_conflict_stored')} <StatusBadge status={props.conflict.status} />
            {props.conflict.publishFrom ? (
              <>
                {' '}
                {t('guide.window_from')} <When at={props.conflict.publishFrom} timeZone={tz} />
              </>
            ) : null}
            {props.conflict.publishUntil ? (
              <>
                {' '}
                {t('guide.window_until')} <When at={props.conflict.publishUntil} timeZone={tz} />
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      <Form action={`/admin/pages/${data.page.id}/settings`}>
        <ErrorSummary errors={form.errors} />
        <input type="hidden" name="revision" value={valueOf(form, 'revision')} />
        <input type="hidden" name="lang" value={data.language} />
        <Select
          name="status"
          label={t('guide.field_status')}
          hint={data.canPublish ? t('guide.field_status_hint') : t('guide.field_status_hint_no_publish')}
          form={form}
          required
          options={PAGE_STATUSES.map((s) => ({ value: s, label: t(`guide.status_${s}`) }))}
        />
        <DateTimeField name="publishFrom" label={t('guide.field_publish_from')} hint={t('guide.field_window_hint', { timezone: tz })} form={form} />
        <DateTimeField name="publishUntil" label={t('guide.field_publish_until')} hint={t('guide.field_window_hint', { timezone: tz })} form={form} />
        <IconChoice form={form} />
        <Select name="imageId" label={t('guide.field_image')} hint={t('guide.field_image_hint')} form={form} options={imageOptions} />
        <p class="hint">
          <a href={`/admin/regions/${data.region.id}/media`}>{t('guide.media_library')}</a>
        </p>
        <div class="form-actions">
          <Button variant="secondary">{t('guide.settings_save')}</Button>
        </div>
      </Form>
    </section>
  );
}

export type TextConflictView = { latest: RevisionRow; authorName: string | null; mineHtml: string };

/** The other person's saved version, beside the user's form. */
function StoredText(props: { conflict: TextConflictView; data: EditorData }) {
  const { t } = usePage();
  const { latest } = props.conflict;
  const info = languageInfo(props.data.language);
  return (
    <section class="conflict__stored" aria-labelledby="stored-title">
      <h2 id="stored-title">{t('guide.conflict_stored_title', { number: latest.number })}</h2>
      <p class="meta">
        {t('guide.conflict_stored_by', { author: props.conflict.authorName ?? t('guide.author_unknown') })} <When at={latest.createdAt} timeZone={props.data.region.timezone} />
        {latest.isDraft ? (
          <>
            {' '}
            <span class="badge">{t('guide.badge_draft')}</span>
          </>
        ) : null}
      </p>
      <dl class="summary-list">
        <dt>{t('guide.field_title')}</dt>
        <dd lang={props.data.language} dir={info.direction}>
          {latest.title}
        </dd>
        <dt>{t('guide.field_slug')}</dt>
        <dd>
          <code>{latest.slug}</code>
        </dd>
      </dl>
      <SanitizedHtml html={trustStoredHtml(latest.contentHtml)} class="stored-text rich-text" lang={props.data.language} dir={info.direction} />
    </section>
  );
}

/**
 * The source column of the side-by-side translation view: the current source text; when the translation is outdated,
 * with what changed since the source revision it was made from marked word by word.
 */
function SourceColumn(props: { data: EditorData; source: TranslationRow }) {
  const { t } = usePage();
  const { data, source } = props;
  const lang = data.region.sourceLanguage;
  const dir = languageInfo(lang).direction;
  return (
    <section class="translate-side__source" aria-labelledby="source-title">
      <h2 id="source-title">
        {t('guide.side_source', { revision: source.revision })} <LanguageName code={lang} />
      </h2>
      {data.sourceChange ? (
        <>
          <p class="hint">{t('guide.side_changes_legend', { from: data.sourceChange.fromRevision, to: source.revision })}</p>
          <RevisionDiff before={data.sourceChange.before} after={data.sourceChange.after} beforeTitle={data.sourceChange.beforeTitle} afterTitle={source.title} context={100_000} lang={lang} dir={dir} />
        </>
      ) : (
        <>
          <p class="source-text__title" lang={lang} dir={dir}>
            <strong>{source.title}</strong>
          </p>
          <SanitizedHtml html={trustStoredHtml(source.contentHtml)} class="rich-text" lang={lang} dir={dir} />
        </>
      )}
    </section>
  );
}

function LanguageTabs(props: { data: EditorData }) {
  const { t } = usePage();
  const { data } = props;
  return (
    <nav class="lang-tabs" aria-label={t('guide.languages_of', { title: data.source?.title ?? '' })}>
      <ul>
        {data.region.languages.map((code) => (
          <li key={code}>
            <StateLabel
              language={code}
              state={translationState(
                data.source,
                data.translations.find((tr) => tr.language === code),
              )}
              href={editorHref(data.page.id, code)}
              current={code === data.language}
            />
            {code === data.region.sourceLanguage ? <span class="meta"> ({t('guide.source_marker')})</span> : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /admin/pages/:id/edit?lang= — the text of one language, the page settings, and a conflict when one happened. */
export function EditorPage(props: {
  data: EditorData;
  textForm: FormState;
  settingsForm: FormState;
  conflict?: TextConflictView | undefined;
  settingsConflict?: PageRow | undefined;
  /** A refusal that belongs to no field (e.g. the source text is missing). */
  textError?: string | undefined;
  /** Panels other modules add above the text form (see addEditorExtension). */
  extras?: ComponentChildren;
  /** Live content the editor's toolbar offers (guide/embeds.ts listEmbedChoices). */
  embeds?: readonly EmbedChoice[] | undefined;
}) {
  const { t } = usePage();
  const { data, textForm } = props;
  const info = languageInfo(data.language);
  const title = data.source?.title || data.text.title || t('guide.untitled');
  const heading = t('guide.edit_title', { title });
  const isTranslation = !data.isSource;
  const sideBySide = isTranslation && data.canEditText && !props.conflict && Boolean(data.source && data.source.revision > 0);
  const form = (
    <Form action={`/admin/pages/${data.page.id}/edit?lang=${encodeURIComponent(data.language)}`} id="text-form">
      <ErrorSummary errors={textForm.errors} />
      <input type="hidden" name="language" value={data.language} />
      <input type="hidden" name="baseRevision" value={valueOf(textForm, 'baseRevision')} />
      <TextField name="title" label={t('guide.field_title')} form={textForm} required maxLength={TITLE_MAX} dir={info.direction} />
      <TextField name="slug" label={t('guide.field_slug')} hint={t('guide.field_slug_hint')} form={textForm} maxLength={SLUG_MAX} autocomplete="off" />
      <ContentField form={textForm} language={data.language} regionId={data.region.id} embeds={props.embeds} />
      <ReadabilityHint html={valueOf(textForm, 'contentHtml')} language={data.language} />
      {data.isSource && (data.source?.majorRevision ?? 0) > 0 ? (
        <div class="checkbox minor-change">
          <input type="checkbox" id="f-minor" name="minor" value="1" checked={valueOf(textForm, 'minor') === '1'} aria-describedby="h-minor" />
          <label for="f-minor">
            {t('guide.field_minor')}
            <span class="hint" id="h-minor">
              {t('guide.field_minor_hint')}
            </span>
          </label>
        </div>
      ) : null}
      <div class="form-actions">
        <Button name="intent" value="save">
          {props.conflict ? t('guide.save_mine') : t('guide.save')}
        </Button>{' '}
        <Button variant="secondary" name="intent" value="draft">
          {t('guide.save_draft')}
        </Button>
      </div>
    </Form>
  );
  return (
    <AdminLayout title={heading} head={data.canEditText ? <EditorScript /> : undefined}>
      <GuideBreadcrumbs region={data.region} />
      <h1>
        {data.page.icon ? (
          <>
            <GuideIcon name={data.page.icon} />{' '}
          </>
        ) : null}
        {heading}
      </h1>
      <p class="meta">
        <StatusBadge status={data.page.status} /> · {t('guide.editing_language')} <LanguageName code={data.language} />
        {data.isSource ? <> ({t('guide.source_marker')})</> : null}
      </p>
      <LanguageTabs data={data} />
      <ul class="inline-list editor-actions">
        <li>
          <a href={`/admin/pages/${data.page.id}/history?lang=${encodeURIComponent(data.language)}`}>{t('guide.history')}</a>
        </li>
        {data.canEditPage ? (
          <>
            <li>
              <a href={`/admin/pages/${data.page.id}/move`}>{t('guide.move_to')}</a>
            </li>
            <li>
              <a href={`/admin/regions/${data.region.id}/pages/new?parent=${data.page.id}`}>{t('guide.new_child')}</a>
            </li>
            <li>
              <a href={`/admin/pages/${data.page.id}/delete`}>{t('guide.delete')}</a>
            </li>
          </>
        ) : null}
      </ul>

      {props.textError ? (
        <div class="notice notice--error" role="alert">
          <p>{t(props.textError)}</p>
        </div>
      ) : null}
      {data.text.draftNumber && !props.conflict ? (
        <div class="notice notice--info">
          <p>{t('guide.editing_draft', { draft: data.text.draftNumber, current: data.current?.revision ?? 0 })}</p>
        </div>
      ) : null}
      {data.current?.machineProvider ? (
        <div class="notice notice--warning">
          <p>{t('guide.machine_notice', { provider: data.current.machineProvider })}</p>
        </div>
      ) : null}
      {isTranslation && data.sourceChange && !sideBySide ? (
        <details class="source-change" open>
          <summary>{t('guide.source_changed', { from: data.sourceChange.fromRevision, to: data.source?.revision ?? 0 })}</summary>
          <RevisionDiff before={data.sourceChange.before} after={data.sourceChange.after} lang={data.region.sourceLanguage} dir={languageInfo(data.region.sourceLanguage).direction} />
        </details>
      ) : null}
      {isTranslation && data.source && data.source.revision > 0 && !sideBySide ? (
        <details class="source-text">
          <summary>{t('guide.source_text', { language: data.region.sourceLanguage.toUpperCase() })}</summary>
          <h2 class="source-text__title" lang={data.region.sourceLanguage}>
            {data.source.title}
          </h2>
          <SanitizedHtml html={trustStoredHtml(data.source.contentHtml)} class="rich-text" lang={data.region.sourceLanguage} dir={languageInfo(data.region.sourceLanguage).direction} />
        </details>
      ) : null}

      {!data.canEditText ? (
        <>
          <div class="notice notice--info">
            <p>{t(data.isSource ? 'guide.read_only_source' : 'guide.read_only')}</p>
          </div>
          {data.current && data.current.revision > 0 ? (
            <section aria-labelledby="current-title">
              <h2 id="current-title" lang={data.language} dir={info.direction}>
                {data.current.title}
              </h2>
              <SanitizedHtml html={trustStoredHtml(data.current.contentHtml)} class="rich-text" lang={data.language} dir={info.direction} />
            </section>
          ) : (
            <p>{t('guide.no_text_yet')}</p>
          )}
        </>
      ) : !data.isSource && (!data.source || data.source.revision === 0) ? (
        <div class="notice notice--warning">
          <p>{t('guide.error_source_missing')}</p>
          <p>
            <a href={editorHref(data.page.id, data.region.sourceLanguage)}>{t('guide.to_source')}</a>
          </p>
        </div>
      ) : props.conflict ? (
        <>
          <div class="notice notice--error" role="alert">
            <p>{t('errors.revision_conflict')}</p>
            <p>{t('guide.conflict_explain')}</p>
          </div>
          <div class="conflict">
            <section class="conflict__mine" aria-labelledby="mine-title">
              <h2 id="mine-title">{t('guide.conflict_mine_title')}</h2>
              {form}
            </section>
            <StoredText conflict={props.conflict} data={data} />
          </div>
          <section class="conflict__diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{t('guide.conflict_diff_title')}</h2>
            <p class="hint">{t('guide.conflict_diff_hint')}</p>
            <RevisionDiff
              before={props.conflict.latest.contentHtml}
              after={props.conflict.mineHtml}
              beforeTitle={props.conflict.latest.title}
              afterTitle={valueOf(textForm, 'title')}
              lang={data.language}
              dir={info.direction}
            />
          </section>
        </>
      ) : sideBySide && data.source ? (
        <div class="translate-side">
          <SourceColumn data={data} source={data.source} />
          <section class="translate-side__target" aria-labelledby="target-title">
            <h2 id="target-title">
              {t('guide.side_target')} <LanguageName code={data.language} />
            </h2>
            {props.extras}
            {form}
          </section>
        </div>
      ) : (
        <>
          {props.extras}
          {form}
        </>
      )}

      {data.canEditPage ? <SettingsForm data={data} form={props.settingsForm} conflict={props.settingsConflict} /> : null}
    </AdminLayout>
  );
}
