import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise, secretariat } from '../../nav';
import { useSession, type Session } from '../../session/session';
import { Empty, Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { SecretariatLink } from './SecretariatLink';
import { loadApplication, loadClusters, tierName } from './data';

const mayRead = (s: Session) => enterprise(s) || secretariat(s);

/** One application: its status and history; the applying enterprise withdraws it while it is open. */
export default function ApplicationPage() {
  return <Restricted allowed={mayRead}><Application /></Restricted>;
}

function Application() {
  const { applicationId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const application = useAsync(() => loadApplication(applicationId), [applicationId]);
  const clusters = useAsync(loadClusters, []);
  const a = application.data;
  const own = !!a && a.enterpriseId === session.user?.enterprise_id;
  const withdraw = useSubmit(async () => {
    await call(membership.POST('/api/membership/applications/{applicationId}/withdrawal', {
      params: { path: { applicationId } },
    }));
    setConfirming(false);
    application.reload();
  });

  if (application.loading && !a) return <Loading />;
  if (!a) {
    return (
      <Page title={t('enterprise.application.title')}>
        {application.problem?.status === 404 ? <Empty>{t('enterprise.application.notFound')}</Empty> : <ProblemAlert problem={application.problem} />}
        <Link to="/membership/applications">{t('enterprise.application.back')}</Link>
      </Page>
    );
  }
  const cluster = clusters.data?.find((c) => c.id === a.clusterId);
  const clusterLabel = cluster?.name ?? a.clusterId ?? '';
  return (
    <Page title={t('enterprise.application.titleFor', { cluster: clusterLabel })}>
      <SecretariatLink clusterId={a.clusterId} to="applications">{t('enterprise.secretariat.review')}</SecretariatLink>
      <div className="card">
        <dl className="facts">
          <dt>{t('enterprise.application.status')}</dt><dd><Status value={a.status ?? ''} /></dd>
          <dt>{t('enterprise.application.enterprise')}</dt><dd>{a.enterpriseName}</dd>
          <dt>{t('enterprise.applications.cluster')}</dt><dd><Link to={`/clusters/${a.clusterId}`}>{clusterLabel}</Link></dd>
          <dt>{t('enterprise.application.requestedTier')}</dt><dd>{tierName(cluster, a.requestedTier)}</dd>
          {a.approvedTier && <><dt>{t('enterprise.application.approvedTier')}</dt><dd>{tierName(cluster, a.approvedTier)}</dd></>}
          {a.submittedAt && <><dt>{t('enterprise.applications.submittedAt')}</dt><dd>{dateTime(a.submittedAt)}</dd></>}
          {a.decidedAt && <><dt>{t('enterprise.application.decidedAt')}</dt><dd>{dateTime(a.decidedAt)}</dd></>}
          {a.reason && <><dt>{t('enterprise.application.reason')}</dt><dd className="pre-line">{a.reason}</dd></>}
          {a.memberNumber && <><dt>{t('enterprise.application.memberNumber')}</dt><dd>{a.memberNumber}</dd></>}
        </dl>
        {a.motivation && <><h2>{t('enterprise.applications.motivation')}</h2><p className="pre-line">{a.motivation}</p></>}
      </div>
      <div aria-live="polite">
        {a.status === 'SUBMITTED' && <p className="alert alert-info">{t('enterprise.application.waiting')}</p>}
        {a.status === 'APPROVED' && a.admission === 'DONE' && own && (
          <p className="alert alert-ok">
            {t('enterprise.application.admitted', { number: a.memberNumber ?? '' })}{' '}
            <Link to={`/membership/memberships/${a.id}`}>{t('enterprise.application.toMembership')}</Link>
          </p>
        )}
        {a.status === 'APPROVED' && a.admission !== 'DONE' && <p className="alert alert-info">{t('enterprise.application.admitting')}</p>}
        <ProblemAlert problem={withdraw.problem} />
      </div>
      {own && a.status === 'SUBMITTED' && (confirming ? (
        <div className="card row">
          <span>{t('enterprise.application.confirmWithdraw')}</span>
          <button type="button" className="danger" disabled={withdraw.pending} onClick={() => void withdraw.run()}>
            {t('enterprise.application.withdraw')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('enterprise.application.withdraw')}</button>
      ))}
      <h2>{t('enterprise.application.history')}</h2>
      {(a.history ?? []).length === 0 ? <Empty>{t('enterprise.application.noHistory')}</Empty> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.history.when')}</th>
                <th scope="col">{t('enterprise.application.status')}</th>
                <th scope="col">{t('enterprise.application.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {(a.history ?? []).map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h.at ? dateTime(h.at) : '—'}</th>
                  <td><Status value={h.status ?? ''} /></td>
                  <td className="pre-line">{h.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {own && <p><Link to="/membership/applications">{t('enterprise.application.back')}</Link></p>}
    </Page>
  );
}
