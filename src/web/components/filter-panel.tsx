import type { ComponentChildren } from 'preact';
import { usePage } from '../page-context.js';

/** One filter in effect, as the line above the folded form names it. */
export type ActiveFilterItem = { name: string; label: ComponentChildren };

/**
 * The filters of a public list (a GET form, works without JavaScript). With some in effect, a line names them (with
 * a reset link) and the form is folded into a native <details> ("Change filters"), so on a phone the results come
 * first; without any it is unfolded. `prefix` names the feature's own classes and ids next to the shared ones
 * (`dir` → `.dir-filterbar`, `#dir-filters-title`); `children` are the fields, `action` is also the reset link. The
 * words come from the catalog namespace `ns`: its keys filters_title, filters_active ({count}), filter_change,
 * filter_choose, filter_submit and filter_reset.
 */
export function FilterPanel(props: {
  prefix: string;
  action: string;
  active: ActiveFilterItem[];
  open: boolean;
  ns: string;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const { prefix, ns } = props;
  const n = props.active.length;
  return (
    <div class={`filter-panel ${prefix}-filterbar`} data-active-filters={String(n)}>
      <h2 id={`${prefix}-filters-title`} class="visually-hidden">
        {t(`${ns}.filters_title`)}
      </h2>
      {n ? (
        <div class={`filter-panel__active ${prefix}-active`}>
          <span id={`${prefix}-active-title`} class={`filter-panel__active-title ${prefix}-active__title`}>
            {t(`${ns}.filters_active`, { count: n })}
          </span>{' '}
          <ul class={`filter-panel__active-list ${prefix}-active__list`} aria-labelledby={`${prefix}-active-title`}>
            {props.active.map((a) => (
              <li key={a.name} data-filter={a.name}>
                {a.label}
              </li>
            ))}
          </ul>{' '}
          <a class={`filter-panel__reset ${prefix}-active__reset`} href={props.action}>
            {t(`${ns}.filter_reset`)}
          </a>
        </div>
      ) : null}
      <details class={`filter-panel__toggle ${prefix}-filter-toggle`} open={props.open}>
        <summary class="toggle-button">{n ? t(`${ns}.filter_change`) : t(`${ns}.filter_choose`)}</summary>
        <form method="get" action={props.action} class={`filter-panel__form ${prefix}-filters`} aria-labelledby={`${prefix}-filters-title`}>
          {props.children}
          <p class={`filter-panel__actions ${prefix}-filters__actions`}>
            <button type="submit" class="button">
              {t(`${ns}.filter_submit`)}
            </button>{' '}
            <a href={props.action}>{t(`${ns}.filter_reset`)}</a>
          </p>
        </form>
      </details>
    </div>
  );
}
