import { useEffect, useState, type FormEvent } from 'react';
import { call, notifications } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { signedIn } from '../../nav';
import { Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';

/** Which categories of notification also come by e-mail; mandatory ones cannot be turned off. */
export default function PreferencesPage() {
  return <Restricted allowed={signedIn}><Preferences /></Restricted>;
}

function Preferences() {
  const { t } = useI18n();
  const current = useAsync(() => call(notifications.GET('/api/notifications/me/preferences')), []);
  const [email, setEmail] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setEmail({ ...current.data.email });
  }, [current.data]);
  const save = useSubmit(async () => {
    const result = await call(notifications.PUT('/api/notifications/me/preferences', { body: { email } }));
    setEmail({ ...result.email });
    setSaved(true);
  });

  if (current.loading && !current.data) return <Loading />;
  if (!current.data) return <ProblemAlert problem={current.problem} />;
  const mandatory = new Set<string>(current.data.mandatory);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void save.run();
  };
  return (
    <Page title={t('notifications.preferences')}>
      <p>{t('notifications.preferencesLead')}</p>
      <form onSubmit={submit} className="card">
        <fieldset>
          <legend>{t('notifications.emailFor')}</legend>
          {Object.keys(email).sort().map((category) => (
            <div key={category} className="row">
              <input id={'pref-' + category} type="checkbox" checked={email[category]}
                     disabled={mandatory.has(category)}
                     onChange={(e) => setEmail({ ...email, [category]: e.target.checked })} />
              <label htmlFor={'pref-' + category}>
                {t('notifications.category.' + category)}
                {mandatory.has(category) && <span className="muted small"> ({t('notifications.mandatory')})</span>}
              </label>
            </div>
          ))}
        </fieldset>
        <ProblemAlert problem={save.problem} />
        {saved && <p className="alert alert-ok" role="status">{t('common.saved')}</p>}
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </Page>
  );
}
