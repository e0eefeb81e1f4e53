import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Field, Page, ProblemAlert, Progress } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { upload } from '../../ui/transfer';
import { useSubmit } from '../../ui/useAsync';
import { secretariatUser } from '../events/shared';
import { ACCESS_LEVELS, ASSET_KINDS, type AccessLevel, type AssetKind, type AssetView } from './shared';

interface Draft {
  kind: AssetKind | '';
  title: string;
  description: string;
  tags: string;
  accessLevel: AccessLevel;
  minimumTierRank: string;
  usageNotes: string;
}

/** A new brand asset for the secretariat's cluster: its first version's file and its details, with progress. */
export default function UploadAssetPage() {
  return <Restricted allowed={secretariatUser}><UploadAsset /></Restricted>;
}

function UploadAsset() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const clusterId = params.get('cluster') ?? '';
  const [draft, setDraft] = useState<Draft>({
    kind: '', title: '', description: '', tags: '', accessLevel: 'MEMBERS', minimumTierRank: '', usageNotes: '',
  });
  const [file, setFile] = useState<File>();
  const [fraction, setFraction] = useState<number>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tags = draft.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  const send = useSubmit(async () => {
    const metadata = {
      kind: draft.kind, title: draft.title.trim(), description: draft.description.trim() || undefined, tags,
      accessLevel: draft.accessLevel,
      minimumTierRank: draft.accessLevel === 'TIER' ? Number(draft.minimumTierRank) : undefined,
      usageNotes: draft.usageNotes.trim() || undefined,
    };
    const form = new FormData();
    form.append('file', file!);
    form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    setFraction(0);
    try {
      const created = await upload<AssetView>('POST', `/api/assets/clusters/${encodeURIComponent(clusterId)}/assets`, form, setFraction);
      navigate(`/brand-kit/assets/${created.id}`);
    } finally {
      setFraction(undefined);
    }
  });
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const error = (field: string) => errors[field] ?? send.problem?.fieldError(field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const required = t('brandkit.required');
    if (!file) found.file = t('brandkit.chooseFile');
    if (!draft.kind) found.kind = required;
    if (!draft.title.trim()) found.title = required;
    if (tags.length > 30 || tags.some((tag) => tag.length > 60)) found.tags = t('brandkit.upload.tagsRule');
    const rank = Number(draft.minimumTierRank);
    if (draft.accessLevel === 'TIER' && (!Number.isInteger(rank) || rank < 1 || rank > 1000)) found.minimumTierRank = t('brandkit.upload.rankRule');
    setErrors(found);
    if (Object.keys(found).length === 0) void send.run();
  };
  return (
    <Page title={t('brandkit.upload.title')}>
      {!clusterId ? <p>{t('brandkit.upload.noCluster')}</p> : (
        <form className="card" onSubmit={submit} noValidate>
          <Field label={t('brandkit.file')} error={error('file')}>
            {(props) => <input {...props} type="file" onChange={(e) => setFile(e.target.files?.[0])} />}
          </Field>
          <Field label={t('brandkit.kind')} error={error('kind')}>
            {(props) => (
              <select {...props} value={draft.kind} onChange={(e) => set({ kind: e.target.value as AssetKind })}>
                <option value="">{t('brandkit.choose')}</option>
                {ASSET_KINDS.map((k) => <option key={k} value={k}>{t('brandkit.kind.' + k)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('brandkit.upload.assetTitle')} error={error('title')}>
            {(props) => <input {...props} value={draft.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />}
          </Field>
          <Field label={t('brandkit.upload.description')} error={error('description')}>
            {(props) => <textarea {...props} rows={3} value={draft.description} maxLength={4000} onChange={(e) => set({ description: e.target.value })} />}
          </Field>
          <Field label={t('brandkit.tags')} error={error('tags')} hint={t('brandkit.upload.tagsHint')}>
            {(props) => <input {...props} value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />}
          </Field>
          <Field label={t('brandkit.access')} error={error('accessLevel')}>
            {(props) => (
              <select {...props} value={draft.accessLevel} onChange={(e) => set({ accessLevel: e.target.value as AccessLevel })}>
                {ACCESS_LEVELS.map((l) => <option key={l} value={l}>{t('brandkit.access.' + l)}</option>)}
              </select>
            )}
          </Field>
          {draft.accessLevel === 'TIER' && (
            <Field label={t('brandkit.upload.minimumTierRank')} error={error('minimumTierRank')} hint={t('brandkit.upload.rankHint')}>
              {(props) => <input {...props} type="number" min={1} max={1000} value={draft.minimumTierRank} onChange={(e) => set({ minimumTierRank: e.target.value })} />}
            </Field>
          )}
          <Field label={t('brandkit.usageNotes')} error={error('usageNotes')}>
            {(props) => <textarea {...props} rows={3} value={draft.usageNotes} maxLength={4000} onChange={(e) => set({ usageNotes: e.target.value })} />}
          </Field>
          <div aria-live="polite">{fraction !== undefined && <Progress label={t('brandkit.uploading')} fraction={fraction} />}</div>
          <ProblemAlert problem={send.problem} />
          <button type="submit" className="primary" disabled={send.pending}>{t('brandkit.uploadSubmit')}</button>
        </form>
      )}
    </Page>
  );
}
