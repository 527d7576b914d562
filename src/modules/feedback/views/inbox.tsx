import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Form } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import type { RegionRow } from '../../regions/index.js';
import { FEEDBACK_STATUSES, type FeedbackStatus, type InboxFilter, type InboxItem } from '../service.js';

const NEXT: Record<FeedbackStatus, FeedbackStatus[]> = { new: ['read', 'archived'], read: ['new', 'archived'], archived: ['new'] };

/** The feedback inbox of a region: filters as links and a GET form, bulk status changes as a POST form. */
export function FeedbackInboxPage(props: { region: RegionRow; items: InboxItem[]; counts: Record<FeedbackStatus, number>; filter: InboxFilter }) {
  const { t, lang } = usePage();
  const r = props.region;
  const base = `/admin/regions/${r.id}/feedback`;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timezone });
  const title = t('feedback.inbox_title', { region: r.name });
  const kind = (item: InboxItem) => (item.query ? t('feedback.kind_search') : item.helpful === true ? t('feedback.kind_yes') : item.helpful === false ? t('feedback.kind_no') : t('feedback.kind_comment'));
  return (
    <AdminLayout title={title}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${r.id}`}>{r.name}</a>
      </p>
      <h1>{title}</h1>
      <nav aria-label={t('feedback.status_nav')}>
        <ul class="tabs">
          {FEEDBACK_STATUSES.map((s) => (
            <li key={s}>
              <a href={`${base}?status=${s}`} aria-current={props.filter.status === s ? 'page' : undefined}>
                {t(`feedback.status_${s}`)} ({props.counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} class="filters">
        <input type="hidden" name="status" value={props.filter.status} />
        <div class="field">
          <label for="f-helpful">{t('feedback.filter_kind')}</label>
          <select id="f-helpful" name="helpful">
            <option value="">{t('feedback.filter_all')}</option>
            {(['yes', 'no', 'search'] as const).map((k) => (
              <option key={k} value={k} selected={props.filter.helpful === k}>
                {t(`feedback.filter_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-language">{t('feedback.filter_language')}</label>
          <select id="f-language" name="language">
            <option value="">{t('feedback.filter_all')}</option>
            {r.languages.map((code) => (
              <option key={code} value={code} selected={props.filter.language === code}>
                {languageInfo(code).nativeName}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('feedback.filter_apply')}
        </button>
      </form>
      {props.items.length ? (
        <Form action={`${base}/status`}>
          <input type="hidden" name="from" value={props.filter.status} />
          <TableWrap label={title}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('feedback.select')}</span>
                  </th>
                  <th scope="col">{t('feedback.col_date')}</th>
                  <th scope="col">{t('feedback.col_kind')}</th>
                  <th scope="col">{t('feedback.col_page')}</th>
                  <th scope="col">{t('feedback.col_language')}</th>
                  <th scope="col">{t('feedback.col_text')}</th>
                </tr>
              </thead>
              <tbody>
                {props.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <input type="checkbox" name="ids" value={String(item.id)} id={`fb-${item.id}`} aria-label={t('feedback.select_item', { date: date.format(item.createdAt) })} />
                    </td>
                    <td>{date.format(item.createdAt)}</td>
                    <td>{kind(item)}</td>
                    <td>{item.pageId ? <a href={`/admin/pages/${item.pageId}/edit`}>{item.pageTitle ?? t('feedback.page_unknown')}</a> : '–'}</td>
                    <td lang={item.language}>{languageInfo(item.language).nativeName}</td>
                    <td>
                      {item.query ? (
                        <p>
                          <strong>{t('feedback.searched_for')}</strong>{' '}
                          <bdi lang={item.language} dir="auto">
                            {item.query}
                          </bdi>
                        </p>
                      ) : null}
                      {item.comment ? (
                        <p class="feedback-comment" lang={item.language} dir="auto">
                          {item.comment}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div class="button-row">
            {NEXT[props.filter.status].map((s) => (
              <Button key={s} name="status" value={s} variant="secondary">
                {t(`feedback.move_to_${s}`)}
              </Button>
            ))}
          </div>
        </Form>
      ) : (
        <p>{t('feedback.inbox_empty')}</p>
      )}
    </AdminLayout>
  );
}
