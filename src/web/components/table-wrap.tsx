import type { ComponentChildren } from 'preact';
import { usePage } from '../page-context.js';

/**
 * A wide table that scrolls sideways on small screens. Focusable and labelled, so keyboard users can scroll it
 * (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableWrap({ children, label }: { children: ComponentChildren; label?: string }) {
  const { t } = usePage();
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label ?? t('common.table_region')}>
      {children}
    </div>
  );
}

/** A table's header row: one column header per label; `actions` names a last column of buttons (for screen readers only). */
export function TableHead(props: { columns: string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        {props.actions === undefined ? null : (
          <th scope="col">
            <span class="visually-hidden">{props.actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
