import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ApplicationsPage from './ApplicationsPage';
import { lighting, lightingSecretariat } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const submitted = {
  id: 'app-1', clusterId: 'lighting', enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', requestedTier: 'premium',
  motivation: 'We make lamps.', status: 'SUBMITTED', submittedAt: '2026-11-20T02:00:00Z', history: [],
};
const rejected = {
  id: 'app-0', clusterId: 'lighting', enterpriseId: 'ent-0', enterpriseName: 'Dim Bulbs Co', status: 'REJECTED',
  submittedAt: '2026-10-01T02:00:00Z', decidedAt: '2026-10-02T02:00:00Z', reason: 'Not in the industry', history: [],
};
const at = { path: '/secretariat/:clusterId/applications', at: '/secretariat/lighting/applications' };

describe('ApplicationsPage', () => {
  it('shows the waiting applications and the decided ones', async () => {
    stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/applications': { body: [submitted, rejected] },
    });
    renderPage(<ApplicationsPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('heading', { name: 'Bright Lamps Ltd' })).toBeInTheDocument();
    expect(screen.getByText('We make lamps.')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Dim Bulbs Co' })).toBeInTheDocument();
    expect(screen.getByText('Not in the industry')).toBeInTheDocument();
  });

  it('approves in the chosen tier', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/applications': { body: [submitted] },
      'POST /api/membership/applications/app-1/approval': { body: { ...submitted, status: 'APPROVED', memberNumber: 'LIGHT-2026-0001' } },
    });
    renderPage(<ApplicationsPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('heading', { name: 'Bright Lamps Ltd' });
    await screen.findByRole('option', { name: 'Standard' });
    await user.selectOptions(screen.getByLabelText('Tier on approval'), 'standard');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Bright Lamps Ltd is now a member: LIGHT-2026-0001.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ tier: 'standard' });
  });

  it('refuses to reject without a reason, without asking the server', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/applications': { body: [submitted] },
    });
    renderPage(<ApplicationsPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('heading', { name: 'Bright Lamps Ltd' });
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(screen.getByText('Please give a reason.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server refusing the rejection next to the reason', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/applications': { body: [submitted] },
      'POST /api/membership/applications/app-1/rejection': {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', errors: [{ field: 'reason', message: 'must not be rude' }] },
      },
    });
    renderPage(<ApplicationsPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('heading', { name: 'Bright Lamps Ltd' });
    await user.type(screen.getByLabelText('Reason for rejecting (sent to the enterprise)'), 'Go away');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText('must not be rude')).toBeInTheDocument();
    expect(screen.getByLabelText('Reason for rejecting (sent to the enterprise)')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Go away' });
  });

  it('is not shown to the secretariat of another cluster', async () => {
    const calls = stubApi({});
    renderPage(<ApplicationsPage />, { ...at, session: sessionOf({ roles: ['secretariat'], secretariat_of: ['coal'] }) });
    expect(screen.getByRole('heading', { name: 'Not available to you' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(0));
  });
});
