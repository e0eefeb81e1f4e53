import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, membership } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { clusterName, loadClusters, loadMe, loadMyApplications, tierName, type ClusterView } from './data';
import { useClientPage } from './paging';
import { RegisterFirst } from './RegisterFirst';

const MAX_MOTIVATION = 4000;

/** Apply to a cluster, and follow the enterprise's applications. */
export default function ApplicationsPage() {
  return <Restricted allowed={enterprise}><Applications /></Restricted>;
}

function Applications() {
  const { t } = useI18n();
  const session = useSession();
  const enterpriseId = session.user?.enterprise_id;
  const clusters = useAsync(loadClusters, []);
  if (!enterpriseId) return <RegisterFirst title={t('enterprise.applications.title')} />;
  return (
    <Page title={t('enterprise.applications.title')}>
      <ApplyForm clusters={clusters.data} clustersProblem={clusters.problem} />
      <MyApplications enterpriseId={enterpriseId} clusters={clusters.data} />
    </Page>
  );
}

function ApplyForm({ clusters, clustersProblem }: {
  clusters?: ClusterView[];
  clustersProblem?: ApiProblem;
}) {
  const { t, money } = useI18n();
  const navigate = useNavigate();
  const [clusterId, setClusterId] = useState('');
  const [tier, setTier] = useState('');
  const [motivation, setMotivation] = useState('');
  const [errors, setErrors] = useState<{ clusterId?: string; motivation?: string }>({});
  const open = (clusters ?? []).filter((c) => c.status !== 'DISSOLVED');
  const cluster = open.find((c) => c.id === clusterId);
  const apply = useSubmit(async () => {
    const application = await call(membership.POST('/api/membership/clusters/{clusterId}/applications', {
      params: { path: { clusterId } },
      body: { tier: tier || undefined, motivation: motivation.trim() || undefined },
    }));
    navigate(`/membership/applications/${application.id}`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!clusterId) found.clusterId = t('enterprise.applications.chooseCluster');
    if (motivation.trim().length > MAX_MOTIVATION) found.motivation = t('enterprise.form.tooLong', { max: MAX_MOTIVATION });
    setErrors(found);
    if (Object.keys(found).length === 0) void apply.run();
  };
  // a 409 (an open application, a membership already) is about the chosen cluster: shown by that field
  const clusterProblem = apply.problem?.status === 409 || apply.problem?.status === 422 ? apply.problem.detail ?? apply.problem.title : undefined;
  const tiers = [...(cluster?.tiers ?? [])].sort((a, b) => a.rank - b.rank);
  return (
    <section aria-labelledby="enterprise-apply">
      <h2 id="enterprise-apply">{t('enterprise.applications.apply')}</h2>
      <ProblemAlert problem={clustersProblem} />
      <form onSubmit={submit} noValidate className="card">
        <Field label={t('enterprise.applications.cluster')} error={errors.clusterId ?? clusterProblem ?? apply.problem?.fieldError('clusterId')}>
          {(props) => (
            <select {...props} name="clusterId" value={clusterId} onChange={(e) => { setClusterId(e.target.value); setTier(''); apply.clear(); }}>
              <option value="">{t('enterprise.applications.pickCluster')}</option>
              {open.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('enterprise.applications.tier')} error={apply.problem?.fieldError('tier')} hint={t('enterprise.applications.tierHint')}>
          {(props) => (
            <select {...props} name="tier" value={tier} onChange={(e) => setTier(e.target.value)} disabled={!cluster}>
              <option value="">{t('enterprise.applications.entryTier')}</option>
              {tiers.map((tr) => <option key={tr.code} value={tr.code}>{tr.name} ({money(tr.annualFee ?? 0)})</option>)}
            </select>
          )}
        </Field>
        <Field label={t('enterprise.applications.motivation')} error={errors.motivation ?? apply.problem?.fieldError('motivation')}
               hint={t('enterprise.applications.motivationHint', { max: MAX_MOTIVATION })}>
          {(props) => <textarea {...props} name="motivation" rows={5} value={motivation}
                                onChange={(e) => setMotivation(e.target.value)} />}
        </Field>
        <ProblemAlert problem={apply.problem} />
        <button type="submit" className="primary" disabled={apply.pending}>
          {apply.pending ? t('common.saving') : t('enterprise.applications.submit')}
        </button>
      </form>
    </section>
  );
}

function MyApplications({ enterpriseId, clusters }: { enterpriseId: string; clusters?: ClusterView[] }) {
  const { t, dateTime } = useI18n();
  const list = useAsync(async () => loadMyApplications(await loadMe()), [enterpriseId]);
  const { page, setPage, shown, totalPages } = useClientPage(list.data);
  return (
    <section aria-labelledby="enterprise-my-applications">
      <h2 id="enterprise-my-applications">{t('enterprise.applications.mine')}</h2>
      {list.loading && !list.data && <Loading />}
      <ProblemAlert problem={list.problem} />
      {list.data?.length === 0 && <Empty>{t('enterprise.applications.empty')}</Empty>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.applications.cluster')}</th>
                <th scope="col">{t('enterprise.applications.tier')}</th>
                <th scope="col">{t('enterprise.applications.status')}</th>
                <th scope="col">{t('enterprise.applications.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => {
                const cluster = clusters?.find((c) => c.id === a.clusterId);
                return (
                  <tr key={a.id}>
                    <th scope="row"><Link to={`/membership/applications/${a.id}`}>{clusterName(clusters, a.clusterId)}</Link></th>
                    <td>{tierName(cluster, a.approvedTier ?? a.requestedTier)}</td>
                    <td><Status value={a.status ?? ''} /></td>
                    <td>{a.submittedAt ? dateTime(a.submittedAt) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} onChange={setPage} />
      <p className="small muted">{t('enterprise.applications.listHint')}</p>
    </section>
  );
}
