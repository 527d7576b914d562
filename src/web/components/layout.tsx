import type { ComponentChildren } from 'preact';
import { languageInfo } from '../../platform/i18n/languages.js';
import { usePage } from '../page-context.js';
import { can } from '../../platform/auth/permissions.js';

/** What the public layout needs to know of the region a page belongs to. */
export type LayoutRegion = { slug: string; name: string; languages: string[]; sourceLanguage: string };

function Flashes() {
  const { flashes, t } = usePage();
  if (!flashes.length) return null;
  return (
    <div class="flashes">
      {flashes.map((f, i) => (
        <div key={i} class={`notice notice--${f.type}`} role={f.type === 'error' ? 'alert' : 'status'}>
          {t(f.key, f.params)}
        </div>
      ))}
    </div>
  );
}

/** Links to the same page in the region's other languages; a plain list of links, no JavaScript needed. */
export function LanguageSwitcher(props: { languages: string[]; hrefFor: (lang: string) => string }) {
  const { lang, t } = usePage();
  if (props.languages.length < 2) return null;
  return (
    <nav class="lang-switch" aria-label={t('common.language_switcher')}>
      <details>
        <summary class="toggle-button">
          {/* A drawn globe: the emoji shows as an empty box on phones without an emoji font. */}
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2">
            <circle cx="12" cy="12" r="10" />
            <path d="M2 12h20M12 2c2.8 2.9 4 6.2 4 10s-1.2 7.1-4 10c-2.8-2.9-4-6.2-4-10s1.2-7.1 4-10z" />
          </svg>
          <span lang={lang} dir={languageInfo(lang).direction}>
            {languageInfo(lang).nativeName}
          </span>
          <span class="visually-hidden"> – {t('common.change_language')}</span>
        </summary>
        <ul>
          {props.languages.map((code) => {
            const info = languageInfo(code);
            return (
              <li key={code}>
                <a href={props.hrefFor(code)} hreflang={code} lang={code} dir={info.direction} aria-current={code === lang ? 'true' : undefined}>
                  {info.nativeName}
                </a>
              </li>
            );
          })}
        </ul>
      </details>
    </nav>
  );
}

function Document(props: { title: string; children: ComponentChildren; bodyClass: string; head?: ComponentChildren }) {
  const { lang, dir, assets, t } = usePage();
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script type="module" src={assets.js} />
        {props.head}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          {t('common.skip_to_content')}
        </a>
        {props.children}
      </body>
    </html>
  );
}

/** Layout of public pages: region header, language switcher, footer with the legal links. */
export function PublicLayout(props: { title: string; region?: LayoutRegion; children: ComponentChildren; head?: ComponentChildren; alternates?: Record<string, string> }) {
  const { t, lang, path, actor } = usePage();
  const region = props.region;
  const hrefFor = (code: string) => {
    // A page whose address differs per language (guide pages have a slug per language) names its alternates.
    const alternate = props.alternates?.[code];
    if (alternate) return alternate;
    if (region) {
      const parts = path.split('/');
      // /{region}/{lang}/rest → swap the language segment
      if (parts[1] === region.slug && parts[2]) {
        parts[2] = code;
        return parts.join('/');
      }
      return `/${region.slug}/${code}/`;
    }
    return `${path.split('?')[0]}?lang=${encodeURIComponent(code)}`;
  };
  return (
    <Document title={props.title} bodyClass="public" head={props.head}>
      <header class="site-header">
        <div class="container site-header__inner">
          <a class="brand" href={region ? `/${region.slug}/${lang}/` : `/?lang=${lang}`}>
            <span class="brand__mark" aria-hidden="true">
              ➜
            </span>
            <span class="brand__name">{region ? region.name : t('common.app_name')}</span>
          </a>
          <LanguageSwitcher languages={region ? region.languages : ['de', 'en', 'ar', 'uk', 'fa', 'tr', 'ru']} hrefFor={hrefFor} />
        </div>
        {/* Search of the region (src/modules/search); the search page has its own form. */}
        {region && !path.endsWith('/search') ? (
          <form method="get" action={`/${region.slug}/${lang}/search`} role="search" class="container header-search">
            <label for="header-search-q" class="visually-hidden">
              {t('search.header_label')}
            </label>
            <input id="header-search-q" type="search" name="q" maxLength={200} autocomplete="off" placeholder={t('search.header_label')} />
            <button type="submit" class="button button--secondary">
              {t('common.search')}
            </button>
          </form>
        ) : null}
      </header>
      <main id="main" class="container" tabIndex={-1}>
        <Flashes />
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="container">
          {region ? (
            <ul class="footer-links">
              <li>
                <a href={`/${region.slug}/${lang}/contact`}>{t('common.contact')}</a>
              </li>
              <li>
                <a href={`/${region.slug}/${lang}/imprint`}>{t('common.imprint')}</a>
              </li>
              <li>
                <a href={`/${region.slug}/${lang}/privacy`}>{t('common.privacy')}</a>
              </li>
              <li>
                <a href={`/${region.slug}/${lang}/accessibility`}>{t('common.accessibility')}</a>
              </li>
            </ul>
          ) : null}
          <p class="footer-meta">
            <a href="/">{t('common.all_regions')}</a> · {actor ? <a href="/admin">{t('common.admin_area')}</a> : <a href="/login">{t('common.staff_login')}</a>}
          </p>
        </div>
      </footer>
    </Document>
  );
}

/** Layout of the admin area: navigation by permission, account menu. */
export function AdminLayout(props: { title: string; children: ComponentChildren; head?: ComponentChildren }) {
  const { t, actor, path } = usePage();
  const nav: { href: string; label: string; show: boolean }[] = [
    { href: '/admin', label: t('admin.nav_dashboard'), show: true },
    { href: '/admin/regions', label: t('admin.nav_regions'), show: true },
    { href: '/admin/members', label: t('admin.nav_members'), show: Boolean(actor && (actor.isAdmin || actor.memberships.some((m) => m.role === 'region_admin'))) },
    { href: '/admin/audit', label: t('admin.nav_audit'), show: Boolean(actor && (actor.isAdmin || actor.memberships.some((m) => m.role === 'region_admin'))) },
    { href: '/admin/jobs', label: t('admin.nav_jobs'), show: Boolean(actor && (actor.isAdmin || actor.memberships.some((m) => m.role === 'region_admin'))) },
    { href: '/admin/mail', label: t('admin.nav_mail'), show: Boolean(actor && (actor.isAdmin || actor.memberships.some((m) => m.role === 'region_admin'))) },
    { href: '/admin/languages', label: t('admin.nav_languages'), show: can(actor, 'language.manage') },
  ];
  return (
    <Document title={`${props.title} – ${t('admin.title_suffix')}`} bodyClass="admin" head={props.head}>
      <header class="site-header site-header--admin">
        <div class="container site-header__inner">
          <a class="brand" href="/admin">
            <span class="brand__mark" aria-hidden="true">
              ➜
            </span>
            <span class="brand__name">{t('admin.brand')}</span>
          </a>
          {actor ? (
            <nav class="account-menu" aria-label={t('admin.account_menu')}>
              <a href="/account">{actor.name || actor.email}</a>
              <form method="post" action="/logout" class="inline-form">
                <input type="hidden" name="_csrf" value={usePage().csrfToken()} />
                <button type="submit" class="link-button">
                  {t('auth.logout')}
                </button>
              </form>
            </nav>
          ) : null}
        </div>
      </header>
      <div class="container admin-shell">
        <nav class="admin-nav" aria-label={t('admin.nav_label')}>
          <ul>
            {nav
              .filter((n) => n.show)
              .map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={path === n.href || (n.href !== '/admin' && path.startsWith(n.href + '/')) ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <main id="main" class="admin-main" tabIndex={-1}>
          <Flashes />
          {props.children}
        </main>
      </div>
    </Document>
  );
}
