import { describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import EventsPage from './EventsPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const me = { body: { memberships: [{ clusterId: 'lighting', clusterName: 'Lighting', status: 'ACTIVE' }], secretariatOf: [] } };
const page = (content: unknown[]) => ({ body: { content, page: 0, size: 20, totalElements: content.length, totalPages: 1 } });
const event = {
  id: 'e1', clusterId: 'lighting', kind: 'WORKSHOP', title: 'Brand pricing workshop', startsAt: '2026-06-01T01:00:00Z',
  endsAt: '2026-06-01T09:00:00Z', venue: 'Hangzhou', capacity: 50, seatsAvailable: 12, seatsPerEnterprise: 3,
  seatsTaken: 38, status: 'PUBLISHED', version: 1,
};

describe('EventsPage', () => {
  it('lists the upcoming events of the member\'s cluster with times in the viewer\'s zone', async () => {
    const calls = stubApi({ 'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/events': page([event]) });
    renderPage(<EventsPage />, { path: '/events', session: sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' }) });
    const row = (await screen.findByRole('link', { name: 'Brand pricing workshop' })).closest('tr')!;
    expect(row).toHaveTextContent('Jun 1, 2026, 9:00 AM');
    expect(within(row).getByText('12 / 50')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/events/clusters/lighting/events')?.search).toContain('when=UPCOMING');
    expect(screen.queryByRole('link', { name: 'New event' })).not.toBeInTheDocument();
  });

  it('asks for past events of one kind', async () => {
    const calls = stubApi({ 'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/events': page([]) });
    renderPage(<EventsPage />, { path: '/events', session: sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' }) });
    await screen.findByText(/No upcoming events/);
    await userEvent.selectOptions(screen.getByLabelText('When'), 'PAST');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'PLENARY');
    await screen.findByText(/No past events/);
    const last = calls.filter((c) => c.path === '/api/events/clusters/lighting/events').at(-1)!;
    expect(last.search).toContain('when=PAST');
    expect(last.search).toContain('kind=PLENARY');
  });

  it('offers the secretariat a new event', async () => {
    stubApi({
      'GET /api/membership/me': { body: { memberships: [], secretariatOf: ['lighting'] } },
      'GET /api/events/clusters/lighting/events': page([{ ...event, status: 'DRAFT' }]),
    });
    renderPage(<EventsPage />, { path: '/events', session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }) });
    expect(await screen.findByRole('link', { name: 'New event' })).toHaveAttribute('href', '/events/new?cluster=lighting');
  });

  it('tells an expert the page is not for them', () => {
    stubApi({});
    renderPage(<EventsPage />, { path: '/events', session: sessionOf({ roles: ['expert'] }) });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Not available to you');
  });
});
