import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { loadMe, loadStandards, type AdoptionView } from './data';
import { useClientPage } from './paging';
import { RegisterFirst } from './RegisterFirst';
import { isHttpUrl, isValidStandardCode, normaliseStandardCode } from './checks';

const KINDS = ['A', 'B', 'C'] as const;
type Kind = (typeof KINDS)[number];

/** The standards the enterprise declares it adopts in a cluster, and the certificates the secretariat recorded. */
export default function StandardsPage() {
  return <Restricted allowed={enterprise}><Standards /></Restricted>;
}

function Standards() {
  const { t } = useI18n();
  const session = useSession();
  const enterpriseId = session.user?.enterprise_id;
  const me = useAsync(async () => (enterpriseId ? loadMe() : undefined), [enterpriseId]);
  const [chosen, setChosen] = useState<string>();
  if (!enterpriseId) return <RegisterFirst title={t('enterprise.standards.title')} />;
  const memberships = (me.data?.memberships ?? []).filter((m) => m.status !== 'TERMINATED');
  const clusterId = chosen ?? memberships[0]?.clusterId;
  const current = memberships.find((m) => m.clusterId === clusterId);
  return (
    <Page title={t('enterprise.standards.title')}>
      <p className="lead">{t('enterprise.standards.lead')}</p>
      {me.loading && !me.data && <Loading />}
      <ProblemAlert problem={me.problem} />
      {me.data && memberships.length === 0 && (
        <Empty action={<Link className="button primary" to="/membership/applications">{t('enterprise.memberships.apply')}</Link>}>
          {t('enterprise.standards.noMembership')}
        </Empty>
      )}
      {memberships.length > 1 && (
        <Field label={t('enterprise.applications.cluster')}>
          {(props) => (
            <select {...props} value={clusterId ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {memberships.map((m) => <option key={m.clusterId} value={m.clusterId}>{m.clusterName ?? m.clusterId}</option>)}
            </select>
          )}
        </Field>
      )}
      {current && clusterId && (
        <ClusterStandards key={clusterId} clusterId={clusterId} clusterName={current.clusterName ?? clusterId}
                          enterpriseId={enterpriseId} active={current.status === 'ACTIVE'} />
      )}
    </Page>
  );
}

function ClusterStandards({ clusterId, clusterName, enterpriseId, active }: {
  clusterId: string; clusterName: string; enterpriseId: string; active: boolean;
}) {
  const { t, date } = useI18n();
  const list = useAsync(() => loadStandards(clusterId, enterpriseId), [clusterId, enterpriseId]);
  const { page, setPage, shown, totalPages } = useClientPage(list.data);
  return (
    <>
      <h2>{t('enterprise.standards.in', { cluster: clusterName })}</h2>
      {list.loading && !list.data && <Loading />}
      <ProblemAlert problem={list.problem} />
      {list.data?.length === 0 && (
        <Empty>{active ? t('enterprise.standards.empty') : t('enterprise.standards.emptyInactive')}</Empty>
      )}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.standards.code')}</th>
                <th scope="col">{t('enterprise.standards.standardTitle')}</th>
                <th scope="col">{t('enterprise.standards.kind')}</th>
                <th scope="col">{t('enterprise.standards.declaredOn')}</th>
                <th scope="col">{t('enterprise.applications.status')}</th>
                <th scope="col">{t('enterprise.standards.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.code}</th>
                  <td>{a.title}{a.evidenceUrl && <> · <a href={a.evidenceUrl} rel="noopener noreferrer">{t('enterprise.standards.evidence')}</a></>}</td>
                  <td>{t('enterprise.standards.kind.' + a.kind)}</td>
                  <td>{a.declaredOn ? date(a.declaredOn) : '—'}</td>
                  <td><Status value={a.status ?? ''} /></td>
                  <td><Certificate adoption={a} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} onChange={setPage} />
      {active
        ? <DeclareForm clusterId={clusterId} enterpriseId={enterpriseId} onDeclared={list.reload} />
        : <p className="muted">{t('enterprise.standards.declareWhenActive')}</p>}
    </>
  );
}

function Certificate({ adoption: a }: { adoption: AdoptionView }) {
  const { t, date } = useI18n();
  const c = a.certification;
  if (!c) return <span className="muted">{a.pastCertifications?.length ? t('enterprise.standards.expired') : '—'}</span>;
  return (
    <span>
      {t('enterprise.standards.certificateText', {
        number: c.certificateNumber ?? '', body: c.certificationBody ?? '', date: c.expiresOn ? date(c.expiresOn) : '',
      })}
    </span>
  );
}

interface Draft { code: string; title: string; kind: Kind | ''; declaredOn: string; evidence: string; evidenceUrl: string }
const EMPTY: Draft = { code: '', title: '', kind: '', declaredOn: '', evidence: '', evidenceUrl: '' };

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function DeclareForm({ clusterId, enterpriseId, onDeclared }: { clusterId: string; enterpriseId: string; onDeclared(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [declared, setDeclared] = useState<string>();
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const declare = useSubmit(async (d: Draft) => {
    const adoption = await call(membership.POST('/api/membership/clusters/{clusterId}/members/{enterpriseId}/standards', {
      params: { path: { clusterId, enterpriseId } },
      body: {
        code: normaliseStandardCode(d.code), title: d.title.trim(), kind: d.kind as Kind,
        declaredOn: d.declaredOn || undefined, evidence: d.evidence.trim() || undefined,
        evidenceUrl: d.evidenceUrl.trim() || undefined,
      },
    }));
    setDraft(EMPTY);
    setDeclared(adoption.code);
    onDeclared();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!isValidStandardCode(normaliseStandardCode(draft.code))) found.code = t('enterprise.standards.codeInvalid');
    if (!draft.title.trim()) found.title = t('common.required');
    else if (draft.title.trim().length > 300) found.title = t('enterprise.form.tooLong', { max: 300 });
    if (!draft.kind) found.kind = t('enterprise.standards.chooseKind');
    if (draft.declaredOn && draft.declaredOn > today()) found.declaredOn = t('enterprise.standards.declaredInFuture');
    if (draft.evidence.trim().length > 4000) found.evidence = t('enterprise.form.tooLong', { max: 4000 });
    const url = draft.evidenceUrl.trim();
    if (url && (!isHttpUrl(url) || url.length > 500)) found.evidenceUrl = t('enterprise.form.websiteInvalid');
    setErrors(found);
    setDeclared(undefined);
    if (Object.keys(found).length === 0) void declare.run(draft);
  };
  const error = (field: keyof Draft) => errors[field] ?? declare.problem?.fieldError(field);
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t('enterprise.standards.declare')}</h3>
      <Field label={t('enterprise.standards.code')} error={error('code')} hint={t('enterprise.standards.codeHint')}>
        {(props) => <input {...props} name="code" value={draft.code} maxLength={60} onChange={(e) => set('code')(e.target.value)} />}
      </Field>
      <Field label={t('enterprise.standards.standardTitle')} error={error('title')}>
        {(props) => <input {...props} name="title" value={draft.title} maxLength={300} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field label={t('enterprise.standards.kind')} error={error('kind')}>
        {(props) => (
          <select {...props} name="kind" value={draft.kind} onChange={(e) => set('kind')(e.target.value)}>
            <option value="">{t('enterprise.standards.pickKind')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t('enterprise.standards.kind.' + k)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('enterprise.standards.declaredOn')} error={error('declaredOn')} hint={t('enterprise.standards.declaredOnHint')}>
        {(props) => <input {...props} name="declaredOn" type="date" value={draft.declaredOn} max={today()}
                           onChange={(e) => set('declaredOn')(e.target.value)} />}
      </Field>
      <Field label={t('enterprise.standards.evidenceText')} error={error('evidence')}>
        {(props) => <textarea {...props} name="evidence" rows={3} value={draft.evidence} onChange={(e) => set('evidence')(e.target.value)} />}
      </Field>
      <Field label={t('enterprise.standards.evidenceUrl')} error={error('evidenceUrl')}>
        {(props) => <input {...props} name="evidenceUrl" type="url" value={draft.evidenceUrl} maxLength={500}
                           onChange={(e) => set('evidenceUrl')(e.target.value)} />}
      </Field>
      <div aria-live="polite">
        <ProblemAlert problem={declare.problem} />
        {declared && <p className="alert alert-ok" role="status">{t('enterprise.standards.declared', { code: declared })}</p>}
      </div>
      <button type="submit" className="primary" disabled={declare.pending}>
        {declare.pending ? t('common.saving') : t('enterprise.standards.submit')}
      </button>
    </form>
  );
}
