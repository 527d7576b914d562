/**
 * The built-in icon set of guide pages: small line drawings (24 × 24, stroke in the text colour) as inline SVG, so
 * they need no request, scale with the text and follow high-contrast colours. A page stores only the name
 * (`pages.icon`); unknown names render nothing. Icons are decorative: the page title beside them carries the meaning.
 */
import type { JSX } from 'preact';

type Shape = JSX.Element;

const ICON_SHAPES = {
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v6M12 7.5v.5" />
    </>
  ),
  arrival: (
    <>
      <path d="M12 3v18M8 21h8" />
      <path d="M12 5h6l2 2-2 2h-6zM12 11H6l-2 2 2 2h6z" />
    </>
  ),
  documents: (
    <>
      <path d="M6 3h8l4 4v14H6z" />
      <path d="M14 3v4h4M9 12h6M9 16h6" />
    </>
  ),
  residence: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <circle cx="9" cy="11" r="2" />
      <path d="M6 16c.6-1.6 1.7-2.4 3-2.4s2.4.8 3 2.4M14 10h4M14 13h4" />
    </>
  ),
  housing: (
    <>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
      <rect x="10" y="14" width="4" height="6" />
    </>
  ),
  work: (
    <>
      <rect x="3" y="7" width="18" height="13" rx="2" />
      <path d="M9 7V5h6v2M3 12h18" />
    </>
  ),
  education: (
    <>
      <path d="M2 9l10-5 10 5-10 5z" />
      <path d="M6 11v5c2 2 10 2 12 0v-5M22 9v6" />
    </>
  ),
  language: (
    <>
      <path d="M4 5h10v7H9l-3 3v-3H4z" />
      <path d="M14 9h6v7h-2v3l-3-3h-4v-3" />
    </>
  ),
  health: (
    <>
      <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
      <path d="M12 10v5M9.5 12.5h5" />
    </>
  ),
  family: (
    <>
      <circle cx="8" cy="6" r="2.5" />
      <circle cx="17" cy="9" r="2" />
      <path d="M4 20v-6a4 4 0 0 1 8 0v6M14 20v-4a3 3 0 0 1 6 0v4" />
    </>
  ),
  money: (
    <>
      <rect x="3" y="6" width="18" height="12" rx="2" />
      <circle cx="12" cy="12" r="2.5" />
      <path d="M6 9v.5M18 14.5v.5" />
    </>
  ),
  law: (
    <>
      <path d="M12 4v16M7 20h10M5 7h14" />
      <path d="M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z" />
    </>
  ),
  transport: (
    <>
      <rect x="5" y="3" width="14" height="15" rx="2" />
      <path d="M5 11h14M8 18v2M16 18v2" />
      <circle cx="8.5" cy="14.5" r=".5" />
      <circle cx="15.5" cy="14.5" r=".5" />
    </>
  ),
  counselling: (
    <>
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20c1-3.5 3.6-5.5 7-5.5s6 2 7 5.5" />
      <path d="M18 4.5a5 5 0 0 1 0 7" />
    </>
  ),
  contact: (
    <>
      <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z" />
    </>
  ),
  place: (
    <>
      <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </>
  ),
  events: (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M7.5 14h2M11 14h2M14.5 14h2M7.5 17.5h2" />
    </>
  ),
  community: (
    <>
      <circle cx="12" cy="7" r="2.5" />
      <circle cx="5" cy="10" r="2" />
      <circle cx="19" cy="10" r="2" />
      <path d="M8 20v-4a4 4 0 0 1 8 0v4M2 19v-2a3 3 0 0 1 4.5-2.6M22 19v-2a3 3 0 0 0-4.5-2.6" />
    </>
  ),
  sport: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5l4 3-1.5 4.5h-5L8 10.5z" />
      <path d="M12 3v4.5M20.5 9.5l-4.5 1M17.5 19.5 14.5 15M6.5 19.5 9.5 15M3.5 9.5l4.5 1" />
    </>
  ),
  safety: (
    <>
      <path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </>
  ),
  emergency: (
    <>
      <path d="M12 3l10 17H2z" />
      <path d="M12 10v4M12 17v.5" />
    </>
  ),
  religion: (
    <>
      <path d="M3 20h18M5 20v-7h14v7" />
      <path d="M7 13a5 5 0 0 1 10 0M12 5v3M10 20v-3a2 2 0 0 1 4 0v3" />
    </>
  ),
  internet: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.6 5.6 3.6 9s-1.1 6.4-3.6 9c-2.5-2.6-3.6-5.6-3.6-9S9.5 5.6 12 3z" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17v.5" />
    </>
  ),
} satisfies Record<string, Shape>;

export type IconName = keyof typeof ICON_SHAPES;
/** Every icon an editor may choose, in the order the chooser shows them. */
export const ICON_NAMES = Object.keys(ICON_SHAPES) as IconName[];

export function isIconName(name: string | null | undefined): name is IconName {
  return typeof name === 'string' && Object.hasOwn(ICON_SHAPES, name);
}

/**
 * A guide icon as inline SVG, hidden from assistive technology (the text next to it names the page). Renders
 * nothing for null or an unknown name. Size follows the font size (1.5em unless `size` says otherwise).
 */
export function GuideIcon(props: { name: string | null | undefined; class?: string; size?: string }) {
  if (!isIconName(props.name)) return null;
  const size = props.size ?? '1.5em';
  return (
    <svg
      class={props.class ?? 'guide-icon'}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={props.name}
    >
      {ICON_SHAPES[props.name]}
    </svg>
  );
}
