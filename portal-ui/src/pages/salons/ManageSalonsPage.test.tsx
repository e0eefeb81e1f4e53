import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ManageSalonsPage from './ManageSalonsPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const routes = [
  { path: '/secretariat/:clusterId/salons', element: <ManageSalonsPage /> },
  { path: '/secretariat/:clusterId/salons/:salonId', element: <p>salon view</p> },
];
const salon = {
  id: 'salon-1', clusterId: 'lighting', theme: 'Brand Home, Brand Price', title: 'Spring salon', expertIds: [],
  startsAt: '2099-04-10T06:00:00Z', endsAt: '2099-04-10T09:00:00Z', timeZone: 'Asia/Shanghai',
  localStartsAt: '2099-04-10T14:00:00', localEndsAt: '2099-04-10T17:00:00', venue: 'Hangzhou',
  capacity: 40, seatsPerEnterprise: 2, seatsTaken: 12, seatsAvailable: 28,
  registrationOpensAt: '2099-03-01T01:00:00Z', registrationClosesAt: '2099-04-08T10:00:00Z', status: 'PUBLISHED',
};
const page = <T,>(content: T[], number = 0, totalPages = 1) =>
  ({ content, page: number, size: 20, totalElements: content.length, totalPages });
const experts = page([{ id: 'expert-wang', name: 'Wang Li', organisation: 'Zhejiang University', clusters: ['lighting'],
  languages: ['zh-CN'], topics: ['BRAND_STRATEGY'], timeZone: 'Asia/Shanghai', createdAt: '2099-01-01T00:00:00Z',
  updatedAt: '2099-01-01T00:00:00Z' }]);

const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fill() {
  set('Theme', 'Brand Home, Brand Price');
  set('Title', 'Spring salon');
  set("Salon's time zone", 'Asia/Shanghai');
  set('Starts', '2099-04-10T14:00');
  set('Ends', '2099-04-10T17:00');
  set('Venue', 'Hangzhou');
  set('Capacity (seats)', '40');
  set('Seats per enterprise', '2');
  set('Registration opens', '2099-03-01T09:00');
  set('Registration closes', '2099-04-08T18:00');
}

function show(answers: Parameters<typeof stubApi>[0], session = secretariat) {
  const calls = stubApi({
    'GET /api/salons/clusters/lighting/salons': { body: page([salon], 0, 2) },
    'GET /api/salons/experts': { body: experts },
    ...answers,
  });
  const view = renderPage(<></>, { routes, at: '/secretariat/lighting/salons', session, timeZone: 'Asia/Shanghai' });
  return { calls, ...view };
}

describe('ManageSalonsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the cluster\'s salons with seats taken and status, page by page', async () => {
    const { calls } = show({
      'GET /api/salons/clusters/lighting/salons?page=1&size=20': { body: page([{ ...salon, id: 'salon-2', title: 'Autumn salon' }], 1, 2) },
    });
    const link = await screen.findByRole('link', { name: 'Spring salon' });
    expect(link).toHaveAttribute('href', '/secretariat/lighting/salons/salon-1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('12 of 40')).toBeInTheDocument();
    expect(within(row).getByText('Published')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Salons' })).toHaveAttribute('href', '/secretariat/lighting/salons');
    expect(calls[0].search).toBe('?page=0&size=20');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Autumn salon' })).toBeInTheDocument();
  });

  it('says what to do when the cluster has no salon yet', async () => {
    show({ 'GET /api/salons/clusters/lighting/salons': { body: page([]) } });
    expect(await screen.findByText(/has no salons yet. Create the first one/)).toBeInTheDocument();
  });

  it('checks the new salon before sending anything', async () => {
    const { calls } = show({});
    await userEvent.click(await screen.findByRole('button', { name: 'New salon' }));
    await screen.findByLabelText('Wang Li (Zhejiang University)');
    set('Capacity (seats)', '0');
    set('Online link (optional)', 'http://meet.example.com/x');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the salon' }));
    expect(screen.getByLabelText('Theme')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Starts')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Capacity (seats)')).toHaveAccessibleDescription('A whole number from 1 to 100000');
    expect(screen.getByLabelText('Online link (optional)')).toHaveAccessibleDescription('Must be an https:// link');

    fill();
    set('Online link (optional)', '');
    set('Registration closes', '2099-04-10T15:00');
    set("Salon's time zone", 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the salon' }));
    expect(screen.getByLabelText('Registration closes')).toHaveAccessibleDescription('Must be no later than the start of the salon');
    expect(screen.getByLabelText("Salon's time zone")).toHaveAccessibleDescription(expect.stringContaining('Not a known time zone'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('publishes the salon with local times in its zone and opens its view', async () => {
    const { calls, router } = show({ 'POST /api/salons/clusters/lighting/salons': { status: 201, body: salon } });
    await userEvent.click(await screen.findByRole('button', { name: 'New salon' }));
    await userEvent.click(await screen.findByLabelText('Wang Li (Zhejiang University)'));
    fill();
    set('Description (optional)', '  Pricing for brand owners. ');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the salon' }));
    expect(await screen.findByText('salon view')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/secretariat/lighting/salons/salon-1');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      theme: 'Brand Home, Brand Price', title: 'Spring salon', description: 'Pricing for brand owners.',
      expertIds: ['expert-wang'], startsAt: '2099-04-10T14:00:00', endsAt: '2099-04-10T17:00:00',
      timeZone: 'Asia/Shanghai', venue: 'Hangzhou', capacity: 40, seatsPerEnterprise: 2,
      registrationOpensAt: '2099-03-01T09:00:00', registrationClosesAt: '2099-04-08T18:00:00',
    });
  });

  it('shows the service\'s field error next to the field it names', async () => {
    show({
      'POST /api/salons/clusters/lighting/salons': {
        status: 400, body: { title: 'Invalid request', status: 400, errors: [{ field: 'venue', message: 'is too long' }] },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New salon' }));
    fill();
    await userEvent.click(screen.getByRole('button', { name: 'Publish the salon' }));
    expect(await screen.findByText('Please check the fields marked below.')).toBeInTheDocument();
    expect(screen.getByLabelText('Venue')).toHaveAccessibleDescription(expect.stringContaining('is too long'));
  });

  it('refuses the page to anyone but the cluster\'s secretariat, without asking the service', async () => {
    const calls = stubApi({});
    renderPage(<></>, {
      routes, at: '/secretariat/lighting/salons', session: sessionOf({ roles: ['secretariat'], secretariat_of: ['textiles'] }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
