import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';
import { Empty, Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { todayIn } from './shared';
import { TierRows, emptyTier, toTierInput, validateTiers, type TierErrors, type TierRow } from './tiers';

export const allianceAdmin = (s: Session) => s.hasRole('alliance-admin');

/** The alliance office: every cluster, founding a new one, and the way to each cluster's secretariat. */
export default function AlliancePage() {
  return <Restricted allowed={allianceAdmin}><Alliance /></Restricted>;
}

function Alliance() {
  const { t, date } = useI18n();
  const clusters = useAsync(() => call(membership.GET('/api/membership/clusters')), []);
  const [founding, setFounding] = useState(false);
  return (
    <Page title={t('secretariat.alliance.title')} actions={
      <button type="button" aria-expanded={founding} onClick={() => setFounding(!founding)}>{t('secretariat.alliance.found')}</button>
    }>
      {founding && <FoundCluster />}
      <h2>{t('secretariat.alliance.clusters')}</h2>
      <ProblemAlert problem={clusters.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {clusters.data?.length === 0 && <Empty>{t('secretariat.alliance.noClusters')}</Empty>}
      {!!clusters.data?.length && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.alliance.name')}</th>
                <th scope="col">{t('secretariat.alliance.industry')}</th>
                <th scope="col">{t('secretariat.alliance.region')}</th>
                <th scope="col">{t('secretariat.alliance.foundedOn')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {clusters.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><Link to={`/clusters/${c.id}`}>{c.name}</Link></th>
                  <td>{c.industry}</td>
                  <td>{c.region}</td>
                  <td>{c.foundedOn ? date(c.foundedOn) : '—'}</td>
                  <td><Link to={`/alliance/clusters/${c.id}`}>{t('secretariat.alliance.secretariatOf', { name: c.name ?? '' })}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const EMPTY = { id: '', name: '', industry: '', region: '', description: '', foundedOn: '', memberNumberPrefix: '' };
type ClusterForm = typeof EMPTY;

function FoundCluster() {
  const { t, timeZone } = useI18n();
  const navigate = useNavigate();
  const [form, setForm] = useState<ClusterForm>(EMPTY);
  const [tiers, setTiers] = useState<TierRow[]>([emptyTier(1)]);
  const [errors, setErrors] = useState<Partial<Record<keyof ClusterForm, string>>>({});
  const [tierErrors, setTierErrors] = useState<TierErrors[]>([]);
  const found = useSubmit(async () => {
    const created = await call(membership.POST('/api/membership/clusters', {
      body: {
        id: form.id.trim(), name: form.name.trim(), industry: form.industry.trim(), region: form.region.trim(),
        description: form.description.trim() || undefined, foundedOn: form.foundedOn || undefined,
        memberNumberPrefix: form.memberNumberPrefix.trim() || undefined, tiers: tiers.map(toTierInput),
      },
    }));
    await navigate(`/alliance/clusters/${created.id}`);
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found_: typeof errors = {};
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(form.id.trim())) found_.id = t('secretariat.alliance.idFormat');
    for (const key of ['name', 'industry', 'region'] as const) if (!form[key].trim()) found_[key] = t('secretariat.required');
    if (form.memberNumberPrefix.trim() && !/^[A-Z0-9]{2,8}$/.test(form.memberNumberPrefix.trim())) {
      found_.memberNumberPrefix = t('secretariat.alliance.prefixFormat');
    }
    if (form.foundedOn && form.foundedOn > todayIn(timeZone)) found_.foundedOn = t('secretariat.alliance.notFuture');
    const foundTiers = validateTiers(tiers, t);
    setErrors(found_);
    setTierErrors(foundTiers);
    if (Object.keys(found_).length > 0 || foundTiers.some((x) => Object.keys(x).length > 0)) return;
    await found.run();
  };
  const error = (key: keyof ClusterForm) => errors[key] ?? found.problem?.fieldError(key);
  const input = (key: keyof ClusterForm, label: string, type = 'text', hint?: string) => (
    <Field label={t(label)} error={error(key)} hint={hint}>
      {(props) => <input {...props} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />}
    </Field>
  );
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('secretariat.alliance.found')}</h2>
      {input('id', 'secretariat.alliance.id', 'text', t('secretariat.alliance.idHint'))}
      {input('name', 'secretariat.alliance.name')}
      {input('industry', 'secretariat.alliance.industry')}
      {input('region', 'secretariat.alliance.region')}
      <Field label={t('secretariat.alliance.description')} error={error('description')}>
        {(props) => <textarea {...props} rows={3} maxLength={4000} value={form.description}
                              onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      {input('foundedOn', 'secretariat.alliance.foundedOn', 'date')}
      {input('memberNumberPrefix', 'secretariat.alliance.prefix', 'text', t('secretariat.alliance.prefixHint'))}
      <h3>{t('secretariat.tiers.title')}</h3>
      <TierRows rows={tiers} errors={tierErrors} problem={found.problem} onChange={setTiers} />
      <ProblemAlert problem={found.problem} />
      <button type="submit" className="primary" disabled={found.pending}>{t('secretariat.alliance.foundSubmit')}</button>
    </form>
  );
}
