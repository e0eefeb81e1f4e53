import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { loadClusters, loadMe, loadMyMemberships, tierName, type MembershipView } from './data';
import { useClientPage } from './paging';
import { RegisterFirst } from './RegisterFirst';


/** The enterprise's memberships in every cluster: status, tier, validity. */
export default function MembershipsPage() {
  return <Restricted allowed={enterprise}><Memberships /></Restricted>;
}

function Memberships() {
  const { t, date } = useI18n();
  const session = useSession();
  const enterpriseId = session.user?.enterprise_id;
  const memberships = useAsync(async (): Promise<MembershipView[]> => enterpriseId ? loadMyMemberships(await loadMe()) : [], [enterpriseId]);
  const clusters = useAsync(loadClusters, []);
  const { page, setPage, shown, totalPages } = useClientPage(memberships.data);
  if (!enterpriseId) return <RegisterFirst title={t('enterprise.memberships.title')} />;
  return (
    <Page title={t('enterprise.memberships.title')}
          actions={<Link className="button" to="/membership/applications">{t('enterprise.memberships.apply')}</Link>}>
      {memberships.loading && !memberships.data && <Loading />}
      <ProblemAlert problem={memberships.problem} />
      {memberships.data?.length === 0 && (
        <Empty action={<Link className="button primary" to="/membership/applications">{t('enterprise.memberships.apply')}</Link>}>
          {t('enterprise.memberships.empty')}
        </Empty>
      )}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.applications.cluster')}</th>
                <th scope="col">{t('enterprise.memberships.number')}</th>
                <th scope="col">{t('enterprise.applications.tier')}</th>
                <th scope="col">{t('enterprise.applications.status')}</th>
                <th scope="col">{t('enterprise.memberships.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => {
                const cluster = clusters.data?.find((c) => c.id === m.clusterId);
                return (
                  <tr key={m.id}>
                    <th scope="row"><Link to={`/membership/memberships/${m.id}`}>{cluster?.name ?? m.clusterId}</Link></th>
                    <td>{m.memberNumber}</td>
                    <td>{tierName(cluster, m.tier)}</td>
                    <td><Status value={m.status ?? ''} /></td>
                    <td>{m.validUntil ? date(m.validUntil) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} onChange={setPage} />
      {shown.length > 0 && <p><Link to="/membership/standards">{t('enterprise.memberships.standards')}</Link></p>}
    </Page>
  );
}
