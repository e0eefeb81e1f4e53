import { Link } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { ClusterPicker, useChosenCluster, useIsSecretariatOf, useListParams, useMyClusters } from './clusters';
import { EVENT_KINDS, eventsUser, type EventKind } from './shared';

/** The events of the user's clusters, upcoming or past, by kind; the secretariat also sees its drafts. */
export default function EventsPage() {
  return <Restricted allowed={eventsUser}><Events /></Restricted>;
}

function Events() {
  const { t, dateTime } = useI18n();
  const clusters = useMyClusters();
  const [clusterId, chooseCluster] = useChosenCluster(clusters.data);
  const [params, set] = useListParams();
  const when = params.get('when') === 'PAST' ? 'PAST' : 'UPCOMING';
  const kind = (EVENT_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind') as EventKind : undefined;
  const page = Math.max(0, Number(params.get('page')) || 0);
  const secretariat = useIsSecretariatOf(clusterId);
  const list = useAsync(async () => clusterId
    ? call(events.GET('/api/events/clusters/{clusterId}/events', {
      params: { path: { clusterId }, query: { when, kind, page, size: 20 } },
    }))
    : undefined, [clusterId, when, kind, page]);


  return (
    <Page title={t('events.title')} actions={
      <>
        <Link className="button" to={'/events/board' + (clusterId ? `?cluster=${encodeURIComponent(clusterId)}` : '')}>
          {t('events.board.title')}
        </Link>
        {secretariat && clusterId && (
          <Link className="button primary" to={`/events/new?cluster=${encodeURIComponent(clusterId)}`}>{t('events.new')}</Link>
        )}
      </>
    }>
      <ProblemAlert problem={clusters.problem ?? list.problem} />
      {clusters.loading && !clusters.data && <Loading />}
      {clusters.data?.length === 0 && <Empty>{t('events.noClusters')}</Empty>}
      {clusters.data && clusters.data.length > 0 && (
        <>
          <div className="row">
            <ClusterPicker choices={clusters.data} value={clusterId} onChange={chooseCluster} />
            <Field label={t('events.when')}>
              {(props) => (
                <select {...props} value={when} onChange={(e) => set({ when: e.target.value })}>
                  <option value="UPCOMING">{t('events.upcoming')}</option>
                  <option value="PAST">{t('events.past')}</option>
                </select>
              )}
            </Field>
            <Field label={t('events.kind')}>
              {(props) => (
                <select {...props} value={kind ?? ''} onChange={(e) => set({ kind: e.target.value })}>
                  <option value="">{t('events.allKinds')}</option>
                  {EVENT_KINDS.map((k) => <option key={k} value={k}>{t('events.kind.' + k)}</option>)}
                </select>
              )}
            </Field>
          </div>
          {list.loading && !list.data && <Loading />}
          {list.data && (list.data.content ?? []).length === 0 && (
            <Empty>{when === 'UPCOMING' ? t('events.noneUpcoming') : t('events.nonePast')}</Empty>
          )}
          {list.data && (list.data.content ?? []).length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('events.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.event')}</th>
                    <th scope="col">{t('events.kind')}</th>
                    <th scope="col">{t('events.starts')}</th>
                    <th scope="col">{t('events.place')}</th>
                    <th scope="col">{t('events.seatsAvailable')}</th>
                    <th scope="col">{t('events.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.content?.map((e) => (
                    <tr key={e.id}>
                      <td><Link to={`/events/${e.id}`}>{e.title}</Link></td>
                      <td>{t('events.kind.' + e.kind)}</td>
                      <td>{e.startsAt && dateTime(e.startsAt)}</td>
                      <td>{e.venue ?? (e.onlineLink ? t('events.online') : '')}</td>
                      <td>{e.seatsAvailable} / {e.capacity}</td>
                      <td>{e.status && <Status value={e.status} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data && (
            <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={(p) => set({ page: String(p) })} />
          )}
        </>
      )}
    </Page>
  );
}
