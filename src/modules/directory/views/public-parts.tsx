import type { ComponentChildren } from 'preact';
import { languageNameIn } from '../../guide/index.js';
import { usePage } from '../../../web/page-context.js';
import { formatList, openingStateLabel } from '../hours.js';
import type { OpeningState, ServiceCard } from '../public.js';
import { Text } from '../../../web/components/text.js';

/** "Open until 16:00" / "Opens Monday 9:00" / "Closed until 15 January" as a badge; the word carries the meaning. */
export function OpenBadge(props: { state: OpeningState | null }) {
  const { t, lang } = usePage();
  if (!props.state) return null;
  return (
    <span class={`badge dir-open ${props.state.open ? 'dir-open--open' : 'dir-open--closed'}`} data-open={props.state.open ? 'yes' : 'no'}>
      {openingStateLabel(props.state, lang, t)}
    </span>
  );
}

/** A distance as the reader's language writes it ("1,2 km"). */
export function formatKm(km: number, lang: string): string {
  const digits = km < 10 ? 1 : 0;
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: digits }).format(km);
  } catch {
    return `${km.toFixed(digits)} km`;
  }
}

/** One service in a list (the public list, the list a guide page embeds). */
export function ServiceCardItem(props: { card: ServiceCard; headingLevel?: 2 | 3 | 4; compact?: boolean }) {
  const { t, lang } = usePage();
  const c = props.card;
  const H = `h${props.headingLevel ?? 2}` as 'h2';
  return (
    <li class="dir-card" data-service-id={c.id}>
      <H class="dir-card__title">
        <a href={c.href}>
          <Text value={c.name} />
        </a>
      </H>
      <p class="dir-card__org">
        <Text value={c.organisation} />
      </p>
      <p class="dir-card__status">
        <OpenBadge state={c.state} />
        {c.km !== null ? <span class="dir-card__distance">{t('directory.distance', { distance: formatKm(c.km, lang) })}</span> : null}
      </p>
      {props.compact ? null : (
        <>
          {c.categories.length ? (
            <ul class="dir-card__categories inline-list" aria-label={t('directory.categories')}>
              {c.categories.map((cat, i) => (
                <li key={i}>
                  <Text value={cat} class="tag" />
                </li>
              ))}
            </ul>
          ) : null}
          {c.place?.address ? (
            <p class="dir-card__address">
              <span class="visually-hidden">{t('directory.address')}: </span>
              {c.place.address}
            </p>
          ) : null}
          {c.languages.length ? (
            <p class="dir-card__languages">
              {t('directory.languages_spoken')}: {formatList(c.languages.map((code) => languageNameIn(code, lang)), lang)}
            </p>
          ) : null}
          {c.free || c.wheelchair ? (
            <p class="dir-card__facts">
              {c.free ? <span class="tag">{t('directory.free')}</span> : null} {c.wheelchair ? <span class="tag">{t('directory.wheelchair')}</span> : null}
            </p>
          ) : null}
        </>
      )}
    </li>
  );
}

/** A list of service cards. */
export function ServiceCards(props: { cards: ServiceCard[]; headingLevel?: 2 | 3 | 4; compact?: boolean; labelledBy?: string; children?: ComponentChildren }) {
  return (
    <ul class="dir-cards" aria-labelledby={props.labelledBy}>
      {props.cards.map((c) => (
        <ServiceCardItem key={c.id} card={c} headingLevel={props.headingLevel} compact={props.compact} />
      ))}
      {props.children}
    </ul>
  );
}
