import { FeedbackBox } from '../../feedback/views/feedback-box.js';

/** The "did this help?" box under every guide page (the feedback module's form; it carries no session token). */
export function PageFeedback(props: { regionSlug: string; lang: string; pageId: string }) {
  return (
    <div class="guide-feedback">
      <FeedbackBox regionSlug={props.regionSlug} lang={props.lang} pageId={props.pageId} />
    </div>
  );
}
