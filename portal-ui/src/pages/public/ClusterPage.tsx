import { useState, type FormEvent } from 'react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { call, events, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';

const TABS = ['about', 'officers', 'convention', 'members', 'events'] as const;
type Tab = (typeof TABS)[number];

/** A cluster's public pages: about, officers, current convention, member directory, public events. */
export default function ClusterPage() {
  const { clusterId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab') as Tab : 'about';
  const cluster = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}', {
    params: { path: { clusterId } },
  })), [clusterId]);

  if (cluster.loading && !cluster.data) return <Loading />;
  if (!cluster.data) {
    return (
      <Page title={t('public.cluster.notFound')}>
        {cluster.problem?.status === 404 ? <p>{t('public.cluster.notFoundText')}</p> : <ProblemAlert problem={cluster.problem} />}
        <Link to="/">{t('notFound.home')}</Link>
      </Page>
    );
  }
  const c = cluster.data;
  return (
    <Page title={c.name}>
      <nav className="tabs" aria-label={t('public.cluster.sections')}>
        {TABS.map((name) => (
          <NavLink key={name} to={`?tab=${name}`} className={() => (name === tab ? 'active' : '')}
                   aria-current={name === tab ? 'page' : undefined} end>
            {t('public.cluster.tab.' + name)}
          </NavLink>
        ))}
      </nav>
      {tab === 'about' && <About cluster={c} />}
      {tab === 'officers' && <Officers clusterId={clusterId} />}
      {tab === 'convention' && <CurrentConvention clusterId={clusterId} />}
      {tab === 'members' && <Directory clusterId={clusterId} />}
      {tab === 'events' && <PublicEvents clusterId={clusterId} />}
    </Page>
  );
}

type Cluster = Awaited<ReturnType<typeof loadCluster>>;
const loadCluster = (clusterId: string) =>
  call(membership.GET('/api/membership/clusters/{clusterId}', { params: { path: { clusterId } } }));

function About({ cluster }: { cluster: Cluster }) {
  const { t, date, money } = useI18n();
  return (
    <>
      <div className="card">
        {cluster.description && <p>{cluster.description}</p>}
        <dl className="facts">
          <dt>{t('public.cluster.industry')}</dt><dd>{cluster.industry}</dd>
          <dt>{t('public.cluster.region')}</dt><dd>{cluster.region}</dd>
          {cluster.foundedOn && <><dt>{t('public.cluster.foundedOn')}</dt><dd>{date(cluster.foundedOn)}</dd></>}
        </dl>
      </div>
      <h2>{t('public.cluster.tiers')}</h2>
      {cluster.tiers.length === 0 ? <Empty>{t('public.cluster.noTiers')}</Empty> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('public.cluster.tier')}</th>
                <th scope="col">{t('public.cluster.annualFee')}</th>
                <th scope="col">{t('public.cluster.consultationHours')}</th>
                <th scope="col">{t('public.cluster.seatsPerEvent')}</th>
              </tr>
            </thead>
            <tbody>
              {[...cluster.tiers].sort((a, b) => a.rank - b.rank).map((tier) => (
                <tr key={tier.code}>
                  <th scope="row">{tier.name}</th>
                  <td>{money(tier.annualFee)}</td>
                  <td>{tier.consultationHoursPerYear}</td>
                  <td>{tier.seatsPerEvent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Officers({ clusterId }: { clusterId: string }) {
  const { t, date } = useI18n();
  const slate = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/officers', {
    params: { path: { clusterId } },
  })), [clusterId]);
  if (slate.loading && !slate.data) return <Loading />;
  if (!slate.data) return <ProblemAlert problem={slate.problem} />;
  if (slate.data.officers.length === 0) return <Empty>{t('public.officers.none')}</Empty>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('public.officers.seat')}</th>
            <th scope="col">{t('public.officers.person')}</th>
            <th scope="col">{t('public.officers.enterprise')}</th>
            <th scope="col">{t('public.officers.term')}</th>
          </tr>
        </thead>
        <tbody>
          {slate.data.officers.map((o) => (
            <tr key={o.seat + o.enterpriseId}>
              <th scope="row">{t('public.officers.seat.' + o.seat)}</th>
              <td>{o.person}</td>
              <td>{o.enterpriseName}</td>
              <td>{date(o.termStart)} – {o.termEnd ? date(o.termEnd) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CurrentConvention({ clusterId }: { clusterId: string }) {
  const { t, dateTime } = useI18n();
  const convention = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/conventions/current', {
    params: { path: { clusterId } },
  })), [clusterId]);
  if (convention.loading && !convention.data) return <Loading />;
  if (convention.problem?.status === 404) return <Empty>{t('public.convention.none')}</Empty>;
  if (!convention.data) return <ProblemAlert problem={convention.problem} />;
  const c = convention.data;
  return (
    <article className="card">
      <h2>{c.title} <Status value={c.status} /></h2>
      <p className="muted small">
        {t('public.convention.version', { version: c.conventionVersion })}
        {c.adoptedAt && ' · ' + t('public.convention.adoptedAt', { date: dateTime(c.adoptedAt) })}
      </p>
      <div className="convention-text">{c.body.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}</div>
    </article>
  );
}

function Directory({ clusterId }: { clusterId: string }) {
  const { t, date } = useI18n();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const members = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/members', {
    params: { path: { clusterId }, query: { q: q || undefined, page, size: 20 } },
  })), [clusterId, q, page]);
  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(0);
    setQ(query.trim());
  };
  return (
    <>
      <form className="row" role="search" onSubmit={search}>
        <label htmlFor="directory-q" className="visually-hidden">{t('public.directory.search')}</label>
        <input id="directory-q" type="search" value={query} maxLength={100}
               placeholder={t('public.directory.search')} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <ProblemAlert problem={members.problem} />
      {members.loading && !members.data && <Loading />}
      {members.data && members.data.content.length === 0 && (
        <Empty>{q ? t('public.directory.noMatch', { q }) : t('public.directory.empty')}</Empty>
      )}
      {members.data && members.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('public.directory.enterprise')}</th>
                <th scope="col">{t('public.directory.memberNumber')}</th>
                <th scope="col">{t('public.directory.tier')}</th>
                <th scope="col">{t('public.directory.region')}</th>
                <th scope="col">{t('public.directory.since')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.content.map((m) => (
                <tr key={m.enterpriseId}>
                  <th scope="row">{m.website ? <a href={m.website} rel="noopener noreferrer nofollow">{m.enterpriseName}</a> : m.enterpriseName}</th>
                  <td>{m.memberNumber}</td>
                  <td>{m.tier}</td>
                  <td>{m.region}</td>
                  <td>{m.memberSince ? date(m.memberSince) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members.data && <Pagination page={members.data.page} totalPages={members.data.totalPages} onChange={setPage} />}
    </>
  );
}

function PublicEvents({ clusterId }: { clusterId: string }) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const list = useAsync(() => call(events.GET('/api/events/clusters/{clusterId}/events', {
    params: { path: { clusterId }, query: { when: 'UPCOMING', page, size: 10 } },
  })), [clusterId, page]);
  if (list.loading && !list.data) return <Loading />;
  if (!list.data) return <ProblemAlert problem={list.problem} />;
  if (list.data.content.length === 0) return <Empty>{t('public.events.none')}</Empty>;
  return (
    <>
      <ul className="plain">
        {list.data.content.map((e) => (
          <li key={e.id} className="card">
            <h3><Link to={`/events/${e.id}`}>{e.title}</Link></h3>
            <p className="muted small">{dateTime(e.startsAt, 'long')}{e.venue ? ' · ' + e.venue : ''}</p>
            <p className="small">{t('public.events.seats', { available: e.seatsAvailable, capacity: e.capacity })}</p>
          </li>
        ))}
      </ul>
      <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />
    </>
  );
}
