import { Button, Form } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import type { UnitSuggestions } from '../memory.js';
import { MachineTranslateButton } from './mt-button.js';

/** The memory's matches, unit by unit; inline codes appear as in XLIFF tools (<1>…</1>). */
function MemoryList(props: { suggestions: UnitSuggestions[]; language: string }) {
  const { t } = usePage();
  const dir = languageInfo(props.language).direction;
  const withMatches = props.suggestions.filter((s) => s.exact || s.fuzzy.length > 0);
  return (
    <details class="memory-suggestions">
      <summary>{t('workflow.memory_title', { count: withMatches.length })}</summary>
      <p class="hint">{t('workflow.memory_hint')}</p>
      <ol>
        {withMatches.map((s) => (
          <li key={s.unit}>
            <p class="memory-suggestions__source">{s.source}</p>
            <ul>
              {s.exact ? (
                <li>
                  <span class="badge">{t('workflow.memory_exact')}</span>{' '}
                  <span lang={props.language} dir={dir}>
                    {s.exact}
                  </span>
                </li>
              ) : null}
              {s.fuzzy.map((m, i) => (
                <li key={i}>
                  <span class="badge">{t('workflow.memory_fuzzy', { score: Math.round(m.score * 100) })}</span> <span class="meta">{m.source}</span>
                  <br />
                  <span lang={props.language} dir={dir}>
                    {m.target}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * Tools above a translation's text form: approve unchecked machine output, translate automatically (where enabled),
 * and the translation memory's matches for the current source.
 */
export function TranslationTools(props: { pageId: string; language: string; machine: string | null; mtEnabled: boolean; suggestions: UnitSuggestions[] }) {
  const { t, csrfToken } = usePage();
  const back = `/admin/pages/${props.pageId}/edit?lang=${encodeURIComponent(props.language)}`;
  return (
    <div class="translation-tools">
      {props.machine ? (
        <Form action={`/admin/pages/${props.pageId}/approve-machine`} class="approve-machine">
          <input type="hidden" name="language" value={props.language} />
          <p class="hint">{t('workflow.approve_hint')}</p>
          <Button>{t('workflow.approve_button')}</Button>
        </Form>
      ) : null}
      {props.mtEnabled ? <MachineTranslateButton pageId={props.pageId} language={props.language} csrf={csrfToken()} back={back} /> : null}
      {props.suggestions.some((s) => s.exact || s.fuzzy.length > 0) ? <MemoryList suggestions={props.suggestions} language={props.language} /> : null}
    </div>
  );
}
