/** Pieces the request, offer and assignment pages share: links, status badges, flags and the details list. */
import { Fragment, type ComponentChildren } from 'preact';
import { usePage } from '../../../web/page-context.js';
import { requestDetails, type DetailLevel, type RequestRow } from '../requests-format.js';
import type { OfferState } from '../requests-service.js';
import { poolBase, portalBase } from './layout.js';

export const requestsHref = (regionId: string): string => `${poolBase(regionId)}/requests`;
export const requestHref = (regionId: string, requestId: string): string => `${requestsHref(regionId)}/${requestId}`;
export const portalOffersHref = (regionId: string): string => `${portalBase(regionId)}/offers`;
export const portalAssignmentsHref = (regionId: string): string => `${portalBase(regionId)}/assignments`;
/** The hours form of an assignment (timesheets, built by the billing pages). */
export const hoursHref = (regionId: string, assignmentId: string): string => `${portalAssignmentsHref(regionId)}/${assignmentId}/hours`;

export function RequestStatusBadge(props: { status: string }) {
  const { t } = usePage();
  return <span class={`badge sp-req-status sp-req-status--${props.status}`}>{t(`sprachpool.request_status_${props.status}`)}</span>;
}

/** An offer's state as the mediator or the coordinator reads it ("taken by someone else" is a withdrawn offer). */
export function OfferStateBadge(props: { state: OfferState | string }) {
  const { t } = usePage();
  const key = props.state === 'taken' ? 'sprachpool-requests.offer_state_taken' : `sprachpool.offer_status_${props.state}`;
  return <span class={`badge sp-offer-state sp-offer-state--${props.state}`}>{t(key)}</span>;
}

export function FlagBadges(props: { flags: readonly string[] }) {
  const { t } = usePage();
  if (!props.flags.length) return null;
  return (
    <ul class="sp-req-flags">
      {props.flags.map((f) => (
        <li key={f} class={`sp-req-flag sp-req-flag--${f}`}>
          {t(`sprachpool.flag_${f}`)}
        </li>
      ))}
    </ul>
  );
}

/** A request's details as a description list, at the level the reader may see. */
export function RequestDetails(props: { request: RequestRow; timeZone: string; level: DetailLevel; institution?: string; extra?: ComponentChildren }) {
  const { t, lang } = usePage();
  const pairs = requestDetails(t, lang, { request: props.request, timeZone: props.timeZone, institution: props.institution }, props.level);
  return (
    <dl class="summary-list sp-req-details">
      {pairs.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd class="sp-pre">
            <bdi>{value}</bdi>
          </dd>
        </Fragment>
      ))}
      {props.extra}
    </dl>
  );
}

/** A notice box: the result of an action (success) or why it could not be done (error), with a catalog message. */
export function Notice(props: { kind: 'success' | 'error' | 'warning'; children: ComponentChildren; id?: string }) {
  return (
    <div class={`notice notice--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} id={props.id}>
      {props.children}
    </div>
  );
}
