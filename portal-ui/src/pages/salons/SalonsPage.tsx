import { useState } from 'react';
import { Link } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { inGoodStanding, loadMyMemberships, registrationWindow } from './shared';

/** The salons of the clusters the enterprise is a member of, in start order. */
export default function SalonsPage() {
  return <Restricted allowed={enterprise}><Salons /></Restricted>;
}

function Salons() {
  const { t } = useI18n();
  const memberships = useAsync(loadMyMemberships, []);
  const [chosen, setChosen] = useState('');
  const clusters = (memberships.data ?? []).filter((m) => inGoodStanding(m.status));
  const clusterId = chosen || clusters[0]?.clusterId;
  return (
    <Page title={t('salons.salons.title')}
          actions={<Link className="button" to="/salons">{t('salons.nav.findExperts')}</Link>}>
      <ProblemAlert problem={memberships.problem} />
      {memberships.loading && !memberships.data && <Loading />}
      {memberships.data && clusters.length === 0 && (
        <Empty action={<Link to="/">{t('salons.salons.findCluster')}</Link>}>{t('salons.salons.noCluster')}</Empty>
      )}
      {clusters.length > 1 && (
        <Field label={t('salons.salons.cluster')}>
          {(p) => (
            <select {...p} value={clusterId} onChange={(e) => setChosen(e.target.value)}>
              {clusters.map((m) => <option key={m.clusterId} value={m.clusterId}>{m.clusterName}</option>)}
            </select>
          )}
        </Field>
      )}
      {clusterId && <ClusterSalons key={clusterId} clusterId={clusterId} />}
    </Page>
  );
}

function ClusterSalons({ clusterId }: { clusterId: string }) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const list = useAsync(() => call(salons.GET('/api/salons/clusters/{clusterId}/salons', {
    params: { path: { clusterId }, query: { page, size: 20 } },
  })), [clusterId, page]);
  const now = Date.now();
  return (
    <>
      <ProblemAlert problem={list.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data?.content.length === 0 && <Empty>{t('salons.salons.empty')}</Empty>}
      {list.data && list.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.salon.name')}</th>
                <th scope="col">{t('salons.salon.when')}</th>
                <th scope="col">{t('salons.salon.seats')}</th>
                <th scope="col">{t('salons.salon.registration')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.content.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/salons/${encodeURIComponent(s.id)}`}>{s.title}</Link>
                    <div className="muted small">{s.theme}</div>
                  </th>
                  <td>{dateTime(s.startsAt)}</td>
                  <td>{t('salons.salon.seatsOf', { available: s.seatsAvailable, capacity: s.capacity })}</td>
                  <td>{registrationWindow(s, now) === 'open'
                    ? t('salons.salon.openUntil', { when: dateTime(s.registrationClosesAt) })
                    : t('salons.salon.window.' + registrationWindow(s, now))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </>
  );
}
