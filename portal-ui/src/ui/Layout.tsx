import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session';
import { LOCALES, useI18n, type Locale } from '../i18n/i18n';
import { navigation } from '../routes';
import { Loading } from './components';
import { NotificationBell } from '../pages/notifications/NotificationBell';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function Layout() {
  const session = useSession();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const items = navigation.filter((item) => item.show(session));
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="top">
        <NavLink to="/" className="brand">{t('app.name')}</NavLink>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}><NavLink to={item.to}>{t(item.label)}</NavLink></li>
            ))}
          </ul>
        </nav>
        <div className="top-tools">
          <label className="locale">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="locale">
              {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
            </select>
          </label>
          {session.status === 'authenticated' && <NotificationBell />}
          {session.status === 'authenticated' && (
            <span className="user">
              <NavLink to="/account" className="user-name" title={t('account.openAccount')}>
                {session.user?.name ?? session.user?.username}
              </NavLink>
              <button type="button" onClick={() => session.logout()}>{t('auth.signOut')}</button>
            </span>
          )}
          {session.status === 'anonymous' && (
            <button type="button" className="primary" onClick={() => session.login()}>{t('auth.signIn')}</button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {new URLSearchParams(location.search).get('login') === 'failed' && (
          <div className="alert alert-error" role="alert">{t('auth.loginFailed')}</div>
        )}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="bottom">
        <span>{t('app.footer')}</span>
        <a href="/swagger-ui.html">{t('app.apiDocs')}</a>
      </footer>
    </>
  );
}
