import { PublicLayout } from '../../../web/components/layout.js';
import { ErrorSummary, TextArea, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { COMMENT_MAX, QUERY_MAX } from '../service.js';

/** "Tell us what you were looking for": the search page's way into the inbox, also the form again after an error. */
export function FeedbackFormPage(props: { region: RegionRow; form: FormState; status?: number }) {
  const { t, lang } = usePage();
  const v = props.form.values;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const title = t('feedback.wish_title');
  return (
    <PublicLayout title={title} region={layoutRegion(props.region)}>
      <h1>{title}</h1>
      <p>{t('feedback.wish_intro')}</p>
      <ErrorSummary errors={props.form.errors} />
      <form method="post" action={`/${props.region.slug}/${lang}/feedback`} novalidate>
        {str(v.pageId) ? <input type="hidden" name="pageId" value={str(v.pageId)} /> : null}
        <TextField name="query" label={t('feedback.query_label')} form={props.form} maxLength={QUERY_MAX} />
        <TextArea name="comment" label={t('feedback.comment_label')} hint={t('feedback.comment_hint')} form={props.form} rows={4} maxLength={COMMENT_MAX} />
        <p class="visually-hidden" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </p>
        <button type="submit" class="button">
          {t('feedback.send')}
        </button>
      </form>
    </PublicLayout>
  );
}

/** After sending: thanks, and the way back to where the reader came from. */
export function FeedbackThanksPage(props: { region: RegionRow; back: string }) {
  const { t } = usePage();
  const title = t('feedback.thanks_title');
  return (
    <PublicLayout title={title} region={layoutRegion(props.region)}>
      <h1>{title}</h1>
      <p role="status">{t('feedback.thanks_text')}</p>
      <p>
        <a href={props.back}>{t('feedback.back')}</a>
      </p>
    </PublicLayout>
  );
}
