import { useEffect, useState, type FormEvent } from 'react';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, Loading, ProblemAlert } from '../../ui/components';
import { useSubmit } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, useClusterId, useClusterInfo } from './shared';
import { TierRows, tierRowOf, toTierInput, validateTiers, type TierErrors, type TierRow } from './tiers';

/** The cluster's membership tiers: code, name, rank, annual fee and benefits, replaced as a whole. */
export default function TiersPage() {
  return <SecretariatOnly><Tiers /></SecretariatOnly>;
}

function Tiers() {
  const { t } = useI18n();
  const clusterId = useClusterId();
  const cluster = useClusterInfo(clusterId);
  const [rows, setRows] = useState<TierRow[]>([]);
  const [errors, setErrors] = useState<TierErrors[]>([]);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (cluster.data) setRows([...(cluster.data.tiers ?? [])].sort((a, b) => a.rank - b.rank).map(tierRowOf));
  }, [cluster.data]);
  const save = useSubmit(async () => {
    await call(membership.PUT('/api/membership/clusters/{clusterId}/tiers', {
      params: { path: { clusterId } }, body: { tiers: rows.map(toTierInput), reason: reason.trim() || undefined },
    }));
    setSaved(true);
    setReason('');
    cluster.reload();
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found = validateTiers(rows, t);
    setErrors(found);
    if (found.some((x) => Object.keys(x).length > 0)) return;
    await save.run();
  };
  return (
    <ClusterPage title={t('secretariat.tiers.title')}>
      <ProblemAlert problem={cluster.problem} />
      {cluster.loading && !cluster.data && <Loading />}
      {cluster.data && (
        <form className="card" onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted">{t('secretariat.tiers.lead')}</p>
          <TierRows rows={rows} errors={errors} problem={save.problem} onChange={setRows} />
          <Field label={t('secretariat.tiers.reason')} error={save.problem?.fieldError('reason')}>
            {(props) => <input {...props} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ProblemAlert problem={save.problem} />
          <div aria-live="polite">{saved && <p className="alert alert-ok" role="status">{t('common.saved')}</p>}</div>
          <button type="submit" className="primary" disabled={save.pending}>{t('common.save')}</button>
        </form>
      )}
    </ClusterPage>
  );
}
