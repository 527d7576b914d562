import { usePage } from '../../../web/page-context.js';
import { COMMENT_MAX } from '../service.js';

/**
 * "Did this help?" under a guide page. A plain form (works without JavaScript) that carries no per-session token,
 * so the page around it can be served from the shared public cache; the POST route protects itself.
 */
export function FeedbackBox(props: { regionSlug: string; lang: string; pageId: string }) {
  const { t } = usePage();
  const base = `/${props.regionSlug}/${props.lang}`;
  return (
    <section class="feedback-box" id="feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.box_title')}</h2>
      <form method="post" action={`${base}/feedback`}>
        <input type="hidden" name="pageId" value={props.pageId} />
        <fieldset class="feedback-box__vote">
          <legend>{t('feedback.box_question')}</legend>
          <label>
            <input type="radio" name="helpful" value="yes" /> {t('feedback.yes')}
          </label>
          <label>
            <input type="radio" name="helpful" value="no" /> {t('feedback.no')}
          </label>
        </fieldset>
        <p class="field">
          <label for="feedback-comment">{t('feedback.comment_label')}</label>
          <span class="hint" id="feedback-comment-hint">
            {t('feedback.comment_hint')}
          </span>
          <textarea id="feedback-comment" name="comment" rows={3} maxLength={COMMENT_MAX} aria-describedby="feedback-comment-hint" />
        </p>
        {/* A field people never see; bots fill it in. */}
        <p class="visually-hidden" aria-hidden="true">
          <label for="feedback-website">Website</label>
          <input id="feedback-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </p>
        <button type="submit" class="button button--secondary">
          {t('feedback.send')}
        </button>
      </form>
    </section>
  );
}
