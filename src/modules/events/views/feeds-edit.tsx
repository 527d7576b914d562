import { Button, Checkboxes, ErrorSummary, Form, Select, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { FeedRow } from '../feed-service.js';
import type { FeedReport, ReportLine } from '../import.js';
import { EVENT_CATEGORIES } from '../schema.js';
import { FeedsLayout, RunStatus, feedHref, feedsBase, formatMoment } from './feeds-parts.js';

type T = ReturnType<typeof usePage>['t'];

/** "Publish at once" or "keep as drafts": two radios in a fieldset, with the error at the group. */
function PublishChoice(props: { form: FormState }) {
  const { t } = usePage();
  const current = valueOf(props.form, 'publish');
  const error = props.form.errors.publish;
  const options = [
    { value: 'draft', label: t('events-feeds.publish_draft'), hint: t('events-feeds.publish_draft_hint') },
    { value: 'publish', label: t('events-feeds.publish_publish'), hint: t('events-feeds.publish_publish_hint') },
  ];
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} id="f-publish" aria-describedby={error ? 'e-publish' : undefined}>
      <legend>{t('events-feeds.field_publish')}</legend>
      {error ? (
        <p class="field-error" id="e-publish">
          <span class="visually-hidden">{t('common.error_prefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <div class="checkboxes">
        {options.map((o) => (
          <div class="checkbox" key={o.value}>
            <input type="radio" id={`f-publish-${o.value}`} name="publish" value={o.value} checked={current === o.value} />
            <label for={`f-publish-${o.value}`}>
              {o.label}
              <span class="hint"> {o.hint}</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The values someone else saved meanwhile, next to the notice that this save did not go through. */
function ConflictNotice(props: { current: FeedRow }) {
  const { t } = usePage();
  const c = props.current;
  return (
    <div class="notice notice--error" role="alert">
      <p>
        <strong>{t('events-feeds.conflict_title')}</strong>
      </p>
      <p>{t('events-feeds.conflict_text')}</p>
      <dl class="summary-list">
        <dt>{t('events-feeds.field_name')}</dt>
        <dd>
          <bdi>{c.name}</bdi>
        </dd>
        <dt>{t('events-feeds.field_url')}</dt>
        <dd>
          <code dir="ltr">{c.url}</code>
        </dd>
        <dt>{t('events-feeds.field_category')}</dt>
        <dd>{t(`events.category_${c.category}`)}</dd>
        <dt>{t('events-feeds.field_publish')}</dt>
        <dd>{t(c.publish ? 'events-feeds.mode_publish' : 'events-feeds.mode_draft')}</dd>
        <dt>{t('events-feeds.field_enabled')}</dt>
        <dd>{t(c.enabled ? 'events-feeds.enabled_yes' : 'events-feeds.enabled_no')}</dd>
      </dl>
    </div>
  );
}

function FeedForm(props: { region: RegionRow; feed?: FeedRow | undefined; form: FormState; intervalHours: number; conflict?: FeedRow | undefined }) {
  const { t, lang } = usePage();
  const f = props.form;
  const categories = EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`events.category_${c}`) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  const action = props.feed ? feedHref(props.region.id, props.feed.id) : `${feedsBase(props.region.id)}/new`;
  return (
    <>
      {props.conflict ? <ConflictNotice current={props.conflict} /> : null}
      <ErrorSummary errors={f.errors} />
      <Form action={action} class="feed-form">
        {props.feed ? <input type="hidden" name="revision" value={valueOf(f, 'revision')} /> : null}
        <TextField name="name" label={t('events-feeds.field_name')} hint={t('events-feeds.hint_name')} form={f} required maxLength={200} />
        <TextField name="url" label={t('events-feeds.field_url')} hint={t('events-feeds.hint_url')} form={f} required type="url" dir="ltr" autocomplete="off" maxLength={2000} />
        <Select name="category" label={t('events-feeds.field_category')} hint={t('events-feeds.hint_category')} form={f} required options={categories} />
        <PublishChoice form={f} />
        <Checkboxes name="enabled" label={t('events-feeds.field_enabled')} form={f} options={[{ value: '1', label: t('events-feeds.enabled_label'), hint: t('events-feeds.enabled_hint', { hours: props.intervalHours }) }]} />
        <div class="form-actions">
          <Button>{t(props.conflict ? 'events-feeds.save_mine' : props.feed ? 'events-feeds.save' : 'events-feeds.create')}</Button>
          <a href={feedsBase(props.region.id)}>{t('events-feeds.back')}</a>
        </div>
      </Form>
    </>
  );
}

const SHOWN_FIRST: ReportLine['action'][] = ['refused', 'cancelled', 'created', 'updated'];

function ReportRows(props: { region: RegionRow; lines: ReportLine[]; t: T }) {
  const { region, lines, t } = props;
  return (
    <TableWrap label={t('events-feeds.report_caption')}>
      <table class="table">
        <caption class="visually-hidden">{t('events-feeds.report_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events-feeds.col_title')}</th>
            <th scope="col">{t('events-feeds.col_action')}</th>
            <th scope="col">{t('events-feeds.col_messages')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={`${line.uid}-${i}`}>
              <td>
                {line.eventId ? (
                  <a href={`/admin/regions/${region.id}/events/${line.eventId}`}>
                    <bdi>{line.title || line.uid}</bdi>
                  </a>
                ) : (
                  <bdi>{line.title || '—'}</bdi>
                )}
                <br />
                <code dir="ltr">{line.uid}</code>
              </td>
              <td>{t(`events-feeds.action_${line.action}`)}</td>
              <td>
                {line.messages?.length ? (
                  <ul>
                    {line.messages.map((m, j) => (
                      <li key={j}>{t(m.key, m.params)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** What the last run did: the outcome, the counts, and a line per event (unchanged ones folded away). */
function Report(props: { region: RegionRow; feed: FeedRow }) {
  const { t, lang } = usePage();
  const { region, feed } = props;
  const report = feed.lastReport as FeedReport | null;
  if (!feed.lastRunAt || !report || !report.counts) return <p>{t('events-feeds.report_none')}</p>;
  const changed = report.lines.filter((l) => SHOWN_FIRST.includes(l.action)).sort((a, b) => SHOWN_FIRST.indexOf(a.action) - SHOWN_FIRST.indexOf(b.action));
  const unchanged = report.lines.filter((l) => l.action === 'unchanged');
  const c = report.counts;
  return (
    <>
      <p>
        {t('events-feeds.last_run', { time: formatMoment(new Date(report.at), region.timezone, lang) })} <RunStatus feed={feed} />
      </p>
      {report.outcome === 'failed' ? (
        <p class="notice notice--error">{t('events-feeds.report_failed', { reason: report.error ? t(report.error.key, report.error.params) : '' })}</p>
      ) : report.outcome === 'not_modified' ? (
        <p class="notice">{t('events-feeds.report_not_modified')}</p>
      ) : (
        <p class={`notice ${c.refused ? 'notice--warning' : 'notice--success'}`}>{t('events-feeds.report_summary', { created: c.created, updated: c.updated, unchanged: c.unchanged, cancelled: c.cancelled, refused: c.refused })}</p>
      )}
      {c.skipped ? <p>{t('events-feeds.report_skipped', { count: c.skipped })}</p> : null}
      {changed.length ? <ReportRows region={region} lines={changed} t={t} /> : null}
      {unchanged.length ? (
        <details>
          <summary>{t('events-feeds.show_unchanged', { count: unchanged.length })}</summary>
          <ReportRows region={region} lines={unchanged} t={t} />
        </details>
      ) : null}
      {report.omitted ? <p>{t('events-feeds.report_omitted', { count: report.omitted })}</p> : null}
    </>
  );
}

/** /admin/regions/:id/events/feeds/new and /…/feeds/:feedId: the form, "import now" and the last report. */
export function FeedEditPage(props: { region: RegionRow; feed?: FeedRow | undefined; form: FormState; intervalHours: number; conflict?: FeedRow | undefined }) {
  const { t } = usePage();
  const { region, feed } = props;
  const title = feed ? t('events-feeds.edit_title', { name: feed.name }) : t('events-feeds.new_title');
  return (
    <FeedsLayout region={region} title={title}>
      <h1>
        <bdi>{title}</bdi>
      </h1>
      <p>{t('events-feeds.form_intro')}</p>
      <FeedForm region={region} feed={feed} form={props.form} intervalHours={props.intervalHours} conflict={props.conflict} />
      {feed ? (
        <section aria-labelledby="feed-import-title" id="feed-report">
          <h2 id="feed-import-title">{t('events-feeds.import_title')}</h2>
          <p>{t('events-feeds.import_intro')}</p>
          <Form action={`${feedHref(region.id, feed.id)}/import`} class="inline-form">
            <Button variant="secondary">{t('events-feeds.import_button')}</Button>
          </Form>
          <h3>{t('events-feeds.report_title')}</h3>
          <Report region={region} feed={feed} />
        </section>
      ) : null}
    </FeedsLayout>
  );
}
