import { usePage } from '../../../web/page-context.js';

/**
 * "Translate automatically" for one page and language: a small POST form (works without JavaScript) that queues
 * the machine translation job and comes back with a flash. Show it only where machine translation is enabled for
 * the pair (see `mtAvailability`); the route refuses otherwise with a readable message.
 */
export function MachineTranslateButton(props: { pageId: string; language: string; csrf: string; /** Where to come back to (a path on this site). */ back?: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={`/admin/pages/${props.pageId}/machine-translate`} class="mt-button">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="language" value={props.language} />
      {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
      <button type="submit" class="button button--secondary">
        {t('mt.translate_button')}
      </button>
      <p class="hint">{t('mt.translate_button_hint')}</p>
    </form>
  );
}
