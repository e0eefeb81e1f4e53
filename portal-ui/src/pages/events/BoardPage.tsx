import { useState, type FormEvent } from 'react';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ClusterPicker, useChosenCluster, useIsSecretariatOf, useListParams, useMyClusters } from './clusters';
import { eventsUser, POST_CATEGORIES, type PostInput, type PostView } from './shared';

type Kind = PostInput['kind'];
type Category = PostInput['category'];
const REGION = /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/;

/** The cooperation board of a cluster: members' needs and offers; post, search, close one's own. */
export default function BoardPage() {
  return <Restricted allowed={eventsUser}><Board /></Restricted>;
}

function Board() {
  const { t } = useI18n();
  const session = useSession();
  const clusters = useMyClusters();
  const [clusterId, chooseCluster] = useChosenCluster(clusters.data);
  const [params, set] = useListParams();
  const kind = (params.get('kind') === 'NEED' || params.get('kind') === 'OFFER') ? params.get('kind') as Kind : undefined;
  const category = (POST_CATEGORIES as readonly string[]).includes(params.get('category') ?? '') ? params.get('category') as Category : undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page')) || 0);
  const [text, setText] = useState(q);
  const secretariat = useIsSecretariatOf(clusterId);
  const posts = useAsync(async () => clusterId
    ? call(events.GET('/api/events/clusters/{clusterId}/posts', {
      params: { path: { clusterId }, query: { kind, category, q: q || undefined, page, size: 20 } },
    }))
    : undefined, [clusterId, kind, category, q, page]);
  const search = (e: FormEvent) => { e.preventDefault(); set({ q: text.trim() || undefined }); };
  const enterpriseId = session.user?.enterprise_id;
  const list = posts.data?.content ?? [];
  return (
    <Page title={t('events.board.title')}>
      <p className="lead">{t('events.board.lead')}</p>
      <ProblemAlert problem={clusters.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {clusters.data?.length === 0 && <Empty>{t('events.noClusters')}</Empty>}
      {clusterId && (
        <>
          <ClusterPicker choices={clusters.data ?? []} value={clusterId} onChange={chooseCluster} />
          {enterpriseId && <NewPost clusterId={clusterId} onDone={posts.reload} />}
          <h2>{t('events.board.posts')}</h2>
          <form className="row" role="search" onSubmit={search}>
            <Field label={t('events.board.filterKind')}>
              {(props) => (
                <select {...props} value={kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })}>
                  <option value="">{t('events.board.allKinds')}</option>
                  <option value="NEED">{t('events.board.kind.NEED')}</option>
                  <option value="OFFER">{t('events.board.kind.OFFER')}</option>
                </select>
              )}
            </Field>
            <Field label={t('events.board.filterCategory')}>
              {(props) => (
                <select {...props} value={category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })}>
                  <option value="">{t('events.board.allCategories')}</option>
                  {POST_CATEGORIES.map((c) => <option key={c} value={c}>{t('events.board.category.' + c)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('events.board.search')}>
              {(props) => <input {...props} type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />}
            </Field>
            <button type="submit">{t('events.board.searchSubmit')}</button>
          </form>
          <ProblemAlert problem={posts.problem} />
          {posts.loading && !posts.data && <Loading />}
          {posts.data && list.length === 0 && <Empty>{t('events.board.empty')}</Empty>}
          <ul className="plain">
            {list.map((p) => (
              <PostCard key={p.id} post={p} own={!!enterpriseId && p.enterpriseId === enterpriseId}
                        secretariat={secretariat} onChange={posts.reload} />
            ))}
          </ul>
          {posts.data && (
            <Pagination page={posts.data.page} totalPages={posts.data.totalPages} onChange={(n) => set({ page: String(n) })} />
          )}
        </>
      )}
    </Page>
  );
}

function PostCard({ post: p, own, secretariat, onChange }: { post: PostView; own: boolean; secretariat: boolean; onChange(): void }) {
  const { t, dateTime } = useI18n();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const close = useSubmit(async () => {
    await call(events.POST('/api/events/posts/{postId}/withdrawal', { params: { path: { postId: p.id! } } }));
    onChange();
  });
  const remove = useSubmit(async () => {
    await call(events.POST('/api/events/posts/{postId}/removal', { params: { path: { postId: p.id! } }, body: { reason: reason.trim() } }));
    onChange();
  });
  const submitRemoval = (e: FormEvent) => {
    e.preventDefault();
    const problem = reason.trim() ? undefined : t('events.required');
    setReasonError(problem);
    if (!problem) void remove.run();
  };
  return (
    <li className="card">
      <h3 className="h3">
        <span className={'badge badge-' + (p.kind === 'NEED' ? 'requested' : 'accepted')}>{t('events.board.kind.' + p.kind)}</span>{' '}
        {p.title}
      </h3>
      <p className="small muted">
        {[p.enterpriseName ?? p.enterpriseId, t('events.board.category.' + p.category), p.region].join(' · ')}
        {p.validUntil && ` · ${t('events.board.validUntil', { at: dateTime(p.validUntil) })}`}
      </p>
      <p className="pre-line">{p.description}</p>
      {(p.tags ?? []).length > 0 && <p className="small">{p.tags!.map((tag) => `#${tag}`).join(' ')}</p>}
      {p.status && p.status !== 'OPEN' && <p><Status value={p.status} /> {p.removalReason}</p>}
      <ProblemAlert problem={close.problem ?? remove.problem} />
      {p.status === 'OPEN' && (
        <div className="row">
          {own && <button type="button" disabled={close.pending} onClick={() => void close.run()}>{t('events.board.close')}</button>}
          {secretariat && !own && !removing && <button type="button" className="danger" onClick={() => setRemoving(true)}>{t('events.board.remove')}</button>}
        </div>
      )}
      {removing && (
        <form onSubmit={submitRemoval} noValidate>
          <Field label={t('events.board.removalReason')} error={reasonError ?? remove.problem?.fieldError('reason')}>
            {(props) => <input {...props} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="row">
            <button type="submit" className="danger" disabled={remove.pending}>{t('events.board.remove')}</button>
            <button type="button" onClick={() => setRemoving(false)}>{t('events.back')}</button>
          </div>
        </form>
      )}
    </li>
  );
}

interface PostDraft { kind: Kind | ''; category: Category | ''; title: string; description: string; region: string; validUntil: string; tags: string }
const emptyPost: PostDraft = { kind: '', category: '', title: '', description: '', region: 'CN', validUntil: '', tags: '' };

function NewPost({ clusterId, onDone }: { clusterId: string; onDone(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PostDraft>(emptyPost);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [posted, setPosted] = useState(false);
  const tags = draft.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  const create = useSubmit(async () => {
    await call(events.POST('/api/events/clusters/{clusterId}/posts', {
      params: { path: { clusterId } },
      body: {
        kind: draft.kind as Kind, category: draft.category as Category, title: draft.title.trim(),
        description: draft.description.trim(), region: draft.region.trim().toUpperCase(),
        // valid through the whole chosen day, in the viewer's time zone
        validUntil: new Date(draft.validUntil + 'T23:59:59').toISOString(),
        tags,
      },
    }));
    setDraft(emptyPost);
    setPosted(true);
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPosted(false);
    const found: Record<string, string> = {};
    const required = t('events.required');
    if (!draft.kind) found.kind = required;
    if (!draft.category) found.category = required;
    if (!draft.title.trim()) found.title = required;
    if (!draft.description.trim()) found.description = required;
    if (!REGION.test(draft.region.trim())) found.region = t('events.board.regionRule');
    if (!draft.validUntil) found.validUntil = required;
    else if (new Date(draft.validUntil + 'T23:59:59') <= new Date()) found.validUntil = t('events.board.future');
    if (tags.length > 10 || tags.some((tag) => tag.length > 40)) found.tags = t('events.board.tagsRule');
    setErrors(found);
    if (Object.keys(found).length === 0) void create.run();
  };
  const error = (field: string) => errors[field] ?? create.problem?.fieldError(field);
  const set = (change: Partial<PostDraft>) => setDraft({ ...draft, ...change });
  return (
    <details className="card">
      <summary>{t('events.board.new')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('events.board.kind')} error={error('kind')}>
          {(props) => (
            <select {...props} value={draft.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
              <option value="">{t('events.choose')}</option>
              <option value="NEED">{t('events.board.kind.NEED')}</option>
              <option value="OFFER">{t('events.board.kind.OFFER')}</option>
            </select>
          )}
        </Field>
        <Field label={t('events.board.category')} error={error('category')}>
          {(props) => (
            <select {...props} value={draft.category} onChange={(e) => set({ category: e.target.value as Category })}>
              <option value="">{t('events.choose')}</option>
              {POST_CATEGORIES.map((c) => <option key={c} value={c}>{t('events.board.category.' + c)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('events.board.postTitle')} error={error('title')}>
          {(props) => <input {...props} value={draft.title} maxLength={150} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label={t('events.board.description')} error={error('description')}>
          {(props) => <textarea {...props} rows={4} value={draft.description} maxLength={2000} onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        <Field label={t('events.board.region')} error={error('region')} hint={t('events.board.regionHint')}>
          {(props) => <input {...props} value={draft.region} maxLength={6} onChange={(e) => set({ region: e.target.value })} />}
        </Field>
        <Field label={t('events.board.validUntilLabel')} error={error('validUntil')}>
          {(props) => <input {...props} type="date" value={draft.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />}
        </Field>
        <Field label={t('events.board.tags')} error={error('tags')} hint={t('events.board.tagsHint')}>
          {(props) => <input {...props} value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />}
        </Field>
        <ProblemAlert problem={create.problem} />
        <div aria-live="polite">{posted && <p className="alert alert-ok">{t('events.board.posted')}</p>}</div>
        <button type="submit" className="primary" disabled={create.pending}>{t('events.board.publish')}</button>
      </form>
    </details>
  );
}
