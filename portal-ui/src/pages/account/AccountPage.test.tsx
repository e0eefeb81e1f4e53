import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import AccountPage from './AccountPage';

const session = sessionOf({ roles: ['enterprise'], subject: 'li-ming', name: 'Li Ming', email: 'li.ming@opple.example' });
const exportOf = (service: string) => ({ body: { service, subject: 'li-ming', exportedAt: '2026-11-21T08:00:00Z', records: [] } });
const everyExport = {
  'GET /api/membership/me/personal-data': exportOf('membership-service'),
  'GET /api/events/me/personal-data': exportOf('events-service'),
  'GET /api/salons/me/personal-data': exportOf('expert-salon-service'),
  'GET /api/assets/me/personal-data': exportOf('branding-assets-service'),
  'GET /api/notifications/me/personal-data': exportOf('notification-service'),
};

/** The JSON files the page hands to the browser's save dialog. */
function savedFiles() {
  const saved: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => { saved.push(blob); return 'blob:export'; });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return saved;
}

/** A saved file's text (jsdom's Blob has no text()). */
function textOf(blob: Blob) {
  return new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('AccountPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('downloads one JSON file with every service\'s export of the user\'s data', async () => {
    stubApi(everyExport);
    const saved = savedFiles();
    renderPage(<AccountPage />, { session });

    await userEvent.click(screen.getByRole('button', { name: 'Download my data' }));

    expect(await screen.findByText('Your data was saved as my-personal-data.json.')).toBeInTheDocument();
    expect(saved).toHaveLength(1);
    const file = JSON.parse(await textOf(saved[0]));
    expect(Object.keys(file.services).sort()).toEqual(['assets', 'events', 'membership', 'notifications', 'salons']);
    expect(file.services.salons.service).toBe('expert-salon-service');
    expect(file.unavailable).toEqual([]);
  });

  it('saves what it got and names the services that did not answer', async () => {
    stubApi({ ...everyExport, 'GET /api/events/me/personal-data': { status: 503, body: { title: 'Service unavailable' } } });
    const saved = savedFiles();
    renderPage(<AccountPage />, { session });

    await userEvent.click(screen.getByRole('button', { name: 'Download my data' }));

    expect(await screen.findByText(/without the data of: exchange events/)).toBeInTheDocument();
    const file = JSON.parse(await textOf(saved[0]));
    expect(file.services.events).toBeUndefined();
    expect(file.unavailable).toEqual([{ service: 'events', status: 503, title: 'Service unavailable' }]);
  });

  it('asks for the erasure only after the user confirms it, then offers to sign out', async () => {
    const calls = stubApi({
      'POST /api/membership/me/erasure': { status: 202, body: { requestId: 'req-42', state: 'ERASED', requestedAt: '2026-11-21T08:00:00Z' } },
    });
    renderPage(<AccountPage />, { session });

    await userEvent.click(screen.getByRole('button', { name: 'Erase my data…' }));
    const erase = screen.getByRole('button', { name: 'Erase my data' });
    expect(erase).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'I understand that my account and data are erased for good' }));
    await userEvent.click(erase);

    expect(await screen.findByText(/request req-42/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(session.logout).toHaveBeenCalled();
  });

  it('shows what to do when the user is the last admin of their enterprise', async () => {
    stubApi({
      'POST /api/membership/me/erasure': { status: 409, body: {
        type: 'urn:brandcluster:problem:last-admin', title: 'Last admin',
        detail: 'You are the last admin of Opple Lighting: make a colleague an admin (or invite one) first, then ask for the erasure of your data again.',
      } },
    });
    renderPage(<AccountPage />, { session });

    await userEvent.click(screen.getByRole('button', { name: 'Erase my data…' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'I understand that my account and data are erased for good' }));
    await userEvent.click(screen.getByRole('button', { name: 'Erase my data' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('make a colleague an admin');
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('is for signed-in users only', () => {
    renderPage(<AccountPage />, { session: sessionOf() });
    expect(screen.queryByRole('button', { name: 'Download my data' })).not.toBeInTheDocument();
  });
});
