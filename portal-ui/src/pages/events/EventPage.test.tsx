import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import EventPage from './EventPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const event = {
  id: 'e1', clusterId: 'lighting', kind: 'COOPERATION_MEETING', title: 'Spring cooperation meeting',
  startsAt: '2026-04-10T01:00:00Z', endsAt: '2026-04-10T09:00:00Z', timeZone: 'Asia/Shanghai',
  localStartsAt: '2026-04-10T09:00:00', localEndsAt: '2026-04-10T17:00:00', venue: 'Ningbo', capacity: 100,
  seatsPerEnterprise: 2, seatsTaken: 10, seatsAvailable: 90, registrationOpensAt: '2026-03-01T00:00:00Z',
  registrationClosesAt: '2026-04-09T00:00:00Z', visibility: 'MEMBERS_ONLY', registrationPolicy: 'AUTOMATIC',
  status: 'PUBLISHED', version: 3,
  agenda: [{ title: 'Opening', startsAt: '2026-04-10T01:00:00Z', endsAt: '2026-04-10T02:30:00Z', speakers: [{ name: 'Li Wei', organisation: 'Alliance' }] }],
};
const empty = { body: { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 } };
const enterprise = sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' });

function stubEvent(extra: Record<string, unknown> = {}) {
  return stubApi({
    'GET /api/events/events/e1': { body: event },
    'GET /api/events/events/e1/registrations': empty,
    'GET /api/events/events/e1/attendees': empty,
    'GET /api/events/events/e1/meeting-slots': { status: 404, body: { type: 'urn:brandcluster:problem:not-found', title: 'Not found', status: 404 } },
    'GET /api/events/events/e1/meetings': { body: { exchangeEventId: 'e1', enterpriseId: 'ent-1', meetings: [] } },
    ...extra,
  } as Parameters<typeof stubApi>[0]);
}

const show = (session = enterprise, timeZone = 'Europe/Berlin') =>
  renderPage(<EventPage />, { path: '/events/:eventId', at: '/events/e1', session, timeZone });

describe('EventPage', () => {
  it('shows the event and its agenda in the viewer\'s time zone, with the calendar download', async () => {
    stubEvent();
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring cooperation meeting' })).toBeInTheDocument();
    const agenda = screen.getByRole('table');
    expect(within(agenda).getByText(/3:00 AM–4:30 AM/)).toBeInTheDocument();
    expect(screen.getByText(/local time at the event: 2026-04-10 09:00, Asia\/Shanghai/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('href', '/api/events/events/e1/calendar');
  });

  it('does not register attendees whose answers are missing', async () => {
    const calls = stubEvent();
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Register' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(/Enter an e-mail address/);
    expect(screen.getByLabelText('Shown on the attendee list to other members?')).toHaveAccessibleDescription(/choose an answer/);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('registers attendees with their consent and shows the outcome', async () => {
    const calls = stubEvent({
      'POST /api/events/events/e1/registrations': { status: 201, body: { id: 'r1', status: 'CONFIRMED', version: 0 } },
    });
    show();
    await userEvent.type(await screen.findByLabelText('Name'), 'Zhang San');
    await userEvent.type(screen.getByLabelText('E-mail'), 'zhang@example.com');
    await userEvent.selectOptions(screen.getByLabelText('Shown on the attendee list to other members?'), 'no');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Registered: your seats are confirmed.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      attendees: [{ name: 'Zhang San', email: 'zhang@example.com', consentToAttendeeList: false }],
    });
  });

  it('shows the server\'s refusal of an attendee\'s e-mail next to that field', async () => {
    stubEvent({
      'POST /api/events/events/e1/registrations': {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400, errors: [{ field: 'attendees[0].email', message: 'must be a well-formed email address' }] },
      },
    });
    show();
    await userEvent.type(await screen.findByLabelText('Name'), 'Zhang San');
    await userEvent.type(screen.getByLabelText('E-mail'), 'zhang@example.com');
    await userEvent.selectOptions(screen.getByLabelText('Shown on the attendee list to other members?'), 'yes');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('must be a well-formed email address'));
  });

  it('cancels the enterprise\'s own registration', async () => {
    const calls = stubEvent({
      'GET /api/events/events/e1/registrations': { body: { content: [{ id: 'r1', enterpriseId: 'ent-1', status: 'CONFIRMED', attendees: [{ id: 'a1', name: 'Zhang San', email: 'z@example.com', consentToAttendeeList: true }], version: 1 }], page: 0, size: 20, totalElements: 1, totalPages: 1 } },
      'POST /api/events/registrations/r1/cancellation': { body: { id: 'r1', status: 'CANCELLED', version: 2 } },
    });
    show();
    expect(await screen.findByRole('link', { name: 'check-in QR code of Zhang San' })).toHaveAttribute('href', '/api/events/registrations/r1/attendees/a1/qr');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel registration' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/events/registrations/r1/cancellation')).toBe(true));
  });

  it('lets the invited enterprise accept a meeting request', async () => {
    const calls = stubEvent({
      'GET /api/events/events/e1/meeting-slots': { body: { exchangeEventId: 'e1', slots: [{ id: 's1', startsAt: '2026-04-10T06:00:00Z', endsAt: '2026-04-10T06:30:00Z' }], tables: [], tableCount: 0, version: 0 } },
      'GET /api/events/events/e1/meetings': { body: { exchangeEventId: 'e1', enterpriseId: 'ent-1', meetings: [{ id: 'm1', requesterEnterpriseId: 'ent-2', inviteeEnterpriseId: 'ent-1', status: 'REQUESTED', slot: { id: 's1', startsAt: '2026-04-10T06:00:00Z', endsAt: '2026-04-10T06:30:00Z' }, version: 0 }] } },
      'POST /api/events/meetings/m1/acceptance': { body: { id: 'm1', status: 'ACCEPTED', version: 1 } },
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/events/meetings/m1/acceptance')).toBe(true));
  });

  it('asks for the partner and slot before requesting a meeting, then sends the request', async () => {
    const calls = stubEvent({
      'GET /api/events/events/e1/meeting-slots': { body: { exchangeEventId: 'e1', slots: [{ id: 's1', startsAt: '2026-04-10T06:00:00Z', endsAt: '2026-04-10T06:30:00Z' }], tables: [], tableCount: 0, version: 0 } },
      'GET /api/events/events/e1/attendees': { body: { content: [{ name: 'Wang', enterpriseId: 'ent-2', enterpriseName: 'Bright Lamps' }], page: 0, size: 20, totalElements: 1, totalPages: 1 } },
      'POST /api/events/events/e1/meetings': { status: 201, body: { id: 'm2', status: 'REQUESTED', version: 0 } },
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Send request' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.selectOptions(screen.getByLabelText('With'), 'ent-2');
    await userEvent.selectOptions(screen.getByLabelText('Slot'), 's1');
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText(/Request sent/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ withEnterpriseId: 'ent-2', slotId: 's1' });
  });

  it('tells an enterprise that has not registered that meetings come after registering', async () => {
    stubEvent({
      'GET /api/events/events/e1/meeting-slots': { body: { exchangeEventId: 'e1', slots: [{ id: 's1', startsAt: '2026-04-10T06:00:00Z', endsAt: '2026-04-10T06:30:00Z' }], tables: [], tableCount: 0, version: 0 } },
      'GET /api/events/events/e1/meetings': { status: 403, body: { type: 'urn:brandcluster:problem:forbidden', title: 'Forbidden', status: 403 } },
    });
    show();
    expect(await screen.findByText(/register first/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send request' })).not.toBeInTheDocument();
  });

  it('gives the secretariat approval of pending registrations', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1': { body: event },
      'GET /api/events/events/e1/registrations': { body: { content: [{ id: 'r9', enterpriseId: 'ent-9', status: 'PENDING', attendees: [{ name: 'Qian' }], version: 0 }], page: 0, size: 20, totalElements: 1, totalPages: 1 } },
      'GET /api/events/events/e1/attendees': empty,
      'POST /api/events/registrations/r9/approval': { body: { id: 'r9', status: 'CONFIRMED', version: 1 } },
    });
    show(sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/events/registrations/r9/approval')).toBe(true));
    expect(screen.getAllByRole('heading', { name: 'Attendees' })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Download the attendee list (CSV)' })).toHaveAttribute('href', '/api/events/events/e1/attendees?format=csv');
    expect(calls.find((c) => c.path === '/api/events/events/e1/registrations')?.search).toContain('status=PENDING');
  });

  it('requires a reason before cancelling an event', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1': { body: event },
      'GET /api/events/events/e1/registrations': empty,
      'GET /api/events/events/e1/attendees': empty,
      'POST /api/events/events/e1/cancellation': { body: { ...event, status: 'CANCELLED' } },
    });
    show(sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }));
    await userEvent.click(await screen.findByText('Cancel this event'));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the event and its registrations' }));
    expect(screen.getByLabelText('Reason for cancelling')).toHaveAccessibleDescription('Required.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText('Reason for cancelling'), 'Venue closed');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the event and its registrations' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Venue closed' }));
  });
});
