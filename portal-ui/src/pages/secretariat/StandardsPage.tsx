import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, todayIn, useClusterId } from './shared';

type Adoption = Awaited<ReturnType<typeof loadAdoptions>>[number];
const loadAdoptions = (clusterId: string, enterpriseId: string) =>
  call(membership.GET('/api/membership/clusters/{clusterId}/members/{enterpriseId}/standards', {
    params: { path: { clusterId, enterpriseId } },
  }));

/** The standards members declared (A good enterprise, B good product, C good service); recording certificates. */
export default function StandardsPage() {
  return <SecretariatOnly><Standards /></SecretariatOnly>;
}

function Standards() {
  const { t } = useI18n();
  const clusterId = useClusterId();
  const [params, setParams] = useSearchParams();
  const enterpriseId = params.get('enterprise') ?? '';
  const [page, setPage] = useState(0);
  const members = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/members', {
    params: { path: { clusterId }, query: { page, size: 20, sort: 'name' } },
  })), [clusterId, page]);
  const withStandards = (members.data?.content ?? []).filter((m) => (m.standards ?? []).length > 0);
  return (
    <ClusterPage title={t('secretariat.standards.title')}>
      <ProblemAlert problem={members.problem} />
      {members.loading && !members.data && <Loading />}
      {enterpriseId && <MemberStandards clusterId={clusterId} enterpriseId={enterpriseId} />}
      <h2>{t('secretariat.standards.members')}</h2>
      {members.data && withStandards.length === 0 && <Empty>{t('secretariat.standards.none')}</Empty>}
      {withStandards.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.members.enterprise')}</th>
                <th scope="col">{t('secretariat.standards.declared')}</th>
                <th scope="col">{t('secretariat.standards.certified')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {withStandards.map((m) => (
                <tr key={m.enterpriseId}>
                  <th scope="row">{m.enterpriseName}</th>
                  <td>{m.standards?.length}</td>
                  <td>{m.standards?.filter((s) => s.status === 'CERTIFIED').length}</td>
                  <td>
                    <button type="button" onClick={() => setParams({ enterprise: m.enterpriseId ?? '' })}
                            aria-pressed={m.enterpriseId === enterpriseId}>
                      {t('secretariat.standards.show', { name: m.enterpriseName ?? '' })}
                    </button>
                  </td>
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

function MemberStandards({ clusterId, enterpriseId }: { clusterId: string; enterpriseId: string }) {
  const { t, date } = useI18n();
  const adoptions = useAsync(() => loadAdoptions(clusterId, enterpriseId), [clusterId, enterpriseId]);
  return (
    <section aria-live="polite">
      <h2>{t('secretariat.standards.of', { enterpriseId })}</h2>
      <p><Link to={`/secretariat/${clusterId}/members/${enterpriseId}`}>{t('secretariat.standards.membership')}</Link></p>
      <ProblemAlert problem={adoptions.problem} />
      {adoptions.loading && !adoptions.data && <Loading />}
      {adoptions.data?.length === 0 && <Empty>{t('secretariat.standards.noneDeclared')}</Empty>}
      {adoptions.data?.map((a) => (
        <article key={a.id} className="card">
          <h3>{a.code} · {a.title} <Status value={a.status ?? ''} /></h3>
          <p className="small muted">
            {t('secretariat.standards.kind.' + a.kind)} · {t('secretariat.standards.declaredOn', { date: a.declaredOn ? date(a.declaredOn) : '' })}
          </p>
          {a.evidence && <p className="pre-line">{a.evidence}</p>}
          {a.evidenceUrl && <p><a href={a.evidenceUrl} rel="noreferrer noopener" target="_blank">{t('secretariat.standards.evidence')}</a></p>}
          {a.certification && (
            <p>{t('secretariat.standards.certificate', {
              number: a.certification.certificateNumber ?? '', body: a.certification.certificationBody ?? '',
              date: a.certification.expiresOn ? date(a.certification.expiresOn) : '',
            })}</p>
          )}
          <Certify clusterId={clusterId} adoption={a} onDone={adoptions.reload} />
        </article>
      ))}
    </section>
  );
}

function Certify({ clusterId, adoption, onDone }: { clusterId: string; adoption: Adoption; onDone(): void }) {
  const { t, timeZone } = useI18n();
  const [form, setForm] = useState({ certificateNumber: '', certificationBody: '', expiresOn: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const certify = useSubmit(() => call(membership.POST(
    '/api/membership/clusters/{clusterId}/members/{enterpriseId}/standards/{adoptionId}/certification', {
      params: { path: { clusterId, enterpriseId: adoption.enterpriseId ?? '', adoptionId: adoption.id ?? '' } },
      body: { certificateNumber: form.certificateNumber.trim(), certificationBody: form.certificationBody.trim(), expiresOn: form.expiresOn },
    })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!form.certificateNumber.trim()) found.certificateNumber = t('secretariat.required');
    if (!form.certificationBody.trim()) found.certificationBody = t('secretariat.required');
    if (!form.expiresOn) found.expiresOn = t('secretariat.required');
    else if (form.expiresOn <= todayIn(timeZone)) found.expiresOn = t('secretariat.standards.expiresInFuture');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await certify.run()) {
      setForm({ certificateNumber: '', certificationBody: '', expiresOn: '' });
      onDone();
    }
  };
  const error = (key: keyof typeof form) => errors[key] ?? certify.problem?.fieldError(key);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h4>{adoption.certification ? t('secretariat.standards.recertify') : t('secretariat.standards.certify')}</h4>
      <div className="row">
        <Field label={t('secretariat.standards.certificateNumber')} error={error('certificateNumber')}>
          {(props) => <input {...props} maxLength={100} value={form.certificateNumber}
                             onChange={(e) => setForm({ ...form, certificateNumber: e.target.value })} />}
        </Field>
        <Field label={t('secretariat.standards.certificationBody')} error={error('certificationBody')}>
          {(props) => <input {...props} maxLength={200} value={form.certificationBody}
                             onChange={(e) => setForm({ ...form, certificationBody: e.target.value })} />}
        </Field>
        <Field label={t('secretariat.standards.expiresOn')} error={error('expiresOn')}>
          {(props) => <input {...props} type="date" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} />}
        </Field>
      </div>
      <ProblemAlert problem={certify.problem} />
      <button type="submit" disabled={certify.pending}>{t('secretariat.standards.record')}</button>
    </form>
  );
}
