import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, useClusterId } from '../secretariat/shared';
import { manageSalonPath } from './admin';
import { SalonForm } from './SalonForm';

/** The secretariat's salons of a cluster (`/secretariat/{clusterId}/salons`): every salon, and a new one. */
export default function ManageSalonsPage() {
  return <SecretariatOnly><ManageSalons /></SecretariatOnly>;
}

function ManageSalons() {
  const clusterId = useClusterId();
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const list = useAsync(() => call(salons.GET('/api/salons/clusters/{clusterId}/salons', {
    params: { path: { clusterId }, query: { page, size: 20 } },
  })), [clusterId, page]);
  const newButton = !creating && (
    <button type="button" className="primary" onClick={() => setCreating(true)}>{t('salons.admin.new')}</button>
  );
  return (
    <ClusterPage title={t('salons.admin.title')} actions={newButton}>
      {creating && (
        <SalonForm clusterId={clusterId} onCancel={() => setCreating(false)}
                   onCreated={(s) => navigate(manageSalonPath(clusterId, s.id), { state: { created: true } })} />
      )}
      <ProblemAlert problem={list.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data?.content.length === 0 && !creating && (
        <Empty>{t('salons.admin.empty')}</Empty>
      )}
      {list.data && list.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.salon.name')}</th>
                <th scope="col">{t('salons.salon.when')}</th>
                <th scope="col">{t('salons.admin.seatsTaken')}</th>
                <th scope="col">{t('salons.salon.registration')}</th>
                <th scope="col">{t('salons.admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.content.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={manageSalonPath(clusterId, s.id)}>{s.title}</Link>
                    <div className="muted small">{s.theme}</div>
                  </th>
                  <td>{dateTime(s.startsAt)}</td>
                  <td>{t('salons.admin.seatsTakenOf', { taken: s.seatsTaken, capacity: s.capacity })}</td>
                  <td>{dateTime(s.registrationOpensAt)} – {dateTime(s.registrationClosesAt)}</td>
                  <td><Status value={s.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </ClusterPage>
  );
}
