import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { inGoodStanding, loadMyMemberships, parseLanguages, TopicChecklist, TOPICS, useTopicNames, type Topic } from './shared';

/** Find experts: state the enterprise's needs and see the best matches, or browse every expert by topic. */
export default function ExpertsPage() {
  return <Restricted allowed={enterprise}><Experts /></Restricted>;
}

function Experts() {
  const { t } = useI18n();
  const [needsVersion, setNeedsVersion] = useState(0);
  return (
    <Page title={t('salons.experts.title')} actions={
      <>
        <Link className="button" to="/salons/consultations">{t('salons.nav.myConsultations')}</Link>
        <Link className="button" to="/salons/list">{t('salons.nav.salons')}</Link>
      </>
    }>
      <p className="lead">{t('salons.experts.lead')}</p>
      <NeedsForm onStated={() => setNeedsVersion((v) => v + 1)} />
      <Matches version={needsVersion} />
      <Directory />
    </Page>
  );
}

const DESCRIPTION_MAX = 2000;

function NeedsForm({ onStated }: { onStated(): void }) {
  const { t } = useI18n();
  const stated = useAsync(async () => {
    try {
      return await call(salons.GET('/api/salons/needs'));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) return undefined;
      throw e;
    }
  }, []);
  const memberships = useAsync(loadMyMemberships, []);
  const [topics, setTopics] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [languages, setLanguages] = useState('');
  const [clusters, setClusters] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (stated.data) {
      setTopics([...stated.data.topics]);
      setDescription(stated.data.description);
      setLanguages((stated.data.languages ?? []).join(', '));
      setClusters([...(stated.data.clusters ?? [])]);
    }
  }, [stated.data]);

  const save = useSubmit(async (body: { topics: Topic[]; description: string; languages: string[]; clusters: string[] }) => {
    await call(salons.PUT('/api/salons/needs', { body }));
    setSaved(true);
    onStated();
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    if (topics.length === 0) found.topics = t('salons.needs.topicsRequired');
    if (!description.trim()) found.description = t('common.required');
    else if (description.length > DESCRIPTION_MAX) found.description = t('salons.tooLong', { max: DESCRIPTION_MAX });
    const tags = parseLanguages(languages);
    if (!tags) found.languages = t('salons.languagesInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void save.run({ topics: topics as Topic[], description: description.trim(), languages: tags ?? [], clusters });
  };

  if (stated.loading && !stated.data) return <Loading />;
  const problem = save.problem;
  const ownClusters = (memberships.data ?? []).filter((m) => inGoodStanding(m.status));
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t('salons.needs.title')}</h2>
      <ProblemAlert problem={stated.problem} />
      <form className="card" onSubmit={submit} noValidate>
        <TopicChecklist legend={t('salons.needs.topics')} value={topics} onChange={setTopics}
                        error={errors.topics ?? problem?.fieldError('topics')} />
        <Field label={t('salons.needs.description')} error={errors.description ?? problem?.fieldError('description')}
               hint={t('salons.needs.descriptionHint')}>
          {(p) => <textarea {...p} rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label={t('salons.needs.languages')} error={errors.languages ?? problem?.fieldError('languages')}
               hint={t('salons.languagesHint')}>
          {(p) => <input {...p} value={languages} onChange={(e) => setLanguages(e.target.value)} />}
        </Field>
        {ownClusters.length > 1 && (
          <fieldset>
            <legend>{t('salons.needs.clusters')}</legend>
            {ownClusters.map((m) => (
              <label key={m.clusterId} className="row">
                <input type="checkbox" checked={clusters.includes(m.clusterId)}
                       onChange={(e) => setClusters(e.target.checked
                         ? [...clusters, m.clusterId] : clusters.filter((c) => c !== m.clusterId))} />
                {m.clusterName}
              </label>
            ))}
            {problem?.fieldError('clusters') && <p className="field-error">{problem.fieldError('clusters')}</p>}
          </fieldset>
        )}
        <ProblemAlert problem={problem} />
        {saved && <p className="alert alert-ok" role="status">{t('salons.needs.saved')}</p>}
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('salons.needs.submit')}
        </button>
      </form>
    </section>
  );
}

function Matches({ version }: { version: number }) {
  const { t, dateTime } = useI18n();
  const topicNames = useTopicNames();
  const matches = useAsync(async () => {
    try {
      return await call(salons.GET('/api/salons/matches', { params: { query: { limit: 10 } } }));
    } catch (e) {
      if (e instanceof ApiProblem && e.slug === 'needs-not-stated') return undefined;
      throw e;
    }
  }, [version]);
  return (
    <section aria-labelledby="matches-heading" aria-live="polite">
      <h2 id="matches-heading">{t('salons.matches.title')}</h2>
      <ProblemAlert problem={matches.problem} />
      {matches.loading && !matches.data && <Loading />}
      {!matches.loading && !matches.problem && !matches.data && <Empty>{t('salons.matches.noNeeds')}</Empty>}
      {matches.data && matches.data.experts.length === 0 && <Empty>{t('salons.matches.none')}</Empty>}
      {matches.data && matches.data.experts.length > 0 && (
        <ol className="plain">
          {matches.data.experts.map((m) => {
            const covered = m.reasons.find((r) => r.signal === 'TOPICS')?.values ?? [];
            return (
              <li key={m.expertId} className="card">
                <h3><Link to={`/salons/experts/${encodeURIComponent(m.expertId)}`}>{m.name}</Link></h3>
                <p className="muted small">{[m.title, m.organisation].filter(Boolean).join(' · ')}</p>
                <p>{t('salons.matches.score', { rank: m.rank, score: m.score })}</p>
                <p>{t('salons.matches.covers', { topics: topicNames(covered) })}</p>
                <p>{m.nextFreeSlot
                  ? t('salons.matches.nextSlot', { when: dateTime(m.nextFreeSlot.start) })
                  : t('salons.matches.noSlot')}</p>
                <Link className="button" to={`/salons/experts/${encodeURIComponent(m.expertId)}`}>{t('salons.matches.book')}</Link>
              </li>
            );
          })}
        </ol>
      )}
      {matches.data && matches.data.salons.length > 0 && (
        <>
          <h3>{t('salons.matches.salons')}</h3>
          <ul className="plain">
            {matches.data.salons.map((s) => (
              <li key={s.salonId} className="card">
                <Link to={`/salons/${encodeURIComponent(s.salonId)}`}>{s.title}</Link>
                <p className="muted small">
                  {s.theme} · {dateTime(s.startsAt)} · {t('salons.salon.seatsAvailable', { count: s.seatsAvailable })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Directory() {
  const { t } = useI18n();
  const topicNames = useTopicNames();
  const [topic, setTopic] = useState('');
  const [page, setPage] = useState(0);
  const experts = useAsync(() => call(salons.GET('/api/salons/experts', {
    params: { query: { topic: (topic || undefined) as Topic | undefined, page, size: 20 } },
  })), [topic, page]);
  return (
    <section aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t('salons.directory.title')}</h2>
      <Field label={t('salons.directory.topic')}>
        {(p) => (
          <select {...p} value={topic} onChange={(e) => { setPage(0); setTopic(e.target.value); }}>
            <option value="">{t('salons.directory.anyTopic')}</option>
            {TOPICS.map((x) => <option key={x} value={x}>{t('salons.topic.' + x)}</option>)}
          </select>
        )}
      </Field>
      <ProblemAlert problem={experts.problem} />
      {experts.loading && !experts.data && <Loading />}
      {experts.data?.content.length === 0 && <Empty>{t('salons.directory.empty')}</Empty>}
      {experts.data && experts.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.expert.name')}</th>
                <th scope="col">{t('salons.expert.organisation')}</th>
                <th scope="col">{t('salons.expert.topics')}</th>
                <th scope="col">{t('salons.expert.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {experts.data.content.map((x) => (
                <tr key={x.id}>
                  <th scope="row"><Link to={`/salons/experts/${encodeURIComponent(x.id)}`}>{x.name}</Link></th>
                  <td>{[x.title, x.organisation].filter(Boolean).join(' · ')}</td>
                  <td>{topicNames(x.topics)}</td>
                  <td>{x.languages.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {experts.data && <Pagination page={experts.data.page} totalPages={experts.data.totalPages} onChange={setPage} />}
    </section>
  );
}
