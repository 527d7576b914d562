import { AdminLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { editorHref, LanguageName, RegionBreadcrumbs, StateLabel, StatusBadge, When } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import { COVERAGE_STATES, TASK_STATES, type Coverage, type TaskList, type TaskState } from '../workflow.js';

export const coverageHref = (regionId: string) => `/admin/regions/${regionId}/translations`;
export const tasksHref = (regionId: string, language: string, state?: TaskState | 'all') =>
  `/admin/regions/${regionId}/translations/${encodeURIComponent(language)}${state && state !== 'all' ? `?state=${state}` : ''}`;

function Crumbs(props: { region: Pick<RegionRow, 'id' | 'name'>; coverage?: boolean }) {
  const { t } = usePage();
  return <RegionBreadcrumbs region={props.region} trail={props.coverage ? [{ href: coverageHref(props.region.id), label: t('workflow.title') }] : []} />;
}

/** /admin/regions/:id/translations — how far each language is, in pages and source words. */
export function CoveragePage(props: { coverage: Coverage }) {
  const { t } = usePage();
  const { region, languages } = props.coverage;
  return (
    <AdminLayout title={t('workflow.title')}>
      <Crumbs region={region} />
      <h1>{t('workflow.title')}</h1>
      <p>{t('workflow.coverage_intro', { source: region.sourceLanguage.toUpperCase() })}</p>
      {props.coverage.pages === 0 ? (
        <p>{t('workflow.no_pages')}</p>
      ) : languages.length === 0 ? (
        <p>{t('workflow.no_languages')}</p>
      ) : (
        <>
          <p>
            {t('workflow.coverage_summary', { pages: props.coverage.pages, words: props.coverage.words })}{' '}
            {props.coverage.draftOrReview > 0 ? t('workflow.drafts_note', { count: props.coverage.draftOrReview }) : null}
          </p>
          <div class="table-wrap">
            <table class="coverage-table">
              <caption class="visually-hidden">{t('workflow.coverage_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workflow.col_language')}</th>
                  {COVERAGE_STATES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`guide.state_${s}`)}
                    </th>
                  ))}
                  <th scope="col">{t('workflow.col_progress')}</th>
                  <th scope="col">{t('workflow.col_tasks')}</th>
                </tr>
              </thead>
              <tbody>
                {languages.map((l) => (
                  <tr key={l.language}>
                    <th scope="row">
                      <LanguageName code={l.language} /> <code>{l.language}</code>
                    </th>
                    {COVERAGE_STATES.map((s) => (
                      <td key={s} class={`coverage-cell coverage-cell--${s}`}>
                        {t('workflow.tally_pages', { pages: l.counts[s].pages })}
                        <br />
                        <span class="meta">{t('workflow.tally_words', { words: l.counts[s].words })}</span>
                      </td>
                    ))}
                    <td>
                      <meter min={0} max={100} value={l.percentUpToDate} aria-label={t('workflow.progress_label', { language: l.language.toUpperCase() })}>
                        {l.percentUpToDate}%
                      </meter>{' '}
                      {t('workflow.progress', { percent: l.percentUpToDate })}
                    </td>
                    <td>
                      {l.canTranslate ? (
                        <a href={tasksHref(region.id, l.language)}>
                          {t('workflow.open_tasks', { count: l.counts.missing.pages + l.counts.outdated.pages + l.counts.machine.pages })}
                          <span class="visually-hidden"> ({l.language.toUpperCase()})</span>
                        </a>
                      ) : (
                        <span class="meta">{t('workflow.not_your_language')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`${coverageHref(region.id)}.csv`} download>
              {t('workflow.csv_download')}
            </a>
          </p>
        </>
      )}
    </AdminLayout>
  );
}

function Totals(props: { list: TaskList }) {
  const { t } = usePage();
  const { totals, region, language } = props.list;
  return (
    <ul class="task-totals">
      <li>
        <a href={tasksHref(region.id, language, 'missing')}>{t('workflow.total_missing', { pages: totals.missing.pages, words: totals.missing.words })}</a>
      </li>
      <li>
        <a href={tasksHref(region.id, language, 'outdated')}>{t('workflow.total_outdated', { pages: totals.outdated.pages, changed: totals.outdated.changedWords })}</a>
      </li>
      <li>
        <a href={tasksHref(region.id, language, 'machine')}>{t('workflow.total_machine', { pages: totals.machine.pages, words: totals.machine.words })}</a>
      </li>
    </ul>
  );
}

/** /admin/regions/:id/translations/:lang — a translator's open tasks in one language. */
export function TaskListPage(props: { list: TaskList }) {
  const { t } = usePage();
  const { region, language, tasks, filter } = props.list;
  const languageLabel = language.toUpperCase();
  const others = props.list.languages.filter((l) => l !== language);
  return (
    <AdminLayout title={t('workflow.tasks_title', { language: languageLabel })}>
      <Crumbs region={region} coverage />
      <h1>
        {t('workflow.tasks_title', { language: languageLabel })} <LanguageName code={language} />
      </h1>
      <p>{t('workflow.tasks_intro', { source: region.sourceLanguage.toUpperCase() })}</p>
      <Totals list={props.list} />
      <form method="get" action={tasksHref(region.id, language)} class="task-filter">
        <label for="f-state">{t('workflow.filter_label')}</label>{' '}
        <select id="f-state" name="state">
          {(['all', ...TASK_STATES] as const).map((s) => (
            <option key={s} value={s} selected={s === filter}>
              {t(`workflow.filter_${s}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button--secondary">
          {t('workflow.filter_submit')}
        </button>
      </form>
      {tasks.length === 0 ? (
        <p class="notice notice--success">{filter === 'all' ? t('workflow.no_tasks') : t('workflow.no_tasks_filter')}</p>
      ) : (
        <div class="table-wrap">
          <table class="task-table">
            <caption class="visually-hidden">{t('workflow.tasks_caption', { language: languageLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workflow.col_page')}</th>
                <th scope="col">{t('workflow.col_state')}</th>
                <th scope="col" class="num">
                  {t('workflow.col_words')}
                </th>
                <th scope="col" class="num">
                  {t('workflow.col_changed')}
                </th>
                <th scope="col">{t('workflow.col_translated')}</th>
                <th scope="col">{t('workflow.col_status')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.pageId}>
                  <th scope="row" class={`task-depth-${Math.min(task.depth, 4)}`}>
                    <a href={editorHref(task.pageId, language)} lang={region.sourceLanguage}>
                      {task.title}
                    </a>
                    {task.targetTitle ? (
                      <>
                        <br />
                        <span class="meta" lang={language}>
                          {task.targetTitle}
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <StateLabel language={language} state={task.state} />
                  </td>
                  <td class="num">{t('workflow.number', { n: task.words })}</td>
                  <td class="num">{task.changedWords === null ? '—' : t('workflow.number', { n: task.changedWords })}</td>
                  <td>
                    {task.updatedAt ? (
                      <>
                        <When at={task.updatedAt} timeZone={region.timezone} />
                        {task.fromRevision ? (
                          <>
                            <br />
                            <span class="meta">{t('workflow.from_revision', { from: task.fromRevision, to: task.sourceRevision })}</span>
                          </>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <StatusBadge status={task.pageStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/admin/regions/${region.id}/xliff`}>{t('workflow.xliff_hint')}</a>
      </p>
      {others.length > 0 ? (
        <nav aria-labelledby="other-languages">
          <h2 id="other-languages">{t('workflow.other_languages')}</h2>
          <ul class="inline-list">
            {others.map((l) => (
              <li key={l}>
                <a href={tasksHref(region.id, l)}>
                  <LanguageName code={l} /> <code>{l}</code>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </AdminLayout>
  );
}
