import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import type { PoolSettings } from '../settings.js';
import { becomeHref, registerHref } from './agency-parts.js';
import { agencyBase } from './layout.js';

function listOf(items: string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * /{region}/{lang}/sprachpool — language mediation in the region: for institutions (what it is, who may request, the
 * lead time, what the pool does not cover, how to register and sign in) and for people who want to mediate.
 */
export function PoolLandingPage(props: { region: RegionRow; settings: PoolSettings; languageCount: number }) {
  const { t, lang } = usePage();
  const r = props.region;
  const s = props.settings;
  const title = t('sprachpool-agencies.landing_title');
  const excluded = s.excludedSettings.map((x) => t(`sprachpool.setting_${x}`));
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <h1>{title}</h1>
      <p class="lead">
        {t('sprachpool-agencies.landing_intro', { region: r.name })}
        {props.languageCount > 0 ? <> {t('sprachpool-agencies.landing_languages', { count: props.languageCount })}</> : null}
      </p>

      <section class="spa-landing" aria-labelledby="spa-for-institutions">
        <h2 id="spa-for-institutions">{t('sprachpool-agencies.landing_institutions_title')}</h2>
        <p>{t('sprachpool-agencies.landing_what')}</p>
        <h3>{t('sprachpool-agencies.landing_who_title')}</h3>
        <p>{t('sprachpool-agencies.landing_who')}</p>
        <p class="notice" data-landing="no-private-persons">
          {t('sprachpool-agencies.landing_no_private')}
        </p>
        <h3>{t('sprachpool-agencies.landing_rules_title')}</h3>
        <ul>
          <li data-landing="lead-time">{t('sprachpool-agencies.landing_lead_time', { days: s.leadTimeWorkingDays })}</li>
          {excluded.length ? <li data-landing="excluded">{t('sprachpool-agencies.landing_excluded', { settings: listOf(excluded, lang) })}</li> : null}
          <li>{t('sprachpool-agencies.landing_cancel', { hours: s.freeCancellationHours })}</li>
          <li>{t('sprachpool-agencies.landing_no_personal_data')}</li>
        </ul>
        <h3>{t('sprachpool-agencies.landing_how_title')}</h3>
        <ol>
          <li>
            <a href={registerHref(r.slug, lang)}>{t('sprachpool-agencies.landing_register_link')}</a> – {t('sprachpool-agencies.landing_register_text')}
          </li>
          <li>{t('sprachpool-agencies.landing_approval_text')}</li>
          <li>
            <a href={agencyBase(r.id)}>{t('sprachpool-agencies.landing_signin_link')}</a> – {t('sprachpool-agencies.landing_signin_text')}
          </li>
        </ol>
        {s.contactEmail ? (
          <p>
            {t('sprachpool-agencies.landing_contact')} <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
          </p>
        ) : null}
      </section>

      <section class="spa-landing" aria-labelledby="spa-for-mediators">
        <h2 id="spa-for-mediators">{t('sprachpool-agencies.landing_mediators_title')}</h2>
        <p>{t('sprachpool-agencies.landing_mediators_text')}</p>
        <p>
          <a class="button" href={becomeHref(r.slug, lang)}>
            {t('sprachpool-agencies.landing_become_link')}
          </a>
        </p>
      </section>
    </PublicLayout>
  );
}
