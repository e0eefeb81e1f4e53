import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { signedIn } from '../../nav';
import { Field, Loading, Page, ProblemAlert, Progress, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { upload } from '../../ui/transfer';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ShareLinks } from './ShareLinks';
import {
  contentUrl, RefusalAlert, RENDITION_SIZES, renditionUrl, useDownload, useFileSize, type AssetView, type VersionView,
} from './shared';

/** One brand asset: its versions, downloads (and logo renditions); the secretariat publishes, retires, shares. */
export default function AssetPage() {
  return <Restricted allowed={signedIn}><Asset /></Restricted>;
}

function Asset() {
  const { assetId = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const asset = useAsync(() => call(assets.GET('/api/assets/assets/{assetId}', { params: { path: { assetId } } })), [assetId]);
  const a = asset.data;
  if (asset.loading && !a) return <Loading />;
  if (!a) return <Page title={t('brandkit.asset')}><RefusalAlert problem={asset.problem} /></Page>;
  const secretariat = !!a.clusterId && session.isSecretariatOf(a.clusterId);
  return (
    <Page title={a.title ?? t('brandkit.asset')}>
      <p><Link to={`/brand-kit?cluster=${encodeURIComponent(a.clusterId ?? '')}`}>{t('brandkit.backToKit')}</Link></p>
      <dl className="facts card">
        <dt>{t('brandkit.kind')}</dt><dd>{t('brandkit.kind.' + a.kind)}</dd>
        {secretariat && <><dt>{t('brandkit.status')}</dt><dd>{a.status && <Status value={a.status} />}</dd></>}
        {secretariat && <><dt>{t('brandkit.access')}</dt><dd>{t('brandkit.access.' + a.accessLevel)}{a.minimumTierRank ? ` (≥ ${a.minimumTierRank})` : ''}</dd></>}
        {(a.tags ?? []).length > 0 && <><dt>{t('brandkit.tags')}</dt><dd>{a.tags!.join(', ')}</dd></>}
        <dt>{t('brandkit.currentVersion')}</dt><dd>{a.currentVersion ?? '—'}</dd>
      </dl>
      {a.description && <p className="pre-line">{a.description}</p>}
      {a.usageNotes && (
        <div className="alert alert-info"><strong>{t('brandkit.usageNotes')}</strong><p className="pre-line">{a.usageNotes}</p></div>
      )}
      <Versions asset={a} secretariat={secretariat} onChange={asset.reload} />
      {secretariat && <NewVersion assetId={assetId} onDone={asset.reload} />}
      {secretariat && <ShareLinks assetId={assetId} versions={(a.versions ?? []).filter((v) => v.status === 'PUBLISHED')} />}
    </Page>
  );
}

function Versions({ asset: a, secretariat, onChange }: { asset: AssetView; secretariat: boolean; onChange(): void }) {
  const { t, dateTime } = useI18n();
  const size = useFileSize();
  const file = useDownload();
  const assetId = a.id ?? '';
  const change = useSubmit(async (version: number, publish: boolean) => {
    const params = { params: { path: { assetId, version } } };
    await call(publish
      ? assets.POST('/api/assets/assets/{assetId}/versions/{version}/publication', params)
      : assets.POST('/api/assets/assets/{assetId}/versions/{version}/retirement', params));
    onChange();
  });
  const versions: VersionView[] = [...(a.versions ?? [])].sort((x, y) => y.number - x.number);
  const rendered = a.kind === 'LOGO' || a.kind === 'PHOTO';
  const current = versions.find((v) => v.number === a.currentVersion);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('brandkit.versions')}</h2>
      {current && (
        <div className="card">
          <p className="row">
            <button type="button" className="primary" disabled={file.pending}
                    onClick={() => void file.start(contentUrl(assetId, current.number), current.filename ?? 'asset', t('brandkit.downloading', { name: current.filename ?? '' }))}>
              {t('brandkit.downloadCurrent', { version: current.number })}
            </button>
            {rendered && RENDITION_SIZES.map((px) => (
              <button type="button" key={px} disabled={file.pending}
                      onClick={() => void file.start(renditionUrl(assetId, px, current.number), `${a.title ?? 'logo'}-${px}.png`, t('brandkit.downloading', { name: `${px} px` }))}>
                {t('brandkit.rendition', { size: px })}
              </button>
            ))}
          </p>
        </div>
      )}
      {!current && <p className="muted">{t('brandkit.noPublished')}</p>}
      {file.view}
      <ProblemAlert problem={change.problem} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('brandkit.version')}</th>
              <th scope="col">{t('brandkit.file')}</th>
              <th scope="col">{t('brandkit.uploaded')}</th>
              <th scope="col">{t('brandkit.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('brandkit.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.number}>
                <td>{v.number}</td>
                <td>
                  {v.filename} <span className="muted small">({size(v.size)})</span>
                  {v.notes && <p className="small muted">{v.notes}</p>}
                </td>
                <td>{v.uploadedAt && dateTime(v.uploadedAt)}</td>
                <td>{v.status && <Status value={v.status} />}</td>
                <td className="row">
                  {(v.status === 'PUBLISHED' || secretariat) && (
                    <button type="button" disabled={file.pending}
                            onClick={() => void file.start(contentUrl(assetId, v.number), v.filename ?? 'asset', t('brandkit.downloading', { name: v.filename ?? '' }))}>
                      {t('brandkit.download')}
                    </button>
                  )}
                  {secretariat && v.status === 'DRAFT' && (
                    <button type="button" className="primary" disabled={change.pending} onClick={() => void change.run(v.number, true)}>{t('brandkit.publish')}</button>
                  )}
                  {secretariat && v.status === 'PUBLISHED' && (
                    <button type="button" className="danger" disabled={change.pending} onClick={() => void change.run(v.number, false)}>{t('brandkit.retire')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NewVersion({ assetId, onDone }: { assetId: string; onDone(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [notes, setNotes] = useState('');
  const [fraction, setFraction] = useState<number>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const send = useSubmit(async () => {
    const form = new FormData();
    form.append('file', file!);
    const query = notes.trim() ? `?notes=${encodeURIComponent(notes.trim())}` : '';
    setFraction(0);
    try {
      await upload('POST', `/api/assets/assets/${encodeURIComponent(assetId)}/versions${query}`, form, setFraction);
    } finally {
      setFraction(undefined);
    }
    setFile(undefined);
    setNotes('');
    setDone(true);
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found: Record<string, string> = {};
    if (!file) found.file = t('brandkit.chooseFile');
    if (notes.length > 2000) found.notes = t('brandkit.tooLong', { max: 2000 });
    setErrors(found);
    if (Object.keys(found).length === 0) void send.run();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-version">
      <h2 id="new-version">{t('brandkit.newVersion')}</h2>
      <Field label={t('brandkit.file')} error={errors.file ?? send.problem?.fieldError('file')}>
        {(props) => <input {...props} type="file" onChange={(e) => setFile(e.target.files?.[0])} />}
      </Field>
      <Field label={t('brandkit.notes')} error={errors.notes ?? send.problem?.fieldError('notes')}>
        {(props) => <textarea {...props} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <div aria-live="polite">
        {fraction !== undefined && <Progress label={t('brandkit.uploading')} fraction={fraction} />}
        {done && <p className="alert alert-ok">{t('brandkit.versionAdded')}</p>}
      </div>
      <ProblemAlert problem={send.problem} />
      <button type="submit" className="primary" disabled={send.pending}>{t('brandkit.uploadSubmit')}</button>
    </form>
  );
}
