import { Link } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Empty, Loading, Page, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';

/** The start page: every cluster of the alliance, and where a signed-in user goes next. */
export default function HomePage() {
  const { t, date } = useI18n();
  const session = useSession();
  const clusters = useAsync(() => call(membership.GET('/api/membership/clusters')), []);
  return (
    <Page title={t('public.home.title')}>
      <p className="lead">{t('public.home.lead')}</p>
      {session.status === 'anonymous' && (
        <div className="card row">
          <span>{t('public.home.signInHint')}</span>
          <button type="button" className="primary" onClick={() => session.login('/')}>{t('auth.signIn')}</button>
        </div>
      )}
      <h2>{t('public.home.clusters')}</h2>
      <ProblemAlert problem={clusters.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {clusters.data && clusters.data.length === 0 && <Empty>{t('public.home.noClusters')}</Empty>}
      <ul className="grid plain" aria-label={t('public.home.clusters')}>
        {clusters.data?.map((cluster) => (
          <li key={cluster.id} className="card">
            <h3><Link to={`/clusters/${cluster.id}`}>{cluster.name}</Link></h3>
            <p className="muted small">{[cluster.industry, cluster.region].filter(Boolean).join(' · ')}</p>
            {cluster.description && <p>{cluster.description}</p>}
            {cluster.foundedOn && <p className="small muted">{t('public.cluster.founded', { date: date(cluster.foundedOn) })}</p>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
