import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise, signedIn } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { AcceptConvention } from './AcceptConvention';
import { SecretariatLink } from './SecretariatLink';
import { loadClusters, loadConvention, type ConventionView } from './data';

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
type Choice = (typeof CHOICES)[number];

/** A convention version: its text; accept it; vote while its ballot is open; the result after the tally. */
export default function ConventionPage() {
  return <Restricted allowed={signedIn}><Convention /></Restricted>;
}

function Convention() {
  const { conventionId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const session = useSession();
  const convention = useAsync(() => loadConvention(conventionId), [conventionId]);
  const clusters = useAsync(loadClusters, []);
  const c = convention.data;
  if (convention.loading && !c) return <Loading />;
  if (!c) {
    return (
      <Page title={t('enterprise.convention.title')}>
        {convention.problem?.status === 404 ? <Empty>{t('enterprise.convention.notFound')}</Empty> : <ProblemAlert problem={convention.problem} />}
      </Page>
    );
  }
  const actsForEnterprise = enterprise(session) && !!session.user?.enterprise_id;
  const clusterLabel = clusters.data?.find((x) => x.id === c.clusterId)?.name ?? c.clusterId ?? '';
  return (
    <Page title={c.title ?? t('enterprise.convention.title')}>
      <SecretariatLink clusterId={c.clusterId} to={`conventions/${c.id}`}>{t('enterprise.secretariat.convention')}</SecretariatLink>
      <p className="muted small">
        <Status value={c.status ?? ''} />{' '}
        {t('enterprise.convention.versionOf', { version: c.conventionVersion, cluster: clusterLabel })}
        {c.adoptedAt && ' · ' + t('enterprise.convention.adoptedAt', { date: dateTime(c.adoptedAt) })}
      </p>
      {c.status === 'SUPERSEDED' && c.supersededBy && (
        <p className="alert alert-info">
          {t('enterprise.convention.superseded')}{' '}
          <Link to={`/membership/conventions/${c.supersededBy}`}>{t('enterprise.convention.toCurrent')}</Link>
        </p>
      )}
      {c.changeSummary && (
        <section className="card" aria-labelledby="convention-changes">
          <h2 id="convention-changes">{t('enterprise.convention.changes')}</h2>
          <p className="pre-line">{c.changeSummary}</p>
        </section>
      )}
      {c.ballot && <Ballot convention={c} canVote={actsForEnterprise} onClosed={convention.reload} />}
      {c.result && <Result convention={c} />}
      {actsForEnterprise && c.status === 'ADOPTED' && (
        <section className="card" aria-labelledby="convention-accept">
          <h2 id="convention-accept">{t('enterprise.convention.acceptance')}</h2>
          <AcceptConvention conventionId={c.id ?? conventionId} />
        </section>
      )}
      <section aria-labelledby="convention-text">
        <h2 id="convention-text">{t('enterprise.convention.text')}</h2>
        <article className="card convention-text">
          {(c.body ?? '').split(/\n{2,}/).map((p, i) => <p key={i} className="pre-line">{p}</p>)}
        </article>
      </section>
    </Page>
  );
}

function Ballot({ convention: c, canVote, onClosed }: { convention: ConventionView; canVote: boolean; onClosed(): void }) {
  const { t, dateTime } = useI18n();
  const ballot = c.ballot!;
  const open = c.status === 'BALLOT' && !!ballot.closesAt && new Date(ballot.closesAt).getTime() > Date.now();
  return (
    <section className="card" aria-labelledby="convention-ballot">
      <h2 id="convention-ballot">{t('enterprise.convention.ballot')}</h2>
      <dl className="facts">
        {ballot.openedAt && <><dt>{t('enterprise.convention.opened')}</dt><dd>{dateTime(ballot.openedAt)}</dd></>}
        {ballot.closesAt && <><dt>{t('enterprise.convention.closes')}</dt><dd>{dateTime(ballot.closesAt, 'long')}</dd></>}
        <dt>{t('enterprise.convention.quorum')}</dt><dd>{ballot.quorumPercent}%</dd>
        <dt>{t('enterprise.convention.electorate')}</dt><dd>{ballot.electorate}</dd>
      </dl>
      {c.status === 'BALLOT' && !open && <p className="alert alert-info">{t('enterprise.convention.counting')}</p>}
      {c.status === 'BALLOT' && canVote && <MyVote conventionId={c.id ?? ''} open={open} onClosed={onClosed} />}
    </section>
  );
}

function MyVote({ conventionId, open, onClosed }: { conventionId: string; open: boolean; onClosed(): void }) {
  const { t, dateTime } = useI18n();
  const [choice, setChoice] = useState<Choice | ''>('');
  const [error, setError] = useState<string>();
  const [changing, setChanging] = useState(false);
  // 403: the enterprise is not in the electorate; 404: it has not voted yet
  const mine = useAsync(async () => {
    try {
      return { vote: await call(membership.GET('/api/membership/conventions/{conventionId}/votes/mine', {
        params: { path: { conventionId } },
      })), inElectorate: true };
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404) return { vote: undefined, inElectorate: true };
      if (status === 403) return { vote: undefined, inElectorate: false };
      throw e;
    }
  }, [conventionId]);
  const vote = useSubmit(async (selected: Choice) => {
    try {
      await call(membership.POST('/api/membership/conventions/{conventionId}/votes', {
        params: { path: { conventionId } }, body: { choice: selected },
      }));
    } catch (e) {
      // the ballot closed meanwhile: the page shows the convention as it is now, with the 409 explained
      if ((e as { slug?: string }).slug === 'ballot-closed') onClosed();
      throw e;
    }
    setChanging(false);
    mine.reload();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError(t('enterprise.convention.chooseVote'));
      return;
    }
    setError(undefined);
    void vote.run(choice);
  };

  if (mine.loading && !mine.data) return <Loading />;
  if (!mine.data) return <ProblemAlert problem={mine.problem} />;
  if (!mine.data.inElectorate) return <p className="muted">{t('enterprise.convention.notInElectorate')}</p>;
  const cast = mine.data.vote;
  return (
    <div aria-live="polite">
      {cast && (
        <p className="alert alert-ok" role="status">
          {t('enterprise.convention.yourVote', { choice: t('enterprise.vote.' + cast.choice), date: cast.castAt ? dateTime(cast.castAt) : '' })}
        </p>
      )}
      {cast && open && !changing && (
        <button type="button" onClick={() => { setChoice((cast.choice as Choice) ?? ''); setChanging(true); }}>
          {t('enterprise.convention.changeVote')}
        </button>
      )}
      {open && (!cast || changing) && (
        <form onSubmit={submit} noValidate>
          <fieldset aria-describedby={error ? 'vote-error' : undefined}>
            <legend>{t('enterprise.convention.castVote')}</legend>
            {CHOICES.map((option) => (
              <div key={option} className="row">
                <input type="radio" id={'vote-' + option} name="choice" value={option} checked={choice === option}
                       onChange={() => setChoice(option)} />
                <label htmlFor={'vote-' + option}>{t('enterprise.vote.' + option)}</label>
              </div>
            ))}
            {(error ?? vote.problem?.fieldError('choice')) && (
              <p id="vote-error" className="field-error">{error ?? vote.problem?.fieldError('choice')}</p>
            )}
          </fieldset>
          <ProblemAlert problem={vote.problem} />
          <div className="row">
            <button type="submit" className="primary" disabled={vote.pending}>{t('enterprise.convention.submitVote')}</button>
            {changing && <button type="button" onClick={() => setChanging(false)}>{t('common.cancel')}</button>}
          </div>
        </form>
      )}
      {!open && !cast && <p className="muted">{t('enterprise.convention.noVote')}</p>}
    </div>
  );
}

function Result({ convention: c }: { convention: ConventionView }) {
  const { t, dateTime } = useI18n();
  const r = c.result!;
  const rows: [string, number][] = [
    [t('enterprise.vote.FOR'), r.votesFor],
    [t('enterprise.vote.AGAINST'), r.votesAgainst],
    [t('enterprise.vote.ABSTAIN'), r.abstentions],
    [t('enterprise.convention.notVoted'), Math.max(0, r.electorate - r.votesFor - r.votesAgainst - r.abstentions)],
  ];
  return (
    <section className="card" aria-labelledby="convention-result">
      <h2 id="convention-result">{t('enterprise.convention.result')}</h2>
      <p>
        <strong>{t('enterprise.convention.outcome.' + r.outcome)}</strong>
        {r.talliedAt && <span className="muted small"> · {t('enterprise.convention.talliedAt', { date: dateTime(r.talliedAt) })}</span>}
      </p>
      <p className="small">{r.quorumReached ? t('enterprise.convention.quorumReached') : t('enterprise.convention.quorumMissed')}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('enterprise.convention.result')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('enterprise.convention.choice')}</th>
              <th scope="col">{t('enterprise.convention.count')}</th>
              <th scope="col">{t('enterprise.convention.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, count]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{count}</td>
                <td><ShareBar fraction={r.electorate ? count / r.electorate : 0} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A small bar for a share of the electorate; the number beside it says the same in text. */
function ShareBar({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <span className="row">
      <svg width="120" height="12" viewBox="0 0 120 12" aria-hidden="true">
        <rect width="120" height="12" fill="#eaeef2" rx="2" />
        <rect width={120 * fraction} height="12" fill="#1d4ed8" rx="2" />
      </svg>
      <span>{percent}%</span>
    </span>
  );
}
