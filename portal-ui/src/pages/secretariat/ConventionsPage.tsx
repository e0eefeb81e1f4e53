import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ConventionTextForm, type ConventionDraft } from './ConventionText';
import { ClusterPage, SecretariatOnly, useClusterId } from './shared';

/** Every version of the cluster's convention, and a new draft. */
export default function ConventionsPage() {
  return <SecretariatOnly><Conventions /></SecretariatOnly>;
}

function Conventions() {
  const { t, dateTime } = useI18n();
  const clusterId = useClusterId();
  const navigate = useNavigate();
  const [drafting, setDrafting] = useState(false);
  const versions = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/conventions', {
    params: { path: { clusterId } },
  })), [clusterId]);
  const create = useSubmit(async (draft: ConventionDraft) => {
    const created = await call(membership.POST('/api/membership/clusters/{clusterId}/conventions', {
      params: { path: { clusterId } }, body: { ...draft, changeSummary: draft.changeSummary || undefined },
    }));
    await navigate(`/secretariat/${clusterId}/conventions/${created.id}`);
  });
  const list = [...(versions.data ?? [])].sort((a, b) => b.conventionVersion - a.conventionVersion);
  return (
    <ClusterPage title={t('secretariat.conventions.title')} actions={
      <button type="button" onClick={() => setDrafting(!drafting)} aria-expanded={drafting}>{t('secretariat.conventions.new')}</button>
    }>
      {drafting && (
        <section>
          <h2>{t('secretariat.conventions.new')}</h2>
          <ConventionTextForm initial={{ title: '', body: '', changeSummary: '' }} submitLabel={t('secretariat.conventions.create')}
                              pending={create.pending} problem={create.problem} onSubmit={create.run} />
        </section>
      )}
      <ProblemAlert problem={versions.problem} />
      {versions.loading && !versions.data && <Loading />}
      {versions.data && list.length === 0 && <Empty>{t('secretariat.conventions.empty')}</Empty>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.conventions.version')}</th>
                <th scope="col">{t('secretariat.conventions.titleField')}</th>
                <th scope="col">{t('secretariat.conventions.status')}</th>
                <th scope="col">{t('secretariat.conventions.updatedAt')}</th>
                <th scope="col">{t('secretariat.conventions.closesAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.conventionVersion}</th>
                  <td><Link to={`/secretariat/${clusterId}/conventions/${c.id}`}>{c.title}</Link></td>
                  <td><Status value={c.status ?? ''} /></td>
                  <td>{c.updatedAt ? dateTime(c.updatedAt) : ''}</td>
                  <td>{c.closesAt ? dateTime(c.closesAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ClusterPage>
  );
}
