import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import DashboardPage from './DashboardPage';
import { lighting, lightingSecretariat, page } from './testing';

const at = { path: '/secretariat/:clusterId', at: '/secretariat/lighting' };
const counts: Record<string, number> = { ACTIVE: 7, GRACE: 1, SUSPENDED: 2, LAPSED: 0, TERMINATED: 0, standard: 6, premium: 4 };

const month = (name: string, active: number, suspended: number, standard: number, premium: number) => ({
  month: name,
  byStatus: [
    { status: 'ACTIVE', members: active }, { status: 'GRACE', members: 0 }, { status: 'SUSPENDED', members: suspended },
    { status: 'LAPSED', members: 0 }, { status: 'TERMINATED', members: 0 },
  ],
  byTier: [{ tier: 'premium', members: premium }, { tier: 'standard', members: standard }],
});
const statistics = {
  clusterId: 'lighting',
  months: [month('2026-09', 5, 0, 3, 2), month('2026-10', 6, 1, 3, 3), month('2026-11', 7, 2, 3, 4)],
};

function services(overrides: Record<string, object> = {}) {
  return stubApi({
    'GET /api/membership/clusters/lighting': { body: lighting },
    'GET /api/membership/clusters/lighting/members': (request) => {
      const query = new URL(request.url).searchParams;
      return { body: page([], counts[query.get('status') ?? query.get('tier') ?? ''] ?? 0) };
    },
    'GET /api/membership/clusters/lighting/statistics/members': { body: statistics },
    'GET /api/membership/clusters/lighting/applications': { body: [{ id: 'a1', status: 'SUBMITTED' }, { id: 'a2', status: 'SUBMITTED' }] },
    'GET /api/events/clusters/lighting/events': (request) => ({
      body: new URL(request.url).searchParams.get('when') === 'PAST'
        ? page([{ id: 'ev-1', title: 'Spring plenary', capacity: 50, seatsAvailable: 0, seatsPerEnterprise: 2, seatsTaken: 50, version: 1 }])
        : page([]),
    }),
    'GET /api/events/events/ev-1/attendance': { body: { registered: 48, confirmed: 45, checkedIn: 40, enterprises: [] } },
    'GET /api/salons/clusters/lighting/statistics/consultations': {
      body: {
        clusterId: 'lighting',
        experts: [
          { expertId: 'chen', expertName: 'Dr Chen', total: 2, byState: [{ state: 'CONFIRMED', consultations: 2 }] },
          { expertId: 'liu', expertName: 'Prof. Liu', total: 1, byState: [{ state: 'PENDING', consultations: 1 }] },
        ],
      },
    },
    'GET /api/assets/clusters/lighting/downloads': (request) => ({
      body: new URL(request.url).searchParams.get('by') === 'OUTDATED'
        ? page([{ enterpriseId: 'ent-9', assetId: 'logo', title: 'Cluster logo', downloadedVersion: 1, currentVersion: 3, downloadedAt: '2026-05-01T04:00:00Z' }])
        : page([{ assetId: 'logo', title: 'Cluster logo', currentVersion: 3, downloads: 31, enterprises: 9 }]),
    }),
    ...overrides,
  });
}

describe('DashboardPage', () => {
  it('draws members by status and tier as charts with their figures in tables', async () => {
    const calls = services();
    renderPage(<DashboardPage />, { ...at, session: lightingSecretariat() });
    const byStatus = await screen.findByRole('img', { name: /^Members by status Active/ });
    expect(byStatus).toHaveAccessibleName(expect.stringContaining('Active: 7'));
    const statusTable = screen.getByRole('table', { name: 'Figures of Members by status' });
    expect(within(statusTable).getByRole('row', { name: 'Suspended 2' })).toBeInTheDocument();
    const tierTable = await screen.findByRole('table', { name: 'Figures of Members by tier' });
    expect(within(tierTable).getByRole('row', { name: 'Premium 4' })).toBeInTheDocument();
    const tierQueries = calls.filter((c) => c.path === '/api/membership/clusters/lighting/members').map((c) => new URLSearchParams(c.search));
    expect(tierQueries.every((q) => q.get('size') === '1')).toBe(true);
  });

  it('draws the register month by month: members by status and current members by tier', async () => {
    const calls = services();
    renderPage(<DashboardPage />, { ...at, session: lightingSecretariat() });

    const byStatus = await screen.findByRole('img', { name: /^Members by status, month by month/ });
    expect(byStatus).toHaveAccessibleName(expect.stringContaining('From 2026-09 to 2026-11: Active 7, Suspended 2'));
    const statusTable = screen.getByRole('table', { name: 'Figures of Members by status, month by month' });
    expect(within(statusTable).getByRole('row', { name: '2026-10 6 1' })).toBeInTheDocument();
    expect(within(statusTable).queryByRole('columnheader', { name: 'Lapsed' })).not.toBeInTheDocument();
    const tierTable = screen.getByRole('table', { name: 'Figures of Current members by tier, month by month' });
    expect(within(tierTable).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Month', 'Standard', 'Premium']);
    expect(within(tierTable).getByRole('row', { name: '2026-11 3 4' })).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/statistics/members'))?.search).toBe('?months=12');
  });

  it('shows the application queue, events, consultations per expert and downloads', async () => {
    services();
    renderPage(<DashboardPage />, { ...at, session: lightingSecretariat() });
    const waiting = (await screen.findByRole('heading', { name: 'Applications waiting' })).closest('section') as HTMLElement;
    expect(await within(waiting).findByText('2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review the applications' })).toHaveAttribute('href', '/secretariat/lighting/applications');
    expect(await screen.findByRole('row', { name: 'Spring plenary 48 45 40' })).toBeInTheDocument();
    const experts = await screen.findByRole('table', { name: 'Figures of Consultations per expert' });
    expect(within(experts).getByRole('row', { name: 'Dr Chen 2' })).toBeInTheDocument();
    const downloads = await screen.findByRole('table', { name: 'Figures of Downloads per asset' });
    expect(within(downloads).getByRole('row', { name: 'Cluster logo 31' })).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'ent-9' })).toBeInTheDocument();
  });

  it('keeps the other figures when one service fails', async () => {
    services({
      'GET /api/salons/clusters/lighting/statistics/consultations': { status: 503, body: { type: 'urn:brandcluster:problem:service-unavailable', title: 'Unavailable' } },
    });
    renderPage(<DashboardPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the portal is not available right now.');
    expect(await screen.findByRole('table', { name: 'Figures of Downloads per asset' })).toBeInTheDocument();
  });
});
