import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { assets, call, events, membership, salons } from '../../api/client';
import type { components } from '../../api/generated/branding-assets-service';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, ProblemAlert } from '../../ui/components';
import { useAsync, type Async } from '../../ui/useAsync';
import { BarChart, LineChart, type Figure, type Series } from './charts';
import { ClusterPage, SecretariatOnly, useClusterId, useClusterInfo } from './shared';

const MEMBER_STATUSES = ['ACTIVE', 'GRACE', 'SUSPENDED', 'LAPSED', 'TERMINATED'] as const;
/** How many recent events and assets the dashboard looks at. */
const EVENTS_SHOWN = 6;
const ASSETS_SHOWN = 10;
const OUTDATED_SHOWN = 20;

/** The download report's rows: one kind per request (`by=ASSET`, `by=OUTDATED`), so each caller narrows to it. */
type AssetDownloads = components['schemas']['DownloadReportAssetRow'];
type OutdatedUse = components['schemas']['DownloadReportOutdatedRow'];

/** The cluster at a glance: members by status and tier, the application queue, events, consultations, downloads. */
export default function DashboardPage() {
  return <SecretariatOnly><Dashboard /></SecretariatOnly>;
}

function Dashboard() {
  const { t } = useI18n();
  const clusterId = useClusterId();
  const cluster = useClusterInfo(clusterId);
  return (
    <ClusterPage title={t('secretariat.dashboard.title')}>
      <Waiting clusterId={clusterId} />
      <div className="grid">
        <MembersByStatus clusterId={clusterId} />
        {cluster.data && <MembersByTier clusterId={clusterId} tiers={cluster.data.tiers ?? []} />}
        <EventAttendance clusterId={clusterId} />
        <ConsultationsPerExpert clusterId={clusterId} />
        <DownloadsPerAsset clusterId={clusterId} />
      </div>
      <MembersOverTime clusterId={clusterId} tiers={cluster.data?.tiers ?? []} />
      <OutdatedVersions clusterId={clusterId} />
    </ClusterPage>
  );
}

/** Loading, the problem, or the content of one figure: a failing service leaves the others standing. */
function Section<T>({ state, title, children }: { state: Async<T>; title: string; children(data: T): ReactNode }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  return (
    <section className="card chart">
      <h2 className="h3">{title}</h2>
      {state.loading ? <Loading /> : <ProblemAlert problem={state.problem} />}
    </section>
  );
}

const memberCount = (clusterId: string, query: { status?: (typeof MEMBER_STATUSES)[number]; tier?: string }) =>
  call(membership.GET('/api/membership/clusters/{clusterId}/members', {
    params: { path: { clusterId }, query: { ...query, page: 0, size: 1 } },
  })).then((page) => page.totalElements);

function Waiting({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const queue = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/applications', {
    params: { path: { clusterId }, query: { status: 'SUBMITTED' } },
  })), [clusterId]);
  return (
    <section className="card" aria-live="polite">
      <h2 className="h3">{t('secretariat.dashboard.waiting')}</h2>
      {queue.loading && !queue.data && <Loading />}
      <ProblemAlert problem={queue.problem} />
      {queue.data && (
        <p>
          <strong className="figure">{queue.data.length}</strong>{' '}
          <Link to={`/secretariat/${clusterId}/applications`}>{t('secretariat.dashboard.review')}</Link>
        </p>
      )}
    </section>
  );
}

function MembersByStatus({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const title = t('secretariat.dashboard.byStatus');
  const counts = useAsync(() => Promise.all(MEMBER_STATUSES.map(async (status) => ({
    label: t('status.' + status), value: await memberCount(clusterId, { status }),
  }))), [clusterId]);
  return (
    <Section state={counts} title={title}>
      {(figures) => (
        <BarChart title={title} description={describe(t, figures)} figures={figures}
                  valueLabel={t('secretariat.dashboard.members')} empty={t('secretariat.dashboard.noMembers')} />
      )}
    </Section>
  );
}

function MembersByTier({ clusterId, tiers }: { clusterId: string; tiers: { code?: string; name?: string; rank: number }[] }) {
  const { t } = useI18n();
  const title = t('secretariat.dashboard.byTier');
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  const counts = useAsync(() => Promise.all(sorted.map(async (tier) => ({
    label: tier.name ?? tier.code ?? '', value: await memberCount(clusterId, { tier: tier.code }),
  }))), [clusterId, sorted.map((tier) => tier.code).join()]);
  return (
    <Section state={counts} title={title}>
      {(figures) => (
        <BarChart title={title} description={describe(t, figures)} figures={figures}
                  valueLabel={t('secretariat.dashboard.members')} empty={t('secretariat.dashboard.noTiers')} />
      )}
    </Section>
  );
}

const STATUSES_OVER_TIME = ['ACTIVE', 'GRACE', 'SUSPENDED', 'LAPSED', 'TERMINATED'] as const;

/** The register month by month over the last year: members by status, current members by tier. */
function MembersOverTime({ clusterId, tiers }: { clusterId: string; tiers: { code?: string; name?: string; rank: number }[] }) {
  const { t, number } = useI18n();
  const byStatusTitle = t('secretariat.dashboard.overTimeByStatus');
  const statistics = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/statistics/members', {
    params: { path: { clusterId }, query: { months: 12 } },
  })), [clusterId]);
  const describeSeries = (points: string[], series: Series[]) => t('secretariat.dashboard.overTimeDescription', {
    first: points[0] ?? '', last: points[points.length - 1] ?? '',
    summary: series.map((s) => `${s.label} ${number(s.values[s.values.length - 1] ?? 0)}`).join(', '),
  });
  return (
    <Section state={statistics} title={byStatusTitle}>
      {(data) => {
        const points = data.months.map((m) => m.month);
        const byStatus: Series[] = STATUSES_OVER_TIME
          .map((status) => ({
            label: t('status.' + status),
            values: data.months.map((m) => m.byStatus.find((c) => c.status === status)?.members ?? 0),
          }))
          .filter((series, i) => i === 0 || series.values.some((v) => v > 0));
        const codes = [...new Set(data.months.flatMap((m) => m.byTier.map((c) => c.tier)))];
        const rank = (code: string) => tiers.find((tier) => tier.code === code)?.rank ?? Number.MAX_SAFE_INTEGER;
        const byTier: Series[] = codes.sort((a, b) => rank(a) - rank(b)).map((code) => ({
          label: tiers.find((tier) => tier.code === code)?.name ?? code,
          values: data.months.map((m) => m.byTier.find((c) => c.tier === code)?.members ?? 0),
        }));
        return (
          <>
            <LineChart title={byStatusTitle} description={describeSeries(points, byStatus)} points={points}
                       series={byStatus} empty={t('secretariat.dashboard.noMembers')} />
            <LineChart title={t('secretariat.dashboard.overTimeByTier')} description={describeSeries(points, byTier)}
                       points={points} series={byTier} empty={t('secretariat.dashboard.noMembers')} />
          </>
        );
      }}
    </Section>
  );
}

interface EventFigures { title: string; registered: number; confirmed: number; checkedIn: number }

function EventAttendance({ clusterId }: { clusterId: string }) {
  const { t, number } = useI18n();
  const title = t('secretariat.dashboard.events');
  const figures = useAsync(async (): Promise<EventFigures[]> => {
    const recent = await call(events.GET('/api/events/clusters/{clusterId}/events', {
      params: { path: { clusterId }, query: { when: 'PAST', status: 'PUBLISHED', page: 0, size: EVENTS_SHOWN } },
    }));
    const upcoming = await call(events.GET('/api/events/clusters/{clusterId}/events', {
      params: { path: { clusterId }, query: { when: 'UPCOMING', status: 'PUBLISHED', page: 0, size: EVENTS_SHOWN } },
    }));
    const shown = [...(upcoming.content ?? []), ...(recent.content ?? [])].slice(0, EVENTS_SHOWN);
    return Promise.all(shown.map(async (event) => {
      const counts = await call(events.GET('/api/events/events/{eventId}/attendance', {
        params: { path: { eventId: event.id ?? '' } },
      }));
      return { title: event.title ?? '', registered: counts.registered, confirmed: counts.confirmed, checkedIn: counts.checkedIn };
    }));
  }, [clusterId]);
  return (
    <Section state={figures} title={title}>
      {(rows) => rows.length === 0 ? (
        <section className="card chart"><h2 className="h3">{title}</h2><Empty>{t('secretariat.dashboard.noEvents')}</Empty></section>
      ) : (
        <>
          <BarChart title={title} description={describe(t, rows.map((r) => ({ label: r.title, value: r.registered })))}
                    figures={rows.map((r) => ({ label: r.title, value: r.registered }))}
                    valueLabel={t('secretariat.dashboard.registered')} empty="" />
          <section className="card chart">
            <h2 className="h3">{t('secretariat.dashboard.attendance')}</h2>
            {/* scrolls sideways in the narrow chart column: focusable, so that keyboards can scroll it too */}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('secretariat.dashboard.attendance')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('secretariat.dashboard.event')}</th>
                    <th scope="col">{t('secretariat.dashboard.registered')}</th>
                    <th scope="col">{t('secretariat.dashboard.confirmed')}</th>
                    <th scope="col">{t('secretariat.dashboard.checkedIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.title + i}>
                      <th scope="row">{r.title}</th>
                      <td>{number(r.registered)}</td><td>{number(r.confirmed)}</td><td>{number(r.checkedIn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Section>
  );
}

function ConsultationsPerExpert({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const title = t('secretariat.dashboard.consultations');
  const counts = useAsync(async (): Promise<Figure[]> => {
    const figures = await call(salons.GET('/api/salons/clusters/{clusterId}/statistics/consultations', {
      params: { path: { clusterId } },
    }));
    return figures.experts.map((expert) => ({ label: expert.expertName, value: expert.total }));
  }, [clusterId]);
  return (
    <Section state={counts} title={title}>
      {(figures) => (
        <BarChart title={title} figures={figures} valueLabel={t('secretariat.dashboard.consultationCount')}
                  description={describe(t, figures)} empty={t('secretariat.dashboard.noConsultations')} />
      )}
    </Section>
  );
}

function DownloadsPerAsset({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const title = t('secretariat.dashboard.downloads');
  const report = useAsync(async () => {
    const page = await call(assets.GET('/api/assets/clusters/{clusterId}/downloads', {
      params: { path: { clusterId }, query: { by: 'ASSET', page: 0, size: ASSETS_SHOWN } },
    }));
    return ((page.content ?? []) as AssetDownloads[]).map((row) => ({ label: row.title ?? row.assetId ?? '', value: row.downloads }));
  }, [clusterId]);
  return (
    <Section state={report} title={title}>
      {(figures) => (
        <BarChart title={title} description={describe(t, figures)} figures={figures}
                  valueLabel={t('secretariat.dashboard.downloadCount')} empty={t('secretariat.dashboard.noDownloads')} />
      )}
    </Section>
  );
}

function OutdatedVersions({ clusterId }: { clusterId: string }) {
  const { t, dateTime } = useI18n();
  const title = t('secretariat.dashboard.outdated');
  const report = useAsync(async () => {
    const page = await call(assets.GET('/api/assets/clusters/{clusterId}/downloads', {
      params: { path: { clusterId }, query: { by: 'OUTDATED', page: 0, size: OUTDATED_SHOWN } },
    }));
    return { content: (page.content ?? []) as OutdatedUse[], totalElements: page.totalElements };
  }, [clusterId]);
  return (
    <Section state={report} title={title}>
      {(page) => (
        <section className="card">
          <h2 className="h3">{title}</h2>
          {page.content.length === 0 ? <Empty>{t('secretariat.dashboard.noOutdated')}</Empty> : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('secretariat.dashboard.enterprise')}</th>
                    <th scope="col">{t('secretariat.dashboard.asset')}</th>
                    <th scope="col">{t('secretariat.dashboard.downloadedVersion')}</th>
                    <th scope="col">{t('secretariat.dashboard.currentVersion')}</th>
                    <th scope="col">{t('secretariat.dashboard.downloadedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.content.map((row) => (
                    <tr key={`${row.enterpriseId}|${row.assetId}`}>
                      <th scope="row"><Link to={`/secretariat/${clusterId}/members/${row.enterpriseId}`}>{row.enterpriseId}</Link></th>
                      <td><Link to={`/brand-kit/assets/${row.assetId}`}>{row.title}</Link></td>
                      <td>{row.downloadedVersion}</td>
                      <td>{row.currentVersion}</td>
                      <td>{row.downloadedAt ? dateTime(row.downloadedAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page.totalElements > page.content.length && (
            <p className="muted small">{t('secretariat.dashboard.ofTotal', { counted: page.content.length, total: page.totalElements })}</p>
          )}
        </section>
      )}
    </Section>
  );
}

function describe(t: (key: string, vars?: Record<string, string | number>) => string, figures: Figure[]): string {
  return figures.map((f) => t('secretariat.chart.pair', { label: f.label, value: f.value })).join('; ');
}
