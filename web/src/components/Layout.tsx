import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { LOCALES, useLocale, useT, type Locale } from '../i18n';
import type { Session } from '../session';
import { roleLinks } from './role-links';

export function Layout({ session, onSignOut, children }: { session: Session | null; onSignOut: () => void; children: ReactNode }) {
  const { t, code } = useT();
  const { locale, setLocale } = useLocale();
  const [location] = useLocation();
  const links: [string, Parameters<typeof t>[0]][] =
    session?.role === 'STATE_FOCAL_POINT'
      ? [['/projects', 'nav.myProjects'], ['/requests/new', 'nav.newRequest']]
      : session?.role === 'PROGRAMME_MANAGER'
        ? [['/inbox', 'nav.inbox'], ['/projects', 'nav.portfolio'], ['/needs', 'nav.needs']]
        : session?.role === 'CONFERENCE_ADMIN'
          ? [['/projects', 'nav.portfolio'], ['/needs', 'nav.needs'], ['/weights', 'nav.weights']]
          : session?.role === 'EXPERT'
            ? [['/invitations', 'nav.invitations']]
            : session
          ? [['/projects', 'nav.myProjects']]
          : [];
  links.push(...roleLinks(session));
  const who = session ? [code('role', session.role), session.state, session.organisation].filter(Boolean).join(' · ') : '';
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="name">{t('app.name')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        {links.length > 0 && (
          <nav aria-label={t('nav.main')}>
            <ul>
              {links.map(([href, key]) => (
                <li key={href}>
                  <Link href={href} aria-current={location.startsWith(href) ? 'page' : undefined}>
                    {t(key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="tools">
          <label>
            {t('nav.language')}{' '}
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span className="who">{t('nav.signedInAs', { who })}</span>
              <button type="button" onClick={onSignOut}>
                {t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
