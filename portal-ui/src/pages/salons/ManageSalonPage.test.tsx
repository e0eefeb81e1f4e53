import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ManageSalonPage from './ManageSalonPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const path = '/secretariat/:clusterId/salons/:salonId';
const at = '/secretariat/lighting/salons/salon-1';
const salon = {
  id: 'salon-1', clusterId: 'lighting', theme: 'Brand Home, Brand Price', title: 'Spring salon', expertIds: [],
  startsAt: '2099-04-10T06:00:00Z', endsAt: '2099-04-10T09:00:00Z', timeZone: 'Asia/Shanghai',
  localStartsAt: '2099-04-10T14:00:00', localEndsAt: '2099-04-10T17:00:00', venue: 'Hangzhou',
  capacity: 40, seatsPerEnterprise: 2, seatsTaken: 40, seatsAvailable: 0,
  registrationOpensAt: '2099-03-01T01:00:00Z', registrationClosesAt: '2099-04-08T10:00:00Z', status: 'PUBLISHED',
};
const slot = (id: string, title: string, from: string, to: string, state: string, expert?: string) => ({
  id, kind: 'TALK', title, startsAt: `2099-04-10T${from}:00+08:00`, endsAt: `2099-04-10T${to}:00+08:00`,
  localStartsAt: `2099-04-10T${from}:00`, localEndsAt: `2099-04-10T${to}:00`, state, version: 1,
  ...(expert ? { expert: { id: 'expert-wang', name: expert, topics: [] }, bookedAt: '2099-03-02T02:00:00Z' } : {}),
});
const programme = {
  salonId: 'salon-1', clusterId: 'lighting', timeZone: 'Asia/Shanghai', updatedAt: '2099-03-01T00:00:00Z',
  slots: [slot('slot-1', 'Pricing a brand', '14:00', '15:00', 'BOOKED', 'Wang Li'),
    slot('slot-2', 'Ask the experts', '15:00', '16:00', 'PLANNED')],
};
const page = <T,>(content: T[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });
const registrations = page([
  { id: 'reg-1', salonId: 'salon-1', clusterId: 'lighting', enterpriseId: 'opal-lighting', status: 'CONFIRMED',
    attendees: [{ name: 'Chen Jing', position: 'CEO', email: 'chen@opal.test' }], registeredAt: '2099-03-02T01:00:00Z',
    flag: { reason: 'SUSPENDED', at: '2099-03-05T01:00:00Z' }, history: [] },
  { id: 'reg-2', salonId: 'salon-1', clusterId: 'lighting', enterpriseId: 'amber-lamps', status: 'OFFERED',
    attendees: [{ name: 'Li Na' }], registeredAt: '2099-03-03T01:00:00Z', waitlistedAt: '2099-03-03T01:00:00Z',
    offerExpiresAt: '2099-03-10T10:00:00Z', history: [] },
]);

function show(answers: Parameters<typeof stubApi>[0] = {}, session = secretariat) {
  const calls = stubApi({
    'GET /api/salons/salons/salon-1': { body: salon },
    'GET /api/salons/salons/salon-1/programme': { body: programme },
    'GET /api/salons/salons/salon-1/registrations': { body: registrations },
    ...answers,
  });
  renderPage(<ManageSalonPage />, { path, at, session, timeZone: 'Asia/Shanghai' });
  return calls;
}

const session = (n: number) => screen.getByRole('group', { name: `Session ${n}` });
const set = (n: number, label: string, value: string) =>
  fireEvent.change(within(session(n)).getByLabelText(label), { target: { value } });

describe('ManageSalonPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the salon, who holds its sessions and its registrations with attendees, offers and flags', async () => {
    const calls = show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring salon' })).toBeInTheDocument();
    expect(screen.getByText('40 of 40')).toBeInTheDocument();
    const booked = screen.getByRole('rowheader', { name: 'Talk: Pricing a brand' }).closest('tr')!;
    expect(within(booked).getByText('Booked, to confirm')).toBeInTheDocument();
    expect(within(booked).getByText('Wang Li')).toBeInTheDocument();
    expect(within(booked).getByRole('button', { name: 'Confirm the expert for "Pricing a brand"' })).toBeInTheDocument();
    const planned = screen.getByRole('rowheader', { name: 'Talk: Ask the experts' }).closest('tr')!;
    expect(within(planned).getByRole('button', { name: 'Open "Ask the experts" to experts' })).toBeInTheDocument();

    const opal = (await screen.findByRole('rowheader', { name: 'opal-lighting' })).closest('tr')!;
    expect(within(opal).getByText('Confirmed')).toBeInTheDocument();
    expect(within(opal).getByText('Chen Jing, CEO <chen@opal.test>')).toBeInTheDocument();
    expect(within(opal).getByText(/Membership Suspended since/)).toBeInTheDocument();
    const amber = screen.getByRole('rowheader', { name: 'amber-lamps' }).closest('tr')!;
    expect(within(amber).getByText(/Seats offered until .*2099/)).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/registrations'))!.search).toBe('?page=0&size=20');
  });

  it('narrows the registrations to the flagged ones', async () => {
    const calls = show({
      'GET /api/salons/salons/salon-1/registrations?flagged=true&page=0&size=20': { body: page([]) },
    });
    await userEvent.click(await screen.findByLabelText('Only registrations flagged for membership standing'));
    expect(await screen.findByText(/No registration is flagged/)).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith('/registrations')).map((c) => c.search))
      .toEqual(['?page=0&size=20', '?flagged=true&page=0&size=20']);
  });

  it('opens a planned session to the experts and confirms a booking', async () => {
    const calls = show({
      'POST /api/salons/salons/salon-1/programme/slot-2/opening': { body: programme.slots[1] },
      'POST /api/salons/salons/salon-1/programme/slot-1/confirmation': { body: programme.slots[0] },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Open "Ask the experts" to experts' }));
    expect(await screen.findByText('"Ask the experts" is open: the experts of the cluster can book it.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm the expert for "Pricing a brand"' }));
    expect(await screen.findByText('The expert of "Pricing a brand" is confirmed.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/salons/salons/salon-1/programme/slot-2/opening', '/api/salons/salons/salon-1/programme/slot-1/confirmation',
    ]);
    expect(calls.filter((c) => c.path === '/api/salons/salons/salon-1/programme' && c.method === 'GET')).toHaveLength(3);
  });

  it('shows why the service refuses to release a session', async () => {
    show({
      'POST /api/salons/salons/salon-1/programme/slot-1/release': {
        status: 409, body: { title: 'Session slot in another state', status: 409, detail: 'This session slot is OPEN; it cannot become OPEN.' },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Release "Pricing a brand"' }));
    expect(await screen.findByText('This session slot is OPEN; it cannot become OPEN.')).toBeInTheDocument();
  });

  it('checks the programme before saving: titles, times within the salon, no overlaps', async () => {
    const calls = show();
    await screen.findByRole('heading', { name: 'Edit the programme' });
    expect(within(session(1)).getByLabelText('Starts')).toBeDisabled();
    expect(within(session(1)).queryByRole('button', { name: 'Remove session 1' })).toBeNull();
    set(2, 'Title', ' ');
    set(2, 'Starts', '2099-04-10T14:30');
    await userEvent.click(screen.getByRole('button', { name: 'Add a session' }));
    set(3, 'Title', 'Late clinic');
    set(3, 'Starts', '2099-04-10T16:30');
    set(3, 'Ends', '2099-04-10T17:30');
    await userEvent.click(screen.getByRole('button', { name: 'Save the programme' }));
    expect(within(session(2)).getByLabelText('Title')).toHaveAccessibleDescription('Required');
    expect(within(session(2)).getByLabelText('Starts')).toHaveAccessibleDescription('Overlaps "Pricing a brand"');
    expect(within(session(3)).getByLabelText('Starts')).toHaveAccessibleDescription("Must lie within the salon's times");
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('saves the whole programme with local times, keeping existing sessions by id', async () => {
    const calls = show({ 'PUT /api/salons/salons/salon-1/programme': { body: programme } });
    await screen.findByRole('heading', { name: 'Edit the programme' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove session 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a session' }));
    set(2, 'Kind', 'PANEL');
    set(2, 'Title', 'Brand owners on pricing');
    set(2, 'Description (optional)', 'Three owners, one moderator.');
    set(2, 'Starts', '2099-04-10T15:30');
    set(2, 'Ends', '2099-04-10T16:30');
    await userEvent.click(screen.getByRole('button', { name: 'Save the programme' }));
    expect(await screen.findByText('The programme is saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      slots: [
        { id: 'slot-1', kind: 'TALK', title: 'Pricing a brand', startsAt: '2099-04-10T14:00:00', endsAt: '2099-04-10T15:00:00' },
        { kind: 'PANEL', title: 'Brand owners on pricing', description: 'Three owners, one moderator.',
          startsAt: '2099-04-10T15:30:00', endsAt: '2099-04-10T16:30:00' },
      ],
    });
  });

  it('shows the service\'s field error by the session it names', async () => {
    show({
      'PUT /api/salons/salons/salon-1/programme': {
        status: 400, body: { title: 'Invalid request', status: 400, errors: [{ field: 'slots[1].title', message: 'size must be between 0 and 200' }] },
      },
    });
    await screen.findByRole('heading', { name: 'Edit the programme' });
    await userEvent.click(screen.getByRole('button', { name: 'Save the programme' }));
    expect(await screen.findByText('Please check the fields marked below.')).toBeInTheDocument();
    expect(within(session(2)).getByLabelText('Title')).toHaveAccessibleDescription('size must be between 0 and 200');
    expect(within(session(1)).getByLabelText('Title')).not.toHaveAccessibleDescription('size must be between 0 and 200');
  });

  it('keeps the programme of a salon that has started as it is', async () => {
    show({ 'GET /api/salons/salons/salon-1': { body: { ...salon, startsAt: '2020-04-10T06:00:00Z', endsAt: '2020-04-10T09:00:00Z' } } });
    expect(await screen.findByText('This salon has started.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Release "Pricing a brand"' })).toBeDisabled();
    expect(screen.queryByRole('heading', { name: 'Edit the programme' })).toBeNull();
  });

  it('refuses the page to an enterprise and to another cluster\'s secretariat, without asking the service', async () => {
    const calls = stubApi({});
    renderPage(<ManageSalonPage />, { path, at, session: sessionOf({ roles: ['enterprise'], enterprise_id: 'opal-lighting' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    renderPage(<ManageSalonPage />, { path, at, session: sessionOf({ roles: ['secretariat'], secretariat_of: ['textiles'] }) });
    expect(await screen.findAllByRole('heading', { level: 1, name: 'Not available to you' })).toHaveLength(2);
    expect(calls).toHaveLength(0);
  });
});
