import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { enterprise, secretariat } from '../../nav';
import { useSession, type Session } from '../../session/session';
import { Empty, Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { AcceptConvention } from './AcceptConvention';
import { SecretariatLink } from './SecretariatLink';
import { loadCurrentConvention, loadClusters, loadMembershipById, tierName } from './data';

const mayRead = (s: Session) => enterprise(s) || secretariat(s);

/** One membership: status, tier, validity and renewal, its history, and the cluster's convention to accept. */
export default function MembershipPage() {
  return <Restricted allowed={mayRead}><Membership /></Restricted>;
}

function Membership() {
  const { membershipId = '' } = useParams();
  const { t, date, dateTime } = useI18n();
  const session = useSession();
  const membership = useAsync(() => loadMembershipById(membershipId), [membershipId]);
  const clusters = useAsync(loadClusters, []);
  const m = membership.data;
  const convention = useAsync(async () => (m?.clusterId ? loadCurrentConvention(m.clusterId) : undefined), [m?.clusterId]);

  if (membership.loading && !m) return <Loading />;
  if (!m) {
    return (
      <Page title={t('enterprise.membership.title')}>
        {membership.problem?.status === 404 ? <Empty>{t('enterprise.membership.notFound')}</Empty> : <ProblemAlert problem={membership.problem} />}
        <Link to="/membership/memberships">{t('enterprise.membership.back')}</Link>
      </Page>
    );
  }
  const cluster = clusters.data?.find((c) => c.id === m.clusterId);
  const clusterLabel = cluster?.name ?? m.clusterId ?? '';
  const history = [...(m.history ?? [])].reverse();
  return (
    <Page title={t('enterprise.membership.titleFor', { cluster: clusterLabel })}>
      <SecretariatLink clusterId={m.clusterId} to={`members/${m.enterpriseId}`}>{t('enterprise.secretariat.member')}</SecretariatLink>
      <div className="card">
        <dl className="facts">
          <dt>{t('enterprise.application.status')}</dt><dd><Status value={m.status ?? ''} /></dd>
          <dt>{t('enterprise.memberships.number')}</dt><dd>{m.memberNumber}</dd>
          <dt>{t('enterprise.application.enterprise')}</dt><dd>{m.enterpriseName}</dd>
          <dt>{t('enterprise.applications.cluster')}</dt><dd><Link to={`/clusters/${m.clusterId}`}>{clusterLabel}</Link></dd>
          <dt>{t('enterprise.applications.tier')}</dt><dd>{tierName(cluster, m.tier)}</dd>
          {m.validFrom && <><dt>{t('enterprise.membership.validFrom')}</dt><dd>{date(m.validFrom)}</dd></>}
          {m.validUntil && <><dt>{t('enterprise.membership.renewalDate')}</dt><dd>{date(m.validUntil)}</dd></>}
        </dl>
        <p className="small" aria-live="polite">{t('enterprise.membership.statusText.' + m.status)}</p>
      </div>

      <h2>{t('enterprise.membership.convention')}</h2>
      {convention.loading && !convention.data && <Loading />}
      <ProblemAlert problem={convention.problem} />
      {!convention.loading && !convention.problem && !convention.data && <Empty>{t('enterprise.membership.noConvention')}</Empty>}
      {convention.data && (
        <div className="card">
          <p>
            <Link to={`/membership/conventions/${convention.data.id}`}>{convention.data.title}</Link>{' '}
            <span className="muted small">{t('enterprise.convention.version', { version: convention.data.conventionVersion })}</span>
          </p>
          {m.enterpriseId !== session.user?.enterprise_id ? null : m.status === 'ACTIVE'
            ? <AcceptConvention conventionId={convention.data.id ?? ''} />
            : <p className="small muted">{t('enterprise.membership.acceptWhenActive')}</p>}
        </div>
      )}

      <h2>{t('enterprise.membership.history')}</h2>
      {history.length === 0 ? <Empty>{t('enterprise.application.noHistory')}</Empty> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.history.when')}</th>
                <th scope="col">{t('enterprise.membership.change')}</th>
                <th scope="col">{t('enterprise.application.status')}</th>
                <th scope="col">{t('enterprise.applications.tier')}</th>
                <th scope="col">{t('enterprise.memberships.validUntil')}</th>
                <th scope="col">{t('enterprise.application.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h.at ? dateTime(h.at) : '—'}</th>
                  <td>{t('enterprise.membership.kind.' + h.kind)}</td>
                  <td><Status value={h.status ?? ''} /></td>
                  <td>{tierName(cluster, h.tier)}</td>
                  <td>{h.validUntil ? date(h.validUntil) : '—'}</td>
                  <td className="pre-line">{h.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p><Link to="/membership/memberships">{t('enterprise.membership.back')}</Link></p>
    </Page>
  );
}
