import { useState, type FormEvent } from 'react';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import type { VersionView } from './shared';

/** Links that let someone outside the portal download the asset until they expire or are revoked. */
export function ShareLinks({ assetId, versions }: { assetId: string; versions: VersionView[] }) {
  const { t, dateTime } = useI18n();
  const links = useAsync(() => call(assets.GET('/api/assets/assets/{assetId}/share-links', {
    params: { path: { assetId } },
  })), [assetId]);
  const [version, setVersion] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [maxDownloads, setMaxDownloads] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string>();
  const create = useSubmit(async () => {
    const answer = await call(assets.POST('/api/assets/assets/{assetId}/share-links', {
      params: { path: { assetId } },
      body: {
        version: version ? Number(version) : undefined,
        expiresAt: new Date(expiresAt).toISOString(),
        maxDownloads: maxDownloads ? Number(maxDownloads) : undefined,
        note: note.trim(),
      },
    }));
    setCreated(new URL(answer.url ?? '', window.location.origin).toString());
    setNote('');
    setMaxDownloads('');
    links.reload();
  });
  const revoke = useSubmit(async (linkId: string) => {
    await call(assets.DELETE('/api/assets/share-links/{linkId}', { params: { path: { linkId } } }));
    links.reload();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(undefined);
    const found: Record<string, string> = {};
    if (!expiresAt) found.expiresAt = t('brandkit.required');
    else if (new Date(expiresAt) <= new Date()) found.expiresAt = t('brandkit.share.future');
    if (maxDownloads && (!Number.isInteger(Number(maxDownloads)) || Number(maxDownloads) < 1)) found.maxDownloads = t('brandkit.share.positive');
    if (!note.trim()) found.note = t('brandkit.required');
    else if (note.length > 500) found.note = t('brandkit.tooLong', { max: 500 });
    setErrors(found);
    if (Object.keys(found).length === 0) void create.run();
  };
  const error = (field: string) => errors[field] ?? create.problem?.fieldError(field);
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">{t('brandkit.share.title')}</h2>
      <ProblemAlert problem={links.problem ?? revoke.problem} />
      {links.loading && !links.data && <Loading />}
      {links.data?.length === 0 && <Empty>{t('brandkit.share.empty')}</Empty>}
      {(links.data ?? []).length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('brandkit.share.note')}</th>
                <th scope="col">{t('brandkit.version')}</th>
                <th scope="col">{t('brandkit.share.expires')}</th>
                <th scope="col">{t('brandkit.share.downloads')}</th>
                <th scope="col">{t('brandkit.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('brandkit.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {links.data!.map((l) => (
                <tr key={l.id}>
                  <td>{l.note}</td>
                  <td>{l.version ?? t('brandkit.share.current')}</td>
                  <td>{l.expiresAt && dateTime(l.expiresAt)}</td>
                  <td>{l.maxDownloads ? `${l.downloads} / ${l.maxDownloads}` : l.downloads}</td>
                  <td>{l.state && <Status value={l.state} />}</td>
                  <td>{l.state === 'ACTIVE' && (
                    <button type="button" className="danger" disabled={revoke.pending} onClick={() => void revoke.run(l.id!)}>{t('brandkit.share.revoke')}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={submit} noValidate aria-labelledby="new-share">
        <h3 id="new-share">{t('brandkit.share.new')}</h3>
        <Field label={t('brandkit.version')} error={error('version')}>
          {(props) => (
            <select {...props} value={version} onChange={(e) => setVersion(e.target.value)}>
              <option value="">{t('brandkit.share.current')}</option>
              {versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('brandkit.share.expires')} error={error('expiresAt')}>
          {(props) => <input {...props} type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />}
        </Field>
        <Field label={t('brandkit.share.maxDownloads')} error={error('maxDownloads')} hint={t('brandkit.share.maxHint')}>
          {(props) => <input {...props} type="number" min={1} value={maxDownloads} onChange={(e) => setMaxDownloads(e.target.value)} />}
        </Field>
        <Field label={t('brandkit.share.note')} error={error('note')} hint={t('brandkit.share.noteHint')}>
          {(props) => <input {...props} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <ProblemAlert problem={create.problem} />
        <div aria-live="polite">
          {created && (
            <div className="alert alert-ok">
              <strong>{t('brandkit.share.created')}</strong>
              <p><code>{created}</code></p>
            </div>
          )}
        </div>
        <button type="submit" className="primary" disabled={create.pending}>{t('brandkit.share.create')}</button>
      </form>
    </section>
  );
}
