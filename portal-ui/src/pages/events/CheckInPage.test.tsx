import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import CheckInPage from './CheckInPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const counts = { body: { exchangeEventId: 'e1', registered: 12, confirmed: 10, checkedIn: 3, enterprises: [] } };
const show = () => renderPage(<CheckInPage />, { path: '/events/:eventId/check-in', at: '/events/e1/check-in', session: secretariat });

describe('CheckInPage', () => {
  it('checks an attendee in by code and shows who it was', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1/attendance': counts,
      'POST /api/events/events/e1/check-in': { body: { registrationId: 'r1', enterpriseName: 'Bright Lamps', alreadyCheckedIn: false, attendees: [{ attendeeId: 'a1', name: 'Zhang San', checkedInAt: '2026-04-10T01:05:00Z', alreadyCheckedIn: false }] } },
    });
    show();
    expect(await screen.findByText('3 checked in of 10 confirmed (12 registered).')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Check-in code'), ' K7Q2-M9 ');
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('Checked in: Bright Lamps')).toBeInTheDocument();
    expect(screen.getByText(/Zhang San/)).toHaveTextContent('9:05 AM');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'K7Q2-M9' });
  });

  it('sends nothing without a code', async () => {
    const calls = stubApi({ 'GET /api/events/events/e1/attendance': counts });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Check in' }));
    expect(screen.getByLabelText('Check-in code')).toHaveAccessibleDescription(/Required\./);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('says why an unknown code is refused', async () => {
    stubApi({
      'GET /api/events/events/e1/attendance': counts,
      'POST /api/events/events/e1/check-in': { status: 404, body: { type: 'urn:brandcluster:problem:check-in-code-not-found', title: 'Unknown check-in code', status: 404, detail: 'No attendee of this event has this code.' } },
    });
    show();
    await userEvent.type(await screen.findByLabelText('Check-in code'), 'NOPE');
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No attendee of this event has this code.');
  });

  it('checks in everyone of a registration', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1/attendance': counts,
      'POST /api/events/registrations/r5/check-in': { body: { registrationId: 'r5', enterpriseName: 'Glow Ltd', alreadyCheckedIn: true, attendees: [] } },
    });
    show();
    await userEvent.type(await screen.findByLabelText('Registration number'), 'r5');
    await userEvent.click(screen.getByRole('button', { name: 'Check in everyone of this registration' }));
    expect(await screen.findByText('Already checked in before: Glow Ltd')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/events/events/e1/attendance')).toHaveLength(2));
  });
});
