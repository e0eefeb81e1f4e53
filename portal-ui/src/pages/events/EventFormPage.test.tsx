import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import EventFormPage from './EventFormPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const routes = [
  { path: '/events/new', element: <EventFormPage /> },
  { path: '/events/:eventId/edit', element: <EventFormPage /> },
  { path: '/events/:eventId', element: <p>event page</p> },
];

const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fill() {
  set('Title', 'Autumn plenary');
  set('Time zone of the event', 'Asia/Shanghai');
  set('Starts', '2026-10-10T09:00');
  set('Ends', '2026-10-10T17:00');
  set('Venue', 'Hangzhou');
  set('Seats in all', '80');
  set('Seats per enterprise', '2');
  set('Registration opens', '2026-09-01T09:00');
  set('Registration closes', '2026-10-09T18:00');
}

describe('EventFormPage', () => {
  it('checks the times before sending anything', async () => {
    const calls = stubApi({});
    renderPage(<></>, { routes, at: '/events/new?cluster=lighting', session: secretariat });
    fill();
    set('Ends', '2026-10-10T08:00');
    set('Registration closes', '2026-10-11T08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Ends')).toHaveAccessibleDescription('Must end after it starts.');
    expect(screen.getByLabelText('Registration closes')).toHaveAccessibleDescription(/no later than the event starts/);
    expect(calls).toHaveLength(0);
  });

  it('creates the event with local times in its zone and opens it', async () => {
    const calls = stubApi({ 'POST /api/events/clusters/lighting/events': { status: 201, body: { id: 'e7', version: 0 } } });
    const { router } = renderPage(<></>, { routes, at: '/events/new?cluster=lighting', session: secretariat });
    fill();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/events/e7'));
    expect(calls[0].body).toMatchObject({
      kind: 'COOPERATION_MEETING', title: 'Autumn plenary', timeZone: 'Asia/Shanghai', startsAt: '2026-10-10T09:00:00',
      endsAt: '2026-10-10T17:00:00', capacity: 80, seatsPerEnterprise: 2, registrationClosesAt: '2026-10-09T18:00:00',
      venue: 'Hangzhou', visibility: 'MEMBERS_ONLY', registrationPolicy: 'AUTOMATIC', agenda: [],
    });
  });

  it('shows the server\'s refusal of the time zone next to it', async () => {
    stubApi({
      'POST /api/events/clusters/lighting/events': {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400, detail: '\'Mars/Olympus\' is not an IANA time zone id such as Asia/Shanghai.', errors: [{ field: 'timeZone', message: 'must be an IANA time zone id such as Asia/Shanghai' }] },
      },
    });
    renderPage(<></>, { routes, at: '/events/new?cluster=lighting', session: secretariat });
    fill();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Time zone of the event')).toHaveAccessibleDescription(/must be an IANA time zone id/));
  });

  it('edits an existing event with a merge patch', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1': { body: {
        id: 'e1', clusterId: 'lighting', kind: 'WORKSHOP', title: 'Old title', timeZone: 'Asia/Shanghai',
        startsAt: '2026-10-10T01:00:00Z', endsAt: '2026-10-10T09:00:00Z', localStartsAt: '2026-10-10T09:00:00',
        localEndsAt: '2026-10-10T17:00:00', venue: 'Ningbo', capacity: 50, seatsPerEnterprise: 2, seatsTaken: 0,
        seatsAvailable: 50, registrationOpensAt: '2026-09-01T01:00:00Z', registrationClosesAt: '2026-10-09T10:00:00Z',
        visibility: 'PUBLIC', registrationPolicy: 'APPROVAL', status: 'DRAFT', version: 2, agenda: [],
      } },
      'PATCH /api/events/events/e1': { body: { id: 'e1', version: 3 } },
    });
    const { router } = renderPage(<></>, { routes, at: '/events/e1/edit', session: secretariat });
    const title = await screen.findByDisplayValue('Old title');
    expect(screen.getByLabelText('Registration opens')).toHaveValue('2026-09-01T09:00');
    fireEvent.change(title, { target: { value: 'New title' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/events/e1'));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      title: 'New title', kind: 'WORKSHOP', registrationOpensAt: '2026-09-01T09:00:00', registrationClosesAt: '2026-10-09T18:00:00',
    });
  });
});
