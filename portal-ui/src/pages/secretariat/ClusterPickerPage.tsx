import { Link } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { secretariat } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';

/** The clusters the user serves as secretariat (a user may serve several); the alliance office's entry too. */
export default function ClusterPickerPage() {
  return <Restricted allowed={secretariat}><Picker /></Restricted>;
}

function Picker() {
  const { t } = useI18n();
  const session = useSession();
  const mine = session.user?.secretariat_of ?? [];
  const clusters = useAsync(() => call(membership.GET('/api/membership/clusters')), []);
  const names = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
  const admin = session.hasRole('alliance-admin');
  return (
    <Page title={t('secretariat.picker.title')}
          actions={admin ? <Link className="button" to="/alliance">{t('secretariat.alliance.title')}</Link> : undefined}>
      <ProblemAlert problem={clusters.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {mine.length === 0 ? (
        <Empty>{admin ? t('secretariat.picker.noneAdmin') : t('secretariat.picker.none')}</Empty>
      ) : (
        <ul className="grid plain">
          {mine.map((id) => (
            <li key={id} className="card">
              <h2 className="h3"><Link to={`/secretariat/${id}`}>{names.get(id) ?? id}</Link></h2>
              <p className="muted small">{id}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
