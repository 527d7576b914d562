import { SanitizedHtml } from '../../../platform/richtext/render.js';
import { trustStoredHtml } from '../../../platform/richtext/sanitize.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Form } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { PageRow, RevisionListItem, RevisionRow, TranslationRow } from '../service.js';
import { editorHref, GuideBreadcrumbs, LanguageName, When } from './admin-parts.js';
import { RevisionDiff } from './admin-diff.js';

export type HistoryContext = {
  page: PageRow;
  region: RegionRow;
  language: string;
  title: string;
  revisions: RevisionListItem[];
  /** The text row of this language (current revision, draft). */
  current: TranslationRow | undefined;
  /** The source text row (for "minor" on restores). */
  source: TranslationRow | undefined;
  canRestore: boolean;
};

const ORIGINS = new Set(['edit', 'restore', 'xliff', 'machine', 'seed', 'import']);

/** Draft / minor / current / origin / machine badges of a revision. */
function RevisionBadges(props: { r: Pick<RevisionListItem, 'number' | 'isDraft' | 'minor' | 'origin' | 'machineProvider' | 'sourceRevision'>; current: TranslationRow | undefined }) {
  const { t } = usePage();
  const { r } = props;
  return (
    <span class="revision-badges">
      {props.current?.revision === r.number ? <span class="badge badge--current">{t('guide.badge_current')}</span> : null}
      {r.isDraft ? <span class="badge badge--draft">{t('guide.badge_draft')}</span> : null}
      {r.minor ? <span class="badge">{t('guide.badge_minor')}</span> : null}
      {r.origin !== 'edit' ? <span class="badge">{ORIGINS.has(r.origin) ? t(`guide.origin_${r.origin}`) : r.origin}</span> : null}
      {r.machineProvider ? <span class="badge">{t('guide.badge_machine', { provider: r.machineProvider })}</span> : null}
      {r.sourceRevision ? <span class="meta">{t('guide.from_source_revision', { number: r.sourceRevision })}</span> : null}
    </span>
  );
}

function LanguageLinks(props: { ctx: HistoryContext; base: string }) {
  const { t } = usePage();
  return (
    <nav class="lang-tabs" aria-label={t('guide.history_languages')}>
      <ul>
        {props.ctx.region.languages.map((code) => (
          <li key={code}>
            <a href={`${props.base}?lang=${encodeURIComponent(code)}`} aria-current={code === props.ctx.language ? 'page' : undefined}>
              <LanguageName code={code} />
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CompareForm(props: { ctx: HistoryContext; from?: number | undefined; to?: number | undefined }) {
  const { t } = usePage();
  const { ctx } = props;
  const numbers = ctx.revisions.map((r) => r.number);
  if (numbers.length < 2) return null;
  const to = props.to ?? numbers[0];
  const from = props.from ?? numbers[1];
  const option = (n: number, selected: number | undefined) => (
    <option key={n} value={String(n)} selected={n === selected}>
      {t('guide.revision_n', { number: n })}
    </option>
  );
  return (
    <form method="get" action={`/admin/pages/${ctx.page.id}/compare`} class="filter-form compare-form">
      <input type="hidden" name="lang" value={ctx.language} />
      <div class="field">
        <label for="f-from">{t('guide.compare_from')}</label>
        <select id="f-from" name="from">
          {numbers.map((n) => option(n, from))}
        </select>
      </div>
      <div class="field">
        <label for="f-to">{t('guide.compare_to')}</label>
        <select id="f-to" name="to">
          {numbers.map((n) => option(n, to))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('guide.compare_submit')}
      </button>
    </form>
  );
}

/** /admin/pages/:id/history?lang= — every revision of one language, newest first. */
export function HistoryPage(props: { ctx: HistoryContext }) {
  const { t } = usePage();
  const { ctx } = props;
  const heading = t('guide.history_title', { title: ctx.title || t('guide.untitled') });
  return (
    <AdminLayout title={heading}>
      <GuideBreadcrumbs region={ctx.region} extra={{ href: editorHref(ctx.page.id, ctx.language), label: ctx.title || t('guide.untitled') }} />
      <h1>{heading}</h1>
      <LanguageLinks ctx={ctx} base={`/admin/pages/${ctx.page.id}/history`} />
      {ctx.revisions.length ? (
        <>
          <CompareForm ctx={ctx} />
          <TableWrap label={t('guide.history_table')}>
            <table class="history-table">
              <caption class="visually-hidden">{t('guide.history_table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('guide.col_revision')}</th>
                  <th scope="col">{t('guide.col_date')}</th>
                  <th scope="col">{t('guide.col_author')}</th>
                  <th scope="col">{t('guide.col_kind')}</th>
                  <th scope="col">{t('guide.col_actions')}</th>
                </tr>
              </thead>
              <tbody>
                {ctx.revisions.map((r, i) => {
                  const previous = ctx.revisions[i + 1];
                  return (
                    <tr key={r.number}>
                      <td>
                        <a href={`/admin/pages/${ctx.page.id}/revisions/${r.number}?lang=${encodeURIComponent(ctx.language)}`}>{t('guide.revision_n', { number: r.number })}</a>
                      </td>
                      <td>
                        <When at={r.createdAt} timeZone={ctx.region.timezone} />
                      </td>
                      <td>{r.authorName ?? (r.createdBy ? t('guide.author_unknown') : t('guide.author_system'))}</td>
                      <td>
                        <RevisionBadges r={r} current={ctx.current} />
                      </td>
                      <td>
                        {previous ? (
                          <a href={`/admin/pages/${ctx.page.id}/compare?lang=${encodeURIComponent(ctx.language)}&from=${previous.number}&to=${r.number}`}>
                            {t('guide.changes_to_previous')}
                            <span class="visually-hidden"> ({t('guide.revision_n', { number: r.number })})</span>
                          </a>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <p>{t('guide.history_empty')}</p>
      )}
    </AdminLayout>
  );
}

/** /admin/pages/:id/compare?lang=&from=&to= — the readable difference of two revisions. */
export function ComparePage(props: { ctx: HistoryContext; from: RevisionRow; to: RevisionRow }) {
  const { t } = usePage();
  const { ctx, from, to } = props;
  const heading = t('guide.compare_title', { from: from.number, to: to.number });
  return (
    <AdminLayout title={heading}>
      <GuideBreadcrumbs region={ctx.region} extra={{ href: `/admin/pages/${ctx.page.id}/history?lang=${encodeURIComponent(ctx.language)}`, label: t('guide.history') }} />
      <h1>{heading}</h1>
      <p class="meta">
        {ctx.title} · <LanguageName code={ctx.language} />
      </p>
      <CompareForm ctx={ctx} from={from.number} to={to.number} />
      <RevisionDiff before={from.contentHtml} after={to.contentHtml} beforeTitle={from.title} afterTitle={to.title} context={2} lang={ctx.language} dir={languageInfo(ctx.language).direction} />
    </AdminLayout>
  );
}

/** /admin/pages/:id/revisions/:number?lang= — one revision as it was, with "restore". */
export function RevisionPage(props: { ctx: HistoryContext; revision: RevisionRow; meta: RevisionListItem | undefined }) {
  const { t } = usePage();
  const { ctx, revision } = props;
  const info = languageInfo(ctx.language);
  const heading = t('guide.revision_title', { number: revision.number, title: revision.title });
  const latest = Math.max(ctx.current?.revision ?? 0, ctx.current?.draftRevision ?? 0);
  const isCurrent = ctx.current?.revision === revision.number;
  const isSource = ctx.language === ctx.region.sourceLanguage;
  return (
    <AdminLayout title={heading}>
      <GuideBreadcrumbs region={ctx.region} extra={{ href: `/admin/pages/${ctx.page.id}/history?lang=${encodeURIComponent(ctx.language)}`, label: t('guide.history') }} />
      <h1>{heading}</h1>
      <p class="meta">
        <When at={revision.createdAt} timeZone={ctx.region.timezone} /> · {props.meta?.authorName ?? (revision.createdBy ? t('guide.author_unknown') : t('guide.author_system'))} ·{' '}
        <RevisionBadges r={revision} current={ctx.current} />
      </p>
      {ctx.current && ctx.current.revision > 0 && !isCurrent ? (
        <p>
          <a href={`/admin/pages/${ctx.page.id}/compare?lang=${encodeURIComponent(ctx.language)}&from=${revision.number}&to=${ctx.current.revision}`}>{t('guide.compare_with_current')}</a>
        </p>
      ) : null}
      {ctx.canRestore && !isCurrent ? (
        <Form action={`/admin/pages/${ctx.page.id}/revisions/${revision.number}/restore`} class="restore-form">
          <input type="hidden" name="language" value={ctx.language} />
          <input type="hidden" name="baseRevision" value={String(latest)} />
          <p class="hint">{t('guide.restore_hint')}</p>
          {isSource && (ctx.source?.majorRevision ?? 0) > 0 ? (
            <div class="checkbox">
              <input type="checkbox" id="f-minor" name="minor" value="1" />
              <label for="f-minor">{t('guide.field_minor')}</label>
            </div>
          ) : null}
          <Button variant="secondary">{t('guide.restore', { number: revision.number })}</Button>
        </Form>
      ) : null}
      <article class="revision-view" lang={ctx.language} dir={info.direction}>
        <h2>{revision.title}</h2>
        <p class="meta">
          <code>{revision.slug}</code>
        </p>
        <SanitizedHtml html={trustStoredHtml(revision.contentHtml)} class="rich-text" />
      </article>
    </AdminLayout>
  );
}
