import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, Loading, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ClusterPage, ReasonForm, SecretariatOnly, useClusterId, useClusterInfo } from './shared';

/** One membership: its state and history; suspend, reinstate, renew, change the tier. */
export default function MemberPage() {
  return <SecretariatOnly><Member /></SecretariatOnly>;
}

function Member() {
  const { t, date, dateTime } = useI18n();
  const clusterId = useClusterId();
  const { enterpriseId = '' } = useParams();
  const cluster = useClusterInfo(clusterId);
  const member = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/members/{enterpriseId}', {
    params: { path: { clusterId, enterpriseId } },
  })), [clusterId, enterpriseId]);
  const [done, setDone] = useState<string>();
  const path = { clusterId, enterpriseId };
  const changed = (message: string) => { setDone(message); member.reload(); };
  const tierName = (code?: string) => cluster.data?.tiers?.find((x) => x.code === code)?.name ?? code ?? '';

  if (member.loading && !member.data) return <ClusterPage title={t('secretariat.member.title')}><Loading /></ClusterPage>;
  const m = member.data;
  return (
    <ClusterPage title={m?.enterpriseName ?? t('secretariat.member.title')}>
      <ProblemAlert problem={member.problem} />
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{done}</p>}</div>
      {m && (
        <>
          <div className="card">
            <dl className="facts">
              <dt>{t('secretariat.members.memberNumber')}</dt><dd>{m.memberNumber}</dd>
              <dt>{t('secretariat.members.status')}</dt><dd>{m.status && <Status value={m.status} />}</dd>
              <dt>{t('secretariat.members.tier')}</dt><dd>{tierName(m.tier)}</dd>
              <dt>{t('secretariat.member.valid')}</dt>
              <dd>{m.validFrom && date(m.validFrom)} – {m.validUntil && date(m.validUntil)}</dd>
            </dl>
            <p><Link to={`/secretariat/${clusterId}/standards?enterprise=${enterpriseId}`}>{t('secretariat.member.standards')}</Link></p>
          </div>
          <h2>{t('secretariat.member.actions')}</h2>
          <div className="grid">
            {(m.status === 'ACTIVE' || m.status === 'GRACE') && (
              <section className="card">
                <h3>{t('secretariat.member.suspend')}</h3>
                <ReasonForm label={t('secretariat.member.suspendReason')} submitLabel={t('secretariat.member.suspend')}
                            onSubmit={(reason) => call(membership.POST('/api/membership/clusters/{clusterId}/members/{enterpriseId}/suspension', {
                              params: { path }, body: { reason },
                            }))}
                            onDone={() => changed(t('secretariat.member.suspended'))} />
              </section>
            )}
            {m.status === 'SUSPENDED' && (
              <section className="card">
                <h3>{t('secretariat.member.reinstate')}</h3>
                <ReasonForm label={t('secretariat.member.reinstateReason')} submitLabel={t('secretariat.member.reinstate')}
                            onSubmit={(reason) => call(membership.POST('/api/membership/clusters/{clusterId}/members/{enterpriseId}/reinstatement', {
                              params: { path }, body: { reason },
                            }))}
                            onDone={() => changed(t('secretariat.member.reinstated'))} />
              </section>
            )}
            {m.status !== 'TERMINATED' && (
              <section className="card">
                <h3>{t('secretariat.member.renew')}</h3>
                <ReasonForm label={t('secretariat.member.renewNote')} submitLabel={t('secretariat.member.renew')} required={false}
                            onSubmit={(reason) => call(membership.POST('/api/membership/clusters/{clusterId}/members/{enterpriseId}/renewal', {
                              params: { path }, body: { reason: reason || undefined },
                            }))}
                            onDone={() => changed(t('secretariat.member.renewed'))} />
              </section>
            )}
            {m.status !== 'TERMINATED' && (
              <TierChange clusterId={clusterId} enterpriseId={enterpriseId} current={m.tier ?? ''}
                          tiers={cluster.data?.tiers ?? []} onDone={() => changed(t('secretariat.member.tierChanged'))} />
            )}
          </div>
          <h2>{t('secretariat.member.history')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('secretariat.member.when')}</th>
                  <th scope="col">{t('secretariat.member.change')}</th>
                  <th scope="col">{t('secretariat.members.status')}</th>
                  <th scope="col">{t('secretariat.members.tier')}</th>
                  <th scope="col">{t('secretariat.members.validUntil')}</th>
                  <th scope="col">{t('secretariat.member.by')}</th>
                  <th scope="col">{t('secretariat.member.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {[...(m.history ?? [])].reverse().map((h, i) => (
                  <tr key={i}>
                    <th scope="row">{h.at ? dateTime(h.at) : ''}</th>
                    <td>{t('secretariat.member.kind.' + h.kind)}</td>
                    <td>{h.status && <Status value={h.status} />}</td>
                    <td>{tierName(h.tier)}</td>
                    <td>{h.validUntil ? date(h.validUntil) : ''}</td>
                    <td>{h.by}</td>
                    <td>{h.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ClusterPage>
  );
}

function TierChange({ clusterId, enterpriseId, current, tiers, onDone }: {
  clusterId: string;
  enterpriseId: string;
  current: string;
  tiers: { code?: string; name?: string; rank: number }[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const [tier, setTier] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const change = useSubmit(() => call(membership.PUT('/api/membership/clusters/{clusterId}/members/{enterpriseId}/tier', {
    params: { path: { clusterId, enterpriseId } }, body: { tier, reason: reason.trim() || undefined },
  })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!tier || tier === current) {
      setError(t('secretariat.member.pickOtherTier'));
      return;
    }
    setError(undefined);
    if (await change.run()) {
      setTier('');
      setReason('');
      onDone();
    }
  };
  return (
    <section className="card">
      <h3>{t('secretariat.member.changeTier')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('secretariat.member.newTier')} error={error ?? change.problem?.fieldError('tier')}>
          {(props) => (
            <select {...props} value={tier} onChange={(e) => setTier(e.target.value)}>
              <option value="">{t('secretariat.member.chooseTier')}</option>
              {[...tiers].sort((a, b) => a.rank - b.rank).map((x) => (
                <option key={x.code} value={x.code} disabled={x.code === current}>{x.name}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('secretariat.member.tierReason')} error={change.problem?.fieldError('reason')}>
          {(props) => <input {...props} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert problem={change.problem} />
        <button type="submit" disabled={change.pending}>{t('secretariat.member.changeTier')}</button>
      </form>
    </section>
  );
}
