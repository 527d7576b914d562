import { usePage } from '../page-context.js';

/** One tab: a link; `current` marks it (by default the tab whose href is the page's path). */
export type Tab = { href: string; label: string; current?: boolean };

/** A row of tabs (links) under a labelled <nav>, the current one marked with aria-current="page". */
export function TabNav(props: { label: string; tabs: Tab[] }) {
  const { path } = usePage();
  return (
    <nav class="tab-nav" aria-label={props.label}>
      <ul>
        {props.tabs.map((x) => (
          <li key={x.href}>
            <a href={x.href} aria-current={(x.current ?? path === x.href) ? 'page' : undefined}>
              {x.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
