import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { signedIn } from '../../nav';
import { useSession } from '../../session/session';
import { Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useSubmit } from '../../ui/useAsync';
import { collectPersonalData, requestErasure, saveAsJson, type PersonalData } from './personalData';

/** The signed-in user's own page: who they are, their settings, and their personal data (export and erasure). */
export default function AccountPage() {
  return <Restricted allowed={signedIn}><Account /></Restricted>;
}

function Account() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page title={t('account.title')}>
      <section className="card">
        <p><strong>{session.user?.name ?? session.user?.username}</strong></p>
        {session.user?.email && <p className="muted">{session.user.email}</p>}
        <p><Link to="/notifications/preferences">{t('account.notificationSettings')}</Link></p>
      </section>
      <YourData />
    </Page>
  );
}

function YourData() {
  const { t } = useI18n();
  const session = useSession();
  const [exported, setExported] = useState<PersonalData>();
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [erasure, setErasure] = useState<{ requestId: string }>();
  const download = useSubmit(async () => {
    const data = await collectPersonalData();
    saveAsJson(data, 'my-personal-data.json');
    setExported(data);
  });
  const erase = useSubmit(async () => {
    setErasure(await requestErasure());
  });

  return (
    <section className="card" aria-labelledby="your-data">
      <h2 id="your-data">{t('account.data.title')}</h2>
      <p>{t('account.data.lead')}</p>
      <button type="button" onClick={() => void download.run()} disabled={download.pending}>
        {download.pending ? t('account.data.downloading') : t('account.data.download')}
      </button>
      <ProblemAlert problem={download.problem} />
      {exported && exported.unavailable.length === 0 && (
        <p className="alert alert-ok" role="status">{t('account.data.downloaded')}</p>
      )}
      {exported && exported.unavailable.length > 0 && (
        <p className="alert alert-error" role="alert">
          {t('account.data.partial', { services: exported.unavailable.map((u) => t('account.service.' + u.service))
            .join(', ') })}
        </p>
      )}

      <h3>{t('account.erasure.title')}</h3>
      {erasure ? (
        <div className="alert alert-ok" role="status">
          <p>{t('account.erasure.done', { id: erasure.requestId })}</p>
          <button type="button" className="primary" onClick={() => session.logout()}>{t('auth.signOut')}</button>
        </div>
      ) : (
        <>
          <p>{t('account.erasure.lead')}</p>
          {!confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('account.erasure.start')}
            </button>
          )}
          {confirming && (
            <div role="group" aria-label={t('account.erasure.confirmTitle')}>
              <p><strong>{t('account.erasure.confirmTitle')}</strong></p>
              <p>{t('account.erasure.consequences')}</p>
              <div className="row">
                <input id="erasure-understood" type="checkbox" checked={understood}
                       onChange={(e) => setUnderstood(e.target.checked)} />
                <label htmlFor="erasure-understood">{t('account.erasure.understood')}</label>
              </div>
              <ProblemAlert problem={erase.problem} />
              <button type="button" className="danger" disabled={!understood || erase.pending}
                      onClick={() => void erase.run()}>
                {erase.pending ? t('account.erasure.erasing') : t('account.erasure.confirm')}
              </button>
              <button type="button" onClick={() => { setConfirming(false); setUnderstood(false); erase.clear(); }}>
                {t('common.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
