/** Small pieces the institution pages share: addresses, badges for statuses and flags, formatted times. */
import { usePage } from '../../../web/page-context.js';
import type { AgencyRow } from '../context.js';
import type { AgencyStatus, RequestFlag, RequestStatus } from '../schema.js';
import { agencyBase, poolBase } from './layout.js';

export const agenciesHref = (regionId: string) => `${poolBase(regionId)}/agencies`;
export const agencyHref = (regionId: string, agencyId: string) => `${agenciesHref(regionId)}/${agencyId}`;
export const portalRequestsHref = (regionId: string) => agencyBase(regionId);
export const portalRequestHref = (regionId: string, requestId: string) => `${agencyBase(regionId)}/requests/${requestId}`;
export const newRequestHref = (regionId: string) => `${agencyBase(regionId)}/requests/new`;
export const coordinatorRequestHref = (regionId: string, requestId: string) => `${poolBase(regionId)}/requests/${requestId}`;
export const publicPoolHref = (slug: string, lang: string) => `/${slug}/${lang}/sprachpool`;
export const registerHref = (slug: string, lang: string) => `${publicPoolHref(slug, lang)}/institutions/register`;
export const becomeHref = (slug: string, lang: string) => `${publicPoolHref(slug, lang)}/become`;

/** "Schulweg 1, 12345 Musterstadt" */
export function addressLine(a: Pick<AgencyRow, 'street' | 'postalCode' | 'city'>): string {
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter((s) => s.trim()).join(', ');
}

export function AgencyStatusBadge(props: { status: AgencyStatus }) {
  const { t } = usePage();
  return <span class={`badge spa-status spa-status--${props.status}`}>{t(`sprachpool.agency_status_${props.status}`)}</span>;
}

export function RequestStatusBadge(props: { status: RequestStatus }) {
  const { t } = usePage();
  return <span class={`badge spa-status spa-status--${props.status}`}>{t(`sprachpool.request_status_${props.status}`)}</span>;
}

/** The flags of a request, each as a word (the colour only supports it). */
export function FlagList(props: { flags: RequestFlag[] }) {
  const { t } = usePage();
  if (!props.flags.length) return null;
  return (
    <ul class="spa-flags">
      {props.flags.map((f) => (
        <li key={f} class={`badge spa-flag spa-flag--${f}`}>
          {t(`sprachpool.flag_${f}`)}
        </li>
      ))}
    </ul>
  );
}

/** Euros from cents in the page's language. */
export function formatMoney(cents: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} €`;
  }
}

/** A calendar date "2026-12-10" in words ("Donnerstag, 10. Dezember 2026"). */
export function formatDate(date: string, lang: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat([lang, 'de'], { dateStyle: 'full', timeZone: 'UTC', calendar: 'gregory' }).format(at);
  } catch {
    return date;
  }
}

/** The day of an instant in the zone, short ("05.12.2026"). */
export function formatDay(at: Date, timeZone: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat([lang, 'de'], { dateStyle: 'medium', timeZone, calendar: 'gregory' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}
