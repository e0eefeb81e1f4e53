import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ConventionTextForm, type ConventionDraft } from './ConventionText';
import { ClusterPage, SecretariatOnly, useClusterId, zonedToInstant } from './shared';

type Convention = Awaited<ReturnType<typeof loadConvention>>;
const loadConvention = (conventionId: string) =>
  call(membership.GET('/api/membership/conventions/{conventionId}', { params: { path: { conventionId } } }));

/** One convention version: edit the draft, open its ballot, count it after closing, see who accepted it. */
export default function ConventionPage() {
  return <SecretariatOnly><ConventionVersion /></SecretariatOnly>;
}

function ConventionVersion() {
  const { t, dateTime } = useI18n();
  const clusterId = useClusterId();
  const { conventionId = '' } = useParams();
  const convention = useAsync(() => loadConvention(conventionId), [conventionId]);
  const [done, setDone] = useState<string>();
  const changed = (message: string) => { setDone(message); convention.reload(); };
  const save = useSubmit(async (draft: ConventionDraft) => {
    await call(membership.PUT('/api/membership/conventions/{conventionId}', {
      params: { path: { conventionId } }, body: { ...draft, changeSummary: draft.changeSummary || undefined },
    }));
    changed(t('common.saved'));
  });
  const tally = useSubmit(async () => {
    await call(membership.POST('/api/membership/conventions/{conventionId}/tally', { params: { path: { conventionId } } }));
    changed(t('secretariat.convention.tallied'));
  });

  const c = convention.data;
  if (!c) {
    return (
      <ClusterPage title={t('secretariat.convention.title')}>
        {convention.loading ? <Loading /> : <ProblemAlert problem={convention.problem} />}
      </ClusterPage>
    );
  }
  const closed = !!c.ballot?.closesAt && new Date(c.ballot.closesAt).getTime() <= Date.now();
  return (
    <ClusterPage title={t('secretariat.convention.heading', { version: c.conventionVersion, title: c.title ?? '' })}>
      <p><Link to={`/secretariat/${clusterId}/conventions`}>{t('secretariat.convention.back')}</Link></p>
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{done}</p>}</div>
      <p><Status value={c.status ?? ''} /> {c.adoptedAt && t('secretariat.convention.adoptedAt', { date: dateTime(c.adoptedAt) })}</p>
      {c.status === 'DRAFT' ? (
        <>
          <h2>{t('secretariat.convention.edit')}</h2>
          <ConventionTextForm key={c.version} initial={{ title: c.title ?? '', body: c.body ?? '', changeSummary: c.changeSummary ?? '' }}
                              submitLabel={t('common.save')} pending={save.pending} problem={save.problem} onSubmit={save.run} />
          <OpenBallot conventionId={conventionId} onDone={() => changed(t('secretariat.convention.ballotOpened'))} />
        </>
      ) : (
        <article className="card">
          {c.changeSummary && <p className="muted">{c.changeSummary}</p>}
          <div className="convention-text">{(c.body ?? '').split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}</div>
        </article>
      )}
      {c.ballot && (
        <section className="card">
          <h2>{t('secretariat.convention.ballot')}</h2>
          <dl className="facts">
            <dt>{t('secretariat.convention.openedAt')}</dt><dd>{c.ballot.openedAt && dateTime(c.ballot.openedAt)}</dd>
            <dt>{t('secretariat.conventions.closesAt')}</dt><dd>{c.ballot.closesAt && dateTime(c.ballot.closesAt, 'long')}</dd>
            <dt>{t('secretariat.convention.quorum')}</dt><dd>{c.ballot.quorumPercent}%</dd>
            <dt>{t('secretariat.convention.electorate')}</dt><dd>{c.ballot.electorate}</dd>
          </dl>
          {c.status === 'BALLOT' && (
            <>
              <p>{closed ? t('secretariat.convention.closedCount') : t('secretariat.convention.stillOpen')}</p>
              <button type="button" className="primary" disabled={!closed || tally.pending} onClick={() => void tally.run()}>
                {t('secretariat.convention.tally')}
              </button>
              <ProblemAlert problem={tally.problem} />
            </>
          )}
        </section>
      )}
      {c.result && <Result result={c.result} />}
      {(c.status === 'ADOPTED' || c.status === 'SUPERSEDED') && <Acceptances conventionId={conventionId} />}
    </ClusterPage>
  );
}

function OpenBallot({ conventionId, onDone }: { conventionId: string; onDone(): void }) {
  const { t, timeZone } = useI18n();
  const [closesAt, setClosesAt] = useState('');
  const [quorum, setQuorum] = useState('50');
  const [errors, setErrors] = useState<{ closesAt?: string; quorumPercent?: string }>({});
  const open = useSubmit((body: { closesAt: string; quorumPercent: number }) =>
    call(membership.POST('/api/membership/conventions/{conventionId}/ballot', { params: { path: { conventionId } }, body })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    let instant: string | undefined;
    if (!closesAt) found.closesAt = t('secretariat.required');
    else {
      instant = zonedToInstant(closesAt, timeZone);
      if (new Date(instant).getTime() <= Date.now()) found.closesAt = t('secretariat.convention.closesInFuture');
    }
    const q = Number(quorum);
    if (!Number.isInteger(q) || q < 1 || q > 100) found.quorumPercent = t('secretariat.convention.quorumRange');
    setErrors(found);
    if (Object.keys(found).length > 0 || !instant) return;
    if (await open.run({ closesAt: instant, quorumPercent: q })) onDone();
  };
  return (
    <section>
      <h2>{t('secretariat.convention.openBallot')}</h2>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('secretariat.convention.closesAtField')} hint={t('secretariat.convention.timeZone', { zone: timeZone })}
               error={errors.closesAt ?? open.problem?.fieldError('closesAt')}>
          {(props) => <input {...props} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />}
        </Field>
        <Field label={t('secretariat.convention.quorumField')} error={errors.quorumPercent ?? open.problem?.fieldError('quorumPercent')}>
          {(props) => <input {...props} type="number" min={1} max={100} value={quorum} onChange={(e) => setQuorum(e.target.value)} />}
        </Field>
        <ProblemAlert problem={open.problem} />
        <button type="submit" className="primary" disabled={open.pending}>{t('secretariat.convention.openBallot')}</button>
      </form>
    </section>
  );
}

function Result({ result }: { result: NonNullable<Convention['result']> }) {
  const { t, dateTime } = useI18n();
  return (
    <section className="card" aria-live="polite">
      <h2>{t('secretariat.convention.result')}</h2>
      <p><Status value={result.outcome ?? ''} /> {result.talliedAt && t('secretariat.convention.talliedAt', { date: dateTime(result.talliedAt) })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('secretariat.convention.result')}</caption>
          <tbody>
            <tr><th scope="row">{t('secretariat.convention.electorate')}</th><td>{result.electorate}</td></tr>
            <tr><th scope="row">{t('secretariat.convention.for')}</th><td>{result.votesFor}</td></tr>
            <tr><th scope="row">{t('secretariat.convention.against')}</th><td>{result.votesAgainst}</td></tr>
            <tr><th scope="row">{t('secretariat.convention.abstentions')}</th><td>{result.abstentions}</td></tr>
            <tr>
              <th scope="row">{t('secretariat.convention.quorumReached')}</th>
              <td>{result.quorumReached ? t('common.yes') : t('common.no')}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Acceptances({ conventionId }: { conventionId: string }) {
  const { t, dateTime } = useI18n();
  const report = useAsync(() => call(membership.GET('/api/membership/conventions/{conventionId}/acceptances', {
    params: { path: { conventionId } },
  })), [conventionId]);
  return (
    <section>
      <h2>{t('secretariat.convention.acceptances')}</h2>
      <ProblemAlert problem={report.problem} />
      {report.loading && !report.data && <Loading />}
      {report.data && (
        <div className="grid">
          <div className="card">
            <h3>{t('secretariat.convention.accepted', { count: report.data.accepted?.length ?? 0 })}</h3>
            {report.data.accepted?.length ? (
              <ul>{report.data.accepted.map((a) => (
                <li key={a.enterpriseId}>{a.enterpriseName} <span className="muted small">{a.acceptedAt && dateTime(a.acceptedAt)}</span></li>
              ))}</ul>
            ) : <Empty>{t('secretariat.convention.noneAccepted')}</Empty>}
          </div>
          <div className="card">
            <h3>{t('secretariat.convention.notAccepted', { count: report.data.notAccepted?.length ?? 0 })}</h3>
            {report.data.notAccepted?.length ? (
              <ul>{report.data.notAccepted.map((m) => <li key={m.enterpriseId}>{m.enterpriseName} ({m.memberNumber})</li>)}</ul>
            ) : <p>{t('secretariat.convention.allAccepted')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
