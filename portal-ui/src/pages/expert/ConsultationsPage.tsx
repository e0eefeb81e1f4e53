import { useState } from 'react';
import { Link } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { expert } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { loadMyProfile } from './profile';

/** The expert's pending and upcoming consultations, those awaiting an outcome, and salon sessions to lead. */
export default function ConsultationsPage() {
  return <Restricted allowed={expert}><Consultations /></Restricted>;
}

type Query = { state: 'PENDING' | 'CONFIRMED'; from?: string; to?: string };

function Consultations() {
  const { t } = useI18n();
  const session = useSession();
  const expertId = session.user?.subject ?? '';
  const profile = useAsync(() => loadMyProfile(expertId), [expertId]);
  const [now] = useState(() => new Date().toISOString());
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  if (profile.loading && profile.data === undefined) return <Loading />;
  return (
    <Page title={t('expert.consultations.title')}
          actions={<Link className="button" to="/expert/availability">{t('expert.nav.availability')}</Link>}>
      <ProblemAlert problem={profile.problem} />
      {profile.data === null && (
        <Empty action={<Link className="button primary" to="/expert/profile">{t('expert.profile.create')}</Link>}>
          {t('expert.consultations.noProfile')}
        </Empty>
      )}
      <ConsultationList heading={t('expert.consultations.pending')} empty={t('expert.consultations.noPending')}
                        query={{ state: 'PENDING', from: now }} action="confirmation" version={version} onChange={changed} />
      <ConsultationList heading={t('expert.consultations.upcoming')} empty={t('expert.consultations.noUpcoming')}
                        query={{ state: 'CONFIRMED', from: now }} version={version} onChange={changed} />
      <ConsultationList heading={t('expert.consultations.outcome')} empty={t('expert.consultations.noOutcome')}
                        query={{ state: 'CONFIRMED', to: now }} action="outcome" version={version} onChange={changed} />
      {profile.data && <SalonSessions expertId={expertId} clusters={profile.data.clusters ?? []} />}
    </Page>
  );
}

function ConsultationList({ heading, empty, query, action, version, onChange }: {
  heading: string;
  empty: string;
  query: Query;
  action?: 'confirmation' | 'outcome';
  version: number;
  onChange(): void;
}) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const list = useAsync(() => call(salons.GET('/api/salons/consultations', {
    params: { query: { ...query, page, size: 10 } },
  })), [query.state, query.from, query.to, page, version]);
  const act = useSubmit(async (consultationId: string, what: 'confirmation' | 'completion' | 'no-show') => {
    const path = { params: { path: { consultationId } } };
    if (what === 'confirmation') await call(salons.POST('/api/salons/consultations/{consultationId}/confirmation', path));
    if (what === 'completion') await call(salons.POST('/api/salons/consultations/{consultationId}/completion', path));
    if (what === 'no-show') await call(salons.POST('/api/salons/consultations/{consultationId}/no-show', path));
    onChange();
  });
  const id = heading.replace(/\W+/g, '-').toLowerCase();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ProblemAlert problem={list.problem ?? act.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data?.content.length === 0 && <Empty>{empty}</Empty>}
      {list.data && list.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.consultation.when')}</th>
                <th scope="col">{t('salons.consultation.topic')}</th>
                <th scope="col">{t('salons.consultation.state')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.content.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><Link to={`/salons/consultations/${encodeURIComponent(c.id)}`}>{dateTime(c.start)}</Link></th>
                  <td>{t('salons.topic.' + c.topic)}{c.note && <div className="muted small">{c.note}</div>}</td>
                  <td><Status value={c.state} /></td>
                  <td>
                    {action === 'confirmation' && (
                      <button type="button" className="primary" disabled={act.pending}
                              onClick={() => void act.run(c.id, 'confirmation')}>{t('salons.consultation.confirm')}</button>
                    )}
                    {action === 'outcome' && (
                      <span className="row">
                        <button type="button" disabled={act.pending} onClick={() => void act.run(c.id, 'completion')}>
                          {t('salons.consultation.complete')}
                        </button>
                        <button type="button" disabled={act.pending} onClick={() => void act.run(c.id, 'no-show')}>
                          {t('salons.consultation.noShow')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </section>
  );
}

/**
 * Salon sessions: the open slots the expert may book, and the sessions they hold. The service lists the open ones;
 * the held ones come from the programmes of the upcoming salons of the clusters the expert serves.
 */
function SalonSessions({ expertId, clusters }: { expertId: string; clusters: readonly string[] }) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const [version, setVersion] = useState(0);
  const open = useAsync(() => call(salons.GET('/api/salons/experts/{expertId}/open-sessions', {
    params: { path: { expertId }, query: { page, size: 10 } },
  })), [expertId, page, version]);
  const mine = useAsync(() => loadHeldSessions(expertId, clusters), [expertId, clusters.join(','), version]);
  const act = useSubmit(async (salonId: string, slotId: string, what: 'book' | 'withdraw') => {
    const path = { params: { path: { salonId, slotId } } };
    if (what === 'book') await call(salons.POST('/api/salons/salons/{salonId}/programme/{slotId}/booking', path));
    else await call(salons.DELETE('/api/salons/salons/{salonId}/programme/{slotId}/booking', path));
    setVersion((v) => v + 1);
  });
  return (
    <>
      <section aria-labelledby="my-sessions">
        <h2 id="my-sessions">{t('expert.sessions.mine')}</h2>
        <ProblemAlert problem={mine.problem ?? act.problem} />
        {mine.loading && !mine.data && <Loading />}
        {mine.data?.length === 0 && <Empty>{t('expert.sessions.noneHeld')}</Empty>}
        {mine.data && mine.data.length > 0 && (
          <ul className="plain">
            {mine.data.map(({ salon, slot }) => (
              <li key={slot.id} className="card">
                <h3 className="h3">{slot.title} <span className="badge">{t('expert.sessions.state.' + slot.state)}</span></h3>
                <p className="small muted">{salon.title} · {dateTime(slot.startsAt)} – {dateTime(slot.endsAt)}</p>
                {slot.state === 'BOOKED' && (
                  <button type="button" disabled={act.pending} onClick={() => void act.run(salon.id, slot.id, 'withdraw')}>
                    {t('expert.sessions.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open-sessions">
        <h2 id="open-sessions">{t('expert.sessions.open')}</h2>
        <ProblemAlert problem={open.problem} />
        {open.loading && !open.data && <Loading />}
        {open.data?.content.length === 0 && <Empty>{t('expert.sessions.noneOpen')}</Empty>}
        {open.data?.content.map((s) => (
          <div key={s.salonId} className="card">
            <h3 className="h3">{s.title}</h3>
            <p className="small muted">{s.theme} · {dateTime(s.startsAt)}{s.venue && ` · ${s.venue}`}</p>
            <ul className="plain">
              {s.openSlots.map((slot) => (
                <li key={slot.id} className="row">
                  <span>{t('salons.programme.kind.' + slot.kind)}: {slot.title} · {dateTime(slot.startsAt)} – {dateTime(slot.endsAt)}</span>
                  <button type="button" className="primary" disabled={act.pending}
                          onClick={() => void act.run(s.salonId, slot.id, 'book')}>
                    {t('expert.sessions.book')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {open.data && <Pagination page={open.data.page} totalPages={open.data.totalPages} onChange={setPage} />}
      </section>
    </>
  );
}

/** The BOOKED and CONFIRMED session slots the expert holds in the salons of their clusters that have not ended. */
async function loadHeldSessions(expertId: string, clusters: readonly string[]) {
  const now = Date.now();
  const pages = await Promise.all(clusters.map((clusterId) => call(salons.GET('/api/salons/clusters/{clusterId}/salons', {
    params: { path: { clusterId }, query: { page: 0, size: 50 } },
  }))));
  const upcoming = pages.flatMap((p) => p.content).filter((s) => new Date(s.endsAt).getTime() > now);
  const programmes = await Promise.all(upcoming.map((salon) => call(salons.GET('/api/salons/salons/{salonId}/programme', {
    params: { path: { salonId: salon.id } },
  })).then((programme) => ({ salon, programme }))));
  return programmes.flatMap(({ salon, programme }) => programme.slots
    .filter((slot) => slot.expert?.id === expertId && (slot.state === 'BOOKED' || slot.state === 'CONFIRMED'))
    .map((slot) => ({ salon, slot })))
    .sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt));
}
