import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { signedIn } from '../../nav';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { ClusterPicker, useChosenCluster, useIsSecretariatOf, useListParams, useMyClusters } from '../events/clusters';
import { MemberBadge } from './MemberBadge';
import { ASSET_KINDS, kitUrl, RefusalAlert, useDownload, type AssetKind } from './shared';

/** A search text the service can find something by: a word of two letters or digits, or one CJK character. */
export const searchable = (q: string) => /[\p{L}\p{N}]{2}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(q);

/** The brand kit of a cluster: the assets the user may see, the whole kit as a zip, and the member badge. */
export default function BrandKitPage() {
  return <Restricted allowed={signedIn}><BrandKit /></Restricted>;
}

function BrandKit() {
  const { t, dateTime } = useI18n();
  const clusters = useMyClusters();
  const [clusterId, chooseCluster] = useChosenCluster(clusters.data);
  const [params, set] = useListParams();
  const kind = (ASSET_KINDS as string[]).includes(params.get('kind') ?? '') ? params.get('kind') as AssetKind : undefined;
  const tag = params.get('tag') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page')) || 0);
  const [text, setText] = useState(q);
  const [tagText, setTagText] = useState(tag);
  const [textError, setTextError] = useState<string>();
  const secretariat = useIsSecretariatOf(clusterId);
  const chosen = clusters.data?.find((c) => c.id === clusterId);
  const member = !!chosen?.membershipStatus;
  const list = useAsync(async () => clusterId
    ? call(assets.GET('/api/assets/clusters/{clusterId}/assets', {
      params: { path: { clusterId }, query: { kind, tag: tag || undefined, q: q || undefined, page, size: 20 } },
    }))
    : undefined, [clusterId, kind, tag, q, page]);
  const kit = useDownload();
  const search = (e: FormEvent) => {
    e.preventDefault();
    const words = text.trim();
    const problem = words && !searchable(words) ? t('brandkit.searchRule') : words.length > 200 ? t('brandkit.tooLong', { max: 200 }) : undefined;
    setTextError(problem);
    if (!problem) set({ q: words || undefined, tag: tagText.trim() || undefined });
  };
  const rows = list.data?.content ?? [];
  const cq = clusterId ? `?cluster=${encodeURIComponent(clusterId)}` : '';
  return (
    <Page title={t('brandkit.title')} actions={secretariat && (
      <>
        <Link className="button primary" to={`/brand-kit/new${cq}`}>{t('brandkit.upload.title')}</Link>
        <Link className="button" to={`/brand-kit/downloads${cq}`}>{t('brandkit.downloads.title')}</Link>
      </>
    )}>
      <p className="lead">{t('brandkit.lead')}</p>
      <ProblemAlert problem={clusters.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {clusters.data?.length === 0 && <Empty>{t('brandkit.noClusters')}</Empty>}
      {clusterId && (
        <>
          <ClusterPicker choices={clusters.data ?? []} value={clusterId} onChange={chooseCluster} />
          {chosen?.membershipStatus && chosen.membershipStatus !== 'ACTIVE' && chosen.membershipStatus !== 'GRACE' && (
            <p className="alert alert-info">{t('brandkit.standing', { status: t('status.' + chosen.membershipStatus) })}</p>
          )}
          <section className="card" aria-labelledby="kit-heading">
            <h2 id="kit-heading">{t('brandkit.kit.title')}</h2>
            <p>{t('brandkit.kit.lead')}</p>
            <div className="row">
              <button type="button" className="primary" disabled={kit.pending}
                      onClick={() => void kit.start(kitUrl(clusterId), `${clusterId}-brand-kit.zip`, t('brandkit.kit.progress'))}>
                {t('brandkit.kit.download')}
              </button>
              <a href={kitUrl(clusterId)} download>{t('brandkit.kit.plainLink')}</a>
            </div>
            {kit.view}
          </section>
          {member && <MemberBadge clusterId={clusterId} />}
          <h2>{t('brandkit.assets')}</h2>
          <form className="row" role="search" onSubmit={search} noValidate>
            <Field label={t('brandkit.kind')}>
              {(props) => (
                <select {...props} value={kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })}>
                  <option value="">{t('brandkit.allKinds')}</option>
                  {ASSET_KINDS.map((k) => <option key={k} value={k}>{t('brandkit.kind.' + k)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('brandkit.tag')}>
              {(props) => <input {...props} value={tagText} maxLength={60} onChange={(e) => setTagText(e.target.value)} />}
            </Field>
            <Field label={t('brandkit.search')} error={textError ?? list.problem?.fieldError('q')}>
              {(props) => <input {...props} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
            <button type="submit">{t('brandkit.searchSubmit')}</button>
          </form>
          <RefusalAlert problem={list.problem} />
          {list.loading && !list.data && <Loading />}
          {list.data && rows.length === 0 && (
            <Empty>{q || tag || kind ? t('brandkit.noMatch') : secretariat ? t('brandkit.emptySecretariat') : t('brandkit.empty')}</Empty>
          )}
          {rows.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('brandkit.asset')}</th>
                    <th scope="col">{t('brandkit.kind')}</th>
                    <th scope="col">{t('brandkit.tags')}</th>
                    <th scope="col">{t('brandkit.currentVersion')}</th>
                    <th scope="col">{t('brandkit.updated')}</th>
                    {secretariat && <th scope="col">{t('brandkit.status')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.id}>
                      <td><Link to={`/brand-kit/assets/${a.id}`}>{a.title}</Link></td>
                      <td>{t('brandkit.kind.' + a.kind)}</td>
                      <td>{(a.tags ?? []).join(', ')}</td>
                      <td>{a.currentVersion ?? '—'}</td>
                      <td>{a.updatedAt && dateTime(a.updatedAt)}</td>
                      {secretariat && <td>{a.status && <Status value={a.status} />}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={(n) => set({ page: String(n) })} />}
        </>
      )}
    </Page>
  );
}
