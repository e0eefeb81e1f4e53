import type { ReactNode } from 'react';
import { useSession, type Session } from '../session/session';
import { useI18n } from '../i18n/i18n';
import { Loading, Page } from './components';

/**
 * Shows its children to whom `allowed` admits: asks an anonymous visitor to sign in (coming back here), and tells
 * a signed-in user without the right role that the page is not for them. The services check every request
 * again; this only keeps people from pages they cannot use.
 */
export function Restricted({ allowed, children }: { allowed: (s: Session) => boolean; children: ReactNode }) {
  const session = useSession();
  const { t } = useI18n();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return (
      <Page title={t('auth.signInTitle')}>
        <p>{t('auth.signInText')}</p>
        <button type="button" className="primary" onClick={() => session.login()}>{t('auth.signIn')}</button>
      </Page>
    );
  }
  if (!allowed(session)) {
    return (
      <Page title={t('auth.forbiddenTitle')}>
        <p>{t('auth.forbiddenText')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
