import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import AvailabilityPage from './AvailabilityPage';

const profile = { id: 'expert-li', name: 'Li', topics: ['DESIGN'], languages: ['zh-CN'], timeZone: 'Asia/Shanghai', clusters: ['lighting'] };
const availability = {
  expertId: 'expert-li', timeZone: 'Asia/Shanghai', weekly: [{ day: 'MONDAY', start: '09:00:00', end: '12:00:00' }],
  overrides: [], slotMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 120,
  maxSessionsPerDay: null, autoConfirm: false, cancellationCutoffMinutes: 1440,
};

function show(answers: Parameters<typeof stubApi>[0] = {}) {
  const calls = stubApi({
    'GET /api/salons/experts/expert-li': { body: profile },
    'GET /api/salons/experts/expert-li/availability': { body: availability },
    ...answers,
  });
  renderPage(<AvailabilityPage />, { timeZone: 'Europe/Berlin', session: sessionOf({ roles: ['expert'], subject: 'expert-li' }) });
  return calls;
}

describe('AvailabilityPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the windows in the profile\'s time zone and says so when the browser is elsewhere', async () => {
    show();
    expect(await screen.findByLabelText('Monday, window 1: from')).toHaveValue('09:00');
    expect(screen.getByLabelText('Monday, window 1: to')).toHaveValue('12:00');
    expect(screen.getByText(/this browser is in Europe\/Berlin/)).toBeInTheDocument();
    expect(screen.getByLabelText('Free time after each (minutes)')).toHaveValue(15);
  });

  it('refuses a window that ends before it starts without sending anything', async () => {
    const calls = show();
    const end = await screen.findByLabelText('Monday, window 1: to');
    await userEvent.clear(end);
    await userEvent.type(end, '08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Monday, window 1: from')).toHaveAccessibleDescription(
      'The end must be after the start (00:00 is midnight)');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('saves the whole availability, a day off included', async () => {
    const calls = show({ 'PUT /api/salons/experts/expert-li/availability': { body: availability } });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a date' }));
    await userEvent.type(screen.getByLabelText('Date'), '2026-05-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      weekly: [{ day: 'MONDAY', start: '09:00', end: '12:00' }],
      overrides: [{ date: '2026-05-01', windows: [] }],
      slotMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 120,
      autoConfirm: false, cancellationCutoffMinutes: 1440,
    });
  });

  it('shows the server\'s error on a setting next to that setting', async () => {
    show({
      'PUT /api/salons/experts/expert-li/availability': {
        status: 400, body: { title: 'Invalid request', errors: [{ field: 'slotMinutes', message: 'does not fit the windows' }] },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText('Consultation length (minutes)')).toHaveAccessibleDescription(
      expect.stringContaining('does not fit the windows'));
  });
});
