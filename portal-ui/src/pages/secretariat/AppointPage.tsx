import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { allianceAdmin } from './AlliancePage';

/** The alliance office appoints a cluster's secretariat (the whole list) and removes members of it. */
export default function AppointPage() {
  return <Restricted allowed={allianceAdmin}><Appoint /></Restricted>;
}

function Appoint() {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const { clusterId = '' } = useParams();
  const current = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/secretariat', {
    params: { path: { clusterId } },
  })), [clusterId]);
  const [user, setUser] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const appoint = useSubmit(async (users: string[], message: string) => {
    await call(membership.PUT('/api/membership/clusters/{clusterId}/secretariat', {
      params: { path: { clusterId } }, body: { users, reason: reason.trim() || undefined },
    }));
    setDone(message);
    setUser('');
    setReason('');
    current.reload();
    await session.refresh();
  });
  const members = current.data?.members ?? [];
  const names = members.map((m) => m.username ?? m.email ?? '');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = user.trim();
    if (!name) { setError(t('secretariat.required')); return; }
    if (name.length > 254) { setError(t('secretariat.tooLong', { max: 254 })); return; }
    if (names.includes(name) || members.some((m) => m.email === name)) { setError(t('secretariat.appoint.already')); return; }
    setError(undefined);
    void appoint.run([...names, name], t('secretariat.appoint.appointed', { user: name }));
  };
  return (
    <Page title={t('secretariat.appoint.title', { clusterId })}>
      <p><Link to="/alliance">{t('secretariat.appoint.back')}</Link></p>
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{done}</p>}</div>
      <ProblemAlert problem={current.problem} />
      {current.loading && !current.data && <Loading />}
      {current.data?.changeInProgress && <p className="alert alert-info">{t('secretariat.appoint.inProgress')}</p>}
      {current.data && members.length === 0 && <Empty>{t('secretariat.appoint.none')}</Empty>}
      {members.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.appoint.user')}</th>
                <th scope="col">{t('secretariat.appoint.email')}</th>
                <th scope="col">{t('secretariat.appoint.since')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => (
                <tr key={m.userId ?? i}>
                  <th scope="row">{m.username}</th>
                  <td>{m.email}</td>
                  <td>{m.since ? dateTime(m.since) : ''}</td>
                  <td>
                    <button type="button" disabled={appoint.pending}
                            onClick={() => void appoint.run(names.filter((_, j) => j !== i), t('secretariat.appoint.removed', { user: names[i] }))}>
                      {t('secretariat.appoint.remove', { user: names[i] })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={add} noValidate>
        <h2>{t('secretariat.appoint.add')}</h2>
        <Field label={t('secretariat.appoint.userField')} error={error ?? appoint.problem?.fieldError('users')}>
          {(props) => <input {...props} value={user} onChange={(e) => setUser(e.target.value)} />}
        </Field>
        <Field label={t('secretariat.appoint.reason')} error={appoint.problem?.fieldError('reason')}>
          {(props) => <input {...props} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert problem={appoint.problem} />
        <button type="submit" className="primary" disabled={appoint.pending}>{t('secretariat.appoint.appoint')}</button>
      </form>
    </Page>
  );
}
