import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import MemberPage from './MemberPage';
import { lighting, lightingSecretariat } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/members/:enterpriseId', at: '/secretariat/lighting/members/ent-1' };
const active = {
  id: 'm-1', clusterId: 'lighting', enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', memberNumber: 'LIGHT-2026-0001',
  tier: 'standard', status: 'ACTIVE', validFrom: '2026-02-01', validUntil: '2027-01-31', version: 1,
  history: [{ kind: 'ADMITTED', status: 'ACTIVE', at: '2026-02-01T01:00:00Z', by: 'sec-1', tier: 'standard', validUntil: '2027-01-31' }],
};
const member = '/api/membership/clusters/lighting/members/ent-1';

describe('MemberPage', () => {
  it('shows the membership and its history', async () => {
    stubApi({ 'GET /api/membership/clusters/lighting': { body: lighting }, [`GET ${member}`]: { body: active } });
    renderPage(<MemberPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bright Lamps Ltd' })).toBeInTheDocument();
    expect(screen.getByText('LIGHT-2026-0001')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Admitted' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /2026/ })).toBeInTheDocument();
  });

  it('suspends with a reason and shows the new state', async () => {
    let suspended = false;
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      [`GET ${member}`]: () => ({ body: suspended ? { ...active, status: 'SUSPENDED' } : active }),
      [`POST ${member}/suspension`]: () => { suspended = true; return { body: { ...active, status: 'SUSPENDED' } }; },
    });
    renderPage(<MemberPage />, { ...at, session: lightingSecretariat() });
    await user.click(await screen.findByRole('button', { name: 'Suspend' }));
    expect(screen.getByText('Please give a reason.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.type(screen.getByLabelText('Reason for suspending'), 'Fee unpaid');
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('The membership is suspended.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Fee unpaid' });
    expect(await screen.findByRole('button', { name: 'Reinstate' })).toBeInTheDocument();
  });

  it('changes the tier, refusing the current one before sending, and shows a conflict', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      [`GET ${member}`]: { body: active },
      [`PUT ${member}/tier`]: {
        status: 409,
        body: { type: 'urn:brandcluster:problem:membership-transition-refused', title: 'Not possible', detail: 'The membership changed meanwhile.' },
      },
    });
    renderPage(<MemberPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('option', { name: 'Premium' });
    await user.click(screen.getByRole('button', { name: 'Change the tier' }));
    expect(screen.getByText('Choose a tier other than the current one.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText('New tier'), 'premium');
    await user.type(screen.getByLabelText('Reason (optional)'), 'Upgraded');
    await user.click(screen.getByRole('button', { name: 'Change the tier' }));
    expect(await screen.findByText('The membership changed meanwhile.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ tier: 'premium', reason: 'Upgraded' });
  });

  it('renews without a note', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      [`GET ${member}`]: { body: active },
      [`POST ${member}/renewal`]: { body: { ...active, validUntil: '2028-01-31' } },
    });
    renderPage(<MemberPage />, { ...at, session: lightingSecretariat() });
    await user.click(await screen.findByRole('button', { name: 'Renew for a year' }));
    expect(await screen.findByText('The membership is renewed.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });
});
