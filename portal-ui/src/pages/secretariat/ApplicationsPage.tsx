import { useState } from 'react';
import { Link } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ClusterPage, ReasonForm, SecretariatOnly, useClusterId, useClusterInfo } from './shared';

type Application = Awaited<ReturnType<typeof loadApplications>>[number];
const loadApplications = (clusterId: string) =>
  call(membership.GET('/api/membership/clusters/{clusterId}/applications', { params: { path: { clusterId } } }));

const HISTORY_PAGE = 20;

/** The application queue: approve (in the requested or another tier) or reject with a reason; decided ones below. */
export default function ApplicationsPage() {
  return <SecretariatOnly><Applications /></SecretariatOnly>;
}

function Applications() {
  const { t, dateTime } = useI18n();
  const clusterId = useClusterId();
  const cluster = useClusterInfo(clusterId);
  const all = useAsync(() => loadApplications(clusterId), [clusterId]);
  const [page, setPage] = useState(0);
  const [done, setDone] = useState<string>();
  const waiting = (all.data ?? []).filter((a) => a.status === 'SUBMITTED')
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const decided = (all.data ?? []).filter((a) => a.status !== 'SUBMITTED')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  const totalPages = Math.ceil(decided.length / HISTORY_PAGE);
  const changed = (message: string) => { setDone(message); all.reload(); };

  return (
    <ClusterPage title={t('secretariat.applications.title')}>
      <ProblemAlert problem={all.problem} />
      {all.loading && !all.data && <Loading />}
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{done}</p>}</div>
      <h2>{t('secretariat.applications.waiting')}</h2>
      {all.data && waiting.length === 0 && <Empty>{t('secretariat.applications.noneWaiting')}</Empty>}
      {waiting.map((a) => (
        <Waiting key={a.id} application={a} tiers={cluster.data?.tiers ?? []} onChanged={changed} />
      ))}
      <h2>{t('secretariat.applications.decided')}</h2>
      {all.data && decided.length === 0 && <Empty>{t('secretariat.applications.noneDecided')}</Empty>}
      {decided.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.applications.enterprise')}</th>
                <th scope="col">{t('secretariat.applications.status')}</th>
                <th scope="col">{t('secretariat.applications.decidedAt')}</th>
                <th scope="col">{t('secretariat.applications.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {decided.slice(page * HISTORY_PAGE, (page + 1) * HISTORY_PAGE).map((a) => (
                <tr key={a.id}>
                  <th scope="row"><Link to={`/membership/applications/${a.id}`}>{a.enterpriseName}</Link></th>
                  <td><Status value={a.status ?? ''} /></td>
                  <td>{a.decidedAt ? dateTime(a.decidedAt) : '—'}</td>
                  <td>{a.memberNumber ?? a.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} onChange={setPage} />
    </ClusterPage>
  );
}

function Waiting({ application: a, tiers, onChanged }: {
  application: Application;
  tiers: { code?: string; name?: string; rank: number }[];
  onChanged(message: string): void;
}) {
  const { t, dateTime } = useI18n();
  const [tier, setTier] = useState(a.requestedTier ?? '');
  const approve = useSubmit(async () => {
    const result = await call(membership.POST('/api/membership/applications/{applicationId}/approval', {
      params: { path: { applicationId: a.id ?? '' } }, body: { tier: tier || undefined },
    }));
    onChanged(t('secretariat.applications.approved', { name: a.enterpriseName ?? '', number: result.memberNumber ?? '' }));
  });
  return (
    <article className="card">
      <h3><Link to={`/membership/applications/${a.id}`}>{a.enterpriseName}</Link></h3>
      <p className="muted small">
        {t('secretariat.applications.submittedAt', { date: a.submittedAt ? dateTime(a.submittedAt) : '' })}
        {a.requestedTier && ' · ' + t('secretariat.applications.requestedTier', { tier: a.requestedTier })}
      </p>
      {a.motivation && <p className="pre-line">{a.motivation}</p>}
      <div className="row">
        <Field label={t('secretariat.applications.tier')} error={approve.problem?.fieldError('tier')}>
          {(props) => (
            <select {...props} value={tier} onChange={(e) => setTier(e.target.value)}>
              <option value="">{t('secretariat.applications.entryTier')}</option>
              {[...tiers].sort((x, y) => x.rank - y.rank).map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
            </select>
          )}
        </Field>
        <button type="button" className="primary" disabled={approve.pending} onClick={() => void approve.run()}>
          {t('secretariat.applications.approve')}
        </button>
      </div>
      <ProblemAlert problem={approve.problem} />
      <ReasonForm label={t('secretariat.applications.rejectReason')} submitLabel={t('secretariat.applications.reject')}
                  onSubmit={(reason) => call(membership.POST('/api/membership/applications/{applicationId}/rejection', {
                    params: { path: { applicationId: a.id ?? '' } }, body: { reason },
                  }))}
                  onDone={() => onChanged(t('secretariat.applications.rejected', { name: a.enterpriseName ?? '' }))} />
    </article>
  );
}
