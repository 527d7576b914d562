import { languageInfo } from '../../../platform/i18n/languages.js';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Checkboxes, ErrorSummary, Form, Select, TextField, type FormState, type FormValues } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { DEEPL_FREE_ENDPOINT, DEEPL_PRO_ENDPOINT } from '../mt/providers.js';
import { BUDGET_MAX, MT_PROVIDERS, type MtOverview, type MtSettingsView } from '../mt/service.js';

/** Form values of stored settings (the key field always starts empty). */
export function mtFormValues(s: MtSettingsView): FormValues {
  return {
    enabled: s.enabled ? '1' : '',
    provider: s.provider,
    endpoint: s.endpoint,
    apiKey: '',
    yearlyWordBudget: String(s.yearlyWordBudget),
    pairs: s.pairs,
    revision: String(s.revision),
  };
}

function LanguageName({ code }: { code: string }) {
  const info = languageInfo(code);
  return (
    <bdi lang={code} dir={info.direction}>
      {info.nativeName}
    </bdi>
  );
}

function formatNumber(lang: string, n: number): string {
  return new Intl.NumberFormat(lang === 'de-x-ls' ? 'de' : lang).format(n);
}

function formatWhen(lang: string, d: Date | null): string {
  if (!d) return '–';
  return new Intl.DateTimeFormat(lang === 'de-x-ls' ? 'de' : lang, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(d);
}

function Usage({ overview }: { overview: MtOverview }) {
  const { t, lang } = usePage();
  const { usage, memoryPairs } = overview;
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section class="mt-section" aria-labelledby="mt-usage-title">
      <h2 id="mt-usage-title">{t('mt.usage_title', { year: usage.year })}</h2>
      <dl class="summary-list mt-usage">
        <dt>{t('mt.usage_budget')}</dt>
        <dd>{usage.budget > 0 ? t('mt.words', { count: usage.budget, formatted: n(usage.budget) }) : t('mt.usage_no_budget')}</dd>
        <dt>{t('mt.usage_used')}</dt>
        <dd>{t('mt.words', { count: usage.wordsUsed, formatted: n(usage.wordsUsed) })}</dd>
        <dt>{t('mt.usage_remaining')}</dt>
        <dd>{t('mt.words', { count: usage.remaining, formatted: n(usage.remaining) })}</dd>
        <dt>{t('mt.usage_saved')}</dt>
        <dd>{t('mt.words', { count: usage.wordsSaved, formatted: n(usage.wordsSaved) })}</dd>
        <dt>{t('mt.usage_memory')}</dt>
        <dd>{t('mt.memory_pairs', { count: memoryPairs, formatted: n(memoryPairs) })}</dd>
      </dl>
      {usage.budget > 0 ? (
        <p>
          <meter min={0} max={usage.budget} value={usage.wordsUsed} aria-label={t('mt.usage_used')} class="mt-meter">
            {t('mt.usage_percent', { percent: Math.round((usage.wordsUsed / usage.budget) * 100) })}
          </meter>
        </p>
      ) : null}
    </section>
  );
}

function SettingsForm(props: { overview: MtOverview; form: FormState; conflict?: MtSettingsView | undefined }) {
  const { t } = usePage();
  const { overview, form } = props;
  const settings = props.conflict ?? overview.settings;
  const enabled = form.values.enabled === '1' || form.values.enabled === 'on';
  const supported = overview.pairs.filter((p) => p.supported);
  const unsupported = overview.pairs.filter((p) => !p.supported);
  const source = overview.region.sourceLanguage;
  const base = `/admin/regions/${overview.region.id}/machine-translation`;
  return (
    <Form action={base} id="mt-settings">
      <ErrorSummary errors={form.errors} />
      <input type="hidden" name="revision" value={String(form.values.revision ?? '0')} />
      <div class={`field${form.errors.enabled ? ' field--error' : ''}`}>
        <div class="checkbox">
          <input type="checkbox" id="f-enabled" name="enabled" value="1" checked={enabled} aria-describedby="h-enabled" />
          <label for="f-enabled">{t('mt.field_enabled')}</label>
        </div>
        <p class="hint" id="h-enabled">
          {t('mt.field_enabled_hint')}
        </p>
      </div>
      <Select
        name="provider"
        label={t('mt.field_provider')}
        form={form}
        required
        options={MT_PROVIDERS.map((p) => ({ value: p, label: t(`mt.provider_${p}`) }))}
      />
      <TextField
        name="endpoint"
        label={t('mt.field_endpoint')}
        hint={t('mt.field_endpoint_hint', { free: DEEPL_FREE_ENDPOINT, pro: DEEPL_PRO_ENDPOINT })}
        form={form}
        type="url"
        dir="ltr"
        autocomplete="off"
        maxLength={300}
      />
      <TextField
        name="apiKey"
        label={t('mt.field_key')}
        hint={settings.hasKey ? t('mt.field_key_hint_stored') : t('mt.field_key_hint_new')}
        form={form}
        type="password"
        dir="ltr"
        autocomplete="off"
        maxLength={500}
      />
      {settings.hasKey ? (
        <div class="field">
          <div class="checkbox">
            <input type="checkbox" id="f-clearKey" name="clearKey" value="1" checked={form.values.clearKey === '1'} />
            <label for="f-clearKey">{t('mt.field_clear_key')}</label>
          </div>
        </div>
      ) : null}
      <TextField
        name="yearlyWordBudget"
        label={t('mt.field_budget')}
        hint={t('mt.field_budget_hint', { max: BUDGET_MAX })}
        form={form}
        required
        inputMode="numeric"
        maxLength={12}
        dir="ltr"
      />
      {supported.length ? (
        <Checkboxes
          name="pairs"
          label={t('mt.field_pairs')}
          hint={t('mt.field_pairs_hint')}
          form={form}
          options={supported.map((p) => ({ value: p.pair, label: `${languageInfo(source).nativeName} → ${languageInfo(p.target).nativeName}`, hint: `(${p.pair})` }))}
        />
      ) : (
        <p>{t('mt.no_pairs')}</p>
      )}
      {unsupported.length ? (
        <p class="hint">
          {t('mt.unsupported_pairs', { languages: unsupported.map((p) => languageInfo(p.target).nativeName).join(', ') })}
        </p>
      ) : null}
      <div class="form-actions">
        <Button>{props.conflict ? t('mt.save_mine') : t('mt.save')}</Button>
      </div>
    </Form>
  );
}

function StoredSettings({ settings }: { settings: MtSettingsView }) {
  const { t } = usePage();
  return (
    <section class="conflict__stored" aria-labelledby="stored-title">
      <h2 id="stored-title">{t('mt.conflict_stored_title')}</h2>
      <dl class="summary-list">
        <dt>{t('mt.field_enabled')}</dt>
        <dd>{settings.enabled ? t('mt.yes') : t('mt.no')}</dd>
        <dt>{t('mt.field_provider')}</dt>
        <dd>{t(`mt.provider_${settings.provider}`)}</dd>
        <dt>{t('mt.field_endpoint')}</dt>
        <dd>
          <bdi>{settings.endpoint || '–'}</bdi>
        </dd>
        <dt>{t('mt.field_key')}</dt>
        <dd>{settings.hasKey ? t('mt.key_stored') : t('mt.key_none')}</dd>
        <dt>{t('mt.field_budget')}</dt>
        <dd>{settings.yearlyWordBudget}</dd>
        <dt>{t('mt.field_pairs')}</dt>
        <dd>{settings.pairs.join(', ') || '–'}</dd>
      </dl>
    </section>
  );
}

function Bulk({ overview }: { overview: MtOverview }) {
  const { t } = usePage();
  const base = `/admin/regions/${overview.region.id}/machine-translation/bulk`;
  return (
    <section class="mt-section" aria-labelledby="mt-bulk-title">
      <h2 id="mt-bulk-title">{t('mt.bulk_title')}</h2>
      {overview.missing.length === 0 ? (
        <p>{t('mt.bulk_off')}</p>
      ) : (
        <>
          <p>{t('mt.bulk_intro')}</p>
          <ul class="mt-bulk">
            {overview.missing.map((m) => (
              <li key={m.language}>
                <Form action={base}>
                  <input type="hidden" name="language" value={m.language} />
                  <p>
                    <LanguageName code={m.language} />: {t('mt.bulk_missing', { count: m.pages })}
                  </p>
                  {m.pages > 0 ? (
                    <Button variant="secondary">{t('mt.bulk_button', { language: languageInfo(m.language).nativeName, count: m.pages })}</Button>
                  ) : null}
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Jobs({ overview }: { overview: MtOverview }) {
  const { t, lang } = usePage();
  if (!overview.jobs.length) return null;
  return (
    <section class="mt-section" aria-labelledby="mt-jobs-title">
      <h2 id="mt-jobs-title">{t('mt.jobs_title')}</h2>
      <div class="table-wrap" role="region" aria-labelledby="mt-jobs-title" tabIndex={0}>
        <table class="table mt-jobs">
          <thead>
            <tr>
              <th scope="col">{t('mt.col_date')}</th>
              <th scope="col">{t('mt.col_page')}</th>
              <th scope="col">{t('mt.col_language')}</th>
              <th scope="col">{t('mt.col_status')}</th>
              <th scope="col">{t('mt.col_message')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.jobs.map((j) => (
              <tr key={j.id}>
                <td>{formatWhen(lang, j.createdAt)}</td>
                <td>{j.pageId ? <a href={`/admin/pages/${j.pageId}/edit?lang=${encodeURIComponent(j.language)}`}>{j.pageTitle ? <bdi>{j.pageTitle}</bdi> : j.pageId}</a> : '–'}</td>
                <td>
                  <LanguageName code={j.language} />
                </td>
                <td>
                  <span class={`mt-status mt-status--${j.status}`}>{t(`mt.status_${j.status}`)}</span>
                </td>
                <td>
                  <bdi lang="en" dir="ltr">
                    {j.lastError ?? ''}
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** /admin/regions/:id/machine-translation: usage, settings, bulk action, recent jobs. */
export function MtSettingsPage(props: { overview: MtOverview; form: FormState; conflict?: MtSettingsView | undefined }) {
  const { t } = usePage();
  const { region } = props.overview;
  const title = t('mt.title');
  const form = <SettingsForm overview={props.overview} form={props.form} conflict={props.conflict} />;
  return (
    <AdminLayout title={title}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('mt.breadcrumb_regions')}</a>
        {' › '}
        <a href={`/admin/regions/${region.id}`}>{region.name}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('mt.intro')}</p>
      <div class="notice notice--info mt-privacy">
        <p>{t('mt.privacy')}</p>
      </div>
      <Usage overview={props.overview} />
      <section class="mt-section" aria-labelledby="mt-settings-title">
        <h2 id="mt-settings-title">{t('mt.settings_title')}</h2>
        {props.conflict ? (
          <>
            <div class="notice notice--error" role="alert">
              <p>{t('errors.revision_conflict')}</p>
              <p>{t('mt.conflict_explain')}</p>
            </div>
            <div class="conflict">
              <section class="conflict__mine" aria-labelledby="mine-title">
                <h3 id="mine-title">{t('mt.conflict_mine_title')}</h3>
                {form}
              </section>
              <StoredSettings settings={props.conflict} />
            </div>
          </>
        ) : (
          form
        )}
      </section>
      <Bulk overview={props.overview} />
      <Jobs overview={props.overview} />
    </AdminLayout>
  );
}
