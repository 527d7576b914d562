import { usePage } from '../../../web/page-context.js';
import type { Category, ServiceCard } from '../public.js';
import { ServiceCards } from './public-parts.js';
import { Text } from '../../../web/components/text.js';

/**
 * The live list a guide page embeds (`<div data-embed="services" data-category="migration-counselling"></div>`):
 * up to ten services of the category with their opening state, and a link to all of them in the directory.
 */
export function EmbeddedServices(props: { regionSlug: string; code: string; category: Category | null; cards: ServiceCard[]; total: number }) {
  const { t, lang } = usePage();
  const all = `/${props.regionSlug}/${lang}/services?category=${encodeURIComponent(props.code)}`;
  const id = `dir-embed-${props.code}`;
  return (
    <section class="dir-embed" aria-labelledby={id} data-embed-rendered="services">
      <h2 id={id} class="dir-embed__title">
        {props.category ? <Text value={props.category.name} /> : t('directory.list_title')}
      </h2>
      {props.cards.length ? <ServiceCards cards={props.cards} headingLevel={3} compact /> : <p>{t('directory.none')}</p>}
      <p class="dir-embed__all">
        <a href={all}>{t('directory.embed_all', { count: props.total })}</a>
      </p>
    </section>
  );
}

/** The link to the directory on the region's home page (a home section). */
export function DirectoryHomeLink(props: { regionSlug: string }) {
  const { t, lang } = usePage();
  return (
    <section class="dir-home" aria-labelledby="dir-home-title">
      <h2 id="dir-home-title">{t('directory.home_title')}</h2>
      <p>{t('directory.home_text')}</p>
      <p>
        <a class="button" href={`/${props.regionSlug}/${lang}/services`}>
          {t('directory.home_link')}
        </a>
      </p>
    </section>
  );
}
