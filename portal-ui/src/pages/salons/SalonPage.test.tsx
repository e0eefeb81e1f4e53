import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import SalonPage from './SalonPage';

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const salon = {
  id: 'salon-1', clusterId: 'lighting', theme: 'Brand Home, Brand Price', title: 'Spring salon', description: 'Pricing.',
  expertIds: [], startsAt: future(10), endsAt: future(10.2), timeZone: 'Asia/Shanghai', venue: 'Hangzhou',
  capacity: 20, seatsPerEnterprise: 2, seatsTaken: 20, seatsAvailable: 0,
  registrationOpensAt: future(-1), registrationClosesAt: future(5), status: 'PUBLISHED',
};
const programme = { salonId: 'salon-1', clusterId: 'lighting', timeZone: 'Asia/Shanghai', slots: [] };
const offered = {
  id: 'reg-9', salonId: 'salon-1', clusterId: 'lighting', enterpriseId: 'opal', status: 'OFFERED',
  attendees: [{ name: 'Chen Jing', email: 'chen@opal.test', position: 'CEO' }], offerExpiresAt: '2099-03-01T10:00:00Z', history: [],
};

function show(answers: Parameters<typeof stubApi>[0], at = '/salons/salon-1') {
  const calls = stubApi({
    'GET /api/salons/salons/salon-1': { body: salon },
    'GET /api/salons/salons/salon-1/programme': { body: programme },
    'GET /api/salons/registrations/mine': { body: { content: [], page: 0, size: 1, totalElements: 0, totalPages: 0 } },
    ...answers,
  });
  renderPage(<SalonPage />, { path: '/salons/:salonId', at, session: sessionOf({ roles: ['enterprise'], enterprise_id: 'opal' }) });
  return calls;
}

describe('SalonPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the attendees before registering, then registers them and shows the registration', async () => {
    const calls = show({
      'POST /api/salons/salons/salon-1/registrations': { status: 201, body: { ...offered, status: 'WAITLISTED', offerExpiresAt: null } },
      'GET /api/salons/registrations/reg-9': { body: { ...offered, status: 'WAITLISTED', offerExpiresAt: null } },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring salon' })).toBeInTheDocument();
    expect(screen.getByText('The salon is full: registering puts you on the waitlist.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('E-mail (optional)'), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('E-mail (optional)')).toHaveAccessibleDescription(expect.stringContaining('Enter an e-mail address'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Name'), 'Chen Jing');
    await userEvent.clear(screen.getByLabelText('E-mail (optional)'));
    await userEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    expect(await screen.findByText(/You are on the waitlist/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ attendees: [{ name: 'Chen Jing' }] });
  });

  it('finds the enterprise\'s own registration of the salon without a link naming it', async () => {
    const calls = show({
      'GET /api/salons/registrations/mine': { body: { content: [offered], page: 0, size: 1, totalElements: 1, totalPages: 1 } },
    });
    expect(await screen.findByText(/Accept before .*2099/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/salons/registrations/mine')!.search).toBe('?salonId=salon-1&size=1');
  });

  it('shows the server\'s field error next to the attendee it names', async () => {
    show({
      'POST /api/salons/salons/salon-1/registrations': {
        status: 400, body: { title: 'Invalid request', errors: [{ field: 'attendees[0].name', message: 'is too long' }] },
      },
    });
    await userEvent.type(await screen.findByLabelText('Name'), 'Chen Jing');
    await userEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    expect(await screen.findByLabelText('Name')).toHaveAccessibleDescription('is too long');
  });

  it('offers held seats with their deadline and accepts them', async () => {
    const calls = show({
      'GET /api/salons/registrations/reg-9': { body: offered },
      'POST /api/salons/registrations/reg-9/offer-acceptance': { body: { ...offered, status: 'CONFIRMED' } },
    }, '/salons/salon-1?registration=reg-9');
    expect(await screen.findByText(/Accept before .*2099/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline the seats' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Accept the seats' }));
    expect(await screen.findByText('You accepted the seats.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/salons/registrations/reg-9/offer-acceptance')).toBe(true);
  });

  it('shows a lapsed offer as the server explains it', async () => {
    show({
      'GET /api/salons/registrations/reg-9': { body: offered },
      'POST /api/salons/registrations/reg-9/offer-acceptance': {
        status: 409, body: { title: 'Offer lapsed', detail: 'The offer lapsed at 10:00.', currentState: 'LAPSED' },
      },
    }, '/salons/salon-1?registration=reg-9');
    await userEvent.click(await screen.findByRole('button', { name: 'Accept the seats' }));
    expect(await screen.findByText('The offer lapsed at 10:00.')).toBeInTheDocument();
  });
  it('takes the cluster\'s secretariat to its own view of the salon', async () => {
    const calls = stubApi({
      'GET /api/salons/salons/salon-1': { body: salon },
      'GET /api/salons/salons/salon-1/programme': { body: programme },
    });
    const { router } = renderPage(<SalonPage />, {
      routes: [
        { path: '/salons/:salonId', element: <SalonPage /> },
        { path: '/secretariat/:clusterId/salons/:salonId', element: <p>secretariat view</p> },
      ],
      at: '/salons/salon-1', session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }),
    });
    expect(await screen.findByText('secretariat view')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/secretariat/lighting/salons/salon-1');
    expect(calls.some((c) => c.path.startsWith('/api/salons/registrations'))).toBe(false);
  });

  it('offers an enterprise user who also serves the cluster\'s secretariat the way to manage the salon', async () => {
    stubApi({
      'GET /api/salons/salons/salon-1': { body: salon },
      'GET /api/salons/salons/salon-1/programme': { body: programme },
      'GET /api/salons/registrations/mine': { body: { content: [], page: 0, size: 1, totalElements: 0, totalPages: 0 } },
    });
    renderPage(<SalonPage />, {
      path: '/salons/:salonId', at: '/salons/salon-1',
      session: sessionOf({ roles: ['enterprise', 'secretariat'], enterprise_id: 'opal', secretariat_of: ['lighting'] }),
    });
    expect(await screen.findByRole('link', { name: 'Manage this salon' })).toHaveAttribute('href', '/secretariat/lighting/salons/salon-1');
    expect(screen.getByRole('heading', { level: 2, name: 'Our registration' })).toBeInTheDocument();
  });

  it('shows another cluster\'s secretariat the salon without the enterprise\'s registration', async () => {
    stubApi({
      'GET /api/salons/salons/salon-1': { body: salon },
      'GET /api/salons/salons/salon-1/programme': { body: programme },
    });
    renderPage(<SalonPage />, {
      path: '/salons/:salonId', at: '/salons/salon-1', session: sessionOf({ roles: ['secretariat'], secretariat_of: ['textiles'] }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring salon' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Our registration' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Manage this salon' })).toBeNull();
  });

  it('refuses the salon to a user who is neither enterprise nor secretariat', async () => {
    const calls = stubApi({});
    renderPage(<SalonPage />, { path: '/salons/:salonId', at: '/salons/salon-1', session: sessionOf({ roles: ['expert'] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
