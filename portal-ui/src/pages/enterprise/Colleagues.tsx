import { useState, type FormEvent } from 'react';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, ProblemAlert } from '../../ui/components';
import { useSubmit, type Async } from '../../ui/useAsync';
import { isEmail } from './checks';
import type { ColleagueView } from './data';

const ROLES = ['ADMIN', 'STAFF'] as const;
type Role = (typeof ROLES)[number];

/**
 * The people acting for the enterprise: admins invite by e-mail, change roles and remove colleagues; anyone may
 * leave. The service keeps at least one admin and answers 409 otherwise, shown here.
 */
export function Colleagues({ enterpriseId, state, isAdmin }: {
  enterpriseId: string;
  state: Async<ColleagueView[]>;
  isAdmin: boolean;
}) {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const [confirming, setConfirming] = useState<string>();
  const [done, setDone] = useState<string>();
  const path = (userId: string) => ({ path: { enterpriseId, userId } });

  const afterChange = async (message: string) => {
    setConfirming(undefined);
    setDone(message);
    state.reload();
    // the claims of the people concerned changed; the own session's too when the user left. The change itself is
    // done: a failed refresh only delays the new claims until the next one, so it is no failure of this action.
    await session.refresh().catch(() => undefined);
  };
  const changeRole = useSubmit(async (c: ColleagueView, role: Role) => {
    await call(membership.PUT('/api/membership/enterprises/{enterpriseId}/colleagues/{userId}', {
      params: path(c.userId ?? ''), body: { role },
    }));
    await afterChange(t('enterprise.colleagues.roleChanged', { email: c.email ?? '', role: t('enterprise.role.' + role) }));
  });
  const remove = useSubmit(async (c: ColleagueView) => {
    await call(membership.DELETE('/api/membership/enterprises/{enterpriseId}/colleagues/{userId}', {
      params: path(c.userId ?? ''),
    }));
    await afterChange(t('enterprise.colleagues.removed', { email: c.email ?? '' }));
  });
  const problem = changeRole.problem ?? remove.problem;
  const pending = changeRole.pending || remove.pending;

  return (
    <section aria-labelledby="enterprise-colleagues">
      <h2 id="enterprise-colleagues">{t('enterprise.colleagues.title')}</h2>
      {state.loading && !state.data && <Loading />}
      <ProblemAlert problem={state.problem} />
      <div aria-live="polite">
        <ProblemAlert problem={problem} />
        {done && !problem && <p className="alert alert-ok" role="status">{done}</p>}
      </div>
      {state.data && state.data.length === 0 && <Empty>{t('enterprise.colleagues.empty')}</Empty>}
      {state.data && state.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.colleagues.email')}</th>
                <th scope="col">{t('enterprise.colleagues.role')}</th>
                <th scope="col">{t('enterprise.colleagues.status')}</th>
                <th scope="col">{t('enterprise.colleagues.since')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((c) => {
                const self = c.userId === session.user?.subject;
                const active = c.status === 'ACTIVE';
                return (
                  <tr key={c.userId}>
                    <th scope="row">{c.email}{self && <span className="muted"> ({t('enterprise.colleagues.you')})</span>}</th>
                    <td>
                      {isAdmin && active ? (
                        <select aria-label={t('enterprise.colleagues.roleOf', { email: c.email ?? '' })} value={c.role}
                                disabled={pending}
                                onChange={(e) => void changeRole.run(c, e.target.value as Role)}>
                          {ROLES.map((r) => <option key={r} value={r}>{t('enterprise.role.' + r)}</option>)}
                        </select>
                      ) : t('enterprise.role.' + c.role)}
                    </td>
                    <td><span className={'badge badge-' + (c.status ?? '').toLowerCase()}>{t('enterprise.colleagues.status.' + c.status)}</span></td>
                    <td>{c.since ? dateTime(c.since) : '—'}</td>
                    <td>
                      {active && (isAdmin || self) && (confirming === c.userId ? (
                        <span className="row">
                          <span>{self ? t('enterprise.colleagues.confirmLeave') : t('enterprise.colleagues.confirmRemove', { email: c.email ?? '' })}</span>
                          <button type="button" className="danger" disabled={pending} onClick={() => void remove.run(c)}>
                            {self ? t('enterprise.colleagues.leave') : t('enterprise.colleagues.remove')}
                          </button>
                          <button type="button" onClick={() => setConfirming(undefined)}>{t('common.cancel')}</button>
                        </span>
                      ) : (
                        <button type="button" className="danger" disabled={pending}
                                onClick={() => { setDone(undefined); setConfirming(c.userId); }}
                                aria-label={self ? t('enterprise.colleagues.leave') : t('enterprise.colleagues.removeWho', { email: c.email ?? '' })}>
                          {self ? t('enterprise.colleagues.leave') : t('enterprise.colleagues.remove')}
                        </button>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && <Invite enterpriseId={enterpriseId} onInvited={async (email) => afterChange(t('enterprise.colleagues.invited', { email }))} />}
    </section>
  );
}

function Invite({ enterpriseId, onInvited }: { enterpriseId: string; onInvited(email: string): Promise<void> }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('STAFF');
  const [error, setError] = useState<string>();
  const invite = useSubmit(async (address: string) => {
    await call(membership.POST('/api/membership/enterprises/{enterpriseId}/colleagues', {
      params: { path: { enterpriseId } }, body: { email: address, role },
    }));
    setEmail('');
    await onInvited(address);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (!isEmail(address) || address.length > 254) {
      setError(t('enterprise.form.emailInvalid'));
      return;
    }
    setError(undefined);
    void invite.run(address);
  };
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t('enterprise.colleagues.invite')}</h3>
      <p className="small muted">{t('enterprise.colleagues.inviteHint')}</p>
      <Field label={t('enterprise.colleagues.email')} error={error ?? invite.problem?.fieldError('email')}>
        {(props) => <input {...props} name="email" type="email" value={email} maxLength={254} autoComplete="off"
                           onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={t('enterprise.colleagues.role')} error={invite.problem?.fieldError('role')}>
        {(props) => (
          <select {...props} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t('enterprise.role.' + r)}</option>)}
          </select>
        )}
      </Field>
      <ProblemAlert problem={invite.problem} />
      <button type="submit" className="primary" disabled={invite.pending}>
        {invite.pending ? t('common.saving') : t('enterprise.colleagues.sendInvite')}
      </button>
    </form>
  );
}
