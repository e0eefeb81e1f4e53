import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, useClusterId, useClusterInfo } from './shared';

export const MEMBER_STATUSES = ['ACTIVE', 'GRACE', 'SUSPENDED', 'LAPSED', 'TERMINATED'] as const;
type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** The member register: every member of the cluster, filtered by status and tier, a page at a time. */
export default function MembersPage() {
  return <SecretariatOnly><Members /></SecretariatOnly>;
}

function Members() {
  const { t, date } = useI18n();
  const clusterId = useClusterId();
  const cluster = useClusterInfo(clusterId);
  const [filters, setFilters] = useState({ q: '', status: '', tier: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(0);
  const members = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/members', {
    params: {
      path: { clusterId },
      query: {
        q: applied.q || undefined, status: (applied.status || undefined) as MemberStatus | undefined,
        tier: applied.tier || undefined, page, size: 20, sort: 'memberNumber',
      },
    },
  })), [clusterId, applied, page]);
  const tierName = (code?: string) => cluster.data?.tiers?.find((x) => x.code === code)?.name ?? code ?? '';
  const filter = (e: FormEvent) => {
    e.preventDefault();
    setPage(0);
    setApplied({ ...filters, q: filters.q.trim() });
  };
  const filtered = !!(applied.q || applied.status || applied.tier);
  return (
    <ClusterPage title={t('secretariat.members.title')}>
      <form className="row" role="search" onSubmit={filter}>
        <Field label={t('secretariat.members.search')}>
          {(props) => <input {...props} type="search" maxLength={100} value={filters.q}
                             onChange={(e) => setFilters({ ...filters, q: e.target.value })} />}
        </Field>
        <Field label={t('secretariat.members.status')}>
          {(props) => (
            <select {...props} value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value })}>
              <option value="">{t('secretariat.members.any')}</option>
              {MEMBER_STATUSES.map((s) => <option key={s} value={s}>{t('status.' + s)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('secretariat.members.tier')}>
          {(props) => (
            <select {...props} value={filters.tier} onChange={(e) => setFilters({ ...filters, tier: e.target.value })}>
              <option value="">{t('secretariat.members.any')}</option>
              {cluster.data?.tiers?.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
            </select>
          )}
        </Field>
        <button type="submit">{t('secretariat.members.filter')}</button>
      </form>
      <ProblemAlert problem={members.problem} />
      {members.loading && !members.data && <Loading />}
      {members.data && (
        <p className="muted" aria-live="polite">{t('secretariat.members.count', { count: members.data.totalElements })}</p>
      )}
      {members.data?.content?.length === 0 && (
        <Empty>{filtered ? t('secretariat.members.noMatch') : t('secretariat.members.empty')}</Empty>
      )}
      {!!members.data?.content?.length && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.members.enterprise')}</th>
                <th scope="col">{t('secretariat.members.memberNumber')}</th>
                <th scope="col">{t('secretariat.members.tier')}</th>
                <th scope="col">{t('secretariat.members.status')}</th>
                <th scope="col">{t('secretariat.members.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.content.map((m) => (
                <tr key={m.enterpriseId}>
                  <th scope="row"><Link to={`/secretariat/${clusterId}/members/${m.enterpriseId}`}>{m.enterpriseName}</Link></th>
                  <td>{m.memberNumber}</td>
                  <td>{tierName(m.tier)}</td>
                  <td>{m.status && <Status value={m.status} />}</td>
                  <td>{m.validUntil ? date(m.validUntil) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members.data && <Pagination page={members.data.page} totalPages={members.data.totalPages} onChange={setPage} />}
    </ClusterPage>
  );
}
